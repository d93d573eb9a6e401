//! Morphology: which word a form inflects, and the same inflection of
//! another word.
//!
//! A spinner that swaps `tell → notify` also turns `told` into `notified`,
//! so the whole-word stage must read `notified` as *notify, past* and spell
//! *tell, past* as `told`. Regular endings follow WordNet's *morphy*
//! detachment rules; irregular forms come from WordNet's exception lists
//! (`dictionaries/en-inflections.txt`). A form counts only when the lexicon
//! knows it, so the rules never invent words.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;

/// An inflection: which ending a form has on its lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// The lemma itself (`tell`).
    Base,
    /// A plural noun or third-person verb (`tells`, `countries`).
    S,
    /// A past tense or participle (`told`, `notified`).
    Past,
    /// A present participle (`telling`).
    Ing,
}

/// Regular endings as `(ending, replacement)`: strip the ending from a form
/// and add the replacement to get the lemma (WordNet's morphy rules for
/// nouns and verbs), with the inflection it marks.
const DETACHMENTS: &[(&str, &str, Slot)] = &[
    ("ies", "y", Slot::S),
    ("ses", "s", Slot::S),
    ("xes", "x", Slot::S),
    ("zes", "z", Slot::S),
    ("ches", "ch", Slot::S),
    ("shes", "sh", Slot::S),
    ("es", "e", Slot::S),
    ("es", "", Slot::S),
    ("s", "", Slot::S),
    ("ied", "y", Slot::Past),
    ("ed", "e", Slot::Past),
    ("ed", "", Slot::Past),
    ("ing", "e", Slot::Ing),
    ("ing", "", Slot::Ing),
];

/// Irregular forms from WordNet's exception lists, both ways.
struct Exceptions {
    /// Form → lemmas.
    lemmas: HashMap<&'static str, Vec<&'static str>>,
    /// Lemma → forms.
    forms: HashMap<&'static str, Vec<&'static str>>,
}

fn exceptions() -> &'static Exceptions {
    static EXCEPTIONS: OnceLock<Exceptions> = OnceLock::new();
    EXCEPTIONS.get_or_init(|| {
        let mut lemmas: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut forms: HashMap<&str, Vec<&str>> = HashMap::new();
        for line in textmend_dict::english().inflections.lines() {
            let mut fields = line.split(' ');
            if let (Some(form), Some(lemma), Some(pos)) =
                (fields.next(), fields.next(), fields.next())
            {
                // Adjective exceptions (`better good`) are comparisons, not
                // inflections a verb or noun slot can take.
                if pos == "a" {
                    continue;
                }
                lemmas.entry(form).or_default().push(lemma);
                forms.entry(lemma).or_default().push(form);
            }
        }
        Exceptions { lemmas, forms }
    })
}

/// The inflection an irregular form takes: by its ending, the past for
/// endings that mark nothing (`told`, `gone`, `children` count as past and
/// plural alike: both are "the form that is not the lemma").
fn irregular_slot(form: &str) -> Slot {
    if form.ends_with("ing") {
        Slot::Ing
    } else if form.ends_with('s') {
        Slot::S
    } else {
        Slot::Past
    }
}

/// The readings of a lowercase `word` as `(lemma, slot)`: the word itself as
/// a lemma, its irregular lemmas, and every regular detachment that leaves a
/// word the lexicon knows. `stated` reads as `(stated, Base)` and
/// `(state, Past)`.
pub(crate) fn readings(word: &str, lexicon: &Lexicon) -> Vec<(String, Slot)> {
    let mut found = vec![(word.to_string(), Slot::Base)];
    if let Some(lemmas) = exceptions().lemmas.get(word) {
        for lemma in lemmas {
            found.push((lemma.to_string(), irregular_slot(word)));
        }
    }
    for &(ending, replacement, slot) in DETACHMENTS {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        let mut lemmas = vec![format!("{stem}{replacement}")];
        // A doubled final consonant (`stopped`, `planning`).
        let bytes = stem.as_bytes();
        if replacement.is_empty()
            && slot != Slot::S
            && bytes.len() >= 3
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            && !b"aeiouslz".contains(&bytes[bytes.len() - 1])
        {
            lemmas.push(stem[..stem.len() - 1].to_string());
        }
        for lemma in lemmas {
            if lexicon.frequency(&lemma).is_some() && !found.iter().any(|(l, _)| *l == lemma) {
                found.push((lemma, slot));
            }
        }
    }
    found
}

