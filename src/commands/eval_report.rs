//! The `textmend eval` report: a table for people, or one JSON object.

use serde_json::json;

use textmend_eval::score::Counts;

use super::eval::Evaluation;

/// The evaluation as a table.
pub fn table(e: &Evaluation) -> String {
    let s = &e.score;
    let mut out = format!(
        "textmend eval: {}\n{} files, {} words\n\n{:<10} {:>9} {:>7} {:>7} {:>7} {:>9} {:>7} {:>7}\n",
        e.title,
        e.files,
        s.tokens,
        "damage",
        "corrupted",
        "fixed",
        "wrong",
        "missed",
        "precision",
        "recall",
        "F1"
    );
    let row = |name: &str, c: &Counts, precision: f64, f1: f64| {
        format!(
            "{:<10} {:>9} {:>7} {:>7} {:>7} {:>9.3} {:>7.3} {:>7.3}\n",
            name,
            c.corrupted,
            c.fixed,
            c.wrong,
            c.missed,
            precision,
            c.recall(),
            f1
        )
    };
    let real_precision = if s.real_word.fixed + s.real_word.wrong == 0 {
        1.0
    } else {
        s.real_word.fixed as f64 / (s.real_word.fixed + s.real_word.wrong) as f64
    };
    let real_f1 = harmonic(real_precision, s.real_word.recall());
    out.push_str(&row(
        "non-word",
        &s.non_word,
        s.non_word_precision(),
        s.non_word_f1(),
    ));
    out.push_str(&row("real-word", &s.real_word, real_precision, real_f1));
    out.push_str(&row("all", &s.all, s.precision(), s.f1()));
    out.push_str(&format!(
        "\nclean words damaged: {}\nword error rate: {:.2}% before, {:.2}% after\n",
        s.damaged,
        100.0 * s.wer_before(),
        100.0 * s.wer_after()
    ));
    if let Some(seconds) = e.seconds {
        out.push_str(&format!(
            "repair time: {seconds:.3} s ({:.0} words/s)\n",
            words_per_second(s.tokens, seconds)
        ));
    }
    if !e.rules.is_empty() {
        out.push_str("\nrule                     edits  correct\n");
        let mut rules: Vec<_> = e.rules.iter().collect();
        rules.sort_by(|a, b| b.1.edits.cmp(&a.1.edits).then(a.0.cmp(b.0)));
        for (rule, r) in rules {
            out.push_str(&format!("{rule:<24} {:>6} {:>8}\n", r.edits, r.correct));
        }
    }
    out
}

/// The evaluation as one JSON object (one line).
pub fn json(e: &Evaluation) -> String {
    let s = &e.score;
    let counts = |c: &Counts| {
        json!({
            "corrupted": c.corrupted, "fixed": c.fixed, "wrong": c.wrong,
            "missed": c.missed, "recall": c.recall(),
        })
    };
    let mut non_word = counts(&s.non_word);
    non_word["precision"] = json!(s.non_word_precision());
    non_word["f1"] = json!(s.non_word_f1());
    let value = json!({
        "title": e.title,
        "files": e.files,
        "words": s.tokens,
        "corrupted": s.all.corrupted,
        "fixed": s.all.fixed,
        "wrong": s.all.wrong,
        "missed": s.all.missed,
        "damaged": s.damaged,
        "precision": s.precision(),
        "recall": s.recall(),
        "f1": s.f1(),
        "wer_before": s.wer_before(),
        "wer_after": s.wer_after(),
        "non_word": non_word,
        "real_word": counts(&s.real_word),
        "rules": e.rules,
        "seconds": e.seconds,
        "words_per_second": e.seconds.map(|t| words_per_second(s.tokens, t)),
    });
    format!("{value}\n")
}

fn harmonic(a: f64, b: f64) -> f64 {
    if a + b == 0.0 {
        0.0
    } else {
        2.0 * a * b / (a + b)
    }
}

fn words_per_second(words: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        words as f64 / seconds
    } else {
        0.0
    }
}
