//! Misreadings: one suspect word type in, the dictionary words a scanner
//! could have misread as it out — every word within a small edit distance,
//! each with the glyph substitutions it implies (`rnodern` = `modern` with
//! `rn → m`).
//!
//! Candidates come from a Levenshtein automaton (Damerau: a transposition
//! costs one) run over the dictionary FST, so the cost does not grow with
//! the dictionary. Each candidate is aligned with the suspect and the
//! differences are grouped into substitutions of at most a few glyphs, so
//! that the same misreading pools across words in **learn**. Which
//! misreading is true is not decided here: one suspect alone cannot tell
//! `tbe → the` from `tbe → toe`.

use levenshtein_automata::LevenshteinAutomatonBuilder;

use crate::knowledge::glyphs::MAX_GLYPH_CHARS;
use crate::knowledge::lexicon::Lexicon;

/// Suspects of at most this many characters are matched within edit
/// distance 1, longer ones within 2: at distance 2 a three-letter string is
/// near hundreds of words.
const SHORT_SUSPECT_CHARS: usize = 3;

/// One way a scanner could have produced the suspect from a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Misreading {
    /// The dictionary word (lowercase).
    pub(crate) restored: String,
    /// Its frequency in the lexicon.
    pub(crate) frequency: u64,
    /// The substitutions, left to right, as `(read, printed)`.
    pub(crate) substitutions: Vec<(String, String)>,
}

impl Misreading {
    /// The one substitution this misreading repeats (`rn → m` in
    /// `rnernber`), if it uses only one.
    pub(crate) fn single(&self) -> Option<&(String, String)> {
        let first = self.substitutions.first()?;
        self.substitutions
            .iter()
            .all(|s| s == first)
            .then_some(first)
    }
}

/// The Levenshtein automaton builders, built once (each precomputes a
/// parametric automaton) and shared.
pub(crate) struct Automata {
    one: LevenshteinAutomatonBuilder,
    two: LevenshteinAutomatonBuilder,
}

impl Automata {
    pub(crate) fn new() -> Automata {
        Automata {
            one: LevenshteinAutomatonBuilder::new(1, true),
            two: LevenshteinAutomatonBuilder::new(2, true),
        }
    }
}

/// All misreadings of the lowercase suspect `key`.
pub(crate) fn misreadings(key: &str, lexicon: &Lexicon, automata: &Automata) -> Vec<Misreading> {
    let n_chars = key.chars().count();
    if n_chars < 2 {
        return Vec::new();
    }
    let builder = if n_chars <= SHORT_SUSPECT_CHARS {
        &automata.one
    } else {
        &automata.two
    };
    let dfa = builder.build_dfa(key);
    let mut found = Vec::new();
    lexicon.for_each_accepted(&dfa, |word, frequency| {
        let Ok(word) = std::str::from_utf8(word) else {
            return;
        };
        if word == key || !word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
            return;
        }
        if let Some(substitutions) = substitutions(key, word) {
            found.push(Misreading {
                restored: word.to_string(),
                frequency,
                substitutions,
            });
        }
    });
    found
}

/// One step of an alignment, from the end of both strings backwards.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Same,
    Changed { read: usize, printed: usize },
}

