//! Cleaning on the command line (issue #21): the options of `textmend
//! clean` and of `--clean` turned into a [`Cleaner`], and one text cleaned
//! and, with `--clean`, repaired, as one list of edits of the input that
//! every report reads. Which counts apply to a document (`--group-by`) is
//! the `clean_groups` module's business.

use textmend::{
    Cleaner, CleanerStats, Edit, EditKind, Learned, Mended, MendedBytes, Mender, RuleSet, Skip,
};

use crate::clean_groups::Groups;

/// The cleaning options, as `args` reads them from the flags.
#[derive(Debug, Clone)]
pub struct Options {
    pub furniture: bool,
    pub nfc: bool,
    pub nbsp: bool,
    pub quotes: bool,
    pub dashes: bool,
    pub invisible: bool,
    pub controls: bool,
    pub trailing_spaces: bool,
    pub max_blank_lines: Option<usize>,
    pub repeat_documents: u64,
    pub repeat_share: f64,
}

impl Options {
    /// The cleaner these options describe.
    pub fn cleaner(&self) -> Cleaner {
        Cleaner::builder()
            .furniture(self.furniture)
            .nfc(self.nfc)
            .nbsp(self.nbsp)
            .quotes(self.quotes)
            .dashes(self.dashes)
            .invisible(self.invisible)
            .controls(self.controls)
            .trailing_spaces(self.trailing_spaces)
            .max_blank_lines(self.max_blank_lines)
            .repetition(self.repeat_documents, self.repeat_share)
            .build()
    }
}

/// Cleaning for one run: the cleaner, whether words are repaired after it,
/// and the counts of each `--group-by` group.
pub struct Cleaning {
    pub cleaner: Cleaner,
    /// `--clean` on the repair command (true) or `textmend clean` (false).
    pub mend: bool,
    pub groups: Groups,
}

/// One text (an input, a block of a long one, a record's field) cleaned
/// and maybe repaired: the output and every change as an edit of the
/// input.
pub struct Outcome {
    pub output: Vec<u8>,
    /// Removals, hygiene fixes and repairs, sorted, spans into the input.
    pub edits: Vec<Edit>,
    /// Whole-word suggestions of the repair (not applied), spans into the
    /// input.
    pub suggestions: Vec<Edit>,
    pub rules: RuleSet,
    pub suspects_left: usize,
    pub skipped: Option<Skip>,
    /// False when the input was not valid UTF-8 and so not cleaned.
    pub cleaned: bool,
}

impl Outcome {
    fn from_bytes(mended: &MendedBytes, cleaned: bool) -> Outcome {
        Outcome {
            output: mended.bytes().to_vec(),
            edits: mended.edits().to_vec(),
            suggestions: mended.suggestions().to_vec(),
            rules: mended.rules().clone(),
            suspects_left: mended.suspects_left(),
            skipped: mended.skipped(),
            cleaned,
        }
    }

    /// Bytes passed through untouched.
    fn unchanged(bytes: &[u8]) -> Outcome {
        Outcome {
            output: bytes.to_vec(),
            edits: Vec::new(),
            suggestions: Vec::new(),
            rules: RuleSet::default(),
            suspects_left: 0,
            skipped: None,
            cleaned: false,
        }
    }
}

impl Cleaning {
    /// Cleans `bytes` with `stats` (its group's counts, if any), then, with
    /// `--clean`, repairs the cleaned text: learning from it, or with
    /// `learned` (a long input's window) when given. Bytes that are not
    /// valid UTF-8 are not cleaned: repaired as they are, or passed through.
    pub fn bytes(
        &self,
        mender: &Mender,
        learned: Option<&Learned>,
        bytes: &[u8],
        stats: Option<&CleanerStats>,
    ) -> Outcome {
        let Ok(text) = std::str::from_utf8(bytes) else {
            if !self.mend {
                return Outcome::unchanged(bytes);
            }
            let mended = match learned {
                Some(learned) => mender.apply_learned_bytes(bytes, learned),
                None => mender.mend_bytes(bytes),
            };
            return Outcome::from_bytes(&mended, false);
        };
        self.text(text, stats, |cleaned| match learned {
            Some(learned) => mender.apply_learned(cleaned, learned),
            None => mender.mend(cleaned),
        })
    }

    /// Cleans `text` with `stats`, then, with `--clean`, repairs the
    /// cleaned text with `mend`.
    pub fn text<F>(&self, text: &str, stats: Option<&CleanerStats>, mend: F) -> Outcome
    where
        F: for<'x> FnOnce(&'x str) -> Mended<'x>,
    {
        let cleaned = match stats {
            Some(stats) => self.cleaner.clean_with(text, stats),
            None => self.cleaner.clean(text),
        };
        if !self.mend {
            return Outcome {
                output: cleaned.text().as_bytes().to_vec(),
                edits: cleaned.edits().to_vec(),
                suggestions: Vec::new(),
                rules: RuleSet::default(),
                suspects_left: 0,
                skipped: None,
                cleaned: true,
            };
        }
        let mended = mend(cleaned.text());
        let edits = cleaned.compose(mended.edits().to_vec());
        // Suggestions map back the same way; the cleaning edits that come
        // with them are already in `edits`.
        let suggestions = cleaned
            .compose(mended.suggestions().to_vec())
            .into_iter()
            .filter(|e| !is_cleaning(e))
            .collect();
        Outcome {
            output: mended.text().as_bytes().to_vec(),
            edits,
            suggestions,
            rules: mended.rules().clone(),
            suspects_left: mended.suspects_left(),
            skipped: mended.skipped(),
            cleaned: true,
        }
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

/// How many lines a removal's `before` starts with that are blank: the
/// removed line itself is the next one.
pub fn leading_blank_lines(before: &str) -> usize {
    before
        .split_inclusive('\n')
        .take_while(|line| line.trim().is_empty() && line.ends_with('\n'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removal_is_named_by_its_first_line_that_is_not_blank() {
        assert_eq!(leading_blank_lines("Share\n\n"), 0);
        assert_eq!(leading_blank_lines("\n \nShare\n"), 2);
        assert_eq!(leading_blank_lines("\n"), 1);
    }
}
