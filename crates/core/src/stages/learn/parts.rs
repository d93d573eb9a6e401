//! The text's own word parts: an unlisted word whose part outside a swap
//! starts or ends other unlisted words of the same text (`any·element`
//! beside `any·array`, `any·enum`, `any·range` in a database manual;
//! `pro·support` beside `pro·name`, `pro·kind`) is built by the author's
//! naming scheme, not damaged by a spinner, which leaves such a part in
//! one word only (`any·item` for `anything`). Such a word is no evidence
//! on its own. Affixes do not count: every text shares them. The same
//! counts tell when a rule's own `from` side is such a part (`get·pass`,
//! `get·caps`, `get·pen` in an API index; see `names_its_own_words` in
//! `learn.rs`). Counted with the suspects' keys sorted forwards and
//! backwards, built on first use.

use std::cell::OnceCell;

use crate::knowledge::morphology::{is_suffix, PREFIXES};
use crate::stages::detect::SuspectType;

/// Other suspects that share a part (without the swap's `from` beside it)
/// before the part counts as a scheme: one is enough, since a spinner
/// leaves one part in two suspects only when two of its swaps hit words
/// that share it (`any·item` and `any·period` for `anything`, `anytime`).
const MIN_OTHER_WORDS: usize = 1;

/// A part shorter than this (`s`, `un`, `re`) starts or ends too many
/// words to say anything.
const MIN_PART_CHARS: usize = 3;

/// The suspects' keys, sorted, and sorted by their reversed spelling.
pub(super) struct Parts<'a> {
    suspects: &'a [SuspectType],
    sorted: OnceCell<(Vec<&'a str>, Vec<String>)>,
}

impl<'a> Parts<'a> {
    pub(super) fn new(suspects: &'a [SuspectType]) -> Parts<'a> {
        Parts {
            suspects,
            sorted: OnceCell::new(),
        }
    }

    /// The suspects it counts.
    pub(super) fn suspects(&self) -> &'a [SuspectType] {
        self.suspects
    }

    fn sorted(&self) -> &(Vec<&'a str>, Vec<String>) {
        self.sorted.get_or_init(|| {
            let mut forwards: Vec<&str> = self.suspects.iter().map(|s| s.key.as_str()).collect();
            forwards.sort_unstable();
            let mut backwards: Vec<String> = forwards.iter().map(|k| reversed(k)).collect();
            backwards.sort_unstable();
            (forwards, backwards)
        })
    }

    /// Suspect keys that start with `prefix`.
    fn starting_with(&self, prefix: &str) -> usize {
        count_prefixed(&self.sorted().0, prefix)
    }

    /// Suspect keys that end with `suffix`.
    fn ending_with(&self, suffix: &str) -> usize {
        count_prefixed(&self.sorted().1, &reversed(suffix))
    }

    /// How many suspect keys start with `part` (`at_start`) or end with it,
    /// among those `counts` accepts.
    pub(super) fn count_sharing(
        &self,
        part: &str,
        at_start: bool,
        counts: impl Fn(&str) -> bool,
    ) -> usize {
        let (forwards, backwards) = self.sorted();
        if at_start {
            prefixed(forwards, part).filter(|k| counts(k)).count()
        } else {
            let part = reversed(part);
            prefixed(backwards, &part)
                .filter(|k| counts(&reversed(k)))
                .count()
        }
    }

    /// Whether `key`, read as holding `from`, has a part before or after
    /// it that other suspects share without `from` beside it.
    pub(super) fn is_scheme(&self, key: &str, from: &str) -> bool {
        key.match_indices(from).any(|(at, _)| {
            let (before, after) = (&key[..at], &key[at + from.len()..]);
            // Affixes (`pre·`, `·ful`) start and end words in every text,
            // a spinner's too (`like·ful`, `apply·ful`, `service·ful` for
            // `careful`, `useful`, `helpful`): no scheme of the author's.
            let shared_before = before.chars().count() >= MIN_PART_CHARS
                && !PREFIXES.contains(&before)
                && self.starting_with(before) - self.starting_with(&format!("{before}{from}"))
                    >= MIN_OTHER_WORDS;
            let shared_after = after.chars().count() >= MIN_PART_CHARS
                && !is_suffix(after)
                && self.ending_with(after) - self.ending_with(&format!("{from}{after}"))
                    >= MIN_OTHER_WORDS;
            shared_before || shared_after
        })
    }
}

fn reversed(word: &str) -> String {
    word.chars().rev().collect()
}

/// How many of the sorted `keys` start with `prefix`.
fn count_prefixed<S: AsRef<str>>(keys: &[S], prefix: &str) -> usize {
    prefixed(keys, prefix).count()
}

/// The sorted `keys` that start with `prefix`.
fn prefixed<'k, S: AsRef<str>>(keys: &'k [S], prefix: &'k str) -> impl Iterator<Item = &'k str> {
    let start = keys.partition_point(|k| k.as_ref() < prefix);
    keys[start..]
        .iter()
        .map(AsRef::as_ref)
        .take_while(move |k| k.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::MAX_WORD_CHARS;
    use crate::knowledge::lexicon::Lexicon;
    use crate::stages::detect::detect;
    use crate::stages::tokenize::tokenize;

    #[test]
    fn a_part_shared_by_other_unlisted_words_is_a_scheme() {
        let lexicon = Lexicon::english().unwrap();
        let text = "It takes anyelement and anyarray; the daemon writes its shortlog.";
        let found = detect(text, &tokenize(text), &lexicon, MAX_WORD_CHARS, false).suspects;
        let parts = Parts::new(&found);
        assert!(parts.is_scheme("anyelement", "element"));
        // `short` starts no other suspect; `log` ends none.
        assert!(!parts.is_scheme("shortlog", "short"));
        // Other words with the swap's own side beside the part are forms
        // of one word, not a scheme.
        let text = "It takes anyelement and anyelements; the daemon writes its shortlog.";
        let found = detect(text, &tokenize(text), &lexicon, MAX_WORD_CHARS, false).suspects;
        assert!(!Parts::new(&found).is_scheme("anyelement", "element"));
        // Affixes are every text's parts, a spinner's too.
        let text = "He was likeful and applyful, as serviceful as ever.";
        let found = detect(text, &tokenize(text), &lexicon, MAX_WORD_CHARS, false).suspects;
        assert!(!Parts::new(&found).is_scheme("likeful", "like"));
    }
}
