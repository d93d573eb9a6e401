//! Lines and what can be measured on one line alone: its words (lowercased,
//! punctuation trimmed), how many are function words, whether it ends like
//! a sentence, whether it is a date. Takes the text, gives one [`Line`] per
//! line with its byte span; decides nothing.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::vocab::Vocabulary;

/// A line and its features.
pub(super) struct Line<'t> {
    /// The bytes of the line with its line ending.
    pub(super) span: Range<usize>,
    /// The line without surrounding white space.
    pub(super) text: &'t str,
    /// White space (and zero-width characters) only.
    pub(super) blank: bool,
    /// The line split at white space.
    pub(super) tokens: Vec<&'t str>,
    /// The tokens lowercased with surrounding punctuation trimmed (empty
    /// ones left out).
    pub(super) words: Vec<String>,
    /// Words that hold a letter.
    pub(super) letter_words: usize,
    /// Ends in `.`, `!` or `?` (before closing quotes), not in an ellipsis.
    pub(super) terminal: bool,
    /// Ends in a colon.
    pub(super) colon: bool,
    /// A sentence or more of running text: eight words or more, a fifth of
    /// them function words, ending like a sentence (or in a colon that
    /// introduces what follows, after fifteen words).
    pub(super) prose: bool,
    /// Only a date or a time ("20.06.2019 07:30 Uhr", "November 2, 2023
    /// 3:53 PM EDT").
    pub(super) date: bool,
    /// The text with runs of white space as one space: equal keys are the
    /// same line printed twice.
    pub(super) key: String,
    /// The key lowercased with every run of digits as `0`: lines that differ
    /// only in their numbers share a shape.
    pub(super) shape: String,
}

/// Punctuation trimmed from both ends of a token to make a word.
const TRIMMED: &[char] = &[
    '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '“', '”', '‘', '’', '«',
    '»', '„', '|', '/', '\\', '–', '—', '-', '•', '*', '·', '…', '›', '‹', '<', '>',
];

/// Closing quotes and brackets that may follow a sentence's last mark.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '›'];

/// The fewest words a line of prose has.
const PROSE_MIN_WORDS: usize = 8;

/// The smallest share of function words in a line of prose (labels and
/// titles have fewer: "Subscription Plans", "Facts First").
const PROSE_MIN_FUNCTION_SHARE: f64 = 0.2;

/// A line ending in a colon reads as prose from this many words on (a
/// sentence introducing a link or a list).
const COLON_PROSE_MIN_WORDS: usize = 15;

/// A date line has at most this many words.
const DATE_MAX_WORDS: usize = 9;

fn date_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}|\d{1,2}\.\s?\d{2}\s?(?:uhr|h)\b",
        )
        .expect("a valid pattern")
    })
}

/// The lowercased word of a token, punctuation trimmed.
pub(super) fn word(token: &str) -> String {
    token.trim_matches(TRIMMED).to_lowercase()
}

pub(super) fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

pub(super) fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// A number, a time or a code without letters ("2019", "19:27", "1/2").
pub(super) fn is_number(word: &str) -> bool {
    !has_letter(word) && word.chars().any(|c| c.is_ascii_digit())
}

/// Whether the first letter of `s` is a capital.
pub(super) fn first_letter_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Whether a line ends like a sentence.
pub(super) fn is_sentence_end(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches(CLOSERS);
    if text.ends_with("...") || text.ends_with('…') {
        return false;
    }
    text.ends_with(['.', '!', '?', '。', '！', '？'])
}

fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
}

/// Every line of `text` (split after `\n`; a final line without one
/// counts), with its features.
pub(super) fn lines<'t>(text: &'t str, vocab: &Vocabulary) -> Vec<Line<'t>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i + 1);
        out.push(line(text, start..end, vocab));
        start = end;
    }
    out
}

