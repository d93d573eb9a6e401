//! Lexicon: which words are valid and how common they are.
//!
//! Takes the dictionaries that `build.rs` compiled into FSTs and embedded in
//! the binary, and answers three questions: "has this form been seen in real
//! text though it is not a valid word?" (the attested list), and "is this token a word?" (with the
//! case rules `word`, `Word`, `WORD` → `word`) and "which words start (or end)
//! with these bytes?" (bounded walks of the forward and reversed FSTs, which
//! is what **explain** needs). It does not tokenize and does not decide what is
//! suspect.

use std::borrow::Cow;
use std::collections::HashMap;

use fst::raw::Output;
use fst::{Automaton, Map};
use unicode_normalization::UnicodeNormalization;

use crate::chars::is_combining_mark;
use crate::error::{Error, Result};
use crate::knowledge::language::Language;
use textmend_dict::fold;

/// The embedded word lists of `language`, if it was built in.
fn embedded(language: Language) -> Option<textmend_dict::Words> {
    match language {
        Language::English => Some(textmend_dict::english().words),
        other => textmend_dict::folded(other.code()),
    }
}

/// Linking elements between the parts of a German or Dutch compound
/// (`Rüstung·s·unternehmen`, `Staat·en·lenker`), general knowledge.
pub(crate) const LINKS: &[&str] = &["s", "es", "n", "en", "er", "e"];

/// Each part of a compound must have at least this many letters, and
/// the last one must be a common word ([`MIN_COMPOUND_HEAD_FREQUENCY`]):
/// the German list holds thousands of three-letter fragments and rare
/// forms (`rge`, `bni`), and with those nearly any string splits into
/// "words" (`Schluss·rgebnisse` did). English open compounds need as much
/// of each part, so that `ref·utilize` is not mistaken for one while
/// `boot·loader` is.
pub(crate) const MIN_COMPOUND_PART_CHARS: usize = 4;

/// A compound has at most this many parts (`Verteidigung·s·industrie·forum`
/// has three and a hyphen, which the tokenizer splits at).
const MAX_COMPOUND_PARTS: usize = 3;

/// The last part of a compound (its head, which carries the inflection)
/// must be at least this common, per billion words (Zipf 3.5).
const MIN_COMPOUND_HEAD_FREQUENCY: u64 = 3_000;

/// Which end of a word a walk is anchored at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Words that start with the anchor bytes.
    Prefix,
    /// Words that end with the anchor bytes.
    Suffix,
}

/// A dictionary of valid words with their frequencies (occurrences per
/// billion words; 0 when the frequency source does not list the word).
pub(crate) struct Lexicon {
    language: Language,
    forward: Map<&'static [u8]>,
    reversed: Map<&'static [u8]>,
    /// The commonest entries of `forward`, in a hash map: most lookups are
    /// of everyday words, and a probe costs a tenth of an FST walk.
    common: textmend_dict::Common,
    /// Forms seen in real text that are not words (English only, so far).
    attested: Option<Map<&'static [u8]>>,
    /// Keyed by folded forms and looked up case-insensitively.
    folded: bool,
    /// Words the user added (`--dict`), as written, with their frequency.
    extra: HashMap<String, u64>,
}

impl Lexicon {
    /// The embedded English dictionary.
    pub(crate) fn english() -> Result<Lexicon> {
        Lexicon::for_language(Language::English)
    }

    /// The embedded dictionary of `language`.
    pub(crate) fn for_language(language: Language) -> Result<Lexicon> {
        let map =
            |bytes: &'static [u8]| Map::new(bytes).map_err(|e| Error::Dictionary(e.to_string()));
        let words = embedded(language).ok_or(Error::LanguageNotBuilt(language))?;
        let english = language == Language::English;
        Ok(Lexicon {
            language,
            forward: map(words.forward)?,
            reversed: map(words.reversed)?,
            common: words.common,
            attested: if english {
                Some(map(textmend_dict::english().attested)?)
            } else {
                None
            },
            folded: !english,
            extra: HashMap::new(),
        })
    }

    /// The lexicon with the user's words added (as written: `Kuleba` is a
    /// capitalised entry, `bootloader` a lowercase one), each with its
    /// frequency per billion words.
    pub(crate) fn with_words(mut self, words: impl IntoIterator<Item = (String, u64)>) -> Lexicon {
        for (word, frequency) in words {
            let word = if self.folded {
                fold(&word).into_owned()
            } else {
                word
            };
            let entry = self.extra.entry(word).or_insert(frequency);
            *entry = (*entry).max(frequency);
        }
        self
    }

