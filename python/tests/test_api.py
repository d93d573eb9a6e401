"""The Python API: each method against the library's documented behaviour
and, where the CLI has the same operation, against the CLI's output."""

import pickle
import threading
import time

import pytest

import textmend
from conftest import ROOT, SEED_003, run_cli

SPUN = (
    "Delegates will attfinish the summit. The agfinisha is long, "
    "and every counattempt in the region sent a delegation."
)
CLEAN_FILES = sorted((ROOT / "fixtures" / "clean").glob("0*.txt")) + [ROOT / "fixtures" / "clean" / "persuasion.txt"]


@pytest.fixture(scope="module")
def mender():
    return textmend.Mender()


def test_the_acceptance_command_repairs_the_article(mender):
    text = SEED_003.read_text(encoding="utf-8")
    expected = SEED_003.with_name("003_c01601a3d6194ed1.out.txt").read_text(encoding="utf-8")
    mended = mender.mend(text)
    assert mended.text == expected
    assert len(mended.edits) == 11
    assert mended.changed


def test_output_equals_the_cli_with_and_without_whole_words(cli):
    text = SEED_003.read_text(encoding="utf-8")
    assert textmend.Mender().mend(text).text.encode() == run_cli(cli, SEED_003)
    whole = textmend.Mender(whole_words=True).mend(text)
    assert whole.text.encode() == run_cli(cli, "--whole-words", SEED_003)
    assert [e.after for e in whole.edits if e.is_whole_word] == ["told", "told"]


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: p.name)
def test_clean_text_comes_back_as_the_same_object(mender, path):
    text = path.read_text(encoding="utf-8")
    mended = mender.mend(text)
    assert mended.edits == []
    assert not mended.changed
    assert mended.text is text


def test_edits_carry_character_and_byte_spans(mender):
    text = "Café owners attfinish the summit. The agfinisha is long, and it\u00e2\u20ac\u2122s full."
    mended = mender.mend(text)
    assert [e.kind for e in mended.edits] == ["word-swap", "word-swap", "mojibake"]
    data = text.encode()
    for e in mended.edits:
        assert text[e.start : e.end] == e.before
        assert e.span == (e.start, e.end)
        assert data[e.byte_span[0] : e.byte_span[1]].decode() == e.before
        assert 0 < e.confidence <= 1
    first = mended.edits[0]
    assert (first.before, first.after, first.rule, first.rules) == ("attfinish", "attend", "finish→end", [("finish", "end")])
    assert first.byte_span == (first.start + 1, first.end + 1)  # é is two bytes
    assert first.to_dict()["rule"] == "finish→end"
    # Offsets of the output map back to the input.
    out = mended.text
    assert mended.input_offset(out.index("full")) == text.index("full")
    assert mended.input_offset(out.index("attend") + 2) == text.index("attfinish")


def test_suggestions_are_whole_word_repairs_not_applied(mender):
    spun = (
        "She notified him at once. Our innotifyigence units and theirs "
        "shared innotifyigence, and the notifyer notified them all."
    )
    mended = mender.mend(spun)
    assert "She notified him" in mended.text
    assert "told" in [s.after for s in mended.suggestions]
    assert all(s.is_whole_word and s.kind == "whole-word" for s in mended.suggestions)


def test_mend_many_equals_mend_one_by_one(mender):
    texts = [SEED_003.read_text(encoding="utf-8"), SPUN, "", "plain text", *(p.read_text() for p in CLEAN_FILES[:3])]
    for threads in (None, 1, 2):
        many = textmend.Mender(threads=threads).mend_many(texts)
        assert [m.text for m in many] == [mender.mend(t).text for t in texts]
        assert [len(m.edits) for m in many] == [len(mender.mend(t).edits) for t in texts]
    assert textmend.Mender().mend_many(iter([SPUN]))[0].text.startswith("Delegates will attend")


def test_a_label_stands_in_for_detecting_the_language(mender):
    # One paragraph: a text that mixes languages has its long paragraphs
    # judged one by one, labelled or not.
    text = SEED_003.read_text(encoding="utf-8").replace("\n\n", "\n")
    detected = mender.mend(text)
    assert detected.edits
    for label in ("en", "eng_Latn", "EN-us"):
        assert mender.mend(text, label=label).text == detected.text, label
    # English labelled German, and a language without a dictionary.
    assert mender.mend(text, label="deu_Latn").text == text
    assert mender.mend(text, label="sv").text == text
    many = mender.mend_many([text, text, text], labels=["en", None, "sv"])
    assert [m.text for m in many] == [detected.text, detected.text, text]
    with pytest.raises(ValueError, match="labels"):
        mender.mend_many([text], labels=[])
    with pytest.raises(ValueError, match="group"):
        mender.mend(text, group=mender.learn([text]), label="en")


