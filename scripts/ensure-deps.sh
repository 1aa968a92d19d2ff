#!/usr/bin/env bash
# Installs dependencies when node_modules is missing or older than package-lock.json, so both
# README commands work on a fresh clone with only Node (22 or later; 24 is the target) and npm.
# npm ci installs exactly the locked versions, the ones the tests ran against.
set -euo pipefail
cd "$(dirname "$0")/.."
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 22 ]; then
  echo "error: Node $(node --version) is too old: this project needs Node 22 or later (24 is the target; see .nvmrc)" >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing dependencies (npm ci)…"
  if ! npm ci --no-audit --no-fund; then
    echo "error: npm ci failed. If it says package.json and package-lock.json are not in sync, run npm install and commit package-lock.json." >&2
    exit 1
  fi
fi
