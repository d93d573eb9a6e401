#!/usr/bin/env python3
"""Throughput per core of the Python and Spark paths against the CLI's
(issue #18, deliverable 5), on the same JSON-lines records.

    python3 benches/python.py                 # a corpus of 3 draws (~9 MB), 3 runs each
    python3 benches/python.py --copies 1 --runs 1
    python3 benches/python.py --no-spark

Each program repairs the field ``text`` of every record, each record
learning from itself, on one core:

* ``textmend -j 1 --jsonl --field text`` (the CLI, the reference);
* a Python loop as a user writes it: ``json.loads`` each line,
  ``Mender(threads=1).mend(text)``, ``json.dumps`` the record back;
* ``Mender.mend_many`` on batches of 256 texts (``threads=1``);
* ``Mender.mend_jsonl`` on batches of 256 lines (the CLI's line handling);
* ``textmend.spark.run`` in Spark ``local[1]`` (record mode), after the
  session's start and a warm-up pass that copies the records through a
  Python worker (the JVM's JIT costs about 5 CPU-seconds once per
  session, which a cluster job of hours amortises).

The corpus is benches/make_corpus.py's (documents of 300–1,500 words
cut from the clean fixtures, spun, scanned, mojibake and clean, seven
languages). Times are the CPU time (user + system) of the processes doing
the work — for Spark the JVM and its Python workers — so that other load
on a shared machine does not count; wall-clock time is shown beside it.
MB are the JSON-lines file's bytes. The best of ``--runs`` runs is kept.
Every output is checked against the CLI's.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLK_TCK = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU seconds used so far by process ``root`` and its descendants
    (including their reaped children), from /proc."""
    parents, times = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry)
        parents[pid] = int(fields[1])
        # utime, stime, cutime, cstime
        times[pid] = sum(int(x) for x in fields[11:15]) / CLK_TCK
    total = 0.0
    for pid in times:
        p = pid
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            total += times[pid]
    return total


def measure(work, runs: int):
    """The best (cpu, wall) over ``runs`` calls of ``work()``, which
    returns the CPU seconds it used."""
    best = None
    for _ in range(runs):
        began = time.perf_counter()
        cpu = work()
        wall = time.perf_counter() - began
        if best is None or cpu < best[0]:
            best = (cpu, wall)
    return best


