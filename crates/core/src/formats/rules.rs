//! Rules: the substitutions textmend learned, with their evidence, and the
//! text format they are saved in for review.
//!
//! A [`RuleSet`] is what **learn** gives and **rewrite** takes. It can be
//! written as a tab-separated file with each rule's evidence as a comment,
//! edited by hand (delete or `#`-comment a line to reject a rule) and read
//! back; [`RuleSet::to_tsv`] and [`RuleSet::parse`] are inverse. This module
//! does not decide which rules are true.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use aho_corasick::AhoCorasick;

use crate::error::{Error, Result};

/// The first line of a rules file, naming its format.
const HEADER: &str = "# textmend rules v1";

/// The comment under the header, for whoever edits the file.
const HELP: &str = "\
# One rule per line: the damaged text says FROM where TO belongs.
#   FROM<TAB>TO<TAB>KIND  # the evidence it was learned from
# To reject a rule, delete its line or put # in front of it; a commented-out
# rule stays rejected when textmend learns more rules alongside this file.
";

/// What kind of corruption a rule looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleKind {
    /// Both sides are words that the thesaurus relates (`purchase → buy`):
    /// the clearest signature of an article spinner.
    Synonym,
    /// Both sides are words (`finish → end`): a synonym swapped inside other
    /// words, the signature of an article spinner.
    WordSwap,
    /// Glyphs a scanner misread (`rn → m`, `1 → l`): the signature of OCR.
    Glyph,
    /// Any other substitution of characters.
    Substring,
    /// A whole word a spinner swapped for a rarer synonym (`notified →
    /// told`): applied to whole words only, and only when asked, because
    /// both sides are real words.
    WholeWord,
}

impl RuleKind {
    fn as_str(self) -> &'static str {
        match self {
            RuleKind::Synonym => "synonym",
            RuleKind::WordSwap => "word-swap",
            RuleKind::Glyph => "glyph",
            RuleKind::Substring => "substring",
            RuleKind::WholeWord => "whole-word",
        }
    }

    /// The kind a rules file names (`word-swap`), as [`fmt::Display`]
    /// writes it.
    pub fn from_name(name: &str) -> Option<RuleKind> {
        match name {
            "synonym" => Some(RuleKind::Synonym),
            "word-swap" => Some(RuleKind::WordSwap),
            "glyph" => Some(RuleKind::Glyph),
            "substring" => Some(RuleKind::Substring),
            "whole-word" => Some(RuleKind::WholeWord),
            _ => None,
        }
    }
}

impl RuleKind {
    /// How much the kind alone says that a rule is true, counted in
    /// supporting words: a thesaurus-backed swap is worth two, another word
    /// swap one, a glyph confusion or a bare substring nothing (a glyph
    /// confusion's prior comes from the glyph table, rule by rule).
    pub(crate) fn prior(self) -> usize {
        match self {
            RuleKind::Synonym => 2,
            RuleKind::WordSwap => 1,
            RuleKind::Glyph | RuleKind::Substring | RuleKind::WholeWord => 0,
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
    /// For a glyph confusion: the share of the places where its `to` side
    /// was printed that the scanner misread (damaged tokens over damaged
    /// plus intact occurrences), when it was learned.
    pub rate: Option<f64>,
    /// For a whole-word swap: how far its `from` side stands out in the
    /// text, as the log-likelihood (G²) of its count against the count its
    /// frequency in the language predicts.
    pub keyness: Option<f64>,
    /// Up to a few `(suspect, restored)` examples, for review.
    pub examples: Vec<(String, String)>,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \u{2192} {}", self.from, self.to)
    }
}

/// An ordered list of rules, strongest first, and the rules a reviewer
/// rejected. Cloning shares the rules (a reviewed file may hold a million);
/// the automaton that finds their replaced sides in words is built once.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    rules: Vec<Rule>,
    rejected: Vec<(String, String)>,
    /// An automaton over the rules' `from` sides, built on first use.
    matcher: OnceLock<Option<AhoCorasick>>,
}

impl PartialEq for RuleSet {
    fn eq(&self, other: &RuleSet) -> bool {
        self.inner.rules == other.inner.rules && self.inner.rejected == other.inner.rejected
    }
}

