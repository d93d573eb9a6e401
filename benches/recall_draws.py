"""The draws of the recall benchmark (benches/recall.py): its grid
(languages, lengths, splits, configurations), the lexicon a spinner table is
drawn from, the draw itself, one `textmend eval` run, and the classification
of a run's misses. Kept apart from the entry script (planning, running, CI)
and from recall_report.py (tables). Standard library only.
"""

import collections
import json
import math
import os
import re
import subprocess
import time

import recall_texts
from recall_sources import FUNCTION_WORDS, REPO, read_dictionary, read_mythes

LANGS = recall_texts.LANGS
# Benchmark "languages": the seven, plus English with tables drawn from the
# Moby thesaurus instead of MyThes (mythes-en-us is made from WordNet, which
# textmend embeds: 97% of its pairs are already related there).
BENCH_LANGS = ["en", "en-moby"] + LANGS[1:]


def base(lang):
    """The text language of a benchmark language (`en-moby` → `en`)."""
    return lang.split("-")[0]


LENGTHS = [200, 500, 1500]
SPLITS = ["dev", "held-out"]
CONFIGS = ["none", "thesaurus"]

# --------------------------------------------------------------- table draws

FROM_MIN = 10_000   # per billion: the replaced word is a common word
TO_MIN = 1_000      # per billion: the replacement is a word people use
TOP_EXCLUDED = 60   # the language's most frequent words (function words) are never replaced
K_RANGE = (8, 25)


class Lexicon:
    def __init__(self, lang, thesaurus_path):
        lang = base(lang)
        self.lang = lang
        self.freq = read_dictionary(lang)
        top = sorted(self.freq.items(), key=lambda kv: -kv[1])[:TOP_EXCLUDED]
        self.top = {w for w, _ in top}
        self.syn = read_mythes(thesaurus_path)
        self.function_words = set(FUNCTION_WORDS[lang])

    def frequency(self, word):
        """The dictionary's frequency for WORD (its lowercase form, or the
        form itself: the lists hold some capitalised entries)."""
        return max(self.freq.get(word.lower(), 0), self.freq.get(word, 0))

    def synonyms(self, form):
        """Single-word synonyms of FORM usable as its replacement: listed in
        FORM's entry and FORM in theirs, same case class, in textmend's
        dictionary at TO_MIN or more, no function word."""
        out = []
        for s in self.syn.get(form.lower(), ()):
            # Both entries list each other: a synonym, not a word that only
            # shares a broad meaning line.
            if form not in self.syn.get(s.lower(), ()):
                continue
            if form[0].isupper() != s[0].isupper() or not (s.islower() or s[1:].islower()):
                continue
            if self.frequency(s) < TO_MIN or s.lower() in self.function_words:
                continue
            # Not the word itself nor an inflection of it (`Werkzeug`/`Werkzeuge`).
            a, b = sorted((form.lower(), s.lower()), key=len)
            if b.startswith(a) and len(b) - len(a) <= 2:
                continue
            out.append(s)
        return sorted(out)

    def candidates(self, text):
        """[(form, frequency, synonyms)] for the words of TEXT a table may
        replace: lowercase words (German: capitalised nouns too) of 3 or more
        letters, FROM_MIN per billion or more, not among the most frequent
        words, with at least one usable synonym."""
        counts = collections.Counter(recall_texts.WORD.findall(text))
        out = []
        for w in sorted(counts):
            if len(w) < 3 or not w.isalpha():
                continue
            if w.islower():
                pass
            elif self.lang == "de" and w[0].isupper() and w[1:].islower():
                pass
            else:
                continue
            f = self.frequency(w)
            if f < FROM_MIN or w.lower() in self.top or w.lower() in self.function_words:
                continue
            syns = self.synonyms(w)
            if syns:
                out.append((w, f, syns))
        return out


def draw_table(lexicon, text, rng):
    """A random spinner table for TEXT: k pairs (k uniform in 8..25, fewer
    when the text offers fewer), the replaced words drawn without replacement
    with weight sqrt(frequency) (real tables favour common words), each
    replacement drawn with weight sqrt(frequency) among its synonyms; no
    replacement is a replaced word of the table or repeats another one."""
    candidates = lexicon.candidates(text)
    k = rng.randint(*K_RANGE)
    table, froms, tos = [], set(), set()
    pool = list(candidates)
    while pool and len(table) < k:
        weights = [math.sqrt(f) for _, f, _ in pool]
        i = rng.choices(range(len(pool)), weights=weights)[0]
        form, _, syns = pool.pop(i)
        if form in tos:
            continue
        usable = [s for s in syns if s not in froms and s not in tos and s != form]
        if not usable:
            continue
        to = rng.choices(usable, weights=[math.sqrt(lexicon.frequency(s)) for s in usable])[0]
        table.append((form, to))
        froms.add(form)
        tos.add(to)
    # A replacement must not be a replaced word (no chains).
    return [(a, b) for a, b in table if b not in froms]


# ------------------------------------------------- the spinner, for analysis

def inflections(word):
    """corrupt.rs's inflections(): -s, -ed, -ing by the usual rules."""
    stem_y = word[:-1] if word.endswith("y") else word
    consonant_y = len(word) > 1 and word.endswith("y") and not stem_y.endswith(tuple("aeiou"))
    stem_e = word[:-1] if word.endswith("e") else word
    sibilant = word.endswith(("s", "x", "z", "ch", "sh"))
    return [
        stem_y + "ies" if consonant_y else (word + "es" if sibilant else word + "s"),
        stem_y + "ied" if consonant_y else stem_e + "ed",
        stem_e + "ing",
    ]


