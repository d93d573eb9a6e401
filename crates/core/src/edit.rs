//! The edit algebra every stage shares: an [`Edit`] replaces one byte span
//! of the input, and the text is rebuilt once, by copying the gaps between
//! sorted, non-overlapping edits ([`apply`], [`splice`]). Stages that change
//! the text before words are read (mojibake, broken words) give edits whose
//! output a later stage edits again; [`compose`] maps those later edits back
//! onto the input, so every edit a user sees points into what they gave.

use std::ops::Range;

/// What kind of change an [`Edit`] makes: the damage it repairs, or the
/// cleaning it does ([`crate::Cleaner`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EditKind {
    /// A spinner's swap inside a word that is no word (`attfinish` →
    /// `attend`), by learned or given word-swap rules.
    WordSwap,
    /// A scanner's misread glyphs (`rnodern` → `modern`), a ligature or a
    /// look-alike letter of another script undone, or a misread real word.
    Glyph,
    /// Mojibake decoded (`â€™` → `’`).
    Mojibake,
    /// A word broken by a line-end hyphen, a soft hyphen or a stray space,
    /// rejoined.
    BrokenWord,
    /// One real word swapped back for another (`notified` → `told`): a
    /// suggestion unless whole-word repairs were asked for.
    WholeWord,
    /// A line of site furniture removed (a menu, a share button, a
    /// subscription offer); the edit's `reason` says what showed it.
    Furniture,
    /// A Unicode or white-space fix (a zero-width space or a control
    /// character removed, spaces at a line end, a run of blank lines); the
    /// edit's `reason` says which.
    Hygiene,
}

impl EditKind {
    /// The name used in reports (`word-swap`, `glyph`, `mojibake`,
    /// `broken-word`, `whole-word`, `furniture`, `hygiene`).
    pub fn name(self) -> &'static str {
        match self {
            EditKind::WordSwap => "word-swap",
            EditKind::Glyph => "glyph",
            EditKind::Mojibake => "mojibake",
            EditKind::BrokenWord => "broken-word",
            EditKind::WholeWord => "whole-word",
            EditKind::Furniture => "furniture",
            EditKind::Hygiene => "hygiene",
        }
    }
}

/// One change to the text: the bytes in `span` become `after`.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// The same range in characters (Unicode scalar values) of the input,
    /// for callers that index text by character (Python, JavaScript).
    pub chars: Range<usize>,
    /// The text that was there.
    pub before: String,
    /// The text put there.
    pub after: String,
    /// The rules applied, as `(from, to)`, left to right.
    pub rules: Vec<(String, String)>,
    /// How much to trust the edit, from 0 to 1: the confidence of its
    /// weakest rule.
    pub confidence: f64,
    /// The kind of damage repaired; an edit that rejoined a broken word
    /// and then repaired it has the kind of the later repair.
    pub kind: EditKind,
    /// Why, in words, where the rules do not say it: which encodings a
    /// mojibake repair undid (`utf-8 read as windows-1252, twice`).
    pub reason: Option<String>,
}

impl Edit {
    /// Whether it swaps one real word for another (`notified` → `told`)
    /// rather than repairing a word that is not one.
    pub fn is_whole_word(&self) -> bool {
        self.kind == EditKind::WholeWord
    }
}

/// Fills in the character spans of `edits` (sorted by start, spans into
/// `text`) in one pass over the text.
pub(crate) fn assign_char_spans(text: &str, edits: &mut [Edit]) {
    let mut bytes = 0;
    let mut chars = 0;
    let mut to_chars = |at: usize| {
        // Offsets only grow: count the characters since the last one.
        if at > bytes {
            chars += text[bytes..at].chars().count();
            bytes = at;
        }
        chars
    };
    for edit in edits {
        let start = to_chars(edit.span.start);
        let end = to_chars(edit.span.end);
        edit.chars = start..end;
    }
}

