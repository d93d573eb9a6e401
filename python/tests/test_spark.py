"""The Spark job in local mode (local[2], the corpus cut into several
partitions) against the CLI commands each mode equals:

* record mode = ``textmend --jsonl --field text FILE``;
* pooled mode = ``textmend --jsonl --group-by source`` (``--scope
  corpus`` without groups), its rules those of ``textmend learn --stats``
  on shards merged by ``textmend learn --merge``;
* rules given per group = ``textmend --rules FILE --group-by source``.
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


def cli_rules(cli, corpus: Path, tmp: Path, *group: str) -> str:
    """The CLI's pooled rules, learned in shards: statistics of two halves
    of the corpus (``learn --stats``), merged (``learn --merge``)."""
    lines = records(corpus)
    half = len(lines) // 2
    shards = []
    for s, chunk in enumerate((lines[:half], lines[half:])):
        shard = tmp / f"shard{s}.jsonl"
        shard.write_text("".join(chunk), encoding="utf-8")
        stats = tmp / f"shard{s}.stats"
        stats.write_bytes(run_cli(cli, "learn", "--stats", "--jsonl", "--field", "text", *group, shard))
        shards.append(stats)
    return run_cli(cli, "learn", "--merge", *shards).decode()


def split_groups(merged: str):
    """Each group's rules-file text in a grouped rules file."""
    out, name = {}, None
    for line in merged.splitlines(keepends=True):
        if line.startswith("# group\t"):
            name = line[len("# group\t"):].rstrip("\n")
            out[name] = ""
            continue
        out[name] += line
    return out


def test_pooled_mode_by_group_equals_textmend_group_by(spark, cli, corpus, tmp_path):
    out = tmp_path / "out"
    rules_dir = tmp_path / "rules"
    summary = tmspark.run(spark, str(corpus), str(out), pooled=True, group="source", rules_out=str(rules_dir))
    grouped = ("--group-by", "source")
    merged = cli_rules(cli, corpus, tmp_path, *grouped)
    # Each group's rules are the CLI's sharded ones, rule for rule.
    expected_rules = split_groups(merged)
    assert sorted(p.stem for p in rules_dir.iterdir()) == sorted(expected_rules)
    for name, text in expected_rules.items():
        assert textmend.Rules.read(rules_dir / f"{name}.tsv") == textmend.Rules.parse(text), name
    assert summary["rules"]["site-a"] > 0 and summary["rules"]["site-b"] > 0
    # The repair is the CLI's pooled run, byte for byte, and the sharded
    # rules read back per group with --learn give it too.
    expected = run_cli(cli, "--jsonl", "--field", "text", *grouped, corpus)
    assert parts(out) == expected
    (tmp_path / "merged.tsv").write_text(merged, encoding="utf-8")
    given = run_cli(cli, "--rules", tmp_path / "merged.tsv", "--learn", "--jsonl", "--field", "text", *grouped, corpus)
    assert given == expected


def test_rules_given_per_group_equal_a_grouped_rules_file(spark, cli, corpus, tmp_path):
    """Rules given (not learned) apply as ``--rules FILE --group-by`` does:
    each record gets its group's rules that hold in it, nothing learned."""
    merged = cli_rules(cli, corpus, tmp_path, "--group-by", "source")
    (tmp_path / "merged.tsv").write_text(merged, encoding="utf-8")
    rules = {name: textmend.Rules.parse(text) for name, text in split_groups(merged).items()}
    out = tmp_path / "out"
    lines = spark.read.option("lineSep", "\n").text(str(corpus)).rdd.map(lambda row: row[0])
    repaired = tmspark.mend_lines(lines, "text", "source", rules=rules).collect()
    expected = run_cli(cli, "--rules", tmp_path / "merged.tsv", "--jsonl", "--field", "text", "--group-by", "source", corpus)
    assert "".join(line + "\n" for line in repaired).encode() == expected
    assert expected != run_cli(cli, "--jsonl", "--field", "text", corpus)


def test_pooled_mode_without_groups_learns_one_rule_set(spark, cli, corpus, tmp_path):
    """Records in English and French together: each record's statistics
    are counted on its own and in its language (see test_jsonl), and the
    output is ``textmend --scope corpus``'s."""
    out = tmp_path / "out"
    rules_dir = tmp_path / "rules"
    tmspark.run(spark, str(corpus), str(out), pooled=True, rules_out=str(rules_dir))
    mender = textmend.Mender()
    values = [v for v in map(textmend.jsonl_value, records(corpus)) if v is not None]
    rules = mender.decide(mender.stats(values))
    assert textmend.Rules.read(rules_dir / "all.tsv") == textmend.Rules.parse(rules.to_text())
    assert textmend.Rules.parse(cli_rules(cli, corpus, tmp_path)) == textmend.Rules.parse(rules.to_text())
    expected = run_cli(cli, "--scope", "corpus", "--jsonl", "--field", "text", corpus)
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
