#!/usr/bin/env bash
# Pickle opcode scanning throughput, side by side in one run: Python's pickletools.genops (what picklescan and
# modelscan walk pickles with) against Bulwark's pickle scanner in a JVM held to -Xmx64m, on benign pickles this
# script generates with python3 from data it creates (never from the malicious samples). Prints MB/s per file and
# the ratio. The JVM gets the flags ./bulwark gives scans (-XX:+UseSerialGC). Usage: bench/pickle-throughput.sh [SMALL_MB] [BLOB_MB]   (defaults 45 and 512)
# Java times what a scan of one file does (read its head, recognise the pickle, PickleReader.read: open, simulate,
# rate imports), not the report's sha256; its warm passes each repeat the scan for at least a second, since a scan
# that skips its payloads takes about a millisecond, below the 10 ms tick of the process CPU clock.
# The machine may be shared: numbers are only as quiet as it is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
cd "$root"
small_mb=${1:-45}
blob_mb=${2:-512}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== generating benign pickles in $work"
python3 - "$work" "$small_mb" "$blob_mb" <<'PY'
import os, pickle, random, struct, sys
work, small_mb, blob_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(1)
words = ["layer%d.weight" % i for i in range(5000)] + ["w%05d" % i for i in range(20000)]
def record():
    return {"name": rng.choice(words) + str(rng.randrange(1000)), "id": rng.randrange(1 << 40),
            "score": rng.random(), "tags": (rng.choice(words), rng.randrange(100)),
            "vals": [rng.randrange(300) for _ in range(6)]}
# many small objects (short strings, ints, floats, tuples, lists, dicts), sized from a sample, protocol 4
per_record = len(pickle.dumps([record() for _ in range(10000)], protocol=4)) / 10000
records = [record() for _ in range(int(small_mb * 1_000_000 / per_record))]
with open(os.path.join(work, "small-objects.pkl"), "wb") as f:
    pickle.dump(records, f, protocol=4)
del records
# big byte blobs, like tensor storages: a list of 1 MiB bytes objects. pickle.dumps of each blob gives its
# opcodes (BINBYTES8 + payload); they are wrapped in EMPTY_LIST MARK ... APPENDS STOP one at a time so the
# generator never holds more than one blob.
with open(os.path.join(work, "byte-blobs.pkl"), "wb") as f:
    f.write(b"\x80\x04]\x94(")
    for i in range(blob_mb):
        one = pickle.dumps(os.urandom(1 << 20), protocol=4)
        body = one[2:-1]  # drop PROTO and STOP
        if body[:1] == b"\x95":  # drop a FRAME header if the pickler wrote one
            body = body[9:]
        f.write(body)
    f.write(b"e.")
PY
ls -l "$work"

./mvnw -B -ntp -q -o -pl supply install -DskipTests >/dev/null
./mvnw -B -ntp -q -o -pl bench compile >/dev/null
cp=$(./mvnw -B -ntp -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)

for f in "$work"/small-objects.pkl "$work"/byte-blobs.pkl; do
  py=$(python3 - "$f" <<'PY'
import os, pickletools, sys, time
path = sys.argv[1]
with open(path, "rb") as fh:
    data = fh.read()  # genops over bytes in memory: its fastest way, no per-opcode file reads
# best of three passes, as the Java side reports the best of its warm passes: on a shared machine one slow pass
# says more about the neighbours than about either scanner
secs = cpu_secs = float("inf")
for _ in range(3):
    start, cpu = time.perf_counter(), time.process_time()
    n = sum(1 for _ in pickletools.genops(data))
    secs = min(secs, time.perf_counter() - start)
    cpu_secs = min(cpu_secs, time.process_time() - cpu)
mb = len(data) / 1e6
print("%.2f %.2f %d %.3f" % (mb / secs, mb / cpu_secs, n, secs))
PY
)
  start=$(date +%s%N)
  java_out=$("$JAVA_HOME/bin/java" -Xmx64m -XX:+UseSerialGC -cp "bench/target/classes:$cp" dev.bulwark.bench.PickleScanThroughput 4 "$f")
  end=$(date +%s%N)
  read -r py_mbps py_cpu_mbps py_ops py_secs <<<"$py"
  field() { awk -v k="$1" '{for(i=1;i<=NF;i++) if($i==k) print $(i+1)}' <<<"$java_out"; }
  echo "$java_out"
  printf 'python %s genops %s MB/s, cpu %s MB/s (%s opcodes, %s s)\n' "$(basename "$f")" "$py_mbps" "$py_cpu_mbps" \
    "$py_ops" "$py_secs"
  awk -v c="$(field cold)" -v w="$(field warm)" -v cc="$(field cpu-cold)" -v cw="$(field cpu-warm)" -v p="$py_mbps" \
    -v pc="$py_cpu_mbps" -v ms=$(( (end - start) / 1000000 )) 'BEGIN {
      printf "ratio java/python by wall time: cold %.1fx, warm %.1fx; by CPU time: cold %.1fx, warm %.1fx\n", c / p, w / p, cc / pc, cw / pc
      printf "(java process with 4 passes and JVM start: %d ms)\n\n", ms }'
done
