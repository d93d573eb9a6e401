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

import glob
import gzip
import hashlib
import html
import html.parser
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor

CACHE = os.environ.get("CLEAN_CORPUS_CACHE", "/work/data/clean-corpus")
# Bump when the extraction changes (the shell script rebuilds the documents then).
BUILD_VERSION = "1"
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl"]

# --------------------------------------------------------------------------
# Packages (versions as measured on Debian 12 "bookworm"; the shell script asks
# for exactly these and falls back to the current candidate with a warning).
# --------------------------------------------------------------------------
PACKAGES = {
    "manpages": "6.03-2",
    "manpages-dev": "6.03-2",
    "manpages-de": "4.18.1-1",
    "manpages-de-dev": "4.18.1-1",
    "manpages-fr": "4.18.1-1",
    "manpages-fr-dev": "4.18.1-1",
    "manpages-es": "4.18.1-1",
    "manpages-es-dev": "4.18.1-1",
    "manpages-it": "4.18.1-1",
    "manpages-it-dev": "4.18.1-1",
    "manpages-pt-br": "4.18.1-1",
    "manpages-pt-br-dev": "4.18.1-1",
    "manpages-nl": "4.18.1-1",
    "manpages-nl-dev": "4.18.1-1",
    "dpkg": "1.21.23",
    "apt": "2.6.2",
    "dpkg-dev": "1.21.23",
    "debconf-doc": "1.5.82",
    "po4a": "0.69-1",
    "debhelper": "13.11.4",
    "man-db": "2.11.2-2",
    "devscripts": "2.23.4+deb12u2",
    "libreoffice-help-en-us": "4:7.4.7-1+deb12u14",
    "libreoffice-help-de": "4:7.4.7-1+deb12u14",
    "libreoffice-help-fr": "4:7.4.7-1+deb12u14",
    "libreoffice-help-es": "4:7.4.7-1+deb12u14",
    "libreoffice-help-it": "4:7.4.7-1+deb12u14",
    "libreoffice-help-pt": "4:7.4.7-1+deb12u14",
    "libreoffice-help-pt-br": "4:7.4.7-1+deb12u14",
    "libreoffice-help-nl": "4:7.4.7-1+deb12u14",
    "gimp-help-common": "2.10.34-2",  # only for its copyright file
    "gimp-help-en": "2.10.34-2",
    "gimp-help-de": "2.10.34-2",
    "gimp-help-fr": "2.10.34-2",
    "gimp-help-es": "2.10.34-2",
    "gimp-help-it": "2.10.34-2",
    "gimp-help-pt": "2.10.34-2",
    "gimp-help-pt-br": "2.10.34-2",
    "gimp-help-nl": "2.10.34-2",
    "gnome-user-docs": "43.0-2",
    "installation-guide-amd64": "20230508+deb12u1",
    "harden-doc": "3.19+nmu1",
    "debian-policy": "4.6.2.0",
    "debian-history": "2.28",
    "live-manual-html": "2:20151217.2",
    "debian-reference-en": "2.100",
    "debian-reference-de": "2.100",
    "debian-reference-fr": "2.100",
    "debian-reference-es": "2.100",
    "debian-reference-it": "2.100",
    "debian-reference-pt": "2.100",
    "debian-reference-pt-br": "2.100",
    "maint-guide": "1.2.53",
    "maint-guide-de": "1.2.53",
    "maint-guide-fr": "1.2.53",
    "maint-guide-es": "1.2.53",
    "maint-guide-it": "1.2.53",
    "developers-reference": "12.18",
    "developers-reference-de": "12.18",
    "developers-reference-fr": "12.18",
    "developers-reference-it": "12.18",
    "debian-edu-doc-en": "2.12.23~deb12u1",
    "debian-edu-doc-de": "2.12.23~deb12u1",
    "debian-edu-doc-fr": "2.12.23~deb12u1",
    "debian-edu-doc-es": "2.12.23~deb12u1",
    "debian-edu-doc-it": "2.12.23~deb12u1",
    "debian-edu-doc-nl": "2.12.23~deb12u1",
    "debian-edu-doc-pt-pt": "2.12.23~deb12u1",
    "debian-edu-doc-pt-br": "2.12.23~deb12u1",
    "aptitude-doc-en": "0.8.13-5",
    "aptitude-doc-fr": "0.8.13-5",
    "aptitude-doc-es": "0.8.13-5",
    "aptitude-doc-it": "0.8.13-5",
    "aptitude-doc-nl": "0.8.13-5",
    "fortunes": "1:1.99.1-7.3",
    "fortunes-de": "0.35-1",
    "fortunes-it": "1.99-4.1",
    "fortunes-es": "1.36",
    "fortunes-br": "20220821",
}

TOOL_MAN_PKGS = ["dpkg", "apt", "dpkg-dev", "debconf-doc", "po4a", "debhelper", "man-db", "devscripts"]

# Pages that are navigation, not text.
NAV_PAGES = r"(^|/)(index|toc|genindex|search|py-modindex|searchindex)(\.[a-zA-Z_-]+)?\.html$"


def S(sid, lang, kind, pkgs, pats, exclude=None, genre="manual", note=""):
    return dict(id=sid, lang=lang, kind=kind, pkgs=pkgs, pats=pats,
                exclude=exclude, genre=genre, note=note)


