#!/usr/bin/env bash
# Smoke test of the real-apiserver test setup: build (if needed), start, exercise the API with
# plain curl, proxy pods/log to the stub kubelet, stop. Exits non-zero on the first failure.
#
#   scripts/kube/smoke-test.sh [--with-controller-manager] [--keep-state]
#
# --with-controller-manager  also start kube-controller-manager and check that the Deployment
#                            gets a ReplicaSet and Pods.
# --keep-state               keep the state directory (logs) after a successful run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

WITH_CM=0
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --with-controller-manager) WITH_CM=1 ;;
    --keep-state) KEEP=1 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) kube_die "unknown argument: $arg" ;;
  esac
done

STATE="$(mktemp -d "${TMPDIR:-/tmp}/kube-smoke.XXXXXX")"
WORK="$STATE/smoke"
mkdir -p "$WORK/logs"
STUB_PID=""
FOLLOW_PID=""
OK=0

finish() {
  local rc=$?
  if [ -n "$FOLLOW_PID" ]; then kill "$FOLLOW_PID" 2>/dev/null || true; fi
  if [ -n "$STUB_PID" ] && kill -0 "$STUB_PID" 2>/dev/null; then kill "$STUB_PID" 2>/dev/null || true; fi
  "$HERE/stop-apiserver.sh" "$STATE" >&2 || true
  if [ "$OK" -eq 1 ] && [ "$KEEP" -eq 0 ]; then
    rm -rf "$STATE"
  else
    kube_log "state and logs kept in $STATE"
  fi
  if [ "$OK" -eq 1 ]; then kube_log "SMOKE TEST PASSED"; else kube_log "SMOKE TEST FAILED (rc=$rc)"; fi
}
trap finish EXIT

fail() { kube_die "FAIL: $*"; }
step() { printf '\n[kube] --- %s\n' "$*" >&2; }
TIMINGS=()
timed() { # <label> <start>
  local s; s=$(kube_elapsed "$2")
  TIMINGS+=("$1: ${s}s")
  kube_log "$1: ${s}s"
}

T_ALL=$(kube_now)

# ---- build + start ----------------------------------------------------------
step "build (cached if already built)"
T=$(kube_now)
BIN_PATHS="$("$HERE/build-apiserver.sh")" || fail "build-apiserver.sh failed"
eval "$BIN_PATHS"
export KUBE_APISERVER_BIN KUBE_CONTROLLER_MANAGER_BIN KUBE_ETCD_BIN
timed "build/cache check" "$T"

step "start etcd + kube-apiserver$([ "$WITH_CM" -eq 1 ] && echo " + kube-controller-manager")"
T=$(kube_now)
START_ARGS=("$STATE")
[ "$WITH_CM" -eq 1 ] && START_ARGS=(--with-controller-manager "$STATE")
ENV_FILE="$("$HERE/start-apiserver.sh" "${START_ARGS[@]}")" || fail "start-apiserver.sh failed"
timed "start" "$T"
# shellcheck disable=SC1090
. "$ENV_FILE"
for v in KUBE_API_URL KUBE_ADMIN_TOKEN KUBE_USER_TOKEN KUBE_CA_FILE KUBECONFIG_ADMIN KUBECONFIG_USER; do
  [ -n "${!v:-}" ] || fail "$ENV_FILE does not set $v"
done
if [ ! -s "$KUBECONFIG_ADMIN" ] || [ ! -s "$KUBECONFIG_USER" ]; then fail "kubeconfig files missing"; fi

T_SMOKE=$(kube_now)

# req <expected-status> <method> <path> [json-body] [token] [content-type]
# The response body is left in $WORK/body.
req() {
  local want="$1" method="$2" path="$3" body="${4:-}" token="${5:-$KUBE_ADMIN_TOKEN}" ctype="${6:-application/json}" got
  local args=(-sS -o "$WORK/body" -w '%{http_code}' --cacert "$KUBE_CA_FILE" -X "$method"
    -H "Authorization: Bearer $token" -H 'Accept: application/json')
  [ -n "$body" ] && args+=(-H "Content-Type: $ctype" --data-binary "$body")
  got="$(curl "${args[@]}" "$KUBE_API_URL$path")" || fail "$method $path: curl failed"
  if [ "$got" != "$want" ]; then
    kube_log "response body: $(head -c 2000 "$WORK/body")"
    fail "$method $path: expected HTTP $want, got $got"
  fi
}
jqb() { jq -r "$@" "$WORK/body"; }

