//! Evidence pooled by source (`--group-by`, and `--scope corpus` as one
//! group): a spinner's table is shared by every document of one site, so
//! the documents of one source are learned from together — but document by
//! document, never as one concatenated text.
//!
//! Two passes over the inputs. The first counts each document's learning
//! statistics ([`Mender::stats`], a JSON record or a file at a time) and
//! merges them per group, so memory holds one [`LearningStats`] per group,
//! not the data; the group's rules are decided on the merged counts
//! ([`Mender::decide`]). The second repairs each document with its own
//! rules first and then those of its group's rules that hold *in that
//! document* ([`Mender::mend_pooled`]: a rule whose restored word the
//! document still holds was not applied to it by the spinner). This is the
//! machinery of `textmend learn --stats` / `--merge` and of the Spark job's
//! pooled mode; grouped statistics files carry one section per group, so
//! shards merge.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use rayon::prelude::*;
use textmend::{LearningStats, Mender, RuleSet};

use crate::args::Global;
use crate::engine;
use crate::inputs::Input;
use crate::jsonl;

/// What documents are grouped by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// The value of a JSON field (`--group-by FIELD` or `field:FIELD`): a
    /// string as it is, another value as its JSON text; records without it
    /// make one group of their own.
    Field(String),
    /// The host of the URL in a JSON field (`--group-by host:FIELD`),
    /// lowercased, without a leading `www.`, a port or user info.
    Host(String),
    /// The directory of the input file (`--group-by dir`): plain files or
    /// JSON-lines files, every document of a directory one group.
    Dir,
    /// Every document of the run one group (`--scope corpus`).
    All,
}

impl GroupBy {
    /// Reads `--group-by`'s value.
    pub fn parse(value: &str, jsonl: bool) -> Result<GroupBy, String> {
        let by = if value == "dir" {
            GroupBy::Dir
        } else if value == "all" {
            GroupBy::All
        } else if let Some(field) = value.strip_prefix("host:") {
            GroupBy::Host(field.to_string())
        } else if let Some(field) = value.strip_prefix("field:") {
            GroupBy::Field(field.to_string())
        } else {
            GroupBy::Field(value.to_string())
        };
        match &by {
            GroupBy::Field(f) | GroupBy::Host(f) if f.is_empty() => {
                Err(format!("--group-by {value}: no field name"))
            }
            GroupBy::Field(_) | GroupBy::Host(_) if !jsonl => Err(format!(
                "--group-by {value}: a field needs --jsonl; plain files are grouped by `dir`"
            )),
            _ => Ok(by),
        }
    }

    /// The group of one JSON line of `input`.
    pub fn of_line(&self, line: &str, input: &Input) -> String {
        match self {
            GroupBy::Field(field) => field_value(line, field).unwrap_or_default(),
            GroupBy::Host(field) => field_value(line, field)
                .map(|url| host(&url).to_string())
                .unwrap_or_default(),
            GroupBy::Dir => self.of_input(input),
            GroupBy::All => String::new(),
        }
    }

    /// The group of a whole input (`dir`; `-` for standard input).
    pub fn of_input(&self, input: &Input) -> String {
        match (self, input.path()) {
            (GroupBy::Dir, Some(path)) => dir_of(path),
            (GroupBy::Dir, None) => "-".to_string(),
            _ => String::new(),
        }
    }

    /// Whether each record of an input may be of another group.
    pub fn per_record(&self) -> bool {
        matches!(self, GroupBy::Field(_) | GroupBy::Host(_))
    }
}

/// The directory holding `path`, as given (`.` for a bare file name).
fn dir_of(path: &Path) -> String {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.display().to_string(),
        _ => ".".to_string(),
    }
}

/// The value of `field` in a JSON object line: a string as it is, another
/// value (not null) as its JSON text.
fn field_value(line: &str, field: &str) -> Option<String> {
    if let Some((value, _)) = jsonl::field(line, field) {
        return Some(value);
    }
    let map: HashMap<String, serde_json::Value> = serde_json::from_str(line).ok()?;
    match map.get(field)? {
        serde_json::Value::Null => None,
        value => Some(value.to_string()),
    }
}

