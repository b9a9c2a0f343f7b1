#!/usr/bin/env bash
# Overhead of ln.track() + ln.finish() on a trivial program (target: <= 50 ms beyond the program's own time).
# 1) in-process: TrackBench times track()+finish() (cold = first in the JVM, warm = median of later cycles);
# 2) whole process: wall time of compiled Trivial (connect + write) vs TrivialTracked (connect + track + write +
#    finish) — the seed's create-fasta program, which saves one artifact — median of N runs each, interleaved. SQLite instance in a temp dir. Needs `mvn -B -DskipTests package`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$repo/lamindb-cli/target/lamin.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
n="${N:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
bash "$repo/bench/machine-info.sh"
"$repo/bin/lamin" init --storage "$work/data" >/dev/null
mkdir -p "$work/classes" "$work/run"
javac -d "$work/classes" -cp "$jar" "$repo/bench/lineage/Trivial.java" "$repo/bench/lineage/TrivialTracked.java" \
  "$repo/bench/lineage/TrackBench.java"
cd "$work/run"
java_opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "${CP_PREFIX:+$CP_PREFIX:}$jar:$work/classes")

echo "== in-process: track()+finish() (5 JVMs each; warm = median of 20 later cycles) =="
for i in 1 2 3 4 5; do java "${java_opts[@]}" TrackBench bare 20 2>&1 >/dev/null | grep cold_ms; done
for i in 1 2 3 4 5; do java "${java_opts[@]}" TrackBench after-save 20 2>&1 >/dev/null | grep cold_ms; done

echo "== whole process wall time of create-fasta, median of $n (ms) =="
wall() { local s e; s=$(date +%s%N); java "${java_opts[@]}" "$1" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
plain=(); tracked=()
for i in $(seq "$n"); do plain+=("$(wall Trivial)"); tracked+=("$(wall TrivialTracked)"); done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${plain[@]}"); t=$(median "${tracked[@]}")
echo "untracked: $p  tracked: $t  overhead: $((t - p))"
