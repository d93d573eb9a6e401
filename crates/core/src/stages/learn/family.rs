//! Families: what a restored word counts as when a rule's support is
//! counted in distinct words. An English restoration counts as its stem
//! (`restored`, `restores` are one word), or as the swap alone when a
//! productive suffix follows it (`dock·able`, `dock·ability`); in the
//! other languages, as the swap with the compound part that follows it
//! (`Tätigkeit·s·weise`). And
//! a suspect that reads as a word with an ending gives evidence only for
//! swapping that whole word. A glyph confusion's restored words are
//! counted by family too ([`misreading_family`]).

use compact_str::{format_compact, CompactString};

use crate::knowledge::language::Language;
use crate::knowledge::lexicon::{Lexicon, LINKS};
use crate::knowledge::morphology::{is_suffix_of, stem, PREFIXES};
use crate::stages::explain::Explanation;

/// A suspect that reads as a dictionary word with a letter or two after it
/// (`know·es`, `hear·es`, Spanish `cursor·es`) is that word with an ending
/// the dictionary does not list — the period's `-es`, a plural of a bare
/// list of forms — or, from a spinner, the word it inserted with the
/// original's ending glued on (`surgery·s`, `easy·er`). A swap elsewhere in
/// it (`kn·owe·s` as `knaves`, `h·ear·es` as `hashes`, `curso·res` as
/// `actores`) lines up with an unrelated word by chance. These are the
/// words (at least [`MIN_BASE_CHARS`] letters) such a suspect reads as.
pub(super) fn bases_with_ending<'a>(key: &'a str, lexicon: &Lexicon) -> Vec<&'a str> {
    let bounds: Vec<usize> = key.char_indices().map(|(i, _)| i).collect();
    let chars = bounds.len();
    (1..=MAX_ENDING_CHARS)
        .filter(|&n| chars >= MIN_BASE_CHARS + n)
        .map(|n| &key[..bounds[chars - n]])
        .filter(|base| {
            key[base.len()..].chars().all(char::is_alphabetic) && lexicon.frequency(base).is_some()
        })
        .collect()
}

/// The longest ending [`bases_with_ending`] splits off, in characters.
const MAX_ENDING_CHARS: usize = 2;

/// The shortest word it reads a suspect as, in characters.
const MIN_BASE_CHARS: usize = 4;

/// Whether explanation `e` of `key` swaps one of `bases` whole, keeping the
/// ending (`surgery·s` → `operation·s`): the one reading of a word with an
/// ending that a spinner gives.
pub(super) fn swaps_base(key: &str, e: &Explanation, bases: &[&str]) -> bool {
    let from = e.from(key);
    bases.contains(&from)
        && key.strip_prefix(from).is_some_and(|ending| {
            e.restored
                .strip_prefix(e.to())
                .is_some_and(|rest| rest == ending)
        })
}

