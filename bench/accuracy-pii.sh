#!/usr/bin/env bash
# PII precision / recall / F1 per entity type on the presidio-research synthetic set (span-overlap matching), as
# Markdown on stdout and in bench/target/accuracy-pii.md. The set is not in the repository: when it is absent this
# says so and exits 0. Usage: bench/accuracy-pii.sh [synth_dataset_v2.json] [--threshold T] [--errors N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=${1:-$root/../shared/datasets/pii/presidio-research/synth_dataset_v2.json}
if [ ! -f "$data" ]; then
  echo "PII accuracy: data set not found at $data (see docs/accuracy.md for where it comes from); nothing to measure."
  exit 0
fi
[ $# -gt 0 ] && shift
"$root/bench/run-main.sh" dev.bulwark.bench.accuracy.PiiAccuracy "$data" "$@" \
  | tee bench/target/accuracy-pii.md
