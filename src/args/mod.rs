//! The command line (clap derive), turned into one [`Command`] per
//! subcommand, each with plain options, so that nothing past this module
//! sees clap.
//!
//! * `cli`: the clap derive structs and their help texts.
//! * `subcommands`: `learn`, `eval` and `dict`, whose clap arguments are
//!   their options.
//! * `options`: the plain options ([`Global`], [`Repair`], [`Command`])
//!   and how they are resolved from the clap arguments.

mod cli;
mod options;
mod subcommands;

pub use cli::{clap_command, language_code, subcommand_names, Cli, ColorChoice, Scope};
pub use options::{Command, Global, Repair, Report};
pub use subcommands::{Corruption, DictAction, EvalArgs, EvalFormat, LearnArgs};
