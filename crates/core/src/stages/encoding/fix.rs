//! ftfy's `fix_encoding`, ported to text whose every character remembers
//! where in the input it came from and what was undone to make it.

use std::ops::Range;

use super::badness::{has_altered_utf8, is_bad, lossy_sequences, restore_byte_a0, utf8_stretches};
use super::codecs::{code_page, decode_utf8, Decoded, CODE_PAGE_LIST};

/// ftfy repeats its one step until the text stops changing; this bounds
/// it (plsfix's bound) should a step ever undo another.
const MAX_STEPS: usize = 16;

/// One character of the text being fixed.
#[derive(Clone, Debug)]
pub(super) struct Piece {
    pub(super) c: char,
    /// The bytes of the input it came from.
    pub(super) from: Range<usize>,
    /// What was undone to make it, in the order it was undone (the last
    /// damage first).
    pub(super) undone: Vec<Undone>,
}

/// One thing undone to make a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Undone {
    /// UTF-8 bytes had been read as this single-byte encoding.
    Utf8As(&'static str),
    /// A Windows-1252 byte had been read as Latin-1, as a C1 control.
    Cp1252AsLatin1,
    /// A no-break space in the mojibake had become a plain space.
    NoBreakSpace,
    /// Bytes had been lost: the character is U+FFFD.
    Lost,
}

/// The characters of the text around the pieces being fixed, when they
/// are a stretch of a longer text.
#[derive(Clone, Copy, Default)]
pub(super) struct Context {
    pub(super) before: Option<char>,
    pub(super) after: Option<char>,
}

/// `pieces` with their mojibake undone (ftfy's `fix_encoding`).
pub(super) fn fix_encoding(mut pieces: Vec<Piece>, context: Context) -> Vec<Piece> {
    for _ in 0..MAX_STEPS {
        match one_step(&pieces, context) {
            Some(next) if text_of(&next) != text_of(&pieces) => pieces = next,
            _ => break,
        }
    }
    pieces
}

/// The text `pieces` spell.
pub(super) fn text_of(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.c).collect()
}

/// One step of fixing (ftfy's `_fix_encoding_one_step_and_explain`), or
/// `None` when there is nothing to fix.
fn one_step(pieces: &[Piece], context: Context) -> Option<Vec<Piece>> {
    let text = text_of(pieces);
    if text.is_ascii() || !is_bad(&text) {
        return None;
    }
    // The likeliest case: the whole text is UTF-8 read as one single-byte
    // encoding, tried in ftfy's order.
    let mut possible = Vec::new();
    for page in CODE_PAGE_LIST.iter() {
        if !page.can_encode(&text) {
            continue;
        }
        possible.push(page.name);
        let mut bytes = Bytes::new(pieces.iter().map(|p| page.byte_of(p.c).expect("encodable")));
        if page.name != "macroman" && has_altered_utf8(&bytes.bytes) {
            let edits = restore_byte_a0(&bytes.bytes);
            bytes = bytes.edited(
                edits.into_iter().map(|e| (e.range, e.with)),
                Undone::NoBreakSpace,
            );
        }
        if page.sloppy {
            let lost = lossy_sequences(&bytes.bytes);
            bytes = bytes.edited(
                lost.into_iter()
                    .map(|r| (r, "\u{fffd}".as_bytes().to_vec())),
                Undone::Lost,
            );
        }
        let variants = bytes.bytes.iter().any(|&b| b == 0xed || b == 0xc0);
        if let Some(decoded) = decode_utf8(&bytes.bytes, variants) {
            if looks_like_text(pieces, context, &bytes, &decoded) {
                continue;
            }
            return Some(rebuild(pieces, &bytes, &decoded, Undone::Utf8As(page.name)));
        }
    }

    // Mojibake inside other text: each stretch that looks like it is fixed
    // on its own.
    let stretches = utf8_stretches(&text);
    if !stretches.is_empty() {
        let fixed = decode_inconsistent_utf8(pieces, context, &text, &stretches);
        if text_of(&fixed) != text {
            return Some(fixed);
        }
    }

    // Latin-1 meant to be read as Windows-1252: its C1 controls are
    // Windows-1252's punctuation.
    if possible.contains(&"latin-1") {
        if possible.contains(&"windows-1252") {
            // Text both could have come from is probably text.
            return None;
        }
        // Windows-1252 proper leaves five bytes undefined.
        let undefined = |c: char| matches!(c, '\u{81}' | '\u{8d}' | '\u{8f}' | '\u{90}' | '\u{9d}');
        if !text.chars().any(undefined) {
            let fixed = fix_c1_controls(pieces);
            if text_of(&fixed) != text {
                return Some(fixed);
            }
        }
    }
    // C1 controls left alone, fixed one by one with a less satisfying
    // explanation.
    if text.chars().any(is_c1) {
        return Some(fix_c1_controls(pieces));
    }
    None
}