    /// The frequency of exactly this string, if it is an entry.
    pub(crate) fn frequency(&self, word: &str) -> Option<u64> {
        let word = if self.folded {
            fold(word)
        } else {
            Cow::Borrowed(word)
        };
        let word = word.as_ref();
        if let Some(frequency) = self.common.get(word) {
            return Some(frequency);
        }
        self.forward.get(word).or_else(|| {
            if self.extra.is_empty() {
                None
            } else {
                self.extra.get(word).copied()
            }
        })
    }

    /// Whether the user added exactly this string.
    pub(crate) fn is_user_word(&self, word: &str) -> bool {
        self.extra.contains_key(word)
    }

    /// Whether a lowercase form that is not a valid word has been seen in real
    /// text (an archaic or variant spelling, a rare derivation, a name):
    /// people write such forms, while a spinner's damage is new.
    pub(crate) fn is_attested(&self, lowercase: &str) -> bool {
        self.attested
            .as_ref()
            .is_some_and(|a| a.contains_key(lowercase))
    }

    /// The language of the dictionary.
    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Whether unlisted compounds of two words are common and may be valid
    /// (English `bootloader`), so that a suspect splitting into two words is
    /// guarded. German and Dutch compounds are words ([`Lexicon::
    /// is_compound_word`]); in the Romance languages two words run together
    /// are no word (`labeur·lent` is a spinner's `travail·lent`).
    pub(crate) fn has_open_compounds(&self) -> bool {
        self.language == Language::English
    }

    /// Whether `lowercase` is a compound of dictionary words, in a language
    /// that writes compounds as one word: parts of at least three letters,
    /// joined directly or by a linking element (`Verteidigung·s·industrie`).
    pub(crate) fn is_compound_word(&self, lowercase: &str) -> bool {
        if !self.language.has_compounds() {
            return false;
        }
        let bounds: Vec<usize> = lowercase
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(lowercase.len()))
            .collect();
        // `parts[k]`: the fewest parts the text up to bound `k` splits into.
        let mut parts: Vec<Option<usize>> = vec![None; bounds.len()];
        parts[0] = Some(0);
        for end in 1..bounds.len() {
            parts[end] = (0..end)
                .filter(|&start| end - start >= MIN_COMPOUND_PART_CHARS)
                .filter_map(|start| parts[start].map(|n| (start, n + 1)))
                .filter(|&(start, n)| {
                    n <= MAX_COMPOUND_PARTS
                        && self.is_part(
                            &lowercase[bounds[start]..bounds[end]],
                            end == bounds.len() - 1,
                        )
                })
                .map(|(_, n)| n)
                .min();
        }
        // A whole word is not a compound of itself.
        parts[bounds.len() - 1].is_some_and(|n| n >= 2) && self.frequency(lowercase).is_none()
    }

    /// Whether `piece` is a compound part: a word, or a word followed by a
    /// linking element when more follows.
    pub(crate) fn is_part(&self, piece: &str, last: bool) -> bool {
        if last {
            return self
                .frequency(piece)
                .is_some_and(|f| f >= MIN_COMPOUND_HEAD_FREQUENCY);
        }
        self.frequency(piece).is_some()
            || LINKS.iter().any(|link| {
                piece.strip_suffix(link).is_some_and(|word| {
                    word.chars().count() >= MIN_COMPOUND_PART_CHARS
                        && self.frequency(word).is_some()
                })
            })
    }

    /// The frequency of a token under the case rules: the exact form, then
    /// for `Word` the form `word`, for `WORD` the forms `word` and `Word`.
    /// Typographic apostrophes match ASCII ones, and a token is looked up in
    /// its canonical spelling ([`canonical`]): decomposed accents composed,
    /// the long s read as `s`.
    pub(crate) fn lookup(&self, token: &str) -> Option<u64> {
        if let Cow::Owned(canonical) = canonical(token) {
            // A mark with nothing to compose with stays as it is.
            if canonical != token {
                return self.lookup(&canonical);
            }
        }
        if self.folded {
            return self.frequency(token).or_else(|| self.elided(token));
        }
        if !token.is_ascii() && token.contains('\u{2019}') {
            return self.lookup(&token.replace('\u{2019}', "'"));
        }
        if let Some(f) = self.frequency(token) {
            return Some(f);
        }
        let mut chars = token.chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        let rest = chars.as_str();
        let lower = token.to_lowercase();
        if rest.chars().all(|c| !c.is_uppercase()) {
            return self.frequency(&lower);
        }
        if rest.chars().all(|c| !c.is_lowercase()) {
            let title: String = first.to_string() + &rest.to_lowercase();
            return self.frequency(&lower).or_else(|| self.frequency(&title));
        }
        None
    }

    /// A French or Italian word after an elided article or pronoun
    /// (`l'homme`, `qu'il`, `dell'anno`): the word's frequency when the
    /// part up to the apostrophe is an entry and the rest is a word.
    fn elided(&self, token: &str) -> Option<u64> {
        let at = token.find(['\'', '\u{2019}'])?;
        let split = at + token[at..].chars().next()?.len_utf8();
        let (head, rest) = token.split_at(split);
        if rest.is_empty() {
            return None;
        }
        self.frequency(head)?;
        self.lookup(rest)
    }

    /// Calls `visit(word, frequency)` for every entry that starts (or ends,
    /// by `anchor`) with `fix` and is at most `max_len` bytes long. The walk
    /// is bounded by the automaton, so a short `fix` with a small `max_len`
    /// stays cheap.
    pub(crate) fn for_each_anchored(
        &self,
        anchor: Anchor,
        fix: &[u8],
        max_len: usize,
        mut visit: impl FnMut(&[u8], u64),
    ) {
        match anchor {
            Anchor::Prefix => {
                let automaton = BoundedPrefix {
                    prefix: fix,
                    max_len,
                };
                walk(self.forward.as_fst(), &automaton, visit);
            }
            Anchor::Suffix => {
                let rev_fix: Vec<u8> = fix.iter().rev().copied().collect();
                let automaton = BoundedPrefix {
                    prefix: &rev_fix,
                    max_len,
                };
                let mut word = Vec::with_capacity(max_len);
                walk(self.reversed.as_fst(), &automaton, |key, freq| {
                    word.clear();
                    word.extend(key.iter().rev());
                    visit(&word, freq);
                });
            }
        }
    }
}

