//! All output goes through here: repaired text, diffs, JSON lines, the HTML
//! page and rule tables to standard output or `--output`; notices, errors
//! and the summary to standard error, prefixed `textmend: `.
//!
//! A report written to a file is built in memory and written atomically at
//! the end, so an interrupted run never leaves half a report (or half a
//! reviewed rules file) behind.

mod diff;
mod eval;
mod html;
mod json;

use std::collections::BTreeSet;
use std::fmt::Display;
use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use textmend::{LearningStats, Mended, RuleSet};

use crate::args::Mode;
use crate::eval::Evaluation;
use crate::write::write_atomically;

/// One input as the reports see it.
pub struct Input<'a> {
    /// How to name the input (`-` for standard input).
    pub name: &'a str,
    pub text: &'a str,
    pub mended: &'a Mended<'a>,
}

/// Counts for the summary line.
#[derive(Default)]
struct Totals {
    files: usize,
    files_changed: usize,
    edits: usize,
    /// Whole-word repairs found but not applied.
    suggestions: usize,
    suspects_left: usize,
    rules: BTreeSet<(String, String)>,
}

/// Where reports go.
pub struct Reporter {
    mode: Mode,
    quiet: bool,
    context: usize,
    /// Standard output, unless `--output` names a file.
    stdout: io::BufWriter<io::Stdout>,
    /// The report for `--output`, written at the end.
    buffered: Option<(PathBuf, Vec<u8>)>,
    rules_file: Option<fs::File>,
    html: Vec<html::Section>,
    totals: Totals,
}

impl Reporter {
    pub fn new(mode: Mode, quiet: bool, context: usize, output: Option<PathBuf>) -> Reporter {
        Reporter {
            mode,
            quiet,
            context,
            stdout: io::BufWriter::with_capacity(1 << 16, io::stdout()),
            buffered: output.map(|path| (path, Vec::new())),
            rules_file: None,
            html: Vec::new(),
            totals: Totals::default(),
        }
    }

    fn out(&mut self) -> &mut dyn Write {
        match &mut self.buffered {
            Some((_, buffer)) => buffer,
            None => &mut self.stdout,
        }
    }

    /// Bytes passed through unchanged (input that was not processed).
    pub fn passthrough(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.mode == Mode::Text {
            self.out().write_all(bytes)?;
        }
        Ok(())
    }

