//! ftfy's heuristics for telling mojibake from text: the `badness`
//! expression, the stretches that look like UTF-8 mojibake inside other
//! text, and the byte patterns of mojibake that lost bytes on the way.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex as BytesRegex;
use regex::Regex;

use super::tables::{BADNESS, UTF8_CONTINUATION_STRICT, UTF8_DETECTOR};

/// textmend's additions to ftfy's expression: Windows-1251 mojibake of an
/// accented Latin letter inside a Latin word (`mГ©dicament`: `é` is
/// `C3 A9`, which Windows-1251 reads as `Г©`). A Cyrillic capital between
/// Latin letters, before a symbol, is no text.
const BADNESS_EXTRA: &str = "[A-Za-z]\\x{413}[\\x{a0}\\x{a4}\\x{a6}\\x{a7}\\x{a9}\\x{ab}\\x{ac}\\x{ad}\\x{ae}\\x{b0}\\x{b1}\\x{b5}\\x{b6}\\x{b7}\\x{2116}\\x{bb}][A-Za-z]";

static BADNESS_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{BADNESS}|{BADNESS_EXTRA}")).expect("valid"));

static UTF8_DETECTOR_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(UTF8_DETECTOR).expect("valid"));

static STRICT_CONTINUATION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{UTF8_CONTINUATION_STRICT}$")).expect("valid"));

/// Whether `text` holds a sequence of characters that is much likelier to
/// be mojibake than text (ftfy's `is_bad`): a C1 control, an accented
/// small letter before a capital one or a currency sign, `Ã` before a
/// no-break space, Mac Roman's `√±`, Windows-1251's `вЂ`, and so on.
pub(super) fn is_bad(text: &str) -> bool {
    BADNESS_RE.is_match(text)
}

/// How many such sequences `text` holds (ftfy's `badness`).
#[cfg(test)]
pub(super) fn badness(text: &str) -> usize {
    BADNESS_RE.find_iter(text).count()
}

/// The byte ranges of `text` that look like UTF-8 read as a single-byte
/// encoding: one or more lead characters each followed by the right number
/// of continuation characters (a space may stand for a lost no-break
/// space), not right after a character that only continues a sequence
/// (ftfy's `UTF8_DETECTOR_RE`).
pub(super) fn utf8_stretches(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(m) = UTF8_DETECTOR_RE.find_at(text, at) {
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|c| STRICT_CONTINUATION_RE.is_match(c.encode_utf8(&mut [0; 4]))) {
            // The look-behind fails here; the next match may start one
            // character on.
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        found.push(m.range());
        at = if m.is_empty() { m.end() + 1 } else { m.end() };
    }
    found
}

/// UTF-8 that would be valid had a byte 0xA0 not become a space (ftfy's
/// `ALTERED_UTF8_RE`): only lead bytes whose character before 0xA0 is a
/// likely one (`à`, a no-break space, `Š`, `Π`, `Р`, Arabic zero), and
/// three- and four-byte sequences of a few likely blocks.
static ALTERED_UTF8_RE: LazyLock<BytesRegex> = LazyLock::new(|| {
    BytesRegex::new(
        r"(?-u)[\xc2\xc3\xc5\xce\xd0\xd9][ ]|[\xe2\xe3][ ][\x80-\x84\x86-\x9f\xa1-\xbf]|[\xe0-\xe3][\x80-\x84\x86-\x9f\xa1-\xbf][ ]|[\xf0][ ][\x80-\xbf][\x80-\xbf]|[\xf0][\x80-\xbf][ ][\x80-\xbf]|[\xf0][\x80-\xbf][\x80-\xbf][ ]",
    )
    .expect("valid")
});

/// UTF-8 sequences some of whose bytes were lost: byte 0x1A stands for a
/// byte a lossy decoder turned into U+FFFD, and `?` may stand for one
/// (ftfy's `LOSSY_UTF8_RE`).
static LOSSY_UTF8_RE: LazyLock<BytesRegex> = LazyLock::new(|| {
    BytesRegex::new(
        r"(?-u)[\xc2-\xdf][\x1a]|[\xc2-\xc3][?]|\xed[\xa0-\xaf][\x1a?]\xed[\xb0-\xbf][\x1a?\x80-\xbf]|\xed[\xa0-\xaf][\x1a?\x80-\xbf]\xed[\xb0-\xbf][\x1a?]|[\xe0-\xef][\x1a?][\x1a\x80-\xbf]|[\xe0-\xef][\x1a\x80-\xbf][\x1a?]|[\xf0-\xf4][\x1a?][\x1a\x80-\xbf][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a?][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a\x80-\xbf][\x1a?]|\x1a",
    )
    .expect("valid")
});

