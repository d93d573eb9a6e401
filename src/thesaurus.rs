//! Thesaurus: "are these two words related in meaning?"
//!
//! An article spinner swaps words for synonyms, so a learned substitution
//! whose sides are synonyms (or one is the other's broader term, as `buy` and
//! `purchase`) is more likely a spinner's rule than a coincidence. This is a
//! prior for **learn**, never a source of rules: no substitution is made
//! because the thesaurus lists it. The data is WordNet's synsets with their
//! hypernyms, compiled by `build.rs` into an FST set of `word \0 group` keys.

use fst::{IntoStreamer, Set, Streamer};

use crate::error::{Error, Result};

static EN_THESAURUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en-thesaurus.fst"));

/// The key byte after the word for groups of related words.
const RELATED: u8 = 0;
/// The key byte after the word for sibling groups.
const SIBLINGS: u8 = 1;

/// Groups of related words.
pub(crate) struct Thesaurus {
    groups: Option<Set<&'static [u8]>>,
}

impl Thesaurus {
    /// The embedded English thesaurus.
    pub(crate) fn english() -> Result<Thesaurus> {
        let groups = Set::new(EN_THESAURUS).map_err(|e| Error::Dictionary(e.to_string()))?;
        Ok(Thesaurus {
            groups: Some(groups),
        })
    }

    /// A thesaurus that relates nothing, for languages without one.
    pub(crate) fn empty() -> Thesaurus {
        Thesaurus { groups: None }
    }

    /// Whether `a` and `b` are synonyms, or one is the other's broader term
    /// (lowercase words).
    pub(crate) fn are_related(&self, a: &str, b: &str) -> bool {
        self.share_group(a, b, RELATED)
    }

    /// Whether `a` and `b` fall under one broader term (`tell` and `notify`
    /// under "inform"): a weaker relation than [`Thesaurus::are_related`].
    pub(crate) fn are_siblings(&self, a: &str, b: &str) -> bool {
        self.share_group(a, b, SIBLINGS)
    }

    fn share_group(&self, a: &str, b: &str, kind: u8) -> bool {
        if a == b {
            return false;
        }
        let (ga, gb) = (self.groups_of(a, kind), self.groups_of(b, kind));
        let (mut i, mut j) = (0, 0);
        while i < ga.len() && j < gb.len() {
            match ga[i].cmp(&gb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// The numbers of the groups of one kind that hold `word`, ascending.
    fn groups_of(&self, word: &str, kind: u8) -> Vec<[u8; 4]> {
        let Some(groups) = &self.groups else {
            return Vec::new();
        };
        let mut lo = word.as_bytes().to_vec();
        lo.push(kind);
        let mut hi = word.as_bytes().to_vec();
        hi.push(kind + 1);
        let mut stream = groups.range().ge(&lo).lt(&hi).into_stream();
        let mut found = Vec::new();
        while let Some(key) = stream.next() {
            if let Ok(id) = key[lo.len()..].try_into() {
                found.push(id);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relates_synonyms_and_broader_terms_only() {
        let thesaurus = Thesaurus::english().unwrap();
        for (a, b, related) in [
            ("attempt", "try", true),
            ("use", "utilize", true),
            ("purchase", "buy", true),
            ("end", "finish", true),
            ("purchase", "play", false),
            ("utilize", "used", false),
            ("end", "end", false),
            ("qqq", "end", false),
        ] {
            assert_eq!(thesaurus.are_related(a, b), related, "{a} {b}");
            assert_eq!(thesaurus.are_related(b, a), related, "{b} {a}");
        }
    }

    #[test]
    fn siblings_share_a_broader_term() {
        let thesaurus = Thesaurus::english().unwrap();
        assert!(thesaurus.are_siblings("notify", "tell"));
        assert!(!thesaurus.are_related("notify", "tell"));
        assert!(!thesaurus.are_siblings("latter", "actor"));
    }
}
