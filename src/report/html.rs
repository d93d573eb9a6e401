//! The HTML review page: one self-contained file (inline style and script,
//! no network, no external assets) with every input's text and each repair
//! highlighted (the repaired word, the original on hover or for all repairs
//! at once), a table of the rules with their evidence and a checkbox each,
//! filters by rule and confidence, and an export of the checked rules in the
//! rules-file format (`textmend --rules`). Whole-word suggestions (repairs
//! found but not applied) are underlined with the suggested word on hover.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use textmend::{Rule, RuleKind};

use super::{count, rule_label, Input};

/// One input, rendered.
pub struct Section {
    name: String,
    /// The text as HTML with the repairs marked up.
    body: String,
    edits: usize,
    suggestions: usize,
    rules: Vec<Rule>,
}

impl Section {
    pub fn new(input: &Input) -> Section {
        let text = input.text;
        let mut body = String::with_capacity(text.len() + 64 * input.mended.edits().len());
        let mut at = 0;
        let mut marks: Vec<(&textmend::Edit, bool)> = input
            .mended
            .edits()
            .iter()
            .map(|e| (e, true))
            .chain(input.mended.suggestions().iter().map(|e| (e, false)))
            .collect();
        marks.sort_by_key(|(e, _)| e.span.start);
        for (edit, applied) in marks {
            if edit.span.start < at {
                continue;
            }
            body.push_str(&escape(&text[at..edit.span.start]));
            let rules: Vec<String> = edit
                .rules
                .iter()
                .map(|(f, t)| name(f, t, edit.is_whole_word()))
                .collect();
            if !applied {
                let _ = write!(
                    body,
                    "<span class=\"suggestion\" title=\"whole-word suggestion, not applied: \
                     {before} \u{2192} {after} by {title_rules}, confidence {confidence:.2} \
                     (--whole-words applies it)\">{before}</span>",
                    before = escape(&edit.before),
                    after = escape(&edit.after),
                    title_rules = escape(&rules.join(" + ")),
                    confidence = edit.confidence,
                );
                at = edit.span.end;
                continue;
            }
            let _ = write!(
                body,
                "<span class=\"edit\" data-rules=\"{rules}\" data-confidence=\"{confidence:.3}\" \
                 title=\"{before} \u{2192} {after} by {title_rules}, confidence {confidence:.2}\">\
                 <del>{before}</del><ins>{after}</ins></span>",
                rules = escape(&rules.join("|")),
                confidence = edit.confidence,
                before = escape(&edit.before),
                after = escape(&edit.after),
                title_rules = escape(&rules.join(" + ")),
            );
            at = edit.span.end;
        }
        body.push_str(&escape(&text[at..]));
        Section {
            name: input.name.to_string(),
            body,
            edits: input.mended.edits().len(),
            suggestions: input.mended.suggestions().len(),
            rules: input.mended.rules().rules().to_vec(),
        }
    }
}