impl Lexicon {
    /// Calls `visit(word, frequency)` for every entry made of the bytes
    /// `fixed` at one end (its start or, by `anchor`, its end), a middle of
    /// one to `max_chars` characters of anything, and one of `ends` at the
    /// other end: the words a scanner could have misread a few glyphs of.
    /// The walk reads `fixed` once (in the reversed FST for an end) and
    /// branches only over the middle, which is short. An entry can come
    /// more than once, and in no particular order.
    pub(crate) fn for_each_around(
        &self,
        anchor: Anchor,
        fixed: &[u8],
        max_chars: usize,
        ends: &[&[u8]],
        mut visit: impl FnMut(&[u8], u64),
    ) {
        let anchored = self.anchored(anchor, fixed, ends);
        let walk = Around {
            fst: anchored.fst,
            ends: &anchored.ends,
            max_chars,
            reversed: anchored.reversed,
        };
        walk.run(&anchored.fixed, &mut anchored.in_order(&mut visit));
    }

    /// The FST to walk from `fixed` at `anchor`, with `fixed` and the
    /// other `ends` as that FST keys them (their bytes reversed for a
    /// suffix).
    fn anchored(&self, anchor: Anchor, fixed: &[u8], ends: &[&[u8]]) -> Anchored<'_> {
        let reversed = anchor == Anchor::Suffix;
        let keyed = |bytes: &[u8]| -> Vec<u8> {
            if reversed {
                bytes.iter().rev().copied().collect()
            } else {
                bytes.to_vec()
            }
        };
        Anchored {
            fst: if reversed {
                self.reversed.as_fst()
            } else {
                self.forward.as_fst()
            },
            reversed,
            fixed: keyed(fixed),
            ends: ends.iter().map(|e| keyed(e)).collect(),
        }
    }
}

/// A walk's FST and its fixed bytes and ends, as [`Lexicon::anchored`]
/// gives them.
struct Anchored<'a> {
    fst: &'a fst::raw::Fst<&'static [u8]>,
    reversed: bool,
    fixed: Vec<u8>,
    ends: Vec<Vec<u8>>,
}

