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
import hashlib
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_dictionaries_inputs import (  # noqa: E402  (scripts/build_dictionaries_inputs.py)
    LANGUAGES_BEGIN as BEGIN, LANGUAGES_END as END, WORDFREQ_ATTRIBUTION,
    WORDFREQ_METADATA, WORDFREQ_VERSION, fetch_wheel, read_wordfreq)
from build_dictionaries_readme import extract_attribution  # noqa: E402
from build_dictionaries_select import serialise  # noqa: E402
from readme_section import write_readme_section  # noqa: E402  (scripts/readme_section.py)
from build_language_dictionaries_words import (  # noqa: E402
    DEFAULT_MIN_FREQ, GERMAN_NOUNS_LICENSE_MEMBER, GERMAN_NOUNS_MEMBER, GERMAN_NOUNS_VERSION, LANGUAGES,
    THRESHOLDS_MEASURED, WDUTCH_DEB_VERSION, WSPANISH_DEB_VERSION, build_language, coverage, deb_version,
    fetch_deb, one_edit_hits, read_german_nouns, read_word_list)
from build_language_dictionaries_readme import readme_section  # noqa: E402


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
