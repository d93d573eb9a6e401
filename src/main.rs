//! The `textmend` command: arguments → options → library → report → exit
//! code. Uses only the library's public API.

mod args;
mod config;
mod eval;
mod jsonl;
mod report;
mod stream;
mod write;

use std::io::{self, Read};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use rayon::prelude::*;
use textmend::{LearningStats, Mended, Mender, RuleSet, Skip};

use crate::args::{Args, DictAction, EvalFormat, Mode, Options, Scope};
use crate::report::{Input, Reporter};

/// Exit codes, as diff(1) uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exit {
    /// Done; with --check or --diff, nothing needs repair.
    Success = 0,
    /// With --check or --diff: something needs repair.
    Found = 1,
    /// Some input could not be read, or some output not written.
    Error = 2,
}

fn main() -> ExitCode {
    let options = Args::parse().into_options();
    let reporter = Reporter::new(
        options.mode,
        options.quiet,
        options.context,
        options.output.clone(),
    );
    let exit = match run(&options, reporter) {
        Ok(exit) => exit,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Success,
        Err(e) => {
            eprintln!("textmend: cannot write output: {e}");
            Exit::Error
        }
    };
    ExitCode::from(exit as u8)
}

fn run(options: &Options, mut reporter: Reporter) -> io::Result<Exit> {
    if let Some(DictAction::Build {
        words,
        output,
        thesaurus,
    }) = &options.dict
    {
        let built = if *thesaurus {
            config::build_thesaurus(words, output).map(|()| "a thesaurus compiled".to_string())
        } else {
            config::build_dictionary(words, output).map(|count| format!("{count} words compiled"))
        };
        return Ok(match built {
            Ok(what) => {
                reporter.notice(format_args!("{}: {what}", output.display()));
                Exit::Success
            }
            Err(message) => {
                reporter.error(message);
                Exit::Error
            }
        });
    }
    let mender = match build_mender(options) {
        Ok(mender) => mender,
        Err(message) => {
            reporter.error(message);
            return Ok(Exit::Error);
        }
    };
    if let Some(DictAction::Lookup { words }) = &options.dict {
        for word in words {
            reporter.line(&config::describe(word, &mender.word_info(word)))?;
        }
        reporter.finish()?;
        return Ok(Exit::Success);
    }
    if let Some(eval) = &options.eval {
        return match eval::run(eval, options.scope, &mender) {
            Ok(evaluation) => {
                reporter.evaluation(&evaluation, eval.format == EvalFormat::Json)?;
                reporter.finish()?;
                Ok(Exit::Success)
            }
            Err(message) => {
                reporter.error(message);
                Ok(Exit::Error)
            }
        };
    }
    let mut failed = false;
    let mut texts: Vec<String> = Vec::new();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(io::Error::other)?;
    let corpus_mender;
    let mender = if options.scope == Scope::Corpus
        && !matches!(options.mode, Mode::Learn | Mode::Stats | Mode::Merge)
    {
        let built = learn_corpus(options, &mender, &pool).and_then(|(rules, inputs)| {
            reporter.notice(format_args!(
                "learned {} rules from {inputs} inputs together",
                rules.len()
            ));
            with_rules(options, rules)
        });
        match built {
            Ok(built) => {
                corpus_mender = built;
                &corpus_mender
            }
            Err(message) => {
                reporter.error(message);
                return Ok(Exit::Error);
            }
        }
    } else {
        &mender
    };
    // Inputs are processed in parallel a batch at a time and reported in
    // input order; a batch bounds how much waits to be reported.
    for batch in options.files.chunks(options.jobs * 4) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .par_iter()
                .map(|p| process(p, options, mender))
                .collect()
        });
        for (path, outcome) in batch.iter().zip(outcomes) {
            let name = display_name(path);
            match outcome {
                Outcome::Failed(message) => {
                    reporter.error(format_args!("{name}: {message}"));
                    failed = true;
                }
                Outcome::Binary { bytes, mut rest } => {
                    reporter.notice(format_args!(
                        "{name}: looks binary (a NUL byte in the first 8 KiB), passed through unchanged; --force processes it"
                    ));
                    reporter.passthrough(&bytes)?;
                    io::copy(&mut rest, &mut reporter.passthrough_writer())?;
                }
                Outcome::Long { first, mut rest } => {
                    reporter.notice(format_args!(
                        "{name}: longer than {} MiB; rules learned from its first {} MiB",
                        stream::WINDOW >> 20,
                        stream::WINDOW >> 20
                    ));
                    match stream::repair(first, &mut rest, mender, &mut reporter) {
                        Ok(streamed) => {
                            if let Some(out) = &options.rules_out {
                                if let Err(e) = reporter.rules_to(out, &name, &streamed.rules) {
                                    reporter.error(format_args!("{}: {e}", out.display()));
                                    failed = true;
                                }
                            }
                            reporter.streamed(streamed.edits);
                        }
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Err(e),
                        Err(e) => {
                            reporter.error(format_args!("{name}: {e}"));
                            failed = true;
                        }
                    }
                }
                Outcome::Invalid {
                    at,
                    bytes,
                    repaired,
                } => match repaired {
                    None => {
                        reporter.notice(format_args!(
                            "{name}: not valid UTF-8 (at byte {at}); only the text and -w modes repair such input"
                        ));
                        reporter.passthrough(&bytes)?;
                    }
                    Some(repaired) => {
                        reporter.notice(format_args!(
                            "{name}: not valid UTF-8 (at byte {at}); repairing only the valid stretches"
                        ));
                        if options.mode == Mode::Write {
                            if repaired != bytes {
                                if let Err(e) = write::write_in_place(path, &repaired) {
                                    reporter.error(format_args!("{name}: {e}"));
                                    failed = true;
                                }
                            }
                        } else {
                            reporter.passthrough(&repaired)?;
                        }
                    }
                },
                Outcome::Learn(text) => texts.push(text),
                Outcome::Jsonl(repaired) => {
                    if repaired.skipped > 0 {
                        reporter.notice(format_args!(
                            "{name}: {} lines without a string field `{}`, passed through",
                            repaired.skipped,
                            options.jsonl.as_deref().unwrap_or_default()
                        ));
                    }
                    if options.mode == Mode::Write {
                        if repaired.edits > 0 {
                            if let Err(e) = write::write_in_place(path, repaired.text.as_bytes()) {
                                reporter.error(format_args!("{name}: {e}"));
                                failed = true;
                                continue;
                            }
                        }
                    } else {
                        reporter.passthrough(repaired.text.as_bytes())?;
                    }
                    reporter.streamed(repaired.edits);
                }
                Outcome::Text { text, mended } => {
                    if mended.skipped() == Some(Skip::UnsupportedLanguage) {
                        let done = if mended.edits().is_empty() {
                            "passed through unchanged"
                        } else {
                            "only its mojibake decoded"
                        };
                        reporter.notice(format_args!(
                            "{name}: not in a language textmend has a dictionary for \
                             (en, de, fr, es, it, pt, nl), {done}"
                        ));
                    }
                    if let Some(out) = &options.rules_out {
                        if let Err(e) = reporter.rules_to(out, &name, mended.rules()) {
                            reporter.error(format_args!("{}: {e}", out.display()));
                            failed = true;
                        }
                    }
                    if options.mode == Mode::Write && !mended.edits().is_empty() {
                        if let Err(e) = write::write_in_place(path, mended.text().as_bytes()) {
                            reporter.error(format_args!("{name}: {e}"));
                            failed = true;
                            continue;
                        }
                    }
                    reporter.input(&Input {
                        name: &name,
                        text: &text,
                        mended: &mended,
                    })?;
                }
            }
        }
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    match options.mode {
        Mode::Learn => reporter.rules(&mender.learn(&refs))?,
        Mode::Stats => reporter.stats(&mender.stats(&refs))?,
        Mode::Merge => {
            let mut merged = LearningStats::default();
            for (text, path) in texts.iter().zip(&options.files) {
                match LearningStats::parse(text, path) {
                    Ok(stats) => merged.merge(&stats),
                    Err(e) => {
                        reporter.error(e);
                        return Ok(Exit::Error);
                    }
                }
            }
            reporter.rules(&mender.decide(&merged))?;
        }
        _ => {}
    }
    let found = reporter.found_repairs();
    if let Err(e) = reporter.finish() {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Err(e);
        }
        let target = options.output.as_deref().unwrap_or(Path::new("<stdout>"));
        eprintln!("textmend: {}: {e}", target.display());
        return Ok(Exit::Error);
    }
    Ok(if failed {
        Exit::Error
    } else if found && matches!(options.mode, Mode::Check | Mode::Diff) {
        Exit::Found
    } else {
        Exit::Success
    })
}

