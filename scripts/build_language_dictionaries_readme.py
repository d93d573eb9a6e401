"""The README section of scripts/build_language_dictionaries.py: the part of
dictionaries/README.md between the LANGUAGES_BEGIN and LANGUAGES_END markers
(sources, licences, recipe, measurements). Kept apart from the entry script
because it is long text.
"""

from __future__ import annotations

import hashlib
import math

from build_dictionaries_inputs import LANGUAGES_BEGIN as BEGIN, LANGUAGES_END as END
from build_dictionaries_readme import fenced
from build_language_dictionaries_words import (
    ACCENT_RATIO, APOSTROPHE_MIN_FREQ, CLITICS, CURATED_MIN_FREQ, ENGLISH_RATIO, LANGUAGE_NAMES, LANGUAGES,
    MAX_CHARS, SHORT_WORDS, SIZE_BUDGET, Lookup, splits_as_compound)

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
    rejected = [
        ("Accent-less spellings rejected (highest rival frequency first, up to 15 per language):",
         "accent", lambda w, f, r: f"`{w}` ({fmt(f)} vs {fmt(r)})"),
        ("Mainly-English words rejected (highest English frequency first, up to 15 per language):",
         "english", lambda w, f, r: f"`{w}`"),
    ]
    for title, kind, show in rejected:
        a(title)
        a("")
        for lang in LANGUAGES:
            ex = results[lang]["examples"][kind][:15]
            a(f"* {LANGUAGE_NAMES[lang]}: " + (", ".join(show(w, f, r) for w, f, r in ex) or "(none)"))
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

