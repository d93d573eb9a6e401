//! The builder: a [`Mender`]'s options, checked and turned into an
//! immutable mender that every thread can share.

use std::time::Duration;

use super::{Mender, Mode};
use crate::chars::MAX_WORD_CHARS;
use crate::error::Result;
use crate::formats::rules::RuleSet;
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::ngrams::Ngrams;
use crate::knowledge::thesaurus::Thesaurus;
use crate::knowledge::user::{Ignore, UserThesaurus, UserWords};

/// Builds a [`Mender`].
#[derive(Debug, Clone)]
pub struct MenderBuilder {
    language: Option<Language>,
    words: UserWords,
    ignore: Ignore,
    mode: Mode,
    language_guard: bool,
    rules: Option<RuleSet>,
    learn: Option<bool>,
    whole_words: bool,
    thesauri: Vec<UserThesaurus>,
    limits: Limits,
}

/// Bounds on the work spent on one text, so that pathological input costs
/// linear time.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    pub(super) max_word_chars: usize,
    pub(super) max_explained: usize,
    pub(super) time_budget: Option<Duration>,
}

/// By default, at most this many distinct suspects are explained per text,
/// the most frequent first: a real text has a few hundred; tens of
/// thousands means a list, a log or another language, and the most frequent
/// suspects carry the evidence anyway.
pub(super) const MAX_EXPLAINED_SUSPECTS: usize = 20_000;

impl Default for MenderBuilder {
    fn default() -> Self {
        MenderBuilder {
            language: None,
            words: UserWords::new(),
            ignore: Ignore::new(),
            mode: Mode::Auto,
            language_guard: true,
            rules: None,
            learn: None,
            whole_words: false,
            thesauri: Vec::new(),
            limits: Limits {
                max_word_chars: MAX_WORD_CHARS,
                max_explained: MAX_EXPLAINED_SUSPECTS,
                time_budget: None,
            },
        }
    }
}

impl MenderBuilder {
    /// Judge every text as written in `language`, instead of detecting the
    /// language of each text (and of each paragraph of a mixed one).
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Extra valid words (a list of names, a project's jargon): never
    /// suspect, and valid restorations. Adds to any given before.
    pub fn words(mut self, words: &UserWords) -> Self {
        self.words.extend(words);
        self
    }

    /// Words and patterns never to touch: such tokens are neither repaired
    /// nor evidence. Adds to any given before.
    pub fn ignore(mut self, ignore: &Ignore) -> Self {
        self.ignore.extend(ignore);
        self
    }

    /// Which kinds of damage to look for (default: [`Mode::Auto`]).
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Whether each text's language is detected, and text in a language
    /// without a dictionary passed through untouched (default: yes). Off,
    /// every text is judged as English, whatever it reads like (the same
    /// as [`MenderBuilder::language`] with English).
    pub fn language_guard(mut self, on: bool) -> Self {
        self.language_guard = on;
        self
    }

    /// Apply these rules (for example a reviewed rules file). Unless
    /// [`MenderBuilder::learn`] turns learning back on, they are exactly the
    /// rules applied and nothing is learned.
    pub fn rules(mut self, rules: RuleSet) -> Self {
        self.rules = Some(rules);
        self
    }

    /// Whether to learn rules from each text (default: yes without
    /// [`MenderBuilder::rules`], no with them). Learning alongside given
    /// rules adds the learned rules that the given set neither has nor
    /// rejected.
    pub fn learn(mut self, on: bool) -> Self {
        self.learn = Some(on);
        self
    }

    /// Whether to apply whole-word repairs (`notified → told`) instead of only
    /// suggesting them ([`Mended::suggestions`](crate::Mended::suggestions)); default: suggest only.
    /// Both sides of such a swap are real words, so a person should look
    /// first.
    pub fn whole_words(mut self, on: bool) -> Self {
        self.whole_words = on;
        self
    }

    /// Use `thesaurus` for its language, in place of any given before, in
    /// addition to the embedded one (WordNet for English; German, French,
    /// Spanish, Italian and Portuguese have one too): two words are related
    /// when either relates them. Adding rather than replacing keeps the
    /// embedded data's narrow relations, which a broad MyThes file would
    /// otherwise dilute (`benches/recall.md`).
    pub fn thesaurus(mut self, thesaurus: UserThesaurus) -> Self {
        self.thesauri.retain(|t| t.language != thesaurus.language);
        self.thesauri.push(thesaurus);
        self
    }

    /// Words longer than this many characters are never suspect (default
    /// 45, the longest English dictionary word).
    pub fn max_word_chars(mut self, chars: usize) -> Self {
        self.limits.max_word_chars = chars;
        self
    }

    /// Explain at most this many distinct suspects per text, the most
    /// frequent first (default 20,000).
    pub fn max_explained_suspects(mut self, suspects: usize) -> Self {
        self.limits.max_explained = suspects;
        self
    }

    /// Stop explaining suspects of one text after this long; what was
    /// explained by then is learned from (default: no limit).
    pub fn time_budget(mut self, budget: Duration) -> Self {
        self.limits.time_budget = Some(budget);
        self
    }

    /// The thesaurus of `language`: the embedded one, with the user's added.
    fn thesaurus_of(&self, language: Language) -> Result<Thesaurus> {
        let embedded = Thesaurus::for_language(language)?;
        Ok(
            match self.thesauri.iter().find(|t| t.language == language) {
                Some(user) => embedded.with(&user.thesaurus),
                None => embedded,
            },
        )
    }

    /// The configured mender with the embedded dictionaries.
    pub fn build(self) -> Result<Mender> {
        if let Some(language) = self.language.filter(|l| !l.is_built_in()) {
            return Err(crate::Error::LanguageNotBuilt(language));
        }
        Ok(Mender {
            lexicon: Lexicon::english()?
                .with_words(self.words.iter().map(|(w, f)| (w.to_string(), f))),
            others: Language::ALL
                .into_iter()
                .filter(|&l| l != Language::English && l.is_built_in())
                .map(|l| {
                    Ok((
                        l,
                        Lexicon::for_language(l)?
                            .with_words(self.words.iter().map(|(w, f)| (w.to_string(), f))),
                    ))
                })
                .collect::<Result<Vec<_>>>()?,
            no_thesaurus: Thesaurus::empty(),
            thesauri: Language::ALL
                .into_iter()
                .filter(|&l| l != Language::English && l.is_built_in())
                .map(|l| Ok((l, self.thesaurus_of(l)?)))
                .collect::<Result<Vec<_>>>()?,
            thesaurus: self.thesaurus_of(Language::English)?,
            language: self.language,
            ignore: self.ignore,
            ngrams: Ngrams::english()?,
            mode: self.mode,
            language_guard: self.language_guard,
            learn: self.learn.unwrap_or(self.rules.is_none()),
            whole_words: self.whole_words,
            rules: self.rules.unwrap_or_default(),
            limits: self.limits,
            everyday: Default::default(),
            memos: super::memo::Memos::new(),
        })
    }
}
