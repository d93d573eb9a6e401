//! JSON lines (`--jsonl --field NAME`): each line is a JSON object whose
//! field NAME holds the text to repair. Only that field's value changes,
//! and only when its text does; every other byte of the line — other
//! fields, key order, spacing, escapes — is kept. Lines that are not such
//! objects pass through untouched and are counted. Records are read in
//! batches of whole lines, so a file of any size stays record-aware with
//! memory bounded by a batch; each record is learned from on its own
//! (and, with `--group-by` or `--scope corpus`, given its group's rules).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;
use serde_json::value::RawValue;
use textmend::{Edit, EditKind, Language, Mended, Mender, RuleSet};

use crate::clean::Cleaning;
use crate::groups::Groups;
use crate::inputs::Input;
use crate::sinks::Record;

/// The string value of `field` in a JSON object `line`, and its byte range
/// in the line (quotes included); `None` when there is no such string.
pub fn field(line: &str, field: &str) -> Option<(String, Range<usize>)> {
    string_of(line, &object(line)?, field)
}

/// The fields of a JSON object `line`, their values unparsed.
type Object<'a> = HashMap<Cow<'a, str>, &'a RawValue>;

/// `line` read as a JSON object, if it is one.
fn object(line: &str) -> Option<Object<'_>> {
    serde_json::from_str(line).ok()
}

/// [`field`] of `line`, read as `object` already.
fn string_of(line: &str, object: &Object<'_>, field: &str) -> Option<(String, Range<usize>)> {
    let raw = object.get(field)?.get();
    let value: String = serde_json::from_str(raw).ok()?;
    let start = raw.as_ptr() as usize - line.as_ptr() as usize;
    Some((value, start..start + raw.len()))
}

/// The language a record's `--lang-field` names
/// ([`Language::from_label`]), from the record `line` read as `object`:
/// `None` when the record has no such string field (its language is
/// detected), `Some(None)` for a language without a dictionary.
fn label(line: &str, object: &Object<'_>, lang_field: Option<&str>) -> Option<Option<Language>> {
    let (value, _) = string_of(line, object, lang_field?)?;
    Some(Language::from_label(&value))
}

/// What repairing a batch of lines gave.
pub struct Batch {
    /// The lines with their fields repaired.
    pub output: Vec<u8>,
    /// One edit per repaired field, replacing its JSON string literal
    /// (spans into the batch).
    pub edits: Vec<Edit>,
    /// The records repaired or with suggestions, with edits into their text.
    pub records: Vec<Record>,
    /// Lines that are not objects with a string field of that name (blank
    /// lines aside).
    pub skipped: usize,
    /// Rules used, over all records.
    pub rules: RuleSet,
    /// Suspect tokens left, over all records.
    pub suspects_left: usize,
}

/// Repairs field `name` of every record in `batch` (whole lines; the first
/// is line `first_index` of the input), records in parallel, in order.
pub fn repair(
    batch: &[u8],
    first_index: usize,
    name: &str,
    lang_field: Option<&str>,
    mender: &Mender,
    groups: Option<(&Groups, &Input)>,
    cleaning: Option<(&Cleaning, &Input)>,
) -> Batch {
    let lines: Vec<(usize, &[u8])> = {
        let mut at = 0;
        batch
            .split_inclusive(|&b| b == b'\n')
            .map(|line| {
                let start = at;
                at += line.len();
                (start, line)
            })
            .collect()
    };
    let results: Vec<Line> = lines
        .par_iter()
        .enumerate()
        .map(|(k, (start, line))| {
            let work = Work {
                name,
                lang_field,
                mender,
                groups,
                cleaning,
            };
            repair_line(line, *start, first_index + k, &work)
        })
        .collect();
    let mut out = Batch {
        output: Vec::with_capacity(batch.len()),
        edits: Vec::new(),
        records: Vec::new(),
        skipped: 0,
        rules: RuleSet::default(),
        suspects_left: 0,
    };
    for ((_, line), result) in lines.iter().zip(results) {
        out.skipped += usize::from(result.skipped);
        out.suspects_left += result.suspects_left;
        match result.repaired {
            Some((edit, new_line)) => {
                out.output.extend_from_slice(&new_line);
                out.edits.push(edit);
            }
            None => out.output.extend_from_slice(line),
        }
        if let Some(record) = result.record {
            out.rules = out.rules.extended_with(&record.rules);
            out.records.push(record);
        }
    }
    out
}

/// What repairing one line gave.
struct Line {
    /// The field's replacement and the new line.
    repaired: Option<(Edit, Vec<u8>)>,
    record: Option<Record>,
    skipped: bool,
    suspects_left: usize,
}

/// How each record is repaired: its field, the mender, its group's rules
/// (`--group-by`), and cleaning first (with the input the record is in,
/// for its group).
struct Work<'a> {
    name: &'a str,
    lang_field: Option<&'a str>,
    mender: &'a Mender,
    groups: Option<(&'a Groups, &'a Input)>,
    cleaning: Option<(&'a Cleaning, &'a Input)>,
}

/// A record's field repaired (and cleaned): its text and edits into the
/// field's value.
struct Fixed {
    text: String,
    edits: Vec<Edit>,
    suggestions: Vec<Edit>,
    rules: RuleSet,
    suspects_left: usize,
}