def test_learned_rules_equal_the_cli(mender, cli):
    text = SEED_003.read_text(encoding="utf-8")
    rules = mender.learn([text])
    cli_rules = run_cli(cli, "learn", SEED_003).decode()
    # The CLI names its inputs in a comment line; the rules are the same.
    assert rules.to_text().splitlines() == [l for l in cli_rules.splitlines() if not l.startswith("# learned from")]
    assert textmend.Rules.parse(cli_rules) == textmend.Rules.parse(rules.to_text())
    assert [r.pair for r in rules][:2] == [("finish", "end"), ("attempt", "try")]
    first = rules[0]
    assert (first.from_, first.to, first.kind, first.words, first.tokens) == ("finish", "end", "synonym", 3, 5)
    assert ("agfinisha", "agenda") in first.examples
    assert ("finish", "end") in rules and ("end", "finish") not in rules
    assert rules[-1].kind == "whole-word" and rules[-1].keyness is not None
    assert len(rules) == 6 and bool(rules) and not textmend.Rules()


def test_rules_read_write_and_pickle(tmp_path, mender):
    rules = mender.mend(SEED_003.read_text(encoding="utf-8")).rules
    path = tmp_path / "rules.tsv"
    rules.write(path)
    assert path.read_text(encoding="utf-8") == rules.to_text() == str(rules)
    again = textmend.Rules.read(path)
    assert again.to_text() == rules.to_text()
    assert pickle.loads(pickle.dumps(rules)) == rules  # exact, confidences unrounded
    # A reviewer rejects a rule by commenting it out: it stays rejected.
    reviewed = rules.to_text().replace("\nutilize\t", "\n#utilize\t")
    reviewed = textmend.Rules.parse(reviewed)
    assert ("utilize", "use") in reviewed.rejected and ("utilize", "use") not in reviewed
    assert pickle.loads(pickle.dumps(reviewed)) == reviewed


def test_apply_and_given_rules_equal_the_cli(cli, tmp_path):
    rules_text = "finish\tend\tsynonym\nattempt\ttry\n"
    path = tmp_path / "rules.tsv"
    path.write_text(rules_text, encoding="utf-8")
    text = SEED_003.read_text(encoding="utf-8")
    expected = run_cli(cli, "--rules", path, SEED_003).decode()
    mender = textmend.Mender()
    assert mender.apply(text, textmend.Rules(rules_text)).text == expected
    assert mender.apply(text, path).text == expected
    assert textmend.Mender(rules=path).mend(text).text == expected
    given = textmend.Mender(rules=textmend.Rules(rules_text)).mend(text)
    assert {e.rule for e in given.edits} == {"finish→end", "attempt→try"}
    learning = textmend.Mender(rules=path, learn=True).mend(text)
    assert len(learning.edits) > len(given.edits)


def test_stats_merge_and_decide_equal_the_cli(cli, tmp_path):
    mender = textmend.Mender()
    paths = [SEED_003, ROOT / "fixtures" / "clean" / "000_f07a7f5762bdc512.txt"]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    together = mender.stats(texts)
    assert together.to_text().encode() == run_cli(cli, "learn", "--stats", *paths)
    one, two = (mender.stats([t]) for t in texts)
    assert one + two == together
    assert sum([one, two]) == together
    merged = textmend.Stats()
    merged.merge(one)
    merged += two
    assert merged == together
    assert pickle.loads(pickle.dumps(together)) == together
    shards = []
    for i, p in enumerate(paths):
        shard = tmp_path / f"{i}.stats"
        shard.write_bytes(run_cli(cli, "learn", "--stats", p))
        shards.append(shard)
        assert textmend.Stats.read(shard) == mender.stats([texts[i]])
    decided = mender.decide(together)
    assert decided.to_text().encode() == run_cli(cli, "learn", "--merge", *shards)
    assert decided == mender.decide(textmend.Stats.read(shards[0]) + textmend.Stats.read(shards[1]))
    together.write(tmp_path / "all.stats")
    assert textmend.Stats.read(tmp_path / "all.stats") == together


def test_grouped_stats_keep_groups_apart():
    mender = textmend.Mender()
    texts = [SEED_003.read_text(encoding="utf-8"), SPUN, "The cat sat on the mat.", SPUN]
    groups = mender.stats(texts, group=["a", "b", "c", "b"])
    assert list(groups) == ["a", "b", "c"]
    assert groups["a"] == mender.stats(texts[:1])
    assert groups["b"] == mender.stats([SPUN, SPUN])
    assert sum(groups.values()) == mender.stats(texts)
    decided = mender.decide(groups)
    assert set(decided) == {"a", "b", "c"}
    assert decided["a"] == mender.decide(groups["a"])
    assert isinstance(decided["c"], textmend.Rules)
    numbered = mender.stats(texts, group=[1, 2, 1, 2])
    assert list(numbered) == [1, 2]
    with pytest.raises(ValueError, match="one group per text"):
        mender.stats(texts, group=["a"])
    with pytest.raises(TypeError):
        mender.stats(texts, group="abcd")


