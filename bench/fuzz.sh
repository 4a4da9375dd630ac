#!/usr/bin/env bash
# Fuzzes every Jazzer target of the supply module for a bounded time each (JAZZER_FUZZ=1 runs one @FuzzTest per
# JVM, so each gets its own run). Usage: bench/fuzz.sh [SECONDS_EACH]   (default 30; the targets' maxDuration caps it)
# A crash, hang or out-of-memory fails the run and leaves the input under supply/src/test/resources/.../*Inputs/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-30}
targets=$(grep -rn -A2 "@FuzzTest" supply/src/test/java | grep "void " \
  | sed 's#.*java/\(.*\)\.java.*void \([a-zA-Z0-9_]*\).*#\1\#\2#' | tr '/' '.')
./mvnw -B -ntp -q -pl supply -am install -DskipTests >/dev/null
status=0
for t in $targets; do
  echo "== fuzzing $t for ${seconds}s"
  if ! JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ./mvnw -B -ntp -q -pl supply test -Dtest="$t" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration="${seconds}s"; then
    echo "!! $t failed"; status=1
  fi
done
exit $status
