#!/usr/bin/env bash
# Regenerates bin/lamin.classlist: the classes the common `lamin` commands load (init, info, save, load, describe,
# list, track/finish), from which bin/lamin builds a static class-data-sharing archive on first use. Run after
# larger changes of the CLI's start-up path (a stale list only makes start-up a little slower; missing classes are
# skipped). Needs `mvn -B -DskipTests package` first.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
jar="$repo/lamindb-cli/target/lamin.jar"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
cd "$work"
run() { java -Xshare:off -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$work/cl-$#-$RANDOM.lst" \
  -jar "$jar" "$@" >/dev/null 2>&1 || true; }
run init --storage "$work/data"
run info
echo "a" > a.txt
run save a.txt --key examples/a.txt
run load --key examples/a.txt
run describe examples/a.txt
run list
run track --key step.sh
echo "b" > b.txt
run save b.txt
run finish
run --help
# Classes first (our own, libraries', the JDK's), then the @lambda-proxy/@lambda-form-invoker lines that refer to them.
{
  cat "$work"/cl-*.lst | grep -v '^#' | grep -v '^@' | sort -u
  cat "$work"/cl-*.lst | grep '^@' | awk '!seen[$0]++'
} > "$repo/bin/lamin.classlist"
wc -l "$repo/bin/lamin.classlist"
