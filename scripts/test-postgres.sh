#!/usr/bin/env bash
# The production config on a real PostgreSQL: starts a throwaway cluster of Debian's
# PostgreSQL (installed with apt when missing), the demo kube-apiserver and the portal's
# backend with app-config.production.yaml (NODE_ENV=production), then runs the checks of
# packages/production-test/src/production.test.ts against them: a template run persisted
# in PostgreSQL across a backend restart, a gateway status read, the catalog's rows.
#
#   scripts/test-postgres.sh [jest options...]    # scripts/test.sh passes --json --outputFile=...
#
# Everything lives in one temporary directory (PRODUCTION_TEST_DIR): the database, the
# apiserver's state, the generated config with the run's token (mode 0600) and the backend's
# log. The test stops what it started; the trap below stops whatever an interrupted or
# killed test left running and removes the directory. The backend's log is kept in
# .test-results/production-test-backend.log.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

# shellcheck source=scripts/env.sh
source scripts/env.sh || exit 1
export CI=true # no jest watch mode

scripts/postgres/ensure-postgres.sh >/dev/null || exit 1

run_dir="$(mktemp -d "${TMPDIR:-/tmp}/production-test.XXXXXX")" || exit 1
export PRODUCTION_TEST_DIR="$run_dir"

# first_line <file>: the pid a pid file names (nothing when the file is missing).
first_line() { [ -f "$1" ] && head -n 1 "$1"; }

# stop <pid, or -pgid for a process group> <signal>: signals it and waits (10 s at most) for
# it to be gone; says so when it is not.
stop() {
  local target="$1" signal="$2"
  [ -n "$target" ] && [ "$target" != "-" ] || return 0
  kill "$signal" -- "$target" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 -- "$target" 2>/dev/null || return 0
    sleep 0.1 # polls for the end of the process, not a fixed wait
  done
  echo "[postgres stage] $target did not stop in 10 s after $signal" >&2
  return 1
}

cleanup() {
  # What a killed test left running: the backend's process group (it runs detached),
  # PostgreSQL (SIGINT is its fast shutdown), the apiserver and etcd.
  local backend
  backend="$(first_line "$run_dir/backend.pid")"
  stop "-$backend" -TERM || stop "-$backend" -KILL
  stop "$(first_line "$run_dir/postgres/data/postmaster.pid")" -INT
  scripts/kube/stop-apiserver.sh "$run_dir/kube" >/dev/null 2>&1
  mkdir -p .test-results
  if [ -f "$run_dir/backend.log" ]; then
    cp "$run_dir/backend.log" .test-results/production-test-backend.log
  fi
  rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

yarn workspace @portkey-gateway-backstage/production-test test:postgres "$@"
