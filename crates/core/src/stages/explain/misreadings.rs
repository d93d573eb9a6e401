//! Misreadings: one suspect word type in, the dictionary words a scanner
//! could have misread as it out — every word within a small edit distance
//! that one substitution, repeated wherever it applies, turns into the
//! suspect (`rnodern` = `modern` with `rn → m`, `tbe` = `the` with
//! `b → h`).
//!
//! A scanner's habit is one substitution; a word that differs from the
//! suspect by two different ones (`tbc` from `the`) pools with nothing, so
//! only single-substitution readings are looked for, and they are found
//! directly: each stretch of at most [`MAX_GLYPH_CHARS`] glyphs of the
//! suspect is replaced by any glyphs the dictionary has between the same
//! two ends ([`Lexicon::for_each_around`], anchored at the longer end), and
//! the same glyph replaced in two places is looked up. That finds the
//! same words as a Levenshtein automaton walked around the whole suspect
//! (the tests compare the two) in a third of the time (`cargo bench
//! --bench stages -- misreadings`). Each candidate is aligned with the
//! suspect (optimal string alignment, a transposition costing one) and
//! kept when it is within the edit distance and its differences group into
//! one repeated substitution. Which misreading is true is not decided
//! here: one suspect alone cannot tell `tbe → the` from `tbe → toe`.
//!
//! Learning pools only the substitutions a confusion can be learned from
//! (one glyph for one, or a pair the glyph prior knows), so it asks
//! [`learnable_misreadings`], which looks for those alone: the same
//! readings as the full search kept to them (a test compares the two on
//! every fixture's suspects), at a fifth of the cost.

use std::collections::BTreeMap;

use unicode_normalization::char::is_combining_mark;

use crate::knowledge::glyphs::{is_accent_only, is_learnable, CONFUSABLE, MAX_GLYPH_CHARS};
use crate::knowledge::lexicon::{Anchor, Lexicon};

use super::boundaries;

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
    /// The substitution, as `(read, printed)`: `restored` with every
    /// `printed` it needs read as `read` is the suspect.
    pub(crate) substitution: (String, String),
}

/// The single-substitution misreadings of the lowercase suspect `key`, in
/// the order of their words.
pub(crate) fn misreadings(key: &str, lexicon: &Lexicon) -> Vec<Misreading> {
    let chars: Vec<char> = key.chars().collect();
    let n = chars.len();
    if n < 2 {
        return Vec::new();
    }
    let max_distance = if n <= SHORT_SUSPECT_CHARS { 1 } else { 2 };
    let at: Vec<usize> = boundaries(key).collect();
    let mut candidates: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
    let mut add = |d: &[u8], f: u64| {
        candidates.entry(d.to_vec()).or_insert(f);
    };
    // One stretch `x` replaced: `p·x·q` read where `p·y·q` was printed.
    // Within two edits a substitution is one glyph for one or two (`c → e`,
    // `rn → m`, `m → rn`), two for one or two (`li → h`, `eh → he`), or
    // three for two (two swapped and one dropped); two for three comes
    // below.
    around_stretches(key, &at, MAX_GLYPH_CHARS, 2, lexicon, &mut add);
    if max_distance >= 2 {
        // Two glyphs swapped and one added before or after them (`ab` read
        // where `bax` or `xba` was printed): one glyph of anything between
        // fixed ends.
        for s in 0..n.saturating_sub(1) {
            if chars[s] == chars[s + 1] {
                continue;
            }
            let swapped: String = [chars[s + 1], chars[s]].iter().collect();
            let (p, q) = (&key[..at[s]], &key[at[s + 2]..]);
            for (left, right) in [
                (format!("{p}{swapped}"), q.to_string()),
                (p.to_string(), format!("{swapped}{q}")),
            ] {
                let (left, right) = (left.as_bytes(), right.as_bytes());
                if left.len() >= right.len() {
                    lexicon.for_each_around(Anchor::Prefix, left, 1, &[right], &mut add);
                } else {
                    lexicon.for_each_around(Anchor::Suffix, right, 1, &[left], &mut add);
                }
            }
        }
        // The same glyph, or the same two glyphs swapped, replaced in two
        // places apart: two edits, one substitution.
        let mut look_up = |word: String| {
            if let Some(f) = lexicon.entry(&word) {
                candidates.entry(word.into_bytes()).or_insert(f);
            }
        };
        same_glyph_twice(key, &chars, &at, 2, lexicon, &mut look_up);
        for i in 0..n {
            for j in i + 3..n.saturating_sub(1) {
                if chars[i] != chars[i + 1] && chars[i..i + 2] == chars[j..j + 2] {
                    let mut word = chars.clone();
                    word.swap(i, i + 1);
                    word.swap(j, j + 1);
                    look_up(word.into_iter().collect());
                }
            }
        }
    }
    readings(key, candidates, max_distance)
}

