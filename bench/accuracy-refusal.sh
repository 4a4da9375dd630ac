#!/usr/bin/env bash
# RefusalDetector precision / recall on PyRIT's human-labelled refusal sets, as Markdown (also written to
# bench/target/accuracy-refusal.md), followed by the misclassified replies. Usage: bench/accuracy-refusal.sh [DATASETS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
cd "$root"
datasets=${1:-$root/../shared/datasets}
./mvnw -B -ntp -q -pl detect install -DskipTests >/dev/null
./mvnw -B -ntp -q -pl bench compile >/dev/null
cp=$(./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
mkdir -p bench/target
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$cp" dev.bulwark.bench.accuracy.RefusalAccuracy \
  "$datasets" bench/target/accuracy-refusal.md
