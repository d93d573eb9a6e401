//! Lookups: what the mender knows about single words and texts, for
//! `textmend dict lookup` and for callers that check words themselves.

use super::Mender;
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::stages::detect::split_clitic;
use crate::stages::tokenize::tokenize;

/// What a [`Mender`] knows about one word ([`Mender::word_info`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WordInfo {
    /// A dictionary word or a user word, under the case rules: never suspect.
    pub known: bool,
    /// Its frequency per billion words, when known.
    pub frequency: Option<u64>,
    /// Added by the user (`--dict`).
    pub user: bool,
    /// Not a dictionary word but a form seen in real text (`surprize`).
    pub attested: bool,
    /// Not a dictionary word but a compound of dictionary words, in a
    /// language that writes compounds as one word (`Paketverwaltung`): a
    /// suspect that only thesaurus-backed rules change.
    pub compound: bool,
    /// Never touched (`--ignore`).
    pub ignored: bool,
}

impl Mender {
    /// The dictionary, for the stage benchmarks.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Whether `word` is in the dictionary (or the user's words), under the
    /// same case and possessive rules that decide what is suspect.
    pub fn knows(&self, word: &str) -> bool {
        self.knows_in(word, Language::English)
    }

    /// Whether `word` is a word of `language` (its dictionary or the user's
    /// words). Compounds the dictionary does not list are not: they are
    /// suspects, if guarded ones ([`WordInfo::compound`]).
    pub fn knows_in(&self, word: &str, language: Language) -> bool {
        let lexicon = self.lexicon_for(language);
        let (core, _) = split_clitic(word);
        lexicon.lookup(word).is_some() || lexicon.lookup(core).is_some()
    }

    /// The language `text` would be mended in as a whole (the given one, or
    /// the detected one); `None` when it has no dictionary.
    pub fn language_of(&self, text: &str) -> Option<Language> {
        self.document_language(text, &tokenize(text), None)
    }

    /// What the mender knows about `word`: for `textmend dict lookup`.
    /// The language is the given one (English when none was given).
    pub fn word_info(&self, word: &str) -> WordInfo {
        let language = self.language.unwrap_or(Language::English);
        let lexicon = self.lexicon_for(language);
        let (core, _) = split_clitic(word);
        let frequency = lexicon.lookup(word).or_else(|| lexicon.lookup(core));
        WordInfo {
            known: self.knows_in(word, language),
            frequency,
            user: lexicon.is_user_word(word) || lexicon.is_user_word(&word.to_lowercase()),
            attested: lexicon.is_attested(&word.to_lowercase()),
            compound: lexicon.is_compound_word(&word.to_lowercase()),
            ignored: self.ignore.is_ignored(word),
        }
    }
}
