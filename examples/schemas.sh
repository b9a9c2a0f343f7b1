#!/usr/bin/env bash
# Composed schemas and curation (docs/schemas.md): examples/Schemas.java, then `lamin curate` and `lamin save --schema`
# on a fresh SQLite instance with the bionty module, in a temporary folder. Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
"$lamin" init --storage "$work/schemas-data" --modules bionty
java -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/examples/Schemas.java" "$work/seed.h5ad"
set -x
# the file still has "b cell" (standardize changed only the in-memory AnnData): curate maps it, nothing is saved
"$lamin" curate "$work/seed.h5ad" --schema scrna --standardize
"$lamin" curate "$work/seed.h5ad" --schema scrna --format json | grep '"ok"' | head -1 || true
"$lamin" save "$work/seed.h5ad" --key my_datasets/seed.h5ad --schema scrna || echo "exit code $?"