/// Whether `c` is a C1 control, U+0080-U+009F.
pub(super) fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Each C1 control read as the Windows-1252 character of its byte.
fn fix_c1_controls(pieces: &[Piece]) -> Vec<Piece> {
    let cp1252 = code_page("windows-1252");
    pieces
        .iter()
        .map(|p| {
            let Some(byte) = u8::try_from(p.c).ok().filter(|_| is_c1(p.c)) else {
                return p.clone();
            };
            let c = cp1252.char_of(byte);
            if c == p.c {
                return p.clone();
            }
            let mut undone = p.undone.clone();
            undone.push(Undone::Cp1252AsLatin1);
            Piece {
                c,
                from: p.from.clone(),
                undone,
            }
        })
        .collect()
}

/// Each of the `stretches` of `text` (which `pieces` spell) that looks bad
/// on its own, fixed on its own (ftfy's `decode_inconsistent_utf8`).
fn decode_inconsistent_utf8(
    pieces: &[Piece],
    context: Context,
    text: &str,
    stretches: &[Range<usize>],
) -> Vec<Piece> {
    // The piece each byte offset of `text` starts.
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let index = |at: usize| starts.partition_point(|&s| s < at);
    let mut out = Vec::with_capacity(pieces.len());
    let mut done = 0;
    for range in stretches {
        let (a, b) = (index(range.start), index(range.end));
        out.extend_from_slice(&pieces[done..a]);
        let sub = &text[range.clone()];
        if b - a < pieces.len() && is_bad(sub) {
            let around = Context {
                before: a.checked_sub(1).map(|k| pieces[k].c).or(context.before),
                after: pieces.get(b).map(|p| p.c).or(context.after),
            };
            out.extend(fix_encoding(pieces[a..b].to_vec(), around));
        } else {
            out.extend_from_slice(&pieces[a..b]);
        }
        done = b;
    }
    out.extend_from_slice(&pieces[done..]);
    out
}

/// Whether every character a decoding would make comes from two
/// characters of the shape an all-capitals word ending in an accented
/// capital takes before punctuation: `Ã` after a capital, then a closing
/// quote, an apostrophe, a dash or an ellipsis, then no letter (`IRMÃ”`,
/// Portuguese for *sister* before a closing quote). That is how clean
/// Portuguese capitals make a valid UTF-8 look-alike, and ftfy's `badness`
/// counts `Ã”` as bad. Mojibake shows some other sequence too, or goes on
/// into the word (`HÃ”TEL`). This guard is textmend's, not ftfy's.
fn looks_like_text(pieces: &[Piece], context: Context, bytes: &Bytes, decoded: &[Decoded]) -> bool {
    let mut at = 0;
    let mut any = false;
    for d in decoded {
        let first = bytes.origin[at].start;
        let last = bytes.origin[at + d.len - 1].end;
        at += d.len;
        if d.len == 1 {
            continue;
        }
        any = true;
        let previous = first.checked_sub(1).map(|k| pieces[k].c).or(context.before);
        let next = pieces.get(last).map(|p| p.c).or(context.after);
        let doubtful = last - first == 2
            && previous.is_some_and(char::is_uppercase)
            && pieces[first].c.is_uppercase()
            && matches!(pieces[first + 1].c, '’' | '”' | '»' | '…' | '–' | '—')
            && !next.is_some_and(char::is_alphanumeric);
        if !doubtful {
            return false;
        }
    }
    any
}

