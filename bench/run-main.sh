#!/usr/bin/env bash
# Shared by the bench scripts: builds detect (and what it needs) and the bench module, then runs one of the bench
# mains with the bench classpath. Usage: bench/run-main.sh MAIN_CLASS [ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
cd "$root"
./mvnw -B -ntp -q -pl detect -am install -DskipTests >/dev/null
./mvnw -B -ntp -q -pl bench compile >/dev/null
cp=$(./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
mkdir -p bench/target
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "bench/target/classes:$cp" "$@"
