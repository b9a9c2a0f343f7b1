#!/usr/bin/env bash
# Collections and one SQL query across many datasets (docs/collections.md) on a fresh SQLite instance in a
# temporary folder. Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
"$lamin" init --storage "$work/lake-data"
printf 'sample,g,x\ns1,a,1.5\ns2,b,2.5\ns3,a,3.0\n' > "$work/batch1.csv"
printf 'sample,g,x\ns4,b,4.0\ns5,a,5.0\n' > "$work/batch2.csv"
printf 'sample,g,x\ns6,c,6.0\n' > "$work/batch3.csv"
"$lamin" save "$work/batch1.csv" --key lake/batch1.csv
"$lamin" save "$work/batch2.csv" --key lake/batch2.csv
"$lamin" save "$work/batch3.csv" --key lake/batch3.csv
"$lamin" collection create lake/all lake/batch1.csv lake/batch2.csv --description "two batches"
"$lamin" collection append lake/all lake/batch3.csv
"$lamin" list collection
"$lamin" query lake/all "SELECT g, count(*) AS n, avg(x) AS mean_x FROM data GROUP BY g ORDER BY g"
"$lamin" query lake/all "SELECT sample, artifact_uid FROM data WHERE x > 4.5 ORDER BY sample" --format json
"$lamin" describe collection lake/all