/// The whole page for all inputs.
pub fn page(sections: &[Section]) -> String {
    // One row per rule over all inputs: the strongest evidence seen.
    // (A whole-word rule and an in-word rule may share their sides.)
    let mut rules: BTreeMap<(String, String, bool), Rule> = BTreeMap::new();
    for rule in sections.iter().flat_map(|s| &s.rules) {
        let whole = rule.kind == RuleKind::WholeWord;
        rules
            .entry((rule.from.clone(), rule.to.clone(), whole))
            .and_modify(|seen| {
                if rule.words > seen.words {
                    *seen = rule.clone();
                }
            })
            .or_insert_with(|| rule.clone());
    }
    let mut rules: Vec<Rule> = rules.into_values().collect();
    rules.sort_by(|a, b| b.words.cmp(&a.words).then(a.from.cmp(&b.from)));

    let edits: usize = sections.iter().map(|s| s.edits).sum();
    let mut html =
        String::with_capacity(16 * 1024 + sections.iter().map(|s| s.body.len()).sum::<usize>());
    html.push_str(HEAD);
    let _ = write!(
        html,
        "<header><h1>textmend review</h1>\
         <p id=\"summary\">{} in {} by {}</p>\
         <div class=\"filters\">\
         <label>Rule <select id=\"rule-filter\"><option value=\"\">all rules</option>",
        count(edits, "repair"),
        count(sections.len(), "file"),
        count(rules.len(), "rule"),
    );
    for rule in &rules {
        let name = escape(&rule_name(rule));
        let _ = write!(html, "<option value=\"{name}\">{name}</option>");
    }
    html.push_str(
        "</select></label>\
         <label>Minimum confidence <input type=\"range\" id=\"confidence-filter\" min=\"0\" \
         max=\"1\" step=\"0.05\" value=\"0\"> <output id=\"confidence-value\">0.00</output></label>\
         <label><input type=\"checkbox\" id=\"show-before\"> show the original of every repair</label>\
         </div></header>\n<main>\n<section class=\"rules\"><h2>Rules</h2>\
         <p>Uncheck a rule to reject it; its repairs are shown struck out. \
         Export writes the checked rules in the format <code>textmend --rules FILE</code> reads, \
         with the unchecked ones commented out.</p>\
         <table id=\"rules\"><thead><tr><th>keep</th><th>from</th><th>to</th><th>kind</th>\
         <th>words</th><th>tokens</th><th>confidence</th><th>rate</th><th>keyness</th><th>examples</th></tr></thead><tbody>\n",
    );
    for rule in &rules {
        let examples: Vec<String> = rule
            .examples
            .iter()
            .map(|(s, d)| format!("{s}>{d}"))
            .collect();
        let _ = writeln!(
            html,
            "<tr data-rule=\"{name}\" data-from=\"{from}\" data-to=\"{to}\" data-kind=\"{kind}\" \
             data-words=\"{words}\" data-tokens=\"{tokens}\" data-confidence=\"{confidence:.3}\" \
             data-rate=\"{rate}\" data-keyness=\"{keyness}\" data-examples=\"{examples_attr}\">\
             <td><input type=\"checkbox\" class=\"keep\" checked aria-label=\"keep {name}\"></td>\
             <td>{from}</td><td>{to}</td><td>{kind}</td><td>{words}</td><td>{tokens}</td>\
             <td>{confidence:.3}</td><td>{rate}</td><td>{keyness}</td><td>{examples_text}</td></tr>",
            name = escape(&rule_name(rule)),
            from = escape(&rule.from),
            to = escape(&rule.to),
            kind = rule.kind,
            words = rule.words,
            tokens = rule.tokens,
            confidence = rule.confidence,
            rate = rule.rate.map(|r| format!("{r:.3}")).unwrap_or_default(),
            keyness = rule.keyness.map(|k| format!("{k:.1}")).unwrap_or_default(),
            examples_attr = escape(&examples.join(",")),
            examples_text = escape(&examples.join(", ").replace('>', " \u{2192} ")),
        );
    }
    html.push_str(
        "</tbody></table>\
         <p><button id=\"export\" type=\"button\">Export checked rules</button> \
         <a id=\"download\" download=\"rules.tsv\" hidden>download rules.tsv</a></p>\
         <textarea id=\"exported\" rows=\"8\" readonly hidden></textarea></section>\n",
    );
    for section in sections {
        let _ = writeln!(
            html,
            "<section class=\"file\"><h2>{name}</h2><p>{edits}{suggestions}</p><pre class=\"text\">{body}</pre></section>",
            name = escape(&section.name),
            edits = count(section.edits, "repair"),
            suggestions = if section.suggestions > 0 {
                format!(
                    ", {} (underlined)",
                    count(section.suggestions, "whole-word suggestion")
                )
            } else {
                String::new()
            },
            body = section.body,
        );
    }
    html.push_str("</main>\n");
    html.push_str(SCRIPT);
    html.push_str("</body>\n</html>\n");
    html
}

/// How the page names a rule: `from→to`, marked when it is a whole-word
/// swap (an in-word rule may have the same sides).
fn name(from: &str, to: &str, whole_word: bool) -> String {
    let label = rule_label(from, to);
    if whole_word {
        format!("{label} (whole word)")
    } else {
        label
    }
}

