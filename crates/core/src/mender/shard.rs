//! Sharded learning: count a shard's learning statistics, and decide rules
//! from statistics merged across shards — the same rules learning on all
//! the text at once gives.

use super::Mender;
use crate::formats::rules::RuleSet;
use crate::formats::stats::LearningStats;
use crate::stages::detect::{Occurrence, SuspectType};
use crate::stages::identify::is_english;
use crate::stages::tokenize::{tokenize, Case};

impl Mender {
    /// The learning statistics of `texts` (those that read as English: the
    /// sharded path is English only so far), to merge with other shards'
    /// and [`Mender::decide`] on.
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
