//! Score: original, corrupted and repaired text in, counts out — how many
//! damaged words a repair fixed, got wrong or missed, and how many clean
//! words it damaged.
//!
//! The three texts are compared token by token (split on ASCII whitespace:
//! no corruption or repair textmend measures adds or removes a space, and
//! mojibake can turn a byte into a no-break space, which must not count as
//! a split). When the token counts differ, the texts are aligned by a diff
//! of the tokens and unmatched tokens count as errors. Damage is scored by
//! kind: *non-word* damage leaves a token that is not a dictionary word
//! (`counattempt`, `rnodern`); *real-word* damage leaves only dictionary
//! words (`stated` for `said`), which no dictionary check can see.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Counts for one kind of damage (or for all tokens).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Tokens the corruption changed.
    pub corrupted: usize,
    /// Corrupted tokens the repair restored exactly.
    pub fixed: usize,
    /// Corrupted tokens the repair changed into something else.
    pub wrong: usize,
    /// Corrupted tokens the repair left as they were.
    pub missed: usize,
}

impl Counts {
    /// Fixed among the corrupted tokens.
    pub fn recall(&self) -> f64 {
        ratio(self.fixed, self.corrupted)
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.corrupted += other.corrupted;
        self.fixed += other.fixed;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }
}

/// The score of a repair.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    /// Tokens in the original.
    pub tokens: usize,
    /// All corrupted tokens.
    pub all: Counts,
    /// Corrupted tokens that are not all dictionary words.
    pub non_word: Counts,
    /// Corrupted tokens made only of dictionary words.
    pub real_word: Counts,
    /// Clean tokens the repair changed.
    pub damaged: usize,
    /// Tokens that differ from the original after the repair.
    pub errors_after: usize,
}

impl Score {
    /// Fixed among all changes the repair made: damage to clean tokens and
    /// wrong repairs both count against it.
    pub fn precision(&self) -> f64 {
        ratio(
            self.all.fixed,
            self.all.fixed + self.all.wrong + self.damaged,
        )
    }

    /// Fixed among the corrupted tokens.
    pub fn recall(&self) -> f64 {
        self.all.recall()
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    /// Precision on non-word damage alone (wrong repairs of non-words and
    /// damage to clean tokens count against it).
    pub fn non_word_precision(&self) -> f64 {
        ratio(
            self.non_word.fixed,
            self.non_word.fixed + self.non_word.wrong + self.damaged,
        )
    }

    /// F1 on non-word damage alone.
    pub fn non_word_f1(&self) -> f64 {
        f1(self.non_word_precision(), self.non_word.recall())
    }

    /// Word error rate of the corrupted text.
    pub fn wer_before(&self) -> f64 {
        ratio(self.all.corrupted, self.tokens)
    }

    /// Word error rate of the repaired text.
    pub fn wer_after(&self) -> f64 {
        ratio(self.errors_after, self.tokens)
    }
}

impl AddAssign<&Score> for Score {
    fn add_assign(&mut self, other: &Score) {
        self.tokens += other.tokens;
        self.all += other.all;
        self.non_word += other.non_word;
        self.real_word += other.real_word;
        self.damaged += other.damaged;
        self.errors_after += other.errors_after;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Scores `repaired` against `original`, where `corrupted` is what the
/// repair was given; `knows` says whether a word is in the dictionary (to
/// tell non-word from real-word damage).
pub fn score(
    original: &str,
    corrupted: &str,
    repaired: &str,
    knows: impl Fn(&str) -> bool,
) -> Score {
    let o: Vec<&str> = original.split_ascii_whitespace().collect();
    let c = align(&o, &corrupted.split_ascii_whitespace().collect::<Vec<_>>());
    let r = align(&o, &repaired.split_ascii_whitespace().collect::<Vec<_>>());
    let mut score = Score {
        tokens: o.len(),
        ..Score::default()
    };
    for ((o, c), r) in o.iter().zip(&c).zip(&r) {
        let (c, r) = (c.unwrap_or(""), r.unwrap_or(""));
        score.errors_after += usize::from(r != *o);
        if c == *o {
            score.damaged += usize::from(r != c);
            continue;
        }
        let mut counts = Counts {
            corrupted: 1,
            ..Counts::default()
        };
        if r == *o {
            counts.fixed = 1;
        } else if r == c {
            counts.missed = 1;
        } else {
            counts.wrong = 1;
        }
        score.all += counts;
        if is_non_word(c, &knows) {
            score.non_word += counts;
        } else {
            score.real_word += counts;
        }
    }
    score
}

/// Whether a token holds a word the dictionary does not know (digits and
/// punctuation aside).
fn is_non_word(token: &str, knows: &impl Fn(&str) -> bool) -> bool {
    token
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '\u{2019}'))
        .any(|w| !w.is_empty() && !knows(w))
}

/// `other`'s tokens lined up with `base`'s: one entry per token of `base`,
/// `None` where `other` has nothing that corresponds.
fn align<'a>(base: &[&str], other: &[&'a str]) -> Vec<Option<&'a str>> {
    if base.len() == other.len() {
        return other.iter().map(|t| Some(*t)).collect();
    }
    let mut aligned = vec![None; base.len()];
    for op in capture_diff_slices(Algorithm::Myers, base, other) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    aligned[old_index + k] = Some(other[new_index + k]);
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } if old_len == new_len => {
                for k in 0..old_len {
                    aligned[old_index + k] = Some(other[new_index + k]);
                }
            }
            _ => {}
        }
    }
    aligned
}

