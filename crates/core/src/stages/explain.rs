//! Explain: one suspect word type in, the substitutions that would turn it
//! into a dictionary word out.
//!
//! For a suspect `w`, every dictionary word `d` that shares enough of its
//! start or end with `w` gives an explanation `w = p·x·q`, `d = p·y·q`: "the
//! text says `x` where `y` belongs" — kept when `x` and `y` are both everyday
//! words, the way a spinner swaps them. Candidates come from two bounded FST
//! walks, one over the forward FST anchored at the shortest `p` and one over
//! the reversed FST anchored at the shortest `q` that a reading with enough
//! context leaves, so the cost does not depend on the size of the dictionary. Explain does not decide which
//! explanation is true: that takes the evidence of the whole text (**learn**).

use std::collections::HashSet;

use compact_str::CompactString;

use crate::knowledge::lexicon::{Anchor, Inside, Lexicon};

mod compound;
mod misreadings;
mod short;

pub(crate) use compound::compound_restorations;
pub(crate) use misreadings::{learnable_misreadings, Misreading};
pub(crate) use short::explain_short;

/// An explanation must keep at least this many characters of the suspect
/// unchanged (`att·finish` → `att·end`). Shorter contexts explain almost any
/// word by almost any other and are left to **rewrite**, which applies rules
/// already learned from better evidence ("learn strictly, apply loosely").
pub(crate) const MIN_CONTEXT_CHARS: usize = 3;

/// Both sides of a word-swap must be words of at least this many characters.
/// Two-letter entries are mostly abbreviations (`op`, `ed`, `re`) that turn
/// up inside any word; spinners swap content words.
const MIN_WORD_SIDE_CHARS: usize = 3;

/// Both sides of a word-swap must also be words at least this frequent (per
/// billion words; 1,000 is Zipf 3): rare entries such as the abbreviation
/// `stor` or the noun `irk` are fragments of many words and no spinner's
/// choice.
const MIN_WORD_SIDE_FREQUENCY: u64 = 1_000;

/// The longest side of a substitution, in bytes. Spinner synonyms and OCR
/// confusions are short; longer differences are different words.
const MAX_SIDE_BYTES: usize = 16;

/// Where the spinner's replacement contains the original (`able →
/// capable`), the part it inserted must be at least this long.
const MIN_INSERTED_CHARS: usize = 2;

/// How much longer than the suspect a restored word may be, in bytes.
const MAX_GROWTH_BYTES: usize = 8;

/// One way to read a suspect `p·x·q` as a dictionary word `d` = `p·y·q`.
/// The sides of the substitution are kept as the lengths of `p` and `q`
/// (the suspect's `x` is read with the suspect's key), and `d` inline up
/// to 24 bytes: a long text's suspects have hundreds of thousands of
/// explanations, most of them of short words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Explanation {
    /// The dictionary word `d` (lowercase).
    pub(crate) restored: CompactString,
    /// `d`'s frequency in the lexicon.
    pub(crate) frequency: u64,
    /// Bytes of `p`, the context before the substitution.
    before: u32,
    /// Bytes of `q`, the context after it.
    after: u32,
    /// Characters of the suspect outside `x`.
    pub(crate) context: usize,
}

impl Explanation {
    /// Suspect `key` read as `restored` by replacing what lies between its
    /// first `before` and its last `after` bytes, which it shares with
    /// `restored`.
    pub(crate) fn new(
        key: &str,
        restored: impl Into<CompactString>,
        frequency: u64,
        before: usize,
        after: usize,
        context: usize,
    ) -> Explanation {
        let restored = restored.into();
        debug_assert!(
            before + after <= key.len().min(restored.len())
                && key.as_bytes()[..before] == restored.as_bytes()[..before]
                && key.as_bytes()[key.len() - after..]
                    == restored.as_bytes()[restored.len() - after..],
            "{key} -> {restored} around {before}, {after}"
        );
        Explanation {
            restored,
            frequency,
            before: u32::try_from(before).unwrap_or(u32::MAX),
            after: u32::try_from(after).unwrap_or(u32::MAX),
            context,
        }
    }