/// Rules learned from all the inputs together (`--scope corpus`), and how
/// many inputs they came from. Inputs that cannot be read, look binary or
/// are not valid UTF-8 are left out here; the repair pass reports them.
fn learn_corpus(
    options: &Options,
    mender: &Mender,
    pool: &rayon::ThreadPool,
) -> Result<(RuleSet, usize), String> {
    if options.files.iter().any(|p| p == Path::new("-")) {
        return Err("--scope corpus needs files; standard input can be read only once".into());
    }
    let texts: Vec<String> = pool.install(|| {
        options
            .files
            .par_iter()
            .filter_map(|p| std::fs::read(p).ok())
            .filter(|bytes| !looks_binary(bytes))
            .filter_map(|bytes| String::from_utf8(bytes).ok())
            .map(|text| learning_text(text, options))
            .collect()
    });
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok((mender.learn(&refs), texts.len()))
}

/// The mender the options ask for, applying exactly `rules`.
fn with_rules(options: &Options, rules: RuleSet) -> Result<Mender, String> {
    let settings = config::Settings::load(options)?;
    settings
        .apply(Mender::builder())
        .language_guard(options.language_guard)
        .whole_words(options.whole_words)
        .max_word_chars(options.max_word_chars)
        .rules(rules)
        .build()
        .map_err(|e| e.to_string())
}