/// How a set of repairs did per rule: edits made, and how many of them
/// restored the original token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RuleScore {
    /// Edits the rule took part in.
    pub edits: usize,
    /// Of those, edits whose token came out as in the original.
    pub correct: usize,
}

/// Per-rule scores: `edits` are `(byte offset in the corrupted text, rule
/// name)` pairs; an edit is correct when its token in the repaired text
/// equals the original token.
pub fn score_rules(
    original: &str,
    corrupted: &str,
    repaired: &str,
    edits: &[(usize, String)],
) -> BTreeMap<String, RuleScore> {
    let o: Vec<&str> = original.split_ascii_whitespace().collect();
    let r: Vec<&str> = repaired.split_ascii_whitespace().collect();
    let starts: Vec<usize> = corrupted
        .split_ascii_whitespace()
        .map(|t| t.as_ptr() as usize - corrupted.as_ptr() as usize)
        .collect();
    let mut rules: BTreeMap<String, RuleScore> = BTreeMap::new();
    for (offset, rule) in edits {
        let token = starts.partition_point(|&s| s <= *offset).saturating_sub(1);
        let entry = rules.entry(rule.clone()).or_default();
        entry.edits += 1;
        entry.correct += usize::from(o.get(token).is_some() && o.get(token) == r.get(token));
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knows(word: &str) -> bool {
        ["the", "country", "said", "stated", "he", "big"].contains(&word.to_lowercase().as_str())
    }

    #[test]
    fn counts_fixed_wrong_missed_and_damage_by_kind() {
        let original = "the country said the big country he";
        let corrupted = "the counattempt stated the big counattempt he";
        let repaired = "the country stated the large countee he";
        let s = score(original, corrupted, repaired, knows);
        assert_eq!(s.tokens, 7);
        assert_eq!(
            s.non_word,
            Counts {
                corrupted: 2,
                fixed: 1,
                wrong: 1,
                missed: 0
            }
        );
        assert_eq!(
            s.real_word,
            Counts {
                corrupted: 1,
                fixed: 0,
                wrong: 0,
                missed: 1
            }
        );
        assert_eq!(s.damaged, 1);
        assert_eq!(s.errors_after, 3);
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.recall() - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.wer_before() - 3.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn misaligned_repairs_count_as_errors_not_panics() {
        let s = score("a b c d", "a x c d", "a b c", |_| true);
        assert_eq!(s.tokens, 4);
        assert_eq!(s.all.fixed, 1);
        assert_eq!(s.damaged, 1);
    }

    #[test]
    fn rules_are_scored_by_the_token_they_edit() {
        let rules = score_rules(
            "we attend the agenda",
            "we attfinish the agfinisha",
            "we attend the agent",
            &[(3, "finish→end".into()), (17, "finish→end".into())],
        );
        assert_eq!(
            rules["finish→end"],
            RuleScore {
                edits: 2,
                correct: 1
            }
        );
    }
}
