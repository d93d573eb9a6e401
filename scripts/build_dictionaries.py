#!/usr/bin/env python3
"""Build textmend's English dictionaries (dictionaries/en*.{tsv,txt}) and their README.

Usage:
    python3 scripts/build_dictionaries.py [--scowl DIR] [--wordfreq FILE]
                                          [--wordnet DIR] [--symspellpy FILE]
                                          [--max-size N] [--min-freq N]
                                          [--out-dir DIR]

Requirements: Python 3.11+ and the `msgpack` package (`pip install msgpack`).
Without --scowl the script runs `apt-get download scowl=2020.12.07-2` and
unpacks the .deb with `dpkg-deb -x` in a temporary directory; without
--wordnet it does the same for `wordnet-base=1:3.0-37`; without
--wordfreq it runs `pip download --no-deps wordfreq==3.1.1` and reads
wordfreq/data/large_en.msgpack.gz out of the wheel; without --symspellpy
(the path of the wheel itself) it runs `pip download --no-deps
symspellpy==6.10.1` and reads its two frequency lists, its METADATA and its
LICENSE out of the wheel.

Output (all deterministic, same inputs -> same bytes):
    <out-dir>/en.tsv              word<TAB>frequency-per-billion, UTF-8 byte order
    <out-dir>/en-attested.txt     wordfreq words that en.tsv lacks, one a line
    <out-dir>/en-thesaurus.txt    WordNet synsets + hypernyms (scripts/wordnet_thesaurus.py)
    <out-dir>/en-siblings.txt     WordNet sibling groups (scripts/wordnet_thesaurus.py)
    <out-dir>/en-inflections.txt  `form lemma pos` from WordNet's exception lists
    <out-dir>/en-ngrams.tsv       `key<TAB>count`, symspellpy unigrams and bigrams
    <out-dir>/README.md           sources, licenses, recipe, threshold measurements
README.md keeps the section that scripts/build_language_dictionaries.py wrote
into the README.md already in <out-dir> (copy it there first when building
into a fresh directory).

Which words are valid:
  * every entry of the SCOWL lists <spelling>-<category>.<size> for the
    spellings english, american, british, british_z, canadian, australian,
    categories words, upper, proper-names, contractions, abbreviations and
    sizes 10..--max-size (default 70); case kept as SCOWL gives it; entries
    ending in 's (possessives) dropped;
  * plus words that occur only in wordfreq, if their frequency is at least
    --min-freq per billion (default 10000 = Zipf 4.0), they consist of
    letters with only internal apostrophes/hyphens, are at least 3 characters
    long, do not end in 's, and inserting one apostrophe does not turn them
    into a SCOWL entry ("dont" -> "don't", "thats" -> "that's").
Frequency: round(1e9 * 10**(-i/100)) where i is the wordfreq bin of the
word's lowercase form (after mapping U+2019 to '), 0 if absent.

en-inflections.txt: for each line `form lemma1 [lemma2 ...]` of WordNet 3.0's
usr/share/wordnet/{noun,verb,adj}.exc, one line `form lemma pos` (pos n, v or
a) per lemma where form != lemma, both match ^[a-z]+$ and both are entries
(exact string) of the en.tsv just built; lines unique, sorted by UTF-8 bytes.

en-ngrams.tsv: symspellpy's frequency_dictionary_en_82_765.txt (`word count`)
and frequency_bigramdictionary_en_243_342.txt (`w1 w2 count`); a unigram is
kept if the word is an en.tsv entry, a bigram if both words are; key = the
word or `w1 w2`, the largest count if a key repeats; lines `key<TAB>count`
sorted by the UTF-8 bytes of the key.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

try:
    import msgpack
except ImportError:  # pragma: no cover
    sys.exit("error: this script needs the Python package 'msgpack' (pip install msgpack)")

SCOWL_DEB_VERSION = "2020.12.07-2"
WORDFREQ_VERSION = "3.1.1"
WORDFREQ_MEMBER = "wordfreq/data/large_en.msgpack.gz"
WORDFREQ_METADATA = f"wordfreq-{WORDFREQ_VERSION}.dist-info/METADATA"
# SHA-256 of wordfreq/data/large_en.msgpack.gz in the wordfreq 3.1.1 wheel.
WORDFREQ_EN_SHA256 = "dffae8066b78dce0a6667cf5f58e567054f902674667090a7ac8a8a44628b05c"

SYMSPELLPY_VERSION = "6.10.1"
SYMSPELLPY_UNIGRAMS = "symspellpy/frequency_dictionary_en_82_765.txt"
SYMSPELLPY_BIGRAMS = "symspellpy/frequency_bigramdictionary_en_243_342.txt"
# SHA-256 of the two frequency lists in the symspellpy 6.10.1 wheel.
SYMSPELLPY_SHA256 = {
    SYMSPELLPY_UNIGRAMS: "68e9dc81c7e73bd7310b57e516ecaea0d8b6387ff71344a57c04174650a407a7",
    SYMSPELLPY_BIGRAMS: "fd892a160184101dd7ae807ac5a302d01fcea1c47304181a8ed7ed9c94545bcd",
}
SYMSPELLPY_DIST_INFO = f"symspellpy-{SYMSPELLPY_VERSION}.dist-info"
SYMSPELLPY_METADATA = f"{SYMSPELLPY_DIST_INFO}/METADATA"
SYMSPELLPY_LICENSES = f"{SYMSPELLPY_DIST_INFO}/licenses/"
# The only sentence of symspellpy 6.10.1's README (the wheel's METADATA) on
# where its contents come from; the README says nothing about the origin of
# the frequency lists. The script checks that the METADATA still says this
# and still does not mention Google or n-grams.
SYMSPELLPY_PROVENANCE = (
    "symspellpy is a Python port of [SymSpell](https://github.com/wolfgarbe/SymSpell) "
    "v6.7.2, which provides much higher speed and lower memory consumption.")
# The origin of frequency_dictionary_en_82_765.txt as upstream SymSpell's
# README states it (https://github.com/wolfgarbe/SymSpell, README of version
# 6.1, section "Frequency dictionary"), copied verbatim except for trailing
# spaces. It says nothing about the bigram list.
SYMSPELL_FREQUENCY_ORIGIN = """\
The [frequency_dictionary_en_82_765.txt](https://github.com/wolfgarbe/SymSpell/blob/master/SymSpell/frequency_dictionary_en_82_765.txt) was created by intersecting the two lists mentioned below. By reciprocally filtering only those words which appear in both lists are used. Additional filters were applied and the resulting list truncated to &#8776; 80,000 most frequent words.
* [Google Books Ngram data](http://storage.googleapis.com/books/ngrams/books/datasetsv2.html)   [(License)](https://creativecommons.org/licenses/by/3.0/) : Provides representative word frequencies
* [SCOWL - Spell Checker Oriented Word Lists](http://wordlist.aspell.net/)   [(License)](http://wordlist.aspell.net/scowl-readme/) : Ensures genuine English vocabulary
"""
GOOGLE_NGRAM_ATTRIBUTION = ("Google Books Ngram Viewer data, "
                            "http://storage.googleapis.com/books/ngrams/books/datasetsv2.html")

# WordNet exception lists (irregular inflections) and their part of speech.
WORDNET_EXCEPTIONS = (("noun", "n"), ("verb", "v"), ("adj", "a"))
INFLECTION_WORD_RE = re.compile(r"[a-z]+")

# Sections of wordfreq 3.1.1's README (the wheel's METADATA), copied verbatim:
# the start of "Sources and supported languages" (up to the language table),
# "License" and "Citations to work that wordfreq is built on". When the
# METADATA is at hand the script checks that it still says exactly this.
WORDFREQ_ATTRIBUTION = """\
## Sources and supported languages

This data comes from a Luminoso project called [Exquisite Corpus][xc], whose
goal is to download good, varied, multilingual corpus data, process it
appropriately, and combine it into unified resources such as wordfreq.

[xc]: https://github.com/LuminosoInsight/exquisite-corpus

Exquisite Corpus compiles 8 different domains of text, some of which themselves
come from multiple sources:

- **Wikipedia**, representing encyclopedic text
- **Subtitles**, from OPUS OpenSubtitles 2018 and SUBTLEX
- **News**, from NewsCrawl 2014 and GlobalVoices
- **Books**, from Google Books Ngrams 2012
- **Web** text, from OSCAR
- **Twitter**, representing short-form social media
- **Reddit**, representing potentially longer Internet comments
- **Miscellaneous** word frequencies: in Chinese, we import a free wordlist
  that comes with the Jieba word segmenter, whose provenance we don't really
  know

## License

`wordfreq` is freely redistributable under the Apache license (see
`LICENSE.txt`), and it includes data files that may be
redistributed under a Creative Commons Attribution-ShareAlike 4.0
license (<https://creativecommons.org/licenses/by-sa/4.0/>).

`wordfreq` contains data extracted from Google Books Ngrams
(<http://books.google.com/ngrams>) and Google Books Syntactic Ngrams
(<http://commondatastorage.googleapis.com/books/syntactic-ngrams/index.html>).
The terms of use of this data are:

    Ngram Viewer graphs and data may be freely used for any purpose, although
    acknowledgement of Google Books Ngram Viewer as the source, and inclusion
    of a link to http://books.google.com/ngrams, would be appreciated.

`wordfreq` also contains data derived from the following Creative Commons-licensed
sources:

- The Leeds Internet Corpus, from the University of Leeds Centre for Translation
  Studies (<http://corpus.leeds.ac.uk/list.html>)

- Wikipedia, the free encyclopedia (<http://www.wikipedia.org>)

- ParaCrawl, a multilingual Web crawl (<https://paracrawl.eu>)

It contains data from OPUS OpenSubtitles 2018
(<http://opus.nlpl.eu/OpenSubtitles.php>), whose data originates from the
OpenSubtitles project (<http://www.opensubtitles.org/>) and may be used with
attribution to OpenSubtitles.

It contains data from various SUBTLEX word lists: SUBTLEX-US, SUBTLEX-UK,
SUBTLEX-CH, SUBTLEX-DE, and SUBTLEX-NL, created by Marc Brysbaert et al.
(see citations below) and available at
<http://crr.ugent.be/programs-data/subtitle-frequencies>.

I (Robyn Speer) have obtained permission by e-mail from Marc Brysbaert to
distribute these wordlists in wordfreq, to be used for any purpose, not just
for academic use, under these conditions:

- Wordfreq and code derived from it must credit the SUBTLEX authors.
- It must remain clear that SUBTLEX is freely available data.

These terms are similar to the Creative Commons Attribution-ShareAlike license.

Some additional data was collected by a custom application that watches the
streaming Twitter API, in accordance with Twitter's Developer Agreement &
Policy. This software gives statistics about words that are commonly used on
Twitter; it does not display or republish any Twitter content.

## Citations to work that wordfreq is built on

- Bojar, O., Chatterjee, R., Federmann, C., Haddow, B., Huck, M., Hokamp, C.,
  Koehn, P., Logacheva, V., Monz, C., Negri, M., Post, M., Scarton, C.,
  Specia, L., & Turchi, M. (2015). Findings of the 2015 Workshop on Statistical
  Machine Translation.
  <http://www.statmt.org/wmt15/results.html>

- Brysbaert, M. & New, B. (2009). Moving beyond Kucera and Francis: A Critical
  Evaluation of Current Word Frequency Norms and the Introduction of a New and
  Improved Word Frequency Measure for American English. Behavior Research
  Methods, 41 (4), 977-990.
  <http://sites.google.com/site/borisnew/pub/BrysbaertNew2009.pdf>

- Brysbaert, M., Buchmeier, M., Conrad, M., Jacobs, A.M., Bölte, J., & Böhl, A.
  (2011). The word frequency effect: A review of recent developments and
  implications for the choice of frequency estimates in German. Experimental
  Psychology, 58, 412-424.

- Cai, Q., & Brysbaert, M. (2010). SUBTLEX-CH: Chinese word and character
  frequencies based on film subtitles. PLoS One, 5(6), e10729.
  <http://journals.plos.org/plosone/article?id=10.1371/journal.pone.0010729>

- Davis, M. (2012). Unicode text segmentation. Unicode Standard Annex, 29.
  <http://unicode.org/reports/tr29/>

- Halácsy, P., Kornai, A., Németh, L., Rung, A., Szakadát, I., & Trón, V.
  (2004). Creating open language resources for Hungarian. In Proceedings of the
  4th international conference on Language Resources and Evaluation (LREC2004).
  <http://mokk.bme.hu/resources/webcorpus/>

- Keuleers, E., Brysbaert, M. & New, B. (2010). SUBTLEX-NL: A new frequency
  measure for Dutch words based on film subtitles. Behavior Research Methods,
  42(3), 643-650.
  <http://crr.ugent.be/papers/SUBTLEX-NL_BRM.pdf>

- Kudo, T. (2005). Mecab: Yet another part-of-speech and morphological
  analyzer.
  <http://mecab.sourceforge.net/>

- Lin, Y., Michel, J.-B., Aiden, E. L., Orwant, J., Brockman, W., and Petrov,
  S. (2012). Syntactic annotations for the Google Books Ngram Corpus.
  Proceedings of the ACL 2012 system demonstrations, 169-174.
  <http://aclweb.org/anthology/P12-3029>

- Lison, P. and Tiedemann, J. (2016). OpenSubtitles2016: Extracting Large
  Parallel Corpora from Movie and TV Subtitles. In Proceedings of the 10th
  International Conference on Language Resources and Evaluation (LREC 2016).
  <http://stp.lingfil.uu.se/~joerg/paper/opensubs2016.pdf>

- Ortiz Suárez, P. J., Sagot, B., and Romary, L. (2019). Asynchronous pipelines
  for processing huge corpora on medium to low resource infrastructures. In
  Proceedings of the Workshop on Challenges in the Management of Large Corpora
  (CMLC-7) 2019.
  <https://oscar-corpus.com/publication/2019/clmc7/asynchronous/>

- ParaCrawl (2018). Provision of Web-Scale Parallel Corpora for Official
  European Languages. <https://paracrawl.eu/>

- van Heuven, W. J., Mandera, P., Keuleers, E., & Brysbaert, M. (2014).
  SUBTLEX-UK: A new and improved word frequency database for British English.
  The Quarterly Journal of Experimental Psychology, 67(6), 1176-1190.
  <http://www.tandfonline.com/doi/pdf/10.1080/17470218.2013.850521>
"""

SPELLINGS = ("english", "american", "british", "british_z", "canadian", "australian")
CATEGORIES = ("words", "upper", "proper-names", "contractions", "abbreviations")
SCOWL_SIZES = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
DEFAULT_MAX_SIZE = 70
DEFAULT_MIN_FREQ = 10_000  # per billion words = Zipf 4.0
MIN_WORDFREQ_ONLY_LEN = 3

# Words whose wordfreq frequency is measured and recorded in the README.
MISSPELLINGS = (
    "teh recieve alot definately seperate untill wich becuase thier occured "
    "dont im ive youre didnt doesnt isnt thats"
).split()
MODERN_WORDS = (
    "selfie blockchain covid coronavirus bitcoin brexit podcast emoji hashtag "
    "smartphone ukraine ukraine's zelensky lockdown crypto influencer "
    "livestream reddit spotify ebook airbnb uber tiktok metaverse chatbot"
).split()
SMOKE_IN = (
    "attend country intelligence refuse buyers agenda independence "
    "Albania Serbia Kosovo don't"
).split()
SMOKE_OUT = "teh recieve attfinish counattempt dont im".split()

SCOWL_FILE_RE = re.compile(r"^([a-z_]+)-([a-z-]+)\.(\d+)$")

# dictionaries/README.md also holds a section on the other languages, written
# by scripts/build_language_dictionaries.py between these markers; this
# script keeps that section as it is.
LANGUAGES_BEGIN = "<!-- LANGUAGES_BEGIN: written by scripts/build_language_dictionaries.py -->"
LANGUAGES_END = "<!-- LANGUAGES_END -->"
# ... and one on the other languages' thesauri, written by
# scripts/build_thesauri.py between these markers; kept as it is too.
THESAURI_BEGIN = "<!-- THESAURI_BEGIN: written by scripts/build_thesauri.py -->"
THESAURI_END = "<!-- THESAURI_END -->"


# --------------------------------------------------------------------------
# inputs


sys.path.insert(0, str(Path(__file__).resolve().parent))
import wordnet_thesaurus  # noqa: E402  (scripts/wordnet_thesaurus.py)


def run(cmd: list[str], cwd: Path) -> None:
    print("+ " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=sys.stderr)


def fetch_scowl(tmp: Path) -> Path:
    """apt-get download the pinned scowl .deb and extract it; return its root."""
    dl = tmp / "scowl-deb"
    dl.mkdir()
    tmp.chmod(0o755)  # let apt's unprivileged _apt user reach the download
    dl.chmod(0o777)   # directory (otherwise apt warns and downloads as root)
    run(["apt-get", "download", f"scowl={SCOWL_DEB_VERSION}"], dl)
    debs = sorted(dl.glob("scowl_*.deb"))
    if len(debs) != 1:
        sys.exit(f"error: expected one scowl .deb in {dl}, found {debs}")
    root = tmp / "scowl-root"
    run(["dpkg-deb", "-x", str(debs[0]), str(root)], tmp)
    return root


def fetch_wheel(tmp: Path, name: str, version: str) -> Path:
    """pip download one pinned wheel (no dependencies) into `tmp`; its path."""
    dl = tmp / f"{name}-wheel"
    dl.mkdir()
    run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--disable-pip-version-check", "-d", str(dl), f"{name}=={version}"], tmp)
    wheels = sorted(dl.glob("*.whl"))
    if len(wheels) != 1:
        sys.exit(f"error: expected one {name} wheel in {dl}, found {wheels}")
    return wheels[0]


def fetch_wordfreq(tmp: Path) -> tuple[bytes, bytes | None]:
    """pip download the wordfreq wheel; return (large_en.msgpack.gz, METADATA)."""
    with zipfile.ZipFile(fetch_wheel(tmp, "wordfreq", WORDFREQ_VERSION)) as zf:
        data = zf.read(WORDFREQ_MEMBER)
        try:
            meta = zf.read(WORDFREQ_METADATA)
        except KeyError:
            meta = None
    return data, meta


def read_symspellpy(wheel: Path) -> dict:
    """The members of the symspellpy wheel that the build uses: the two
    frequency lists (bytes), METADATA (bytes or None) and the license files
    under *.dist-info/licenses/ (list of (member, text))."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        try:
            out = {m: zf.read(m) for m in (SYMSPELLPY_UNIGRAMS, SYMSPELLPY_BIGRAMS)}
        except KeyError as e:
            sys.exit(f"error: {wheel} lacks {e}; --symspellpy expects the "
                     f"symspellpy {SYMSPELLPY_VERSION} wheel")
        out["metadata"] = zf.read(SYMSPELLPY_METADATA) if SYMSPELLPY_METADATA in names else None
        out["licenses"] = [(m, zf.read(m).decode("utf-8")) for m in sorted(names)
                           if m.startswith(SYMSPELLPY_LICENSES) and not m.endswith("/")]
    if not out["licenses"]:
        sys.exit(f"error: no license file under {SYMSPELLPY_LICENSES} in {wheel}")
    return out


def check_symspellpy(ss: dict) -> dict[str, str]:
    """Warn when the wheel's members differ from the pinned ones; return the
    SHA-256 of the two frequency lists."""
    shas = {}
    for member, expected in SYMSPELLPY_SHA256.items():
        sha = hashlib.sha256(ss[member]).hexdigest()
        shas[member] = sha
        if sha != expected:
            print(f"warning: {member} has SHA-256 {sha}, expected the symspellpy "
                  f"{SYMSPELLPY_VERSION} file {expected}", file=sys.stderr)
    meta = ss["metadata"]
    if meta is None:
        print(f"warning: the wheel has no {SYMSPELLPY_METADATA}; README provenance "
              "not re-checked", file=sys.stderr)
    else:
        text = meta.decode("utf-8")
        if SYMSPELLPY_PROVENANCE not in text:
            print("warning: symspellpy's METADATA no longer contains SYMSPELLPY_PROVENANCE; "
                  "update the quoted text", file=sys.stderr)
        if re.search(r"google|n-?gram", text, re.IGNORECASE):
            print("warning: symspellpy's METADATA now mentions Google or n-grams; quote what "
                  "it says about the frequency lists' origin in the README", file=sys.stderr)
    return shas


def read_wordnet_exceptions(root: Path) -> dict[str, str]:
    """The text of usr/share/wordnet/<part>.exc for the parts in WORDNET_EXCEPTIONS."""
    return {part: (root / "usr/share/wordnet" / f"{part}.exc").read_bytes().decode("utf-8")
            for part, _ in WORDNET_EXCEPTIONS}


def resolve_scowl_dirs(root: Path) -> tuple[Path, Path | None]:
    """Return (directory of SCOWL lists, doc directory or None)."""
    for lists, doc in ((root / "usr/share/dict/scowl", root / "usr/share/doc/scowl"),
                       (root, None)):
        if (lists / "english-words.10").is_file():
            return lists, (doc if doc is not None and doc.is_dir() else None)
    sys.exit(f"error: no SCOWL lists (english-words.10) under {root}; "
             "--scowl expects the root of the extracted scowl .deb")


def scowl_deb_version(doc: Path | None) -> str | None:
    if doc is None:
        return None
    changelog = doc / "changelog.Debian.gz"
    if not changelog.is_file():
        return None
    with gzip.open(changelog, "rt", encoding="utf-8") as f:
        m = re.match(r"scowl \(([^)]+)\)", f.readline())
    return m.group(1) if m else None


def normalise(word: str) -> str:
    return unicodedata.normalize("NFC", word.replace("\u2019", "'"))


def read_scowl(lists: Path, max_size: int):
    """Read the selected SCOWL lists.

    Returns (entries, per_file, raw_lower, next_level, next_size): entries maps
    each selected word to its category set, per_file lists (file, entry count),
    raw_lower is the lowercase set of every selected entry (possessives
    included), next_level is the set of entries that the next size level above
    max_size would add and next_size that level (None above 95); the last two
    only feed the README's size-cutoff measurement.
    """
    selected: dict[str, set[str]] = {}
    raw_lower: set[str] = set()
    per_file: list[tuple[str, int]] = []
    next_level: set[str] = set()
    larger = [s for s in SCOWL_SIZES if s > max_size]
    next_size = larger[0] if larger else None
    for name in sorted(os.listdir(lists)):
        m = SCOWL_FILE_RE.match(name)
        if not m:
            continue
        spelling, category, size = m.group(1), m.group(2), int(m.group(3))
        if spelling not in SPELLINGS or category not in CATEGORIES:
            continue
        if size > max_size and size != next_size:
            continue
        text = (lists / name).read_bytes().decode("utf-8")
        words = [normalise(w.strip()) for w in text.split("\n") if w.strip()]
        if size == next_size:
            next_level.update(words)
            continue
        per_file.append((name, len(words)))
        for w in words:
            raw_lower.add(w.lower())
            selected.setdefault(w, set()).add(category)
    next_level -= set(selected)
    return selected, per_file, raw_lower, next_level, next_size


def read_wordfreq(data: bytes) -> dict[str, int]:
    raw = gzip.decompress(data)
    lists = msgpack.unpackb(raw, raw=False)
    header = lists[0]
    if not (isinstance(header, dict) and header.get("format") == "cB"):
        sys.exit(f"error: unexpected wordfreq header {header!r}")
    freq: dict[str, int] = {}
    for i, bucket in enumerate(lists[1:]):
        value = round(1e9 * 10 ** (-i / 100))
        for w in bucket:
            w = normalise(w)
            if w not in freq:  # keep the first (= highest) bin
                freq[w] = value
    return freq


# --------------------------------------------------------------------------
# selection


def is_wordlike(w: str) -> bool:
    """Letters only, apostrophes/hyphens only between letters."""
    if not w or not w[0].isalpha() or not w[-1].isalpha():
        return False
    prev_sep = False
    for ch in w:
        if ch.isalpha():
            prev_sep = False
        elif ch in "'-" and not prev_sep:
            prev_sep = True
        else:
            return False
    return True


def apostrophe_variant_in(w: str, known: set[str]) -> str | None:
    for k in range(1, len(w) + 1):
        v = w[:k] + "'" + w[k:]
        if v in known:
            return v
    return None


def build(scowl_entries, scowl_raw_lower, freq, min_freq):
    stats: dict[str, int] = {}
    out: dict[str, int] = {}
    dropped_possessive = 0
    for w in scowl_entries:
        if w.endswith("'s"):
            dropped_possessive += 1
            continue
        out[w] = freq.get(w.lower(), 0)
    stats["scowl_entries"] = len(scowl_entries)
    stats["scowl_possessives_dropped"] = dropped_possessive
    stats["scowl_kept"] = len(out)
    stats["scowl_kept_with_freq"] = sum(1 for v in out.values() if v > 0)

    reasons = {"below_threshold": 0, "not_wordlike": 0, "too_short": 0,
               "possessive": 0, "apostrophe_variant": 0}
    added: list[tuple[str, int]] = []
    rejected_variants: list[tuple[str, str, int]] = []
    for w, f in freq.items():
        if w in scowl_raw_lower:
            continue
        if f < min_freq:
            reasons["below_threshold"] += 1
            continue
        if not is_wordlike(w):
            reasons["not_wordlike"] += 1
            continue
        if w.endswith("'s"):
            reasons["possessive"] += 1
            continue
        v = apostrophe_variant_in(w, scowl_raw_lower)
        if v is not None:
            reasons["apostrophe_variant"] += 1
            rejected_variants.append((w, v, f))
            continue
        if len(w) < MIN_WORDFREQ_ONLY_LEN:
            reasons["too_short"] += 1
            continue
        added.append((w, f))
    for w, f in added:
        out.setdefault(w, f)
    stats["wordfreq_words"] = len(freq)
    stats["wordfreq_only_added"] = len(added)
    for k, v in reasons.items():
        stats["wordfreq_only_rejected_" + k] = v
    stats["total"] = len(out)
    return out, stats, sorted(added, key=lambda x: (-x[1], x[0])), \
        sorted(rejected_variants, key=lambda x: (-x[2], x[0]))


def serialise(entries: dict[str, int]) -> bytes:
    lines = []
    for w in sorted(entries, key=lambda s: s.encode("utf-8")):
        assert "\t" not in w and "\n" not in w and w == unicodedata.normalize("NFC", w)
        lines.append(f"{w}\t{entries[w]}\n")
    return "".join(lines).encode("utf-8")


# --------------------------------------------------------------------------
# README


def fence_for(text: str) -> str:
    n = 3
    while "`" * n in text:
        n += 1
    return "`" * n


def fenced(text: str) -> list[str]:
    """`text` verbatim as a Markdown code block, one list item per line."""
    fence = fence_for(text)
    return [fence + "text", text.rstrip("\n"), fence]


def extract_attribution(meta: bytes) -> str:
    """The parts of wordfreq's README that WORDFREQ_ATTRIBUTION copies."""
    text = meta.decode("utf-8")

    def section(heading: str, stop: str | None = None) -> str:
        start = text.index("\n" + heading + "\n") + 1
        end = text.find("\n## ", start + len(heading))
        body = text[start:end if end >= 0 else len(text)]
        if stop is not None:
            body = body[:body.index(stop)]
        return body.rstrip("\n")

    return "\n\n".join([
        section("## Sources and supported languages", "The following languages are supported"),
        section("## License"),
        section("## Citations to work that wordfreq is built on"),
    ]) + "\n"


def sample_next_level(next_level: set[str], freq: dict[str, int], n: int = 30) -> list[str]:
    zero = sorted((w for w in next_level if not w.endswith("'s") and freq.get(w.lower(), 0) == 0),
                  key=lambda s: s.encode("utf-8"))
    if not zero:
        return []
    step = max(1, len(zero) // n)
    return zero[::step][:n]


def write_readme(path: Path, *, args, tsv: bytes, stats, per_file, freq, scowl_lower_kept,
                 out_entries, added, rejected_variants, next_level, next_size,
                 copyright_text, scowl_version, wf_sha, attested, thesaurus,
                 wordnet_notice, inflection_data, inflection_stats, ngram_data,
                 ngram_stats, symspellpy_sha, symspellpy_licenses):
    fmt = lambda n: f"{n:,}"  # noqa: E731
    n_entries = tsv.count(b"\n")
    L: list[str] = []
    a = L.append
    a("# textmend dictionaries")
    a("")
    a("Generated by `scripts/build_dictionaries.py` (English) and "
      "`scripts/build_language_dictionaries.py` (the section on German, French, "
      "Spanish, Italian, Portuguese and Dutch at the end); do not edit by hand.")
    a("")
    a("## `en.tsv`")
    a("")
    a("One entry per line, `word<TAB>frequency`, UTF-8, NFC, sorted by UTF-8 byte "
      "order (Rust `str` `Ord`, as `fst` requires), unique, newline-terminated, no "
      "header. `frequency` is an integer: occurrences per billion words according "
      "to wordfreq (`round(1e9 * 10^(-i/100))` for wordfreq bin `i`), looked up by "
      "the word's lowercase form (with `’` mapped to `'`); 0 when wordfreq does not "
      "list the word.")
    a("")
    a(f"* entries: **{fmt(n_entries)}**")
    a(f"* size: {fmt(len(tsv))} bytes")
    a(f"* SHA-256: `{hashlib.sha256(tsv).hexdigest()}`")
    a(f"* entries from SCOWL: {fmt(stats['scowl_kept'])} "
      f"({fmt(stats['scowl_kept_with_freq'])} of them have a wordfreq frequency > 0)")
    a(f"* entries added from wordfreq only: {fmt(stats['wordfreq_only_added'])}")
    a("")
    a("## `en-attested.txt`")
    a("")
    a("Lowercase alphabetic words of at least 3 characters that wordfreq lists "
      "(at any frequency it keeps, i.e. at least 10 per billion) but that are not "
      "in `en.tsv`: archaic and variant spellings (`surprize`, `despatch`), rare "
      "derivations (`sublicense`), names, misspellings. textmend never restores a "
      "word *to* one of these, but a suspect in this list is a form people write, "
      "so it gives no evidence for a rule and is changed only by rules that other "
      "words prove. One word per line, sorted by bytes, unique.")
    a("")
    n_attested = attested.count(b"\n")
    a(f"* words: **{fmt(n_attested)}**, {fmt(len(attested))} bytes")
    a("")
    a("## `en-thesaurus.txt` and `en-siblings.txt`")
    a("")
    a("From WordNet 3.0 (`scripts/wordnet_thesaurus.py`, run by this script). "
      "One group of words per line, space-separated and sorted by bytes; lines "
      "sorted and unique; only single-word, lowercase, alphabetic lemmas that are "
      "lowercase entries of `en.tsv`; only groups of two or more words. textmend "
      "uses them as a *prior* when learning (a spinner swaps synonyms), never as a "
      "source of substitutions.")
    a("")
    a(f"* `en-thesaurus.txt`: a synset together with its hypernym synsets and, for "
      f"adjectives, its similar-to synsets: **{fmt(thesaurus['groups'])}** groups, "
      f"{fmt(thesaurus['groups_words'])} distinct words, {fmt(thesaurus['groups_bytes'])} bytes.")
    a(f"* `en-siblings.txt`: the words of all synsets directly under one hypernym, "
      f"for hypernyms with at most {wordnet_thesaurus.MAX_SIBLINGS} such words (larger "
      f"families say nothing about two members): **{fmt(thesaurus['siblings'])}** groups, "
      f"{fmt(thesaurus['siblings_words'])} distinct words, "
      f"{fmt(thesaurus['siblings_bytes'])} bytes.")
    a(f"* WordNet synsets read: {fmt(thesaurus['synsets'])}.")
    a("")
    a("## `en-inflections.txt`")
    a("")
    a("Irregular inflections, from WordNet 3.0's exception lists "
      "`usr/share/wordnet/{noun,verb,adj}.exc` (lines `form lemma1 [lemma2 ...]`). "
      "textmend uses them to map whole-word spinner swaps between word forms "
      "(`told` ↔ `tell`, `said` ↔ `say`). One line `form lemma pos` per (form, lemma) "
      "pair, single spaces, `pos` = `n`, `v` or `a` (noun, verb, adjective: the "
      "exception list it comes from); only pairs where form and lemma differ, "
      "both are lowercase ASCII letters only (`^[a-z]+$`) and both are entries "
      "(exact string) of `en.tsv`. Lines unique, sorted by UTF-8 bytes, "
      "newline-terminated.")
    a("")
    n_inflections = inflection_data.count(b"\n")
    a(f"* lines: **{fmt(n_inflections)}**, {fmt(len(inflection_data))} bytes, "
      f"SHA-256 `{hashlib.sha256(inflection_data).hexdigest()}`")
    a(f"* by part of speech: {fmt(inflection_stats['pos_n'])} noun, "
      f"{fmt(inflection_stats['pos_v'])} verb, {fmt(inflection_stats['pos_a'])} adjective")
    a(f"* distinct forms: {fmt(inflection_stats['forms'])}; distinct lemmas: "
      f"{fmt(inflection_stats['lemmas'])}")
    a(f"* exception-list lines read: {fmt(inflection_stats['exc_lines'])}")
    a("")
    a("## `en-ngrams.tsv`")
    a("")
    a("Word and word-pair counts, from the English frequency lists that ship with "
      f"symspellpy {SYMSPELLPY_VERSION}: `{SYMSPELLPY_UNIGRAMS}` (lines `word count`) "
      f"and `{SYMSPELLPY_BIGRAMS}` (lines `w1 w2 count`). textmend uses them for "
      "whole-word swap suggestions, to check whether a suspected original word fits "
      "its neighbours better than the word in the text does. A word is kept if it is "
      "an entry (exact string) of `en.tsv`, a pair if both of its words are. One line "
      "`key<TAB>count` per key, where the key is the word or the two words joined by "
      "one space and the count is symspellpy's (the largest, if a key occurs more "
      "than once); lines sorted by the UTF-8 bytes of the key, unique, "
      "newline-terminated, no header.")
    a("")
    a(f"* lines: **{fmt(ngram_stats['keys'])}** ({fmt(ngram_stats['unigram_keys'])} words, "
      f"{fmt(ngram_stats['bigram_keys'])} pairs), {fmt(len(ngram_data))} bytes, "
      f"SHA-256 `{hashlib.sha256(ngram_data).hexdigest()}`")
    a(f"* words kept: {fmt(ngram_stats['unigram_kept'])} of {fmt(ngram_stats['unigram_lines'])} "
      f"lines of `{SYMSPELLPY_UNIGRAMS.split('/')[-1]}`")
    a(f"* pairs kept: {fmt(ngram_stats['bigram_kept'])} of {fmt(ngram_stats['bigram_lines'])} "
      f"lines of `{SYMSPELLPY_BIGRAMS.split('/')[-1]}`")
    a("")
    a("## Sources")
    a("")
    a(f"* **SCOWL** (Spell Checker Oriented Word Lists) by Kevin Atkinson, upstream "
      f"version 2020.12.07, as packaged in the Debian package `scowl` "
      f"version {SCOWL_DEB_VERSION} (found: {scowl_version or 'unknown'}). "
      f"License: the permissive SCOWL notice reproduced below (public-domain "
      f"sources, Kevin Atkinson's MIT-like permission, WordNet, UKACD and Ispell "
      f"notices).")
    a(f"* **wordfreq** by Robyn Speer, PyPI package `wordfreq` version "
      f"{WORDFREQ_VERSION}, file `{WORDFREQ_MEMBER}` (SHA-256 `{wf_sha}`). "
      f"Code: Apache-2.0. Data: Creative Commons Attribution-ShareAlike 4.0 "
      f"(CC-BY-SA 4.0, <https://creativecommons.org/licenses/by-sa/4.0/>). "
      f"Because `en.tsv` contains frequencies derived from wordfreq's data, "
      f"`en.tsv` is distributed under CC-BY-SA 4.0 as well.")
    a(f"* **WordNet** 3.0 by Princeton University, Debian package `wordnet-base` version "
      f"{wordnet_thesaurus.WORDNET_VERSION}, files `usr/share/wordnet/data.{{noun,verb,adj,adv}}` "
      f"(`en-thesaurus.txt`, `en-siblings.txt`) and "
      f"`usr/share/wordnet/{{noun,verb,adj}}.exc` "
      f"(`en-inflections.txt`). "
      f"License: the WordNet 3.0 license reproduced below (permissive, BSD-like).")
    a(f"* **symspellpy** by mmb L (Python port of Wolf Garbe's SymSpell), PyPI package "
      f"`symspellpy` version {SYMSPELLPY_VERSION}, files `{SYMSPELLPY_UNIGRAMS}` (SHA-256 "
      f"`{symspellpy_sha[SYMSPELLPY_UNIGRAMS]}`) and `{SYMSPELLPY_BIGRAMS}` (SHA-256 "
      f"`{symspellpy_sha[SYMSPELLPY_BIGRAMS]}`), for `en-ngrams.tsv`. License: MIT "
      f"(the wheel's license file is reproduced below). The counts come from Google "
      f"Books Ngram data; attribution: {GOOGLE_NGRAM_ATTRIBUTION}.")
    a("")
    a("## Recipe")
    a("")
    a("```sh")
    a("pip install msgpack            # the only non-stdlib dependency")
    a("python3 scripts/build_dictionaries.py")
    a("```")
    a("")
    a("Without options the script fetches its inputs itself into a temporary "
      "directory:")
    a("")
    a(f"* `apt-get download scowl={SCOWL_DEB_VERSION}` and `dpkg-deb -x` of the .deb;")
    a(f"* `apt-get download wordnet-base={wordnet_thesaurus.WORDNET_VERSION}` and "
      "`dpkg-deb -x` of the .deb;")
    a(f"* `pip download --no-deps --only-binary=:all: wordfreq=={WORDFREQ_VERSION}`, then "
      f"`{WORDFREQ_MEMBER}` (a gzip of one msgpack list: element 0 a header, "
      f"element `i+1` the words of frequency `10^(-i/100)`) is read from the wheel;")
    a(f"* `pip download --no-deps --only-binary=:all: symspellpy=={SYMSPELLPY_VERSION}`, then "
      f"`{SYMSPELLPY_UNIGRAMS}`, `{SYMSPELLPY_BIGRAMS}`, `{SYMSPELLPY_METADATA}` and the "
      f"license file under `{SYMSPELLPY_LICENSES}` are read from the wheel.")
    a("")
    a("The SHA-256 of `large_en.msgpack.gz` and of the two symspellpy frequency lists "
      "are pinned in the script, which warns when an input differs.")
    a("")
    a("Options:")
    a("")
    a("* `--scowl DIR`: root of an already extracted scowl .deb (the directory "
      "containing `usr/share/dict/scowl/`); skips the download.")
    a("* `--wordnet DIR`: root of an already extracted wordnet-base .deb (the directory "
      "containing `usr/share/wordnet/`); skips the download.")
    a("* `--wordfreq FILE`: path of an already extracted `large_en.msgpack.gz`; "
      "skips the download.")
    a(f"* `--symspellpy FILE`: path of an already downloaded "
      f"`symspellpy-{SYMSPELLPY_VERSION}-py3-none-any.whl`; skips the download.")
    a(f"* `--max-size N`: largest SCOWL size level (default {DEFAULT_MAX_SIZE}).")
    a(f"* `--min-freq N`: frequency per billion a wordfreq-only word needs "
      f"(default {fmt(DEFAULT_MIN_FREQ)}).")
    a("* `--out-dir DIR`: where to write the `en*` files and `README.md` (default: "
      "`dictionaries/` next to `scripts/`). The section of `README.md` that "
      "`scripts/build_language_dictionaries.py` writes is kept from the `README.md` "
      "already in that directory.")
    a("")
    a(f"This build used `--max-size {args.max_size} --min-freq {args.min_freq}`. "
      "All files depend only on the inputs (same inputs, same bytes, whether the "
      "inputs were downloaded or given as paths).")
    a("")
    a("### Which words are in")
    a("")
    a("1. SCOWL lists `<spelling>-<category>.<size>` with spelling in "
      + ", ".join(f"`{s}`" for s in SPELLINGS) + "; category in "
      + ", ".join(f"`{c}`" for c in CATEGORIES)
      + f"; size 10 to {args.max_size}. `canadian` and `australian` are "
      "included because they cost almost nothing and add real words that the "
      "other spellings lack (`imposter`, `racquet`, `sheik`, `bandana`, "
      "`G'day`, Australian place names). The `variant_*` lists are not "
      "used. Case is kept as SCOWL gives it (`Albania`, `NATO`, `iPhone`).")
    a(f"2. Entries ending in `'s` are dropped ({fmt(stats['scowl_possessives_dropped'])} "
      "entries): textmend strips possessives itself. SCOWL lists the `'s` "
      "contractions `it's`, `that's`, `he's`, `let's`, `what's` etc. in its "
      "`words` lists, indistinguishable from possessives, so they go too and are "
      "handled by the same stripping. Other contractions (`don't`, `I'm`, "
      "`won't`, ...) stay.")
    a("3. Words that appear only in wordfreq (compared case-insensitively with "
      "every selected SCOWL entry) are added, in wordfreq's lowercase form, "
      "only if all of these hold:")
    a(f"   * frequency ≥ {fmt(args.min_freq)} per billion (Zipf "
      f"{math.log10(args.min_freq):.2f});")
    a("   * letters only (Unicode alphabetic), apostrophes and hyphens only "
      "between letters, no digits;")
    a(f"   * at least {MIN_WORDFREQ_ONLY_LEN} characters (the 2-letter "
      "wordfreq-only tokens above the threshold are fragments such as `ve`, "
      "`fi`, `fc`);")
    a("   * not ending in `'s`;")
    a("   * inserting one apostrophe does not give a SCOWL entry (`dont` → "
      "`don't`, `im` → `I'm`, `thats` → `that's`).")
    a("")
    a("All text is normalised to NFC (and `’` to `'`) before anything is compared.")
    a("")
    a(f"### Size cutoff: {args.max_size}")
    a("")
    if next_size is not None:
        nl = [w for w in next_level if not w.endswith("'s")]
        nz = [w for w in nl if freq.get(w.lower(), 0) == 0]
        short = {n: sum(1 for w in nl if len(w) == n and w.islower()) for n in (2, 3, 4)}
        added_set = {w for w, _ in added}
        short_have = {n: sum(1 for w in out_entries
                             if len(w) == n and w.islower() and w not in added_set)
                      for n in (2, 3, 4)}
        a("SCOWL's README: \"Sizes 70 and below contain words found in most "
          "dictionaries while the 80 size contains all the strange and unusual "
          "words people like to use in word games such as Scrabble (TM).\" and "
          "\"For spell checking I recommend using size 60. [...] The 70 size is "
          "reasonable for those wanting a larger list and don't mind a few "
          "errors. The 80 or larger sizes are not reasonable for spell "
          "checking.\"")
        a("")
        a(f"textmend uses 70 (the largest \"ordinary dictionary\" level) because a "
          f"token that is in the dictionary is never corrected, so every rare entry "
          f"is a chance for a corrupted token (a merge, a split, a dropped or "
          f"swapped letter) to pass as valid. Measured: level {next_size} would add "
          f"{fmt(len(nl))} entries (without possessives), {fmt(len(nz))} "
          f"({100 * len(nz) / max(1, len(nl)):.0f}%) of which do not occur at all "
          f"in wordfreq's large English list (which goes down to 10 per billion "
          f"words). It would also add {fmt(short[2])} two-letter, {fmt(short[3])} "
          f"three-letter and {fmt(short[4])} four-letter lowercase entries (levels "
          f"≤{args.max_size} have {fmt(short_have[2])}, {fmt(short_have[3])} and "
          f"{fmt(short_have[4])} lowercase entries of those lengths), e.g. "
          + ", ".join(f"`{w}`" for w in sorted(w for w in nl if len(w) == 2 and w.islower())[:12])
          + ". Those short strings are exactly what split and truncated "
          f"tokens look like. Examples of level-{next_size} entries that wordfreq "
          f"never saw:")
        a("")
        a("> " + ", ".join(f"`{w}`" for w in sample_next_level(next_level, freq)))
        a("")
    a("### wordfreq-only threshold and its justification")
    a("")
    a("wordfreq counts what people type, so it contains frequent misspellings "
      "and apostrophe-less contractions. Measured frequencies (per billion words; "
      "\"SCOWL\" = present in the selected SCOWL lists, case-insensitively; "
      "\"en.tsv\" = present in the output):")
    a("")
    kept_lower = {w.lower() for w in out_entries}

    def table(words):
        a("| word | frequency | SCOWL ≤" + str(args.max_size) + " | en.tsv |")
        a("|---|---:|:-:|:-:|")
        for w in words:
            f = freq.get(normalise(w), 0)
            a(f"| `{w}` | {fmt(f)} | {'yes' if normalise(w) in scowl_lower_kept else 'no'} "
              f"| {'yes' if normalise(w).lower() in kept_lower else 'no'} |")
        a("")

    a("Common misspellings:")
    a("")
    table(MISSPELLINGS)
    a("Modern words and names (checked against SCOWL ≤" + str(args.max_size) + "):")
    a("")
    table(MODERN_WORDS)
    alot = freq.get("alot", 0)
    a(f"The most frequent true misspelling is `alot` at {fmt(alot)} per billion; "
      f"`teh` ({fmt(freq.get('teh', 0))}), `thier` ({fmt(freq.get('thier', 0))}), "
      f"`untill` ({fmt(freq.get('untill', 0))}) and the rest are far lower. "
      f"Apostrophe-less contractions are more frequent still (`dont` "
      f"{fmt(freq.get('dont', 0))}, `im` {fmt(freq.get('im', 0))}, `thats` "
      f"{fmt(freq.get('thats', 0))}), which is why they are excluded by the "
      f"apostrophe rule rather than by the threshold. Legitimate modern words "
      f"that SCOWL lacks sit in the same range as the misspellings or below "
      f"(`lockdown` {fmt(freq.get('lockdown', 0))}, `crypto` "
      f"{fmt(freq.get('crypto', 0))}, `uber` {fmt(freq.get('uber', 0))}, "
      f"`tiktok` {fmt(freq.get('tiktok', 0))}, `zelensky` "
      f"{fmt(freq.get('zelensky', 0))}), so frequency alone cannot separate them "
      f"from misspellings. SCOWL 2020.12.07 already has most modern words "
      f"(`selfie`, `blockchain`, `covid`, `bitcoin`, `brexit`, `ukraine`), so "
      f"the threshold is set just above the misspellings: "
      f"{fmt(args.min_freq)} per billion = Zipf {math.log10(args.min_freq):.1f} "
      f"(once per 100,000 words), which keeps `alot` and every other measured "
      f"misspelling out.")
    a("")
    a(f"Words added from wordfreq only ({fmt(len(added))}):")
    a("")
    a(", ".join(f"`{w}` ({fmt(f)})" for w, f in added) if added else "(none)")
    a("")
    a(f"Rejected by the apostrophe rule although above the threshold "
      f"({fmt(len(rejected_variants))}):")
    a("")
    a(", ".join(f"`{w}`→`{v}`" for w, v, f in rejected_variants) if rejected_variants else "(none)")
    a("")
    a("Build statistics:")
    a("")
    for k, v in stats.items():
        a(f"* {k}: {fmt(v)}")
    a("")
    a("SCOWL files used (entries per file, before filtering):")
    a("")
    a(", ".join(f"`{n}` ({fmt(c)})" for n, c in per_file))
    a("")
    a("## Licenses and attribution")
    a("")
    a("### SCOWL")
    a("")
    a("The Debian package's copyright file "
      "(`/usr/share/doc/scowl/copyright` of `scowl` "
      f"{scowl_version or SCOWL_DEB_VERSION}), verbatim:")
    a("")
    if copyright_text is not None:
        for line in fenced(copyright_text):
            a(line)
    else:
        a("(copyright file not available in the given --scowl directory)")
    a("")
    a("### WordNet")
    a("")
    a("The license paragraph of the Debian package's copyright file "
      f"(`/usr/share/doc/wordnet-base/copyright` of `wordnet-base` "
      f"{wordnet_thesaurus.WORDNET_VERSION}), verbatim:")
    a("")
    for line in fenced(wordnet_notice):
        a(line)
    a("")
    a("### wordfreq")
    a("")
    a(f"Frequencies come from wordfreq {WORDFREQ_VERSION} by Robyn Speer "
      "(<https://github.com/rspeer/wordfreq/>), whose data is licensed under "
      "CC-BY-SA 4.0 (<https://creativecommons.org/licenses/by-sa/4.0/>); "
      "wordfreq's code is Apache-2.0. Citation: Robyn Speer. (2022). "
      "rspeer/wordfreq: v3.0 (v3.0.2). Zenodo. "
      "<https://doi.org/10.5281/zenodo.7199437>")
    a("")
    a(f"The wheel contains no separate README; its `{WORDFREQ_METADATA}` carries "
      "wordfreq's README. The sources list (the language table is omitted), the "
      "License section and the citations, copied verbatim from it, headings "
      "demoted by two levels:")
    a("")
    for line in WORDFREQ_ATTRIBUTION.rstrip("\n").split("\n"):
        a("##" + line if line.startswith("#") else line)
    a("")
    a("### symspellpy and Google Books Ngram data")
    a("")
    a(f"`en-ngrams.tsv` is derived from `{SYMSPELLPY_UNIGRAMS}` and `{SYMSPELLPY_BIGRAMS}` "
      f"of symspellpy {SYMSPELLPY_VERSION} (<https://github.com/mammothb/symspellpy>), "
      "MIT-licensed. Its license file, verbatim:")
    a("")
    for member, text in symspellpy_licenses:
        a(f"`{member}`:")
        a("")
        for line in fenced(text):
            a(line)
        a("")
    a(f"symspellpy's README (the wheel's `{SYMSPELLPY_METADATA}`) does not say where "
      "the frequency lists come from; its only statement on provenance is:")
    a("")
    a("> " + SYMSPELLPY_PROVENANCE)
    a("")
    a("The origin of the word list is stated by upstream SymSpell's README "
      "(<https://github.com/wolfgarbe/SymSpell>, README of version 6.1, section "
      "\"Frequency dictionary\"), verbatim except for trailing spaces:")
    a("")
    for line in SYMSPELL_FREQUENCY_ORIGIN.rstrip("\n").split("\n"):
        a("> " + line)
    a("")
    a(f"That passage does not describe the pair list (`{SYMSPELLPY_BIGRAMS.split('/')[-1]}`); "
      "its counts are attributed here, like the word list's, to the Google Books Ngram "
      "data. Attribution: "
      f"{GOOGLE_NGRAM_ATTRIBUTION}. Google's terms for that data are quoted in "
      "wordfreq's License section above (\"Ngram Viewer graphs and data may be freely "
      "used for any purpose, although acknowledgement of Google Books Ngram Viewer as "
      "the source, and inclusion of a link to http://books.google.com/ngrams, would be "
      "appreciated.\").")
    a("")
    text = "\n".join(L).rstrip("\n") + "\n"
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    for begin, end in [(LANGUAGES_BEGIN, LANGUAGES_END), (THESAURI_BEGIN, THESAURI_END)]:
        if begin in old and end in old:
            section = old[old.index(begin):old.index(end) + len(end)]
            text += "\n" + section + "\n"
    path.write_bytes(text.encode("utf-8"))


# --------------------------------------------------------------------------


# Attested forms: words wordfreq has seen in real text (any frequency it
# lists, i.e. >= 10 per billion) that en.tsv does not accept as valid:
# archaic and variant spellings (surprize, despatch), rare derivations
# (sublicense, flatteries), names. textmend does not correct to them, but
# treats them as unlikely corruptions: spinner damage (attfinish,
# counattempt) is not something people write.
ATTESTED_MIN_CHARS = 3


def attested_words(entries, freq) -> bytes:
    """Lowercase alphabetic wordfreq words of >= 3 characters, not in
    en.tsv (compared case-insensitively), sorted by bytes, one per line."""
    known = {normalise(w).lower() for w in entries}
    words = sorted((w for w in freq
                    if normalise(w) == w and w.isalpha() and w == w.lower()
                    and len(w) >= ATTESTED_MIN_CHARS and w not in known),
                   key=lambda w: w.encode())
    return "".join(w + "\n" for w in words).encode("utf-8")


# Irregular inflections: textmend uses these pairs to map whole-word spinner
# swaps between word forms (told <-> tell, said <-> say).


def inflections(exceptions: dict[str, str], entries) -> tuple[bytes, dict[str, int]]:
    """`form lemma pos` lines from WordNet's exception lists (see the module
    docstring); returns the file and counts for the README."""
    known = set(entries)
    lines: set[str] = set()
    stats = {"exc_lines": 0}
    for part, pos in WORDNET_EXCEPTIONS:
        for line in exceptions[part].split("\n"):
            fields = line.split()
            if not fields:
                continue
            stats["exc_lines"] += 1
            form, lemmas = fields[0], fields[1:]
            for lemma in lemmas:
                if (form != lemma and INFLECTION_WORD_RE.fullmatch(form)
                        and INFLECTION_WORD_RE.fullmatch(lemma)
                        and form in known and lemma in known):
                    lines.add(f"{form} {lemma} {pos}")
    ordered = sorted(lines, key=lambda s: s.encode("utf-8"))
    for _, pos in WORDNET_EXCEPTIONS:
        stats["pos_" + pos] = sum(1 for s in ordered if s.endswith(" " + pos))
    stats["forms"] = len({s.split()[0] for s in ordered})
    stats["lemmas"] = len({s.split()[1] for s in ordered})
    return "".join(s + "\n" for s in ordered).encode("utf-8"), stats


# Word and word-pair counts: when a whole word looks swapped, textmend asks
# whether the suspected original fits its neighbours better than the word in
# the text does.


def ngrams(unigram_data: bytes, bigram_data: bytes, entries) -> tuple[bytes, dict[str, int]]:
    """`key<TAB>count` lines from symspellpy's unigram and bigram lists (see
    the module docstring); returns the file and counts for the README."""
    known = set(entries)
    counts: dict[str, int] = {}
    stats = {"unigram_lines": 0, "unigram_kept": 0, "bigram_lines": 0, "bigram_kept": 0,
             "malformed": 0}
    for data, width, name in ((unigram_data, 2, "unigram"), (bigram_data, 3, "bigram")):
        for line in data.decode("utf-8").split("\n"):
            fields = line.split()
            if not fields:
                continue
            stats[name + "_lines"] += 1
            if len(fields) != width:
                stats["malformed"] += 1
                continue
            words = fields[:-1]
            if all(w in known for w in words):
                stats[name + "_kept"] += 1
                key = " ".join(words)
                counts[key] = max(counts.get(key, 0), int(fields[-1]))
    keys = sorted(counts, key=lambda s: s.encode("utf-8"))
    stats["keys"] = len(keys)
    stats["bigram_keys"] = sum(1 for k in keys if " " in k)
    stats["unigram_keys"] = stats["keys"] - stats["bigram_keys"]
    return "".join(f"{k}\t{counts[k]}\n" for k in keys).encode("utf-8"), stats


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(
        description="Build textmend's English dictionaries (en.tsv, en-attested.txt, "
                    "en-thesaurus.txt, en-siblings.txt, en-inflections.txt, "
                    "en-ngrams.tsv) "
                    "and their README.md from SCOWL, wordfreq, WordNet and symspellpy "
                    "(requires the Python package msgpack).")
    ap.add_argument("--scowl", type=Path, metavar="DIR",
                    help="root of an extracted scowl .deb (contains usr/share/dict/scowl); "
                         f"default: apt-get download scowl={SCOWL_DEB_VERSION}")
    ap.add_argument("--wordfreq", type=Path, metavar="FILE",
                    help="path of large_en.msgpack.gz; default: pip download "
                         f"wordfreq=={WORDFREQ_VERSION} and read it from the wheel")
    ap.add_argument("--wordnet", type=Path, metavar="DIR",
                    help="root of an extracted wordnet-base .deb (contains usr/share/wordnet); "
                         f"default: apt-get download wordnet-base={wordnet_thesaurus.WORDNET_VERSION}")
    ap.add_argument("--symspellpy", type=Path, metavar="FILE",
                    help=f"path of the symspellpy-{SYMSPELLPY_VERSION} wheel (.whl); default: pip "
                         f"download symspellpy=={SYMSPELLPY_VERSION}")
    ap.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE,
                    choices=[s for s in SCOWL_SIZES], help="largest SCOWL size (default 70)")
    ap.add_argument("--min-freq", type=int, default=DEFAULT_MIN_FREQ,
                    help="per-billion frequency a wordfreq-only word needs (default 10000)")
    ap.add_argument("--out-dir", type=Path, default=here.parent / "dictionaries",
                    help="output directory (default: ../dictionaries relative to this script)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="textmend-dict-") as tmpname:
        tmp = Path(tmpname)
        if args.scowl is not None:
            scowl_root = args.scowl
        else:
            scowl_root = fetch_scowl(tmp)
        lists, doc = resolve_scowl_dirs(scowl_root)
        scowl_version = scowl_deb_version(doc)
        if scowl_version != SCOWL_DEB_VERSION:
            print(f"warning: scowl package version {scowl_version}, expected {SCOWL_DEB_VERSION}",
                  file=sys.stderr)
        copyright_path = doc / "copyright" if doc is not None else None
        copyright_text = (copyright_path.read_bytes().decode("utf-8")
                          if copyright_path is not None and copyright_path.is_file() else None)

        wf_meta = None
        if args.wordfreq is not None:
            wf_data = args.wordfreq.read_bytes()
            # the unpacked wheel layout has the dist-info two levels up
            cand = args.wordfreq.resolve().parent.parent.parent / WORDFREQ_METADATA
            if cand.is_file():
                wf_meta = cand.read_bytes()
        else:
            wf_data, wf_meta = fetch_wordfreq(tmp)
        if wf_meta is None:
            print("note: wordfreq METADATA not found; README attribution not re-checked",
                  file=sys.stderr)
        elif extract_attribution(wf_meta) != WORDFREQ_ATTRIBUTION:
            print("warning: the wheel's METADATA differs from WORDFREQ_ATTRIBUTION; "
                  "update the copied text", file=sys.stderr)
        wf_sha = hashlib.sha256(wf_data).hexdigest()
        if wf_sha != WORDFREQ_EN_SHA256:
            print(f"warning: {WORDFREQ_MEMBER} has SHA-256 {wf_sha}, expected the "
                  f"wordfreq {WORDFREQ_VERSION} file {WORDFREQ_EN_SHA256}", file=sys.stderr)

        scowl_entries, per_file, scowl_raw_lower, next_level, next_size = \
            read_scowl(lists, args.max_size)
        wordnet_root = args.wordnet or wordnet_thesaurus.fetch_wordnet(tmp)
        wordnet_notice = wordnet_thesaurus.copyright_notice(wordnet_root)
        wordnet = wordnet_thesaurus.load(wordnet_root)
        wordnet_exceptions = read_wordnet_exceptions(wordnet_root)
        symspellpy = read_symspellpy(args.symspellpy or fetch_wheel(tmp, "symspellpy", SYMSPELLPY_VERSION))
    symspellpy_sha = check_symspellpy(symspellpy)
    freq = read_wordfreq(wf_data)

    entries, stats, added, rejected_variants = build(
        scowl_entries, scowl_raw_lower, freq, args.min_freq)
    tsv = serialise(entries)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "en.tsv").write_bytes(tsv)
    attested = attested_words(entries, freq)
    (args.out_dir / "en-attested.txt").write_bytes(attested)
    thesaurus = wordnet_thesaurus.build(
        wordnet, wordnet_thesaurus.lowercase_words(args.out_dir / "en.tsv"),
        args.out_dir / "en-thesaurus.txt", args.out_dir / "en-siblings.txt")
    inflection_data, inflection_stats = inflections(wordnet_exceptions, entries)
    (args.out_dir / "en-inflections.txt").write_bytes(inflection_data)
    ngram_data, ngram_stats = ngrams(symspellpy[SYMSPELLPY_UNIGRAMS],
                                     symspellpy[SYMSPELLPY_BIGRAMS], entries)
    (args.out_dir / "en-ngrams.tsv").write_bytes(ngram_data)
    write_readme(args.out_dir / "README.md", args=args, tsv=tsv, stats=stats,
                 per_file=per_file, freq=freq, scowl_lower_kept=scowl_raw_lower,
                 out_entries=entries, added=added, rejected_variants=rejected_variants,
                 next_level=next_level, next_size=next_size,
                 copyright_text=copyright_text, scowl_version=scowl_version,
                 wf_sha=wf_sha, attested=attested, thesaurus=thesaurus,
                 wordnet_notice=wordnet_notice, inflection_data=inflection_data,
                 inflection_stats=inflection_stats, ngram_data=ngram_data,
                 ngram_stats=ngram_stats, symspellpy_sha=symspellpy_sha,
                 symspellpy_licenses=symspellpy["licenses"])

    # summary
    print(f"SCOWL {scowl_version or '?'}: {len(per_file)} lists, "
          f"{stats['scowl_entries']:,} entries, {stats['scowl_possessives_dropped']:,} "
          f"possessives dropped, {stats['scowl_kept']:,} kept")
    print(f"wordfreq {WORDFREQ_VERSION}: {stats['wordfreq_words']:,} words; "
          f"{stats['wordfreq_only_added']:,} wordfreq-only words added at >= "
          f"{args.min_freq:,}/billion")
    print("misspellings (per billion): " + ", ".join(
        f"{w}={freq.get(w, 0):,}" for w in MISSPELLINGS))
    print("modern words (per billion, * = not in SCOWL): " + ", ".join(
        f"{w}{'' if w in scowl_raw_lower else '*'}={freq.get(w, 0):,}" for w in MODERN_WORDS))
    print("wordfreq-only added: " + " ".join(w for w, _ in added))
    kept = set(entries)
    bad = [w for w in SMOKE_IN if w not in kept] + [w for w in SMOKE_OUT if w in kept]
    print(f"wrote {args.out_dir / 'en.tsv'}: {stats['total']:,} entries, {len(tsv):,} bytes, "
          f"sha256 {hashlib.sha256(tsv).hexdigest()}")
    n_attested = attested.count(b"\n")
    print(f"wrote {args.out_dir / 'en-attested.txt'}: {n_attested:,} words, "
          f"{len(attested):,} bytes")
    print(f"wrote {args.out_dir / 'en-inflections.txt'}: {len(inflection_data.splitlines()):,} "
          f"lines, {len(inflection_data):,} bytes")
    print(f"wrote {args.out_dir / 'en-ngrams.tsv'}: {ngram_stats['keys']:,} lines "
          f"({ngram_stats['unigram_keys']:,} words, {ngram_stats['bigram_keys']:,} pairs), "
          f"{len(ngram_data):,} bytes")
    if bad:
        print("warning: smoke check failed for: " + " ".join(bad), file=sys.stderr)


if __name__ == "__main__":
    main()
