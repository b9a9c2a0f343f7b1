#!/usr/bin/env bash
# Benchmark: ln.ulabels().validate / inspect / standardize of N values against an N-row ULabel registry, warm.
# Usage: bench/validate/run.sh [n=30000] [sqlite|postgres|both]
# PostgreSQL: set LAMIN_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres); else embedded.
# Prints machine info and figures; never asserts on time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
bash "$root/bench/machine-info.sh"
mvn -B -q -o -pl lamindb-core test-compile
mkdir -p "$here/target/classes"
mvn -B -q -o -pl lamindb-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$here/target/cp.txt" >/dev/null
cp="$root/lamindb-core/target/classes:$root/lamindb-core/target/test-classes:$(cat "$here/target/cp.txt")"
javac -d "$here/target/classes" -cp "$cp" "$here/src/ValidateBench.java"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$here/target/classes:$cp" ValidateBench "$@"
