//! Cleaner: the library's [`Cleaner`] as the Python class `Cleaner`, and
//! what it gives as `Cleaned`. The constructor takes the options of
//! `textmend clean` in Python's idiom (`nbsp=True`, `max_blank_lines=None`);
//! `clean_many(texts, group=...)` counts the lines each group of texts
//! shares, as `--group-by` does, so that a line many documents of one
//! source hold is removed. A `Cleaner` also cleans before repair:
//! `Mender(clean=Cleaner(...))`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use rayon::prelude::*;
use textmend::{Cleaner, CleanerBuilder, CleanerStats, Edit};

use crate::arguments::{miscounted, strings, views, Groups};
use crate::mended::PyEdit;

/// Removes site furniture (menus, share buttons, subscription blurbs,
/// related lists, comment forms) line by line and fixes Unicode and white
/// space; every change is an ``Edit`` of kind ``furniture`` or ``hygiene``
/// with its ``reason``.
#[pyclass(frozen, module = "textmend", name = "Cleaner")]
pub(crate) struct PyCleaner {
    pub(crate) builder: CleanerBuilder,
    cleaner: Cleaner,
    /// The arguments it was made with, to pickle it and show it.
    arguments: Py<PyDict>,
}

#[pymethods]
impl PyCleaner {
    /// A cleaner. Every default is safe: nothing clean prose holds is
    /// changed. ``furniture``: remove site furniture. ``nfc``: normalize
    /// words to NFC. ``invisible``: remove zero-width spaces, word joiners
    /// and byte-order marks. ``controls``: remove control characters.
    /// ``nbsp``: make no-break spaces plain spaces. ``trailing_spaces``:
    /// remove spaces and tabs at line ends. ``max_blank_lines``: shorten
    /// longer runs of blank lines (``None`` keeps them). ``quotes`` and
    /// ``dashes``: make typographic quotes straight and dashes hyphens.
    /// ``repeat_documents`` and ``repeat_share``: with ``clean_many(...,
    /// group=...)``, a line at least that many and that share of a group's
    /// texts hold is furniture.
    #[new]
    #[pyo3(signature = (
        *,
        furniture = true,
        nfc = false,
        invisible = true,
        controls = true,
        nbsp = false,
        trailing_spaces = true,
        max_blank_lines = Some(4),
        quotes = false,
        dashes = false,
        repeat_documents = 3,
        repeat_share = 0.5,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        furniture: bool,
        nfc: bool,
        invisible: bool,
        controls: bool,
        nbsp: bool,
        trailing_spaces: bool,
        max_blank_lines: Option<usize>,
        quotes: bool,
        dashes: bool,
        repeat_documents: u64,
        repeat_share: f64,
    ) -> PyResult<PyCleaner> {
        if !(0.0..=1.0).contains(&repeat_share) {
            return Err(PyValueError::new_err(format!(
                "repeat_share {repeat_share}: expected a share from 0 to 1"
            )));
        }
        let arguments = PyDict::new(py);
        arguments.set_item("furniture", furniture)?;
        arguments.set_item("nfc", nfc)?;
        arguments.set_item("invisible", invisible)?;
        arguments.set_item("controls", controls)?;
        arguments.set_item("nbsp", nbsp)?;
        arguments.set_item("trailing_spaces", trailing_spaces)?;
        arguments.set_item("max_blank_lines", max_blank_lines)?;
        arguments.set_item("quotes", quotes)?;
        arguments.set_item("dashes", dashes)?;
        arguments.set_item("repeat_documents", repeat_documents)?;
        arguments.set_item("repeat_share", repeat_share)?;
        let builder = Cleaner::builder()
            .furniture(furniture)
            .nfc(nfc)
            .invisible(invisible)
            .controls(controls)
            .nbsp(nbsp)
            .trailing_spaces(trailing_spaces)
            .max_blank_lines(max_blank_lines)
            .quotes(quotes)
            .dashes(dashes)
            .repetition(repeat_documents, repeat_share);
        Ok(PyCleaner {
            cleaner: builder.clone().build(),
            builder,
            arguments: arguments.unbind(),
        })
    }

    /// Cleans ``text`` on its own evidence.
    fn clean(&self, py: Python<'_>, text: Bound<'_, PyString>) -> PyResult<PyCleaned> {
        let view = text.to_str()?;
        let (output, edits) = py.detach(|| self.run(view, None));
        Ok(PyCleaned::new(&text, output, edits))
    }

    /// Cleans each text of ``texts``, in parallel; the results in order.
    /// With ``group``, one hashable name per text (its site, say), a line
    /// that many texts of one group hold is furniture of that group
    /// (``textmend clean --group-by``).
    #[pyo3(signature = (texts, group = None))]
    fn clean_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        group: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyCleaned>> {
        let texts = strings(texts, "texts")?;
        let views = views(&texts)?;
        let groups: Option<Vec<usize>> =
            group.map(|g| group_indices(g, views.len())).transpose()?;
        let results: Vec<(Option<String>, Vec<Edit>)> = py.detach(|| {
            let stats: Option<Vec<CleanerStats>> = groups.as_ref().map(|groups| {
                let n = groups.iter().max().map_or(0, |m| m + 1);
                let mut members: Vec<Vec<&str>> = vec![Vec::new(); n];
                for (&g, view) in groups.iter().zip(&views) {
                    members[g].push(view);
                }
                members.iter().map(|m| self.cleaner.stats(m)).collect()
            });
            views
                .par_iter()
                .enumerate()
                .map(|(i, view)| {
                    let stats = match (&stats, &groups) {
                        (Some(stats), Some(groups)) => Some(&stats[groups[i]]),
                        _ => None,
                    };
                    self.run(view, stats)
                })
                .collect()
        });
        Ok(texts
            .iter()
            .zip(results)
            .map(|(text, (output, edits))| PyCleaned::new(text, output, edits))
            .collect())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let defaults = PyDict::new(py);
        for (key, value) in [
            ("furniture", true.into_pyobject(py)?.to_owned().into_any()),
            ("nfc", false.into_pyobject(py)?.to_owned().into_any()),
            ("invisible", true.into_pyobject(py)?.to_owned().into_any()),
            ("controls", true.into_pyobject(py)?.to_owned().into_any()),
            ("nbsp", false.into_pyobject(py)?.to_owned().into_any()),
            (
                "trailing_spaces",
                true.into_pyobject(py)?.to_owned().into_any(),
            ),
            ("max_blank_lines", 4usize.into_pyobject(py)?.into_any()),
            ("quotes", false.into_pyobject(py)?.to_owned().into_any()),
            ("dashes", false.into_pyobject(py)?.to_owned().into_any()),
            ("repeat_documents", 3u64.into_pyobject(py)?.into_any()),
            ("repeat_share", 0.5f64.into_pyobject(py)?.into_any()),
        ] {
            defaults.set_item(key, value)?;
        }
        let mut shown = Vec::new();
        for (key, value) in self.arguments.bind(py).iter() {
            let default = defaults.get_item(&key)?;
            if !default.is_some_and(|d| d.eq(&value).unwrap_or(false)) {
                shown.push(format!("{}={}", key, value.repr()?));
            }
        }
        Ok(format!("Cleaner({})", shown.join(", ")))
    }

    /// Pickles as the arguments it was made with.
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.arguments.bind(py).copy()?))
    }
}

