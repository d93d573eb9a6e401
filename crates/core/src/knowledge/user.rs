//! User: what a user adds to what textmend knows — extra valid words (a
//! list of names, a project's jargon) and words or patterns never to touch.
//!
//! Both are read from plain text files that name their errors by file and
//! line; a word list can also be compiled to an FST file
//! ([`UserWords::to_fst`]) that loads without parsing. They only widen what
//! counts as known or protected: a user word is never a suspect and may be a
//! restoration, an ignored token is neither a suspect nor evidence. A user
//! thesaurus gives a language without an embedded one the synonym prior that
//! English has (see **thesaurus**).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use fst::{IntoStreamer, Map, MapBuilder, Streamer};
use regex::Regex;

use crate::error::{Error, Result};
use crate::knowledge::language::Language;
use crate::knowledge::thesaurus::Thesaurus;

/// A thesaurus for one language, read from a MyThes `.dat` file (as
/// LibreOffice and Debian's `mythes-*` packages ship them). Learning treats
/// a substitution between two of its synonyms as English learning treats a
/// WordNet pair: as a spinner's likely choice, which needs less evidence.
/// It adds to the embedded thesaurus of its language (WordNet for English).
#[derive(Clone)]
pub struct UserThesaurus {
    pub(crate) language: Language,
    pub(crate) thesaurus: Thesaurus,
}

impl UserThesaurus {
    /// Reads a MyThes file's bytes for `language`, or the compiled form
    /// that [`UserThesaurus::compile`] makes of one; `path` names it in
    /// errors.
    pub fn from_mythes(language: Language, bytes: &[u8], path: &Path) -> Result<UserThesaurus> {
        Ok(UserThesaurus {
            language,
            thesaurus: Thesaurus::from_mythes(bytes, path)?,
        })
    }

    /// A MyThes file's bytes compiled to the form `textmend dict build
    /// --thesaurus` writes, which loads without parsing (milliseconds for
    /// the German thesaurus, whose text takes about a second); `path` names
    /// the file in errors.
    pub fn compile(bytes: &[u8], path: &Path) -> Result<Vec<u8>> {
        Ok(Thesaurus::from_mythes(bytes, path)?.to_bytes())
    }

    /// The language it serves.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether it lists `a` and `b` (lowercase) as synonyms.
    pub fn are_synonyms(&self, a: &str, b: &str) -> bool {
        self.thesaurus.are_related(a, b)
    }
}

impl std::fmt::Debug for UserThesaurus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserThesaurus")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// The lines of a word or ignore list that say something, with their
/// 1-based numbers: without a trailing `\r`, and neither blank nor a `#`
/// comment.
fn list_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(i, line)| (i + 1, line))
}

/// Extra valid words, each with a frequency per billion words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserWords {
    words: BTreeMap<String, u64>,
}

impl UserWords {
    /// No words.
    pub fn new() -> UserWords {
        UserWords::default()
    }

    /// Adds `word` (as written: `Kuleba` is known capitalised, `kuleba` in
    /// any case) with a frequency per billion words.
    pub fn add(&mut self, word: &str, frequency: u64) {
        let entry = self.words.entry(word.to_string()).or_insert(frequency);
        *entry = (*entry).max(frequency);
    }

    /// Adds the words of `other`.
    pub fn extend(&mut self, other: &UserWords) {
        for (word, &frequency) in &other.words {
            self.add(word, frequency);
        }
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words and their frequencies, sorted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.words.iter().map(|(w, &f)| (w.as_str(), f))
    }

    /// Reads a word list: one word per line, optionally followed by a tab
    /// and its frequency per billion words (0 when absent); blank lines and
    /// lines starting with `#` are skipped. `path` names the source in
    /// errors.
    pub fn parse(text: &str, path: &Path) -> Result<UserWords> {
        let mut words = UserWords::new();
        for (n, line) in list_lines(text) {
            let error = |message: &str| Error::ListSyntax {
                path: path.to_path_buf(),
                line: n,
                message: message.to_string(),
            };
            let (word, frequency) = match line.split_once('\t') {
                Some((word, frequency)) => (
                    word,
                    frequency
                        .trim()
                        .parse::<u64>()
                        .map_err(|_| error("expected `word<TAB>frequency` with a whole number"))?,
                ),
                None => (line, 0),
            };
            let word = word.trim();
            if word.is_empty() || word.contains(char::is_whitespace) {
                return Err(error("expected one word"));
            }
            words.add(word, frequency);
        }
        Ok(words)
    }

    /// Reads a word list from `bytes`: a compiled FST ([`UserWords::to_fst`])
    /// or the text form of [`UserWords::parse`].
    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<UserWords> {
        // A compiled dictionary starts with the FST format's version, a
        // little-endian u64 (NUL bytes no word list has). One cut short or
        // damaged is an error, never a panic later and never read as text:
        // the checksum over the whole file is verified before use.
        if looks_compiled(bytes) {
            let damaged = |what: &str| Error::ListSyntax {
                path: path.to_path_buf(),
                line: 1,
                message: format!(
                    "a compiled dictionary {what}; compile it again with `textmend dict build`"
                ),
            };
            let map = Map::new(bytes).map_err(|_| damaged("cut short or damaged"))?;
            map.as_fst()
                .verify()
                .map_err(|_| damaged("cut short or damaged (its checksum does not match)"))?;
            let mut words = UserWords::new();
            let mut stream = map.into_stream();
            while let Some((word, frequency)) = stream.next() {
                if let Ok(word) = std::str::from_utf8(word) {
                    words.add(word, frequency);
                }
            }
            return Ok(words);
        }
        let text = std::str::from_utf8(bytes).map_err(|e| Error::ListSyntax {
            path: path.to_path_buf(),
            line: 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            message: "not UTF-8 text and not a compiled dictionary".to_string(),
        })?;
        UserWords::parse(text, path)
    }

