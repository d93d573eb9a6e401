//! The subcommands whose clap arguments are their options as they are:
//! `learn`, `eval` and `dict` take these structs unchanged.

use std::path::PathBuf;

use clap::{ArgGroup, Subcommand, ValueEnum};

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
