//! Errors: the library's [`textmend::Error`] as Python exceptions, and the
//! reading of files named by Python paths. A parse error keeps the file and
//! line the Rust error carries, as attributes, so a caller can point at the
//! line; a file that cannot be read is the `OSError` subclass its errno
//! names (`FileNotFoundError`), with the file name set.
//!
//! `TextmendError` is the base of everything the library raises;
//! `ParseError` is also a `ValueError`, since it says a given text is
//! malformed. Both are made with `type()` at import, because a class with
//! two bases cannot be declared with `create_exception!`.

use std::path::Path;

use pyo3::exceptions::{PyException, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use pyo3::PyTypeInfo;

static TEXTMEND_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Makes the exception classes and adds them to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("TextmendError", textmend_error(py)?)?;
    m.add("ParseError", parse_error(py)?)?;
    Ok(())
}

/// A new exception class `name` with `bases`, in module `textmend`.
fn exception_class<'py>(
    py: Python<'py>,
    name: &str,
    doc: &str,
    bases: Bound<'py, PyTuple>,
) -> PyResult<Py<PyType>> {
    let namespace = PyDict::new(py);
    namespace.set_item("__module__", "textmend")?;
    namespace.set_item("__doc__", doc)?;
    let class = PyType::type_object(py).call1((name, bases, namespace))?;
    Ok(class.cast_into::<PyType>()?.unbind())
}

fn textmend_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    TEXTMEND_ERROR
        .get_or_try_init(py, || {
            exception_class(
                py,
                "TextmendError",
                "Base class of the errors textmend raises.",
                PyTuple::new(py, [PyException::type_object(py)])?,
            )
        })
        .map(|class| class.bind(py))
}

fn parse_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    PARSE_ERROR
        .get_or_try_init(py, || {
            let bases = PyTuple::new(
                py,
                [
                    textmend_error(py)?.clone().into_any(),
                    PyValueError::type_object(py).into_any(),
                ],
            )?;
            exception_class(
                py,
                "ParseError",
                "A rules, stats, word or ignore list, or thesaurus text is malformed.\n\n\
                 Attributes: ``path`` (the file, or the name given for a string), ``line`` \
                 (1-based) and ``message``; ``str(error)`` is ``path:line: message``.",
                bases,
            )
        })
        .map(|class| class.bind(py))
}

/// The Python exception for a library error.
pub(crate) fn to_py(error: textmend::Error) -> PyErr {
    Python::attach(|py| match make(py, error) {
        Ok(err) | Err(err) => err,
    })
}

fn make(py: Python<'_>, error: textmend::Error) -> PyResult<PyErr> {
    let text = error.to_string();
    let instance = match &error {
        textmend::Error::RuleSyntax {
            path,
            line,
            message,
        }
        | textmend::Error::ListSyntax {
            path,
            line,
            message,
        } => {
            let instance = parse_error(py)?.call1((text,))?;
            instance.setattr("path", path.display().to_string())?;
            instance.setattr("line", *line)?;
            instance.setattr("message", message)?;
            instance
        }
        _ => textmend_error(py)?.call1((text,))?,
    };
    Ok(PyErr::from_value(instance))
}

/// A library result as a Python one.
pub(crate) fn check<T>(result: textmend::Result<T>) -> PyResult<T> {
    result.map_err(to_py)
}

/// The bytes of the file at `path`, or the `OSError` (with its errno
/// subclass and file name) that reading it raised.
pub(crate) fn read(path: &Path) -> PyResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| os_error(e, path))
}

/// The text of the file at `path`, which must be UTF-8.
pub(crate) fn read_text(path: &Path) -> PyResult<String> {
    let bytes = read(path)?;
    String::from_utf8(bytes)
        .map_err(|e| PyValueError::new_err(format!("{}: not UTF-8 text: {e}", path.display())))
}

/// Writes `text` to the file at `path`.
pub(crate) fn write(path: &Path, text: &str) -> PyResult<()> {
    std::fs::write(path, text).map_err(|e| os_error(e, path))
}

/// `OSError(errno, strerror, filename)`, which Python turns into the
/// subclass the errno names.
fn os_error(e: std::io::Error, path: &Path) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    // Python's own strerror, without Rust's ` (os error N)`.
    let reason = e.to_string();
    let reason = match reason.rfind(" (os error ") {
        Some(at) => reason[..at].to_string(),
        None => reason,
    };
    PyOSError::new_err((errno, reason, path.display().to_string()))
}
