//! Stats: what learning needs from a text, as counts that add up — so that
//! shards of a corpus too large for one machine can be counted apart
//! (`textmend learn --stats`), merged, and decided on once
//! (`textmend learn --merge`), giving the rules learning on the whole would.
//!
//! A [`LearningStats`] holds the number of words, each suspect word's token
//! count and how it was capitalised, and how often every everyday word (the
//! only strings a rule's sides can be) occurs as a substring — enough to
//! test the spinner's signature for any rule without the text — and, for
//! each word swap some document's suspects could be evidence of, how many
//! documents agree with its signature and how many contradict it, so that
//! the signature is judged where the damage is. It holds no
//! decision: which rules are true is worked out only from merged counts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;

use crate::error::{Error, Result};
use crate::knowledge::glyphs::MAX_GLYPH_CHARS;

/// The first line of a stats file.
const HEADER: &str = "# textmend stats v1";

/// Counts for one suspect word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SuspectCounts {
    pub(crate) tokens: usize,
    pub(crate) mid_capital: bool,
    pub(crate) lowercase: bool,
}

/// Mergeable learning statistics of one or more texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LearningStats {
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
}

impl LearningStats {
    /// Adds `other`'s counts to these.
    pub fn merge(&mut self, other: &LearningStats) {
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
        }
    }

    /// Counts one document's verdict on each of `pairs`: whether `to`
    /// occurs in `text` outside `from`.
    pub(crate) fn count_pairs(&mut self, text: &str, pairs: &BTreeSet<(String, String)>) {
        let mut outside: HashMap<(&str, &str), bool> = HashMap::new();
        for (from, to) in pairs {
            let against = *outside
                .entry((from.as_str(), to.as_str()))
                .or_insert_with(|| occurs_outside(text, to, from, &[]));
            let c = self.pairs.entry((from.clone(), to.clone())).or_default();
            if against {
                c.against += 1;
            } else {
                c.agree += 1;
            }
        }
    }

    /// Counts the letter sequences and the words of `text` (see
    /// [`LearningStats::letters`], [`LearningStats::finals`],
    /// [`LearningStats::word_counts`]).
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

    /// The statistics as text: a header, `words N`, then one line per
    /// suspect (`suspect KEY TOKENS FLAGS`, flags `c` for capitalised in
    /// mid-sentence and `l` for lowercase, `-` for neither) and per
    /// substring count (`substring WORD COUNT`) and letter sequence count
    /// (`letters SEQUENCE COUNT`), and per word swap a document could be
    /// evidence of (`pair FROM TO AGREE AGAINST`: documents agreeing with
    /// and contradicting its signature), tab-separated.
    pub fn to_text(&self) -> String {
        let mut out = format!("{HEADER}\nwords\t{}\n", self.words);
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
            out.push_str(&format!("pair\t{from}\t{to}\t{}\t{}\n", c.agree, c.against));
        }
        out
    }

    /// Reads the text form of [`LearningStats::to_text`]; `path` names the
    /// source in errors.
    pub fn parse(text: &str, path: &Path) -> Result<LearningStats> {
        let mut stats = LearningStats::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: &str| Error::RuleSyntax {
                path: path.to_path_buf(),
                line: i + 1,
                message: message.to_string(),
            };
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["words", n] => {
                    stats.words += n.parse::<usize>().map_err(|_| error("bad count"))?
                }
                ["suspect", key, n, flags] if !key.is_empty() => {
                    let c = stats.suspects.entry(key.to_string()).or_default();
                    c.tokens += n.parse::<usize>().map_err(|_| error("bad count"))?;
                    c.mid_capital |= flags.contains('c');
                    c.lowercase |= flags.contains('l');
                }
                ["substring", word, n] if !word.is_empty() => {
                    *stats.substrings.entry(word.to_string()).or_default() +=
                        n.parse::<u64>().map_err(|_| error("bad count"))?;
                }
                ["letters", letters, n] if !letters.is_empty() => {
                    *stats.letters.entry(letters.to_string()).or_default() +=
                        n.parse::<u64>().map_err(|_| error("bad count"))?;
                }
                ["final", letters, n] if !letters.is_empty() => {
                    *stats.finals.entry(letters.to_string()).or_default() +=
                        n.parse::<u64>().map_err(|_| error("bad count"))?;
                }
                ["word", word, n] if !word.is_empty() => {
                    *stats.word_counts.entry(word.to_string()).or_default() +=
                        n.parse::<u64>().map_err(|_| error("bad count"))?;
                }
                ["pair", from, to, agree, against] if !from.is_empty() && !to.is_empty() => {
                    let c = stats
                        .pairs
                        .entry((from.to_string(), to.to_string()))
                        .or_default();
                    c.agree += agree.parse::<u64>().map_err(|_| error("bad count"))?;
                    c.against += against.parse::<u64>().map_err(|_| error("bad count"))?;
                }
                _ => return Err(error(
                    "expected `words`, `suspect`, `substring`, `letters`, `final`, `word` or `pair` fields",
                )),
            }
        }
        Ok(stats)
    }

    fn count(&self, word: &str) -> u64 {
        self.substrings.get(word).copied().unwrap_or(0)
    }
}

