#!/usr/bin/env bash
# Compare textmend with word-by-word spelling correctors (hunspell, symspell)
# on the same corrupted fixtures, scored by the same `textmend eval`.
#
# Usage (from the repo root):  bash benches/baselines.sh
#   BASELINES_OUT=DIR   keep the corrupted / truth / repaired files in DIR
#                       (default: a fresh mktemp -d, kept and named on stderr)
#   BASELINES_KINDS="spinner ocr mojibake"   corruption kinds to run
#
# Prints one Markdown table on stdout; progress goes to stderr.
# Words/s: textmend's own `seconds` (repair only); for the baselines the
# correction time each run of scripts/baseline_correct.py reports (engine
# start-up excluded: hunspell process start, symspell dictionary load).
# The wall-clock time of the baseline runs, start-up and Python included,
# is printed under the table.
set -euo pipefail

cd "$(dirname "$0")/.."

KINDS=${BASELINES_KINDS:-"spinner ocr mojibake"}
ENGINES="hunspell symspell"
PY=${PYTHON:-python3}

log() { printf '%s\n' "$*" >&2; }

# --- dependencies -----------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

if ! command -v hunspell >/dev/null 2>&1 || [ ! -f /usr/share/hunspell/en_US.dic ]; then
    log "installing hunspell hunspell-en-us"
    if ! $SUDO apt-get install -y -qq hunspell hunspell-en-us >&2; then
        $SUDO apt-get update -qq >&2
        $SUDO apt-get install -y -qq hunspell hunspell-en-us >&2
    fi
fi
if ! "$PY" -c 'import symspellpy' >/dev/null 2>&1; then
    log "installing symspellpy"
    "$PY" -m pip install -q symspellpy >&2
fi

# --- build ------------------------------------------------------------------
cargo build --release >&2
TEXTMEND=./target/release/textmend

if [ -n "${BASELINES_OUT:-}" ]; then
    tmp=$BASELINES_OUT
    mkdir -p "$tmp"
else
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/textmend-baselines.XXXXXX")
fi
log "working files in $tmp"

# English only: the German seed and other languages are passed through.
mapfile -t fixtures < <(ls fixtures/clean/*.txt | grep -v -E "/(001_[^/]*|[a-z][a-z]_[^/]*)$")

now() { date +%s.%N; }

for kind in $KINDS; do
    dir="$tmp/$kind"
    mkdir -p "$dir"
    log "== $kind: textmend"
    "$TEXTMEND" eval --corrupt "$kind" --seed 1 --save "$dir" --format json \
        "${fixtures[@]}" > "$dir/textmend.json"

    for engine in $ENGINES; do
        log "== $kind: $engine"
        : > "$dir/$engine.wall"
        for f in "${fixtures[@]}"; do
            name=$(basename "$f" .txt)
            corrupt="$dir/$name.corrupt.txt"
            truth="$dir/$name.truth.txt"
            if [ ! -f "$corrupt" ] || [ ! -f "$truth" ]; then
                log "missing $corrupt or $truth (textmend eval --save did not write it)"
                exit 1
            fi
            t0=$(now)
            "$PY" scripts/baseline_correct.py --engine "$engine" "$corrupt" \
                > "$dir/$name.$engine.txt" 2> "$dir/$name.$engine.log"
            t1=$(now)
            echo "$t0 $t1" >> "$dir/$engine.wall"
            "$TEXTMEND" eval --pairs "$corrupt" "$truth" \
                --repaired "$dir/$name.$engine.txt" --format json \
                > "$dir/$name.$engine.json"
        done
    done
done

# --- table ------------------------------------------------------------------
"$PY" - "$tmp" "$KINDS" "$ENGINES" "${fixtures[@]}" <<'EOF'
import json, os, re, sys

tmp, kinds, engines, fixtures = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), sys.argv[4:]
names = [os.path.basename(f)[:-len(".txt")] for f in fixtures]
COUNTS = ("words", "corrupted", "fixed", "wrong", "missed", "damaged")
LOG_RE = re.compile(r"^\w+: \d+ words, \d+ replaced, ([0-9.]+) seconds")


def load_json(path):
    with open(path) as f:
        text = f.read().strip()
    # one JSON object; tolerate leading lines of other output
    return json.loads(text[text.index("{"):])


def scores(c):
    """Precision is None when the tool changed nothing (0 of 0)."""
    den = c["fixed"] + c["wrong"] + c["damaged"]
    p = c["fixed"] / den if den else None
    r = c["fixed"] / c["corrupted"] if c["corrupted"] else 0.0
    f1 = 2 * p * r / (p + r) if p and p + r else 0.0
    return p, r, f1


def row(kind, tool, c, secs):
    p, r, f1 = scores(c)
    nw = {"fixed": c["nw_fixed"], "wrong": c["nw_wrong"], "damaged": c["damaged"],
          "corrupted": c["nw_corrupted"]}
    _, nr, nf1 = scores(nw)
    wps = c["words"] / secs if secs > 0 else float("inf")
    shown = "n/a" if p is None else f"{p:.3f}"
    return (f"| {kind} | {tool} | {shown} | {r:.3f} | {f1:.3f} | {nr:.3f} | {nf1:.3f} | "
            f"{c['damaged']} | {wps:,.0f} |")


def counts(j):
    c = {k: j[k] for k in COUNTS}
    for k in ("corrupted", "fixed", "wrong"):
        c["nw_" + k] = j["non_word"][k]
    return c


print("| corruption | tool | precision | recall | F1 | non-word recall | non-word F1 "
      "| clean words damaged | words/s |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
walls = []
for kind in kinds:
    d = os.path.join(tmp, kind)
    tm = load_json(os.path.join(d, "textmend.json"))
    print(row(kind, "textmend", counts(tm), float(tm["seconds"])))
    for engine in engines:
        tot = dict.fromkeys(COUNTS + ("nw_corrupted", "nw_fixed", "nw_wrong"), 0)
        secs = 0.0
        for name in names:
            j = load_json(os.path.join(d, f"{name}.{engine}.json"))
            for k, v in counts(j).items():
                tot[k] += v
            with open(os.path.join(d, f"{name}.{engine}.log")) as f:
                m = [LOG_RE.match(l) for l in f]
            m = [x for x in m if x]
            secs += float(m[-1].group(1)) if m else 0.0
        wall = 0.0
        with open(os.path.join(d, f"{engine}.wall")) as f:
            for line in f:
                t0, t1 = map(float, line.split())
                wall += t1 - t0
        walls.append(f"{kind}/{engine} {wall:.1f} s ({tot['words'] / wall:,.0f} words/s)")
        print(row(kind, engine, tot, secs))
print()
print(f"{len(names)} files per corruption, seed 1. Baseline wall-clock time including "
      "Python and engine start-up, one process per file: " + "; ".join(walls) + ".")
EOF
