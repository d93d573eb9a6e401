"""The Spark job in local mode (local[2], the corpus cut into several
partitions) against the CLI commands each mode equals:

* record mode = ``textmend --jsonl --field text FILE``;
* pooled mode with groups = per group, ``textmend learn --stats --jsonl``
  on shards of the group's records, ``textmend learn --merge``, and
  ``textmend --rules RULES --jsonl`` on the group's records.
"""

import json
import os
import sys
from pathlib import Path

import pytest

import textmend
from conftest import records, require_extra, run_cli

require_extra("pyspark")

from textmend import spark as tmspark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Workers run this interpreter (the test environment's).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("textmend-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        # Several partitions per file, so that statistics are merged.
        .config("spark.sql.files.maxPartitionBytes", str(64 * 1024))
        .config("spark.sql.files.openCostInBytes", "0")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def parts(directory: Path, suffix: str = ".txt") -> bytes:
    """The part files of a Spark output, concatenated in name order."""
    files = sorted(p for p in Path(directory).iterdir() if p.name.startswith("part-") and p.name.endswith(suffix))
    assert files, f"no part files in {directory}"
    return b"".join(p.read_bytes() for p in files)


def test_record_mode_equals_textmend_jsonl(spark, cli, corpus, tmp_path):
    out = tmp_path / "out"
    summary = tmspark.run(spark, str(corpus), str(out))
    assert spark.read.text(str(corpus)).rdd.getNumPartitions() > 1
    expected = run_cli(cli, "--jsonl", "--field", "text", corpus)
    assert parts(out) == expected
    assert summary["edits"] > 50 and summary["records_repaired"] > 10


def cli_pooled(cli, corpus: Path, group: str, tmp: Path):
    """The CLI's pooled repair per group: statistics of two shards of the
    group's records, merged into rules, applied to the group's records;
    the repaired lines in the corpus's order, and each group's rules."""
    lines = records(corpus)
    by_group = {}
    for i, line in enumerate(lines):
        try:
            record = json.loads(line)
            name = record.get(group) if isinstance(record, dict) else None
        except ValueError:
            name = None
        by_group.setdefault(name, []).append(i)
    out = list(lines)
    rules = {}
    for k, (name, indices) in enumerate(by_group.items()):
        members = [lines[i] for i in indices]
        half = len(members) // 2
        shards = []
        for s, chunk in enumerate((members[:half], members[half:])):
            shard = tmp / f"g{k}-{s}.jsonl"
            shard.write_text("".join(chunk), encoding="utf-8")
            stats = tmp / f"g{k}-{s}.stats"
            stats.write_bytes(run_cli(cli, "learn", "--stats", "--jsonl", "--field", "text", shard))
            shards.append(stats)
        table = tmp / f"g{k}.tsv"
        table.write_bytes(run_cli(cli, "learn", "--merge", *shards))
        rules[name] = table.read_text(encoding="utf-8")
        whole = tmp / f"g{k}.jsonl"
        whole.write_text("".join(members), encoding="utf-8")
        repaired = run_cli(cli, "--rules", table, "--jsonl", "--field", "text", whole).decode()
        for i, line in zip(indices, repaired.split("\n")):
            out[i] = line + "\n"
    return "".join(out).encode(), rules


def test_pooled_mode_by_group_equals_learn_stats_merge_and_rules(spark, cli, corpus, tmp_path):
    out = tmp_path / "out"
    rules_dir = tmp_path / "rules"
    summary = tmspark.run(spark, str(corpus), str(out), pooled=True, group="source", rules_out=str(rules_dir))
    expected, rules = cli_pooled(cli, corpus, "source", tmp_path)
    # Each group's rules file is the CLI's, byte for byte (the lines
    # without a group are no records: they have no statistics).
    del rules[None]
    assert sorted(p.stem for p in rules_dir.iterdir()) == sorted(rules)
    for name, text in rules.items():
        assert (rules_dir / f"{name}.tsv").read_text(encoding="utf-8") == text, name
    assert summary["rules"]["site-a"] > 0 and summary["rules"]["site-b"] > 0
    assert parts(out) == expected


def test_pooled_mode_without_groups_learns_one_rule_set(spark, cli, corpus, tmp_path):
    """Records in English and French together: each record's statistics
    are counted on its own (see test_jsonl), and the rules decided on all
    are applied as ``--rules`` applies them."""
    out = tmp_path / "out"
    rules_dir = tmp_path / "rules"
    tmspark.run(spark, str(corpus), str(out), pooled=True, rules_out=str(rules_dir))
    mender = textmend.Mender()
    values = [v for v in map(textmend.jsonl_value, records(corpus)) if v is not None]
    rules = mender.decide(mender.stats(values))
    assert textmend.Rules.read(rules_dir / "all.tsv") == textmend.Rules.parse(rules.to_text())
    expected = run_cli(cli, "--rules", rules_dir / "all.tsv", "--jsonl", "--field", "text", corpus)
    assert parts(out) == expected


def parquet_corpus(spark, corpus: Path, path: Path) -> None:
    rows = []
    for line in records(corpus):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            rows.append((record["id"], record["source"], record["text"]))
    spark.createDataFrame(rows, "id string, source string, text string").repartition(3).write.parquet(str(path))


def test_parquet_record_and_pooled_modes(spark, cli, corpus, tmp_path):
    source = tmp_path / "in.parquet"
    parquet_corpus(spark, corpus, source)
    # Record mode: each text as the CLI's --jsonl repairs it.
    expected = {}
    for line in run_cli(cli, "--jsonl", "--field", "text", corpus).decode().split("\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            expected[record["id"]] = record["text"]
    out = tmp_path / "out.parquet"
    tmspark.run(spark, str(source), str(out))
    got = {r["id"]: (r["text"], r["source"], r[tmspark.EDITS_COLUMN]) for r in spark.read.parquet(str(out)).collect()}
    assert {k: v[0] for k, v in got.items()} == expected
    assert sum(v[2] for v in got.values()) > 50
    # Pooled by group: the same texts as the JSON-lines run of the same mode.
    pooled = tmp_path / "pooled.parquet"
    tmspark.run(spark, str(source), str(pooled), pooled=True, group="source")
    jsonl_out = tmp_path / "pooled-jsonl"
    tmspark.run(spark, str(corpus), str(jsonl_out), pooled=True, group="source")
    from_jsonl = {}
    for line in parts(jsonl_out).decode().split("\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            from_jsonl[record["id"]] = record["text"]
    assert {r["id"]: r["text"] for r in spark.read.parquet(str(pooled)).collect()} == from_jsonl


def test_the_job_runs_from_the_command_line(cli, corpus, tmp_path):
    import subprocess

    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "textmend.spark", "--master", "local[1]", str(corpus), str(out)],
        capture_output=True,
        env={**os.environ, "PYSPARK_PYTHON": sys.executable},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert b"textmend: {" in done.stderr
    assert parts(out) == run_cli(cli, "--jsonl", "--field", "text", corpus)
