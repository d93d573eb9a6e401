//! Labelled texts: a corpus record often carries its language, as a
//! language identifier gave it (FineWeb's `language`). A mender can take
//! that label instead of detecting the language itself: the label's
//! dictionary must still know most of the text's words, as a detected
//! language's must (English: its function words), so a mislabelled record
//! is never read with the wrong dictionary; it is handled as a text
//! detection cannot place. Only the detector is not asked. Paragraphs of a
//! text that mixes languages are judged as before.
//!
//! Only learning text by text takes labels. Pooled learning
//! ([`Mender::stats`], [`Mender::mend_pooled`]) still detects: with labels,
//! the throughput benchmark's Dutch records pooled into one group learned
//! `pad → veld` from clean words (`padnaam`, `zoekpad`). Detection learns
//! it too now that it keeps those records whole (docs/corpora.md): three
//! unrelated words by chance in a large batch, a fault of pooled learning
//! that labels would only spread.

use super::mend::Plan;
use super::{Mended, MendedBytes, Mender};
use crate::knowledge::language::Language;

/// A text's language as the mender is told it: `None`, not told (it is
/// detected); `Some(None)`, a language without a dictionary.
pub(super) type Label = Option<Option<Language>>;

/// A [`Mender`] that reads each text as labelled with one language
/// ([`Mender::labelled`]). A mender built with a language
/// ([`crate::MenderBuilder::language`]) keeps its own.
#[derive(Clone, Copy)]
pub struct Labelled<'m> {
    mender: &'m Mender,
    language: Option<Language>,
}

impl Mender {
    /// This mender, reading each text as labelled `language`; `None` for a
    /// language without a dictionary, whose texts are not repaired (their
    /// mojibake aside, as in any text).
    pub fn labelled(&self, language: Option<Language>) -> Labelled<'_> {
        Labelled {
            mender: self,
            language,
        }
    }
}

impl Labelled<'_> {
    /// [`Mender::mend`] of a text labelled with the language.
    pub fn mend<'a>(&self, text: &'a str) -> Mended<'a> {
        self.mender
            .mend_with(text, Plan::Learn, Some(self.language))
    }

    /// [`Mender::mend_bytes`] of bytes labelled with the language.
    pub fn mend_bytes<'a>(&self, bytes: &'a [u8]) -> MendedBytes<'a> {
        self.mender
            .bytes_with(bytes, Plan::Learn, Some(self.language))
    }
}
