//! Identify: a text (or a paragraph) and its tokens in, the language whose
//! dictionary should judge it out — or none, and the text passes through.
//!
//! Text judged with the wrong dictionary is full of "unknown" words, and
//! some of them split into word + word by chance, so each text (or each
//! paragraph of a mixed one) must be judged in its own language, or pass
//! through untouched when textmend has no dictionary for it. English is
//! recognised by its share of function words — high in any English prose,
//! however damaged, low in German, French or Spanish even where they share
//! a few short words, and never made of short words alone (Irish `a`, `an`,
//! `i`); other languages by the `whatlang` trigram detector, asked to
//! choose among the seven only and trusted only when it calls its answer
//! reliable. Neither looks at the
//! share of suspects, which would wrongly skip heavily damaged text.

use crate::knowledge::language::Language;
use crate::knowledge::lexicon::LONG_S;
use crate::stages::tokenize::Token;

/// What the detector says about a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A language with a dictionary.
    Known(Language),
    /// Another language, or none the detector is sure of (named when it
    /// has a guess).
    Other(Option<&'static str>),
    /// Too short for function words or trigrams to tell (a title, a
    /// caption): the dictionaries must.
    Short,
}

/// The detector reads at most this many bytes of a text (from its start):
/// trigram statistics settle long before.
const MAX_DETECT_BYTES: usize = 64 * 1024;

/// `whatlang`'s detector, asked about the languages textmend has
/// dictionaries for only. A text in another language comes out as the one
/// of them nearest to it, and no dictionary knows most of its words (the
/// check every verdict passes before a text is mended): 528 translations of
/// the Universal Declaration of Human Rights come out as they came in. Each
/// profile scored is a fixed cost of 300 trigram lookups, and scoring all
/// ~35 Latin-script ones was a tenth of the time of short records; and
/// the more languages a text is scored against, the less often the
/// detector calls it reliable (two Dutch pages scanned with `rn` for `m`
/// had been left alone).
static DETECTOR: std::sync::LazyLock<whatlang::Detector> = std::sync::LazyLock::new(|| {
    use whatlang::Lang::{Deu, Eng, Fra, Ita, Nld, Por, Spa};
    whatlang::Detector::with_allowlist(vec![Eng, Deu, Fra, Spa, Ita, Por, Nld])
});

/// The language of `part`, a stretch of `text` whose `tokens` (spans into
/// `text`) are given: none yet if it is short, English by its function
/// words, else whichever of the others `whatlang` reliably detects among
/// the seven.
pub(crate) fn detect_language(text: &str, part: &str, tokens: &[Token]) -> Verdict {
    if tokens.len() < MIN_TOKENS_TO_JUDGE {
        return Verdict::Short;
    }
    if is_english(text, tokens) {
        return Verdict::Known(Language::English);
    }
    let mut end = part.len().min(MAX_DETECT_BYTES);
    while !part.is_char_boundary(end) {
        end -= 1;
    }
    // Trigrams are counted on modern letters: the long s of older printing
    // is an `s` (a German text set with `ſ` was detected as no language).
    let part = &part[..end];
    let modern: std::borrow::Cow<'_, str> = if part.contains(LONG_S) {
        part.replace(LONG_S, "s").into()
    } else {
        part.into()
    };
    match DETECTOR.detect(&modern) {
        Some(info) if info.is_reliable() => match Language::from_whatlang(info.lang()) {
            // Not English by its function words: English trigrams alone are
            // not enough.
            Some(Language::English) | None => Verdict::Other(Some(info.lang().eng_name())),
            Some(language) => Verdict::Known(language),
        },
        Some(info) => Verdict::Other(Some(info.lang().eng_name())),
        None => Verdict::Other(None),
    }
}

/// The most frequent English function words (general knowledge; any
/// frequency list of English starts with these).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "him", "his", "i",
    "if", "in", "into", "is", "it", "its", "more", "my", "no", "not", "of", "on", "one", "or",
    "our", "out", "over", "she", "so", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "to", "up", "us", "was", "we", "were", "what", "when", "which", "who",
    "will", "with", "would", "you", "your",
];

/// A text is judged on at most this many tokens, evenly spread: the share
/// of function words is stable long before that.
const MAX_TOKENS_JUDGED: usize = 20_000;

