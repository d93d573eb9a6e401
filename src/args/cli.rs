//! The command line as clap reads it: the derive structs, their help texts
//! (what `--help`, the completions and the man page show) and the parsers
//! of flag values. Nothing here decides what a flag means together with
//! the others; `options` does.

use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use textmend::Language;

use super::subcommands::{DictAction, EvalArgs, LearnArgs};

/// Repair text damaged by article spinners, scanners and encodings, by
/// learning the substitution rules from the text itself.
///
/// Reads each FILE (standard input when there is none, or for `-`; a
/// directory is searched for files, skipping hidden and ignored ones as git
/// does) and writes the repaired text to standard output. Only words that
/// are not in the dictionary are changed, and only by rules the text gives
/// evidence for; clean text comes out byte-identical.
///
/// Exit status: 0 on success (and, with --check or --diff, when nothing
/// needs repair), 1 with --check or --diff when something does, 2 on error.
#[derive(Debug, Parser)]
#[command(name = "textmend", version, subcommand_precedence_over_arg = true)]
pub struct Cli {
    #[command(subcommand)]
    pub(super) command: Option<CommandArgs>,

    #[command(flatten)]
    pub(super) repair: RepairArgs,

    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

/// The default command's arguments: repairing files.
#[derive(Debug, clap::Args)]
pub(super) struct RepairArgs {
    #[command(flatten)]
    pub(super) report: ReportArgs,

    /// Apply the rules in FILE (as written by `textmend learn -o`, reviewed
    /// by hand) and learn nothing, unless --learn is also given.
    #[arg(long, value_name = "FILE")]
    pub(super) rules: Option<PathBuf>,

    /// With --rules: also learn rules from each input, adding those the
    /// rules file neither has nor rejects.
    #[arg(long, requires = "rules")]
    pub(super) learn: bool,

    /// Also write the rules used for each input, with their evidence, to
    /// PATH (`-` for standard error); written atomically.
    #[arg(long, value_name = "PATH")]
    pub(super) rules_out: Option<PathBuf>,

    /// Print statistics on standard error at the end: inputs, bytes, words,
    /// edits of each kind, rules, time.
    #[arg(long)]
    pub(super) stats: bool,

    /// Clean each input first (as `textmend clean` does: site furniture,
    /// Unicode and white space), then repair the cleaned text; every report
    /// shows both as edits of the input.
    #[arg(long, help_heading = "Cleaning (with --clean)")]
    pub(super) clean: bool,

    #[command(flatten, next_help_heading = "Cleaning (with --clean)")]
    pub(super) cleaning: CleanArgs,
}

/// Inputs and reports, shared by the repair and clean commands.
#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("report").args(["diff", "check", "write", "format"])))]
pub(super) struct ReportArgs {
    /// Files or directories to repair; `-` or nothing means standard input.
    #[arg(value_name = "PATH")]
    pub(super) paths: Vec<PathBuf>,

    /// Print a unified diff of the repairs (for `patch -p1` or `git apply`)
    /// instead of the repaired text.
    #[arg(long)]
    pub(super) diff: bool,

    /// Lines of context around each change in --diff.
    #[arg(short = 'U', long = "unified", value_name = "N", default_value_t = 0)]
    pub(super) context: usize,

    /// Print only a summary; exit 1 if anything needs repair, 0 if not.
    #[arg(long)]
    pub(super) check: bool,

    /// Repair the files in place (atomically, keeping mode, owner and group;
    /// untouched when nothing changes; symbolic links, read-only and
    /// non-regular files are refused).
    #[arg(short, long)]
    pub(super) write: bool,

    /// Output format: the repaired text, JSON lines of edits and rules, or a
    /// self-contained HTML review page.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(super) format: Option<Format>,

    /// Write the report (the text, --diff, --check, --format json/html) to
    /// PATH instead of standard output; written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub(super) output: Option<PathBuf>,