    /// The substitution's left side `x`, as it appears in the suspect
    /// `key` this explains.
    pub(crate) fn from<'k>(&self, key: &'k str) -> &'k str {
        &key[self.before as usize..key.len() - self.after as usize]
    }

    /// The substitution's right side `y`, as it appears in `d`.
    pub(crate) fn to(&self) -> &str {
        &self.restored[self.before as usize..self.restored.len() - self.after as usize]
    }
}

/// All explanations of the lowercase suspect `key`, one per restored word.
pub(crate) fn explain(key: &str, lexicon: &Lexicon) -> Vec<Explanation> {
    // A user's word can be the swapped-in word, and only
    // `Lexicon::frequency` knows them: then every word around is read, and
    // every stretch of the suspect looked up.
    explain_in(key, lexicon, lexicon.has_user_words())
}

/// [`explain`], reading every word around the suspect's shortest ends
/// (`around`, looking each stretch of it up) or only the words with an
/// entry inside (walking the entries that start at each boundary).
fn explain_in(key: &str, lexicon: &Lexicon, around: bool) -> Vec<Explanation> {
    let w = key.as_bytes();
    let max_len = w.len() + MAX_GROWTH_BYTES;

    // The readings `p·x·q` whose `x` is an everyday word, found once per
    // suspect: an explanation needs one, so a suspect without any has none
    // and costs no walk at all.
    let bounds: Vec<usize> = boundaries(key).collect();
    let mut words_in: Vec<(usize, usize)> = Vec::new();
    if around || !lexicon.holds_as_written(key) {
        for (a, &i) in bounds.iter().enumerate() {
            for &end in &bounds[a + 1..] {
                if end - i <= MAX_SIDE_BYTES && is_everyday_word(&key[i..end], lexicon) {
                    words_in.push((i, w.len() - end));
                }
            }
        }
    } else {
        // The entries that start at each boundary, in one walk each.
        for &i in &bounds {
            let stretch = &w[i..w.len().min(i + MAX_SIDE_BYTES)];
            lexicon.for_each_entry_starting(stretch, |len, frequency| {
                let end = i + len;
                if key.is_char_boundary(end)
                    && frequency >= MIN_WORD_SIDE_FREQUENCY
                    && key[i..end].chars().count() >= MIN_WORD_SIDE_CHARS
                {
                    words_in.push((i, w.len() - end));
                }
            });
        }
    }
    // A restored word keeps the `p` and `q` of one of those readings, so it
    // starts with `p` or ends with `q`, whichever is longer (at least two
    // characters when the context is long enough to learn from). The
    // prefixes of `w` nest, and so do its suffixes, so two walks anchored
    // at the shortest such `p` and `q` find every restored word — far
    // fewer than walks anchored at two characters in a language of long
    // compounds.
    let (mut head, mut tail): (Option<usize>, Option<usize>) = (None, None);
    for &(i, j) in &words_in {
        let (p, q) = (key[..i].chars().count(), key[w.len() - j..].chars().count());
        if p + q < MIN_CONTEXT_CHARS {
            continue;
        }
        if p >= q {
            head = Some(head.map_or(i, |h| h.min(i)));
        } else {
            tail = Some(tail.map_or(j, |t| t.min(j)));
        }
    }
    if head.is_none() && tail.is_none() {
        return Vec::new();
    }

    let accept = |d: &[u8], frequency: u64| -> Option<Explanation> {
        if d == w || d.len() > max_len {
            return None;
        }
        let d = std::str::from_utf8(d).ok()?;
        if !d.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
            return None;
        }
        explanation(key, d, frequency, &words_in, lexicon)
    };
    let mut found = Vec::new();
    if around {
        let mut seen: HashSet<Vec<u8>> = HashSet::new();
        let anchors = [
            head.map(|h| (Anchor::Prefix, &w[..h])),
            tail.map(|t| (Anchor::Suffix, &w[w.len() - t..])),
        ];
        for (anchor, fix) in anchors.into_iter().flatten() {
            lexicon.for_each_anchored(anchor, fix, max_len, |d, frequency| {
                if seen.insert(d.to_vec()) {
                    found.extend(accept(d, frequency));
                }
            });
        }
        return found;
    }
    // A restored word is `p·y·q` for one of the readings, with `y` an
    // everyday word: each reading's words are walked from its longer end
    // with the middle kept to the starts of entries, readings that keep the
    // same end in one walk.
    let mut by_prefix: Vec<(usize, Vec<&[u8]>)> = Vec::new();
    let mut by_suffix: Vec<(usize, Vec<&[u8]>)> = Vec::new();
    for &(i, j) in &words_in {
        let (p, q) = (key[..i].chars().count(), key[w.len() - j..].chars().count());
        if p + q < MIN_CONTEXT_CHARS {
            continue;
        }
        let (groups, fixed, end) = if i >= j {
            (&mut by_prefix, i, &w[w.len() - j..])
        } else {
            (&mut by_suffix, j, &w[..i])
        };
        match groups.iter_mut().find(|(f, _)| *f == fixed) {
            Some((_, ends)) if !ends.contains(&end) => ends.push(end),
            Some(_) => {}
            None => groups.push((fixed, vec![end])),
        }
    }
    let inside = Inside {
        min_chars: MIN_WORD_SIDE_CHARS,
        min_frequency: MIN_WORD_SIDE_FREQUENCY,
        max_bytes: MAX_SIDE_BYTES,
    };
    let mut candidates: std::collections::BTreeMap<Vec<u8>, u64> = Default::default();
    let mut add = |d: &[u8], frequency: u64| {
        candidates.entry(d.to_vec()).or_insert(frequency);
    };
    for (i, ends) in &by_prefix {
        lexicon.for_each_with_word_inside(Anchor::Prefix, &w[..*i], inside, ends, &mut add);
    }
    for (j, ends) in &by_suffix {
        lexicon.for_each_with_word_inside(
            Anchor::Suffix,
            &w[w.len() - j..],
            inside,
            ends,
            &mut add,
        );
    }
    // In the order the walks around the shortest ends would give them:
    // the words that start with the head in order, then the others by
    // their reversed bytes.
    let starts_with_head = |d: &[u8]| head.is_some_and(|h| d.starts_with(&w[..h]));
    let (mut first, mut rest): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|(d, _)| starts_with_head(d));
    rest.sort_by(|(a, _), (b, _)| a.iter().rev().cmp(b.iter().rev()));
    first.append(&mut rest);
    found.extend(first.iter().filter_map(|(d, f)| accept(d, *f)));
    found
}