/// Below this many word tokens the share is too noisy to judge: the text is
/// treated as English where its function words are asked (a damaged
/// headline has few), and detection leaves it to the dictionaries.
const MIN_TOKENS_TO_JUDGE: usize = 20;

/// English prose runs at 35–50% function words by this list (seeds 000,
/// 002–004 and the Austen fixtures: 0.33–0.47); the German seed 001 is at
/// 0.04. A threshold of 0.15 leaves a wide margin on both sides.
const MIN_ENGLISH_SHARE: f64 = 0.15;

/// The short English function words (`a`, `i`, `an`, `in`, `no`, `to`,
/// `be`, `we`) are words of many languages, and carry the whole share in
/// text that is English by chance: paragraphs of the Universal Declaration
/// of Human Rights in Irish, Mizo, Zarma or Tahitian reach 0.15–0.23 on
/// them alone, and their function words of three letters or more (`the`,
/// `and`, `that`) stay under 0.05 in all but five of 467 such paragraphs
/// (English-based creoles among them). In English documentation (the clean
/// benchmark's tune part) the long ones are a median 0.22 of a paragraph's
/// words; 162 of 27,909 paragraphs at [`MIN_ENGLISH_SHARE`] are under 0.05:
/// code, tables and option lists, which lose nothing by being read as no
/// language.
const MIN_ENGLISH_LONG_SHARE: f64 = 0.05;

/// The share of `tokens` that are English function words, and the share
/// that are function words of three letters or more. A long text is
/// judged on an even sample of its tokens.
pub(crate) fn english_shares(text: &str, tokens: &[Token]) -> (f64, f64) {
    if tokens.is_empty() {
        return (0.0, 0.0);
    }
    let step = tokens.len().div_ceil(MAX_TOKENS_JUDGED);
    let judged = tokens.len().div_ceil(step);
    let (mut hits, mut long) = (0usize, 0usize);
    for t in tokens.iter().step_by(step) {
        let word = &text[t.span.clone()];
        if is_function_word(word) {
            hits += 1;
            long += usize::from(is_long(word));
        }
    }
    (hits as f64 / judged as f64, long as f64 / judged as f64)
}

/// The longest of [`ENGLISH_FUNCTION_WORDS`], in bytes.
const MAX_FUNCTION_WORD_BYTES: usize = 5;

/// [`ENGLISH_FUNCTION_WORDS`] as numbers ([`packed`]), in the same order:
/// every token of a text is asked, and numbers compare in one step.
const PACKED_FUNCTION_WORDS: [u64; ENGLISH_FUNCTION_WORDS.len()] = {
    let mut packed_words = [0u64; ENGLISH_FUNCTION_WORDS.len()];
    let mut i = 0;
    while i < packed_words.len() {
        packed_words[i] = packed(ENGLISH_FUNCTION_WORDS[i].as_bytes());
        i += 1;
    }
    packed_words
};

/// A word of at most [`MAX_FUNCTION_WORD_BYTES`] bytes as one number, its
/// bytes lowercased and first byte highest, its length lowest: numbers
/// order as the words do, and no two words share one.
const fn packed(bytes: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut i = 0;
    while i < MAX_FUNCTION_WORD_BYTES {
        n <<= 8;
        if i < bytes.len() {
            n |= bytes[i].to_ascii_lowercase() as u64;
        }
        i += 1;
    }
    (n << 8) | bytes.len() as u64
}

/// Whether `word` is an English function word, in any case.
fn is_function_word(word: &str) -> bool {
    if !word.is_ascii() {
        return word.contains(LONG_S) && is_function_word(&word.replace(LONG_S, "s"));
    }
    let bytes = word.as_bytes();
    bytes.len() <= MAX_FUNCTION_WORD_BYTES
        && PACKED_FUNCTION_WORDS.binary_search(&packed(bytes)).is_ok()
}

/// Whether any of `tokens` is an English function word of three letters or
/// more (`the`, `and`, `with`), which short words of other languages
/// seldom are.
pub(crate) fn has_long_function_word(text: &str, tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        let word = &text[t.span.clone()];
        is_function_word(word) && is_long(word)
    })
}