    /// Write each repaired file under DIR, at its path relative to the
    /// working directory (`-o` for one report, `--out-dir` for one file per
    /// input).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "diff", "check", "write", "format"])]
    pub(super) out_dir: Option<PathBuf>,
}

/// `textmend clean`: the report options (their help in words of
/// cleaning) and the cleaning flags.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("paths", |a| a.help("Files or directories to clean; `-` or nothing means standard input")),
    mut_arg("diff", |a| a.help("Print a unified diff of the removals and fixes, each removal's line and reason after the hunks (for `patch -p1` or `git apply`), instead of the cleaned text")),
    mut_arg("check", |a| a.help("Print only a summary; exit 1 if anything would be removed or fixed, 0 if not")),
    mut_arg("write", |a| a.help("Clean the files in place (atomically, keeping mode, owner and group; untouched when nothing changes)")),
    mut_arg("format", |a| a.help("Output format: the cleaned text, JSON lines of edits, or a self-contained HTML review page")),
    mut_arg("out_dir", |a| a.help("Write each cleaned file under DIR, at its path relative to the working directory")),
)]
pub(super) struct CleanCommandArgs {
    #[command(flatten)]
    pub(super) report: ReportArgs,

    /// Print statistics on standard error at the end: inputs, bytes, edits
    /// of each kind, time.
    #[arg(long)]
    pub(super) stats: bool,

    #[command(flatten, next_help_heading = "Cleaning")]
    pub(super) cleaning: CleanArgs,
}

/// The cleaning flags, of `textmend clean` and of the repair command with
/// `--clean`. Every default is safe: nothing clean prose holds is changed.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct CleanArgs {
    /// Keep site furniture: only fix Unicode and white space.
    #[arg(long)]
    pub(super) keep_furniture: bool,

    /// Normalize words to NFC.
    #[arg(long)]
    pub(super) nfc: bool,

    /// Make no-break spaces plain spaces.
    #[arg(long)]
    pub(super) nbsp: bool,

    /// Make typographic quotes straight.
    #[arg(long)]
    pub(super) quotes: bool,

    /// Make en and em dashes and minus signs hyphen-minus signs.
    #[arg(long)]
    pub(super) dashes: bool,

    /// Keep zero-width spaces, word joiners and byte-order marks.
    #[arg(long)]
    pub(super) keep_invisible: bool,

    /// Keep control characters.
    #[arg(long)]
    pub(super) keep_controls: bool,

    /// Keep spaces and tabs at line ends.
    #[arg(long)]
    pub(super) keep_trailing_spaces: bool,

    /// Shorten runs of more than N blank lines to N (`keep` keeps them).
    #[arg(long, value_name = "N", default_value = "4", value_parser = blank_lines)]
    pub(super) blank_lines: BlankLines,

    /// With --group-by: a line held by at least N documents of a group is
    /// furniture…
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub(super) repeat_documents: u64,

    /// …and by at least this share of them.
    #[arg(long, value_name = "SHARE", default_value_t = 0.5)]
    pub(super) repeat_share: f64,
}

/// `--blank-lines`: a number, or `keep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BlankLines(pub(super) Option<usize>);

fn blank_lines(value: &str) -> Result<BlankLines, String> {
    if value == "keep" {
        return Ok(BlankLines(None));
    }
    value
        .parse()
        .map(|n| BlankLines(Some(n)))
        .map_err(|_| format!("{value:?}: expected a number of blank lines or `keep`"))
}

/// Options every command takes, before or after its name.
#[derive(Debug, clap::Args)]
pub(super) struct GlobalArgs {
    /// The damage to look for: both kinds, letting the evidence decide
    /// (`auto`), an article spinner's word swaps only (`spinner`), or a
    /// scanner's misread glyphs, ligatures, look-alike letters, broken
    /// words and mojibake only (`ocr`).
    #[arg(long = "mode", global = true, value_enum, value_name = "MODE")]
    pub(super) damage: Option<Damage>,

    /// The language of the input: `auto` (detect it, per paragraph when a
    /// text mixes languages) or one of en, de, fr, es, it, pt, nl (any
    /// case).
    #[arg(long, global = true, value_name = "LANG", default_value = "auto", value_parser = parse_language)]
    pub(super) lang: LangChoice,

    /// Extra valid words, one per line (optionally `word<TAB>frequency`),
    /// or a dictionary compiled by `textmend dict build`; never suspect.
    /// May be given several times.
    #[arg(long = "dict", global = true, value_name = "FILE")]
    pub(super) dicts: Vec<PathBuf>,

