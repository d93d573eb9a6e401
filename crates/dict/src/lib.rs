//! The dictionaries textmend embeds: `build.rs` validates the reviewable
//! text in `dictionaries/` and compiles it into FSTs, which this crate
//! embeds with `include_bytes!` (the pattern `fst::Map::new` documents).
//! It gives bytes, not answers: the library (`textmend`) loads them and
//! decides what a word is.
//!
//! English is always embedded, with its attested forms, thesaurus, word
//! counts and irregular inflections. Each other language is one crate
//! feature (`de`, `fr`, `es`, `it`, `pt`, `nl`; all on by default), so a
//! small binary or a Python wheel can leave languages out. German, French,
//! Spanish, Italian and Portuguese come with a thesaurus ([`thesaurus`]).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod common;
mod fold;

pub use common::{Common, COMMON_WORDS};
pub use fold::fold;

/// One language's word list as two FSTs: word → frequency per billion
/// words, and the same with each word's bytes reversed (for suffix walks);
/// and its commonest entries as text.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    /// Keyed by the word.
    pub forward: &'static [u8],
    /// Keyed by the word's bytes reversed.
    pub reversed: &'static [u8],
    /// The [`COMMON_WORDS`] entries of highest frequency, with the FST's
    /// keys and values, in a hash table: a probe answers most lookups
    /// (about four in five of a short document's distinct words) for a
    /// tenth of the cost of walking the FST.
    pub common: Common,
}

/// The English data.
#[derive(Clone, Copy, Debug)]
pub struct English {
    /// The dictionary (SCOWL words, wordfreq frequencies).
    pub words: Words,
    /// Forms seen in real text that are not words (`surprize`), an FST set.
    pub attested: &'static [u8],
    /// WordNet's groups of related words and sibling groups, an FST set of
    /// `word kind group` keys.
    pub thesaurus: &'static [u8],
    /// Word and word-pair counts, `round(100 × log10(count))`, an FST map.
    pub ngrams: &'static [u8],
    /// The totals of those counts.
    pub ngram_scale: Scale,
    /// Irregular inflections, `form lemma pos` lines.
    pub inflections: &'static str,
}

/// Totals of the word counts, computed at build time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// log10 of the number of words counted.
    pub total: f64,
    /// log10 of the smallest pair count listed: an unlisted pair was rarer.
    pub pair_floor: f64,
    /// log10 of the smallest word count listed.
    pub word_floor: f64,
}

include!(concat!(env!("OUT_DIR"), "/en-ngrams-scale.rs"));

/// The English data.
pub fn english() -> English {
    English {
        words: Words {
            forward: include_bytes!(concat!(env!("OUT_DIR"), "/en.fst")),
            reversed: include_bytes!(concat!(env!("OUT_DIR"), "/en.rev.fst")),
            common: Common::new(include_bytes!(concat!(env!("OUT_DIR"), "/en.common"))),
        },
        attested: include_bytes!(concat!(env!("OUT_DIR"), "/en-attested.fst")),
        thesaurus: include_bytes!(concat!(env!("OUT_DIR"), "/en-thesaurus.fst")),
        ngrams: include_bytes!(concat!(env!("OUT_DIR"), "/en-ngrams.fst")),
        ngram_scale: EN_NGRAM_SCALE,
        inflections: include_str!("../../../dictionaries/en-inflections.txt"),
    }
}

/// The thesaurus of a language other than English (by its ISO 639-1 code):
/// groups of related words and sibling groups, an FST set of `word kind
/// group` keys as English's. `None` for Dutch, which has none, and for a
/// language whose feature is off. The German and French ones come from
/// Wiktionary's definitions, the Spanish, Italian and Portuguese ones from
/// MultiWordNet (`dictionaries/README.md`).
pub fn thesaurus(code: &str) -> Option<&'static [u8]> {
    macro_rules! thesaurus {
        ($code:literal) => {
            include_bytes!(concat!(env!("OUT_DIR"), "/", $code, "-thesaurus.fst"))
        };
    }
    match code {
        #[cfg(feature = "de")]
        "de" => Some(thesaurus!("de")),
        #[cfg(feature = "fr")]
        "fr" => Some(thesaurus!("fr")),
        #[cfg(feature = "es")]
        "es" => Some(thesaurus!("es")),
        #[cfg(feature = "it")]
        "it" => Some(thesaurus!("it")),
        #[cfg(feature = "pt")]
        "pt" => Some(thesaurus!("pt")),
        _ => None,
    }
}

/// The word list of a language other than English (by its ISO 639-1
/// code), keyed by folded forms ([`fold`]); `None` when it is not one of
/// them or its feature is off.
pub fn folded(code: &str) -> Option<Words> {
    macro_rules! words {
        ($code:literal) => {
            Words {
                forward: include_bytes!(concat!(env!("OUT_DIR"), "/", $code, ".fst")),
                reversed: include_bytes!(concat!(env!("OUT_DIR"), "/", $code, ".rev.fst")),
                common: Common::new(include_bytes!(concat!(
                    env!("OUT_DIR"),
                    "/",
                    $code,
                    ".common"
                ))),
            }
        };
    }
    match code {
        #[cfg(feature = "de")]
        "de" => Some(words!("de")),
        #[cfg(feature = "fr")]
        "fr" => Some(words!("fr")),
        #[cfg(feature = "es")]
        "es" => Some(words!("es")),
        #[cfg(feature = "it")]
        "it" => Some(words!("it")),
        #[cfg(feature = "pt")]
        "pt" => Some(words!("pt")),
        #[cfg(feature = "nl")]
        "nl" => Some(words!("nl")),
        _ => None,
    }
}