def test_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# textmend rules v1\nfinish\tend\nnot a rule\n", encoding="utf-8")
    with pytest.raises(textmend.ParseError) as caught:
        textmend.Rules.read(bad)
    error = caught.value
    assert (error.path, error.line) == (str(bad), 3)
    assert str(error).startswith(f"{bad}:3: ")
    assert isinstance(error, ValueError) and isinstance(error, textmend.TextmendError)
    with pytest.raises(textmend.ParseError) as caught:
        textmend.Stats.parse("# textmend stats v1\nwords\tmany\n", "shard.stats")
    assert (caught.value.path, caught.value.line) == ("shard.stats", 2)
    with pytest.raises(textmend.ParseError) as caught:
        textmend.Mender(words=["fine", "two words"])
    assert (caught.value.path, caught.value.line) == ("<words>", 2)
    with pytest.raises(FileNotFoundError) as caught:
        textmend.Rules.read(tmp_path / "missing.tsv")
    assert caught.value.filename == str(tmp_path / "missing.tsv")
    with pytest.raises(FileNotFoundError):
        textmend.Mender(rules=tmp_path / "missing.tsv")


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="unknown language"):
        textmend.Mender(lang="xx")
    with pytest.raises(ValueError, match="unknown mode"):
        textmend.Mender(mode="fast")
    with pytest.raises(ValueError, match="needs its language"):
        textmend.Mender(thesaurus="/usr/share/mythes/th_fr_FR_v2.dat")
    with pytest.raises(ValueError):
        textmend.Mender(threads=0)
    with pytest.raises(TypeError, match="not a str"):
        textmend.Mender().mend_many("one text")
    with pytest.raises(TypeError, match="not a str"):
        textmend.Mender().learn("one text")
    with pytest.raises(TypeError):
        textmend.Mender().mend(b"bytes")


def test_words_ignore_mode_and_language():
    assert "attfinish" in textmend.Mender(words=["attfinish"]).mend(SPUN).text
    assert "attfinish" in textmend.Mender(ignore=["re:att\\w+"]).mend(SPUN).text
    assert "attend" in textmend.Mender(mode="spinner").mend(SPUN).text
    assert textmend.Mender(mode="ocr").mend(SPUN).text == SPUN
    assert textmend.Mender(lang="en").mend(SPUN).text.startswith("Delegates will attend")
    assert textmend.languages() == ["en", "de", "fr", "es", "it", "pt", "nl"]
    german = "Die Katze sitzt auf der Matte und schläft den ganzen Tag."
    assert textmend.Mender().mend(german).skipped is None


def test_a_thesaurus_file_is_read(tmp_path):
    # MyThes: the encoding, then each entry and its meanings.
    dat = tmp_path / "th_fr.dat"
    dat.write_text("UTF-8\nfin|1\n(nom)|terme|bout\nterme|1\n(nom)|fin\n", encoding="utf-8")
    for thesaurus in ({"fr": dat}, f"fr={dat}"):
        assert "thesaurus" in repr(textmend.Mender(thesaurus=thesaurus))
    assert textmend.Mender(lang="fr", thesaurus=str(dat)).mend("Le terme.").text == "Le terme."


def test_menders_pickle_by_their_arguments(tmp_path):
    path = tmp_path / "rules.tsv"
    path.write_text("finish\tend\n", encoding="utf-8")
    mender = textmend.Mender(lang="en", mode="spinner", rules=textmend.Rules.read(path), threads=1)
    copy = pickle.loads(pickle.dumps(mender))
    assert repr(copy) == repr(mender)
    assert copy.mend(SPUN).text == mender.mend(SPUN).text
    assert repr(textmend.Mender()) == "Mender()"


def test_the_gil_is_released_while_mending():
    """Python code runs while another thread mends: with the GIL held
    through the call, the counting loop could not advance meanwhile."""
    mender = textmend.Mender(threads=1)
    texts = [SEED_003.read_text(encoding="utf-8")] * 60
    done = threading.Event()
    started = threading.Event()

    def work():
        started.set()
        mender.mend_many(texts)
        done.set()

    thread = threading.Thread(target=work)
    thread.start()
    started.wait()
    spins = 0
    began = time.perf_counter()
    while not done.is_set():
        spins += 1
    elapsed = time.perf_counter() - began
    thread.join()
    assert elapsed > 0.05, "the batch finished too fast to tell"
    assert spins > 1000, f"the main thread ran {spins} times in {elapsed:.2f} s"