def build_sources():
    out = []
    # Man pages of the manpages-l10n project (and the English originals).
    out.append(S("manpages", "en", "man", ["manpages"], ["usr/share/man/man*/*"], genre="man"))
    out.append(S("manpages-dev", "en", "man", ["manpages-dev"], ["usr/share/man/man*/*"], genre="man"))
    for lang, pk, d in [("de", "de", "de"), ("fr", "fr", "fr"), ("es", "es", "es"),
                        ("it", "it", "it"), ("pt", "pt-br", "pt_BR"), ("nl", "nl", "nl")]:
        for suf in ["", "-dev"]:
            p = f"manpages-{pk}{suf}"
            out.append(S(p, lang, "man", [p], [f"usr/share/man/{d}/man*/*"], genre="man"))
    # Man pages that Debian's own tools ship, translated by Debian's l10n teams.
    out.append(S("debian-tools-man.en", "en", "man", TOOL_MAN_PKGS, ["usr/share/man/man*/*"], genre="man"))
    for lang, dirs in [("de", ["de"]), ("fr", ["fr"]), ("es", ["es"]), ("it", ["it"]),
                       ("pt", ["pt", "pt_BR"]), ("nl", ["nl"])]:
        out.append(S(f"debian-tools-man.{lang}", lang, "man", TOOL_MAN_PKGS,
                     [f"usr/share/man/{d}/man*/*" for d in dirs], genre="man"))
    # LibreOffice help (one HTML page per help topic).
    for lang, pk, d in [("en", "en-us", "en-US"), ("de", "de", "de"), ("fr", "fr", "fr"),
                        ("es", "es", "es"), ("it", "it", "it"), ("pt", "pt", "pt"),
                        ("pt", "pt-br", "pt-BR"), ("nl", "nl", "nl")]:
        p = f"libreoffice-help-{pk}"
        out.append(S(p, lang, "html", [p], [f"usr/share/libreoffice/help/{d}/text/**/*.html"]))
    # GIMP user manual (one HTML page per section).
    for lang, pk, d in [("en", "en", "en"), ("de", "de", "de"), ("fr", "fr", "fr"),
                        ("es", "es", "es"), ("it", "it", "it"), ("pt", "pt", "pt"),
                        ("pt", "pt-br", "pt_BR"), ("nl", "nl", "nl")]:
        p = f"gimp-help-{pk}"
        out.append(S(p, lang, "html", [p], [f"usr/share/gimp/2.0/help/{d}/*.html"]))
    # GNOME desktop help (Mallard pages).
    for lang, d in [("en", "C"), ("de", "de"), ("fr", "fr"), ("es", "es"), ("it", "it"),
                    ("pt", "pt"), ("pt", "pt_BR"), ("nl", "nl")]:
        out.append(S(f"gnome-user-docs.{d}", lang, "mallard", ["gnome-user-docs"],
                     [f"usr/share/help/{d}/gnome-help/*.page"]))
    # Debian installation guide (one HTML page per section).
    for lang in ["en", "de", "fr", "es", "it", "pt", "nl"]:
        out.append(S(f"installation-guide.{lang}", lang, "html", ["installation-guide-amd64"],
                     [f"usr/share/doc/installation-guide-amd64/{lang}/*.html"]))
    # Securing Debian Manual.
    for lang, d in [("en", "en-US"), ("de", "de-DE"), ("fr", "fr-FR"), ("es", "es-ES"),
                    ("it", "it-IT"), ("pt", "pt-BR")]:
        out.append(S(f"harden-doc.{lang}", lang, "html", ["harden-doc"],
                     [f"usr/share/doc/harden-doc/html/{d}/*.html"]))
    # A short history of Debian.
    for lang in ["en", "de", "fr", "es", "it", "pt"]:
        out.append(S(f"debian-history.{lang}", lang, "html", ["debian-history"],
                     [f"usr/share/doc/debian-history/docs/*.{lang}.html"]))
    # Debian Live manual.
    for lang, d in [("en", "en"), ("de", "de"), ("fr", "fr"), ("es", "es"), ("it", "it"),
                    ("pt", "pt_BR")]:
        out.append(S(f"live-manual.{lang}", lang, "html", ["live-manual-html"],
                     [f"usr/share/doc/live-manual/html/live-manual/*.{d}.html"]))
    # Debian Policy (English only).
    out.append(S("debian-policy", "en", "html", ["debian-policy"],
                 ["usr/share/doc/debian-policy/policy.html/*.html"]))
    # Debian Reference (one HTML page per chapter).
    for lang, pk, suf in [("en", "en", "en"), ("de", "de", "de"), ("fr", "fr", "fr"),
                          ("es", "es", "es"), ("it", "it", "it"), ("pt", "pt", "pt"),
                          ("pt", "pt-br", "pt-br")]:
        p = f"debian-reference-{pk}"
        out.append(S(p, lang, "html", [p], [f"usr/share/debian-reference/*.{suf}.html"]))
    # New Maintainers' Guide.
    out.append(S("maint-guide", "en", "html", ["maint-guide"], ["usr/share/doc/maint-guide/html/*.en.html"]))
    for lang in ["de", "fr", "es", "it"]:
        p = f"maint-guide-{lang}"
        out.append(S(p, lang, "html", [p], [f"usr/share/doc/{p}/html/*.{lang}.html"]))
    # Developer's Reference (Sphinx, one page per chapter; the one-page edition is skipped).
    out.append(S("developers-reference", "en", "html", ["developers-reference"],
                 ["usr/share/developers-reference/*.html"],
                 exclude=r"developers-reference\.html$"))
    for lang in ["de", "fr", "it"]:
        p = f"developers-reference-{lang}"
        out.append(S(p, lang, "html", [p], [f"usr/share/developers-reference/{lang}/*.html"],
                     exclude=r"developers-reference\.html$"))
    # Debian Edu manual (the bookworm edition; the bullseye one beside it is older text).
    for lang, pk in [("en", "en"), ("de", "de"), ("fr", "fr"), ("es", "es"), ("it", "it"),
                     ("nl", "nl"), ("pt", "pt-pt"), ("pt", "pt-br")]:
        p = f"debian-edu-doc-{pk}"
        out.append(S(p, lang, "html", [p], [f"usr/share/doc/{p}/debian-edu-bookworm-manual.html"]))
    # aptitude user's manual.
    for lang in ["en", "fr", "es", "it", "nl"]:
        p = f"aptitude-doc-{lang}"
        d = "en" if lang == "en" else lang
        out.append(S(p, lang, "html", [p], [f"usr/share/doc/aptitude/html/{d}/*.html"]))
    # Fortune cookies: quotations, jokes, proverbs, poems.
    out.append(S("fortunes", "en", "fortune", ["fortunes"], ["usr/share/games/fortunes/*"], genre="quotes"))
    out.append(S("fortunes-de", "de", "fortune", ["fortunes-de"], ["usr/share/games/fortunes/de/*"], genre="quotes"))
    out.append(S("fortunes-it", "it", "fortune", ["fortunes-it"], ["usr/share/games/fortunes/it/*"], genre="quotes"))
    out.append(S("fortunes-es", "es", "fortune", ["fortunes-es"], ["usr/share/games/fortunes/es/*"], genre="quotes"))
    out.append(S("fortunes-br", "pt", "fortune", ["fortunes-br"], ["usr/share/games/fortunes/brasil"], genre="quotes"))
    return out


