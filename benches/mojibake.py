#!/usr/bin/env python3
"""Mojibake side by side on ftfy's test suite (fixtures/mojibake/).

    python3 benches/mojibake.py                       # ftfy (if installed) and target/release/textmend
    python3 benches/mojibake.py --tool before=/path/to/old/textmend \\
        --tool plsfix=/path/to/plsfix-cli --misses

Each case's `original` goes to each tool; a damaged case (112: `original`
differs from `fixed-encoding`, or `fixed` when that is missing) counts when
the output is exactly the target, a clean case (49) when the output differs
from the input. ftfy runs in this process (`ftfy.fix_encoding`, version 6.3.1:
`pip install ftfy==6.3.1`); every `--tool NAME=COMMAND` is a program that
reads one text on standard input and writes the repaired text on standard
output, run once per case, so its time per case includes starting it. A
plsfix command is a few lines of Rust around `plsfix::fix_text` with every
fix but `fix_encoding` (and its subordinate fixes) turned off; it is not in
this repository.
"""

import argparse
import json
import pathlib
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "mojibake" / "ftfy_test_cases.json"


def score(name, fix, cases, show_misses):
    fixed = changed = damaged = clean = 0
    misses = []
    start = time.perf_counter()
    for case in cases:
        original = case["original"]
        target = case.get("fixed-encoding", case["fixed"])
        out = fix(original)
        if original == target:
            clean += 1
            if out != original:
                changed += 1
                misses.append(f"  changed {case['label']}: {original!r} -> {out!r}")
        else:
            damaged += 1
            if out == target:
                fixed += 1
            else:
                misses.append(f"  missed {case['label']}: {original!r} -> {out!r}")
    per_case = (time.perf_counter() - start) / len(cases)
    if show_misses:
        print(f"{name}:")
        print("\n".join(misses) or "  (none)")
    return name, fixed, damaged, changed, clean, per_case


def command(cmd):
    def fix(text):
        result = subprocess.run(
            cmd, shell=True, input=text.encode("utf-8"), capture_output=True, check=True
        )
        return result.stdout.decode("utf-8")

    return fix


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", action="append", default=[], metavar="NAME=COMMAND")
    parser.add_argument("--misses", action="store_true", help="list each tool's misses")
    args = parser.parse_args()
    cases = json.loads(CASES.read_text(encoding="utf-8"))

    tools = []
    try:
        import ftfy

        if ftfy.__version__ != "6.3.1":
            print(f"note: ftfy {ftfy.__version__} installed, the suite is 6.3.1's")
        tools.append((f"ftfy {ftfy.__version__} (in process)", ftfy.fix_encoding))
    except ImportError:
        print("note: ftfy not installed (pip install ftfy==6.3.1), left out")
    textmend = ROOT / "target" / "release" / "textmend"
    if not any(t.split("=", 1)[0] == "textmend" for t in args.tool) and textmend.exists():
        args.tool.append(f"textmend={textmend}")
    for tool in args.tool:
        name, cmd = tool.split("=", 1)
        tools.append((f"{name} (one process per case)", command(cmd)))

    rows = [score(name, fix, cases, args.misses) for name, fix in tools]
    print()
    print("| tool | damaged fixed exactly | clean changed | time per case |")
    print("| --- | ---: | ---: | ---: |")
    for name, fixed, damaged, changed, clean, per_case in rows:
        print(f"| {name} | {fixed} of {damaged} | {changed} of {clean} | {per_case * 1e3:.2f} ms |")


if __name__ == "__main__":
    main()
