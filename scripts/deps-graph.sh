#!/usr/bin/env bash
# The module-level import graph (README "Architecture"): dependency-cruiser's dot output of src/,
# collapsed to src/modules/<m> and src/platform, rendered by graphviz into docs/architecture-graph.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || { echo "graphviz 'dot' is missing (apt-get install graphviz)" >&2; exit 1; }
npx depcruise src --config .dependency-cruiser.mjs --include-only '^src/(modules|platform)/' \
  --collapse '^src/(modules/[^/]+|platform)' --output-type dot \
  | dot -Tsvg -Grankdir=TB -o docs/architecture-graph.svg
echo "docs/architecture-graph.svg written"
