#!/usr/bin/env bash
# Sparse .h5ad read benchmark (issue 8): generates a 100k x 30k CSR .h5ad at 5% density, then times reading
# X and obs against the raw read rate of the same file. Usage:
#   [BENCH_GZIP=true] [REUSE=1] bench/formats-anndata/run.sh [workdir] [nObs] [nVars] [density]
# Prints figures with machine info; no thresholds (compare ratios within one run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/lamindb-bench-anndata}"
nobs="${2:-100000}"; nvars="${3:-30000}"; density="${4:-0.05}"
mkdir -p "$work"

echo "== machine"
echo "nproc: $(nproc)"; uname -srm
grep -m1 'model name' /proc/cpuinfo || true
free -g | head -2 || true
java -version 2>&1 | head -3

cd "$repo"
mvn -B -q -pl lamindb-formats -am install -DskipTests
mvn -B -q -pl lamindb-formats dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime -Dmdep.excludeArtifactIds=slf4j-simple >/dev/null
cp="$repo/lamindb-formats/target/classes:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$cp" "$here/SparseH5adBench.java"

gzip="${BENCH_GZIP:-false}"
file="$work/sparse_${nobs}x${nvars}_gzip-${gzip}.h5ad"
echo "== generate + read (heap -Xmx${BENCH_XMX:-8g})"
java -Xmx"${BENCH_XMX:-8g}" -Dbench.gzip="$gzip" -cp "$work/classes:$cp" SparseH5adBench "$file" "$nobs" "$nvars" "$density" ${REUSE:+--reuse}

echo "== raw read rate of the same file (page cache warm after the run above)"
start=$(date +%s.%N); cat "$file" > /dev/null; end=$(date +%s.%N)
size=$(stat -c %s "$file")
awk -v s="$start" -v e="$end" -v b="$size" 'BEGIN { t = e - s; printf "cat: %.2f s = %.1f MiB/s\n", t, b / 1048576 / t }'

echo "== lazy access with a small heap (-Xmx256m): describe + 10k-row slices"
java -Xmx256m -cp "$work/classes:$cp" SparseH5adBench "$file" "$nobs" "$nvars" "$density" --reuse-lazy-only
