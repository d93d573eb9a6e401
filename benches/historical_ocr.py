#!/usr/bin/env python3
"""Score a textmend binary on real historical OCR against human transcriptions.

    TEXTMEND=/path/to/textmend python3 benches/historical_ocr.py DIR [DIR...] \
        [--args "--lang fr"] [--limit N] [--min-words N] [--max-words N (default 50000)]
        [--per-text] [--examples K] [--json OUT]

Each DIR is searched recursively for text pairs, in either form:

  * `NAME.ocr.txt` next to `NAME.gt.txt` (the OCR output and its transcription);
  * one file in the ICDAR 2017/2019 post-OCR competition format: a line
    `[OCR_toInput] …` (the OCR text), `[OCR_aligned] …` and `[ GS_aligned] …`
    (both aligned character by character with `@` as the gap). The truth is
    `GS_aligned` with `@` removed, where each `#` (no gold standard there) is
    replaced by the aligned OCR character, so text without a transcription
    counts as right whatever the OCR says.

The OCR text is repaired with `TEXTMEND --format json [ARGS] -` (default mode
unless --args says otherwise). Words are whitespace-separated tokens with
leading and trailing punctuation removed. The OCR tokens are aligned to the
truth tokens with difflib (word level); each edit textmend made is mapped to
the OCR tokens it touches and compared with the truth tokens aligned to them:

  fixed   the OCR tokens differed from the truth, the repaired tokens equal it;
  broke   the OCR tokens equalled the truth, the repaired ones do not
          (a new error: period spelling "corrected", a fragment rewritten);
  still   wrong before and still wrong after (changed, but not to the truth);
  spacing only  the OCR tokens equalled the truth and the repaired ones
          differ from it only in spaces and hyphens (a join of `séna teurs`
          or `pla-cée` where the transcription keeps the halves of a word
          broken at a line end, whose line ends these sets do not keep):
          neither fixed nor broke.

Per text, the net effect is `fixed - broke` (words), and the text counts as
better or worse by its sign; the OCR's own word errors (sum over difflib's
non-equal blocks of the longer side, an approximation) are printed for scale.
Printed: totals, then per rule `fixed/broke/still/spacing only`, then
examples of broken and fixed words with their rule.
Standard library only. Exit status 0.
"""
import bisect
import collections
import difflib
import json
import os
import re
import shlex
import subprocess
import sys

PUNCT = "\"'`.,;:!?()[]{}«»„“”‘’‹›<>*_/|-—–¬=+~^§#@%&$0123456789 \t"


# Marks a word broken at a line end is joined across: the halves differ from
# the joined word by these and by spaces alone.
JOINERS = str.maketrans("", "", " -\u00ac\u00ad\u2010\u2011")


def unjoined(s):
    """`s` without spaces and line-end hyphen marks."""
    return s.translate(JOINERS)


def norm(tok):
    return tok.strip(PUNCT)


def tokens(text):
    return [(m.start(), m.end(), norm(m.group(0))) for m in re.finditer(r"\S+", text)]


def parse_icdar(text):
    fields = {}
    for line in text.split("\n"):
        for key in ("[OCR_toInput]", "[OCR_aligned]", "[ GS_aligned]"):
            if line.startswith(key):
                fields[key] = line[len(key) + 1:] if line[len(key):len(key) + 1] == " " else line[len(key):]
    ocr = fields.get("[OCR_toInput]")
    al_o, al_g = fields.get("[OCR_aligned]"), fields.get("[ GS_aligned]")
    if ocr is None or al_o is None or al_g is None:
        return None
    truth = []
    for o, g in zip(al_o, al_g):
        if g == "#":
            if o not in "@#":
                truth.append(o)
        elif g != "@":
            truth.append(g)
    return ocr, "".join(truth)


def find_pairs(dirs):
    pairs = []
    for d in dirs:
        if os.path.isfile(d):
            files = [d]
        else:
            files = []
            for root, _, names in os.walk(d):
                files += [os.path.join(root, n) for n in names]
        for f in sorted(files):
            if f.endswith(".ocr.txt"):
                gt = f[: -len(".ocr.txt")] + ".gt.txt"
                if os.path.exists(gt):
                    pairs.append((f, open(f, encoding="utf-8").read(), open(gt, encoding="utf-8").read()))
            elif f.endswith(".txt") and not f.endswith(".gt.txt"):
                try:
                    head = open(f, encoding="utf-8", errors="replace").read(20)
                except OSError:
                    continue
                if head.startswith("[OCR_toInput]"):
                    p = parse_icdar(open(f, encoding="utf-8", errors="replace").read())
                    if p:
                        pairs.append((f, p[0], p[1]))
    return pairs


