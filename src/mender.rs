//! The pipeline's front: [`Mender`] runs tokenize → detect → explain → learn
//! → rewrite over one text and returns a [`Mended`]. It owns the lexicon and
//! the options; each stage lives in its own module and knows nothing of the
//! others' internals.

use std::borrow::Cow;

use crate::detect::{detect, split_clitic, SuspectType};
use crate::error::Result;
use crate::explain::{explain, Explanation};
use crate::language::is_english;
use crate::learn::{evidence, learn, Evidence};
use crate::lexicon::Lexicon;
use crate::rewrite::{apply, rewrite, Edit};
use crate::rules::RuleSet;
use crate::thesaurus::Thesaurus;
use crate::tokenize::tokenize;

/// Why a text was passed through without looking for damage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skip {
    /// The text does not read as English, the only language with a
    /// dictionary so far.
    NotEnglish,
}

/// Builds a [`Mender`].
#[derive(Debug, Clone)]
pub struct MenderBuilder {
    language_guard: bool,
    rules: Option<RuleSet>,
}

impl Default for MenderBuilder {
    fn default() -> Self {
        MenderBuilder {
            language_guard: true,
            rules: None,
        }
    }
}

impl MenderBuilder {
    /// Whether text that does not read as English is passed through
    /// untouched (default: yes). Turn it off only for text known to be
    /// English whatever its share of function words.
    pub fn language_guard(mut self, on: bool) -> Self {
        self.language_guard = on;
        self
    }

    /// Apply exactly these rules (for example a reviewed rules file) instead
    /// of learning rules from each text.
    pub fn rules(mut self, rules: RuleSet) -> Self {
        self.rules = Some(rules);
        self
    }

    /// The configured mender with the embedded English dictionary.
    pub fn build(self) -> Result<Mender> {
        Ok(Mender {
            lexicon: Lexicon::english()?,
            thesaurus: Thesaurus::english()?,
            language_guard: self.language_guard,
            rules: self.rules,
        })
    }
}

/// Repairs text. Immutable once built, so one `Mender` can serve many
/// threads.
pub struct Mender {
    lexicon: Lexicon,
    thesaurus: Thesaurus,
    language_guard: bool,
    rules: Option<RuleSet>,
}

/// The result of [`Mender::mend`].
#[derive(Debug, Clone)]
pub struct Mended<'a> {
    text: Cow<'a, str>,
    edits: Vec<Edit>,
    rules: RuleSet,
    skipped: Option<Skip>,
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

    /// The edits made, sorted by position and not overlapping.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
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
}

/// What the analysis of one text found, before any edit.
struct Analysis {
    suspects: Vec<SuspectType>,
    explanations: Vec<Vec<Explanation>>,
}

impl Mender {
    /// A mender with the embedded English dictionary and default options.
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
        let tokens = tokenize(text);
        if self.language_guard && !is_english(text, &tokens) {
            return Mended {
                text: Cow::Borrowed(text),
                edits: Vec::new(),
                rules: RuleSet::default(),
                skipped: Some(Skip::NotEnglish),
            };
        }
        let suspects = detect(text, &tokens, &self.lexicon).suspects;
        let rules = match &self.rules {
            Some(rules) => rules.clone(),
            None => {
                let analysis = self.analyse(suspects.clone());
                learn(
                    text,
                    &analysis.suspects,
                    &analysis.explanations,
                    &self.lexicon,
                    &self.thesaurus,
                )
            }
        };
        let edits = rewrite(text, &suspects, &rules, &self.lexicon);
        let text = if edits.is_empty() {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(apply(text, &edits))
        };
        Mended {
            text,
            edits,
            rules,
            skipped: None,
        }
    }

    /// Learns rules from several texts at once, pooling their evidence (a
    /// batch of articles from one spun site shares one spinner table). Texts
    /// that do not read as English are left out.
    pub fn learn(&self, texts: &[&str]) -> RuleSet {
        let english: Vec<&str> = texts
            .iter()
            .copied()
            .filter(|t| !self.language_guard || is_english(t, &tokenize(t)))
            .collect();
        let joined = english.join("\n\n");
        let tokens = tokenize(&joined);
        let analysis = self.analyse(detect(&joined, &tokens, &self.lexicon).suspects);
        learn(
            &joined,
            &analysis.suspects,
            &analysis.explanations,
            &self.lexicon,
            &self.thesaurus,
        )
    }

    /// Whether `word` is in the dictionary, under the same case and
    /// possessive rules that decide what is suspect.
    pub fn knows(&self, word: &str) -> bool {
        let (core, _) = split_clitic(word);
        self.lexicon.lookup(word).is_some() || self.lexicon.lookup(core).is_some()
    }

    fn analyse(&self, suspects: Vec<SuspectType>) -> Analysis {
        let explanations = suspects
            .iter()
            .map(|s| {
                if evidence(s) != Evidence::None {
                    explain(&s.key, &self.lexicon)
                } else {
                    Vec::new()
                }
            })
            .collect();
        Analysis {
            suspects,
            explanations,
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
    fn clean_text_is_borrowed_back() {
        let mender = Mender::english().unwrap();
        let text = "The quick brown fox jumps over the lazy dog.";
        let mended = mender.mend(text);
        assert!(matches!(mended.into_text(), Cow::Borrowed(t) if t == text));
    }
}
