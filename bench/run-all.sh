#!/usr/bin/env bash
# Issue 16: every row of the performance table with its same-run floor and the ratio.
# Needs `mvn -B -DskipTests package` (bin/lamin and lamin.jar). Usage:
#   bench/run-all.sh [--quick]          (--quick: 100,000 artifacts, a 256 MiB file, 5 runs; under 5 minutes)
# PostgreSQL rows run when LAMIN_TEST_POSTGRES_URL is set (e.g. postgresql://postgres@127.0.0.1:5432/postgres).
# Medians of paired runs; wall time (ns clock) and, for whole processes, CPU time (user+sys, 10 ms resolution: less
# sensitive to other load).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
quick=0; [ "${1:-}" = "--quick" ] && quick=1
if [ $quick = 1 ]; then n=100000; big_mib=256; runs=5; else n=1000000; big_mib=2048; runs=15; fi
jar="$repo/lamindb-cli/target/lamin.jar"; lamin="$repo/bin/lamin"
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
"$repo/bench/machine-info.sh"
echo "sqlite3: $(sqlite3 --version | cut -d' ' -f1)   artifacts: $n   runs: $runs"
work="$(mktemp -d "${TMPDIR:-/tmp}/lamin-perf.XXXXXX")"
trap 'rm -rf "$work"; [ -n "${pgdb:-}" ] && psql "$LAMIN_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"

