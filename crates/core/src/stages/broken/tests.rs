use std::fs;
use std::path::Path;

use proptest::prelude::*;

use super::*;

fn lexicon() -> Lexicon {
    Lexicon::english().unwrap()
}

/// `text` with `repairs` applied.
fn apply(text: &str, repairs: &[Repair]) -> String {
    crate::edit::splice(
        text,
        repairs.iter().map(|r| (r.span.clone(), r.after.as_str())),
    )
}

fn mend(text: &str, lexicon: &Lexicon) -> String {
    apply(text, &repair_broken_words(text, lexicon, None))
}

/// Each case is an input and the expected output; a case whose output
/// equals its input must give no repairs at all.
fn check(cases: &[(&str, &str)], reason: Break) {
    let lex = lexicon();
    for &(input, expected) in cases {
        let repairs = repair_broken_words(input, &lex, None);
        assert_eq!(apply(input, &repairs), expected, "{input:?}");
        assert_eq!(mend(expected, &lex), expected, "mending {input:?} again");
        if input == expected {
            assert_eq!(repairs, [], "{input:?}");
        } else {
            assert!(repairs.iter().all(|r| r.reason == reason), "{input:?}");
        }
    }
}

#[test]
fn joins_words_hyphenated_at_line_ends() {
    check(
        &[
            ("the recom-\nmendation is", "the recommendation\nis"),
            ("recom-\nmendation\nis", "recommendation\nis"),
            ("recom-\nmendation", "recommendation"),
            ("recom-\r\nmendation is", "recommendation\r\nis"),
            ("recom-  \n    mendation is", "recommendation\nis"),
            ("recom-\n\tmendation  is", "recommendation\nis"),
            ("Recom-\nmendation is", "Recommendation\nis"),
            ("RECOM-\nMENDATION IS", "RECOMMENDATION\nIS"),
            ("a recom-\nmendation, he said", "a recommendation,\nhe said"),
            ("the recom-\nmendation's end", "the recommendation's\nend"),
            ("(recom-\nmendation) is", "(recommendation)\nis"),
            ("recom-\nmendation.  \nNext", "recommendation.  \nNext"),
            ("recom-\nmend- ation is", "recommend- ation is"),
            ("recom\u{2010}\nmendation", "recommendation"),
            // Both pieces are words: a compound broken at its hyphen.
            ("a well-\nknown man", "a well-\nknown man"),
            ("self-\nevident truth", "self-\nevident truth"),
            ("to-\nday", "to-\nday"),
            ("some-\nthing", "some-\nthing"),
            // One-letter pieces are never fragments.
            ("send an e-\nmail", "send an e-\nmail"),
            ("an X-\nray", "an X-\nray"),
            // The join is not a word, or not as capitalised.
            ("New-\nYork", "New-\nYork"),
            ("Ukraine-\nSoutheast", "Ukraine-\nSoutheast"),
            ("attf-\ninish", "attf-\ninish"),
            // Dashes, digits and other text are not word breaks.
            ("he added--\nmendation", "he added--\nmendation"),
            ("recom \u{2013}\nmendation", "recom \u{2013}\nmendation"),
            ("recom -\nmendation", "recom -\nmendation"),
            ("recom-\n\nmendation", "recom-\n\nmendation"),
            ("recom-\n> mendation", "recom-\n> mendation"),
            ("recom1-\nmendation", "recom1-\nmendation"),
            ("recom-\nmendation2", "recom-\nmendation2"),
            ("recom-\rmendation", "recom-\rmendation"),
            (
                "see www.recom-\nmendation.org",
                "see www.recom-\nmendation.org",
            ),
        ],
        Break::LineEndHyphen,
    );
}

#[test]
fn removes_soft_hyphens_inside_words() {
    check(
        &[
            ("a recom\u{ad}men\u{ad}da\u{ad}tion", "a recommendation"),
            ("Recom\u{ad}mendation.", "Recommendation."),
            // A soft hyphen at a line end joins like a hyphen, even
            // between two words, and needs nothing to be removed
            // elsewhere.
            ("recom\u{ad}\nmendation is", "recommendation\nis"),
            ("some\u{ad}\nthing", "something"),
            // Not inside a word, or the word is not a word.
            (
                "\u{ad}recommendation\u{ad} ok",
                "\u{ad}recommendation\u{ad} ok",
            ),
            ("attf\u{ad}inish", "attf\u{ad}inish"),
            ("a\u{ad}\u{ad}", "a\u{ad}\u{ad}"),
            ("G\u{ad}7", "G\u{ad}7"),
        ],
        Break::SoftHyphen,
    );
}

