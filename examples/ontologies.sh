#!/usr/bin/env bash
# The ontology example (examples/Ontologies.java) on a fresh SQLite instance with the bionty module, in a
# temporary folder. Needs `mvn -B -DskipTests package` first and the shared ontology files.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${LAMIN_SHARED_DATA:-$repo/../shared/data}/ontologies"
[ -d "$data" ] || { echo "shared ontology files not found at $data; set LAMIN_SHARED_DATA" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
"$repo/bin/lamin" init --storage "$work/data" --modules bionty
java -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/examples/Ontologies.java" "$data"
"$repo/bin/lamin" ontology sources CellType
"$repo/bin/lamin" ontology validate CellType "T cell" "T-cell" || true