step "version and discovery"
req 200 GET /version
[ "$(jqb .gitVersion)" = "v1.20.2" ] || fail "unexpected /version: $(cat "$WORK/body")"
kube_log "server version $(jqb .gitVersion)"

step "namespace, Secret, Deployment"
NS=smoke
req 201 POST /api/v1/namespaces '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"'$NS'"}}'
req 201 POST "/api/v1/namespaces/$NS/secrets" \
  '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"gateway-keys"},"type":"Opaque","stringData":{"api-key":"s3cret"}}'
req 200 GET "/api/v1/namespaces/$NS/secrets/gateway-keys"
[ "$(jqb '.data["api-key"]' | base64 -d)" = "s3cret" ] || fail "Secret data round trip"
req 201 POST "/apis/apps/v1/namespaces/$NS/deployments" '{
  "apiVersion":"apps/v1","kind":"Deployment",
  "metadata":{"name":"gateway","labels":{"app.kubernetes.io/name":"gateway"}},
  "spec":{"replicas":2,
    "selector":{"matchLabels":{"app.kubernetes.io/name":"gateway","app.kubernetes.io/component":"server"}},
    "template":{"metadata":{"labels":{"app.kubernetes.io/name":"gateway","app.kubernetes.io/component":"server"}},
      "spec":{"containers":[{"name":"gateway","image":"portkeyai/gateway:latest"}]}}}}'
req 404 GET "/api/v1/namespaces/$NS/secrets/does-not-exist"

step "stub kubelet and a Node pointing at it"
mkdir -p "$WORK/logs/$NS/p"
NOW=$(date -u +%s)
for i in 1 2 3 4; do
  echo "$(date -u -d "@$((NOW - 50 + i * 10))" +%Y-%m-%dT%H:%M:%S.%NZ) gateway log line $i"
done >"$WORK/logs/$NS/p/gateway.log"
node "$HERE/stub-kubelet.mjs" --log-dir "$WORK/logs" --port-file "$WORK/stub.port" >"$WORK/stub-kubelet.log" 2>&1 &
STUB_PID=$!
for _ in $(seq 1 50); do [ -s "$WORK/stub.port" ] && break; sleep 0.1; done
[ -s "$WORK/stub.port" ] || fail "stub kubelet did not start: $(cat "$WORK/stub-kubelet.log")"
STUB_PORT="$(cat "$WORK/stub.port")"
kube_log "stub kubelet on https://127.0.0.1:$STUB_PORT"
NODE_JSON="$(node --input-type=module -e "
  import { stubNodeManifest } from '$HERE/stub-kubelet.mjs';
  console.log(JSON.stringify(stubNodeManifest({ name: 'stub-node', port: $STUB_PORT })));")"
req 201 POST /api/v1/nodes "$NODE_JSON"
if [ "$(jqb '.status.daemonEndpoints.kubeletEndpoint.Port')" != "$STUB_PORT" ]; then
  kube_log "Node status was not kept on create; PATCHing nodes/stub-node/status"
  req 200 PATCH /api/v1/nodes/stub-node/status "$NODE_JSON" "$KUBE_ADMIN_TOKEN" application/merge-patch+json
fi
[ "$(jqb '.status.addresses[0].address')" = "127.0.0.1" ] || fail "Node address not stored"

step "pods: create on the node, PATCH status to Running/ready"
req 201 POST "/api/v1/namespaces/$NS/pods" '{
  "apiVersion":"v1","kind":"Pod",
  "metadata":{"name":"p","labels":{"app.kubernetes.io/name":"gateway"}},
  "spec":{"nodeName":"stub-node","containers":[{"name":"gateway","image":"portkeyai/gateway:latest"}]}}'
