#!/usr/bin/env bash
# Lints the OpenAPI document the app serves with Redocly's recommended ruleset (redocly.yaml).
# Expects a build in dist/ (npm run openapi:lint builds first). Offline: no telemetry, no
# update check; the document is exported without a database.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
node dist/src/cli.js openapi --out "$out/openapi.json" > /dev/null
npx --no-install redocly lint --config redocly.yaml "$out/openapi.json"
