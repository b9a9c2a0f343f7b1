#!/usr/bin/env bash
# Benchmark P4: builds lamindb-core (with test classes), compiles P4Bench against the test classpath and runs it.
# Usage: bench/query/run.sh [artifacts=1000000] [sqlite|postgres|both]
# PostgreSQL: set LAMIN_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres); else embedded.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl lamindb-core test-compile
mvn -B -q -o -pl lamindb-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$here/target/cp.txt" >/dev/null
# snapshot the classes so that rebuilding the worktree does not disturb a long run
rm -rf "$here/target/snapshot" && mkdir -p "$here/target/snapshot"
cp -r "$root/lamindb-core/target/classes" "$here/target/snapshot/classes"
cp -r "$root/lamindb-core/target/test-classes" "$here/target/snapshot/test-classes"
cp="$here/target/snapshot/classes:$here/target/snapshot/test-classes:$(cat "$here/target/cp.txt")"
mkdir -p "$here/target/classes"
javac -d "$here/target/classes" -cp "$cp" "$here/src/P4Bench.java"
echo "java -version:"; java -version 2>&1 | sed 's/^/  /'
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$here/target/classes:$cp" P4Bench "$@"
