//! `--group-by`: which documents count as one source, and the counts of
//! each group's lines, read in a first pass over the inputs before any is
//! cleaned. A document is an input, or with `--jsonl` a record's field; a
//! group is every document (`all`), the files of one directory (`dir`),
//! or the records with one value of a field (`field:NAME`, or the host
//! of a URL field, `host:NAME`): the `groups` module's [`GroupBy`].

use std::collections::HashMap;

use rayon::prelude::*;
use textmend::{Cleaner, CleanerStats};

use crate::engine;
use crate::groups::GroupBy;
use crate::inputs::Input;
use crate::jsonl;

/// The counts of each group, and how documents are grouped.
#[derive(Default)]
pub struct Groups {
    by: Option<GroupBy>,
    stats: HashMap<String, CleanerStats>,
}

impl Groups {
    /// Counts the lines of every document of `inputs` (`field`: the
    /// `--jsonl` field), group by group.
    pub fn count(
        cleaner: &Cleaner,
        by: &GroupBy,
        inputs: &[Input],
        field: Option<&str>,
    ) -> Result<Groups, String> {
        if inputs.contains(&Input::Stdin) {
            return Err("--group-by needs files; standard input can be read only once".into());
        }
        if by.per_record() && field.is_none() {
            return Err("--group-by field:NAME needs --jsonl".into());
        }
        let stats = inputs
            .par_iter()
            .map(|input| input_stats(cleaner, by, input, field))
            .reduce(HashMap::new, merge);
        Ok(Groups {
            by: Some(by.clone()),
            stats,
        })
    }

    /// The counts of the group of a whole input.
    pub fn for_input(&self, input: &Input) -> Option<&CleanerStats> {
        self.stats.get(&file_key(self.by.as_ref()?, input)?)
    }

    /// The counts of the group of one JSON-lines record of `input`.
    pub fn for_record(&self, input: &Input, line: &str) -> Option<&CleanerStats> {
        self.stats.get(&self.by.as_ref()?.of_line(line, input))
    }

    /// The number of groups and of documents counted, for a notice.
    pub fn sizes(&self) -> (usize, u64) {
        (
            self.stats.len(),
            self.stats.values().map(CleanerStats::documents).sum(),
        )
    }
}

/// The group of a whole file (`None` when each record has its own).
fn file_key(by: &GroupBy, input: &Input) -> Option<String> {
    (!by.per_record()).then(|| by.of_input(input))
}

/// The counts one input adds to each group. Files that cannot be read,
/// look binary or are not valid UTF-8 add nothing (the cleaning pass
/// reports them).
fn input_stats(
    cleaner: &Cleaner,
    by: &GroupBy,
    input: &Input,
    field: Option<&str>,
) -> HashMap<String, CleanerStats> {
    let mut groups = HashMap::new();
    let Some(text) = input
        .path()
        .and_then(|p| std::fs::read(p).ok())
        .filter(|bytes| !engine::looks_binary(bytes))
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return groups;
    };
    let Some(field) = field else {
        if let Some(key) = file_key(by, input) {
            groups.insert(key, cleaner.stats(&[&text]));
        }
        return groups;
    };
    let mut documents: HashMap<String, Vec<String>> = HashMap::new();
    for line in text.lines() {
        if let Some((value, _)) = jsonl::field(line, field) {
            documents
                .entry(by.of_line(line, input))
                .or_default()
                .push(value);
        }
    }
    for (key, values) in documents {
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        groups.insert(key, cleaner.stats(&refs));
    }
    groups
}

fn merge(
    mut a: HashMap<String, CleanerStats>,
    b: HashMap<String, CleanerStats>,
) -> HashMap<String, CleanerStats> {
    for (key, stats) in b {
        a.entry(key).or_default().merge(&stats);
    }
    a
}