#[test]
fn closes_stray_spaces_inside_words() {
    check(
        &[
            ("it is po ssible", "it is possible"),
            ("Su ddenly he left", "Suddenly he left"),
            ("(po ssible)", "(possible)"),
            ("po ssible's", "possible's"),
            // The first piece may be a word, or a syllable the attested
            // list holds: a scanner splits anywhere.
            ("the recom mendation is", "the recommendation is"),
            ("infor mation", "information"),
            ("a full de scription", "a full description"),
            ("govern ment", "government"),
            // A short non-word after a word is a misread word as often.
            ("and we ars told", "and we ars told"),
            // The second piece is a word: no other reading is excluded.
            ("the cat", "the cat"),
            ("some thing", "some thing"),
            ("in formation", "in formation"),
            // Names and capitals.
            ("Mc Donald", "Mc Donald"),
            ("Mac donald", "Macdonald"),
            ("po Ssible", "po Ssible"),
            ("PO SSIBLE", "PO SSIBLE"),
            ("pO ssible", "pO ssible"),
            // Only a single ASCII space.
            ("po  ssible", "po  ssible"),
            ("po\tssible", "po\tssible"),
            ("po\u{a0}ssible", "po\u{a0}ssible"),
            ("po\nssible", "po\nssible"),
            // Pieces of something else.
            ("x.po ssible", "x.po ssible"),
            ("it's po ssible", "it's possible"),
            ("o'po ssible", "o'po ssible"),
            ("@po ssible", "@po ssible"),
            ("po2 ssible", "po2 ssible"),
            ("po ssible2", "po ssible2"),
            ("po ssi\u{ad}ble", "po ssi\u{ad}ble"),
            ("see www.po ssible.org", "see www.po ssible.org"),
        ],
        Break::StraySpace,
    );
}

#[test]
fn english_pieces_are_words_in_other_languages() {
    // English quoted in Dutch: `toon` is a Dutch word, `on` no Dutch one.
    let dutch = Lexicon::for_language(crate::knowledge::language::Language::Dutch).unwrap();
    let english = lexicon();
    let text = "klik op de knop om to on te zetten";
    assert_eq!(repair_broken_words(text, &dutch, Some(&english)), []);
}

#[test]
fn joins_halves_of_words_hyphenated_inside_a_line() {
    check(
        &[
            ("the ap-pointment of", "the appointment of"),
            ("at consi-derable length", "at considerable length"),
            ("Recom-mendation.", "Recommendation."),
            // Compounds: a common second piece, two words, capitals,
            // longer chains, no word when joined.
            ("a pre-war house", "a pre-war house"),
            ("a half-hearted letter", "a half-hearted letter"),
            ("sea-faring men", "sea-faring men"),
            ("non-zero", "non-zero"),
            ("New-York", "New-York"),
            ("attf-inish", "attf-inish"),
            ("re-com-mendation", "re-com-mendation"),
            ("e-mail", "e-mail"),
        ],
        Break::InlineHyphen,
    );
    let french = Lexicon::for_language(crate::knowledge::language::Language::French).unwrap();
    for (input, expected) in [
        ("des immi-grés italiens", "des immigrés italiens"),
        ("ils se-ront", "ils seront"),
        ("peut-être", "peut-être"),
        ("c'est-à-dire", "c'est-à-dire"),
        // An elided article or pronoun before the word is no chain.
        (
            "par suite de l'em-ploi de verres",
            "par suite de l'emploi de verres",
        ),
        ("vis-à-vis", "vis-à-vis"),
    ] {
        let repairs = repair_broken_words(input, &french, Some(&lexicon()));
        assert_eq!(apply(input, &repairs), expected, "{input:?}");
    }
}

#[test]
fn line_end_marks_join_like_a_hyphen() {
    let lex = lexicon();
    for (input, expected) in [
        (
            "counter\u{ac}\nmanded the order",
            "countermanded\nthe order",
        ),
        ("impor\u{2010}\ntant, and", "important,\nand"),
        ("commu\u{2011}\nnication is", "communication\nis"),
        // `¬` marks a break inside one word, even between two words.
        ("some\u{ac}\nthing", "something"),
        ("some-\nthing", "some-\nthing"),
    ] {
        let repairs = repair_broken_words(input, &lex, None);
        assert_eq!(apply(input, &repairs), expected, "{input:?}");
        assert!(repairs.iter().all(|r| r.reason == Break::LineEndHyphen));
    }
}

#[test]
fn repairs_carry_their_spans_and_reasons() {
    let lex = lexicon();
    let text = "A recom-\nmendation, a po ssible one and recom\u{ad}mendation.";
    assert_eq!(
        repair_broken_words(text, &lex, None),
        [
            Repair {
                span: 2..20,
                after: "recommendation,\n".into(),
                reason: Break::LineEndHyphen,
            },
            Repair {
                span: 22..31,
                after: "possible".into(),
                reason: Break::StraySpace,
            },
            Repair {
                span: 40..56,
                after: "recommendation".into(),
                reason: Break::SoftHyphen,
            },
        ]
    );
}