fn line<'t>(text: &'t str, span: Range<usize>, vocab: &Vocabulary) -> Line<'t> {
    let content = text[span.clone()].trim();
    let tokens: Vec<&str> = content.split_whitespace().collect();
    // Labels join words with slashes ("View/Post Comments").
    let words: Vec<String> = tokens
        .iter()
        .flat_map(|t| t.split('/'))
        .map(word)
        .filter(|w| !w.is_empty())
        .collect();
    let letter_words = words.iter().filter(|w| has_letter(w)).count();
    let function_words = words
        .iter()
        .filter(|w| has_letter(w) && vocab.is_function(w))
        .count();
    let function_share = if letter_words == 0 {
        0.0
    } else {
        function_words as f64 / letter_words as f64
    };
    let terminal = is_sentence_end(content);
    let colon = content.ends_with(':');
    let prose = words.len() >= PROSE_MIN_WORDS
        && (terminal || (colon && words.len() >= COLON_PROSE_MIN_WORDS))
        && function_share >= PROSE_MIN_FUNCTION_SHARE;
    let date = is_date(content, &words, vocab);
    let key = tokens.join(" ");
    let mut shape = String::with_capacity(key.len());
    let mut in_digits = false;
    for c in key.to_lowercase().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                shape.push('0');
            }
            in_digits = true;
        } else {
            shape.push(c);
            in_digits = false;
        }
    }
    Line {
        blank: is_blank(content),
        span,
        text: content,
        tokens,
        words,
        letter_words,
        terminal,
        colon,
        prose,
        date,
        key,
        shape,
    }
}

/// A date or time and nothing else: digits in a date pattern or with a
/// month's name, and no word that is not part of a date.
fn is_date(content: &str, words: &[String], vocab: &Vocabulary) -> bool {
    if words.is_empty() || words.len() > DATE_MAX_WORDS {
        return false;
    }
    if !(date_pattern().is_match(content) || words.iter().any(|w| vocab.is_date_word(w))) {
        return false;
    }
    words
        .iter()
        .all(|w| !has_letter(w) || vocab.is_date_word(w))
        && content.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Line<'_> {
        let vocab = Vocabulary::new();
        lines(text, &vocab).remove(0)
    }

    #[test]
    fn spans_cover_the_text_with_line_endings() {
        let vocab = Vocabulary::new();
        let text = "one\n\ntwo\r\nthree";
        let spans: Vec<_> = lines(text, &vocab).iter().map(|l| l.span.clone()).collect();
        assert_eq!(spans, vec![0..4, 4..5, 5..10, 10..15]);
        assert_eq!(lines(text, &vocab)[2].text, "two");
        assert!(lines(text, &vocab)[1].blank);
        assert!(one(" \u{200b}\t\n").blank);
    }

    #[test]
    fn prose_has_function_words_and_a_sentence_end() {
        assert!(one("The summit in the capital comes as the country tries to improve.").prose);
        assert!(
            one("„Wir sind stolz darauf, dass in der Ukraine viele Firmen tätig sind“, sagte er.")
                .prose
        );
        // A title: no sentence end.
        assert!(!one("Zelensky Visits Azov Troops Near Pokrovsk as Battles Intensify").prose);
        // A label: too few words.
        assert!(!one("No ads. No spin.").prose);
        // An ellipsis is no sentence end.
        assert!(!one("And then the whole of the story went on and on and on...").terminal);
        assert!(one("He said it was “over.”").terminal);
    }

    #[test]
    fn dates_and_times_alone_are_date_lines() {
        for date in [
            "19:27",
            "20.06.2019 07:30 Uhr",
            "Updated 9:22 PM EST, Mon November 6, 2023",
            "Donnerstag, 31. Mai 2012",
            "14/01/2020",
        ] {
            assert!(one(date).date, "{date}");
        }
        for not_date in ["2024 Elections", "By Jill Serjeant", "Mai"] {
            assert!(!one(not_date).date, "{not_date}");
        }
    }

    #[test]
    fn shapes_mask_numbers() {
        assert_eq!(one("Puntualo 3 estrellas").shape, "puntualo 0 estrellas");
        assert_eq!(one("Bild  12 von 9").key, "Bild 12 von 9");
        assert_eq!(one("“Tweet,”").words, vec!["tweet"]);
    }
}