/// The word family an explanation's restored word stands for, so that
/// support counts words, not their forms. English restorations are stemmed
/// by its inflection rules. The other dictionaries are bare lists of forms,
/// so there the family is read off the reading `p·x·q`: the context before
/// the swap, and after it the word a compound continues with, if any
/// (`Dauer·punkt` and `Dauer·raum` are two words), or nothing when what
/// follows is an ending (`des·enfoca·r`, `des·enfoca·da`, `des·enfoca·ndo`
/// are one word; counted as three, `enfoca → arma` turned a Spanish manual's
/// `desenfocar` into `desarmar`).
///
/// `strict` (for swaps no thesaurus relates, which need the most words)
/// also counts an English word without an ending as the same word with one:
/// `get·item` and `get·item·s` are one word, and with `run·item` they had
/// read as three words of a spun `getaway`, `runaway` in a pytest manual
/// (likewise `time·val`, `time·val·s`, `list·val` as `timeserver`). For
/// related pairs the forms still count apart: there a second form is what
/// carries a real repair past the single-word checks (`fore·chief`,
/// `fore·chief·s` for `forehead`; counting them as one lost 11 of 3,753
/// English dev tokens and removed only 5 more clean-corpus changes, made
/// by two rules).
pub(super) fn family(key: &str, e: &Explanation, lexicon: &Lexicon, strict: bool) -> CompactString {
    let (from, to) = (e.from(key), e.to());
    let split = key.match_indices(from).find(|&(at, _)| {
        let rest = &key[at + from.len()..];
        e.restored.len() == at + to.len() + rest.len()
            && e.restored.starts_with(&key[..at])
            && e.restored.ends_with(rest)
    });
    if lexicon.language() == Language::English {
        // English derivations of one word are one word too, with or
        // without a prefix (`canonical·ize`, `canonical·ization`,
        // `dock·able`, `un·dock·able`); endings spelled for another word
        // are each a spinner's mark (`surgery·s`, `surgery·al`).
        return match split {
            Some((at, _))
                if is_suffix_of(from, &key[at + from.len()..])
                    || (strict && at > 0 && at + from.len() == key.len()) =>
            {
                let before = &key[..at];
                let before = if PREFIXES.contains(&before) {
                    ""
                } else {
                    before
                };
                format_compact!("{before}\u{b7}{to}\u{b7}")
            }
            _ => stem(&e.restored, lexicon).into(),
        };
    }
    let Some((at, _)) = split else {
        return e.restored.clone();
    };
    let (p, q) = (&key[..at], &key[at + from.len()..]);
    // The word that follows, directly or after a linking element
    // (`Tätigkeit·s·weise`): the shortest everyday word it starts with, so
    // that the forms of one compound part (`punkt`, `punkte`) name one
    // family, and so do a bare list's stray entries that an ending makes
    // (`schreib·bar`, `·bare`, `·baren`; Italian `compila·zione`, `·bili`).
    let head = std::iter::once(q)
        .chain(LINKS.iter().filter_map(|link| q.strip_prefix(link)))
        .find_map(|rest| {
            rest.char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .skip(MIN_FAMILY_PART_CHARS - 1)
                .map(|end| &rest[..end])
                .find(|part| lexicon.frequency(part).unwrap_or(0) >= MIN_FAMILY_PART_FREQUENCY)
        })
        .unwrap_or("");
    format_compact!("{p}\u{b7}{to}\u{b7}{head}")
}

/// What follows a swap continues a compound only when it starts with a word
/// of at least this many letters; shorter is an ending (`-bar`, `-ung`).
const MIN_FAMILY_PART_CHARS: usize = 4;

/// ... and that word must be at least this common (per billion words; Zipf
/// 3.3, the floor of single-word rules' sides in `learn.rs`): the bare
/// frequency lists outside English hold syllables and endings as entries
/// (`zione`, `bili`, `baren`), which would split one word's forms into
/// families.
const MIN_FAMILY_PART_FREQUENCY: u64 = 2_000;

/// The word family a misreading's restored word stands for when a glyph
/// confusion's support is counted. English restorations are stemmed by its
/// inflection rules. The other dictionaries are bare lists of forms, which
/// cannot say which forms are one word's, so there the family is the
/// restored word up to [`FAMILY_TAIL_CHARS`] letters past the damage (the
/// first letter where it and the suspect `key` differ): `votar`, `votará`,
/// `votados`, `votarla` (a Spanish manual's `rotar`, read as `r → v`) are
/// all `vota`, while `mais`, `moins` and `monde` stay three.
pub(super) fn misreading_family(
    key: &str,
    restored: &str,
    printed: &str,
    lexicon: &Lexicon,
) -> String {
    if lexicon.language() == Language::English {
        return stem(restored, lexicon);
    }
    let damage = key
        .chars()
        .zip(restored.chars())
        .take_while(|(a, b)| a == b)
        .count();
    restored
        .chars()
        .take(damage + printed.chars().count() + FAMILY_TAIL_CHARS)
        .collect()
}

/// Letters after the damage that tell one restored word's family from
/// another's outside English (see [`misreading_family`]).
const FAMILY_TAIL_CHARS: usize = 3;
