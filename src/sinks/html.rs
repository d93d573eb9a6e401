//! `--format html`: one self-contained review page (inline style, script
//! and data; no network, no external assets). The page shows each input's
//! text with every edit and whole-word suggestion marked, and lets a
//! reviewer accept or reject single edits or whole rules, filter by rule,
//! kind and confidence, step from edit to edit (`j`/`k`, `x` toggles), and
//! export the accepted rules (the rules-file format), the repaired text and
//! a patch. Whole-word suggestions start unchecked.
//!
//! The page's data is a JSON document the script renders: each input is a
//! list of chunks (a first line number and the text as segments, plain or
//! edited). An input up to [`WHOLE_LIMIT`] bytes is one chunk, so the
//! repaired text can be exported; a larger one keeps only the lines around
//! its edits (the patch export still works), and the page shows a few
//! hundred edits at a time, so its size follows the edits, not the input.

use std::io::{self, Write};

use serde::Serialize;
use textmend::{Edit, Rule, RuleKind};

use super::{commit, edit_label, is_rule, rule_label, Block, End, Out, RuleFields, Sink};
use crate::inputs::Input;
use crate::position::Cursor;

/// Inputs up to this many bytes are embedded whole.
const WHOLE_LIMIT: usize = 4 << 20;

/// Lines of context kept around the edits of a larger input.
const CONTEXT_LINES: usize = 2;

#[derive(Serialize)]
struct Page<'a> {
    files: &'a [FileData],
    rules: Vec<RuleData<'a>>,
}

#[derive(Serialize)]
struct FileData {
    name: String,
    /// Whether the chunks hold the whole text.
    whole: bool,
    chunks: Vec<Chunk>,
    edits: usize,
    suggestions: usize,
}

#[derive(Serialize, Default)]
struct Chunk {
    /// 1-based line of the chunk's first byte.
    line: usize,
    segments: Vec<Segment>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Segment {
    Plain(String),
    Edit(EditData),
}

#[derive(Serialize)]
struct EditData {
    before: String,
    after: String,
    kind: &'static str,
    /// Rule names (`from→to`, marked for whole-word rules).
    rules: Vec<String>,
    label: String,
    confidence: f64,
    /// Applied (an edit) or only suggested.
    applied: bool,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct RuleData<'a> {
    name: String,
    #[serde(flatten)]
    rule: RuleFields<'a>,
}

pub struct HtmlSink {
    out: Option<Out>,
    files: Vec<FileData>,
    rules: Vec<Rule>,
    current: Option<Current>,
}

/// The input being read.
struct Current {
    file: FileData,
    cursor: Cursor,
    bytes: usize,
    /// Bytes kept whole so far, while the input is small enough.
    whole: Option<Vec<(Vec<u8>, Vec<Mark>)>>,
}

impl HtmlSink {
    pub fn new(out: Out) -> HtmlSink {
        HtmlSink {
            out: Some(out),
            files: Vec::new(),
            rules: Vec::new(),
            current: None,
        }
    }
}

impl Sink for HtmlSink {
    fn begin(&mut self, input: &Input) -> io::Result<()> {
        self.current = Some(Current {
            file: FileData {
                name: input.name(),
                whole: true,
                chunks: Vec::new(),
                edits: 0,
                suggestions: 0,
            },
            cursor: Cursor::default(),
            bytes: 0,
            whole: Some(Vec::new()),
        });
        Ok(())
    }

    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some(current) = &mut self.current {
            current.add(bytes, &[], &[]);
        }
        Ok(())
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        let Some(current) = &mut self.current else {
            return Ok(());
        };
        if !block.records.is_empty() {
            // JSON lines: each record's text is a chunk of its own.
            current.file.whole = false;
            current.whole = None;
            for record in block.records {
                let mut cursor = Cursor::default();
                let edits = marks(&record.edits, &record.suggestions);
                let segments = segments(record.text.as_bytes(), &edits, &mut cursor);
                current.file.edits += record.edits.len();
                current.file.suggestions += record.suggestions.len();
                current.file.chunks.push(Chunk {
                    line: record.index + 1,
                    segments,
                });
            }
            return Ok(());
        }
        current.add(block.input, block.edits, block.suggestions);
        Ok(())
    }