impl Anchored<'_> {
    /// `visit` called with each key the walk finds as the word it spells
    /// (its bytes turned back in the reversed FST).
    fn in_order<'v>(&self, visit: &'v mut impl FnMut(&[u8], u64)) -> impl FnMut(&[u8], u64) + 'v {
        let reversed = self.reversed;
        let mut word = Vec::new();
        move |key: &[u8], value: u64| {
            if reversed {
                word.clear();
                word.extend(key.iter().rev());
                visit(&word, value);
            } else {
                visit(key, value);
            }
        }
    }
}

/// The node `bytes` lead to from `node` in `fst` (`out` the output so
/// far), with the output there; `None` where no key goes on that way.
fn descend<'a>(
    fst: &'a fst::raw::Fst<&'static [u8]>,
    mut node: fst::raw::Node<'a>,
    mut out: Output,
    bytes: &[u8],
) -> Option<(fst::raw::Node<'a>, Output)> {
    for &b in bytes {
        let t = node.transition(node.find_input(b)?);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out))
}

impl Lexicon {
    /// The frequency of the entry spelled exactly `word`, as the FST holds
    /// it (no case rules, no folding, no user words).
    pub(crate) fn entry(&self, word: &str) -> Option<u64> {
        self.forward.get(word)
    }

    /// The characters that follow `prefix` in some entry, in order.
    pub(crate) fn chars_after(&self, prefix: &[u8]) -> Vec<char> {
        let fst = self.forward.as_fst();
        let Some((node, _)) = descend(fst, fst.root(), Output::zero(), prefix) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut key = Vec::with_capacity(4);
        chars_below(fst, node, &mut key, &mut found);
        found
    }
}

/// The characters that `key` (the bytes read so far below `node`)
/// completes into, pushed on `found`.
fn chars_below(
    fst: &fst::raw::Fst<&'static [u8]>,
    node: fst::raw::Node<'_>,
    key: &mut Vec<u8>,
    found: &mut Vec<char>,
) {
    for t in node.transitions() {
        key.push(t.inp);
        match std::str::from_utf8(key) {
            Ok(s) => found.extend(s.chars()),
            Err(e) if e.error_len().is_none() && key.len() < 4 => {
                chars_below(fst, fst.node(t.addr), key, found);
            }
            Err(_) => {}
        }
        key.pop();
    }
}

impl Lexicon {
    /// Calls `visit(word, frequency)` for every entry made of the bytes
    /// `fixed` at one end (its start or, by `anchor`, its end), a middle
    /// that is itself an entry — of at least `min_chars` characters and
    /// `min_frequency`, at most `max_bytes` long — and one of `ends` at the
    /// other end: the words a spinner could have swapped a word inside of
    /// (`coun·try`, with `try` an entry). The walk reads `fixed` once and
    /// follows the middle in this FST and from its root at once, so it
    /// leaves a branch as soon as the middle stops being the start of an
    /// entry. An entry can come more than once, in no particular order.
    /// Only the embedded entries count: the caller checks for user words.
    pub(crate) fn for_each_with_word_inside(
        &self,
        anchor: Anchor,
        fixed: &[u8],
        inside: Inside,
        ends: &[&[u8]],
        mut visit: impl FnMut(&[u8], u64),
    ) {
        let anchored = self.anchored(anchor, fixed, ends);
        let walk = WordInside {
            fst: anchored.fst,
            ends: &anchored.ends,
            inside,
            reversed: anchored.reversed,
        };
        walk.run(&anchored.fixed, &mut anchored.in_order(&mut visit));
    }

    /// Whether the user added words (which the FST walks do not see).
    pub(crate) fn has_user_words(&self) -> bool {
        !self.extra.is_empty()
    }

    /// Whether every stretch of `lowercase` is looked up as it is written
    /// ([`Lexicon::frequency`] folds nothing in it), so that walks over the
    /// entries agree with lookups.
    pub(crate) fn holds_as_written(&self, lowercase: &str) -> bool {
        !self.folded || matches!(fold(lowercase), Cow::Borrowed(_))
    }

    /// Calls `visit(len, frequency)` for every entry that `bytes` starts
    /// with (its first `len` bytes), shortest first: one walk down the
    /// FST instead of a lookup per length.
    pub(crate) fn for_each_entry_starting(&self, bytes: &[u8], mut visit: impl FnMut(usize, u64)) {
        let fst = self.forward.as_fst();
        let mut node = fst.root();
        let mut out = Output::zero();
        for (k, &b) in bytes.iter().enumerate() {
            let Some(i) = node.find_input(b) else {
                return;
            };
            let t = node.transition(i);
            out = out.cat(t.out);
            node = fst.node(t.addr);
            if node.is_final() {
                visit(k + 1, out.cat(node.final_output()).value());
            }
        }
    }
}

