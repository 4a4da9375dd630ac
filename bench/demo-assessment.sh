#!/usr/bin/env bash
# Scripted benchmark of the demo assessment: requests, wall time per phase, achieved req/s vs the configured
# rate, with an unpaced baseline against the same target in the same run; then the whole `./bulwark demo`
# command timed from the shell (JVM start included). Usage: bench/demo-assessment.sh [ROUNDS] [PACK]
# PACK is quick, standard (default) or thorough.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
cd "$root"
./mvnw -B -ntp -q -DskipTests install >/dev/null
cp=$(./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
pack=${2:-standard}
echo "== in-process pipeline, ${1:-3} rounds, pack $pack (JDK: $JAVA_HOME)"
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$cp" dev.bulwark.bench.DemoAssessmentBench "${1:-3}" "$pack"
echo
echo "== ./bulwark demo, whole command (3 runs)"
out=$(mktemp -d)
for i in 1 2 3; do
  start=$(date +%s%N)
  ./bulwark demo --pack "$pack" --out "$out/run$i" --no-progress >/dev/null
  end=$(date +%s%N)
  requests=$(grep -o '"requests" *: *[0-9]*' "$out/run$i/findings.json" | head -1 | grep -o '[0-9]*$')
  printf 'run %d: %d ms wall, %s requests\n' "$i" $(( (end - start) / 1000000 )) "$requests"
done
rm -rf "$out"
