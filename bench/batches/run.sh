#!/usr/bin/env bash
# P9 (issue 18): batch loading from a collection of AnnData files. Generates 8 CSR .h5ad files (and the same as
# zarr v3) of 200k cells x 20k genes at 5 % density in total, then prints samples/s of batches() (shuffled and
# weighted), mapped().get(i) random access, the h5py peer loop over the same chunk pattern, and peak RSS.
# Usage: bench/batches/run.sh [--quick] [workdir]     (--quick: 40k cells, 3 s per figure)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
cells=200000; secs=10
if [ "${1:-}" = "--quick" ]; then cells=40000; secs=3; shift; fi
work="${1:-${TMPDIR:-/tmp}/lamindb-bench-batches}"; data="$work/data-$cells"
mkdir -p "$work"
"$repo/bench/machine-info.sh"
cd "$repo"
mvn -B -q -o -pl lamindb-formats -am package -DskipTests \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >/dev/null
cp="$repo/lamindb-formats/target/classes:$repo/lamindb-core/target/classes:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$cp" "$here/BatchesBench.java"
run() { java -Xmx"${BENCH_XMX:-200m}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$work/classes:$cp" BatchesBench "$@"; }
[ -d "$data" ] || BENCH_XMX=3g run generate "$data" 8 "$cells" 20000 0.05
du -sh "$data"/*.h5ad | tail -n 1; du -sch "$data"/*.h5ad | tail -n 1
echo "== h5ad"; run run "$data" h5ad "$secs" | tee "$work/h5ad.txt"
# zarr keeps one decoded 1 MiB chunk per array, file and reading thread: more heap than h5ad
echo "== zarr v3"; BENCH_XMX="${BENCH_XMX_ZARR:-512m}" run run "$data" zarr "$secs" || echo "(zarr run failed)"
py=python3; /usr/bin/python3 -c 'import h5py' 2>/dev/null && py=/usr/bin/python3  # Debian's h5py
if "$py" -c 'import h5py' 2>/dev/null; then
  echo "== peer"; "$py" "$here/peer.py" "$data" "$secs" | tee "$work/peer.txt"
  ours=$(grep '^(a)' "$work/h5ad.txt" | sed 's/.*= \([0-9]*\) samples.*/\1/')
  peer=$(sed 's/.*= \([0-9]*\) samples.*/\1/' "$work/peer.txt")
  awk -v a="$ours" -v p="$peer" 'BEGIN { printf "(d) ratio (a) h5ad / peer = %.2f\n", a / p }' 
else
  echo "(d) peer skipped: python3-h5py is not installed (apt-get install python3-h5py)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
