//! `textmend eval`: corrupt clean files, repair them and score the repair
//! (or score a real corrupted file against its ground truth). The scoring
//! and the corruption are the library's (`textmend_eval::score`,
//! `textmend_eval::corrupt`); this module runs them and times the repair.

use std::collections::BTreeMap;
use std::fs;
use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use textmend::{Language, Mender, RuleSet};
use textmend_eval::corrupt;
use textmend_eval::score::{score, score_rules, RuleScore, Score};

use crate::args::{Corruption, EvalArgs, EvalFormat, Global, Scope};
use crate::sinks::rules_label;
use crate::term::Messages;
use crate::{config, Exit};

/// The default spinner table (data kept in `fixtures/`; the repair code
/// never sees it).
const DEFAULT_TABLE: &str = include_str!("../../fixtures/spinner/default_table.tsv");

/// Runs `textmend eval` and prints its report.
pub fn command(args: &EvalArgs, global: &Global, messages: &Messages) -> Exit {
    let mender = match config::build_mender(global, None, false) {
        Ok(mender) => mender,
        Err(message) => {
            messages.error(message);
            return Exit::Error;
        }
    };
    match run(args, global.scope, &mender) {
        Ok(evaluation) => {
            let report = if args.format == EvalFormat::Json {
                super::eval_report::json(&evaluation)
            } else {
                super::eval_report::table(&evaluation)
            };
            use std::io::Write;
            match std::io::stdout().lock().write_all(report.as_bytes()) {
                Ok(()) => Exit::Success,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
                Err(e) => {
                    messages.error(format_args!("cannot write output: {e}"));
                    Exit::Error
                }
            }
        }
        Err(message) => {
            messages.error(message);
            Exit::Error
        }
    }
}

/// What an evaluation measured, over all its files.
pub struct Evaluation {
    /// What was measured, for the report's title.
    pub title: String,
    pub files: usize,
    pub score: Score,
    pub rules: BTreeMap<String, RuleScore>,
    /// Seconds spent repairing (None when another tool's repair was scored).
    pub seconds: Option<f64>,
}

