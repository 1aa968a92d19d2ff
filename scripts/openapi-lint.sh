#!/usr/bin/env bash
# Lints the OpenAPI document the app serves: Redocly's recommended ruleset (redocly.yaml), then
# Spectral's OWASP API Security Top 10 ruleset (.spectral.yaml), where any error fails; the
# Spectral findings are printed one a line by DTO property or operation (spectral-report.mjs).
# Expects a build in dist/ (npm run openapi:lint builds first). Offline: no telemetry, no
# update check; the document is exported without a database.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
node dist/src/cli.js openapi --out "$out/openapi.json" > /dev/null
npx --no-install redocly lint --config redocly.yaml "$out/openapi.json"
# Spectral exits 1 when it finds errors (the report then lists them and fails); any other
# failure (a ruleset that does not load, a crash) fails here.
rc=0
npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity error --format json --quiet "$out/openapi.json" > "$out/spectral.json" || rc=$?
if [ "$rc" -gt 1 ]; then echo "spectral failed (exit $rc)" >&2; cat "$out/spectral.json" >&2; exit "$rc"; fi
node scripts/spectral-report.mjs "$out/openapi.json" < "$out/spectral.json"
