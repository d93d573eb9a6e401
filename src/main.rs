//! The `textmend` command: arguments → one command → library → report →
//! exit code. Uses only the library's public API.

mod args;
mod atomic;
mod clean;
mod clean_groups;
mod commands;
mod config;
mod engine;
mod groups;
mod inputs;
mod jsonl;
mod position;
mod sinks;
mod term;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::term::Messages;

/// Exit codes, as diff(1) uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done; with --check or --diff, nothing needs repair.
    Success = 0,
    /// With --check or --diff: something needs repair.
    Found = 1,
    /// Some input could not be read, or some output not written.
    Error = 2,
}

fn main() -> ExitCode {
    atomic::clean_up_on_interrupt();
    let (command, global) = Cli::parse().into_command();
    let mut messages = Messages::new(global.quiet);
    let exit = match &command {
        Command::Repair(options) => match mistyped_command(&options.paths) {
            Some(message) => {
                messages.error(message);
                Exit::Error
            }
            None => commands::repair::run(options, &global, &mut messages),
        },
        Command::Clean(options) => commands::repair::run(options, &global, &mut messages),
        Command::Learn(args) => commands::learn::run(args, &global, &messages),
        Command::Eval(args) => commands::eval::command(args, &global, &messages),
        Command::Dict(action) => commands::dict::run(action, &global, &messages),
        Command::Completions(shell) => commands::generate::completions(*shell),
        Command::Man => commands::generate::man(),
    };
    ExitCode::from(exit as u8)
}

/// A message when the first path is no file but looks like a mistyped
/// command (`textmend lern a.txt`).
fn mistyped_command(paths: &[std::path::PathBuf]) -> Option<String> {
    let first = paths.first()?.to_str()?;
    if Path::new(first).exists() || first.contains(['/', '.']) {
        return None;
    }
    let near = args::subcommand_names()
        .into_iter()
        .filter(|name| name != "help")
        .map(|name| (strsim::damerau_levenshtein(first, &name), name))
        .filter(|(distance, name)| *distance > 0 && *distance <= name.len().div_ceil(3))
        .min()?;
    Some(format!(
        "{first}: no such file; did you mean the command `{}`? (`./{first}` names a file)",
        near.1
    ))
}
