#!/usr/bin/env bash
# LaminDB's README snippets in Java (examples/SeedReadme.java) on a fresh SQLite instance with the bionty module,
# in a temporary folder. Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
"$repo/bin/lamin" init --storage "$work/seed-data" --modules bionty
obo="$repo/../shared/data/ontologies/cl-basic.obo"
java -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/examples/SeedReadme.java" $( [ -f "$obo" ] && echo "$obo" )
