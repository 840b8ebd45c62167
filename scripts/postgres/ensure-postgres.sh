#!/usr/bin/env bash
# Installs Debian's PostgreSQL server with apt when its binaries are missing, and prints the
# directory of the newest installed server's binaries (/usr/lib/postgresql/<major>/bin).
# The tests start a throwaway cluster of their own from those binaries
# (packages/production-test/src/postgres); a cluster the package sets up is left as it is.
#
#   scripts/postgres/ensure-postgres.sh   # prints /usr/lib/postgresql/15/bin
#
# Needs root (or sudo) only when it has to install. Progress goes to stderr, the path to stdout.
set -euo pipefail

# The highest major whose server binaries are all there (sort -V puts 9 before 10).
server_bin_dir() {
  local dir
  printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | while read -r dir; do
    if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
    fi
  done | tail -n 1
}

dir="$(server_bin_dir)"
if [ -z "$dir" ]; then
  echo "[postgres] no PostgreSQL server in /usr/lib/postgresql/*/bin: installing Debian's postgresql with apt" >&2
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "[postgres] installing it needs root: run as root, install sudo, or apt-get install postgresql" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
  dir="$(server_bin_dir)"
  if [ -z "$dir" ]; then
    echo "[postgres] apt-get installed postgresql, but /usr/lib/postgresql/*/bin/postgres is still missing" >&2
    exit 1
  fi
fi
echo "$dir"
