#!/usr/bin/env bash
# The CLI's everyday commands on a temporary SQLite instance: list columns, describe of runs and transforms, loading a
# transform's source, the message for identical content, hints that are commands. Needs `mvn -B -DskipTests package`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lamin="$repo/bin/lamin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LAMIN_HOME="$work/home" LAMIN_CACHE_DIR="$work/cache"
cd "$work"

set -x
"$lamin" init --storage "$work/data"
printf '#!/usr/bin/env bash\necho counting\n' > count.sh
"$lamin" track count.sh --param min_length=4        # a transform (count.sh) and its run
printf '>s1\nACGT\n' > sample.fasta
"$lamin" save sample.fasta --key raw/sample.fasta --description "one sequence"
"$lamin" save sample.fasta --key raw/sample.fasta   # same content: returns the existing artifact
"$lamin" finish
"$lamin" list artifact                               # default columns
"$lamin" list artifact --columns key,size,created_by__handle
"$lamin" list transform                              # never prints source code
"$lamin" list run --all-columns --format csv
"$lamin" describe raw/sample.fasta
"$lamin" describe transform count.sh
run_uid="$("$lamin" list run --columns uid --format csv | sed -n 2p)"
"$lamin" describe run "$run_uid"
mkdir -p checkout && (cd checkout && "$lamin" load --key count.sh)   # writes checkout/count.sh
"$lamin" create feature gc_content --dtype float
"$lamin" annotate raw/sample.fasta --feature gc_content=0.5
"$lamin" annotate raw/sample.fasta --feature gc_contnet=0.5 || true   # ✗ ... did you mean 'gc_content'?
"$lamin" save --help | head -3