/// What the middle of [`Lexicon::for_each_with_word_inside`] must be.
#[derive(Clone, Copy)]
pub(crate) struct Inside {
    pub(crate) min_chars: usize,
    pub(crate) min_frequency: u64,
    pub(crate) max_bytes: usize,
}

/// The walk of [`Lexicon::for_each_with_word_inside`] over one FST.
struct WordInside<'a> {
    fst: &'a fst::raw::Fst<&'static [u8]>,
    ends: &'a [Vec<u8>],
    inside: Inside,
    reversed: bool,
}

impl<'a> WordInside<'a> {
    fn run(&self, fixed: &[u8], visit: &mut dyn FnMut(&[u8], u64)) {
        let Some((node, out)) = descend(self.fst, self.fst.root(), Output::zero(), fixed) else {
            return;
        };
        let mut key = fixed.to_vec();
        let start = key.len();
        let word = (self.fst.root(), Output::zero());
        self.middle((node, out), word, 0, start, &mut key, visit);
    }

    /// Every continuation of `at` whose bytes (from `key[start..]`, `chars`
    /// characters so far) are the start of an entry (`word`: where they
    /// lead from the root), each followed by an end wherever they are a
    /// whole entry.
    fn middle(
        &self,
        at: (fst::raw::Node<'a>, Output),
        word: (fst::raw::Node<'a>, Output),
        chars: usize,
        start: usize,
        key: &mut Vec<u8>,
        visit: &mut dyn FnMut(&[u8], u64),
    ) {
        let (node, out) = at;
        for t in node.transitions() {
            let Some(k) = word.0.find_input(t.inp) else {
                continue;
            };
            let w = word.0.transition(k);
            let word_node = self.fst.node(w.addr);
            let word_out = word.1.cat(w.out);
            let child = self.fst.node(t.addr);
            let out = out.cat(t.out);
            key.push(t.inp);
            let chars = chars + usize::from(t.inp & 0xC0 != 0x80);
            if word_node.is_final()
                && chars >= self.inside.min_chars
                && word_out.cat(word_node.final_output()).value() >= self.inside.min_frequency
                && (if self.reversed {
                    t.inp & 0xC0 != 0x80
                } else {
                    std::str::from_utf8(&key[start..]).is_ok()
                })
            {
                for end in self.ends {
                    finish(self.fst, child, out, end, key, visit);
                }
            }
            if key.len() - start < self.inside.max_bytes {
                self.middle(
                    (child, out),
                    (word_node, word_out),
                    chars,
                    start,
                    key,
                    visit,
                );
            }
            key.pop();
        }
    }
}

/// `end` from `node` in `fst` (`out` the output so far, `key` the bytes
/// read), and the entry there if there is one.
fn finish<'a>(
    fst: &'a fst::raw::Fst<&'static [u8]>,
    node: fst::raw::Node<'a>,
    out: Output,
    end: &[u8],
    key: &mut Vec<u8>,
    visit: &mut dyn FnMut(&[u8], u64),
) {
    let Some((node, out)) = descend(fst, node, out, end) else {
        return;
    };
    if node.is_final() {
        let len = key.len();
        key.extend_from_slice(end);
        visit(key, out.cat(node.final_output()).value());
        key.truncate(len);
    }
}

/// The walk of [`Lexicon::for_each_around`] over one FST: the fixed
/// bytes, then one to `max_chars` characters of anything, then one of
/// `ends`. In the reversed FST a character's bytes come last byte first, so
/// it ends at its lead byte rather than before the next one.
struct Around<'a> {
    fst: &'a fst::raw::Fst<&'static [u8]>,
    ends: &'a [Vec<u8>],
    max_chars: usize,
    reversed: bool,
}

impl<'a> Around<'a> {
    fn run(&self, fixed: &[u8], visit: &mut dyn FnMut(&[u8], u64)) {
        let Some((node, out)) = descend(self.fst, self.fst.root(), Output::zero(), fixed) else {
            return;
        };
        let mut key = fixed.to_vec();
        let start = key.len();
        self.middle(node, out, 0, start, &mut key, visit);
    }