SOURCES = build_sources()
SOURCE_BY_ID = {s["id"]: s for s in SOURCES}

# --------------------------------------------------------------------------
# The split: which (language, source) is `tune` and which `held-out`.
#
# Rule (applied once, on the word counts of the first build, then frozen in
# HELD_OUT below so that a later change of extraction cannot move a source
# across): per language, sources are taken in the order of
# sha256("textmend-clean-bench/" + source id); a source goes to held-out when
# that keeps the held-out part at or below 40% of the language's words, until
# the held-out part reaches 30%. Sources whose false changes developers have
# already looked at (ALREADY_SEEN) are never held out. A source added later
# and not listed here is held out when the first byte of its hash is below 86
# (about one in three).
# --------------------------------------------------------------------------
ALREADY_SEEN = {
    # The README's "12 held-out texts" row (measured and tuned against before this
    # benchmark existed): Maintainers' Guide and Developer's Reference in de, fr, es,
    # it; Debian Reference es, it, pt; Debian Edu manual de; aptitude manual nl.
    "maint-guide-de", "maint-guide-fr", "maint-guide-es", "maint-guide-it",
    "developers-reference-de", "developers-reference-fr", "developers-reference-it",
    "debian-reference-es", "debian-reference-it", "debian-reference-pt",
    "debian-edu-doc-de", "aptitude-doc-nl",
}

HELD_OUT = {
    "en": ["gnome-user-docs.C", "fortunes", "harden-doc.en", "debian-reference-en", "manpages"],
    "de": ["harden-doc.de", "gimp-help-de", "installation-guide.de", "libreoffice-help-de"],
    "fr": ["gnome-user-docs.fr", "debian-history.fr", "live-manual.fr", "installation-guide.fr",
           "harden-doc.fr", "libreoffice-help-fr"],
    "es": ["debian-history.es", "live-manual.es", "manpages-es-dev", "installation-guide.es",
           "harden-doc.es", "gnome-user-docs.es", "debian-edu-doc-es", "fortunes-es",
           "aptitude-doc-es", "debian-tools-man.es"],
    "it": ["gnome-user-docs.it", "libreoffice-help-it"],
    "pt": ["fortunes-br", "manpages-pt-br-dev", "debian-edu-doc-pt-pt", "debian-tools-man.pt",
           "installation-guide.pt", "gnome-user-docs.pt", "live-manual.pt", "gimp-help-pt",
           "gimp-help-pt-br"],
    "nl": ["debian-tools-man.nl", "installation-guide.nl", "manpages-nl-dev",
           "debian-edu-doc-nl", "gimp-help-nl"],
}
HELD_OUT_SET = {s for v in HELD_OUT.values() for s in v}
# Every other source present when the split was frozen is `tune`.
TUNE_FROZEN = set("""
manpages-dev debian-tools-man.en libreoffice-help-en-us gimp-help-en installation-guide.en
harden-doc.en debian-history.en live-manual.en debian-policy developers-reference maint-guide
debian-edu-doc-en aptitude-doc-en
manpages-de manpages-de-dev debian-tools-man.de gnome-user-docs.de debian-history.de
debian-reference-de
manpages-fr manpages-fr-dev debian-tools-man.fr gimp-help-fr debian-reference-fr aptitude-doc-fr
debian-edu-doc-fr
manpages-es debian-tools-man.es libreoffice-help-es gimp-help-es
manpages-it manpages-it-dev debian-tools-man.it gimp-help-it installation-guide.it harden-doc.it
debian-history.it live-manual.it aptitude-doc-it fortunes-it debian-edu-doc-it
manpages-pt-br libreoffice-help-pt libreoffice-help-pt-br gnome-user-docs.pt_BR harden-doc.pt debian-history.pt
debian-reference-pt-br debian-edu-doc-pt-br
manpages-nl libreoffice-help-nl gnome-user-docs.nl
""".split())


def split_of(sid):
    if sid in ALREADY_SEEN:
        return "tune", "already seen while tuning"
    if sid in HELD_OUT_SET:
        return "held-out", "frozen split (hash order, ~1/3 of the words)"
    if sid in TUNE_FROZEN:
        return "tune", "frozen split (hash order, ~1/3 of the words)"
    h = hashlib.sha256(("textmend-clean-bench/" + sid).encode()).digest()[0]
    return ("held-out" if h < 86 else "tune"), f"new source, hash byte {h}"


# --------------------------------------------------------------------------
# Language checks: function words. A paragraph of 10+ words in a non-English
# document is English when at least 12% of its words are English function words
# and that share is more than twice its share of the document language's ones.
# --------------------------------------------------------------------------
STOP = {
    "en": "the of and to in is that for it with as on are this be by from or an not can which "
          "you if was will have has all when its their they this these into there been would "
          "should must may only also than other such but each used use",
    "de": "der die das und ist nicht den dem des ein eine einen einem einer zu mit von auf für "
          "sich auch werden wird wenn oder kann können sie ich es bei nach aus wie nur noch "
          "diese dieser dieses werden sind wurde",
    "fr": "le la les de des du un une et est pour que qui dans sur pas par avec ce cette ces "
          "sont être peut il elle ou au aux se ne plus vous si son sa",
    "es": "el la los las de del un una y es para que en por con no se su sus al lo como "
          "este esta puede más o si ser son cuando usted",
    "it": "il lo la gli le di del della dei delle un una e è per che in non con si da al "
          "alla come questo questa può sono essere o se nel nella anche",
    "pt": "o a os as de do da dos das um uma e é para que em não com se por no na ao como "
          "este esta pode são ser ou mais seu sua você",
    "nl": "de het een en van is in dat die niet op te voor met zijn als er aan worden wordt "
          "kan bij of ook deze dit om naar u uw dan",
}
STOPSETS = {k: set(v.split()) for k, v in STOP.items()}
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_english_paragraph(text, lang):
    if lang == "en":
        return False
    words = [w.lower() for w in WORD_RE.findall(text)]
    if len(words) < 10:
        return False
    en = STOPSETS["en"] - STOPSETS[lang]
    tl = STOPSETS[lang] - STOPSETS["en"]
    ne = sum(w in en for w in words)
    nt = sum(w in tl for w in words)
    return ne >= 0.12 * len(words) and ne > 2 * nt


