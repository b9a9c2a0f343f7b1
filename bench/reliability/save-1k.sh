#!/usr/bin/env bash
# Issue 15: what crash safety (save intent, stored-hash verification, repair lock) costs per save.
# Median save time of fresh 1 KiB files, BEFORE (a lamin.jar built from the code before the change) and AFTER
# (this tree), in paired runs that alternate before/after so load drifts hit both alike.
# Needs `mvn -B -DskipTests package` here and a "before" jar.
# Usage: bench/reliability/save-1k.sh <before lamin.jar> [saves per run=300] [pairs=3]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
before="${1:?path to the lamin.jar built before the change}"
n="${2:-300}"; pairs="${3:-3}"
after="$repo/lamindb-cli/target/lamin.jar"
"$repo/bench/machine-info.sh"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
run() { # label jar dir [pg]
  rm -rf "$3"; mkdir -p "$3"
  echo "$1: $(java -cp "$2" "$repo/bench/reliability/Save1k.java" "$3" "$n" ${4:-} 2>/dev/null)"
}
for i in $(seq 1 "$pairs"); do
  run "before SQLite #$i" "$before" "$work/b$i"
  run "after  SQLite #$i" "$after" "$work/a$i"
done
if [ -n "${LAMIN_TEST_POSTGRES_URL:-}" ]; then
  for i in $(seq 1 "$pairs"); do
    for side in before after; do
      jar="$before"; [ "$side" = after ] && jar="$after"
      name="lamin_bench_s1k_${side}_$$_$i"; psql "$LAMIN_TEST_POSTGRES_URL" -qc "CREATE DATABASE $name"
      run "$side PostgreSQL #$i" "$jar" "$work/pg-$side$i" "${LAMIN_TEST_POSTGRES_URL%/*}/$name"
      psql "$LAMIN_TEST_POSTGRES_URL" -qc "DROP DATABASE $name WITH (FORCE)"
    done
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
