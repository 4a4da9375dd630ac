#!/usr/bin/env bash
# Differentially private count over a 1,000,000-row CSV (issue 7 target: under 1 s). Generates the CSV with python3,
# then runs the real CLI (./bulwark data dp ... --query count --timing) RUNS times against one ledger with a budget
# large enough for all of them. Prints, per run, the time measured inside the process (from the command's start to
# the answer: DuckDB start, column check, the SQL count while the ledger hashes the file and fsyncs the spend, noise)
# and the whole CLI call including JVM start, then the best and median of each against the target. Each run is
# paired with a baseline run of the same query through a plain `java -jar` (no start-up cache, no launcher flags:
# what the launcher adds, measured in the same minutes of the same machine).
# Run 1 is the file's first query against its ledger: the ledger identifies a dataset by the sha256 of its bytes, so
# that run hashes the file (88 MB at 1M rows) and remembers the digest beside the ledger; later runs reuse it while the
# file is unchanged. The summary reports run 1 apart from the repeat queries.
# Usage: bench/data-dp.sh [ROWS] [RUNS]   (defaults 1000000 and 5). The machine may be shared: numbers are noisy.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rows=${1:-1000000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== generating $rows rows in $work/people.csv"
python3 - "$work/people.csv" "$rows" <<'PY'
import random, sys
path, rows = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
cities = ["Lyon", "Paris", "Nantes", "Lille", "Nice", "Brest", "Dijon", "Metz"]
with open(path, "w") as f:
    f.write("id,name,city,age,income,email,plan,signup,score,notes\n")
    for i in range(rows):
        f.write("%d,Person %d,%s,%d,%.2f,p%d@example.org,%s,2024-%02d-%02d,%.3f,note %d\n" % (
            i, i, rng.choice(cities), rng.randint(18, 90), rng.uniform(0, 150000), i,
            rng.choice(["free", "pro", "team"]), rng.randint(1, 12), rng.randint(1, 28), rng.random(), i % 97))
PY
ls -l "$work/people.csv"
# the file was just written: flush it, so its write-back is not charged to the first query
sync "$work/people.csv"
./bulwark --version >/dev/null  # builds the jar if sources changed, outside the timed runs

. .mvn/find-jdk.sh
plain=("$JAVA_HOME/bin/java")
if [ "${BULWARK_JDK_MAJOR:-0}" -ge 23 ]; then plain+=(--sun-misc-unsafe-memory-access=allow); fi
inproc=()
wall=()
base=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "${plain[@]}" -jar cli/target/bulwark.jar data dp "$work/people.csv" --query count --where "city = 'Lyon' and age >= 30" \
    --epsilon 0.1 --ledger "$work/dp-plain.jsonl" --budget 100 >/dev/null 2>&1
  end=$(date +%s%N)
  base+=("$(( (end - start) / 1000000 ))")
  start=$(date +%s%N)
  ./bulwark data dp "$work/people.csv" --query count --where "city = 'Lyon' and age >= 30" --epsilon 0.1 \
    --ledger "$work/dp.jsonl" --budget 100 --timing >"$work/out" 2>"$work/err"
  end=$(date +%s%N)
  ms_wall=$(( (end - start) / 1000000 ))
  ms_in=$(sed -n 's/^timing: in-process \([0-9.]*\) ms.*/\1/p' "$work/err")
  ms_query=$(sed -n 's/.*SQL query \([0-9.]*\) ms.*/\1/p' "$work/err")
  ms_cpu=$(sed -n 's/.*process CPU since JVM start \([0-9.]*\) ms.*/\1/p' "$work/err")
  echo "run $i: $(grep '^answer' "$work/out" | tr -s ' ')  in-process ${ms_in} ms (of which SQL count ${ms_query} ms), whole CLI call ${ms_wall} ms, process CPU ${ms_cpu} ms; plain java -jar ${base[-1]} ms"
  inproc+=("$ms_in")
  wall+=("$ms_wall")
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times stretch with load; CPU times less so)"
summary() { # $1 = label, $2 = text after the numbers, $3 = judge against the 1 s target (1 or 0), then the samples (ms)
  local what=$1 note=$2 judge=$3
  shift 3
  printf '%s\n' "$@" | sort -n | awk -v what="$what" -v note="$note" -v judge="$judge" '{a[NR]=$1} END {m=a[int((NR+1)/2)]
    printf "%-24s best %.0f ms, median %.0f ms%s%s\n", what, a[1], m, (judge ? (m < 1000 ? ": meets" : ": misses") " the 1 s target" : ""), note}'
}
echo "first query (hashes the file for the ledger): in-process ${inproc[0]} ms, whole CLI call ${wall[0]} ms, plain java -jar ${base[0]} ms"
if [ "$runs" -gt 1 ]; then
  summary "repeat queries in-process" "" 1 "${inproc[@]:1}"
  summary "repeat queries whole CLI" " (includes JVM start and DuckDB native load)" 1 "${wall[@]:1}"
  summary "repeat plain java" " (baseline: the same query through java -jar, no start-up cache)" 0 "${base[@]:1}"
fi
