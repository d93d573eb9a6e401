//! Command-line arguments (clap derive), turned into plain [`Options`] so
//! that nothing past this module sees clap.

use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

/// Repair text damaged by article spinners and other systematic
/// substitutions, by learning the substitution rules from the text itself.
///
/// Reads each FILE (or standard input when there is none, or for `-`) and
/// writes the repaired text to standard output. Only words that are not in
/// the dictionary are changed, and only by rules the text gives evidence
/// for; clean text comes out byte-identical.
///
/// Exit status: 0 on success (and, with --check or --diff, when nothing
/// needs repair), 1 with --check or --diff when something does, 2 on error.
#[derive(Debug, Parser)]
#[command(
    name = "textmend",
    version,
    args_conflicts_with_subcommands = true,
    group(ArgGroup::new("mode").args(["diff", "check", "write", "format"]))
)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,

    /// Files to repair; `-` or nothing means standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

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

    /// Repair the files in place (atomically; untouched when nothing
    /// changes; symbolic links and read-only files are refused).
    #[arg(short, long)]
    write: bool,

    /// Output format: the repaired text, JSON lines of edits and rules, or a
    /// self-contained HTML review page.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// Write the report (--diff, --format json/html) to PATH instead of
    /// standard output.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,

    /// Apply the rules in FILE (as written by `textmend learn -o`, reviewed
    /// by hand) and learn nothing, unless --learn is also given.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,

    /// With --rules: also learn rules from each input, adding those the
    /// rules file neither has nor rejects.
    #[arg(long, requires = "rules")]
    learn: bool,

    /// Also write the rules used for each input, with their evidence, to
    /// PATH (`-` for standard error).
    #[arg(long, value_name = "PATH")]
    rules_out: Option<PathBuf>,

    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct Common {
    /// The damage to look for: both kinds, letting the evidence decide
    /// (`auto`), an article spinner's word swaps only (`spinner`), or a
    /// scanner's misread glyphs, ligatures, look-alike letters, broken
    /// words and mojibake only (`ocr`).
    #[arg(
        long = "mode",
        id = "damage",
        global = true,
        value_enum,
        value_name = "MODE"
    )]
    damage: Option<Damage>,

    /// The language of the input: `auto` (detect it, per paragraph when a
    /// text mixes languages) or one of en, de, fr, es, it, pt, nl.
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
    /// be learned; German compounds teach only swaps it backs. May be given
    /// once per language.
    #[arg(long = "thesaurus", global = true, value_name = "LANG=FILE", value_parser = parse_thesaurus)]
    thesauri: Vec<(textmend::Language, PathBuf)>,

    /// Read settings (`mode`, `dict`, `ignore`, `thesaurus`) from this TOML file instead
    /// of `textmend.toml` in the working directory.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Judge every text with the English dictionary, whatever language it
    /// seems to be in (by default a text in a language without a dictionary
    /// passes through untouched, with a notice; same as `--lang en`).
    #[arg(long, global = true)]
    any_language: bool,

    /// Print no notices or summary on standard error (errors are still
    /// printed).
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
    /// one spun site shares one spinner table; holds all inputs in memory
    /// while learning). With `eval`, `corpus` damages all files with one
    /// spinner or scanner and learns from them as one batch.
    #[arg(long, global = true, value_enum, default_value_t = Scope::File)]
    scope: Scope,

    /// Process up to N inputs at once (default: one per core); output stays
    /// in input order.
    #[arg(short, long, global = true, value_name = "N")]
    jobs: Option<usize>,

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
enum Command {
    /// Learn rules from all FILEs together and print them in the rules-file
    /// format, without repairing anything.
    Learn {
        /// Files to learn from; `-` or nothing means standard input.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,

        /// Write the rules to PATH instead of standard output.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,

        /// Start from the rules in FILE: they come first, and rules it
        /// rejects (commented out) are not learned again.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,

        /// Write mergeable learning statistics (counts, not rules) instead
        /// of rules: one shard of a corpus too large for one machine.
        #[arg(long, conflicts_with = "merge")]
        stats: bool,

        /// The FILEs are statistics written by --stats: merge them and print
        /// the rules they support.
        #[arg(long)]
        merge: bool,
    },
    /// Measure repair quality: corrupt clean files, repair them and score
    /// the repair word by word (or score a real corrupted file with --pairs).
    Eval(EvalOptions),
    /// Inspect what textmend knows, or compile a word list for --dict.
    Dict {
        #[command(subcommand)]
        action: DictAction,
    },
}

/// `textmend dict` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum DictAction {
    /// Compile a word list (one word per line, optionally `word<TAB>frequency`)
    /// into a dictionary file that --dict loads without parsing, or with
    /// --thesaurus a MyThes thesaurus into a file that --thesaurus loads
    /// without parsing.
    Build {
        /// The word list (or the MyThes .dat file).
        #[arg(value_name = "WORDS")]
        words: PathBuf,
        /// Where to write the compiled dictionary.
        #[arg(short, long, value_name = "PATH")]
        output: PathBuf,
        /// WORDS is a MyThes thesaurus (`/usr/share/mythes/th_de_DE_v2.dat`).
        #[arg(long)]
        thesaurus: bool,
    },
    /// Say what textmend knows about each WORD: known or not, its frequency,
    /// whether a user dictionary has it, whether it is an attested form or
    /// ignored.
    Lookup {
        /// Words to look up.
        #[arg(value_name = "WORD", required = true)]
        words: Vec<String>,
    },
}