/// The misreadings of `key` that a confusion can be learned from
/// ([`is_learnable`]), and those that accents alone explain (which learning
/// reads too): what [`misreadings`] finds, kept to those, in the same order.
///
/// Learning reads a suspect's misreadings only to pool its substitution
/// with other suspects', and every other substitution is left out there;
/// here they are not looked for. One glyph read as one other is one glyph
/// of anything between the suspect's two fixed ends, or the same glyph
/// replaced in two places; a confusion the prior knows is looked up where
/// its side stands in the suspect. That is a few narrow walks instead of
/// every stretch of up to three glyphs replaced by up to two.
pub(crate) fn learnable_misreadings(key: &str, lexicon: &Lexicon) -> Vec<Misreading> {
    let chars: Vec<char> = key.chars().collect();
    let n = chars.len();
    if n < 2 {
        return Vec::new();
    }
    // A decomposed accent is a substitution of two glyphs for one that
    // only accents tell apart: such keys take the full search.
    if chars.iter().any(|&c| is_combining_mark(c)) {
        let mut found = misreadings(key, lexicon);
        found.retain(|m| is_learned_from(&m.substitution));
        return found;
    }
    let max_distance = if n <= SHORT_SUSPECT_CHARS { 1 } else { 2 };
    let at: Vec<usize> = boundaries(key).collect();
    let mut candidates: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
    // One glyph for one, in one place.
    around_stretches(key, &at, 1, 1, lexicon, &mut |d: &[u8], f: u64| {
        candidates.entry(d.to_vec()).or_insert(f);
    });
    if max_distance >= 2 {
        let mut look_up = |word: String| {
            if let Some(f) = lexicon.entry(&word) {
                candidates.entry(word.into_bytes()).or_insert(f);
            }
        };
        // The same glyph replaced by the same glyph in two places, side by
        // side or apart.
        same_glyph_twice(key, &chars, &at, 1, lexicon, &mut look_up);
        // A confusion the prior knows whose sides differ in length (`rn`
        // for `m`), where one side stands in the suspect, in one place or
        // two.
        for group in CONFUSABLE {
            for read in group.iter() {
                let places: Vec<usize> = key.match_indices(read).map(|(i, _)| i).collect();
                if places.is_empty() {
                    continue;
                }
                for printed in group.iter().filter(|p| *p != read) {
                    if read.chars().count() == 1 && printed.chars().count() == 1 {
                        continue;
                    }
                    let replaced = |chosen: &[usize]| {
                        let mut word = String::with_capacity(key.len() + 4);
                        let mut from = 0;
                        for &i in chosen {
                            word.push_str(&key[from..i]);
                            word.push_str(printed);
                            from = i + read.len();
                        }
                        word.push_str(&key[from..]);
                        word
                    };
                    for (k, &i) in places.iter().enumerate() {
                        look_up(replaced(&[i]));
                        for &j in places[k + 1..].iter().filter(|&&j| j >= i + read.len()) {
                            look_up(replaced(&[i, j]));
                        }
                    }
                }
            }
        }
    }
    let mut found = readings(key, candidates, max_distance);
    found.retain(|m| is_learned_from(&m.substitution));
    found
}

/// Calls `add` for every entry `p·y·q` where `key` is `p·x·q` with `x` a
/// stretch of one to `stretch` glyphs and `y` one to `middle` glyphs
/// (`at`: the byte offsets of `key`'s glyph boundaries). Each walk reads
/// the longer of `p` and `q`, so the stretches are grouped by the end they
/// keep.
fn around_stretches(
    key: &str,
    at: &[usize],
    stretch: usize,
    middle: usize,
    lexicon: &Lexicon,
    add: &mut impl FnMut(&[u8], u64),
) {
    let bytes = key.as_bytes();
    let n = at.len() - 1;
    let mut by_prefix: Vec<Vec<&[u8]>> = vec![Vec::new(); n + 1];
    let mut by_suffix: Vec<Vec<&[u8]>> = vec![Vec::new(); n + 1];
    for s in 0..n {
        for r in 1..=stretch.min(n - s) {
            let (p, q) = (&bytes[..at[s]], &bytes[at[s + r]..]);
            if p.len() >= q.len() {
                by_prefix[s].push(q);
            } else {
                by_suffix[s + r].push(p);
            }
        }
    }
    for (s, ends) in by_prefix.iter().enumerate().filter(|(_, e)| !e.is_empty()) {
        lexicon.for_each_around(Anchor::Prefix, &bytes[..at[s]], middle, ends, &mut *add);
    }
    for (e, ends) in by_suffix.iter().enumerate().filter(|(_, e)| !e.is_empty()) {
        lexicon.for_each_around(Anchor::Suffix, &bytes[at[e]..], middle, ends, &mut *add);
    }
}

