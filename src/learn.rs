//! Learn: the explanations of every suspect in a text (or a batch) in, an
//! accepted [`RuleSet`] out.
//!
//! One suspect alone proves nothing — `attfinish` might be `attach` or
//! `attire` — but a spinner or a scanner damages many words the same way, so
//! the true substitution is the one that explains many suspects at once. Each
//! candidate rule `x → y` is scored on:
//!
//! * **support**: distinct restored words it explains (by word, not by
//!   token: `buyer` and `buyers` are one piece of evidence);
//! * **the word-swap prior**: `x` and `y` both words is how a spinner works;
//! * **the global-replacement signature**: a spinner replaces every `y`, so a
//!   true rule's `y` no longer occurs in the text, except inside the `x` that
//!   replaced it. An accidental rule's `y` is usually all over the text.
//!
//! Rules compete for suspects: the strongest rule claims its suspects first,
//! and a weaker rule is accepted only if it explains a suspect no accepted
//! rule explains. Suspects written like names or compounds give no evidence
//! ("learn strictly"). Learn does not touch the text; **rewrite** does.

use std::collections::{BTreeMap, HashMap, HashSet};

use memchr::memmem;

use crate::detect::SuspectType;
use crate::explain::Explanation;
use crate::lexicon::Lexicon;
use crate::rules::{Rule, RuleKind, RuleSet};
use crate::thesaurus::Thesaurus;

/// A word-swap rule needs this many distinct restored words, unless it is
/// the only clean explanation of its suspect (see [`SINGLE_FREQUENCY_RATIO`]).
/// Two is the least that is evidence of a *rule* rather than of one word.
const MIN_WORD_SWAP_SUPPORT: usize = 2;

/// A substitution whose sides are not both words needs more support: such
/// differences (`e → a`, `ti → s`) arise by chance between unrelated words
/// far more often than synonym pairs do.
const MIN_SUBSTRING_SUPPORT: usize = 3;

/// A word-swap rule seen in a single word is accepted only when its restored
/// word is at least this many times more frequent than the restoration any
/// other passing single-word rule of the same standing (thesaurus-backed or
/// not) offers for the same suspect — the "one clean, unambiguous
/// explanation" of the design notes.
const SINGLE_FREQUENCY_RATIO: u64 = 20;

/// Restored words from single-word rules must be at least this frequent
/// (per billion words; 1,000 is Zipf 3, about the 30,000th English word):
/// a rare restoration of a lone suspect is more likely a coincidence.
const MIN_SINGLE_FREQUENCY: u64 = 1_000;

/// How many examples each rule keeps for review.
const MAX_EXAMPLES: usize = 5;

/// Evidence gathered for one candidate rule.
#[derive(Default)]
struct Candidate {
    /// Indices of the suspect types it explains.
    types: Vec<usize>,
    /// Distinct restored words (stemmed).
    words: HashSet<String>,
    /// Suspect tokens explained.
    tokens: usize,
    /// Highest frequency among its restored words.
    best_frequency: u64,
    is_word_pair: bool,
    /// The thesaurus relates the two sides.
    is_synonym: bool,
    examples: Vec<(String, String)>,
}

