//! Detect: word tokens in, suspect word types out.
//!
//! A token is known when the lexicon has it (after the case rules and after
//! dropping a possessive `'s` or a clitic such as `'d`) or when it is a
//! correctly spelled inflection of a known word; it is ignored when it
//! cannot be damage worth explaining (all capitals, contractions, very short
//! words); it is suspect otherwise. Suspects are grouped by type — the
//! lowercase form — so that each distinct type is explained once. Each type
//! also carries the guards that protect names, compounds and rare real
//! words: whether it is written like a name (capitalised in mid-sentence,
//! never lowercase), whether it splits into two known words, whether it is a
//! prefix on a known word, and whether it is an attested form (seen in real
//! text though not a valid word). Detect does not judge whether a suspect is
//! damaged; most suspects in clean text are names and rare words.

use std::ops::{Range, RangeInclusive};

use fnv::FnvHashMap;

use crate::chars::is_apostrophe;
use crate::knowledge::lexicon::{canonical_accents, Lexicon, LONG_S, MIN_COMPOUND_PART_CHARS};
use crate::knowledge::morphology::{
    inflection_of_known, is_enclitic_form, is_inflection_of_known, Spelling, PREFIXES,
};
use crate::knowledge::period::is_period_spelling;
use crate::stages::tokenize::{Case, Token};

/// Suspects shorter than this many characters are ignored: two-letter
/// strings are abbreviations far more often than damaged words, and no
/// substitution can be learned with any context inside them.
const MIN_SUSPECT_CHARS: usize = 3;

/// When misread glyphs are looked for, two-letter tokens are suspects too:
/// a scanner damages `he` and `be` as often as longer words, and a glyph
/// confusion learned from those longer words repairs them (`hc` → `he`).
const MIN_GLYPH_SUSPECT_CHARS: usize = 2;

/// One place where a suspect type occurs.
#[derive(Clone, Debug)]
pub(crate) struct Occurrence {
    /// Byte span of the word itself, without a possessive ending.
    pub(crate) span: Range<usize>,
    /// How the word is capitalised there.
    pub(crate) case: Case,
    /// Whether it opens a sentence.
    pub(crate) sentence_start: bool,
}

/// A distinct suspect word and everywhere it occurs.
#[derive(Clone, Debug)]
pub(crate) struct SuspectType {
    /// The lowercase form, which explanation and rules work on.
    pub(crate) key: String,
    /// Where it occurs, in text order.
    pub(crate) occurrences: Vec<Occurrence>,
    /// Seen capitalised in mid-sentence.
    pub(crate) mid_capital: bool,
    /// Seen in lowercase.
    pub(crate) lowercase: bool,
    /// Splits into two known words of some length (`bootloader`).
    pub(crate) is_compound: bool,
    /// In a language that writes compounds as one word, a compound of
    /// dictionary words that the dictionary does not list
    /// ([`Lexicon::is_compound_word`]): a valid word as often as not
    /// (`Paketverwaltung`), and also what a spinner makes of a listed one
    /// (`Zeitpunkt` → `Dauerpunkt`).
    pub(crate) is_closed_compound: bool,
    /// In a language that capitalises every noun (German), where a word
    /// written like a name is as likely a noun the dictionary lacks.
    pub(crate) nouns_capitalised: bool,
    /// Not a valid word, but a form seen in real text (`surprize`,
    /// `sublicense`): unlikely to be a corruption.
    pub(crate) is_attested: bool,
    /// Not a valid word, but a period's spelling of a common one
    /// (`avoit`, `enfans`, `tyme`): no more evidence of damage than an
    /// attested form.
    pub(crate) is_period_spelling: bool,
    /// A common prefix on a known word (`un·pardoned`): a derivation the
    /// dictionary lacks — or a spinner's swap right after a prefix
    /// (`re·harbor`), which only a rule proven elsewhere may repair.
    pub(crate) is_derivation: bool,
    /// Letters mixed with digits (`1ike`): evidence of misread glyphs only.
    pub(crate) has_digits: bool,
    /// Written with the long s (`ſicke`): a transcription that keeps the
    /// letters of older printing, whose spelling is the period's. It gives
    /// no evidence and is never rewritten.
    pub(crate) has_long_s: bool,
}

impl SuspectType {
    /// An unlisted compound of a language that writes compounds as one
    /// word, or a German noun the dictionary lacks (written like a name): a
    /// valid word as often as a damaged one.
    pub(crate) fn is_compound_or_noun(&self) -> bool {
        self.is_closed_compound || (self.nouns_capitalised && self.is_name_like())
    }

