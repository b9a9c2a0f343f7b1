#!/usr/bin/env bash
# Benchmarks P4 (feature filter) and P5 (describe with 20 features and 10 labels) for features & labels.
# Usage: bench/features/run.sh [artifacts=1000000] [sqlite|postgres|both]
# PostgreSQL: set LAMIN_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
bash "$root/bench/machine-info.sh"
mvn -B -q -o -pl lamindb-core test-compile
mkdir -p "$here/target/classes"
mvn -B -q -o -pl lamindb-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$here/target/cp.txt" >/dev/null
cp="$root/lamindb-core/target/classes:$root/lamindb-core/target/test-classes:$(cat "$here/target/cp.txt")"
javac -d "$here/target/classes" -cp "$cp" "$here/src/FeatureBench.java"
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$here/target/classes:$cp" FeatureBench "$@"
