//! `--diff`: a unified diff built from the edits (not by comparing texts),
//! as the blocks come. Each run of old lines touched by edits is replaced
//! by itself with the edits applied (an edit may join lines: a word
//! hyphenated at a line end), with `-U` unchanged lines of context around
//! it. `patch -p1` and `git apply` take it. A hunk is held until its line
//! counts are known, in memory up to a limit and on disk beyond; a hunk
//! that keeps growing is closed at an unchanged line, so what is held stays
//! bounded. On a terminal the changed words are coloured. Cleaning edits
//! are lines of the diff like any other; comment lines after a file's
//! hunks give the reason of each furniture removal and count the hygiene
//! fixes by what they fix.

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Write};

use textmend::{Edit, EditKind};

use super::{commit, rule_label, Block, End, Out, Sink, Spill};
use crate::inputs::Input;
use crate::position::{Cursor, Position};
use crate::term::count;

/// A hunk is closed at the next unchanged line once its body holds this
/// many bytes, whatever the context asked for.
const HUNK_LIMIT: usize = 1 << 20;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD_RED: &str = "\x1b[1;31;7m";
const BOLD_GREEN: &str = "\x1b[1;32;7m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

pub struct DiffSink {
    out: Option<Out>,
    context: usize,
    color: bool,
    /// The current input's state.
    file: Option<FileDiff>,
}

/// A run of changed old lines and the new text that replaces them.
#[derive(Default)]
struct Run {
    /// 0-based first old line.
    first: usize,
    old: Spill,
    new: Spill,
    old_lines: usize,
    /// Changed stretches, as offsets into `old` and `new` (for colour; left
    /// empty for runs too long to keep them).
    old_marks: Vec<(usize, usize)>,
    new_marks: Vec<(usize, usize)>,
}

/// A hunk being built.
struct Hunk {
    /// 0-based first old and new line.
    old_start: usize,
    new_start: usize,
    old_count: usize,
    new_count: usize,
    body: Spill,
    /// Unchanged lines since the last run.
    trailing: usize,
}

struct FileDiff {
    name: String,
    header_written: bool,
    /// 0-based number of the current old line.
    line: usize,
    /// New lines minus old lines, over the runs so far.
    shift: isize,
    /// The current old line, and the new text written for it so far.
    line_old: Spill,
    line_new: Spill,
    line_old_marks: Vec<(usize, usize)>,
    line_new_marks: Vec<(usize, usize)>,
    touched: bool,
    run: Option<Run>,
    hunk: Option<Hunk>,
    /// Unchanged lines kept for the next hunk's leading context.
    ring: VecDeque<Vec<u8>>,
    cursor: Cursor,
    suggestions: Vec<(Position, Edit)>,
    /// Furniture removals: the 1-based line removed and why.
    removals: Vec<(usize, String)>,
    /// Hygiene fixes, counted by what they fix.
    fixes: BTreeMap<String, usize>,
}

impl DiffSink {
    pub fn new(out: Out, context: usize, color: bool) -> DiffSink {
        DiffSink {
            out: Some(out),
            context,
            color,
            file: None,
        }
    }
}

impl Sink for DiffSink {
    fn begin(&mut self, input: &Input) -> io::Result<()> {
        self.file = Some(FileDiff {
            name: input.name(),
            header_written: false,
            line: 0,
            shift: 0,
            line_old: Spill::default(),
            line_new: Spill::default(),
            line_old_marks: Vec::new(),
            line_new_marks: Vec::new(),
            touched: false,
            run: None,
            hunk: None,
            ring: VecDeque::new(),
            cursor: Cursor::default(),
            suggestions: Vec::new(),
            removals: Vec::new(),
            fixes: BTreeMap::new(),
        });
        Ok(())
    }

    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.same(bytes)
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        if let Some(file) = &mut self.file {
            let offsets = block.suggestions.iter().map(|e| e.span.start);
            let mut cursor = file.cursor.clone();
            let places = cursor.positions(block.input, offsets);
            file.cursor = cursor;
            file.suggestions
                .extend(places.into_iter().zip(block.suggestions.iter().cloned()));
        }
        // With --jsonl the edits replace whole field values; the cleaning
        // edits are the records'.
        for record in block.records {
            for edit in &record.edits {
                self.note(edit, Some(record.index + 1));
            }
        }
        let mut at = 0;
        for edit in block.edits {
            self.same(&block.input[at..edit.span.start])?;
            if block.records.is_empty() {
                self.note(edit, None);
            }
            self.changed(&block.input[edit.span.clone()], edit.after.as_bytes())?;
            at = edit.span.end;
        }
        self.same(&block.input[at..])
    }

    fn end(&mut self, end: &End) -> io::Result<()> {
        let Some(mut file) = self.file.take() else {
            return Ok(());
        };
        let out = self
            .out
            .as_mut()
            .ok_or_else(|| io::Error::other("report already written"))?;
        if !file.line_old.is_empty() || !file.line_new.is_empty() {
            // The last line has no line end.
            file.line_done(self.context, out, self.color)?;
        }
        file.close_run(self.context, out, self.color)?;
        file.close_hunk(out, self.color)?;
        write_cleaning(out, &file)?;
        if !file.suggestions.is_empty() {
            write_suggestions(out, &file, end)?;
        }
        Ok(())
    }

    fn abort(&mut self) {
        self.file = None;
    }

    fn finish(&mut self) -> io::Result<()> {
        commit(&mut self.out)
    }
}

