//! The `textmend._textmend` extension module: textmend's library in
//! Python's idiom. It takes Python strings, lists and paths, runs the Rust
//! library with the GIL released, and gives back Python objects; it decides
//! nothing the library does not. The pure-Python package around it
//! (`python/textmend/`) re-exports these classes and adds the Spark and
//! datatrove integrations.
//!
//! * [`mender`]: `Mender`, the configured repairer (`mend`, `mend_many`,
//!   `apply`, `learn`, `stats`, `decide`, `mend_jsonl`); [`repaired`]: one
//!   text repaired, with `clean=...` cleaned first.
//! * [`arguments`]: Python arguments as the library's values (texts,
//!   languages, word lists, thesauri, rules, `group=` names), for `Mender`
//!   and `Cleaner` alike; `languages()`.
//! * [`mended`]: `Mended` and `Edit`, what a repair gives.
//! * [`clean`]: `Cleaner` and `Cleaned`, site furniture and Unicode and
//!   white-space hygiene (also before repair: `Mender(clean=True)`).
//! * [`rules`]: `Rules` and `Rule`, the rules file in the CLI's format.
//! * [`stats`]: `Stats`, mergeable learning statistics in the CLI's format.
//! * [`jsonl`]: one JSON line's field, read and replaced as the CLI's
//!   `--jsonl` mode does, byte for byte.
//! * [`errors`]: the library's errors as Python exceptions carrying the
//!   file and line.

mod arguments;
mod clean;
mod errors;
mod jsonl;
mod mended;
mod mender;
mod repaired;
mod rules;
mod stats;

use pyo3::prelude::*;

/// textmend repairs systematically corrupted text by learning substitution
/// rules from the text itself.
#[pymodule]
fn _textmend(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<mender::PyMender>()?;
    m.add_class::<mended::PyMended>()?;
    m.add_class::<mended::PyEdit>()?;
    m.add_class::<clean::PyCleaner>()?;
    m.add_class::<clean::PyCleaned>()?;
    m.add_class::<rules::PyRules>()?;
    m.add_class::<rules::PyRule>()?;
    m.add_class::<stats::PyStats>()?;
    m.add_function(wrap_pyfunction!(jsonl::jsonl_value, m)?)?;
    m.add_function(wrap_pyfunction!(arguments::languages, m)?)?;
    errors::register(m)?;
    Ok(())
}