impl TextView for LearningStats {
    fn words(&self) -> usize {
        self.words
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

    fn hapax_share(&self, letters: &str) -> Option<f64> {
        hapax_share_in(self.word_counts.iter(), letters)
    }
}

/// What learning needs to know of the text itself, beyond its suspects: a
/// text, or statistics gathered from texts and merged (`stats`).
pub(crate) trait TextView {
    /// The number of whitespace-separated words.
    fn words(&self) -> usize;
    /// Whether `to` occurs anywhere but inside an occurrence of `from` or of
    /// one of the `inserted` strings (see [`occurs_outside`]).
    fn occurs_outside(&self, to: &str, from: &str, inserted: &[&str]) -> bool;
    /// [`TextView::occurs_outside`] for each `(to, from)` of `queries`.
    fn occurs_outside_each(&self, queries: &[(&str, &str)], inserted: &[&str]) -> Vec<bool> {
        queries
            .iter()
            .map(|(to, from)| self.occurs_outside(to, from, inserted))
            .collect()
    }
    /// How often the lowercase letters `letters` occur in the text's words,
    /// case-folded (see [`fold_letters`]).
    fn letter_count(&self, letters: &str) -> u64;
    /// How often they occur at the end of a word.
    fn final_count(&self, letters: &str) -> u64;
    /// How often the lowercase `word` occurs as a whole word (a run of
    /// letters), case-folded.
    fn word_count(&self, word: &str) -> u64;
    /// The share of the places of the lowercase `letters` that stand in
    /// words the text holds once (`None` when it holds none).
    fn hapax_share(&self, letters: &str) -> Option<f64>;
}

/// The share of the places of `letters` in `counts` (word → occurrences)
/// that stand in words occurring once.
fn hapax_share_in<'a>(
    counts: impl Iterator<Item = (&'a String, &'a u64)>,
    letters: &str,
) -> Option<f64> {
    let (mut once, mut all) = (0u64, 0u64);
    for (word, n) in counts {
        let places = memmem::find_iter(word.as_bytes(), letters.as_bytes()).count() as u64;
        all += places * n;
        if *n == 1 {
            once += places;
        }
    }
    (all > 0).then(|| once as f64 / all as f64)
}

/// The text with every letter lowercased and everything else a space, so
/// that letter sequences are counted inside words only. ASCII, which is
/// most of any text, is folded byte by byte; other characters one by one.
pub(crate) fn fold_letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for chunk in text.split_inclusive(|c: char| !c.is_ascii()) {
        let (ascii, rest) = match chunk.char_indices().next_back() {
            Some((at, c)) if !c.is_ascii() => (&chunk[..at], Some(c)),
            _ => (chunk, None),
        };
        out.extend(ascii.bytes().map(|b| {
            if b.is_ascii_alphabetic() {
                char::from(b.to_ascii_lowercase())
            } else {
                ' '
            }
        }));
        match rest {
            Some(c) if c.is_alphabetic() => out.extend(c.to_lowercase()),
            Some(_) => out.push(' '),
            None => {}
        }
    }
    out
}

