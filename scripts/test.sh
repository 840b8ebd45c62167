#!/usr/bin/env bash
# Installs what is missing, then type-checks, lints and runs every test:
# jest (all workspace packages), then the production config on a real PostgreSQL
# (scripts/test-postgres.sh), then the Playwright e2e suite in e2e/, then (only
# when KUBECONFIG is set) the backend plugin's suite against that real cluster.
# Stops at the first failing stage. Always ends with one line
#   N passed, N failed, N skipped
# summing the jest, postgres and Playwright reports, and exits non-zero if anything failed.
# shellcheck disable=SC2317 # the stage functions are called through run_stage
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

# Jest watches unless CI is set; Playwright then also starts fresh servers.
export CI=true
RESULTS="$PWD/.test-results"
JEST_JSON="$RESULTS/jest.json"
POSTGRES_JSON="$RESULTS/postgres.json"
E2E_JSON="$PWD/e2e/test-results/results.json"
rm -rf "$RESULTS" "$E2E_JSON"
mkdir -p "$RESULTS"

TIMINGS=()
FAILED_STAGE=""

finish() {
  echo
  echo "=== timings"
  printf '  %s\n' "${TIMINGS[@]}"
  [ -n "$FAILED_STAGE" ] && echo "FAILED: stage '$FAILED_STAGE' (see its output above)"
  if ! command -v node >/dev/null; then
    echo "0 passed, 1 failed" # set-up failed before any Node was available
    exit 1
  fi
  # The closing line; the exit code says the same.
  node scripts/summarize-tests.mjs jest="$JEST_JSON" postgres="$POSTGRES_JSON" \
    e2e="$E2E_JSON" --failed-stage "$FAILED_STAGE"
  exit $?
}

# run_stage <name> <command...>: runs one stage, records its time, and on
# failure stops the script (after the summary).
run_stage() {
  local name="$1" start=$SECONDS rc
  shift
  echo
  echo "=== $name: $*"
  "$@"
  rc=$?
  TIMINGS+=("$name: $((SECONDS - start)) s (exit $rc)")
  if [ $rc -ne 0 ]; then
    echo "=== $name FAILED (exit $rc)" >&2
    FAILED_STAGE="$name"
    finish
  fi
}

install_chromium() {
  if [ -x /usr/bin/chromium ]; then
    echo "/usr/bin/chromium is present"
    return 0
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
}

e2e() {
  # playwright.config.ts starts the backend and the frontend on these ports.
  local port
  for port in 3000 7007; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is already in use (is ./scripts/start.sh running?): stop it first" >&2
      return 1
    fi
  done
  yarn test:e2e
}

setup() {
  # env.sh puts Node 22/24 on PATH (installing Node 24 into .tools/ if needed)
  # and defines the yarn function.
  source scripts/env.sh || return 1
  case "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" in
    22 | 24) echo "node $(node --version)" ;;
    *) echo "Node 22 or 24 is needed; scripts/env.sh could not provide it" >&2 && return 1 ;;
  esac
  ensure_install
}

# Sourced in this shell (not in a subshell) so PATH and yarn stay defined.
run_stage setup setup
run_stage chromium install_chromium
run_stage tsc yarn tsc
run_stage lint yarn lint:all
# The backend plugin's tests run against a real kube-apiserver that the first test needing it
# starts (jest's globalTeardown stops it); building it (once per machine, cached outside the
# repo) is its own stage.
run_stage kube-apiserver scripts/kube/build-apiserver.sh
run_stage jest yarn test --json --outputFile="$JEST_JSON"
# app-config.production.yaml on a throwaway Debian PostgreSQL (installed with apt when
# missing): a template run persisted across a backend restart, a gateway status read.
run_stage postgres scripts/test-postgres.sh --json --outputFile="$POSTGRES_JSON"
run_stage e2e e2e
# The backend plugin's suite once more against the cluster KUBECONFIG points at; without
# KUBECONFIG (or with PORTKEY_TEST_REAL_CLUSTER=0) it only prints that it is skipped. Its
# tests are not in the closing line's counts (its jest report: .test-results/jest-real-cluster.json);
# a failure counts as one failed stage.
run_stage real-cluster scripts/test-real-cluster.sh --json --outputFile="$RESULTS/jest-real-cluster.json"
finish
