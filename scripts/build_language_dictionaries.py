#!/usr/bin/env python3
"""Build textmend's dictionaries for German, French, Spanish, Italian,
Portuguese and Dutch (dictionaries/{de,fr,es,it,pt,nl}.tsv) and their part
of dictionaries/README.md.

Usage:
    python3 scripts/build_language_dictionaries.py [--wordfreq-wheel FILE]
        [--german-nouns-wheel FILE] [--wdutch DIR] [--wspanish DIR]
        [--min-freq N] [--out-dir DIR] [--fixtures DIR]

Requirements: Python 3.11+ and the `msgpack` package (`pip install msgpack`).
Inputs it fetches itself into a temporary directory unless given:
  * `pip download --no-deps wordfreq==3.1.1` (wordfreq/data/large_<lang>.msgpack.gz
    for the six languages and English, read out of the wheel);
  * `pip download --no-deps german-nouns==1.2.5` (german_nouns/nouns.csv);
  * `apt-get download wdutch=1:2.20.19-2` and `wspanish=1.0.30`, unpacked
    with `dpkg-deb -x`.

Output (deterministic: same inputs, same bytes): <out-dir>/<lang>.tsv in the
format of en.tsv (word<TAB>frequency-per-billion, NFC, sorted by UTF-8
bytes, unique), and the section of <out-dir>/README.md between the
LANGUAGES_BEGIN and LANGUAGES_END markers (scripts/build_dictionaries.py
writes the rest of that README and keeps this section as it is).

Which words are in a language's dictionary (README.md says why):
  1. wordfreq words of the language with a frequency of at least the
     language's threshold (DEFAULT_MIN_FREQ, or --min-freq) per billion
     words that are words: letters only
     (apostrophes only where the language's rules below allow them), at
     most MAX_CHARS characters, not a wordfreq word that is mainly English,
     not an accent-less (or, in German, umlaut-less / ae-oe-ue) spelling of a
     far more frequent accented word;
  2. every entry of the language's curated list (German: the nouns of
     german-nouns, every inflected form; Dutch: wdutch; Spanish: wspanish)
     that wordfreq attests at CURATED_MIN_FREQ or more, in the list's own
     spelling (`Haus`, `Straße`, `Amsterdam`); for Dutch and Spanish it
     replaces wordfreq's lowercase form (`amsterdam`), for German it is added
     next to it (see CURATED_REPLACES);
  3. words of one or two letters only from SHORT_WORDS;
  4. French and Italian: the elision clitics of CLITICS with their
     apostrophe (`l'`, `qu'`, `dell'`), and no wordfreq token made of a
     clitic and a word (`dell'anno`), nor a bare clitic that is not a word
     by itself (`qu`, `dell`; `nessun`, `qual` stay).
Frequency: round(1e9 * 10**(-i/100)) for the wordfreq bin i of the entry's
casefolded form (for a clitic: of the clitic without its apostrophe).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import math
import re
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_dictionaries_inputs import (  # noqa: E402  (scripts/build_dictionaries_inputs.py)
    LANGUAGES_BEGIN as BEGIN, LANGUAGES_END as END, WORDFREQ_ATTRIBUTION,
    WORDFREQ_METADATA, WORDFREQ_VERSION, fetch_wheel, normalise, read_wordfreq, run)
from build_dictionaries_readme import extract_attribution, fenced  # noqa: E402
from build_dictionaries_select import is_wordlike, serialise  # noqa: E402
from readme_section import write_readme_section  # noqa: E402  (scripts/readme_section.py)

LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")
LANGUAGE_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch"}

GERMAN_NOUNS_VERSION = "1.2.5"
GERMAN_NOUNS_MEMBER = "german_nouns/nouns.csv"
GERMAN_NOUNS_LICENSE_MEMBER = f"german_nouns-{GERMAN_NOUNS_VERSION}.dist-info/LICENSE"
WDUTCH_DEB_VERSION = "1:2.20.19-2"
WSPANISH_DEB_VERSION = "1.0.30"

# Per billion words. 100 (Zipf 2.0) wherever the dictionary then stays under
# the size budget; German would have 271,000 entries at 100 (its noun forms
# come on top), so it gets 300 (Zipf 2.48). README.md has the measurements.
DEFAULT_MIN_FREQ = {"de": 300, "fr": 100, "es": 100, "it": 100, "pt": 100, "nl": 100}
SIZE_BUDGET = 200_000
APOSTROPHE_MIN_FREQ = 1000       # per billion: a wordfreq token with an apostrophe (not a clitic)
CURATED_MIN_FREQ = 20            # per billion: a curated entry must be attested at least this often
MAX_CHARS = 40                   # longer wordfreq tokens are run-together junk
ACCENT_RATIO = 10                # accent-less spelling rejected below 1/10 of the accented one
UMLAUT_STRIP_RATIO = 100         # German ä→a spelling: only far below (fuhren/führen, mochte/möchte are words)
ENGLISH_RATIO = 100              # wordfreq word rejected if English uses it 100x more
THRESHOLDS_MEASURED = (10, 30, 100, 300, 1000, 3000)

# Real words of one or two letters (general knowledge of each language's
# grammar: articles, pronouns, prepositions, conjunctions, short verb forms,
# interjections, solfège names). Every other token of one or two letters that
# wordfreq lists is an abbreviation (`km`, `tv`), an English word (`of`,
# `to`), a unit, a Roman numeral or a fragment of an elision (`qu`, `l`), and
# those are exactly what a split or truncated word looks like.
SHORT_WORDS = {
    "de": "ab am an da du eh ei er es im in ja je na ob oh öl so um ur wo zu äh",
    "fr": "a y à ô ah ai an as au bu ce ci ça da de do du dû eh en es et eu fa "
          "hé il je la le lu là ma me mi ne ni nu né oh on or os ou où pu ré sa "
          "se si su ta te tu un va vu",
    "es": "a e o u y ah al ay da de di dé eh el en es fe ha he id ir la le lo me "
          "mi mí ni no oh os re se si sé sí su te ti tu té tú un va ve vi ya yo él",
    "it": "a e i o è ad ah ai al ce ci da di do dà dì ed eh fa fu ha ho il in io "
          "la le li lo là lì ma me mi ne no né od oh po re sa se si so su sé sì te "
          "ti tu tè un va ve vi",
    "pt": "a e o à é ah ai ao ar as aí cá da de do dá dê dó em eu fã fé há ia ir "
          "já la lo lá lê má me na no nu nó oh oi os ou pá pé pó se si só te "
          "ti tu tá um vi vá vê vô às",
    "nl": "u af al as au de eh ei en er ga ha hé ik in is ja je ma me na nu of "
          "oh om op os pa te ui uw we ze zo",
}

# Elided forms written with an apostrophe before the next word (`l'homme`,
# `qu'il`, `dell'anno`, `c'è`). textmend's tokenizer keeps `l'homme` as one
# token; the dictionary lists the clitic with its apostrophe so that the
# token can be split at the first apostrophe and both halves looked up.
CLITICS = {
    "fr": "c' ç' d' j' jusqu' l' lorsqu' m' n' presqu' puisqu' qu' quelqu' "
          "quoiqu' s' t'",
    "it": "all' anch' bell' c' cent' ciascun' cinquant' coll' com' cos' d' "
          "dall' dell' dev' dov' gl' gliel' l' m' mezz' neanch' nell' nessun' "
          "nient' novant' null' ottant' po' qual' qualcos' qualcun' quand' quant' "
          "quarant' quell' quest' s' sant' senz' sessant' settant' sott' sull' "
          "t' tant' trent' tutt' un' v' vent'",
}

# Curated lists whose spelling replaces wordfreq's lowercase form. wdutch
# and wspanish spell every word as it is written (Dutch `Amsterdam` but
# `huis`), so their form is the right one. german-nouns lists only nouns,
# and many of its nouns are also other words written in lowercase (`das Ich`
# / `ich`, `das Haben` / `haben`, `das Aber` / `aber`, `Essen` / `essen`):
# German noun forms are added next to wordfreq's lowercase form.
CURATED_REPLACES = ("nl", "es")

# Bare clitics that are words by themselves (`nessun dorma`, `qual è`).
CLITIC_BARE_WORDS = {"it": {"un", "nessun", "ciascun", "qual"}}

# German forms contracted with `es` (`gibt's`, `geht's`) are kept when the
# verb before the apostrophe is itself an entry; Dutch apostrophe forms
# (`auto's`, `zo'n`, `m'n`) only from wdutch; Spanish and Portuguese
# wordfreq tokens with an apostrophe are English or names (`don't`,
# `o'brien`) and are dropped.

# Fold used to match a curated list's spelling with wordfreq's lowercase,
# casefolded form, and the case-insensitive lookup the coverage figures use.
def fold(word: str) -> str:
    return unicodedata.normalize("NFC", word.casefold())


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def umlaut_transliteration(word: str) -> str:
    """The ASCII transliteration of a German word with umlauts: ä→ae."""
    return word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")


# --------------------------------------------------------------------------
# inputs


def fetch_deb(tmp: Path, name: str, version: str) -> Path:
    dl = tmp / f"{name}-deb"
    dl.mkdir()
    tmp.chmod(0o755)
    dl.chmod(0o777)
    run(["apt-get", "download", f"{name}={version}"], dl)
    debs = sorted(dl.glob(f"{name}_*.deb"))
    if len(debs) != 1:
        sys.exit(f"error: expected one {name} .deb in {dl}, found {debs}")
    root = tmp / f"{name}-root"
    run(["dpkg-deb", "-x", str(debs[0]), str(root)], tmp)
    return root


def deb_version(root: Path, name: str) -> str | None:
    doc = root / "usr/share/doc" / name
    for changelog in (doc / "changelog.Debian.gz", doc / "changelog.gz"):
        if changelog.is_file():
            with gzip.open(changelog, "rt", encoding="utf-8") as f:
                m = re.match(r"\S+ \(([^)]+)\)", f.readline())
            return m.group(1) if m else None
    return None


def read_word_list(path: Path) -> list[str]:
    return [normalise(line.strip()) for line in
            path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_german_nouns(data: bytes):
    """Every form of every noun: (form, adjectival) pairs, where adjectival
    says the noun is a nominalised adjective (`adjektivische Deklination`:
    `Deutsche`, `Abgeordnete`), whose forms are also lowercase adjectives."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    forms: dict[str, bool] = {}
    rows = 0
    for row in reader:
        rows += 1
        adjectival = "adjektivische Deklination" in (row.get("pos") or "")
        for key, value in row.items():
            if key == "pos" or key.startswith("genus") or not value:
                continue
            form = normalise(value.strip())
            forms[form] = forms.get(form, False) or adjectival
    return forms, rows


