//! Learning: explain the suspects that may give evidence (in parallel, the
//! most frequent first, within the limits) and learn word swaps, then glyph
//! confusions, then whole-word swaps from a batch.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use super::memo::MAX_MEMO_WORDS;
use super::Mender;
use crate::formats::rules::RuleSet;
use crate::formats::stats::{Text, TextView};
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::thesaurus::Thesaurus;
use crate::stages::detect::{evidence, gives_glyph_evidence, Evidence, SuspectType};
use crate::stages::explain::{
    everyday_words, explain, explain_short, learnable_misreadings, Explanation, Misreading,
};
use crate::stages::learn::{
    is_scanned, learn, learn_confusions, repaired_by, MIN_KNOWN_SUPPORT, MIN_WORD_SWAP_SUPPORT,
};
use crate::stages::swaps::{self, Source};

impl Mender {
    /// Learns rules from several texts at once, pooling their evidence (a
    /// batch of articles from one spun site shares one spinner table). Rules
    /// are per language: the batch is learned in the language most of its
    /// texts are in (or the given one), and texts in other languages are
    /// left out. Rules the mender was built with come first; learned rules
    /// they reject are left out.
    pub fn learn(&self, texts: &[&str]) -> RuleSet {
        let judged: Vec<(&str, Option<Language>)> =
            texts.iter().map(|t| (*t, self.language_of(t))).collect();
        let Some(language) = Language::ALL.into_iter().max_by_key(|l| {
            let n = judged.iter().filter(|(_, j)| *j == Some(*l)).count();
            // Ties go to the earlier language (English first).
            (n, std::cmp::Reverse(*l))
        }) else {
            return self.rules.clone();
        };
        let chosen: Vec<&str> = judged
            .iter()
            .filter(|(_, j)| *j == Some(language))
            .map(|(t, _)| *t)
            .collect();
        let lexicon = self.lexicon_for(language);
        let thesaurus = self.thesaurus_for(language);
        let joined = chosen.join("\n\n");
        let front = self.front(&joined, None, lexicon);
        let (joined, tokens, suspects) = (&*front.text, &*front.tokens, &front.suspects);
        let rules = self.rules.extended_with(&self.learn_from(
            &Text::new(joined, tokens.len()),
            suspects,
            lexicon,
            thesaurus,
        ));
        if !self.mode.swaps() {
            return rules;
        }
        // Whole-word swaps, from the batch's word counts together.
        let source = Source {
            text: joined,
            tokens,
            edits: &[],
        };
        let learned = swaps::learn(&[source], &rules, &self.knowledge(language));
        rules.extended_with(&RuleSet::new(learned))
    }

    /// An automaton over the everyday words of `language` (the only
    /// strings a rule's sides can be), and the words by pattern number;
    /// built on first use.
    pub(super) fn everyday_words(&self, language: Language) -> &(AhoCorasick, Vec<String>) {
        let slot = Language::ALL
            .iter()
            .position(|l| *l == language)
            .expect("every language is in Language::ALL");
        self.everyday[slot].get_or_init(|| {
            let words = everyday_words(self.lexicon_for(language));
            let matcher = AhoCorasick::new(&words).expect("dictionary words always build");
            (matcher, words)
        })
    }

    /// Explains the suspects that may give evidence (the most frequent
    /// first, within the limits), and learns from them: word swaps first,
    /// then glyph confusions from the suspects no word swap repairs.
    pub(super) fn learn_from(
        &self,
        text: &dyn TextView,
        suspects: &[SuspectType],
        lexicon: &Lexicon,
        thesaurus: &Thesaurus,
    ) -> RuleSet {
        self.learn_with_spelling(text, suspects, lexicon, thesaurus)
            .0
    }

    /// [`Mender::learn_from`], and the suspects (as indices) that the
    /// text showed to be its own spelling, which no rule may rewrite.
    pub(super) fn learn_with_spelling(
        &self,
        text: &dyn TextView,
        suspects: &[SuspectType],
        lexicon: &Lexicon,
        thesaurus: &Thesaurus,
    ) -> (RuleSet, HashSet<usize>) {
        let mut spelled = HashSet::new();
        let started = Instant::now();
        let in_time = || {
            self.limits
                .time_budget
                .is_none_or(|budget| started.elapsed() <= budget)
        };
        let by_frequency = |keep: &dyn Fn(&SuspectType) -> bool| {
            let mut order: Vec<usize> = (0..suspects.len())
                .filter(|&i| keep(&suspects[i]))
                .collect();
            order.sort_by_key(|&i| std::cmp::Reverse(suspects[i].occurrences.len()));
            order.truncate(self.limits.max_explained);
            order
        };
        let mut rules = Vec::new();
        // The memos serve many short texts that share names and rare words;
        // a long text's own suspects would only flush them, and keep its
        // explanations in memory after it is learned from.
        let at = (text.words() <= MAX_MEMO_WORDS)
            .then(|| self.memo_at(lexicon, thesaurus))
            .flatten();
        if self.mode.swaps() {
            let mut explanations: Vec<Arc<[Explanation]>> = vec![Arc::from([]); suspects.len()];
            // Each suspect is explained on its own: spread over the cores.
            let explained: Vec<(usize, Arc<[Explanation]>)> =
                by_frequency(&|s| evidence(s) != Evidence::None)
                    .into_par_iter()
                    .filter(|_| in_time())
                    .map(|i| {
                        let key = &suspects[i].key;
                        let compute = || {
                            let mut found = explain(key, lexicon);
                            let short = explain_short(key, lexicon, thesaurus, &found);
                            found.extend(short);
                            found
                        };
                        let found = match at {
                            Some(at) => self.memos.explanations(key, at, compute),
                            None => compute().into(),
                        };
                        (i, found)
                    })
                    .collect();
            for (i, found) in explained {
                explanations[i] = found;
            }
            let swaps = learn(text, suspects, &explanations, lexicon, thesaurus);
            rules.extend(swaps.rules().iter().cloned());
        }
        if self.mode.glyphs() {
            let claimed = repaired_by(suspects, &rules, lexicon);
            let mut found: Vec<Arc<[Misreading]>> = vec![Arc::from([]); suspects.len()];
            let mut readable = by_frequency(&gives_glyph_evidence);
            readable.retain(|i| !claimed.contains(i));
            // A confusion needs that many distinct damaged words: with
            // fewer suspects to read, none can be learned (most short
            // clean records), and the dictionary walks are saved.
            if readable.len() < MIN_KNOWN_SUPPORT {
                readable.clear();
            }
            let read: Vec<(usize, Arc<[Misreading]>)> = readable
                .into_par_iter()
                .filter(|_| in_time())
                .map(|i| {
                    let key = &suspects[i].key;
                    let compute = || learnable_misreadings(key, lexicon);
                    let found = match at {
                        // The thesaurus plays no part.
                        Some((at, _)) => self.memos.misreadings(key, (at, 0), compute),
                        None => compute().into(),
                    };
                    (i, found)
                })
                .collect();
            for (i, misread) in read {
                found[i] = misread;
            }
            let confusions = learn_confusions(text, suspects, &found, &claimed, lexicon);
            if is_scanned(&confusions.rules) {
                rules.retain(|r| r.words >= MIN_WORD_SWAP_SUPPORT);
            }
            rules.extend(confusions.rules);
            spelled = confusions.spelled;
        }
        (RuleSet::new(rules), spelled)
    }
}
