//! Repetition across documents: a line that many documents of one source
//! share (a menu entry, a subscription blurb, a newsletter prompt) is that
//! source's furniture. [`CleanerStats`] counts, for every line fingerprint,
//! the documents that hold it; counts add up, so shards and `--group-by`
//! groups are counted apart and merged, as [`crate::LearningStats`] are.
//! What we write we read back: [`CleanerStats::to_text`] and
//! [`CleanerStats::parse`].

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::error::{Error, Result};

use super::lines::{letters, Line};

/// The first line of a cleaner stats file.
const HEADER: &str = "# textmend cleaner stats v1";

/// How many documents of one source hold each line, by fingerprint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CleanerStats {
    documents: u64,
    lines: BTreeMap<u64, u64>,
}

/// A line's fingerprint: FNV-1a (64 bits) of its shape — lowercased, runs
/// of white space as one space, runs of digits as `0` — so that "5 min
/// read" and "12 min read" are one line. Stable across runs and machines;
/// `None` for lines with fewer than two letters.
pub(super) fn fingerprint(line: &Line) -> Option<u64> {
    if line.blank || letters(line.text) < 2 {
        return None;
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in line.shape.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    Some(hash)
}

impl CleanerStats {
    /// Empty counts.
    pub fn new() -> CleanerStats {
        CleanerStats::default()
    }

    /// Counts one document's lines (each distinct line once).
    pub(super) fn add_lines(&mut self, lines: &[Line]) {
        self.documents += 1;
        let distinct: HashSet<u64> = lines.iter().filter_map(fingerprint).collect();
        for f in distinct {
            *self.lines.entry(f).or_default() += 1;
        }
    }

    /// Adds `other`'s counts to these.
    pub fn merge(&mut self, other: &CleanerStats) {
        self.documents += other.documents;
        for (f, n) in &other.lines {
            *self.lines.entry(*f).or_default() += n;
        }
    }

    /// The number of documents counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// The number of documents that hold a line with this fingerprint.
    pub(super) fn count(&self, fingerprint: u64) -> u64 {
        self.lines.get(&fingerprint).copied().unwrap_or(0)
    }

    /// The counts as text: a header, `documents<TAB>N`, then one
    /// `FINGERPRINT<TAB>DOCUMENTS` line (16 hex digits) per line seen in
    /// more than one document. Lines seen once can never be repeated
    /// furniture, and leaving them out keeps the file small; merging two
    /// files therefore undercounts a line seen once in each, which only
    /// makes the rule more careful.
    pub fn to_text(&self) -> String {
        let mut out = format!("{HEADER}\ndocuments\t{}\n", self.documents);
        for (f, n) in &self.lines {
            if *n > 1 {
                out.push_str(&format!("{f:016x}\t{n}\n"));
            }
        }
        out
    }

    /// Reads what [`CleanerStats::to_text`] wrote; `path` names the source
    /// in errors.
    pub fn parse(text: &str, path: &Path) -> Result<CleanerStats> {
        let error = |line: usize, message: String| Error::ListSyntax {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut rows = text.lines().enumerate();
        match rows.next() {
            Some((_, HEADER)) => {}
            _ => return Err(error(1, format!("expected `{HEADER}`"))),
        }
        let mut stats = CleanerStats::new();
        let mut seen_documents = false;
        for (k, row) in rows {
            let number = k + 1;
            if row.is_empty() || row.starts_with('#') {
                continue;
            }
            let Some((key, value)) = row.split_once('\t') else {
                return Err(error(
                    number,
                    format!("expected KEY<TAB>COUNT, got `{row}`"),
                ));
            };
            let count: u64 = value
                .parse()
                .map_err(|_| error(number, format!("expected a count, got `{value}`")))?;
            if key == "documents" {
                stats.documents = count;
                seen_documents = true;
            } else {
                let f = u64::from_str_radix(key, 16)
                    .ok()
                    .filter(|_| key.len() == 16);
                let Some(f) = f else {
                    return Err(error(
                        number,
                        format!("expected a 16-digit hex fingerprint, got `{key}`"),
                    ));
                };
                if count > stats.documents {
                    return Err(error(
                        number,
                        format!("{count} documents for one line, of {}", stats.documents),
                    ));
                }
                *stats.lines.entry(f).or_default() += count;
            }
        }
        if !seen_documents {
            return Err(error(1, "expected a `documents` line".to_string()));
        }
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::super::vocab::Vocabulary;
    use super::*;

    fn stats(texts: &[&str]) -> CleanerStats {
        let vocab = Vocabulary::new();
        let mut stats = CleanerStats::new();
        for text in texts {
            stats.add_lines(&lines(text, &vocab));
        }
        stats
    }

    #[test]
    fn documents_count_once_per_line_and_numbers_do_not_matter() {
        let s = stats(&[
            "Home\nHome\n5 min read\nOne.\n",
            "home\n12 min read\nTwo.\n",
        ]);
        let vocab = Vocabulary::new();
        let home = fingerprint(&lines("Home", &vocab)[0]).unwrap();
        let read = fingerprint(&lines("7 min read", &vocab)[0]).unwrap();
        assert_eq!((s.documents(), s.count(home), s.count(read)), (2, 2, 2));
        assert_eq!(fingerprint(&lines("1", &vocab)[0]), None);
    }

    #[test]
    fn merged_shards_equal_the_whole_and_text_round_trips() {
        let texts = ["Menu\nA.\n", "Menu\nB.\n", "Menu\nShare\nC.\n"];
        let mut merged = stats(&texts[..1]);
        merged.merge(&stats(&texts[1..]));
        let whole = stats(&texts);
        assert_eq!(merged, whole);
        let back = CleanerStats::parse(&whole.to_text(), Path::new("s.tsv")).unwrap();
        assert_eq!(back.documents(), 3);
        assert_eq!(back.to_text(), whole.to_text());
    }

    #[test]
    fn parse_errors_name_the_line() {
        let bad = format!("{HEADER}\ndocuments\t2\nxyz\t1\n");
        let e = CleanerStats::parse(&bad, Path::new("s.tsv")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.tsv:3: expected a 16-digit hex fingerprint, got `xyz`"
        );
        assert!(CleanerStats::parse("nope", Path::new("s.tsv")).is_err());
    }
}
