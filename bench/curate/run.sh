#!/usr/bin/env bash
# Benchmark (issue 22): curation of the seed's AnnData (21 x 10, warm), of N rows x 20 categorical columns, and
# optionally of an .h5ad by path with a small heap. Needs `mvn -B -DskipTests package` first (uses lamin.jar).
# Usage: bench/curate/run.sh [rows=1000000] [file.h5ad]   (BENCH_DB=postgresql://... for PostgreSQL)
# Prints machine info and figures; never asserts on time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bash "$root/bench/machine-info.sh"
exec java -Xmx${BENCH_XMX:-2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$root/lamindb-cli/target/lamin.jar" "$here/CurateBench.java" "$@"