    /// Capitalised in mid-sentence and never written in lowercase: the
    /// shape of a proper name.
    pub(crate) fn is_name_like(&self) -> bool {
        self.mid_capital && !self.lowercase
    }

    /// A suspect type with no occurrences yet, its word-shape guards worked
    /// out from the key.
    pub(crate) fn new(key: String, lexicon: &Lexicon) -> SuspectType {
        SuspectType {
            is_compound: lexicon.has_open_compounds() && is_compound(&key, lexicon),
            is_closed_compound: lexicon.is_compound_word(&key),
            nouns_capitalised: lexicon.language().capitalises_nouns(),
            is_derivation: is_derivation_of_known(&key, lexicon),
            // People write `surprize`; nobody but a spinner writes
            // `believeing`, even if a few web pages have it too.
            is_attested: (lexicon.is_attested(&key)
                || key
                    .strip_suffix('s')
                    .is_some_and(|base| lexicon.is_attested(base)))
                && inflection_of_known(&key, lexicon) != Some(Spelling::Wrong),
            is_period_spelling: is_period_spelling(&key, lexicon),
            has_digits: key.chars().any(char::is_numeric),
            has_long_s: key.contains(LONG_S),
            key,
            occurrences: Vec::new(),
            mid_capital: false,
            lowercase: false,
        }
    }
}

/// What detect found in one text.
pub(crate) struct Detection {
    /// The suspect types, in order of first occurrence.
    pub(crate) suspects: Vec<SuspectType>,
}

/// Endings split off before lookup: the possessive and the clitics of
/// contractions (`Serbia's`, `perform'd`, `they'll`), with either apostrophe.
const CLITICS: &[&str] = &["s", "d", "ll", "re", "ve"];

/// Splits a token into the word and its possessive or clitic ending.
pub(crate) fn split_clitic(token: &str) -> (&str, &str) {
    for clitic in CLITICS {
        if let Some(rest) = token.strip_suffix(clitic) {
            if let Some(word) = rest.strip_suffix(is_apostrophe) {
                if word.chars().count() >= 2 {
                    return (word, &token[word.len()..]);
                }
            }
        }
    }
    (token, "")
}

/// Classifies every token of `text` and groups the suspects by type.
/// Tokens longer than `max_chars` characters are never suspect; tokens that
/// mix letters and digits, and two-letter tokens, are suspect only when
/// `glyphs` is set (when misread glyphs are looked for).
pub(crate) fn detect(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    max_chars: usize,
    glyphs: bool,
) -> Detection {
    let min_chars = if glyphs {
        MIN_GLYPH_SUSPECT_CHARS
    } else {
        MIN_SUSPECT_CHARS
    };
    let mut index: FnvHashMap<String, usize> = FnvHashMap::default();
    let mut suspects: Vec<SuspectType> = Vec::new();

    // Most tokens of a text are a few thousand distinct words: decide each
    // distinct spelling once (a front cache before the FST, with a hash
    // quicker than the default for short keys).
    let mut is_word: FnvHashMap<&str, bool> = FnvHashMap::default();
    for token in tokens {
        let word = &text[token.span.clone()];
        if token.case == Case::Upper || (token.has_digits && !glyphs) {
            continue;
        }
        let known = *is_word
            .entry(word)
            .or_insert_with(|| is_known_token(word, lexicon, min_chars..=max_chars));
        if known
            || is_accent_written_as_apostrophe(text, token, lexicon)
            || is_part_of_command_name(text, token)
            || is_file_extension(text, token)
        {
            continue;
        }
        let (core, _) = split_clitic(word);
        // Decomposed accents are composed: explanations and rules work on
        // the dictionary's spelling.
        let key = canonical_accents(&core.to_lowercase());
        let i = *index.entry(key.clone()).or_insert_with(|| {
            suspects.push(SuspectType::new(key, lexicon));
            suspects.len() - 1
        });
        suspects[i].occurrences.push(Occurrence {
            span: token.span.start..token.span.start + core.len(),
            case: token.case,
            sentence_start: token.sentence_start,
        });
        match token.case {
            Case::Lower => suspects[i].lowercase = true,
            Case::Title if !token.sentence_start => suspects[i].mid_capital = true,
            _ => {}
        }
    }
    Detection { suspects }
}

