//! Compounds: in a language that writes compounds as one word, a spinner
//! that swaps a table word swaps it inside every compound that holds it
//! (German `Bild → Porträt` gives `Porträt·fenster`, `Porträt·rauschen`),
//! and the original compounds are mostly missing from the dictionary too
//! (`Bildfenster` is no entry). The walks of **explain** find only listed
//! restorations, so such a suspect had none.
//!
//! Any noun makes a compound with `fenster`, so a compound says *that* a
//! part may have been swapped, not for which word: **learn** asks here only
//! for a pair that other words already propose (see its
//! `add_compound_restorations`).

use crate::knowledge::lexicon::Lexicon;

use super::Explanation;

/// The readings of the lowercase suspect `key`, an unlisted compound of
/// dictionary words, as `to` swapped for `from`, where `from` is its first
/// or its last part (`porträt·fenster` as `bild·fenster`, `kanal·porträt`
/// as `kanal·bild`) and the restored word is an unlisted compound of
/// dictionary words as well (a listed one is the walks' to find).
pub(crate) fn compound_restorations(
    key: &str,
    from: &str,
    to: &str,
    lexicon: &Lexicon,
) -> Vec<Explanation> {
    let mut found = Vec::new();
    if from.is_empty() || from.len() >= key.len() {
        return found;
    }
    // The rest must be a part of the compound as well, not the word cut
    // elsewhere (`Must·erauswahl` is `Muster·auswahl`).
    let is_rest =
        |rest: &str, last: bool| lexicon.is_part(rest, last) || lexicon.is_compound_word(rest);
    let mut push = |restored: String, before: usize, after: usize, context: usize| {
        if lexicon.frequency(&restored).is_none()
            && lexicon.is_compound_word(&restored)
            && found.iter().all(|e: &Explanation| e.restored != restored)
        {
            found.push(Explanation::new(key, restored, 0, before, after, context));
        }
    };
    if let Some(rest) = key.strip_prefix(from) {
        if is_rest(rest, true) {
            push(format!("{to}{rest}"), 0, rest.len(), rest.chars().count());
        }
    }
    if let Some(rest) = key.strip_suffix(from) {
        if is_rest(rest, false) {
            push(format!("{rest}{to}"), rest.len(), 0, rest.chars().count());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::language::Language;

    #[test]
    fn a_part_of_an_unlisted_compound_reads_as_the_pair_proposes() {
        let lexicon = Lexicon::for_language(Language::German).unwrap();
        // `Porträt·fenster` (no entry) as `Bild·fenster` (no entry either).
        let found = compound_restorations("porträtfenster", "porträt", "bild", &lexicon);
        assert_eq!(found.len(), 1, "{found:?}");
        let e = &found[0];
        assert_eq!(e.restored, "bildfenster");
        assert_eq!((e.from("porträtfenster"), e.to()), ("porträt", "bild"));
        assert_eq!(e.frequency, 0);
        // The last part too: `Kanal·porträt` as `Kanal·bild`.
        let found = compound_restorations("kanalporträt", "porträt", "bild", &lexicon);
        assert_eq!(found[0].restored, "kanalbild");
        assert_eq!(
            (found[0].from("kanalporträt"), found[0].to()),
            ("porträt", "bild")
        );
        // Only where the rest is a part of the compound: `Must·erauswahl`
        // is `Muster·auswahl`.
        assert!(compound_restorations("musterauswahl", "must", "nicht", &lexicon).is_empty());
        // A listed restoration is the walks' to find (`Farbbild`).
        assert!(compound_restorations("farbporträt", "porträt", "bild", &lexicon).is_empty());
    }

    #[test]
    fn nothing_outside_compounding_languages() {
        let lexicon = Lexicon::english().unwrap();
        assert!(compound_restorations("windowframe", "window", "pane", &lexicon).is_empty());
    }
}