    /// The words compiled to an FST map (word → frequency), the format
    /// `textmend dict build` writes.
    pub fn to_fst(&self) -> Vec<u8> {
        let mut builder = MapBuilder::memory();
        for (word, &frequency) in &self.words {
            builder
                .insert(word, frequency)
                .expect("a BTreeMap's keys are sorted and unique");
        }
        builder
            .into_inner()
            .expect("building in memory cannot fail")
    }
}

/// Whether `bytes` start like a compiled dictionary (an FST of format
/// version 1 to 3), even one cut within its first bytes: the version as a
/// little-endian u64, so a first byte of 1 to 3 and then NUL bytes. Text
/// never starts so.
fn looks_compiled(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(|b| (1..=3).contains(b))
        && bytes[1..bytes.len().min(8)].iter().all(|&b| b == 0)
}

/// Tokens never to touch: exact words (matched case-insensitively) and
/// regular expressions (each matched against the whole token).
#[derive(Clone, Debug, Default)]
pub struct Ignore {
    words: HashSet<String>,
    patterns: Vec<Regex>,
}

/// The prefix that marks a regular expression in an ignore list.
const PATTERN_PREFIX: &str = "re:";

impl Ignore {
    /// Nothing ignored.
    pub fn new() -> Ignore {
        Ignore::default()
    }

    /// Reads an ignore list: one word per line, or `re:PATTERN` for a
    /// regular expression that must match the whole token (`re:[A-Z]{2,}\d*`);
    /// blank lines and lines starting with `#` are skipped. `path` names the
    /// source in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Ignore> {
        let mut ignore = Ignore::new();
        for (n, line) in list_lines(text) {
            match line.strip_prefix(PATTERN_PREFIX) {
                Some(pattern) => {
                    let regex =
                        Regex::new(&format!("^(?:{pattern})$")).map_err(|e| Error::ListSyntax {
                            path: path.to_path_buf(),
                            line: n,
                            message: format!("bad pattern: {e}"),
                        })?;
                    ignore.patterns.push(regex);
                }
                None => {
                    ignore.words.insert(line.trim().to_lowercase());
                }
            }
        }
        Ok(ignore)
    }

    /// Adds what `other` ignores.
    pub fn extend(&mut self, other: &Ignore) {
        self.words.extend(other.words.iter().cloned());
        self.patterns.extend(other.patterns.iter().cloned());
    }

    /// Whether nothing is ignored.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.patterns.is_empty()
    }

    /// Whether `token` is never to be touched.
    pub fn is_ignored(&self, token: &str) -> bool {
        (!self.words.is_empty() && self.words.contains(&token.to_lowercase()))
            || self.patterns.iter().any(|p| p.is_match(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_parse_and_compile() {
        let text = "# names\nKuleba\nbootloader\t1200\n\nZelensky\n";
        let words = UserWords::parse(text, Path::new("names.txt")).unwrap();
        let listed: Vec<(&str, u64)> = words.iter().collect();
        assert_eq!(
            listed,
            [("Kuleba", 0), ("Zelensky", 0), ("bootloader", 1200)]
        );
        let compiled = words.to_fst();
        assert_eq!(
            UserWords::from_bytes(&compiled, Path::new("x")).unwrap(),
            words
        );
        assert_eq!(
            UserWords::from_bytes(text.as_bytes(), Path::new("x")).unwrap(),
            words
        );
        let err = UserWords::parse("ok\nbad\tx\n", Path::new("w.txt")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "w.txt:2: expected `word<TAB>frequency` with a whole number"
        );
    }

    #[test]
    fn a_compiled_dictionary_cut_anywhere_is_an_error() {
        let words =
            UserWords::parse("Kuleba\nZelensky\nbootloader\t1200\n", Path::new("w")).unwrap();
        let compiled = words.to_fst();
        assert_eq!(
            UserWords::from_bytes(&compiled, Path::new("w.fst")).unwrap(),
            words
        );
        for cut in 1..compiled.len() {
            let Err(e) = UserWords::from_bytes(&compiled[..cut], Path::new("w.fst")) else {
                panic!("cut at {cut} of {} accepted", compiled.len());
            };
            assert!(
                e.to_string()
                    .starts_with("w.fst:1: a compiled dictionary cut short"),
                "{e}"
            );
        }
    }

    #[test]
    fn ignore_lists_match_words_and_whole_token_patterns() {
        let text = "Kyiv\nre:[A-Z][a-z]+ski\nre:x\\d+\n";
        let ignore = Ignore::parse(text, Path::new("i.txt")).unwrap();
        assert!(ignore.is_ignored("kyiv"));
        assert!(ignore.is_ignored("Zelenski"));
        assert!(ignore.is_ignored("x86"));
        assert!(!ignore.is_ignored("ax86"));
        assert!(!ignore.is_ignored("Kyivan"));
        let err = Ignore::parse("re:(\n", Path::new("i.txt")).unwrap_err();
        assert!(err.to_string().starts_with("i.txt:1: bad pattern"), "{err}");
    }
}
