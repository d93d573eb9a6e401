#!/usr/bin/env python3
"""Score site-furniture cleaners on the labelled fixtures in fixtures/furniture/.

A cleaner reads NAME.in.txt and writes the text it keeps. The score says what
it did to the hand labels in NAME.labels.tsv:

* body sentences lost: sentences of body lines that are not in the output
  (must be 0 for a good cleaner). A body line is split into sentences at
  ". ", "! ", "? " (and their Unicode kin, with any closing quote) before an
  upper-case letter, optionally after an opening quote; a line without such
  a break (a headline, a byline) counts as one sentence. The splitter is
  naive on purpose ("Dr. Schulte" makes two): it only has to be the same
  for every cleaner.
* body lines removed: body lines that are not in the output.
* furniture kept: furniture lines that are still in the output, and furniture
  recall = removed furniture lines / furniture lines.
* blank runs kept: runs of two or more blank lines in the output.

A line is "in the output" when the longest common subsequence of the
non-blank input lines and the non-blank output lines (compared after
stripping, collapsing white space and dropping Wikipedia-style "[1]"
citations, which C4 deletes) pairs it with an output line. A body sentence on a
line that was not paired still counts as kept when it occurs in the output
text, so a cleaner that rewrites lines is scored fairly.

Subcommands (stdlib only; the datatrove cleaners need `pip install datatrove
spacy`):

  score.py check [FIXDIR]
      Verify the fixtures: labels cover every line of NAME.in.txt with the
      same text, and NAME.body.txt is what the labels and the blank-line rule
      give.
  score.py run CLEANER OUTDIR [FIXDIR]
      Write OUTDIR/NAME.txt for every fixture. CLEANER is keep-all, c4 or
      fineweb (datatrove's filters, see below), or a shell command that
      reads the text on stdin and writes the cleaned text to stdout, e.g.
      "textmend furniture -" (the input path is also in $FURNITURE_IN).
      c4 and fineweb also write OUTDIR/NAME.doc: "kept" or the reason the
      whole document is dropped.
  score.py score OUTDIR [FIXDIR] [--articles] [--categories] [--split S] [--by COL]
      Score OUTDIR/NAME.txt against the labels, per source.
  score.py compare [FIXDIR] [--markdown] [--split S] [--by COL] [--with CMD]
      Run keep-all, c4 and fineweb (and the command CMD, as "textmend")
      and print them side by side per source.

--split tuning | held-out limits a report to one part of the fixtures
(column "split" in MANIFEST.tsv); --by lang | split | site groups the
rows by another MANIFEST.tsv column instead of "source".

The datatrove cleaners, as FineWeb and C4 apply them:

  c4       C4QualityFilter() line rules: drop lines without terminal
           punctuation (or ending in "..."), with fewer than 3 words, with a
           word over 1000 characters, mentioning "javascript", or holding a
           policy phrase ("terms of use", "privacy policy", "uses cookies"...);
           strip kept lines and "[1]" citations. Its document rules (fewer
           than 5 sentences after line filtering, "lorem ipsum", a "{"
           anywhere) drop the whole document: they are reported in the
           "docs dropped" column and do not change the line score.
  fineweb  The same class as FineWeb's pipeline configures it,
           C4QualityFilter(filter_no_terminal_punct=False): all line rules
           above except terminal punctuation. Document level: the C4 rules
           above, then FineWebQualityFilter() on the C4 output (share of lines
           ending in punctuation, of short lines, of duplicated lines, of
           newlines per word), reported in "docs dropped".
"""

import difflib
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FIXDIR = os.path.normpath(os.path.join(HERE, "..", "..", "fixtures", "furniture"))
WS = re.compile(r"\s+")
CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
SENT_END = re.compile(
    r"[.!?…。！？][\"'”’»)]*(?=\s+[\"'“‘«„(¿¡]?[A-ZÀ-ÖØ-ÞĀ-ſА-Я])"
)
ISO3 = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "lv": "lav"}


# -- fixtures ---------------------------------------------------------------