/// The mender the options ask for, or a message saying why not.
fn build_mender(options: &Options) -> Result<Mender, String> {
    let settings = config::Settings::load(options)?;
    let mut builder = settings
        .apply(Mender::builder())
        .language_guard(options.language_guard)
        .whole_words(options.whole_words)
        .max_word_chars(options.max_word_chars)
        .max_explained_suspects(options.max_suspects);
    if let Some(seconds) = options.time_budget {
        let budget = std::time::Duration::try_from_secs_f64(seconds)
            .map_err(|_| format!("--time-budget {seconds}: not a duration in seconds"))?;
        builder = builder.time_budget(budget);
    }
    if let Some(path) = &options.rules {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read rules: {e}", path.display()))?;
        let rules = RuleSet::parse(&text, path).map_err(|e| e.to_string())?;
        builder = builder.rules(rules).learn(options.learn);
    }
    builder.build().map_err(|e| e.to_string())
}

/// What processing one input gave, before any of it is reported.
enum Outcome {
    /// The input could not be used; the message says why.
    Failed(String),
    /// It looks binary: passed through untouched.
    Binary {
        bytes: Vec<u8>,
        rest: Box<dyn Read + Send>,
    },
    /// Longer than the learning window (text mode): streamed when reported.
    Long {
        first: Vec<u8>,
        rest: Box<dyn Read + Send>,
    },
    /// Not valid UTF-8 from byte `at`; repaired inside its valid stretches
    /// when the mode allows it.
    Invalid {
        at: usize,
        bytes: Vec<u8>,
        repaired: Option<Vec<u8>>,
    },
    /// Text to learn from (`textmend learn`).
    Learn(String),
    /// JSON lines with one field repaired.
    Jsonl(jsonl::Repaired),
    /// Text and its repair.
    Text {
        text: String,
        mended: Mended<'static>,
    },
}

/// Reads and repairs one input; runs on a worker thread, reports nothing.
fn process(path: &Path, options: &Options, mender: &Mender) -> Outcome {
    if options.mode == Mode::Write && path == Path::new("-") {
        return Outcome::Failed(
            "-w needs files; standard input cannot be written in place".to_string(),
        );
    }
    let mut reader = match open_input(path) {
        Ok(reader) => reader,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    // In the filter mode, an input longer than the learning window is
    // streamed; every other mode holds the whole input.
    let window = match options.mode {
        Mode::Text => stream::WINDOW,
        _ => usize::MAX,
    };
    let mut bytes = Vec::new();
    let at_end = match stream::fill(&mut reader, &mut bytes, window) {
        Ok(at_end) => at_end,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    if !options.force && looks_binary(&bytes) {
        return Outcome::Binary {
            bytes,
            rest: reader,
        };
    }
    if !at_end {
        return Outcome::Long {
            first: bytes,
            rest: reader,
        };
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            if options.strict {
                return Outcome::Failed(format!("not valid UTF-8 (at byte {at})"));
            }
            let bytes = e.into_bytes();
            let repaired = matches!(options.mode, Mode::Text | Mode::Write)
                .then(|| mender.mend_bytes(&bytes).into_bytes().into_owned());
            return Outcome::Invalid {
                at,
                bytes,
                repaired,
            };
        }
    };
    if matches!(options.mode, Mode::Learn | Mode::Stats | Mode::Merge) {
        return Outcome::Learn(learning_text(text, options));
    }
    if let Some(name) = &options.jsonl {
        return Outcome::Jsonl(jsonl::repair(&text, name, mender));
    }
    let mended = mender.mend(&text).into_owned();
    Outcome::Text { text, mended }
}

/// What of an input's text is learned from: all of it, or with `--jsonl`
/// the values of the repaired field, one record per paragraph.
fn learning_text(text: String, options: &Options) -> String {
    match &options.jsonl {
        Some(name) => jsonl::values(&text, name).join("\n\n"),
        None => text,
    }
}

/// Whether bytes look like a binary file rather than text: a NUL byte in
/// the first 8 KiB, the test git and grep use.
fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "-".to_string()
    } else {
        path.display().to_string()
    }
}

fn open_input(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    if path == Path::new("-") {
        return Ok(Box::new(io::stdin()));
    }
    if path.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    Ok(Box::new(std::fs::File::open(path)?))
}
