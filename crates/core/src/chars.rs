//! Which characters belong to a word, and which whitespace-separated
//! chunks are no prose at all. Shared by the two stages that read words —
//! rejoining broken words and tokenizing — so that both agree on where a
//! word ends.

/// Longer tokens are not words but identifiers, encoded data or
/// run-together text: the longest English dictionary word has 45 letters.
/// The bound also keeps the cost of a pathological "word" linear: no stage
/// copies or looks up a longer one.
pub(crate) const MAX_WORD_CHARS: usize = 45;

/// Combining diacritics (U+0300–U+036F and the supplement U+1DC0–U+1DFF) are
/// part of the letter before them.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1dc0}'..='\u{1dff}')
}

/// The apostrophe, typed (`'`) or typeset (`’`): inside a word it joins a
/// clitic or an elided word to it (`perform'd`, `l'emploi`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Whether a whitespace-separated chunk is a URL, e-mail address, handle or
/// tag, none of which is prose.
pub(crate) fn is_skipped_chunk(chunk: &str) -> bool {
    // Each test below needs one of these bytes: most words hold none, and
    // one pass over a word's bytes settles them.
    if !chunk
        .bytes()
        .any(|b| matches!(b, b'@' | b'#' | b':' | b'w'))
    {
        return false;
    }
    let trimmed = chunk.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '#');
    trimmed.starts_with('@')
        || trimmed.starts_with('#')
        || chunk.contains("://")
        || trimmed.starts_with("www.")
        || chunk.contains('@')
}

/// The character of `text` at byte `at` (a character boundary) and its
/// length in bytes: prose is mostly ASCII, read a byte at a time.
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => {
            let c = text[at..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        }
    }
}
