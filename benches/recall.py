#!/usr/bin/env python3
"""A recall benchmark that cannot be overfitted (issue #17).

Spinner tables are drawn at random from synonym sources textmend does not use
(Debian's MyThes thesauri; for Dutch the sense groups of FreeDict's
English-Dutch dictionary), applied with `textmend eval --corrupt spinner` to
windows of 200, 500 and 1,500 words cut from texts in en, de, fr, es, it, pt
and nl that no fixture and no tuning used, and in-word (non-word) recall and
precision are reported as distributions over the draws: median and 10th
percentile, per language, length and configuration (no thesaurus / the
language's thesaurus given with --thesaurus), dev and held-out texts apart.

    python3 benches/recall.py                 # the full run (>= 100 draws per cell)
    python3 benches/recall.py --quick         # 20 draws per cell
    python3 benches/recall.py --ci            # the committed sample (fixtures/recall/)
    python3 benches/recall.py --ci --check    # ... and exit 1 below its floors

Standard library only. See benches/recall.md for the sources, their licenses,
the dev/held-out split and how a table is drawn.
"""

import argparse
import collections
import concurrent.futures
import glob
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import recall_texts  # noqa: E402
from recall_draws import (  # noqa: E402
    BENCH_LANGS, CONFIGS, LANGS, LENGTHS, SPLITS, Lexicon, analyse, base, draw_table, en_thesaurus, run_eval)
from recall_report import damage_summary, fmt, miss_classes, percentile, report  # noqa: E402
from recall_sources import MYTHES, REPO, compile_thesaurus, fetch_synonym_sources  # noqa: E402


def cache_dir(args):
    return args.cache or os.environ.get("TEXTMEND_RECALL_CACHE", "/work/data/recall-cache")


# ------------------------------------------------------------------ planning

def plan(args, cache):
    """The draws: [(lang, split, length, index, source, window text)]."""
    draws = []
    for lang in args.langs:
        for split in args.splits:
            srcs = recall_texts.load(cache, base(lang), split)
            for length in args.lengths:
                per_source = [(sid, recall_texts.windows(paras, length)) for sid, _, paras in srcs]
                per_source = [(sid, w) for sid, w in per_source if w]
                if not per_source:
                    continue
                # The windows depend on the text language only: `en` and
                # `en-moby` draw their tables for the same windows.
                rng = random.Random(f"{args.seed}/{base(lang)}/{split}/{length}/windows")
                order = {}
                for sid, w in per_source:
                    idx = list(range(len(w)))
                    rng.shuffle(idx)
                    order[sid] = idx
                # A source's share of the draws grows with its windows, up to 40.
                weights = [min(len(w), 40) for _, w in per_source]
                used = collections.Counter()
                for i in range(args.draws):
                    j = rng.choices(range(len(per_source)), weights=weights)[0]
                    sid, w = per_source[j]
                    k = order[sid][used[sid] % len(w)]
                    used[sid] += 1
                    draws.append((lang, split, length, i, f"{sid}#{k}", w[k]))
    return draws


def execute(args, binary, draws, thesauri, lexicons, en_related, handle):
    """Runs every draw in both configurations, args.jobs at a time; calls
    HANDLE(record) for each finished draw."""
    def one(draw):
        lang, split, length, i, window_id, text = draw
        lex = lexicons[lang]
        rng = random.Random(f"{args.seed}/{lang}/{split}/{length}/{i}/table")
        table = draw_table(lex, text, rng)
        record = {"lang": lang, "split": split, "length": length, "draw": i, "window": window_id,
                  "words": len(text.split()), "table": table, "runs": {}}
        if not table:
            return record
        with tempfile.TemporaryDirectory(prefix="recall-") as tmp:
            text_path = os.path.join(tmp, "text.txt")
            table_path = os.path.join(tmp, "table.tsv")
            with open(text_path, "w", encoding="utf-8") as f:
                f.write(text)
            with open(table_path, "w", encoding="utf-8") as f:
                f.write("".join(f"{a}\t{b}\n" for a, b in table))
            for config in args.configs:
                thes = thesauri.get(lang) if config == "thesaurus" else None
                if config == "thesaurus" and not thes:
                    continue
                save = os.path.join(tmp, config)
                result = run_eval(binary, base(lang), text_path, table_path, i + 1, thes, save)
                run = {k: result[k] for k in ("non_word", "real_word", "fixed", "wrong", "damaged",
                                              "corrupted", "precision", "rules", "wall")}
                if args.analyse and split in args.analyse:
                    run["analysis"] = analyse(base(lang), lex, table, save, "text", result, en_related)
                record["runs"][config] = run
            if args.keep:
                shutil.copytree(tmp, os.path.join(args.keep, f"{lang}-{split}-{length}-{i}"),
                                dirs_exist_ok=True)
        return record

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for record in pool.map(one, draws):
            handle(record)