# median wall and cpu seconds of a command run $runs times: prints "<wall> <cpu>"
measure() {
  local w=() c=() i out
  for i in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    /usr/bin/time -o "$work/time.out" -f '%U %S' "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    out="$(tail -n 1 "$work/time.out")"
    w+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')"); c+=("$(echo "$out" | awk '{print $1 + $2}')")
  done
  echo "$(printf '%s\n' "${w[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p") $(printf '%s\n' "${c[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")"
}
row() { # row <what> <ours "wall cpu"> <floor label> <floor "wall cpu">
  read -r ow oc <<<"$2"; read -r fw fc <<<"$4"
  awk -v what="$1" -v ow="$ow" -v oc="$oc" -v fl="$3" -v fw="$fw" -v fc="$fc" 'BEGIN {
    printf "| %s | %.3f s (cpu %.2f) | %s %.4f s (cpu %.2f) | %.1f× |\n", what, ow, oc, fl, fw, fc, (fw > 0 ? ow / fw : 0) }'
}

# --- an SQLite instance with $n artifacts, generated in SQL (every LaminDB artifact column; 1% LaminDB-internal)
"$lamin" init --storage "$work/data" >/dev/null
db="$work/data/.lamindb/lamin.db"
echo "hello" >"$work/small.txt"
"$lamin" save "$work/small.txt" --key bench/real.txt >/dev/null
gen_sql="INSERT INTO lamindb_artifact (uid, created_by_id, key, storage_id, suffix, size, hash, _hash_type,
  _key_is_virtual, _overwrite_versions, kind)
SELECT printf('b%015d0000', i), 1, printf('d%03d/f%07d.txt', i % 1000, i), 1, '.txt', i * 7 % 1000003,
  printf('h%021d', i), 'md5', 1, 0, CASE WHEN i % 100 = 0 THEN '__lamindb_run__' WHEN i % 10 = 0 THEN 'dataset' END"
t0=$(date +%s)
sqlite3 "$db" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n) $gen_sql FROM s;"
echo "generated $n SQLite artifacts in $(( $(date +%s) - t0 )) s"
"$lamin" info >/dev/null; "$repo/bench/wait-cds.sh" 2>/dev/null || true

echo
echo "| what | lamindb-java | same-run floor | ratio |"
echo "|---|---|---|---|"
row "lamin info" "$(measure "$lamin" info)" "sqlite3 one query" "$(measure sqlite3 "$db" 'SELECT count(*) FROM lamindb_storage')"
# one small save per call, and the physical work of a save (copy, hash, one committed row) as its floor
cat >"$work/save_one.sh" <<SH
#!/usr/bin/env bash
f="$work/s\$\$.\$RANDOM.txt"; echo "\$f" >"\$f"; exec "$lamin" save "\$f" --key "bench/\${f##*/}"
SH
cat >"$work/floor_save.sh" <<SH
#!/usr/bin/env bash
f="$work/f\$\$.\$RANDOM.txt"; echo "\$f" >"\$f"; cp "\$f" "\$f.copy" && md5sum "\$f" >/dev/null &&
  sqlite3 "$db" "INSERT INTO lamindb_ulabel (uid, name, created_by_id) VALUES ('\${f##*/}', 'floor', 1)"
SH
cat >"$work/annex_add.sh" <<SH
#!/usr/bin/env bash
cd "$work/annexrepo" && f="a\$\$.\$RANDOM.txt" && echo "\$f" >"\$f" && git annex add -q "\$f"
SH
chmod +x "$work"/*.sh
if command -v git-annex >/dev/null; then
  git -C "$work" init -q annexrepo && git -C "$work/annexrepo" annex init -q bench
  row "lamin save small.txt" "$(measure "$work/save_one.sh")" "git annex add" "$(measure "$work/annex_add.sh")"
else
  row "lamin save small.txt" "$(measure "$work/save_one.sh")" "cp+md5sum+sqlite3 insert" "$(measure "$work/floor_save.sh")"
fi
row "lamin load --key k" "$(measure "$lamin" load --key bench/real.txt)" "cat of the file" "$(measure cat "$work/small.txt")"
k=$(printf 'd%03d/f%07d.txt' $(( (n / 2) % 1000 )) $(( n / 2 )))
row "lamin list artifact --filter key=… ($n)" "$(measure "$lamin" list artifact --filter "key=$k")" "sqlite3 -csv" \
  "$(measure sqlite3 -csv "$db" "SELECT uid, key, size FROM lamindb_artifact WHERE key = '$k' AND branch_id = 1 ORDER BY id DESC LIMIT 50")"

# --- in-process rows (SQLite, then PostgreSQL)
java -Xmx1g -cp "$jar" "$repo/bench/perf/P16Bench.java" "jdbc:sqlite:$db" "$n" "$((runs * 20))" 2>/dev/null
if [ -n "${LAMIN_TEST_POSTGRES_URL:-}" ] && command -v psql >/dev/null; then
  pgdb="lamin_perf_$$"
  psql "$LAMIN_TEST_POSTGRES_URL" -qc "CREATE DATABASE $pgdb" >/dev/null
  pgurl="${LAMIN_TEST_POSTGRES_URL%/*}/$pgdb"
  LAMIN_HOME="$work/pghome" "$lamin" init --storage "$work/pgdata" --db "$pgurl" >/dev/null
  psql "$pgurl" -qc "INSERT INTO lamindb_artifact (uid, created_by_id, key, storage_id, suffix, size, hash, _hash_type,
    _key_is_virtual, _overwrite_versions, kind)
    SELECT 'b' || lpad(i::text, 15, '0') || '0000', 1, 'd' || lpad((i % 1000)::text, 3, '0') || '/f' || lpad(i::text, 7, '0') || '.txt',
      1, '.txt', i * 7 % 1000003, 'h' || lpad(i::text, 21, '0'), 'md5', true, false,
      CASE WHEN i % 100 = 0 THEN '__lamindb_run__' WHEN i % 10 = 0 THEN 'dataset' END
    FROM generate_series(1, $n) AS i; ANALYZE;" >/dev/null
  u="${pgurl#postgresql://}"; user="${u%%@*}"; hostdb="${u#*@}"
  LAMIN_HOME="$work/pghome" java -Xmx1g -cp "$jar" "$repo/bench/perf/P16Bench.java" \
    "jdbc:postgresql://$hostdb?user=$user" "$n" "$((runs * 20))" 2>/dev/null
fi

# --- one large save against cp && sync
head -c "$((big_mib * 1024 * 1024))" /dev/urandom >"$work/big.bin"
# new content for every save (else the second save is a hash hit): the first 16 bytes are rewritten
big_save() {
  head -c 16 /dev/urandom | dd of="$work/big.bin" conv=notrunc status=none
  "$lamin" save "$work/big.bin" --key "bench/big-$RANDOM.bin" >/dev/null 2>&1; sync
}
big_cp() { cp "$work/big.bin" "$work/data/big-$RANDOM.copy" && sync; }
bw=(); cw=()
for r in 1 2 3; do
  t0=$(date +%s%N); big_save; t1=$(date +%s%N); big_cp; t2=$(date +%s%N)
  bw+=($(( (t1 - t0) / 1000000 ))); cw+=($(( (t2 - t1) / 1000000 )))
  rm -f "$work"/data/big-*.copy
done
ours=$(printf '%s\n' "${bw[@]}" | sort -n | sed -n 2p); floor=$(printf '%s\n' "${cw[@]}" | sort -n | sed -n 2p)
awk -v o="$ours" -v f="$floor" -v m="$big_mib" 'BEGIN { printf "| save one %d MiB file (+ sync) | %.3f s | cp && sync %.3f s | %.2f× |\n", m, o / 1000, f / 1000, o / f }'
echo
echo "AnnData load (P10) and ontology import rows: bench/formats-anndata/run.sh and bench/bionty/run.sh (not run here)."
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