/// Whether `token` is a word whose final accented vowel is written as the
/// plain vowel and an apostrophe (`gia'` for `già`, `perche'` for
/// `perché`, `Fara'` for `Farà`): the way Italian, and sometimes other
/// languages, are typed where accents are hard to type. Such a token is
/// the word, not damage.
fn is_accent_written_as_apostrophe(text: &str, token: &Token, lexicon: &Lexicon) -> bool {
    if !text[token.span.end..].starts_with(is_apostrophe) {
        return false;
    }
    let word = &text[token.span.clone()];
    let vowel_last = word
        .chars()
        .last()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
    // The grave or the acute accent, as a combining mark: the lookup
    // composes it with the vowel (`gia` + U+0300 is `già`).
    vowel_last
        && ['\u{300}', '\u{301}']
            .iter()
            .any(|mark| lexicon.lookup(&format!("{word}{mark}")).is_some())
}

/// Whether `token` is part of a program's or function's name rather than a
/// word of prose: its whitespace-separated chunk is followed by a manual
/// section (`dpkg-gencontrol(1)`, `setarch(8)`), or joins by a hyphen a
/// part with no vowel (`dpkg-gencontrol`, `xdg-open`), which no word of
/// the languages textmend reads is. Such names are made of words and
/// pieces of words (`gen·control`), which read as a spinner's swaps.
fn is_part_of_command_name(text: &str, token: &Token) -> bool {
    let start = text[..token.span.start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[token.span.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| token.span.end + i);
    let chunk = &text[start..end];
    let section = chunk.find('(').is_some_and(|open| {
        let inside = chunk[open + 1..].split(')').next().unwrap_or("");
        chunk[open + 1..].contains(')')
            && inside.starts_with(|c: char| c.is_ascii_digit())
            && inside.len() <= 4
    });
    let vowelless_part = chunk.contains('-')
        && chunk
            .split(|c: char| !c.is_alphabetic())
            .filter(|part| part.chars().count() >= 2)
            .any(|part| !part.chars().any(is_vowel));
    section || vowelless_part
}

/// Whether `token` is a file name's extension (`.cfg`, `*.odt`,
/// `archive.tgz`): right after a dot, and either the dot opens its chunk
/// (after a `*` at most) or the token is as short as extensions are. Made
/// of a few letters, extensions read as misread glyphs (`cfg` as `cfa`).
/// A longer word after a dot inside a chunk is left a suspect: a scan
/// loses the space after a full stop (`end.Rnodern`).
fn is_file_extension(text: &str, token: &Token) -> bool {
    let before = &text[..token.span.start];
    let Some(rest) = before.strip_suffix('.') else {
        return false;
    };
    let opens_chunk = rest
        .trim_end_matches('*')
        .chars()
        .last()
        .is_none_or(char::is_whitespace);
    opens_chunk || token.span.len() <= MAX_EXTENSION_BYTES
}

/// The longest extension [`is_file_extension`] reads inside a chunk.
const MAX_EXTENSION_BYTES: usize = 4;

/// A vowel letter of the Latin alphabet, accented or not (`y` too).
fn is_vowel(c: char) -> bool {
    c.to_lowercase()
        .all(|c| "aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿ".contains(c))
}

/// Whether `word` is a common prefix on a known word or on a regular
/// inflection of one (`un·pardoned`, `sub·license`, `re·passing`): most
/// often a derivation the dictionary does not list. Longer prefixes that are
/// words themselves (`under`, `over`) are compounds, guarded apart.
fn is_derivation_of_known(word: &str, lexicon: &Lexicon) -> bool {
    let lower = word.to_lowercase();
    PREFIXES.iter().any(|prefix| {
        lower.strip_prefix(prefix).is_some_and(|rest| {
            rest.chars().count() >= MIN_DERIVATION_BASE_CHARS
                && (lexicon.lookup(rest).is_some() || is_inflection_of_known(rest, lexicon))
        })
    })
}

/// The word after a prefix must have at least this many characters, so that
/// a prefix and a fragment (`re·ad`) do not pass for a derivation.
const MIN_DERIVATION_BASE_CHARS: usize = 4;

/// Whether a token is no suspect: a dictionary word (after the case rules,
/// with or without its clitic), a correctly spelled inflection of one, or
/// too short, too long or too odd to be damage worth explaining. Unlisted
/// compounds are suspects, guarded as such ([`SuspectType::
/// is_closed_compound`]).
fn is_known_token(word: &str, lexicon: &Lexicon, chars: RangeInclusive<usize>) -> bool {
    if lexicon.lookup(word).is_some() {
        return true;
    }
    let (core, _) = split_clitic(word);
    if core.len() < word.len() && lexicon.lookup(core).is_some() {
        return true;
    }
    let n_chars = core.chars().count();
    !chars.contains(&n_chars)
        || core.chars().any(is_apostrophe)
        || is_inflection_of_known(core, lexicon)
        || is_enclitic_form(core, lexicon)
}

/// Whether `key` is two known lowercase words joined, each of at least
/// [`MIN_COMPOUND_PART_CHARS`] characters.
fn is_compound(key: &str, lexicon: &Lexicon) -> bool {
    key.char_indices()
        .map(|(i, _)| i)
        .filter(|&i| {
            key[..i].chars().count() >= MIN_COMPOUND_PART_CHARS
                && key[i..].chars().count() >= MIN_COMPOUND_PART_CHARS
        })
        .any(|i| lexicon.frequency(&key[..i]).is_some() && lexicon.frequency(&key[i..]).is_some())
}

/// How much a suspect type may count as evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// Any explanation counts.
    Full,
    /// Only explanations whose sides the thesaurus relates: the type splits
    /// into two known words (`under·remain`), which a spinner makes out of a
    /// compound (`under·stand`) but which is also how valid compounds and
    /// jargon look (`boot·loader`). So do unlisted German and Dutch
    /// compounds (`Dauer·punkt` from `Zeit·punkt`, but also the author's
    /// `Paket·verwaltung`, which `Finanz·verwaltung` explains as well), and
    /// German nouns the dictionary lacks, which are written like names.
    SynonymsOnly,
    /// None: the type is written like a proper name (outside German), it is
    /// an attested form (`surprize`) — real, if rare or old, writing — or a
    /// prefix on a known word (`un·pardoned`).
    None,
}

