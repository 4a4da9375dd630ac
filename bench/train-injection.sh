#!/usr/bin/env bash
# Trains the prompt-injection classifier head (layer c) on shared/datasets and writes
# detect/src/main/resources/dev/bulwark/detect/injection/head.json. Deterministic: the same data gives the same
# file. Takes a few minutes on two cores (embedding ~11k texts). Usage: bench/train-injection.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
datasets=${1:-$root/../shared/datasets}
"$root/bench/run-main.sh" dev.bulwark.bench.injection.TrainInjection \
  "$datasets" detect/src/main/resources/dev/bulwark/detect/injection/head.json
# Put the new head into the installed detect jar so the evaluation and the CLI use it.
./mvnw -B -ntp -q -pl detect -am install -DskipTests >/dev/null
