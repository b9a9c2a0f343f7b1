#!/usr/bin/env bash
# lamin ui page times on a generated SQLite instance. Usage: bench/ui/run.sh [artifacts] [records] [requests]
# (defaults 100000 1000000 40). Needs `mvn -B -DskipTests package` first (runs against lamindb-cli/target/lamin.jar).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$repo/bench/machine-info.sh" 2>/dev/null || true
echo "load: $(uptime)"
java -Xmx2g -cp "$repo/lamindb-cli/target/lamin.jar" "$repo/bench/ui/UiBench.java" "${1:-100000}" "${2:-1000000}" "${3:-40}"
