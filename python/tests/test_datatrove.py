"""The datatrove step: a pipeline of a JSON-lines reader, TextmendMender
and a writer, run by datatrove's local executor, repairs each document as
``textmend --jsonl`` repairs its record and keeps everything else."""

import gzip
import json
import pickle

import textmend
from conftest import SEED_003, records, require_extra, run_cli

require_extra("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from textmend.datatrove import TextmendMender  # noqa: E402


def cli_texts(cli, corpus):
    out = {}
    for line in run_cli(cli, "--jsonl", "--field", "text", corpus).decode().split("\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            out[record["id"]] = record["text"]
    return out


def test_a_pipeline_repairs_documents_as_the_cli_does(cli, corpus, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # datatrove's reader wants records with a string text and an id.
    lines = [l for l in records(corpus) if isinstance(textmend.jsonl_value(l), str) and '"id"' in l]
    (data / "corpus.jsonl").write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    step = TextmendMender(batch_size=16)
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(data)),
            step,
            JsonlWriter(str(out)),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = {}
    for path in out.iterdir():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                written[record["id"]] = record
    assert {k: r["text"] for k, r in written.items()} == cli_texts(cli, corpus)
    assert sum(r["metadata"]["textmend_edits"] for r in written.values()) > 50
    assert all(r["metadata"]["source"] for r in written.values())  # other fields kept
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    mine = next(s for s in stats if "textmend" in s["name"])
    assert mine["stats"]["total"] == len(lines)
    assert mine["stats"]["mended"] > 10
    assert mine["stats"]["edits"]["total"] > 50


def test_the_step_alone_with_rules_and_edits_kept(tmp_path):
    rules = tmp_path / "rules.tsv"
    rules.write_text("finish\tend\n", encoding="utf-8")
    step = TextmendMender(rules=str(rules), keep_edits=True)
    docs = [
        Document(text="They attfinish the summit. The agfinisha is long.", id="1"),
        Document(text="Nothing to see here.", id="2"),
    ]
    out = list(step.run(iter(docs)))
    assert out[0].text == "They attend the summit. The agenda is long."
    assert out[0].metadata["textmend_edits"] == 2
    assert out[0].metadata["textmend"][0]["rule"] == "finish→end"
    assert out[1].text == "Nothing to see here." and out[1].metadata["textmend_edits"] == 0
    # Pipelines are pickled to their workers; the mender is rebuilt there.
    copy = pickle.loads(pickle.dumps(step))
    assert copy._mender is None
    again = Document(text="Delegates attfinish the agfinisha.", id="3")
    assert list(copy.run(iter([again])))[0].text == "Delegates attend the agenda."


def test_the_step_takes_each_documents_language_from_its_metadata():
    text = SEED_003.read_text(encoding="utf-8").replace("\n\n", "\n")
    step = TextmendMender(lang_metadata="language")
    docs = [
        Document(text=text, id="en", metadata={"language": "en"}),
        Document(text=text, id="de", metadata={"language": "de"}),
        Document(text=text, id="none"),
    ]
    out = {doc.id: doc.text for doc in step.run(iter(docs))}
    assert out["en"] == out["none"] != text
    assert out["de"] == text
