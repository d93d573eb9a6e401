//! Tokenize: text in, plain word tokens out, as byte spans into the input.
//!
//! Only what could be an ordinary word becomes a token. Whole
//! whitespace-separated chunks that are URLs, e-mail addresses, `@handles` or
//! `#tags` are skipped, and so are runs with underscores or without letters
//! (`snake_case`, `1999`) and mixed-case runs (`AAPNews`, `iPhone`,
//! `McDonald`), which are identifiers and brand names, not prose. Runs that
//! mix letters and digits (`G7`, `1ike`) are tokens marked as such: only an
//! OCR misreading can make them words. Hyphens split a run into parts
//! that are checked one by one. Tokens borrow nothing and copy nothing: a
//! token is a span plus what later stages need to know about its shape. This
//! stage does not look anything up. A text that earlier repairs changed in
//! a few places is not read again whole: [`retokenize`] reads only the
//! chunks an edit touched.

use std::ops::Range;

use crate::chars::{char_at, is_apostrophe, is_combining_mark, is_skipped_chunk};

/// The case pattern of a word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// `word`
    Lower,
    /// `Word`
    Title,
    /// `WORD` (two or more letters)
    Upper,
}

/// A word token: a byte span into the input and its shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range of the token in the input.
    pub(crate) span: Range<usize>,
    /// The case pattern.
    pub(crate) case: Case,
    /// Whether the token opens a sentence, line or quotation, where a capital
    /// letter says nothing about whether the word is a name.
    pub(crate) sentence_start: bool,
    /// Whether letters and digits mix in it (`1ike`, `she11`, `G7`): an
    /// identifier or an OCR misreading, never a plain word.
    pub(crate) has_digits: bool,
}

/// Splits `text` into word tokens, in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_range(text, 0..text.len(), &mut tokens);
    // A long text's tokens live as long as it is mended, and doubling left
    // up to half of their room unused (3 MB of a 1 MiB text's 6 MB).
    if tokens.capacity() - tokens.len() > SPARE_TOKENS {
        tokens.shrink_to_fit();
    }
    tokens
}

/// The tokens of `edited`, which is `text` with `edits` made (sorted,
/// non-overlapping byte spans into `text`, each with what replaced it),
/// from `tokens`, those of `text`: only the whitespace-separated chunks an
/// edit touches are read again, the other tokens moved. The same as
/// [`tokenize`]`(edited)`: a scan's few joined words do not cost a second
/// reading of the whole text.
pub(crate) fn retokenize(
    text: &str,
    tokens: &[Token],
    edits: &[(Range<usize>, &str)],
    edited: &str,
) -> Vec<Token> {
    // Each edit's stretch of `text`, widened to whole chunks, as windows
    // merged where they meet, each with the length it takes in `edited`.
    let mut windows: Vec<(Range<usize>, isize)> = Vec::new();
    for (span, after) in edits {
        let start = text[..span.start]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[span.end..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(text.len(), |(i, _)| span.end + i);
        let growth = after.len() as isize - span.len() as isize;
        match windows.last_mut() {
            Some((last, grown)) if start <= last.end => {
                last.end = last.end.max(end);
                *grown += growth;
            }
            _ => windows.push((start..end, growth)),
        }
    }
    let mut out = Vec::with_capacity(tokens.len() + 16);
    // The first token after a window may have looked back into it for the
    // sentence's start, and is asked again; the ones after it stop at it.
    let mut recheck = false;
    let moved = |token: &Token, shift: isize, recheck: &mut bool| {
        let start = (token.span.start as isize + shift) as usize;
        let mut token = Token {
            span: start..start + token.span.len(),
            ..token.clone()
        };
        if std::mem::take(recheck) {
            token.sentence_start = is_sentence_start(&edited[..start]);
        }
        token
    };
    let mut next = 0;
    let mut shift: isize = 0;
    for (window, growth) in windows {
        while next < tokens.len() && tokens[next].span.start < window.start {
            out.push(moved(&tokens[next], shift, &mut recheck));
            next += 1;
        }
        while next < tokens.len() && tokens[next].span.start < window.end {
            next += 1;
        }
        let start = (window.start as isize + shift) as usize;
        shift += growth;
        let end = (window.end as isize + shift) as usize;
        tokenize_range(edited, start..end, &mut out);
        recheck = true;
    }
    for token in &tokens[next..] {
        out.push(moved(token, shift, &mut recheck));
    }
    if out.capacity() - out.len() > SPARE_TOKENS {
        out.shrink_to_fit();
    }
    out
}

/// The tokens of the chunks of `text` within `range`, which starts and
/// ends at white space or the ends of `text`, pushed to `tokens`.
fn tokenize_range(text: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    let bytes = &text.as_bytes()[..range.end];
    let mut at = range.start;
    while at < bytes.len() {
        if let Some(len) = space_at(text, at) {
            at += len;
            continue;
        }
        // A whitespace-separated chunk; prose's are ASCII, read a byte at
        // a time, and only a chunk holding one of the bytes a URL, address,
        // handle or tag needs is asked whether it is one.
        let start = at;
        let (mut ascii, mut marked) = (true, false);
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii() {
                if is_ascii_space(b) {
                    break;
                }
                marked |= matches!(b, b'@' | b'#' | b':' | b'w');
                at += 1;
            } else {
                let (c, len) = char_at(text, at);
                if c.is_whitespace() {
                    break;
                }
                ascii = false;
                at += len;
            }
        }
        if marked && is_skipped_chunk(&text[start..at]) {
            continue;
        }
        if ascii {
            tokenize_ascii_chunk(text, start..at, tokens);
        } else {
            tokenize_chunk(text, start..at, tokens);
        }
    }
}

