#!/usr/bin/env bash
# Quickstart on the embedded default (SQLite + local storage) in a temporary folder: init, save a file, query it,
# describe it — with the lamin CLI and with the Java API. Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"

set -x
"$lamin" init --storage "$work/quickstart-data"
echo "hello lamindb" > "$work/myfile.txt"
"$lamin" save "$work/myfile.txt" --key examples/myfile.txt
"$lamin" load --key examples/myfile.txt
"$lamin" list artifact --filter key__startswith=examples/
"$lamin" describe examples/myfile.txt
"$lamin" info
java -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/examples/Quickstart.java"
