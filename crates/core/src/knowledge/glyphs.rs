//! Glyphs: general knowledge about how printed letters are misread — which
//! glyphs a scanner confuses, which typographic ligatures stand for several
//! letters, and which letters of other scripts look exactly like Latin ones.
//!
//! This is a prior, not a list of corrections: **learn** still needs the
//! document to show a confusion many times before it becomes a rule, and a
//! confusion that is not in these tables can be learned too, on more
//! evidence. Ligatures and look-alikes are different: they are the same
//! letters written with other code points, so they are undone wherever they
//! sit inside a Latin word. Nothing here reads the text.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The longest side of a glyph substitution, in characters: OCR confuses
/// single glyphs and pairs (`rn`/`m`, `ﬃ`/`ffi`), not syllables.
pub(crate) const MAX_GLYPH_CHARS: usize = 3;

/// Groups of glyph sequences that OCR engines misread as one another (from
/// the OCR error literature and any scanned book: `m`/`rn`, `d`/`cl`,
/// `h`/`li`/`b`, `e`/`c`, `l`/`1`/`I`, `O`/`0`, long `ſ`/`f`). Any two
/// members of one group are a plausible confusion, in either direction.
pub(crate) const CONFUSABLE: &[&[&str]] = &[
    &["m", "rn", "nn", "in", "iii"],
    &["w", "vv", "VV", "uu"],
    &["d", "cl", "ol"],
    &["h", "li", "b", "lt", "k"],
    &["n", "u", "ri", "ii", "h"],
    &["e", "c", "o", "a", "\u{e9}"],
    &["l", "1", "I", "i", "|", "!", "t", "j"],
    &["o", "0", "O", "Q", "D", "6"],
    &["s", "5", "S", "$", "8"],
    &["g", "q", "9", "y"],
    &["B", "8", "3", "R"],
    &["Z", "2", "z"],
    &["f", "t", "\u{17f}", "r"],
    &["v", "y", "r", "u"],
    &["k", "lc", "lx", "x"],
    &["E", "F", "P"],
    &["u", "ii", "ll", "n"],
];

/// Whether the text showing `read` where `printed` belongs is a known kind
/// of misreading (either way round, any case of a single letter).
pub(crate) fn is_confusable(read: &str, printed: &str) -> bool {
    if read == printed {
        return false;
    }
    CONFUSABLE
        .iter()
        .any(|group| group.contains(&read) && group.contains(&printed))
        || (read.chars().count() == 1
            && read.to_lowercase() == printed.to_lowercase()
            && read != printed)
}

/// Whether a confusion can be learned at all: one the glyph prior knows,
/// or one glyph read as one other glyph. Two glyphs read as one (`rn` for
/// `m`, `li` for `h`) happen where their shapes make one, which the prior
/// lists; an unknown substitution that changes the number of letters is a
/// difference of spelling or grammar far more often (`-t` for `-er`, the
/// First Folio's final `-e` read as `-ly`, the Spanish future subjunctive
/// `-re` as the preterite `-ron`, `-ez` as `-é`): every such rule learned on
/// the period fixtures was one.
pub(crate) fn is_learnable(read: &str, printed: &str) -> bool {
    is_confusable(read, printed) || (read.chars().count() == 1 && printed.chars().count() == 1)
}

/// Whether `read` and `printed` differ only in their accents (`i`, `í`).
pub(crate) fn is_accent_only(read: &str, printed: &str) -> bool {
    let bare = |s: &str| -> String { s.nfd().filter(|&c| !is_combining_mark(c)).collect() };
    read != printed && bare(read) == bare(printed)
}

/// Letters that early printing used for one another by convention, not by
/// accident: `i` for `j` (`iust`, `subiect`), `u` and `v` for each other
/// (`haue`, `vnto`), `vv` for `w`. A text that never prints the second
/// letter at all is following the convention; any other glyph missing from
/// a text was misread every time (`rn` for every `m` of a short page).
const PRINTING_CONVENTIONS: &[(&str, &str)] = &[("i", "j"), ("u", "v"), ("v", "u"), ("vv", "w")];

/// Whether printing `read` for `printed` is an early printing convention
/// (lowercase sides).
pub(crate) fn is_printing_convention(read: &str, printed: &str) -> bool {
    PRINTING_CONVENTIONS.contains(&(read, printed))
}

/// Whether printing `read` for `printed` is the convention of early
/// printing that chose between `u` and `v` by position, whatever the sound:
/// `v` at the start of a word, `u` inside it (`vpon`, `haue`, `vnto`).
pub(crate) fn is_positional_convention(read: &str, printed: &str) -> bool {
    matches!((read, printed), ("u", "v") | ("v", "u"))
}

/// Typographic ligatures and the letters they stand for (their Unicode
/// compatibility decompositions).
const LIGATURES: &[(char, &str)] = &[
    ('\u{fb00}', "ff"),
    ('\u{fb01}', "fi"),
    ('\u{fb02}', "fl"),
    ('\u{fb03}', "ffi"),
    ('\u{fb04}', "ffl"),
    ('\u{fb05}', "st"),
    ('\u{fb06}', "st"),
];

