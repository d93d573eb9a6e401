//! `textmend learn`: rules from all inputs together, printed in the
//! rules-file format; or a shard's learning statistics (`--stats`), or the
//! rules that merged statistics support (`--merge`). With `--jsonl`,
//! `--stats` or `--group-by` every file (every JSON record) is one document
//! whose statistics are counted on their own and merged (per group); see
//! `crate::groups`.

use std::io::{self, Write};

use std::collections::BTreeMap;

use textmend::{LearningStats, RuleSet};

use crate::args::{Global, LearnArgs};
use crate::groups::{self, GroupBy, GroupStats};
use crate::inputs::{self, Input};
use crate::sinks::Out;
use crate::term::Messages;
use crate::{config, jsonl, Exit};

/// Runs `textmend learn`.
pub fn run(args: &LearnArgs, global: &Global, messages: &Messages) -> Exit {
    let (inputs, errors) = inputs::collect(&args.paths, global);
    let mut failed = !errors.is_empty();
    for e in errors {
        messages.error(e);
    }
    if let Some(path) = &args.output {
        if let Err(message) = inputs::check_outputs(&inputs, &[("-o", path)]) {
            messages.error(message);
            return Exit::Error;
        }
    }
    let mender = match config::build_mender(global, args.rules.as_deref(), true) {
        Ok(mender) => mender,
        Err(message) => {
            messages.error(message);
            return Exit::Error;
        }
    };
    let by = match &global.group_by {
        Some(value) => match GroupBy::parse(value, global.jsonl.is_some()) {
            Ok(by) => Some(by),
            Err(message) => {
                messages.error(message);
                return Exit::Error;
            }
        },
        None => None,
    };
    let report = if args.merge {
        // Statistics files, grouped or not: merged group by group.
        let mut merged = GroupStats::new();
        let mut grouped = false;
        for input in &inputs {
            let text = match read(
                input,
                &Global {
                    jsonl: None,
                    ..global.clone()
                },
            ) {
                Ok(text) => text,
                Err(message) => {
                    messages.error(format_args!("{}: {message}", input.name()));
                    failed = true;
                    continue;
                }
            };
            let path = input.path().unwrap_or(std::path::Path::new("-"));
            match groups::parse_stats(&text, path, &mut merged) {
                Ok(g) => grouped |= g,
                Err(e) => {
                    messages.error(e);
                    return Exit::Error;
                }
            }
        }
        decided(&merged, grouped, &mender)
    } else if args.stats || by.is_some() {
        // Each file, or each JSON record, one document; memory holds one
        // document at a time and one set of counts per group.
        let grouped = by.is_some();
        let by = by.unwrap_or(GroupBy::All);
        let (counted, errors) = match groups::count(&inputs, global, &mender, &by, true) {
            Ok(counted) => counted,
            Err(message) => {
                messages.error(message);
                return Exit::Error;
            }
        };
        for e in &errors {
            messages.error(e);
        }
        failed |= !errors.is_empty();
        if args.stats {
            groups::stats_to_text(&counted, grouped)
        } else {
            decided(&counted, grouped, &mender)
        }
    } else {
        let mut texts: Vec<String> = Vec::new();
        for input in &inputs {
            match read(input, global) {
                Ok(text) => texts.push(text),
                Err(message) => {
                    messages.error(format_args!("{}: {message}", input.name()));
                    failed = true;
                }
            }
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let rules: RuleSet = mender.learn(&refs);
        rules.to_tsv()
    };
    if let Err(e) = write(args.output.as_deref(), report.as_bytes()) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Exit::Success;
        }
        let target = args
            .output
            .as_deref()
            .unwrap_or(std::path::Path::new("<stdout>"));
        messages.error(format_args!("{}: {e}", target.display()));
        return Exit::Error;
    }
    if failed {
        Exit::Error
    } else {
        Exit::Success
    }
}

/// The rules merged statistics support: one rules file, or with groups one
/// section per group.
fn decided(stats: &GroupStats, grouped: bool, mender: &textmend::Mender) -> String {
    if !grouped {
        let none = LearningStats::default();
        return mender.decide(stats.get("").unwrap_or(&none)).to_tsv();
    }
    let rules: BTreeMap<String, RuleSet> = stats
        .iter()
        .map(|(name, stats)| (name.clone(), mender.decide(stats)))
        .collect();
    groups::rules_to_text(&rules)
}

/// The text of one input to learn from: all of it, or with `--jsonl` the
/// values of the field, one record per paragraph.
fn read(input: &Input, global: &Global) -> Result<String, String> {
    let text = groups::read_text(input, global)?;
    Ok(match &global.jsonl {
        Some(field) => jsonl::values(&text, field).join("\n\n"),
        None => text,
    })
}

fn write(path: Option<&std::path::Path>, bytes: &[u8]) -> io::Result<()> {
    let mut out = Out::new(path)?;
    out.write_all(bytes)?;
    out.commit()
}
