#!/usr/bin/env bash
# P6/P7 benchmarks of the bionty module: ontology and gene-table import, Ensembl id validation.
# Usage: bench/bionty/run.sh [sqlite|postgres]   (from the repository root)
# Prints machine info and figures; never asserts on time.
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
data="${LAMIN_SHARED_DATA:-$(pwd)/../shared/data}/ontologies"
[ -d "$data" ] || data="/work/shared/data/ontologies"
bench/machine-info.sh
mvn -B -q -o -pl lamindb-bionty -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bionty-bench.cp -Dmdep.includeScope=test >/dev/null
cp="lamindb-bionty/target/test-classes:lamindb-bionty/target/classes:lamindb-core/target/test-classes:lamindb-core/target/classes:$(cat lamindb-bionty/target/bionty-bench.cp)"
exec java -Xmx1g -cp "$cp" org.lamindb.bionty.bench.BiontyBench "$backend" "$data"
