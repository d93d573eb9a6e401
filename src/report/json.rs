//! JSON lines: one object per edit, then one per rule used, for each input.
//!
//! Schema (every line is one object; `type` tells which):
//!
//! * `{"type":"edit","file":F,"span":[START,END],"line":L,"column":C,
//!   "before":B,"after":A,"rule":"FROM→TO","rules":[[FROM,TO],…],
//!   "confidence":X,"evidence":N}` — `span` is the byte range of `before`
//!   in the input; `line` and `column` are 1-based, the column in
//!   characters; `rule` names the rules applied (joined by ` + ` when a word
//!   needed two); `evidence` is the number of distinct words that support
//!   the weakest of them; `"whole_word":true` marks a whole-word repair
//!   (`notified` → `told`).
//! * `{"type":"suggestion",…}` — the same fields, for a whole-word repair
//!   found but not applied (`--whole-words` applies them).
//! * `{"type":"rule","file":F,"from":FROM,"to":TO,"kind":K,"words":N,
//!   "tokens":N,"confidence":X,"rate":R,"keyness":K,
//!   "examples":[[SUSPECT,RESTORED],…]}` — a rule that was learned from or
//!   given for the input (`rate`, the share of places misread, for glyph
//!   confusions only; `keyness`, the G² of the word's count against its
//!   expected count, for whole-word swaps only, whose examples hold the
//!   in-word rule's lemmas behind them).

use serde::Serialize;
use textmend::RuleKind;

use super::{rules_label, Input, LineIndex};

#[derive(Serialize)]
struct EditLine<'a> {
    r#type: &'static str,
    file: &'a str,
    span: [usize; 2],
    line: usize,
    column: usize,
    before: &'a str,
    after: &'a str,
    rule: String,
    rules: &'a [(String, String)],
    confidence: f64,
    evidence: usize,
    whole_word: bool,
}

#[derive(Serialize)]
struct RuleLine<'a> {
    r#type: &'static str,
    file: &'a str,
    from: &'a str,
    to: &'a str,
    kind: String,
    words: usize,
    tokens: usize,
    confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyness: Option<f64>,
    examples: &'a [(String, String)],
}

/// The JSON lines for one input.
pub fn lines(input: &Input) -> String {
    let index = LineIndex::new(input.text);
    let rules = input.mended.rules();
    let mut out = String::new();
    let edits = input.mended.edits().iter().map(|e| ("edit", e));
    let suggestions = input.mended.suggestions().iter().map(|e| ("suggestion", e));
    for (kind, edit) in edits.chain(suggestions) {
        let (line, column) = index.position(input.text, edit.span.start);
        let evidence = edit
            .rules
            .iter()
            .filter_map(|(from, to)| {
                rules.rules().iter().find(|r| {
                    &r.from == from
                        && &r.to == to
                        && (r.kind == RuleKind::WholeWord) == edit.is_whole_word()
                })
            })
            .map(|r| r.words)
            .min()
            .unwrap_or(0);
        let record = EditLine {
            r#type: kind,
            file: input.name,
            span: [edit.span.start, edit.span.end],
            line,
            column,
            before: &edit.before,
            after: &edit.after,
            rule: rules_label(&edit.rules),
            rules: &edit.rules,
            confidence: edit.confidence,
            evidence,
            whole_word: edit.is_whole_word(),
        };
        push(&mut out, &record);
    }
    for rule in rules.rules() {
        let record = RuleLine {
            r#type: "rule",
            file: input.name,
            from: &rule.from,
            to: &rule.to,
            kind: rule.kind.to_string(),
            words: rule.words,
            tokens: rule.tokens,
            confidence: rule.confidence,
            rate: rule.rate,
            keyness: rule.keyness,
            examples: &rule.examples,
        };
        push(&mut out, &record);
    }
    out
}

fn push(out: &mut String, record: &impl Serialize) {
    // Serializing plain strings and numbers cannot fail.
    if let Ok(json) = serde_json::to_string(record) {
        out.push_str(&json);
        out.push('\n');
    }
}
