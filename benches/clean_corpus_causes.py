"""Why clean text yields rules (benches/clean_corpus.py `causes`): the tune
part's false changes grouped by rule, each rule classed by the words it was
learned from (Hunspell, `textmend dict lookup`, code-like neighbours). Kept
apart from the entry script because it is an analysis run by hand.
Python 3 standard library only.
"""

import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

from clean_corpus_build import MOJIBAKE
from clean_corpus_report import textmend_bin
from clean_corpus_sources import CACHE, LANGS

# --------------------------------------------------------------------------
# Why clean text yields rules: group the tune part's false changes by rule and
# classify the evidence each rule was learned from (its example words).
# --------------------------------------------------------------------------
HUNSPELL = {"en": ["en_US"], "de": ["de_DE"], "fr": ["fr_FR"], "es": ["es_ES"], "it": ["it_IT"],
            "pt": ["pt_PT", "pt_BR"], "nl": ["nl_NL"]}
CODE_NEIGHBOURS = set("/_.=$@:<>\\{}[]()`'\"*%#~+-")

CAUSES = [
    ("nfd", "decomposed accents (NFD) read as a glyph confusion: the word is the dictionary word "
            "in another Unicode normalization form"),
    ("mojibake", "real damage: mojibake in the package (a right repair)"),
    ("broken", "a line-end hyphen or a stray space joined (broken-word pass)"),
    ("wrong-language", "words of the document's own language mended as another language's "
                       "(a paragraph's language misjudged; the suspect is a dictionary word of the "
                       "document's language)"),
    ("accents", "accent-less spellings given their accents (`estan → están`): the translator's own "
                "typos, or valid words (`esta`/`está`)"),
    ("identifier", "program, file, option or daemon names (code-like tokens: `systemd`, `groff`, `usr`)"),
    ("english", "English words inside another language"),
    ("compound", "unlisted compounds of dictionary words (German, Dutch)"),
    ("valid-word", "valid words the dictionary lacks (inflections, derivations, rare words; Hunspell "
                   "accepts them)"),
    ("name", "capitalised names and terms no dictionary has"),
    ("other", "other unlisted tokens (jargon, abbreviations, archaic or dialect spellings, typos)"),
]


def hunspell_accepts(lang, words):
    ok = set()
    for d in HUNSPELL[lang]:
        if not os.path.exists(f"/usr/share/hunspell/{d}.dic"):
            continue
        todo = [w for w in words if w not in ok]
        p = subprocess.run(["hunspell", "-d", d, "-l"], input="\n".join(todo) + "\n",
                           capture_output=True, text=True)
        bad = set(p.stdout.split())
        ok |= {w for w in todo if w not in bad}
    return ok


def textmend_lookup(lang, words):
    out = {}
    words = sorted(words)
    for i in range(0, len(words), 500):
        p = subprocess.run([os.path.abspath(textmend_bin()), "dict", "lookup", "--lang", lang, "--"]
                           + words[i:i + 500], capture_output=True, text=True)
        for line in p.stdout.splitlines():
            w, _, what = line.partition("\t")
            out[w] = what
    return out


def identifier_share(word, text):
    n = code = 0
    for m in re.finditer(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text):
        n += 1
        a, b = m.start(), m.end()
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        after2 = text[b + 1] if b + 1 < len(text) else " "
        if before in CODE_NEIGHBOURS or (after in CODE_NEIGHBOURS and not after2.isspace()
                                         and after not in "'\""):
            code += 1
    return code / n if n else 0.0


