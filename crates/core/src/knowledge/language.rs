//! Language: the languages textmend has dictionaries for, what each one's
//! writing does that matters to repair (compounds, capitalised nouns), and
//! which of them this build embeds. Telling which language a text is in is
//! the `identify` stage's job.

use std::fmt;

/// A language textmend has a dictionary for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Language {
    /// English (SCOWL and wordfreq, WordNet thesaurus).
    English,
    /// German (wordfreq and german-nouns; compounds are words).
    German,
    /// French (wordfreq; elided articles such as `l'`).
    French,
    /// Spanish (wordfreq and wspanish).
    Spanish,
    /// Italian (wordfreq; elided articles such as `dell'`).
    Italian,
    /// Portuguese (wordfreq).
    Portuguese,
    /// Dutch (wordfreq and OpenTaal; compounds are words).
    Dutch,
}

impl Language {
    /// Every language with a dictionary.
    pub const ALL: [Language; 7] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
    ];

    /// The ISO 639-1 code (`en`, `de`, …).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
        }
    }

    /// The language with this ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language a language identifier's label names, as corpora write
    /// them: an ISO 639-1 or 639-3 code in any case, with a region or a
    /// script after `-` or `_` (`en`, `EN`, `pt-BR`, `deu_Latn`, `fre`);
    /// `None` for a language without a dictionary here.
    pub fn from_label(label: &str) -> Option<Language> {
        let code = label
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let code = match code.as_str() {
            "eng" => "en",
            "deu" | "ger" => "de",
            "fra" | "fre" => "fr",
            "spa" => "es",
            "ita" => "it",
            "por" => "pt",
            "nld" | "dut" => "nl",
            other => other,
        };
        Language::from_code(code)
    }

    /// Whether this build embeds the language's dictionary (English always;
    /// each other language with its crate feature).
    pub fn is_built_in(self) -> bool {
        self == Language::English || textmend_dict::folded(self.code()).is_some()
    }

    /// Whether words of the language join into compounds written as one
    /// word (`Rüstungsunternehmen`), which the dictionary cannot list.
    pub(crate) fn has_compounds(self) -> bool {
        matches!(self, Language::German | Language::Dutch)
    }

    /// The inflectional endings of the language's nouns, adjectives and
    /// verbs that differ in one or two letters from another of its endings
    /// (general grammar): a word ending in one of them and a word ending in
    /// another are usually two forms of one word (Spanish `predefinid·a`,
    /// `predefinid·o`; German `schnell·en`, `schnell·er`), so a bare list
    /// of forms that lacks one form makes that swap look like a misread
    /// glyph.
    pub(crate) fn inflectional_endings(self) -> &'static [&'static str] {
        match self {
            Language::English => &["s", "es", "d", "ed", "er", "est", "ing", "y", "ly"],
            Language::German => &["e", "en", "er", "es", "em", "n", "s", "st", "t", "et", "te"],
            Language::French => &[
                "e", "es", "s", "x", "é", "ée", "és", "ées", "er", "ez", "ent", "a", "ai", "ais",
                "ait",
            ],
            Language::Spanish => &[
                "a", "o", "as", "os", "e", "es", "s", "ó", "é", "í", "ía", "ás", "án",
            ],
            Language::Italian => &["a", "o", "e", "i", "ò", "à", "ì", "ù", "è"],
            Language::Portuguese => &[
                "a", "o", "as", "os", "e", "es", "s", "ão", "ões", "ã", "ó", "á", "é",
            ],
            Language::Dutch => &["e", "en", "s", "t", "d", "te", "de"],
        }
    }

    /// Whether the language writes every noun with a capital (German), so
    /// that a capital in mid-sentence does not mark a name.
    pub(crate) fn capitalises_nouns(self) -> bool {
        self == Language::German
    }

    pub(crate) fn from_whatlang(lang: whatlang::Lang) -> Option<Language> {
        match lang {
            whatlang::Lang::Eng => Some(Language::English),
            whatlang::Lang::Deu => Some(Language::German),
            whatlang::Lang::Fra => Some(Language::French),
            whatlang::Lang::Spa => Some(Language::Spanish),
            whatlang::Lang::Ita => Some(Language::Italian),
            whatlang::Lang::Por => Some(Language::Portuguese),
            whatlang::Lang::Nld => Some(Language::Dutch),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Language::English => "English",
            Language::German => "German",
            Language::French => "French",
            Language::Spanish => "Spanish",
            Language::Italian => "Italian",
            Language::Portuguese => "Portuguese",
            Language::Dutch => "Dutch",
        };
        f.write_str(name)
    }
}