def wc(text):
    """Words as `wc -w` counts them in a UTF-8 locale (Python's str.split() gives the same
    count: runs of characters between Unicode white space, no-break spaces included)."""
    return len(text.split())


# --------------------------------------------------------------------------
# Extractors
# --------------------------------------------------------------------------
FOLD_WS = re.compile(r"[ \t\r\n\f\v]+")


class BlockText(html.parser.HTMLParser):
    """Text of an HTML or Mallard document, one paragraph per block element."""

    HTML_BLOCK = set("p div h1 h2 h3 h4 h5 h6 li dt dd td th tr table ul ol dl blockquote br hr "
                     "section article caption figure figcaption address center title body".split())
    HTML_SKIP = set("script style head nav header footer aside pre noscript svg math button "
                    "select textarea object iframe map".split())
    SKIP_CLASSES = ("navheader", "navfooter", "toc", "sphinxsidebar", "related", "footer",
                    "breadcrumb", "headerlink", "navigation", "highlight", "literal-block",
                    "programlisting", "screen", "synopsis", "bascode", "example", "indexterm",
                    "legalnotice", "copyright", "header", "contents-treeview", "index-label")
    MALLARD_BLOCK = set("p title item td th tr note section page list terms tree steps "
                        "table links subtitle desc quote example figure comment".split())
    MALLARD_SKIP = set("info screen media synopsis comment".split())

    def __init__(self, mallard=False):
        super().__init__(convert_charrefs=True)
        self.mallard = mallard
        self.block = self.MALLARD_BLOCK if mallard else self.HTML_BLOCK
        self.skip = self.MALLARD_SKIP if mallard else self.HTML_SKIP
        self.stack = []          # (tag, skipping?)
        self.skipping = 0
        self.in_p = 0
        self.cur = []
        self.paras = []

    def flush(self):
        t = FOLD_WS.sub(" ", "".join(self.cur)).strip(" ")
        if t:
            self.paras.append(t)
        self.cur = []

    def _skips(self, tag, attrs):
        if tag in self.skip:
            return True
        if self.mallard:
            # block-level code (outside a paragraph or title) is a listing
            return tag == "code" and self.in_p == 0
        cls = " ".join(v for k, v in attrs if k in ("class", "id") and v)
        if cls and any(c in cls for c in self.SKIP_CLASSES):
            return True
        return False

    VOID = set("br hr img meta link input area base col embed param source track wbr".split())

    def handle_starttag(self, tag, attrs):
        if not self.mallard and tag in self.VOID:
            if tag in ("br", "hr") and not self.skipping:
                self.flush()
            return
        sk = self._skips(tag, attrs)
        if tag in self.block and not self.skipping:
            self.flush()
        self.stack.append((tag, sk))
        if sk:
            self.skipping += 1
        if tag in ("p", "title", "td", "th") or (not self.mallard and tag in ("li", "dt", "dd")):
            self.in_p += 1

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr") and not self.skipping:
            self.flush()

    def handle_endtag(self, tag):
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, sk = self.stack.pop()
            if sk:
                self.skipping -= 1
            if t in ("p", "title", "td", "th") or (not self.mallard and t in ("li", "dt", "dd")):
                self.in_p -= 1
            if t in self.block and not self.skipping:
                self.flush()
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            self.cur.append(data)

    def result(self):
        self.flush()
        return self.paras


def extract_html(path, mallard=False):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    p = BlockText(mallard=mallard)
    p.feed(text)
    p.close()
    return p.result(), None


def man_encoding(raw):
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "latin-1"


