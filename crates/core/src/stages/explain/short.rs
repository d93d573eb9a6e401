//! Short contexts: a suspect that is a whole everyday word with one or two
//! letters after it (`easy·er`, `surgery·s`, German `Porträt·er`): a
//! spinner's table word with an inflection ending.
//!
//! One or two letters complete almost any word into another, so the walks
//! of **explain** leave such readings out ([`super::MIN_CONTEXT_CHARS`]).
//! Here the candidates for the original are only the words the thesaurus
//! relates to the table word (`light` for `easy`), each kept when the same
//! letters after it make a dictionary word (`lighter`): the relation is the
//! evidence the missing context cannot give. **learn** then weighs them as
//! it weighs every thesaurus-backed explanation.

use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::morphology::is_no_ending_of;
use crate::knowledge::thesaurus::Thesaurus;

use super::{boundaries, is_everyday_word, Explanation, MAX_SIDE_BYTES, MIN_CONTEXT_CHARS};

/// The short-context explanations of the lowercase suspect `key`: readings
/// `x·q` with one or two characters of `q`, `x` an
/// everyday word, and `y·q` a dictionary word for a word `y` the
/// thesaurus relates to `x`. Restored words that `known` already explains
/// are left out.
pub(crate) fn explain_short(
    key: &str,
    lexicon: &Lexicon,
    thesaurus: &Thesaurus,
    known: &[Explanation],
) -> Vec<Explanation> {
    let bounds: Vec<usize> = boundaries(key).collect();
    let chars = bounds.len() - 1;
    let mut found: Vec<Explanation> = Vec::new();
    for (a, &i) in bounds.iter().enumerate() {
        for (b, &end) in bounds.iter().enumerate().skip(a + 1) {
            // Only endings: a letter or two before a word is how
            // identifiers are made (`r·limit`, `f·seek`, `b·search` in C
            // manual pages read as `r·ending`, `f·act`, `b·angle`).
            let context = chars - b;
            if a > 0 || context == 0 || context >= MIN_CONTEXT_CHARS {
                continue;
            }
            let x = &key[i..end];
            if x.len() > MAX_SIDE_BYTES || !is_everyday_word(x, lexicon) {
                continue;
            }
            let (p, q) = (&key[..i], &key[end..]);
            for y in thesaurus.relatives(x) {
                if y.len() > MAX_SIDE_BYTES || !is_everyday_word(&y, lexicon) {
                    continue;
                }
                let restored = format!("{p}{y}{q}");
                if restored == key
                    || known.iter().any(|e| e.restored == restored)
                    || found.iter().any(|e| e.restored == restored)
                    || !restored
                        .chars()
                        .all(|c| c.is_alphabetic() && !c.is_uppercase())
                {
                    continue;
                }
                // In English, whose spelling rules are known, the letters
                // after the word must be an ending of the original as
                // English spells it (`light·er`, `operation·al`): the First
                // Folio's `foole`, `meanes`, `drinke` read as `cod·e`,
                // `plan·es`, `pop·e` otherwise.
                if lexicon.language() == Language::English && is_no_ending_of(&y, q) {
                    continue;
                }
                if let Some(frequency) = lexicon.frequency(&restored) {
                    found.push(Explanation::new(
                        key,
                        restored,
                        frequency,
                        i,
                        key.len() - end,
                        context,
                    ));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(key: &str, language: Language, restored: &str, from: &str, to: &str) {
        let lexicon = Lexicon::for_language(language).unwrap();
        let thesaurus = Thesaurus::for_language(language).unwrap();
        let found = explain_short(key, &lexicon, &thesaurus, &[]);
        let e = found
            .iter()
            .find(|e| e.restored == restored)
            .unwrap_or_else(|| panic!("{key} → {restored} not in {found:?}"));
        assert_eq!((e.from(key), e.to()), (from, to), "{key}");
        assert!(e.context < MIN_CONTEXT_CHARS);
    }

    #[test]
    fn a_table_word_with_an_ending_reads_as_a_related_word_with_it() {
        // A spinner's `light → easy` inside `lighter`, `operation →
        // surgery` inside `operations`, `gain → increase` inside `again`.
        finds("easyer", Language::English, "lighter", "easy", "light");
        finds(
            "surgerys",
            Language::English,
            "operations",
            "surgery",
            "operation",
        );
        // A letter or two before the word is no ending.
        let lexicon = Lexicon::english().unwrap();
        let thesaurus = Thesaurus::english().unwrap();
        assert!(explain_short("aincrease", &lexicon, &thesaurus, &[]).is_empty());
        // An English ending must be one of the original's (`cod·e` is no
        // form of `cod`): the period's `foole` is no spun `code`.
        assert!(explain_short("foole", &lexicon, &thesaurus, &[])
            .iter()
            .all(|e| e.restored != "code"));
    }

    #[test]
    fn nothing_without_a_relation_or_a_word() {
        let lexicon = Lexicon::english().unwrap();
        let thesaurus = Thesaurus::english().unwrap();
        // `qqq` is no word; `easy` and `table` are unrelated.
        assert!(explain_short("qqqs", &lexicon, &thesaurus, &[]).is_empty());
        assert!(explain_short("easyer", &lexicon, &thesaurus, &[])
            .iter()
            .all(|e| e.to() != "table"));
        // Three letters of context are the walks' job, not this one's.
        assert!(explain_short("attfinish", &lexicon, &thesaurus, &[]).is_empty());
    }
}
