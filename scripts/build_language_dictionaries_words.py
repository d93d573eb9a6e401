"""The word lists of scripts/build_language_dictionaries.py: its parameters
and curated lists, fetching and reading the inputs (wdutch, wspanish,
german-nouns), which words a language's dictionary keeps, and the coverage
measurements the README reports. Kept apart from the entry script so that the
rules of what is a word read on their own.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from build_dictionaries_inputs import normalise, run
from build_dictionaries_select import is_wordlike


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