/// Where a byte offset of a repaired text was in its input: the edits
/// (sorted, non-overlapping) map each unchanged stretch back by the shift
/// the edits before it made; an offset inside an edit's output maps to the
/// start of that edit's span. For carrying annotations made on the output
/// (entities, sentence bounds) back to the input.
pub(crate) fn input_offset(edits: &[Edit], output: usize) -> usize {
    let mut shift: isize = 0;
    for edit in edits {
        let out_start = (edit.span.start as isize + shift) as usize;
        let out_end = out_start + edit.after.len();
        if output < out_start {
            break;
        }
        if output < out_end {
            return edit.span.start;
        }
        shift += edit.after.len() as isize - edit.span.len() as isize;
    }
    (output as isize - shift) as usize
}

/// Keeps the first of any edits that overlap (`edits` sorted by start), so
/// that the edits of separate stages can never collide when applied.
pub(crate) fn drop_overlaps(edits: &mut Vec<Edit>) {
    let mut end = 0;
    edits.retain(|e| {
        let keep = e.span.start >= end;
        if keep {
            end = e.span.end;
        }
        keep
    });
}

/// The text with `edits` (sorted, non-overlapping) applied, copying the gaps
/// between them once.
pub(crate) fn apply(text: &str, edits: &[Edit]) -> String {
    splice(
        text,
        edits.iter().map(|e| (e.span.clone(), e.after.as_str())),
    )
}

