use super::*;
use crate::formats::stats::occurs_outside;
use crate::stages::tokenize::{tokenize, Case};

#[test]
fn a_swap_seen_in_capitals_is_checked_in_capitals() {
    // A spinner that swapped German `Zeit` left the lowercase `zeit` of
    // `Laufzeit` alone.
    let text = "Der Dauerpunkt und die Laufzeit";
    assert!(occurs_outside(text, "zeit", "dauer", &[]));
    let title = |word: &str| with_case(word, Case::Title);
    assert!(!occurs_outside(text, &title("zeit"), &title("dauer"), &[]));
    assert!(occurs_outside("Die Zeit", &title("zeit"), "Dauer", &[]));
}

/// An explanation of suspect `key` as `restored` by `from → to`.
fn reading(key: &str, restored: &str, from: &str, to: &str) -> Explanation {
    let before = restored.find(to).unwrap();
    let after = restored.len() - before - to.len();
    let e = Explanation::new(key, restored, 1, before, after, 0);
    assert_eq!((e.from(key), e.to()), (from, to));
    e
}

#[test]
fn a_word_with_an_ending_gives_evidence_only_for_its_whole_word() {
    let lexicon = Lexicon::english().unwrap();
    let bases = bases_with_ending("knowes", &lexicon);
    assert_eq!(bases, ["know"]);
    assert!(!swaps_base(
        "knowes",
        &reading("knowes", "knaves", "owe", "ave"),
        &bases
    ));
    let bases = bases_with_ending("surgerys", &lexicon);
    assert!(swaps_base(
        "surgerys",
        &reading("surgerys", "operations", "surgery", "operation"),
        &bases
    ));
    assert!(bases_with_ending("attfinish", &lexicon).is_empty());
}

#[test]
fn confidence_rises_with_support() {
    assert!(confidence(1, RuleKind::WordSwap) < confidence(2, RuleKind::WordSwap));
    assert!(confidence(2, RuleKind::Substring) < confidence(2, RuleKind::WordSwap));
    assert!(confidence(2, RuleKind::WordSwap) < confidence(2, RuleKind::Synonym));
    assert!(confidence(1000, RuleKind::Synonym) <= 1.0);
}

#[test]
fn forms_of_one_word_are_one_family() {
    use crate::knowledge::language::Language;
    let german = Lexicon::for_language(Language::German).unwrap();
    // `bar`, `bare` and `baren` are all entries of the German list; the
    // forms of one word are still one piece of evidence.
    let family_of = |key: &str, restored: &str| {
        family(
            key,
            &reading(key, restored, "schreib", "dank"),
            &german,
            false,
        )
    };
    let one = family_of("schreibbar", "dankbar");
    assert_eq!(family_of("schreibbare", "dankbare"), one);
    assert_eq!(family_of("schreibbaren", "dankbaren"), one);
    // Two compounds are two words, whatever their endings.
    let point = family(
        "dauerpunkt",
        &reading("dauerpunkt", "zeitpunkt", "dauer", "zeit"),
        &german,
        false,
    );
    let points = family(
        "dauerpunkte",
        &reading("dauerpunkte", "zeitpunkte", "dauer", "zeit"),
        &german,
        false,
    );
    let space = family(
        "dauerraum",
        &reading("dauerraum", "zeitraum", "dauer", "zeit"),
        &german,
        false,
    );
    assert_eq!(point, points);
    assert_ne!(point, space);
    // Italian endings that the list holds as entries of their own
    // (`zione`, `bili`) are no compound parts.
    let italian = Lexicon::for_language(Language::Italian).unwrap();
    let it = |key: &str, restored: &str| {
        family(
            key,
            &reading(key, restored, "compila", "tratta"),
            &italian,
            false,
        )
    };
    assert_eq!(
        it("ricompilazione", "ritrattazione"),
        it("ricompilare", "ritrattare")
    );
    assert_eq!(
        it("compilabili", "trattabili"),
        it("compilarsi", "trattarsi")
    );
}

#[test]
fn forms_and_derivations_of_one_english_word_are_one_family() {
    // The Perl manual's `stringify`, `stringified`, `stringifies` read as
    // three words of a spun `diversify`; `renderable` and `unrenderable`
    // as two of `affordable`.
    let lexicon = Lexicon::english().unwrap();
    let divers = |key: &str, restored: &str| {
        family(
            key,
            &reading(key, restored, "string", "divers"),
            &lexicon,
            false,
        )
    };
    let one = divers("stringify", "diversify");
    assert_eq!(divers("stringified", "diversified"), one);
    assert_eq!(divers("stringifies", "diversifies"), one);
    assert_eq!(divers("stringifying", "diversifying"), one);
    assert_ne!(divers("stringification", "diversification"), one);
    let afford = |key: &str, restored: &str| {
        family(
            key,
            &reading(key, restored, "render", "afford"),
            &lexicon,
            false,
        )
    };
    assert_eq!(
        afford("renderable", "affordable"),
        afford("unrenderable", "unaffordable")
    );
    // `hack·ish`, `hack·ish·ness` and `hack·ish·ly` (the Jargon File) are
    // one word, not three of a spun `hawkish`.
    let hawk = |key: &str, restored: &str| {
        family(
            key,
            &reading(key, restored, "hack", "hawk"),
            &lexicon,
            false,
        )
    };
    assert_eq!(
        hawk("hackish", "hawkish"),
        hawk("hackishness", "hawkishness")
    );
    assert_eq!(hawk("hackish", "hawkish"), hawk("hackishly", "hawkishly"));
    // A spinner's fragment before the swap is no prefix.
    let end = |key: &str, restored: &str| {
        family(
            key,
            &reading(key, restored, "finish", "end"),
            &lexicon,
            false,
        )
    };
    assert_ne!(end("attfinishing", "attending"), end("finishing", "ending"));
}

