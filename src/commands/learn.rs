//! `textmend learn`: rules from all inputs together, printed in the
//! rules-file format; or a shard's learning statistics (`--stats`), or the
//! rules that merged statistics support (`--merge`).

use std::io::{self, Read, Write};

use textmend::{LearningStats, RuleSet};

use crate::args::{Global, LearnArgs};
use crate::inputs::{self, Input};
use crate::sinks::Out;
use crate::term::Messages;
use crate::{config, engine, jsonl, Exit};

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
    let mut texts: Vec<String> = Vec::new();
    let mut merged = LearningStats::default();
    for input in &inputs {
        match read(input, global) {
            Ok(text) if args.merge => {
                let path = input.path().unwrap_or(std::path::Path::new("-"));
                match LearningStats::parse(&text, path) {
                    Ok(stats) => merged.merge(&stats),
                    Err(e) => {
                        messages.error(e);
                        return Exit::Error;
                    }
                }
            }
            // A shard's statistics are counted input by input: memory
            // holds one input at a time.
            Ok(text) if args.stats => merged.merge(&mender.stats(&[text.as_str()])),
            Ok(text) => texts.push(text),
            Err(message) => {
                messages.error(format_args!("{}: {message}", input.name()));
                failed = true;
            }
        }
    }
    let report = if args.stats {
        merged.to_text()
    } else if args.merge {
        mender.decide(&merged).to_tsv()
    } else {
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

/// The text of one input to learn from: all of it, or with `--jsonl` the
/// values of the field, one record per paragraph.
fn read(input: &Input, global: &Global) -> Result<String, String> {
    let mut bytes = Vec::new();
    input
        .open()
        .and_then(|mut r| r.read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    if engine::looks_binary(&bytes) && !global.force {
        return Err("looks binary (a NUL byte in the first 8 KiB); --force reads it".to_string());
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if global.strict => {
            return Err(format!(
                "not valid UTF-8 (at byte {})",
                e.utf8_error().valid_up_to()
            ))
        }
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
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
