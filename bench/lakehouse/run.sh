#!/usr/bin/env bash
# bench/lakehouse (issue 17, P8): 3,000 generated Parquet artifacts (10k rows x 8 columns) in one collection;
# (a)-(c) on local storage, (d) on S3Proxy with ranged reads. Compiles lamindb-core and lamindb-storage-s3
# (with their test classes) through the reactor first; nothing needs to be installed.
# Usage: run.sh [--quick] [N] [S3-N]   (--quick: 300 artifacts, 30 on S3); PostgreSQL for (d):
# LAMIN_TEST_POSTGRES_URL (else an embedded PostgreSQL is started).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n=3000; s3n=300
if [[ "${1:-}" == "--quick" ]]; then n=300; s3n=30; shift; fi
n="${1:-$n}"; s3n="${2:-$s3n}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
# the test class path as the compiler sees it (maven-dependency-plugin does not resolve offline here)
# (-am: the reactor's own target/classes, so nothing has to be installed in ~/.m2 first)
(cd "$repo" && mvn -B -o -X -pl lamindb-storage-s3 -am test-compile >"$work/mvn.txt" 2>&1) \
  || { grep -E '^\[ERROR\]' "$work/mvn.txt" | head -20 >&2; exit 1; }
grep '(f) testPath = ' "$work/mvn.txt" | grep 'lamindb-storage-s3/target/test-classes' | head -1 \
  | sed -e 's/.*testPath = \[//' -e 's/\]$//' -e 's/, /:/g' >"$work/cp.txt"
[[ -s "$work/cp.txt" ]] || { echo "no test class path of lamindb-storage-s3 in the maven output" >&2; exit 1; }
cp="$(cat "$work/cp.txt")"
"$repo/bench/machine-info.sh" 2>/dev/null || uptime
java -Xmx3g -cp "$cp" "$repo/bench/lakehouse/LakehouseBench.java" "$work" "$n" "$s3n" 2>"$work/err.txt" \
  || { tail -50 "$work/err.txt" >&2; exit 1; }
uptime