/// Runs the evaluation the options describe; the error is a message. With
/// `Scope::Corpus` the files are one batch: one spinner (or scanner) damages
/// them all, rules are learned from all of them together and applied to
/// each.
pub fn run(options: &EvalArgs, scope: Scope, mender: &Mender) -> Result<Evaluation, String> {
    if let Some([corrupt, truth]) = options.pairs.as_deref() {
        return pairs(corrupt, truth, options.repaired.as_deref(), mender);
    }
    let Some(kind) = options.corrupt else {
        return Err("eval needs --corrupt KIND or --pairs CORRUPT TRUTH".to_string());
    };
    if options.files.is_empty() {
        return Err("eval --corrupt needs at least one clean file".to_string());
    }
    let table = match &options.table {
        Some(path) => read(path)?,
        None => DEFAULT_TABLE.to_string(),
    };
    let table = corrupt::parse_table(&table).map_err(|line| {
        let name = options
            .table
            .as_deref()
            .unwrap_or(Path::new("default table"));
        format!("{}:{line}: expected `from<TAB>to`", name.display())
    })?;
    if let Some(dir) = &options.save {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let batch = scope == Scope::Corpus;
    let title = match kind {
        Corruption::Spinner => format!(
            "spinner ({} pairs, fraction {:.2}, seed {})",
            table.len(),
            options.fraction,
            options.seed
        ),
        Corruption::Ocr if options.table.is_some() => {
            format!("ocr ({} confusions, seed {})", table.len(), options.seed)
        }
        Corruption::Ocr => format!("ocr (seed {})", options.seed),
        Corruption::Mojibake => format!("mojibake (seed {})", options.seed),
    };
    let title = if batch {
        format!("{title}, one batch")
    } else {
        title
    };
    let progress = progress_bar(options.files.len());
    let mut evaluation = Evaluation {
        title,
        files: 0,
        score: Score::default(),
        rules: BTreeMap::new(),
        seconds: Some(0.0),
    };
    let mut inputs: Vec<(&Path, String, String)> = Vec::with_capacity(options.files.len());
    for (i, path) in options.files.iter().enumerate() {
        let original = read(path)?;
        // A batch shares one spinner table (or one scanner).
        let seed = if batch {
            options.seed
        } else {
            options.seed.wrapping_add(i as u64)
        };
        let corrupted = match kind {
            Corruption::Spinner => corrupt::spinner(&original, &table, options.fraction, seed),
            Corruption::Ocr if options.table.is_some() => {
                corrupt::ocr_with(&original, &table, seed)
            }
            Corruption::Ocr => corrupt::ocr(&original, seed),
            Corruption::Mojibake => corrupt::mojibake(&original, seed),
        };
        // The inputs are kept before the repair runs, so that a failing
        // case can be replayed.
        save(options, path, "corrupt", &corrupted)?;
        save(options, path, "truth", &original)?;
        inputs.push((path.as_path(), original, corrupted));
    }
    let started = Instant::now();
    let rules = batch.then(|| {
        let texts: Vec<&str> = inputs.iter().map(|(_, _, c)| c.as_str()).collect();
        mender.learn(&texts)
    });
    if let Some(total) = &mut evaluation.seconds {
        *total += started.elapsed().as_secs_f64();
    }
    for (path, original, corrupted) in &inputs {
        let scored = repair_and_score(original, corrupted, mender, rules.as_ref());
        save(options, path, "textmend", &scored.repaired)?;
        add(
            &mut evaluation,
            scored.score,
            scored.rules,
            Some(scored.seconds),
        );
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(evaluation)
}

/// Writes `text` as DIR/NAME.SUFFIX.txt for `--save DIR`.
fn save(options: &EvalArgs, path: &Path, suffix: &str, text: &str) -> Result<(), String> {
    if let Some(dir) = &options.save {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let file = dir.join(format!("{stem}.{suffix}.txt"));
        fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

/// Scores a real corrupted file: textmend's repair of it, or `repaired`.
fn pairs(
    corrupt: &Path,
    truth: &Path,
    repaired: Option<&Path>,
    mender: &Mender,
) -> Result<Evaluation, String> {
    let corrupted = read(corrupt)?;
    let original = read(truth)?;
    let mut evaluation = Evaluation {
        title: format!("{} against {}", corrupt.display(), truth.display()),
        files: 0,
        score: Score::default(),
        rules: BTreeMap::new(),
        seconds: None,
    };
    match repaired {
        Some(path) => {
            let repaired = read(path)?;
            evaluation.title = format!("{} for {}", path.display(), evaluation.title);
            let language = mender.language_of(&original).unwrap_or(Language::English);
            let s = score(&original, &corrupted, &repaired, |w| {
                mender.knows_in(w, language)
            });
            add(&mut evaluation, s, BTreeMap::new(), None);
        }
        None => {
            let scored = repair_and_score(&original, &corrupted, mender, None);
            evaluation.seconds = Some(0.0);
            add(
                &mut evaluation,
                scored.score,
                scored.rules,
                Some(scored.seconds),
            );
        }
    }
    Ok(evaluation)
}

/// textmend's repair of one corrupted text, timed, and its scores.
struct Scored {
    repaired: String,
    score: Score,
    rules: BTreeMap<String, RuleScore>,
    /// Seconds the repair took.
    seconds: f64,
}

/// Repairs `corrupted` (timing only the repair) with the `rules` learned
/// from a batch, or learning from it alone, and scores the result against
/// `original`, overall and per rule.
fn repair_and_score(
    original: &str,
    corrupted: &str,
    mender: &Mender,
    rules: Option<&RuleSet>,
) -> Scored {
    // Damage is a non-word or a real word in the original's language.
    let language = mender.language_of(original).unwrap_or(Language::English);
    let started = Instant::now();
    let mended = match rules {
        Some(rules) => mender.apply(corrupted, rules),
        None => mender.mend(corrupted),
    };
    let seconds = started.elapsed().as_secs_f64();
    let edits: Vec<(usize, String)> = mended
        .edits()
        .iter()
        .map(|e| (e.span.start, rules_label(&e.rules)))
        .collect();
    let repaired = mended.text();
    Scored {
        score: score(original, corrupted, repaired, |w| {
            mender.knows_in(w, language)
        }),
        rules: score_rules(original, corrupted, repaired, &edits),
        repaired: repaired.to_string(),
        seconds,
    }
}

fn add(
    evaluation: &mut Evaluation,
    score: Score,
    rules: BTreeMap<String, RuleScore>,
    seconds: Option<f64>,
) {
    evaluation.files += 1;
    evaluation.score += &score;
    for (rule, s) in rules {
        let entry = evaluation.rules.entry(rule).or_default();
        entry.edits += s.edits;
        entry.correct += s.correct;
    }
    if let (Some(total), Some(s)) = (&mut evaluation.seconds, seconds) {
        *total += s;
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A progress bar on stderr for runs over several files, when someone is
/// watching.
fn progress_bar(files: usize) -> Option<indicatif::ProgressBar> {
    (files > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(files as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "textmend eval {bar:30} {pos}/{len} files {elapsed}",
        ) {
            bar.set_style(style);
        }
        bar
    })
}
