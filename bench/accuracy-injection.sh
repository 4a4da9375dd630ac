#!/usr/bin/env bash
# Prompt-injection accuracy on the held-out split of shared/datasets: precision, recall and false-positive rate
# for rules only, classifier only and combined, overall and per slice, as Markdown (also written to
# bench/target/accuracy-injection.md). Usage: bench/accuracy-injection.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
cd "$root"
datasets=${1:-$root/../shared/datasets}
./mvnw -B -ntp -q -pl detect -am install -DskipTests >/dev/null
./mvnw -B -ntp -q -pl bench compile >/dev/null
cp=$(./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "bench/target/classes:$cp" dev.bulwark.bench.injection.EvaluateInjection \
  "$datasets" bench/target/accuracy-injection.md
