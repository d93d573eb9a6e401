#!/usr/bin/env bash
# Byte-identical outputs: runs two textmend binaries on every fixture
# (fixtures/**/*.txt, each on its own, as repaired text and as --format json
# edits and rules) and on a JSONL of short documents (--jsonl, -j 1 and -j 2),
# and diffs their outputs. For speedups that must change nothing.
#
# Usage: bash benches/identical.sh BEFORE AFTER [JSONL...]
#   JSONL defaults to the throughput bench's inputs in $THROUGHPUT_CACHE
#   (/work/data/throughput/docs-*.jsonl), when there are any.
set -uo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2
shift 2
jsonl=("$@")
if [ ${#jsonl[@]} = 0 ]; then
    shopt -s nullglob
    jsonl=("${THROUGHPUT_CACHE:-/work/data/throughput}"/docs-*.jsonl)
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/identical.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
differ=0 runs=0
check() { # label, args...
    local label=$1
    shift
    "$before" "$@" > "$tmp/a" 2> /dev/null
    local ra=$?
    "$after" "$@" > "$tmp/b" 2> /dev/null
    local rb=$?
    runs=$((runs + 1))
    if [ $ra != $rb ] || ! cmp -s "$tmp/a" "$tmp/b"; then
        echo "DIFFERS: $label (exit $ra vs $rb)"
        differ=$((differ + 1))
    fi
}
while IFS= read -r -d '' f; do
    check "$f" -q "$f"
    check "$f --format json" -q --format json "$f"
done < <(find fixtures -name '*.txt' -print0 | sort -z)
for j in "${jsonl[@]}"; do
    check "$j --jsonl -j 1" -q --jsonl -j 1 "$j"
    check "$j --jsonl -j 2 --format json" -q --jsonl -j 2 --format json "$j"
done
echo "$runs runs, $differ differ (fixtures: $(find fixtures -name '*.txt' | wc -l) files; JSONL: ${jsonl[*]:-none})"
[ $differ = 0 ]
