#!/usr/bin/env bash
# Offline dependency check of a 1,000-package poetry.lock after the advisory cache is warm (issue 5: under 1 s).
# Generates the lock file from the PyPA advisory database's package names and affected versions (so lookups hit
# real advisories), imports those advisories into a temporary cache, then times full scans in one JVM.
# Usage: bench/deps-lockfile.sh [PYPA_VULNS_DIR] [PACKAGES]
#   PYPA_VULNS_DIR defaults to ../shared/datasets/osv/pypa-advisory-database/vulns, else the supply test subset.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
vulns=${1:-}
if [ -z "$vulns" ]; then
  for d in ../shared/datasets/osv/pypa-advisory-database/vulns supply/src/test/resources/dev/bulwark/supply/deps/osv/pypa/vulns; do
    if [ -d "$d" ]; then vulns=$d; break; fi
  done
fi
packages=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$vulns" "$packages" "$work/poetry.lock" <<'PY'
import os, re, sys
vulns, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pkgs = []
for name in sorted(os.listdir(vulns)):
    versions = []
    for f in sorted(os.listdir(os.path.join(vulns, name))):
        text = open(os.path.join(vulns, name, f), encoding="utf-8").read()
        m = re.search(r"\nversions:\n((?:  - .*\n)+)", text) or re.search(r"\n  versions:\n((?:  - .*\n)+)", text)
        if m: versions += [v.strip().strip('"') for v in re.findall(r"- (.*)", m.group(1))]
    pkgs.append((name, versions[0] if versions else "1.0.0"))
i = 0
while len(pkgs) < n:  # pad with names no advisory mentions
    pkgs.append(("bench-package-%04d" % i, "1.%d.0" % (i % 50))); i += 1
with open(out, "w") as f:
    for name, version in pkgs[:n]:
        f.write('[[package]]\nname = "%s"\nversion = "%s"\ndescription = ""\noptional = false\npython-versions = "*"\nfiles = []\n\n' % (name, version))
    f.write('[metadata]\nlock-version = "2.0"\npython-versions = "^3.10"\ncontent-hash = "0"\n')
print("generated %s with %d packages" % (out, min(n, len(pkgs))))
PY
exec bench/run-main.sh dev.bulwark.bench.DepsLockfileBench "$work/poetry.lock" "$work/cache" "$vulns" 5
