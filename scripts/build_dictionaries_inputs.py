"""Inputs of scripts/build_dictionaries.py: the pinned versions and checksums,
the texts copied from the sources, the word lists' parameters, and fetching
(apt-get download, pip download) and reading SCOWL, wordfreq, symspellpy and
WordNet's exception lists. Kept apart from the entry script so that what is
downloaded and how it is read sits in one place; build_language_dictionaries.py
uses part of it too.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
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


