//! Python arguments as the library's values: texts (`str` objects lent as
//! UTF-8 without a copy), language codes and modes, word lists and thesauri
//! given as files or as Python objects, rules, `clean=`, `threads=` and the
//! `group=` names of `Mender.stats` and `Cleaner.clean_many`. Each refuses
//! what it cannot take with the `TypeError` or `ValueError` that says why;
//! what the values are for is the classes' business.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use textmend::{Cleaner, Language, Mode, RuleSet, UserThesaurus};

use crate::clean::PyCleaner;
use crate::errors;
use crate::rules::PyRules;

/// The strings of a Python iterable of `str` (a lone `str` is refused: it
/// would be read as its characters).
pub(crate) fn strings<'py>(
    texts: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a str (wrap one text in a list)"
        )));
    }
    texts
        .try_iter()?
        .map(|item| {
            item?.cast_into::<PyString>().map_err(|e| {
                PyTypeError::new_err(format!("{what} must hold str, not {}", e.into_inner()))
            })
        })
        .collect()
}

/// The UTF-8 of each string, borrowed from the Python objects.
pub(crate) fn views<'a>(texts: &'a [Bound<'_, PyString>]) -> PyResult<Vec<&'a str>> {
    texts.iter().map(|t| t.to_str()).collect()
}

/// The language named by `code`, or a `ValueError` listing the codes.
pub(crate) fn language(code: &str) -> PyResult<Language> {
    Language::from_code(code).ok_or_else(|| {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        PyValueError::new_err(format!(
            "unknown language {code:?}: expected \"auto\" or one of {}",
            codes.join(", ")
        ))
    })
}

pub(crate) fn mode(name: &str) -> PyResult<Mode> {
    match name {
        "auto" => Ok(Mode::Auto),
        "spinner" => Ok(Mode::Spinner),
        "ocr" => Ok(Mode::Ocr),
        _ => Err(PyValueError::new_err(format!(
            "unknown mode {name:?}: expected \"auto\", \"spinner\" or \"ocr\""
        ))),
    }
}

/// Whether `value` names a file: a `str` or an `os.PathLike`.
fn is_path(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyString>() || value.hasattr("__fspath__").unwrap_or(false)
}

/// The text of a list given as a file or as an iterable of lines, and the
/// name errors give it.
pub(crate) fn list_text(value: &Bound<'_, PyAny>, what: &str) -> PyResult<(Vec<u8>, PathBuf)> {
    if is_path(value) {
        let path: PathBuf = value.extract()?;
        return Ok((errors::read(&path)?, path));
    }
    let lines = strings(value, what)?;
    let lines: Vec<&str> = views(&lines)?;
    Ok((
        lines.join("\n").into_bytes(),
        PathBuf::from(format!("<{what}>")),
    ))
}

/// The thesauri the `thesaurus` argument names: a `{code: path}` mapping,
/// a `"code=path"` string as the CLI takes it, or a path for `lang`.
pub(crate) fn thesauri(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    lang: Option<Language>,
) -> PyResult<Vec<UserThesaurus>> {
    let mut named: Vec<(Language, PathBuf)> = Vec::new();
    if let Ok(mapping) = value.cast::<PyDict>() {
        for (code, path) in mapping.iter() {
            named.push((language(&code.extract::<String>()?)?, path.extract()?));
        }
    } else if let Some((code, path)) = value
        .extract::<String>()
        .ok()
        .and_then(|s| {
            s.split_once('=')
                .map(|(c, p)| (c.to_string(), p.to_string()))
        })
        .filter(|(c, _)| Language::from_code(c).is_some())
    {
        named.push((language(&code)?, PathBuf::from(path)));
    } else if is_path(value) {
        let lang = lang.ok_or_else(|| {
            PyValueError::new_err(
                "a thesaurus needs its language: thesaurus={\"fr\": path}, \
                 thesaurus=\"fr=path\", or lang=\"fr\"",
            )
        })?;
        named.push((lang, value.extract()?));
    } else {
        return Err(PyTypeError::new_err(
            "thesaurus must be a {language: path} dict, a \"lang=path\" string or a path",
        ));
    }
    named
        .into_iter()
        .map(|(lang, path)| {
            let bytes = errors::read(&path)?;
            // Parsing a large MyThes file takes about a second.
            let thesaurus = py.detach(|| UserThesaurus::from_mythes(lang, &bytes, &path));
            errors::check(thesaurus)
        })
        .collect()
}

/// The rules the `rules` argument names: a `Rules` or a rules file.
pub(crate) fn rule_set(value: &Bound<'_, PyAny>) -> PyResult<RuleSet> {
    if let Ok(rules) = value.cast::<PyRules>() {
        return Ok(rules.get().inner.clone());
    }
    if is_path(value) {
        let path: PathBuf = value.extract()?;
        let text = errors::read_text(&path)?;
        return errors::check(RuleSet::parse(&text, &path));
    }
    Err(PyTypeError::new_err("rules must be a Rules or a path"))
}

/// The cleaner the `clean` argument asks for: a `Cleaner`'s, the default
/// one for `True`, none for `False`.
pub(crate) fn cleaner(value: &Bound<'_, PyAny>) -> PyResult<Option<Cleaner>> {
    if let Ok(cleaner) = value.cast::<PyCleaner>() {
        Ok(Some(cleaner.get().builder.clone().build()))
    } else if let Ok(on) = value.extract::<bool>() {
        Ok(on.then(Cleaner::default))
    } else {
        Err(PyTypeError::new_err(
            "clean must be True, False, None or a Cleaner",
        ))
    }
}

/// The pool of `threads` threads, or none (rayon's global pool).
pub(crate) fn pool(threads: Option<usize>) -> PyResult<Option<rayon::ThreadPool>> {
    match threads {
        None => Ok(None),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("textmend-{i}"))
            .build()
            .map(Some)
            .map_err(|e| PyValueError::new_err(e.to_string())),
    }
}

/// The groups a `group` argument names, one hashable name per text,
/// numbered in order of first appearance.
pub(crate) struct Groups<'py> {
    index: Bound<'py, PyDict>,
    /// The names, by number.
    pub(crate) names: Vec<Bound<'py, PyAny>>,
}

impl<'py> Groups<'py> {
    /// No group yet; a lone `str` is refused (its characters would be the
    /// names).
    pub(crate) fn new(group: &Bound<'py, PyAny>) -> PyResult<Groups<'py>> {
        if group.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "group must be a sequence of one name per text, not a str",
            ));
        }
        Ok(Groups {
            index: PyDict::new(group.py()),
            names: Vec::new(),
        })
    }

    /// The number of `name`'s group: a new one for a name not seen yet.
    pub(crate) fn number(&mut self, name: Bound<'py, PyAny>) -> PyResult<usize> {
        match self.index.get_item(&name)? {
            Some(at) => at.extract::<usize>(),
            None => {
                let at = self.names.len();
                self.index.set_item(&name, at)?;
                self.names.push(name);
                Ok(at)
            }
        }
    }
}

/// The error for a `group` that does not name one group per text.
pub(crate) fn miscounted(texts: usize, names: usize) -> PyErr {
    PyValueError::new_err(format!(
        "group must name one group per text: {texts} texts, {names} names"
    ))
}

/// The codes of the languages this build has dictionaries for.
#[pyfunction]
pub(crate) fn languages() -> Vec<&'static str> {
    Language::ALL
        .into_iter()
        .filter(|l| l.is_built_in())
        .map(|l| l.code())
        .collect()
}
