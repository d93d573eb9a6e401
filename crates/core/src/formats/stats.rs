//! Stats: what learning needs from a text, as counts that add up — so that
//! shards of a corpus too large for one machine can be counted apart
//! (`textmend learn --stats`), merged, and decided on once
//! (`textmend learn --merge`), giving the rules learning on the whole would.
//!
//! A [`LearningStats`] holds, for each language apart, the number of words, each suspect word's token
//! count and how it was capitalised, and how often every everyday word (the
//! only strings a rule's sides can be) occurs as a substring — enough to
//! test the spinner's signature for any rule without the text — and, for
//! each word swap some document's suspects could be evidence of, how many
//! documents agree with its signature and how many contradict it, so that
//! the signature is judged where the damage is. It holds no
//! decision: which rules are true is worked out only from merged counts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use memchr::memmem;

use crate::error::{Error, Result};
use crate::knowledge::glyphs::MAX_GLYPH_CHARS;
use crate::knowledge::language::Language;

mod text;

use text::places_in;
use text::standing_alone;
pub(crate) use text::{fold_letters, occurs_outside, Context, Places, Text, TextView};

/// The first line of a stats file.
const HEADER: &str = "# textmend stats v1";

/// Counts for one suspect word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SuspectCounts {
    pub(crate) tokens: usize,
    pub(crate) mid_capital: bool,
    pub(crate) lowercase: bool,
}

/// Mergeable learning statistics of one or more texts, each language's
/// counted apart: a batch that mixes languages learns each language's
/// rules from that language's documents (and paragraphs) alone, with its
/// own dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LearningStats {
    pub(crate) languages: BTreeMap<Language, Counts>,
}

/// The counts of one language's texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) words: usize,
    pub(crate) suspects: BTreeMap<String, SuspectCounts>,
    /// Occurrences (overlapping) of everyday words as substrings.
    pub(crate) substrings: BTreeMap<String, u64>,
    /// Occurrences of every sequence of up to three letters inside words,
    /// case-folded: the places where a glyph confusion could have struck.
    pub(crate) letters: BTreeMap<String, u64>,
    /// Occurrences of those sequences at the end of a word: where a
    /// confusion struck tells a scanner (every place of a glyph) from a
    /// spelling (`-oit`, `-ens`, a final `-e`).
    pub(crate) finals: BTreeMap<String, u64>,
    /// Occurrences of each word, case-folded (runs of letters): how often a
    /// word a confusion restores is also printed intact.
    pub(crate) word_counts: BTreeMap<String, u64>,
    /// For each word swap `(from, to)` that some document's suspects could
    /// be evidence of: the documents where its restored side `to` does not
    /// occur outside `from` (they agree with the spinner's signature) and
    /// those where it does (they contradict it). Counted document by
    /// document, so a mixed batch judges each rule where its damage is.
    pub(crate) pairs: BTreeMap<(String, String), PairCounts>,
}

/// Documents agreeing with and contradicting one word swap's signature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PairCounts {
    pub(crate) agree: u64,
    pub(crate) against: u64,
    /// The words of the agreeing documents: the text its restored side is
    /// absent from, which says how often it should have stood there.
    pub(crate) agree_words: u64,
    /// How often `from` stands as a word of its own in the agreeing
    /// documents (see [`TextView::stand_ins`]).
    pub(crate) agree_stand_ins: u64,
}

impl LearningStats {
    /// Adds `other`'s counts to these, language by language.
    pub fn merge(&mut self, other: &LearningStats) {
        for (language, counts) in &other.languages {
            self.languages.entry(*language).or_default().merge(counts);
        }
    }

    /// The counts of `language`'s texts, to add to.
    pub(crate) fn of(&mut self, language: Language) -> &mut Counts {
        self.languages.entry(language).or_default()
    }

