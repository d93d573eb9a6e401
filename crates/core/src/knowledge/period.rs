//! Spellings of earlier centuries. Before the spelling reforms that fixed
//! today's orthographies (the Académie's 1835 dictionary, the German 1901
//! conference, Siegenbeek's 1804 Dutch, the Real Academia's 1815 rules), the
//! same words were written by other, regular conventions: French `-oit` for
//! `-ait` and `enfans` for `enfants`, German `Theil` and `seyn`, Dutch
//! `waer` and `regt`, early modern English `tyme` and `musicke`, Spanish
//! `nueua` and `dixo`. A word the dictionary lacks that one of them turns
//! into a common word is as likely the period's spelling as a scanner's
//! damage: it is no evidence for a rule (a scanner's damage is mostly new
//! forms, and the rules it teaches are learned from those). The
//! conventions are general knowledge of each language's history, listed
//! old → new; `u`/`v` and `i`/`j`, which early printing chose by position,
//! are in [`glyphs`](super::glyphs).

use super::language::Language;
use super::lexicon::Lexicon;
use super::morphology::is_suffix;

/// Where in a word a period spelling stands.
#[derive(Clone, Copy)]
enum At {
    /// At the end of the word.
    End,
    /// Anywhere.
    Any,
}

use At::{Any, End};

/// Period spellings of each language, as (old, today's, where).
fn respellings(language: Language) -> &'static [(&'static str, &'static str, At)] {
    match language {
        // Early modern English (1500–1700). Its final `-e` (`olde`,
        // `sacke`) is left out: a spinner's swap before a word's final `e`
        // leaves the same shape (`bar·e` as `cake·e`).
        Language::English => &[
            ("y", "i", Any),    // tyme, hym, whyte
            ("ie", "y", End),   // pitie, busie
            ("ck", "c", End),   // musick, publick
            ("cke", "c", End),  // musicke
            ("eth", "es", End), // maketh
            ("ll", "l", End),   // untill
            ("our", "or", End), // errour
        ],
        // French before 1835. The Middle French `-z` for `-s` and `-ts`
        // (`touz`, `paiemenz`) is left out: a scanner's `z` for `s` makes
        // the same words of today's French, many of whose words end in `s`.
        Language::French => &[
            ("oi", "ai", Any),  // avoit, foible, connoître
            ("ns", "nts", End), // enfans, départemens
            ("y", "i", Any),    // luy, celuy
            ("st", "t", Any),   // estoit (with -oit), teste
            ("es", "é", Any),   // estably, escrire
        ],
        // German before 1901.
        Language::German => &[
            ("th", "t", Any),       // Theil, Thür, Noth
            ("ey", "ei", Any),      // seyn, bey
            ("c", "k", Any),        // Classe, Cultur
            ("c", "z", Any),        // Centrum, Procent
            ("iren", "ieren", End), // studiren
            ("niß", "nis", End),    // Verhältniß
            ("dt", "t", Any),       // todt, Brodt
        ],
        // Dutch before Siegenbeek (1804) and De Vries–Te Winkel (1864).
        // Its `y` for `ij` (`zyn`) is left out: it is also how a scanner
        // reads the `ij` ligature.
        Language::Dutch => &[
            ("ae", "aa", Any),  // waer, jaer
            ("gt", "cht", Any), // regt, magt
            ("sch", "s", End),  // mensch, visch
            ("ck", "k", Any),   // dicke, stuck
            ("uy", "ui", Any),  // huys
        ],
        // Spanish before the Real Academia's 1815 rules.
        Language::Spanish => &[
            ("ss", "s", Any),    // passar, esse
            ("x", "j", Any),     // dixo, baxo
            ("ç", "z", Any),     // coraçon, plaça
            ("ava", "aba", End), // pensava
            ("aua", "aba", End), // llamaua
            ("y", "i", Any),     // reyno, oyr
            ("ph", "f", Any),    // philosophia
            ("th", "t", Any),    // theatro
        ],
        // Italian before the 19th century.
        Language::Italian => &[
            ("ti", "zi", Any), // gratia, negotio
            ("j", "i", Any),   // gioja, noja
            ("ph", "f", Any),  // philosophia
            ("et", "e", End),  // et
        ],
        // Portuguese before the 1911 reform.
        Language::Portuguese => &[
            ("ph", "f", Any), // pharmacia
            ("th", "t", Any), // theatro
            ("y", "i", Any),  // typo, lyrio
            ("ll", "l", Any), // aquella, bello
            ("mm", "m", Any), // commum
            ("cc", "c", Any), // acceitar
        ],
    }
}

