#!/usr/bin/env python3
"""Clean text through pooled learning: the clean corpus's documents (benches/clean_corpus.sh)
as one JSON line each, `{"source", "lang", "text"}`, repaired with
`textmend --jsonl --group-by source`: every source's documents pool their evidence, as a
corpus builder groups a site's pages. Every edit but mojibake decoding is a wrong change;
the report gives them per 10,000 words per language (target: 0.1, as for one document at a
time) and the rules behind the most.

    python3 benches/pooled_clean.py [--bin target/release/textmend] [--split tune]

Documents over 200,000 bytes are left out (a whole manual is no corpus record). The tune
part by default; read the held-out part's totals only (--split held-out), as for the clean
corpus. Writes benches/pooled_clean.md (--out; only for the tune part).
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_BYTES = 200_000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "textmend"))
    ap.add_argument("--corpus", default=os.environ.get("CLEAN_CORPUS_CACHE", "/work/data/clean-corpus"))
    ap.add_argument("--split", default="tune", choices=["tune", "held-out"])
    ap.add_argument("--out", default=os.path.join(ROOT, "benches", "pooled_clean.md"))
    ap.add_argument("-j", "--jobs", default="2")
    args = ap.parse_args()
    docs = os.path.join(args.corpus, "docs")
    manifest = os.path.join(docs, "manifest.tsv")
    if not os.path.exists(manifest):
        raise SystemExit(f"no {manifest}: run `bash benches/clean_corpus.sh fetch build` first")
    with open(manifest, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["split"] == args.split]
    langs, words = [], collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "docs.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for r in rows:
                with open(os.path.join(docs, r["doc"]), encoding="utf-8") as f:
                    text = f.read()
                if len(text.encode()) > MAX_BYTES:
                    continue
                record = {"source": r["source"], "lang": r["lang"], "text": text}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                langs.append(r["lang"])
                words[r["lang"]] += len(text.split())
        run = subprocess.run([args.bin, "--jsonl", "--group-by", "source", "--format", "json",
                              "-j", args.jobs, path], capture_output=True, check=False)
    if run.returncode not in (0, 1):
        raise SystemExit(f"textmend exited {run.returncode}: {run.stderr.decode()}")
    changed, mojibake, rules = collections.Counter(), collections.Counter(), collections.Counter()
    for line in run.stdout.decode().splitlines():
        record = json.loads(line)
        if record.get("type") != "edit":
            continue
        lang = langs[record["record"]]
        if record["kind"] == "mojibake":
            mojibake[lang] += 1
        else:
            changed[lang] += 1
            rules[(lang, record["rule"])] += 1
    lines = [
        "# Clean text through pooled learning",
        "",
        f"`python3 benches/pooled_clean.py --split {args.split}`: {len(langs):,} documents of the clean "
        "corpus (at most 200,000 bytes each) as JSON lines, repaired with `textmend --jsonl "
        "--group-by source`. Target: at most 0.1 changed words per 10,000.",
        "",
        "| lang | documents | words | changed | per 10,000 | mojibake decoded |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    count = collections.Counter(langs)
    for lang in sorted(words):
        lines.append(f"| {lang} | {count[lang]:,} | {words[lang]:,} | {changed[lang]} | "
                     f"{changed[lang] / words[lang] * 1e4:.2f} | {mojibake[lang]} |")
    if args.split == "tune":
        lines += ["", "Rules behind the most changes:", ""]
        lines += [f"- {lang} `{rule}`: {n}" for (lang, rule), n in rules.most_common(15)]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.split == "tune":
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