[ "$(jqb .status.phase)" = "Pending" ] || fail "new pod should be Pending, is $(jqb .status.phase)"
req 201 POST "/api/v1/namespaces/$NS/pods" '{
  "apiVersion":"v1","kind":"Pod",
  "metadata":{"name":"migrate","labels":{"app.kubernetes.io/name":"gateway","app.kubernetes.io/component":"migrations"}},
  "spec":{"nodeName":"stub-node","containers":[{"name":"migrate","image":"busybox"}]}}'
TS="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
req 200 PATCH "/api/v1/namespaces/$NS/pods/p/status" '{"status":{
  "phase":"Running","podIP":"10.1.0.5","hostIP":"127.0.0.1","startTime":"'"$TS"'",
  "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"'"$TS"'"},
                {"type":"ContainersReady","status":"True","lastTransitionTime":"'"$TS"'"}],
  "containerStatuses":[{"name":"gateway","ready":true,"started":true,"restartCount":1,
    "image":"portkeyai/gateway:latest","imageID":"","containerID":"containerd://abc",
    "state":{"running":{"startedAt":"'"$TS"'"}}}]}}' "$KUBE_ADMIN_TOKEN" application/merge-patch+json
req 200 GET "/api/v1/namespaces/$NS/pods/p"
[ "$(jqb .status.phase)" = "Running" ] || fail "pod phase after PATCH: $(jqb .status.phase)"
[ "$(jqb '.status.containerStatuses[0].ready')" = "true" ] || fail "container not ready after PATCH"

step "list pods with a set-based label selector"
SEL='app.kubernetes.io/name=gateway,!app.kubernetes.io/component'
SEL_Q="$(jq -rn --arg s "$SEL" '$s|@uri')"
req 200 GET "/api/v1/namespaces/$NS/pods?labelSelector=$SEL_Q"
NAMES="$(jqb '[.items[].metadata.name] | sort | join(",")')"
[ "$NAMES" = "p" ] || fail "selector $SEL returned [$NAMES], expected [p]"
kube_log "selector '$SEL' -> [$NAMES]"

step "pods/log through the apiserver (answered by the stub kubelet)"
req 200 GET "/api/v1/namespaces/$NS/pods/p/log?tailLines=2"
EXPECTED="$(printf 'gateway log line 3\ngateway log line 4')"
[ "$(cat "$WORK/body")" = "$EXPECTED" ] || fail "log tailLines=2: got '$(cat "$WORK/body")'"
req 200 GET "/api/v1/namespaces/$NS/pods/p/log?tailLines=1&timestamps=true"
grep -qE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[^ ]+Z gateway log line 4$' "$WORK/body" || fail "timestamps=true: got '$(cat "$WORK/body")'"
req 200 GET "/api/v1/namespaces/$NS/pods/p/log?container=gateway&sinceSeconds=25"
[ "$(cat "$WORK/body")" = "$EXPECTED" ] || fail "log sinceSeconds=25: got '$(cat "$WORK/body")'"
grep -q '"path":"/containerLogs/smoke/p/gateway","query":{"tailLines":"2"}' "$WORK/stub-kubelet.log" ||
  fail "the stub kubelet did not see the proxied request: $(cat "$WORK/stub-kubelet.log")"
req 200 GET "/api/v1/namespaces/$NS/pods/p/log?limitBytes=10"
[ "$(cat "$WORK/body")" = "gateway lo" ] || fail "log limitBytes=10: got '$(cat "$WORK/body")'"
req 404 GET "/api/v1/namespaces/$NS/pods/nope/log"
req 400 GET "/api/v1/namespaces/$NS/pods/p/log?container=wrong"
grep -q 'container wrong is not valid for pod p' "$WORK/body" || fail "wrong container: unexpected 400 body $(cat "$WORK/body")"
kube_log "wrong container -> 400: $(jqb .message)"
req 400 GET "/api/v1/namespaces/$NS/pods/p/log?previous=true"
kube_log "previous=true without a previous log -> 400: $(jqb .message)"

