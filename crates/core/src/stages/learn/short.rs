//! Rules read from short contexts (`easy·er` for `light·er`: see
//! **explain**'s `short` module) compete with every other relative of the
//! same table word that completes the same suspects: `easy·er` reads as
//! `light·er` and as `long·er`, and one or two letters cannot say which.
//! A rule read from short contexts only is learned only when no rival does
//! as well: a rival is a candidate with the same `from`, at least as much
//! support, and the spinner's signature (its `to` absent from the text). A
//! rule with evidence of full context as well competes as any other.

use std::collections::HashSet;

use crate::formats::stats::TextView;

/// What this module needs to know of a candidate rule.
pub(super) struct ShortView<'a> {
    pub(super) from: &'a str,
    pub(super) to: &'a str,
    /// Whether all of its evidence is short-context readings.
    pub(super) short: bool,
    /// The suspect types it explains.
    pub(super) types: HashSet<usize>,
    /// Its support in distinct words.
    pub(super) words: usize,
}

/// The indices of candidates read from short contexts only that a rival
/// ties or beats: they are not learned. `candidates` are sorted by `from`
/// (the learner's candidates are a map keyed by `(from, to)`), so rivals
/// are found within each run of one `from`, and the signature is checked
/// only where a short reading has rivals: a text with thousands of
/// candidates (German compounds) is not compared pair by pair.
pub(super) fn tied_short_readings(
    candidates: &[ShortView<'_>],
    text: &dyn TextView,
) -> HashSet<usize> {
    debug_assert!(candidates.windows(2).all(|w| w[0].from <= w[1].from));
    // The runs of one `from` that hold a short reading and a rival.
    let mut runs = Vec::new();
    let mut start = 0;
    for run in candidates.chunk_by(|a, b| a.from == b.from) {
        if run.len() > 1 && run.iter().any(|c| c.short) {
            runs.push(start..start + run.len());
        }
        start += run.len();
    }
    let asked: Vec<usize> = runs.iter().flat_map(|run| run.clone()).collect();
    let queries: Vec<(&str, &str)> = asked
        .iter()
        .map(|&k| (candidates[k].to, candidates[k].from))
        .collect();
    let mut signed = vec![false; candidates.len()];
    for (&k, outside) in asked.iter().zip(text.occurs_outside_each(&queries, &[])) {
        signed[k] = !outside;
    }
    let mut tied = HashSet::new();
    for run in runs {
        for k in run.clone() {
            let c = &candidates[k];
            if !c.short {
                continue;
            }
            let rival = run.clone().any(|r| {
                let other = &candidates[r];
                r != k && signed[r] && other.words >= c.words && !other.types.is_disjoint(&c.types)
            });
            if rival {
                tied.insert(k);
            }
        }
    }
    tied
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::stats::Text;
    use crate::stages::tokenize::tokenize;

    fn view<'a>(from: &'a str, to: &'a str, short: bool, types: &[usize]) -> ShortView<'a> {
        ShortView {
            from,
            to,
            short,
            types: types.iter().copied().collect(),
            words: types.len(),
        }
    }

    #[test]
    fn a_short_reading_with_an_equal_rival_is_not_learned() {
        // `easy·er`, `easy·est` read as `light·er`, `light·est` and as
        // `long·er`, `long·est`: two letters cannot say which.
        let text = "The lamp is easyer to carry and the easyest of all.";
        let text = Text::new(text, tokenize(text).len());
        let candidates = [
            view("easy", "light", true, &[0, 1]),
            view("easy", "long", true, &[0, 1]),
        ];
        let tied = tied_short_readings(&candidates, &text);
        assert!(tied.contains(&0) && tied.contains(&1));
        // A rival whose `to` the text holds shows no spinner's signature.
        let words = "The easyer lamp, the easyest lamp, a long cord.";
        let text = Text::new(words, tokenize(words).len());
        let tied = tied_short_readings(&candidates, &text);
        assert!(tied.contains(&1) && !tied.contains(&0), "{tied:?}");
        // A reading with more support than every rival stands.
        let candidates = [
            view("surgery", "operation", true, &[0, 1]),
            view("surgery", "process", true, &[0]),
        ];
        let words = "Three surgerys; the surgeryal staff.";
        let text = Text::new(words, tokenize(words).len());
        assert!(!tied_short_readings(&candidates, &text).contains(&0));
    }
}