def read_manifest(fixdir):
    rows = []
    with open(os.path.join(fixdir, "MANIFEST.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            if line.strip():
                rows.append(dict(zip(head, line.rstrip("\n").split("\t"))))
    return rows


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_labels(fixdir, name):
    rows = []
    with open(os.path.join(fixdir, name + ".labels.tsv"), encoding="utf-8", newline="") as f:
        head = f.readline()
        assert head.startswith("line\tlabel\tcategory"), head
        for line in f:
            n, label, cat, _text = line.rstrip("\n").split("\t", 3)
            rows.append((int(n), label, cat))
    return rows


def expected_body(lines, labels):
    """The body file the labels give: body lines, and one blank line between
    two body lines where the input had at least one blank line between them."""
    out, gap = [], False
    for (n, label, _), text in zip(labels, lines):
        if label == "blank":
            gap = True
        elif label == "body":
            if out and gap:
                out.append("")
            out.append(text)
            gap = False
    return "\n".join(out) + "\n"


def check(fixdir):
    bad = 0
    for m in read_manifest(fixdir):
        name = m["name"]
        lines = read_lines(os.path.join(fixdir, name + ".in.txt"))
        labels = read_labels(fixdir, name)
        if [n for n, _, _ in labels] != list(range(1, len(lines) + 1)):
            print(f"{name}: labels do not number the {len(lines)} input lines 1..n")
            bad += 1
            continue
        for (n, label, cat), text in zip(labels, lines):
            blank = text.strip() == ""
            if blank != (label == "blank") or label not in ("body", "furniture", "blank"):
                print(f"{name}:{n}: label {label!r} for {text[:40]!r}")
                bad += 1
        with open(os.path.join(fixdir, name + ".body.txt"), encoding="utf-8", newline="") as f:
            if f.read() != expected_body(lines, labels):
                print(f"{name}: body.txt differs from what the labels give")
                bad += 1
    print(f"{len(read_manifest(fixdir))} fixtures checked, {bad} problems")
    return bad == 0


# -- cleaners -----------------------------------------------------------------

def datatrove_run(kind, text, lang):
    """Return (kept text after the line rules, document verdict)."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter, FineWebQualityFilter

    language = ISO3.get(lang, "eng")
    punct = kind == "c4"
    # Line rules alone: switch off the three rules that drop whole documents.
    lines_only = C4QualityFilter(filter_no_terminal_punct=punct, min_num_sentences=-1,
                                 filter_lorem_ipsum=False, filter_curly_bracket=False,
                                 language=language)
    doc = Document(text=text, id="x")
    lines_only.filter(doc)
    kept = doc.text
    # Document verdict: the filter exactly as configured upstream.
    full = C4QualityFilter(filter_no_terminal_punct=punct, language=language)
    doc = Document(text=text, id="x")
    verdict = full.filter(doc)
    if verdict is not True:
        return kept, "c4:" + verdict[1]
    if kind == "fineweb":
        verdict = FineWebQualityFilter(language=language).filter(doc)
        if verdict is not True:
            return kept, "fineweb:" + verdict[1]
    return kept, "kept"


def run(cleaner, outdir, fixdir):
    os.makedirs(outdir, exist_ok=True)
    for m in read_manifest(fixdir):
        name = m["name"]
        inpath = os.path.join(fixdir, name + ".in.txt")
        with open(inpath, encoding="utf-8", newline="") as f:
            text = f.read()
        verdict = None
        if cleaner == "keep-all":
            out = text
        elif cleaner in ("c4", "fineweb"):
            out, verdict = datatrove_run(cleaner, text, m["lang"])
        else:
            proc = subprocess.run(cleaner, shell=True, input=text.encode("utf-8"),
                                  stdout=subprocess.PIPE, check=True,
                                  env=dict(os.environ, FURNITURE_IN=inpath))
            out = proc.stdout.decode("utf-8")
        with open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(out)
        if verdict is not None:
            with open(os.path.join(outdir, name + ".doc"), "w", encoding="utf-8") as f:
                f.write(verdict + "\n")


# -- scoring ------------------------------------------------------------------

def norm(s):
    s = unicodedata.normalize("NFC", s)
    return WS.sub(" ", CITATION.sub("", s)).strip()


def sentences(line):
    line, out, start = line.strip(), [], 0
    for m in SENT_END.finditer(line):
        out.append(line[start:m.end()].strip())
        start = m.end()
    out.append(line[start:].strip())
    return [s for s in out if s]


def score_article(fixdir, name, out_text):
    lines = read_lines(os.path.join(fixdir, name + ".in.txt"))
    labels = read_labels(fixdir, name)
    out_lines = out_text.split("\n")
    idx = [i for i, t in enumerate(lines) if t.strip()]
    a = [norm(lines[i]) for i in idx]
    b = [norm(t) for t in out_lines if t.strip()]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    kept = set()
    for blk in sm.get_matching_blocks():
        for k in range(blk.size):
            kept.add(idx[blk.a + k])
    # The output cannot tell a body line from a furniture line with the same
    # text (a headline printed twice): give the kept copies to body first.
    groups = {}
    for i in idx:
        groups.setdefault(norm(lines[i]), []).append(i)
    for members in groups.values():
        if len(members) > 1:
            n_kept = sum(i in kept for i in members)
            kept.difference_update(members)
            order = sorted(members, key=lambda i: labels[i][1] != "body")
            kept.update(order[:n_kept])
    flat = " " + WS.sub(" ", unicodedata.normalize("NFC", out_text)) + " "
    r = {"body_lines": 0, "body_removed": 0, "body_sents": 0, "sents_lost": 0,
         "furn_lines": 0, "furn_kept": 0, "cats": {}, "lost": []}
    for i, (n, label, cat) in enumerate(labels):
        if label == "body":
            r["body_lines"] += 1
            ss = sentences(lines[i])
            r["body_sents"] += len(ss)
            if i not in kept:
                r["body_removed"] += 1
                for s in ss:
                    if " " + norm(s) + " " not in flat and norm(s) not in flat:
                        r["sents_lost"] += 1
                        r["lost"].append((n, s))
        elif label == "furniture":
            r["furn_lines"] += 1
            c = r["cats"].setdefault(cat, [0, 0])
            c[0] += 1
            if i in kept:
                r["furn_kept"] += 1
                c[1] += 1
    runs, blank = 0, 0
    for t in out_lines[:-1] if out_text.endswith("\n") else out_lines:
        if t.strip():
            blank = 0
        else:
            blank += 1
            if blank == 2:
                runs += 1
    r["blank_runs"] = runs
    return r


def add(total, r):
    for k in ("body_lines", "body_removed", "body_sents", "sents_lost",
              "furn_lines", "furn_kept", "blank_runs", "articles", "dropped"):
        total[k] = total.get(k, 0) + r.get(k, 0)
    for cat, (n, k) in r.get("cats", {}).items():
        c = total.setdefault("cats", {}).setdefault(cat, [0, 0])
        c[0] += n
        c[1] += k


def recall(t):
    return 1 - t["furn_kept"] / t["furn_lines"] if t["furn_lines"] else 1.0


def score_dir(outdir, fixdir, split=None, by="source"):
    per_article, per_source = [], {}
    for m in read_manifest(fixdir):
        if split and m["split"] != split:
            continue
        name = m["name"]
        with open(os.path.join(outdir, name + ".txt"), encoding="utf-8", newline="") as f:
            r = score_article(fixdir, name, f.read())
        r["articles"] = 1
        doc = os.path.join(outdir, name + ".doc")
        r["verdict"] = open(doc).read().strip() if os.path.exists(doc) else "kept"
        r["dropped"] = int(r["verdict"] != "kept")
        per_article.append((m, r))
        add(per_source.setdefault(m[by], {}), r)
    for key in list(per_source):
        add(per_source.setdefault("all", {}), per_source[key])
    return per_article, per_source


def print_score(outdir, fixdir, split, articles, categories, by="source"):
    per_article, per_source = score_dir(outdir, fixdir, split, by)
    print(by + "\tarticles\tbody sentences\tsentences lost\tbody lines removed\t"
          "furniture lines\tfurniture kept\tfurniture recall\tblank runs kept\tdocs dropped")
    for src, t in per_source.items():
        print(f"{src}\t{t['articles']}\t{t['body_sents']}\t{t['sents_lost']}\t"
              f"{t['body_removed']}/{t['body_lines']}\t{t['furn_lines']}\t{t['furn_kept']}\t"
              f"{recall(t):.3f}\t{t['blank_runs']}\t{t['dropped']}")
    if categories:
        print("\ncategory\tfurniture lines\tkept\trecall")
        for cat, (n, k) in sorted(per_source["all"]["cats"].items()):
            print(f"{cat}\t{n}\t{k}\t{1 - k / n:.3f}")
    if articles:
        print("\narticle\tsource\tlang\tsplit\tsentences lost\tbody lines removed\t"
              "furniture kept\tfurniture recall\tdocument")
        for m, r in per_article:
            print(f"{m['name']}\t{m['source']}\t{m['lang']}\t{m['split']}\t"
                  f"{r['sents_lost']}/{r['body_sents']}\t{r['body_removed']}/{r['body_lines']}\t"
                  f"{r['furn_kept']}/{r['furn_lines']}\t{recall(r):.3f}\t{r['verdict']}")


def compare(fixdir, markdown, split, by="source", extra=None):
    """keep-all, c4 and fineweb side by side, and `extra` (a command, scored
    as "textmend") when given."""
    import tempfile
    results = {}
    cls = ["keep-all", "c4", "fineweb"] + (["textmend"] if extra else [])
    names = {"keep-all": "keep-all", "c4": "C4", "fineweb": "FineWeb", "textmend": "textmend"}
    removers = [cl for cl in cls if cl != "keep-all"]
    with tempfile.TemporaryDirectory() as tmp:
        for cl in cls:
            d = os.path.join(tmp, cl)
            run(extra if cl == "textmend" else cl, d, fixdir)
            results[cl] = score_dir(d, fixdir, split, by)
    sources = list(results["keep-all"][1])
    all_names = " / ".join(names[cl] for cl in cls)
    rem_names = " / ".join(names[cl] for cl in removers)
    drop_names = " / ".join(names[cl] for cl in ("c4", "fineweb"))
    if markdown:
        print(f"| {by} | articles | body sentences | furniture lines | "
              f"sentences lost: {all_names} | furniture recall: {all_names} | "
              f"body lines removed: {rem_names} | docs dropped: {drop_names} |")
        print("| --- | ---: | ---: | ---: | --- | --- | --- | --- |")
    else:
        print("\t".join([by, "articles", "body sentences", "furniture lines"]
                        + [f"lost {cl}" for cl in cls] + [f"recall {cl}" for cl in cls]
                        + [f"body lines removed {cl}" for cl in removers]
                        + ["docs dropped c4", "docs dropped fineweb"]))
    for src in sources:
        t = {cl: results[cl][1][src] for cl in cls}
        base = t["keep-all"]
        lost = " / ".join(str(t[cl]["sents_lost"]) for cl in cls)
        rec = " / ".join(f"{recall(t[cl]):.2f}" for cl in cls)
        rem = " / ".join(f"{t[cl]['body_removed']}" for cl in removers)
        drop = " / ".join(str(t[cl]["dropped"]) for cl in ("c4", "fineweb"))
        if markdown:
            print(f"| {src} | {base['articles']} | {base['body_sents']} | {base['furn_lines']} | "
                  f"{lost} | {rec} | {rem} (of {base['body_lines']}) | {drop} |")
        else:
            print("\t".join([src, str(base["articles"]), str(base["body_sents"]), str(base["furn_lines"])]
                            + lost.split(" / ") + rec.split(" / ") + rem.split(" / ")
                            + drop.split(" / ")))
    cats = sorted(results["keep-all"][1]["all"]["cats"])
    print()
    if markdown:
        print(f"| furniture category | lines | recall: {rem_names} |")
        print("| --- | ---: | --- |")
    for cat in cats:
        n = results["keep-all"][1]["all"]["cats"][cat][0]
        rec = " / ".join(f"{1 - results[cl][1]['all']['cats'][cat][1] / n:.2f}" for cl in removers)
        print(f"| {cat} | {n} | {rec} |" if markdown else f"{cat}\t{n}\t{rec}")
    print()
    if markdown:
        print(f"| article | split | sentences lost: {rem_names} | furniture recall: {rem_names} | document: {drop_names} |")
        print("| --- | --- | --- | --- | --- |")
    for rows in zip(*(results[cl][0] for cl in removers)):
        m = rows[0][0]
        rs = [r for _, r in rows]
        row = [m["name"], m["split"],
               " / ".join(str(r["sents_lost"]) for r in rs) + f" (of {rs[0]['body_sents']})",
               " / ".join(f"{recall(r):.2f}" for r in rs),
               f"{rs[0]['verdict']} / {rs[1]['verdict']}"]
        print("| " + " | ".join(row) + " |" if markdown else "\t".join(row))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    split, by = None, "source"
    if "--by" in argv:
        by = argv[argv.index("--by") + 1]
        args.remove(by)
    if "--split" in argv:
        split = argv[argv.index("--split") + 1]
        args.remove(split)
    extra = None
    if "--with" in argv:
        extra = argv[argv.index("--with") + 1]
        args.remove(extra)
    if not args:
        sys.exit(__doc__)
    cmd = args[0]
    if cmd == "check":
        sys.exit(0 if check(args[1] if len(args) > 1 else DEFAULT_FIXDIR) else 1)
    elif cmd == "run":
        run(args[1], args[2], args[3] if len(args) > 3 else DEFAULT_FIXDIR)
    elif cmd == "score":
        print_score(args[1], args[2] if len(args) > 2 else DEFAULT_FIXDIR, split,
                    "--articles" in argv, "--categories" in argv, by)
    elif cmd == "compare":
        compare(args[1] if len(args) > 1 else DEFAULT_FIXDIR, "--markdown" in argv, split, by, extra)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