/// The forms of `lemma` in `slot` that the lexicon knows, commonest first:
/// the irregular forms if it has any for the slot (`tell`, past: `told`),
/// else the regular spellings that read back as that lemma and slot
/// (`notify`, past: `notified`).
pub(crate) fn inflect(lemma: &str, slot: Slot, lexicon: &Lexicon) -> Vec<String> {
    if slot == Slot::Base {
        return vec![lemma.to_string()];
    }
    let mut forms: Vec<String> = exceptions()
        .forms
        .get(lemma)
        .into_iter()
        .flatten()
        .filter(|form| irregular_slot(form) == slot)
        .map(|form| form.to_string())
        .collect();
    if forms.is_empty() {
        let stem_e = lemma.strip_suffix('e').unwrap_or(lemma);
        let stem_y = lemma
            .strip_suffix('y')
            .filter(|stem| !stem.ends_with(['a', 'e', 'i', 'o', 'u']));
        let last = lemma.chars().last().map(String::from).unwrap_or_default();
        let spellings: Vec<String> = match slot {
            Slot::S => vec![
                stem_y.map_or(String::new(), |stem| format!("{stem}ies")),
                format!("{lemma}es"),
                format!("{lemma}s"),
            ],
            Slot::Past => vec![
                stem_y.map_or(String::new(), |stem| format!("{stem}ied")),
                format!("{stem_e}ed"),
                format!("{lemma}{last}ed"),
            ],
            Slot::Ing => vec![
                format!("{stem_e}ing"),
                format!("{lemma}ing"),
                format!("{lemma}{last}ing"),
            ],
            Slot::Base => Vec::new(),
        };
        forms = spellings
            .into_iter()
            .filter(|form| !form.is_empty() && lexicon.frequency(form).is_some())
            .filter(|form| {
                readings(form, lexicon)
                    .iter()
                    .any(|(l, s)| l == lemma && *s == slot)
            })
            .collect();
    }
    forms.sort_by_key(|form| std::cmp::Reverse(lexicon.frequency(form).unwrap_or(0)));
    forms.dedup();
    forms
}

/// The unit of evidence for a restored word: its form after dropping up to
/// two regular inflections (`-s`, `-es`, `-d`, `-ed`, `-ing`, also after a
/// dropped `e`, a doubled consonant or a `y` turned into `i`) while it
/// stays a word, so `buyer` and `buyers`, `surprise` and `surprised`,
/// `diversify` and `diversified` count once.
pub(crate) fn stem(word: &str, lexicon: &Lexicon) -> String {
    let once = strip_inflection(word, lexicon);
    match once.as_str() {
        w if w == word => once,
        // `trackings` → `tracking` → `track`
        w => strip_inflection(w, lexicon),
    }
}

/// `word` without one regular inflection, if what remains is a word.
fn strip_inflection(word: &str, lexicon: &Lexicon) -> String {
    STEM_ENDINGS
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .flat_map(|base| {
            // `attended` → `attend`, `restoring` → `restore`,
            // `rebelled` → `rebel`.
            let undoubled = match base.as_bytes() {
                [.., a, b] if a == b && !b"aeiou".contains(b) => &base[..base.len() - 1],
                _ => base,
            };
            // `diversified` → `diversify`, `carries` → `carry`.
            let y = base
                .strip_suffix('i')
                .filter(|_| !word.ends_with("ing"))
                .map(|b| format!("{b}y"));
            [base.to_string(), format!("{base}e"), undoubled.to_string()]
                .into_iter()
                .chain(y)
        })
        .filter(|base| base.len() >= 3 && lexicon.frequency(base).is_some())
        .min_by_key(|base| base.len())
        .unwrap_or_else(|| word.to_string())
}

/// Regular English inflections, for [`stem`].
const STEM_ENDINGS: &[&str] = &["s", "es", "d", "ed", "ing"];

