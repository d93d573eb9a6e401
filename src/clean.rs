//! Cleaning on the command line (issue #21): the flags of `textmend clean`
//! and of `--clean` on the repair command, turned into a [`Cleaner`];
//! batch counts per `--group-by` group; cleaning and repair composed into
//! one list of edits of the input; how reports name a cleaning edit. It
//! uses only the library and clap, and writes nothing: the `report` module
//! shows what it returns.

use std::collections::HashMap;
use std::hash::Hash;

use textmend::{Cleaner, CleanerStats, Edit, EditKind, Mended, Mender};

/// The cleaning flags, flattened into `textmend clean` and into the repair
/// command (where they apply with `--clean`).
#[derive(Debug, Clone, clap::Args)]
pub struct CleanArgs {
    /// Keep site furniture: only fix Unicode and white space.
    #[arg(long)]
    pub keep_furniture: bool,

    /// Normalize words to NFC.
    #[arg(long)]
    pub nfc: bool,

    /// Make no-break spaces plain spaces.
    #[arg(long)]
    pub nbsp: bool,

    /// Make typographic quotes straight.
    #[arg(long)]
    pub quotes: bool,

    /// Make en and em dashes and minus signs hyphen-minus signs.
    #[arg(long)]
    pub dashes: bool,

    /// Keep zero-width spaces, word joiners and byte-order marks.
    #[arg(long)]
    pub keep_invisible: bool,

    /// Keep control characters.
    #[arg(long)]
    pub keep_controls: bool,

    /// Keep spaces and tabs at line ends.
    #[arg(long)]
    pub keep_trailing_spaces: bool,

    /// Shorten runs of more than N blank lines to N (`keep` keeps them).
    #[arg(long, value_name = "N", default_value = "4", value_parser = blank_lines)]
    pub blank_lines: BlankLines,

    /// With --group-by (or several inputs of one source): a line held by at
    /// least N documents of a group is furniture…
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub repeat_documents: u64,

    /// …and by at least this share of them.
    #[arg(long, value_name = "SHARE", default_value_t = 0.5)]
    pub repeat_share: f64,
}

/// `--blank-lines`: a number, or `keep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlankLines(pub Option<usize>);

fn blank_lines(value: &str) -> Result<BlankLines, String> {
    if value == "keep" {
        return Ok(BlankLines(None));
    }
    value
        .parse()
        .map(|n| BlankLines(Some(n)))
        .map_err(|_| format!("{value:?}: expected a number of blank lines or `keep`"))
}

impl CleanArgs {
    /// The cleaner these flags describe.
    pub fn cleaner(&self) -> Cleaner {
        Cleaner::builder()
            .furniture(!self.keep_furniture)
            .nfc(self.nfc)
            .nbsp(self.nbsp)
            .quotes(self.quotes)
            .dashes(self.dashes)
            .invisible(!self.keep_invisible)
            .controls(!self.keep_controls)
            .trailing_spaces(!self.keep_trailing_spaces)
            .max_blank_lines(self.blank_lines.0)
            .repetition(self.repeat_documents, self.repeat_share)
            .build()
    }
}

/// The counts of each group's documents (`--group-by`: a JSON field, a
/// directory), for [`Cleaner::clean_with`]. Every input of a batch whose
/// source is one site can be one group.
pub fn group_stats<'t, K: Eq + Hash + Clone>(
    cleaner: &Cleaner,
    documents: impl IntoIterator<Item = (K, &'t str)>,
) -> HashMap<K, CleanerStats> {
    let mut groups: HashMap<K, Vec<&str>> = HashMap::new();
    for (key, text) in documents {
        groups.entry(key).or_default().push(text);
    }
    groups
        .into_iter()
        .map(|(key, texts)| (key, cleaner.stats(&texts)))
        .collect()
}

/// One input cleaned, and repaired when a mender is given: the final text
/// and every change as an edit of the input.
pub struct Outcome {
    pub text: String,
    /// Removals, hygiene fixes and repairs, sorted, spans into the input.
    pub edits: Vec<Edit>,
    /// Whole-word suggestions of the repair (not applied), spans into the
    /// input.
    pub suggestions: Vec<Edit>,
    /// Lines of furniture removed (for `--check` and the summary).
    pub removals: usize,
    /// Unicode and white-space fixes.
    pub fixes: usize,
}

/// Cleans `text` (with its group's counts, if any), then repairs the
/// cleaned text with `mender` (`--clean` on the repair command) or not
/// (`textmend clean`).
pub fn clean_then_mend(
    cleaner: &Cleaner,
    mender: Option<&Mender>,
    text: &str,
    stats: Option<&CleanerStats>,
) -> Outcome {
    let cleaned = match stats {
        Some(stats) => cleaner.clean_with(text, stats),
        None => cleaner.clean(text),
    };
    let removals = cleaned.removals();
    let fixes = cleaned.edits().len() - removals;
    let Some(mender) = mender else {
        return Outcome {
            text: cleaned.text().to_string(),
            edits: cleaned.edits().to_vec(),
            suggestions: Vec::new(),
            removals,
            fixes,
        };
    };
    let mended: Mended = mender.mend(cleaned.text());
    let edits = cleaned.compose(mended.edits().to_vec());
    // Suggestions map back the same way; the cleaning edits that come with
    // them are already in `edits`.
    let suggestions = cleaned
        .compose(mended.suggestions().to_vec())
        .into_iter()
        .filter(|e| !is_cleaning(e))
        .collect();
    Outcome {
        text: mended.text().to_string(),
        edits,
        suggestions,
        removals,
        fixes,
    }
}

/// Whether an edit comes from cleaning (a removal or a fix) rather than a
/// repair.
pub fn is_cleaning(edit: &Edit) -> bool {
    matches!(edit.kind, EditKind::Furniture | EditKind::Hygiene)
}

/// How reports name a cleaning edit: `furniture: WHY` or `hygiene: WHAT`
/// (the JSON `rule` field, the HTML title, the diff's comment lines);
/// `None` for a repair, which keeps its `from→to` label.
pub fn cleaning_label(edit: &Edit) -> Option<String> {
    is_cleaning(edit).then(|| {
        format!(
            "{}: {}",
            edit.kind.name(),
            edit.reason.as_deref().unwrap_or_default()
        )
    })
}

/// The comment lines that follow a file's diff, one per removal, giving its
/// reason (`patch` and `git apply` skip them, as they skip the whole-word
/// suggestions): `# NAME:LINE: furniture: WHY`.
pub fn removal_comments(name: &str, input: &str, edits: &[Edit]) -> String {
    let mut out = String::new();
    for edit in edits {
        if edit.kind != EditKind::Furniture {
            continue;
        }
        let line = input[..edit.span.start].matches('\n').count() + 1;
        if let Some(label) = cleaning_label(edit) {
            out.push_str(&format!("# {name}:{line}: {label}\n"));
        }
    }
    out
}