def self_cpu() -> float:
    t = os.times()
    return t.user + t.system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=3, help="draws of the corpus (each ~3 MB)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--corpus", help="use this JSON-lines file instead of generating one")
    args = parser.parse_args()

    import textmend

    cli = os.environ.get("TEXTMEND") or str(ROOT / "target" / "release" / "textmend")
    tmp = Path(tempfile.mkdtemp(prefix="textmend-bench-"))
    corpus = Path(args.corpus) if args.corpus else tmp / "corpus.jsonl"
    if not args.corpus:
        subprocess.run(
            [sys.executable, str(ROOT / "benches" / "make_corpus.py"), "--copies", str(args.copies), "-o", str(corpus)],
            check=True,
            env={**os.environ, "TEXTMEND": cli},
        )
    data = corpus.read_bytes()
    mb = len(data) / 1e6
    text = data.decode("utf-8")
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    lines = [line for line in lines if line]
    # The CLI streams an input longer than 1 MiB as plain text, learning
    # from its first 1 MiB, even with --jsonl; so the records go to it in
    # files of at most 4 MB, each repaired record by record.
    shards, size = [[]], 0
    for line in lines:
        if size + len(line.encode()) > 4_000_000 and shards[-1]:
            shards.append([])
            size = 0
        shards[-1].append(line)
        size += len(line.encode())
    files = []
    for i, shard in enumerate(shards):
        path = tmp / f"shard-{i:02}.jsonl"
        path.write_text("".join(shard), encoding="utf-8")
        files.append(str(path))
    records = sum(1 for line in lines if textmend.jsonl_value(line) is not None)
    print(f"corpus: {corpus} ({mb:.1f} MB, {records} records)", file=sys.stderr)

    results = []
    command = [cli, "-q", "-j", "1", "--jsonl", "--field", "text", *files]
    expected = subprocess.run(command, capture_output=True, check=True).stdout

    def run_cli():
        began = os.times()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        done = os.times()
        return (done.children_user - began.children_user) + (done.children_system - began.children_system)

    results.append(("CLI `textmend -j 1 --jsonl`", *measure(run_cli, args.runs)))

    mender = textmend.Mender(threads=1)

    def python_loop():
        began = self_cpu()
        out = []
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                out.append(line)
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                mended = mender.mend(record["text"])
                if mended.changed:
                    record["text"] = mended.text
                    line = json.dumps(record, ensure_ascii=False) + "\n"
            out.append(line)
        python_loop.out = out
        return self_cpu() - began

    results.append(("Python loop: json.loads, `Mender.mend`, json.dumps", *measure(python_loop, args.runs)))
    repaired = [json.loads(l) for l in python_loop.out if l.strip().startswith("{")]
    cli_records = [json.loads(l) for l in expected.decode().split("\n") if l.strip().startswith("{")]
    assert repaired == cli_records, "the Python loop's records differ from the CLI's"

    values = [textmend.jsonl_value(line) for line in lines]
    values = [v for v in values if v is not None]

    def many():
        began = self_cpu()
        texts = []
        for i in range(0, len(values), 256):
            texts += [m.text for m in mender.mend_many(values[i : i + 256])]
        many.texts = texts
        return self_cpu() - began

    results.append(("`Mender.mend_many`, batches of 256", *measure(many, args.runs)))
    assert many.texts == [r["text"] for r in cli_records if isinstance(r.get("text"), str)]

    def jsonl():
        began = self_cpu()
        out = []
        for i in range(0, len(lines), 256):
            out += mender.mend_jsonl(lines[i : i + 256])
        jsonl.out = out
        return self_cpu() - began

    results.append(("`Mender.mend_jsonl`, batches of 256", *measure(jsonl, args.runs)))
    assert "".join(jsonl.out).encode() == expected

    if not args.no_spark:
        from pyspark.sql import SparkSession

        from textmend import spark as tmspark

        os.environ["PYSPARK_PYTHON"] = sys.executable
        began = time.perf_counter()
        session = (
            SparkSession.builder.master("local[1]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.memory", "2g")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        startup = time.perf_counter() - began
        jvm = session.sparkContext._gateway.proc.pid if session.sparkContext._gateway.proc else None
        # A first pass over the records, copying them through a Python
        # worker, starts the worker and compiles the JVM's hot paths (its
        # JIT costs about 5 CPU-seconds once per session); it is not counted.
        began = tree_cpu(jvm) if jvm else 0.0
        warm = session.read.option("lineSep", "\n").text(files).rdd.map(lambda row: (row[0],))
        session.createDataFrame(warm, "value string").write.text(str(tmp / "spark-warm-up"))
        warm_cpu = (tree_cpu(jvm) if jvm else 0.0) - began
        n = [0]

        def spark_run():
            out = tmp / f"spark-{n[0]}"
            n[0] += 1
            began = tree_cpu(jvm) if jvm else 0.0
            tmspark.run(session, str(tmp / "shard-*.jsonl"), str(out))
            spark_run.out = out
            return (tree_cpu(jvm) if jvm else 0.0) - began

        results.append(("Spark `local[1]`, record mode", *measure(spark_run, args.runs)))
        parts = sorted(p for p in spark_run.out.iterdir() if p.name.startswith("part-"))
        # Spark packs several files into partitions by size, so its lines
        # come in another order than the files'.
        got = b"".join(p.read_bytes() for p in parts)
        assert sorted(got.split(b"\n")) == sorted(expected.split(b"\n"))
        session.stop()
        print(
            f"Spark session start-up: {startup:.1f} s wall; warm-up pass (copying the records through Python): "
            f"{warm_cpu:.1f} CPU-seconds (neither counted)",
            file=sys.stderr,
        )

    reference = results[0][1]
    print(f"\n{mb:.1f} MB, {records} records; best of {args.runs} run(s); CPU time of the working processes\n")
    print("| path | CPU s | MB per CPU-second | vs CLI | wall s |")
    print("|---|---:|---:|---:|---:|")
    for name, cpu, wall in results:
        print(f"| {name} | {cpu:.2f} | {mb / cpu:.2f} | {reference / cpu:.0%} | {wall:.2f} |")


if __name__ == "__main__":
    main()