# --------------------------------------------------------------------------
# selection


def apostrophe_ok(lang: str, w: str) -> bool:
    """Whether a wordfreq token with an apostrophe may stay (before the
    German `'s` check, which needs the rest of the dictionary)."""
    if "'" not in w:
        return True
    if lang == "de":
        return w.endswith("'s") and w.count("'") == 1
    return lang in ("fr", "it") and not w.endswith("'s")


def build_language(lang: str, freq: dict[str, int], en_freq: dict[str, int],
                   curated: dict[str, bool], min_freq: int):
    """Returns (entries, stats, examples)."""
    short = set(SHORT_WORDS[lang].split())
    clitics = CLITICS.get(lang, "").split()
    clitic_bare = {c[:-1] for c in clitics} - CLITIC_BARE_WORDS.get(lang, set())
    stats: Counter = Counter()
    examples: dict[str, list] = {k: [] for k in
                                 ("accent", "english", "clitic_joined", "short")}

    # curated forms by fold; only attested ones
    curated_by_fold: dict[str, list[str]] = {}
    for form, adjectival in curated.items():
        stats["curated_forms"] += 1
        if not is_wordlike(form) or len(form) > MAX_CHARS:
            stats["curated_not_wordlike"] += 1
            continue
        if "-" in form:
            stats["curated_hyphenated"] += 1
            continue
        if "'" in form and lang != "nl":
            stats["curated_apostrophe"] += 1
            continue
        f = fold(form)
        if freq.get(f, 0) < CURATED_MIN_FREQ:
            stats["curated_unattested"] += 1
            continue
        if len(form) <= 2 and f not in short:
            stats["curated_short"] += 1
            continue
        curated_by_fold.setdefault(f, []).append(form)
        if lang == "de" and adjectival and form != form.lower():
            curated_by_fold[f].append(form.lower())
    curated_folds = set(curated_by_fold)

    # accented spellings by their accent-less forms (rival, needed ratio);
    # German: the ä→a form needs a far larger ratio, the ä→ae form the usual
    plain_rivals: dict[str, tuple[int, int]] = {}

    def rival(p: str, f: int, ratio: int) -> None:
        old = plain_rivals.get(p)
        if old is None or f * old[1] > old[0] * ratio:
            plain_rivals[p] = (f, ratio)

    for w, f in freq.items():
        p = strip_accents(w)
        if p != w:
            rival(p, f, UMLAUT_STRIP_RATIO if lang == "de" else ACCENT_RATIO)
        if lang == "de" and any(c in w for c in "äöü"):
            rival(umlaut_transliteration(w), f, ACCENT_RATIO)

    out: dict[str, int] = {}
    german_s: list[str] = []
    for w, f in freq.items():
        if w in curated_folds and lang in CURATED_REPLACES:
            continue
        if f < min_freq:
            stats["below_threshold"] += 1
            continue
        if not is_wordlike(w) or "-" in w or len(w) > MAX_CHARS:
            stats["not_wordlike"] += 1
            continue
        if lang in CLITICS and "'" in w:
            head = w[:w.index("'") + 1]
            if head in clitics:
                stats["clitic_joined"] += 1
                if len(examples["clitic_joined"]) < 12:
                    examples["clitic_joined"].append(w)
                continue
        if "'" in w and (not apostrophe_ok(lang, w) or f < APOSTROPHE_MIN_FREQ
                         or en_freq.get(w, 0) >= f):
            stats["apostrophe"] += 1
            continue
        if w in clitic_bare and w not in short:
            stats["clitic_bare"] += 1
            continue
        if len(w) <= 2 and w not in short:
            stats["short"] += 1
            if len(examples["short"]) < 30:
                examples["short"].append(w)
            continue
        rf, ratio = plain_rivals.get(w, (0, 1))
        if w not in short and rf >= ratio * f:
            stats["accentless"] += 1
            examples["accent"].append((w, f, rf))
            continue
        if w not in short and en_freq.get(w, 0) >= ENGLISH_RATIO * f:
            stats["english"] += 1
            examples["english"].append((w, f, en_freq[w]))
            continue
        if lang == "de" and "'" in w:
            german_s.append(w)
            continue
        out[w] = f
        stats["from_wordfreq"] += 1
    for w in german_s:
        if w[:-2] in out:
            out[w] = freq[w]
            stats["from_wordfreq"] += 1
        else:
            stats["apostrophe"] += 1
    for f, forms in curated_by_fold.items():
        new = {form for form in forms if form not in out}
        for form in new:
            out[form] = freq[f]
        stats["curated_kept_forms"] += len(new)
        if freq[f] < min_freq:
            stats["curated_below_threshold"] += len(new)
    for c in clitics:
        out[c] = freq.get(c[:-1], 0)
    stats["clitics"] = len(clitics)
    stats["total"] = len(out)
    examples["accent"].sort(key=lambda x: (-x[2], x[0]))
    examples["english"].sort(key=lambda x: (-x[2], x[0]))
    return out, stats, examples