    /// Words never to touch, one per line, or `re:PATTERN` for a regular
    /// expression matching the whole word. May be given several times.
    #[arg(long = "ignore", global = true, value_name = "FILE")]
    pub(super) ignores: Vec<PathBuf>,

    /// A thesaurus for one language, as LANG=FILE: a MyThes `.dat` file
    /// such as Debian's `mythes-fr` installs
    /// (`fr=/usr/share/mythes/th_fr_FR_v2.dat`), or one compiled by `dict
    /// build --thesaurus`. Swaps between its synonyms need less evidence to
    /// be learned. May be given once per language.
    #[arg(long = "thesaurus", global = true, value_name = "LANG=FILE", value_parser = parse_thesaurus)]
    pub(super) thesauri: Vec<(Language, PathBuf)>,

    /// Read settings (`mode`, `dict`, `ignore`, `thesaurus`) from this TOML
    /// file instead of the first `textmend.toml` found in the working
    /// directory or its parents.
    #[arg(long, global = true, value_name = "PATH")]
    pub(super) config: Option<PathBuf>,

    /// Judge every text with the English dictionary, whatever language it
    /// seems to be in (same as `--lang en`).
    #[arg(long, global = true)]
    pub(super) any_language: bool,

    /// Print no notices, progress or summary on standard error (errors are
    /// still printed).
    #[arg(short, long, global = true)]
    pub(super) quiet: bool,

    /// Refuse input that is not valid UTF-8 (exit 2) instead of repairing
    /// only its valid stretches.
    #[arg(long, global = true)]
    pub(super) strict: bool,

    /// Apply whole-word repairs (a spinner's `notified` back to `told`)
    /// instead of only reporting them as suggestions in --diff, --format
    /// json/html and the summary. Both sides are real words: review first.
    #[arg(long, global = true)]
    pub(super) whole_words: bool,

    /// Process files that look binary (a NUL byte in the first 8 KiB),
    /// which are otherwise passed through untouched.
    #[arg(long, global = true)]
    pub(super) force: bool,

    /// Read and write JSON lines, repairing one string field of each record
    /// (see --field) and keeping every other byte of the line.
    #[arg(long, global = true)]
    pub(super) jsonl: bool,

    /// With --jsonl: the field to repair.
    #[arg(long, global = true, value_name = "NAME", default_value = "text")]
    pub(super) field: String,

    /// With --jsonl: the field that holds each record's language, as a
    /// language identifier gave it (FineWeb's `language`: `en`, `de`,
    /// `deu_Latn`, `pt-BR`), taken instead of detecting it. A record
    /// labelled with one of the seven languages is read in it if that
    /// dictionary knows most of its words (else its long paragraphs are
    /// judged one by one, as in a text that mixes languages), one labelled
    /// with another language is not repaired (mojibake aside), and one
    /// without the field is judged as usual. Not with --group-by or
    /// --scope corpus.
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        requires = "jsonl",
        conflicts_with = "lang"
    )]
    pub(super) lang_field: Option<String>,

    /// Learn rules from each input on its own (`file`), or from all inputs
    /// together and apply them to each (`corpus`: a batch of articles from
    /// one spun site shares one spinner table; the evidence is counted input
    /// by input, JSON record by record, as for one --group-by group, and
    /// the inputs are read twice). With `eval`, `corpus` damages all files
    /// with one spinner or scanner and learns from them as one batch.
    #[arg(long, global = true, value_enum, default_value_t = Scope::File)]
    pub(super) scope: Scope,

    /// Documents of one source: learn one rule set per source from its
    /// documents' pooled evidence (docs/corpora.md), or with `textmend
    /// clean` count lines across them (a line many hold is furniture):
    /// `FIELD` or `field:FIELD` (with --jsonl, the field's value),
    /// `host:FIELD` (the host of the URL in FIELD), `dir` (the input file's
    /// directory) or `all`. Reads the inputs twice.
    #[arg(long, global = true, value_name = "GROUP")]
    pub(super) group_by: Option<String>,

    /// Process up to N inputs at once (default: one per core); output stays
    /// in input order.
    #[arg(short, long, global = true, value_name = "N")]
    pub(super) jobs: Option<usize>,

    /// Read the paths to process from FILE (`-` for standard input), one per
    /// line, or NUL-separated with --null.
    #[arg(long, global = true, value_name = "FILE")]
    pub(super) files_from: Option<PathBuf>,

    /// With --files-from: paths are separated by NUL bytes (`find -print0`).
    #[arg(short = '0', long, global = true, requires = "files_from")]
    pub(super) null: bool,

    /// In directories, only process files whose path matches GLOB (`!GLOB`
    /// excludes). May be given several times.
    #[arg(short = 'g', long = "glob", global = true, value_name = "GLOB")]
    pub(super) globs: Vec<String>,

    /// In directories, also process hidden files and directories.
    #[arg(long, global = true)]
    pub(super) hidden: bool,

    /// In directories, do not respect `.gitignore`, `.ignore` and similar
    /// files.
    #[arg(long, global = true)]
    pub(super) no_ignore: bool,

    /// Colours in --diff: `auto` (on a terminal, unless NO_COLOR is set),
    /// `always` or `never`.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub(super) color: ColorChoice,

    /// Words longer than N characters are never suspect.
    #[arg(long, global = true, value_name = "N", default_value_t = 45)]
    pub(super) max_word_chars: usize,

    /// Explain at most N distinct suspects per input, the most frequent
    /// first.
    #[arg(long, global = true, value_name = "N", default_value_t = 20_000)]
    pub(super) max_suspects: usize,

    /// Stop explaining the suspects of one input after SECONDS (learning
    /// from what was explained by then).
    #[arg(long, global = true, value_name = "SECONDS")]
    pub(super) time_budget: Option<f64>,
}

