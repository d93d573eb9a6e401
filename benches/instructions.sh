#!/usr/bin/env bash
# Instructions executed, for comparing builds on a shared machine where CPU
# seconds vary by half from run to run: valgrind's callgrind counts the
# instructions of one single-threaded run (-j 1), which repeat to the last
# digit. Slow (about 50 times a normal run): give it a sample, not a corpus.
#
# Usage: bash benches/instructions.sh FILE [TEXTMEND_ARGS...] -- BIN...
#   bash benches/instructions.sh sample.jsonl --jsonl -- old/textmend target/release/textmend
# Prints one line per binary: millions of instructions. Needs valgrind.
set -euo pipefail
file=$1
shift
args=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
    args+=("$1")
    shift
done
[ $# -gt 0 ] || { echo "usage: $0 FILE [ARGS...] -- BIN..." >&2; exit 2; }
shift
command -v valgrind > /dev/null || { echo "$0: valgrind is not installed" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/instructions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for bin in "$@"; do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" \
        "$bin" -q -j 1 "${args[@]}" "$file" > /dev/null 2> "$tmp/err"
    n=$(grep -o 'Collected : [0-9]*' "$tmp/err" | awk '{print $3}')
    printf '%s\t%d M instructions\n' "$bin" $((n / 1000000))
done