impl RuleSet {
    /// A rule set holding `rules` in the given order.
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        RuleSet::from_parts(rules, Vec::new())
    }

    fn from_parts(rules: Vec<Rule>, rejected: Vec<(String, String)>) -> RuleSet {
        RuleSet {
            inner: Arc::new(Inner {
                rules,
                rejected,
                matcher: OnceLock::new(),
            }),
        }
    }

    /// The rules, strongest first.
    pub fn rules(&self) -> &[Rule] {
        &self.inner.rules
    }

    /// Rules a reviewer rejected by commenting out their line, as
    /// `(from, to)`: learning alongside a reviewed file never brings them
    /// back.
    pub fn rejected(&self) -> &[(String, String)] {
        &self.inner.rejected
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.inner.rules.is_empty()
    }

    /// The number of rules.
    pub fn len(&self) -> usize {
        self.inner.rules.len()
    }

    /// Whether the set has, or has rejected, the rule `from → to`.
    pub fn mentions(&self, from: &str, to: &str) -> bool {
        self.inner
            .rules
            .iter()
            .any(|r| r.from == from && r.to == to)
            || self
                .inner
                .rejected
                .iter()
                .any(|(f, t)| f == from && t == to)
    }

    /// An automaton finding every rule's `from` side (pattern `k` is rule
    /// `k`), or `None` when it cannot be built.
    pub(crate) fn matcher(&self) -> Option<&AhoCorasick> {
        self.inner
            .matcher
            .get_or_init(|| AhoCorasick::new(self.inner.rules.iter().map(|r| r.from.as_str())).ok())
            .as_ref()
    }

    /// These rules followed by those of `more` that this set neither has nor
    /// rejected (reviewed rules plus newly learned ones). A whole-word rule
    /// and an in-word rule with the same sides are different rules
    /// (`portion → part` learned inside `portioniculars`, and for the word
    /// `portion` itself). Linear in the sizes of both sets.
    pub fn extended_with(&self, more: &RuleSet) -> RuleSet {
        if more.is_empty() {
            return self.clone();
        }
        let whole = |r: &Rule| r.kind == RuleKind::WholeWord;
        let has: HashSet<(&str, &str, bool)> = self
            .inner
            .rules
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str(), whole(r)))
            .collect();
        let rejected: HashSet<(&str, &str)> = self
            .inner
            .rejected
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        let added: Vec<Rule> = more
            .rules()
            .iter()
            .filter(|rule| {
                !has.contains(&(rule.from.as_str(), rule.to.as_str(), whole(rule)))
                    && !rejected.contains(&(rule.from.as_str(), rule.to.as_str()))
            })
            .cloned()
            .collect();
        if added.is_empty() {
            return self.clone();
        }
        let mut rules = self.inner.rules.clone();
        rules.extend(added);
        RuleSet::from_parts(rules, self.inner.rejected.clone())
    }

    /// The rule set in its reviewable text form (see [`RuleSet::parse`]).
    pub fn to_tsv(&self) -> String {
        let mut out = format!("{HEADER}\n{HELP}");
        for r in self.rules() {
            let examples: Vec<String> =
                r.examples.iter().map(|(s, d)| format!("{s}>{d}")).collect();
            let rate = r.rate.map(|x| format!(" rate={x:.3}")).unwrap_or_default();
            let keyness = r
                .keyness
                .map(|x| format!(" keyness={x:.1}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "{}\t{}\t{}\t# words={} tokens={} confidence={:.3}{rate}{keyness} examples={}\n",
                r.from,
                r.to,
                r.kind,
                r.words,
                r.tokens,
                r.confidence,
                examples.join(",")
            ));
        }
        for (from, to) in self.rejected() {
            out.push_str(&format!("#{from}\t{to}\n"));
        }
        out
    }

    /// Reads the text form written by [`RuleSet::to_tsv`]:
    ///
    /// * a rule line is `from<TAB>to`, optionally `<TAB>kind` (`synonym`,
    ///   `word-swap`, `glyph` or `substring`, the default), optionally
    ///   followed by a comment `# words=N tokens=N confidence=C rate=R
    ///   keyness=K examples=s>d,s>d` with the evidence it was learned from
    ///   (`rate` for glyph confusions only, `keyness` for whole-word swaps
    ///   only);
    /// * a line starting with `#` is a comment, and if what follows the `#`
    ///   is a rule line, that rule is *rejected*;
    /// * blank lines are skipped.
    ///
    /// `path` names the source in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<RuleSet> {
        let (mut rules, mut rejected) = (Vec::new(), Vec::new());
        // A byte-order mark (an editor's) is no part of the first rule.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let error = |message: String| Error::RuleSyntax {
                path: path.to_path_buf(),
                line: i + 1,
                message,
            };
            if let Some(commented) = line.strip_prefix('#') {
                if let Ok(rule) = parse_rule(commented.trim_start()) {
                    rejected.push((rule.from, rule.to));
                }
                continue;
            }
            rules.push(parse_rule(line).map_err(error)?);
        }
        Ok(RuleSet::from_parts(rules, rejected))
    }
}