    /// The statistics as text: a header, then for each language a
    /// `language<TAB>CODE` line and its counts: `words N`, and a line per
    /// suspect, substring, letter sequence, word and word swap counted.
    pub fn to_text(&self) -> String {
        let mut out = format!("{HEADER}\n");
        for (language, counts) in &self.languages {
            out.push_str(&format!("language\t{}\n", language.code()));
            counts.write(&mut out);
        }
        out
    }

    /// Reads the text form of [`LearningStats::to_text`]; `path` names the
    /// source in errors. Counts before any `language` line are English's
    /// (files written before languages were counted apart).
    pub fn parse(text: &str, path: &Path) -> Result<LearningStats> {
        let mut stats = LearningStats::default();
        let mut language = Language::English;
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: &str| Error::RuleSyntax {
                path: path.to_path_buf(),
                line: i + 1,
                message: message.to_string(),
            };
            if let Some(code) = line.strip_prefix("language\t") {
                language = Language::from_code(code).ok_or_else(|| error("unknown language"))?;
                continue;
            }
            stats.of(language).parse_line(line).map_err(error)?;
        }
        // A language section without counts is no language counted.
        stats.languages.retain(|_, c| *c != Counts::default());
        Ok(stats)
    }
}

impl Counts {
    /// Adds `other`'s counts to these.
    fn merge(&mut self, other: &Counts) {
        self.words += other.words;
        for (key, c) in &other.suspects {
            let mine = self.suspects.entry(key.clone()).or_default();
            mine.tokens += c.tokens;
            mine.mid_capital |= c.mid_capital;
            mine.lowercase |= c.lowercase;
        }
        for (word, n) in &other.substrings {
            *self.substrings.entry(word.clone()).or_default() += n;
        }
        for (letters, n) in &other.letters {
            *self.letters.entry(letters.clone()).or_default() += n;
        }
        for (letters, n) in &other.finals {
            *self.finals.entry(letters.clone()).or_default() += n;
        }
        for (word, n) in &other.word_counts {
            *self.word_counts.entry(word.clone()).or_default() += n;
        }
        for (pair, c) in &other.pairs {
            let mine = self.pairs.entry(pair.clone()).or_default();
            mine.agree += c.agree;
            mine.against += c.against;
            mine.agree_words += c.agree_words;
            mine.agree_stand_ins += c.agree_stand_ins;
        }
    }

    /// Counts one document's verdict on each of `pairs`: whether `to`
    /// occurs in `text` (of `words` words) outside `from`.
    pub(crate) fn count_pairs(
        &mut self,
        text: &str,
        words: usize,
        pairs: &BTreeSet<(String, String)>,
    ) {
        let mut outside: HashMap<(&str, &str), bool> = HashMap::new();
        let document = Text::new(text, words);
        for (from, to) in pairs {
            let against = *outside
                .entry((from.as_str(), to.as_str()))
                .or_insert_with(|| occurs_outside(text, to, from, &[]));
            let c = self.pairs.entry((from.clone(), to.clone())).or_default();
            if against {
                c.against += 1;
            } else {
                c.agree += 1;
                c.agree_words += words as u64;
                c.agree_stand_ins += document.stand_ins(&from.to_lowercase(), to);
            }
        }
    }

