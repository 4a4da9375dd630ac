#!/usr/bin/env bash
# Runs the JMH benchmarks of this module with the bench classpath, e.g.
#   bench/jmh.sh RedactionBench -wi 10 -i 10
#   bench/jmh.sh InjectionBench -p prompt=attack
# Arguments go to org.openjdk.jmh.Main unchanged (-h lists them). Close other work first: the numbers are only as
# quiet as the machine.
set -euo pipefail
exec "$(dirname "$0")/run-main.sh" org.openjdk.jmh.Main "$@"
