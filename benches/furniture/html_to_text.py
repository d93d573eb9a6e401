#!/usr/bin/env python3
"""Turn an HTML page into plain text the way a naive scraper does.

Every visible piece of text is kept: navigation, footers, share buttons,
"related" lists, cookie banners, comment forms. Only what a browser does not
render as running text is dropped: <head>, <script>, <style>, <noscript>,
<template>, <svg>, <math>, <iframe>, <object>, <embed>, <canvas>, <audio>,
<video>, <map>, <select> and comments. Hidden elements are *not* dropped,
because a scraper that reads the DOM does not evaluate CSS either.

Layout rules (one pass, no CSS):

* Text inside one block is joined on one line; runs of whitespace become one
  space, and each line is stripped.
* A line break separates "line" blocks (div, li, tr, td, th, dt, dd,
  figcaption, option, label, address) and each <br>.
* A blank line separates "paragraph" blocks (p, h1-h6, blockquote, pre,
  ul, ol, dl, table, figure, section, article, header, footer, nav, aside,
  main, form, hr).
* Spacers add blank lines: every <br> adds a line break (so <br><br><br> gives
  two blank lines), and an empty <p> (<p>&nbsp;</p>) adds one more. So the
  runs of blank lines that real scrapes have come from the page itself.
* Inline elements (a, span, button, strong...) add nothing: "Share" "Tweet"
  buttons side by side become "ShareTweet", as in real scrapes.
* <pre> keeps its inner line breaks.

Output: UTF-8, LF line ends, no trailing blank lines, one final newline.
Stdlib only, deterministic.

Usage: html_to_text.py PAGE.html [OUT.txt] [--encoding ENC]
"""

import html.parser
import re
import sys

SKIP = {"head", "script", "style", "noscript", "template", "svg", "iframe",
        "object", "embed", "canvas", "audio", "video", "map", "math", "select"}
LINE_BLOCKS = {"div", "li", "tr", "td", "th", "dt", "dd", "figcaption",
               "option", "label", "address", "caption", "legend", "summary",
               "details", "center", "body", "html", "fieldset", "menu"}
PARA_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "ul", "ol", "dl", "table", "figure", "section", "article",
               "header", "footer", "nav", "aside", "main", "form", "hr",
               "hgroup", "dialog"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr"}
WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


class Scraper(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []          # finished lines ("" = blank line)
        self.cur = []          # text pieces of the current line
        self.pending = 0       # line breaks waiting to be written
        self.skip = []         # stack of open skipped tags
        self.pre = 0
        self.block_had_text = []  # per open paragraph block: any text inside?

    # -- output helpers -------------------------------------------------
    def _flush_line(self):
        text = WS.sub(" ", "".join(self.cur)).strip() if not self.pre else "".join(self.cur).rstrip()
        self.cur = []
        return text

    def _break(self, n, additive=False):
        if self.cur:
            text = self._flush_line()
            if text:
                self.out.append(text)
                self.pending = 0
        self.pending = self.pending + n if additive else max(self.pending, n)

    def _text(self, data):
        if not data:
            return
        if not self.cur:
            if not self.pre and not WS.sub("", data):
                return  # whitespace between blocks
            if self.out:
                # pending line breaks: 1 = new line, 2 = one blank line, ...
                for _ in range(max(self.pending, 1) - 1):
                    self.out.append("")
            self.pending = 0
        for i in range(len(self.block_had_text)):
            self.block_had_text[i] = True
        self.cur.append(data)

    # -- parser callbacks ----------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.skip = []  # an unclosed <head> or <script> ends here
        if self.skip:
            if tag in SKIP and tag not in VOID:
                self.skip.append(tag)
            return
        if tag in SKIP:
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag == "br":
            self._break(1, additive=True)
        elif tag in PARA_BLOCKS:
            self._break(2)
            if tag == "pre":
                self.pre += 1
            if tag not in VOID:
                self.block_had_text.append(False)
        elif tag in LINE_BLOCKS:
            self._break(1)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            elif tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in PARA_BLOCKS and tag not in VOID:
            had = self.block_had_text.pop() if self.block_had_text else True
            if tag == "pre" and self.pre:
                self.pre -= 1
            self._break(2)
            if not had and tag == "p":
                # an empty paragraph is a spacer: one more blank line
                self.pending += 1
        elif tag in LINE_BLOCKS:
            self._break(1)

    def handle_data(self, data):
        if self.skip:
            return
        self._text(data)

    def result(self):
        self._break(1)
        while self.out and not self.out[-1]:
            self.out.pop()
        return "\n".join(self.out) + "\n" if self.out else ""


def sniff_encoding(raw):
    head = raw[:4096].decode("ascii", "replace").lower()
    m = re.search(r'charset=["\']?([a-z0-9_-]+)', head)
    if m:
        return m.group(1)
    return "utf-8"


def convert(raw, encoding=None):
    enc = encoding or sniff_encoding(raw)
    try:
        text = raw.decode(enc)
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("utf-8", "replace")
    p = Scraper()
    p.feed(text)
    p.close()
    return p.result()


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    enc = None
    if "--encoding" in argv:
        enc = argv[argv.index("--encoding") + 1]
        args.remove(enc)
    if not args:
        sys.exit(__doc__)
    with open(args[0], "rb") as f:
        out = convert(f.read(), enc)
    if len(args) > 1:
        with open(args[1], "w", encoding="utf-8", newline="\n") as f:
            f.write(out)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    main(sys.argv)
