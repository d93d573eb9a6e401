//! Stats: [`LearningStats`] as the Python class `Stats` — a shard's
//! learning statistics in the format of `textmend learn --stats`, merged
//! with `merge` or `+` (so `sum(shards, Stats())` works) and pickled
//! through that text, for Spark's reduce. Deciding rules from them is the
//! mender's job (`Mender.decide`).

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use textmend::LearningStats;

use crate::errors;

/// Mergeable learning statistics of texts: counts, not decisions (what
/// ``textmend learn --stats`` writes).
#[pyclass(frozen, module = "textmend", name = "Stats")]
pub(crate) struct PyStats {
    pub(crate) inner: std::sync::Mutex<LearningStats>,
}

impl PyStats {
    pub(crate) fn new(stats: LearningStats) -> PyStats {
        PyStats {
            inner: std::sync::Mutex::new(stats),
        }
    }

    /// A copy of the statistics.
    pub(crate) fn snapshot(&self) -> LearningStats {
        self.lock().clone()
    }

    /// The statistics; nothing that runs under this lock calls Python or
    /// panics, so it is never poisoned.
    fn lock(&self) -> std::sync::MutexGuard<'_, LearningStats> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[pymethods]
impl PyStats {
    /// Statistics read from ``text`` in the stats format (empty: none).
    #[new]
    #[pyo3(signature = (text = "", path = "<string>"))]
    fn py_new(text: &str, path: &str) -> PyResult<PyStats> {
        PyStats::parse(text, path)
    }

    /// Statistics read from ``text`` in the format of ``textmend learn
    /// --stats``; ``path`` names the text in errors.
    #[staticmethod]
    #[pyo3(signature = (text, path = "<string>"))]
    fn parse(text: &str, path: &str) -> PyResult<PyStats> {
        let stats = errors::check(LearningStats::parse(text, path.as_ref()))?;
        Ok(PyStats::new(stats))
    }

    /// Statistics read from the stats file at ``path``.
    #[staticmethod]
    fn read(path: PathBuf) -> PyResult<PyStats> {
        let text = errors::read_text(&path)?;
        let stats = errors::check(LearningStats::parse(&text, &path))?;
        Ok(PyStats::new(stats))
    }

    /// The statistics in the format ``textmend learn --stats`` writes.
    fn to_text(&self) -> String {
        self.snapshot().to_text()
    }

    /// Writes the statistics to ``path``.
    fn write(&self, path: PathBuf) -> PyResult<()> {
        errors::write(&path, &self.snapshot().to_text())
    }

    /// Adds ``other``'s counts to these, in place.
    fn merge(&self, other: &Bound<'_, PyStats>) {
        let theirs = other.get().snapshot();
        // `theirs` is copied first: `stats.merge(stats)` must not lock twice.
        self.lock().merge(&theirs);
    }

    fn __add__(&self, other: &Bound<'_, PyAny>) -> PyResult<PyStats> {
        let mut sum = self.snapshot();
        if let Ok(other) = other.cast::<PyStats>() {
            sum.merge(&other.get().snapshot());
        } else if !is_zero(other) {
            return Err(PyTypeError::new_err("Stats can only be added to Stats"));
        }
        Ok(PyStats::new(sum))
    }

    /// ``0 + stats``, so that ``sum(shards)`` works.
    fn __radd__(&self, other: &Bound<'_, PyAny>) -> PyResult<PyStats> {
        self.__add__(other)
    }

    fn __iadd__(&self, other: &Bound<'_, PyStats>) {
        self.merge(other)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<PyStats>() {
            Ok(other) => self.snapshot() == other.get().snapshot(),
            Err(_) => false,
        }
    }

    fn __repr__(&self) -> String {
        let stats = self.lock();
        if *stats == LearningStats::default() {
            "<Stats (empty)>".to_string()
        } else {
            "<Stats>".to_string()
        }
    }

    /// Pickles through the stats text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let parse = py.get_type::<PyStats>().getattr("parse")?;
        let text = slf.get().snapshot().to_text();
        PyTuple::new(py, [parse, PyTuple::new(py, [text])?.into_any()])
    }
}

/// Whether `value` is the integer 0 that `sum()` starts from.
fn is_zero(value: &Bound<'_, PyAny>) -> bool {
    value.extract::<i64>().is_ok_and(|n| n == 0)
}
