#!/usr/bin/env bash
# Runs the portal: frontend on http://localhost:3000, backend on :7007,
# SQLite in memory, guest sign-in. Installs Node 24 (into .tools/) and the
# dependencies first when needed. Stop it with Ctrl-C.
#
# Without a kubeconfig ($KUBECONFIG or ~/.kube/config) or clusters of its own in
# app-config.local.yaml (portkeyGateway), it also starts the demo cluster: a local
# kube-apiserver with demo gateways in it. Without a GITHUB_TOKEN (or integrations in
# app-config.local.yaml) it starts the demo git server, a GitHub stand-in the template opens
# its pull requests on. Both come from packages/demo-cluster and are wired into the portal's
# config. PORTKEY_GATEWAY_DEMO=1 starts both anyway, PORTKEY_GATEWAY_DEMO=0 neither.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/env.sh
echo "[start] node $(node --version), installing dependencies (yarn install --immutable)"
ensure_install

# Without a GitHub token the template's pull requests go to the demo's git server (below).
HAS_GITHUB_TOKEN=""
[ -z "${GITHUB_TOKEN:-}" ] || HAS_GITHUB_TOKEN=1
# publish:github:pull-request builds its GitHub client even for a dry run, so the template
# editor's dry run needs some token: a placeholder when none is set.
export GITHUB_TOKEN="${GITHUB_TOKEN:-dry-run-only-placeholder}"

local_config_has_clusters() { grep -qs '^portkeyGateway:' app-config.local.yaml; }
local_config_has_github() { grep -qs '^integrations:' app-config.local.yaml; }
demo_switched_off() { case "${PORTKEY_GATEWAY_DEMO:-}" in 0 | false | no) return 0 ;; *) return 1 ;; esac; }
demo_forced() { case "${PORTKEY_GATEWAY_DEMO:-}" in 1 | true | yes) return 0 ;; *) return 1 ;; esac; }

wants_demo_cluster() {
  demo_switched_off && return 1
  demo_forced && return 0
  [ -z "${KUBECONFIG:-}" ] && [ ! -f "$HOME/.kube/config" ] && ! local_config_has_clusters
}

wants_git_server() {
  demo_switched_off && return 1
  demo_forced && return 0
  [ -z "$HAS_GITHUB_TOKEN" ] && ! local_config_has_github
}

DEMO_PARTS=()
if wants_demo_cluster; then DEMO_PARTS+=(--cluster); fi
if wants_git_server; then DEMO_PARTS+=(--git-server); fi

CONFIG_ARGS=()
if [ ${#DEMO_PARTS[@]} -gt 0 ]; then
  DEMO_DIR="$REPO_ROOT/.demo"
  rm -f "$DEMO_DIR/ready"
  echo "[start] starting the demo (${DEMO_PARTS[*]}; packages/demo-cluster; PORTKEY_GATEWAY_DEMO=0 skips it)"
  node --require "$REPO_ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" \
    packages/demo-cluster/src/startDemo.ts --state-dir "$DEMO_DIR" "${DEMO_PARTS[@]}" --parent-pid $$ &
  DEMO_PID=$!
  trap 'kill "$DEMO_PID" 2>/dev/null; wait "$DEMO_PID" 2>/dev/null || true' EXIT
  # It writes `ready` (the path of the config it made) once everything is up.
  while [ ! -f "$DEMO_DIR/ready" ]; do
    if ! kill -0 "$DEMO_PID" 2>/dev/null; then
      echo "[start] the demo did not start (its reason is above); the portal starts without it"
      break
    fi
    sleep 1
  done
  if [ -f "$DEMO_DIR/ready" ]; then
    # Given --config, the CLI loads only the files named: app-config.local.yaml goes last.
    CONFIG_ARGS=(--config "$REPO_ROOT/app-config.yaml" --config "$(cat "$DEMO_DIR/ready")")
    [ ! -f app-config.local.yaml ] || CONFIG_ARGS+=(--config "$REPO_ROOT/app-config.local.yaml")
  fi
fi

if wants_demo_cluster; then
  : # the demo said where its cluster is
elif local_config_has_clusters; then
  echo "[start] using the clusters of app-config.local.yaml (portkeyGateway)"
elif [ -z "${KUBECONFIG:-}" ] && [ ! -f "$HOME/.kube/config" ]; then
  echo "[start] no demo cluster (PORTKEY_GATEWAY_DEMO=${PORTKEY_GATEWAY_DEMO:-}) and no kubeconfig: the portal has no cluster to read gateways from"
else
  echo "[start] using your kubeconfig (${KUBECONFIG:-~/.kube/config}): gateways are read from its current context, cluster \"default\" in the portal"
fi
if wants_git_server; then
  : # the demo said where its git server is
elif [ -n "$HAS_GITHUB_TOKEN" ]; then
  echo "[start] GITHUB_TOKEN is set: the template opens its pull requests on github.com"
elif local_config_has_github; then
  echo "[start] using the integrations of app-config.local.yaml for the template's pull requests"
else
  echo "[start] no git server (PORTKEY_GATEWAY_DEMO=${PORTKEY_GATEWAY_DEMO:-}) and no GITHUB_TOKEN: the template can dry-run but not open pull requests"
fi

# `backstage-cli repo start` starts the frontend and the backend together.
echo "[start] starting the portal at http://localhost:3000 (backend http://localhost:7007)"
yarn start "${CONFIG_ARGS[@]}"
