"""Running textmend over the clean-text benchmark and its report
(benches/clean_corpus.py `run` and `report`): the configurations, the binary
and its run directory, the change lists and the table. Kept apart from the
entry script so that the measured part reads on its own.
Python 3 standard library only.
"""

import hashlib
import json
import re
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict

from clean_corpus_build import MOJIBAKE, read_manifest
from clean_corpus_sources import CACHE, LANGS, split_of

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
    failures = []
    for config in configs:
        t0 = time.time()
        words = 0
        for (lang, sid), names in sorted(by_src.items()):
            if not config_applies(config, lang):
                continue
            out = os.path.join(rd, config, lang, sid + ".jsonl")
            # A run is reused only for the same documents: a source whose
            # files changed (split, re-extracted) is run again.
            listing = os.path.join(rd, config, lang, sid + ".docs")
            docs = "".join(f"{n}\n" for n in sorted(names))
            if os.path.exists(out) and os.path.exists(listing):
                with open(listing, encoding="utf-8") as f:
                    if f.read() == docs:
                        continue
            os.makedirs(os.path.dirname(out), exist_ok=True)
            cwd = os.path.join(CACHE, "docs", lang, sid)
            args = [exe, "-q", "--format", "json", "-j", jobs] + config_args(config, lang)
            crashed = False
            with open(out + ".tmp", "wb") as fo, open(out[:-6] + ".stderr", "wb") as fe:
                for b in batches(sorted(names)):
                    p = subprocess.run(args + ["--"] + b, cwd=cwd, stdout=fo, stderr=fe)
                    if p.returncode not in (0, 1):
                        print(f"run: {config} {sid}: textmend exited {p.returncode}", file=sys.stderr)
                        crashed = True
            if crashed:
                # A crashed run's output is partial: never reported, and run
                # again next time.
                failures.append(f"{config} {lang}/{sid}")
                continue
            os.rename(out + ".tmp", out)
            with open(listing, "w", encoding="utf-8") as f:
                f.write(docs)
            words += sum(r["words"] for r in rows if r["source"] == sid)
        print(f"run: {config}: {time.time() - t0:.0f} s ({words:,} words run now)", file=sys.stderr)
    if failures:
        sys.exit(f"run: textmend crashed on {len(failures)} source(s), left out of the report: "
                 + ", ".join(failures) + " (see their .stderr files)")

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


# Real damage in a source's own text: mojibake, and C1 control characters
# (U+0080-U+009F), which are never text: Windows-1252 punctuation read as
# Latin-1. Repairing it is right; the table counts such edits apart.
REAL_DAMAGE = re.compile(MOJIBAKE.pattern + "|[\u0080-\u009f]")


def damage_of(edit):
    if REAL_DAMAGE.search(edit["before"]):
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


def fmt_cell(n, w, repaired=0):
    if n is None:
        return "–"
    cell = f"{n} ({1e4 * n / w:.2f})" if w else str(n)
    return cell + (f" +{repaired} real" if repaired else "")


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
    changed = {}  # (config, lang, sid) -> count or None (real damage left out)
    real = {}  # (config, lang, sid) -> edits that repaired real damage
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
            real[(config, lang, sid)] = 0
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
                    real[(config, lang, sid)] += 1
                if part == "tune":
                    rule_counts[config][(lang, e["rule"])] += 1
                for a, b in e.get("rules", []):
                    per_file_rule[(fn, f"{a}→{b}")] += 1
                ctx = context_of(cache_lines[fn], e["line"], e["column"])
                outs[part].write("\t".join(esc(x) for x in (
                    config, lang, sid, part, fn, e["line"], e["column"], e["before"], e["after"],
                    e["rule"], " ".join(f"{a}→{b}" for a, b in e.get("rules", [])),
                    e.get("confidence", ""), e.get("evidence", ""), dmg, ctx)) + "\n")
            changed[(config, lang, sid)] = len(edits) - real[(config, lang, sid)]
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
      "language and configuration. – : not run (English has its thesaurus built in, Dutch has none). "
      "`+N real`: edits that repaired real damage in the source's own text (mojibake, C1 control "
      "characters; marked `real:mojibake` in the change lists), left out of the count and the rate.")
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
                    fmt_cell(changed[(c, lang, k[1])], src_words[k], real.get((c, lang, k[1]), 0))
                    for c in CONFIGS) + " |")
            tw = sum(src_words[k] for k in ls)
            cells = []
            for c in CONFIGS:
                vals = [changed[(c, lang, k[1])] for k in ls]
                fixed = sum(real.get((c, lang, k[1]), 0) for k in ls)
                cells.append("–" if all(v is None for v in vals)
                             else f"**{fmt_cell(sum(v or 0 for v in vals), tw, fixed)}**")
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