# --------------------------------------------------------- hand-written rows

PROSE = ["pride_prejudice", "persuasion", "opticks_queries", "python_tutorial", "web_genesis",
         "spurgeon_psalm23"]
HAND = [
    ("default_table.tsv", "en", PROSE),
    ("held_out_table.tsv", "en", PROSE),
    ("de_table.tsv", "de", ["de_debian_handbook", "001_cd878cb6dc3a5027"]),
    ("fr_table.tsv", "fr", ["fr_debian_handbook"]),
    ("fr_table2.tsv", "fr", ["fr_debian_handbook"]),
    ("es_table.tsv", "es", ["es_debian_handbook"]),
    ("es_table2.tsv", "es", ["es_debian_handbook"]),
    ("it_table.tsv", "it", ["it_debian_handbook"]),
    ("pt_table.tsv", "pt", ["pt_debian_handbook"]),
]


def hand_written(binary, thesauri, configs, jobs):
    """The hand-written tables on the fixtures the README uses: once on the
    whole files (as the README does) and once on each 1,500-word window of
    them (the benchmark's longest length), to show what length does to the
    same table."""
    rows = []
    jobs_list = []
    for table, lang, texts in HAND:
        files = [os.path.join(REPO, "fixtures/clean", t + ".txt") for t in texts]
        for config in configs:
            if config == "thesaurus" and not thesauri.get(lang):
                continue
            jobs_list.append((table, lang, texts, files, config))

    def base_cmd(table, lang, config):
        cmd = [binary, "eval", "--corrupt", "spinner", "--table",
               os.path.join(REPO, "fixtures/spinner", table), "--format", "json", "-q", "--lang", lang]
        if config == "thesaurus":
            cmd += ["--thesaurus", f"{lang}={thesauri[lang]}"]
        return cmd

    def one(job):
        table, lang, texts, files, config = job
        whole = json.loads(subprocess.run(base_cmd(table, lang, config) + files, check=True,
                                          capture_output=True, text=True).stdout)
        windows = []
        with tempfile.TemporaryDirectory(prefix="recall-hand-") as tmp:
            for f in files:
                paras = [p for p in open(f, encoding="utf-8").read().split("\n") if p.strip()]
                for n, w in enumerate(recall_texts.windows(paras, 1500)):
                    path = os.path.join(tmp, f"w{len(windows)}.txt")
                    with open(path, "w", encoding="utf-8") as out:
                        out.write(w)
                    windows.append(path)
            per = [json.loads(subprocess.run(base_cmd(table, lang, config) + [p], check=True,
                                             capture_output=True, text=True).stdout) for p in windows]
        name = ", ".join(texts) if len(texts) < 3 else f"the {len(texts)} prose fixtures"
        rc = [x["non_word"]["fixed"] / x["non_word"]["corrupted"] for x in per if x["non_word"]["corrupted"]]
        c = sum(x["non_word"]["corrupted"] for x in per)
        fx = sum(x["non_word"]["fixed"] for x in per)
        allfixed = sum(x["fixed"] for x in per)
        bad = sum(x["wrong"] + x["damaged"] for x in per)
        return [
            dict(whole, table=table, texts=name + " (whole files)", config=config),
            {"table": table, "texts": f"{len(per)} windows of 1,500 words of them", "config": config,
             "non_word": {"corrupted": c, "recall": fx / c if c else float("nan"),
                          "median": percentile(rc, 0.5)},
             "precision": allfixed / (allfixed + bad) if allfixed + bad else 1.0,
             "wrong": sum(x["wrong"] for x in per), "damaged": sum(x["damaged"] for x in per)},
        ]

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for pair in pool.map(one, jobs_list):
            rows.extend(pair)
    return rows


# ------------------------------------------------------------------------ CI

CI_DIR = os.path.join(REPO, "fixtures", "recall")


CI_SAMPLE = [(500, 10), (1500, 5)]   # (window length, draws) per language


