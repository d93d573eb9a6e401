#!/usr/bin/env python3
"""Writes a JSON-lines corpus of short documents the way web corpora hold
them, for the Python and Spark tests and benchmarks (benches/python.py).

The documents are the clean fixtures (fixtures/clean/*.txt and the
50,000-word-per-language sample) cut at paragraph breaks into documents of
300 to 1,500 words. Each document gets a source, which says what happened
to it: two spun English sites, each spun with one table for all its
documents (`textmend eval --corrupt spinner`), a spun French site, scanned
English (`--corrupt ocr`), English decoded as Windows-1252
(`--corrupt mojibake`), and clean text in seven languages. Records vary
in form as crawled data does: keys in different orders, \\u escapes or raw
UTF-8, compact or spaced separators, a nested field that is also called
`text`; a few lines at the end are no records at all (a blank line, an
array, an object without the field, a number for the field), which every
tool must pass through.

    python3 benches/make_corpus.py -o corpus.jsonl            # everything once (~460,000 words)
    python3 benches/make_corpus.py --langs en,fr,de --words 60000 -o small.jsonl
    python3 benches/make_corpus.py --copies 8 -o big.jsonl     # 8 draws, other seeds each

Deterministic for given arguments. Needs the textmend CLI (target/release/
textmend, or $TEXTMEND) for the corruptions only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "fixtures" / "clean"
TABLES = ROOT / "fixtures" / "spinner"

#: English sources and the damage each one's documents get: the eval
#: arguments, or None for none.
ENGLISH_SOURCES = [
    ("site-a", ["--corrupt", "spinner", "--fraction", "0.5"]),
    ("site-b", ["--corrupt", "spinner", "--table", str(TABLES / "held_out_table.tsv")]),
    ("scans", ["--corrupt", "ocr"]),
    ("mojibake", ["--corrupt", "mojibake"]),
    ("clean-en", None),
]
FRENCH_SOURCES = [
    ("site-fr", ["--corrupt", "spinner", "--table", str(TABLES / "fr_table.tsv")]),
    ("clean-fr", None),
]


def cli() -> str:
    path = os.environ.get("TEXTMEND") or str(ROOT / "target" / "release" / "textmend")
    if not Path(path).exists():
        sys.exit(f"make_corpus: no textmend CLI at {path}: cargo build --release, or set TEXTMEND")
    return path


def language_of(path: Path) -> str:
    """The language of a fixture, from its name (`fr_debian_faq.txt`,
    `sample/fr.txt`); English for the rest (001 is German)."""
    if path.parent.name == "sample":
        return path.stem
    if path.name.startswith("001_"):
        return "de"
    prefix = path.name.split("_", 1)[0]
    return prefix if prefix in {"de", "fr", "es", "it", "pt", "nl"} else "en"


def documents(text: str, rng: random.Random):
    """`text` cut at paragraph breaks into pieces of 300 to 1,500 words
    (the last may be shorter; pieces under 100 words are dropped)."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    doc, words, target = [], 0, rng.randint(300, 1500)
    for p in paragraphs:
        doc.append(p)
        words += len(p.split())
        if words >= target:
            yield "\n\n".join(doc) + "\n"
            doc, words, target = [], 0, rng.randint(300, 1500)
    if words >= 100:
        yield "\n\n".join(doc) + "\n"


def corrupt(docs, args, seed, workdir: Path):
    """The documents damaged by `textmend eval ARGS --seed SEED --save`."""
    if args is None or not docs:
        return docs
    src = workdir / f"src-{seed}"
    out = workdir / f"out-{seed}"
    src.mkdir()
    names = []
    for i, doc in enumerate(docs):
        name = f"d{i:05}"
        (src / f"{name}.txt").write_text(doc, encoding="utf-8")
        names.append(name)
    subprocess.run(
        [cli(), "eval", *args, "--seed", str(seed), "--save", str(out),
         *[str(src / f"{n}.txt") for n in names]],
        check=True, stdout=subprocess.DEVNULL,
    )
    return [(out / f"{n}.corrupt.txt").read_text(encoding="utf-8") for n in names]


def record_line(n: int, record: dict) -> str:
    """One JSON line; its form varies with n as crawled data's does."""
    if n % 7 == 3:
        # The same field name nested, before the real one.
        record = {"meta": {"text": "not this one", "n": n}, **record}
    if n % 5 == 1:
        record = dict(reversed(list(record.items())))
    ascii_only = n % 3 == 0
    separators = (",", ":") if n % 4 == 2 else (", ", ": ")
    return json.dumps(record, ensure_ascii=ascii_only, separators=separators)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--words", type=int, default=0, help="stop after about this many words (0: all)")
    parser.add_argument("--copies", type=int, default=1, help="draws of the whole set, each with other seeds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--langs", default="en,de,fr,es,it,pt,nl", help="languages to take documents from")
    args = parser.parse_args()

    files = sorted(CLEAN.glob("*.txt")) + sorted((CLEAN / "sample").glob("*.txt"))
    lines = []
    words = 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for copy in range(args.copies):
            rng = random.Random(args.seed * 1000 + copy)
            by_source: dict = {}
            for path in files:
                lang = language_of(path)
                if lang not in args.langs.split(","):
                    continue
                sources = ENGLISH_SOURCES if lang == "en" else FRENCH_SOURCES if lang == "fr" else [(f"clean-{lang}", None)]
                text = path.read_text(encoding="utf-8")
                for i, doc in enumerate(documents(text, rng)):
                    source, damage = sources[rng.randrange(len(sources))]
                    by_source.setdefault((source, repr(damage)), (damage, []))[1].append(
                        (f"{path.stem}-{copy}-{i}", lang, doc)
                    )
            batch = []
            for k, ((source, _), (damage, docs)) in enumerate(sorted(by_source.items())):
                seed = args.seed * 100 + copy * 10 + k
                texts = corrupt([d for _, _, d in docs], damage, seed, workdir)
                for (doc_id, lang, _), text in zip(docs, texts):
                    batch.append({"id": doc_id, "source": source, "lang": lang, "text": text})
            rng.shuffle(batch)
            for record in batch:
                if args.words and words >= args.words:
                    break
                lines.append(record_line(len(lines), record))
                words += len(record["text"].split())
    # Lines that are no records: every tool passes them through.
    lines += ["", "[1, 2]", '{"id": "no-text"}', '{"id": "number", "text": 5}']
    Path(args.output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(lines) - 4} records, {words} words", file=sys.stderr)


if __name__ == "__main__":
    main()