def repair(binary, args, text):
    p = subprocess.run([binary, "--format", "json", *args, "-"], input=text.encode("utf-8"),
                       capture_output=True, check=False)
    edits = []
    for line in p.stdout.decode("utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            if o.get("type") == "edit":
                edits.append(o)
    return edits, p.stderr.decode("utf-8", errors="replace")


def byte_to_char(text):
    """Map byte offsets of the UTF-8 encoding to character offsets."""
    m, b = {}, 0
    for i, c in enumerate(text):
        m[b] = i
        b += len(c.encode("utf-8"))
    m[b] = len(text)
    return m


def word_errors(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal")


def align_map(a, b):
    """For each index of a, the (j1, j2) range of b it is aligned with."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    m = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                m[i1 + k] = (j1 + k, j1 + k + 1)
        elif tag in ("replace", "delete"):
            for k in range(i1, i2):
                m[k] = (j1, j2)
    return m


def main():
    argv = sys.argv[1:]
    opts = {"--args": "", "--limit": "0", "--min-words": "0", "--max-words": "50000", "--examples": "12",
            "--json": ""}
    flags = set()
    dirs = []
    i = 0
    while i < len(argv):
        if argv[i] in opts:
            opts[argv[i]] = argv[i + 1]; i += 2
        elif argv[i] == "--per-text":
            flags.add("per-text"); i += 1
        else:
            dirs.append(argv[i]); i += 1
    binary = os.environ.get("TEXTMEND", "textmend")
    args = shlex.split(opts["--args"])
    pairs = find_pairs(dirs)
    skipped = [p[0] for p in pairs if len(p[1].split()) > int(opts["--max-words"])]
    pairs = [p for p in pairs if int(opts["--min-words"]) <= len(p[1].split()) <= int(opts["--max-words"])]
    if int(opts["--limit"]):
        pairs = pairs[: int(opts["--limit"])]
    tot = collections.Counter()
    per_rule = collections.defaultdict(collections.Counter)
    broke_ex = collections.defaultdict(list)
    fixed_ex = collections.defaultdict(list)
    rows = []
    for name, ocr, truth in pairs:
        edits, err = repair(binary, args, ocr)
        b2c = byte_to_char(ocr)
        ot = tokens(ocr)
        tt = [t[2] for t in tokens(truth)]
        on = [t[2] for t in ot]
        starts = [t[0] for t in ot]
        amap = align_map(on, tt)
        c = collections.Counter()
        for e in edits:
            s, t = b2c[e["span"][0]], b2c[e["span"][1]]
            k0 = max(0, bisect.bisect_right(starts, s) - 1)
            idx, k = [], k0
            while k < len(ot) and ot[k][0] < max(t, s + 1):
                if ot[k][1] >= s if t == s else ot[k][1] > s:
                    idx.append(k)
                k += 1
            if not idx:
                c["unmapped"] += 1
                continue
            i1, i2 = idx[0], idx[-1] + 1
            j = [amap.get(k) for k in range(i1, i2) if amap.get(k)]
            before = " ".join(on[i1:i2])
            seg_s, seg_t = ot[i1][0], ot[i2 - 1][1]
            seg = ocr[seg_s:s] + e["after"] + ocr[t:seg_t]
            after = " ".join(norm(x) for x in seg.split())
            truth_seg = " ".join(tt[min(a for a, _ in j):max(b for _, b in j)]) if j else ""
            rule = e.get("rule", "?")
            if before == truth_seg and after != truth_seg and \
                    unjoined(after) == unjoined(truth_seg):
                kind = "layout"
            elif before != truth_seg and after == truth_seg:
                kind = "fixed"
            elif before == truth_seg and after != truth_seg:
                kind = "broke"
            else:
                kind = "still"
            c[kind] += 1
            per_rule[rule][kind] += 1
            ex = f"{before}→{after} (truth: {truth_seg or '∅'})"
            if kind == "broke":
                broke_ex[rule].append(ex)
            elif kind == "fixed":
                fixed_ex[rule].append(ex)
        wb = word_errors(on, tt)
        net = c["fixed"] - c["broke"]
        row = dict(text=name, words=len(on), edits=len(edits), fixed=c["fixed"], broke=c["broke"],
                   still=c["still"], layout=c["layout"], unmapped=c["unmapped"], errors_before=wb,
                   errors_after=wb - net, net=net,
                   notice=err.strip().splitlines()[0][:120] if err.strip() else "")
        rows.append(row)
        for k in ("edits", "fixed", "broke", "still", "layout", "unmapped", "words"):
            tot[k] += row[k]
        tot["errors_before"] += wb; tot["errors_after"] += wb - net
        tot["texts"] += 1
        tot["better"] += net > 0; tot["worse"] += net < 0; tot["changed"] += bool(edits)
    if "per-text" in flags:
        print("text\twords\tedits\tfixed\tbroke\tstill\tlayout\terr_before\terr_after\tnet")
        for r in rows:
            print(f"{os.path.relpath(r['text'])}\t{r['words']}\t{r['edits']}\t{r['fixed']}\t{r['broke']}\t"
                  f"{r['still']}\t{r['layout']}\t{r['errors_before']}\t{r['errors_after']}\t{r['net']:+d}")
    if skipped:
        print(f"skipped (more than {opts['--max-words']} words): {', '.join(skipped)}")
    print(f"texts: {tot['texts']} ({tot['words']} OCR words); changed: {tot['changed']}, "
          f"better: {tot['better']}, worse: {tot['worse']}")
    print(f"edits: {tot['edits']}: fixed {tot['fixed']}, broke {tot['broke']}, still wrong {tot['still']}"
          f", spacing only {tot['layout']}, unmapped {tot['unmapped']}")
    print(f"word errors: {tot['errors_before']} before, {tot['errors_after']} after "
          f"(net {tot['errors_before'] - tot['errors_after']:+d})")
    print("per rule (fixed/broke/still/spacing only):")
    for rule, cc in sorted(per_rule.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {rule:<22} {cc['fixed']:>4} {cc['broke']:>4} {cc['still']:>4} {cc['layout']:>4}")
    k = int(opts["--examples"])
    if k:
        print("broken words, by rule:")
        for rule, ex in sorted(broke_ex.items(), key=lambda kv: -len(kv[1])):
            print(f"  {rule}: " + "; ".join(list(dict.fromkeys(ex))[:k]))
        print("fixed words, by rule:")
        for rule, ex in sorted(fixed_ex.items(), key=lambda kv: -len(kv[1]))[:10]:
            print(f"  {rule}: " + "; ".join(list(dict.fromkeys(ex))[:k]))
    if opts["--json"]:
        with open(opts["--json"], "w", encoding="utf-8") as f:
            json.dump({"totals": tot, "texts": rows}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