/// The explanation of suspect `w` as word `d`, if the two differ in one
/// place with enough context around it.
///
/// The place is first taken as small as possible (longest common prefix,
/// then longest common suffix). When the same difference can also be read
/// with the boundaries moved outward so that both sides are words
/// (`refu·tiliz·e` → `ref·utilize`, `ref·use`), that reading is preferred:
/// it is what a spinner did, and it pools with the same rule seen elsewhere.
///
/// `words_in` are the `(prefix, suffix)` byte lengths around every everyday
/// word inside `w`: the candidate readings' `x` sides.
fn explanation(
    w: &str,
    d: &str,
    frequency: u64,
    words_in: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<Explanation> {
    let lcp = common_prefix(w, d);
    let lcs = common_suffix(&w[lcp..], &d[lcp..]);
    let (x, y) = (&w[lcp..w.len() - lcs], &d[lcp..d.len() - lcs]);
    // Moving the boundaries outward only lengthens the sides and shortens
    // the context, so these bounds hold for every reading.
    // One side of the minimal difference may be empty: where the spinner's
    // replacement contains the original (`able → capable`), `vari·able` and
    // `vari·capable` differ by an inserted `cap`, and only the reading moved
    // outward (`capable → able`) is a word swap.
    // A one-letter insertion or deletion is a typist's or a scanner's
    // difference, and lines up unrelated words by chance (`han·dig` and
    // `han·ding`): an inserted part is a spinner's when it is longer.
    let max_context = w[..lcp].chars().count() + w[w.len() - lcs..].chars().count();
    if (x.is_empty() || y.is_empty()) && x.chars().count() + y.chars().count() < MIN_INSERTED_CHARS
    {
        return None;
    }
    if x.len() > MAX_SIDE_BYTES || y.len() > MAX_SIDE_BYTES || max_context < MIN_CONTEXT_CHARS {
        return None;
    }
    // Readings that cover the difference and whose `x` is a word; the
    // shortest one whose `y` is a word too wins (ties: the one that starts
    // latest, then the one that ends latest).
    let mut readings: Vec<(usize, usize)> = words_in
        .iter()
        .copied()
        .filter(|&(i, j)| i <= lcp && j <= lcs && d.len() >= i + j)
        .collect();
    readings.sort_by_key(|&(i, j)| (w.len() + d.len() - 2 * (i + j), std::cmp::Reverse(i), j));
    let best = readings
        .into_iter()
        .find(|&(i, j)| is_everyday_word(&d[i..d.len() - j], lexicon));
    // Only word swaps are learned from the text. A non-word difference
    // (`ag → ipp` in `t·ag·ed` → `t·ipp·ed`) lines up unrelated words by
    // chance too often to learn without a prior for which glyphs get
    // confused; such rules can still be written by hand.
    let (i, j) = best?;
    let (x, y) = (&w[i..w.len() - j], &d[i..d.len() - j]);
    let context = w[..i].chars().count() + w[w.len() - j..].chars().count();
    if context < MIN_CONTEXT_CHARS || x.len() > MAX_SIDE_BYTES || y.len() > MAX_SIDE_BYTES {
        return None;
    }
    Some(Explanation::new(w, d, frequency, i, j, context))
}

/// All the words that can be a side of a word swap, sorted.
pub(crate) fn everyday_words(lexicon: &Lexicon) -> Vec<String> {
    let mut words = Vec::new();
    lexicon.for_each_anchored(Anchor::Prefix, b"", MAX_SIDE_BYTES, |word, _| {
        if let Ok(word) = std::str::from_utf8(word) {
            if word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
                && is_everyday_word(word, lexicon)
            {
                words.push(word.to_string());
            }
        }
    });
    words
}

/// Whether `s` can be a side of a word swap: an everyday word.
fn is_everyday_word(s: &str, lexicon: &Lexicon) -> bool {
    s.chars().count() >= MIN_WORD_SIDE_CHARS
        && lexicon.frequency(s).unwrap_or(0) >= MIN_WORD_SIDE_FREQUENCY
}

/// Byte offsets of the char boundaries of `s`, from 0 to `s.len()`.
fn boundaries(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
}

/// Length in bytes of the longest common prefix, on a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|&((_, ca), cb)| ca != cb)
        .map_or_else(|| a.len().min(b.len()), |((i, _), _)| i)
}