# --------------------------------------------------------------------------
# measurement: a tokenizer like src/tokenize.rs and a case-insensitive lookup


def tokens(text: str) -> list[str]:
    """Word tokens as textmend's tokenizer makes them: whitespace chunks;
    URLs, e-mail addresses, handles and tags skipped; runs of letters with
    internal apostrophes (hyphens and other punctuation split); runs with
    digits or underscores and mixed-case runs skipped."""
    out = []
    for chunk in text.split():
        trimmed = chunk.lstrip("".join(c for c in chunk if not c.isalnum() and c not in "@#"))
        if ("://" in chunk or "@" in chunk or trimmed.startswith(("@", "#", "www."))):
            continue
        run_chars: list[str] = []
        chars = list(chunk)
        for i, c in enumerate(chars + [" "]):
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            in_word = (c.isalnum() or c == "_" or unicodedata.combining(c) > 0
                       or (c in "'\u2019" and run_chars and nxt.isalnum()))
            if in_word:
                run_chars.append(c)
                continue
            if run_chars:
                r = "".join(run_chars).strip("_")
                run_chars = []
                if not r or any(ch.isnumeric() or ch == "_" for ch in r):
                    continue
                letters = [ch for ch in r if ch.isalpha()]
                rest = letters[1:]
                if any(ch.isupper() for ch in rest) and any(ch.islower() for ch in rest):
                    continue
                if not letters[0].isupper() and any(ch.isupper() for ch in rest):
                    continue
                out.append(r.replace("\u2019", "'"))
    return out


