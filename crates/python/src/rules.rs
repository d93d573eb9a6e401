//! Rules: a [`RuleSet`] as the Python class `Rules`, read and written in
//! the rules-file format of `textmend learn` (`Rules.parse`, `Rules.read`,
//! `to_text`, `write`), pickled exactly, and iterable as `Rule`
//! objects with their evidence. It learns nothing.

use std::path::PathBuf;

use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use textmend::{Rule, RuleKind, RuleSet};

use crate::errors;

/// An ordered list of rules, strongest first, and the rules a reviewer
/// rejected; the rules file ``textmend learn`` writes.
#[pyclass(frozen, module = "textmend", name = "Rules", eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyRules {
    pub(crate) inner: RuleSet,
}

#[pymethods]
impl PyRules {
    /// Rules read from ``text`` in the rules-file format (empty: no rules);
    /// ``path`` names the text in errors.
    #[new]
    #[pyo3(signature = (text = "", path = "<string>"))]
    fn new(text: &str, path: &str) -> PyResult<PyRules> {
        PyRules::parse(text, path)
    }

    /// Rules read from ``text`` in the rules-file format.
    #[staticmethod]
    #[pyo3(signature = (text, path = "<string>"))]
    fn parse(text: &str, path: &str) -> PyResult<PyRules> {
        let inner = errors::check(RuleSet::parse(text, path.as_ref()))?;
        Ok(PyRules { inner })
    }

    /// Rules read from the rules file at ``path``.
    #[staticmethod]
    fn read(path: PathBuf) -> PyResult<PyRules> {
        let text = errors::read_text(&path)?;
        let inner = errors::check(RuleSet::parse(&text, &path))?;
        Ok(PyRules { inner })
    }

    /// The rules in the rules-file format, as ``textmend learn`` writes it.
    fn to_text(&self) -> String {
        self.inner.to_tsv()
    }

    /// Writes the rules file to ``path``.
    fn write(&self, path: PathBuf) -> PyResult<()> {
        errors::write(&path, &self.inner.to_tsv())
    }

    /// Rules rejected by a reviewer (commented-out lines), as ``(from, to)``.
    #[getter]
    fn rejected(&self) -> Vec<(String, String)> {
        self.inner.rejected().to_vec()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __bool__(&self) -> bool {
        !self.inner.is_empty()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyRule> {
        let len = self.inner.len() as isize;
        let at = if index < 0 { index + len } else { index };
        if at < 0 || at >= len {
            return Err(PyIndexError::new_err("rule index out of range"));
        }
        Ok(PyRule::from(&self.inner.rules()[at as usize]))
    }

    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let rules: Vec<PyRule> = self.inner.rules().iter().map(PyRule::from).collect();
        Ok(rules.into_pyobject(py)?.call_method0("__iter__")?.unbind())
    }

    fn __contains__(&self, pair: (String, String)) -> bool {
        self.inner
            .rules()
            .iter()
            .any(|r| r.from == pair.0 && r.to == pair.1)
    }

    fn __repr__(&self) -> String {
        let shown: Vec<String> = self
            .inner
            .rules()
            .iter()
            .take(6)
            .map(|r| format!("{}→{}", r.from, r.to))
            .collect();
        let more = if self.inner.len() > 6 { ", …" } else { "" };
        format!("<Rules [{}{more}]>", shown.join(", "))
    }

    fn __str__(&self) -> String {
        self.inner.to_tsv()
    }

    /// Pickles as its rules' fields, so that a copy is equal to the
    /// original (the text form rounds confidences to three decimals).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let rebuild = py.get_type::<PyRules>().getattr("_from_state")?;
        let set = &slf.get().inner;
        let rules: Vec<RuleState> = set.rules().iter().map(rule_state).collect();
        let state = (rules, set.rejected().to_vec()).into_pyobject(py)?;
        PyTuple::new(py, [rebuild, PyTuple::new(py, [state])?.into_any()])
    }