impl DiffSink {
    /// Notes a cleaning edit about to be written, at the current line (or
    /// at `line`, a record's).
    fn note(&mut self, edit: &Edit, line: Option<usize>) {
        let Some(file) = &mut self.file else { return };
        let why = edit.reason.clone().unwrap_or_default();
        match edit.kind {
            EditKind::Furniture => {
                let line = line.unwrap_or_else(|| {
                    file.line + 1 + crate::clean::leading_blank_lines(&edit.before)
                });
                file.removals.push((line, why));
            }
            EditKind::Hygiene => *file.fixes.entry(why).or_default() += 1,
            _ => {}
        }
    }

    /// Unchanged bytes of the input.
    fn same(&mut self, bytes: &[u8]) -> io::Result<()> {
        let (Some(file), Some(out)) = (&mut self.file, &mut self.out) else {
            return Ok(());
        };
        for piece in bytes.split_inclusive(|&b| b == b'\n') {
            file.line_old.push(piece)?;
            file.line_new.push(piece)?;
            if piece.ends_with(b"\n") {
                file.line_done(self.context, out, self.color)?;
            }
        }
        Ok(())
    }

    /// An edit: `old` bytes of the input become `new`.
    fn changed(&mut self, old: &[u8], new: &[u8]) -> io::Result<()> {
        let (Some(file), Some(out)) = (&mut self.file, &mut self.out) else {
            return Ok(());
        };
        file.touched = true;
        let at = file.line_new.len();
        file.line_new.push(new)?;
        file.line_new_marks.push((at, at + new.len()));
        let mut pieces = old.split_inclusive(|&b| b == b'\n').peekable();
        while let Some(piece) = pieces.next() {
            let at = file.line_old.len();
            file.line_old.push(piece)?;
            file.line_old_marks.push((at, at + piece.len()));
            if piece.ends_with(b"\n") {
                file.touched = true;
                file.line_done(self.context, out, self.color)?;
                // The edit goes on into the next line.
                file.touched = pieces.peek().is_some();
            }
        }
        Ok(())
    }
}

impl FileDiff {
    /// The current old line has ended.
    fn line_done(&mut self, context: usize, out: &mut Out, color: bool) -> io::Result<()> {
        let old = std::mem::take(&mut self.line_old);
        let new = std::mem::take(&mut self.line_new);
        let old_marks = std::mem::take(&mut self.line_old_marks);
        let new_marks = std::mem::take(&mut self.line_new_marks);
        // A run goes on while its new text has not reached a line end (an
        // edit joined lines), and over every touched line.
        let open_new = self.run.as_ref().is_some_and(|r| !ends_line(&r.new));
        if self.touched || open_new {
            let line = self.line;
            let run = self.run.get_or_insert_with(|| Run {
                first: line,
                ..Run::default()
            });
            let (old_base, new_base) = (run.old.len(), run.new.len());
            let keep_marks = run.old_marks.len() < 10_000;
            run.old.append_spill(old)?;
            run.new.append_spill(new)?;
            if keep_marks {
                run.old_marks
                    .extend(old_marks.iter().map(|(a, b)| (old_base + a, old_base + b)));
                run.new_marks
                    .extend(new_marks.iter().map(|(a, b)| (new_base + a, new_base + b)));
            }
            run.old_lines += 1;
        } else {
            self.close_run(context, out, color)?;
            self.unchanged(old, context, out, color)?;
        }
        self.touched = false;
        self.line += 1;
        Ok(())
    }