def spin_word(word, table):
    """(spun word, [(from, to, start)]) with leftmost-longest, one pass, as
    corrupt::spin does (on one word)."""
    froms = sorted({a for a, _ in table}, key=len, reverse=True)
    to = dict(table)
    out, hits, i = [], [], 0
    while i < len(word):
        for a in froms:
            if word.startswith(a, i):
                out.append(to[a])
                hits.append((a, to[a], i))
                i += len(a)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out), hits


def word_hits(truth_token, table):
    """The table pairs that damaged TRUTH_TOKEN, as (from, to, context
    letters left unchanged, via an inflection)."""
    forms = {}
    for a, b in table:
        for x, y in zip(inflections(a), inflections(b)):
            if a not in x:
                forms[x] = (a, b, y)
    result = []
    for word in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", truth_token):
        if word in forms:
            a, b, _ = forms[word]
            result.append((a, b, 0, True))
            continue
        spun, hits = spin_word(word, table)
        for a, b, _ in hits:
            context = len(word) - sum(len(x) for x, _, _ in hits)
            result.append((a, b, context, False))
    return result


# ---------------------------------------------------------------- one draw

def run_eval(binary, lang, text_path, table_path, seed, thesaurus, save):
    cmd = [binary, "eval", "--corrupt", "spinner", "--table", table_path, "--format", "json",
           "--seed", str(seed), "--lang", lang, "-q", "--save", save]
    if thesaurus:
        cmd += ["--thesaurus", f"{lang}={thesaurus}"]
    cmd.append(text_path)
    started = time.time()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    result["wall"] = time.time() - started
    return result


def analyse(lang, lexicon, table, save_dir, stem, result, en_related):
    """Per missed or wrongly repaired non-word token of one run: its class
    (see classify()). Reads the files eval --save wrote."""
    def read(kind):
        with open(os.path.join(save_dir, f"{stem}.{kind}.txt"), encoding="utf-8") as f:
            return f.read().split()
    truth, corrupt, repaired = read("truth"), read("corrupt"), read("textmend")
    if not (len(truth) == len(corrupt) == len(repaired)):
        return {"unaligned": 1}
    freq = lexicon.freq

    def known(w):
        return w.lower() in freq or w.strip("'’").lower() in freq

    def non_word(token):
        return any(not known(w) for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", token))

    learned = collections.Counter()
    for rule, s in (result.get("rules") or {}).items():
        for part in rule.split(" + "):
            a, _, b = part.partition("→")
            learned[(b, a)] += s.get("correct", 0)   # rule to→from restores pair (from, to)
    # Evidence per pair: distinct damaged non-word words that show it.
    evidence = collections.defaultdict(set)
    hits_of = {}
    for i, (t, c) in enumerate(zip(truth, corrupt)):
        if t == c:
            continue
        hits = word_hits(t, table)
        hits_of[i] = hits
        if non_word(c):
            for a, b, _, _ in hits:
                evidence[(a, b)].add(c.lower().strip(".,;:!?\"'()«»“”„"))
    classes = collections.Counter()
    examples = collections.defaultdict(list)
    for i, (t, c, r) in enumerate(zip(truth, corrupt, repaired)):
        if t == c:
            if r != c:
                classes["clean word changed"] += 1
                examples["clean word changed"].append(f"{t}→{r}")
            continue
        if not non_word(c):
            classes["real-word damage (out of scope)" if r != t else "real-word damage repaired"] += 1
            continue
        if r == t:
            classes["fixed"] += 1
            continue
        hits = hits_of.get(i, [])
        cls = classify(lang, hits, learned, evidence, en_related)
        if r != c:
            cls = "wrong repair: " + cls
        classes[cls] += 1
        if len(examples[cls]) < 40:
            pair = ",".join(f"{a}→{b}" for a, b, _, _ in hits)
            examples[cls].append(f"{t}→{c}" + (f"→{r}" if r != c else "") + f" [{pair}]")
    return {"classes": dict(classes), "examples": dict(examples)}


def classify(lang, hits, learned, evidence, en_related):
    if not hits:
        return "other (no table pair found)"
    if len(hits) >= 2:
        return "two or more substitutions in one word"
    a, b, context, inflected = hits[0]
    if inflected:
        return "inflected whole word (the spinner's -s/-ed/-ing forms)"
    if a.lower() in b.lower():
        return "replacement contains the original"
    if context <= 2:
        if learned.get((a, b)):
            return "short context (1-2 letters unchanged), rule learned"
        return "short context (1-2 letters unchanged)"
    if learned.get((a, b)):
        return "rule learned, this word left"
    n = len(evidence.get((a, b), ()))
    if n <= 1:
        return "one damaged word shows the pair"
    if n == 2:
        return "two damaged words show the pair"
    if lang == "en":
        return ("3+ words, not learned, WordNet relates the pair" if en_related(a, b)
                else "3+ words, not learned, pair unrelated by WordNet")
    return "3+ words, not learned"


def en_thesaurus():
    groups = collections.defaultdict(set)
    with open(os.path.join(REPO, "dictionaries", "en-thesaurus.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f):
            for w in line.split():
                groups[w].add(n)
    return lambda a, b: bool(groups.get(a.lower(), set()) & groups.get(b.lower(), set()))
