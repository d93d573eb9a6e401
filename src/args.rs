//! The command line (clap derive), turned into one [`Command`] per
//! subcommand, each with plain options, so that nothing past this module
//! sees clap.

use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use textmend::Language;

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
    command: Option<CommandArgs>,

    #[command(flatten)]
    repair: RepairArgs,

    #[command(flatten)]
    global: GlobalArgs,
}

/// The default command's arguments: repairing files.
#[derive(Debug, clap::Args)]
struct RepairArgs {
    #[command(flatten)]
    report: ReportArgs,

    /// Apply the rules in FILE (as written by `textmend learn -o`, reviewed
    /// by hand) and learn nothing, unless --learn is also given.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,

    /// With --rules: also learn rules from each input, adding those the
    /// rules file neither has nor rejects.
    #[arg(long, requires = "rules")]
    learn: bool,

    /// Also write the rules used for each input, with their evidence, to
    /// PATH (`-` for standard error); written atomically.
    #[arg(long, value_name = "PATH")]
    rules_out: Option<PathBuf>,

    /// Print statistics on standard error at the end: inputs, bytes, words,
    /// edits of each kind, rules, time.
    #[arg(long)]
    stats: bool,

    /// Clean each input first (as `textmend clean` does: site furniture,
    /// Unicode and white space), then repair the cleaned text; every report
    /// shows both as edits of the input.
    #[arg(long, help_heading = "Cleaning (with --clean)")]
    clean: bool,

    #[command(flatten, next_help_heading = "Cleaning (with --clean)")]
    cleaning: CleanArgs,
}

/// Inputs and reports, shared by the repair and clean commands.
#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("report").args(["diff", "check", "write", "format"])))]
struct ReportArgs {
    /// Files or directories to repair; `-` or nothing means standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Print a unified diff of the repairs (for `patch -p1` or `git apply`)
    /// instead of the repaired text.
    #[arg(long)]
    diff: bool,

    /// Lines of context around each change in --diff.
    #[arg(short = 'U', long = "unified", value_name = "N", default_value_t = 0)]
    context: usize,

    /// Print only a summary; exit 1 if anything needs repair, 0 if not.
    #[arg(long)]
    check: bool,

    /// Repair the files in place (atomically, keeping mode, owner and group;
    /// untouched when nothing changes; symbolic links, read-only and
    /// non-regular files are refused).
    #[arg(short, long)]
    write: bool,

    /// Output format: the repaired text, JSON lines of edits and rules, or a
    /// self-contained HTML review page.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// Write the report (the text, --diff, --check, --format json/html) to
    /// PATH instead of standard output; written atomically.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,

    /// Write each repaired file under DIR, at its path relative to the
    /// working directory (`-o` for one report, `--out-dir` for one file per
    /// input).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "diff", "check", "write", "format"])]
    out_dir: Option<PathBuf>,
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
struct CleanCommandArgs {
    #[command(flatten)]
    report: ReportArgs,

    /// Print statistics on standard error at the end: inputs, bytes, edits
    /// of each kind, time.
    #[arg(long)]
    stats: bool,

    #[command(flatten, next_help_heading = "Cleaning")]
    cleaning: CleanArgs,
}

/// The cleaning flags, of `textmend clean` and of the repair command with
/// `--clean`. Every default is safe: nothing clean prose holds is changed.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct CleanArgs {
    /// Keep site furniture: only fix Unicode and white space.
    #[arg(long)]
    keep_furniture: bool,

    /// Normalize words to NFC.
    #[arg(long)]
    nfc: bool,

    /// Make no-break spaces plain spaces.
    #[arg(long)]
    nbsp: bool,

    /// Make typographic quotes straight.
    #[arg(long)]
    quotes: bool,

    /// Make en and em dashes and minus signs hyphen-minus signs.
    #[arg(long)]
    dashes: bool,

    /// Keep zero-width spaces, word joiners and byte-order marks.
    #[arg(long)]
    keep_invisible: bool,

    /// Keep control characters.
    #[arg(long)]
    keep_controls: bool,

    /// Keep spaces and tabs at line ends.
    #[arg(long)]
    keep_trailing_spaces: bool,

    /// Shorten runs of more than N blank lines to N (`keep` keeps them).
    #[arg(long, value_name = "N", default_value = "4", value_parser = blank_lines)]
    blank_lines: BlankLines,

    /// With --group-by: a line held by at least N documents of a group is
    /// furniture…
    #[arg(long, value_name = "N", default_value_t = 3)]
    repeat_documents: u64,

    /// …and by at least this share of them.
    #[arg(long, value_name = "SHARE", default_value_t = 0.5)]
    repeat_share: f64,
}

/// `--blank-lines`: a number, or `keep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BlankLines(Option<usize>);