    /// Counts the letter sequences and the words of `text` (see
    /// [`Counts::letters`], [`Counts::finals`], [`Counts::word_counts`]).
    pub(crate) fn count_letters(&mut self, text: &str) {
        let folded = fold_letters(text);
        let mut counts: HashMap<&str, u64> = HashMap::new();
        let mut finals: HashMap<&str, u64> = HashMap::new();
        let mut words: HashMap<&str, u64> = HashMap::new();
        for word in folded.split(' ').filter(|w| !w.is_empty()) {
            *words.entry(word).or_default() += 1;
            let bounds: Vec<usize> = word
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(word.len()))
                .collect();
            for (a, &start) in bounds.iter().enumerate() {
                for &end in bounds[a + 1..].iter().take(MAX_GLYPH_CHARS) {
                    *counts.entry(&word[start..end]).or_default() += 1;
                    if end == word.len() {
                        *finals.entry(&word[start..end]).or_default() += 1;
                    }
                }
            }
        }
        for (letters, n) in counts {
            *self.letters.entry(letters.to_string()).or_default() += n;
        }
        for (letters, n) in finals {
            *self.finals.entry(letters.to_string()).or_default() += n;
        }
        for (word, n) in words {
            *self.word_counts.entry(word.to_string()).or_default() += n;
        }
    }

    /// The counts as lines: `words N`, then one line per suspect
    /// (`suspect KEY TOKENS FLAGS`, flags `c` for capitalised in
    /// mid-sentence and `l` for lowercase, `-` for neither) and per
    /// substring count (`substring WORD COUNT`), letter sequence count
    /// (`letters SEQUENCE COUNT`, `final SEQUENCE COUNT`) and word count
    /// (`word WORD COUNT`), and per word swap a document could be evidence
    /// of (`pair FROM TO AGREE AGAINST AGREE_WORDS STAND_INS`: documents
    /// agreeing with and contradicting its signature, the agreeing ones'
    /// words and how often `from` stands alone in them), tab-separated.
    fn write(&self, out: &mut String) {
        out.push_str(&format!("words\t{}\n", self.words));
        for (key, c) in &self.suspects {
            let flags = match (c.mid_capital, c.lowercase) {
                (true, true) => "cl",
                (true, false) => "c",
                (false, true) => "l",
                (false, false) => "-",
            };
            out.push_str(&format!("suspect\t{key}\t{}\t{flags}\n", c.tokens));
        }
        for (word, n) in &self.substrings {
            out.push_str(&format!("substring\t{word}\t{n}\n"));
        }
        for (letters, n) in &self.letters {
            out.push_str(&format!("letters\t{letters}\t{n}\n"));
        }
        for (letters, n) in &self.finals {
            out.push_str(&format!("final\t{letters}\t{n}\n"));
        }
        for (word, n) in &self.word_counts {
            out.push_str(&format!("word\t{word}\t{n}\n"));
        }
        for ((from, to), c) in &self.pairs {
            out.push_str(&format!(
                "pair\t{from}\t{to}\t{}\t{}\t{}\t{}\n",
                c.agree, c.against, c.agree_words, c.agree_stand_ins
            ));
        }
    }

    /// Adds the counts of one line of [`Counts::write`]'s form.
    fn parse_line(&mut self, line: &str) -> std::result::Result<(), &'static str> {
        let count = |n: &str| n.parse::<u64>().map_err(|_| "bad count");
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["words", n] => self.words += count(n)? as usize,
            ["suspect", key, n, flags] if !key.is_empty() => {
                let c = self.suspects.entry(key.to_string()).or_default();
                c.tokens += count(n)? as usize;
                c.mid_capital |= flags.contains('c');
                c.lowercase |= flags.contains('l');
            }
            ["substring", word, n] if !word.is_empty() => {
                *self.substrings.entry(word.to_string()).or_default() += count(n)?;
            }
            ["letters", letters, n] if !letters.is_empty() => {
                *self.letters.entry(letters.to_string()).or_default() += count(n)?;
            }
            ["final", letters, n] if !letters.is_empty() => {
                *self.finals.entry(letters.to_string()).or_default() += count(n)?;
            }
            ["word", word, n] if !word.is_empty() => {
                *self.word_counts.entry(word.to_string()).or_default() += count(n)?;
            }
            ["pair", from, to, agree, against, rest @ ..]
                if !from.is_empty() && !to.is_empty() && (rest.is_empty() || rest.len() == 2) =>
            {
                let c = self
                    .pairs
                    .entry((from.to_string(), to.to_string()))
                    .or_default();
                c.agree += count(agree)?;
                c.against += count(against)?;
                // Files written before the agreeing documents' words were
                // counted leave them unknown: none.
                if let [agree_words, stand_ins] = rest {
                    c.agree_words += count(agree_words)?;
                    c.agree_stand_ins += count(stand_ins)?;
                }
            }
            _ => return Err(
                "expected `language`, `words`, `suspect`, `substring`, `letters`, `final`, `word` or `pair` fields",
            ),
        }
        Ok(())
    }

    fn count(&self, word: &str) -> u64 {
        self.substrings.get(word).copied().unwrap_or(0)
    }
}

