#!/usr/bin/env bash
# Runs the portal: frontend on http://localhost:3000, backend on :7007,
# SQLite in memory, guest sign-in. Installs Node 24 (into .tools/) and the
# dependencies first when needed. Stop it with Ctrl-C.
#
# Without a kubeconfig ($KUBECONFIG or ~/.kube/config) or clusters of its own in
# app-config.local.yaml (portkeyGateway), it also starts the demo cluster
# (packages/demo-cluster): a local kube-apiserver with a demo gateway in it, wired into the
# portal's config. PORTKEY_GATEWAY_DEMO=1 starts it anyway, PORTKEY_GATEWAY_DEMO=0 never.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/env.sh
echo "[start] node $(node --version), installing dependencies (yarn install --immutable)"
ensure_install

# publish:github:pull-request builds its GitHub client even for a dry run, so the template
# editor's dry run needs some token. A placeholder makes dry runs work out of the box; set a
# real GITHUB_TOKEN to open pull requests.
export GITHUB_TOKEN="${GITHUB_TOKEN:-dry-run-only-placeholder}"

local_config_has_clusters() { grep -qs '^portkeyGateway:' app-config.local.yaml; }
demo_switched_off() { case "${PORTKEY_GATEWAY_DEMO:-}" in 0 | false | no) return 0 ;; *) return 1 ;; esac; }

wants_demo_cluster() {
  demo_switched_off && return 1
  case "${PORTKEY_GATEWAY_DEMO:-}" in 1 | true | yes) return 0 ;; esac
  [ -z "${KUBECONFIG:-}" ] && [ ! -f "$HOME/.kube/config" ] && ! local_config_has_clusters
}

CONFIG_ARGS=()
if wants_demo_cluster; then
  DEMO_DIR="$REPO_ROOT/.demo"
  rm -f "$DEMO_DIR/ready"
  echo "[start] starting the demo cluster (packages/demo-cluster; PORTKEY_GATEWAY_DEMO=0 skips it)"
  node --require "$REPO_ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" \
    packages/demo-cluster/src/startDemoCluster.ts --state-dir "$DEMO_DIR" --parent-pid $$ &
  DEMO_PID=$!
  trap 'kill "$DEMO_PID" 2>/dev/null; wait "$DEMO_PID" 2>/dev/null || true' EXIT
  # It writes `ready` (the path of the config it made) once the gateway is in the cluster.
  while [ ! -f "$DEMO_DIR/ready" ]; do
    if ! kill -0 "$DEMO_PID" 2>/dev/null; then
      echo "[start] the demo cluster did not start (its reason is above); the portal starts without it"
      break
    fi
    sleep 1
  done
  if [ -f "$DEMO_DIR/ready" ]; then
    # Given --config, the CLI loads only the files named: app-config.local.yaml goes last.
    CONFIG_ARGS=(--config "$REPO_ROOT/app-config.yaml" --config "$(cat "$DEMO_DIR/ready")")
    [ ! -f app-config.local.yaml ] || CONFIG_ARGS+=(--config "$REPO_ROOT/app-config.local.yaml")
  fi
elif local_config_has_clusters; then
  echo "[start] using the clusters of app-config.local.yaml (portkeyGateway)"
elif demo_switched_off && [ -z "${KUBECONFIG:-}" ] && [ ! -f "$HOME/.kube/config" ]; then
  echo "[start] no demo cluster (PORTKEY_GATEWAY_DEMO=$PORTKEY_GATEWAY_DEMO) and no kubeconfig: the portal has no cluster to read gateways from"
else
  echo "[start] using your kubeconfig (${KUBECONFIG:-~/.kube/config}): gateways are read from its current context, cluster \"default\" in the portal"
fi

# `backstage-cli repo start` starts the frontend and the backend together.
echo "[start] starting the portal at http://localhost:3000 (backend http://localhost:7007)"
yarn start "${CONFIG_ARGS[@]}"