fn blank_lines(value: &str) -> Result<BlankLines, String> {
    if value == "keep" {
        return Ok(BlankLines(None));
    }
    value
        .parse()
        .map(|n| BlankLines(Some(n)))
        .map_err(|_| format!("{value:?}: expected a number of blank lines or `keep`"))
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

/// Options every command takes, before or after its name.
#[derive(Debug, clap::Args)]
struct GlobalArgs {
    /// The damage to look for: both kinds, letting the evidence decide
    /// (`auto`), an article spinner's word swaps only (`spinner`), or a
    /// scanner's misread glyphs, ligatures, look-alike letters, broken
    /// words and mojibake only (`ocr`).
    #[arg(long = "mode", global = true, value_enum, value_name = "MODE")]
    damage: Option<Damage>,

    /// The language of the input: `auto` (detect it, per paragraph when a
    /// text mixes languages) or one of en, de, fr, es, it, pt, nl (any
    /// case).
    #[arg(long, global = true, value_name = "LANG", default_value = "auto", value_parser = parse_language)]
    lang: LangChoice,

    /// Extra valid words, one per line (optionally `word<TAB>frequency`),
    /// or a dictionary compiled by `textmend dict build`; never suspect.
    /// May be given several times.
    #[arg(long = "dict", global = true, value_name = "FILE")]
    dicts: Vec<PathBuf>,

    /// Words never to touch, one per line, or `re:PATTERN` for a regular
    /// expression matching the whole word. May be given several times.
    #[arg(long = "ignore", global = true, value_name = "FILE")]
    ignores: Vec<PathBuf>,

    /// A thesaurus for one language, as LANG=FILE: a MyThes `.dat` file
    /// such as Debian's `mythes-fr` installs
    /// (`fr=/usr/share/mythes/th_fr_FR_v2.dat`), or one compiled by `dict
    /// build --thesaurus`. Swaps between its synonyms need less evidence to
    /// be learned. May be given once per language.
    #[arg(long = "thesaurus", global = true, value_name = "LANG=FILE", value_parser = parse_thesaurus)]
    thesauri: Vec<(Language, PathBuf)>,

    /// Read settings (`mode`, `dict`, `ignore`, `thesaurus`) from this TOML
    /// file instead of the first `textmend.toml` found in the working
    /// directory or its parents.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Judge every text with the English dictionary, whatever language it
    /// seems to be in (same as `--lang en`).
    #[arg(long, global = true)]
    any_language: bool,

    /// Print no notices, progress or summary on standard error (errors are
    /// still printed).
    #[arg(short, long, global = true)]
    quiet: bool,

    /// Refuse input that is not valid UTF-8 (exit 2) instead of repairing
    /// only its valid stretches.
    #[arg(long, global = true)]
    strict: bool,

    /// Apply whole-word repairs (a spinner's `notified` back to `told`)
    /// instead of only reporting them as suggestions in --diff, --format
    /// json/html and the summary. Both sides are real words: review first.
    #[arg(long, global = true)]
    whole_words: bool,

    /// Process files that look binary (a NUL byte in the first 8 KiB),
    /// which are otherwise passed through untouched.
    #[arg(long, global = true)]
    force: bool,

    /// Read and write JSON lines, repairing one string field of each record
    /// (see --field) and keeping every other byte of the line.
    #[arg(long, global = true)]
    jsonl: bool,

    /// With --jsonl: the field to repair.
    #[arg(long, global = true, value_name = "NAME", default_value = "text")]
    field: String,

    /// Learn rules from each input on its own (`file`), or from all inputs
    /// together and apply them to each (`corpus`: a batch of articles from
    /// one spun site shares one spinner table; the evidence is counted input
    /// by input, JSON record by record, as for one --group-by group, and
    /// the inputs are read twice). With `eval`, `corpus` damages all files
    /// with one spinner or scanner and learns from them as one batch.
    #[arg(long, global = true, value_enum, default_value_t = Scope::File)]
    scope: Scope,

    /// Documents of one source: learn one rule set per source from its
    /// documents' pooled evidence (docs/corpora.md), or with `textmend
    /// clean` count lines across them (a line many hold is furniture):
    /// `FIELD` or `field:FIELD` (with --jsonl, the field's value),
    /// `host:FIELD` (the host of the URL in FIELD), `dir` (the input file's
    /// directory) or `all`. Reads the inputs twice.
    #[arg(long, global = true, value_name = "GROUP")]
    group_by: Option<String>,

    /// Process up to N inputs at once (default: one per core); output stays
    /// in input order.
    #[arg(short, long, global = true, value_name = "N")]
    jobs: Option<usize>,

    /// Read the paths to process from FILE (`-` for standard input), one per
    /// line, or NUL-separated with --null.
    #[arg(long, global = true, value_name = "FILE")]
    files_from: Option<PathBuf>,

    /// With --files-from: paths are separated by NUL bytes (`find -print0`).
    #[arg(short = '0', long, global = true, requires = "files_from")]
    null: bool,

    /// In directories, only process files whose path matches GLOB (`!GLOB`
    /// excludes). May be given several times.
    #[arg(short = 'g', long = "glob", global = true, value_name = "GLOB")]
    globs: Vec<String>,

    /// In directories, also process hidden files and directories.
    #[arg(long, global = true)]
    hidden: bool,

    /// In directories, do not respect `.gitignore`, `.ignore` and similar
    /// files.
    #[arg(long, global = true)]
    no_ignore: bool,

    /// Colours in --diff: `auto` (on a terminal, unless NO_COLOR is set),
    /// `always` or `never`.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// Words longer than N characters are never suspect.
    #[arg(long, global = true, value_name = "N", default_value_t = 45)]
    max_word_chars: usize,

    /// Explain at most N distinct suspects per input, the most frequent
    /// first.
    #[arg(long, global = true, value_name = "N", default_value_t = 20_000)]
    max_suspects: usize,

    /// Stop explaining the suspects of one input after SECONDS (learning
    /// from what was explained by then).
    #[arg(long, global = true, value_name = "SECONDS")]
    time_budget: Option<f64>,
}

#[derive(Debug, Subcommand)]
enum CommandArgs {
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

/// `textmend learn`.
#[derive(Debug, Clone, clap::Args)]
pub struct LearnArgs {
    /// Files or directories to learn from; `-` or nothing means standard
    /// input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the rules to PATH instead of standard output (atomically).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Start from the rules in FILE: they come first, and rules it rejects
    /// (commented out) are not learned again.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Write mergeable learning statistics (counts, not rules) instead of
    /// rules: one shard of a corpus too large for one machine.
    #[arg(long, conflicts_with = "merge")]
    pub stats: bool,

    /// The FILEs are statistics written by --stats: merge them and print the
    /// rules they support.
    #[arg(long)]
    pub merge: bool,
}

/// `textmend dict` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum DictAction {
    /// Compile a word list (one word per line, optionally
    /// `word<TAB>frequency`) into a dictionary file that --dict loads
    /// without parsing, or with --thesaurus a MyThes thesaurus into a file
    /// that --thesaurus loads without parsing.
    Build {
        /// The word list (or the MyThes .dat file).
        #[arg(value_name = "WORDS")]
        words: PathBuf,
        /// Where to write the compiled file (atomically).
        #[arg(short, long, value_name = "PATH")]
        output: PathBuf,
        /// WORDS is a MyThes thesaurus (`/usr/share/mythes/th_de_DE_v2.dat`).
        #[arg(long)]
        thesaurus: bool,
    },
    /// Say what textmend knows about each WORD: known or not, its frequency,
    /// whether a user dictionary has it, whether it is an attested form, a
    /// compound of dictionary words or ignored.
    Lookup {
        /// Words to look up.
        #[arg(value_name = "WORD", required = true)]
        words: Vec<String>,
    },
}

/// What `textmend eval` should do.
#[derive(Debug, Clone, clap::Args)]
#[command(group(ArgGroup::new("source").args(["corrupt", "pairs"]).required(true)))]
pub struct EvalArgs {
    /// Clean files to corrupt.
    #[arg(value_name = "CLEAN_FILE", requires = "corrupt")]
    pub files: Vec<PathBuf>,

    /// The damage to simulate.
    #[arg(long, value_enum)]
    pub corrupt: Option<Corruption>,

    /// Score a real corrupted file against its ground truth.
    #[arg(long, num_args = 2, value_names = ["CORRUPT", "TRUTH"])]
    pub pairs: Option<Vec<PathBuf>>,

    /// With --pairs: score this repair (another tool's, say) instead of
    /// running textmend.
    #[arg(long, value_name = "FILE", requires = "pairs")]
    pub repaired: Option<PathBuf>,

    /// The spinner table (`from<TAB>to` lines); default: the 44 pairs of
    /// fixtures/spinner/default_table.tsv. With `--corrupt ocr`: the
    /// engine's glyph confusions instead of the built-in ones
    /// (`printed<TAB>read`).
    #[arg(long, value_name = "FILE")]
    pub table: Option<PathBuf>,

    /// The share of the table's pairs the spinner uses.
    #[arg(long, value_name = "F", default_value_t = 1.0)]
    pub fraction: f64,

    /// Seed of the corruption (the same seed gives the same damage).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,

    /// Keep the files: DIR/NAME.corrupt.txt, NAME.truth.txt and
    /// NAME.textmend.txt for each input NAME.txt.
    #[arg(long, value_name = "DIR")]
    pub save: Option<PathBuf>,

    /// Print a table (text) or one JSON object.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
}

/// The damage `textmend eval` simulates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Corruption {
    /// An article spinner's synonym table, inside words too.
    Spinner,
    /// An OCR engine's glyph confusions and noise.
    Ocr,
    /// UTF-8 read as Windows-1252.
    Mojibake,
}

/// Output of `textmend eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A table for people.
    Text,
    /// One JSON object.
    Json,
}

/// `--lang`: a language, or `None` for `auto`.
#[derive(Debug, Clone, Copy)]
struct LangChoice(Option<Language>);

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
enum Damage {
    /// Both kinds; the evidence decides.
    Auto,
    /// Word swaps inside words.
    Spinner,
    /// Misread glyphs and encoding damage.
    Ocr,
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
enum Format {
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
