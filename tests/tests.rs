//! Integration tests: the library and the `textmend` binary on the fixtures.
//!
//! Data lives in `fixtures/`: `clean/` must come out byte-identical,
//! `spinner/NAME.in.txt` and `ocr/NAME.in.txt` must come out as their
//! `NAME.out.txt`, and the
//! clean texts spun with `spinner/held_out_table.tsv` must be restored.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use textmend::{Language, Mender, Mode, RuleKind, RuleSet, Skip};
use textmend_eval::corrupt;

mod bad;
mod clean;
mod clean_cli;
mod corpus;
mod eval;
mod faults;
mod issue22;
mod mojibake;
mod recall;
mod review;
mod user;

pub(crate) fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

pub(crate) fn read(path: &str) -> String {
    fs::read_to_string(fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Each edit as `(before, after)`.
pub(crate) fn repairs(edits: &[textmend::Edit]) -> Vec<(&str, &str)> {
    edits
        .iter()
        .map(|e| (e.before.as_str(), e.after.as_str()))
        .collect()
}

/// The `.txt` files of a fixtures directory, sorted.
fn texts_in(dir: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixture(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

fn mender() -> Mender {
    Mender::new().unwrap()
}

#[test]
fn clean_fixtures_come_out_byte_identical() {
    let mender = mender();
    let paths = texts_in("clean");
    assert!(
        paths.len() >= 7,
        "expected the seeds and the prose fixtures"
    );
    let whole_words = Mender::builder().whole_words(true).build().unwrap();
    for path in paths {
        let text = fs::read_to_string(&path).unwrap();
        let mended = mender.mend(&text);
        assert_eq!(mended.edits(), [], "{}", path.display());
        assert_eq!(mended.text(), text, "{}", path.display());
        // Clean text shows no spinner, so no whole word is suspected either.
        assert_eq!(mended.suggestions(), [], "{}", path.display());
        assert_eq!(whole_words.mend(&text).text(), text, "{}", path.display());
    }
}

/// Text in a language textmend has no dictionary for passes through, whole
/// or a paragraph at a time (`fixtures/foreign/`: the Universal Declaration
/// of Human Rights in 21 languages). Irish, Mizo or Zarma are full of `a`, `i`, `an`, `in`; read
/// as English by those alone, their paragraphs taught glyph rules
/// (`na → no`, `ni → hi`) and a Catalan one `tat → ties`.
#[test]
fn text_in_other_languages_comes_out_byte_identical() {
    let mender = mender();
    let paths = texts_in("foreign");
    assert!(paths.len() >= 20, "{paths:?}");
    for path in paths {
        let text = fs::read_to_string(&path).unwrap();
        let mended = mender.mend(&text);
        assert_eq!(repairs(mended.edits()), [], "{}", path.display());
        // Each paragraph alone, as a corpus's short records: too short for
        // function words to tell, a Danish `forhold` had been read as an
        // English `for·hold` (`forward`), a Kanuri `indikate` as `indicate`.
        for paragraph in text.split("\n\n") {
            let mended = mender.mend(paragraph);
            assert_eq!(
                repairs(mended.edits()),
                [],
                "{}: {paragraph}",
                path.display()
            );
        }
    }
}

/// The CI floor of issue #16: clean documentation in every language
/// (`fixtures/clean/sample/`, about 50,000 words each, drawn from the clean
/// benchmark's tune part) and clean text in older spellings
/// (`fixtures/period/`) come out byte-identical, in auto mode and with
/// their language given. The allowance holds the changes this build still
/// makes where the target of none is not reached yet (see
/// `benches/clean_corpus.md`); it may only go down.
#[test]
fn clean_samples_and_period_spelling_come_out_unchanged() {
    let allowed = |name: &str| match name {
        // `queueing` read as `queue → twist` (a one-word synonym swap).
        "en.txt" => 1,
        // `empaque → gas` (`empaque·tarlos` as `gas·tarlos`, four words).
        "es.txt" => 5,
        // `a → e` in auto mode (`da → de`, `chamada → chamade`).
        "pt.txt" => 4,
        _ => 0,
    };
    let auto = mender();
    let mut checked = 0;
    for path in texts_in("clean/sample")
        .into_iter()
        .chain(texts_in("period"))
    {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(&path).unwrap();
        let language = Language::from_code(&name[..2]).expect("a language code first");
        let given = Mender::builder().language(language).build().unwrap();
        for mender in [&auto, &given] {
            let mended = mender.mend(&text);
            assert!(
                mended.edits().len() <= allowed(&name),
                "{name}: {:?}",
                repairs(mended.edits())
            );
        }
        checked += 1;
    }
    assert!(checked >= 17, "only {checked} files");
}

/// The same floor for short historical pages: each period fixture cut at
/// line ends into pieces of at least 300 words (as
/// `benches/period_spelling.py` cuts them), every piece repaired on its
/// own, comes out byte-identical. A short page holds a word once where a
/// book holds it a dozen times: the period's spelling must be told from a
/// scanner's damage on less.
#[test]
fn period_spelling_comes_out_unchanged_in_short_pieces() {
    let auto = mender();
    let mut pieces = 0;
    for path in texts_in("period") {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(&path).unwrap();
        let mut piece = String::new();
        let mut words = 0;
        let lines: Vec<&str> = text.split('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            piece.push_str(line);
            piece.push('\n');
            words += line.split_whitespace().count();
            if words >= 300 || i + 1 == lines.len() {
                let mended = auto.mend(&piece);
                assert!(
                    mended.edits().is_empty(),
                    "{name}, piece {pieces}: {:?}",
                    repairs(mended.edits())
                );
                pieces += 1;
                piece.clear();
                words = 0;
            }
        }
    }
    assert!(pieces >= 200, "only {pieces} pieces");
}

#[test]
fn whole_word_swaps_are_suggested_and_applied_only_when_asked() {
    let spun = read("spinner/003_c01601a3d6194ed1.in.txt");
    let mended = mender().mend(&spun);
    assert_eq!(mended.text(), read("spinner/003_c01601a3d6194ed1.out.txt"));
    let suggested: Vec<(&str, &str)> = mended
        .suggestions()
        .iter()
        .map(|e| (&spun[e.span.clone()], e.after.as_str()))
        .collect();
    assert_eq!(suggested, [("notified", "told"), ("notified", "told")]);
    assert!(mended.suggestions().iter().all(|e| e.is_whole_word()));

    let applied = Mender::builder()
        .whole_words(true)
        .build()
        .unwrap()
        .mend(&spun);
    assert_eq!(applied.edits().len(), 13);
    assert_eq!(
        applied.edits().iter().filter(|e| e.is_whole_word()).count(),
        2
    );
    assert_eq!(applied.suggestions(), []);
    let text = applied.text();
    assert!(text.contains("Vučić told German magazine Cicero"), "{text}");
    assert!(
        text.contains("she told him at a joint press conference"),
        "{text}"
    );
    // No in-word rule backs `stated` or `obtain`: they stay (see README).
    assert!(text.contains("Zelensky stated on Wednesday"), "{text}");
}

#[test]
fn a_reviewed_whole_word_rule_is_applied_where_its_context_allows() {
    let spun = read("spinner/003_c01601a3d6194ed1.in.txt");
    let reviewed = RuleSet::parse(
        "stated\tsaid\twhole-word\nobtain\tget\twhole-word\n",
        Path::new("reviewed.tsv"),
    )
    .unwrap();
    let mender = Mender::builder()
        .rules(reviewed)
        .whole_words(true)
        .build()
        .unwrap();
    let mended = mender.mend(&spun);
    let text = mended.text();
    assert!(text.contains("Zelensky said on Wednesday"), "{text}");
    assert!(text.contains("Zelensky said that"), "{text}");
    assert!(text.contains("he reportedly said."), "{text}");
    assert!(text.contains("to “get concrete”"), "{text}");
    // Given rules are exactly the rules: nothing is learned.
    assert!(text.contains("counattempt"), "{text}");
    assert!(mended.edits().iter().all(|e| e.is_whole_word()));
}

#[test]
fn the_mode_chooses_the_damage_looked_for() {
    let spun = read("spinner/003_c01601a3d6194ed1.in.txt");
    let scanned = read("ocr/persuasion_scan.in.txt");
    let only = |mode| Mender::builder().mode(mode).build().unwrap();
    // A scanner's damage is left alone by the spinner mode, and a
    // spinner's by the OCR mode; auto mode repairs both.
    assert_eq!(only(Mode::Spinner).mend(&scanned).text(), scanned);
    assert_eq!(only(Mode::Ocr).mend(&spun).text(), spun);
    assert_eq!(
        only(Mode::Ocr).mend(&scanned).text(),
        read("ocr/persuasion_scan.out.txt")
    );
    assert_eq!(
        only(Mode::Auto).mend(&spun).text(),
        read("spinner/003_c01601a3d6194ed1.out.txt")
    );
    let rules = only(Mode::Auto).mend(&scanned).rules().clone();
    assert!(rules.rules().iter().all(|r| r.kind == RuleKind::Glyph));
    assert!(rules
        .rules()
        .iter()
        .any(|r| (r.from.as_str(), r.to.as_str()) == ("rn", "m")));
}

#[test]
fn each_language_is_judged_with_its_own_dictionary() {
    let mender = mender();
    // The German seed: its compounds (`Rüstungsunternehmen`) are words, and
    // only names are left as suspects.
    let german = read("clean/001_cd878cb6dc3a5027.txt");
    let mended = mender.mend(&german);
    assert_eq!(mended.skipped(), None);
    assert_eq!(mended.text(), german);
    assert!(mended.suspects_left() <= 15, "{}", mended.suspects_left());
    assert!(mender.mend(POLISH).skipped() == Some(Skip::UnsupportedLanguage));

    // A spun English article with a German paragraph: the English is
    // repaired, the German (whose `Ende` an English rule would touch) is
    // judged apart and left alone.
    let spun = read("spinner/003_c01601a3d6194ed1.in.txt");
    let paragraph = german
        .split("\n\n")
        .find(|p| p.split_whitespace().count() >= 40)
        .unwrap();
    let mixed = format!("{spun}\n\n{paragraph}\n");
    let expected = format!(
        "{}\n\n{paragraph}\n",
        read("spinner/003_c01601a3d6194ed1.out.txt")
    );
    assert_eq!(mender.mend(&mixed).text(), expected);
}

#[test]
fn a_page_with_untranslated_english_labels_is_read_in_its_own_language() {
    // A French help page whose short paragraphs are French and whose button
    // labels were left in English: more English function words than the
    // French has (the page was judged English), yet most of its words are
    // French. `du`, `au` and `ou` must not look like damaged English words
    // (a glyph rule `u → r` was learned from them).
    let page = "Lecture de l'animation\n\n\
        Ce greffon vous permet de lire une animation au format GIF ou MNG.\n\n\
        Il se trouve dans le menu du filtre.\n\n\
        Aperçu du filtre\n\n\
        The following buttons are available above the preview:\n\n\
        Start or stop the playback\n\n\
        This plays the animation from the first frame.\n\n\
        Step back to the previous frame\n\n\
        This plays the animation backwards, one frame at a time.\n\n\
        Step to the next frame\n\n\
        This rewinds the animation to the beginning.\n\n\
        La vitesse de lecture est celle du calque ou de l'image.\n";
    let mended = Mender::new().unwrap().mend(page);
    assert_eq!(mended.text(), page, "{:?}", mended.edits());
}

#[test]
fn damaged_fixtures_come_out_as_expected() {
    let mender = mender();
    let inputs: Vec<PathBuf> = ["spinner", "ocr"]
        .into_iter()
        .flat_map(texts_in)
        .filter(|p| p.to_string_lossy().ends_with(".in.txt"))
        .collect();
    assert!(inputs.len() >= 3);
    for input in inputs {
        let expected_path = input.to_string_lossy().replace(".in.txt", ".out.txt");
        let text = fs::read_to_string(&input).unwrap();
        let expected = fs::read_to_string(&expected_path).unwrap();
        assert_eq!(mender.mend(&text).text(), expected, "{}", input.display());
    }
}

#[test]
fn seed_003_repairs_exactly_the_eleven_corrupted_words() {
    let text = read("spinner/003_c01601a3d6194ed1.in.txt");
    let mended = mender().mend(&text);
    assert_eq!(
        repairs(mended.edits()),
        [
            ("agfinisha", "agenda"),
            ("counattempt", "country"),
            ("purchaseers", "buyers"),
            ("attfinish", "attend"),
            ("attfinish", "attend"),
            ("indepfinishence", "independence"),
            ("counattempt", "country"),
            ("innotifyigence", "intelligence"),
            ("counattempt", "country"),
            ("refutilize", "refuse"),
            ("attfinish", "attend"),
        ]
    );
    for edit in mended.edits() {
        assert_eq!(&text[edit.span.clone()], edit.before);
        assert_eq!(edit.rules.len(), 1);
        assert!(edit.confidence > 0.5 && edit.confidence <= 1.0);
    }
}

#[test]
fn seed_003_rules_are_learned_with_their_evidence() {
    let text = read("spinner/003_c01601a3d6194ed1.in.txt");
    let mended = mender().mend(&text);
    let rules = mended.rules();
    for (from, to, kind, words, example) in [
        (
            "finish",
            "end",
            RuleKind::Synonym,
            3,
            ("indepfinishence", "independence"),
        ),
        (
            "attempt",
            "try",
            RuleKind::Synonym,
            1,
            ("counattempt", "country"),
        ),
        (
            "notify",
            "tell",
            RuleKind::WordSwap,
            1,
            ("innotifyigence", "intelligence"),
        ),
        (
            "utilize",
            "use",
            RuleKind::Synonym,
            1,
            ("refutilize", "refuse"),
        ),
        (
            "purchase",
            "buy",
            RuleKind::Synonym,
            1,
            ("purchaseers", "buyers"),
        ),
    ] {
        let rule = rules
            .rules()
            .iter()
            .find(|r| r.from == from && r.to == to)
            .unwrap_or_else(|| panic!("rule {from} -> {to} not learned"));
        assert_eq!(rule.kind, kind, "{from} -> {to}");
        assert_eq!(rule.words, words, "{from} -> {to}");
        let example = (example.0.to_string(), example.1.to_string());
        assert!(rule.examples.contains(&example), "{from} -> {to}");
    }
    // The in-word rule notify → tell also backs the whole word `notified`.
    let whole: Vec<&textmend::Rule> = rules
        .rules()
        .iter()
        .filter(|r| r.kind == RuleKind::WholeWord)
        .collect();
    assert_eq!(whole.len(), 1, "{}", rules.to_tsv());
    assert_eq!(
        (whole[0].from.as_str(), whole[0].to.as_str()),
        ("notified", "told")
    );
    assert_eq!(whole[0].tokens, 2);
    assert_eq!(
        whole[0].examples,
        [("notify".to_string(), "tell".to_string())]
    );
    assert!(whole[0].keyness.unwrap() > 10.0);
    assert_eq!(rules.len(), 6, "{}", rules.to_tsv());
}

/// How a repair did on spun text, token by token (the spinner never splits
/// or merges whitespace-separated tokens, so they align one to one).
#[derive(Debug, Default)]
struct Score {
    /// Corrupted tokens that are not dictionary words.
    corrupted_non_words: usize,
    restored: usize,
    /// Tokens the spinner left alone that the repair changed.
    clean_damaged: usize,
    damaged_examples: Vec<String>,
}

fn score(mender: &Mender, original: &str, spun: &str, repaired: &str) -> Score {
    let (o, s, r): (Vec<&str>, Vec<&str>, Vec<&str>) = (
        original.split_whitespace().collect(),
        spun.split_whitespace().collect(),
        repaired.split_whitespace().collect(),
    );
    assert_eq!(o.len(), s.len());
    assert_eq!(o.len(), r.len());
    let mut score = Score::default();
    for ((o, s), r) in o.iter().zip(&s).zip(&r) {
        if o == s {
            if r != s {
                score.clean_damaged += 1;
                score.damaged_examples.push(format!("{s} -> {r}"));
            }
            continue;
        }
        let is_non_word = s
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .any(|w| !mender.knows(w));
        if is_non_word {
            score.corrupted_non_words += 1;
            score.restored += usize::from(r == o);
        }
    }
    score
}

#[test]
fn learns_a_spinner_table_it_has_never_seen() {
    let table = corrupt::parse_table(&read("spinner/held_out_table.tsv")).unwrap();
    let mender = mender();
    let mut total = Score::default();
    for name in ["pride_prejudice", "persuasion", "opticks_queries"] {
        let original = read(&format!("clean/{name}.txt"));
        let spun = corrupt::spin(&original, &table);
        let mended = mender.mend(&spun);
        let s = score(&mender, &original, &spun, mended.text());
        assert_eq!(s.clean_damaged, 0, "{name}: {s:?}");
        total.corrupted_non_words += s.corrupted_non_words;
        total.restored += s.restored;
    }
    assert!(total.corrupted_non_words >= 100, "{total:?}");
    assert!(
        total.restored as f64 >= 0.95 * total.corrupted_non_words as f64,
        "{total:?}"
    );
}

#[test]
fn reviewed_rules_are_applied_without_learning() {
    let text = read("spinner/003_c01601a3d6194ed1.in.txt");
    let rules = RuleSet::parse("finish\tend\n", Path::new("reviewed.tsv")).unwrap();
    let mender = Mender::builder().rules(rules).build().unwrap();
    let mended = mender.mend(&text);
    let after: Vec<&str> = mended.edits().iter().map(|e| e.after.as_str()).collect();
    assert_eq!(
        after,
        ["agenda", "attend", "attend", "independence", "attend"]
    );
}

#[test]
fn edits_change_nothing_outside_their_spans() {
    let text = read("spinner/003_c01601a3d6194ed1.in.txt");
    let mended = mender().mend(&text);
    let mut rebuilt = String::new();
    let mut at = 0;
    for edit in mended.edits() {
        assert!(edit.span.start >= at, "edits are sorted and disjoint");
        rebuilt.push_str(&text[at..edit.span.start]);
        rebuilt.push_str(&edit.after);
        at = edit.span.end;
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, mended.text());
    // Repairing the repaired text changes nothing more.
    assert_eq!(mender().mend(mended.text()).edits(), []);
}

// ---- the binary ----

/// Runs the binary in `dir`, with no standard input.
pub(crate) fn textmend_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_textmend"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

pub(crate) fn textmend(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn cli_repairs_files_and_stdin() {
    let expected = read("spinner/003_c01601a3d6194ed1.out.txt");
    let by_path = textmend(&["fixtures/spinner/003_c01601a3d6194ed1.in.txt"], b"");
    assert_eq!(by_path.status.code(), Some(0));
    assert_eq!(String::from_utf8(by_path.stdout).unwrap(), expected);

    let input = read("spinner/003_c01601a3d6194ed1.in.txt");
    let by_stdin = textmend(&[], input.as_bytes());
    assert_eq!(by_stdin.status.code(), Some(0));
    assert_eq!(String::from_utf8(by_stdin.stdout).unwrap(), expected);
    assert!(by_stdin.stderr.is_empty());
}

#[test]
fn cli_prints_learned_rules_with_evidence() {
    let out = textmend(
        &["--rules-out", "-", "-"],
        read("spinner/003_c01601a3d6194ed1.in.txt").as_bytes(),
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("finish\tend\tsynonym\t# words=3 "),
        "{stderr}"
    );

    let out = textmend(
        &["learn", "fixtures/spinner/003_c01601a3d6194ed1.in.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    let rules = RuleSet::parse(&table, Path::new("<stdout>")).unwrap();
    assert_eq!(rules.len(), 6, "{table}");
    assert!(table.contains("notified\ttold\twhole-word\t# "), "{table}");
}

#[test]
fn cli_reports_missing_files_and_goes_on() {
    let out = textmend(
        &[
            "no/such/file.txt",
            "fixtures/clean/002_59856663b4200737.txt",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("textmend: no/such/file.txt: "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(
        out.stdout,
        fs::read(fixture("clean/002_59856663b4200737.txt")).unwrap()
    );

    // A directory is walked: its text files, in path order, each repaired.
    let dir = std::env::temp_dir().join(format!("textmend-walk-{}", std::process::id()));
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("b.txt"), "second file\n").unwrap();
    fs::write(dir.join("sub/a.txt"), "third file\n").unwrap();
    fs::write(dir.join("a.txt"), "first file\n").unwrap();
    let out = textmend(&[dir.to_str().unwrap()], b"");
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(out.stdout, b"first file\nsecond file\nthird file\n");
}

/// Polish: a language without a dictionary.
const POLISH: &str = "Prezydent Ukrainy zwrócił się do przywódców państw bałkańskich o \
    wsparcie w wojnie obronnej z Rosją. Podziękował im za pomoc wojskową w ciągu \
    ostatnich dwóch lat i zaprosił ich na szczyt pokojowy, który odbędzie się w \
    Szwajcarii w czerwcu. Przywódcy obiecali dalsze wsparcie dla Kijowa.\n";

#[test]
fn rules_are_learned_in_the_text_language() {
    // French spun inside words: `fin` → `terme` (`définit` → `détermeit`).
    let clean = read("clean/fr_debian_handbook.txt");
    let spun = corrupt::spin(&clean, &[("fin".to_string(), "terme".to_string())]);
    let mender = mender();
    let rules = mender.learn(&[&spun]);
    assert!(
        rules
            .rules()
            .iter()
            .any(|r| (r.from.as_str(), r.to.as_str()) == ("terme", "fin")),
        "{}",
        rules.to_tsv()
    );
    let mended = mender.mend(&spun);
    // Word by word (spinning keeps the whitespace): clean words stay, and
    // damaged ones come back.
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let (clean_words, spun_words, mended_words) =
        (words(&clean), words(&spun), words(mended.text()));
    assert_eq!(clean_words.len(), mended_words.len());
    let mut restored = 0;
    for ((c, s), m) in clean_words.iter().zip(&spun_words).zip(&mended_words) {
        if c == s {
            assert_eq!(m, c);
        } else if m == c {
            restored += 1;
        }
    }
    assert!(restored >= 10, "{restored}");
    assert_eq!(mender.language_of(&spun), Some(Language::French));
}

#[test]
fn cli_passes_other_languages_and_bad_bytes_through() {
    let out = textmend(&[], POLISH.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, POLISH.as_bytes());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not in a language textmend has a dictionary for"));

    let quiet = textmend(&["--quiet"], POLISH.as_bytes());
    assert!(quiet.stderr.is_empty());

    // German has a dictionary: judged in German, clean, no notice.
    let german = fs::read(fixture("clean/001_cd878cb6dc3a5027.txt")).unwrap();
    let out = textmend(&[], &german);
    assert_eq!(out.stdout, german);
    assert!(out.stderr.is_empty());

    let bytes = b"the country \xff\xfe and ".to_vec();
    let out = textmend(&[], &bytes);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, bytes);
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("not valid UTF-8"));

    let out = textmend(&[], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

// ---- the dictionaries ----

/// The dictionary text stays canonical, so that diffs of a rebuild are
/// reviewable: `build.rs` refuses to build otherwise, and this test says why.
#[test]
fn dictionaries_are_canonical() {
    use unicode_normalization::UnicodeNormalization;
    let tsv = read("../dictionaries/en.tsv");
    let mut prev = "";
    let mut lowercase = std::collections::HashSet::new();
    for (i, line) in tsv.lines().enumerate() {
        let (word, freq) = line.split_once('\t').expect("word<TAB>frequency");
        assert!(freq.parse::<u64>().is_ok(), "line {}", i + 1);
        assert_eq!(
            word.nfc().collect::<String>(),
            word,
            "line {} not NFC",
            i + 1
        );
        assert!(
            prev.as_bytes() < word.as_bytes(),
            "line {} out of order",
            i + 1
        );
        lowercase.insert(word);
        prev = word;
    }
    for file in ["en-thesaurus.txt", "en-siblings.txt"] {
        for line in read(&format!("../dictionaries/{file}")).lines() {
            for word in line.split(' ') {
                assert!(lowercase.contains(word), "{file}: {word} is not in en.tsv");
            }
        }
    }
    for word in read("../dictionaries/en-attested.txt").lines() {
        assert!(
            !lowercase.contains(word),
            "en-attested.txt: {word} is in en.tsv"
        );
    }
}

// ---- properties ----

mod properties {
    use std::sync::OnceLock;

    use proptest::prelude::*;
    use textmend::Mender;

    fn mender() -> &'static Mender {
        static MENDER: OnceLock<Mender> = OnceLock::new();
        MENDER.get_or_init(|| Mender::new().unwrap())
    }

    /// Text built from spinner-like pieces, real words, names, punctuation,
    /// other scripts and odd whitespace, so that edits actually happen.
    fn texty() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("attfinish".to_string()),
            Just("agfinisha".to_string()),
            Just("counattempt".to_string()),
            Just("the".to_string()),
            Just("Ukraine".to_string()),
            Just("café".to_string()),
            Just("naïve".to_string()),
            Just("Vučić".to_string()),
            Just("’s".to_string()),
            Just("\r\n".to_string()),
            Just("\u{feff}".to_string()),
            "[a-zA-Zéñß' .,\n-]{0,12}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn output_differs_from_input_only_inside_edits(text in texty()) {
            let mended = mender().mend(&text);
            let mut rebuilt = String::new();
            let mut at = 0;
            for edit in mended.edits() {
                prop_assert!(edit.span.start >= at);
                prop_assert_eq!(&text[edit.span.clone()], edit.before.as_str());
                rebuilt.push_str(&text[at..edit.span.start]);
                rebuilt.push_str(&edit.after);
                at = edit.span.end;
            }
            rebuilt.push_str(&text[at..]);
            prop_assert_eq!(rebuilt.as_str(), mended.text());
        }

        #[test]
        fn repairing_twice_changes_nothing_more(text in texty()) {
            let once = mender().mend(&text).text().to_string();
            let twice = mender().mend(&once);
            prop_assert_eq!(twice.text(), once.as_str());
        }

        #[test]
        fn dictionary_words_and_separators_come_back_unchanged(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "the", "country", "attend", "agenda", "Independence", "intelligence",
                    "REFUSE", "buyers", "don't", "Serbia's", "end", "try", "use",
                ]),
                0..60,
            ),
            separators in prop::collection::vec(
                prop::sample::select(vec![" ", ", ", ".\n", " - ", "\t", "\r\n", "  "]),
                60,
            ),
        ) {
            let text: String = words
                .iter()
                .zip(&separators)
                .flat_map(|(w, s)| [*w, *s])
                .collect();
            let mended = mender().mend(&text);
            prop_assert_eq!(mended.text(), text.as_str());
        }
    }
}

#[test]
fn bytes_that_are_valid_text_are_mended_as_text() {
    // A spun French text with a German one after it: each part is learned
    // from in its own language, whether it comes as text or as bytes (as
    // bytes, both parts were learned from as the longer one's language).
    // Found by the fuzz target `mend`.
    let table: Vec<(String, String)> = read("spinner/fr_table.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let french = corrupt::spin(&read("clean/fr_debian_handbook.txt"), &table);
    let german = read("clean/de_debian_faq.txt");
    let mender = mender();
    for (a, b) in [(3_000, 20_000), (20_000, 3_000)] {
        let head = |text: &str, n: usize| text[..text[..n].rfind('\n').unwrap()].to_string();
        let mixed = format!("{}\n\n{}\n", head(&french, a), head(&german, b));
        let mended = mender.mend(&mixed);
        assert_eq!(
            String::from_utf8_lossy(mender.mend_bytes(mixed.as_bytes()).bytes()),
            mended.text()
        );
    }
}

#[test]
fn english_words_in_other_languages_are_no_suspects() {
    // Technical prose in any language quotes English: in a Spanish text
    // `diff`, `done` and `add` are foreign words, not damage to explain
    // (as Spanish words they taught a scanner's `d → b`: `diff` → `biff`).
    let mender = mender();
    let spanish = read("clean/es_debian_handbook.txt");
    let quoting = format!("{spanish}Se usa diff, done y add en la terminal cuando hay cambios.\n");
    let mended = mender.mend(&quoting);
    assert_eq!(mended.text(), quoting);
    assert_eq!(
        mended.suspects_left(),
        mender.mend(&spanish).suspects_left()
    );
}
