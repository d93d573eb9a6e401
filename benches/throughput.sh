#!/usr/bin/env bash
# Whole-program throughput, side by side, on one machine in one run:
#   wc -w (the floor: reading and splitting words), textmend on clean and on
#   damaged text, Hunspell (`hunspell -l`, en_US) and SymSpell (symspellpy,
#   word by word) on the same text. Prints MB/s, the ratio to `wc -w`, and
#   peak memory (/usr/bin/time -v).
#
# Usage (from the repo root): bash benches/throughput.sh [SIZE_MB]   (default 100)
#   The clean input repeats the English fixtures up to SIZE_MB; the damaged
#   one is the same text spun with 12 pairs of the default table (about 2%
#   of the words corrupted, whole-word swaps included).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${1:-100}
PY=${PYTHON:-python3}
log() { printf '%s\n' "$*" >&2; }

if ! command -v hunspell >/dev/null 2>&1 || [ ! -f /usr/share/hunspell/en_US.dic ]; then
    log "installing hunspell hunspell-en-us"
    apt-get install -y -qq hunspell hunspell-en-us >&2 || { apt-get update -qq >&2; apt-get install -y -qq hunspell hunspell-en-us >&2; }
fi
if ! "$PY" -c 'import symspellpy' >/dev/null 2>&1; then
    log "installing symspellpy"
    "$PY" -m pip install -q symspellpy >&2
fi
if [ ! -x /usr/bin/time ]; then
    apt-get install -y -qq time >&2 || { apt-get update -qq >&2; apt-get install -y -qq time >&2; }
fi
cargo build --release -q
TEXTMEND=target/release/textmend

tmp=$(mktemp -d "${TMPDIR:-/tmp}/textmend-throughput.XXXXXX")
log "working files in $tmp"
english=(fixtures/clean/pride_prejudice.txt fixtures/clean/persuasion.txt fixtures/clean/opticks_queries.txt
         fixtures/clean/python_tutorial.txt fixtures/clean/web_genesis.txt fixtures/clean/spurgeon_psalm23.txt
         fixtures/clean/000_f07a7f5762bdc512.txt fixtures/clean/002_59856663b4200737.txt fixtures/clean/004_a8a708190db0c4ae.txt)
cat "${english[@]}" > "$tmp/unit.txt"
"$PY" - "$tmp" "$SIZE_MB" <<'PYEOF'
import re, random, sys
tmp, size = sys.argv[1], int(sys.argv[2]) << 20
unit = open(f"{tmp}/unit.txt", encoding="utf-8").read()
with open(f"{tmp}/clean.txt", "w", encoding="utf-8") as out:
    written = 0
    while written < size:
        out.write(unit)
        written += len(unit.encode())
table = [l.split("\t") for l in open("fixtures/spinner/default_table.tsv", encoding="utf-8").read().splitlines()
         if l and not l.startswith("#")]
random.seed(1)
pairs = dict(random.sample(table, 12))
pattern = re.compile("|".join(re.escape(a) for a in sorted(pairs, key=len, reverse=True)))
spun = pattern.sub(lambda m: pairs[m.group(0)], unit)
with open(f"{tmp}/damaged.txt", "w", encoding="utf-8") as out:
    written = 0
    while written < size:
        out.write(spun)
        written += len(spun.encode())
a, b = unit.split(), spun.split()
print(f"damaged words: {sum(x != y for x, y in zip(a, b)) / len(a):.1%}", file=sys.stderr)
PYEOF

measure() { # name, input, command...
    local name=$1 input=$2; shift 2
    /usr/bin/time -v -o "$tmp/$name.time" "$@" < "$input" > /dev/null 2> "$tmp/$name.err" || true
    local secs rss
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$tmp/$name.time")
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$tmp/$name.time")
    echo "$name $input $secs $rss" >> "$tmp/results"
}

: > "$tmp/results"
measure "wc -w (clean)" "$tmp/clean.txt" wc -w
measure "textmend (clean)" "$tmp/clean.txt" "$TEXTMEND" -q
measure "textmend (damaged)" "$tmp/damaged.txt" "$TEXTMEND" -q
measure "hunspell -l (clean)" "$tmp/clean.txt" hunspell -l -d en_US -i utf-8
measure "symspell (clean)" "$tmp/clean.txt" "$PY" scripts/baseline_correct.py --engine symspell

"$PY" - "$tmp/results" "$(nproc)" <<'PYEOF'
import os, sys
rows = [line.rstrip("\n").rsplit(" ", 3) for line in open(sys.argv[1])]
floor = None
print(f"| program | input | MB/s | × wc -w | peak memory |  ({sys.argv[2]} cores)")
print("|---|---|---:|---:|---:|")
for name, path, secs, rss in rows:
    mb = os.path.getsize(path) / (1 << 20)
    rate = mb / float(secs) if float(secs) > 0 else float("inf")
    floor = floor or rate
    print(f"| {name} | {mb:.0f} MB | {rate:.1f} | {rate / floor:.3f} | {int(rss) / 1024:.0f} MB |")
PYEOF
