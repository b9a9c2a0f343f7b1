#!/usr/bin/env bash
# "Query databases" of the seed README without a hub (docs/instances.md): an instance with the real cellxgene
# example h5ad, labelled with a disease from the shared MONDO ontology, is published to a catalog folder; then
# a user with an empty LAMIN_HOME opens it by name, read-only. Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${LAMIN_SHARED_DATA:-$repo/../shared/data}"
[ -d "$data/ontologies" ] || { echo "shared data not found at $data; set LAMIN_SHARED_DATA" >&2; exit 2; }
lamin="$repo/bin/lamin"
jar="$repo/lamindb-cli/target/lamin.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_CATALOG="$work/catalog" LAMIN_CACHE_DIR="$work/cache"

# the publisher: an instance named cellxgene, published to the team's catalog
export LAMIN_HOME="$work/publisher-home"
"$lamin" init --storage "$work/cellxgene" --modules bionty
java -cp "$jar" "$repo/examples/Db.java" publish \
  "$data/formats/h5ad/cellxgene_example_valid.h5ad" "$data/ontologies/MONDO-ontology-v2025-05-06.json"
"$lamin" instance publish
"$lamin" instance list

# a colleague: nothing in LAMIN_HOME, only the catalog
export LAMIN_HOME="$work/reader-home"
java -cp "$jar" "$repo/examples/Db.java" query anonymous/cellxgene
# ... and registers the artifact in an instance of her own (same uid; content stays where it is)
"$lamin" init --storage "$work/mine" --modules bionty
"$lamin" transfer lamin://anonymous/cellxgene/artifact/cellxgene/example.h5ad
"$lamin" list artifact --filter diseases__name="Alzheimer disease"
