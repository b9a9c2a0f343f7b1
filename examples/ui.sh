#!/usr/bin/env bash
# lamin ui and markdown notes (docs/ui.md): write a readme and a comment with `lamin note`, start `lamin ui` on a
# free port, read the pages it serves, add a comment through the web form (token cookie + CSRF token), stop it.
# Needs `mvn -B -DskipTests package` first, and curl.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
work="$(mktemp -d)"
ui_pid=""
trap '[ -n "$ui_pid" ] && kill "$ui_pid" 2>/dev/null; rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"

set -x
"$lamin" init --storage "$work/data"
printf 'sample,count\nS1,10\nS2,12\n' > "$work/counts.csv"
"$lamin" save "$work/counts.csv" --key examples/counts.csv --description "cell counts"
printf '# Counts\n\n| sample | count |\n|---|---|\n| S1 | 10 |\n\nMade by hand.\n' > "$work/README.md"
"$lamin" note artifact examples/counts.csv --readme "$work/README.md"
"$lamin" note artifact examples/counts.csv --comment "checked by **alice**"
"$lamin" note show artifact examples/counts.csv

"$lamin" ui --port 0 > "$work/ui.out" 2>&1 &
ui_pid=$!
set +x
for _ in $(seq 1 120); do grep -q '^http://' "$work/ui.out" && break; sleep 0.5; done
url="$(grep '^http://' "$work/ui.out" | head -n 1)"
base="${url%%/\?token=*}"
echo "lamin ui printed: ${base}/?token=…"
uid="$(curl -fsS "$base/artifacts?filter=key__startswith%3Dexamples%2F" | grep -o 'href="/artifacts/[A-Za-z0-9]\{20\}"' | head -n 1 | cut -d/ -f3 | tr -d '"')"
echo "artifact list → $uid"
page="$(curl -fsS "$base/artifacts/$uid")"
echo "$page" | grep -o '<h1>Counts</h1>'                  # the readme, rendered
echo "$page" | grep -o '<strong>alice</strong>'           # the comment
# a write without the token is refused
code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -d 'content=x' "$base/artifacts/$uid/notes/comment")"
echo "comment without token → HTTP $code"
# with the token (the printed URL sets the cookie) and the page's CSRF token it is saved
curl -fsS -c "$work/cookies" -o /dev/null "$url"
csrf="$(curl -fsS -b "$work/cookies" "$base/artifacts/$uid" | grep -o 'name="csrf-token" content="[^"]*"' | cut -d'"' -f4)"
code="$(curl -s -o /dev/null -w '%{http_code}' -b "$work/cookies" -X POST --data-urlencode "_csrf=$csrf" \
  --data-urlencode 'content=added in the *browser*' "$base/artifacts/$uid/notes/comment")"
echo "comment with token → HTTP $code"
curl -fsS "$base/notes?q=browser" | grep -o '<em>browser</em>'
kill "$ui_pid"; wait "$ui_pid" 2>/dev/null || true; ui_pid=""
set -x
"$lamin" note show artifact examples/counts.csv
