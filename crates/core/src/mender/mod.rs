//! The pipeline's front: [`Mender`] runs tokenize → detect → explain → learn
//! → rewrite → whole-word swaps over one text and returns a [`Mended`]. It owns the lexicon and
//! the options; each stage lives in its own module and knows nothing of the
//! others' internals.

mod builder;
mod learning;
mod lookup;
mod mend;
mod prepare;
mod route;
mod shard;

use builder::Limits;
pub use builder::MenderBuilder;
pub use lookup::WordInfo;

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::edit::Edit;
use crate::error::Result;
use crate::formats::rules::RuleSet;
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::ngrams::Ngrams;
use crate::knowledge::thesaurus::Thesaurus;
use crate::knowledge::user::Ignore;
use crate::stages::explain::Automata;

/// Why a text was passed through without looking for damage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skip {
    /// The text is in no language textmend has a dictionary for (or in none
    /// it can tell).
    UnsupportedLanguage,
}

/// Which kinds of damage a [`Mender`] looks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Both kinds, letting the evidence decide (the default): a clean text
    /// gives no evidence of either.
    #[default]
    Auto,
    /// An article spinner's word swaps only.
    Spinner,
    /// A scanner's misread glyphs only, with ligatures and letters of other
    /// scripts that look Latin.
    Ocr,
}

impl Mode {
    /// Whether word swaps are learned.
    fn swaps(self) -> bool {
        self != Mode::Ocr
    }

    /// Whether glyph confusions are learned, and ligatures and look-alikes
    /// undone.
    fn glyphs(self) -> bool {
        self != Mode::Spinner
    }
}

/// Repairs text. Immutable once built, so one `Mender` can serve many
/// threads.
pub struct Mender {
    /// The English dictionary, which batch learning uses.
    lexicon: Lexicon,
    /// The other languages' dictionaries.
    others: Vec<(Language, Lexicon)>,
    ignore: Ignore,
    /// The English thesaurus: WordNet with the user's added.
    thesaurus: Thesaurus,
    /// English word and word-pair counts, for whole-word swaps.
    ngrams: Ngrams,
    /// For languages without a thesaurus.
    no_thesaurus: Thesaurus,
    /// The other languages' thesauri: the embedded one with the user's added.
    thesauri: Vec<(Language, Thesaurus)>,
    /// The language given by the user, if any.
    language: Option<Language>,
    mode: Mode,
    /// Levenshtein automaton builders, built on first use.
    automata: OnceLock<Automata>,
    language_guard: bool,
    /// Rules given by the user, applied before any learned ones.
    rules: RuleSet,
    learn: bool,
    whole_words: bool,
    limits: Limits,
    everyday: OnceLock<(AhoCorasick, Vec<String>)>,
}

/// The result of [`Mender::mend`].
#[derive(Debug, Clone)]
pub struct Mended<'a> {
    text: Cow<'a, str>,
    edits: Vec<Edit>,
    suggestions: Vec<Edit>,
    rules: RuleSet,
    skipped: Option<Skip>,
    suspect_tokens: usize,
    /// Edits of suspect words (the others mend broken words).
    word_edits: usize,
}

impl<'a> Mended<'a> {
    /// The repaired text; borrowed (the input itself) when nothing changed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The repaired text, taking ownership.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The same result, owning its text (a copy of the input when nothing
    /// changed), to keep or send to another thread.
    pub fn into_owned(self) -> Mended<'static> {
        Mended {
            text: Cow::Owned(self.text.into_owned()),
            edits: self.edits,
            suggestions: self.suggestions,
            rules: self.rules,
            skipped: self.skipped,
            suspect_tokens: self.suspect_tokens,
            word_edits: self.word_edits,
        }
    }

    /// The edits made, sorted by position and not overlapping.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whole-word repairs (`notified → told`) found but not applied, sorted
    /// by position, with spans into the input like [`Mended::edits`]; see
    /// [`MenderBuilder::whole_words`].
    pub fn suggestions(&self) -> &[Edit] {
        &self.suggestions
    }

    /// The rules that were learned from the text (or given), with their
    /// evidence.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Why the text was passed through unexamined, if it was.
    pub fn skipped(&self) -> Option<Skip> {
        self.skipped
    }

    /// Tokens that are not dictionary words and were left as they are:
    /// names, rare words, and damage no rule explains (unlisted compounds of
    /// dictionary words are not counted).
    pub fn suspects_left(&self) -> usize {
        self.suspect_tokens - self.word_edits
    }
}

impl Mender {
    /// A mender with the embedded dictionaries and default options: each
    /// text is judged in its own language (English, or one of the six others
    /// with a dictionary). The name is historical; see
    /// [`MenderBuilder::language`] to fix the language.
    pub fn english() -> Result<Mender> {
        MenderBuilder::default().build()
    }

    /// A builder for a configured mender.
    pub fn builder() -> MenderBuilder {
        MenderBuilder::default()
    }

    /// Repairs `text`: learns rules from it (or uses the rules the mender was
    /// built with) and applies them. Outside the edits the result is
    /// byte-identical to `text`.
    pub fn mend<'a>(&self, text: &'a str) -> Mended<'a> {
        self.mend_with(text, None)
    }

    /// Repairs `text` with exactly `rules`, learning nothing, whatever the
    /// mender was built with (rules learned from a sample of a long input,
    /// applied to the rest of it).
    pub fn apply<'a>(&self, text: &'a str, rules: &RuleSet) -> Mended<'a> {
        self.mend_with(text, Some(rules))
    }

    /// Repairs bytes that may not all be valid UTF-8: rules are learned
    /// from the valid stretches together and applied inside each of them;
    /// the invalid bytes pass through untouched, in place. Bytes that are
    /// all valid UTF-8 are mended as [`Mender::mend`] mends the text, each
    /// language's paragraphs with their own rules.
    pub fn mend_bytes<'a>(&self, bytes: &'a [u8]) -> Cow<'a, [u8]> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return match self.mend(text).into_text() {
                Cow::Borrowed(_) => Cow::Borrowed(bytes),
                Cow::Owned(text) => Cow::Owned(text.into_bytes()),
            };
        }
        let valid: Vec<&str> = bytes.utf8_chunks().map(|c| c.valid()).collect();
        let rules = if self.learn {
            self.learn(&valid)
        } else {
            self.rules.clone()
        };
        let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
        let mut changed = false;
        for chunk in bytes.utf8_chunks() {
            let mended = self.mend_with(chunk.valid(), Some(&rules));
            changed |= !mended.edits().is_empty();
            out.extend_from_slice(mended.text().as_bytes());
            out.extend_from_slice(chunk.invalid());
        }
        if changed {
            Cow::Owned(out)
        } else {
            Cow::Borrowed(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mender_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Mender>();
    }

    #[test]
    fn invalid_bytes_stay_and_valid_stretches_are_repaired() {
        let mender = Mender::english().unwrap();
        let bytes = b"They attfinish the summit.\xff\xfe The agfinisha is long.\x80";
        let mended = mender.mend_bytes(bytes);
        assert_eq!(
            &mended[..],
            b"They attend the summit.\xff\xfe The agenda is long.\x80"
        );
        let clean = b"plain \xff text";
        assert!(matches!(mender.mend_bytes(clean), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_text_is_borrowed_back() {
        let mender = Mender::english().unwrap();
        let text = "The quick brown fox jumps over the lazy dog.";
        let mended = mender.mend(text);
        assert!(matches!(mended.into_text(), Cow::Borrowed(t) if t == text));
    }
}