/// Letters of the Cyrillic and Greek alphabets drawn exactly like a Latin
/// letter (Unicode's confusables for the Latin alphabet). Inside an
/// otherwise Latin word they are OCR or copy-paste accidents — or spoofing.
const LOOK_ALIKES: &[(char, char)] = &[
    // Cyrillic lowercase.
    ('\u{430}', 'a'),
    ('\u{435}', 'e'),
    ('\u{43e}', 'o'),
    ('\u{440}', 'p'),
    ('\u{441}', 'c'),
    ('\u{443}', 'y'),
    ('\u{445}', 'x'),
    ('\u{455}', 's'),
    ('\u{456}', 'i'),
    ('\u{458}', 'j'),
    ('\u{4bb}', 'h'),
    ('\u{501}', 'd'),
    // Cyrillic capitals.
    ('\u{410}', 'A'),
    ('\u{412}', 'B'),
    ('\u{415}', 'E'),
    ('\u{41a}', 'K'),
    ('\u{41c}', 'M'),
    ('\u{41d}', 'H'),
    ('\u{41e}', 'O'),
    ('\u{420}', 'P'),
    ('\u{421}', 'C'),
    ('\u{422}', 'T'),
    ('\u{425}', 'X'),
    ('\u{405}', 'S'),
    ('\u{406}', 'I'),
    ('\u{408}', 'J'),
    // Greek.
    ('\u{3bf}', 'o'),
    ('\u{391}', 'A'),
    ('\u{392}', 'B'),
    ('\u{395}', 'E'),
    ('\u{396}', 'Z'),
    ('\u{397}', 'H'),
    ('\u{399}', 'I'),
    ('\u{39a}', 'K'),
    ('\u{39c}', 'M'),
    ('\u{39d}', 'N'),
    ('\u{39f}', 'O'),
    ('\u{3a1}', 'P'),
    ('\u{3a4}', 'T'),
    ('\u{3a5}', 'Y'),
    ('\u{3a7}', 'X'),
];

/// The Latin letters a ligature stands for.
fn ligature(c: char) -> Option<&'static str> {
    LIGATURES.iter().find(|(l, _)| *l == c).map(|(_, s)| *s)
}

/// The Latin letter a look-alike from another script is drawn like.
fn look_alike(c: char) -> Option<char> {
    LOOK_ALIKES.iter().find(|(l, _)| *l == c).map(|(_, s)| *s)
}

/// A word with its ligatures expanded and, if it is otherwise written in
/// Latin letters, its look-alikes from other scripts replaced; with the
/// replacements made, as `(from, to)` in order. `None` when there is
/// nothing to undo. A word in Cyrillic or Greek keeps its letters.
pub(crate) fn unglyph(word: &str) -> Option<(String, Vec<(String, String)>)> {
    let latin = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let foreign = word
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii() && look_alike(*c).is_none())
        .filter(|c| ligature(*c).is_none())
        .any(|c| matches!(c, '\u{370}'..='\u{3ff}' | '\u{400}'..='\u{52f}'));
    let fold_look_alikes = latin > 0 && !foreign;
    let mut out = String::with_capacity(word.len());
    let mut changes = Vec::new();
    for c in word.chars() {
        if let Some(letters) = ligature(c) {
            out.push_str(letters);
            changes.push((c.to_string(), letters.to_string()));
        } else if let Some(latin) = look_alike(c).filter(|_| fold_look_alikes) {
            out.push(latin);
            changes.push((c.to_string(), latin.to_string()));
        } else {
            out.push(c);
        }
    }
    (!changes.is_empty()).then_some((out, changes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_alone_are_told_apart() {
        assert!(is_accent_only("i", "í"));
        assert!(is_accent_only("e", "é"));
        assert!(!is_accent_only("c", "e"));
        assert!(!is_accent_only("rn", "m"));
    }

    #[test]
    fn confusions_are_symmetric_and_known() {
        for (a, b) in [
            ("rn", "m"),
            ("cl", "d"),
            ("li", "h"),
            ("1", "l"),
            ("0", "o"),
        ] {
            assert!(is_confusable(a, b), "{a} {b}");
            assert!(is_confusable(b, a), "{b} {a}");
        }
        assert!(is_confusable("C", "c"));
        assert!(!is_confusable("x", "m"));
        assert!(!is_confusable("m", "m"));
    }

    #[test]
    fn ligatures_expand_and_look_alikes_fold_only_in_latin_words() {
        let (word, changes) = unglyph("\u{fb01}nd").unwrap();
        assert_eq!(word, "find");
        assert_eq!(changes, [("\u{fb01}".to_string(), "fi".to_string())]);
        assert_eq!(unglyph("b\u{430}nk").unwrap().0, "bank");
        assert_eq!(unglyph("\u{421}\u{43e}ffee").unwrap().0, "Coffee");
        // A Russian word stays Russian; a plain word has nothing to undo.
        assert_eq!(unglyph("\u{441}\u{43b}\u{43e}\u{432}\u{43e}"), None);
        assert_eq!(unglyph("\u{43a}\u{43e}\u{442}"), None);
        assert_eq!(unglyph("bank"), None);
    }
}
