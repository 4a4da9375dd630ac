#!/usr/bin/env bash
# The topic rail (policies.input.scope) on the demo shop's examples and on CLINC150's business domains, as Markdown
# (also written to bench/target/accuracy-scope.md). Needs CLINC150 from the shared datasets (CC BY 3.0).
# Usage: bench/accuracy-scope.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
datasets=${1:-$root/../shared/datasets}
"$root/bench/run-main.sh" dev.bulwark.bench.accuracy.ScopeAccuracy \
  "$datasets" bench/data/scope bench/target/accuracy-scope.md