class Lookup:
    def __init__(self, entries, lang: str):
        self.folded = {fold(w) for w in entries}
        self.clitics = {fold(c) for c in CLITICS.get(lang, "").split()}

    def known(self, token: str) -> bool:
        f = fold(token)
        if f in self.folded:
            return True
        if "'" in f:
            head, _, rest = f.partition("'")
            if head + "'" in self.clitics:
                return not rest or self.known(rest)
        return False


def splits_as_compound(word: str, folded: set[str], min_part: int = 4) -> bool:
    """Whether a casefolded word is two or more entries of at least min_part
    letters, joined directly or by a German/Dutch linking element."""
    def ok(s: str, depth: int) -> bool:
        if depth and s in folded and len(s) >= min_part:
            return True
        if depth >= 3:
            return False
        for i in range(min_part, len(s) - min_part + 1):
            if s[:i] in folded:
                rest = s[i:]
                for link in ("", "s", "es", "n", "en", "er", "e"):
                    r = rest[len(link):]
                    if rest.startswith(link) and len(r) >= min_part and ok(r, depth + 1):
                        return True
        return False
    return ok(word, 0)


def coverage(entries, lang: str, texts: list[str]):
    look = Lookup(entries, lang)
    toks = [t for text in texts for t in tokens(text)]
    missing = Counter(fold(t) for t in toks if not look.known(t))
    return len(toks), sum(missing.values()), missing


# --------------------------------------------------------------------------
# README section