#[derive(Debug, Subcommand)]
pub(super) enum CommandArgs {
    /// Clean text without repairing words: remove site furniture (menus,
    /// share buttons, subscription blurbs, related lists, comment forms,
    /// captions printed twice) line by line by what it is, and fix Unicode
    /// and white space. Every change is an edit with its reason in --diff,
    /// --check and --format json/html.
    Clean(CleanCommandArgs),
    /// Learn rules from all FILEs together and print them in the rules-file
    /// format, without repairing anything.
    Learn(LearnArgs),
    /// Measure repair quality: corrupt clean files, repair them and score
    /// the repair word by word (or score a real corrupted file with --pairs).
    Eval(EvalArgs),
    /// Inspect what textmend knows, or compile a word list or a thesaurus.
    Dict {
        #[command(subcommand)]
        action: DictAction,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man directory.
    Man,
}

/// `--lang`: a language, or `None` for `auto`.
#[derive(Debug, Clone, Copy)]
pub(super) struct LangChoice(pub(super) Option<Language>);

fn parse_language(code: &str) -> Result<LangChoice, String> {
    if code.eq_ignore_ascii_case("auto") {
        return Ok(LangChoice(None));
    }
    language_code(code).map(|l| LangChoice(Some(l)))
}

/// `--thesaurus LANG=FILE`.
fn parse_thesaurus(given: &str) -> Result<(Language, PathBuf), String> {
    let (code, path) = given.split_once('=').ok_or_else(|| {
        format!("{given:?}: expected LANG=FILE, such as fr=/usr/share/mythes/th_fr_FR_v2.dat")
    })?;
    Ok((language_code(code)?, PathBuf::from(path)))
}

/// The language of a code such as `fr` or `FR` (not `auto`).
pub fn language_code(code: &str) -> Result<Language, String> {
    Language::from_code(&code.to_ascii_lowercase())
        .ok_or_else(|| format!("no dictionary for {code:?}: expected en, de, fr, es, it, pt or nl"))
}

/// The damage to look for, for `--mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Damage {
    /// Both kinds; the evidence decides.
    Auto,
    /// Word swaps inside words.
    Spinner,
    /// Misread glyphs and encoding damage.
    Ocr,
}

/// Where rules are learned from, for `--scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scope {
    /// Each input on its own.
    File,
    /// All inputs together.
    Corpus,
}

/// Report formats for `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Format {
    /// The repaired text.
    Text,
    /// One JSON object per line: each edit, then each rule.
    Json,
    /// One self-contained HTML page for review.
    Html,
}

/// When to colour the diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The clap command, for completions and the man page.
pub fn clap_command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// The names of the subcommands, to suggest one for a mistyped name.
pub fn subcommand_names() -> Vec<String> {
    clap_command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}
