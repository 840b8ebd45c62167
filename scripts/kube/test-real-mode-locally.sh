#!/usr/bin/env bash
# Runs the backend plugin's suite in real-cluster mode (scripts/test-real-cluster.sh) against a
# throwaway local kube-apiserver with its controllers, and with scripts/kube/sim-kubelet.mjs
# standing in for a scheduler and kubelet, so that the log tests' pod "runs" (its commands as
# host processes under BusyBox). Checks the real-cluster path on a machine without a cluster or
# container runtime; it is no substitute for a run against a real cluster.
#
#   scripts/kube/test-real-mode-locally.sh [--no-kubelet] [jest options...]
#
# --no-kubelet: without the simulator (the 8 log checks that need a running container then fail
# after ~5 s, saying no node can run the pod).
# BusyBox comes from Debian's `busybox` package, fetched once with `apt-get download` and
# unpacked (dpkg -x) into the cache next to the apiserver binaries; it is not installed. Without
# it (no apt), the host's sh, head, tr and sleep run the commands.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
# shellcheck source=scripts/kube/lib.sh
. scripts/kube/lib.sh

kubelet=1
if [ "${1:-}" = "--no-kubelet" ]; then
  kubelet=0
  shift
fi

state=$(mktemp -d "${TMPDIR:-/tmp}/portkey-real-mode-XXXXXX")
sim_pid=""
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
  scripts/kube/stop-apiserver.sh "$state" >&2
  rm -rf "$state"
}
trap cleanup EXIT
scripts/kube/start-apiserver.sh --with-controller-manager "$state" >/dev/null || exit 1

if [ "$kubelet" = 1 ]; then
  busybox_dir="$KUBE_CACHE_ROOT/busybox"
  if [ ! -x "$busybox_dir/path/sh" ]; then
    tmp=$(mktemp -d)
    if (cd "$tmp" && apt-get download busybox >/dev/null 2>&1 && dpkg -x busybox_*.deb root); then
      mkdir -p "$busybox_dir/path"
      cp "$tmp/root/bin/busybox" "$busybox_dir/busybox"
      for applet in sh head tr sleep printf echo; do
        ln -sf "$busybox_dir/busybox" "$busybox_dir/path/$applet"
      done
    else
      echo "[kube] no BusyBox (apt-get download busybox failed): the host's sh runs the pod's commands" >&2
    fi
    rm -rf "$tmp"
  fi
  path_prefix=()
  [ -x "$busybox_dir/path/sh" ] && path_prefix=(--path-prefix "$busybox_dir/path")
  node scripts/kube/sim-kubelet.mjs --state "$state" \
    --image "${PORTKEY_TEST_LOG_IMAGE:-busybox:1.36}" "${path_prefix[@]}" >&2 &
  sim_pid=$!
fi

KUBECONFIG="$state/kubeconfig-admin.yaml" PORTKEY_TEST_REAL_CLUSTER=1 \
  scripts/test-real-cluster.sh "$@"
