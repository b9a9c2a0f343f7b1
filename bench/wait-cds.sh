#!/usr/bin/env bash
# Waits (up to 120 s) until bin/lamin's class-data-sharing archive next to the jar exists, so that timed runs do not
# race its first, background dump. Usage: bench/wait-cds.sh (after one `bin/lamin` command).
repo="$(cd "$(dirname "$0")/.." && pwd)"
for _ in $(seq 1 240); do
  if ls "$repo"/lamindb-cli/target/lamin-*.jsa >/dev/null 2>&1 && ! ls -d "$repo"/lamindb-cli/target/lamin-*.jsa.lock >/dev/null 2>&1; then
    exit 0
  fi
  sleep 0.5
done
echo "class-data-sharing archive not ready after 120 s; timing without it" >&2
