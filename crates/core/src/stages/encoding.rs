//! Encoding: text in, its mojibake stretches out, each with the text it
//! decodes to and what was undone. No dictionary is used.
//!
//! Mojibake is text encoded as UTF-8 and read back as a single-byte
//! encoding: every byte of a multi-byte character became a character of its
//! own (`’` → `â€™` in Windows-1252, `√©` in Mac Roman, `вЂ™` in
//! Windows-1251, `ΓÇÖ` in code page 437). The repair encodes those
//! characters back to their bytes and decodes the bytes as UTF-8.
//!
//! The heuristics are ftfy's (version 6.3.1, by Robyn Speer, Apache-2.0:
//! <https://github.com/rspeer/python-ftfy>), ported from its
//! `fix_encoding`: each line is fixed as a whole when it is "bad" (holds a
//! sequence of characters much likelier in mojibake than in text, ftfy's
//! `badness` expression) and encodes in one of ten single-byte encodings to
//! valid UTF-8; otherwise each stretch that looks like UTF-8 mojibake and is
//! bad on its own is fixed alone. On the way it puts back no-break spaces
//! that became spaces (`Ã ` → `à`), reads bytes lost to a lossy decoder as
//! U+FFFD (`â€�` → `�`), reads CESU-8 and Java's `C0 80`, and turns C1
//! controls into the Windows-1252 characters they were. The data (code
//! pages, the two regular expressions) is generated from ftfy itself by
//! `scripts/ftfy_tables.py` into `encoding/tables.rs`; the ftfy test suite
//! it is measured on is `fixtures/mojibake/` (see its README).
//!
//! What this port adds is the explanation: every character carries the
//! bytes of the input it came from and what was undone to make it, so the
//! repairs come out as sorted, non-overlapping byte spans, each as short as
//! one decoded character (`Itâ€™s` gives one repair, of `â€™`), each with a
//! reason a reviewer can read (`utf-8 read as windows-1252`, `utf-8 read as
//! macroman, twice`). Text decoded through several layers gives one repair
//! per character, in the input's own offsets.
//!
//! Clean text must come back untouched; ftfy's expression is tuned to
//! leave it alone (it changes 1 of the 49 clean cases of its own suite).

mod badness;
mod codecs;
mod fix;
#[rustfmt::skip]
mod tables;

use std::ops::Range;

use fix::{fix_encoding, Context, Piece, Undone};

/// One repaired stretch of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Repair {
    /// Byte range of the mojibake in the input.
    pub(crate) span: Range<usize>,
    /// The text it decodes to.
    pub(crate) after: String,
    /// What was undone, for a reviewer: `utf-8 read as windows-1252`,
    /// `utf-8 read as macroman, twice`, `windows-1252 read as latin-1`.
    pub(crate) reason: String,
}

/// The mojibake stretches of `text` and what they decode to, sorted,
/// non-overlapping. Each line is fixed on its own (as ftfy's `fix_text`
/// does), so a clean line never vouches for or against its neighbours.
pub(crate) fn repair_mojibake(text: &str) -> Vec<Repair> {
    let mut repairs = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.is_ascii() || !badness::is_bad(line) {
            continue;
        }
        let mut at = 0;
        for segment in segments(line, MAX_LINE_BYTES) {
            let pieces: Vec<Piece> = segment
                .char_indices()
                .map(|(i, c)| Piece {
                    c,
                    from: start + at + i..start + at + i + c.len_utf8(),
                    undone: Vec::new(),
                })
                .collect();
            at += segment.len();
            repairs.extend(changes(text, &fix_encoding(pieces, Context::default())));
        }
    }
    repairs
}

/// A line longer than this is fixed a segment at a time: the fixer keeps
/// about 150 bytes per byte of what it reads (a 1 MiB line of mojibake
/// took 154 MB), and no writer's line is this long.
const MAX_LINE_BYTES: usize = 64 * 1024;

/// `line` cut into segments of at most about `size` bytes, each ending
/// after an ASCII character: mojibake is made of non-ASCII characters
/// only, so no sequence is cut. A stretch of `size` bytes without ASCII is
/// not cut.
fn segments(line: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = if rest.len() <= size {
            rest.len()
        } else {
            rest.as_bytes()[..size]
                .iter()
                .rposition(u8::is_ascii)
                .map(|k| k + 1)
                .or_else(|| rest.bytes().position(|b| b.is_ascii()).map(|k| k + 1))
                .unwrap_or(rest.len())
        };
        let (segment, tail) = rest.split_at(cut);
        rest = tail;
        Some(segment)
    })
}

/// The repairs that turn `text` into what `pieces` spell: every piece that
/// is not the character it came from, pieces that share input bytes joined.
fn changes(text: &str, pieces: &[Piece]) -> Vec<Repair> {
    let mut repairs: Vec<Repair> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        let mut span = pieces[k].from.clone();
        let mut after = String::from(pieces[k].c);
        let mut undone = pieces[k].undone.clone();
        k += 1;
        while k < pieces.len() && pieces[k].from.start < span.end {
            span.end = span.end.max(pieces[k].from.end);
            after.push(pieces[k].c);
            if pieces[k].undone.len() > undone.len() {
                undone.clone_from(&pieces[k].undone);
            }
            k += 1;
        }
        if text[span.clone()] != after {
            repairs.push(Repair {
                span,
                after,
                reason: reason(&undone),
            });
        }
    }
    repairs
}

/// What `undone` (in the order it was undone, the last damage first) says
/// to a reviewer, the first damage first: `utf-8 read as windows-1252`,
/// `utf-8 read as windows-1252, twice`, `utf-8 read as windows-1252, then
/// as latin-1`, with what was lost on the way.
fn reason(undone: &[Undone]) -> String {
    let decodings: Vec<&str> = undone
        .iter()
        .rev()
        .filter_map(|u| match u {
            Undone::Utf8As(name) => Some(*name),
            _ => None,
        })
        .collect();
    let mut parts = Vec::new();
    if let Some(&first) = decodings.first() {
        if decodings.iter().all(|&d| d == first) {
            parts.push(match decodings.len() {
                1 => format!("utf-8 read as {first}"),
                2 => format!("utf-8 read as {first}, twice"),
                n => format!("utf-8 read as {first}, {n} times"),
            });
        } else {
            let mut text = format!("utf-8 read as {first}");
            for d in &decodings[1..] {
                text.push_str(&format!(", then as {d}"));
            }
            parts.push(text);
        }
    }
    if undone.contains(&Undone::Cp1252AsLatin1) {
        parts.push("windows-1252 read as latin-1".to_string());
    }
    if undone.contains(&Undone::NoBreakSpace) {
        parts.push("a no-break space that became a space put back".to_string());
    }
    if undone.contains(&Undone::Lost) {
        parts.push("bytes lost on the way (read as \u{fffd})".to_string());
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests;
