#!/usr/bin/env bash
# Installs dependencies when node_modules is missing or older than package-lock.json,
# so both README commands work on a fresh clone with only Node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing dependencies…"
  # npm install (not npm ci): it follows package-lock.json but tolerates optional
  # platform packages (msgpackr-extract for macOS/Windows) that a registry mirror lacks.
  npm install --no-audit --no-fund
fi