def readme_section(*, args, results, inputs, fixtures, sweeps, licenses) -> str:
    fmt = lambda n: f"{n:,}"  # noqa: E731
    L: list[str] = []
    a = L.append
    a(BEGIN)
    a("")
    a("## German, French, Spanish, Italian, Portuguese and Dutch")
    a("")
    a("`de.tsv`, `fr.tsv`, `es.tsv`, `it.tsv`, `pt.tsv`, `nl.tsv`: same format as "
      "`en.tsv` (`word<TAB>frequency`, UTF-8, NFC, sorted by UTF-8 bytes, unique, "
      "frequency per billion words from wordfreq, looked up by the entry's "
      "casefolded form). Built by `scripts/build_language_dictionaries.py`, which "
      "writes this section of the README and leaves the rest alone.")
    a("")
    a("| file | entries | bytes | SHA-256 | from wordfreq only | from the curated list | clitics |")
    a("|---|---:|---:|---|---:|---:|---:|")
    for lang in LANGUAGES:
        r = results[lang]
        a(f"| `{lang}.tsv` | {fmt(r['stats']['total'])} | {fmt(len(r['tsv']))} | "
          f"`{hashlib.sha256(r['tsv']).hexdigest()}` | {fmt(r['stats']['from_wordfreq'])} | "
          f"{fmt(r['stats']['curated_kept_forms'])} | {fmt(r['stats']['clitics'])} |")
    a("")
    a("### How the Rust side must look words up")
    a("")
    a("* **Case.** wordfreq's lists are lowercase (casefolded), so an entry that "
      "only wordfreq gives is lowercase. A curated list's spelling is kept as "
      "the list writes it. Dutch and Spanish: the wdutch/wspanish form replaces "
      "wordfreq's (`Amsterdam`, not `amsterdam`; both lists write ordinary words "
      "in lowercase). German: every noun form that german-nouns gives is stored "
      "capitalised and with its `ß` (`Haus`, `Häusern`, `Straße`), and wordfreq's "
      "lowercase form stays next to it when it passes the threshold (`haus`, "
      "`strasse`): german-nouns lists only nouns, and many of them are also "
      "ordinary lowercase words (`das Ich`/`ich`, `das Haben`/`haben`, `das "
      "Aber`/`aber`, `Essen`/`essen`), which a lowercase frequency list cannot "
      "tell apart. Nominalised adjectives (`Deutsche`, `Abgeordnete`, marked "
      "`adjektivische Deklination`) are also stored in lowercase even below the "
      "threshold, since they are adjective forms too. So in German a "
      "capitalised entry means \"written capitalised as a noun\" and a "
      "lowercase entry means \"seen by wordfreq\" (perhaps only as a noun). "
      "Lookups in these languages must therefore be case-insensitive: compare "
      "`casefold(token)` with `casefold(entry)` (for example an FST of casefolded "
      "keys next to the one of stored forms, keeping the higher frequency), not "
      "only the English rules `word`/`Word`/`WORD`. When a word must be "
      "written out (a restored word), prefer the stored capitalised form in "
      "German when the casefolded key has one.")
    a("* **ß.** wordfreq casefolds, so its German list has no `ß` at all "
      "(`strasse`, `weiss`, `gross`). Where german-nouns gives the real spelling "
      "the entry keeps it (`Straße`, `Fuß`, `Maßnahme`); other words (adjectives, "
      "verbs, adverbs: `weiss`, `gross`, `schliesslich`, `ausserdem`) are stored "
      "in wordfreq's `ss` spelling, which is also the correct Swiss spelling. "
      "Casefolding maps `ß` to `ss` (Unicode full case folding; Rust: fold with "
      "`caseless`/`unicase`-style full folding, or replace `ß` and `ẞ` by `ss` after "
      "`to_lowercase()`), so `weiß`, `Weiß`, `WEISS` and `weiss` all match `weiss`. "
      "To restore a word's spelling, prefer the stored form.")
    a("* **Elision (French, Italian).** `l'homme`, `qu'il`, `d'un`, `jusqu'à`, "
      "`dell'anno`, `c'è`, `un'altra` are one token for textmend's tokenizer. The "
      "dictionary lists the clitics with their apostrophe (list below); split a "
      "token at its first apostrophe, and if the part up to and including the "
      "apostrophe is an entry ending in `'`, look up the rest (which may itself "
      "start with a clitic: `qu'aujourd'hui`). Typographic `’` must be mapped to "
      "`'` first, as for English. The bare clitics (`qu`, `dell`, `l`) are not "
      "entries. A few whole words with an apostrophe are entries "
      "(`aujourd'hui`, `prud'hommes`, `p'tit`, `rock'n'roll`).")
    a("* **Contractions.** German `gibt's`, `geht's`, `wär's`, `wenn's` (word + `'s` "
      "= *es*) are entries when the word before `'s` is one and the whole form is "
      f"frequent (at least {APOSTROPHE_MIN_FREQ:,} per billion). Dutch `auto's`, `foto's`, `baby's` (plurals), "
      "`zo'n`, `m'n`, `z'n` are entries (from wdutch). Spanish and Portuguese have "
      "no apostrophe entries. The English possessive stripping (`'s`) must not be "
      "applied to Dutch plurals or German contractions before the lookup; try the "
      "whole token first.")
    a("* **Compounds (German, Dutch).** German and Dutch write compounds as one "
      "word, and most of them are rare: a dictionary cannot list them. They are "
      "the largest group of clean words missing from `de.tsv` (see the coverage "
      "table); the Rust side should accept a token that splits into two or more "
      "entries (with the linking elements `s`, `es`, `n`, `en`, `er`, `e`) before "
      "calling it a suspect.")
    a("")
    a("### Sources")
    a("")
    for line in inputs:
        a(line)
    a("")
    a("Rejected sources (licence checked in each package's copyright file):")
    a("")
    a("* Debian `wngerman` (igerman98, German): GPL-2+. Not used.")
    a("* Debian `wfrench` (French): GPL-2+. Not used.")
    a("* Debian `witalian` (Italian): GPL-3+. Not used.")
    a("* Debian `wportuguese` (Portuguese, ispell.pt): GPL-2+ or LGPL-2.1+ or "
      "MPL-1.1. The MPL-1.1 option would allow it, but every file derived from "
      "it would carry the MPL's file-level copyleft and source-availability terms "
      "next to wordfreq's CC-BY-SA; the Portuguese list is complete enough from "
      "wordfreq alone, so it is not used.")
    a("* hunspell/myspell/aspell dictionaries (`hunspell-de-de`, `hunspell-fr`, "
      "`hunspell-es`, ...): GPL, LGPL or MPL tri-licences; not used, for the same "
      "reason.")
    a("")
    a("### Recipe")
    a("")
    a("```sh")
    a("pip install msgpack")
    a("python3 scripts/build_language_dictionaries.py")
    a("```")
    a("")
    a("Without options the script downloads its inputs into a temporary directory "
      "(`pip download --no-deps wordfreq==3.1.1 german-nouns==1.2.5`, "
      "`apt-get download wdutch=1:2.20.19-2 wspanish=1.0.30`). Options: "
      "`--wordfreq-wheel FILE`, `--german-nouns-wheel FILE`, `--wdutch DIR`, "
      "`--wspanish DIR` (root of the extracted .deb) use local copies; "
      "`--min-freq N` (one threshold for every language instead of the defaults "
      "below); `--out-dir DIR`; "
      "`--fixtures DIR` (default `fixtures/clean`, for the coverage figures). "
      "This build used the thresholds "
      + ", ".join(f"{lang} {fmt(args.thresholds[lang])}" for lang in LANGUAGES)
      + ". Same inputs, same bytes.")
    a("")
    a("### Which words are in")
    a("")
    a("1. **wordfreq words** of the language (`large_<lang>.msgpack.gz`) with a "
      "frequency of at least the language's threshold ("
      + ", ".join(f"{LANGUAGE_NAMES[lang]} **{fmt(args.thresholds[lang])}**"
                  for lang in LANGUAGES)
      + " per billion words; see below), if all of these hold:")
    a("   * letters only (Unicode alphabetic), no digits, no hyphens (wordfreq "
      "splits at hyphens, and so does textmend), at most "
      f"{MAX_CHARS} characters;")
    a("   * one or two letters only if listed in the short-word table below "
      "(the others are abbreviations, English words, units, Roman numerals and "
      "bare clitics: `km`, `tv`, `of`, `ii`, `qu`);")
    a(f"   * not an accent-less spelling of an accented word that is at least "
      f"{ACCENT_RATIO} times as frequent (`tres`→`très`, `tambien`→`también`, "
      f"`perche`→`perché`, `nao`→`não`); in German also not the ASCII spelling of "
      f"an umlaut word (`fur`/`fuer`→`für`, `ueber`→`über`). The rule only removes "
      f"the accent-less form, never an accented one, and a curated list "
      f"overrides it (`mas` and `solo` are in wspanish);")
    a(f"   * not mainly an English word: rejected if wordfreq's English frequency is "
      f"at least {ENGLISH_RATIO} times its frequency in the language (`the`, `and`, "
      f"`you`, `don't`), unless it is a short word of the language or in the "
      f"curated list (loanwords such as `Computer`, `Team` stay: German nouns "
      f"list them, and their ratio is far lower);")
    a("   * apostrophes: French and Italian tokens made of a clitic and a word "
      "(`dell'anno`, `lorsqu'il`) are not entries (the clitic is); German only "
      "`word's` when the word is an entry (`gibt's`, `geht's`); Dutch only from "
      "wdutch; Spanish and Portuguese none. Any other token with an apostrophe "
      f"needs at least {fmt(APOSTROPHE_MIN_FREQ)} per billion and must be more "
      "frequent in the language than in English (this drops `let's`, "
      "`mcdonald's`, `o'brien` and misspellings such as `aujoud'hui`, and keeps "
      "`aujourd'hui`, `p'tit`, `prud'hommes`); French and Italian tokens ending "
      "in `'s` are English possessives and are dropped.")
    a("2. **Curated list entries** that wordfreq attests (their casefolded form "
      f"has at least {CURATED_MIN_FREQ} per billion in wordfreq's list, whose floor "
      "is 10), in the list's spelling: for Dutch and Spanish it replaces "
      "wordfreq's lowercase form, for German it is added next to it (see Case "
      "above). Entries "
      "with digits, spaces, hyphens or apostrophes (except Dutch) and "
      "unlisted one- and two-letter entries are skipped. German: every "
      "inflected form of every noun in german-nouns (nominalised adjectives also "
      "in lowercase); Dutch: wdutch; Spanish: wspanish. The curated list is what "
      "lets a rare but real word in below the frequency threshold: wordfreq says "
      "it is used, the list says it is spelled right. Unattested curated entries "
      "are left out: they are rare compounds and archaisms, and every rare entry "
      "is a chance for a corrupted token to pass as valid.")
    a("3. **Clitics** (French, Italian), with their apostrophe.")
    a("")
    a("Short words (one or two letters) allowed:")
    a("")
    for lang in LANGUAGES:
        a(f"* {LANGUAGE_NAMES[lang]}: " + ", ".join(f"`{w}`" for w in SHORT_WORDS[lang].split()))
    a("")
    a("Clitics:")
    a("")
    for lang in ("fr", "it"):
        a(f"* {LANGUAGE_NAMES[lang]}: " + ", ".join(f"`{w}`" for w in CLITICS[lang].split()))
    a("")
    a("### The frequency threshold and its justification")
    a("")
    a("wordfreq is the main source for these languages (no permissively "
      "licensed full-form spelling list exists for most of them), so the "
      "threshold decides the vocabulary. Lower means fewer clean words "
      "flagged, but more entries, and every entry is a string a corrupted "
      "token can turn into and then pass as valid: wordfreq's tail is full of "
      "typos, names, foreign words and fragments. Measured, for each threshold "
      "(per billion words), with everything else as above:")
    a("")
    a("* **entries**: size of the dictionary;")
    a("* **clean OOV**: share of the word tokens of the clean fixture(s) of that "
      "language (`fixtures/clean/<lang>_*.txt`) not found by a case-insensitive "
      "lookup (casefolded, clitics split), i.e. clean words textmend would "
      "suspect;")
    a("* **edit hits**: share of one-edit corruptions of the fixture's words "
      "(every deletion, adjacent transposition and doubling of a letter, of "
      "words of 4+ letters that are in the dictionary) that are themselves "
      "entries, i.e. damage the dictionary would accept as a valid word.")
    a("")
    for lang in LANGUAGES:
        sw = sweeps.get(lang)
        if not sw:
            continue
        a(f"{LANGUAGE_NAMES[lang]} ({', '.join('`' + n + '`' for n in fixtures[lang])}, "
          f"{fmt(sw[0]['tokens'])} tokens):")
        a("")
        a("| min freq | Zipf | entries | clean OOV | edit hits |")
        a("|---:|---:|---:|---:|---:|")
        for row in sw:
            mark = " **(used)**" if row["min_freq"] == args.thresholds[lang] else ""
            a(f"| {fmt(row['min_freq'])}{mark} | {math.log10(row['min_freq']):.2f} | "
              f"{fmt(row['entries'])} | {100 * row['oov']:.2f}% | "
              f"{100 * row['edit_hits']:.2f}% |")
        a("")
    a("How the thresholds were chosen: every row from 10 to 300 trades clean "
      "coverage against accepted damage, and there is no knee in either column, so "
      "the size budget decides. The dictionaries are compiled into FSTs embedded in "
      f"the binary, and the budget is about {fmt(SIZE_BUDGET)} entries a language. "
      "**100 per billion** (Zipf 2.0, once in ten million words) is the lowest "
      "measured threshold that keeps French, Spanish, Italian, Portuguese and "
      "Dutch under it (30 would put most of them at or near the budget for less "
      "than half a point of coverage). Going from 300 to 100 removes a fifth to "
      "two fifths of the clean words that would be flagged, for under one point "
      "more of accepted one-edit damage. A random sample of the words between 100 "
      "and 300 is mostly real words (inflected forms such as `quitteras`, "
      "`irrecevables`, `apaisés`; technical words such as `paléographe`), about a "
      "third names and foreign words, and a few typos that the accent rule does "
      "not catch (`eteint`). **German gets 300**: at 100 it would have "
      "271,000 entries, because german-nouns adds the capitalised noun forms on "
      "top of wordfreq's lowercase words; at 300 it has fewer than 190,000, and "
      "the noun forms below the threshold come in through german-nouns anyway. "
      f"Curated entries must be attested at least {CURATED_MIN_FREQ} times per "
      "billion words (wordfreq's floor is 10): this removes 19,000 German noun "
      "forms seen only at the floor (mostly rare compounds) for a change in "
      "clean coverage below 0.05 points.")
    a("")
    a("### Coverage of clean prose and the most common missing words")
    a("")
    for lang in LANGUAGES:
        r = results[lang]
        if not r.get("coverage"):
            continue
        n, miss, missing = r["coverage"]
        comp = ""
        if lang in ("de", "nl"):
            look = Lookup(r["entries"], lang)
            c = sum(k for w, k in missing.items() if splits_as_compound(w, look.folded))
            comp = (f" Of the tokens not found, {fmt(c)} ({100 * c / max(1, miss):.0f}%) "
                    "split into two or more entries of at least four letters "
                    "(with a linking `s`, `es`, `n`, `en`, `er` or `e`): compounds.")
        a(f"* **{LANGUAGE_NAMES[lang]}** ({', '.join('`' + x + '`' for x in fixtures[lang])}): "
          f"{fmt(n)} tokens, {fmt(miss)} not found ({100 * miss / max(1, n):.2f}%).{comp} "
          "Most common: " + ", ".join(f"`{w}` ({c})" for w, c in missing.most_common(25)))
    a("")
    a("### Build statistics")
    a("")
    for lang in LANGUAGES:
        st = results[lang]["stats"]
        a(f"* {LANGUAGE_NAMES[lang]}: " + ", ".join(f"{k} {fmt(v)}" for k, v in sorted(st.items())))
    a("")
    a("Accent-less spellings rejected (highest rival frequency first, up to 15 per language):")
    a("")
    for lang in LANGUAGES:
        ex = results[lang]["examples"]["accent"][:15]
        a(f"* {LANGUAGE_NAMES[lang]}: " + (", ".join(f"`{w}` ({fmt(f)} vs {fmt(r)})" for w, f, r in ex) or "(none)"))
    a("")
    a("Mainly-English words rejected (highest English frequency first, up to 15 per language):")
    a("")
    for lang in LANGUAGES:
        ex = results[lang]["examples"]["english"][:15]
        a(f"* {LANGUAGE_NAMES[lang]}: " + (", ".join(f"`{w}`" for w, f, r in ex) or "(none)"))
    a("")
    a("### Licenses and attribution (languages)")
    a("")
    a("wordfreq: see the wordfreq section above (the same wheel; CC-BY-SA 4.0 data). "
      "Because every `<lang>.tsv` contains frequencies derived from wordfreq's data "
      "(and `de.tsv` forms from german-nouns, also CC-BY-SA 4.0), these files are "
      "distributed under CC-BY-SA 4.0.")
    a("")
    for title, intro, text in licenses:
        a(f"#### {title}")
        a("")
        a(intro)
        a("")
        for line in fenced(text):
            a(line)
        a("")
    a(END)
    return "\n".join(L) + "\n"


