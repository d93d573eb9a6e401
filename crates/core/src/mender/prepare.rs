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
use crate::stages::broken::{is_hyphen, is_split_piece, repair_broken_words, Break};
use crate::stages::detect::{detect, SuspectType};
use crate::stages::encoding::repair_mojibake;
use crate::stages::tokenize::{retokenize, tokenize, Token};

/// Mojibake and broken words are looked for in stretches of about this many
/// bytes (cut at line ends that do not break a word: neither repair crosses
/// one), which bounds the memory those stages need, whatever the text's
/// length.
pub(super) const PREPARE_CHUNK: usize = 256 * 1024;

/// A join of fragments inside a line (a stray space, an in-line hyphen) is
/// less certain than a line-end join: the pieces might have been meant.
const FRAGMENT_CONFIDENCE: f64 = 0.75;

/// Whether `edit` only joins the pieces of a broken word that a text may
/// hold as its author wrote it: fragments inside a line
/// ([`Break::StraySpace`], [`Break::InlineHyphen`], and
/// [`Break::SoftHyphen`] when no line ends there), and a word hyphenated at
/// a line end with a visible hyphen (`adminis-`/`trators` in a fortune file
/// copied from print, a transcription that keeps its lines). Such joins
/// are kept only in text that shows a scanner's damage. A soft hyphen
/// inside a line is where an author allowed a break (`Mon\u{ad}day` in a
/// manual's HTML): it reads the same either way, so clean text keeps it;
/// one at a line end is invisible and always joined. The word is read
/// joined all the same.
pub(super) fn is_join_kept_only_in_scans(edit: &Edit) -> bool {
    match edit.rules.as_slice() {
        [(from, to)] if to.is_empty() => {
            let mut chars = from.chars();
            match (chars.next(), chars.next()) {
                (Some('\u{ad}'), None) => !edit.before.contains('\n'),
                (Some(c), None) => c == ' ' || is_hyphen(c),
                (Some(c), Some(_)) => {
                    let rest = &from[c.len_utf8()..];
                    is_hyphen(c) && rest.contains('\n') && rest.chars().all(char::is_whitespace)
                }
                _ => false,
            }
        }
        _ => false,
    }
}

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
                !line.ends_with(|c| is_hyphen(c) || c == '\u{ad}')
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
            // A few words joined or decoded: only their chunks are read
            // again.
            (Cow::Owned(edited), Some(tokens)) => {
                let spans: Vec<(Range<usize>, &str)> = edits
                    .iter()
                    .map(|e| (e.span.clone(), e.after.as_str()))
                    .collect();
                Cow::Owned(retokenize(text, tokens, &spans, edited))
            }
            (_, None) => Cow::Owned(tokenize(&prepared)),
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
            |chunk| repair_broken_words(chunk, lexicon, self.english_beside(lexicon)),
            |r| &mut r.span,
        )
        .into_iter()
        .map(|repair| {
            let before = text1[repair.span.clone()].to_string();
            let (from, confidence) = match repair.reason {
                Break::LineEndHyphen => ("-\n".to_string(), 1.0),
                Break::SoftHyphen => ("\u{ad}".to_string(), 1.0),
                Break::StraySpace => (" ".to_string(), FRAGMENT_CONFIDENCE),
                Break::InlineHyphen => (
                    before.chars().filter(|&c| is_hyphen(c)).take(1).collect(),
                    FRAGMENT_CONFIDENCE,
                ),
            };
            Edit {
                before,
                span: repair.span,
                after: repair.after,
                rules: vec![(from, String::new())],
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

    /// The English dictionary, when `lexicon` is another language's: a
    /// text in any language quotes English, whose words are words there too
    /// when the question is whether a piece is one.
    fn english_beside(&self, lexicon: &Lexicon) -> Option<&Lexicon> {
        (lexicon.language() != Language::English).then_some(&self.lexicon)
    }

    /// The suspects of `text` (its `tokens`), without the tokens the user
    /// ignores, and outside English without English words: technical text
    /// in any language quotes English (`diff`, `done`, `add` in a Spanish
    /// manual), and those are foreign words, not damage — read as Spanish
    /// they taught a scanner's `d → b` (`diff` → `biff`). Nor are the pieces
    /// of a word split inside a line that preparation left apart
    /// ([`is_split_piece`]).
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
        // Pieces of a word split inside a line that were left apart are
        // neither evidence nor rewritten, half by half.
        let english = self.english_beside(lexicon);
        for s in &mut suspects {
            s.occurrences
                .retain(|o| !is_split_piece(text, &o.span, lexicon, english));
        }
        suspects.retain(|s| !s.occurrences.is_empty());
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