/// Length in bytes of the longest common suffix, on a char boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(ca, cb)| ca == cb)
        .map(|(c, _)| c.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(found: &'a [Explanation], restored: &str) -> Option<&'a Explanation> {
        found.iter().find(|e| e.restored == restored)
    }

    #[test]
    fn explains_in_word_substitutions_by_their_word_pair() {
        let lexicon = Lexicon::english().unwrap();
        for (suspect, restored, from, to) in [
            ("attfinish", "attend", "finish", "end"),
            ("agfinisha", "agenda", "finish", "end"),
            ("indepfinishence", "independence", "finish", "end"),
            ("counattempt", "country", "attempt", "try"),
            ("refutilize", "refuse", "utilize", "use"),
            ("purchaseers", "buyers", "purchase", "buy"),
            // The replacement contains the original: the minimal difference
            // is an insertion (`cap`) or a deletion, the reading a swap.
            ("varicapable", "variable", "capable", "able"),
            ("availcapable", "available", "capable", "able"),
            ("reprihumand", "reprimand", "human", "man"),
            ("manity", "humanity", "man", "human"),
        ] {
            let found = explain(suspect, &lexicon);
            let e = find(&found, restored).unwrap_or_else(|| panic!("{suspect} → {restored}"));
            assert_eq!((e.from(suspect), e.to()), (from, to), "{suspect}");
        }
    }

    /// Walking only the words with an entry inside finds what walking
    /// every word around the suspect finds, in the same order: on spun
    /// words, names, identifiers, compounds and accented words.
    #[test]
    fn words_with_an_entry_inside_are_all_the_explanations() {
        let english = Lexicon::english().unwrap();
        for w in [
            "attfinish",
            "counattempt",
            "varicapable",
            "reprihumand",
            "manity",
            "purchaseers",
            "refutilize",
            "indepfinishence",
            "kubernetes",
            "systemd",
            "localhost",
            "newname",
            "canonicalized",
            "queueing",
            "bootloader",
            "underremain",
            "ﬁnd",
            "naïveté",
            "soufinishéx",
            "agfinisha",
            "hyperparameter",
            "unpardoned",
            "surprize",
        ] {
            assert_eq!(
                explain_in(w, &english, false),
                explain_in(w, &english, true),
                "{w}"
            );
        }
        for (code, words) in [
            (
                "de",
                &[
                    "paketbetreuer",
                    "quelltelefon",
                    "schreibbar",
                    "dauerpunkt",
                    "straßenname",
                ][..],
            ),
            (
                "fr",
                &[
                    "préemcolisées",
                    "emcolisage",
                    "multiarchitecture",
                    "empaqueter",
                ][..],
            ),
            ("es", &["especificamente", "programazione"][..]),
        ] {
            let language = crate::knowledge::language::Language::from_code(code).unwrap();
            let lexicon = Lexicon::for_language(language).unwrap();
            for w in words {
                assert_eq!(
                    explain_in(w, &lexicon, false),
                    explain_in(w, &lexicon, true),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn needs_context_around_the_substitution() {
        let lexicon = Lexicon::english().unwrap();
        // `ab·cxyz` → `ab·out`: two characters of context are not enough.
        assert!(find(&explain("abcxyz", &lexicon), "about").is_none());
    }

    #[test]
    fn readings_respect_char_boundaries() {
        let lexicon = Lexicon::english().unwrap();
        // The common ending `éx` is three bytes; no reading may cut `é`.
        let words = |w: &str| -> Vec<(usize, usize)> {
            let bounds: Vec<usize> = boundaries(w).collect();
            let mut found = Vec::new();
            for (a, &i) in bounds.iter().enumerate() {
                for &end in &bounds[a + 1..] {
                    if is_everyday_word(&w[i..end], &lexicon) {
                        found.push((i, w.len() - end));
                    }
                }
            }
            found
        };
        let w = "soufinishéx";
        let e = explanation(w, "souendéx", 1, &words(w), &lexicon).unwrap();
        assert_eq!((e.from(w), e.to(), e.context), ("finish", "end", 5));
        let w = "ñattfinish";
        let e = explanation(w, "ñattend", 1, &words(w), &lexicon).unwrap();
        assert_eq!(e.to(), "end");
    }

    #[test]
    fn common_ends_respect_char_boundaries() {
        assert_eq!(common_prefix("naïve", "naive"), 2);
        assert_eq!(common_suffix("café", "cafe"), 0);
        assert_eq!(common_suffix("ställe", "stelle"), 3);
        assert_eq!(common_prefix("same", "same"), 4);
    }
}
