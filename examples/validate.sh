#!/usr/bin/env bash
# Validation helpers on core registries (examples/Validate.java and `lamin validate`) on a fresh SQLite instance in a
# temporary folder. Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
"$lamin" init --storage "$work/validate-data"
java -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/examples/Validate.java"
set -x
"$lamin" validate ulabel DMSO IFNG
"$lamin" validate feature gc_content gc unknown || echo "exit code $?"
