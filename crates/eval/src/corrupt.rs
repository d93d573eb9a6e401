//! Corrupt: clean text in, systematically damaged text out — the damage
//! textmend repairs, made on purpose so that repair quality can be measured
//! on any clean text (`textmend eval`, the tests, the benches).
//!
//! Every generator is deterministic from its seed and never splits or merges
//! words (no whitespace is added, removed or changed), so the corrupted text
//! lines up with the original token by token. The repair pipeline never
//! reads this module: rules must be learned from the text, not looked up.
//! Spinner tables live in `fixtures/`, never in `src/`; the glyph confusions
//! below are general knowledge about OCR.

use aho_corasick::{AhoCorasick, MatchKind};

/// Applies a spinner's synonym table the way a buggy article spinner does:
/// every occurrence of each `from` is replaced by its `to`, inside other
/// words too, case-sensitively, in one left-to-right pass (the longest match
/// wins where two overlap, and replaced text is not replaced again).
///
/// ```
/// let spun = textmend_eval::corrupt::spin("I attend in my country.", &[
///     ("end".to_string(), "finish".to_string()),
///     ("try".to_string(), "attempt".to_string()),
/// ]);
/// assert_eq!(spun, "I attfinish in my counattempt.");
/// ```
pub fn spin(text: &str, table: &[(String, String)]) -> String {
    let table: Vec<&(String, String)> = table.iter().filter(|(from, _)| !from.is_empty()).collect();
    if table.is_empty() {
        return text.to_string();
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(table.iter().map(|(from, _)| from))
        .expect("a few short patterns always build");
    let replacements: Vec<&str> = table.iter().map(|(_, to)| to.as_str()).collect();
    matcher.replace_all(text, &replacements)
}

/// A full spinner: a random `fraction` of the table's pairs (chosen by
/// `seed`) is active; whole words that are regular inflections of an active
/// `from` not containing it (`tried` for `try`) become the same inflection
/// of its `to` (`attempted`); then [`spin`] runs with the active pairs.
pub fn spinner(text: &str, table: &[(String, String)], fraction: f64, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let active: Vec<(String, String)> = table
        .iter()
        .filter(|_| rng.chance(fraction))
        .cloned()
        .collect();
    let mut forms: Vec<(String, String)> = Vec::new();
    for (from, to) in &active {
        for (a, b) in inflections(from).into_iter().zip(inflections(to)) {
            if !a.contains(from.as_str()) {
                forms.push((a, b));
            }
        }
    }
    let inflected = map_words(text, |word| {
        forms
            .iter()
            .find(|(a, _)| a == word)
            .map(|(_, b)| b.clone())
    });
    spin(&inflected, &active)
}

/// Regular inflections of a lowercase word, in a fixed order: `-s`, `-ed`,
/// `-ing`, spelled by the usual rules (`tries`, `tried`, `trying`).
fn inflections(word: &str) -> Vec<String> {
    let stem_y = word.strip_suffix('y').unwrap_or(word);
    let consonant_y =
        word.len() > 1 && word.ends_with('y') && !stem_y.ends_with(['a', 'e', 'i', 'o', 'u']);
    let stem_e = word.strip_suffix('e').unwrap_or(word);
    let sibilant = word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh");
    vec![
        if consonant_y {
            format!("{stem_y}ies")
        } else if sibilant {
            format!("{word}es")
        } else {
            format!("{word}s")
        },
        if consonant_y {
            format!("{stem_y}ied")
        } else {
            format!("{stem_e}ed")
        },
        format!("{stem_e}ing"),
    ]
}

/// Glyph confusions of OCR engines (general knowledge): what the scanner
/// read, for what was printed.
const GLYPH_CONFUSIONS: &[(&str, &str)] = &[
    ("m", "rn"),
    ("d", "cl"),
    ("h", "li"),
    ("w", "vv"),
    ("e", "c"),
    ("l", "1"),
    ("I", "l"),
    ("O", "0"),
    ("fi", "\u{fb01}"),
    ("fl", "\u{fb02}"),
    ("rn", "m"),
    ("c", "e"),
    ("u", "n"),
    ("n", "u"),
    ("b", "h"),
    ("t", "f"),
];

/// How many glyph confusions one document suffers.
const OCR_CONFUSIONS_PER_DOCUMENT: usize = 3;

/// The share of a word's letters hit by random noise, on average.
const OCR_NOISE: f64 = 0.002;

/// Simulates one OCR engine on one document: a few glyph confusions chosen
/// by `seed`, each hitting its own share (10–40%) of the places inside words
/// where it can, plus light random letter noise.
pub fn ocr(text: &str, seed: u64) -> String {
    let confusions: Vec<(String, String)> = GLYPH_CONFUSIONS
        .iter()
        .map(|(printed, read)| (printed.to_string(), read.to_string()))
        .collect();
    ocr_with(text, &confusions, seed)
}

/// [`ocr`] with another engine's confusions, as `(printed, read)` pairs
/// (the same `from<TAB>to` table format as a spinner's): the way to test
/// repair on confusions the glyph prior does not know.
pub fn ocr_with(text: &str, confusions: &[(String, String)], seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let confusions: Vec<&(String, String)> =
        confusions.iter().filter(|(p, _)| !p.is_empty()).collect();
    if confusions.is_empty() {
        return text.to_string();
    }
    let mut pool: Vec<usize> = (0..confusions.len()).collect();
    let mut chosen = Vec::new();
    for _ in 0..OCR_CONFUSIONS_PER_DOCUMENT.min(confusions.len()) {
        let k = rng.below(pool.len());
        chosen.push((pool.remove(k), 0.1 + 0.3 * rng.unit()));
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(chosen.iter().map(|&(k, _)| confusions[k].0.as_str()))
        .expect("a few short patterns always build");
    map_words(text, |word| {
        let mut out = String::with_capacity(word.len() + 4);
        let mut at = 0;
        for m in matcher.find_iter(word) {
            let (k, rate) = chosen[m.pattern().as_usize()];
            if rng.chance(rate) {
                out.push_str(&word[at..m.start()]);
                out.push_str(&confusions[k].1);
                at = m.end();
            }
        }
        out.push_str(&word[at..]);
        let noisy: String = out
            .chars()
            .map(|c| {
                if c.is_ascii_lowercase() && rng.chance(OCR_NOISE) {
                    char::from(b'a' + rng.below(26) as u8)
                } else {
                    c
                }
            })
            .collect();
        (noisy != word).then_some(noisy)
    })
}

/// Windows-1252's characters for bytes 0x80–0x9F; the five bytes it leaves
/// undefined are read as the C1 controls, as Latin-1 does.
const CP1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// Mojibake: a random half of the paragraphs (chosen by `seed`) is UTF-8
/// read back as Windows-1252 (`’` → `â€™`, `é` → `Ã©`).
pub fn mojibake(text: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for paragraph in text.split_inclusive("\n\n") {
        if rng.chance(0.5) {
            out.extend(paragraph.bytes().map(|b| match b {
                0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
                b => char::from(b),
            }));
        } else {
            out.push_str(paragraph);
        }
    }
    out
}

/// Rebuilds `text` with each word (a maximal run of alphanumeric characters
/// and apostrophes) replaced by `f(word)` when that gives `Some`.
fn map_words(text: &str, mut f: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || (start.is_some() && (c == '\'' || c == '\u{2019}'));
        match (in_word && i < text.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                match f(word) {
                    Some(new) => out.push_str(&new),
                    None => out.push_str(word),
                }
                start = None;
                if i < text.len() {
                    out.push(c);
                }
            }
            (false, None) if i < text.len() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Reads a spinner table: one `from<TAB>to` pair per line; blank lines and
/// lines starting with `#` are skipped. Returns the 1-based number of the
/// first malformed line as the error.
pub fn parse_table(text: &str) -> Result<Vec<(String, String)>, usize> {
    let mut table = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((from, to)) if !from.is_empty() && !to.is_empty() && !to.contains('\t') => {
                table.push((from.to_string(), to.to_string()))
            }
            _ => return Err(i + 1),
        }
    }
    Ok(table)
}

/// SplitMix64: a tiny generator whose sequence for a seed never changes
/// between versions, so a corrupted file can always be made again.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> usize {
        text.split_ascii_whitespace().count()
    }

    #[test]
    fn spins_inside_words_case_sensitively_in_one_pass() {
        let table = parse_table("# pairs\nport\tharbor\nact\tdeed\n\nharbor\tport\n").unwrap();
        assert_eq!(
            spin("Port support, the fact: harbor actors.", &table),
            "Port supharbor, the fdeed: port deedors."
        );
    }

    #[test]
    fn the_full_spinner_swaps_inflected_whole_words_too() {
        let table = vec![("try".to_string(), "attempt".to_string())];
        assert_eq!(
            spinner(
                "He tried, tries and is trying in his country.",
                &table,
                1.0,
                7
            ),
            "He attempted, attempts and is attempting in his counattempt."
        );
        assert_eq!(spinner("He tried.", &table, 0.0, 7), "He tried.");
        assert_eq!(inflections("use"), ["uses", "used", "using"]);
        assert_eq!(inflections("box"), ["boxes", "boxed", "boxing"]);
    }

    #[test]
    fn ocr_is_deterministic_and_keeps_the_tokens() {
        let text = "The modern method of reading old hand-written books, filed in the library.\n";
        let a = ocr(text, 3);
        assert_eq!(a, ocr(text, 3));
        assert_ne!(a, text);
        assert_eq!(tokens(&a), tokens(text));
        assert_ne!(ocr(text, 4), a);
    }

    #[test]
    fn mojibake_reads_utf8_as_windows_1252() {
        let text = "It\u{2019}s caf\u{e9}.\n\nPlain.\n\nNa\u{ef}ve \u{201c}quotes\u{201d}.\n";
        let seeds: Vec<String> = (0..8).map(|s| mojibake(text, s)).collect();
        assert!(seeds
            .iter()
            .any(|m| m.contains("It\u{e2}\u{20ac}\u{2122}s caf\u{c3}\u{a9}")));
        for m in &seeds {
            assert_eq!(tokens(m), tokens(text));
            assert!(m.contains("Plain."));
        }
    }

    #[test]
    fn inflections_of_words_ending_in_any_letter() {
        assert_eq!(inflections("try"), ["tries", "tried", "trying"]);
        assert_eq!(inflections("groß"), ["großs", "großed", "großing"]);
    }

    #[test]
    fn table_errors_name_the_line() {
        assert_eq!(parse_table("a\tb\nnot a pair\n"), Err(2));
        assert_eq!(parse_table("a\t\n"), Err(1));
    }
}
