//! Command-line arguments (clap derive), turned into plain [`Options`] so
//! that nothing past this module sees clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Repair text damaged by article spinners and other systematic
/// substitutions, by learning the substitution rules from the text itself.
///
/// Reads each FILE (or standard input when there is none, or for `-`) and
/// writes the repaired text to standard output. Only words that are not in
/// the dictionary are changed, and only by rules the text gives evidence
/// for; clean text comes out byte-identical.
#[derive(Debug, Parser)]
#[command(name = "textmend", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,

    /// Files to repair; `-` or nothing means standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Also write the rules learned from each input, with their evidence,
    /// to PATH (`-` for standard error).
    #[arg(long, value_name = "PATH")]
    rules_out: Option<PathBuf>,

    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct Common {
    /// Process text even when it does not read as English (by default it
    /// passes through untouched, with a notice).
    #[arg(long, global = true)]
    any_language: bool,

    /// Print no notices on standard error (errors are still printed).
    #[arg(short, long, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Learn rules from all FILEs together and print them as a rules table
    /// (the format `--rules-out` writes), without repairing anything.
    Learn {
        /// Files to learn from; `-` or nothing means standard input.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Repair each input to standard output.
    Repair,
    /// Print the rules learned from all inputs together.
    Learn,
}

/// Plain options for the rest of the binary.
#[derive(Debug)]
pub struct Options {
    pub mode: Mode,
    /// Inputs; `-` is standard input. Never empty.
    pub files: Vec<PathBuf>,
    pub rules_out: Option<PathBuf>,
    pub language_guard: bool,
    pub quiet: bool,
}

impl Args {
    pub fn into_options(self) -> Options {
        let (mode, files) = match self.command {
            Some(Command::Learn { files }) => (Mode::Learn, files),
            None => (Mode::Repair, self.files),
        };
        let files = if files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            files
        };
        Options {
            mode,
            files,
            rules_out: self.rules_out,
            language_guard: !self.common.any_language,
            quiet: self.common.quiet,
        }
    }
}