/// Calls `look_up` with `key` (its `chars`, their byte offsets `at`) where
/// one glyph that stands in two places at least `apart` glyphs apart is
/// replaced by the same other glyph in both, for each glyph the
/// dictionary has after the part before the first.
fn same_glyph_twice(
    key: &str,
    chars: &[char],
    at: &[usize],
    apart: usize,
    lexicon: &Lexicon,
    look_up: &mut impl FnMut(String),
) {
    for i in 0..chars.len() {
        let mut after: Option<Vec<char>> = None;
        for j in i + apart..chars.len() {
            if chars[i] != chars[j] {
                continue;
            }
            let after = after.get_or_insert_with(|| lexicon.chars_after(&key.as_bytes()[..at[i]]));
            for &c in after.iter().filter(|&&c| c != chars[i]) {
                let mut word = chars.to_vec();
                word[i] = c;
                word[j] = c;
                look_up(word.into_iter().collect());
            }
        }
    }
}

/// Whether learning reads a misreading with this substitution.
fn is_learned_from((read, printed): &(String, String)) -> bool {
    is_learnable(read, printed) || is_accent_only(read, printed)
}

/// The candidate words that are single-substitution misreadings of `key`
/// within `max_distance`, in the order of their words.
fn readings(key: &str, candidates: BTreeMap<Vec<u8>, u64>, max_distance: usize) -> Vec<Misreading> {
    let mut found = Vec::new();
    for (word, frequency) in candidates {
        let Ok(word) = String::from_utf8(word) else {
            continue;
        };
        if word == key || !word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
            continue;
        }
        if distance(key, &word) > max_distance {
            continue;
        }
        let Some(substitutions) = substitutions(key, &word) else {
            continue;
        };
        let first = &substitutions[0];
        if substitutions.iter().all(|s| s == first) {
            found.push(Misreading {
                substitution: first.clone(),
                restored: word,
                frequency,
            });
        }
    }
    found
}

/// The optimal string alignment distance between `a` and `b`: insertions,
/// deletions, substitutions and transpositions of neighbours cost one.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    *costs(&a, &b).last().unwrap_or(&0)
}

