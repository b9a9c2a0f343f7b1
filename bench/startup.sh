#!/usr/bin/env bash
# Issue 3 benchmark: wall time of whole `bin/lamin info` processes and of LaminDB.connect() in a JVM, on SQLite and
# PostgreSQL. Needs `mvn -B -DskipTests package`. Usage: bench/startup.sh [postgresql://.../db-for-bench]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
"$repo/bench/machine-info.sh"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
lamin="$repo/bin/lamin"
"$lamin" init --storage "$work/data" >/dev/null
"$lamin" info >/dev/null   # starts the class-data-sharing archive dump if missing
"$repo/bench/wait-cds.sh"
runs=20
times=()
for _ in $(seq 1 $runs); do
  t0=$(date +%s%N); "$lamin" info >/dev/null; t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "bin/lamin info: median ${sorted[$((runs / 2))]} ms, min ${sorted[0]} ms, max ${sorted[$((runs - 1))]} ms over $runs runs"
pgdb="${1:-}"
if [ -z "$pgdb" ] && [ -n "${LAMIN_TEST_POSTGRES_URL:-}" ] && command -v psql >/dev/null; then
  name="lamin_bench_$$"
  psql "${LAMIN_TEST_POSTGRES_URL}" -qc "CREATE DATABASE $name" && pgdb="${LAMIN_TEST_POSTGRES_URL%/*}/$name"
fi
java -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/bench/ConnectBench.java" ${pgdb:+"$pgdb"} 2>/dev/null
if [ -n "${name:-}" ]; then psql "${LAMIN_TEST_POSTGRES_URL}" -qc "DROP DATABASE $name WITH (FORCE)"; fi