    fn end(&mut self, end: &End) -> io::Result<()> {
        let Some(mut current) = self.current.take() else {
            return Ok(());
        };
        if let Some(parts) = current.whole.take() {
            // Small enough: the whole text, one chunk.
            let mut cursor = Cursor::default();
            let mut chunk = Chunk {
                line: 1,
                segments: Vec::new(),
            };
            for (bytes, edits) in parts {
                chunk.segments.extend(segments(&bytes, &edits, &mut cursor));
            }
            current.file.chunks = vec![chunk];
        }
        for rule in end.rules.rules() {
            let whole = rule.kind == RuleKind::WholeWord;
            match self
                .rules
                .iter_mut()
                .find(|r| is_rule(r, &rule.from, &rule.to, whole))
            {
                Some(seen) if rule.words > seen.words => *seen = rule.clone(),
                Some(_) => {}
                None => self.rules.push(rule.clone()),
            }
        }
        self.files.push(current.file);
        Ok(())
    }

    fn abort(&mut self) {
        self.current = None;
    }

    fn finish(&mut self) -> io::Result<()> {
        let Some(mut out) = self.out.take() else {
            return Ok(());
        };
        let mut rules: Vec<&Rule> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.words.cmp(&a.words).then(a.from.cmp(&b.from)));
        let page = Page {
            files: &self.files,
            rules: rules.iter().map(|r| rule_data(r)).collect(),
        };
        let data = serde_json::to_string(&page).map_err(io::Error::other)?;
        out.write_all(HEAD.as_bytes())?;
        out.write_all(STYLE.as_bytes())?;
        out.write_all(BODY.as_bytes())?;
        out.write_all(b"<script type=\"application/json\" id=\"data\">")?;
        // `</` cannot end the data early.
        out.write_all(data.replace("</", "<\\/").as_bytes())?;
        out.write_all(b"</script>\n<script>\n")?;
        out.write_all(SCRIPT.as_bytes())?;
        out.write_all(b"</script>\n</body>\n</html>\n")?;
        commit(&mut Some(out))
    }
}

impl Current {
    /// Adds a block (edits with spans into `bytes`).
    fn add(&mut self, bytes: &[u8], edits: &[Edit], suggestions: &[Edit]) {
        self.bytes += bytes.len();
        self.file.edits += edits.len();
        self.file.suggestions += suggestions.len();
        let all = marks(edits, suggestions);
        if let Some(parts) = &mut self.whole {
            if self.bytes <= WHOLE_LIMIT {
                parts.push((bytes.to_vec(), all));
                return;
            }
            // Too large to embed: what was kept becomes excerpts too.
            let kept = std::mem::take(parts);
            self.whole = None;
            self.file.whole = false;
            let mut cursor = Cursor::default();
            for (old, old_edits) in kept {
                excerpts(&old, &old_edits, &mut cursor, &mut self.file.chunks);
            }
            self.cursor = cursor;
        }
        excerpts(bytes, &all, &mut self.cursor, &mut self.file.chunks);
    }
}

/// An edit, and whether it was applied (a whole-word suggestion was not).
type Mark = (Edit, bool);

/// Edits and suggestions together, in order.
fn marks(edits: &[Edit], suggestions: &[Edit]) -> Vec<Mark> {
    let mut all: Vec<Mark> = edits.iter().map(|e| (e.clone(), true)).collect();
    all.extend(suggestions.iter().map(|e| (e.clone(), false)));
    all.sort_by_key(|(e, _)| e.span.start);
    all
}

