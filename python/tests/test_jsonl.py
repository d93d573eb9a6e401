"""JSON lines and corpus statistics against the CLI, on a generated corpus
of spun, scanned, mojibake and clean records in English and French."""

import json

import textmend
from conftest import records, run_cli


def test_mend_jsonl_is_byte_identical_to_the_cli(cli, corpus):
    lines = records(corpus)
    expected = run_cli(cli, "-j", "1", "--jsonl", "--field", "text", corpus)
    out = textmend.Mender(threads=1).mend_jsonl(lines)
    assert "".join(out).encode() == expected
    # Something was repaired, and unrepaired lines are the very same objects.
    changed = [a for a, b in zip(out, lines) if a != b]
    assert len(changed) > 10
    assert all(a is b for a, b in zip(out, lines) if a == b)
    # Lines without their line ends come back without.
    bare = [line.rstrip("\n") for line in lines]
    assert textmend.Mender().mend_jsonl(bare) == [line.rstrip("\n") for line in out]


def test_only_the_field_changes(corpus):
    lines = records(corpus)
    pairs = textmend.Mender().mend_jsonl(lines, counts=True)
    assert sum(n for _, n in pairs) > 50
    for line, (new, n) in zip(lines, pairs):
        if n == 0:
            assert new is line
            continue
        before, after = json.loads(line), json.loads(new)
        assert list(before) == list(after)
        assert {k: v for k, v in before.items() if k != "text"} == {k: v for k, v in after.items() if k != "text"}
        assert after["text"] == textmend.Mender().mend(before["text"]).text


def test_jsonl_value_reads_as_the_cli_does():
    line = '{"id": 7, "meta": {"text": "no"}, "t\\u00e9": "\\u00e9", "text": "caf\\u00e9 \\"x\\""}\n'
    assert textmend.jsonl_value(line) == 'café "x"'
    assert textmend.jsonl_value(line, "missing") is None
    assert textmend.jsonl_value("[1, 2]") is None
    assert textmend.jsonl_value('{"text": 3}') is None
    assert textmend.jsonl_value('{"text": "a"}\r\n') == "a"
    # A lone surrogate is no text (serde_json refuses it; json.loads would not).
    assert textmend.jsonl_value('{"text": "\\ud800"}') is None


def test_other_fields_and_line_ends_are_kept_byte_for_byte():
    mender = textmend.Mender()
    spun = "Delegates will attfinish the summit. The agfinisha is long."
    line = '{"z":1,  "text" : ' + json.dumps(spun) + ' ,"a":"\\u00e9"}\r\n'
    (out,) = mender.mend_jsonl([line])
    assert out == line.replace("attfinish", "attend").replace("agfinisha", "agenda")
    (field,) = mender.mend_jsonl(['{"body": ' + json.dumps(spun) + "}"], field="body")
    assert "attend" in field


def _values(lines):
    return [v for v in map(textmend.jsonl_value, lines) if v is not None]


def test_record_stats_equal_the_cli_with_one_file_per_record(cli, corpus, tmp_path):
    values = _values(records(corpus))
    paths = []
    for i, value in enumerate(values):
        path = tmp_path / f"{i:04}.txt"
        path.write_text(value, encoding="utf-8")
        paths.append(path)
    mender = textmend.Mender()
    assert mender.stats(values).to_text().encode() == run_cli(cli, "learn", "--stats", *paths)


def test_english_record_stats_equal_the_cli_jsonl_stats(cli, corpus, tmp_path):
    """The CLI counts each record of a JSON-lines shard as a document of
    its own, as ``Mender.stats`` counts each text."""
    lines = [l for l in records(corpus) if '"lang": "en"' in l or '"lang":"en"' in l]
    shard = tmp_path / "en.jsonl"
    shard.write_text("".join(lines), encoding="utf-8")
    stats = textmend.Mender().stats(_values(lines))
    assert stats.to_text().encode() == run_cli(cli, "learn", "--stats", "--jsonl", "--field", "text", shard)
