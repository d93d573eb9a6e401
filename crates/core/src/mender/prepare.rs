//! Preparation: the start of the pipeline that mending, learning and
//! sharded counting share — the repairs made before words are read
//! (mojibake decoded, broken words rejoined), then the tokens and the
//! suspects of the prepared text.

use std::borrow::Cow;
use std::ops::Range;

use super::Mender;
use crate::edit::{apply, compose, Edit, EditKind};
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::stages::broken::{repair_broken_words, Break};
use crate::stages::detect::{detect, SuspectType};
use crate::stages::encoding::repair_mojibake;
use crate::stages::tokenize::{tokenize, Token};

/// Mojibake and broken words are looked for in stretches of about this many
/// bytes (cut at line ends that do not break a word: neither repair crosses
/// one), which bounds the memory those stages need, whatever the text's
/// length.
pub(super) const PREPARE_CHUNK: usize = 256 * 1024;

/// What `find` gives on each stretch of `text` ([`line_chunks`] of
/// [`PREPARE_CHUNK`] bytes), its spans (`span_of`) moved to `text`'s
/// offsets.
pub(super) fn in_chunks<R>(
    text: &str,
    find: impl Fn(&str) -> Vec<R>,
    span_of: impl Fn(&mut R) -> &mut Range<usize>,
) -> Vec<R> {
    let mut found = Vec::new();
    for chunk in line_chunks(text, PREPARE_CHUNK) {
        for mut repair in find(&text[chunk.clone()]) {
            let span = span_of(&mut repair);
            *span = span.start + chunk.start..span.end + chunk.start;
            found.push(repair);
        }
    }
    found
}

/// `text` cut into stretches of about `size` bytes, each ending with a line
/// break that does not follow a hyphen (so no hyphenated word is cut).
pub(super) fn line_chunks(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let from = start + size;
        let cut = text.as_bytes()[from..]
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(k, _)| from + k + 1)
            .find(|&end| {
                let line = text[..end - 1].trim_end_matches(['\r', ' ', '\t']);
                !line.ends_with(['-', '\u{2010}', '\u{ad}'])
            });
        match cut {
            Some(end) => {
                chunks.push(start..end);
                start = end;
            }
            None => break,
        }
    }
    chunks.push(start..text.len());
    chunks
}

/// A text at the start of the pipeline, as mending, learning and counting
/// all read it: the repairs made before words are read, the text with
/// them applied, its tokens and its suspects.
pub(super) struct Prepared<'t, 'k> {
    /// Mojibake and broken-word repairs, with spans into the input.
    pub(super) edits: Vec<Edit>,
    /// The input with those repairs applied (the input itself if none).
    pub(super) text: Cow<'t, str>,
    pub(super) tokens: Cow<'k, [Token]>,
    pub(super) suspects: Vec<SuspectType>,
}

impl Mender {
    /// The pipeline's front for `text` in the language of `lexicon`:
    /// prepared, tokenized (reusing `tokens` when nothing was repaired), its
    /// suspects found.
    pub(super) fn front<'t, 'k>(
        &self,
        text: &'t str,
        tokens: Option<&'k [Token]>,
        lexicon: &Lexicon,
    ) -> Prepared<'t, 'k> {
        let (edits, prepared) = self.prepare(text, lexicon);
        let tokens: Cow<'k, [Token]> = match (&prepared, tokens) {
            (Cow::Borrowed(_), Some(tokens)) => Cow::Borrowed(tokens),
            _ => Cow::Owned(tokenize(&prepared)),
        };
        let suspects = self.suspects(&prepared, &tokens, lexicon);
        Prepared {
            edits,
            text: prepared,
            tokens,
            suspects,
        }
    }

    /// The mojibake repairs of `text` (none unless misread glyphs are
    /// looked for), each with the encodings it undid.
    pub(super) fn decoded_mojibake(&self, text: &str) -> Vec<Edit> {
        if !self.mode.glyphs() {
            return Vec::new();
        }
        in_chunks(text, repair_mojibake, |r| &mut r.span)
            .into_iter()
            .map(|repair| {
                let before = text[repair.span.clone()].to_string();
                Edit {
                    rules: vec![(before.clone(), repair.after.clone())],
                    before,
                    span: repair.span,
                    after: repair.after,
                    confidence: 1.0,
                    kind: EditKind::Mojibake,
                    reason: Some(repair.reason),
                    chars: 0..0,
                }
            })
            .collect()
    }

    /// The repairs made before words are looked at — mojibake decoded, then
    /// words broken across lines or by stray spaces mended (only when misread
    /// glyphs are looked for) — and the text with them applied.
    pub(super) fn prepare<'t>(
        &self,
        text: &'t str,
        lexicon: &Lexicon,
    ) -> (Vec<Edit>, Cow<'t, str>) {
        if !self.mode.glyphs() {
            return (Vec::new(), Cow::Borrowed(text));
        }
        let decoded = self.decoded_mojibake(text);
        let text1 = if decoded.is_empty() {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(apply(text, &decoded))
        };
        let joined: Vec<Edit> = in_chunks(
            &text1,
            |chunk| repair_broken_words(chunk, lexicon),
            |r| &mut r.span,
        )
        .into_iter()
        .map(|repair| {
            let (from, to, confidence) = match repair.reason {
                Break::LineEndHyphen => ("-\n", "", 1.0),
                Break::SoftHyphen => ("\u{ad}", "", 1.0),
                Break::StraySpace => (" ", "", 0.75),
            };
            Edit {
                before: text1[repair.span.clone()].to_string(),
                span: repair.span,
                after: repair.after,
                rules: vec![(from.to_string(), to.to_string())],
                confidence,
                kind: EditKind::BrokenWord,
                reason: None,
                chars: 0..0,
            }
        })
        .collect();
        if joined.is_empty() {
            return (decoded, text1);
        }
        let prepared = apply(&text1, &joined);
        (compose(text, decoded, joined), Cow::Owned(prepared))
    }

    /// The suspects of `text` (its `tokens`), without the tokens the user
    /// ignores, and outside English without English words: technical text
    /// in any language quotes English (`diff`, `done`, `add` in a Spanish
    /// manual), and those are foreign words, not damage — read as Spanish
    /// they taught a scanner's `d → b` (`diff` → `biff`).
    pub(super) fn suspects(
        &self,
        text: &str,
        tokens: &[Token],
        lexicon: &Lexicon,
    ) -> Vec<SuspectType> {
        let mut suspects = detect(
            text,
            tokens,
            lexicon,
            self.limits.max_word_chars,
            self.mode.glyphs(),
        )
        .suspects;
        if lexicon.language() != Language::English {
            suspects.retain(|s| self.lexicon.frequency(&s.key).is_none());
        }
        if !self.ignore.is_empty() {
            for s in &mut suspects {
                s.occurrences
                    .retain(|o| !self.ignore.is_ignored(&text[o.span.clone()]));
            }
            suspects.retain(|s| !s.occurrences.is_empty());
        }
        suspects
    }
}
