#!/usr/bin/env bash
# Spark source benchmark: planning with a feature filter over N artifacts (default 10000) and scan time vs
# spark.read().parquet(paths) on the same files; planning again with the members in S3 (S3Proxy in-process) with
# the S3 LIST/GET requests counted. Compiles the modules in the reactor (no ~/.m2 install).
# Usage: run.sh [N] [local|s3|both]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-10000}"
mode="${2:-both}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_TEST_POSTGRES_URL="${LAMIN_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache" SPARK_LOCAL_IP=127.0.0.1
# sibling modules resolve to their target/classes only inside the reactor (they are not installed in ~/.m2)
(cd "$repo" && mvn -B -o -q -pl lamindb-spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.txt" 2>&1) || { tail -30 "$work/mvn.txt" >&2; exit 1; }
cp="$repo/lamindb-spark/target/classes:$repo/lamindb-formats/target/classes:$repo/lamindb-core/target/classes:$(cat "$work/cp.txt")"
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
  java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
"$repo/bench/machine-info.sh" 2>/dev/null || uptime
# shellcheck disable=SC2086
java -Xmx2g -Djava.net.preferIPv4Stack=true $opens -cp "$cp" "$repo/bench/spark/SparkBench.java" "$work" "$n" "$mode" 2>"$work/err.txt" \
  || { tail -50 "$work/err.txt" >&2; exit 1; }
