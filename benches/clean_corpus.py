#!/usr/bin/env python3
"""Clean-text benchmark for textmend (issue #16, deliverable 1): the helper of
benches/clean_corpus.sh. Python 3 standard library only.

Subcommands (the shell script runs them in this order; see benches/clean_corpus.md):

  packages            print the Debian packages to download, one `name=version` a line
  build               turn the extracted packages under $CACHE/x/ into plain UTF-8
                      documents under $CACHE/docs/<lang>/<source>/ and write
                      $CACHE/docs/manifest.tsv (one line per document)
  run                 run $TEXTMEND over every document in every configuration, JSON
                      lines under $CACHE/runs/<config>/<lang>/<source>.jsonl
  report              print the table (changed words per 10,000 per language, source and
                      configuration, tune and held-out apart) and write every change to
                      $CACHE/report/changes-<config>.tsv (tune) and
                      $CACHE/report/held-out/changes-<config>.tsv (held-out)
  sample DIR          write the CI sample slice (~50,000 words per language from the tune
                      part, seeded, whole paragraphs) to DIR/<lang>.txt and DIR/SOURCES.md
  split               print every source with its language, split and why
  causes [CONFIG]     group the tune part's changes by rule, class each rule by the words
                      it was learned from, write $CACHE/report/causes-<config>.md

Documents: one per natural unit (one man page, one HTML page or chapter, one Mallard
page, one fortune file). Every document is UTF-8 with LF line ends, one paragraph per
line and a blank line between paragraphs (textmend's paragraphs are blank-line
separated), ends with a newline. What is kept and dropped is documented in
benches/clean_corpus.md; in short:

  * man pages: `groff -k -K <enc> -Tutf8 -mandoc -rLL=5000n -rHY=0 -P-cbou | col -bx`
    (no line filling, so no hyphenation and one paragraph per line; no overstrike);
    the header and footer lines are dropped, leading indentation is removed.
  * HTML: html.parser; <pre>, scripts, styles, navigation, headers/footers, tables of
    contents and index/search pages are dropped; each block element (p, li, td, h1..h6,
    div, dt, dd, ...) is a paragraph, whitespace runs folded to one space (a no-break
    space is kept as it is).
  * Mallard (GNOME help): the same parser; <info> (credits, licence blurbs), <screen>,
    <media> and block-level <code> are dropped; inline <code>, <cmd>, <gui>... keep
    their text.
  * fortunes: each fortune is a paragraph (its own line breaks kept), `%` lines dropped.

In documents of a translated package, paragraphs of 10 words or more that are in
English (untranslated strings, common in man pages) are dropped, and a document whose
words were mostly English is dropped whole. Paragraphs of 6 words or more that already
occurred earlier in the same source (translation credits repeated in every man page,
licence footers) are dropped too, so that boilerplate does not inflate the word counts.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clean_corpus_build import cmd_build  # noqa: E402
from clean_corpus_causes import cmd_causes  # noqa: E402
from clean_corpus_report import cmd_report, cmd_run  # noqa: E402
from clean_corpus_sample import cmd_sample  # noqa: E402
from clean_corpus_sources import BUILD_VERSION, PACKAGES, SOURCES, split_of  # noqa: E402


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    cmd = sys.argv[1]
    if cmd == "packages":
        for p, v in PACKAGES.items():
            print(f"{p}={v}")
    elif cmd == "build":
        cmd_build()
    elif cmd == "build-version":
        print(BUILD_VERSION)
    elif cmd == "run":
        cmd_run()
    elif cmd == "report":
        cmd_report()
    elif cmd == "sample":
        cmd_sample(sys.argv[2] if len(sys.argv) > 2 else "fixtures/clean/sample")
    elif cmd == "causes":
        cmd_causes(sys.argv[2] if len(sys.argv) > 2 else "auto")
    elif cmd == "split":
        for s in SOURCES:
            sp, why = split_of(s["id"])
            print(f"{s['lang']}\t{s['id']}\t{sp}\t{why}")
    else:
        print(f"unknown command {cmd}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
