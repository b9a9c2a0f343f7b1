#!/usr/bin/env bash
# lamin ui page times on a generated instance.
# Usage: bench/ui/run.sh [sqlite|postgres] [artifacts] [records] [requests] [postgres admin URL]
# (defaults sqlite 100000 1000000 40; the URL defaults to $LAMIN_TEST_POSTGRES_URL, else
# postgresql://postgres@127.0.0.1:5432/postgres; a fresh database uibench_<ms> is created there).
# Needs `mvn -B -DskipTests package` first (runs against lamindb-cli/target/lamin.jar).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$repo/bench/machine-info.sh" 2>/dev/null || true
echo "load: $(uptime)"
pg="${5:-${LAMIN_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}}"
java -Xmx2g -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/bench/ui/UiBench.java" \
  "${1:-sqlite}" "${2:-100000}" "${3:-1000000}" "${4:-40}" "$pg"
echo "load: $(uptime)"