impl TextView for Counts {
    fn words(&self) -> usize {
        self.words
    }

    /// The words of the documents where `to` was found absent though
    /// `from` stood in for it, for a pair the documents were asked about:
    /// a batch's other documents say nothing of how often `to` should
    /// have stood there.
    fn words_for(&self, from: &str, to: &str) -> usize {
        let key = (from.to_lowercase(), to.to_lowercase());
        match self.pairs.get(&key) {
            Some(c) => usize::try_from(c.agree_words).unwrap_or(usize::MAX),
            None => self.words,
        }
    }

    /// In the documents that agreed with the pair's signature only.
    fn stand_ins(&self, from: &str, to: &str) -> u64 {
        match self.pairs.get(&(from.to_lowercase(), to.to_lowercase())) {
            Some(c) => c.agree_stand_ins,
            None => standing_alone(self, from),
        }
    }

    /// Occurrences of `to` minus those inside occurrences of the hosts that
    /// contain it: each host occurrence holds `to` as often as the host's
    /// spelling does.
    fn occurs_outside(&self, to: &str, from: &str, inserted: &[&str]) -> bool {
        // Judged document by document where the documents were asked
        // (lowercase sides): more documents hold the restored side where
        // the damage is than do not.
        let key = (from.to_lowercase(), to.to_lowercase());
        if let Some(c) = self.pairs.get(&key) {
            return c.against > 0 && c.against >= c.agree;
        }
        let mut hosts: Vec<&str> = std::iter::once(from)
            .chain(inserted.iter().copied())
            .collect();
        hosts.sort_unstable();
        hosts.dedup();
        let covered: u64 = hosts
            .iter()
            .map(|host| {
                self.count(host) * memmem::find_iter(host.as_bytes(), to.as_bytes()).count() as u64
            })
            .sum();
        self.count(to) > covered
    }

    fn letter_count(&self, letters: &str) -> u64 {
        self.letters.get(letters).copied().unwrap_or(0)
    }

    fn final_count(&self, letters: &str) -> u64 {
        self.finals.get(letters).copied().unwrap_or(0)
    }

    fn word_count(&self, word: &str) -> u64 {
        self.word_counts.get(word).copied().unwrap_or(0)
    }

    fn places(&self, letters: &str) -> Places {
        places_in(self.word_counts.iter(), letters)
    }