step "RBAC: the unprivileged user gets real 403s"
req 403 GET "/api/v1/namespaces/$NS/pods" "" "$KUBE_USER_TOKEN"
[ "$(jqb .reason)" = "Forbidden" ] || fail "403 without reason Forbidden"
kube_log "user -> 403: $(jqb .message)"
req 401 GET "/api/v1/namespaces/$NS/pods" "" "not-a-token"

step "follow: a line appended after the request started arrives"
: >"$WORK/follow.out"
curl -sS -N --max-time 20 --cacert "$KUBE_CA_FILE" -H "Authorization: Bearer $KUBE_ADMIN_TOKEN" \
  "$KUBE_API_URL/api/v1/namespaces/$NS/pods/p/log?follow=true&tailLines=1" >"$WORK/follow.out" 2>"$WORK/follow.err" &
FOLLOW_PID=$!
for _ in $(seq 1 50); do grep -q 'gateway log line 4' "$WORK/follow.out" && break; sleep 0.1; done
grep -q 'gateway log line 4' "$WORK/follow.out" || fail "follow: initial tail line not received: $(cat "$WORK/follow.out" "$WORK/follow.err")"
T=$(kube_now)
echo "$(date -u +%Y-%m-%dT%H:%M:%S.%NZ) appended while following" >>"$WORK/logs/$NS/p/gateway.log"
for _ in $(seq 1 100); do grep -q 'appended while following' "$WORK/follow.out" && break; sleep 0.1; done
grep -q 'appended while following' "$WORK/follow.out" || fail "follow: appended line not received: $(cat "$WORK/follow.out" "$WORK/follow.err")"
kill -0 "$FOLLOW_PID" 2>/dev/null || fail "follow: the stream ended; it should stay open"
kill "$FOLLOW_PID" 2>/dev/null || true
wait "$FOLLOW_PID" 2>/dev/null || true
FOLLOW_PID=""
kube_log "appended line arrived through the apiserver in $(kube_elapsed "$T")s"

if [ "$WITH_CM" -eq 1 ]; then
  step "controller-manager: the Deployment gets a ReplicaSet and Pods"
  T=$(kube_now)
  RS_SEL="$(jq -rn --arg s 'app.kubernetes.io/component=server' '$s|@uri')"
  for _ in $(seq 1 100); do
    req 200 GET "/api/v1/namespaces/$NS/pods?labelSelector=$RS_SEL"
    [ "$(jqb '.items | length')" = "2" ] && break
    sleep 0.2
  done
  [ "$(jqb '.items | length')" = "2" ] || fail "Deployment did not create 2 pods: $(jqb '[.items[].metadata.name]|join(",")')"
  req 200 GET "/apis/apps/v1/namespaces/$NS/replicasets"
  [ "$(jqb '.items | length')" = "1" ] || fail "expected 1 ReplicaSet"
  kube_log "Deployment -> ReplicaSet $(jqb '.items[0].metadata.name') -> 2 Pods in $(kube_elapsed "$T")s"
fi

step "only 127.0.0.1 is bound"
for name in etcd kube-apiserver kube-controller-manager; do
  [ -f "$STATE/$name.pid" ] || continue
  pid="$(cat "$STATE/$name.pid")"
  if command -v ss >/dev/null 2>&1; then
    BAD="$(ss -Htlnp 2>/dev/null | grep "pid=$pid," | awk '{print $4}' | grep -v '^127\.0\.0\.1:' || true)"
    [ -z "$BAD" ] || fail "$name listens on $BAD"
    kube_log "$name listens on: $(ss -Htlnp 2>/dev/null | grep "pid=$pid," | awk '{print $4}' | tr '\n' ' ')"
  fi
done
timed "smoke checks" "$T_SMOKE"

step "stop"
T=$(kube_now)
"$HERE/stop-apiserver.sh" "$STATE" >&2
for name in etcd kube-apiserver kube-controller-manager; do
  [ ! -f "$STATE/$name.pid" ] || fail "$name.pid still present after stop"
done
"$HERE/stop-apiserver.sh" "$STATE" >&2 || fail "second stop should be a no-op"
timed "stop" "$T"

OK=1
timed "total" "$T_ALL"
printf '%s\n' "${TIMINGS[@]}"
