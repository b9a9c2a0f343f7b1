#!/usr/bin/env bash
# Repair and upgrades (docs/reliability.md): leftovers of a crashed save are removed once older than the grace period;
# young ones and uploads of saves in flight are kept; `lamin migrate --dry-run` lists pending migrations.
# Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"

set -x
"$lamin" init --storage "$work/data"
echo "kept" > "$work/kept.txt"
"$lamin" save "$work/kept.txt" --key examples/kept.txt
# what a save killed during its upload leaves behind: a temporary upload without a live save intent
echo "partial" > "$work/data/.lamindb/.lamindb-tmp-AAAAAAAAAAAAAAAA.txt"
touch -d "3 hours ago" "$work/data/.lamindb/.lamindb-tmp-AAAAAAAAAAAAAAAA.txt"
# ... and a file of a save that died between moving its content into place and committing its row, just now
echo "no row" > "$work/data/.lamindb/BBBBBBBBBBBBBBBB0000.txt"
"$lamin" repair --dry-run                 # default grace 1h: the 3-hour-old upload goes, the fresh file stays
"$lamin" repair
"$lamin" repair --dry-run --grace 0       # no grace: the fresh orphan would go too
"$lamin" repair --grace 0
"$lamin" load --key examples/kept.txt     # committed content is never touched
"$lamin" migrate --dry-run
