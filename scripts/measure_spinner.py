#!/usr/bin/env python3
"""Measure textmend on spun text: corrupt clean files with random spinner
tables, repair them with the release binary, and score word by word.

    cargo build --release
    python3 scripts/measure_spinner.py --table TABLE.tsv --runs 10 CLEAN.txt...

Each run picks --pairs random pairs from the table (seeded), takes a random
chunk of --lines lines from each clean file, spins it the way a buggy spinner
does (every occurrence, inside words too, case-sensitively, one left-to-right
pass, longest match first), repairs the spun chunk and the clean chunk, and
counts per whitespace token (the spinner never splits or merges tokens):

* corrupted non-words: tokens the spinner changed into something that is not a
  dictionary word (whole-word swaps such as said -> stated are real words and
  are not counted; textmend does not repair them);
* fixed / wrong / missed among those;
* clean damage: tokens the spinner left alone that the repair changed;
* clean-input changes: tokens changed when the *clean* chunk is repaired
  (must be 0: clean text in, identical text out).

This is a measurement aid, not a test: it needs no fixtures and works on any
clean English text.
"""

import argparse
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLITICS = ["'s", "'d", "'ll", "'re", "'ve"]


def load_lexicon():
    lex = set()
    for line in (ROOT / "dictionaries/en.tsv").read_text(encoding="utf-8").splitlines():
        lex.add(line.split("\t")[0])
    return lex


def known(word, lex):
    """The tool's case and clitic rules, approximately."""
    word = word.replace("\u2019", "'")
    for clitic in CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= 2 and known(word[:-len(clitic)], lex):
            return True
    return (word in lex
            or (word[:1].isupper() and word[1:].islower() and word.lower() in lex)
            or (word.isupper() and (word.lower() in lex or word.title() in lex)))


def spin(text, pairs):
    table = dict(pairs)
    pattern = re.compile("|".join(re.escape(a) for a in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


def repair(binary, text):
    return subprocess.run([str(binary)], input=text.encode(), capture_output=True,
                          check=True).stdout.decode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--table", type=Path, required=True, help="from<TAB>to per line")
    ap.add_argument("--pairs", type=int, default=12, help="pairs per run (default 12)")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lines", type=int, default=400, help="chunk size in lines (0: whole file)")
    ap.add_argument("--binary", type=Path, default=ROOT / "target/release/textmend")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss and error")
    ap.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args()

    lex = load_lexicon()
    table = [line.split("\t") for line in args.table.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    total = dict(non_words=0, fixed=0, wrong=0, damage=0, clean_changed=0)
    for run in range(args.runs):
        rng = random.Random(args.seed + run)
        for path in args.files:
            lines = path.read_text(encoding="utf-8").split("\n")
            if args.lines and len(lines) > args.lines:
                start = rng.randrange(0, len(lines) - args.lines)
                lines = lines[start:start + args.lines]
            original = "\n".join(lines)
            pairs = rng.sample(table, min(args.pairs, len(table)))
            spun = spin(original, pairs)
            repaired = repair(args.binary, spun)
            clean_out = repair(args.binary, original)
            counts = dict(non_words=0, fixed=0, wrong=0, damage=0,
                          clean_changed=sum(a != b for a, b in zip(original.split(), clean_out.split())))
            for o, s, r in zip(original.split(), spun.split(), repaired.split()):
                if o == s:
                    if r != s:
                        counts["damage"] += 1
                        print(f"  DAMAGE {s} -> {r}")
                    continue
                parts = [w for w in re.split(r"[^\w'\u2019]+", s) if w and not w.isdigit()]
                if not any(not known(w, lex) for w in parts):
                    continue
                counts["non_words"] += 1
                if r == o:
                    counts["fixed"] += 1
                elif r != s:
                    counts["wrong"] += 1
                    print(f"  WRONG {o}: {s} -> {r}")
                elif args.verbose:
                    print(f"  MISS {o}: {s}")
            for k in total:
                total[k] += counts[k]
            print(f"run {run} {path.name}: {counts}")
    recall = total["fixed"] / max(1, total["non_words"])
    print(f"total: {total}  recall {recall:.3f}")
    sys.exit(0)


if __name__ == "__main__":
    main()