/// `word` and the spellings its regular inflections may take (`like`,
/// `likes`, `liked`, `liking`, ...), not all of them words: what to count
/// when asking how often a word stands in a text.
pub(crate) fn regular_forms(word: &str) -> Vec<String> {
    let stem = word.strip_suffix('e').unwrap_or(word);
    let mut forms: Vec<String> = std::iter::once(word.to_string())
        .chain(STEM_ENDINGS.iter().map(|ending| format!("{word}{ending}")))
        .chain(std::iter::once(format!("{stem}ing")))
        .collect();
    forms.sort_unstable();
    forms.dedup();
    forms
}

/// A regular inflection's base must have at least this many letters to
/// count as a known word (`ye·s` is no form of `ye`).
const MIN_BASE_CHARS: usize = 3;

/// Whether `word` is a regular inflection of a known word spelled by the
/// rules of English (`muslins`, `flatteries`, `modestest`): the dictionary
/// lists such forms of common words only, and a rare one is not damage. The
/// spelling rules matter: a spinner glues endings onto the word it inserted
/// without them (`shape·ed`, `believe·ing`, `notify·s`), and those stay
/// suspect.
pub(crate) fn is_inflection_of_known(word: &str, lexicon: &Lexicon) -> bool {
    inflection_of_known(word, lexicon) == Some(Spelling::Right)
}

/// Common English derivational prefixes (general knowledge).
pub(crate) const PREFIXES: &[&str] = &[
    "co", "de", "dis", "im", "in", "mis", "non", "pre", "re", "sub", "un",
];

/// The English suffixes that attach to nearly any word, and the inflections
/// they take (general knowledge; `-ish` as in `hack·ish`, `small·ish`).
/// Latinate ones (`-ion`, `-al`, `-ity`, `-ive`, `-ous`) attach to roots,
/// not words, and are what a spinner's swap leaves of the original
/// (`act·ion` as `deed·ion`, `port·ion` as `harbor·ion`), so they are not
/// listed.
const SUFFIXES: &[&str] = &[
    "able", "ability", "ably", "ed", "er", "ers", "es", "est", "ful", "hood", "ing", "ings", "ise",
    "ised", "ish", "ism", "ist", "ists", "ize", "ized", "izes", "izing", "ization", "less", "ly",
    "ment", "ments", "ness", "s", "ship",
];

/// Whether the English `key` is `from` built into a word the way English
/// builds words: a prefix or a word before it, a suffix or a word after
/// it, the ending spelled as it is after `from` (`queue·ing`, `canonical·ized`,
/// `dock·able`, `new·name`, `user·tag·s`, `de·script·ion`). Such a suspect
/// is the word the dictionary lacks as often as a spinner's swap, which
/// leaves a fragment of the original (`att·finish`, `coun·attempt`) or an
/// ending spelled for the original (`surgery·s`).
pub(crate) fn is_built_on(key: &str, from: &str, lexicon: &Lexicon) -> bool {
    let word = |part: &str| {
        part.chars().count() >= MIN_PART_CHARS
            && lexicon.frequency(part).unwrap_or(0)
                >= if part.chars().count() > MIN_PART_CHARS {
                    MIN_LONG_PART_FREQUENCY
                } else {
                    MIN_PART_FREQUENCY
                }
    };
    key.match_indices(from).any(|(at, _)| {
        let (before, after) = (&key[..at], &key[at + from.len()..]);
        let before_ok = before.is_empty() || PREFIXES.contains(&before) || word(before);
        let after_ok = after.is_empty() || word(after) || is_suffix_of(from, after);
        !(before.is_empty() && after.is_empty()) && before_ok && after_ok
    })
}

/// Whether `ending` is an English suffix, or two (`less·ness`, `able·s`).
pub(crate) fn is_suffix(ending: &str) -> bool {
    SUFFIXES.contains(&ending)
        || SUFFIXES.iter().any(|suffix| {
            ending
                .strip_suffix(suffix)
                .is_some_and(|inner| SUFFIXES.contains(&inner))
        })
}