fn rule_name(rule: &Rule) -> String {
    name(&rule.from, &rule.to, rule.kind == RuleKind::WholeWord)
}

/// Text as HTML character data or attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const HEAD: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>textmend review</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: .5rem 1.5rem; z-index: 1; }
header h1 { font-size: 1.2rem; margin: 0; display: inline-block; margin-right: 1rem; }
header p { display: inline-block; margin: 0; color: #555; }
.filters { display: flex; gap: 1.5rem; flex-wrap: wrap; margin-top: .3rem; }
main { padding: 0 1.5rem 2rem; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; }
tr.rejected td { color: #999; text-decoration: line-through; }
pre.text { white-space: pre-wrap; background: #fff; border: 1px solid #ddd; padding: 1rem; font: 14px/1.6 ui-monospace, monospace; }
.edit ins { background: #d9f2d9; text-decoration: none; border-bottom: 2px solid #2e7d32; }
.edit del { display: none; background: #fbe0e0; color: #8b1a1a; }
.edit:hover del, body.show-before .edit del { display: inline; }
.edit:hover ins, body.show-before .edit ins { margin-left: .15em; }
.edit.rejected ins { display: none; }
.edit.rejected del { display: inline; text-decoration: none; }
.edit.filtered ins { background: none; border-bottom-color: #ccc; }
.suggestion { border-bottom: 2px dotted #b26a00; cursor: help; }
#exported { width: 100%; font: 13px ui-monospace, monospace; }
</style>
</head>
<body>
"##;

const SCRIPT: &str = r##"<script>
"use strict";
(function () {
  const rows = Array.from(document.querySelectorAll("#rules tbody tr"));
  const edits = Array.from(document.querySelectorAll(".edit"));
  const ruleFilter = document.getElementById("rule-filter");
  const confidenceFilter = document.getElementById("confidence-filter");
  const confidenceValue = document.getElementById("confidence-value");
  const showBefore = document.getElementById("show-before");

  function rejectedRules() {
    return new Set(rows.filter(r => !r.querySelector(".keep").checked).map(r => r.dataset.rule));
  }

  function update() {
    const rejected = rejectedRules();
    const rule = ruleFilter.value;
    const minimum = parseFloat(confidenceFilter.value);
    confidenceValue.textContent = minimum.toFixed(2);
    for (const row of rows) {
      row.classList.toggle("rejected", rejected.has(row.dataset.rule));
    }
    for (const edit of edits) {
      const rules = edit.dataset.rules.split("|");
      const shown = (rule === "" || rules.includes(rule)) &&
        parseFloat(edit.dataset.confidence) >= minimum;
      edit.classList.toggle("filtered", !shown);
      edit.classList.toggle("rejected", rules.some(r => rejected.has(r)));
    }
    document.body.classList.toggle("show-before", showBefore.checked);
  }

  function exportRules() {
    const lines = [
      "# textmend rules v1",
      "# Exported from a textmend review page. Unchecked rules are commented out.",
    ];
    for (const row of rows) {
      const d = row.dataset;
      const line = d.from + "\t" + d.to + "\t" + d.kind + "\t# words=" + d.words +
        " tokens=" + d.tokens + " confidence=" + d.confidence +
        (d.rate ? " rate=" + d.rate : "") + (d.keyness ? " keyness=" + d.keyness : "") +
        " examples=" + d.examples;
      lines.push(row.querySelector(".keep").checked ? line : "#" + d.from + "\t" + d.to);
    }
    const text = lines.join("\n") + "\n";
    const area = document.getElementById("exported");
    area.value = text;
    area.hidden = false;
    const link = document.getElementById("download");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/tab-separated-values" }));
    link.hidden = false;
  }

  for (const input of [ruleFilter, confidenceFilter, showBefore]) {
    input.addEventListener("input", update);
  }
  for (const row of rows) {
    row.querySelector(".keep").addEventListener("change", update);
  }
  document.getElementById("export").addEventListener("click", exportRules);
  update();
  document.body.dataset.ready = String(edits.length);
})();
</script>
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