/// The substitutions that turn `read` into `printed`, from a minimal
/// alignment (optimal string alignment: substitutions, insertions,
/// deletions and transpositions of neighbours cost one each). Neighbouring
/// differences form one substitution (`rn → m`); a substitution of several
/// equal-length glyphs splits into single glyphs (`bc → he` is `b → h` and
/// `c → e`) unless it is a transposition. `None` when a difference inserts
/// or drops glyphs without replacing any, or is longer than
/// [`MAX_GLYPH_CHARS`].
pub(crate) fn substitutions(read: &str, printed: &str) -> Option<Vec<(String, String)>> {
    let a: Vec<char> = read.chars().collect();
    let b: Vec<char> = printed.chars().collect();
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    let mut cost = vec![0usize; (n + 1) * width];
    for i in 0..=n {
        for j in 0..=m {
            cost[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let mut best = (cost[(i - 1) * width + j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(cost[(i - 1) * width + j] + 1)
                    .min(cost[i * width + j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(cost[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    // Walk back, preferring matches, then substitutions.
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = cost[i * width + j];
        let step =
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] && here == cost[(i - 1) * width + j - 1] {
                Step::Same
            } else if i > 0 && j > 0 && here == cost[(i - 1) * width + j - 1] + 1 {
                Step::Changed {
                    read: 1,
                    printed: 1,
                }
            } else if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && here == cost[(i - 2) * width + j - 2] + 1
            {
                Step::Changed {
                    read: 2,
                    printed: 2,
                }
            } else if i > 0 && here == cost[(i - 1) * width + j] + 1 {
                Step::Changed {
                    read: 1,
                    printed: 0,
                }
            } else {
                Step::Changed {
                    read: 0,
                    printed: 1,
                }
            };
        match step {
            Step::Same => {
                i -= 1;
                j -= 1;
            }
            Step::Changed { read, printed } => {
                i -= read;
                j -= printed;
            }
        }
        steps.push((i, j, step));
    }
    steps.reverse();

    // Group neighbouring changes into substitutions.
    let mut found: Vec<(String, String)> = Vec::new();
    let mut open: Option<(usize, usize, usize, usize)> = None;
    let close = |span: (usize, usize, usize, usize), found: &mut Vec<(String, String)>| {
        let (ra, rb, pa, pb) = span;
        let (x, y) = (&a[ra..rb], &b[pa..pb]);
        if x.is_empty() || y.is_empty() || x.len() > MAX_GLYPH_CHARS || y.len() > MAX_GLYPH_CHARS {
            return false;
        }
        let transposed = x.len() == 2 && x.iter().rev().eq(y.iter());
        if x.len() == y.len() && !transposed {
            for (cx, cy) in x.iter().zip(y) {
                if cx != cy {
                    found.push((cx.to_string(), cy.to_string()));
                }
            }
        } else {
            found.push((x.iter().collect(), y.iter().collect()));
        }
        true
    };
    for &(i, j, step) in &steps {
        match (step, open) {
            (Step::Same, Some(span)) => {
                if !close(span, &mut found) {
                    return None;
                }
                open = None;
            }
            (Step::Same, None) => {}
            (Step::Changed { read, printed }, Some((ra, _, pa, _))) => {
                open = Some((ra, i + read, pa, j + printed));
            }
            (Step::Changed { read, printed }, None) => {
                open = Some((i, i + read, j, j + printed));
            }
        }
    }
    if let Some(span) = open {
        if !close(span, &mut found) {
            return None;
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subs(read: &str, printed: &str) -> Option<Vec<(String, String)>> {
        substitutions(read, printed)
    }

    fn pairs(list: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
        Some(
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn alignments_group_neighbouring_glyphs() {
        assert_eq!(subs("rnodern", "modern"), pairs(&[("rn", "m")]));
        assert_eq!(subs("liand", "hand"), pairs(&[("li", "h")]));
        assert_eq!(subs("1ike", "like"), pairs(&[("1", "l")]));
        assert_eq!(subs("cloor", "door"), pairs(&[("cl", "d")]));
        assert_eq!(subs("\u{fb01}nd", "find"), pairs(&[("\u{fb01}", "fi")]));
        assert_eq!(subs("tbc", "the"), pairs(&[("b", "h"), ("c", "e")]));
        assert_eq!(
            subs("rnernber", "member"),
            pairs(&[("rn", "m"), ("rn", "m")])
        );
        assert_eq!(subs("teh", "the"), pairs(&[("eh", "he")]));
        // Dropped or added glyphs alone are not substitutions.
        assert_eq!(subs("hnd", "hand"), None);
        assert_eq!(subs("haand", "hand"), None);
    }

    #[test]
    fn finds_words_within_reach() {
        let lexicon = Lexicon::english().unwrap();
        let automata = Automata::new();
        for (suspect, word, read, printed) in [
            ("rnodern", "modern", "rn", "m"),
            ("tbe", "the", "b", "h"),
            ("1ike", "like", "1", "l"),
            ("wliich", "which", "li", "h"),
        ] {
            let found = misreadings(suspect, &lexicon, &automata);
            let m = found
                .iter()
                .find(|m| m.restored == word)
                .unwrap_or_else(|| panic!("{suspect} → {word}"));
            assert_eq!(
                m.single(),
                Some(&(read.to_string(), printed.to_string())),
                "{suspect}"
            );
        }
    }
}