def ci_sample(args, cache, lexicons):
    """Writes the CI sample: per language 10 dev windows of 500 words and 5
    of 1,500 words, and a table drawn for each (fixtures/recall/<lang>/NN.txt,
    NN.table.tsv; NN 00-09 the 500-word draws, 10-14 the 1,500-word ones).
    English and Spanish alternate between their two dev sources."""
    for lang in args.langs:
        d = os.path.join(CI_DIR, lang)
        os.makedirs(d, exist_ok=True)
        srcs = recall_texts.load(cache, lang, "dev")
        n = 0
        for length, count in CI_SAMPLE:
            rng = random.Random(f"ci/{lang}" if length == 500 else f"ci/{lang}/{length}")
            picked = []
            for m in range(count):
                sid, _, paras = srcs[m % len(srcs)]
                w = recall_texts.windows(paras, length)
                k = rng.randrange(len(w))
                while (sid, k) in picked:
                    k = rng.randrange(len(w))
                picked.append((sid, k))
                text = w[k]
                table = draw_table(lexicons[lang], text, random.Random(
                    f"ci/{lang}/{n}/table" if length == 500 else f"ci/{lang}/{length}/{n}/table"))
                with open(os.path.join(d, f"{n:02d}.txt"), "w", encoding="utf-8") as f:
                    f.write(text)
                with open(os.path.join(d, f"{n:02d}.table.tsv"), "w", encoding="utf-8") as f:
                    f.write(f"# drawn by benches/recall.py from {MYTHES.get(lang, ('FreeDict eng-nld',))[0]} for "
                            f"{sid} window {k} ({length} words)\n")
                    f.write("".join(f"{a}\t{b}\n" for a, b in table))
                n += 1
            print(f"{lang} {length}: {picked}", file=sys.stderr)


