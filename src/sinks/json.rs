//! `--format json`: JSON lines, one object per edit and per whole-word
//! suggestion as the blocks come, then one per rule at the end of each
//! input. Places are found by a cursor moving over the input, so the cost
//! is linear whatever the length of a line.
//!
//! Schema (every line is one object; `type` tells which):
//!
//! * `{"type":"edit","file":F,"span":[START,END],"chars":[START,END],
//!   "line":L,"column":C,"before":B,"after":A,"kind":K,"rule":"FROM→TO",
//!   "rules":[[FROM,TO],…],"confidence":X,"evidence":N}` — `span` is the
//!   byte range of `before` in the input and `chars` the same range in
//!   characters; `line` and `column` are 1-based, the column in characters
//!   (a byte-order mark is not a column); `kind` is `word-swap`, `glyph`,
//!   `mojibake`, `broken-word` or `whole-word`; `rule` names the rules
//!   applied (joined by ` + ` when a word needed two); `reason` says why
//!   where the rules do not (which encodings a mojibake repair undid);
//!   `evidence` is the number of distinct words that support the weakest
//!   rule; `"whole_word":true` marks a whole-word repair.
//! * `{"type":"suggestion",…}` — the same fields, for a whole-word repair
//!   found but not applied (`--whole-words` applies them).
//! * `{"type":"rule","file":F,"from":FROM,"to":TO,"kind":K,"words":N,
//!   "tokens":N,"confidence":X,"rate":R,"keyness":K,
//!   "examples":[[SUSPECT,RESTORED],…]}` — a rule learned from or given for
//!   the input.
//!
//! With `--jsonl`, edits, suggestions and rules also carry `"record":R`
//! (the 0-based line of the record) and `"field":NAME`, and their spans,
//! line and column point into the field's text.

use std::io::{self, Write};

use serde::Serialize;
use textmend::{Edit, RuleSet};

use super::{commit, edit_label, is_rule, Block, End, Out, RuleFields, Sink};
use crate::inputs::Input;
use crate::position::{Cursor, Position};

#[derive(Serialize)]
struct EditLine<'a> {
    r#type: &'static str,
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    span: [usize; 2],
    chars: [usize; 2],
    line: usize,
    column: usize,
    before: &'a str,
    after: &'a str,
    kind: &'static str,
    rule: String,
    rules: &'a [(String, String)],
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    confidence: f64,
    evidence: usize,
    whole_word: bool,
}

#[derive(Serialize)]
struct RuleLine<'a> {
    r#type: &'static str,
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<usize>,
    #[serde(flatten)]
    rule: RuleFields<'a>,
}

pub struct JsonSink {
    out: Option<Out>,
    field: Option<String>,
    name: String,
    cursor: Cursor,
    /// With --jsonl, each record's rules were written with its edits.
    records: bool,
}

impl JsonSink {
    pub fn new(out: Out, field: Option<String>) -> JsonSink {
        JsonSink {
            out: Some(out),
            field,
            name: String::new(),
            cursor: Cursor::default(),
            records: false,
        }
    }

    fn write(&mut self, record: &impl Serialize) -> io::Result<()> {
        let out = self
            .out
            .as_mut()
            .ok_or_else(|| io::Error::other("report already written"))?;
        serde_json::to_writer(&mut *out, record).map_err(io::Error::other)?;
        out.write_all(b"\n")
    }

    /// The lines of `edits` and `suggestions` of one text, at `places`.
    fn edits(
        &mut self,
        edits: &[Edit],
        suggestions: &[Edit],
        places: &[Position],
        rules: &RuleSet,
        record: Option<usize>,
    ) -> io::Result<()> {
        let name = self.name.clone();
        let field = self.field.clone();
        let mut all: Vec<(&'static str, &Edit)> = edits
            .iter()
            .map(|e| ("edit", e))
            .chain(suggestions.iter().map(|e| ("suggestion", e)))
            .collect();
        all.sort_by_key(|(_, e)| e.span.start);
        for ((kind, edit), place) in all.into_iter().zip(places) {
            let line = EditLine {
                r#type: kind,
                file: &name,
                record,
                field: record.and(field.as_deref()),
                span: [place.byte, place.byte + edit.span.len()],
                chars: [place.char, place.char + edit.chars.len()],
                line: place.line,
                column: place.column,
                before: &edit.before,
                after: &edit.after,
                kind: edit.kind.name(),
                rule: edit_label(edit),
                rules: &edit.rules,
                reason: edit.reason.as_deref(),
                confidence: edit.confidence,
                evidence: evidence(edit, rules),
                whole_word: edit.is_whole_word(),
            };
            self.write(&line)?;
        }
        Ok(())
    }

    fn rules(&mut self, rules: &RuleSet, record: Option<usize>) -> io::Result<()> {
        let name = self.name.clone();
        for rule in rules.rules() {
            let line = RuleLine {
                r#type: "rule",
                file: &name,
                record,
                rule: RuleFields::line(rule),
            };
            self.write(&line)?;
        }
        Ok(())
    }
}

/// The number of distinct words supporting the weakest rule of `edit`.
fn evidence(edit: &Edit, rules: &RuleSet) -> usize {
    edit.rules
        .iter()
        .filter_map(|(from, to)| {
            let whole_word = edit.is_whole_word();
            rules
                .rules()
                .iter()
                .find(|r| is_rule(r, from, to, whole_word))
        })
        .map(|r| r.words)
        .min()
        .unwrap_or(0)
}

impl Sink for JsonSink {
    fn begin(&mut self, input: &Input) -> io::Result<()> {
        self.name = input.name();
        self.cursor = Cursor::default();
        self.records = false;
        Ok(())
    }

    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.cursor.advance(bytes);
        Ok(())
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        if !block.records.is_empty() || self.field.is_some() {
            self.records = true;
            self.cursor.advance(block.input);
            for record in block.records {
                let mut cursor = Cursor::default();
                let mut offsets: Vec<usize> = record
                    .edits
                    .iter()
                    .chain(&record.suggestions)
                    .map(|e| e.span.start)
                    .collect();
                offsets.sort_unstable();
                let places = cursor.positions(record.text.as_bytes(), offsets);
                self.edits(
                    &record.edits,
                    &record.suggestions,
                    &places,
                    &record.rules,
                    Some(record.index),
                )?;
                self.rules(&record.rules, Some(record.index))?;
            }
            return Ok(());
        }
        let mut offsets: Vec<usize> = block
            .edits
            .iter()
            .chain(block.suggestions)
            .map(|e| e.span.start)
            .collect();
        offsets.sort_unstable();
        let places = self.cursor.positions(block.input, offsets);
        self.edits(block.edits, block.suggestions, &places, block.rules, None)
    }

    fn end(&mut self, end: &End) -> io::Result<()> {
        if self.records {
            return Ok(());
        }
        self.rules(end.rules, None)
    }

    fn finish(&mut self) -> io::Result<()> {
        commit(&mut self.out)
    }
}
