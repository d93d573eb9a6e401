//! Sharded learning: count a shard's learning statistics, and decide rules
//! from statistics merged across shards — the rules learning on all the
//! text at once gives, except that a word swap's signature (its restored
//! side absent where its damaged side stands in) is judged document by
//! document: each text given to [`Mender::stats`] is one document.

use std::collections::BTreeSet;

use super::Mender;
use crate::formats::rules::RuleSet;
use crate::formats::stats::LearningStats;
use crate::stages::detect::{evidence, Evidence, Occurrence, SuspectType};
use crate::stages::explain::{explain, explain_short};
use crate::stages::identify::is_english;
use crate::stages::tokenize::{tokenize, Case};

impl Mender {
    /// The learning statistics of `texts` (those that read as English: the
    /// sharded path is English only so far), to merge with other shards'
    /// and [`Mender::decide`] on. Each text is one document: the word swaps
    /// its suspects could be evidence of are checked against it alone (is
    /// the restored side absent *there*), and those verdicts are added up
    /// over documents, so that a batch mixing sources does not reject a
    /// true rule because another source's documents hold its restored word.
    pub fn stats(&self, texts: &[&str]) -> LearningStats {
        let mut stats = LearningStats::default();
        let matcher = self.everyday_words();
        for text in texts.iter().copied() {
            let tokens = tokenize(text);
            if self.language_guard && !is_english(text, &tokens) {
                continue;
            }
            let front = self.front(text, None, &self.lexicon);
            let text = &*front.text;
            stats.words += text.split_whitespace().count();
            if self.mode.glyphs() {
                stats.count_letters(text);
            }
            if self.mode.swaps() {
                stats.count_pairs(text, &self.document_pairs(text, &front.suspects));
            }
            for s in front.suspects {
                let c = stats.suspects.entry(s.key).or_default();
                c.tokens += s.occurrences.len();
                c.mid_capital |= s.mid_capital;
                c.lowercase |= s.lowercase;
            }
            for m in matcher.0.find_overlapping_iter(text) {
                *stats
                    .substrings
                    .entry(matcher.1[m.pattern().as_usize()].clone())
                    .or_default() += 1;
            }
        }
        stats
    }

    /// The word swaps `(from, to)` that the suspects of one document could
    /// be evidence of: every explanation of each suspect that may give
    /// evidence (the most frequent first, within the limits), once each.
    fn document_pairs(&self, text: &str, suspects: &[SuspectType]) -> BTreeSet<(String, String)> {
        let _ = text;
        let mut order: Vec<&SuspectType> = suspects
            .iter()
            .filter(|s| evidence(s) != Evidence::None)
            .collect();
        order.sort_by_key(|s| std::cmp::Reverse(s.occurrences.len()));
        order.truncate(self.limits.max_explained);
        let mut pairs = BTreeSet::new();
        for s in order {
            let mut found = explain(&s.key, &self.lexicon);
            let short = explain_short(&s.key, &self.lexicon, &self.thesaurus, &found);
            found.extend(short);
            pairs.extend(found.into_iter().map(|e| (e.from, e.to)));
        }
        pairs
    }

    /// The rules that merged learning statistics support: what
    /// [`Mender::learn`] gives on the texts they were counted from. Rules the
    /// mender was built with come first.
    pub fn decide(&self, stats: &LearningStats) -> RuleSet {
        let suspects: Vec<SuspectType> = stats
            .suspects
            .iter()
            .map(|(key, c)| {
                let mut s = SuspectType::new(key.clone(), &self.lexicon);
                s.occurrences = vec![
                    Occurrence {
                        span: 0..0,
                        case: Case::Lower,
                        sentence_start: false,
                    };
                    c.tokens
                ];
                s.mid_capital = c.mid_capital;
                s.lowercase = c.lowercase;
                s
            })
            .collect();
        self.rules
            .extended_with(&self.learn_from(stats, &suspects, &self.lexicon, &self.thesaurus))
    }
}
