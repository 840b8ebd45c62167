# shellcheck shell=bash
# Shared settings for scripts/kube/*.sh. Sourced, not executed.

# Where built binaries, apt state and (during a build) the source tree live.
# Outside the repository on purpose: nothing here is ever committed.
KUBE_CACHE_ROOT="${PORTKEY_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/portkey-gateway-backstage/kube}"

# Bump when the build recipe changes in a way that changes the binaries (old caches are then rebuilt).
#   1: plain Debian tree
#   2: + reflect2 1.0.2 / json-iterator 1.1.12 from Debian (Go >= 1.18 JSON map panic)
KUBE_BUILD_REVISION=2

# Binaries for a Debian source version: <cache>/<debian-source-version>/recipe-<n>/bin
kube_bin_dir() { printf '%s/%s/recipe-%s/bin' "$KUBE_CACHE_ROOT" "$1" "$KUBE_BUILD_REVISION"; }

kube_log() { printf '[kube] %s\n' "$*" >&2; }
kube_die() { printf '[kube] ERROR: %s\n' "$*" >&2; exit 1; }

# Seconds since the epoch, with fractions, for timings.
kube_now() { date +%s.%N; }
kube_elapsed() { awk -v a="$1" -v b="$(kube_now)" 'BEGIN { printf "%.1f", b - a }'; }

# The Debian source version whose binaries are in use (written after a successful build).
kube_current_version() {
  [ -f "$KUBE_CACHE_ROOT/current" ] && cat "$KUBE_CACHE_ROOT/current"
}

# A free TCP port on 127.0.0.1 (asks the kernel via node or python; falls back to a random probe).
kube_free_port() {
  # process.stdout.write, not console.log: with FORCE_COLOR set (Playwright sets it) console.log colours numbers.
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(`${s.address().port}\n`);s.close()})'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
  else
    local p
    while :; do
      p=$((20000 + RANDOM % 40000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
  fi
}
