//! The text as learning sees it: a [`TextView`] answers what learning needs
//! to know of a text beyond its suspects (its length, where a rule's `to`
//! side occurs, letter and word counts), for a whole text ([`Text`]) or for
//! merged statistics ([`LearningStats`](super::LearningStats)). The
//! signature queries live here because they are the costly part: one scan
//! of the text per rule, or one automaton pass for them all.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;

use crate::knowledge::morphology::regular_forms;

/// What learning needs to know of the text itself, beyond its suspects: a
/// text, or statistics gathered from texts and merged (`stats`).
pub(crate) trait TextView {
    /// The number of running words: word tokens, not code, numbers or
    /// identifiers, which a word's frequency per billion is not counted
    /// against.
    fn words(&self) -> usize;
    /// The words of the text where the damaged side of a word swap `from →
    /// to` stands in for its restored side, which say how often that side
    /// should have stood there: the whole text's, but in a batch's
    /// statistics those of the documents that held `from` without `to`.
    fn words_for(&self, _from: &str, _to: &str) -> usize {
        self.words()
    }
    /// How often `from` (lowercase), in its regular forms, stands in the
    /// text as a word of its own, where a word swap `from → to` is judged:
    /// the whole text, but in a batch's statistics the documents that held
    /// `from` without `to`.
    fn stand_ins(&self, from: &str, _to: &str) -> u64 {
        standing_alone(self, from)
    }
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
    /// Where the places of the lowercase `letters` stand in the text's
    /// words: at their start, beside which letters, in words the text
    /// holds once.
    fn places(&self, letters: &str) -> Places;
    /// How many distinct words of the text (lowercase, case-folded) `keep`
    /// accepts.
    fn count_distinct_words(&self, keep: &dyn Fn(&str) -> bool) -> usize;
}

/// How often `from` (lowercase), in its regular forms, stands as a word of
/// its own in `text`, all of it.
pub(crate) fn standing_alone(text: &(impl TextView + ?Sized), from: &str) -> u64 {
    regular_forms(from).iter().map(|f| text.word_count(f)).sum()
}

/// Where in a word some letters stand: what a spelling keeps to and a
/// scanner's misreading ignores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Context {
    /// At the start of the word, or not.
    Start,
    Inside,
    /// Right after a letter, right before one, or between two.
    After(char),
    Before(char),
    Between(char, char),
}

impl Context {
    /// The contexts of the place of `letters` at byte `at` of `word`.
    pub(crate) fn of(word: &str, at: usize, letters: &str) -> impl Iterator<Item = Context> {
        let before = word[..at].chars().next_back();
        let after = word
            .get(at + letters.len()..)
            .and_then(|w| w.chars().next());
        [
            Some(if before.is_none() {
                Context::Start
            } else {
                Context::Inside
            }),
            before.map(Context::After),
            after.map(Context::Before),
            before.zip(after).map(|(b, a)| Context::Between(b, a)),
        ]
        .into_iter()
        .flatten()
    }
}

/// Where the places of some letters stand in a text's words, each counted
/// once per occurrence of its word.
#[derive(Debug, Default)]
pub(crate) struct Places {
    /// Every place.
    pub(crate) all: u64,
    /// The places in words the text holds once.
    pub(crate) once: u64,
    /// The places in each context.
    pub(crate) by: HashMap<Context, u64>,
}

impl Places {
    /// The share of the places that stand in words the text holds once
    /// (`None` when there are none).
    pub(crate) fn hapax_share(&self) -> Option<f64> {
        (self.all > 0).then(|| self.once as f64 / self.all as f64)
    }
}

/// [`Places`] of `letters` in `counts` (word → occurrences).
pub(super) fn places_in<'a>(
    counts: impl Iterator<Item = (&'a String, &'a u64)>,
    letters: &str,
) -> Places {
    let mut places = Places::default();
    for (word, n) in counts {
        for at in memmem::find_iter(word.as_bytes(), letters.as_bytes()) {
            places.all += n;
            if *n == 1 {
                places.once += 1;
            }
            for context in Context::of(word, at, letters) {
                *places.by.entry(context).or_default() += n;
            }
        }
    }
    places
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
    /// Its running words (its word tokens).
    words: usize,
    folded: OnceLock<String>,
    /// How often each word occurs, case-folded, counted on first use.
    word_counts: OnceLock<HashMap<String, u64>>,
}

impl<'a> Text<'a> {
    /// `text`, which holds `words` word tokens.
    pub(crate) fn new(text: &'a str, words: usize) -> Text<'a> {
        Text {
            text,
            words,
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
        self.words
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

    fn places(&self, letters: &str) -> Places {
        places_in(self.word_counts().iter(), letters)
    }

    fn count_distinct_words(&self, keep: &dyn Fn(&str) -> bool) -> usize {
        self.word_counts().keys().filter(|w| keep(w)).count()
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
}
