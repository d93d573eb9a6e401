//! Corrupt: clean text in, systematically damaged text out — the damage
//! textmend repairs, made on purpose so that repair quality can be measured
//! on any clean text.
//!
//! The repair pipeline never reads this module: rules must be learned from
//! the text, not looked up. Tests and measurements use it with tables that
//! live in `fixtures/`, never in `src/`.

use aho_corasick::{AhoCorasick, MatchKind};

/// Applies a spinner's synonym table the way a buggy article spinner does:
/// every occurrence of each `from` is replaced by its `to`, inside other
/// words too, case-sensitively, in one left-to-right pass (the longest match
/// wins where two overlap, and replaced text is not replaced again).
///
/// ```
/// let spun = textmend::corrupt::spin("I attend in my country.", &[
///     ("end".to_string(), "finish".to_string()),
///     ("try".to_string(), "attempt".to_string()),
/// ]);
/// assert_eq!(spun, "I attfinish in my counattempt.");
/// ```
pub fn spin(text: &str, table: &[(String, String)]) -> String {
    let table: Vec<&(String, String)> = table.iter().filter(|(from, _)| !from.is_empty()).collect();
    if table.is_empty() {
        return text.to_string();
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(table.iter().map(|(from, _)| from))
        .expect("a few short patterns always build");
    let replacements: Vec<&str> = table.iter().map(|(_, to)| to.as_str()).collect();
    matcher.replace_all(text, &replacements)
}

/// Reads a spinner table: one `from<TAB>to` pair per line; blank lines and
/// lines starting with `#` are skipped. Returns the 1-based number of the
/// first malformed line as the error.
pub fn parse_table(text: &str) -> Result<Vec<(String, String)>, usize> {
    let mut table = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((from, to)) if !from.is_empty() && !to.is_empty() && !to.contains('\t') => {
                table.push((from.to_string(), to.to_string()))
            }
            _ => return Err(i + 1),
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spins_inside_words_case_sensitively_in_one_pass() {
        let table = parse_table("# pairs\nport\tharbor\nact\tdeed\n\nharbor\tport\n").unwrap();
        assert_eq!(
            spin("Port support, the fact: harbor actors.", &table),
            "Port supharbor, the fdeed: port deedors."
        );
    }

    #[test]
    fn table_errors_name_the_line() {
        assert_eq!(parse_table("a\tb\nnot a pair\n"), Err(2));
        assert_eq!(parse_table("a\t\n"), Err(1));
    }
}