def extract_man(path):
    raw = open(path, "rb").read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    head = raw[:200].lstrip()
    if head.startswith(b".so ") and raw.count(b"\n") <= 3:
        return None, "a .so link"
    enc = man_encoding(raw)
    env = dict(os.environ, LC_ALL="C.UTF-8")
    try:
        g = subprocess.run(["groff", "-k", "-K", enc, "-Tutf8", "-mandoc", "-rLL=5000n", "-rHY=0",
                            "-P-cbou"], input=raw, capture_output=True, env=env, timeout=120)
        c = subprocess.run(["col", "-bx"], input=g.stdout, capture_output=True, env=env, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "groff timed out"
    try:
        out = c.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None, "groff output not UTF-8"
    lines = [l.rstrip() for l in out.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) < 3:
        return None, "empty"
    lines = lines[1:-1]  # the header and footer lines
    paras, cur = [], []
    for l in lines:
        s = l.strip()
        if not s:
            if cur:
                paras.append("\n".join(cur))
                cur = []
        else:
            cur.append(s)
    if cur:
        paras.append("\n".join(cur))
    return paras, None


def extract_fortune(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    paras = []
    for chunk in re.split(r"(?m)^%%?\s*$", text):
        lines = [l.rstrip() for l in chunk.strip("\n").split("\n")]
        lines = [l for l in lines if l.strip()]
        if lines:
            paras.append("\n".join(lines))
    return paras, None


def source_files(src):
    files = []
    for pkg in src["pkgs"]:
        root = os.path.join(CACHE, "x", pkg)
        for pat in src["pats"]:
            for f in sorted(glob.glob(os.path.join(root, pat), recursive=True)):
                rel = os.path.relpath(f, root)
                if os.path.islink(f) or not os.path.isfile(f):
                    continue
                if src["kind"] == "html" and re.search(NAV_PAGES, rel):
                    continue
                if src["kind"] == "fortune" and (rel.endswith(".dat") or rel.endswith(".u8")):
                    continue
                if src["exclude"] and re.search(src["exclude"], rel):
                    continue
                files.append((pkg, rel, f))
    return files


MOJIBAKE = re.compile("[ÃÂÅ][\u0080-\u00bf]|â€|\ufffd")


def build_one(args):
    sid, pkg, rel, path = args
    src = SOURCE_BY_ID[sid]
    kind = src["kind"]
    if kind == "man":
        paras, why = extract_man(path)
    elif kind == "html":
        paras, why = extract_html(path)
    elif kind == "mallard":
        paras, why = extract_html(path, mallard=True)
    else:
        paras, why = extract_fortune(path)
    return sid, pkg, rel, paras, why


def doc_name(pkg, rel):
    base = rel
    for pre in ("usr/share/man/", "usr/share/doc/", "usr/share/"):
        if base.startswith(pre):
            base = base[len(pre):]
            break
    base = re.sub(r"\.gz$", "", base)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", base)
    return name[-150:] + ".txt"


def cmd_build():
    docs_root = os.path.join(CACHE, "docs")
    jobs = []
    only = os.environ.get("ONLY_SOURCES")
    if not only and os.path.isdir(docs_root):
        import shutil
        shutil.rmtree(docs_root)
    for src in SOURCES:
        if only and not re.search(only, src["id"]):
            continue
        for pkg, rel, path in source_files(src):
            jobs.append((src["id"], pkg, rel, path))
    print(f"build: {len(jobs)} input files from {len(SOURCES)} sources", file=sys.stderr)
    t0 = time.time()
    with ProcessPoolExecutor(max_workers=int(os.environ.get("JOBS", "2"))) as ex:
        results = list(ex.map(build_one, jobs, chunksize=8))
    print(f"build: extracted in {time.time() - t0:.0f} s", file=sys.stderr)
    manifest = []
    stats = defaultdict(Counter)
    seen_paras = defaultdict(set)
    for sid, pkg, rel, paras, why in results:
        src = SOURCE_BY_ID[sid]
        lang = src["lang"]
        st = stats[sid]
        st["files"] += 1
        if paras is None:
            st["skipped: " + why] += 1
            continue
        total = sum(wc(p) for p in paras)
        kept, english, dup = [], 0, 0
        for p in paras:
            if is_english_paragraph(p, lang):
                english += wc(p)
                continue
            if wc(p) >= 6:
                key = FOLD_WS.sub(" ", p)
                if key in seen_paras[sid]:
                    dup += wc(p)
                    continue
                seen_paras[sid].add(key)
            kept.append(p)
        st["english words dropped"] += english
        st["duplicate words dropped"] += dup
        if total and english > 0.5 * total:
            st["skipped: mostly English"] += 1
            continue
        text = "\n\n".join(kept).strip("\n")
        n = wc(text)
        if n < 20:
            st["skipped: under 20 words"] += 1
            continue
        text += "\n"
        st["mojibake-like sequences"] += len(MOJIBAKE.findall(text))
        name = doc_name(pkg, rel)
        d = os.path.join(docs_root, lang, sid)
        os.makedirs(d, exist_ok=True)
        out = os.path.join(d, name)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        manifest.append((lang, sid, split_of(sid)[0], os.path.relpath(out, docs_root), n, pkg, rel))
        st["docs"] += 1
        st["words"] += n
    log_rows = [(sid, k, v) for sid in stats for k, v in stats[sid].items()]
    if only and os.path.exists(os.path.join(docs_root, "manifest.tsv")):
        # A partial rebuild: keep the other sources' rows.
        rebuilt = {s["id"] for s in SOURCES if re.search(only, s["id"])}
        for r in read_manifest():
            if r["source"] not in rebuilt:
                manifest.append((r["lang"], r["source"], r["split"], r["doc"], r["words"], r["pkg"], r["path"]))
        with open(os.path.join(docs_root, "build-log.tsv"), encoding="utf-8") as f:
            for line in f:
                sid, k, v = line.rstrip("\n").split("\t")
                if sid not in rebuilt:
                    log_rows.append((sid, k, int(v)))
    manifest = [(r[0], r[1], split_of(r[1])[0]) + tuple(r[3:]) for r in manifest]
    manifest.sort()
    with open(os.path.join(docs_root, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("lang\tsource\tsplit\tdoc\twords\tpackage\tpath\n")
        for row in manifest:
            f.write("\t".join(map(str, row)) + "\n")
    with open(os.path.join(docs_root, "build-log.tsv"), "w", encoding="utf-8") as f:
        for sid, k, v in sorted(log_rows):
            f.write(f"{sid}\t{k}\t{v}\n")
    with open(os.path.join(docs_root, ".build-version"), "w") as f:
        f.write(BUILD_VERSION + "\n")
    per_lang = Counter()
    for row in manifest:
        per_lang[row[0]] += row[4]
    for l in LANGS:
        print(f"build: {l}: {per_lang[l]:,} words", file=sys.stderr)


def read_manifest():
    rows = []
    with open(os.path.join(CACHE, "docs", "manifest.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            lang, sid, split, doc, words, pkg, path = line.rstrip("\n").split("\t")
            rows.append(dict(lang=lang, source=sid, split=split, doc=doc, words=int(words),
                             pkg=pkg, path=path))
    return rows


# --------------------------------------------------------------------------
# Running textmend
# --------------------------------------------------------------------------
THESAURUS_FILES = {  # Debian's MyThes thesauri (mythes-de, -fr, -es, -it, -pt-pt)
    "de": "/usr/share/mythes/th_de_DE_v2.dat",
    "fr": "/usr/share/mythes/th_fr_FR_v2.dat",
    "es": "/usr/share/mythes/th_es_ES_v2.dat",
    "it": "/usr/share/mythes/th_it_IT_v2.dat",
    "pt": "/usr/share/mythes/th_pt_PT_v2.dat",
}
CONFIGS = ["auto", "lang", "auto-thes", "lang-thes"]
CONFIG_DESC = {
    "auto": "default: --mode auto, language detected",
    "lang": "--lang L",
    "auto-thes": "--thesaurus L=MyThes (language detected)",
    "lang-thes": "--lang L --thesaurus L=MyThes",
}


def textmend_bin():
    return os.environ.get("TEXTMEND", "target/release/textmend")


def run_tag():
    b = textmend_bin()
    h = hashlib.sha256(open(b, "rb").read()).hexdigest()[:12]
    return f"{os.path.basename(b)}-{h}"


def run_dir():
    return os.path.join(CACHE, "runs", run_tag())


def config_applies(config, lang):
    """Whether a configuration is run for a language (English has its thesaurus
    built in, so its -thes rows are the same runs as without; Dutch has none)."""
    if config.endswith("-thes"):
        return lang in THESAURUS_FILES
    return True


def compiled_thesaurus(lang):
    d = os.path.join(run_dir(), "thes")
    os.makedirs(d, exist_ok=True)
    out = os.path.join(d, f"{lang}.thes")
    if not os.path.exists(out):
        subprocess.run([os.path.abspath(textmend_bin()), "dict", "build", "--thesaurus",
                        THESAURUS_FILES[lang], "-o", out + ".tmp"], check=True,
                       stderr=subprocess.DEVNULL)
        os.rename(out + ".tmp", out)
    return out


def config_args(config, lang):
    args = []
    if config.startswith("lang"):
        args += ["--lang", lang]
    if config.endswith("-thes"):
        args += ["--thesaurus", f"{lang}={compiled_thesaurus(lang)}"]
    return args


def batches(names, max_files=400, max_chars=60000):
    cur, n = [], 0
    for x in names:
        if cur and (len(cur) >= max_files or n + len(x) + 1 > max_chars):
            yield cur
            cur, n = [], 0
        cur.append(x)
        n += len(x) + 1
    if cur:
        yield cur


def cmd_run():
    rows = read_manifest()
    by_src = defaultdict(list)
    for r in rows:
        by_src[(r["lang"], r["source"])].append(os.path.basename(r["doc"]))
    configs = os.environ.get("CONFIGS", " ".join(CONFIGS)).split()
    exe = os.path.abspath(textmend_bin())
    jobs = os.environ.get("JOBS", "2")
    rd = run_dir()
    print(f"run: {exe} -> {rd}", file=sys.stderr)
    for config in configs:
        t0 = time.time()
        words = 0
        for (lang, sid), names in sorted(by_src.items()):
            if not config_applies(config, lang):
                continue
            out = os.path.join(rd, config, lang, sid + ".jsonl")
            if os.path.exists(out):
                continue
            os.makedirs(os.path.dirname(out), exist_ok=True)
            cwd = os.path.join(CACHE, "docs", lang, sid)
            args = [exe, "-q", "--format", "json", "-j", jobs] + config_args(config, lang)
            with open(out + ".tmp", "wb") as fo, open(out[:-6] + ".stderr", "wb") as fe:
                for b in batches(sorted(names)):
                    p = subprocess.run(args + ["--"] + b, cwd=cwd, stdout=fo, stderr=fe)
                    if p.returncode not in (0, 1):
                        print(f"run: {config} {sid}: textmend exited {p.returncode}", file=sys.stderr)
            os.rename(out + ".tmp", out)
            words += sum(r["words"] for r in rows if r["source"] == sid)
        print(f"run: {config}: {time.time() - t0:.0f} s ({words:,} words run now)", file=sys.stderr)

# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------
def esc(x):
    return str(x).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def context_of(lines, line, column, width=240):
    if not (1 <= line <= len(lines)):
        return ""
    l = lines[line - 1]
    c = max(0, column - 1)
    if len(l) <= width:
        return l
    a = max(0, c - width // 2)
    return ("…" if a else "") + l[a:a + width] + ("…" if a + width < len(l) else "")


def damage_of(edit):
    if MOJIBAKE.search(edit["before"]):
        return "real:mojibake"
    return ""


def load_run(config, lang, sid):
    path = os.path.join(run_dir(), config, lang, sid + ".jsonl")
    if not os.path.exists(path):
        return None
    edits, rules = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o.get("type") == "edit":
                edits.append(o)
            elif o.get("type") == "rule":
                rules.append(o)
    return edits, rules


def fmt_cell(n, w):
    if n is None:
        return "–"
    return f"{n} ({1e4 * n / w:.2f})" if w else str(n)


def cmd_report():
    rows = read_manifest()
    rep = os.path.join(CACHE, "report")
    os.makedirs(os.path.join(rep, "held-out"), exist_ok=True)
    src_docs = defaultdict(int)
    src_words = defaultdict(int)
    for r in rows:
        src_docs[(r["lang"], r["source"])] += 1
        src_words[(r["lang"], r["source"])] += r["words"]
    srcs = sorted(src_docs, key=lambda k: (LANGS.index(k[0]), split_of(k[1])[0] != "tune", -src_words[k]))
    changed = {}  # (config, lang, sid) -> count or None
    damaged_sources = defaultdict(Counter)
    rule_counts = {c: Counter() for c in CONFIGS}
    for config in CONFIGS:
        outs = {}
        for part in ("tune", "held-out"):
            path = os.path.join(rep, "" if part == "tune" else "held-out", f"changes-{config}.tsv")
            outs[part] = open(path, "w", encoding="utf-8")
            outs[part].write("config\tlang\tsource\tsplit\tfile\tline\tcolumn\tbefore\tafter\trule\trules"
                             "\tconfidence\tevidence\tdamage\tcontext\n")
        rules_out = open(os.path.join(rep, f"rules-{config}.tsv"), "w", encoding="utf-8")
        rules_out.write("config\tlang\tsource\tfile\tfrom\tto\tkind\twords\ttokens\tconfidence\tedits\texamples\n")
        for lang, sid in srcs:
            part = split_of(sid)[0]
            if not config_applies(config, lang):
                changed[(config, lang, sid)] = None
                continue
            got = load_run(config, lang, sid)
            if got is None:
                changed[(config, lang, sid)] = None
                continue
            edits, rules = got
            changed[(config, lang, sid)] = len(edits)
            docs_dir = os.path.join(CACHE, "docs", lang, sid)
            cache_lines = {}
            per_file_rule = Counter()
            for e in edits:
                fn = e["file"]
                if fn not in cache_lines:
                    with open(os.path.join(docs_dir, fn), encoding="utf-8") as f:
                        cache_lines[fn] = f.read().split("\n")
                dmg = damage_of(e)
                if dmg:
                    damaged_sources[(lang, sid)][config] += 1
                if part == "tune":
                    rule_counts[config][(lang, e["rule"])] += 1
                for a, b in e.get("rules", []):
                    per_file_rule[(fn, f"{a}→{b}")] += 1
                ctx = context_of(cache_lines[fn], e["line"], e["column"])
                outs[part].write("\t".join(esc(x) for x in (
                    config, lang, sid, part, fn, e["line"], e["column"], e["before"], e["after"],
                    e["rule"], " ".join(f"{a}→{b}" for a, b in e.get("rules", [])),
                    e.get("confidence", ""), e.get("evidence", ""), dmg, ctx)) + "\n")
            if part == "tune":
                for r in rules:
                    key = (r["file"], f"{r['from']}→{r['to']}")
                    rules_out.write("\t".join(esc(x) for x in (
                        config, lang, sid, r["file"], r["from"], r["to"], r.get("kind", ""),
                        r.get("words", ""), r.get("tokens", ""), r.get("confidence", ""),
                        per_file_rule.get(key, 0),
                        "; ".join(f"{a}→{b}" for a, b in r.get("examples", [])[:8]))) + "\n")
        for o in outs.values():
            o.close()
        rules_out.close()

    lines = []
    P = lines.append
    P(f"# textmend clean-text benchmark: {textmend_bin()} ({run_tag()})")
    P("")
    P("Changed words (edits) and, in brackets, changed words per 10,000 words. Target: ≤ 0.1 in every "
      "language and configuration. – : not run (English has its thesaurus built in, Dutch has none).")
    P("Configurations: " + "; ".join(f"`{c}` = {CONFIG_DESC[c]}" for c in CONFIGS) + ".")
    for part in ("tune", "held-out"):
        P("")
        P(f"## {part}")
        P("")
        P("| lang | source | docs | words | " + " | ".join(CONFIGS) + " |")
        P("| --- | --- | ---: | ---: | " + " | ".join("---:" for _ in CONFIGS) + " |")
        for lang in LANGS:
            ls = [k for k in srcs if k[0] == lang and split_of(k[1])[0] == part]
            if not ls:
                continue
            for k in ls:
                flag = " ⚠" if k in damaged_sources else ""
                P(f"| {lang} | {k[1]}{flag} | {src_docs[k]:,} | {src_words[k]:,} | " + " | ".join(
                    fmt_cell(changed[(c, lang, k[1])], src_words[k]) for c in CONFIGS) + " |")
            tw = sum(src_words[k] for k in ls)
            cells = []
            for c in CONFIGS:
                vals = [changed[(c, lang, k[1])] for k in ls]
                cells.append("–" if all(v is None for v in vals) else f"**{fmt_cell(sum(v or 0 for v in vals), tw)}**")
            P(f"| **{lang}** | **total {part}** | {sum(src_docs[k] for k in ls):,} | {tw:,} | " + " | ".join(cells) + " |")
    P("")
    P("## Per language (tune / held-out)")
    P("")
    P("| lang | words tune | words held-out | " + " | ".join(CONFIGS) + " |")
    P("| --- | ---: | ---: | " + " | ".join("---:" for _ in CONFIGS) + " |")
    for lang in LANGS:
        cells = []
        wparts = []
        for part in ("tune", "held-out"):
            ls = [k for k in srcs if k[0] == lang and split_of(k[1])[0] == part]
            wparts.append(sum(src_words[k] for k in ls))
        for c in CONFIGS:
            sub = []
            for part, w in zip(("tune", "held-out"), wparts):
                ls = [k for k in srcs if k[0] == lang and split_of(k[1])[0] == part]
                vals = [changed[(c, lang, k[1])] for k in ls]
                sub.append("–" if all(v is None for v in vals) else f"{1e4 * sum(v or 0 for v in vals) / w:.2f}" if w else "0")
            cells.append(" / ".join(sub))
        P(f"| {lang} | {wparts[0]:,} | {wparts[1]:,} | " + " | ".join(cells) + " |")
    if damaged_sources:
        P("")
        P("⚠ sources with real damage (mojibake in the package's own text; a repair of it is right, "
          "and such edits are marked `real:mojibake` in the change lists): " + ", ".join(
              f"{l}/{s} ({', '.join(f'{c} {n}' for c, n in sorted(v.items()))})"
              for (l, s), v in sorted(damaged_sources.items())))
    P("")
    P("## Most frequent rules behind changes (tune part only)")
    for c in CONFIGS:
        top = rule_counts[c].most_common(15)
        if top:
            P("")
            P(f"`{c}`: " + ", ".join(f"{l} `{r}` ×{n}" for (l, r), n in top))
    P("")
    P(f"Change lists: {rep}/changes-<config>.tsv (tune part; rules with their evidence in "
      f"rules-<config>.tsv). The held-out part's lists are in {rep}/held-out/: do not look at them "
      "while tuning.")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(rep, "table.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(rep, "held-out", "README"), "w", encoding="utf-8") as f:
        f.write("The changes textmend makes to the held-out part of the clean-text benchmark.\n"
                "Do not read these lists while tuning textmend: the held-out part measures whether a\n"
                "fix generalises. Look at benches/clean_corpus.md for the rules.\n")
    sys.stdout.write(text)

# --------------------------------------------------------------------------
# The sample slice for a CI floor
# --------------------------------------------------------------------------
SAMPLE_WORDS = 50000
SAMPLE_CHUNK = 400  # words: runs of consecutive paragraphs of about this size
SAMPLE_SEED = "textmend-clean-sample-v1"
MANPAGES_L10N = ("GPL-3+ for the translations (the package's `copyright`: \"Files: *\" … "
                 "\"License: GPL-3+\"); the translated pages' English originals are under their "
                 "own free licences, listed per page in the same file")
LICENSES = {  # from each package's /usr/share/doc/<pkg>/copyright
    "manpages": "several free licences per page (the package's `copyright`: Linux-man-pages-copyleft, "
                "GPL-2+, GPL-2, GPL-1+, BSD-4-clause, Expat, …)",
    "manpages-dev": "as `manpages` (its `copyright` is the same file): several free licences per page "
                    "(Linux-man-pages-copyleft, GPL-2+, BSD, Expat, …)",
    "dpkg": "GPL-2+", "dpkg-dev": "GPL-2+", "apt": "GPL-2+", "po4a": "GPL-2+",
    "debhelper": "GPL-2+", "man-db": "GPL-2+ and GPL-3+", "devscripts": "GPL-2+",
    "debconf-doc": "BSD-2-clause",
    "libreoffice-help": "MPL-2.0 (\"Files: *\"; some files include Apache-2.0 material)",
    "gimp-help": "GFDL-1.2+ with no Invariant Sections, no Front-Cover Texts and no Back-Cover Texts "
                 "(GFDL-NIV-1.2+; the `copyright` file is in `gimp-help-common`)",
    "gnome-user-docs": "CC-BY-SA-3.0",
    "installation-guide-amd64": "GPL-2",
    "harden-doc": "GPL-2.0",
    "debian-history": "GPL-2+",
    "live-manual-html": "GPL-3+",
    "debian-reference": "GPL-2+",
    "maint-guide": "GPL-2.0+",
    "developers-reference": "GPL-2 (the text: \"version 2, or (at your option) any later version\")",
    "aptitude-doc": "GPL-2+",
}
# Not sampled: fortunes (quotations of many authors, some jokes) and two manuals
# whose copyright files mix several licences per part.
SAMPLE_EXCLUDE = re.compile(r"^(fortunes|debian-policy|debian-edu-doc)")


def license_of(pkg):
    if pkg in LICENSES:
        return LICENSES[pkg]
    if re.match(r"manpages-[a-z-]+$", pkg) and pkg not in ("manpages-dev",):
        return MANPAGES_L10N
    for pre in ("libreoffice-help", "gimp-help", "debian-reference", "maint-guide",
                "developers-reference", "aptitude-doc"):
        if pkg.startswith(pre):
            return LICENSES[pre]
    return None


def pkg_version(pkg):
    for f in sorted(glob.glob(os.path.join(CACHE, "debs", f"{pkg}_*.deb"))):
        v = subprocess.run(["dpkg-deb", "-f", f, "Version"], capture_output=True, text=True).stdout.strip()
        return v
    return PACKAGES.get(pkg, "?")


def allocate(total, caps):
    """Equal shares of `total`, each capped by its capacity, the rest shared out again."""
    alloc = {k: 0 for k in caps}
    left = dict(caps)
    remaining = total
    while remaining > 0 and left:
        share = remaining / len(left)
        done = [k for k, c in left.items() if c <= share]
        if not done:
            for k in left:
                alloc[k] += share
            remaining = 0
            break
        for k in done:
            alloc[k] += left[k]
            remaining -= left[k]
            del left[k]
    return alloc


def cmd_sample(outdir):
    rows = read_manifest()
    os.makedirs(outdir, exist_ok=True)
    md = ["# Clean-text sample slice: sources", "",
          "Generated by `bash benches/clean_corpus.sh sample` (`benches/clean_corpus.py sample`); do not edit.",
          f"About {SAMPLE_WORDS:,} words per language, drawn with the seed `{SAMPLE_SEED}/<lang>` from the "
          "**tune** part of the clean-text benchmark (`benches/clean_corpus.md`), never from its held-out part.",
          "Each file is a series of runs of whole consecutive paragraphs (about "
          f"{SAMPLE_CHUNK} words each) of the benchmark's documents, one paragraph per line (man pages: "
          "as `groff` laid them out, a paragraph may span lines), a blank line between paragraphs, in "
          "the order of source, document and paragraph. Nothing inside a paragraph is changed; "
          "paragraphs with mojibake already in the package are not drawn. The documents are extracted "
          "from the packages as `benches/clean_corpus.md` describes (tags, navigation, `<pre>` "
          "listings, untranslated English paragraphs and repeated boilerplate removed).",
          "All packages are from Debian 12 \"bookworm\" (`main`). Fortune cookies, the Debian Policy "
          "and the Debian Edu manual are not sampled. Licences as each package's "
          "`/usr/share/doc/<package>/copyright` gives them; the licence texts are in Debian's "
          "`/usr/share/common-licenses/`. Changed versions of these files must keep the licences.", ""]
    for lang in LANGS:
        eligible = defaultdict(list)
        for r in rows:
            if r["lang"] != lang or r["split"] != "tune" or SAMPLE_EXCLUDE.match(r["source"]):
                continue
            if license_of(r["pkg"]) is None:
                continue
            eligible[r["source"]].append(r)
        caps = {s: sum(r["words"] for r in v) for s, v in eligible.items()}
        alloc = allocate(SAMPLE_WORDS, caps)
        rng = random.Random(f"{SAMPLE_SEED}/{lang}")
        picked = []  # (source, doc, index, paragraph, row)
        for sid in sorted(eligible):
            docs = sorted(eligible[sid], key=lambda r: r["doc"])
            paras = {}
            for r in docs:
                with open(os.path.join(CACHE, "docs", r["doc"]), encoding="utf-8") as f:
                    paras[r["doc"]] = f.read().rstrip("\n").split("\n\n")
            weights = [r["words"] for r in docs]
            used = set()
            got, tries = 0, 0
            while got < alloc[sid] and tries < 5000:
                tries += 1
                r = rng.choices(docs, weights=weights)[0]
                ps = paras[r["doc"]]
                i = rng.randrange(len(ps))
                chunk = 0
                while i < len(ps) and chunk < SAMPLE_CHUNK and got + chunk < alloc[sid]:
                    if (r["doc"], i) in used:
                        break
                    used.add((r["doc"], i))
                    p = ps[i]
                    if not MOJIBAKE.search(p):
                        picked.append((sid, r["doc"], i, p, r))
                        chunk += wc(p)
                    i += 1
                got += chunk
        picked.sort(key=lambda t: (t[0], t[1], t[2]))
        text = "\n\n".join(t[3] for t in picked) + "\n"
        with open(os.path.join(outdir, f"{lang}.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        md.append(f"## {lang}.txt")
        md.append("")
        md.append(f"{wc(text):,} words (`wc -w`), {len(picked):,} paragraphs, sha256 "
                  f"`{hashlib.sha256(text.encode()).hexdigest()}`.")
        md.append("")
        md.append("| source | package (version) | words | licence |")
        md.append("| --- | --- | ---: | --- |")
        by_src = defaultdict(list)
        for t in picked:
            by_src[t[0]].append(t)
        for sid in sorted(by_src):
            pk = sorted({t[4]["pkg"] for t in by_src[sid]})
            md.append(f"| {sid} | " + ", ".join(f"`{p}` {pkg_version(p)}" for p in pk) + " | "
                      f"{sum(wc(t[3]) for t in by_src[sid]):,} | " + "; ".join(
                          f"{license_of(p)}" for p in pk) + " |")
        md.append("")
        md.append("Paths (inside the packages) the paragraphs come from:")
        md.append("")
        for sid in sorted(by_src):
            paths = sorted({(t[4]["pkg"], t[4]["path"]) for t in by_src[sid]})
            md.append(f"* {sid}: " + ", ".join(f"`{p}:/{q}`" for p, q in paths))
        md.append("")
    with open(os.path.join(outdir, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(md))
    print(f"sample: written to {outdir}", file=sys.stderr)

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