/// A period spelling's word must be at least this common today (per
/// billion words): a rare word is reached from a damaged one by chance.
const MIN_FREQUENCY: u64 = 1_000;

/// A word the dictionary knows is its period's spelling of another when
/// it is rare (under [`MIN_FREQUENCY`]) and that one is at least this many
/// times commoner today: `avoit`, `enfans` and `roys` are in the lists,
/// from old books, 150 to 1,500 times rarer than `avait`, `enfants` and
/// `rois`. Today's words that a convention turns into commoner ones are
/// common themselves (`foire`, `four`: `faire`, `for`).
const MIN_RESPELLED_RATIO: u64 = 100;

/// Whether the lowercase `word`, which the dictionary lacks, is a period
/// spelling of a common word of the lexicon's language: one of the
/// language's old conventions, applied once, gives it.
pub(crate) fn is_period_spelling(word: &str, lexicon: &Lexicon) -> bool {
    respelled_frequency(word, lexicon) >= MIN_FREQUENCY
}

/// Whether the lowercase `word`, which the dictionary knows `frequency`
/// times per billion words, is a period spelling of a far commoner word
/// (`avoit`, `enfans`): a period's text prints many such words, today's
/// almost none.
pub(crate) fn is_period_spelling_of_commoner(
    word: &str,
    frequency: u64,
    lexicon: &Lexicon,
) -> bool {
    if frequency >= MIN_FREQUENCY {
        return false;
    }
    let respelled = respelled_frequency(word, lexicon);
    respelled >= MIN_FREQUENCY && respelled >= frequency.saturating_mul(MIN_RESPELLED_RATIO)
}

/// The frequency of the commonest word that one of the language's old
/// conventions, applied once, makes of the lowercase `word` (0 if none).
fn respelled_frequency(word: &str, lexicon: &Lexicon) -> u64 {
    let mut best = 0;
    for &(old, new, at) in respellings(lexicon.language()) {
        let places: Vec<usize> = match at {
            End => word
                .strip_suffix(old)
                .map(|stem| stem.len())
                .into_iter()
                .collect(),
            Any => word.match_indices(old).map(|(i, _)| i).collect(),
        };
        for i in places {
            // A word in `-y` with a suffix joined as it is (`tiny·est`,
            // `happy·er`) is how a spinner or a hasty writer builds a
            // word, not an old spelling of `tiniest`.
            let (built, rest) = word.split_at(i + old.len());
            if lexicon.language() == Language::English
                && lexicon.frequency(built).is_some()
                && is_suffix(rest)
            {
                continue;
            }
            let respelled = format!("{}{new}{}", &word[..i], &word[i + old.len()..]);
            best = best.max(lexicon.frequency(&respelled).unwrap_or(0));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_spellings_of_common_words_are_known_and_damage_is_not() {
        let french = Lexicon::for_language(Language::French).unwrap();
        for old in ["avoit", "enfans", "luy"] {
            assert!(is_period_spelling(old, &french), "{old}");
        }
        for damaged in ["rnaison", "enfamts", "qnand"] {
            assert!(!is_period_spelling(damaged, &french), "{damaged}");
        }
        let english = Lexicon::english().unwrap();
        assert!(is_period_spelling("tyme", &english));
        // `tiny` and `-est`, joined as they are: no spelling of `tiniest`.
        assert!(!is_period_spelling("tinyest", &english));
        assert!(!is_period_spelling("rnodern", &english));
        // Known words: a rare old form of a common word is one; today's
        // `foire` and `four`, common words themselves, are not.
        let known = |word: &str, lexicon: &Lexicon| {
            let frequency = lexicon.frequency(word).unwrap();
            is_period_spelling_of_commoner(word, frequency, lexicon)
        };
        assert!(known("avoit", &french));
        assert!(known("roys", &french));
        assert!(!known("soit", &french));
        assert!(!known("foire", &french));
        assert!(!known("four", &english));
    }
}