    /// A writer for bytes passed through unchanged (text mode only; a sink
    /// otherwise).
    pub fn passthrough_writer(&mut self) -> Box<dyn Write + '_> {
        if self.mode == Mode::Text {
            Box::new(self.out())
        } else {
            Box::new(io::sink())
        }
    }

    /// Counts an input that was repaired in blocks (see `stream`).
    pub fn streamed(&mut self, edits: usize) {
        self.totals.files += 1;
        self.totals.files_changed += usize::from(edits > 0);
        self.totals.edits += edits;
    }

    /// Reports one processed input in the current mode.
    pub fn input(&mut self, input: &Input) -> io::Result<()> {
        let edits = input.mended.edits();
        self.totals.files += 1;
        self.totals.files_changed += usize::from(!edits.is_empty());
        self.totals.edits += edits.len();
        self.totals.suggestions += input.mended.suggestions().len();
        self.totals.suspects_left += input.mended.suspects_left();
        for edit in edits {
            self.totals.rules.extend(edit.rules.iter().cloned());
        }
        match self.mode {
            Mode::Text => {
                let text = input.mended.text().as_bytes();
                self.out().write_all(text)
            }
            Mode::Diff => {
                let mut patch = diff::unified(input.name, input.text, edits, self.context);
                patch.push_str(&suggestion_comments(input));
                self.out().write_all(patch.as_bytes())
            }
            Mode::Json => {
                let lines = json::lines(input);
                self.out().write_all(lines.as_bytes())
            }
            Mode::Html => {
                self.html.push(html::Section::new(input));
                Ok(())
            }
            Mode::Check => {
                if !edits.is_empty() {
                    let line =
                        format!("{}: {} to repair\n", input.name, count(edits.len(), "word"));
                    self.out().write_all(line.as_bytes())?;
                }
                Ok(())
            }
            Mode::Write | Mode::Learn | Mode::Stats | Mode::Merge | Mode::Eval | Mode::Dict => {
                Ok(())
            }
        }
    }

    /// An evaluation, as a table or JSON.
    pub fn evaluation(&mut self, evaluation: &Evaluation, as_json: bool) -> io::Result<()> {
        let report = if as_json {
            eval::json(evaluation)
        } else {
            eval::table(evaluation)
        };
        self.out().write_all(report.as_bytes())
    }

    /// Learning statistics, as the report (`textmend learn --stats`).
    pub fn stats(&mut self, stats: &LearningStats) -> io::Result<()> {
        let text = stats.to_text();
        self.out().write_all(text.as_bytes())
    }

    /// A rules table, as the report (`textmend learn`).
    pub fn rules(&mut self, rules: &RuleSet) -> io::Result<()> {
        let table = rules.to_tsv();
        self.out().write_all(table.as_bytes())
    }

    /// Writes the rules used for one input to `path` (truncated on the first
    /// call of a run, appended to after that), or to standard error for `-`,
    /// under a comment naming the input.
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

    /// One line of the report (`textmend dict lookup`).
    pub fn line(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out(), "{line}")
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

    /// Whether any input needs repair (for the exit code of --check/--diff).
    pub fn found_repairs(&self) -> bool {
        self.totals.edits > 0
    }

    /// Writes what was kept for the end (the HTML page, a report file) and
    /// the summary.
    pub fn finish(mut self) -> io::Result<()> {
        if self.mode == Mode::Html {
            let page = html::page(&self.html);
            self.out().write_all(page.as_bytes())?;
        }
        let summary = self.summary();
        if self.mode == Mode::Check {
            writeln!(self.out(), "{summary}")?;
        } else if !self.quiet
            && self.totals.files > 0
            && !matches!(
                self.mode,
                Mode::Learn | Mode::Stats | Mode::Merge | Mode::Eval | Mode::Dict
            )
            && (matches!(self.mode, Mode::Diff | Mode::Write) || io::stderr().is_terminal())
        {
            eprintln!("textmend: {summary}");
        }
        if let Some((path, buffer)) = self.buffered.take() {
            write_atomically(&path, &buffer)?;
        }
        self.stdout.flush()
    }

    fn summary(&self) -> String {
        let t = &self.totals;
        let files = count(t.files, "file");
        let mut left = format!("{} left unchanged", count(t.suspects_left, "suspect"));
        if t.suggestions > 0 {
            left.push_str(&format!(
                "; {} (--whole-words applies them)",
                count(t.suggestions, "whole-word suggestion")
            ));
        }
        if t.edits == 0 {
            return format!("nothing to repair in {files}; {left}");
        }
        let place = format!(
            "in {} of {files} with {}",
            t.files_changed,
            count(t.rules.len(), "rule")
        );
        let words = count(t.edits, "word");
        match self.mode {
            Mode::Check | Mode::Diff => format!("{words} to repair {place}; {left}"),
            _ => format!("repaired {words} {place}; {left}"),
        }
    }
}

/// The whole-word suggestions of one input as comment lines for the end of
/// a diff (`patch` and `git apply` skip them): where, what, and the in-word
/// rule behind each.
fn suggestion_comments(input: &Input) -> String {
    let suggestions = input.mended.suggestions();
    if suggestions.is_empty() {
        return String::new();
    }
    let index = LineIndex::new(input.text);
    let mut out = format!(
        "# textmend: {} for {}, not applied (--whole-words applies them):\n",
        count(suggestions.len(), "whole-word suggestion"),
        input.name
    );
    for edit in suggestions {
        let (line, column) = index.position(input.text, edit.span.start);
        let behind = input
            .mended
            .rules()
            .rules()
            .iter()
            .find(|r| edit.rules.iter().any(|(f, t)| *f == r.from && *t == r.to))
            .and_then(|r| r.examples.first())
            .map(|(from, to)| format!("; in-word rule {}", rule_label(from, to)))
            .unwrap_or_default();
        out.push_str(&format!(
            "# {}:{line}:{column}: {} \u{2192} {}{behind}; confidence {:.2}\n",
            input.name, edit.before, edit.after, edit.confidence
        ));
    }
    out
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

/// `n noun`, with the noun in the plural unless `n` is 1.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Line and column (both 1-based; the column counts characters) of byte
/// offsets in one text, for reports that point at places.
pub struct LineIndex {
    starts: Vec<usize>,
    /// The number of lines: a final newline ends the last line rather than
    /// starting an empty one.
    lines: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let lines = if text.is_empty() || text.ends_with('\n') {
            starts.len() - 1
        } else {
            starts.len()
        };
        LineIndex { starts, lines }
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// The byte offset where 0-based `line` starts.
    pub fn start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// The text of 0-based `line`, with its line ending.
    pub fn line<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        &text[self.starts[line]..end]
    }

    /// The number of lines.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// 1-based line and column of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\nçd ef\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 3), (2, 1));
        assert_eq!(index.position(text, 6), (2, 3));
        assert_eq!(index.position(text, 11), (4, 1));
        assert_eq!(index.lines(), 4);
        assert_eq!(LineIndex::new("a\nb\n").lines(), 2);
        assert_eq!(LineIndex::new("").lines(), 0);
    }
}
