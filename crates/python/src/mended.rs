//! Mended: what one repair gave, as the Python classes `Mended` and
//! `Edit`. The Rust result is kept as it is and turned into Python objects
//! only when asked for: a corpus job that reads only `.text` pays for no
//! edit objects, and an unchanged text hands back the very `str` it was
//! given. Spans are given in characters (Python's indexing) and in bytes of
//! the UTF-8 input.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use textmend::{Edit, Mended, Skip};

use crate::rules::PyRules;

/// The result of a repair: the text and what was changed in it.
#[pyclass(frozen, module = "textmend", name = "Mended")]
pub(crate) struct PyMended {
    /// The input, returned as the text when nothing changed.
    input: Py<PyString>,
    mended: Mended<'static>,
    /// With `Mender(clean=...)`: the edits and suggestions of cleaning and
    /// repair composed into edits of the input (`mended` repaired the
    /// cleaned text).
    cleaned: Option<(Vec<Edit>, Vec<Edit>)>,
}

impl PyMended {
    /// Wraps a repair of `input`. When there are no edits, `mended`'s copy
    /// of the text is never read: the input itself is returned.
    pub(crate) fn new(input: Py<PyString>, mended: Mended<'static>) -> PyMended {
        PyMended {
            input,
            mended,
            cleaned: None,
        }
    }

    /// Wraps a repair of the cleaned `input`, with the composed edits and
    /// suggestions (spans into `input`).
    pub(crate) fn cleaned(
        input: Py<PyString>,
        mended: Mended<'static>,
        edits: Vec<Edit>,
        suggestions: Vec<Edit>,
    ) -> PyMended {
        PyMended {
            input,
            mended,
            cleaned: Some((edits, suggestions)),
        }
    }

    fn all_edits(&self) -> &[Edit] {
        match &self.cleaned {
            Some((edits, _)) => edits,
            None => self.mended.edits(),
        }
    }

    fn all_suggestions(&self) -> &[Edit] {
        match &self.cleaned {
            Some((_, suggestions)) => suggestions,
            None => self.mended.suggestions(),
        }
    }
}

#[pymethods]
impl PyMended {
    /// The repaired text (the input itself when nothing changed).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        if self.all_edits().is_empty() {
            self.input.clone_ref(py)
        } else {
            PyString::new(py, self.mended.text()).unbind()
        }
    }

    /// Whether anything was changed.
    #[getter]
    fn changed(&self) -> bool {
        !self.all_edits().is_empty()
    }

    /// The edits made, sorted by position, not overlapping; with
    /// ``Mender(clean=...)`` the removals (kind ``furniture``) and fixes
    /// (kind ``hygiene``) too, all with spans into the input.
    #[getter]
    fn edits(&self) -> Vec<PyEdit> {
        self.all_edits().iter().map(PyEdit::from).collect()
    }

    /// Whole-word repairs (``notified`` → ``told``) found but not applied
    /// (see ``Mender(whole_words=True)``).
    #[getter]
    fn suggestions(&self) -> Vec<PyEdit> {
        self.all_suggestions().iter().map(PyEdit::from).collect()
    }

    /// The rules learned from the text (or given), with their evidence.
    #[getter]
    fn rules(&self) -> PyRules {
        PyRules {
            inner: self.mended.rules().clone(),
        }
    }

    /// Why the text was passed through unexamined: ``"unsupported-language"``,
    /// or None.
    #[getter]
    fn skipped(&self) -> Option<&'static str> {
        self.mended.skipped().map(|skip| match skip {
            Skip::UnsupportedLanguage => "unsupported-language",
            _ => "skipped",
        })
    }

    /// Tokens that are not dictionary words and were left as they are.
    #[getter]
    fn suspects_left(&self) -> usize {
        self.mended.suspects_left()
    }

    /// Where character ``offset`` of the repaired text was in the input:
    /// unchanged stretches map back by the shift of the edits before them,
    /// an offset inside an edit's output to the start of the edit.
    fn input_offset(&self, offset: usize) -> usize {
        let mut shift: isize = 0;
        for edit in self.all_edits() {
            let after = edit.after.chars().count();
            let start = (edit.chars.start as isize + shift) as usize;
            if offset < start {
                break;
            }
            if offset < start + after {
                return edit.chars.start;
            }
            shift += after as isize - edit.chars.len() as isize;
        }
        (offset as isize - shift).max(0) as usize
    }

    fn __repr__(&self) -> String {
        format!(
            "<Mended edits={} rules={} suggestions={}>",
            self.all_edits().len(),
            self.mended.rules().len(),
            self.all_suggestions().len()
        )
    }

    fn __str__(&self, py: Python<'_>) -> Py<PyString> {
        self.text(py)
    }
}

