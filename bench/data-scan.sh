#!/usr/bin/env bash
# `scan data --full` on a generated 1,000,000-row, 10-column CSV (id, name, email, phone, zip, age, gender, city,
# free-text note, amount; a few notes carry an e-mail or a card number), timed end to end through ./bulwark (JVM
# start, reading, PII/secret detection on every cell, the k-anonymity grouping, reports). Target: under 30 s.
# Usage: bench/data-scan.sh [ROWS] [TARGET_SECONDS]   (defaults 1000000 and 30)
# The machine may be shared: numbers are only as quiet as it is. The jar is built first and not timed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
cd "$root"
rows=${1:-1000000}
target=${2:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== generating $rows rows in $work/people.csv"
python3 - "$work/people.csv" "$rows" <<'PY'
import csv, random, sys
path, rows = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
first = ["Maria", "John", "Wei", "Aisha", "Carlos", "Emma", "Liam", "Olivia", "Noah", "Ava", "Mohammed", "Sofia",
         "Lucas", "Mia", "Yuki", "Fatima", "David", "Anna", "Ivan", "Chloe"] * 1
last = ["Garcia", "Smith", "Chen", "Khan", "Lopez", "Brown", "Jones", "Miller", "Davis", "Wilson", "Nguyen",
        "Müller", "Rossi", "Kowalski", "Tanaka", "Silva", "Martin", "Novak", "Dubois", "Patel"]
cities = ["Springfield", "Riverton", "Lakeside", "Hillview", "Fairview", "Georgetown", "Salem", "Madison",
          "Franklin", "Clinton", "Arlington", "Ashland", "Burlington", "Dayton", "Milton"]
notes = ["asked about the delivery date", "wants a refund for order {o}", "happy with the service",
         "reported a broken item in order {o}", "changed the shipping address", "no comment",
         "called twice about invoice {o}", "prefers contact by e-mail", "asked for a discount on the next order"]
cards = ["4111 1111 1111 1111", "5500 0000 0000 0004", "4012 8888 8888 1881"]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "name", "email", "phone", "zip", "age", "gender", "city", "note", "amount"])
    for i in range(1, rows + 1):
        fn, ln = rng.choice(first), rng.choice(last)
        note = rng.choice(notes).format(o=rng.randrange(10000, 99999))
        r = rng.random()
        if r < 0.01:
            note += " - reach me at %s.%s%d@example.org" % (fn.lower(), ln.lower(), rng.randrange(1000))
        elif r < 0.012:
            note += " - card " + rng.choice(cards)
        w.writerow([i, fn + " " + ln, "%s.%s%d@example.com" % (fn.lower(), ln.lower(), rng.randrange(100000)),
                    "+1 %d-555-%04d" % (rng.choice([212, 312, 415, 617, 646, 718, 202, 305]), rng.randrange(10000)),
                    "%05d" % rng.randrange(10000, 99999), rng.randrange(18, 90), rng.choice("MF"),
                    rng.choice(cities), note, "%.2f" % (rng.random() * 2000)])
PY
ls -l "$work/people.csv"

echo "== building the CLI (not timed)"
./bulwark --version >/dev/null

echo "== ./bulwark scan data --full"
start=$(date +%s.%N)
./bulwark scan data "$work/people.csv" --full --out "$work/report" --format json
end=$(date +%s.%N)
secs=$(python3 -c "print(round($end - $start, 1))")
python3 - "$work/report/findings.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    e = f["evidence"]
    extra = " k=%s" % e["k"] if "k" in e else ""
    print("  %-20s %-7s %s%s" % (f["check"], f["severity"], f["location"].get("column", "-"), extra))
PY
echo "scan data --full, $rows rows x 10 columns: ${secs} s (target ${target} s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
python3 -c "import sys; sys.exit(0 if $secs < $target else 1)" && echo "PASS" || { echo "FAIL: over the target"; exit 1; }