#[test]
fn an_unrelated_swap_counts_a_word_with_and_without_an_ending_once() {
    // `get·item` and `get·item·s` (a pytest manual's identifiers) are one
    // word of a spun `getaway`, whichever way they are counted strictly.
    let lexicon = Lexicon::english().unwrap();
    let away = |key: &str, restored: &str, strict: bool| {
        family(
            key,
            &reading(key, restored, "item", "away"),
            &lexicon,
            strict,
        )
    };
    assert_eq!(
        away("getitem", "getaway", true),
        away("getitems", "getaways", true)
    );
    assert_ne!(
        away("getitem", "getaway", true),
        away("runitem", "runaway", true)
    );
    // Related pairs keep counting the two forms apart.
    assert_ne!(
        away("getitem", "getaway", false),
        away("getitems", "getaways", false)
    );
}

#[test]
fn forms_of_one_misread_word_are_one_family_outside_english() {
    use crate::knowledge::language::Language;
    use family::misreading_family;
    let spanish = Lexicon::for_language(Language::Spanish).unwrap();
    let vota = misreading_family("rotar", "votar", "v", &spanish);
    assert_eq!(misreading_family("rotados", "votados", "v", &spanish), vota);
    assert_eq!(misreading_family("rotarla", "votarla", "v", &spanish), vota);
    let french = Lexicon::for_language(Language::French).unwrap();
    let words: HashSet<String> = [("rnais", "mais"), ("rnoins", "moins"), ("rnonde", "monde")]
        .iter()
        .map(|(key, word)| misreading_family(key, word, "m", &french))
        .collect();
    assert_eq!(words.len(), 3);
}

#[test]
fn an_absence_is_telling_only_where_the_other_side_stands_in() {
    use crate::formats::stats::Text;
    let lexicon = Lexicon::english().unwrap();
    // 3,000 words that should hold `back` three times but hold neither it
    // nor `short`: the `shortlog` of a manual is no spun `backlog`.
    let manual = "The shortlog view lists one commit per line. ".repeat(375);
    let words = tokenize(&manual).len();
    assert!(expected_count(words, lexicon.frequency("back").unwrap()) >= MIN_TELLING_ABSENCE);
    assert!(!stands_in_for(
        "short",
        "back",
        &Text::new(&manual, words),
        words,
        &lexicon
    ));
    // A spinner that put `short` for every `back` leaves it standing alone.
    let spun = manual.replacen("one commit per line", "short of one commit", 4);
    assert!(stands_in_for(
        "short",
        "back",
        &Text::new(&spun, tokenize(&spun).len()),
        words,
        &lexicon
    ));
}

#[test]
fn a_restored_side_is_expected_in_the_words_that_hold_it() {
    use crate::knowledge::language::Language;
    let words = 1_500;
    // Spanish writes nouns in lowercase: `tipos`, `tipografía` start with
    // `tipo`, `prototipo` ends with it.
    let spanish = Lexicon::for_language(Language::Spanish).unwrap();
    let expected =
        |lexicon: &Lexicon, word: &str| expected_count(words, lexicon.frequency(word).unwrap_or(0));
    let held = expected_holders("tipo", false, words, &spanish);
    let least =
        expected(&spanish, "tipo") + expected(&spanish, "tipos") + expected(&spanish, "prototipo");
    assert!(held >= least, "{held} {least}");
    // A German noun starts capitalised: a lowercase `bild` is looked for
    // at the end of words (`Abbild`) and as the word, a capitalised one at
    // the start of words too (`Bildschirm`, `Bilder`).
    let german = Lexicon::for_language(Language::German).unwrap();
    let alone = expected(&german, "bild");
    let lowercase = expected_holders("bild", false, words, &german);
    let capitalised = expected_holders("bild", true, words, &german);
    assert!(
        lowercase >= alone + expected(&german, "abbild"),
        "{lowercase}"
    );
    assert!(
        lowercase < alone + expected(&german, "bilder"),
        "{lowercase}"
    );
    assert!(
        capitalised >= alone + expected(&german, "bilder"),
        "{capitalised}"
    );
    // More words, more expected: the figure is a count, not a share.
    assert!(expected_holders("tipo", false, 2 * words, &spanish) > held);
}
