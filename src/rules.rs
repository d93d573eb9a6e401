//! Rules: the substitutions textmend learned, with their evidence, and the
//! text format they are saved in for review.
//!
//! A [`RuleSet`] is what **learn** gives and **rewrite** takes. It can be
//! written as a tab-separated file, edited by hand (delete or `#`-comment a
//! line to reject a rule) and read back; [`RuleSet::to_tsv`] and
//! [`RuleSet::parse`] are inverse. This module does not decide which rules
//! are true.

use std::fmt;
use std::path::Path;

use crate::error::{Error, Result};

/// The first line of a rules file, naming its format.
const HEADER: &str = "# textmend rules v1";

/// What kind of corruption a rule looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleKind {
    /// Both sides are words that the thesaurus relates (`purchase → buy`):
    /// the clearest signature of an article spinner.
    Synonym,
    /// Both sides are words (`finish → end`): a synonym swapped inside other
    /// words, the signature of an article spinner.
    WordSwap,
    /// Any other substitution of characters.
    Substring,
}

impl RuleKind {
    fn as_str(self) -> &'static str {
        match self {
            RuleKind::Synonym => "synonym",
            RuleKind::WordSwap => "word-swap",
            RuleKind::Substring => "substring",
        }
    }

    fn parse(s: &str) -> Option<RuleKind> {
        match s {
            "synonym" => Some(RuleKind::Synonym),
            "word-swap" => Some(RuleKind::WordSwap),
            "substring" => Some(RuleKind::Substring),
            _ => None,
        }
    }
}

impl RuleKind {
    /// How much the kind alone says that a rule is true, counted in
    /// supporting words: a thesaurus-backed swap is worth two, another word
    /// swap one, a bare substring nothing.
    pub(crate) fn prior(self) -> usize {
        match self {
            RuleKind::Synonym => 2,
            RuleKind::WordSwap => 1,
            RuleKind::Substring => 0,
        }
    }
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A learned substitution: the damaged text says `from` where `to` belongs.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The corrupted side, as it appears in the text (`finish`).
    pub from: String,
    /// The original side (`end`).
    pub to: String,
    /// What the rule looks like.
    pub kind: RuleKind,
    /// Distinct restored words that support the rule when it was learned.
    pub words: usize,
    /// Suspect tokens those words account for.
    pub tokens: usize,
    /// How much to trust the rule, from 0 to 1.
    pub confidence: f64,
    /// Up to a few `(suspect, restored)` examples, for review.
    pub examples: Vec<(String, String)>,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \u{2192} {}", self.from, self.to)
    }
}

/// An ordered list of rules, strongest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// A rule set holding `rules` in the given order.
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        RuleSet { rules }
    }

    /// The rules, strongest first.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// The rule set in its reviewable text form: a header, then one rule per
    /// line, `from<TAB>to<TAB>kind<TAB>words<TAB>tokens<TAB>confidence<TAB>examples`,
    /// with examples as `suspect>restored` separated by spaces.
    pub fn to_tsv(&self) -> String {
        let mut out = format!(
            "{HEADER}\n# Delete a line, or start it with #, to reject that rule.\n\
             # from\tto\tkind\twords\ttokens\tconfidence\texamples\n"
        );
        for r in &self.rules {
            let examples: Vec<String> =
                r.examples.iter().map(|(s, d)| format!("{s}>{d}")).collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{:.3}\t{}\n",
                r.from,
                r.to,
                r.kind,
                r.words,
                r.tokens,
                r.confidence,
                examples.join(" ")
            ));
        }
        out
    }

    /// Reads the text form written by [`RuleSet::to_tsv`]. Blank lines and
    /// lines starting with `#` are skipped; only `from` and `to` are
    /// required, so a hand-written `from<TAB>to` line is a valid rule.
    /// `path` names the source in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<RuleSet> {
        let mut rules = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| Error::RuleSyntax {
                path: path.to_path_buf(),
                line: i + 1,
                message,
            };
            let fields: Vec<&str> = line.split('\t').collect();
            let [from, to, rest @ ..] = fields.as_slice() else {
                return Err(error("expected `from<TAB>to`".to_string()));
            };
            if from.is_empty() || to.is_empty() || from == to {
                return Err(error(format!("bad rule {from:?} -> {to:?}")));
            }
            let number = |k: usize, name: &str| -> Result<usize> {
                rest.get(k).map_or(Ok(1), |s| {
                    s.parse()
                        .map_err(|_| error(format!("bad {name} {s:?}, expected a whole number")))
                })
            };
            let kind = match rest.first() {
                None => RuleKind::Substring,
                Some(s) => RuleKind::parse(s).ok_or_else(|| {
                    error(format!(
                        "bad kind {s:?}, expected synonym, word-swap or substring"
                    ))
                })?,
            };
            let confidence = match rest.get(3) {
                None => 1.0,
                Some(s) => s
                    .parse::<f64>()
                    .ok()
                    .filter(|c| (0.0..=1.0).contains(c))
                    .ok_or_else(|| error(format!("bad confidence {s:?}, expected 0 to 1")))?,
            };
            let examples = rest
                .get(4)
                .map(|s| {
                    s.split(' ')
                        .filter_map(|e| e.split_once('>'))
                        .map(|(a, b)| (a.to_string(), b.to_string()))
                        .collect()
                })
                .unwrap_or_default();
            rules.push(Rule {
                from: from.to_string(),
                to: to.to_string(),
                kind,
                words: number(1, "words")?,
                tokens: number(2, "tokens")?,
                confidence,
                examples,
            });
        }
        Ok(RuleSet { rules })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> RuleSet {
        RuleSet::new(vec![
            Rule {
                from: "finish".into(),
                to: "end".into(),
                kind: RuleKind::Synonym,
                words: 3,
                tokens: 5,
                confidence: 0.875,
                examples: vec![("attfinish".into(), "attend".into())],
            },
            Rule {
                from: "rn".into(),
                to: "m".into(),
                kind: RuleKind::Substring,
                words: 4,
                tokens: 9,
                confidence: 0.5,
                examples: vec![],
            },
        ])
    }

    #[test]
    fn round_trips_through_text() {
        let rules = sample();
        let back = RuleSet::parse(&rules.to_tsv(), Path::new("r.tsv")).unwrap();
        assert_eq!(back, rules);
    }

    #[test]
    fn accepts_hand_written_and_commented_lines() {
        let text = "# reviewed\nfinish\tend\n#rn\tm\n\nport\tharbor\tword-swap\n";
        let rules = RuleSet::parse(text, Path::new("r.tsv")).unwrap();
        let pairs: Vec<String> = rules.rules().iter().map(|r| r.to_string()).collect();
        assert_eq!(pairs, ["finish \u{2192} end", "port \u{2192} harbor"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        for (text, message) in [
            (
                "finish\tend\nonly-one-field\n",
                "r.tsv:2: expected `from<TAB>to`",
            ),
            (
                "a\tb\tweird\n",
                "r.tsv:1: bad kind \"weird\", expected synonym, word-swap or substring",
            ),
            ("a\ta\n", "r.tsv:1: bad rule \"a\" -> \"a\""),
            (
                "a\tb\tsubstring\tx\n",
                "r.tsv:1: bad words \"x\", expected a whole number",
            ),
        ] {
            let err = RuleSet::parse(text, Path::new("r.tsv")).unwrap_err();
            assert_eq!(err.to_string(), message);
        }
    }
}