/// One change to the text.
#[pyclass(frozen, module = "textmend", name = "Edit", get_all, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyEdit {
    /// The first character of the input it replaces.
    start: usize,
    /// The character after the last one it replaces.
    end: usize,
    /// ``(start, end)`` in bytes of the input encoded as UTF-8.
    byte_span: (usize, usize),
    /// The text that was there.
    before: String,
    /// The text put there.
    after: String,
    /// The rules applied, as ``(from, to)``, left to right.
    rules: Vec<(String, String)>,
    /// How much to trust it, from 0 to 1 (its weakest rule's confidence).
    confidence: f64,
    /// ``word-swap``, ``glyph``, ``mojibake``, ``broken-word``,
    /// ``whole-word``, or for cleaning ``furniture`` or ``hygiene``.
    kind: String,
    /// Why, where the rules do not say it: which encodings a mojibake
    /// repair undid, what showed a line to be furniture, what a hygiene
    /// fix fixed.
    reason: Option<String>,
}

impl From<&Edit> for PyEdit {
    fn from(edit: &Edit) -> PyEdit {
        PyEdit {
            start: edit.chars.start,
            end: edit.chars.end,
            byte_span: (edit.span.start, edit.span.end),
            before: edit.before.clone(),
            after: edit.after.clone(),
            rules: edit.rules.clone(),
            confidence: edit.confidence,
            kind: edit.kind.name().to_string(),
            reason: edit.reason.clone(),
        }
    }
}

#[pymethods]
impl PyEdit {
    /// ``(start, end)`` in characters of the input: ``text[start:end] ==
    /// before``.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }

    /// The rules applied, as the CLI's reports name them: ``finish→end``,
    /// or ``a→b + c→d`` when a word needed two; a cleaning edit, which no
    /// rule makes, as ``furniture: WHY`` or ``hygiene: WHAT``.
    #[getter]
    fn rule(&self) -> String {
        if self.is_cleaning() {
            return format!(
                "{}: {}",
                self.kind,
                self.reason.as_deref().unwrap_or_default()
            );
        }
        self.rules
            .iter()
            .map(|(from, to)| format!("{from}\u{2192}{to}"))
            .collect::<Vec<_>>()
            .join(" + ")
    }

    /// Whether it comes from cleaning (kind ``furniture`` or ``hygiene``).
    #[getter]
    fn is_cleaning(&self) -> bool {
        self.kind == "furniture" || self.kind == "hygiene"
    }

    /// Whether it swaps one real word for another.
    #[getter]
    fn is_whole_word(&self) -> bool {
        self.kind == "whole-word"
    }

    /// The edit as a dict of plain values (for JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("byte_span", self.byte_span)?;
        dict.set_item("before", &self.before)?;
        dict.set_item("after", &self.after)?;
        dict.set_item("rule", self.rule())?;
        dict.set_item("rules", self.rules.clone())?;
        dict.set_item("confidence", self.confidence)?;
        dict.set_item("kind", &self.kind)?;
        if let Some(reason) = &self.reason {
            dict.set_item("reason", reason)?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Edit {}:{} {:?} → {:?} by {} ({}, confidence {:.3})>",
            self.start,
            self.end,
            self.before,
            self.after,
            self.rule(),
            self.kind,
            self.confidence
        )
    }
}