/// The host of a URL (`https://user@www.Example.org:8080/a?b` →
/// `example.org`); the text itself, trimmed, when it has no scheme.
pub fn host(url: &str) -> String {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.trim_start_matches('/');
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if authority.starts_with('[') {
        // An IPv6 literal keeps its colons.
        authority.split_inclusive(']').next().unwrap_or(authority)
    } else {
        authority.split(':').next().unwrap_or(authority)
    };
    let host = host.to_ascii_lowercase();
    host.strip_prefix("www.")
        .map_or(host.clone(), str::to_string)
}

/// Each group's merged statistics, by name.
pub type GroupStats = BTreeMap<String, LearningStats>;

/// Lines counted at once (in parallel) in the first pass.
const LINES_AT_ONCE: usize = 2048;

/// Counts the learning statistics of every document of `inputs`, merged per
/// group: the first pass. Standard input cannot be read twice, so it is
/// refused unless `once` (statistics only, `learn --stats`); inputs that
/// cannot be read, look binary or (with --strict) are not valid UTF-8 are
/// left out, and the repair pass reports them.
pub fn count(
    inputs: &[Input],
    global: &Global,
    mender: &Mender,
    by: &GroupBy,
    once: bool,
) -> Result<(GroupStats, Vec<String>), String> {
    if !once && inputs.contains(&Input::Stdin) {
        return Err(
            "pooled learning (--group-by, --scope corpus) reads its inputs twice: \
             it needs files, not standard input"
                .into(),
        );
    }
    let mut groups = GroupStats::new();
    let mut errors = Vec::new();
    let add = |groups: &mut GroupStats, name: String, stats: LearningStats| {
        groups.entry(name).or_default().merge(&stats);
    };
    match &global.jsonl {
        Some(field) => {
            for input in inputs {
                match count_jsonl(input, field, mender, by) {
                    Ok(counted) => {
                        for (name, stats) in counted {
                            add(&mut groups, name, stats);
                        }
                    }
                    Err(e) => errors.push(format!("{}: {e}", input.name())),
                }
            }
        }
        None => {
            // A file is a document: several at once.
            let counted: Vec<Result<(String, LearningStats), String>> = inputs
                .par_iter()
                .map(|input| {
                    let text = read_text(input, global)?;
                    Ok((by.of_input(input), mender.stats(&[text.as_str()])))
                })
                .collect();
            for (input, result) in inputs.iter().zip(counted) {
                match result {
                    Ok((name, stats)) => add(&mut groups, name, stats),
                    Err(e) => errors.push(format!("{}: {e}", input.name())),
                }
            }
        }
    }
    Ok((groups, errors))
}

/// The statistics of each record of one JSON-lines input, per group; a
/// batch of lines at a time, so memory holds a batch and the groups.
fn count_jsonl(
    input: &Input,
    field: &str,
    mender: &Mender,
    by: &GroupBy,
) -> io::Result<GroupStats> {
    let mut reader = BufReader::new(input.open()?);
    let mut groups = GroupStats::new();
    let whole = by.of_input(input);
    loop {
        let mut lines: Vec<String> = Vec::with_capacity(LINES_AT_ONCE);
        let mut buffer = Vec::new();
        while lines.len() < LINES_AT_ONCE {
            buffer.clear();
            if reader.read_until(b'\n', &mut buffer)? == 0 {
                break;
            }
            lines.push(String::from_utf8_lossy(&buffer).into_owned());
        }
        if lines.is_empty() {
            break;
        }
        let counted: GroupStats = lines
            .par_iter()
            .filter_map(|line| {
                let (value, _) = jsonl::field(line.trim_end(), field)?;
                let name = if by.per_record() {
                    by.of_line(line.trim_end(), input)
                } else {
                    whole.clone()
                };
                Some((name, mender.stats(&[value.as_str()])))
            })
            .fold(GroupStats::new, |mut acc, (name, stats)| {
                acc.entry(name).or_default().merge(&stats);
                acc
            })
            .reduce(GroupStats::new, |mut a, b| {
                for (name, stats) in b {
                    a.entry(name).or_default().merge(&stats);
                }
                a
            });
        for (name, stats) in counted {
            groups.entry(name).or_default().merge(&stats);
        }
    }
    Ok(groups)
}

