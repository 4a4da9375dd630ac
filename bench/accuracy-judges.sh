#!/usr/bin/env bash
# Accuracy of the probe judges besides the refusal detector (canary judge with reply decoders, decoded disclosures,
# prompt-leak heuristic), as Markdown (also written to bench/target/accuracy-judges.md).
# Usage: bench/accuracy-judges.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/.mvn/find-jdk.sh"
datasets=${1:-$root/../shared/datasets}
# The judges live in probe: install it (and core) so the bench classpath sees the current sources.
./mvnw -B -ntp -q -pl core,probe -am install -DskipTests >/dev/null
"$root/bench/run-main.sh" dev.bulwark.bench.accuracy.JudgeAccuracy \
  "$datasets" bench/target/accuracy-judges.md
