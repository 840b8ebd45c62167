#!/usr/bin/env bash
# Stop what scripts/kube/start-apiserver.sh started for <state-dir> (by its pid files).
# Idempotent: stopping an already stopped state dir succeeds.
#
#   scripts/kube/stop-apiserver.sh <state-dir>
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

STATE="${1:-}"
[ -n "$STATE" ] || kube_die "usage: $0 <state-dir>"
[ -d "$STATE" ] || exit 0

# Running, and not a zombie waiting for init to reap it (some inits reap slowly).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != "Z" ]
}

# <name> <binary basename>: SIGTERM, wait up to 15 s, then SIGKILL. Only a process whose
# executable is still the expected one is signalled (a recycled pid is left alone).
stop_one() {
  local name="$1" exe="$2" pidfile="$STATE/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if [ -n "$pid" ] && alive "$pid"; then
    local actual; actual="$(basename "$(readlink "/proc/$pid/exe" 2>/dev/null || echo "?")")"
    if [ "${actual% (deleted)}" != "$exe" ]; then
      kube_log "pid $pid from $pidfile is not $exe any more; not signalling it"
    else
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 150); do
        alive "$pid" || break
        sleep 0.1
      done
      if alive "$pid"; then
        kube_log "$name (pid $pid) did not stop after SIGTERM; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
      fi
      kube_log "stopped $name (pid $pid)"
    fi
  fi
  rm -f "$pidfile"
}

# Reverse start order: clients of the apiserver first, etcd last.
stop_one kube-controller-manager kube-controller-manager
stop_one kube-apiserver kube-apiserver
stop_one etcd etcd
