//! Rewrite: suspects and accepted rules in, edits out.
//!
//! Every suspect type is tried against every accepted rule whose left side
//! it contains (one aho-corasick pass), at one occurrence or at two, because
//! a word can hold two damaged places. A result counts only if it is a
//! dictionary word; among several, the one backed by the strongest rules
//! wins, then the more frequent word. Rules apply here even where the context
//! is too short to learn from (`t·here`): the rule was proved elsewhere.
//! Suspects written like names are repaired only by rules with support from
//! several words; compounds of two known words also by thesaurus-backed
//! rules. The token's case is restored and a possessive
//! ending kept. Rewrite produces [`Edit`]s; it does not build the new text.

use std::cmp::Reverse;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::detect::SuspectType;
use crate::learn::{evidence, Evidence};
use crate::lexicon::Lexicon;
use crate::rules::{Rule, RuleKind, RuleSet};
use crate::tokenize::Case;

/// A suspect is rewritten by trying at most this many rule matches in it,
/// which bounds the pairs tried to 28 per suspect type.
const MAX_MATCHES: usize = 8;

/// Names (and compounds, unless the rule is thesaurus-backed) are repaired
/// only by rules supported by at least this many distinct words.
const MIN_WORDS_FOR_GUARDED: usize = 2;

/// One change to the text: the bytes in `span` become `after`.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// The text that was there.
    pub before: String,
    /// The text put there.
    pub after: String,
    /// The rules applied, as `(from, to)`, left to right.
    pub rules: Vec<(String, String)>,
    /// How much to trust the edit, from 0 to 1: the confidence of its
    /// weakest rule.
    pub confidence: f64,
}

/// A restoration of one suspect type.
struct Restoration {
    word: String,
    rules: Vec<usize>,
}

/// The edits that `rules` make to the suspects of `text`, sorted by span.
pub(crate) fn rewrite(
    text: &str,
    suspects: &[SuspectType],
    rules: &RuleSet,
    lexicon: &Lexicon,
) -> Vec<Edit> {
    let rules = rules.rules();
    if rules.is_empty() {
        return Vec::new();
    }
    let Ok(matcher) = AhoCorasick::new(rules.iter().map(|r| r.from.as_str())) else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    for suspect in suspects {
        let Some(restoration) = restore(&suspect.key, rules, &matcher, lexicon, suspect) else {
            continue;
        };
        let applied: Vec<&Rule> = restoration.rules.iter().map(|&k| &rules[k]).collect();
        let confidence = applied.iter().map(|r| r.confidence).fold(1.0, f64::min);
        for occurrence in &suspect.occurrences {
            let before = &text[occurrence.span.clone()];
            edits.push(Edit {
                span: occurrence.span.clone(),
                before: before.to_string(),
                after: with_case(&restoration.word, occurrence.case),
                rules: applied
                    .iter()
                    .map(|r| (r.from.clone(), r.to.clone()))
                    .collect(),
                confidence,
            });
        }
    }
    edits.sort_by_key(|e| e.span.start);
    edits
}

/// The best dictionary word that one or two rule applications make of `key`.
fn restore(
    key: &str,
    rules: &[Rule],
    matcher: &AhoCorasick,
    lexicon: &Lexicon,
    suspect: &SuspectType,
) -> Option<Restoration> {
    let usable = |rule: &Rule| match evidence(suspect) {
        Evidence::Full => true,
        Evidence::SynonymsOnly => {
            rule.kind == RuleKind::Synonym || rule.words >= MIN_WORDS_FOR_GUARDED
        }
        Evidence::None => rule.words >= MIN_WORDS_FOR_GUARDED,
    };
    let matches: Vec<(usize, Range<usize>)> = matcher
        .find_overlapping_iter(key)
        .filter(|m| usable(&rules[m.pattern().as_usize()]))
        .take(MAX_MATCHES)
        .map(|m| (m.pattern().as_usize(), m.range()))
        .collect();

    let mut found: Vec<(Restoration, u64)> = Vec::new();
    let mut consider = |applied: &[&(usize, Range<usize>)]| {
        let mut word = String::with_capacity(key.len() + 8);
        let mut at = 0;
        for (k, range) in applied {
            word.push_str(&key[at..range.start]);
            word.push_str(&rules[*k].to);
            at = range.end;
        }
        word.push_str(&key[at..]);
        if let Some(frequency) = lexicon.frequency(&word) {
            let rules = applied.iter().map(|(k, _)| *k).collect();
            found.push((Restoration { word, rules }, frequency));
        }
    };
    for (i, a) in matches.iter().enumerate() {
        consider(&[a]);
        for b in &matches[i + 1..] {
            if b.1.start >= a.1.end {
                consider(&[a, b]);
            }
        }
    }
    // Strongest evidence first: the weakest rule's support, then fewer
    // rules, then the more frequent word.
    found
        .into_iter()
        .max_by_key(|(r, frequency)| {
            let weakest = r.rules.iter().map(|&k| rules[k].words).min().unwrap_or(0);
            (
                weakest,
                Reverse(r.rules.len()),
                *frequency,
                Reverse(r.word.clone()),
            )
        })
        .map(|(r, _)| r)
}

/// `word` (lowercase) written in the case pattern `case`.
fn with_case(word: &str, case: Case) -> String {
    match case {
        Case::Lower => word.to_string(),
        Case::Upper => word.to_uppercase(),
        Case::Title => {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// The text with `edits` (sorted, non-overlapping) applied, copying the gaps
/// between them once.
pub(crate) fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + edits.len() * 4);
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.after);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_case_patterns() {
        assert_eq!(with_case("country", Case::Lower), "country");
        assert_eq!(with_case("country", Case::Title), "Country");
        assert_eq!(with_case("ärger", Case::Title), "Ärger");
        assert_eq!(with_case("end", Case::Upper), "END");
    }

    #[test]
    fn applies_edits_and_copies_the_gaps() {
        let edit = |span: Range<usize>, after: &str| Edit {
            span,
            before: String::new(),
            after: after.to_string(),
            rules: vec![],
            confidence: 1.0,
        };
        let text = "to attfinish the agfinisha.";
        let edits = [edit(3..12, "attend"), edit(17..26, "agenda")];
        assert_eq!(apply(text, &edits), "to attend the agenda.");
        assert_eq!(apply(text, &[]), text);
    }
}