/// Whether `ending` is an English suffix (or two) spelled as English spells
/// it after `base`: a final `e` drops before a vowel (`purchas·er`, so
/// `purchase·ers` is a spinner's `buy·ers`) and a consonant's `y` turns
/// into `i` (`surger·ies`, not `surgery·s`).
pub(crate) fn is_suffix_of(base: &str, ending: &str) -> bool {
    let vowel = ending.starts_with(|c| "aeiouy".contains(c));
    let drops_e = base.ends_with('e') && !base.ends_with("ee") && vowel;
    let keeps_y = matches!(base.as_bytes(), [.., c, b'y'] if !b"aeiou".contains(c))
        && !ending.starts_with('i');
    is_suffix(ending) && !drops_e && !keeps_y && !is_no_ending_of(base, ending)
}

/// A word before or after a swap, for [`is_built_on`], has at least this
/// many letters ...
const MIN_PART_CHARS: usize = 3;

/// ... and is an everyday word, at least this common (per billion words;
/// Zipf 4.3, about the 5,000 commonest): everyday words make compounds
/// (`new·name`, `user·tag`), while a spinner's fragment is at most a rare
/// one (`ref·utilize` for `ref·use`, `att·finish`).
const MIN_PART_FREQUENCY: u64 = 20_000;

/// ... or, with four letters or more, at least this common (Zipf 3.7):
/// a longer word of the middle range is a compound's part (`patch·set`)
/// far more often than a spinner's fragment is one by chance, while
/// three-letter entries (`ref`, `att`) are abbreviations as often as
/// words.
const MIN_LONG_PART_FREQUENCY: u64 = 5_000;

/// Whether `word` is a Spanish or Italian infinitive or gerund with object
/// pronouns glued on (`añadir·la`, `enfocar·la`, Italian `compilar·si`,
/// `facendo·lo`): the languages write them as one word, productively, so
/// a frequency list holds few of them (general grammar). Read as damage,
/// `añadirla` taught a Spanish manual `a → o` (`añadirlo`).
pub(crate) fn is_enclitic_form(word: &str, lexicon: &Lexicon) -> bool {
    let language = lexicon.language();
    let clitics: &[&str] = match language {
        Language::Spanish => &[
            "me", "te", "se", "lo", "la", "le", "nos", "os", "los", "las", "les",
        ],
        Language::Italian => &[
            "mi", "ti", "si", "ci", "vi", "lo", "la", "li", "le", "ne", "gli",
        ],
        _ => return false,
    };
    let lower = word.to_lowercase();
    // One pronoun or two (`dar·se·lo`, `dir·glie·lo` aside).
    let mut bases = clitics
        .iter()
        .filter_map(|c| lower.strip_suffix(c))
        .flat_map(|base| {
            std::iter::once(base).chain(clitics.iter().filter_map(move |c| base.strip_suffix(c)))
        });
    let is_verb_form = |base: &str| {
        if base.chars().count() < MIN_BASE_CHARS {
            return false;
        }
        let gerund = base.ends_with("ndo") && lexicon.lookup(base).is_some();
        let infinitive = ["ar", "er", "ir"].iter().any(|e| base.ends_with(e))
            && match language {
                // Italian drops the infinitive's final `e`: `compilar(e)·si`.
                Language::Italian => lexicon.lookup(&format!("{base}e")).is_some(),
                _ => lexicon.lookup(base).is_some(),
            };
        gerund || infinitive
    };
    bases.any(is_verb_form)
}

/// How a word made of a known word and a regular ending is spelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spelling {
    /// By the rules (`muslins`, `modestest`, `flatteries`).
    Right,
    /// Against them (`believe·ing`, `reply·ed`, `wish·s`): the ending glued
    /// on as a spinner does, never as people spell.
    Wrong,
}

