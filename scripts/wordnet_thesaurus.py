#!/usr/bin/env python3
"""Build textmend's English thesaurus (dictionaries/en-thesaurus.txt, en-siblings.txt) from WordNet.

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

    python3 scripts/wordnet_thesaurus.py [--wordnet DIR]

(scripts/build_dictionaries.py runs it as part of the whole recipe)

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
    """apt-get download the pinned wordnet-base .deb and extract it."""
    dl = tmp / "wordnet-deb"
    dl.mkdir()
    tmp.chmod(0o755)  # let apt's unprivileged _apt user reach the download
    dl.chmod(0o777)
    subprocess.run(["apt-get", "download", f"wordnet-base={WORDNET_VERSION}"],
                   cwd=dl, check=True)
    deb = next(dl.glob("wordnet-base_*.deb"))
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


def load(root: Path):
    """Reads the synsets of the WordNet package extracted at `root`: the
    lemmas and the joining pointers of each synset."""
    lemmas_of = {}
    pointers = {}
    for part, pos in PARTS.items():
        for key, lemmas, targets in read_synsets(root / "usr/share/wordnet" / f"data.{part}", pos):
            lemmas_of[key] = lemmas
            pointers[key] = targets
    return lemmas_of, pointers


def build(wordnet, lexicon: set, out: Path, siblings_out: Path) -> dict:
    """Writes the two thesaurus files from `load`ed WordNet data, keeping only
    words in `lexicon`; returns counts for the README."""
    lemmas_of, pointers = wordnet

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
    for words in children.values():
        words = dictionary_words(words)
        if 2 <= len(words) <= MAX_SIBLINGS:
            siblings.add(" ".join(words))

    stats = {"synsets": len(lemmas_of)}
    for name, path, lines in [("groups", out, groups), ("siblings", siblings_out, siblings)]:
        lines = sorted(lines, key=lambda s: s.encode())
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        path.write_bytes(data)
        stats[name] = len(lines)
        stats[name + "_words"] = len({w for line in lines for w in line.split()})
        stats[name + "_bytes"] = len(data)
    return stats


def copyright_notice(root: Path) -> str:
    """The WordNet license paragraph of the package's copyright file."""
    text = (root / "usr/share/doc/wordnet-base/copyright").read_text(encoding="utf-8")
    start = text.index("License: WordNet3.0")
    end = text.index("\nFiles:", start)
    return text[start:end].rstrip("\n") + "\n"


def lowercase_words(tsv: Path) -> set:
    words = set()
    for line in tsv.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0]
        if word.isalpha() and word.islower():
            words.add(word)
    return words


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
    with tempfile.TemporaryDirectory() as tmp:
        root = args.wordnet or fetch_wordnet(Path(tmp))
        stats = build(load(root), lowercase_words(args.dictionary), args.out, args.siblings_out)
    print(stats)


if __name__ == "__main__":
    main()
