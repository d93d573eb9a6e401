#!/usr/bin/env python3
"""Measure the thesauri that scripts/build_thesauri.py writes.

For each language with a dictionaries/<lang>-thesaurus.txt:

* 20 groups chosen at random (to judge by eye whether they are synonyms);
* coverage: of the 2,000 most frequent content words of dictionaries/<lang>.tsv,
  how many have at least one related word (share a line with another word);
  content words are entries of letters only, at least 3 long, that are not
  function words (the npm package stopwords-<lang>, MIT, fetched with
  `npm pack`, lists them);
* the spinner tables fixtures/spinner/<lang>_table*.tsv: how many pairs the
  thesaurus relates (compared as learning compares them: lowercase), and how
  many the siblings file relates.

Usage: python3 scripts/thesaurus_quality.py [--cache DIR] [--dir dictionaries]
Measures only: the thesauri are not tuned to the tables.
"""

import argparse
import json
import os
import random
import subprocess
import tarfile
import tempfile
import unicodedata
from pathlib import Path

STOPWORDS_VERSIONS = {"de": "0.3.0", "fr": "0.3.0", "es": "0.3.0", "it": "0.4.0",
                      "pt": "0.3.0", "nl": "0.3.0"}


def stopwords(lang: str, cache: Path) -> set:
    version = STOPWORDS_VERSIONS[lang]
    tgz = cache / f"stopwords-{lang}-{version}.tgz"
    if not tgz.is_file():
        subprocess.run(["npm", "pack", f"stopwords-{lang}@{version}", "--silent"],
                       cwd=cache, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(tgz) as t:
        words = json.load(t.extractfile(f"package/stopwords-{lang}.json"))
    return {unicodedata.normalize("NFC", w).lower() for w in words}


def groups_of(path: Path) -> dict:
    out = {}
    if not path.is_file():
        return out
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        for w in line.split(" "):
            out.setdefault(w, set()).add(n)
    return out


def related(groups: dict, a: str, b: str) -> bool:
    return a != b and bool(groups.get(a, set()) & groups.get(b, set()))


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=here.parent / "dictionaries")
    ap.add_argument("--fixtures", type=Path, default=here.parent / "fixtures/spinner")
    ap.add_argument("--cache", type=Path,
                    default=os.environ.get("TEXTMEND_THESAURI_CACHE") or None)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.cache) if args.cache else Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        for lang in ["de", "fr", "es", "it", "pt", "nl"]:
            path = args.dir / f"{lang}-thesaurus.txt"
            print(f"=== {lang}")
            if not path.is_file():
                print("  no thesaurus")
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            rng = random.Random(args.seed)
            print(f"  {args.samples} random groups:")
            for line in rng.sample(lines, min(args.samples, len(lines))):
                print("   ", line if len(line) < 150 else line[:147] + "…")
            groups = groups_of(path)
            siblings = groups_of(args.dir / f"{lang}-siblings.txt")
            stop = stopwords(lang, cache)
            entries = []
            for line in (args.dir / f"{lang}.tsv").read_text(encoding="utf-8").splitlines():
                word, freq = line.split("\t")
                w = unicodedata.normalize("NFC", word).lower()
                if w.isalpha() and len(w) >= 3 and w not in stop:
                    entries.append((-int(freq), w))
            seen, top = set(), []
            for _, w in sorted(entries):
                if w not in seen:
                    seen.add(w)
                    top.append(w)
                if len(top) == 2000:
                    break
            covered = [w for w in top if any(len(g) for g in [groups.get(w, set())])]
            print(f"  coverage: {len(covered)} of the {len(top)} most frequent content "
                  f"words are in a group ({100 * len(covered) / len(top):.1f}%); "
                  f"of the top 500: {sum(1 for w in top[:500] if w in groups)}")
            missing = [w for w in top[:200] if w not in groups]
            print(f"  not covered among the top 200: {' '.join(missing[:60])}")
            for table in sorted(args.fixtures.glob(f"{lang}_table*.tsv")):
                pairs = [tuple(unicodedata.normalize("NFC", x).lower() for x in line.split("\t")[:2])
                         for line in table.read_text(encoding="utf-8").splitlines() if "\t" in line]
                rel = [p for p in pairs if related(groups, *p)]
                sib = [p for p in pairs if not related(groups, *p) and related(siblings, *p)]
                print(f"  {table.name}: {len(rel)} of {len(pairs)} pairs related"
                      f"{f', {len(sib)} more as siblings' if siblings else ''}: "
                      f"{', '.join('·'.join(p) for p in rel)}"
                      f"{' | siblings: ' + ', '.join('·'.join(p) for p in sib) if sib else ''}")
                unrel = [p for p in pairs if p not in rel and p not in sib]
                print(f"    not related: {', '.join('·'.join(p) for p in unrel)}")


if __name__ == "__main__":
    main()
