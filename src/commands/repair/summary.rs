//! What a run did, in numbers and in words: the counts kept as blocks go
//! to the sink, the summary line (on standard error, and in `--check`'s
//! report) and the `--stats` lines.

use textmend::EditKind;

use crate::args::Report;
use crate::sinks::Counts;
use crate::term::{count, Messages};

/// Counts for the summary and `--stats`.
#[derive(Default)]
pub(super) struct Totals {
    pub(super) files: usize,
    pub(super) files_changed: usize,
    pub(super) repairs: usize,
    /// With cleaning: inputs with a removal or fix.
    pub(super) files_cleaned: usize,
    /// Repairs, removals and fixes.
    pub(super) edits: Counts,
    pub(super) suggestions: usize,
    pub(super) suspects_left: usize,
    pub(super) rules: std::collections::BTreeSet<(String, String)>,
    pub(super) bytes: u64,
    pub(super) kinds: std::collections::BTreeMap<&'static str, usize>,
    pub(super) skipped_records: usize,
}

/// The summary line.
pub(super) fn summary(t: &Totals, report: Report) -> String {
    let files = count(t.files, "file");
    let mut left = format!("{} left unchanged", count(t.suspects_left, "suspect"));
    if t.suggestions > 0 {
        let how = if report == Report::Diff {
            "--whole-words applies them"
        } else {
            "--whole-words applies them; --diff lists them"
        };
        left.push_str(&format!(
            "; {} not applied ({how})",
            count(t.suggestions, "whole-word suggestion")
        ));
    }
    if t.repairs == 0 {
        return format!("nothing to repair in {files}; {left}");
    }
    let place = format!(
        "in {} of {files} with {}",
        t.files_changed,
        count(t.rules.len(), "rule")
    );
    let words = count(t.repairs, "word");
    match report {
        Report::Check | Report::Diff => format!("{words} to repair {place}; {left}"),
        _ => format!("repaired {words} {place}; {left}"),
    }
}

/// The summary line with cleaning: what cleaning changes, then (with
/// `--clean`) the repair's summary.
pub(super) fn cleaning_summary(t: &Totals, report: Report, mend: bool) -> String {
    let files = count(t.files, "file");
    let cleaning = match t.edits.cleaning() {
        None => format!("nothing to clean in {files}"),
        Some(what) => match report {
            Report::Check | Report::Diff => {
                format!("{what} to clean in {} of {files}", t.files_cleaned)
            }
            _ => format!("cleaned {} of {files}: {what}", t.files_cleaned),
        },
    };
    if mend {
        format!("{cleaning}; {}", summary(t, report))
    } else {
        cleaning
    }
}

/// `--stats`.
pub(super) fn print_stats(t: &Totals, seconds: f64, messages: &Messages) {
    let mb = t.bytes as f64 / 1e6;
    messages.line(format_args!(
        "{} read, {} bytes ({mb:.1} MB) in {seconds:.2} s ({:.1} MB/s)",
        count(t.files, "input"),
        t.bytes,
        if seconds > 0.0 { mb / seconds } else { 0.0 }
    ));
    messages.line(format_args!(
        "{} in {} with {}; {}; {} left unchanged",
        count(t.repairs, "edit"),
        count(t.files_changed, "input"),
        count(t.rules.len(), "rule"),
        count(t.suggestions, "whole-word suggestion"),
        count(t.suspects_left, "suspect")
    ));
    if let Some(cleaning) = t.edits.cleaning() {
        messages.line(format_args!(
            "cleaning: {cleaning} in {}",
            count(t.files_cleaned, "input")
        ));
    }
    for kind in [
        EditKind::WordSwap,
        EditKind::Glyph,
        EditKind::Mojibake,
        EditKind::BrokenWord,
        EditKind::WholeWord,
        EditKind::Furniture,
        EditKind::Hygiene,
    ] {
        if let Some(n) = t.kinds.get(kind.name()) {
            messages.line(format_args!("  {:<12} {n}", kind.name()));
        }
    }
    if t.skipped_records > 0 {
        messages.line(format_args!(
            "{} passed through",
            count(t.skipped_records, "record without the field")
        ));
    }
}
