#!/usr/bin/env python3
"""Evidence pooled by source (issue #18, deliverable 1): per-document
learning against `--scope corpus` and `--group-by` on a mixed batch of
short documents.

The batch is cut from the clean fixtures (fixtures/clean/*.txt) at
paragraph breaks into documents of 150 to 600 words. Each source is a
genre with its own spinner table, applied to all its documents by
`textmend eval --corrupt spinner --table T --save` (the spinner of one
site); one English source and one German source stay clean. Every record
is a JSON line `{"id", "source", "url", "text"}`, the url on the source's
own host, so `--group-by source` and `--group-by host:url` group alike.

Each configuration repairs the batch once and is scored word by word
against the truth (whitespace-separated tokens; the spinner keeps them in
place): a *correct* repair turns a damaged word into its original, a
*wrong* one changes a word into anything else. *New wrong* counts the
wrong repairs a configuration makes that per-document learning does not.

    python3 benches/grouped.py                      # the full batch, a table
    python3 benches/grouped.py --per-source 4 --words 150:300 --write fixtures/corpus
    python3 benches/grouped.py --json               # one JSON object

Deterministic for given arguments. Needs the textmend CLI
(target/release/textmend, or $TEXTMEND). Standard library only.
"""

import argparse
import difflib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "fixtures" / "clean"
TABLES = ROOT / "fixtures" / "spinner"

#: (source, genre's clean files, spinner arguments or None for clean).
SOURCES = [
    ("novels", ["persuasion.txt", "pride_prejudice.txt"],
     ["--table", str(TABLES / "default_table.tsv"), "--fraction", "0.5"]),
    ("scripture", ["web_genesis.txt", "spurgeon_psalm23.txt"],
     ["--table", str(TABLES / "held_out_table.tsv")]),
    ("manuals", ["python_tutorial.txt", "opticks_queries.txt"],
     ["--table", str(ROOT / "fixtures" / "recall" / "en" / "00.table.tsv")]),
    ("news", ["000_f07a7f5762bdc512.txt", "002_59856663b4200737.txt", "004_a8a708190db0c4ae.txt"], None),
    ("handbook-fr", ["fr_debian_faq.txt"], ["--table", str(TABLES / "fr_table.tsv")]),
    ("handbook-de", ["de_debian_faq.txt"], None),
]

#: The configurations compared: a name and the CLI arguments.
CONFIGS = [
    ("per-document", []),
    ("--scope corpus", ["--scope", "corpus"]),
    ("--group-by source", ["--group-by", "source"]),
    ("--group-by host:url", ["--group-by", "host:url"]),
]


def cli() -> str:
    path = os.environ.get("TEXTMEND") or str(ROOT / "target" / "release" / "textmend")
    if not Path(path).exists():
        sys.exit(f"grouped: no textmend CLI at {path}: cargo build --release, or set TEXTMEND")
    return path


def documents(text: str, rng: random.Random, low: int, high: int):
    """`text` cut at line ends (long lines at sentence ends) into pieces of
    `low` to `high` words."""
    units = []
    for line in text.split("\n"):
        if len(line.split()) <= high // 2:
            units.append(line)
            continue
        sentences = line.replace(". ", ".\x00").split("\x00")
        units += [x + (" " if i < len(sentences) - 1 else "") for i, x in enumerate(sentences)]
    doc, words, target = [], 0, rng.randint(low, high)
    for unit in units:
        doc.append(unit)
        words += len(unit.split())
        if words >= target:
            yield "\n".join(x.rstrip(" ") for x in doc).strip("\n") + "\n"
            doc, words, target = [], 0, rng.randint(low, high)


