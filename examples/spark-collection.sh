#!/usr/bin/env bash
# Spark over a LaminDB collection (docs/spark.md): 20 Parquet artifacts, a Spark SQL query through the lamin
# catalog with registry-side pruning, the result written back with lineage. Prints rows=<n> pruned=<k> output=<uid>.
# Compiles the modules in the reactor when run by hand (no ~/.m2 install); runs offline (Spark from ~/.m2, local mode, no UI).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache" SPARK_LOCAL_IP=127.0.0.1
cp="${LAMIN_SPARK_CLASSPATH:-}"
if [ -z "$cp" ]; then # Spark is a `provided` dependency: ask Maven for the module's test class path once
  # inside the reactor: the sibling modules resolve to their target/classes (they are not installed in ~/.m2)
  (cd "$repo" && mvn -B -o -q -pl lamindb-spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.txt" 2>&1) || { tail -30 "$work/mvn.txt" >&2; exit 1; }
  # this checkout's modules first (Maven alone would take core and formats from ~/.m2)
  cp="$repo/lamindb-spark/target/classes:$repo/lamindb-formats/target/classes:$repo/lamindb-core/target/classes"
  cp="$cp:$(cat "$work/cp.txt")"
fi
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
  java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
# shellcheck disable=SC2086
java -Xmx1g -Djava.net.preferIPv4Stack=true $opens -cp "$cp" "$repo/examples/SparkCollection.java" "$work" 2>"$work/stderr.txt" \
  || { cat "$work/stderr.txt" >&2; exit 1; }
