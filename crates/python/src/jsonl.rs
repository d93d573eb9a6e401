//! JSON lines, as the CLI's `--jsonl --field NAME` mode reads and writes
//! them: the string value of one field of a JSON object line, and the line
//! with that value replaced by a repaired text — every other byte (other
//! fields, key order, spacing, escapes, the line end) kept as it was. The
//! same parsing (serde_json into raw values) and the same re-encoding
//! (`serde_json::to_string`) as `src/jsonl.rs`, so that a Spark job's
//! output is byte-identical to the CLI's. It does not repair anything.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use pyo3::prelude::*;
use serde_json::value::RawValue;

/// The string value of `field` in the JSON object `line`, and its byte
/// range in the line (quotes included); `None` when there is no such
/// string. Trailing whitespace (a line end) is allowed.
pub(crate) fn field(line: &str, field: &str) -> Option<(String, Range<usize>)> {
    let map: HashMap<Cow<'_, str>, &RawValue> = serde_json::from_str(line).ok()?;
    let raw = map.get(field)?.get();
    let value: String = serde_json::from_str(raw).ok()?;
    let start = raw.as_ptr() as usize - line.as_ptr() as usize;
    Some((value, start..start + raw.len()))
}

/// `line` (which may end in `\n` or `\r\n`) with the value at `span`
/// replaced by `text`, JSON-encoded.
pub(crate) fn splice(line: &str, span: Range<usize>, text: &str) -> String {
    let new = serde_json::to_string(text).unwrap_or_default();
    let mut out = String::with_capacity(line.len() + 16);
    out.push_str(&line[..span.start]);
    out.push_str(&new);
    out.push_str(&line[span.end..]);
    out
}

/// The part of a line that is parsed: without its line end.
pub(crate) fn body(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// The string value of field `field` of the JSON object `line`, read as
/// `textmend --jsonl --field FIELD` reads it, or None when the line is not
/// an object with such a string field (the CLI passes such lines through).
#[pyfunction]
#[pyo3(signature = (line, field = "text"))]
pub(crate) fn jsonl_value(line: &str, field: &str) -> Option<String> {
    self::field(body(line), field).map(|(value, _)| value)
}