/// Whether `word` is a known word plus a regular ending, and if so whether
/// it is spelled right; `None` when it is not such a word at all.
pub(crate) fn inflection_of_known(word: &str, lexicon: &Lexicon) -> Option<Spelling> {
    let lower = word.to_lowercase();
    let known =
        |base: &str| base.chars().count() >= MIN_BASE_CHARS && lexicon.lookup(base).is_some();
    let ends_consonant_y = |b: &str| matches!(b.as_bytes(), [.., c, b'y'] if !b"aeiou".contains(c));
    let ends_sibilant = |b: &str| {
        matches!(
            b.as_bytes(),
            [.., b's' | b'x' | b'z'] | [.., b'c' | b's', b'h']
        )
    };
    let ends_e = |b: &str| b.ends_with('e');
    // `-ies`, `-ied`, `-ier`, `-iest` after a consonant + `y`.
    let y_form = ["ies", "ied", "ier", "iest"].iter().any(|ending| {
        lower.strip_suffix(ending).is_some_and(|stem| {
            let base = format!("{stem}y");
            ends_consonant_y(&base) && known(&base)
        })
    });
    // `tagged`, `bigger`: a doubled last consonant before the ending.
    let doubled = ["ed", "ing", "er", "est"].iter().any(|ending| {
        lower.strip_suffix(ending).is_some_and(|stem| {
            let b = stem.as_bytes();
            matches!(b, [.., x, y] if x == y)
                && known(&stem[..stem.len() - 1])
                && doubles(&stem[..stem.len() - 1])
        })
    });
    let mut found = (y_form || doubled).then_some(Spelling::Right);
    for (ending, base_ok) in SPELLED_ENDINGS {
        if let Some(base) = lower.strip_suffix(ending) {
            if !known(base) {
                continue;
            }
            if base_ok(
                base,
                ends_consonant_y(base),
                ends_sibilant(base),
                ends_e(base),
            ) {
                return Some(Spelling::Right);
            }
            found = found.or(Some(Spelling::Wrong));
        }
    }
    found
}

/// Whether `base·ending` cannot be `base` with an English ending: a
/// regular inflection's ending spelled against the rules (`pop·es`,
/// `plan·es`, `believe·ing`), or a final `e`, which English adds to no
/// word as an ending (`cod·e`, `plan·e`, `pop·e` are other words). A
/// spinner's table word keeps the original's ending (`light·er`,
/// `operation·s`, `operation·al`, `mash·es`), spelled for the original.
pub(crate) fn is_no_ending_of(base: &str, ending: &str) -> bool {
    let b = base.as_bytes();
    let consonant_y = matches!(b, [.., c, b'y'] if !b"aeiou".contains(c));
    let sibilant = matches!(b, [.., b's' | b'x' | b'z'] | [.., b'c' | b's', b'h']);
    ending == "e"
        || SPELLED_ENDINGS
            .iter()
            .any(|(e, ok)| *e == ending && !ok(base, consonant_y, sibilant, base.ends_with('e')))
}

/// Regular endings and when English spelling allows them after a base:
/// `(ending, allowed(base, ends in consonant + y, ends in a sibilant, ends in e))`.
type EndingRule = fn(&str, bool, bool, bool) -> bool;
const SPELLED_ENDINGS: &[(&str, EndingRule)] = &[
    ("s", |_, cy, sib, _| !cy && !sib),
    ("es", |b, _, sib, _| sib || b.ends_with('o')),
    ("d", |_, _, _, e| e),
    ("ed", |b, cy, _, e| !cy && !e && !doubles(b)),
    ("ing", |b, _, _, e| {
        (!e || b.ends_with("ee") || b.ends_with("ye") || b.ends_with("oe")) && !doubles(b)
    }),
    ("er", |b, cy, _, e| !cy && !e && !doubles(b)),
    ("est", |b, cy, _, e| !cy && !e && !doubles(b)),
];