/// `text` with each `(span, replacement)` (sorted, non-overlapping) put in,
/// copying the gaps once: [`apply`] for any stage's repairs.
pub(crate) fn splice<'r>(
    text: &str,
    parts: impl IntoIterator<Item = (Range<usize>, &'r str)>,
) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut at = 0;
    for (span, after) in parts {
        out.push_str(&text[at..span.start]);
        out.push_str(after);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Edits to `text` that do what `first` and then `then` do, where `then`'s
/// spans point into `text` with `first` applied. An edit of `then` that
/// touches the output of an edit of `first` becomes one edit with it (a
/// word rejoined at a line end and then repaired by a rule); the others are
/// kept as they are, moved back into `text`'s offsets.
pub(crate) fn compose(text: &str, first: Vec<Edit>, then: Vec<Edit>) -> Vec<Edit> {
    if first.is_empty() {
        return then;
    }
    // Where each edit of `first` put its text, in the edited text.
    let mut outputs = Vec::with_capacity(first.len());
    let mut shift: isize = 0;
    for edit in &first {
        let start = (edit.span.start as isize + shift) as usize;
        outputs.push(start..start + edit.after.len());
        shift += edit.after.len() as isize - edit.span.len() as isize;
    }
    // Offsets in the edited text map back through the edits before them.
    let back = |at: usize, k: usize| -> usize {
        match k.checked_sub(1) {
            None => at,
            Some(prev) => first[prev].span.end + (at - outputs[prev].end),
        }
    };
    let mut out: Vec<Edit> = Vec::with_capacity(first.len() + then.len());
    let mut next = 0;
    for edit in then {
        // `first` edits entirely before this one stay as they are; those
        // whose output overlaps it merge with it.
        while next < first.len() && outputs[next].end <= edit.span.start {
            out.push(first[next].clone());
            next += 1;
        }
        let mut merged: Vec<usize> = Vec::new();
        let mut k = next;
        while k < first.len() && outputs[k].start < edit.span.end {
            merged.push(k);
            k += 1;
        }
        if merged.is_empty() {
            let start = back(edit.span.start, next);
            let end = back(edit.span.end, next);
            out.push(Edit {
                span: start..end,
                ..edit
            });
            continue;
        }
        let (a, b) = (merged[0], merged[merged.len() - 1]);
        let start_new = edit.span.start.min(outputs[a].start);
        let end_new = edit.span.end.max(outputs[b].end);
        let start = if start_new < outputs[a].start {
            back(start_new, a)
        } else {
            first[a].span.start
        };
        let end = if end_new > outputs[b].end {
            back(end_new, b + 1)
        } else {
            first[b].span.end
        };
        // The new text: what `first` made of the region, with `edit`
        // applied to it.
        let mut region = String::new();
        let mut at = start;
        for &m in &merged {
            region.push_str(&text[at..first[m].span.start]);
            region.push_str(&first[m].after);
            at = first[m].span.end;
        }
        region.push_str(&text[at..end]);
        let offset = edit.span.start - start_new;
        let mut after = String::with_capacity(region.len() + edit.after.len());
        after.push_str(&region[..offset]);
        after.push_str(&edit.after);
        after.push_str(&region[offset + edit.span.len()..]);
        let mut rules: Vec<(String, String)> = merged
            .iter()
            .flat_map(|&m| first[m].rules.iter().cloned())
            .collect();
        rules.extend(edit.rules);
        let confidence = merged
            .iter()
            .map(|&m| first[m].confidence)
            .fold(edit.confidence, f64::min);
        out.push(Edit {
            span: start..end,
            before: text[start..end].to_string(),
            after,
            rules,
            confidence,
            kind: edit.kind,
            reason: merged
                .iter()
                .filter_map(|&m| first[m].reason.clone())
                .chain(edit.reason)
                .reduce(|a, b| format!("{a}; {b}")),
            chars: 0..0,
        });
        next = k;
    }
    out.extend(first[next..].iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, span: Range<usize>, after: &str) -> Edit {
        Edit {
            before: text[span.clone()].to_string(),
            span,
            after: after.to_string(),
            rules: vec![("x".to_string(), "y".to_string())],
            confidence: 1.0,
            kind: EditKind::WordSwap,
            reason: None,
            chars: 0..0,
        }
    }

    #[test]
    fn composed_edits_do_both_steps() {
        let text = "The recom-\nrnendation is fine. A tbe.";
        let first = vec![edit(text, 4..22, "recomrnendation\n")];
        let middle = apply(text, &first);
        assert_eq!(middle, "The recomrnendation\nis fine. A tbe.");
        let then = vec![
            edit(&middle, 4..19, "recommendation"),
            edit(&middle, 31..34, "the"),
        ];
        let done = apply(&middle, &then);
        let composed = compose(text, first.clone(), then);
        assert_eq!(apply(text, &composed), done);
        assert_eq!(composed.len(), 2);
        assert_eq!(composed[0].span, 4..22);
        assert_eq!(composed[0].rules.len(), 2);
        assert_eq!(&text[composed[1].span.clone()], "tbe");
        // Nothing afterwards: the first edits stand alone.
        assert_eq!(compose(text, first.clone(), vec![]), first);
    }

    #[test]
    fn composition_keeps_separate_edits_apart() {
        let text = "caf\u{c3}\u{a9} and a tbe word";
        let first = vec![edit(text, 3..7, "\u{e9}")];
        let middle = apply(text, &first);
        let at = middle.find("tbe").unwrap();
        let then = vec![edit(&middle, at..at + 3, "the")];
        let composed = compose(text, first, then);
        assert_eq!(composed.len(), 2);
        assert_eq!(apply(text, &composed), "caf\u{e9} and a the word");
    }

    #[test]
    fn applies_edits_and_copies_the_gaps() {
        let edit = |span: Range<usize>, after: &str| Edit {
            span,
            before: String::new(),
            after: after.to_string(),
            rules: vec![],
            confidence: 1.0,
            kind: EditKind::WordSwap,
            reason: None,
            chars: 0..0,
        };
        let text = "to attfinish the agfinisha.";
        let edits = [edit(3..12, "attend"), edit(17..26, "agenda")];
        assert_eq!(apply(text, &edits), "to attend the agenda.");
        assert_eq!(apply(text, &[]), text);
    }

    #[test]
    fn char_spans_count_characters_and_offsets_map_back() {
        let text = "caf\u{e9} attfinish and na\u{ef}ve agfinisha";
        let at = text.find("attfinish").unwrap();
        let at2 = text.find("agfinisha").unwrap();
        let mut edits = vec![
            edit(text, at..at + 9, "attend"),
            edit(text, at2..at2 + 9, "agenda"),
        ];
        assign_char_spans(text, &mut edits);
        assert_eq!(edits[0].chars, 5..14);
        assert_eq!(edits[1].chars, 25..34);
        let out = apply(text, &edits);
        let naive = out.find("na").unwrap();
        assert_eq!(input_offset(&edits, naive), text.find("na").unwrap());
        assert_eq!(input_offset(&edits, out.find("attend").unwrap() + 2), at);
        assert_eq!(input_offset(&edits, out.len()), text.len());
    }
}
