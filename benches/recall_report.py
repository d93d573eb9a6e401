"""The reports of the recall benchmark (benches/recall.py): percentiles,
per-cell statistics and the Markdown tables (results, damage per draw, miss
classes). Kept apart from the entry script so that the tables can be read and
changed on their own. Standard library only.
"""

import collections
import math

from recall_draws import BENCH_LANGS, CONFIGS, LENGTHS, SPLITS


# ------------------------------------------------------------------ reporting

def percentile(values, q):
    if not values:
        return float("nan")
    v = sorted(values)
    pos = (len(v) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def cell_stats(records, config):
    runs = [r["runs"][config] for r in records if config in r["runs"]]
    if not runs:
        return None
    recalls = [x["non_word"]["fixed"] / x["non_word"]["corrupted"] for x in runs if x["non_word"]["corrupted"]]
    changed = [x for x in runs if x["fixed"] + x["wrong"] + x["damaged"]]
    precisions = [x["fixed"] / (x["fixed"] + x["wrong"] + x["damaged"]) for x in changed]
    nw = collections.Counter()
    for x in runs:
        for k in ("corrupted", "fixed", "wrong"):
            nw[k] += x["non_word"][k]
    fixed = sum(x["fixed"] for x in runs)
    wrong = sum(x["wrong"] for x in runs)
    damaged = sum(x["damaged"] for x in runs)
    return {
        "draws": len(runs),
        "with_damage": len(recalls),
        "recall_median": percentile(recalls, 0.5),
        "recall_p10": percentile(recalls, 0.1),
        "precision_median": percentile(precisions, 0.5),
        "precision_p10": percentile(precisions, 0.1),
        "pooled_recall": nw["fixed"] / nw["corrupted"] if nw["corrupted"] else float("nan"),
        "pooled_precision": fixed / (fixed + wrong + damaged) if fixed + wrong + damaged else 1.0,
        "nonword_tokens": nw["corrupted"],
        "any_wrong": sum(1 for x in runs if x["wrong"] + x["damaged"]) / len(runs),
        "damaged": damaged,
        "no_change": len(runs) - len(changed),
        "seconds": sum(x["wall"] for x in runs),
    }


def fmt(x, digits=3):
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def report(records, hand_rows, out):
    cells = collections.defaultdict(list)
    for r in records:
        cells[(r["split"], r["lang"], r["length"])].append(r)
    lines = []
    header = ("| split | lang | words | config | draws (with in-word damage) | in-word tokens | in-word recall median | p10 "
              "| draws with a change | precision median | p10 | pooled recall | pooled precision | draws with a wrong change | clean words damaged |")
    lines.append(header)
    lines.append("|" + "---|" * 4 + "---:|" * 11)
    for split in SPLITS:
        for lang in BENCH_LANGS:
            for length in LENGTHS:
                rs = cells.get((split, lang, length))
                if not rs:
                    continue
                for config in CONFIGS:
                    s = cell_stats(rs, config)
                    if not s:
                        continue
                    lines.append(
                        f"| {split} | {lang} | {length} | {'thesaurus' if config == 'thesaurus' else 'none'} "
                        f"| {s['draws']} ({s['with_damage']}) | {s['nonword_tokens']} | {fmt(s['recall_median'])} | {fmt(s['recall_p10'])} "
                        f"| {s['draws'] - s['no_change']} | {fmt(s['precision_median'])} | {fmt(s['precision_p10'])} "
                        f"| {fmt(s['pooled_recall'])} | {fmt(s['pooled_precision'])} "
                        f"| {s['any_wrong'] * 100:.0f}% | {s['damaged']} |")
    if hand_rows:
        lines.append("")
        lines.append("Hand-written tables (fixtures/spinner/), on the fixtures the README uses:")
        lines.append("")
        lines.append("| table | texts | config | non-word tokens | in-word recall (pooled) | median per window | precision | wrong | clean words damaged |")
        lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|")
        for row in hand_rows:
            lines.append(f"| {row['table']} | {row['texts']} | {row['config']} | {row['non_word']['corrupted']} "
                         f"| {fmt(row['non_word']['recall'])} | {fmt(row['non_word'].get('median'))} "
                         f"| {fmt(row['precision'])} | {row['wrong']} | {row['damaged']} |")
    emit(lines, out, "w")


def emit(lines, out, mode):
    """Prints a report's lines and, with ``out``, writes (``"w"``) or
    appends (``"a"``) them to that file."""
    text = "\n".join(lines) + "\n"
    print(text)
    if out:
        with open(out, mode, encoding="utf-8") as f:
            f.write(text)


def damage_summary(records, out=None):
    """What a draw does to a text: pairs per table, damaged tokens, and the
    share of them that are non-words (in scope) rather than real words."""
    cells = collections.defaultdict(list)
    for r in records:
        run = r["runs"].get("none")
        if run:
            cells[(r["lang"], r["length"])].append((r, run))
    lines = ["", "Damage per draw (all splits; config none):", "",
             "| lang | words | draws | pairs per table (median) | damaged tokens (median) | non-word tokens (median) | non-word share | draws without non-word damage |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for lang in BENCH_LANGS:
        for length in LENGTHS:
            xs = cells.get((lang, length))
            if not xs:
                continue
            pairs = [len(r["table"]) for r, _ in xs]
            dmg = [run["corrupted"] for _, run in xs]
            nw = [run["non_word"]["corrupted"] for _, run in xs]
            share = sum(nw) / sum(dmg) if sum(dmg) else float("nan")
            lines.append(f"| {lang} | {length} | {len(xs)} | {percentile(pairs, 0.5):.0f} | {percentile(dmg, 0.5):.0f} "
                         f"| {percentile(nw, 0.5):.0f} | {share:.2f} | {sum(1 for n in nw if n == 0)} |")
    emit(lines, out, "a")


def miss_classes(records, out=None):
    """Miss classes over the analysed draws, per config and language."""
    total = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    by_lang = collections.defaultdict(collections.Counter)
    for r in records:
        for config, run in r["runs"].items():
            a = run.get("analysis")
            if not a or "classes" not in a:
                continue
            for cls, n in a["classes"].items():
                total[config][cls] += n
                by_lang[(config, r["lang"])][cls] += n
            for cls, ex in a["examples"].items():
                if len(examples[(config, cls)]) < 12:
                    examples[(config, cls)].extend(ex[:2])
    lines = []
    for config in CONFIGS:
        if not total[config]:
            continue
        lines.append(f"\nMiss classes, dev texts, config {config} (non-word tokens):\n")
        lines.append("| class | " + " | ".join(BENCH_LANGS) + " | all |")
        lines.append("|---|" + "---:|" * (len(BENCH_LANGS) + 1))
        for cls, n in total[config].most_common():
            row = [str(by_lang[(config, lang)].get(cls, 0)) for lang in BENCH_LANGS]
            lines.append(f"| {cls} | " + " | ".join(row) + f" | {n} |")
        lines.append("")
        for cls, _ in total[config].most_common():
            if cls == "fixed" or cls.startswith("real-word"):
                continue
            lines.append(f"* {cls}: " + "; ".join(examples[(config, cls)][:8]))
    emit(lines, out, "a")
