#!/usr/bin/env bash
# Issue 5 benchmarks, each in one run on this machine:
#   P1 register 10,000 files of 1 KiB: API bulk path (SQLite, PostgreSQL), `lamin save <folder> --files`,
#      versus `git annex add` + `git commit` of the same files
#   P2 save one 2 GiB local file with `lamin save` versus `cp` of it
#   P3 wall time of a whole `bin/lamin save <small file>` process
# Needs `mvn -B -DskipTests package`; git-annex (Debian package) for the P1 comparison.
# Usage: bench/artifacts.sh [n_files=10000] [big_file_gib=2]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"; gib="${2:-2}"
"$repo/bench/machine-info.sh"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
jar="$repo/lamindb-cli/target/lamin.jar"; lamin="$repo/bin/lamin"
ms() { echo $(( ($2 - $1) / 1000000 )); }

echo "== P1: $n files of 1 KiB"
mkdir -p "$work/files"
for i in $(seq 1 "$n"); do head -c 1024 /dev/urandom > "$work/files/f$i.bin"; done
java -cp "$jar" "$repo/bench/SaveFilesBench.java" "$work/files" "$work/p1-sqlite" 2>/dev/null
if [ -n "${LAMIN_TEST_POSTGRES_URL:-}" ]; then
  name="lamin_bench_p1_$$"; psql "$LAMIN_TEST_POSTGRES_URL" -qc "CREATE DATABASE $name"
  java -cp "$jar" "$repo/bench/SaveFilesBench.java" "$work/files" "$work/p1-pg" "${LAMIN_TEST_POSTGRES_URL%/*}/$name" 2>/dev/null
  psql "$LAMIN_TEST_POSTGRES_URL" -qc "DROP DATABASE $name WITH (FORCE)"
fi
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
"$lamin" init --storage "$work/p1-cli" >/dev/null
t0=$(date +%s%N); "$lamin" save "$work/files" --files --key p1cli >/dev/null; t1=$(date +%s%N)
cli=$(ms "$t0" "$t1"); echo "P1 lamin save <folder> --files (SQLite, whole process): $n files in $cli ms"
if command -v git-annex >/dev/null; then
  cp -r "$work/files" "$work/annex"
  (cd "$work/annex" && git init -q && git annex init -q bench >/dev/null 2>&1 \
    && t0=$(date +%s%N) && git annex add -q . >/dev/null 2>&1 && git -c user.email=b@b -c user.name=b commit -qm files \
    && t1=$(date +%s%N) && echo "P1 git annex add + git commit: $n files in $(ms "$t0" "$t1") ms")
else
  echo "P1 git-annex not installed (apt-get install git-annex) — no comparison"
fi

echo "== P2: one ${gib} GiB file"
head -c $((gib * 1024 * 1024 * 1024)) /dev/urandom > "$work/big.bin"
cat "$work/big.bin" > /dev/null
t0=$(date +%s%N); cp "$work/big.bin" "$work/big-copy.bin"; sync -f "$work/big-copy.bin"; t1=$(date +%s%N)
cpms=$(ms "$t0" "$t1"); rm -f "$work/big-copy.bin"
"$lamin" init --storage "$work/p2" >/dev/null
t0=$(date +%s%N); "$lamin" save "$work/big.bin" --key big.bin >/dev/null; sync -f "$work/p2"; t1=$(date +%s%N)
savems=$(ms "$t0" "$t1")
echo "P2 cp: $cpms ms; lamin save (whole process incl. JVM start, hash, copy, register): $savems ms; ratio $(awk "BEGIN{printf \"%.2f\", $savems/$cpms}")"
rm -f "$work/big.bin"

echo "== P3: whole bin/lamin save <small file> process"
"$lamin" info >/dev/null
"$repo/bench/wait-cds.sh"
times=()
for i in $(seq 1 15); do
  echo "small file $i $RANDOM" > "$work/small$i.txt"
  t0=$(date +%s%N); "$lamin" save "$work/small$i.txt" --key "small/$i.txt" >/dev/null; t1=$(date +%s%N)
  times+=($(ms "$t0" "$t1"))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "P3 lamin save small file: median ${sorted[7]} ms, min ${sorted[0]} ms, max ${sorted[14]} ms over 15 runs"
