//! Mender: the library's [`Mender`] as the Python class `Mender`. The
//! constructor takes the CLI's options in Python's idiom (`lang="fr"`,
//! `thesaurus={"fr": path}`, `words=["Kyiv"]`, `rules=Rules.read(path)`)
//! and builds one immutable mender; every method extracts its Python
//! arguments, releases the GIL for the work, and wraps the result. Work
//! runs on the mender's own thread pool when `threads` is given (so a
//! Spark task or a benchmark stays on its one core), otherwise on rayon's
//! global pool. How text is repaired is the library's business, not this
//! module's.

use std::time::Duration;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;
use textmend::{
    Cleaner, Ignore, Language, LearningStats, Mender, MenderBuilder, RuleSet, UserWords,
};

use crate::arguments::{
    self, language, list_text, miscounted, rule_set, strings, thesauri, views, Groups,
};
use crate::errors;
use crate::jsonl;
use crate::mended::PyMended;
use crate::repaired::{Repaired, Using};
use crate::rules::PyRules;
use crate::stats::PyStats;

/// Texts per task when statistics are counted in parallel: enough to make
/// a task's overhead vanish, few enough to balance a batch on two cores.
const STATS_CHUNK: usize = 16;

/// Repairs text: learns substitution rules from each text (or applies
/// given ones) and rewrites only the words they explain.
#[pyclass(frozen, module = "textmend", name = "Mender")]
pub(crate) struct PyMender {
    mender: Mender,
    /// The mender's own pool, when `threads` was given.
    pool: Option<rayon::ThreadPool>,
    /// `clean=...`: cleaning before repair.
    cleaner: Option<Cleaner>,
    /// The arguments it was made with, to pickle it and show it.
    arguments: Py<PyDict>,
}

impl PyMender {
    /// Runs `work` on the mender's pool, or on the caller's thread (and so
    /// rayon's global pool) when it has none.
    fn run<T: Send>(&self, work: impl FnOnce() -> T + Send) -> T {
        match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }
}

#[pymethods]
impl PyMender {
    /// A mender with the embedded dictionaries.
    ///
    /// ``lang``: ``"auto"`` (judge each text, and each paragraph of a mixed
    /// one, in its own language) or a code (``en``, ``de``, ``fr``, ``es``,
    /// ``it``, ``pt``, ``nl``). ``mode``: ``"auto"``, ``"spinner"`` or
    /// ``"ocr"``. ``thesaurus``: a MyThes file per language. ``whole_words``:
    /// apply whole-word repairs instead of suggesting them. ``words`` and
    /// ``ignore``: a file, or an iterable of lines, as ``--dict`` and
    /// ``--ignore`` read them. ``rules``: apply these rules (a ``Rules`` or a
    /// rules file) and learn nothing unless ``learn=True``. ``threads``: run
    /// on a pool of that many threads (``None``: rayon's global pool, one
    /// thread per core).
    #[new]
    #[pyo3(signature = (
        lang = "auto",
        mode = "auto",
        thesaurus = None,
        whole_words = false,
        *,
        words = None,
        ignore = None,
        rules = None,
        learn = None,
        threads = None,
        max_word_chars = None,
        max_suspects = None,
        time_budget = None,
        clean = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        lang: &str,
        mode: &str,
        thesaurus: Option<&Bound<'_, PyAny>>,
        whole_words: bool,
        words: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        learn: Option<bool>,
        threads: Option<usize>,
        max_word_chars: Option<usize>,
        max_suspects: Option<usize>,
        time_budget: Option<f64>,
        clean: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyMender> {
        let arguments = PyDict::new(py);
        arguments.set_item("lang", lang)?;
        arguments.set_item("mode", mode)?;
        arguments.set_item("thesaurus", thesaurus)?;
        arguments.set_item("whole_words", whole_words)?;
        arguments.set_item("words", words)?;
        arguments.set_item("ignore", ignore)?;
        arguments.set_item("rules", rules)?;
        arguments.set_item("learn", learn)?;
        arguments.set_item("threads", threads)?;
        arguments.set_item("max_word_chars", max_word_chars)?;
        arguments.set_item("max_suspects", max_suspects)?;
        arguments.set_item("time_budget", time_budget)?;
        arguments.set_item("clean", clean)?;
        let cleaner = clean.map(arguments::cleaner).transpose()?.flatten();

        let lang = match lang {
            "auto" => None,
            code => Some(language(code)?),
        };
        let mut builder: MenderBuilder = Mender::builder()
            .mode(arguments::mode(mode)?)
            .whole_words(whole_words);
        if let Some(lang) = lang {
            builder = builder.language(lang);
        }
        if let Some(value) = thesaurus {
            for t in thesauri(py, value, lang)? {
                builder = builder.thesaurus(t);
            }
        }
        if let Some(value) = words {
            let (bytes, path) = list_text(value, "words")?;
            builder = builder.words(&errors::check(UserWords::from_bytes(&bytes, &path))?);
        }
        if let Some(value) = ignore {
            let (bytes, path) = list_text(value, "ignore")?;
            let text = String::from_utf8(bytes).map_err(|_| {
                PyValueError::new_err(format!("{}: not UTF-8 text", path.display()))
            })?;
            builder = builder.ignore(&errors::check(Ignore::parse(&text, &path))?);
        }
        if let Some(value) = rules {
            builder = builder.rules(rule_set(value)?);
        }
        if let Some(on) = learn {
            builder = builder.learn(on);
        }
        if let Some(chars) = max_word_chars {
            builder = builder.max_word_chars(chars);
        }
        if let Some(suspects) = max_suspects {
            builder = builder.max_explained_suspects(suspects);
        }
        if let Some(seconds) = time_budget {
            let budget = Duration::try_from_secs_f64(seconds).map_err(|_| {
                PyValueError::new_err(format!("time_budget {seconds}: not a duration in seconds"))
            })?;
            builder = builder.time_budget(budget);
        }
        let pool = arguments::pool(threads)?;
        let mender = errors::check(py.detach(|| builder.build()))?;
        Ok(PyMender {
            mender,
            pool,
            cleaner,
            arguments: arguments.unbind(),
        })
    }