/// The segments of `bytes` with `edits` (spans into it), moving `cursor`.
fn segments(bytes: &[u8], edits: &[Mark], cursor: &mut Cursor) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    let places = cursor.positions(bytes, edits.iter().map(|(e, _)| e.span.start));
    for ((edit, applied), place) in edits.iter().zip(places) {
        if edit.span.start < at {
            continue;
        }
        if edit.span.start > at {
            out.push(Segment::Plain(lossy(&bytes[at..edit.span.start])));
        }
        out.push(Segment::Edit(edit_data(
            edit,
            *applied,
            place.line,
            place.column,
        )));
        at = edit.span.end;
    }
    if at < bytes.len() {
        out.push(Segment::Plain(lossy(&bytes[at..])));
    }
    out
}

/// Chunks of the lines around `edits` in `bytes`, moving `cursor`.
fn excerpts(bytes: &[u8], edits: &[Mark], cursor: &mut Cursor, chunks: &mut Vec<Chunk>) {
    let first_line = cursor.position().line;
    if edits.is_empty() {
        cursor.advance(bytes);
        return;
    }
    let starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset) - 1;
    let mut ranges: Vec<(usize, usize, usize, usize)> = Vec::new(); // lines a..=b, edits i..j
    for (i, (edit, _)) in edits.iter().enumerate() {
        let a = line_of(edit.span.start).saturating_sub(CONTEXT_LINES);
        let b = (line_of(edit.span.end.max(edit.span.start + 1) - 1) + CONTEXT_LINES)
            .min(starts.len() - 1);
        match ranges.last_mut() {
            Some(last) if a <= last.1 + 1 => {
                last.1 = last.1.max(b);
                last.3 = i + 1;
            }
            _ => ranges.push((a, b, i, i + 1)),
        }
    }
    for (a, b, i, j) in ranges {
        let start = starts[a];
        let end = starts.get(b + 1).copied().unwrap_or(bytes.len());
        let local: Vec<Mark> = edits[i..j]
            .iter()
            .filter(|(e, _)| e.span.start >= start && e.span.end <= end)
            .map(|(e, applied)| {
                let mut e = e.clone();
                e.span = e.span.start - start..e.span.end - start;
                (e, *applied)
            })
            .collect();
        let mut chunk_cursor = Cursor::default();
        let mut segs = segments(&bytes[start..end], &local, &mut chunk_cursor);
        // Edit places are the input's, not the chunk's.
        for seg in &mut segs {
            if let Segment::Edit(e) = seg {
                e.line += first_line + a - 1;
            }
        }
        chunks.push(Chunk {
            line: first_line + a,
            segments: segs,
        });
    }
    cursor.advance(bytes);
}

fn edit_data(edit: &Edit, applied: bool, line: usize, column: usize) -> EditData {
    let whole = edit.is_whole_word();
    EditData {
        before: edit.before.clone(),
        after: edit.after.clone(),
        kind: edit.kind.name(),
        rules: edit
            .rules
            .iter()
            .map(|(f, t)| rule_name(f, t, whole))
            .collect(),
        label: edit_label(edit),
        confidence: edit.confidence,
        applied,
        line,
        column,
    }
}

fn rule_data(rule: &Rule) -> RuleData<'_> {
    RuleData {
        name: rule_name(&rule.from, &rule.to, rule.kind == RuleKind::WholeWord),
        rule: RuleFields::page(rule),
    }
}

/// How the page names a rule: `from→to`, marked when it is a whole-word
/// swap (an in-word rule may have the same sides).
fn rule_name(from: &str, to: &str, whole_word: bool) -> String {
    let label = rule_label(from, to);
    if whole_word {
        format!("{label} (whole word)")
    } else {
        label
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src blob:\">\n\
<title>textmend review</title>\n";

const STYLE: &str = concat!(
    "<style>\n",
    include_str!("review.css"),
    "</style>\n</head>\n"
);

const BODY: &str = include_str!("review.html");

const SCRIPT: &str = include_str!("review.js");
