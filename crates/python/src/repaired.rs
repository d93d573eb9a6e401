//! One text repaired for the `Mender` class: mended with its rules or by
//! learning, and with `clean=...` cleaned first, the cleaning and the
//! repair composed into edits of the text the caller gave.

use pyo3::prelude::*;
use pyo3::types::PyString;
use textmend::{Cleaner, Edit, EditKind, Language, Mended, Mender, RuleSet};

use crate::mended::PyMended;

/// Where a repair's rules come from.
#[derive(Clone, Copy)]
pub(crate) enum Using<'r> {
    /// Learned from the text (`Mender::mend`).
    Learning,
    /// Exactly these (`Mender::apply`).
    Rules(&'r RuleSet),
    /// Learned from the text, and those of a group's rules that hold in it
    /// (`Mender::mend_pooled`).
    Group(&'r RuleSet),
    /// Learned from the text, read in the language its label names
    /// (`Mender::labelled`; `None`: a language without a dictionary).
    Labelled(Option<Language>),
}

/// A repair, and with cleaning the edits of both composed into edits of
/// the input.
pub(crate) struct Repaired {
    pub(crate) mended: Mended<'static>,
    composed: Option<(Vec<Edit>, Vec<Edit>)>,
}

impl Repaired {
    /// `text` repaired (`using` its rules), cleaned first by `cleaner`.
    pub(crate) fn new(
        mender: &Mender,
        cleaner: Option<&Cleaner>,
        text: &str,
        using: Using<'_>,
    ) -> Repaired {
        let mend = |text: &str| -> Mended<'static> {
            match using {
                Using::Learning => mender.mend(text).into_owned(),
                Using::Rules(rules) => mender.apply(text, rules).into_owned(),
                Using::Group(group) => mender.mend_pooled(text, group).into_owned(),
                Using::Labelled(language) => mender.labelled(language).mend(text).into_owned(),
            }
        };
        let Some(cleaner) = cleaner else {
            return Repaired {
                mended: mend(text),
                composed: None,
            };
        };
        let cleaned = cleaner.clean(text);
        let mended = mend(cleaned.text());
        let edits = cleaned.compose(mended.edits().to_vec());
        // The cleaning edits that come with the suggestions are in `edits`.
        let suggestions = cleaned
            .compose(mended.suggestions().to_vec())
            .into_iter()
            .filter(|e| !matches!(e.kind, EditKind::Furniture | EditKind::Hygiene))
            .collect();
        Repaired {
            mended,
            composed: Some((edits, suggestions)),
        }
    }

    pub(crate) fn edits(&self) -> &[Edit] {
        match &self.composed {
            Some((edits, _)) => edits,
            None => self.mended.edits(),
        }
    }

    /// The Python `Mended` of this repair of `text`.
    pub(crate) fn wrap(self, text: Bound<'_, PyString>) -> PyMended {
        match self.composed {
            Some((edits, suggestions)) => {
                PyMended::cleaned(text.unbind(), self.mended, edits, suggestions)
            }
            None => PyMended::new(text.unbind(), self.mended),
        }
    }
}
