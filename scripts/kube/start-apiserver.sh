#!/usr/bin/env bash
# Start a real Kubernetes API server (Debian's etcd + kube-apiserver built by build-apiserver.sh)
# on free 127.0.0.1 ports, in the background, detached from the calling shell.
#
#   scripts/kube/start-apiserver.sh [--with-controller-manager] <state-dir>
#
# Writes into <state-dir>:
#   env.sh, env.json        KUBE_API_URL KUBE_ADMIN_TOKEN KUBE_USER_TOKEN KUBE_CA_FILE KUBECONFIG_ADMIN KUBECONFIG_USER ...
#   kubeconfig-admin.yaml   user "admin" in group system:masters
#   kubeconfig-user.yaml    user "test-user" with no groups (RBAC gives it nothing: real 403s)
#   ca.crt                  the apiserver's self-signed CA (from certs/)
#   *.pid, *.log            etcd, kube-apiserver [, kube-controller-manager]
# Prints the path of env.sh on stdout. Stop with scripts/kube/stop-apiserver.sh <state-dir>.
# See docs/test-kubernetes.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

WITH_CM=0
STATE=""
for arg in "$@"; do
  case "$arg" in
    --with-controller-manager) WITH_CM=1 ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) kube_die "unknown option: $arg" ;;
    *) [ -z "$STATE" ] || kube_die "only one state dir, got '$STATE' and '$arg'"; STATE="$arg" ;;
  esac
done
[ -n "$STATE" ] || kube_die "usage: $0 [--with-controller-manager] <state-dir>"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"

for name in etcd kube-apiserver kube-controller-manager; do
  if [ -f "$STATE/$name.pid" ] && kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; then
    kube_die "$name is already running for $STATE (pid $(cat "$STATE/$name.pid")); run scripts/kube/stop-apiserver.sh $STATE first"
  fi
done

T_START=$(kube_now)

# Binaries: from the environment, else from the build script (fast when cached).
if [ -z "${KUBE_APISERVER_BIN:-}" ] || [ -z "${KUBE_ETCD_BIN:-}" ] || { [ "$WITH_CM" -eq 1 ] && [ -z "${KUBE_CONTROLLER_MANAGER_BIN:-}" ]; }; then
  BIN_PATHS="$("$HERE/build-apiserver.sh")" || kube_die "build-apiserver.sh failed"
  eval "$BIN_PATHS"
fi
command -v openssl >/dev/null || kube_die "openssl is required"
command -v curl >/dev/null || kube_die "curl is required"
command -v jq >/dev/null || kube_die "jq is required"

