#!/usr/bin/env python3
"""Build textmend's English synonym sets (dictionaries/en-thesaurus.txt) from WordNet.

textmend uses synonymy as a *prior*: an article spinner swaps a word for a
synonym, so a substitution `x -> y` whose sides are synonyms is more likely a
spinner's rule than a coincidence. The rules themselves are still learned from
the text.

Output: one group of related words per line (a synset together with the
synsets it names as hypernym or, for adjectives, as similar), its words separated by single spaces, sorted by
UTF-8 bytes within the line; lines sorted and unique; newline-terminated. Only
single-word, all-lowercase, alphabetic lemmas that are also lowercase entries of
dictionaries/en.tsv are kept, and only groups with at least two such words.

Source: Debian package `wordnet-base` (WordNet 3.0), files
usr/share/wordnet/data.{noun,verb,adj,adv}. Usage:

    python3 scripts/build_synonyms.py [--wordnet DIR]

where DIR is the root of an extracted wordnet-base .deb (containing
usr/share/wordnet/); without it the script runs `apt-get download
wordnet-base=1:3.0-37` and `dpkg-deb -x` into a temporary directory.
It also writes dictionaries/en-siblings.txt: for every WordNet synset with at
most MAX_SIBLINGS dictionary words among its direct hyponyms, those words on
one line (same format). Deterministic: the same inputs give the same bytes.
"""

import argparse
import subprocess
import tempfile
from pathlib import Path

WORDNET_VERSION = "1:3.0-37"
PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def fetch_wordnet(tmp: Path) -> Path:
    subprocess.run(["apt-get", "download", f"wordnet-base={WORDNET_VERSION}"],
                   cwd=tmp, check=True)
    deb = next(tmp.glob("wordnet-base_*.deb"))
    root = tmp / "wordnet"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


# WordNet pointers that join a synset's group: hypernym (`@`, `@i`: buy ->
# purchase's parent "get") and adjective similarity (`&`). Hyponyms follow
# from the hypernym's own pointers, since each group is written once per
# synset. Sisters (two synsets under one hypernym) are not joined: too loose.
JOINING_POINTERS = {"@", "@i", "&"}

# Sibling groups: the words of all synsets under one hypernym (`tell` and
# `notify` under "inform"). A weaker relation than a shared group, used only
# to back a rule seen in a single word. Larger families (the hyponyms of
# "person", of "change") say nothing about two members, so they are left out.
MAX_SIBLINGS = 60


def read_synsets(data_file: Path, pos: str):
    """Yields (key, lemmas, pointer targets) for each synset of a data file."""
    with data_file.open(encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # license header
                continue
            fields = line.split()
            w_cnt = int(fields[3], 16)
            # Adjective lemmas may carry a syntactic marker: "big(a)".
            lemmas = [lemma.split("(")[0] for lemma in fields[4:4 + 2 * w_cnt:2]]
            i = 4 + 2 * w_cnt
            targets = []
            for k in range(int(fields[i])):
                symbol, offset, target_pos, _ = fields[i + 1 + 4 * k:i + 5 + 4 * k]
                if symbol in JOINING_POINTERS:
                    targets.append(("a" if target_pos == "s" else target_pos, offset))
            yield ("a" if pos == "s" else pos, fields[0]), lemmas, targets


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, metavar="DIR",
                    help="root of an extracted wordnet-base .deb")
    ap.add_argument("--dictionary", type=Path, default=here.parent / "dictionaries/en.tsv")
    ap.add_argument("--out", type=Path, default=here.parent / "dictionaries/en-thesaurus.txt")
    ap.add_argument("--siblings-out", type=Path,
                    default=here.parent / "dictionaries/en-siblings.txt")
    args = ap.parse_args()

    lexicon = set()
    for line in args.dictionary.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0]
        if word.isalpha() and word.islower():
            lexicon.add(word)

    with tempfile.TemporaryDirectory() as tmp:
        root = args.wordnet or fetch_wordnet(Path(tmp))
        lemmas_of = {}
        pointers = {}
        for part, pos in PARTS.items():
            for key, lemmas, targets in read_synsets(root / "usr/share/wordnet" / f"data.{part}", pos):
                lemmas_of[key] = lemmas
                pointers[key] = targets
    seen_total = len(lemmas_of)

    def dictionary_words(words):
        return sorted({w for w in words if w.isalpha() and w.islower() and w in lexicon},
                      key=lambda w: w.encode())

    groups = set()
    children = {}
    for key, lemmas in lemmas_of.items():
        group = set(lemmas)
        for target in pointers[key]:
            group.update(lemmas_of.get(target, []))
            if target[0] != "a":  # adjective similarity is not a hypernym
                children.setdefault(target, set()).update(lemmas)
        words = dictionary_words(group)
        if len(words) >= 2:
            groups.add(" ".join(words))
    siblings = set()
    for parent, words in children.items():
        words = dictionary_words(words)
        if 2 <= len(words) <= MAX_SIBLINGS:
            siblings.add(" ".join(words))

    for out, lines, what in [(args.out, groups, "related-word groups"),
                             (args.siblings_out, siblings, "sibling groups")]:
        lines = sorted(lines, key=lambda s: s.encode())
        out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        words = {w for line in lines for w in line.split()}
        print(f"{out.name}: {len(lines)} {what} with >= 2 dictionary words; "
              f"{len(words)} distinct words; {out.stat().st_size} bytes")
    print(f"({seen_total} WordNet synsets read)")


if __name__ == "__main__":
    main()