/// How much `suspect` may count as evidence for a rule. Names, rare real
/// forms, derivations and compounds outside the dictionary split into word +
/// word by chance ("learn strictly"); they are repaired only by rules that
/// other evidence proves.
pub(crate) fn evidence(suspect: &SuspectType) -> Evidence {
    // In German every noun is written like a name: there the shape is no
    // name's, only a word the dictionary lacks.
    let name = suspect.is_name_like() && !suspect.nouns_capitalised;
    if name
        || suspect.is_attested
        || suspect.is_period_spelling
        || suspect.is_derivation
        || suspect.has_digits
        || suspect.has_long_s
    {
        Evidence::None
    } else if suspect.is_compound || suspect.is_compound_or_noun() {
        Evidence::SynonymsOnly
    } else {
        Evidence::Full
    }
}

/// Whether a suspect may support a confusion: not a name (names are
/// misread too, but a rare name lines up with a word by chance), and not an
/// attested form, nor a valid compound. Old and rare spellings share endings (`lead·eth`,
/// `make·th`) that line up with a substitution (`th → r`: `leader`,
/// `maker`) as systematically as a scanner's habit, while a scanner's damage
/// is mostly new forms. Both are still repaired by rules learned from the
/// rest.
pub(crate) fn gives_glyph_evidence(suspect: &SuspectType) -> bool {
    !suspect.is_name_like()
        && !suspect.is_attested
        && !suspect.is_period_spelling
        && !suspect.is_closed_compound
        && !suspect.has_long_s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::MAX_WORD_CHARS;
    use crate::stages::tokenize::tokenize;

    fn suspects(text: &str) -> Vec<SuspectType> {
        let lexicon = Lexicon::english().unwrap();
        detect(text, &tokenize(text), &lexicon, MAX_WORD_CHARS, false).suspects
    }

    #[test]
    fn unlisted_german_compounds_are_guarded_suspects() {
        let lexicon = Lexicon::for_language(crate::knowledge::language::Language::German).unwrap();
        let text = "Zum Zeitpunkt der Paketverwaltung sprach Kuleba.";
        let found = detect(text, &tokenize(text), &lexicon, MAX_WORD_CHARS, false).suspects;
        let keys: Vec<&str> = found.iter().map(|s| s.key.as_str()).collect();
        // `Zeitpunkt` is listed; `Paketverwaltung` is not, though both of
        // its parts are.
        assert!(!keys.contains(&"zeitpunkt"), "{keys:?}");
        let compound = found.iter().find(|s| s.key == "paketverwaltung").unwrap();
        assert!(compound.is_closed_compound && compound.is_compound_or_noun());
        // In German a capital in mid-sentence marks a noun as much as a
        // name: both are only guarded.
        let name = found.iter().find(|s| s.key == "kuleba").unwrap();
        assert!(name.is_name_like() && name.is_compound_or_noun());
        assert!(!name.is_closed_compound);
    }

    #[test]
    fn command_names_are_no_suspects() {
        let keys =
            |text: &str| -> Vec<String> { suspects(text).into_iter().map(|s| s.key).collect() };
        // Made of words, they read as swaps (`gen·control` as `gen·try`).
        assert!(keys("It calls dpkg-gencontrol once.").is_empty());
        assert!(keys("See gencontrol(1) and setarch(8).").is_empty());
        // A word of prose next to a hyphen or brackets is still one.
        assert_eq!(keys("a well-attfinished meeting"), ["attfinished"]);
        assert_eq!(keys("the counattempt (in 1999)"), ["counattempt"]);
        assert_eq!(keys("the gencontrol step"), ["gencontrol"]);
        // Chunks end at any white space, a no-break space too.
        assert_eq!(keys("the\u{a0}gencontrol step"), ["gencontrol"]);
        assert!(keys("see\u{a0}dpkg-gencontrol(1)").is_empty());
        // Nor are file extensions.
        assert!(keys("Files .cfg, *.odt and archive.tgz or a .config file.").is_empty());
        assert_eq!(keys("the end.Rnodern times"), ["rnodern"]);
    }

    #[test]
    fn an_accent_typed_as_an_apostrophe_is_the_word() {
        let lexicon = Lexicon::for_language(crate::knowledge::language::Language::Italian).unwrap();
        let text = "Fara' bello? La strada e' gia' un ghiacciaio, percio' usciro'. Giaa' no.";
        let found = detect(text, &tokenize(text), &lexicon, MAX_WORD_CHARS, false).suspects;
        let keys: Vec<&str> = found.iter().map(|s| s.key.as_str()).collect();
        // `Farà`, `già`, `perciò`, `uscirò` are words; `giaa` is not, with
        // or without an accent.
        assert_eq!(keys, ["giaa"]);
        // Without the apostrophe, `gia` is no word.
        let text = "La strada gia un ghiacciaio.";
        let found = detect(text, &tokenize(text), &lexicon, MAX_WORD_CHARS, false).suspects;
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn finds_unknown_words_once_per_type() {
        let found = suspects(
            "The counattempt and the Counattempt. NATO's counattempt's agfinisha; it's OK muslins notifys.",
        );
        let keys: Vec<&str> = found.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["counattempt", "agfinisha", "notifys"]);
        assert_eq!(found[0].occurrences.len(), 3);
        assert!(!found[0].is_name_like());
    }

    #[test]
    fn regular_inflections_of_known_words_are_known_when_spelled_right() {
        let lexicon = Lexicon::english().unwrap();
        for (word, known) in [
            ("muslins", true),
            ("flatteries", true),
            ("modestest", true),
            ("visited", true),
            ("snogged", true),
            ("notifys", false),
            ("shapeed", false),
            ("believeing", false),
            ("replyed", false),
            ("typeest", false),
            ("attfinish", false),
        ] {
            assert_eq!(is_inflection_of_known(word, &lexicon), known, "{word}");
        }
        for word in [
            "believeing",
            "replyed",
            "wishd",
            "wishs",
            "inquireed",
            "taged",
        ] {
            assert_eq!(
                inflection_of_known(word, &lexicon),
                Some(Spelling::Wrong),
                "{word}"
            );
        }
        assert_eq!(inflection_of_known("attfinish", &lexicon), None);
        for (word, known) in [
            ("unpardoned", true),
            ("sublicense", true),
            ("repassing", true),
            ("counattempt", false),
            ("refutilize", false),
            ("reshapeation", false),
            ("inshapeed", false),
        ] {
            assert_eq!(is_derivation_of_known(word, &lexicon), known, "{word}");
        }
    }

    #[test]
    fn possessives_are_split_and_spans_exclude_them() {
        let text = "Zelenskiy\u{2019}s visit";
        let found = suspects(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].occurrences[0].span.clone()], "Zelenskiy");
        assert_eq!(split_clitic("Serbia's"), ("Serbia", "'s"));
        assert_eq!(split_clitic("perform\u{2019}d"), ("perform", "\u{2019}d"));
        assert_eq!(split_clitic("they'll"), ("they", "'ll"));
        assert_eq!(split_clitic("is"), ("is", ""));
    }

    #[test]
    fn guards_names_and_compounds() {
        let found = suspects("They met Kuleba in town. Kuleba left with a bootloader.");
        let kuleba = found.iter().find(|s| s.key == "kuleba").unwrap();
        assert!(kuleba.is_name_like());
        assert!(!kuleba.is_attested);
        let boot = found.iter().find(|s| s.key == "bootloader").unwrap();
        assert!(boot.is_compound);
        assert!(!boot.is_name_like());
    }
}