def ci(args, binary):
    """Runs the committed sample; prints per language and length the pooled
    in-word recall, its median over the draws and the pooled precision; with
    --check exits 1 when one falls below fixtures/recall/floors.tsv."""
    floors = {}
    path = os.path.join(CI_DIR, "floors.tsv")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            lang, length, config, recall, precision = line.rstrip("\n").split("\t")
            floors[(lang, int(length), config)] = (float(recall), float(precision))
    thesauri = {}
    for lang, (_, name) in MYTHES.items():
        p = os.path.join("/usr/share/mythes", name)
        if os.path.exists(p):
            thesauri[lang] = p
    failures, measured = [], []
    print("| lang | words | config | draws | in-word tokens | pooled in-word recall | recall median | pooled precision | wrong | clean words damaged | floor |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for lang in args.langs:
        d = os.path.join(CI_DIR, lang)
        by_length = collections.defaultdict(list)
        for t in sorted(glob.glob(os.path.join(d, "[0-9][0-9].txt"))):
            head = open(t[:-4] + ".table.tsv", encoding="utf-8").readline()
            m = re.search(r"\((\d+) words\)", head)
            by_length[int(m.group(1)) if m else 500].append(t)
        for length in sorted(by_length):
            texts = by_length[length]
            for config in args.configs:
                thes = thesauri.get(lang) if config == "thesaurus" else None
                if config == "thesaurus" and not thes:
                    continue

                def one(t, thes=thes):
                    with tempfile.TemporaryDirectory(prefix="recall-ci-") as tmp:
                        return run_eval(binary, lang, t, t[:-4] + ".table.tsv", 1, thes, tmp)
                with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
                    runs = list(pool.map(one, texts))
                nw_c = sum(r["non_word"]["corrupted"] for r in runs)
                nw_f = sum(r["non_word"]["fixed"] for r in runs)
                fixed = sum(r["fixed"] for r in runs)
                wrong = sum(r["wrong"] for r in runs)
                damaged = sum(r["damaged"] for r in runs)
                recall = nw_f / nw_c if nw_c else 1.0
                precision = fixed / (fixed + wrong + damaged) if fixed + wrong + damaged else 1.0
                med = percentile([r["non_word"]["fixed"] / r["non_word"]["corrupted"]
                                  for r in runs if r["non_word"]["corrupted"]], 0.5)
                measured.append((lang, length, config, recall, precision))
                floor = floors.get((lang, length, config))
                verdict = "–"
                if floor:
                    ok = recall >= floor[0] - 1e-9 and precision >= floor[1] - 1e-9
                    verdict = f"recall ≥ {floor[0]:.3f}, precision ≥ {floor[1]:.3f}: {'ok' if ok else 'FAIL'}"
                    if not ok:
                        failures.append(f"{lang}/{length}/{config}: recall {recall:.3f} precision {precision:.3f}")
                print(f"| {lang} | {length} | {config} | {len(runs)} | {nw_c} | {recall:.3f} | {fmt(med)} "
                      f"| {precision:.3f} | {wrong} | {damaged} | {verdict} |")
    if args.write_floors:
        with open(path, "w", encoding="utf-8") as f:
            f.write("# The recall benchmark's CI sample (benches/recall.py --ci --check): per language,\n"
                    "# window length and configuration, the pooled in-word recall and the precision\n"
                    f"# reached with {os.path.basename(binary)} (written by --ci --write-floors). The target\n"
                    "# precision is 0.99; a floor below it records what the build reached. Raise the\n"
                    "# floors when the code does better; never lower them to make CI pass.\n"
                    "# lang<TAB>words<TAB>config<TAB>min recall<TAB>min precision\n")
            for lang, length, config, recall, precision in measured:
                f.write(f"{lang}\t{length}\t{config}\t{math.floor(recall * 1000) / 1000:.3f}\t"
                        f"{min(0.99, math.floor(precision * 1000) / 1000):.3f}\n")
    if failures:
        print("below the floor: " + "; ".join(failures), file=sys.stderr)
        if args.check:
            return 1
    return 0


# ---------------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin", default=os.environ.get("TEXTMEND", "/work/bin/textmend-base"),
                   help="the textmend binary (default $TEXTMEND or /work/bin/textmend-base)")
    p.add_argument("--cache", help="download and text cache (default $TEXTMEND_RECALL_CACHE or /work/data/recall-cache)")
    p.add_argument("--draws", type=int, default=100, help="draws per language, length and split (default 100)")
    p.add_argument("--quick", action="store_true", help="20 draws per cell")
    p.add_argument("--ci", action="store_true", help="run the committed sample in fixtures/recall/")
    p.add_argument("--check", action="store_true", help="with --ci: exit 1 below fixtures/recall/floors.tsv")
    p.add_argument("--make-ci-sample", action="store_true", help="(re)write the committed sample")
    p.add_argument("--write-floors", action="store_true", help="with --ci: write what it reached to fixtures/recall/floors.tsv")
    p.add_argument("--langs", default=",".join(BENCH_LANGS),
                   help="en,en-moby,de,fr,es,it,pt,nl (en-moby: English, tables from the Moby thesaurus)")
    p.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    p.add_argument("--splits", default=",".join(SPLITS))
    p.add_argument("--configs", default=",".join(CONFIGS), help="none,thesaurus")
    p.add_argument("--no-hand", action="store_true", help="skip the hand-written table rows")
    p.add_argument("--hand-only", action="store_true", help="only the hand-written table rows")
    p.add_argument("--analyse", default="dev", help="splits whose misses are classified (default dev; '' for none)")
    p.add_argument("--seed", default="1", help="base seed of the draws")
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--keep", help="copy each draw's text, table and eval --save files to KEEP/LANG-SPLIT-LENGTH-DRAW/")
    p.add_argument("--out", help="write the records (JSON lines) here; the report goes to OUT.md")
    p.add_argument("--report", help="only report the records in this JSON lines file")
    args = p.parse_args()
    args.langs = [x for x in args.langs.split(",") if x]
    args.lengths = [int(x) for x in args.lengths.split(",") if x]
    args.splits = [x for x in args.splits.split(",") if x]
    args.configs = [x for x in args.configs.split(",") if x]
    args.analyse = [x for x in args.analyse.split(",") if x]
    if args.quick:
        args.draws = 20
    binary = shutil.which(args.bin) or args.bin

    if args.report:
        records = [json.loads(line) for line in open(args.report, encoding="utf-8")]
        hand = []
        hand_path = args.report + ".hand.json"
        if os.path.exists(hand_path):
            hand = json.load(open(hand_path, encoding="utf-8"))
        report(records, hand, None)
        damage_summary(records)
        miss_classes([r for r in records if r["split"] == "dev"])
        return 0
    if args.ci or args.make_ci_sample:
        args.langs = [lang for lang in args.langs if lang in LANGS]
    if args.ci and not args.make_ci_sample:
        return ci(args, binary)

    cache = cache_dir(args)
    recall_texts.fetch(cache)
    sources = fetch_synonym_sources(cache)
    thesauri = {lang: compile_thesaurus(binary, path, cache, lang) for lang, path in sources.items()}
    if args.hand_only:
        hand = hand_written(binary, thesauri, args.configs, args.jobs)
        report([], hand, args.out + ".md" if args.out else None)
        if args.out:
            with open(args.out + ".hand.json", "w", encoding="utf-8") as f:
                json.dump(hand, f, ensure_ascii=False)
        return 0
    lexicons = {lang: Lexicon(lang, sources[lang]) for lang in args.langs}
    if args.make_ci_sample:
        ci_sample(args, cache, lexicons)
        return 0
    en_related = en_thesaurus()
    draws = plan(args, cache)
    print(f"{len(draws)} draws × {len(args.configs)} configurations, {args.jobs} at a time", file=sys.stderr)
    records = []
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    started = time.time()

    def handle(record):
        records.append(record)
        if out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        if len(records) % 100 == 0:
            print(f"  {len(records)}/{len(draws)} draws, {time.time() - started:.0f} s", file=sys.stderr)

    execute(args, binary, draws, thesauri, lexicons, en_related, handle)
    hand = [] if args.no_hand else hand_written(binary, thesauri, args.configs, args.jobs)
    if args.out:
        out.close()
        with open(args.out + ".hand.json", "w", encoding="utf-8") as f:
            json.dump(hand, f, ensure_ascii=False)
    print(f"{len(records)} draws in {time.time() - started:.0f} s", file=sys.stderr)
    md = args.out + ".md" if args.out else None
    report(records, hand, md)
    damage_summary(records, md)
    miss_classes([r for r in records if r["split"] == "dev"], md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