# Anything left from an earlier run in this state dir goes (the data is throwaway).
rm -rf "$STATE/etcd-data" "$STATE/certs" "$STATE"/*.pid "$STATE"/*.log "$STATE"/kubeconfig-*.yaml "$STATE/env.sh" "$STATE/env.json"
mkdir -p "$STATE/certs"
chmod 700 "$STATE"

# If anything below fails, stop what was started.
cleanup_on_error() {
  local rc=$?
  if [ $rc -ne 0 ]; then
    kube_log "start failed; stopping what was started"
    "$HERE/stop-apiserver.sh" "$STATE" >&2 || true
  fi
}
trap cleanup_on_error EXIT

# Run a command detached (own session, no stdin, output to a log), record its pid.
spawn() {
  local name="$1"
  shift
  setsid "$@" </dev/null >"$STATE/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
}

wait_until() { # <timeout-seconds> <pid> <description> <command...>
  local timeout="$1" pid="$2" what="$3" deadline
  shift 3
  deadline=$(($(date +%s) + timeout))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$STATE/$what.log" >&2 || true
      kube_die "$what exited while starting (log: $STATE/$what.log)"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 30 "$STATE/$what.log" >&2 || true
      kube_die "$what not ready after ${timeout}s (log: $STATE/$what.log)"
    fi
    sleep 0.2
  done
}

# ---- credentials (random per start) -----------------------------------------
ADMIN_TOKEN="$(openssl rand -hex 24)"
USER_TOKEN="$(openssl rand -hex 24)"
CM_TOKEN="$(openssl rand -hex 24)"
{
  echo "$ADMIN_TOKEN,admin,uid-admin,\"system:masters\""
  echo "$USER_TOKEN,test-user,uid-test-user"
  echo "$CM_TOKEN,system:kube-controller-manager,uid-kcm,\"system:masters\""
} >"$STATE/tokens.csv"
chmod 600 "$STATE/tokens.csv"
openssl genrsa -out "$STATE/sa.key" 2048 2>/dev/null
openssl rsa -in "$STATE/sa.key" -pubout -out "$STATE/sa.pub" 2>/dev/null

# ---- etcd -------------------------------------------------------------------
T=$(kube_now)
ETCD_PORT="$(kube_free_port)"
ETCD_PEER_PORT="$(kube_free_port)"
while [ "$ETCD_PEER_PORT" = "$ETCD_PORT" ]; do ETCD_PEER_PORT="$(kube_free_port)"; done
ETCD_URL="http://127.0.0.1:$ETCD_PORT"
# etcd reads every ETCD_* environment variable as a flag: none from the caller may leak in.
while read -r v; do unset "$v"; done < <(compgen -e | grep '^ETCD_' || true)
spawn etcd "$KUBE_ETCD_BIN" \
  --name kube-test \
  --data-dir "$STATE/etcd-data" \
  --listen-client-urls "$ETCD_URL" \
  --advertise-client-urls "$ETCD_URL" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "kube-test=http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster-state new \
  --logger zap --log-level warn
wait_until 30 "$(cat "$STATE/etcd.pid")" etcd \
  sh -c "curl -fsS '$ETCD_URL/health' | grep -q '\"health\":\"true\"'"
kube_log "etcd ready on $ETCD_URL in $(kube_elapsed "$T")s"

# ---- kube-apiserver ---------------------------------------------------------
T=$(kube_now)
API_PORT="$(kube_free_port)"
API_URL="https://127.0.0.1:$API_PORT"
# Without --kubelet-certificate-authority the apiserver does not verify the kubelet's serving
# certificate (pkg/kubelet/client: no CA => TLS Insecure), so the stub kubelet's self-signed cert is accepted.
spawn kube-apiserver "$KUBE_APISERVER_BIN" \
  --etcd-servers "$ETCD_URL" \
  --bind-address 127.0.0.1 \
  --advertise-address 127.0.0.1 \
  --secure-port "$API_PORT" \
  --cert-dir "$STATE/certs" \
  --token-auth-file "$STATE/tokens.csv" \
  --authorization-mode RBAC \
  --service-account-issuer https://kubernetes.default.svc \
  --service-account-key-file "$STATE/sa.pub" \
  --service-account-signing-key-file "$STATE/sa.key" \
  --service-cluster-ip-range 10.0.0.0/24 \
  --disable-admission-plugins ServiceAccount \
  --endpoint-reconciler-type none \
  --kubelet-preferred-address-types InternalIP \
  --profiling=false \
  --v 1
API_PID="$(cat "$STATE/kube-apiserver.pid")"
# The self-signed serving cert (and its CA) appear in cert-dir once the server starts serving.
wait_until 60 "$API_PID" kube-apiserver test -s "$STATE/certs/apiserver.crt"
# apiserver.crt holds the serving cert followed by the CA that signed it: keep the last one as ca.crt.
awk '/-----BEGIN CERTIFICATE-----/ { n++; buf = "" } { buf = buf $0 "\n" } /-----END CERTIFICATE-----/ { last = buf } END { printf "%s", last }' \
  "$STATE/certs/apiserver.crt" >"$STATE/ca.crt"
[ -s "$STATE/ca.crt" ] || cp "$STATE/certs/apiserver.crt" "$STATE/ca.crt"
wait_until 90 "$API_PID" kube-apiserver \
  sh -c "curl -fsS --cacert '$STATE/ca.crt' -H 'Authorization: Bearer $ADMIN_TOKEN' '$API_URL/readyz' | grep -qx ok"
kube_log "kube-apiserver ready on $API_URL in $(kube_elapsed "$T")s"

# ---- kubeconfigs and env ----------------------------------------------------
CA_DATA="$(base64 -w0 <"$STATE/ca.crt")"
write_kubeconfig() { # <file> <user> <token>
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: kube-test
    cluster:
      server: $API_URL
      certificate-authority-data: $CA_DATA
users:
  - name: $2
    user:
      token: $3
contexts:
  - name: $2@kube-test
    context:
      cluster: kube-test
      user: $2
current-context: $2@kube-test
EOF
  chmod 600 "$1"
}
write_kubeconfig "$STATE/kubeconfig-admin.yaml" admin "$ADMIN_TOKEN"
write_kubeconfig "$STATE/kubeconfig-user.yaml" test-user "$USER_TOKEN"
write_kubeconfig "$STATE/kubeconfig-controller-manager.yaml" system:kube-controller-manager "$CM_TOKEN"

# ---- kube-controller-manager (optional) -------------------------------------
if [ "$WITH_CM" -eq 1 ]; then
  T=$(kube_now)
  # --secure-port 0 / --port 0: serve nothing at all. nodelifecycle is off: with no real kubelet,
  # registered Nodes never report and it would taint them and evict their pods after ~5 minutes.
  spawn kube-controller-manager "$KUBE_CONTROLLER_MANAGER_BIN" \
    --kubeconfig "$STATE/kubeconfig-controller-manager.yaml" \
    --leader-elect=false \
    --secure-port 0 \
    --port 0 \
    --controllers '*,-nodelifecycle' \
    --service-account-private-key-file "$STATE/sa.key" \
    --root-ca-file "$STATE/ca.crt" \
    --service-cluster-ip-range 10.0.0.0/24 \
    --profiling=false \
    --v 1
  CM_PID="$(cat "$STATE/kube-controller-manager.pid")"
  # Ready when it has taken its controllers up: the "default" ServiceAccount appears in "default".
  wait_until 60 "$CM_PID" kube-controller-manager \
    curl -fsS --cacert "$STATE/ca.crt" -H "Authorization: Bearer $ADMIN_TOKEN" \
    "$API_URL/api/v1/namespaces/default/serviceaccounts/default"
  kube_log "kube-controller-manager running in $(kube_elapsed "$T")s"
fi

cat >"$STATE/env.sh" <<EOF
# Written by scripts/kube/start-apiserver.sh; source it.
export KUBE_STATE_DIR='$STATE'
export KUBE_API_URL='$API_URL'
export KUBE_ADMIN_TOKEN='$ADMIN_TOKEN'
export KUBE_USER_TOKEN='$USER_TOKEN'
export KUBE_USER_NAME='test-user'
export KUBE_CA_FILE='$STATE/ca.crt'
export KUBECONFIG_ADMIN='$STATE/kubeconfig-admin.yaml'
export KUBECONFIG_USER='$STATE/kubeconfig-user.yaml'
export KUBE_ETCD_URL='$ETCD_URL'
export KUBE_CONTROLLER_MANAGER='$WITH_CM'
EOF
chmod 600 "$STATE/env.sh"
# The same as JSON, for Node tests (jest globalSetup can read it without parsing shell).
jq -n --arg stateDir "$STATE" --arg apiUrl "$API_URL" --arg adminToken "$ADMIN_TOKEN" \
  --arg userToken "$USER_TOKEN" --arg caFile "$STATE/ca.crt" \
  --arg kubeconfigAdmin "$STATE/kubeconfig-admin.yaml" --arg kubeconfigUser "$STATE/kubeconfig-user.yaml" \
  --arg etcdUrl "$ETCD_URL" --argjson controllerManager "$([ "$WITH_CM" -eq 1 ] && echo true || echo false)" \
  '{KUBE_STATE_DIR: $stateDir, KUBE_API_URL: $apiUrl, KUBE_ADMIN_TOKEN: $adminToken, KUBE_USER_TOKEN: $userToken,
    KUBE_USER_NAME: "test-user", KUBE_CA_FILE: $caFile, KUBECONFIG_ADMIN: $kubeconfigAdmin,
    KUBECONFIG_USER: $kubeconfigUser, KUBE_ETCD_URL: $etcdUrl, KUBE_CONTROLLER_MANAGER: $controllerManager}' \
  >"$STATE/env.json"
chmod 600 "$STATE/env.json"

trap - EXIT
kube_log "started in $(kube_elapsed "$T_START")s (state: $STATE)"
echo "$STATE/env.sh"