/// A text as learning sees it, with its case-folded letters worked out on
/// first use.
pub(crate) struct Text<'a> {
    text: &'a str,
    folded: OnceLock<String>,
    /// How often each word occurs, case-folded, counted on first use.
    word_counts: OnceLock<HashMap<String, u64>>,
}

impl<'a> Text<'a> {
    pub(crate) fn new(text: &'a str) -> Text<'a> {
        Text {
            text,
            folded: OnceLock::new(),
            word_counts: OnceLock::new(),
        }
    }

    fn word_counts(&self) -> &HashMap<String, u64> {
        self.word_counts.get_or_init(|| {
            let folded = self.folded.get_or_init(|| fold_letters(self.text));
            let mut counts: HashMap<String, u64> = HashMap::new();
            for word in folded.split(' ').filter(|w| !w.is_empty()) {
                match counts.get_mut(word) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(word.to_string(), 1);
                    }
                }
            }
            counts
        })
    }
}

impl TextView for Text<'_> {
    fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    fn occurs_outside(&self, to: &str, from: &str, inserted: &[&str]) -> bool {
        occurs_outside(self.text, to, from, inserted)
    }

    fn occurs_outside_each(&self, queries: &[(&str, &str)], inserted: &[&str]) -> Vec<bool> {
        if queries.len().saturating_mul(self.text.len()) <= MAX_SEPARATE_SCAN_BYTES {
            return queries
                .iter()
                .map(|(to, from)| occurs_outside(self.text, to, from, inserted))
                .collect();
        }
        occurs_outside_all(self.text, queries, inserted)
    }

    fn letter_count(&self, letters: &str) -> u64 {
        let folded = self.folded.get_or_init(|| fold_letters(self.text));
        memmem::find_iter(folded.as_bytes(), letters.as_bytes()).count() as u64
    }

    fn final_count(&self, letters: &str) -> u64 {
        self.word_counts()
            .iter()
            .filter(|(word, _)| word.ends_with(letters))
            .map(|(_, n)| n)
            .sum()
    }

    fn word_count(&self, word: &str) -> u64 {
        self.word_counts().get(word).copied().unwrap_or(0)
    }

    fn hapax_share(&self, letters: &str) -> Option<f64> {
        hapax_share_in(self.word_counts().iter(), letters)
    }
}

/// Whether `to` occurs in `text` anywhere but inside an occurrence of `from`
/// or of one of the `inserted` strings — places where a spinner's own
/// insertions may contain it (`son` in an inserted `person`).
/// Case-sensitive, like the spinners and scanners it models.
pub(crate) fn occurs_outside(text: &str, to: &str, from: &str, inserted: &[&str]) -> bool {
    let hay = text.as_bytes();
    let to = to.as_bytes();
    let hosts = hosts_of(to, from, inserted);
    memmem::find_iter(hay, to).any(|p| !inside_host(hay, p, &hosts))
}

/// Above this many bytes scanned in all (queries times text length),
/// [`TextView::occurs_outside_each`] scans the text once for every query
/// together: a long German text gives thousands of candidate rules, and
/// a `to` side the text lacks (the spinner's signature) costs a scan of the
/// whole text each, which made learning quadratic in the text's length.
const MAX_SEPARATE_SCAN_BYTES: usize = 16 << 20;