def cmd_causes(config):
    import unicodedata
    rep = os.path.join(CACHE, "report")
    skip_src = os.environ.get("CAUSES_EXCLUDE")  # a regex of sources to leave out
    rules = []
    seen_rules = set()
    with open(os.path.join(rep, f"rules-{config}.tsv"), encoding="utf-8") as f:
        lines = f.readlines()[1:]
        # in-word rules before their whole-word twins
        lines.sort(key=lambda l: l.split("\t")[6] == "whole-word")
        for line in lines:
            c = line.rstrip("\n").split("\t")
            if int(c[10] or 0) == 0:
                continue
            if skip_src and re.search(skip_src, c[2]):
                continue
            ex = [tuple(x.split("→", 1)) for x in c[11].split("; ") if "→" in x]
            key = (c[1], c[2], c[3], c[4], c[5])
            if key in seen_rules:  # a whole-word twin of an in-word rule: the edits are counted once
                continue
            seen_rules.add(key)
            rules.append(dict(lang=c[1], source=c[2], file=c[3], frm=c[4], to=c[5], kind=c[6],
                              words=c[7], tokens=c[8], edits=int(c[10]), examples=ex))
    # edits by (file, rule) with a sample
    samples = defaultdict(list)
    with open(os.path.join(rep, f"changes-{config}.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            for r in c[10].split(" "):
                samples[(c[1], c[2], c[4], r)].append((c[7], c[8], c[13]))
    by_lang_words = defaultdict(set)
    for r in rules:
        for a, b in r["examples"]:
            by_lang_words[r["lang"]].add(a)
    hun = {l: hunspell_accepts(l, ws) for l, ws in by_lang_words.items()}
    hun_en = hunspell_accepts("en", set().union(*by_lang_words.values()) if by_lang_words else set())
    look = {l: textmend_lookup(l, ws) for l, ws in by_lang_words.items()}
    look_en = textmend_lookup("en", set().union(*by_lang_words.values()) if by_lang_words else set())
    doc_text = {}

    def classify(r, w, restored):
        if unicodedata.normalize("NFC", w) == unicodedata.normalize("NFC", restored) or \
                unicodedata.normalize("NFC", w) != w:
            return "nfd"
        if MOJIBAKE.search(w):
            return "mojibake"
        if r["frm"].endswith("\\n") or "\n" in r["frm"] or r["frm"] in ("\u00ad", " ", "-"):
            return "broken"
        if look[r["lang"]].get(w, "").startswith("known"):
            return "wrong-language"
        strip = lambda x: "".join(c for c in unicodedata.normalize("NFD", x) if not unicodedata.combining(c))
        if strip(w) == strip(restored) and w != restored:
            return "accents"
        key = (r["lang"], r["source"], r["file"])
        if key not in doc_text:
            with open(os.path.join(CACHE, "docs", r["lang"], r["source"], r["file"]), encoding="utf-8") as f:
                doc_text[key] = f.read()
        if re.search(r"[\d_]", w) or identifier_share(w, doc_text[key]) >= 0.2:
            return "identifier"
        lw = w.lower()
        if r["lang"] != "en" and (lw in hun_en or w in hun_en or
                                  look_en.get(w, "").startswith("known") or
                                  look_en.get(w, "").startswith("a dictionary word")):
            return "english"
        what = look[r["lang"]].get(w, "")
        if "compound" in what:
            return "compound"
        if w in hun[r["lang"]]:
            return "valid-word"
        if w[:1].isupper():
            return "name"
        return "other"

    groups = defaultdict(list)
    for r in rules:
        cats = Counter(classify(r, a, b) for a, b in r["examples"]) or Counter(other=1)
        cat = cats.most_common(1)[0][0]
        # evidence families: the examples' words outside the rule's side, up to 2 letters
        fam = set()
        for a, b in r["examples"]:
            i = a.lower().find(r["frm"].lower())
            fam.add((a.lower()[:max(i, 0)], a.lower()[i + len(r["frm"]):][:2] if i >= 0 else a.lower()))
        r["families"] = len(fam)
        r["cats"] = cats
        groups[cat].append(r)
    total = sum(r["edits"] for r in rules)
    out = [f"# Causes of false changes, tune part, configuration `{config}`", "",
           f"{total} changed words from {len(rules)} rules (one rule learned in one document counts once). "
           "Each rule is classed by the words it was learned from (its `examples`): the class most of "
           "them fall in.", "",
           "| cause | rules | changed words | languages | glyph / word-swap rules | rules whose examples are one word's forms |",
           "| --- | ---: | ---: | --- | --- | ---: |"]
    order = [c for c, _ in CAUSES]
    for cat in sorted(groups, key=lambda c: -sum(r["edits"] for r in groups[c])):
        rs = groups[cat]
        langs = Counter()
        for r in rs:
            langs[r["lang"]] += r["edits"]
        kinds = Counter(r["kind"] for r in rs)
        single = sum(1 for r in rs if r["families"] <= 1 and len(r["examples"]) >= 2)
        out.append(f"| {cat}: {dict(CAUSES)[cat]} | {len(rs)} | {sum(r['edits'] for r in rs)} | "
                   + ", ".join(f"{l} {n}" for l, n in langs.most_common()) + " | "
                   + ", ".join(f"{k} {n}" for k, n in kinds.most_common()) + f" | {single} |")
    for cat in sorted(groups, key=lambda c: order.index(c)):
        out += ["", f"## {cat}: {dict(CAUSES)[cat]}", ""]
        for r in sorted(groups[cat], key=lambda r: -r["edits"])[:12]:
            sm = samples.get((r["lang"], r["source"], r["file"], f"{r['frm']}→{r['to']}"), [])
            shown = Counter((a, b) for a, b, _ in sm).most_common(3)
            out.append(f"* {r['lang']} `{r['frm']} → {r['to']}` ({r['kind']}; {r['words']} words, "
                       f"{r['tokens']} tokens) in {r['source']}/{r['file']}: {r['edits']} changed ("
                       + ", ".join(f"{a} → {b} ×{n}" for (a, b), n in shown) + "); learned from "
                       + ", ".join(f"{a}→{b}" for a, b in r["examples"][:6])
                       + f" [{', '.join(f'{k} {v}' for k, v in r['cats'].most_common())}]")

    # What three evidence tests would have stopped (simulated on the change list; a
    # change counts once even when several tests stop it).
    kind_of = {(r["lang"], r["source"], r["file"], r["frm"], r["to"]): r["kind"] for r in rules}
    fams = {(r["lang"], r["source"], r["file"], r["frm"], r["to"]): r for r in rules}
    words_in = {}
    stopped = Counter()
    left = Counter()
    per_lang = Counter()
    with open(os.path.join(rep, f"changes-{config}.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            lang, sid, fn, before, after, rs, dmg = c[1], c[2], c[4], c[7], c[8], c[10].split(" "), c[13]
            if dmg or (skip_src and re.search(skip_src, sid)):
                continue
            per_lang[lang] += 1
            key = (lang, sid, fn)
            if key not in words_in:
                with open(os.path.join(CACHE, "docs", lang, sid, fn), encoding="utf-8") as g:
                    t = g.read()
                words_in[key] = (t, Counter(re.findall(r"\w+", t)))
            t, counts = words_in[key]
            pairs = [tuple(r.split("→", 1)) for r in rs if "→" in r]
            kinds = [kind_of.get(key + p, "?") for p in pairs]
            glyph = bool(kinds) and all(k == "glyph" for k in kinds)
            tests = []
            if unicodedata.normalize("NFC", before) == unicodedata.normalize("NFC", after):
                tests.append("nfc")
            if glyph and any(to and to not in t for _, to in pairs):
                tests.append("glyph-absent")
            if glyph and counts[before] >= 3 and counts[after] == 0:
                tests.append("word-consistent")
            if not glyph and any(fams.get(key + p, {}).get("families", 9) <= 1 for p in pairs):
                tests.append("one-lemma")
            for x in tests:
                stopped[x] += 1
            if tests:
                stopped["any"] += 1
            else:
                left[lang] += 1
    out += ["", "## What evidence tests would have stopped (simulated on this change list)", "",
            "* `nfc`: the change only recomposes accents (`a`+U+0301 → `á`): canonically equivalent "
            "forms are one word; look words up NFC-folded and never rewrite a token whose NFC form "
            f"is a dictionary word — {stopped['nfc']} changes.",
            "* `glyph-absent`: a glyph rule whose restored glyph is printed nowhere in the document "
            "(a scanner hits only a share of a glyph's places, so the glyph stays all over the text; "
            "`a → à` in Italian written without accents, NFD `ó → ó`) — "
            f"{stopped['glyph-absent']} changes.",
            "* `word-consistent`: a glyph rule restoring a word that occurs 3 times or more, always "
            "in the same form, while the restored word never occurs (`systemd` ×233, never "
            "`systems`): a scanner that hits a share h of the places misreads all k of them with "
            f"chance h^k — {stopped['word-consistent']} changes.",
            "* `one-lemma`: a word-swap rule all of whose example words are forms of one word "
            "(`gebündelte`, `gebündelten`, `gebündeltes`: support counted per form, not per "
            f"lemma) — {stopped['one-lemma']} changes.",
            "",
            f"Together: {stopped['any']} of {sum(per_lang.values())} changes (real damage left out). "
            "Left per language: " + ", ".join(f"{l} {left[l]} of {per_lang[l]}" for l in LANGS if per_lang[l]) + "."]
    text = "\n".join(out) + "\n"
    suffix = "-without-" + re.sub(r"\W+", "_", skip_src) if skip_src else ""
    with open(os.path.join(rep, f"causes-{config}{suffix}.md"), "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)
