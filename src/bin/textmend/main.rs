//! The `textmend` command: arguments → options → library → report → exit
//! code. Uses only the library's public API.

mod args;
mod report;

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use textmend::{Mender, Skip};

use crate::args::{Args, Mode, Options};
use crate::report::Reporter;

/// Exit codes, as diff(1) uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exit {
    /// Everything was processed.
    Success = 0,
    /// Some input could not be read or some output could not be written.
    Error = 2,
}

fn main() -> ExitCode {
    let options = Args::parse().into_options();
    let reporter = Reporter::new(options.quiet);
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
    let mender = match Mender::builder()
        .language_guard(options.language_guard)
        .build()
    {
        Ok(mender) => mender,
        Err(e) => {
            reporter.error(e);
            return Ok(Exit::Error);
        }
    };
    let mut exit = Exit::Success;
    let mut texts: Vec<(String, String)> = Vec::new();
    for path in &options.files {
        let name = display_name(path);
        let bytes = match read_input(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                reporter.error(format_args!("{name}: {e}"));
                exit = Exit::Error;
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                reporter.notice(format_args!(
                    "{name}: not valid UTF-8 (at byte {}), passed through unchanged",
                    e.utf8_error().valid_up_to()
                ));
                if options.mode == Mode::Repair {
                    reporter.text(e.as_bytes())?;
                }
                continue;
            }
        };
        match options.mode {
            Mode::Learn => texts.push((name, text)),
            Mode::Repair => {
                let mended = mender.mend(&text);
                if mended.skipped() == Some(Skip::NotEnglish) {
                    reporter.notice(format_args!(
                        "{name}: does not read as English, passed through unchanged"
                    ));
                }
                if let Some(out) = &options.rules_out {
                    if let Err(e) = reporter.rules_to(out, &name, mended.rules()) {
                        reporter.error(format_args!("{}: {e}", out.display()));
                        exit = Exit::Error;
                    }
                }
                reporter.text(mended.text().as_bytes())?;
            }
        }
    }
    if options.mode == Mode::Learn {
        let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
        reporter.rules(&mender.learn(&refs))?;
    }
    reporter.finish()?;
    Ok(exit)
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn read_input(path: &PathBuf) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin().lock().read_to_end(&mut bytes)?;
    } else {
        if path.is_dir() {
            return Err(io::Error::other("is a directory"));
        }
        bytes = std::fs::read(path)?;
    }
    Ok(bytes)
}