    /// Every continuation of `node` by whole characters (`chars` read so
    /// far, the current one starting at `key[start..]`), each followed by
    /// `last`.
    fn middle(
        &self,
        node: fst::raw::Node<'a>,
        out: Output,
        chars: usize,
        start: usize,
        key: &mut Vec<u8>,
        visit: &mut dyn FnMut(&[u8], u64),
    ) {
        for t in node.transitions() {
            let child = self.fst.node(t.addr);
            let out = out.cat(t.out);
            key.push(t.inp);
            let ends_char = if self.reversed {
                // Last byte first: a character ends at its lead byte.
                t.inp & 0xC0 != 0x80
            } else {
                std::str::from_utf8(&key[start..]).is_ok()
            };
            if ends_char {
                let chars = chars + 1;
                for end in self.ends {
                    finish(self.fst, child, out, end, key, visit);
                }
                if chars < self.max_chars {
                    self.middle(child, out, chars, key.len(), key, visit);
                }
            } else if key.len() - start < 4 {
                self.middle(child, out, chars, start, key, visit);
            }
            key.pop();
        }
    }
}

#[cfg(test)]
impl Lexicon {
    /// Calls `visit(word, frequency)` for every entry that `automaton`
    /// accepts (a Levenshtein automaton around a suspect, say): what
    /// misreadings are checked against.
    pub(crate) fn for_each_accepted<A: Automaton>(
        &self,
        automaton: A,
        visit: impl FnMut(&[u8], u64),
    ) {
        walk(self.forward.as_fst(), &automaton, visit);
    }
}

/// Calls `visit(key, value)` for every key of `fst` that `automaton`
/// accepts, in order: what `fst`'s own search stream gives, but a
/// transition into a state that can no longer match is not followed, so
/// that its node is never decoded (the stream decodes every node it steps
/// into, and most steps of a bounded walk are into dead states).
fn walk<A: Automaton>(
    fst: &fst::raw::Fst<&'static [u8]>,
    automaton: &A,
    mut visit: impl FnMut(&[u8], u64),
) {
    let root = fst.root();
    let start = automaton.start();
    if root.is_final() && automaton.is_match(&start) {
        visit(&[], root.final_output().value());
    }
    let mut key: Vec<u8> = Vec::with_capacity(64);
    // Each node on the path: the node, its next transition, the output
    // so far and the automaton's state.
    let mut path = vec![(root, 0usize, Output::zero(), start)];
    while let Some((node, next, out, state)) = path.last_mut() {
        if *next >= node.len() || !automaton.can_match(state) {
            path.pop();
            if !path.is_empty() {
                key.pop();
            }
            continue;
        }
        let trans = node.transition(*next);
        *next += 1;
        let out = out.cat(trans.out);
        let to = automaton.accept(state, trans.inp);
        let eof = automaton.accept_eof(&to);
        if !automaton.can_match(&to) && eof.is_none() && !automaton.is_match(&to) {
            // The stream would step in and straight back out, matching
            // nothing.
            continue;
        }
        let child = fst.node(trans.addr);
        key.push(trans.inp);
        if child.is_final() {
            let is_match = match &eof {
                Some(eof) => automaton.is_match(eof),
                None => automaton.is_match(&to),
            };
            if is_match {
                visit(&key, out.cat(child.final_output()).value());
            }
        }
        path.push((child, 0, out, to));
    }
}

/// Matches keys that start with `prefix` and are at most `max_len` bytes.
/// The state is the number of bytes read so far, or `None` once the key can
/// no longer match.
struct BoundedPrefix<'a> {
    prefix: &'a [u8],
    max_len: usize,
}

impl Automaton for BoundedPrefix<'_> {
    type State = Option<usize>;

    fn start(&self) -> Option<usize> {
        Some(0)
    }

    fn is_match(&self, state: &Option<usize>) -> bool {
        matches!(state, Some(n) if *n >= self.prefix.len())
    }

    fn can_match(&self, state: &Option<usize>) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Option<usize>, byte: u8) -> Option<usize> {
        let n = (*state)?;
        if n >= self.max_len {
            return None;
        }
        match self.prefix.get(n) {
            Some(&expected) if expected != byte => None,
            _ => Some(n + 1),
        }
    }
}