impl PyCleaner {
    /// The cleaned text (`None` when nothing changed) and the edits.
    fn run(&self, text: &str, stats: Option<&CleanerStats>) -> (Option<String>, Vec<Edit>) {
        let cleaned = match stats {
            Some(stats) => self.cleaner.clean_with(text, stats),
            None => self.cleaner.clean(text),
        };
        let edits = cleaned.edits().to_vec();
        let output = (!edits.is_empty()).then(|| cleaned.text().to_string());
        (output, edits)
    }
}

/// One group index per text, numbered in order of first appearance.
fn group_indices(group: &Bound<'_, PyAny>, texts: usize) -> PyResult<Vec<usize>> {
    let mut groups = Groups::new(group)?;
    let out = group
        .try_iter()?
        .map(|name| groups.number(name?))
        .collect::<PyResult<Vec<usize>>>()?;
    if out.len() != texts {
        return Err(miscounted(texts, out.len()));
    }
    Ok(out)
}

/// The result of cleaning: the text and every change made to it.
#[pyclass(frozen, module = "textmend", name = "Cleaned")]
pub(crate) struct PyCleaned {
    /// The cleaned text; the input itself when nothing changed.
    text: Py<PyString>,
    edits: Vec<Edit>,
}

impl PyCleaned {
    fn new(input: &Bound<'_, PyString>, output: Option<String>, edits: Vec<Edit>) -> PyCleaned {
        let text = match output {
            Some(output) => PyString::new(input.py(), &output).unbind(),
            None => input.clone().unbind(),
        };
        PyCleaned { text, edits }
    }
}

#[pymethods]
impl PyCleaned {
    /// The cleaned text (the input object itself when nothing changed).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// Whether anything was changed.
    #[getter]
    fn changed(&self) -> bool {
        !self.edits.is_empty()
    }

    /// The changes, sorted by position: removals (kind ``furniture``, an
    /// empty ``after``) and fixes (kind ``hygiene``), each with its
    /// ``reason``.
    #[getter]
    fn edits(&self) -> Vec<PyEdit> {
        self.edits.iter().map(PyEdit::from).collect()
    }

    /// The number of furniture lines removed.
    #[getter]
    fn removals(&self) -> usize {
        self.edits
            .iter()
            .filter(|e| e.kind == textmend::EditKind::Furniture)
            .count()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Cleaned removals={} edits={}>",
            self.removals(),
            self.edits.len()
        )
    }

    fn __str__(&self, py: Python<'_>) -> Py<PyString> {
        self.text(py)
    }
}