/// The fixtures that must give no line-end repairs: the clean prose (which
/// includes seeds 000, 001, 002 and 004) and the spinner fixtures
/// (seed 003 and its repairs): a spinner does not break words.
#[test]
fn clean_and_spun_fixtures_give_no_repairs() {
    let lex = lexicon();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut checked = 0;
    for dir in ["clean", "spinner"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            // Fragments inside a line are joined only in text that shows
            // a scanner's damage (the mender decides); the English
            // dictionary finds some in the other languages' prose
            // (`per il` as `peril`).
            let repairs: Vec<Repair> = repair_broken_words(&text, &lex, None)
                .into_iter()
                .filter(|r| !matches!(r.reason, Break::StraySpace | Break::InlineHyphen))
                .collect();
            assert_eq!(repairs, [], "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 13, "only {checked} fixtures found");
}

proptest! {
    #[test]
    fn repairs_are_sorted_disjoint_and_on_char_boundaries(
        text in "([a-zA-Z]{1,8}|recom|mendation|recommendation|po|ssible|Su|ddenly|well|known|some|thing|-|\u{ad}|\u{2010}| |  |\t|\n|\r\n|\r|[0-9]|[.,'()@]|\u{e9}|\u{301}|\u{1f600}){0,40}",
    ) {
        let lex = lexicon();
        let repairs = repair_broken_words(&text, &lex, None);
        let mut end = 0;
        for repair in &repairs {
            prop_assert!(end <= repair.span.start && repair.span.start < repair.span.end);
            prop_assert!(text.is_char_boundary(repair.span.start));
            prop_assert!(text.is_char_boundary(repair.span.end));
            prop_assert_ne!(&text[repair.span.clone()], repair.after.as_str());
            end = repair.span.end;
        }
        // Mending twice changes nothing more.
        let mended = apply(&text, &repairs);
        prop_assert_eq!(mend(&mended, &lex), mended.clone());
    }

    #[test]
    fn any_string_is_handled(text in any::<String>()) {
        let lex = lexicon();
        let repairs = repair_broken_words(&text, &lex, None);
        prop_assert!(repairs.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        prop_assert!(repairs.iter().all(|r| text.get(r.span.clone()).is_some()));
    }
}

#[test]
fn pieces_of_a_word_left_apart_are_told() {
    // `irrecoverable` is too rare to join across a space, but its pieces
    // are no words of their own.
    let lex = lexicon();
    let text = "held all my senses in an irre coverable rapture";
    let piece = |p: &str| {
        let start = text.find(p).unwrap();
        is_split_piece(text, &(start..start + p.len()), &lex, None)
    };
    assert!(piece("irre"));
    assert!(piece("coverable"));
    assert!(!piece("rapture"));
    // A neighbour that is a word makes the split a guess: `un` is a
    // misread `an` before `explicit`, `clar` a misread `dar` after `te`.
    let text = "declared with un explicit first argument";
    let start = text.find("un ").unwrap();
    assert!(!is_split_piece(text, &(start..start + 2), &lex, None));
    let portuguese =
        Lexicon::for_language(crate::knowledge::language::Language::Portuguese).unwrap();
    let text = "grato pela oportunidade de te clar as boas vindas";
    let start = text.find("clar").unwrap();
    assert!(!is_split_piece(
        text,
        &(start..start + 4),
        &portuguese,
        Some(&lex)
    ));
}

/// The runs as first found, a character at a time: the oracle of the
/// byte-wise reading.
fn runs_by_chars(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current: Option<Run> = None;
    for (at, c) in text.char_indices() {
        if !is_run_char(c) {
            runs.extend(current.take());
            continue;
        }
        let run = current.get_or_insert(Run {
            span: at..at,
            is_letters: true,
            has_soft_hyphen: false,
        });
        run.span.end = at + c.len_utf8();
        run.is_letters &= !(c.is_numeric() || c == '_');
        run.has_soft_hyphen |= c == SOFT_HYPHEN;
    }
    runs.extend(current);
    runs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Runs read a byte at a time where the text is ASCII are the runs read
    /// a character at a time: letters, digits, underscores, soft hyphens,
    /// combining marks, other scripts' digits and letters.
    #[test]
    fn runs_read_by_bytes_are_runs_read_by_characters(
        text in "([a-zA-Z0-9 _'\\-.\\n]|[Éé\u{ad}\u{301}٣Ωß中¬]){0,60}"
    ) {
        prop_assert_eq!(runs(&text), runs_by_chars(&text));
    }
}