/// Whether `bytes` hold a sequence that [`restore_byte_a0`] may mend.
pub(super) fn has_altered_utf8(bytes: &[u8]) -> bool {
    ALTERED_UTF8_RE.is_match(bytes)
}

/// An edit of a byte string: `range` is replaced by `with`.
pub(super) struct ByteEdit {
    pub(super) range: Range<usize>,
    pub(super) with: Vec<u8>,
}

/// Where a space in `bytes` stands for a lost 0xA0 (ftfy's
/// `restore_byte_a0`), as edits of the original bytes, sorted. First
/// `à` before a word (`Ã ` not followed by another space or by Portuguese
/// `quele`, `quela`, `quilo`, `s `, which follow `à` in its contractions
/// `àquele` — written apart they would be the capital `Ã` of a word): the
/// 0xA0 is put back in front of the space. Then every altered sequence
/// gets its space turned back into 0xA0.
pub(super) fn restore_byte_a0(bytes: &[u8]) -> Vec<ByteEdit> {
    let mut edits = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0xc3 && bytes[i + 1] == b' ' {
            let rest = &bytes[i + 2..];
            let excluded = [&b" "[..], b"quele", b"quela", b"quilo", b"s "]
                .iter()
                .any(|p| rest.starts_with(p));
            if !excluded {
                // `C3 20` becomes `C3 A0 20`: an insertion after the lead.
                edits.push(ByteEdit {
                    range: i + 1..i + 1,
                    with: vec![0xa0],
                });
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    // ftfy runs the second pattern on the bytes after the insertions; they
    // only put 0xA0 after a 0xC3, which the pattern then cannot match, and
    // never make a match where there was none (`C3 A0` is no space).
    let inserted: Vec<usize> = edits.iter().map(|e| e.range.start).collect();
    let patched = with_insertions(bytes, &inserted);
    let mut shift = 0;
    let mut k = 0;
    for m in ALTERED_UTF8_RE.find_iter(&patched) {
        for (offset, &b) in patched[m.range()].iter().enumerate() {
            if b != b' ' {
                continue;
            }
            let at = m.start() + offset;
            // Back to an offset in `bytes`: less the insertions before it.
            while k < inserted.len() && inserted[k] + shift < at {
                shift += 1;
                k += 1;
            }
            let original = at - shift;
            edits.push(ByteEdit {
                range: original..original + 1,
                with: vec![0xa0],
            });
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits
}

/// `bytes` with 0xA0 inserted at each of the sorted `positions`.
fn with_insertions(bytes: &[u8], positions: &[usize]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + positions.len());
    let mut from = 0;
    for &at in positions {
        out.extend_from_slice(&bytes[from..at]);
        out.push(0xa0);
        from = at;
    }
    out.extend_from_slice(&bytes[from..]);
    out
}

/// Where bytes were lost (ftfy's `replace_lossy_sequences`): each sequence
/// to be read as U+FFFD, the character a lossy decoder leaves.
pub(super) fn lossy_sequences(bytes: &[u8]) -> Vec<Range<usize>> {
    LOSSY_UTF8_RE.find_iter(bytes).map(|m| m.range()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badness_counts_like_ftfy() {
        // Counts from ftfy 6.3.1's `badness.badness`.
        assert_eq!(badness("It’s fine"), 0);
        assert_eq!(badness("Itâ€™s"), 1);
        assert_eq!(badness("cafÃ©"), 1);
        assert_eq!(badness("pi√π"), 0);
        assert_eq!(badness("\u{80}\u{81}"), 2);
        assert_eq!(badness("Ä£"), 0);
        assert_eq!(badness("É¿"), 0);
    }

    #[test]
    fn finds_utf8_stretches() {
        let stretches = |text: &'static str| -> Vec<&'static str> {
            utf8_stretches(text).into_iter().map(|r| &text[r]).collect()
        };
        assert_eq!(stretches("l’Ã©tÃ© ok"), ["Ã©", "Ã©"]);
        // Not right after a character that only continues a sequence.
        assert_eq!(stretches("x©Ã©"), [] as [&str; 0]);
    }

    #[test]
    fn restores_lost_no_break_spaces() {
        let edits = restore_byte_a0(b"\xc3 la");
        assert_eq!(edits.len(), 1);
        assert_eq!(
            (edits[0].range.clone(), edits[0].with.clone()),
            (1..1, vec![0xa0])
        );
        let edits = restore_byte_a0(b"10\xc2 km");
        assert_eq!(
            (edits[0].range.clone(), edits[0].with.clone()),
            (3..4, vec![0xa0])
        );
        // Not before `quele` (`àquele`), but the space still decodes as a
        // lost 0xA0 (`Ã\u{a0}`).
        let edits = restore_byte_a0(b"\xc3 quelea");
        assert_eq!(
            (edits[0].range.clone(), edits[0].with.clone()),
            (1..2, vec![0xa0])
        );
    }
}