/// Unused room for this many tokens is given back when tokenizing ends.
const SPARE_TOKENS: usize = 4096;

/// The length of the white space character at byte `at` of `text`, if it
/// is one.
#[inline]
fn space_at(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return is_ascii_space(b).then_some(1);
    }
    let (c, len) = char_at(text, at);
    c.is_whitespace().then_some(len)
}

/// [`char::is_whitespace`] for an ASCII byte.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// [`tokenize_chunk`] for a chunk of ASCII, a byte at a time.
fn tokenize_ascii_chunk(text: &str, chunk: Range<usize>, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut run_start = None;
    for at in chunk.clone() {
        let b = bytes[at];
        let in_word = b.is_ascii_alphanumeric()
            || b == b'_'
            || (b == b'\''
                && run_start.is_some()
                && at + 1 < chunk.end
                && bytes[at + 1].is_ascii_alphanumeric());
        match (in_word, run_start) {
            (true, None) => run_start = Some(at),
            (false, Some(start)) => {
                push_run(text, start..at, tokens);
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run_start {
        push_run(text, start..chunk.end, tokens);
    }
}

/// The word runs of one chunk (not a skipped one) as tokens.
fn tokenize_chunk(text: &str, chunk: Range<usize>, tokens: &mut Vec<Token>) {
    let s = &text[chunk.clone()];
    let mut run_start = None;
    let mut at = 0;
    while at < s.len() {
        let (c, len) = char_at(s, at);
        let in_word = is_word_char(c)
            || (is_apostrophe(c)
                && run_start.is_some()
                && at + len < s.len()
                && char_at(s, at + len).0.is_alphanumeric());
        match (in_word, run_start) {
            (true, None) => run_start = Some(at),
            (false, Some(start)) => {
                push_run(text, chunk.start + start..chunk.start + at, tokens);
                run_start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(start) = run_start {
        push_run(text, chunk.start + start..chunk.end, tokens);
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

fn push_run(text: &str, span: Range<usize>, tokens: &mut Vec<Token>) {
    // `_word_` is plain-text italics; an underscore inside a run is an
    // identifier and skips it below.
    let raw = &text.as_bytes()[span.clone()];
    let lead = raw.iter().take_while(|&&b| b == b'_').count();
    let trail = raw[lead..].iter().rev().take_while(|&&b| b == b'_').count();
    let span = span.start + lead..span.end - trail;
    let run = &text[span.clone()];
    let Some((has_digits, case)) = shape(run) else {
        return;
    };
    let sentence_start = is_sentence_start(&text[..span.start]);
    tokens.push(Token {
        span,
        case,
        sentence_start,
        has_digits,
    });
}

/// Whether a run has digits, and its case pattern, in one pass; `None` for
/// a run that is no word: an underscore inside, no letter, mixed case.
fn shape(run: &str) -> Option<(bool, Case)> {
    let (mut digits, mut first_upper) = (false, None);
    let (mut rest_upper, mut rest_lower, mut rest_empty) = (false, false, true);
    let mut at = 0;
    while at < run.len() {
        let (c, len) = char_at(run, at);
        at += len;
        if c == '_' {
            return None;
        }
        digits |= c.is_numeric();
        if c.is_alphabetic() {
            // A letter of a script without case is neither.
            let (upper, lower) = (c.is_uppercase(), c.is_lowercase());
            if first_upper.is_none() {
                first_upper = Some(upper);
            } else {
                rest_empty = false;
                rest_upper |= upper;
                rest_lower |= lower;
            }
        }
    }
    let case = match (first_upper?, rest_upper, rest_lower) {
        (false, false, _) => Case::Lower,
        (true, false, true) => Case::Title,
        (true, false, false) if rest_empty => Case::Title,
        (true, true, false) => Case::Upper,
        _ => return None,
    };
    Some((digits, case))
}

/// Whether a token after `before` starts a sentence: nothing but opening
/// quotes, brackets, bullets and spaces separate it from the start of the
/// text, a line break, or sentence-final punctuation.
fn is_sentence_start(before: &str) -> bool {
    for (i, c) in before.char_indices().rev() {
        match c {
            '.' => return !is_abbreviation(&before[..i]),
            '\n' | '\r' | '!' | '?' | ':' | '\u{2026}' | '\u{2022}' => return true,
            c if c.is_whitespace() => {}
            '"' | '\'' | '(' | '[' | '{' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{bb}'
            | '\u{201e}' | '-' | '\u{2013}' | '\u{2014}' | '*' => {}
            _ => return false,
        }
    }
    true
}

/// Whether the text before a full stop ends in a title or an initial
/// (`Mr.`, `Dr.`, `St.`, `J.`): a capital, at most two more letters, and a
/// space or the start of the text before it. After one of those, a capital
/// starts a name, not a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let n = word.chars().count();
    (1..=3).contains(&n) && word.starts_with(|c: char| c.is_uppercase())
}

/// `word` (lowercase) written in the case pattern `case`.
pub(crate) fn with_case(word: &str, case: Case) -> String {
    match case {
        Case::Lower => word.to_string(),
        Case::Upper => word.to_uppercase(),
        Case::Title => {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.span.clone()])
            .collect()
    }

    #[test]
    fn splits_prose_and_skips_non_words() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world!", &["Hello", "world"]),
            ("it's Serbia\u{2019}s", &["it's", "Serbia\u{2019}s"]),
            ("'quoted' words", &["quoted", "words"]),
            (
                "Ukraine-Southeast Europe",
                &["Ukraine", "Southeast", "Europe"],
            ),
            ("see https://x.org/a-b now", &["see", "now"]),
            ("mail me@x.org or @Kyivpost_official #tag", &["mail", "or"]),
            ("G7 2023 AU$10 snake_case _italic_", &["G7", "AU", "italic"]),
            ("AAPNews iPhone McDonald NATO", &["NATO"]),
            ("Vučić café", &["Vučić", "café"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn marks_letters_mixed_with_digits() {
        let marked: Vec<bool> = tokenize("1ike she11 like 3rd")
            .iter()
            .map(|t| t.has_digits)
            .collect();
        assert_eq!(marked, [true, true, false, true]);
    }

    #[test]
    fn spans_point_into_the_input() {
        let text = "  naïve\r\nword ";
        let tokens = tokenize(text);
        assert_eq!(tokens[0].span, 2..8);
        assert_eq!(&text[tokens[1].span.clone()], "word");
    }

    #[test]
    fn knows_case_and_sentence_starts() {
        let text = "The Serbian leader. \u{201c}Kosovo was NATO\u{201d} said\nMoscow to Mr. Elton.";
        let shape: Vec<(Case, bool)> = tokenize(text)
            .iter()
            .map(|t| (t.case, t.sentence_start))
            .collect();
        assert_eq!(
            shape,
            [
                (Case::Title, true),
                (Case::Title, false),
                (Case::Lower, false),
                (Case::Title, true),
                (Case::Lower, false),
                (Case::Upper, false),
                (Case::Lower, false),
                (Case::Title, true),
                (Case::Lower, false),
                (Case::Title, false),
                (Case::Title, false),
            ]
        );
    }

    /// The tokenizer as first written, a character at a time with no fast
    /// path for ASCII: the oracle the byte-wise one must agree with.
    fn tokenized_by_chars(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut chunk_start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_whitespace(), chunk_start) {
                (false, None) => chunk_start = Some(i),
                (true, Some(start)) => {
                    let chunk = &text[start..i];
                    if is_skipped_chunk(chunk) {
                        chunk_start = None;
                        continue;
                    }
                    let mut run_start = None;
                    let mut iter = chunk.char_indices().peekable();
                    let mut runs = Vec::new();
                    while let Some((j, c)) = iter.next() {
                        let next = iter.peek().map(|&(_, n)| n);
                        let in_word = is_word_char(c)
                            || (is_apostrophe(c)
                                && run_start.is_some()
                                && next.is_some_and(|n| n.is_alphanumeric()));
                        match (in_word, run_start) {
                            (true, None) => run_start = Some(j),
                            (false, Some(r)) => {
                                runs.push(start + r..start + j);
                                run_start = None;
                            }
                            _ => {}
                        }
                    }
                    runs.extend(run_start.map(|r| start + r..i));
                    for span in runs {
                        let run = text[span.clone()].trim_matches('_');
                        let at = span.start + text[span.clone()].len()
                            - text[span.clone()].trim_start_matches('_').len();
                        let has_digits = run.chars().any(|c| c.is_numeric());
                        if run.contains('_')
                            || (has_digits && !run.chars().any(|c| c.is_alphabetic()))
                        {
                            continue;
                        }
                        let letters: Vec<char> =
                            run.chars().filter(|c| c.is_alphabetic()).collect();
                        let Some((first, rest)) = letters.split_first() else {
                            continue;
                        };
                        let upper = rest.iter().any(|c| c.is_uppercase());
                        let lower = rest.iter().any(|c| c.is_lowercase());
                        let case = match (first.is_uppercase(), upper, lower) {
                            (false, false, _) => Case::Lower,
                            (true, false, true) => Case::Title,
                            (true, false, false) if rest.is_empty() => Case::Title,
                            (true, true, false) => Case::Upper,
                            _ => continue,
                        };
                        tokens.push(Token {
                            span: at..at + run.len(),
                            case,
                            sentence_start: is_sentence_start(&text[..at]),
                            has_digits,
                        });
                    }
                    chunk_start = None;
                }
                _ => {}
            }
        }
        tokens
    }

    /// `text` with up to three stretches (picked by `picks`, each a start,
    /// a length and a replacement) replaced, and the edits.
    fn edited<'r>(
        text: &str,
        picks: &[(usize, usize, usize)],
        replacements: &[&'r str],
    ) -> (String, Vec<(Range<usize>, &'r str)>) {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut spans: Vec<(Range<usize>, &str)> = picks
            .iter()
            .map(|&(at, len, with)| {
                let a = at % bounds.len();
                let b = (a + len % 4).min(bounds.len() - 1);
                (
                    bounds[a]..bounds[b],
                    replacements[with % replacements.len()],
                )
            })
            .collect();
        spans.sort_by_key(|(span, _)| (span.start, span.end));
        let mut edits: Vec<(Range<usize>, &str)> = Vec::new();
        for (span, with) in spans {
            if edits.last().is_none_or(|(last, _)| last.end < span.start) {
                edits.push((span, with));
            }
        }
        let mut out = String::new();
        let mut at = 0;
        for (span, with) in &edits {
            out.push_str(&text[at..span.start]);
            out.push_str(with);
            at = span.end;
        }
        out.push_str(&text[at..]);
        (out, edits)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Tokens moved and only the edited chunks read again are the
        /// tokens of the edited text read whole: joins of a line-end hyphen
        /// or a stray space, insertions, deletions, sentence ends made or
        /// undone next to the edit.
        #[test]
        fn retokenizing_an_edited_text_agrees_with_tokenizing_it(
            text in "([a-zA-Z0-9 _'\\-.:@\n\t]|[Éé’\u{301}\u{a0}\u{201c}]){0,60}",
            picks in proptest::collection::vec((0usize..80, 0usize..8, 0usize..16), 0..4)
        ) {
            let replacements = [
                "", " ", "-\n", "\n", "x", "é", "ab cd", "'", ".", ". A", "\u{201c}", "a@b", "_", "Q7", "\n\n", "-",
            ];
            let (edited, edits) = edited(&text, &picks, &replacements);
            proptest::prop_assert_eq!(
                retokenize(&text, &tokenize(&text), &edits, &edited),
                tokenize(&edited)
            );
        }

        /// Any mix of ASCII, accented and caseless letters, digits of other
        /// scripts, apostrophes, underscores, combining marks and every kind
        /// of white space tokenizes as a character at a time does.
        #[test]
        fn reading_bytes_agrees_with_reading_characters(
            text in "([a-zA-Z0-9 _'\\-.@:/#\n\t\u{b}\u{c}\r]|[ÄäÉéſßœ’Ⅻⅻ\u{301}\u{85}\u{a0}\u{2003}\u{3000}ªº²½٣Ωω中ǅ]){0,60}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), tokenized_by_chars(&text));
        }
    }

    #[test]
    fn the_fixtures_tokenize_as_a_character_at_a_time() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut files = 0;
        for dir in std::fs::read_dir(root).unwrap() {
            let Ok(entries) = std::fs::read_dir(dir.unwrap().path()) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                    assert_eq!(tokenize(&text), tokenized_by_chars(&text), "{path:?}");
                    files += 1;
                }
            }
        }
        assert!(files > 100, "{files}");
    }

    #[test]
    fn restores_case_patterns() {
        assert_eq!(with_case("country", Case::Lower), "country");
        assert_eq!(with_case("country", Case::Title), "Country");
        assert_eq!(with_case("ärger", Case::Title), "Ärger");
        assert_eq!(with_case("end", Case::Upper), "END");
    }
}
