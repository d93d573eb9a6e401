"""Cleaning from Python (issue #21): ``Cleaner`` and ``Mender(clean=...)``
against the labelled seed bodies and against ``textmend clean`` and
``textmend --clean``, byte for byte."""

import json
import pickle

import pytest

import textmend
from conftest import ROOT, run_cli

FURNITURE = ROOT / "fixtures" / "furniture"
SEEDS = ["000_f07a7f5762bdc512", "001_cd878cb6dc3a5027", "003_c01601a3d6194ed1", "004_a8a708190db0c4ae"]
SEED = FURNITURE / "003_c01601a3d6194ed1.in.txt"


def test_the_seeds_come_out_as_their_labelled_bodies():
    cleaner = textmend.Cleaner()
    for name in SEEDS:
        text = (FURNITURE / f"{name}.in.txt").read_text(encoding="utf-8")
        cleaned = cleaner.clean(text)
        assert cleaned.text == (FURNITURE / f"{name}.body.txt").read_text(encoding="utf-8"), name
        assert cleaned.changed and cleaned.removals > 0
        for edit in cleaned.edits:
            assert edit.is_cleaning and edit.kind in ("furniture", "hygiene")
            assert text[edit.start : edit.end] == edit.before
            assert edit.reason and edit.rule == f"{edit.kind}: {edit.reason}"
            assert edit.rules == []
        removals = [e for e in cleaned.edits if e.kind == "furniture"]
        assert len(removals) == cleaned.removals
        assert all(e.after == "" for e in removals)


def test_clean_text_is_handed_back_as_it_is():
    text = (ROOT / "fixtures" / "clean" / "persuasion.txt").read_text(encoding="utf-8")
    cleaned = textmend.Cleaner().clean(text)
    assert cleaned.text is text
    assert not cleaned.changed and cleaned.edits == [] and cleaned.removals == 0


def test_options_are_keywords_with_safe_defaults():
    text = "Prix\u00a0: 10\u202f€ \u2014 \u201cbon\u201d.\u200b\n"
    assert textmend.Cleaner().clean(text).text == "Prix\u00a0: 10\u202f€ \u2014 \u201cbon\u201d.\n"
    opted = textmend.Cleaner(nbsp=True, quotes=True, dashes=True, invisible=False).clean(text)
    assert opted.text == 'Prix : 10 € - "bon".\u200b\n'
    assert {e.kind for e in opted.edits} == {"hygiene"}
    with pytest.raises(ValueError):
        textmend.Cleaner(repeat_share=2.0)
    with pytest.raises(TypeError):
        textmend.Cleaner(True)  # keywords only


def test_output_equals_textmend_clean_and_clean_with_repair(cli):
    text = SEED.read_text(encoding="utf-8")
    assert textmend.Cleaner().clean(text).text.encode() == run_cli(cli, "clean", SEED)
    assert textmend.Cleaner(max_blank_lines=1).clean(text).text.encode() == run_cli(
        cli, "clean", "--blank-lines", "1", SEED
    )
    mended = textmend.Mender(clean=True).mend(text)
    assert mended.text.encode() == run_cli(cli, "--clean", SEED)
    assert "attend the Ukraine-Southeast Europe Summit" in mended.text
    kinds = [e.kind for e in mended.edits]
    assert kinds.count("furniture") == 6 and kinds.count("word-swap") == 10
    # One list of edits of the input, as the CLI's JSON report gives it.
    cli_edits = [
        json.loads(line)
        for line in run_cli(cli, "--clean", "--format", "json", SEED).decode().splitlines()
        if json.loads(line)["type"] == "edit"
    ]
    assert [(e.start, e.end, e.before, e.after, e.kind, e.rule) for e in mended.edits] == [
        (c["chars"][0], c["chars"][1], c["before"], c["after"], c["kind"], c["rule"]) for c in cli_edits
    ]
    for edit in mended.edits:
        assert text[edit.start : edit.end] == edit.before
    # Without clean the repair is what it was.
    plain = textmend.Mender().mend(text)
    assert "Leave a Reply" in plain.text and not any(e.is_cleaning for e in plain.edits)


def test_a_configured_cleaner_cleans_before_repair_and_pickles():
    cleaner = textmend.Cleaner(furniture=False)
    assert repr(cleaner) == "Cleaner(furniture=False)"
    mender = textmend.Mender(clean=cleaner)
    text = SEED.read_text(encoding="utf-8")
    mended = mender.mend(text)
    assert "Leave a Reply" in mended.text
    assert "attend the Ukraine" in mended.text
    assert not any(e.kind == "furniture" for e in mended.edits)
    copy = pickle.loads(pickle.dumps(mender))
    assert copy.mend(text).text == mended.text
    assert repr(pickle.loads(pickle.dumps(cleaner))) == repr(cleaner)
    with pytest.raises(TypeError):
        textmend.Mender(clean="yes")


def test_mend_many_and_jsonl_clean_too():
    text = SEED.read_text(encoding="utf-8")
    mender = textmend.Mender(clean=True)
    [many] = mender.mend_many([text])
    assert many.text == mender.mend(text).text
    line = json.dumps({"id": 1, "text": text})
    [(out, edits)] = mender.mend_jsonl([line], counts=True)
    assert json.loads(out)["text"] == many.text
    assert edits == len(many.edits)


def test_clean_many_removes_what_documents_of_one_group_share():
    stories = [
        "The mayor opened the new bridge over the river on Monday morning.",
        "Farmers brought their best cattle to the autumn show in the valley.",
        "A storm closed the harbour and kept the fishing boats at home for days.",
        "The library will stay open late during the exam weeks, its director said.",
    ]
    texts = [
        f"Weather and traffic for the region\n\n{story}\n\n"
        "So arbeitet die Redaktion: wir prüfen jede Meldung, bevor sie erscheint.\n"
        for story in stories
    ]
    cleaner = textmend.Cleaner()
    assert [c.changed for c in cleaner.clean_many(texts)] == [False] * 4
    grouped = cleaner.clean_many(texts, group=["a", "a", "a", "b"])
    assert [c.text for c in grouped[:3]] == [f"{s}\n" for s in stories[:3]]
    assert grouped[3].text is texts[3]
    assert "seen in 3 of 3 documents" in grouped[0].edits[0].reason
    with pytest.raises(ValueError):
        cleaner.clean_many(texts, group=["a"])