    /// Hands the current run, if any, to the hunk being built.
    fn close_run(&mut self, context: usize, out: &mut Out, color: bool) -> io::Result<()> {
        let Some(mut run) = self.run.take() else {
            return Ok(());
        };
        let first_old = run.first;
        let new_lines = lines(&run.new);
        let hunk = match &mut self.hunk {
            Some(hunk) => hunk,
            None => {
                let leading = self.ring.len();
                let start = first_old - leading;
                self.hunk.insert(Hunk {
                    old_start: start,
                    new_start: (start as isize + self.shift) as usize,
                    old_count: 0,
                    new_count: 0,
                    body: Spill::default(),
                    trailing: 0,
                })
            }
        };
        for line in self.ring.drain(..) {
            push_line(&mut hunk.body, ' ', &line, None, color)?;
            hunk.old_count += 1;
            hunk.new_count += 1;
        }
        let marks = |m: &Vec<(usize, usize)>| (!m.is_empty()).then_some(m.clone());
        push_lines(
            &mut hunk.body,
            '-',
            &mut run.old,
            marks(&run.old_marks),
            color,
        )?;
        push_lines(
            &mut hunk.body,
            '+',
            &mut run.new,
            marks(&run.new_marks),
            color,
        )?;
        hunk.old_count += run.old_lines;
        hunk.new_count += new_lines;
        hunk.trailing = 0;
        self.shift += new_lines as isize - run.old_lines as isize;
        let _ = (context, out);
        Ok(())
    }

    /// An unchanged old line: context of the hunk being built, or kept for
    /// the next one.
    fn unchanged(
        &mut self,
        line: Spill,
        context: usize,
        out: &mut Out,
        color: bool,
    ) -> io::Result<()> {
        let mut line = line;
        if let Some(hunk) = &mut self.hunk {
            if hunk.trailing < context {
                let mut bytes = Vec::new();
                line.drain_to(&mut bytes)?;
                push_line(&mut hunk.body, ' ', &bytes, None, color)?;
                hunk.old_count += 1;
                hunk.new_count += 1;
                hunk.trailing += 1;
                if hunk.body.len() >= HUNK_LIMIT {
                    self.close_hunk(out, color)?;
                }
                return Ok(());
            }
        }
        if context == 0 {
            return self.close_hunk(out, color);
        }
        let mut bytes = Vec::new();
        line.drain_to(&mut bytes)?;
        self.ring.push_back(bytes);
        if self.ring.len() > context {
            // Too far from the last run: the hunk ends with its context.
            self.ring.pop_front();
            self.close_hunk(out, color)?;
        }
        Ok(())
    }

    /// Writes the hunk being built, if any.
    fn close_hunk(&mut self, out: &mut Out, color: bool) -> io::Result<()> {
        let Some(mut hunk) = self.hunk.take() else {
            return Ok(());
        };
        if !self.header_written {
            self.header_written = true;
            let path = self.name.trim_start_matches("./").trim_start_matches('/');
            // A name with a space or tab ends with a tab, as GNU diff writes
            // it, so that patch(1) reads the whole name.
            let end = if path.contains([' ', '\t']) { "\t" } else { "" };
            let (bold, reset) = if color { ("\x1b[1m", RESET) } else { ("", "") };
            write!(out, "{bold}--- a/{path}{end}\n+++ b/{path}{end}{reset}\n")?;
        }
        let start = |first: usize, n: usize| if n == 0 { first } else { first + 1 };
        let (cyan, reset) = if color { (CYAN, RESET) } else { ("", "") };
        writeln!(
            out,
            "{cyan}@@ -{},{} +{},{} @@{reset}",
            start(hunk.old_start, hunk.old_count),
            hunk.old_count,
            start(hunk.new_start, hunk.new_count),
            hunk.new_count
        )?;
        hunk.body.drain_to(out)
    }
}

impl Spill {
    /// Appends another spill's bytes.
    fn append_spill(&mut self, mut other: Spill) -> io::Result<()> {
        let mut bytes = Vec::new();
        other.drain_lines(|chunk| {
            bytes.extend_from_slice(chunk);
            if bytes.len() >= 1 << 16 {
                self.push(&bytes)?;
                bytes.clear();
            }
            Ok(())
        })?;
        self.push(&bytes)
    }
}

/// Whether `text` is empty or ends at a line end.
fn ends_line(text: &Spill) -> bool {
    text.is_empty() || text.ends_with_newline()
}

/// The number of lines in `text` (a last line without a line end counts).
fn lines(text: &Spill) -> usize {
    text.newlines() + usize::from(!ends_line(text))
}

