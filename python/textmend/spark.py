"""textmend on Spark: repair every record of a JSON-lines or Parquet corpus,
with rules learned from each record (``record`` mode) or from all the
records of a group together (``pooled`` mode).

Two modes, each equal to a CLI command on the same input:

``record``
    Each record learns from its own text, as ``textmend --jsonl --field
    text FILE`` does: the output lines are byte-identical to the CLI's
    (only the repaired field's value changes, re-encoded as the CLI
    re-encodes it; other fields, key order, spacing and escapes stay).

``pooled``
    Each partition counts the learning statistics of its records per group
    (``Mender.stats``, every record a text of its own), the statistics are
    merged per group (``reduceByKey``), the driver decides one rule set per
    group (``Mender.decide``), broadcasts them as rules-file text, and every
    record is repaired with its own rules first and then those of its
    group's rules that hold in it (``Mender.mend_jsonl(..., group=)``). The
    output lines are byte-identical to ``textmend --jsonl --field text
    [--group-by FIELD]`` (``--scope corpus`` without a group field) on the
    same records. The first step equals ``textmend learn --stats --jsonl
    --field text [--group-by FIELD] SHARD`` on any split of the records
    into shards: both count each record as a document of its own
    (docs/corpora.md).

Rules given per group (``rules=``, say read from ``textmend learn
--merge``'s file) are applied as ``textmend --jsonl --group-by FIELD
--rules FILE`` applies a grouped rules file: each record gets the rules of
its group that hold in it, and learns nothing unless ``learn=True``.

Run it as a script (``python -m textmend.spark --help``, or spark-submit
``spark/textmend_job.py``) or from your own job with ``mend_dataframe``,
``mend_lines`` and ``learn_rules``. pyspark is imported only when a
function here needs it, so ``import textmend`` never does.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from ._textmend import Mender, Rules, Stats, jsonl_value

if TYPE_CHECKING:  # pragma: no cover
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["learn_rules", "mend_dataframe", "mend_lines", "run", "main"]

#: Lines or rows handed to the Rust library at a time: enough to make the
#: per-call cost vanish, few enough to keep a partition streaming.
BATCH = 256

#: The name of the column ``mend_dataframe`` adds with each record's edits.
EDITS_COLUMN = "textmend_edits"

# Menders built in this worker process, by their options, and group rules
# read from broadcast text, by its digest: Spark reuses Python workers
# across tasks, so each is built once per process.
_MENDERS: Dict[str, Mender] = {}
_RULES: Dict[str, Rules] = {}


def _mender(options: Dict[str, Any]) -> Mender:
    """A mender with ``options``, built once per worker process and kept on
    one thread: Spark gives each task one core."""
    key = repr(sorted(options.items()))
    mender = _MENDERS.get(key)
    if mender is None:
        kwargs = dict(options)
        kwargs.setdefault("threads", 1)
        mender = _MENDERS[key] = Mender(**kwargs)
    return mender


def _group_rules(text: str) -> Rules:
    """A group's rules from broadcast rules-file text, read once per worker."""
    key = hashlib.sha256(text.encode()).hexdigest()
    rules = _RULES.get(key)
    if rules is None:
        rules = _RULES[key] = Rules.parse(text, "<broadcast>")
    return rules


def _repair_options(options: Dict[str, Any], pooled: bool) -> Dict[str, Any]:
    """The mender options a repair with group rules runs with: learning
    from each record when the rules were pooled, nothing learned when they
    were given (unless ``learn`` says otherwise), as the CLI does."""
    if pooled:
        return options
    return {"learn": False, **options}


