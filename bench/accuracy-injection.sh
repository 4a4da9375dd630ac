#!/usr/bin/env bash
# Prompt-injection accuracy on the held-out split of shared/datasets: precision, recall and false-positive rate
# for rules only, classifier only and combined, overall and per slice, as Markdown (also written to
# bench/target/accuracy-injection.md). Usage: bench/accuracy-injection.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
datasets=${1:-$root/../shared/datasets}
"$root/bench/run-main.sh" dev.bulwark.bench.injection.EvaluateInjection \
  "$datasets" bench/target/accuracy-injection.md