/// Writes `text`'s lines into `body`, each after `sign`; a last line
/// without a line end gets the marker patch expects. With colour, the
/// `marks` (offsets into `text`) are highlighted.
fn push_lines(
    body: &mut Spill,
    sign: char,
    text: &mut Spill,
    marks: Option<Vec<(usize, usize)>>,
    color: bool,
) -> io::Result<()> {
    let mut at = 0;
    let mut line = Vec::new();
    let mut result = Ok(());
    text.drain_lines(|chunk| {
        line.extend_from_slice(chunk);
        if chunk.ends_with(b"\n") || line.len() >= 1 << 20 {
            let base = at;
            at += line.len();
            let local: Option<Vec<(usize, usize)>> = marks.as_ref().map(|m| {
                m.iter()
                    .filter(|(a, b)| *b > base && *a < base + line.len())
                    .map(|(a, b)| (a.saturating_sub(base), (*b - base).min(line.len())))
                    .collect()
            });
            result = push_line(body, sign, &line, local, color);
            line.clear();
        }
        Ok(())
    })?;
    result?;
    if !line.is_empty() {
        let base = at;
        let local = marks.map(|m| {
            m.iter()
                .filter(|(_, b)| *b > base)
                .map(|(a, b)| (a.saturating_sub(base), (*b - base).min(line.len())))
                .collect()
        });
        push_line(body, sign, &line, local, color)?;
    }
    Ok(())
}

/// One diff line; a line without a line end gets the marker patch expects.
fn push_line(
    body: &mut Spill,
    sign: char,
    line: &[u8],
    marks: Option<Vec<(usize, usize)>>,
    color: bool,
) -> io::Result<()> {
    let (content, newline) = match line.strip_suffix(b"\n") {
        Some(content) => (content, true),
        None => (line, false),
    };
    if color && sign != ' ' {
        let (plain, strong) = if sign == '-' {
            (RED, BOLD_RED)
        } else {
            (GREEN, BOLD_GREEN)
        };
        body.push(plain.as_bytes())?;
        body.push(&[sign as u8])?;
        let mut at = 0;
        for (a, b) in marks.unwrap_or_default() {
            let (a, b) = (a.min(content.len()).max(at), b.min(content.len()));
            if a >= b {
                continue;
            }
            body.push(&content[at..a])?;
            body.push(strong.as_bytes())?;
            body.push(&content[a..b])?;
            body.push(RESET.as_bytes())?;
            body.push(plain.as_bytes())?;
            at = b;
        }
        body.push(&content[at..])?;
        body.push(RESET.as_bytes())?;
    } else {
        body.push(&[sign as u8])?;
        body.push(content)?;
    }
    body.push(b"\n")?;
    if !newline {
        body.push(b"\\ No newline at end of file\n")?;
    }
    Ok(())
}

/// Why cleaning changed what it changed in one input, as comment lines
/// after its hunks (`patch` and `git apply` skip them): each removal's
/// line and reason, then the hygiene fixes counted by what they fix.
fn write_cleaning(out: &mut Out, file: &FileDiff) -> io::Result<()> {
    if !file.removals.is_empty() {
        writeln!(
            out,
            "# textmend: {} removed from {}:",
            count(file.removals.len(), "furniture line"),
            file.name
        )?;
        for (line, why) in &file.removals {
            writeln!(out, "# {}:{line}: furniture: {why}", file.name)?;
        }
    }
    if !file.fixes.is_empty() {
        let total: usize = file.fixes.values().sum();
        let what: Vec<String> = file
            .fixes
            .iter()
            .map(|(why, n)| format!("{why} ({n})"))
            .collect();
        let s = if total == 1 { "" } else { "es" };
        writeln!(
            out,
            "# textmend: {total} hygiene fix{s} in {}: {}",
            file.name,
            what.join(", ")
        )?;
    }
    Ok(())
}

/// The whole-word suggestions of one input as comment lines at the end of
/// its diff (`patch` and `git apply` skip them): where, what, and the
/// in-word rule behind each.
fn write_suggestions(out: &mut Out, file: &FileDiff, end: &End) -> io::Result<()> {
    writeln!(
        out,
        "# textmend: {} for {}, not applied (--whole-words applies them):",
        count(file.suggestions.len(), "whole-word suggestion"),
        file.name
    )?;
    for (place, edit) in &file.suggestions {
        let behind = end
            .rules
            .rules()
            .iter()
            .find(|r| edit.rules.iter().any(|(f, t)| *f == r.from && *t == r.to))
            .and_then(|r| r.examples.first())
            .map(|(from, to)| format!("; in-word rule {}", rule_label(from, to)))
            .unwrap_or_default();
        writeln!(
            out,
            "# {}:{}:{}: {} \u{2192} {}{behind}; confidence {:.2}",
            file.name, place.line, place.column, edit.before, edit.after, edit.confidence
        )?;
    }
    Ok(())
}
