//! JSON lines (`--jsonl --field NAME`): each line is a JSON object whose
//! field NAME holds the text to repair. Only that field's value changes, and
//! only when its text does; every other byte of the line — other fields,
//! key order, spacing, escapes — is kept as it was. Lines that are not such
//! objects pass through untouched and are counted.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use serde_json::value::RawValue;
use textmend::Mender;

/// What repairing one JSON-lines text gave.
pub struct Repaired {
    pub text: String,
    pub edits: usize,
    /// Lines left untouched because they are not objects with a string
    /// field of that name (blank lines aside).
    pub skipped: usize,
}

/// The string value of `field` in a JSON object `line`, and its byte range
/// in the line (quotes included); `None` when there is no such string.
pub fn field<'a>(line: &'a str, field: &str) -> Option<(String, std::ops::Range<usize>)> {
    let map: HashMap<Cow<'a, str>, &'a RawValue> = serde_json::from_str(line).ok()?;
    let raw = map.get(field)?.get();
    let value: String = serde_json::from_str(raw).ok()?;
    let start = raw.as_ptr() as usize - line.as_ptr() as usize;
    Some((value, start..start + raw.len()))
}

/// Repairs field `name` of every record in `text` with `mender`, records
/// in parallel, in order.
pub fn repair(text: &str, name: &str, mender: &Mender) -> Repaired {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let results: Vec<(Cow<str>, usize, bool)> = lines
        .par_iter()
        .map(|line| {
            let body = line.trim_end_matches(['\n', '\r']);
            if body.trim().is_empty() {
                return (Cow::Borrowed(*line), 0, false);
            }
            let Some((value, span)) = field(body, name) else {
                return (Cow::Borrowed(*line), 0, true);
            };
            let mended = mender.mend(&value);
            if mended.edits().is_empty() {
                return (Cow::Borrowed(*line), 0, false);
            }
            let new = serde_json::to_string(mended.text()).unwrap_or_default();
            let mut out = String::with_capacity(line.len() + 16);
            out.push_str(&line[..span.start]);
            out.push_str(&new);
            out.push_str(&line[span.end..]);
            (Cow::Owned(out), mended.edits().len(), false)
        })
        .collect();
    let mut repaired = Repaired {
        text: String::with_capacity(text.len()),
        edits: 0,
        skipped: 0,
    };
    for (line, edits, skipped) in results {
        repaired.text.push_str(&line);
        repaired.edits += edits;
        repaired.skipped += usize::from(skipped);
    }
    repaired
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
}