    fn count_distinct_words(&self, keep: &dyn Fn(&str) -> bool) -> usize {
        self.word_counts.keys().filter(|w| keep(w)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_and_round_trips_through_text() {
        let mut a = Counts {
            words: 10,
            ..Default::default()
        };
        a.suspects.insert(
            "attfinish".into(),
            SuspectCounts {
                tokens: 2,
                mid_capital: false,
                lowercase: true,
            },
        );
        a.substrings.insert("finish".into(), 3);
        let mut b = a.clone();
        b.suspects.get_mut("attfinish").unwrap().mid_capital = true;
        a.merge(&b);
        assert_eq!(a.words, 20);
        assert_eq!(a.suspects["attfinish"].tokens, 4);
        assert!(a.suspects["attfinish"].mid_capital);
        assert_eq!(a.substrings["finish"], 6);
        let mut stats = LearningStats::default();
        stats.of(Language::German).merge(&a);
        stats.of(Language::English).merge(&b);
        let back = LearningStats::parse(&stats.to_text(), Path::new("s")).unwrap();
        assert_eq!(back, stats);
        let mut twice = back.clone();
        twice.merge(&stats);
        assert_eq!(twice.languages[&Language::German].words, 40);
        assert_eq!(twice.languages[&Language::English].words, 20);
        // Counts before any `language` line are English's.
        let old = LearningStats::parse("words\t7\n", Path::new("s")).unwrap();
        assert_eq!(old.languages[&Language::English].words, 7);
        let err = LearningStats::parse("words\tx\n", Path::new("s.stats")).unwrap_err();
        assert_eq!(err.to_string(), "s.stats:1: bad count");
        let err = LearningStats::parse("language\txx\n", Path::new("s.stats")).unwrap_err();
        assert_eq!(err.to_string(), "s.stats:1: unknown language");
    }

    #[test]
    fn the_signature_is_tested_on_counts() {
        let mut s = Counts::default();
        s.substrings.insert("son".into(), 3);
        s.substrings.insert("person".into(), 2);
        assert!(s.occurs_outside("son", "person", &[]));
        s.substrings.insert("son".into(), 2);
        assert!(!s.occurs_outside("son", "person", &[]));
        assert!(!s.occurs_outside("end", "finish", &[]));
    }

    #[test]
    fn the_signature_is_judged_document_by_document_where_counted() {
        let pairs: BTreeSet<(String, String)> = [("finish".to_string(), "end".to_string())].into();
        // Two spun documents without `end`, one clean one with it.
        let mut s = Counts::default();
        s.count_pairs("They attfinish the summit.", 4, &pairs);
        s.count_pairs("The agfinisha is long; we attfinish.", 6, &pairs);
        let mut clean = Counts::default();
        clean.count_pairs("At the end of the day, finish it.", 8, &pairs);
        s.merge(&clean);
        // The concatenation holds `end`, yet two documents of three agree.
        s.substrings.insert("end".into(), 1);
        assert_eq!(
            s.pairs[&("finish".into(), "end".into())],
            PairCounts {
                agree: 2,
                against: 1,
                agree_words: 10,
                agree_stand_ins: 0,
            }
        );
        // How often `end` should have stood is judged on the two agreeing
        // documents' words, and the clean one's `finish` standing alone is
        // no stand-in: that document holds `end`.
        s.words = 18;
        assert_eq!(s.words_for("Finish", "end"), 10);
        assert_eq!(s.stand_ins("finish", "end"), 0);
        assert_eq!(s.words_for("start", "begin"), 18);
        assert!(!s.occurs_outside("end", "finish", &[]));
        assert!(!s.occurs_outside("End", "Finish", &[]));
        s.merge(&clean);
        s.merge(&clean);
        assert!(s.occurs_outside("end", "finish", &[]));
        let mut stats = LearningStats::default();
        stats.of(Language::English).merge(&s);
        let back = LearningStats::parse(&stats.to_text(), Path::new("s")).unwrap();
        assert_eq!(back, stats);
        // Files written before the agreeing documents' words were counted
        // still read, with none.
        let old = stats.to_text().replace("\t10\t0\n", "\n");
        let read = LearningStats::parse(&old, Path::new("s")).unwrap();
        assert_eq!(
            read.languages[&Language::English].words_for("finish", "end"),
            0
        );
    }

    #[test]
    fn the_replaced_side_may_only_survive_inside_the_replacement() {
        assert!(!occurs_outside(
            "a person and a personal",
            "son",
            "person",
            &[]
        ));
        assert!(occurs_outside(
            "a person and a parson",
            "son",
            "person",
            &[]
        ));
        assert!(!occurs_outside(
            "a person and a parson",
            "son",
            "person",
            &["parson"]
        ));
        assert!(occurs_outside("a person and his son", "son", "person", &[]));
        assert!(!occurs_outside(
            "attfinish the agfinisha",
            "end",
            "finish",
            &[]
        ));
        assert!(occurs_outside("the end", "end", "finish", &[]));
        assert!(!occurs_outside("End of story", "end", "finish", &[]));
    }

    #[test]
    fn folds_letters_and_blanks_the_rest() {
        assert_eq!(fold_letters("Straße, NAÏVE 1ike"), "straße  naïve  ike");
        assert_eq!(fold_letters(""), "");
        assert_eq!(fold_letters("É"), "é");
    }
}
