#!/usr/bin/env python3
"""Whole-word swaps judged on batches (issue #18, deliverable 2): a batch of
same-source articles spun with one random table, repaired per document and
with `--group-by source`, both with `--whole-words`.

Each batch is DOCS consecutive windows of one source of the recall
benchmark's texts (benches/recall_texts.py; `dev` sources for tuning,
`held-out` ones for the report), 200 to 500 words each. Its table is drawn
at random from the batch's words as the recall benchmark draws one
(benches/recall_draws.py: 8–25 pairs, common words replaced by MyThes
synonyms, or Moby's with `--synonyms moby`), and every document is spun with
all of it by `textmend eval --corrupt spinner` (inside words and whole
words alike, the spinner's -s/-ed/-ing forms too).

Scores, word by word against the truth (whitespace tokens; the spinner
keeps them in place):

* whole-word damage: tokens whose word the table replaced whole
  (`said` → `stated`); *recall* is the share of them restored;
* *precision* of the edits a whole-word swap can make: restored whole-word
  damage over every edit to such a token or to a token the spinner left
  alone (a real word changed into another);
* in-word recall and precision, for reference.

    python3 benches/whole_words.py --split dev            # tuning
    python3 benches/whole_words.py --split held-out       # the report

Needs the recall benchmark's cache (python3 benches/recall.py fetches it;
$TEXTMEND_RECALL_CACHE, default /work/data/recall-cache) and the CLI
(target/release/textmend, or $TEXTMEND). Standard library only.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import recall_texts  # noqa: E402
from recall_draws import Lexicon, draw_table, word_hits  # noqa: E402
from recall_sources import fetch_synonym_sources  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: The configurations compared: a name and the CLI arguments.
CONFIGS = [
    ("per document", ["--whole-words"]),
    ("--group-by source", ["--whole-words", "--group-by", "source"]),
]


def batches(cache, split, count, docs, low, high, rng):
    """COUNT batches of DOCS documents: [(source, [document text])], the
    sources taken in turn, each batch from a random start."""
    sources = [s for s in recall_texts.load(cache, "en", split)]
    out = []
    for b in range(count):
        sid, _, paragraphs = sources[b % len(sources)]
        length = rng.randint(low, high)
        windows = recall_texts.windows(paragraphs, length)
        if len(windows) < docs:
            continue
        start = rng.randrange(len(windows) - docs + 1)
        out.append((sid, windows[start:start + docs]))
    return out


def spin(binary, table, documents, seed, work):
    """The documents spun with TABLE: [(corrupt, truth)]."""
    table_path = work / "table.tsv"
    table_path.write_text("".join(f"{a}\t{b}\n" for a, b in table), encoding="utf-8")
    paths = []
    for i, text in enumerate(documents):
        path = work / f"d{i:03}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    save = work / "spun"
    subprocess.run([binary, "eval", "--corrupt", "spinner", "--table", str(table_path), "--lang", "en",
                    "--seed", str(seed), "-q", "--save", str(save), "--format", "json", *paths],
                   check=True, capture_output=True)
    return [((save / f"d{i:03}.corrupt.txt").read_text(encoding="utf-8"),
             (save / f"d{i:03}.truth.txt").read_text(encoding="utf-8")) for i in range(len(documents))]


def repair(binary, spun, args, work):
    batch = work / "batch.jsonl"
    with open(batch, "w", encoding="utf-8") as f:
        for i, (corrupt, _) in enumerate(spun):
            f.write(json.dumps({"id": f"d{i:03}", "source": "site", "text": corrupt}, ensure_ascii=False) + "\n")
    out = subprocess.run([binary, "-q", "--jsonl", *args, str(batch)], check=True, capture_output=True).stdout
    return [json.loads(line)["text"] for line in out.decode().splitlines()]


def score(spun, repaired, table):
    s = dict(whole=0, whole_fixed=0, whole_wrong=0, inword=0, inword_fixed=0, inword_wrong=0,
             clean_changed=0)
    for (corrupt, truth), fixed in zip(spun, repaired):
        c, r, t = corrupt.split(), fixed.split(), truth.split()
        assert len(c) == len(t) == len(r)
        for x, y, z in zip(c, r, t):
            if x == z:
                s["clean_changed"] += y != x
                continue
            hits = word_hits(z, table)
            whole = bool(hits) and all(context == 0 or inflected for _, _, context, inflected in hits)
            kind = "whole" if whole else "inword"
            s[kind] += 1
            if y == z:
                s[kind + "_fixed"] += 1
            elif y != x:
                s[kind + "_wrong"] += 1
    return s


def ratio(a, b):
    return a / b if b else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "held-out"], default="dev")
    parser.add_argument("--batches", type=int, default=12)
    parser.add_argument("--docs", type=int, default=20, help="documents per batch (default 20)")
    parser.add_argument("--words", default="200:500", help="document length range LOW:HIGH")
    parser.add_argument("--synonyms", choices=["mythes", "moby"], default="mythes")
    parser.add_argument("--table", help="spin every batch with this table (from<TAB>to lines) instead of random draws")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", help="keep each batch's files in KEEP/bNN (batch.jsonl, truth, table)")
    args = parser.parse_args()
    binary = os.environ.get("TEXTMEND", str(ROOT / "target" / "release" / "textmend"))
    cache = os.environ.get("TEXTMEND_RECALL_CACHE", "/work/data/recall-cache")
    recall_texts.fetch(cache)
    sources = fetch_synonym_sources(cache)
    lexicon = Lexicon("en-moby" if args.synonyms == "moby" else "en",
                      sources["en-moby" if args.synonyms == "moby" else "en"])
    low, high = map(int, args.words.split(":"))
    fixed = None
    if args.table:
        fixed = [tuple(line.split("\t")[:2]) for line in Path(args.table).read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
    rng = random.Random(args.seed)
    results = {name: [] for name, _ in CONFIGS}
    for b, (sid, documents) in enumerate(batches(cache, args.split, args.batches, args.docs, low, high, rng)):
        table = fixed or draw_table(lexicon, "\n".join(documents), rng)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            if args.keep:
                work = Path(args.keep) / f"b{b:02}"
                work.mkdir(parents=True, exist_ok=True)
            spun = spin(binary, table, documents, args.seed + b, work)
            if args.keep:
                (work / "truth.txt").write_text("".join(t + "\f" for _, t in spun), encoding="utf-8")
            for name, config in CONFIGS:
                s = score(spun, repair(binary, spun, config, work), table)
                s.update(batch=b, source=sid, pairs=len(table))
                results[name].append(s)
    summary = {}
    for name, rows in results.items():
        total = {k: sum(r[k] for r in rows) for k in rows[0] if isinstance(rows[0][k], int) and k not in ("batch", "pairs")}
        per_batch = [ratio(r["whole_fixed"], r["whole"]) for r in rows if r["whole"]]
        summary[name] = dict(
            batches=len(rows),
            whole=total["whole"],
            whole_recall=ratio(total["whole_fixed"], total["whole"]),
            whole_recall_median=statistics.median(per_batch) if per_batch else float("nan"),
            whole_precision=ratio(total["whole_fixed"],
                                  total["whole_fixed"] + total["whole_wrong"] + total["clean_changed"]),
            inword=total["inword"],
            inword_recall=ratio(total["inword_fixed"], total["inword"]),
            precision=ratio(total["whole_fixed"] + total["inword_fixed"],
                            total["whole_fixed"] + total["inword_fixed"] + total["whole_wrong"]
                            + total["inword_wrong"] + total["clean_changed"]),
            wrong=total["whole_wrong"] + total["inword_wrong"] + total["clean_changed"],
            rows=rows,
        )
    if args.json:
        print(json.dumps(summary, indent=1))
        return 0
    n = summary[CONFIGS[0][0]]["batches"]
    print(f"{n} batches × {args.docs} documents of {args.words} words, split {args.split}, "
          f"{'table ' + args.table if args.table else args.synonyms + ' tables'}, seed {args.seed}")
    print("| configuration | whole-word tokens | whole-word recall (pooled / median batch) "
          "| whole-word precision | in-word recall | precision, all edits | wrong edits |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, s in summary.items():
        print(f"| {name} | {s['whole']} | {s['whole_recall']:.2f} / {s['whole_recall_median']:.2f} "
              f"| {s['whole_precision']:.3f} | {s['inword_recall']:.2f} | {s['precision']:.3f} | {s['wrong']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
