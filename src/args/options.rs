//! What the commands are given: [`Global`], [`Repair`] and one
//! [`Command`], resolved from the clap arguments (defaults filled in,
//! flags that only make sense together checked and combined), so that no
//! command sees clap.

use std::path::PathBuf;

use clap::Parser;
use textmend::Language;

use super::cli::{
    clap_command, CleanArgs, Cli, ColorChoice, CommandArgs, Damage, Format, ReportArgs, Scope,
};
use super::subcommands::{DictAction, EvalArgs, LearnArgs};

/// What the repair command reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// The repaired text, to standard output, `-o` or `--out-dir`.
    Text,
    /// A unified diff.
    Diff,
    /// A summary and an exit code.
    Check,
    /// The files rewritten in place.
    Write,
    /// JSON lines.
    Json,
    /// An HTML review page.
    Html,
}

/// Settings shared by every command: what the mender is built from and how
/// inputs are found and read.
#[derive(Debug, Clone)]
pub struct Global {
    pub damage: Option<textmend::Mode>,
    /// `--lang`, unless `auto`; `--any-language` is English.
    pub language: Option<Language>,
    pub dicts: Vec<PathBuf>,
    pub ignores: Vec<PathBuf>,
    pub thesauri: Vec<(Language, PathBuf)>,
    pub config: Option<PathBuf>,
    pub quiet: bool,
    pub strict: bool,
    pub whole_words: bool,
    pub force: bool,
    /// `--jsonl`: the field to repair.
    pub jsonl: Option<String>,
    /// `--lang-field`: the field that holds a record's language.
    pub lang_field: Option<String>,
    pub scope: Scope,
    /// `--group-by`, as given.
    pub group_by: Option<String>,
    /// Inputs processed at once; at least 1.
    pub jobs: usize,
    pub files_from: Option<PathBuf>,
    pub null: bool,
    pub globs: Vec<String>,
    pub hidden: bool,
    pub no_ignore: bool,
    pub color: ColorChoice,
    pub max_word_chars: usize,
    pub max_suspects: usize,
    pub time_budget: Option<f64>,
}

/// The repair command's options.
#[derive(Debug, Clone)]
pub struct Repair {
    pub paths: Vec<PathBuf>,
    pub report: Report,
    pub context: usize,
    pub output: Option<PathBuf>,
    pub out_dir: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    pub learn: bool,
    pub rules_out: Option<PathBuf>,
    pub stats: bool,
    /// Cleaning first (`textmend clean`, or `--clean`).
    pub clean: Option<crate::clean::Options>,
    /// Whether words are repaired (not for `textmend clean`).
    pub mend: bool,
}

/// What the user asked for: one command and its options.
#[derive(Debug)]
pub enum Command {
    Repair(Repair),
    /// `textmend clean`: the repair command's machinery, cleaning only.
    Clean(Repair),
    Learn(LearnArgs),
    Eval(EvalArgs),
    Dict(DictAction),
    Completions(clap_complete::Shell),
    Man,
}

impl Cli {
    /// The command asked for, with the options every command shares.
    pub fn into_command(self) -> (Command, Global) {
        let g = self.global;
        let global = Global {
            damage: g.damage.map(Into::into),
            language: if g.any_language {
                Some(Language::English)
            } else {
                g.lang.0
            },
            dicts: g.dicts,
            ignores: g.ignores,
            thesauri: g.thesauri,
            config: g.config,
            quiet: g.quiet,
            strict: g.strict,
            whole_words: g.whole_words,
            force: g.force,
            jsonl: g.jsonl.then_some(g.field),
            lang_field: g.lang_field,
            scope: g.scope,
            group_by: g.group_by,
            jobs: g
                .jobs
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
                .max(1),
            files_from: g.files_from,
            null: g.null,
            globs: g.globs,
            hidden: g.hidden,
            no_ignore: g.no_ignore,
            color: g.color,
            max_word_chars: g.max_word_chars,
            max_suspects: g.max_suspects,
            time_budget: g.time_budget,
        };
        let command = match self.command {
            Some(CommandArgs::Learn(args)) => Command::Learn(args),
            Some(CommandArgs::Eval(args)) => Command::Eval(args),
            Some(CommandArgs::Dict { action }) => Command::Dict(action),
            Some(CommandArgs::Completions { shell }) => Command::Completions(shell),
            Some(CommandArgs::Man) => Command::Man,
            Some(CommandArgs::Clean(args)) => {
                let mut repair = args.report.into_repair(args.stats);
                repair.clean = Some(args.cleaning.options());
                repair.mend = false;
                Command::Clean(repair)
            }
            None => {
                let r = self.repair;
                if !r.clean && r.cleaning != default_clean_args() {
                    clap_command()
                        .error(
                            clap::error::ErrorKind::MissingRequiredArgument,
                            "the cleaning options need --clean (or `textmend clean`)",
                        )
                        .exit();
                }
                let mut repair = r.report.into_repair(r.stats);
                repair.rules = r.rules;
                repair.learn = r.learn;
                repair.rules_out = r.rules_out;
                repair.clean = r.clean.then(|| r.cleaning.options());
                Command::Repair(repair)
            }
        };
        (command, global)
    }
}

impl ReportArgs {
    /// The repair command's options these give, learning from each input
    /// and cleaning nothing.
    fn into_repair(self, stats: bool) -> Repair {
        let report = if self.diff {
            Report::Diff
        } else if self.check {
            Report::Check
        } else if self.write {
            Report::Write
        } else {
            match self.format.unwrap_or(Format::Text) {
                Format::Text => Report::Text,
                Format::Json => Report::Json,
                Format::Html => Report::Html,
            }
        };
        Repair {
            paths: self.paths,
            report,
            context: self.context,
            output: self.output,
            out_dir: self.out_dir,
            rules: None,
            learn: false,
            rules_out: None,
            stats,
            clean: None,
            mend: true,
        }
    }
}

/// The cleaning flags as given when none is.
fn default_clean_args() -> CleanArgs {
    #[derive(Parser)]
    struct Only {
        #[command(flatten)]
        cleaning: CleanArgs,
    }
    Only::parse_from(["textmend"]).cleaning
}

impl CleanArgs {
    /// The plain options these flags describe.
    fn options(self) -> crate::clean::Options {
        crate::clean::Options {
            furniture: !self.keep_furniture,
            nfc: self.nfc,
            nbsp: self.nbsp,
            quotes: self.quotes,
            dashes: self.dashes,
            invisible: !self.keep_invisible,
            controls: !self.keep_controls,
            trailing_spaces: !self.keep_trailing_spaces,
            max_blank_lines: self.blank_lines.0,
            repeat_documents: self.repeat_documents,
            repeat_share: self.repeat_share,
        }
    }
}

impl From<Damage> for textmend::Mode {
    fn from(damage: Damage) -> textmend::Mode {
        match damage {
            Damage::Auto => textmend::Mode::Auto,
            Damage::Spinner => textmend::Mode::Spinner,
            Damage::Ocr => textmend::Mode::Ocr,
        }
    }
}