/// Whether a base doubles its last consonant before `-ed`, `-ing`, `-er`,
/// `-est`: one syllable ending in consonant, vowel, consonant (`tag` →
/// `tagged`, so `taged` is no word, while `visit` → `visited`).
fn doubles(base: &str) -> bool {
    let b = base.as_bytes();
    let vowel = |c: &u8| b"aeiou".contains(c);
    let syllables = b
        .iter()
        .enumerate()
        .filter(|&(i, c)| vowel(c) && (i == 0 || !vowel(&b[i - 1])))
        .count();
    matches!(b, [.., c1, v, c2]
        if !vowel(c1) && vowel(v) && !vowel(c2) && !b"wxy".contains(c2))
        && syllables == 1
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_built_on_a_word_are_told_from_a_spinners_fragments() {
        let lexicon = Lexicon::english().unwrap();
        for (key, from) in [
            ("canonicalized", "canonical"),
            ("dockable", "dock"),
            ("dockability", "dock"),
            ("newname", "name"),
            ("usertags", "tag"),
            ("patchset", "set"),
        ] {
            assert!(is_built_on(key, from, &lexicon), "{key}");
        }
        for (key, from) in [
            ("attfinish", "finish"),
            ("counattempt", "attempt"),
            ("tcapable", "capable"),
            ("refutilize", "utilize"),
            ("purchaseers", "purchase"),
            ("proharborion", "harbor"),
            // An ending spelled for another word: the original's.
            ("surgerys", "surgery"),
            ("believeing", "believe"),
        ] {
            assert!(!is_built_on(key, from, &lexicon), "{key}");
        }
    }

    #[test]
    fn pronouns_glued_to_a_verb_make_a_word() {
        let spanish = Lexicon::for_language(Language::Spanish).unwrap();
        for word in ["añadirla", "enfocarla", "dárselo", "diciéndole"] {
            let expected = word != "dárselo" && word != "diciéndole";
            // Accented forms (two pronouns, a gerund) are left to the list.
            assert_eq!(is_enclitic_form(word, &spanish), expected, "{word}");
        }
        assert!(is_enclitic_form("haciendolo", &spanish) == spanish.lookup("haciendo").is_some());
        assert!(!is_enclitic_form("añadirxa", &spanish));
        assert!(!is_enclitic_form("mesala", &spanish));
        let italian = Lexicon::for_language(Language::Italian).unwrap();
        assert!(is_enclitic_form("compilarsi", &italian));
        assert!(is_enclitic_form("farlo", &italian) == italian.lookup("fare").is_some());
        let english = Lexicon::english().unwrap();
        assert!(!is_enclitic_form("parla", &english));
    }

    #[test]
    fn reads_regular_and_irregular_forms() {
        let lexicon = Lexicon::english().unwrap();
        let readings = readings("stated", &lexicon);
        assert!(readings.contains(&("state".to_string(), Slot::Past)));
        assert!(readings.contains(&("stated".to_string(), Slot::Base)));
        assert!(super::readings("told", &lexicon).contains(&("tell".to_string(), Slot::Past)));
        assert!(super::readings("countries", &lexicon).contains(&("country".to_string(), Slot::S)));
        assert!(super::readings("planning", &lexicon).contains(&("plan".to_string(), Slot::Ing)));
    }

    #[test]
    fn inflects_by_the_exception_lists_then_the_regular_rules() {
        let lexicon = Lexicon::english().unwrap();
        assert_eq!(inflect("tell", Slot::Past, &lexicon), ["told"]);
        assert_eq!(inflect("say", Slot::Past, &lexicon), ["said"]);
        assert_eq!(inflect("notify", Slot::Past, &lexicon), ["notified"]);
        assert_eq!(inflect("notify", Slot::S, &lexicon), ["notifies"]);
        assert_eq!(inflect("get", Slot::Ing, &lexicon), ["getting"]);
        assert_eq!(inflect("stop", Slot::Past, &lexicon), ["stopped"]);
        assert_eq!(inflect("obtain", Slot::Base, &lexicon), ["obtain"]);
        let gave = inflect("give", Slot::Past, &lexicon);
        assert!(gave.contains(&"gave".to_string()) && gave.contains(&"given".to_string()));
    }

    #[test]
    fn stems_inflected_restorations() {
        let lexicon = Lexicon::english().unwrap();
        for (word, stemmed) in [
            ("buyers", "buyer"),
            ("surprised", "surprise"),
            ("attended", "attend"),
            ("attending", "attend"),
            ("restoring", "restore"),
            ("rebelled", "rebel"),
            ("rebelling", "rebel"),
            ("trackings", "track"),
            ("boxes", "box"),
            ("diversified", "diversify"),
            ("diversifies", "diversify"),
            ("diversifying", "diversify"),
            ("carried", "carry"),
            ("agenda", "agenda"),
        ] {
            assert_eq!(stem(word, &lexicon), stemmed);
        }
    }

    #[test]
    fn endings_follow_the_spelling_rules() {
        assert!(!is_no_ending_of("light", "er"));
        assert!(!is_no_ending_of("operation", "s"));
        assert!(!is_no_ending_of("operation", "al"));
        assert!(!is_no_ending_of("mash", "es"));
        assert!(is_no_ending_of("cod", "e"));
        assert!(is_no_ending_of("pop", "es"));
        assert!(is_no_ending_of("believe", "ing"));
    }
}
