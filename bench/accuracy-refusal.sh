#!/usr/bin/env bash
# RefusalDetector precision / recall on PyRIT's human-labelled refusal sets, as Markdown (also written to
# bench/target/accuracy-refusal.md), followed by the misclassified replies. Usage: bench/accuracy-refusal.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
datasets=${1:-$root/../shared/datasets}
"$root/bench/run-main.sh" dev.bulwark.bench.accuracy.RefusalAccuracy \
  "$datasets" bench/target/accuracy-refusal.md