/// Learns the rules that explain the suspects of `text`.
///
/// `explanations[i]` are the explanations of `suspects[i]`.
pub(crate) fn learn(
    text: &str,
    suspects: &[SuspectType],
    explanations: &[Vec<Explanation>],
    lexicon: &Lexicon,
    thesaurus: &Thesaurus,
) -> RuleSet {
    let mut candidates: BTreeMap<(String, String), Candidate> = BTreeMap::new();
    for (i, (suspect, found)) in suspects.iter().zip(explanations).enumerate() {
        if !gives_evidence(suspect) {
            continue;
        }
        for e in found {
            let c = candidates
                .entry((e.from.clone(), e.to.clone()))
                .or_default();
            c.types.push(i);
            c.tokens += suspect.occurrences.len();
            c.is_word_pair = e.is_word_pair;
            c.best_frequency = c.best_frequency.max(e.frequency);
            if c.words.insert(stem(&e.restored, lexicon)) && c.examples.len() < MAX_EXAMPLES {
                c.examples.push((suspect.key.clone(), e.restored.clone()));
            }
        }
    }

    let mut ranked: Vec<((String, String), Candidate)> = candidates
        .into_iter()
        .filter(|((from, to), c)| {
            let needed = if c.is_word_pair {
                1
            } else {
                MIN_SUBSTRING_SUPPORT
            };
            c.words.len() >= needed && !occurs_outside(text, to, from)
        })
        .collect();
    for ((from, to), c) in &mut ranked {
        c.is_synonym = c.is_word_pair && thesaurus.are_related(from, to);
    }
    ranked.sort_by(|(ka, a), (kb, b)| {
        (b.words.len(), b.is_synonym, b.is_word_pair, b.tokens)
            .cmp(&(a.words.len(), a.is_synonym, a.is_word_pair, a.tokens))
            .then_with(|| ka.cmp(kb))
    });

    let mut covered: HashSet<usize> = HashSet::new();
    let mut accepted = Vec::new();
    let mut singles: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, (_, c)) in ranked.iter().enumerate() {
        let min_support = if c.is_word_pair {
            MIN_WORD_SWAP_SUPPORT
        } else {
            MIN_SUBSTRING_SUPPORT
        };
        if c.words.len() >= min_support {
            if c.types.iter().any(|t| !covered.contains(t)) {
                covered.extend(c.types.iter().copied());
                accepted.push(k);
            }
        } else {
            for &t in &c.types {
                singles.entry(t).or_default().push(k);
            }
        }
    }

    // Single-word rules, suspect by suspect: accept the one restoration that
    // clearly dominates, if any.
    let mut single_types: Vec<usize> = singles.keys().copied().collect();
    single_types.sort_unstable();
    for t in single_types {
        if covered.contains(&t) {
            continue;
        }
        // A thesaurus-backed restoration outranks any other; among equals
        // the more frequent word must dominate.
        let mut options: Vec<usize> = singles[&t].clone();
        if options.iter().any(|&k| ranked[k].1.is_synonym) {
            options.retain(|&k| ranked[k].1.is_synonym);
        }
        options.sort_by_key(|&k| std::cmp::Reverse(ranked[k].1.best_frequency));
        let best = &ranked[options[0]].1;
        let runner_up = options.get(1).map_or(0, |&k| ranked[k].1.best_frequency);
        if best.best_frequency >= MIN_SINGLE_FREQUENCY
            && best.best_frequency >= runner_up.saturating_mul(SINGLE_FREQUENCY_RATIO)
        {
            covered.insert(t);
            accepted.push(options[0]);
        }
    }

    accepted.sort_unstable();
    accepted.dedup();
    let rules = accepted
        .into_iter()
        .map(|k| {
            let ((from, to), c) = &ranked[k];
            rule(from, to, c)
        })
        .collect();
    RuleSet::new(rules)
}

/// Whether a suspect may serve as evidence for a rule. Names and compounds
/// outside the dictionary split into word + word by chance; they are repaired
/// only by rules that other words prove.
pub(crate) fn gives_evidence(suspect: &SuspectType) -> bool {
    !suspect.is_name_like && !suspect.is_compound
}

fn rule(from: &str, to: &str, c: &Candidate) -> Rule {
    let kind = if c.is_word_pair {
        RuleKind::WordSwap
    } else {
        RuleKind::Substring
    };
    Rule {
        from: from.to_string(),
        to: to.to_string(),
        kind,
        words: c.words.len(),
        tokens: c.tokens,
        confidence: confidence(c.words.len(), c.is_word_pair),
        examples: c.examples.clone(),
    }
}

/// Confidence grows with independent support: each distinct word halves the
/// remaining doubt, and the word-swap prior counts as one more word.
pub(crate) fn confidence(words: usize, is_word_pair: bool) -> f64 {
    let evidence = words + usize::from(is_word_pair);
    1.0 - 0.5f64.powi(evidence.min(30) as i32)
}

/// The unit of evidence for a restored word: a plural `-s` is dropped when
/// what remains is a word, so `buyer` and `buyers` count once.
fn stem(word: &str, lexicon: &Lexicon) -> String {
    match word.strip_suffix('s') {
        Some(base) if base.len() >= 3 && lexicon.frequency(base).is_some() => base.to_string(),
        _ => word.to_string(),
    }
}

/// Whether `to` occurs in `text` anywhere but inside an occurrence of `from`
/// (where a spinner's own insertion may contain it: `son` in `person`).
/// Case-sensitive, like the spinners and scanners it models.
pub(crate) fn occurs_outside(text: &str, to: &str, from: &str) -> bool {
    let hay = text.as_bytes();
    let (to, from) = (to.as_bytes(), from.as_bytes());
    let offsets_in_from: Vec<usize> = memmem::find_iter(from, to).collect();
    memmem::find_iter(hay, to).any(|p| {
        !offsets_in_from.iter().any(|&k| {
            p >= k && hay.get(p - k..p - k + from.len()) == Some(from)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replaced_side_may_only_survive_inside_the_replacement() {
        assert!(!occurs_outside("a person and a parson", "son", "person"));
        assert!(occurs_outside("a person and his son", "son", "person"));
        assert!(!occurs_outside("attfinish the agfinisha", "end", "finish"));
        assert!(occurs_outside("the end", "end", "finish"));
        assert!(!occurs_outside("End of story", "end", "finish"));
    }

    #[test]
    fn confidence_rises_with_support() {
        assert!(confidence(1, true) < confidence(2, true));
        assert!(confidence(2, false) < confidence(2, true));
        assert!(confidence(1000, true) <= 1.0);
    }
}