def spin(docs, args, seed, workdir: Path):
    """The documents damaged by `textmend eval --corrupt spinner ARGS`."""
    if args is None:
        return list(docs)
    src, out = workdir / f"src-{seed}", workdir / f"out-{seed}"
    src.mkdir()
    paths = []
    for i, doc in enumerate(docs):
        path = src / f"d{i:04}.txt"
        path.write_text(doc, encoding="utf-8")
        paths.append(path)
    subprocess.run(
        [cli(), "eval", "-q", "--corrupt", "spinner", *args, "--seed", str(seed), "--save", str(out),
         *map(str, paths)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return [(out / f"{p.stem}.corrupt.txt").read_text(encoding="utf-8") for p in paths]


def build(per_source: int, low: int, high: int, seed: int, workdir: Path):
    """The records (in a shuffled order) and the truth of each, by id."""
    rng = random.Random(seed)
    records, truth = [], {}
    for k, (source, files, args) in enumerate(SOURCES):
        docs = []
        for name in files:
            docs += list(documents((CLEAN / name).read_text(encoding="utf-8"), rng, low, high))
        docs = [d for d in docs if len(d.split()) >= low]
        rng.shuffle(docs)
        docs = docs[:per_source]
        damaged = spin(docs, args, seed * 100 + k, workdir)
        for i, (clean, text) in enumerate(zip(docs, damaged)):
            doc_id = f"{source}-{i:02}"
            truth[doc_id] = clean
            records.append({"id": doc_id, "source": source,
                            "url": f"https://{source}.example.org/{doc_id}.html", "text": text})
    rng.shuffle(records)
    return records, truth


def score(corrupt: str, repaired: str, truth: str):
    """(correct, wrong, wrong repairs as (position, before, after)) of one
    document, by whitespace-separated tokens."""
    c, r, t = corrupt.split(), repaired.split(), truth.split()
    correct, wrong = 0, []
    if len(c) == len(r) == len(t):
        pairs = [(i, i) for i in range(len(c)) if c[i] != r[i]]
        for i, _ in pairs:
            if r[i] == t[i]:
                correct += 1
            else:
                wrong.append((i, c[i], r[i]))
        return correct, wrong
    # Tokens joined or split (broken words): align the repair to the input.
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=c, b=r, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a1 - a0 == b1 - b0 and len(c) == len(t):
            for i, j in zip(range(a0, a1), range(b0, b1)):
                if r[j] == t[i]:
                    correct += 1
                else:
                    wrong.append((i, c[i], r[j]))
        else:
            wrong.append((a0, " ".join(c[a0:a1]), " ".join(r[b0:b1])))
    return correct, wrong


def run(args, batch: Path):
    started = time.process_time()
    wall = time.perf_counter()
    done = subprocess.run([cli(), "-q", "--jsonl", *args, str(batch)], check=True,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - wall
    out = {}
    for line in done.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            out[record["id"]] = record["text"]
    return out, seconds


def damaged_words(records, truth):
    return sum(sum(a != b for a, b in zip(r["text"].split(), truth[r["id"]].split()))
               for r in records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-source", type=int, default=10, help="documents per source (default 10)")
    parser.add_argument("--words", default="150:600", help="document length range LOW:HIGH in words")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--write", help="write batch.jsonl and truth.jsonl to this directory and stop")
    parser.add_argument("--sources", help="only these sources, comma-separated (default: all)")
    parser.add_argument("--batch", help="score the batch.jsonl and truth.jsonl in this directory instead")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--jobs", type=int, default=0, help="textmend -j (default: its own)")
    opts = parser.parse_args()
    low, high = map(int, opts.words.split(":"))

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if opts.batch:
            with open(Path(opts.batch) / "batch.jsonl", encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()]
            with open(Path(opts.batch) / "truth.jsonl", encoding="utf-8") as f:
                truth = {r["id"]: r["text"] for r in map(json.loads, f) if r}
            global SOURCES
            SOURCES = [(s, [], None) for s in dict.fromkeys(r["source"] for r in records)]
        else:
            if opts.sources:
                keep = opts.sources.split(",")
                SOURCES[:] = [s for s in SOURCES if s[0] in keep]
            records, truth = build(opts.per_source, low, high, opts.seed, workdir)
        if opts.write:
            target = Path(opts.write)
            target.mkdir(parents=True, exist_ok=True)
            with open(target / "batch.jsonl", "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            with open(target / "truth.jsonl", "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps({"id": r["id"], "text": truth[r["id"]]}, ensure_ascii=False) + "\n")
            print(f"{target}: {len(records)} records, {damaged_words(records, truth)} damaged words",
                  file=sys.stderr)
            return
        batch = workdir / "batch.jsonl"
        with open(batch, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        jobs = ["-j", str(opts.jobs)] if opts.jobs else []
        results = {}
        baseline_wrong = None
        for name, args in CONFIGS:
            out, seconds = run(jobs + args, batch)
            correct, wrong, by_source = 0, set(), {}
            for r in records:
                c, w = score(r["text"], out.get(r["id"], r["text"]), truth[r["id"]])
                correct += c
                wrong |= {(r["id"], *x) for x in w}
                s = by_source.setdefault(r["source"], [0, 0])
                s[0] += c
                s[1] += len(w)
            if baseline_wrong is None:
                baseline_wrong = wrong
            results[name] = {
                "correct": correct,
                "wrong": len(wrong),
                "new_wrong": len(wrong - baseline_wrong),
                "seconds": round(seconds, 2),
                "by_source": by_source,
                "new_wrong_examples": sorted(wrong - baseline_wrong)[:8],
            }
    summary = {
        "records": len(records),
        "words": sum(len(r["text"].split()) for r in records),
        "damaged_words": damaged_words(records, truth),
        "sources": [s for s, _, _ in SOURCES],
        "results": results,
    }
    if opts.json:
        print(json.dumps(summary, indent=1))
        return
    print(f"{summary['records']} records, {summary['words']} words, {summary['damaged_words']} damaged "
          f"(sources: {', '.join(summary['sources'])})")
    print(f"{'configuration':<22} {'correct':>8} {'wrong':>6} {'new wrong':>10} {'seconds':>8}")
    for name, r in results.items():
        print(f"{name:<22} {r['correct']:>8} {r['wrong']:>6} {r['new_wrong']:>10} {r['seconds']:>8}")
    for name, r in results.items():
        per = ", ".join(f"{s} {c}/{w}" for s, (c, w) in sorted(r["by_source"].items()))
        print(f"  {name}: correct/wrong by source: {per}")
        for ex in r["new_wrong_examples"]:
            print(f"    new wrong: {ex}")


if __name__ == "__main__":
    main()