    /// The inverse of `__reduce__`.
    #[staticmethod]
    fn _from_state(state: (Vec<RuleState>, Vec<(String, String)>)) -> PyResult<PyRules> {
        let (rules, rejected) = state;
        // A set holding only the rejected rules, extended with the rules:
        // the one way to rebuild both lists with the public API.
        let lines: String = rejected
            .iter()
            .map(|(from, to)| format!("#{from}\t{to}\n"))
            .collect();
        let base = errors::check(RuleSet::parse(&lines, "<pickle>".as_ref()))?;
        let rules = rules
            .into_iter()
            .map(rule_from_state)
            .collect::<PyResult<Vec<Rule>>>()?;
        Ok(PyRules {
            inner: base.extended_with(&RuleSet::new(rules)),
        })
    }
}

/// A rule's fields, as pickled: from, to, kind, words, tokens,
/// confidence, rate, keyness, examples.
type RuleState = (
    String,
    String,
    String,
    usize,
    usize,
    f64,
    Option<f64>,
    Option<f64>,
    Vec<(String, String)>,
);

/// The pickled fields of `r`.
fn rule_state(r: &Rule) -> RuleState {
    (
        r.from.clone(),
        r.to.clone(),
        r.kind.to_string(),
        r.words,
        r.tokens,
        r.confidence,
        r.rate,
        r.keyness,
        r.examples.clone(),
    )
}

/// The rule pickled as `state`.
fn rule_from_state(state: RuleState) -> PyResult<Rule> {
    let (from, to, kind, words, tokens, confidence, rate, keyness, examples) = state;
    let kind = RuleKind::from_name(&kind)
        .ok_or_else(|| PyValueError::new_err(format!("unknown rule kind {kind:?}")))?;
    Ok(Rule {
        from,
        to,
        kind,
        words,
        tokens,
        confidence,
        rate,
        keyness,
        examples,
    })
}

/// One rule: the damaged text says ``from_`` where ``to`` belongs, with the
/// evidence it was learned from.
#[pyclass(frozen, module = "textmend", name = "Rule", eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyRule {
    rule: Rule,
}

impl From<&Rule> for PyRule {
    fn from(rule: &Rule) -> PyRule {
        PyRule { rule: rule.clone() }
    }
}

#[pymethods]
impl PyRule {
    /// The corrupted side, as it appears in the text (``finish``).
    #[getter]
    fn from_(&self) -> &str {
        &self.rule.from
    }

    /// The original side (``end``).
    #[getter]
    fn to(&self) -> &str {
        &self.rule.to
    }

    /// ``synonym``, ``word-swap``, ``glyph``, ``substring`` or ``whole-word``.
    #[getter]
    fn kind(&self) -> String {
        self.rule.kind.to_string()
    }

    /// Distinct restored words that supported it.
    #[getter]
    fn words(&self) -> usize {
        self.rule.words
    }

    /// Damaged tokens those words account for.
    #[getter]
    fn tokens(&self) -> usize {
        self.rule.tokens
    }

    /// How much to trust it, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f64 {
        self.rule.confidence
    }

    /// For a glyph confusion: the share of the places it struck.
    #[getter]
    fn rate(&self) -> Option<f64> {
        self.rule.rate
    }

    /// For a whole-word swap: how far its ``from_`` side stands out (G²).
    #[getter]
    fn keyness(&self) -> Option<f64> {
        self.rule.keyness
    }

    /// A few ``(damaged, restored)`` examples.
    #[getter]
    fn examples(&self) -> Vec<(String, String)> {
        self.rule.examples.clone()
    }

    /// ``(from_, to)``.
    #[getter]
    fn pair(&self) -> (String, String) {
        (self.rule.from.clone(), self.rule.to.clone())
    }

    fn __repr__(&self) -> String {
        let r = &self.rule;
        format!(
            "<Rule {}→{} {} words={} tokens={} confidence={:.3}>",
            r.from, r.to, r.kind, r.words, r.tokens, r.confidence
        )
    }

    fn __str__(&self) -> String {
        format!("{}→{}", self.rule.from, self.rule.to)
    }
}
