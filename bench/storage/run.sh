#!/usr/bin/env bash
# Storage benchmarks: whole-file md5 with Hashing vs md5sum, LaminDB's file hash, and LocalStorageBackend.upload vs
# cp, on one 2 GiB file of random bytes, in the same run. Usage: bench/storage/run.sh [workdir] [sizeMiB] [rounds]
# Prints the machine and versions first. No assertions: figures only (see DESIGN.md §7, target P2).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/lamindb-storage-bench}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
echo "os: $(uname -sr); filesystem of $work: $(mkdir -p "$work" && df -T "$work" | awk 'NR==2{print $2}')"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "md5sum: $(md5sum --version | head -n 1); cp: $(cp --version | head -n 1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
jar="$repo/lamindb-core/target/lamindb-core-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ]; then
  (cd "$repo" && mvn -B -q -pl lamindb-core -DskipTests package)
fi
java -Xmx256m -cp "$jar" "$repo/bench/storage/StorageBench.java" "$work" "${2:-2048}" "${3:-3}"