# --------------------------------------------------------------------------


def one_edit_hits(entries, texts, lang: str) -> float:
    """Share of one-edit corruptions (deletion, adjacent transposition,
    doubling) of the texts' dictionary words of 4+ letters that are entries."""
    look = Lookup(entries, lang)
    words = sorted({fold(t) for text in texts for t in tokens(text)
                    if len(t) >= 4 and "'" not in t and look.known(t)})
    total = hits = 0
    for w in words:
        variants = set()
        for i in range(len(w)):
            variants.add(w[:i] + w[i + 1:])
            variants.add(w[:i] + w[i] + w[i:])
            if i + 1 < len(w) and w[i] != w[i + 1]:
                variants.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])
        variants.discard(w)
        total += len(variants)
        hits += sum(1 for v in variants if v in look.folded)
    return hits / max(1, total)


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordfreq-wheel", type=Path, metavar="FILE")
    ap.add_argument("--german-nouns-wheel", type=Path, metavar="FILE")
    ap.add_argument("--wdutch", type=Path, metavar="DIR")
    ap.add_argument("--wspanish", type=Path, metavar="DIR")
    ap.add_argument("--min-freq", type=int, default=None,
                    help="one threshold (per billion) for every language; default: "
                         + ", ".join(f"{k} {v}" for k, v in DEFAULT_MIN_FREQ.items()))
    ap.add_argument("--out-dir", type=Path, default=here.parent / "dictionaries")
    ap.add_argument("--fixtures", type=Path, default=here.parent / "fixtures" / "clean")
    ap.add_argument("--no-sweep", action="store_true",
                    help="skip the threshold measurements (faster; README tables omitted)")
    args = ap.parse_args()
    args.thresholds = {lang: args.min_freq or DEFAULT_MIN_FREQ[lang] for lang in LANGUAGES}

    with tempfile.TemporaryDirectory(prefix="textmend-langdict-") as tmpname:
        tmp = Path(tmpname)
        wf_wheel = args.wordfreq_wheel or fetch_wheel(tmp, "wordfreq", WORDFREQ_VERSION)
        gn_wheel = args.german_nouns_wheel or fetch_wheel(tmp, "german-nouns", GERMAN_NOUNS_VERSION)
        wdutch = args.wdutch or fetch_deb(tmp, "wdutch", WDUTCH_DEB_VERSION)
        wspanish = args.wspanish or fetch_deb(tmp, "wspanish", WSPANISH_DEB_VERSION)

        with zipfile.ZipFile(wf_wheel) as zf:
            wf_data = {lang: zf.read(f"wordfreq/data/large_{lang}.msgpack.gz")
                       for lang in LANGUAGES + ("en",)}
            wf_meta = zf.read(WORDFREQ_METADATA)
        if extract_attribution(wf_meta) != WORDFREQ_ATTRIBUTION:
            print("warning: the wheel's METADATA differs from WORDFREQ_ATTRIBUTION",
                  file=sys.stderr)
        with zipfile.ZipFile(gn_wheel) as zf:
            gn_data = zf.read(GERMAN_NOUNS_MEMBER)
            gn_license = zf.read(GERMAN_NOUNS_LICENSE_MEMBER).decode("utf-8")
            gn_meta = zf.read(f"german_nouns-{GERMAN_NOUNS_VERSION}.dist-info/METADATA").decode("utf-8")
        if "License: CC BY-SA 4.0" not in gn_meta:
            sys.exit("error: german-nouns METADATA no longer says License: CC BY-SA 4.0")
        nl_list_path = wdutch / "usr/share/dict/dutch"
        es_list_path = wspanish / "usr/share/dict/spanish"
        nl_list = read_word_list(nl_list_path)
        es_list = read_word_list(es_list_path)
        nl_version = deb_version(wdutch, "wdutch")
        es_version = deb_version(wspanish, "wspanish")
        nl_copyright = (wdutch / "usr/share/doc/wdutch/copyright").read_text(encoding="utf-8")
        es_copyright = (wspanish / "usr/share/doc/wspanish/copyright").read_text(encoding="utf-8")
        nl_sha = hashlib.sha256(nl_list_path.read_bytes()).hexdigest()
        es_sha = hashlib.sha256(es_list_path.read_bytes()).hexdigest()
    for name, got, want in (("wdutch", nl_version, WDUTCH_DEB_VERSION),
                            ("wspanish", es_version, WSPANISH_DEB_VERSION)):
        if got != want:
            print(f"warning: {name} version {got}, expected {want}", file=sys.stderr)

    german_nouns, gn_rows = read_german_nouns(gn_data)
    curated = {
        "de": german_nouns,
        "nl": {w: False for w in nl_list},
        "es": {w: False for w in es_list},
    }
    en_freq = read_wordfreq(wf_data["en"])

    fixtures: dict[str, list[str]] = {}
    texts: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        files = sorted(args.fixtures.glob(f"{lang}_*.txt")) if args.fixtures.is_dir() else []
        fixtures[lang] = [p.name for p in files]
        texts[lang] = [p.read_text(encoding="utf-8") for p in files]

    results: dict[str, dict] = {}
    sweeps: dict[str, list] = {}
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        freq = read_wordfreq(wf_data[lang])
        entries, stats, examples = build_language(lang, freq, en_freq, curated.get(lang, {}),
                                                  args.thresholds[lang])
        tsv = serialise(entries)
        (args.out_dir / f"{lang}.tsv").write_bytes(tsv)
        results[lang] = {"stats": stats, "examples": examples, "tsv": tsv, "entries": entries,
                         "sha_wordfreq": hashlib.sha256(wf_data[lang]).hexdigest()}
        if texts[lang]:
            results[lang]["coverage"] = coverage(entries, lang, texts[lang])
            if not args.no_sweep:
                rows = []
                for t in THRESHOLDS_MEASURED:
                    e, _, _ = (entries, None, None) if t == args.thresholds[lang] else \
                        build_language(lang, freq, en_freq, curated.get(lang, {}), t)
                    n, miss, _ = coverage(e, lang, texts[lang])
                    rows.append({"min_freq": t, "entries": len(e), "tokens": n,
                                 "oov": miss / max(1, n),
                                 "edit_hits": one_edit_hits(e, texts[lang], lang)})
                sweeps[lang] = rows
        print(f"{lang}: {stats['total']:,} entries, {len(tsv):,} bytes, "
              f"sha256 {hashlib.sha256(tsv).hexdigest()}"
              + (f"; fixture OOV {100 * results[lang]['coverage'][1] / max(1, results[lang]['coverage'][0]):.2f}%"
                 if "coverage" in results[lang] else ""))

    gn_sha = hashlib.sha256(gn_data).hexdigest()
    inputs = [
        f"* **wordfreq** {WORDFREQ_VERSION} (PyPI), files "
        + ", ".join(f"`large_{lang}.msgpack.gz` (SHA-256 `{results[lang]['sha_wordfreq']}`)"
                    for lang in LANGUAGES)
        + ". Data CC-BY-SA 4.0, code Apache-2.0 (see the wordfreq section above). "
          "English frequencies (`large_en.msgpack.gz`, as for `en.tsv`) are used only "
          "to recognise English words.",
        f"* **german-nouns** {GERMAN_NOUNS_VERSION} by Gregor Weichbrodt (PyPI "
        f"`german-nouns`, <https://github.com/gambolputty/german-nouns>), file "
        f"`{GERMAN_NOUNS_MEMBER}` (SHA-256 `{gn_sha}`, {gn_rows:,} nouns, "
        f"{len(german_nouns):,} distinct forms), compiled from the German Wiktionary "
        f"(<https://de.wiktionary.org>). License: CC-BY-SA 4.0 (the wheel's "
        f"METADATA says `License: CC BY-SA 4.0`; its LICENSE file is the CC-BY-SA "
        f"4.0 legal code, reproduced below). Used for German nouns with their "
        f"capital and their `ß`.",
        f"* **wdutch** (Debian package `wdutch` {WDUTCH_DEB_VERSION}, found "
        f"{nl_version}), the OpenTaal Dutch word list, file `/usr/share/dict/dutch` "
        f"(SHA-256 `{nl_sha}`, {len(nl_list):,} entries). License: BSD (revised) or "
        f"CC-BY 3.0 at the user's choice; textmend uses it under the BSD licence. "
        f"Copyright notice and licences reproduced below. OpenTaal asks that "
        f"`README_nl_NL.txt` be kept with every copy of the word list; the Debian "
        f"package does not ship that file, and `nl.tsv` is not a copy of the list "
        f"but a selection (entries that wordfreq attests).",
        f"* **wspanish** (Debian package `wspanish` {WSPANISH_DEB_VERSION}, found "
        f"{es_version}), file `/usr/share/dict/spanish` (SHA-256 `{es_sha}`, "
        f"{len(es_list):,} entries). License of the word list: public domain "
        f"(Debian copyright: \"Word list license: Public Domain.\"; the GPL in that "
        f"file covers only the Debian packaging).",
    ]
    licenses = [
        ("german-nouns",
         f"The `LICENSE` file of the german-nouns {GERMAN_NOUNS_VERSION} wheel "
         f"(`{GERMAN_NOUNS_LICENSE_MEMBER}`), verbatim:", gn_license),
        ("wdutch (OpenTaal)",
         f"The Debian package's copyright file (`/usr/share/doc/wdutch/copyright` of "
         f"`wdutch` {WDUTCH_DEB_VERSION}), verbatim:", nl_copyright),
        ("wspanish",
         f"The Debian package's copyright file (`/usr/share/doc/wspanish/copyright` of "
         f"`wspanish` {WSPANISH_DEB_VERSION}), verbatim:", es_copyright),
    ]
    section = readme_section(args=args, results=results, inputs=inputs, fixtures=fixtures,
                             sweeps=sweeps, licenses=licenses)
    write_readme_section(args.out_dir / "README.md", section, BEGIN, END)


if __name__ == "__main__":
    main()