/// The optimal string alignment table of `a` against `b`, row by row
/// (`(a.len() + 1) × (b.len() + 1)`).
fn costs(a: &[char], b: &[char]) -> Vec<usize> {
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
    cost
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
    let cost = costs(&a, &b);
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
        for (suspect, word, read, printed) in [
            ("rnodern", "modern", "rn", "m"),
            ("tbe", "the", "b", "h"),
            ("1ike", "like", "1", "l"),
            ("wliich", "which", "li", "h"),
            // The same glyph misread in two places.
            ("bcttcr", "better", "c", "e"),
        ] {
            let found = misreadings(suspect, &lexicon);
            let m = found
                .iter()
                .find(|m| m.restored == word)
                .unwrap_or_else(|| panic!("{suspect} → {word}"));
            assert_eq!(
                m.substitution,
                (read.to_string(), printed.to_string()),
                "{suspect}"
            );
        }
    }

    /// What a Levenshtein automaton around the whole suspect finds (the
    /// way misreadings were looked for before), kept to the readings with
    /// one substitution.
    fn by_automaton(key: &str, lexicon: &Lexicon) -> Vec<Misreading> {
        use levenshtein_automata::LevenshteinAutomatonBuilder;
        let n = key.chars().count();
        if n < 2 {
            return Vec::new();
        }
        let distance = if n <= SHORT_SUSPECT_CHARS { 1 } else { 2 };
        let dfa = LevenshteinAutomatonBuilder::new(distance, true).build_dfa(key);
        let mut found = Vec::new();
        lexicon.for_each_accepted(&dfa, |word, frequency| {
            let Ok(word) = std::str::from_utf8(word) else {
                return;
            };
            if word == key || !word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
                return;
            }
            if let Some(subs) = substitutions(key, word) {
                if subs.iter().all(|s| *s == subs[0]) {
                    found.push(Misreading {
                        restored: word.to_string(),
                        frequency,
                        substitution: subs[0].clone(),
                    });
                }
            }
        });
        found
    }

    /// What learning reads of a suspect: the full search's misreadings
    /// kept to the learnable ones and the accents, the same in the same
    /// order, on the word lists above and on every suspect of the
    /// fixtures in their own language (scans, period spelling, manuals).
    #[test]
    fn the_learnable_search_finds_what_the_full_search_keeps() {
        use crate::chars::MAX_WORD_CHARS;
        use crate::knowledge::language::Language;
        use crate::stages::detect::detect;
        use crate::stages::tokenize::tokenize;
        let same = |w: &str, lexicon: &Lexicon| {
            let mut kept = misreadings(w, lexicon);
            kept.retain(|m| is_learned_from(&m.substitution));
            assert_eq!(learnable_misreadings(w, lexicon), kept, "{w}");
        };
        let english = Lexicon::english().unwrap();
        for w in [
            "rnodern",
            "tbe",
            "wliich",
            "rnernber",
            "bcttcr",
            "cloor",
            "llama",
            "naïve",
            "cafe\u{301}s",
            "ii",
            "nnnn",
            "vvith",
            "tlie",
        ] {
            same(w, &english);
        }
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut checked: std::collections::BTreeMap<&str, usize> = Default::default();
        for dir in ["ocr", "period", "clean"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for path in paths {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let language = name
                    .split(['_', '.'])
                    .next()
                    .and_then(Language::from_code)
                    .unwrap_or(Language::English);
                let Ok(lexicon) = Lexicon::for_language(language) else {
                    continue;
                };
                let text = std::fs::read_to_string(&path).unwrap();
                let found = detect(&text, &tokenize(&text), &lexicon, MAX_WORD_CHARS, true);
                for suspect in found.suspects.iter().take(1_000) {
                    same(&suspect.key, &lexicon);
                    *checked.entry(language.code()).or_default() += 1;
                }
            }
        }
        // Every language the build embeds was checked on its own texts.
        for language in Language::ALL {
            if Lexicon::for_language(language).is_ok() {
                assert!(
                    checked.get(language.code()).is_some_and(|&n| n >= 50),
                    "{checked:?}"
                );
            }
        }
    }

    /// The direct search finds exactly what the automaton finds, in the
    /// same order, on suspects of every kind: scanner damage, names,
    /// identifiers, accented and non-Latin letters, repeated glyphs.
    #[test]
    fn finds_what_an_automaton_around_the_word_finds() {
        let english = Lexicon::english().unwrap();
        let words = [
            "rnodern",
            "tbe",
            "tbc",
            "1ike",
            "wliich",
            "rnernber",
            "bcbind",
            "cloor",
            "ofthe",
            "tlie",
            "aud",
            "bave",
            "wbich",
            "thcre",
            "liand",
            "kubernetes",
            "systemd",
            "ioyful",
            "tymes",
            "sacke",
            "avoit",
            "naïve",
            "ﬁnd",
            "ſome",
            "mississippi",
            "nnnn",
            "ab",
            "xyzzy",
            "dpkg",
            "attfinish",
            "counattempt",
            "teh",
            "abcabc",
            "eieio",
            "bcttcr",
            "tbrougb",
            "llama",
            "strasse",
            "größe",
            "ααβ",
            "qu'il",
        ];
        for w in words {
            assert_eq!(misreadings(w, &english), by_automaton(w, &english), "{w}");
        }
        #[cfg(feature = "fr")]
        {
            let french =
                Lexicon::for_language(crate::knowledge::language::Language::French).unwrap();
            for w in [
                "trouvoit",
                "départemens",
                "avoit",
                "fenêtrc",
                "élèvc",
                "cliamp",
                "paquct",
            ] {
                assert_eq!(misreadings(w, &french), by_automaton(w, &french), "{w}");
            }
        }
        #[cfg(feature = "de")]
        {
            let german =
                Lexicon::for_language(crate::knowledge::language::Language::German).unwrap();
            for w in [
                "theil", "seyn", "daſs", "straſse", "uber", "grösse", "mussen", "hauser",
            ] {
                assert_eq!(misreadings(w, &german), by_automaton(w, &german), "{w}");
            }
        }
    }
}