/// The whole text of an input, as `learn` reads it: binary input refused
/// unless forced, invalid UTF-8 refused under --strict, else read lossily.
pub fn read_text(input: &Input, global: &Global) -> Result<String, String> {
    let mut bytes = Vec::new();
    input
        .open()
        .and_then(|mut r| r.read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    if engine::looks_binary(&bytes) && !global.force {
        return Err("looks binary (a NUL byte in the first 8 KiB); --force reads it".into());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if global.strict => Err(format!(
            "not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        )),
        Err(e) => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// Each group's rules, decided on its merged statistics: the repair pass's
/// table.
pub struct Groups {
    by: GroupBy,
    rules: HashMap<String, RuleSet>,
    none: RuleSet,
}

impl Groups {
    /// The rules `stats` support, per group.
    pub fn decide(by: GroupBy, stats: &GroupStats, mender: &Mender) -> Groups {
        let rules = stats
            .par_iter()
            .map(|(name, stats)| (name.clone(), mender.decide(stats)))
            .collect();
        Groups {
            by,
            rules,
            none: RuleSet::default(),
        }
    }

    /// The rules of a grouped rules file (`--rules` with `--group-by`),
    /// instead of rules decided on statistics.
    pub fn given(by: GroupBy, rules: HashMap<String, RuleSet>) -> Groups {
        Groups {
            by,
            rules,
            none: RuleSet::default(),
        }
    }

    /// The number of groups, and of rules over all of them.
    pub fn sizes(&self) -> (usize, usize) {
        (
            self.rules.len(),
            self.rules.values().map(RuleSet::len).sum(),
        )
    }

    /// The rules of the group of a whole input.
    pub fn for_input(&self, input: &Input) -> &RuleSet {
        self.get(&self.by.of_input(input))
    }

    /// The rules of the group of one JSON line of `input`.
    pub fn for_line(&self, line: &str, input: &Input) -> &RuleSet {
        self.get(&self.by.of_line(line, input))
    }

    fn get(&self, name: &str) -> &RuleSet {
        self.rules.get(name).unwrap_or(&self.none)
    }
}

/// The header of a statistics file; a grouped one has `group NAME` lines,
/// each starting the section of one group.
const STATS_HEADER: &str = "# textmend stats v1";

/// Grouped statistics as text: for each group a `group<TAB>NAME` line and
/// its statistics ([`LearningStats::to_text`]). Statistics counted without
/// --group-by are written as before, without a `group` line.
pub fn stats_to_text(groups: &GroupStats, grouped: bool) -> String {
    if !grouped {
        return groups.get("").cloned().unwrap_or_default().to_text();
    }
    let mut out = format!("{STATS_HEADER}\n");
    for (name, stats) in groups {
        out.push_str(&format!("group\t{}\n", escape(name)));
        for line in stats.to_text().lines().filter(|l| !l.starts_with('#')) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Reads statistics written by [`stats_to_text`] (grouped or not: a file
/// without `group` lines is the group ``), adding them to `groups`; true if
/// the file was grouped.
pub fn parse_stats(text: &str, path: &Path, groups: &mut GroupStats) -> Result<bool, String> {
    let (before, sections) = sections(text, "group\t");
    let grouped = !sections.is_empty();
    for (name, section) in std::iter::once((String::new(), before)).chain(sections) {
        if section.trim().is_empty() {
            continue;
        }
        let stats = LearningStats::parse(&section, path).map_err(|e| e.to_string())?;
        if stats != LearningStats::default() {
            groups.entry(name).or_default().merge(&stats);
        }
    }
    Ok(grouped)
}

/// `text` cut at each line that starts with `marker` (the rest of the line
/// is the section's name, escaped): the text before the first, and each
/// named section. The lines before a section are blank in it, so that a
/// parser's line numbers stay the file's.
fn sections(text: &str, marker: &str) -> (String, Vec<(String, String)>) {
    let mut before = String::new();
    let mut sections: Vec<(String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(marker) {
            sections.push((unescape(rest), "\n".repeat(i + 1)));
            continue;
        }
        let section = sections.last_mut().map_or(&mut before, |(_, s)| s);
        section.push_str(line);
        section.push('\n');
    }
    (before, sections)
}

/// Each group's rules as one rules file: a `# group<TAB>NAME` comment
/// before each group's rules. With `--group-by`, `--rules` reads each
/// section back as its group's rules ([`parse_rules`]); without, the file
/// is one set.
pub fn rules_to_text(rules: &BTreeMap<String, RuleSet>) -> String {
    let mut out = String::new();
    for (name, set) in rules {
        out.push_str(&format!("# group\t{}\n", escape(name)));
        out.push_str(&set.to_tsv());
    }
    out
}

/// A rules file read per group ([`parse_rules`]).
#[derive(Debug)]
pub struct GroupedRules {
    /// The rules before the first `# group` line: every group's.
    pub common: RuleSet,
    /// Each group's section.
    pub groups: HashMap<String, RuleSet>,
}

/// A rules file read per group: the rules before the first `# group` line
/// (every group's), and each group's section. `None` if the file has no
/// `# group` line.
pub fn parse_rules(text: &str, path: &Path) -> Result<Option<GroupedRules>, String> {
    let (before, sections) = sections(text, "# group\t");
    if sections.is_empty() {
        return Ok(None);
    }
    let parse = |section: &str| RuleSet::parse(section, path).map_err(|e| e.to_string());
    let common = parse(&before)?;
    let mut groups: HashMap<String, RuleSet> = HashMap::new();
    for (name, section) in sections {
        let rules = parse(&section)?;
        let merged = match groups.remove(&name) {
            Some(before) => before.extended_with(&rules),
            None => rules,
        };
        groups.insert(name, merged);
    }
    Ok(Some(GroupedRules { common, groups }))
}

fn escape(name: &str) -> String {
    name.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_urls() {
        assert_eq!(host("https://www.Example.org/a/b?c#d"), "example.org");
        assert_eq!(host("http://user:pw@news.site.com:8080/x"), "news.site.com");
        assert_eq!(host("example.org/path"), "example.org");
        assert_eq!(host("https://[::1]:80/"), "[::1]");
    }

    #[test]
    fn grouped_rules_read_back_per_group() {
        let one = RuleSet::parse("finish\tend\tsynonym\n", Path::new("a")).unwrap();
        let two = RuleSet::parse("rn\tm\tglyph\n", Path::new("b")).unwrap();
        let rules: BTreeMap<String, RuleSet> =
            [("news\tsite".to_string(), one), ("scans".to_string(), two)].into();
        let text = rules_to_text(&rules);
        let GroupedRules { common, groups } = parse_rules(&text, Path::new("r")).unwrap().unwrap();
        assert!(common.is_empty());
        assert_eq!(groups.len(), 2);
        assert_eq!(groups["news\tsite"].rules()[0].from, "finish");
        assert_eq!(groups["scans"].rules()[0].to, "m");
        let plain = RuleSet::parse("finish\tend\tsynonym\n", Path::new("a")).unwrap();
        assert!(parse_rules(&plain.to_tsv(), Path::new("r"))
            .unwrap()
            .is_none());
        // Errors name the file's own line.
        let bad = format!("{text}nonsense\n");
        let err = parse_rules(&bad, Path::new("r")).unwrap_err();
        assert!(
            err.starts_with(&format!("r:{}:", bad.lines().count())),
            "{err}"
        );
    }

    #[test]
    fn group_names_round_trip() {
        for name in ["plain", "tab\there", "new\nline", "back\\slash", ""] {
            assert_eq!(unescape(&escape(name)), name);
        }
    }

    #[test]
    fn grouped_stats_round_trip() {
        let mender = Mender::new().unwrap();
        let mut groups = GroupStats::new();
        groups.insert(
            "a\tb".into(),
            mender.stats(&["Delegates will attfinish the summit."]),
        );
        groups.insert("c".into(), mender.stats(&["The agfinisha is long."]));
        let text = stats_to_text(&groups, true);
        let mut back = GroupStats::new();
        assert!(parse_stats(&text, Path::new("x"), &mut back).unwrap());
        assert_eq!(back, groups);
        let mut plain = GroupStats::new();
        let ungrouped = stats_to_text(&groups, false);
        assert!(!parse_stats(&ungrouped, Path::new("x"), &mut plain).unwrap());
    }
}