/// Parses one rule line; the error is a message for [`Error::RuleSyntax`].
fn parse_rule(line: &str) -> std::result::Result<Rule, String> {
    let (data, comment) = match line.find('#') {
        Some(at) => (&line[..at], &line[at + 1..]),
        None => (line, ""),
    };
    let fields: Vec<&str> = data.trim_end().split('\t').collect();
    let (from, to, kind) = match fields.as_slice() {
        [from, to] => (*from, *to, RuleKind::Substring),
        [from, to, kind] => {
            let kind = RuleKind::from_name(kind).ok_or_else(|| {
                format!(
                    "bad kind {kind:?}, expected synonym, word-swap, glyph, substring or whole-word"
                )
            })?;
            (*from, *to, kind)
        }
        _ => return Err("expected `from<TAB>to` or `from<TAB>to<TAB>kind`".to_string()),
    };
    if from.is_empty() || to.is_empty() || from == to || from.contains(' ') || to.contains(' ') {
        return Err(format!("bad rule {from:?} -> {to:?}"));
    }
    let mut rule = Rule {
        from: from.to_string(),
        to: to.to_string(),
        kind,
        words: 1,
        tokens: 1,
        confidence: 1.0,
        rate: None,
        keyness: None,
        examples: Vec::new(),
    };
    for item in comment.split_whitespace() {
        let Some((key, value)) = item.split_once('=') else {
            continue;
        };
        let number = |name: &str| {
            value
                .parse::<usize>()
                .map_err(|_| format!("bad {name} {value:?}, expected a whole number"))
        };
        match key {
            "words" => rule.words = number("words")?,
            "tokens" => rule.tokens = number("tokens")?,
            "confidence" => {
                rule.confidence = value
                    .parse::<f64>()
                    .ok()
                    .filter(|c| (0.0..=1.0).contains(c))
                    .ok_or_else(|| format!("bad confidence {value:?}, expected 0 to 1"))?
            }
            "rate" => {
                rule.rate = Some(
                    value
                        .parse::<f64>()
                        .ok()
                        .filter(|c| (0.0..=1.0).contains(c))
                        .ok_or_else(|| format!("bad rate {value:?}, expected 0 to 1"))?,
                )
            }
            "keyness" => {
                rule.keyness = Some(
                    value
                        .parse::<f64>()
                        .ok()
                        .filter(|k| k.is_finite() && *k >= 0.0)
                        .ok_or_else(|| format!("bad keyness {value:?}, expected a number >= 0"))?,
                )
            }
            "examples" => {
                rule.examples = value
                    .split(',')
                    .filter_map(|e| e.split_once('>'))
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect()
            }
            _ => {}
        }
    }
    Ok(rule)
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
                rate: None,
                keyness: None,
                examples: vec![("attfinish".into(), "attend".into())],
            },
            Rule {
                from: "rn".into(),
                to: "m".into(),
                kind: RuleKind::Glyph,
                words: 4,
                tokens: 9,
                confidence: 0.5,
                rate: Some(0.25),
                keyness: None,
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
    fn accepts_hand_written_lines_and_remembers_rejected_ones() {
        let text = "# reviewed\nfinish\tend\n#rn\tm\n\nport\tharbor\tword-swap  # words=2\r\n";
        let rules = RuleSet::parse(text, Path::new("r.tsv")).unwrap();
        let pairs: Vec<String> = rules.rules().iter().map(|r| r.to_string()).collect();
        assert_eq!(pairs, ["finish \u{2192} end", "port \u{2192} harbor"]);
        assert_eq!(rules.rules()[1].words, 2);
        assert_eq!(rules.rejected(), [("rn".to_string(), "m".to_string())]);
        assert!(rules.mentions("rn", "m"));
        let back = RuleSet::parse(&rules.to_tsv(), Path::new("r.tsv")).unwrap();
        assert_eq!(back, rules);
    }

    #[test]
    fn extending_keeps_reviewed_rules_and_rejections() {
        let reviewed = RuleSet::parse("finish\tend\n#rn\tm\n", Path::new("r")).unwrap();
        let learned = RuleSet::parse("rn\tm\nport\tharbor\nfinish\tend\n", Path::new("l")).unwrap();
        let merged = reviewed.extended_with(&learned);
        let pairs: Vec<String> = merged.rules().iter().map(|r| r.to_string()).collect();
        assert_eq!(pairs, ["finish \u{2192} end", "port \u{2192} harbor"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        for (text, message) in [
            (
                "finish\tend\nonly-one-field\n",
                "r.tsv:2: expected `from<TAB>to` or `from<TAB>to<TAB>kind`",
            ),
            (
                "a\tb\tweird\n",
                "r.tsv:1: bad kind \"weird\", expected synonym, word-swap, glyph, substring or whole-word",
            ),
            ("a\ta\n", "r.tsv:1: bad rule \"a\" -> \"a\""),
            (
                "a\tb\tsubstring # words=x\n",
                "r.tsv:1: bad words \"x\", expected a whole number",
            ),
            (
                "a\tb\tsubstring\tx\n",
                "r.tsv:1: expected `from<TAB>to` or `from<TAB>to<TAB>kind`",
            ),
        ] {
            let err = RuleSet::parse(text, Path::new("r.tsv")).unwrap_err();
            assert_eq!(err.to_string(), message);
        }
    }
}
