//! Sharded learning: count a shard's learning statistics, and decide rules
//! from statistics merged across shards — the rules learning on all the
//! text at once gives, except that a word swap's signature (its restored
//! side absent where its damaged side stands in) is judged document by
//! document, and how often that side should have stood there on the words
//! of the documents that agree: each text given to [`Mender::stats`] is
//! one document. Each
//! language is counted and decided apart, with its own dictionary.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::route::masked;
use super::Mender;
use crate::formats::rules::RuleSet;
use crate::formats::stats::{Counts, LearningStats};
use crate::knowledge::language::Language;
use crate::stages::detect::{evidence, Evidence, Occurrence, SuspectType};
use crate::stages::explain::{explain, explain_short};
use crate::stages::tokenize::{tokenize, Case, Token};

impl Mender {
    /// The learning statistics of `texts`, to merge with other shards' and
    /// [`Mender::decide`] on. Each text is one document, judged and counted
    /// in its language (each paragraph in its own, where a document mixes
    /// them, as [`Mender::mend`] reads it); text in no language with a
    /// dictionary is not counted. The word swaps a document's suspects
    /// could be evidence of are checked against it alone (is the restored
    /// side absent *there*), and those verdicts are added up over
    /// documents, so that a batch mixing sources does not reject a true
    /// rule because another source's documents hold its restored word.
    pub fn stats(&self, texts: &[&str]) -> LearningStats {
        let mut stats = LearningStats::default();
        for text in texts.iter().copied() {
            let tokens = tokenize(text);
            for (language, paragraphs) in self.language_groups(text, &tokens, None) {
                let part = match &paragraphs {
                    None => Cow::Borrowed(text),
                    Some(spans) => Cow::Owned(masked(text, spans)),
                };
                let tokens = paragraphs.is_none().then_some(&tokens[..]);
                self.count(&part, tokens, language, stats.of(language));
            }
        }
        stats
    }

    /// Adds the counts of `text` (its tokens, if made), read in `language`.
    fn count(&self, text: &str, tokens: Option<&[Token]>, language: Language, counts: &mut Counts) {
        let lexicon = self.lexicon_for(language);
        let front = self.front(text, tokens, lexicon);
        let text = &*front.text;
        counts.words += front.tokens.len();
        if self.mode.glyphs() {
            counts.count_letters(text);
        }
        if self.mode.swaps() {
            let pairs = self.document_pairs(&front.suspects, language);
            counts.count_pairs(text, front.tokens.len(), &pairs);
        }
        for s in front.suspects {
            let c = counts.suspects.entry(s.key).or_default();
            c.tokens += s.occurrences.len();
            c.mid_capital |= s.mid_capital;
            c.lowercase |= s.lowercase;
        }
        let (matcher, words) = self.everyday_words(language);
        for m in matcher.find_overlapping_iter(text) {
            *counts
                .substrings
                .entry(words[m.pattern().as_usize()].clone())
                .or_default() += 1;
        }
    }

    /// The word swaps `(from, to)` that the suspects of one document could
    /// be evidence of: every explanation of each suspect that may give
    /// evidence (the most frequent first, within the limits), once each.
    fn document_pairs(
        &self,
        suspects: &[SuspectType],
        language: Language,
    ) -> BTreeSet<(String, String)> {
        let (lexicon, thesaurus) = (self.lexicon_for(language), self.thesaurus_for(language));
        let mut order: Vec<&SuspectType> = suspects
            .iter()
            .filter(|s| evidence(s) != Evidence::None)
            .collect();
        order.sort_by_key(|s| std::cmp::Reverse(s.occurrences.len()));
        order.truncate(self.limits.max_explained);
        let mut pairs = BTreeSet::new();
        for s in order {
            let mut found = explain(&s.key, lexicon);
            let short = explain_short(&s.key, lexicon, thesaurus, &found);
            found.extend(short);
            pairs.extend(
                found
                    .iter()
                    .map(|e| (e.from(&s.key).to_string(), e.to().to_string())),
            );
        }
        pairs
    }

    /// The rules that merged learning statistics support: what
    /// [`Mender::learn`] gives on the texts they were counted from, each
    /// language's learned from its own counts, with its own dictionary and
    /// thesaurus (languages in [`Language::ALL`]'s order). Rules the mender
    /// was built with come first.
    pub fn decide(&self, stats: &LearningStats) -> RuleSet {
        let mut rules = self.rules.clone();
        for (language, counts) in &stats.languages {
            let lexicon = self.lexicon_for(*language);
            let suspects: Vec<SuspectType> = counts
                .suspects
                .iter()
                .map(|(key, c)| {
                    let mut s = SuspectType::new(key.clone(), lexicon);
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
            let thesaurus = self.thesaurus_for(*language);
            rules = rules.extended_with(&self.learn_from(counts, &suspects, lexicon, thesaurus));
        }
        rules
    }
}
