//! All output goes through here: repaired text to standard output, rule
//! tables to standard output or a file, notices and errors to standard error
//! prefixed `textmend: `.

use std::fmt::Display;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use textmend::RuleSet;

/// Where reports go. Standard output is buffered; it is flushed by
/// [`Reporter::finish`].
pub struct Reporter {
    out: io::BufWriter<io::Stdout>,
    quiet: bool,
    rules_file: Option<fs::File>,
}

impl Reporter {
    pub fn new(quiet: bool) -> Reporter {
        Reporter {
            out: io::BufWriter::with_capacity(1 << 16, io::stdout()),
            quiet,
            rules_file: None,
        }
    }

    /// Writes (repaired or passed-through) bytes to standard output.
    pub fn text(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// Writes a rules table to standard output.
    pub fn rules(&mut self, rules: &RuleSet) -> io::Result<()> {
        self.out.write_all(rules.to_tsv().as_bytes())
    }

    /// Writes a rules table to `path` (truncated on the first call of a
    /// run, appended to after that), or to standard error for `-`, under a
    /// comment naming the input it was learned from.
    pub fn rules_to(&mut self, path: &Path, input: &str, rules: &RuleSet) -> io::Result<()> {
        let table = format!("# learned from {input}\n{}", rules.to_tsv());
        if path == Path::new("-") {
            return io::stderr().write_all(table.as_bytes());
        }
        let file = match &mut self.rules_file {
            Some(file) => file,
            None => self.rules_file.insert(fs::File::create(path)?),
        };
        file.write_all(table.as_bytes())
    }

    /// A notice on standard error, unless quiet.
    pub fn notice(&self, message: impl Display) {
        if !self.quiet {
            eprintln!("textmend: {message}");
        }
    }

    /// An error on standard error.
    pub fn error(&self, message: impl Display) {
        eprintln!("textmend: {message}");
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}