/// Whether a function word is a long one, three letters or more: counted
/// in characters, so `ſo` is a short word.
fn is_long(word: &str) -> bool {
    word.chars().nth(2).is_some()
}

/// Whether `text` should be treated as English: short, or with at least
/// [`MIN_ENGLISH_SHARE`] function words, enough of them long ones.
pub(crate) fn is_english(text: &str, tokens: &[Token]) -> bool {
    if tokens.len() < MIN_TOKENS_TO_JUDGE {
        return true;
    }
    let (share, long) = english_shares(text, tokens);
    share >= MIN_ENGLISH_SHARE && long >= MIN_ENGLISH_LONG_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::tokenize::tokenize;

    #[test]
    fn the_word_list_is_sorted_for_binary_search() {
        assert!(ENGLISH_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(PACKED_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_FUNCTION_WORDS
            .iter()
            .all(|w| w.len() <= MAX_FUNCTION_WORD_BYTES));
    }

    #[test]
    fn function_words_are_found_in_any_case_and_nothing_else() {
        for word in ENGLISH_FUNCTION_WORDS {
            assert!(is_function_word(word), "{word}");
            assert!(is_function_word(&word.to_uppercase()), "{word}");
        }
        for word in [
            "", "ab", "abou", "abouts", "the'", "th", "thee", "ſome", "zz", "1", "i1",
        ] {
            assert!(!is_function_word(word), "{word}");
        }
        assert!(is_function_word("Not") && is_function_word("ſo") && is_function_word("I"));
    }

    #[test]
    fn tells_english_from_german() {
        let en = "The summit in the Albanian capital comes as Ukraine is trying to improve \
                  its defensive capabilities at a time of faltering support for the war.";
        let de = "Der ukrainische Präsident hat die Staats- und Regierungschefs der \
                  Balkanländer um Unterstützung im Verteidigungskampf gegen Russland gebeten. \
                  Selenskyj dankte den Staatenlenkern der Balkanländer am Mittwoch in \
                  Albanien für ihre militärische Unterstützung in den vergangenen zwei Jahren.";
        assert!(is_english(en, &tokenize(en)));
        assert!(!is_english(de, &tokenize(de)));
        assert!(is_english("Counattempt", &tokenize("Counattempt")));
        assert_eq!(
            detect_language(de, de, &tokenize(de)),
            Verdict::Known(Language::German)
        );
        let fr = "Le président ukrainien a demandé aux chefs d'État et de gouvernement \
                  des pays des Balkans leur soutien dans la guerre défensive contre la \
                  Russie, et les a remerciés pour leur aide militaire depuis deux ans.";
        assert_eq!(
            detect_language(fr, fr, &tokenize(fr)),
            Verdict::Known(Language::French)
        );
        assert_eq!(Language::from_code("nl"), Some(Language::Dutch));
    }

    #[test]
    fn short_words_english_shares_with_other_languages_are_not_enough() {
        // Irish (the preamble of the Universal Declaration of Human
        // Rights): `a`, `an` and `i` make a sixth of its words.
        let ga = "De Bhrí go ndearna pobail na Náisiúin Aontaithe sa Chairt dearbhú \
                  athuair ar a gcreideamh i gcearta bunúsacha an duine, i ndínit agus i \
                  bhfiúntas pearsan an duine agus i gcearta comhionanna fear agus bean, \
                  agus gur chinneadar tacú leis an ascnamh sóisalach agus réim \
                  maireachtana níos fearr a thabhairt i gcrích faoi shaoirse níos \
                  fairsinge,";
        let tokens = tokenize(ga);
        let (share, long) = english_shares(ga, &tokens);
        assert!(share >= MIN_ENGLISH_SHARE && long == 0.0, "{share} {long}");
        assert!(!is_english(ga, &tokens));
        // English says the same with function words of every length.
        let en = "Whereas the peoples of the United Nations have in the Charter \
                  reaffirmed their faith in fundamental human rights, in the dignity and \
                  worth of the human person and in the equal rights of men and women and \
                  have determined to promote social progress and better standards of life \
                  in larger freedom.";
        assert!(is_english(en, &tokenize(en)));
        assert_eq!(Language::from_code("xx"), None);
    }
}