/// [`occurs_outside`] for each `(to, from)` of `queries`, in one pass over
/// `text` with an automaton of every `to`: the same answers.
fn occurs_outside_all(text: &str, queries: &[(&str, &str)], inserted: &[&str]) -> Vec<bool> {
    let mut outside = vec![false; queries.len()];
    // Distinct `to` sides, each with the queries that ask for it.
    let mut patterns: Vec<&str> = Vec::new();
    let mut asking: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (q, (to, _)) in queries.iter().enumerate() {
        if to.is_empty() {
            // An empty `to` occurs everywhere, as in `occurs_outside`.
            outside[q] = occurs_outside(text, to, queries[q].1, inserted);
            continue;
        }
        let p = *index.entry(to).or_insert_with(|| {
            patterns.push(to);
            asking.push(Vec::new());
            patterns.len() - 1
        });
        asking[p].push(q);
    }
    if patterns.is_empty() {
        return outside;
    }
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
    else {
        // Too many patterns for the automaton: one scan each.
        return queries
            .iter()
            .map(|(to, from)| occurs_outside(text, to, from, inserted))
            .collect();
    };
    // Each query's hosts: where inside them its `to` sits.
    let hosts: Vec<Vec<(&[u8], Vec<usize>)>> = queries
        .iter()
        .map(|(to, from)| hosts_of(to.as_bytes(), from, inserted))
        .collect();
    let hay = text.as_bytes();
    let mut open: Vec<usize> = asking.iter().map(Vec::len).collect();
    let mut left: usize = open.iter().sum();
    for found in automaton.find_overlapping_iter(hay) {
        let p = found.pattern().as_usize();
        if open[p] == 0 {
            continue;
        }
        for &q in &asking[p] {
            if !outside[q] && !inside_host(hay, found.start(), &hosts[q]) {
                outside[q] = true;
                open[p] -= 1;
                left -= 1;
            }
        }
        if left == 0 {
            break;
        }
    }
    outside
}

/// The hosts of `to` (`from`, then the `inserted` strings) that contain
/// it, each with the offsets of `to` inside it.
fn hosts_of<'h>(to: &[u8], from: &'h str, inserted: &[&'h str]) -> Vec<(&'h [u8], Vec<usize>)> {
    std::iter::once(from)
        .chain(inserted.iter().copied())
        .map(|host| {
            let host = host.as_bytes();
            (host, memmem::find_iter(host, to).collect())
        })
        .filter(|(_, offsets): &(&[u8], Vec<usize>)| !offsets.is_empty())
        .collect()
}

/// Whether the occurrence of a host's `to` at `p` lies inside an
/// occurrence of that host.
fn inside_host(hay: &[u8], p: usize, hosts: &[(&[u8], Vec<usize>)]) -> bool {
    hosts.iter().any(|(host, offsets)| {
        offsets
            .iter()
            .any(|&k| p >= k && hay.get(p - k..p - k + host.len()) == Some(*host))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_for_every_query_answers_as_one_scan_each() {
        let text = "The person sat; a personal son, his sonnet. Overturn the turnip in Turin.";
        let inserted = ["personal", "nip"];
        let queries = [
            ("son", "person"),
            ("son", "sonnet"),
            ("turn", "Overturn"),
            ("nip", "turnip"),
            ("Turin", "Turin"),
            ("absent", "sent"),
            ("", "x"),
            ("in", "Turin"),
        ];
        let each: Vec<bool> = queries
            .iter()
            .map(|(to, from)| occurs_outside(text, to, from, &inserted))
            .collect();
        assert_eq!(occurs_outside_all(text, &queries, &inserted), each);
        assert_eq!(each[..6], [true, true, true, false, false, false]);
    }

    #[test]
    fn merges_and_round_trips_through_text() {
        let mut a = LearningStats {
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
        let back = LearningStats::parse(&a.to_text(), Path::new("s")).unwrap();
        assert_eq!(back, a);
        let err = LearningStats::parse("words\tx\n", Path::new("s.stats")).unwrap_err();
        assert_eq!(err.to_string(), "s.stats:1: bad count");
    }

    #[test]
    fn the_signature_is_tested_on_counts() {
        let mut s = LearningStats::default();
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
        let mut s = LearningStats::default();
        s.count_pairs("They attfinish the summit.", &pairs);
        s.count_pairs("The agfinisha is long; we attfinish.", &pairs);
        let mut clean = LearningStats::default();
        clean.count_pairs("At the end of the day, finish it.", &pairs);
        s.merge(&clean);
        // The concatenation holds `end`, yet two documents of three agree.
        s.substrings.insert("end".into(), 1);
        assert_eq!(
            s.pairs[&("finish".into(), "end".into())],
            PairCounts {
                agree: 2,
                against: 1
            }
        );
        assert!(!s.occurs_outside("end", "finish", &[]));
        assert!(!s.occurs_outside("End", "Finish", &[]));
        s.merge(&clean);
        s.merge(&clean);
        assert!(s.occurs_outside("end", "finish", &[]));
        let back = LearningStats::parse(&s.to_text(), Path::new("s")).unwrap();
        assert_eq!(back, s);
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