/// What `textmend eval` should do.
#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("source").args(["corrupt", "pairs"]).required(true)))]
pub struct EvalOptions {
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
    /// engine's glyph confusions instead of the built-in ones (`printed<TAB>read`).
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
struct LangChoice(Option<textmend::Language>);

fn parse_language(code: &str) -> Result<LangChoice, String> {
    if code == "auto" {
        return Ok(LangChoice(None));
    }
    textmend::Language::from_code(code)
        .map(|l| LangChoice(Some(l)))
        .ok_or_else(|| {
            format!("no dictionary for {code:?}: expected auto, en, de, fr, es, it, pt or nl")
        })
}

/// `--thesaurus LANG=FILE`.
pub fn parse_thesaurus(given: &str) -> Result<(textmend::Language, PathBuf), String> {
    let (code, path) = given.split_once('=').ok_or_else(|| {
        format!("{given:?}: expected LANG=FILE, such as fr=/usr/share/mythes/th_fr_FR_v2.dat")
    })?;
    Ok((language_code(code)?, PathBuf::from(path)))
}

/// The language of a code such as `fr` (not `auto`).
pub fn language_code(code: &str) -> Result<textmend::Language, String> {
    textmend::Language::from_code(code)
        .ok_or_else(|| format!("no dictionary for {code:?}: expected en, de, fr, es, it, pt or nl"))
}

/// The damage to look for, for `--mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Damage {
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
pub enum Format {
    /// The repaired text.
    Text,
    /// One JSON object per line: each edit, then each rule.
    Json,
    /// One self-contained HTML page for review.
    Html,
}

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Repair each input to standard output.
    Text,
    /// A unified diff of the repairs.
    Diff,
    /// A summary and an exit code.
    Check,
    /// Repair files in place.
    Write,
    /// JSON lines.
    Json,
    /// An HTML review page.
    Html,
    /// Print the rules learned from all inputs together.
    Learn,
    /// Print the learning statistics of all inputs together.
    Stats,
    /// Merge statistics files and print the rules they support.
    Merge,
    /// Measure quality (`textmend eval`).
    Eval,
    /// `textmend dict`.
    Dict,
}

/// Plain options for the rest of the binary.
#[derive(Debug)]
pub struct Options {
    pub mode: Mode,
    /// Inputs; `-` is standard input. Never empty.
    pub files: Vec<PathBuf>,
    pub context: usize,
    pub output: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    pub learn: bool,
    pub rules_out: Option<PathBuf>,
    pub language_guard: bool,
    /// `--mode`, if given: the damage looked for.
    pub damage: Option<textmend::Mode>,
    /// `--lang`, unless `auto`.
    pub language: Option<textmend::Language>,
    /// `--dict` files.
    pub dicts: Vec<PathBuf>,
    /// `--ignore` files.
    pub ignores: Vec<PathBuf>,
    /// `--thesaurus` files, by language.
    pub thesauri: Vec<(textmend::Language, PathBuf)>,
    /// `--config`.
    pub config: Option<PathBuf>,
    /// Set for `textmend dict`.
    pub dict: Option<DictAction>,
    pub quiet: bool,
    pub strict: bool,
    /// `--whole-words`: apply whole-word repairs, not only suggest them.
    pub whole_words: bool,
    pub force: bool,
    pub max_word_chars: usize,
    pub max_suspects: usize,
    /// Inputs processed at once; at least 1.
    pub jobs: usize,
    pub scope: Scope,
    /// `--jsonl`: the field to repair.
    pub jsonl: Option<String>,
    pub time_budget: Option<f64>,
    /// Set for `textmend eval`.
    pub eval: Option<EvalOptions>,
}

impl Args {
    pub fn into_options(self) -> Options {
        let mut eval = None;
        let mut dict = None;
        let (mode, files, output, rules, learn) = match self.command {
            Some(Command::Eval(options)) => {
                let files = options.files.clone();
                eval = Some(options);
                (Mode::Eval, files, self.output, self.rules, self.learn)
            }
            Some(Command::Dict { action }) => {
                dict = Some(action);
                (Mode::Dict, Vec::new(), self.output, self.rules, false)
            }
            Some(Command::Learn {
                files,
                output,
                rules,
                stats,
                merge,
            }) => {
                let mode = match (stats, merge) {
                    (true, _) => Mode::Stats,
                    (_, true) => Mode::Merge,
                    _ => Mode::Learn,
                };
                (mode, files, output, rules, true)
            }
            None => {
                let mode = if self.diff {
                    Mode::Diff
                } else if self.check {
                    Mode::Check
                } else if self.write {
                    Mode::Write
                } else {
                    match self.format.unwrap_or(Format::Text) {
                        Format::Text => Mode::Text,
                        Format::Json => Mode::Json,
                        Format::Html => Mode::Html,
                    }
                };
                (mode, self.files, self.output, self.rules, self.learn)
            }
        };
        let files = if files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            files
        };
        Options {
            mode,
            files,
            context: self.context,
            output,
            rules,
            learn,
            rules_out: self.rules_out,
            language_guard: !self.common.any_language,
            damage: self.common.damage.map(Into::into),
            language: self.common.lang.0,
            dicts: self.common.dicts,
            ignores: self.common.ignores,
            thesauri: self.common.thesauri,
            config: self.common.config,
            dict,
            quiet: self.common.quiet,
            strict: self.common.strict,
            whole_words: self.common.whole_words,
            force: self.common.force,
            max_word_chars: self.common.max_word_chars,
            scope: self.common.scope,
            jsonl: self.common.jsonl.then_some(self.common.field),
            jobs: self
                .common
                .jobs
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
                .max(1),
            max_suspects: self.common.max_suspects,
            time_budget: self.common.time_budget,
            eval,
        }
    }
}
