#!/usr/bin/env python3
"""Measure what a textmend binary changes on the period-spelling fixtures.

    TEXTMEND=/path/to/textmend python3 benches/period_spelling.py [FILES...] [--chunk N] [--examples K]

Default FILES: fixtures/period/*.txt. Each file is repaired three ways with
`--format json` (one JSON object per line: edits, suggestions, rules):

  * auto   — the default (`--mode auto`, language detected);
  * lang   — `--lang XX`, XX taken from the file name's first two letters;
  * chunks — the file cut at line ends into consecutive pieces of at least
             N words (default 300, the "short historical snippets" of issue
             #16), each piece repaired on its own in auto mode.

Printed per file and way: edits and suggestions, then the edits grouped by
rule (`v→u  41  Vpon→Upon, vpon→upon, …`). Every edit on this set is a
regression: the fixtures are clean text in an older orthography, and the
promise is that they come out byte-identical. Exit status 1 if any edit was
made (suggestions are reported but do not count), so the script can serve as
a check. Standard library only.
"""
import collections
import glob
import json
import os
import subprocess
import sys


def run(binary, args, data):
    p = subprocess.run([binary, "--format", "json", *args, "-"], input=data,
                       capture_output=True, check=False)
    if p.returncode not in (0, 1):
        sys.exit(f"{binary} failed ({p.returncode}): {p.stderr.decode(errors='replace')}")
    edits, sugg = [], []
    for line in p.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        o = json.loads(line)
        if o.get("type") == "edit":
            edits.append(o)
        elif o.get("type") == "suggestion":
            sugg.append(o)
    return edits, sugg, p.stderr.decode("utf-8", errors="replace").strip()


def chunks(data, n):
    out, cur, words = [], [], 0
    for line in data.split(b"\n"):
        cur.append(line)
        words += len(line.split())
        if words >= n:
            out.append(b"\n".join(cur) + b"\n")
            cur, words = [], 0
    if any(x.strip() for x in cur):
        out.append(b"\n".join(cur) + b"\n")
    return out


def by_rule(edits, k):
    groups = collections.defaultdict(list)
    for e in edits:
        groups[e.get("rule", "?")].append(f"{e['before']}→{e['after']}")
    rows = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    lines = []
    for rule, ex in rows:
        uniq = list(dict.fromkeys(ex))
        lines.append(f"      {rule:<18} {len(ex):>4}  " + ", ".join(uniq[:k]) + (" …" if len(uniq) > k else ""))
    return lines


def main():
    binary = os.environ.get("TEXTMEND", "textmend")
    args = sys.argv[1:]
    n, k = 300, 8
    if "--chunk" in args:
        i = args.index("--chunk"); n = int(args[i + 1]); del args[i:i + 2]
    if "--examples" in args:
        i = args.index("--examples"); k = int(args[i + 1]); del args[i:i + 2]
    files = args or sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "fixtures", "period", "*.txt")))
    total = 0
    for f in files:
        data = open(f, "rb").read()
        name = os.path.basename(f)
        lang = name[:2]
        print(f"== {name} ({len(data.split())} words)")
        for label, extra in (("auto", []), (f"--lang {lang}", ["--lang", lang])):
            e, s, err = run(binary, extra, data)
            total += len(e)
            note = f"  [{err.splitlines()[0][:100]}]" if err else ""
            print(f"   {label}: {len(e)} edits, {len(s)} suggestions{note}")
            print("\n".join(by_rule(e, k)))
        cs = chunks(data, n)
        all_e, changed = [], 0
        for c in cs:
            e, s, _ = run(binary, [], c)
            all_e += e
            changed += bool(e)
        total += len(all_e)
        print(f"   chunks of ≥{n} words: {len(cs)} chunks, {changed} changed, {len(all_e)} edits")
        print("\n".join(by_rule(all_e, k)))
    print(f"total edits: {total}")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