/// `text` mended as labelled (`label`), or with its language detected.
fn mend_labelled<'t>(
    mender: &Mender,
    label: Option<Option<Language>>,
    text: &'t str,
) -> Mended<'t> {
    match label {
        Some(language) => mender.labelled(language).mend(text),
        None => mender.mend(text),
    }
}

fn repair_line(line: &[u8], start: usize, index: usize, work: &Work) -> Line {
    let Work {
        name,
        lang_field,
        mender,
        groups,
        cleaning,
    } = *work;
    let nothing = |skipped| Line {
        repaired: None,
        record: None,
        skipped,
        suspects_left: 0,
    };
    let Ok(text) = std::str::from_utf8(line) else {
        return nothing(true);
    };
    let body = text.trim_end_matches(['\n', '\r']);
    if body.trim().is_empty() {
        return nothing(false);
    }
    // Read once for the field and the label.
    let Some(record) = object(body) else {
        return nothing(true);
    };
    let Some((value, span)) = string_of(body, &record, name) else {
        return nothing(true);
    };
    let label = label(body, &record, lang_field);
    let mend = |text: &str| -> Fixed {
        let mended: Mended = match groups {
            // Pooled learning takes no labels (repair refuses them).
            Some((groups, input)) => mender.mend_pooled(text, groups.for_line(body, input)),
            None => mend_labelled(mender, label, text),
        };
        Fixed {
            text: mended.text().to_string(),
            edits: mended.edits().to_vec(),
            suggestions: mended.suggestions().to_vec(),
            rules: mended.rules().clone(),
            suspects_left: mended.suspects_left(),
        }
    };
    let mended = match cleaning {
        None => mend(&value),
        Some((cleaning, input)) => {
            let stats = cleaning.groups.for_record(input, body);
            // Pooled learning and cleaning are not combined (repair
            // refuses it), so a cleaned record learns from itself.
            let outcome = cleaning.text(&value, stats, |text| mend_labelled(mender, label, text));
            Fixed {
                text: String::from_utf8(outcome.output).unwrap_or_default(),
                edits: outcome.edits,
                suggestions: outcome.suggestions,
                rules: outcome.rules,
                suspects_left: outcome.suspects_left,
            }
        }
    };
    let suspects_left = mended.suspects_left;
    if mended.edits.is_empty() && mended.suggestions.is_empty() {
        return Line {
            suspects_left,
            ..nothing(false)
        };
    }
    let repaired = (!mended.edits.is_empty()).then(|| {
        let literal = serde_json::to_string(&mended.text).unwrap_or_default();
        let mut new_line = Vec::with_capacity(line.len() + 16);
        new_line.extend_from_slice(&line[..span.start]);
        new_line.extend_from_slice(literal.as_bytes());
        new_line.extend_from_slice(&line[span.end..]);
        let edits = &mended.edits;
        let edit = Edit {
            span: start + span.start..start + span.end,
            chars: 0..0,
            before: body[span.clone()].to_string(),
            after: literal,
            rules: edits.iter().flat_map(|e| e.rules.iter().cloned()).collect(),
            confidence: edits.iter().map(|e| e.confidence).fold(1.0, f64::min),
            // A repair's kind, else the cleaning's.
            kind: edits
                .iter()
                .find(|e| !crate::clean::is_cleaning(e))
                .or(edits.first())
                .map_or(EditKind::WordSwap, |e| e.kind),
            reason: None,
        };
        (edit, new_line)
    });
    let record = Record {
        index,
        text: value.clone(),
        edits: mended.edits,
        suggestions: mended.suggestions,
        rules: mended.rules,
    };
    Line {
        repaired,
        record: Some(record),
        skipped: false,
        suspects_left,
    }
}

/// The values of field `name` in `text`'s records (for corpus learning).
pub fn values(text: &str, name: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| field(line, name).map(|(value, _)| value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_field_span_even_with_escapes_and_nesting() {
        let line =
            r#"{"id": 7, "meta": {"text": "no"}, "t\u00e9": "\u00e9", "text": "caf\u00e9 \"x\""}"#;
        let (value, span) = field(line, "text").unwrap();
        assert_eq!(value, "café \"x\"");
        assert_eq!(&line[span], r#""caf\u00e9 \"x\"""#);
        assert!(field(line, "missing").is_none());
        assert!(field("[1, 2]", "text").is_none());
        assert!(field(r#"{"text": 3}"#, "text").is_none());
    }

    #[test]
    fn reads_language_labels_as_identifiers_write_them() {
        let label = |line: &str, lang_field| label(line, &object(line).unwrap(), lang_field);
        let of = |value: &str| label(&format!(r#"{{"lang": "{value}"}}"#), Some("lang"));
        for (value, language) in [
            ("en", Language::English),
            ("EN", Language::English),
            ("eng_Latn", Language::English),
            ("pt-BR", Language::Portuguese),
            ("deu_Latn", Language::German),
            ("ger", Language::German),
            ("fra", Language::French),
            ("nld", Language::Dutch),
        ] {
            assert_eq!(of(value), Some(Some(language)), "{value}");
        }
        // A language without a dictionary, and no label at all.
        assert_eq!(of("sv"), Some(None));
        assert_eq!(of("zho_Hans"), Some(None));
        assert_eq!(label(r#"{"lang": 3}"#, Some("lang")), None);
        assert_eq!(label(r#"{"lang": "en"}"#, None), None);
    }
}
