#!/usr/bin/env bash
# Runs the portal: frontend on http://localhost:3000, backend on :7007,
# SQLite in memory, guest sign-in. Installs Node 24 (into .tools/) and the
# dependencies first when needed. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/env.sh
echo "[start] node $(node --version), installing dependencies (yarn install --immutable)"
ensure_install

# publish:github:pull-request builds its GitHub client even for a dry run, so the template
# editor's dry run needs some token. A placeholder makes dry runs work out of the box; set a
# real GITHUB_TOKEN to open pull requests.
export GITHUB_TOKEN="${GITHUB_TOKEN:-dry-run-only-placeholder}"

# `backstage-cli repo start` starts the frontend and the backend together.
echo "[start] starting the portal at http://localhost:3000 (backend http://localhost:7007)"
yarn start
