#!/usr/bin/env bash
# Spark source benchmark: planning with a feature filter over N artifacts (default 10000) and scan time vs
# spark.read().parquet(paths) on the same files. Needs `mvn -B -DskipTests package` first. Usage: run.sh [N]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache" SPARK_LOCAL_IP=127.0.0.1
(cd "$repo" && mvn -B -o -q -pl lamindb-spark dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$repo/lamindb-spark/target/classes:$repo/lamindb-formats/target/classes:$repo/lamindb-core/target/classes:$(cat "$work/cp.txt")"
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
  java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
"$repo/bench/machine-info.sh" 2>/dev/null || uptime
# shellcheck disable=SC2086
java -Xmx2g -Djava.net.preferIPv4Stack=true $opens -cp "$cp" "$repo/bench/spark/SparkBench.java" "$work" "$n" 2>"$work/err.txt" \
  || { tail -50 "$work/err.txt" >&2; exit 1; }