def _batches(items: Iterable[Any], size: int = BATCH) -> Iterator[List[Any]]:
    batch: List[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _line_group(line: str, group: Optional[str]) -> Optional[str]:
    """The group of a JSON line: the string value of field ``group``, the
    JSON text of another value (``5``), or None."""
    if group is None:
        return None
    value = jsonl_value(line, group)
    if value is not None:
        return value
    import json

    try:
        record = json.loads(line)
    except ValueError:
        return None
    if isinstance(record, dict) and record.get(group) is not None:
        return json.dumps(record[group], sort_keys=True)
    return None


# ---------------------------------------------------------------------------
# Learning: statistics per partition and group, merged, decided per group.


def _stats(options: Dict[str, Any], text_and_group: Callable[[Any], Optional[Tuple[str, Any]]]) -> Callable:
    """A partition's statistics per group; ``text_and_group`` gives an
    item's text and group name, or None to leave the item out."""

    def stats(items: Iterable[Any]) -> Iterator[Tuple[Any, Stats]]:
        mender = _mender(options)
        merged: Dict[Any, Stats] = {}
        for batch in _batches(items):
            texts, names = [], []
            for item in batch:
                found = text_and_group(item)
                if found is not None:
                    texts.append(found[0])
                    names.append(found[1])
            for name, counted in mender.stats(texts, group=names).items():
                if name in merged:
                    merged[name].merge(counted)
                else:
                    merged[name] = counted
        yield from merged.items()

    return stats


def _line_stats(options: Dict[str, Any], field: str, group: Optional[str]) -> Callable:
    def text_and_group(line: str) -> Optional[Tuple[str, Any]]:
        value = jsonl_value(line, field)
        if value is None:
            return None
        return value, _line_group(line, group)

    return _stats(options, text_and_group)


def _row_stats(options: Dict[str, Any], field: str, group: Optional[str]) -> Callable:
    def text_and_group(row: Any) -> Optional[Tuple[str, Any]]:
        value = row[field]
        if not isinstance(value, str):
            return None
        return value, row[group] if group is not None else None

    return _stats(options, text_and_group)


def learn_rules(
    data: "RDD | DataFrame",
    field: str = "text",
    group: Optional[str] = None,
    **options: Any,
) -> Dict[Any, Rules]:
    """One rule set per group (the key None when ``group`` is None or a
    record has none), learned from statistics counted per partition and
    merged: ``data`` is an RDD of JSON lines or a DataFrame with a string
    column ``field``. ``options`` are ``Mender``'s."""
    from pyspark.sql import DataFrame

    if isinstance(data, DataFrame):
        columns = [field] + ([group] if group is not None and group != field else [])
        counted = data.select(*columns).rdd.mapPartitions(_row_stats(options, field, group))
    else:
        counted = data.mapPartitions(_line_stats(options, field, group))
    merged = counted.reduceByKey(lambda a, b: a + b).collect()
    mender = _mender(options)
    return {name: mender.decide(stats) for name, stats in merged}


# ---------------------------------------------------------------------------
# Repair.


def _repair_lines(
    options: Dict[str, Any],
    field: str,
    group: Optional[str],
    rules: Optional["Any"],
    counters: Optional[Tuple[Any, Any]],
) -> Callable:
    def repair(lines: Iterable[str]) -> Iterator[str]:
        table = rules.value if rules is not None else None
        edits = records = 0
        for batch in _batches(lines):
            if table is None:
                done = _mender(options).mend_jsonl(batch, field, counts=True)
            else:
                # Lines of one group at a time, put back in order.
                done = [None] * len(batch)
                by_group: Dict[Any, List[int]] = {}
                for i, line in enumerate(batch):
                    by_group.setdefault(_line_group(line, group), []).append(i)
                mender = _mender(options)
                for name, indices in by_group.items():
                    group_rules = _group_rules(table.get(name, ""))
                    pairs = mender.mend_jsonl(
                        [batch[i] for i in indices], field, counts=True, group=group_rules
                    )
                    for i, pair in zip(indices, pairs):
                        done[i] = pair
            for line, n in done:
                edits += n
                records += n > 0
                yield line
        if counters is not None:
            counters[0].add(edits)
            counters[1].add(records)

    return repair


def mend_lines(
    lines: "RDD",
    field: str = "text",
    group: Optional[str] = None,
    pooled: bool = False,
    rules: Optional[Dict[Any, Rules]] = None,
    **options: Any,
) -> "RDD":
    """An RDD of JSON lines (without line ends) with field ``field`` of each
    record repaired as ``textmend --jsonl`` repairs it. ``pooled`` learns
    one rule set per ``group`` first (``learn_rules``), or takes ``rules``
    as the ones learned, and repairs as ``textmend --jsonl --group-by``;
    ``rules`` alone (a dict of group → ``Rules``) is applied as a grouped
    rules file is. ``options`` are ``Mender``'s."""
    sc = lines.context
    if pooled and rules is None:
        rules = learn_rules(lines, field, group, **options)
    table = None
    if rules is not None:
        table = sc.broadcast({name: r.to_text() for name, r in rules.items()})
        options = _repair_options(options, pooled)
    counters = (sc.accumulator(0), sc.accumulator(0))
    out = lines.mapPartitions(_repair_lines(options, field, group, table, counters))
    out.textmend_counters = counters  # type: ignore[attr-defined]
    return out


def _repair_rows(
    options: Dict[str, Any],
    field: str,
    group: Optional[str],
    rules: Optional[Any],
    edits_column: Optional[str],
    names: List[str],
) -> Callable:
    at = names.index(field)

    def repair(rows: Iterable[Any]) -> Iterator[tuple]:
        table = rules.value if rules is not None else None
        for batch in _batches(rows):
            done: List[Any] = [None] * len(batch)
            by_group: Dict[Any, List[int]] = {}
            for i, row in enumerate(batch):
                if isinstance(row[field], str):
                    name = row[group] if (group is not None and table is not None) else None
                    by_group.setdefault(name, []).append(i)
            mender = _mender(options)
            for name, indices in by_group.items():
                texts = [batch[i][field] for i in indices]
                if table is None:
                    mended = mender.mend_many(texts)
                else:
                    mended = mender.mend_many(texts, group=_group_rules(table.get(name, "")))
                for i, m in zip(indices, mended):
                    done[i] = m
            for row, m in zip(batch, done):
                values = list(row)
                if m is not None:
                    values[at] = m.text
                if edits_column is not None:
                    values.append(len(m.edits) if m is not None else None)
                yield tuple(values)

    return repair


def mend_dataframe(
    df: "DataFrame",
    field: str = "text",
    group: Optional[str] = None,
    pooled: bool = False,
    rules: Optional[Dict[Any, Rules]] = None,
    edits_column: Optional[str] = EDITS_COLUMN,
    **options: Any,
) -> "DataFrame":
    """``df`` with its string column ``field`` repaired record by record
    (each learning from itself), and with the rules learned per ``group``
    when ``pooled`` (or given in ``rules``), as ``mend_lines`` does. Adds an integer column
    ``edits_column`` (None: none) with each record's number of edits.
    Other columns pass through. ``options`` are ``Mender``'s."""
    from pyspark.sql.types import LongType, StructField, StructType

    spark = df.sparkSession
    if pooled and rules is None:
        rules = learn_rules(df, field, group, **options)
    table = None
    if rules is not None:
        table = spark.sparkContext.broadcast({name: r.to_text() for name, r in rules.items()})
        options = _repair_options(options, pooled)
    schema = df.schema
    if edits_column is not None:
        schema = StructType(list(schema.fields) + [StructField(edits_column, LongType(), True)])
    repaired = df.rdd.mapPartitions(
        _repair_rows(options, field, group, table, edits_column, df.columns)
    )
    return spark.createDataFrame(repaired, schema)


# ---------------------------------------------------------------------------
# The job.


def _format(path: str, given: Optional[str]) -> str:
    if given:
        return given
    name = path.rstrip("/").lower()
    if name.endswith(".parquet") or name.endswith(".pq"):
        return "parquet"
    return "jsonl"


def run(
    spark: "SparkSession",
    input: str,
    output: str,
    *,
    format: Optional[str] = None,
    field: str = "text",
    group: Optional[str] = None,
    pooled: bool = False,
    rules_out: Optional[str] = None,
    overwrite: bool = False,
    **options: Any,
) -> Dict[str, Any]:
    """Reads ``input`` (JSON lines, or Parquet when ``format`` says so or
    the name ends in ``.parquet``), repairs field ``field`` of every record,
    and writes ``output`` in the same format: a directory of part files
    (for JSON lines, their concatenation in name order is the CLI's output
    for a file that ends with a line end). With ``rules_out`` the learned
    rules of each group are written there too, one rules file per group.
    Returns a summary."""
    kind = _format(input, format)
    mode = "overwrite" if overwrite else "errorifexists"
    rules = None
    summary: Dict[str, Any] = {"format": kind, "mode": "pooled" if pooled else "record"}
    if kind == "jsonl":
        lines = spark.read.option("lineSep", "\n").text(input).rdd.map(lambda row: row[0])
        if pooled:
            rules = learn_rules(lines, field, group, **options)
        repaired = mend_lines(lines, field, group, pooled=pooled, rules=rules, **options)
        spark.createDataFrame(repaired.map(lambda line: (line,)), "value string").write.mode(
            mode
        ).option("lineSep", "\n").text(output)
        edits, records = repaired.textmend_counters  # type: ignore[attr-defined]
        summary.update(edits=edits.value, records_repaired=records.value)
    elif kind == "parquet":
        df = spark.read.parquet(input)
        if pooled:
            rules = learn_rules(df, field, group, **options)
        repaired = mend_dataframe(df, field, group, pooled=pooled, rules=rules, **options)
        repaired.write.mode(mode).parquet(output)
    else:
        raise ValueError(f"unknown format {kind!r}: expected jsonl or parquet")
    if rules is not None:
        summary["rules"] = {str(name): len(r) for name, r in rules.items()}
        if rules_out is not None:
            _write_rules(spark, rules, rules_out)
    return summary


def _write_rules(spark: "SparkSession", rules: Dict[Any, Rules], directory: str) -> None:
    """One rules file per group in ``directory`` (on the driver's file
    system): ``GROUP.tsv``, ``all.tsv`` for records without a group."""
    import os
    import re

    os.makedirs(directory, exist_ok=True)
    for name, r in rules.items():
        stem = "all" if name is None else re.sub(r"[^\w.-]+", "_", str(name)) or "_"
        r.write(os.path.join(directory, f"{stem}.tsv"))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m textmend.spark",
        description="Repair one text field of every record of a JSON-lines or Parquet corpus with Spark.",
    )
    parser.add_argument("input", help="JSON lines or Parquet (a file, a directory or a glob)")
    parser.add_argument("output", help="a directory for the repaired part files")
    parser.add_argument("--format", choices=["jsonl", "parquet"], help="default: by the input's name")
    parser.add_argument("--field", default="text", help="the text field (default: text)")
    parser.add_argument("--group", help="with --pooled: learn one rule set per value of this field")
    parser.add_argument(
        "--pooled",
        action="store_true",
        help="learn rules from all records (of a group) together, then repair; default: each record learns from itself",
    )
    parser.add_argument("--rules-out", help="with --pooled: write each group's rules file to this directory")
    parser.add_argument("--lang", default="auto")
    parser.add_argument("--mode", default="auto", choices=["auto", "spinner", "ocr"])
    parser.add_argument("--whole-words", action="store_true")
    parser.add_argument(
        "--thesaurus", action="append", default=[], metavar="LANG=FILE", help="a MyThes file (on every worker)"
    )
    parser.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    parser.add_argument("--overwrite", action="store_true", help="replace the output directory")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("textmend")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    options: Dict[str, Any] = {"lang": args.lang, "mode": args.mode, "whole_words": args.whole_words}
    if args.thesaurus:
        options["thesaurus"] = dict(t.split("=", 1) for t in args.thesaurus)
    try:
        summary = run(
            spark,
            args.input,
            args.output,
            format=args.format,
            field=args.field,
            group=args.group,
            pooled=args.pooled,
            rules_out=args.rules_out,
            overwrite=args.overwrite,
            **options,
        )
    finally:
        spark.stop()
    print(f"textmend: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
