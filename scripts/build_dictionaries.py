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
import hashlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_dictionaries_inputs import (  # noqa: E402  (checks for msgpack first)
    DEFAULT_MAX_SIZE, DEFAULT_MIN_FREQ, MISSPELLINGS, MODERN_WORDS, SCOWL_DEB_VERSION, SCOWL_SIZES, SMOKE_IN,
    SMOKE_OUT, SYMSPELLPY_BIGRAMS, SYMSPELLPY_UNIGRAMS, SYMSPELLPY_VERSION, WORDFREQ_ATTRIBUTION, WORDFREQ_EN_SHA256,
    WORDFREQ_MEMBER, WORDFREQ_METADATA, WORDFREQ_VERSION, check_symspellpy, fetch_scowl, fetch_wheel,
    fetch_wordfreq, read_scowl, read_symspellpy, read_wordfreq, read_wordnet_exceptions, resolve_scowl_dirs,
    scowl_deb_version)
import wordnet_thesaurus  # noqa: E402  (scripts/wordnet_thesaurus.py)
from build_dictionaries_readme import extract_attribution, write_readme  # noqa: E402
from build_dictionaries_select import attested_words, build, inflections, ngrams, serialise  # noqa: E402


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
