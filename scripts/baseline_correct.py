#!/usr/bin/env python3
"""Word-by-word baseline spelling correctors, for comparison with textmend.

Usage:
    scripts/baseline_correct.py --engine hunspell|symspell [FILE] > OUT

Reads FILE (or stdin), writes the corrected text to stdout.  Both engines are
driven the same way:

* the text is tokenized into words: maximal runs of letters, allowing internal
  apostrophes (' and U+2019);
* every word the engine does not know is replaced by the engine's first
  suggestion that is itself a single word by that same tokenizer (so a
  suggestion with a space, a hyphen, a dot... is skipped and the next one is
  tried; words are never split or merged), re-cased to the original's case
  pattern (lower / Title / UPPER; a mixed-case original takes the suggestion
  as the engine gives it);
* everything else (whitespace, punctuation, digits, line endings, bytes that
  are not valid UTF-8, unknown words without a usable suggestion) is copied
  byte for byte.

Prints one line to stderr:
    ENGINE: N words, M replaced, T seconds, W words/s (+S s startup)
where T covers the correction only and S the engine's start-up (hunspell
process start, or symspell dictionary load).

Engines:
  hunspell  `hunspell -a -d en_US -i utf-8` kept open as a pipe (Debian
            packages hunspell, hunspell-en-us).
  symspell  symspellpy with its bundled frequency_dictionary_en_82_765.txt,
            max_dictionary_edit_distance=2, lookup(..., Verbosity.TOP,
            max_edit_distance=2); a word is known when its lowercase form
            (with U+2019 read as ') is in the dictionary.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time

LETTER = r"[^\W\d_]"
WORD_RE = re.compile(rf"{LETTER}+(?:['\u2019]{LETTER}+)*")

# Longest hunspell input line we send (characters, without the leading '^').
HUNSPELL_MAX_LINE = 1000


def is_single_word(s: str) -> bool:
    return WORD_RE.fullmatch(s) is not None


def recase(original: str, suggestion: str) -> str:
    """Give `suggestion` the case pattern of `original`."""
    if len(original) > 1 and original.isupper():
        return suggestion.upper()
    if original.islower():
        return suggestion.lower()
    if original[0].isupper() and (len(original) == 1 or original[1:].islower()):
        return suggestion[:1].upper() + suggestion[1:].lower()
    return suggestion  # mixed case, e.g. "McDonald": keep the engine's casing


class Hunspell:
    """`hunspell -a` (ispell pipe protocol) as a persistent subprocess."""

    name = "hunspell"

    def __init__(self, dictionary: str = "en_US"):
        try:
            self.proc = subprocess.Popen(
                ["hunspell", "-a", "-d", dictionary, "-i", "utf-8"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                encoding="utf-8",
                errors="replace",
                bufsize=1,
            )
        except FileNotFoundError:
            sys.exit("baseline_correct: hunspell not found "
                     "(apt-get install -y hunspell hunspell-en-us)")
        banner = self.proc.stdout.readline()
        if not banner.startswith("@(#)"):
            err = self.proc.stderr.read() if self.proc.poll() is not None else ""
            sys.exit(f"baseline_correct: unexpected hunspell banner {banner!r} {err}")
        self.fallbacks = 0

    def _query_line(self, words: list[str]) -> list[str]:
        """Send one '^'-prefixed line, return its result lines (up to the blank)."""
        self.proc.stdin.write("^" + " ".join(words) + "\n")
        self.proc.stdin.flush()
        out = []
        while True:
            line = self.proc.stdout.readline()
            if line == "":
                err = self.proc.stderr.read()
                sys.exit(f"baseline_correct: hunspell died: {err}")
            line = line.rstrip("\n")
            if line == "":
                return out
            out.append(line)

    @staticmethod
    def _parse(line: str):
        """Result line -> (known, echoed word or None, offset or None, suggestions)."""
        tag = line[:1]
        if tag in ("*", "+", "-"):
            return True, None, None, []
        if tag == "&":
            head, _, tail = line.partition(": ")
            parts = head.split(" ")  # '&', word, count, offset
            sugg = tail.split(", ") if tail else []
            return False, parts[1], int(parts[3]), sugg
        if tag == "#":
            parts = line.split(" ")  # '#', word, offset
            return False, parts[1], int(parts[2]), []
        raise ValueError(f"unexpected hunspell line {line!r}")

    def _batch(self, words: list[str]) -> list[tuple[bool, list[str]] | None]:
        results = self._query_line(words)
        parsed = None
        if len(results) == len(words):
            try:
                parsed = [self._parse(r) for r in results]
            except (ValueError, IndexError):
                parsed = None
        if parsed is not None:
            # Verify the correspondence on the lines that carry word + offset.
            # Hunspell's offsets are character offsets counted from 1 after '^'.
            pos = 1
            for w, (known, echo, off, _) in zip(words, parsed):
                if not known and (echo != w or off != pos):
                    parsed = None
                    break
                pos += len(w) + 1
        if parsed is not None:
            return [(known, sugg) for known, _, _, sugg in parsed]
        # Correspondence lost: ask again one word per line.
        self.fallbacks += 1
        out = []
        for w in words:
            res = self._query_line([w])
            try:
                if len(res) != 1:
                    raise ValueError
                known, _, _, sugg = self._parse(res[0])
                out.append((known, sugg))
            except (ValueError, IndexError):
                out.append(None)  # hunspell saw something else: leave it alone
        return out

    def check(self, words: list[str]) -> dict[str, list[str] | None]:
        """Map each word to None (known) or its list of suggestions."""
        answers: dict[str, list[str] | None] = {}
        batch: list[str] = []
        size = 0

        def flush():
            for w, r in zip(batch, self._batch(batch)):
                answers[w] = None if (r is None or r[0]) else r[1]

        for w in words:
            if batch and size + len(w) + 1 > HUNSPELL_MAX_LINE:
                flush()
                batch, size = [], 0
            batch.append(w)
            size += len(w) + 1
        if batch:
            flush()
        return answers

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


class SymSpellEngine:
    name = "symspell"

    def __init__(self):
        try:
            from symspellpy import SymSpell, Verbosity
        except ImportError:
            sys.exit("baseline_correct: symspellpy not installed (pip install symspellpy)")
        import importlib.resources

        self.verbosity = Verbosity.TOP
        self.sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        res = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
        with importlib.resources.as_file(res) as path:
            if not self.sym.load_dictionary(str(path), term_index=0, count_index=1,
                                            encoding="utf-8"):
                sys.exit(f"baseline_correct: could not load {path}")
        self.known = self.sym.words

    @staticmethod
    def _key(word: str) -> str:
        return word.lower().replace("\u2019", "'")

    def check(self, words: list[str]) -> dict[str, list[str] | None]:
        answers: dict[str, list[str] | None] = {}
        for w in words:
            key = self._key(w)
            if key in self.known:
                answers[w] = None
                continue
            items = self.sym.lookup(key, self.verbosity, max_edit_distance=2,
                                    include_unknown=False)
            answers[w] = [it.term for it in items]
        return answers

    def close(self):
        pass


def correct(text: str, engine) -> tuple[str, int, int]:
    matches = list(WORD_RE.finditer(text))
    unique = list(dict.fromkeys(m.group() for m in matches))
    answers = engine.check(unique)

    replacement: dict[str, str] = {}
    for w, sugg in answers.items():
        if not sugg:
            continue
        for s in sugg:
            # Both dictionaries spell apostrophes as ' (hunspell maps U+2019
            # to ' on input, ICONV): keep the original's apostrophe style.
            if "\u2019" in w and "'" not in w:
                s = s.replace("'", "\u2019")
            if is_single_word(s):
                new = recase(w, s)
                if new != w:
                    replacement[w] = new
                break

    out = []
    last = 0
    replaced = 0
    for m in matches:
        new = replacement.get(m.group())
        if new is not None:
            out.append(text[last:m.start()])
            out.append(new)
            last = m.end()
            replaced += 1
    out.append(text[last:])
    return "".join(out), len(matches), replaced


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", required=True, choices=["hunspell", "symspell"])
    ap.add_argument("file", nargs="?", help="input text (default: stdin)")
    args = ap.parse_args()

    if args.file and args.file != "-":
        with open(args.file, "rb") as f:
            data = f.read()
    else:
        data = sys.stdin.buffer.read()
    # surrogateescape keeps invalid UTF-8 bytes byte-identical on output.
    text = data.decode("utf-8", errors="surrogateescape")

    t0 = time.perf_counter()
    engine = Hunspell() if args.engine == "hunspell" else SymSpellEngine()
    t1 = time.perf_counter()
    fixed, n_words, n_replaced = correct(text, engine)
    t2 = time.perf_counter()
    engine.close()

    sys.stdout.buffer.write(fixed.encode("utf-8", errors="surrogateescape"))
    sys.stdout.buffer.flush()

    secs = t2 - t1
    wps = n_words / secs if secs > 0 else float("inf")
    extra = ""
    if isinstance(engine, Hunspell) and engine.fallbacks:
        extra = f", {engine.fallbacks} batches re-asked word by word"
    print(f"{args.engine}: {n_words} words, {n_replaced} replaced, {secs:.3f} seconds, "
          f"{wps:.0f} words/s (+{t1 - t0:.3f} s startup{extra})", file=sys.stderr)


if __name__ == "__main__":
    main()
