#!/usr/bin/env bash
# Trains the prompt-injection classifier head (layer c), its triage and its encoder screen on shared/datasets and
# writes head.json, triage.json, triage.f16, screen.json and second-look.json under detect/src/main/resources/dev/bulwark/detect/injection/. Deterministic: the same data gives the same
# file. Takes a few minutes on two cores (embedding ~11k texts). Usage: bench/train-injection.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
datasets=${1:-$root/../shared/datasets}
"$root/bench/run-main.sh" dev.bulwark.bench.injection.TrainInjection \
  "$datasets" detect/src/main/resources/dev/bulwark/detect/injection/head.json
# The triage in front of the model (triage.json, triage.f16 next to head.json): seconds, no embeddings needed.
"$root/bench/run-main.sh" dev.bulwark.bench.injection.TrainTriage \
  "$datasets" detect/src/main/resources/dev/bulwark/detect/injection
# The encoder screen after the triage (screen.json): embeds the train side with the cut encoder (~2 min, cached).
"$root/bench/run-main.sh" dev.bulwark.bench.injection.TrainScreen \
  "$datasets" detect/src/main/resources/dev/bulwark/detect/injection
# The second look into long texts (second-look.json): the padded train-side injections through the new gates (~1 min).
"$root/bench/run-main.sh" dev.bulwark.bench.injection.TrainSecondLook \
  "$datasets" detect/src/main/resources/dev/bulwark/detect/injection
# Put the new head and triage into the installed detect jar so the evaluation and the CLI use it.
./mvnw -B -ntp -q -pl detect -am install -DskipTests >/dev/null
