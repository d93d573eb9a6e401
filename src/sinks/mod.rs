//! Where a repair goes: one [`Sink`] per report (`--check`, `--diff`, `-w`,
//! the repaired text, `--format json/html`), fed the same stream of blocks
//! for every input, whatever its size. Every mode reads the same edits, so
//! they agree byte for byte; each holds at most a block (and what it
//! reports) in memory.

pub mod check;
pub mod diff;
pub mod html;
pub mod json;
mod rule;
mod spill;
pub mod text;

use std::io;

use textmend::{Edit, EditKind, RuleSet};

use crate::inputs::Input;

pub use rule::{is_rule, RuleFields};
pub use spill::Spill;

/// One repaired block of an input: the input's bytes, what they become, and
/// the edits (spans into `input`).
pub struct Block<'a> {
    pub input: &'a [u8],
    pub output: &'a [u8],
    pub edits: &'a [Edit],
    /// Whole-word repairs found but not applied.
    pub suggestions: &'a [Edit],
    /// With --jsonl: each repaired record, with edits into its field's
    /// text; `edits` then replace whole field values.
    pub records: &'a [Record],
    /// The rules the edits come from.
    pub rules: &'a RuleSet,
}

impl<'a> Block<'a> {
    /// A block of one text (not JSON lines).
    pub fn text(
        input: &'a [u8],
        output: &'a [u8],
        edits: &'a [Edit],
        suggestions: &'a [Edit],
        rules: &'a RuleSet,
    ) -> Block<'a> {
        Block {
            input,
            output,
            edits,
            suggestions,
            records: &[],
            rules,
        }
    }

    /// The word repairs, furniture removals and hygiene fixes the block
    /// counts (those of the records with --jsonl).
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        if self.records.is_empty() {
            self.edits.iter().for_each(|e| counts.add(e));
        } else {
            for record in self.records {
                record.edits.iter().for_each(|e| counts.add(e));
            }
        }
        counts
    }

    /// The whole-word suggestions the block counts.
    pub fn suggestion_count(&self) -> usize {
        if self.records.is_empty() {
            self.suggestions.len()
        } else {
            self.records.iter().map(|r| r.suggestions.len()).sum()
        }
    }
}

/// What edits change, by what they are.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Words repaired.
    pub repairs: usize,
    /// Lines of site furniture removed (cleaning).
    pub removals: usize,
    /// Unicode and white-space fixes (cleaning).
    pub fixes: usize,
}

impl Counts {
    /// Counts one edit.
    pub fn add(&mut self, edit: &Edit) {
        match edit.kind {
            EditKind::Furniture => self.removals += 1,
            EditKind::Hygiene => self.fixes += 1,
            _ => self.repairs += 1,
        }
    }

    /// Adds other counts.
    pub fn add_all(&mut self, other: Counts) {
        self.repairs += other.repairs;
        self.removals += other.removals;
        self.fixes += other.fixes;
    }

    /// Whether there is any change.
    pub fn any(&self) -> bool {
        self.repairs + self.removals + self.fixes > 0
    }

    /// The cleaning changes in words (`6 furniture lines, 2 hygiene
    /// fixes`), `None` when there is none.
    pub fn cleaning(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.removals > 0 {
            parts.push(crate::term::count(self.removals, "furniture line"));
        }
        if self.fixes > 0 {
            let s = if self.fixes == 1 { "" } else { "es" };
            parts.push(format!("{} hygiene fix{s}", self.fixes));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// A JSON-lines record whose field was repaired.
pub struct Record {
    /// 0-based line number in the input.
    pub index: usize,
    /// The field's text.
    pub text: String,
    pub edits: Vec<Edit>,
    pub suggestions: Vec<Edit>,
    pub rules: RuleSet,
}

/// What ended an input.
pub struct End<'a> {
    /// How reports name the input.
    pub name: &'a str,
    /// The rules used for it (all languages together).
    pub rules: &'a RuleSet,
}

/// A report.
pub trait Sink {
    /// An input starts.
    fn begin(&mut self, input: &Input) -> io::Result<()>;
    /// Bytes of the input passed through unexamined.
    fn pass(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// A block of the input, repaired.
    fn block(&mut self, block: &Block) -> io::Result<()>;
    /// The input ended.
    fn end(&mut self, end: &End) -> io::Result<()>;
    /// The input failed midway: whatever was written for it is dropped
    /// where it can be (a file being rewritten stays as it was).
    fn abort(&mut self) {}
    /// The run's summary line, for reports that include it (`--check`).
    fn summary(&mut self, _line: &str) -> io::Result<()> {
        Ok(())
    }
    /// Every input is done.
    fn finish(&mut self) -> io::Result<()>;
}

/// Where a report goes: standard output, or a file written atomically at
/// the end (`-o`).
pub enum Out {
    Stdout(io::BufWriter<io::Stdout>),
    File(crate::atomic::AtomicFile),
}

impl Out {
    /// Standard output, or the file `path`.
    pub fn new(path: Option<&std::path::Path>) -> io::Result<Out> {
        Ok(match path {
            Some(path) => Out::File(crate::atomic::AtomicFile::create(path)?),
            None => Out::Stdout(io::BufWriter::with_capacity(1 << 16, io::stdout())),
        })
    }

    /// Flushes standard output, or puts the file in place.
    pub fn commit(self) -> io::Result<()> {
        match self {
            Out::Stdout(mut stdout) => io::Write::flush(&mut stdout),
            Out::File(file) => file.commit(),
        }
    }
}

impl io::Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::File(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::File(w) => w.flush(),
        }
    }
}

/// Takes `out` to commit it once (a sink's `finish` may be called once).
pub fn commit(out: &mut Option<Out>) -> io::Result<()> {
    match out.take() {
        Some(out) => out.commit(),
        None => Ok(()),
    }
}

/// How reports name a rule: `from→to`.
pub fn rule_label(from: &str, to: &str) -> String {
    format!("{from}\u{2192}{to}")
}

/// How reports name the rules of one edit: `a→b`, or `a→b + c→d` when a
/// word needed two.
pub fn rules_label(rules: &[(String, String)]) -> String {
    rules
        .iter()
        .map(|(from, to)| rule_label(from, to))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// How reports name an edit's rules and reason: the rules, then the reason
/// in parentheses when there is one (mojibake: which encodings); a
/// cleaning edit, which no rule makes, as `furniture: WHY` or `hygiene:
/// WHAT`.
pub fn edit_label(edit: &Edit) -> String {
    if let Some(label) = crate::clean::cleaning_label(edit) {
        return label;
    }
    match &edit.reason {
        Some(reason) => format!("{} ({reason})", rules_label(&edit.rules)),
        None => rules_label(&edit.rules),
    }
}