/// Bytes being transcoded, each with the pieces it came from.
struct Bytes {
    bytes: Vec<u8>,
    /// The range of pieces each byte came from.
    origin: Vec<Range<usize>>,
    /// What each byte's edit undid, if it was edited.
    edit: Vec<Option<Undone>>,
}

impl Bytes {
    /// One byte per piece.
    fn new(bytes: impl Iterator<Item = u8>) -> Self {
        let bytes: Vec<u8> = bytes.collect();
        let origin = (0..bytes.len()).map(|i| i..i + 1).collect();
        let edit = vec![None; bytes.len()];
        Bytes {
            bytes,
            origin,
            edit,
        }
    }

    /// These bytes with `edits` (sorted, non-overlapping ranges and their
    /// new bytes) made, each marked as undoing `why`. An inserted byte
    /// comes from the piece of the byte before it.
    fn edited(self, edits: impl Iterator<Item = (Range<usize>, Vec<u8>)>, why: Undone) -> Self {
        let mut out = Bytes {
            bytes: Vec::with_capacity(self.bytes.len()),
            origin: Vec::with_capacity(self.bytes.len()),
            edit: Vec::with_capacity(self.bytes.len()),
        };
        let mut at = 0;
        let copy = |out: &mut Bytes, range: Range<usize>| {
            out.bytes.extend_from_slice(&self.bytes[range.clone()]);
            out.origin.extend_from_slice(&self.origin[range.clone()]);
            out.edit.extend_from_slice(&self.edit[range]);
        };
        for (range, with) in edits {
            copy(&mut out, at..range.start);
            let origin = if range.is_empty() {
                self.origin[range.start - 1].clone()
            } else {
                self.origin[range.start].start..self.origin[range.end - 1].end
            };
            for b in with {
                out.bytes.push(b);
                out.origin.push(origin.clone());
                out.edit.push(Some(why));
            }
            at = range.end;
        }
        copy(&mut out, at..self.bytes.len());
        out
    }
}

/// The pieces `decoded` (the characters `bytes` decode to) make: a
/// character decoded from one unedited byte is the piece it was; any other
/// comes from the pieces of its bytes and records `why`.
fn rebuild(pieces: &[Piece], bytes: &Bytes, decoded: &[Decoded], why: Undone) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(decoded.len());
    let mut at = 0;
    for d in decoded {
        let range = at..at + d.len;
        at += d.len;
        let first = bytes.origin[range.start].start;
        let last = bytes.origin[range.end - 1].end;
        if d.len == 1 && bytes.edit[range.start].is_none() && last - first == 1 {
            out.push(pieces[first].clone());
            continue;
        }
        let mut undone = pieces[first..last]
            .iter()
            .map(|p| &p.undone)
            .max_by_key(|u| u.len())
            .cloned()
            .unwrap_or_default();
        // Latin-1 and Windows-1252 read bytes 0xA0-0xFF alike, and ftfy
        // tries Latin-1 first: unless a C1 control shows Latin-1, the
        // reading is named for Windows-1252, the usual culprit.
        let why = match why {
            Undone::Utf8As("latin-1") if !pieces[first..last].iter().any(|p| is_c1(p.c)) => {
                Undone::Utf8As("windows-1252")
            }
            _ => why,
        };
        undone.push(why);
        for edit in bytes.edit[range].iter().flatten() {
            if !undone.contains(edit) {
                undone.push(*edit);
            }
        }
        out.push(Piece {
            c: d.c,
            from: pieces[first].from.start..pieces[last - 1].from.end,
            undone,
        });
    }
    out
}