    /// Repairs ``text``: learns rules from it (or applies the mender's
    /// rules) and applies them. Outside the edits the result is identical
    /// to ``text``. With ``group``, the rules ``decide`` gave for the
    /// text's group (a ``Rules`` or a rules file): those that hold in this
    /// text are added after its own, as ``textmend --group-by`` does. With
    /// ``label``, the text's language as a language identifier gave it
    /// (``"en"``, ``"deu_Latn"``, ``"pt-BR"``), taken instead of detecting
    /// it, as ``textmend --lang-field`` takes it (not with ``group``).
    #[pyo3(signature = (text, group = None, *, label = None))]
    fn mend(
        &self,
        py: Python<'_>,
        text: Bound<'_, PyString>,
        group: Option<&Bound<'_, PyAny>>,
        label: Option<String>,
    ) -> PyResult<PyMended> {
        let group = group.map(rule_set).transpose()?;
        let using = labelled_or(using(group.as_ref()), label.as_deref())?;
        let view = text.to_str()?;
        let repaired = py.detach(|| self.run(|| self.repair(view, using)));
        Ok(repaired.wrap(text))
    }

    /// Repairs each text of ``texts`` on its own, as ``mend`` does (with
    /// ``group``, the rules of the group all the texts belong to; with
    /// ``labels``, one label or ``None`` per text), in parallel on the
    /// mender's threads; the results in order.
    #[pyo3(signature = (texts, group = None, *, labels = None))]
    fn mend_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        group: Option<&Bound<'_, PyAny>>,
        labels: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<PyMended>> {
        let group = group.map(rule_set).transpose()?;
        let texts = strings(texts, "texts")?;
        let views = views(&texts)?;
        let using = using(group.as_ref());
        let usings: Vec<Using<'_>> = match &labels {
            None => vec![using; views.len()],
            Some(labels) if labels.len() != views.len() => {
                return Err(PyValueError::new_err(format!(
                    "mend_many: {} labels for {} texts",
                    labels.len(),
                    views.len()
                )))
            }
            Some(labels) => labels
                .iter()
                .map(|label| labelled_or(using, label.as_deref()))
                .collect::<PyResult<_>>()?,
        };
        let repaired: Vec<Repaired> = py.detach(|| {
            self.run(|| {
                views
                    .par_iter()
                    .zip(usings)
                    .map(|(t, using)| self.repair(t, using))
                    .collect()
            })
        });
        Ok(texts
            .into_iter()
            .zip(repaired)
            .map(|(text, repaired)| repaired.wrap(text))
            .collect())
    }

    /// Repairs ``text`` with exactly ``rules`` (a ``Rules`` or a rules
    /// file), learning nothing.
    fn apply(
        &self,
        py: Python<'_>,
        text: Bound<'_, PyString>,
        rules: &Bound<'_, PyAny>,
    ) -> PyResult<PyMended> {
        let rules = rule_set(rules)?;
        let view = text.to_str()?;
        let repaired = py.detach(|| self.run(|| self.repair(view, Using::Rules(&rules))));
        Ok(repaired.wrap(text))
    }

    /// The rules learned from ``texts`` together (one spun site shares one
    /// spinner table): what ``textmend learn`` writes for those texts.
    fn learn(&self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<PyRules> {
        let texts = strings(texts, "texts")?;
        let views = views(&texts)?;
        let inner = py.detach(|| self.run(|| self.mender.learn(&views)));
        Ok(PyRules { inner })
    }

    /// The learning statistics of ``texts``, each counted as a text of its
    /// own (what ``textmend learn --stats`` writes for those texts as
    /// files), to merge with other shards' and ``decide`` on. With
    /// ``group``, a sequence of one hashable name per text, a dict of each
    /// group's statistics instead, in order of first appearance.
    #[pyo3(signature = (texts, group = None))]
    fn stats<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        group: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let texts = strings(texts, "texts")?;
        let views = views(&texts)?;
        let Some(group) = group else {
            let stats = py.detach(|| self.count(&views));
            return Ok(Bound::new(py, PyStats::new(stats))?.into_any());
        };
        let mut groups = Groups::new(group)?;
        let mut members: Vec<Vec<&str>> = Vec::new();
        let mut count = 0;
        for (name, view) in group.try_iter()?.zip(views.iter()) {
            let at = groups.number(name?)?;
            if at == members.len() {
                members.push(Vec::new());
            }
            members[at].push(view);
            count += 1;
        }
        if count != views.len() || group.len().is_ok_and(|n| n != views.len()) {
            return Err(miscounted(views.len(), group.len().unwrap_or(count)));
        }
        let stats: Vec<LearningStats> =
            py.detach(|| members.iter().map(|texts| self.count(texts)).collect());
        let out = PyDict::new(py);
        for (name, stats) in groups.names.into_iter().zip(stats) {
            out.set_item(name, PyStats::new(stats))?;
        }
        Ok(out.into_any())
    }

    /// The rules merged statistics support: what ``textmend learn
    /// --merge`` writes (the mender's own rules first). Given a dict of
    /// group → ``Stats``, a dict of group → ``Rules``.
    fn decide<'py>(
        &self,
        py: Python<'py>,
        stats: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(stats) = stats.cast::<PyStats>() {
            let stats = stats.get().snapshot();
            let inner = py.detach(|| self.run(|| self.mender.decide(&stats)));
            return Ok(Bound::new(py, PyRules { inner })?.into_any());
        }
        let groups = stats
            .cast::<PyDict>()
            .map_err(|_| PyTypeError::new_err("decide takes a Stats or a dict of group → Stats"))?;
        let out = PyDict::new(py);
        for (name, stats) in groups.iter() {
            let stats = stats
                .cast::<PyStats>()
                .map_err(|_| PyTypeError::new_err("decide's dict must hold Stats"))?
                .get()
                .snapshot();
            let inner = py.detach(|| self.run(|| self.mender.decide(&stats)));
            out.set_item(name, PyRules { inner })?;
        }
        Ok(out.into_any())
    }

    /// Repairs field ``field`` of each JSON-lines record in ``lines`` as
    /// ``textmend --jsonl --field FIELD`` does: a line changes only when its
    /// text is repaired, and then only that string value (re-encoded);
    /// other fields, key order, spacing, escapes and any line end are kept.
    /// Lines that are not objects with that string field come back as they
    /// were. With ``counts=True``, ``(line, edits)`` pairs. With
    /// ``group``, the rules of the group all the lines belong to, as
    /// ``mend`` takes them (``textmend --jsonl --group-by``).
    #[pyo3(signature = (lines, field = "text", counts = false, group = None))]
    fn mend_jsonl<'py>(
        &self,
        py: Python<'py>,
        lines: &Bound<'py, PyAny>,
        field: &str,
        counts: bool,
        group: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let group = group.map(rule_set).transpose()?;
        let using = using(group.as_ref());
        let lines = strings(lines, "lines")?;
        let views = views(&lines)?;
        let repaired: Vec<Option<(String, usize)>> = py.detach(|| {
            self.run(|| {
                views
                    .par_iter()
                    .map(|line| self.mend_line(line, field, using))
                    .collect()
            })
        });
        let out = PyList::empty(py);
        for (line, repaired) in lines.into_iter().zip(repaired) {
            let (text, edits) = match repaired {
                Some((text, edits)) => (PyString::new(py, &text), edits),
                None => (line, 0),
            };
            if counts {
                out.append(PyTuple::new(
                    py,
                    [text.into_any(), edits.into_pyobject(py)?.into_any()],
                )?)?;
            } else {
                out.append(text)?;
            }
        }
        Ok(out)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let arguments = self.arguments.bind(py);
        let mut shown = Vec::new();
        for (key, value) in arguments.iter() {
            let default = match key.extract::<String>()?.as_str() {
                "lang" | "mode" => value.extract::<String>().is_ok_and(|v| v == "auto"),
                "whole_words" => value.extract::<bool>().is_ok_and(|v| !v),
                "clean" => value.is_none() || value.extract::<bool>().is_ok_and(|v| !v),
                _ => value.is_none(),
            };
            if !default {
                shown.push(format!("{}={}", key, value.repr()?));
            }
        }
        Ok(format!("Mender({})", shown.join(", ")))
    }

    /// Pickles as the arguments it was made with (files named by path are
    /// read again where it is unpickled).
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.arguments.bind(py).copy()?))
    }
}