/// `word` spelled as the dictionaries spell it, when it is spelled another
/// way that means the same: decomposed accents (NFD, `a` + U+0301) composed
/// (NFC), which is valid Unicode that a page may use throughout, and the long
/// s (`ſ`) read as `s`, which older printing and the transcriptions that
/// keep it use in every word. Both are the same letters in another
/// encoding, never damage: read as damage, NFD pages taught `á → á` and
/// long-s texts `ſ → s`. Only lookups use this form; a token is never
/// rewritten into it.
pub(crate) fn canonical(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let decomposed = word.chars().any(is_combining_mark);
    if !decomposed && !word.contains(LONG_S) {
        return Cow::Borrowed(word);
    }
    let composed: String = if decomposed {
        word.nfc().collect()
    } else {
        word.to_string()
    };
    Cow::Owned(composed.replace(LONG_S, "s"))
}

/// `word` with decomposed accents composed (NFC), the long s kept: the
/// form a suspect is explained and rewritten in.
pub(crate) fn canonical_accents(word: &str) -> String {
    if word.chars().any(is_combining_mark) {
        word.nfc().collect()
    } else {
        word.to_string()
    }
}

/// The long s of older printing (U+017F), the same letter as `s`.
pub(crate) const LONG_S: char = '\u{17f}';

/// How often a word of `frequency` (per billion) should occur in a text of
/// `words` words.
pub(crate) fn expected_count(words: usize, frequency: u64) -> f64 {
    words as f64 * frequency as f64 / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash table in front of each FST answers exactly as the FST does,
    /// for the commonest words of every language built in.
    #[test]
    fn the_common_words_table_holds_the_dictionarys_own_values() {
        for language in Language::ALL {
            let Ok(lexicon) = Lexicon::for_language(language) else {
                continue;
            };
            let common: Vec<(&[u8], u64)> = lexicon.common.entries().collect();
            assert_eq!(
                common.len(),
                textmend_dict::COMMON_WORDS.min(lexicon.forward.len()),
                "{language}"
            );
            let rarest = common.iter().map(|(_, f)| *f).min().unwrap_or(0);
            for &(key, frequency) in &common {
                assert_eq!(
                    lexicon.forward.get(key),
                    Some(frequency),
                    "{language} {key:?}"
                );
                let key = std::str::from_utf8(key).unwrap();
                assert_eq!(lexicon.common.get(key), Some(frequency), "{language} {key}");
            }
            // No entry left out is commoner than one taken.
            let mut stream = lexicon.forward.stream();
            while let Some((key, frequency)) = fst::Streamer::next(&mut stream) {
                if frequency > rarest {
                    let key = std::str::from_utf8(key).unwrap();
                    assert!(lexicon.common.get(key).is_some(), "{language} {key}");
                }
            }
        }
    }

    fn lexicon() -> Lexicon {
        Lexicon::english().unwrap()
    }

    #[test]
    fn case_rules_follow_the_entry() {
        let lex = lexicon();
        for (token, known) in [
            ("country", true),
            ("Country", true),
            ("COUNTRY", true),
            ("cOUNTRY", false),
            ("Albania", true),
            ("ALBANIA", true),
            ("albania", false),
            ("don't", true),
            ("don\u{2019}t", true),
            ("counattempt", false),
        ] {
            assert_eq!(lex.lookup(token).is_some(), known, "{token}");
        }
        assert!(lex.is_attested("surprize"));
        assert!(!lex.is_attested("attfinish"));
        assert!(!lex.is_attested("country"));
    }

    #[test]
    fn anchored_walks_find_prefix_and_suffix_matches_within_bounds() {
        let lex = lexicon();
        let mut by_prefix = Vec::new();
        lex.for_each_anchored(Anchor::Prefix, b"att", 6, |w, _| {
            by_prefix.push(String::from_utf8(w.to_vec()).unwrap())
        });
        assert!(by_prefix.contains(&"attend".to_string()));
        assert!(by_prefix
            .iter()
            .all(|w| w.starts_with("att") && w.len() <= 6));
        assert!(!by_prefix.contains(&"attention".to_string()));

        let mut by_suffix = Vec::new();
        lex.for_each_anchored(Anchor::Suffix, b"ence", 12, |w, _| {
            by_suffix.push(String::from_utf8(w.to_vec()).unwrap())
        });
        assert!(by_suffix.contains(&"independence".to_string()));
        assert!(by_suffix
            .iter()
            .all(|w| w.ends_with("ence") && w.len() <= 12));
    }
}
