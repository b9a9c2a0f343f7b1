#!/usr/bin/env bash
# MuData artifacts, anndata 0.6 files and per-element warnings (docs/formats.md) on a fresh SQLite instance in a
# temporary folder, with the small fixtures of lamindb-formats' tests. Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
fixtures="$repo/lamindb-formats/src/test/resources/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
"$lamin" init --storage "$work/formats-data"
cp "$fixtures/small.h5mu" "$work/small.h5mu"
"$lamin" save "$work/small.h5mu" --key mdata/small.h5mu
"$lamin" describe --key mdata/small.h5mu
java -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/examples/Formats.java" "$fixtures" 2>/dev/null