impl PyMender {
    /// Statistics of `texts`, each a text of its own; in parallel chunks
    /// on the mender's threads. Counts add up, so the chunks' merged
    /// statistics equal those of one pass.
    fn count(&self, texts: &[&str]) -> LearningStats {
        self.run(|| {
            texts
                .par_chunks(STATS_CHUNK)
                .map(|chunk| self.mender.stats(chunk))
                .reduce(LearningStats::default, |mut a, b| {
                    a.merge(&b);
                    a
                })
        })
    }

    /// One JSON line repaired, with its number of edits; None when it stays
    /// as it is (blank, not such an object, or nothing repaired).
    fn mend_line(&self, line: &str, field: &str, using: Using<'_>) -> Option<(String, usize)> {
        let body = jsonl::body(line);
        if body.trim().is_empty() {
            return None;
        }
        let (value, span) = jsonl::field(body, field)?;
        let repaired = self.repair(&value, using);
        let edits = repaired.edits().len();
        if edits == 0 {
            return None;
        }
        Some((jsonl::splice(line, span, repaired.mended.text()), edits))
    }

    /// `text` repaired (`using` its rules), cleaned first with
    /// `clean=...`.
    fn repair(&self, text: &str, using: Using<'_>) -> Repaired {
        Repaired::new(&self.mender, self.cleaner.as_ref(), text, using)
    }
}

/// Learning, or with a group's rules.
fn using(group: Option<&RuleSet>) -> Using<'_> {
    group.map_or(Using::Learning, Using::Group)
}

/// `using`, or with a `label`, learning in the language it names; a label
/// does not combine with a group's rules, which pool detected languages.
fn labelled_or<'r>(using: Using<'r>, label: Option<&str>) -> PyResult<Using<'r>> {
    match (using, label) {
        (using, None) => Ok(using),
        (Using::Learning, Some(label)) => Ok(Using::Labelled(Language::from_label(label))),
        (_, Some(_)) => Err(PyValueError::new_err(
            "label: not with group (pooled learning detects each text's language)",
        )),
    }
}
