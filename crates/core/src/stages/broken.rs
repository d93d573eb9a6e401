//! Broken words: text in, repairs of words that typesetting or OCR split
//! apart out, as sorted, non-overlapping byte spans into the input.
//!
//! Three kinds of break are mended, each only when the dictionary says that
//! the whole is a word and no other reading is plausible (the mender keeps
//! the joins an author may have typed, a visible hyphen at a line end and
//! the in-line ones, only in text that shows a scanner's damage; every
//! join is read all the same):
//!
//! * a hyphen at a line end (`recom-\nmendation`), unless both pieces are
//!   words: `well-\nknown`, `to-\nday` and `some-\nthing` are kept, since
//!   a compound's own hyphen may fall at the line end;
//! * soft hyphens (U+00AD) inside a word, and one at a line end, which marks
//!   a break inside one word by definition (inside a line, a soft hyphen is
//!   an author's hint, and the mender keeps it unless the text was scanned);
//! * a single space inside a common word (`po ssible`), when neither piece
//!   is a word (`the cat`, `in formation` are kept) and the first piece is
//!   in lowercase or capitalised and the second in lowercase (`Mc Donald` is
//!   kept). A piece that is an attested form blocks the join, unless the
//!   text uses the joined word unbroken elsewhere (counting words rejoined
//!   at line ends): the attested list holds most syllables of common words
//!   (`recom`, `infor`, `mation`), so `recom mendation` is joined only in a
//!   text that also has `recommendation`.
//!
//! A break that is not mended leaves its pieces apart, but not as words:
//! [`is_split_piece`] tells the suspects that are one (`irre coverable`,
//! whose join is too rare to make across a space), and the mender neither
//! learns from them nor rewrites them half by half.
//!
//! Pieces are runs of letters: digits, underscores, URLs, e-mail addresses
//! and handles rule a repair out. This is a different kind of damage from
//! a spinner's, so the stage works on the raw text rather than on
//! [`crate::stages::tokenize`]'s tokens, which split at the very hyphens, soft
//! hyphens and spaces it looks at. It does not apply its repairs (the
//! caller rebuilds the text once), does not look beyond a pair of
//! neighbouring pieces, and changes nothing but a break and the pieces it
//! joins.
//!
//! # Where the line break goes
//!
//! A word hyphenated at a line end is joined on the first line, and the
//! line break moves to just after the second piece and whatever is
//! attached to it (punctuation, `'s`), taking the place of the spaces that
//! followed: `The recom-\nmendation, he said` becomes
//! `The recommendation,\nhe said`. The text keeps its number of lines and
//! its line-break style (`\n` or `\r\n`); trailing spaces before the break
//! and the indentation after it go. When the second piece ends its line or
//! the text, there is no space to move the break into, so the two lines
//! become one: `recom-\nmendation.\n` becomes `recommendation.\n`. The
//! same happens when what is attached ends in a hyphen, so that the moved
//! break cannot make a new line-end hyphen.

use std::cell::RefCell;
use std::ops::Range;

use fnv::FnvHashMap;

use crate::chars::{char_at, is_apostrophe, is_combining_mark, is_skipped_chunk, MAX_WORD_CHARS};
use crate::knowledge::lexicon::Lexicon;

/// The invisible hyphen that marks where a word may be broken.
const SOFT_HYPHEN: char = '\u{ad}';

/// Each piece of a word broken by a hyphen or a space must have at least
/// this many letters. Typesetters never leave one letter on a line (TeX's
/// English defaults keep two before a break and three after), and a
/// one-letter piece is a word, an initial or a prefix far more often than a
/// fragment: `e-mail`, `X-ray` and `T-shirt` keep their hyphens.
const MIN_PIECE_CHARS: usize = 2;

/// A word joined across a stray space must be at least this common, in
/// occurrences per billion words (one in a million: about 28,500 of the
/// 134,792 entries of `dictionaries/en.tsv`). Two non-words side by side in
/// clean text are mostly names, foreign words and abbreviations, and the
/// rarer the joined word, the likelier it is to match them by accident;
/// the words that OCR splits in ordinary prose are mostly common ones.
const MIN_STRAY_SPACE_FREQUENCY: u64 = 1_000;

/// A piece after a stray space that follows a whole word must have at
/// least this many letters: a shorter non-word there is a misread short
/// word as often as a fragment (`we ars` for `we are`, `a tbe`).
const MIN_TAIL_AFTER_WORD_CHARS: usize = 4;

/// Two words joined by an in-line hyphen are a compound unless the joined
/// word is at least this many times commoner than the second piece (the
/// ratio single-word word swaps need to dominate their rivals, `learn.rs`).
const MIN_JOIN_DOMINANCE: u64 = 20;

/// One repair: replace the bytes in `span` with `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Repair {
    /// Byte range in the input, on character boundaries.
    pub(crate) span: Range<usize>,
    /// The replacement text.
    pub(crate) after: String,
    /// What broke the word.
    pub(crate) reason: Break,
}

/// What broke a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Break {
    /// A hyphen at the end of a line (`recom-\nmendation`).
    LineEndHyphen,
    /// Soft hyphens inside a word, or one at the end of a line.
    SoftHyphen,
    /// A space inside a word (`recom mendation`).
    StraySpace,
    /// A hyphen inside a line between two pieces of one word (`immi-grés`).
    InlineHyphen,
}

/// A maximal run of word characters (letters, digits, underscores,
/// combining marks and soft hyphens): a word or a piece of one.
#[derive(Debug, PartialEq, Eq)]
struct Run {
    span: Range<usize>,
    /// No digits and no underscores: only such runs can be word pieces.
    is_letters: bool,
    has_soft_hyphen: bool,
}

/// Sorted, non-overlapping repairs of `text`, whose words are judged with
/// `lexicon`; outside English, `english` is the English dictionary, whose
/// words are words too when the question is whether a piece is one
/// (English quoted in a Dutch manual: `to on` is no broken `toon`).
pub(crate) fn repair_broken_words(
    text: &str,
    lexicon: &Lexicon,
    english: Option<&Lexicon>,
) -> Vec<Repair> {
    let runs = runs(text);
    let hyphen_repairs = repair_hyphens(text, &runs, lexicon);
    // Most pieces are words that recur: each is looked up once.
    let known: RefCell<FnvHashMap<&str, bool>> = RefCell::new(FnvHashMap::default());
    let mut repairs = Vec::with_capacity(hyphen_repairs.len());
    // `hyphen_repairs[k..]` are still to be merged in.
    let mut k = 0;
    let mut settled = 0;
    for (i, run) in runs.iter().enumerate() {
        while let Some(hyphen) = hyphen_repairs
            .get(k)
            .filter(|r| r.span.start < run.span.end)
        {
            settled = settled.max(hyphen.span.end);
            repairs.push(hyphen.clone());
            k += 1;
        }
        if run.span.start < settled || !run.is_letters {
            continue;
        }
        let Some(next) = runs.get(i + 1).filter(|next| next.is_letters) else {
            continue;
        };
        if hyphen_repairs
            .get(k)
            .is_some_and(|r| r.span.start < next.span.end)
        {
            continue;
        }
        if let Some(repair) = join_stray_space(text, run, next, lexicon, english, &known) {
            settled = repair.span.end;
            repairs.push(repair);
        }
    }
    repairs.extend_from_slice(&hyphen_repairs[k..]);
    repairs
}

/// Whether the token at `span` of `text` (no join touched it) is one piece
/// of a word split inside a line: a single space or hyphen parts it from a
/// neighbouring piece that is no word either, and the two read together
/// are a word of the text's language (`irre coverable`, `immi-grés`). Such
/// a piece was left apart because the join was too rare or too uncertain
/// to make, not because it is a word of its own, so it is no evidence of a
/// rule and is rewritten by none: a rule that fits half a word (`cover →
/// cap` in `coverable`) fits by accident. A neighbour that is a word makes
/// the split a guess (`te clar` is `te dar` misread, not `teclar`).
pub(crate) fn is_split_piece(
    text: &str,
    span: &Range<usize>,
    lexicon: &Lexicon,
    english: Option<&Lexicon>,
) -> bool {
    let piece = &text[span.clone()];
    if !is_piece(piece) || !piece.chars().all(char::is_alphabetic) {
        return false;
    }
    let splits = |head: &str, tail: &str, other: &str| {
        is_piece(other)
            && tail.chars().all(char::is_lowercase)
            && !is_any_word(other, lexicon, english)
            && is_word(&format!("{head}{tail}"), lexicon)
    };
    let is_gap = |c: &char| *c == ' ' || is_hyphen(*c);
    let before = &text[..span.start];
    if let Some(gap) = before.chars().next_back().filter(is_gap) {
        let head = letters_ending_at(before, before.len() - gap.len_utf8());
        if splits(head, piece, head) {
            return true;
        }
    }
    let after = &text[span.end..];
    if let Some(gap) = after.chars().next().filter(is_gap) {
        let rest = &after[gap.len_utf8()..];
        let tail = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        if splits(piece, tail, tail) {
            return true;
        }
    }
    false
}

/// Whether `text` ends in a word that elision shortens before a vowel, the
/// apostrophe cut off: a word of at most four letters (`l`, `d`, `qu`,
/// `dell`) or one in `qu` (`lorsqu`), starting its chunk.
fn is_elision(text: &str) -> bool {
    let word = letters_ending_at(text, text.len());
    let starts_chunk = text[..text.len() - word.len()]
        .chars()
        .next_back()
        .is_none_or(|c| !is_run_char(c) && !is_hyphen(c) && !is_apostrophe(c));
    !word.is_empty() && (word.chars().count() <= 4 || word.ends_with("qu")) && starts_chunk
}

/// The letters of `text` that end at `end`.
fn letters_ending_at(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..end]
}

/// The line-end, in-line and soft-hyphen repairs of `text`, sorted and
/// non-overlapping.
fn repair_hyphens(text: &str, runs: &[Run], lexicon: &Lexicon) -> Vec<Repair> {
    let mut repairs: Vec<Repair> = Vec::new();
    // Everything before `settled` belongs to an earlier repair; a run that
    // starts before it is not looked at again.
    let mut settled = 0;
    for (i, run) in runs.iter().enumerate() {
        if run.span.start < settled || !run.is_letters {
            continue;
        }
        let repair = runs
            .get(i + 1)
            .filter(|next| next.is_letters)
            .and_then(|next| {
                join_line_end(text, run, next, lexicon)
                    .or_else(|| join_inline_hyphen(text, run, next, lexicon))
            })
            .or_else(|| remove_soft_hyphens(text, run, lexicon));
        if let Some(repair) = repair {
            settled = repair.span.end;
            repairs.push(repair);
        }
    }
    repairs
}

/// The runs of word characters of `text`, in order.
fn runs(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current: Option<Run> = None;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let at = i;
        // Prose is mostly ASCII, read a byte at a time.
        let (is_run, is_letter, soft) = match bytes[i] {
            b if b.is_ascii() => {
                i += 1;
                (
                    b.is_ascii_alphanumeric() || b == b'_',
                    b.is_ascii_alphabetic(),
                    false,
                )
            }
            _ => {
                let (c, len) = char_at(text, i);
                i += len;
                let soft = c == SOFT_HYPHEN;
                (is_run_char(c), !(c.is_numeric() || c == '_'), soft)
            }
        };
        if !is_run {
            runs.extend(current.take());
            continue;
        }
        let run = current.get_or_insert(Run {
            span: at..at,
            is_letters: true,
            has_soft_hyphen: false,
        });
        run.span.end = i;
        run.is_letters &= is_letter;
        run.has_soft_hyphen |= soft;
    }
    runs.extend(current);
    runs
}

fn is_run_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == SOFT_HYPHEN || is_combining_mark(c)
}

/// Spaces and tabs: whitespace inside a line.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// A hyphen that can break a word: the ASCII hyphen-minus, U+2010 HYPHEN,
/// U+2011 NON-BREAKING HYPHEN, and the sign `¬` that older typesetting and
/// OCR of it use at a line end. Dashes (`--`, `–`, `—`) end clauses, not
/// word pieces.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | NOT_SIGN)
}

/// `¬`: a hyphen that only ever marks a word broken at a line end, never a
/// compound's own hyphen.
const NOT_SIGN: char = '\u{ac}';

fn without_soft_hyphens(piece: &str) -> String {
    piece.chars().filter(|&c| c != SOFT_HYPHEN).collect()
}

/// Whether a piece has the length of a piece of a word.
fn is_piece(piece: &str) -> bool {
    (MIN_PIECE_CHARS..=MAX_WORD_CHARS).contains(&piece.chars().count())
}

/// Whether a piece is a word as written or in lowercase (`Self`, `TO`).
/// Erring towards "word" keeps more text as it is.
fn is_word(piece: &str, lexicon: &Lexicon) -> bool {
    lexicon.lookup(piece).is_some() || lexicon.frequency(&piece.to_lowercase()).is_some()
}

/// The whitespace-separated chunk of `text` that ends at `end`.
fn chunk_ending_at(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..end]
}

/// The whitespace-separated chunk of `text` that starts at `start`.
fn chunk_starting_at(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())]
}

/// `first` and `second` joined when a hyphen (or a soft hyphen) at the end
/// of `first`'s line broke them apart and the joined word is a word.
fn join_line_end(text: &str, first: &Run, second: &Run, lexicon: &Lexicon) -> Option<Repair> {
    let first_piece = &text[first.span.clone()];
    let gap = &text[first.span.end..second.span.start];
    let (reason, gap) = match gap.strip_prefix(is_hyphen) {
        Some(rest) => (Break::LineEndHyphen, rest),
        None if first_piece.ends_with(SOFT_HYPHEN) => (Break::SoftHyphen, gap),
        None => return None,
    };
    // `¬` says "one word" by itself, as a soft hyphen does.
    let only_breaks = text[first.span.end..].starts_with(NOT_SIGN) || reason == Break::SoftHyphen;
    let gap = gap.trim_start_matches(is_blank);
    let (line_break, indent) = match gap.strip_prefix("\r\n") {
        Some(indent) => ("\r\n", indent),
        None => ("\n", gap.strip_prefix('\n')?),
    };
    if !indent.chars().all(is_blank) {
        return None;
    }
    let head = without_soft_hyphens(first_piece);
    let tail = without_soft_hyphens(&text[second.span.clone()]);
    if !is_piece(&head) || !is_piece(&tail) {
        return None;
    }
    let joined = format!("{head}{tail}");
    // The join must be a word as written: `Recommendation`, not `NewYork`.
    lexicon.lookup(&joined)?;
    // A soft hyphen or `¬` says "one word" by itself; a hyphen between two
    // words may join a compound (`well-known`, `to-day`, `self-evident`).
    if !only_breaks && is_word(&head, lexicon) && is_word(&tail, lexicon) {
        return None;
    }
    let chunk = chunk_starting_at(text, second.span.start);
    if is_skipped_chunk(chunk_ending_at(text, first.span.end)) || is_skipped_chunk(chunk) {
        return None;
    }

    let attached = &chunk[second.span.len()..];
    let attached_end = second.span.start + chunk.len();
    let after_attached = &text[attached_end..];
    let blanks = after_attached.len() - after_attached.trim_start_matches(is_blank).len();
    let more_on_line = after_attached[blanks..].starts_with(|c: char| !c.is_whitespace());
    // A break moved after a hyphen would make a new line-end hyphen.
    let ends_in_hyphen = attached.ends_with(|c| is_hyphen(c) || c == SOFT_HYPHEN);
    if blanks == 0 || !more_on_line || ends_in_hyphen {
        // The second piece ends its line or the text (or is followed by
        // some other whitespace, or a hyphen): the two lines become one.
        return Some(Repair {
            span: first.span.start..second.span.end,
            after: joined,
            reason,
        });
    }
    Some(Repair {
        span: first.span.start..attached_end + blanks,
        after: format!("{joined}{attached}{line_break}"),
        reason,
    })
}

/// `run` without the soft hyphens inside it, when that is a word. Soft
/// hyphens at either end of the run are left alone: they are not inside a
/// word.
fn remove_soft_hyphens(text: &str, run: &Run, lexicon: &Lexicon) -> Option<Repair> {
    if !run.has_soft_hyphen {
        return None;
    }
    let whole = &text[run.span.clone()];
    let leading = whole.len() - whole.trim_start_matches(SOFT_HYPHEN).len();
    let inner = whole.trim_matches(SOFT_HYPHEN);
    if !inner.contains(SOFT_HYPHEN) {
        return None;
    }
    let word = without_soft_hyphens(inner);
    if word.chars().count() > MAX_WORD_CHARS || lexicon.lookup(&word).is_none() {
        return None;
    }
    let start = run.span.start + leading;
    Some(Repair {
        span: start..start + inner.len(),
        after: word,
        reason: Break::SoftHyphen,
    })
}

/// Whether `piece` is a word of the text's language or, outside English,
/// an English word.
fn is_any_word(piece: &str, lexicon: &Lexicon, english: Option<&Lexicon>) -> bool {
    is_word(piece, lexicon) || english.is_some_and(|english| is_word(piece, english))
}

/// `first` and `second` joined when a hyphen inside a line is all that
/// keeps them from being a word: the hyphen of a line end that a later
/// join of the lines kept (`immi-grés`, `ap-pointment`, `Regie-rung`). The
/// second piece must be in lowercase and no common word: `half-hearted`,
/// `non-zero`, `Nord-Amerika` and `Saint-Sulpice` are compounds, and so is any chain of more than two
/// pieces (`c'est-à-dire`). The pieces are judged in the text's language
/// only: they are parts of one of its words. Such joins are
/// fragments of a scanned page: the mender keeps them only in text that
/// shows a scanner's damage.
fn join_inline_hyphen(text: &str, first: &Run, second: &Run, lexicon: &Lexicon) -> Option<Repair> {
    let gap = &text[first.span.end..second.span.start];
    let mut chars = gap.chars();
    if !chars.next().is_some_and(is_hyphen) || chars.next().is_some() {
        return None;
    }
    if first.has_soft_hyphen || second.has_soft_hyphen {
        return None;
    }
    let head = &text[first.span.clone()];
    let tail = &text[second.span.clone()];
    if !is_piece(head) || !is_piece(tail) || !tail.chars().all(char::is_lowercase) {
        return None;
    }
    // Pieces of a longer chain, or of something other than a word; an
    // elided article or pronoun before the word is neither (`l'em-ploi`,
    // `dell'im-portanza`, `qu'il`).
    let before = text[..first.span.start].chars().next_back();
    let after = text[second.span.end..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| is_hyphen(c) || is_apostrophe(c));
    let elided = before.is_some_and(is_apostrophe)
        && is_elision(&text[..first.span.start - before.map_or(0, char::len_utf8)]);
    if (joins(before) && !elided) || joins(after) {
        return None;
    }
    // A common word after the hyphen makes a compound (`pre-war`,
    // `non-zero`, `half-hearted`), and so do two words (`sea-faring`,
    // `over-scrupulous`) unless the join is a far commoner word than the
    // second piece, which is then a rare entry that happens to match a
    // syllable (`Regie-rung`: `rung` is in the German list; `immi-grés`).
    let tail_frequency = lexicon.lookup(tail);
    if tail_frequency.is_some_and(|f| f >= MIN_STRAY_SPACE_FREQUENCY) {
        return None;
    }
    let joined = format!("{head}{tail}");
    let joined_frequency = lexicon.lookup(&joined)?;
    if let Some(tail_frequency) = tail_frequency.filter(|_| is_word(head, lexicon)) {
        if joined_frequency < tail_frequency.saturating_mul(MIN_JOIN_DOMINANCE) {
            return None;
        }
    }
    let chunk_start = text[..first.span.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    if is_skipped_chunk(chunk_starting_at(text, chunk_start)) {
        return None;
    }
    Some(Repair {
        span: first.span.start..second.span.end,
        after: joined,
        reason: Break::InlineHyphen,
    })
}

/// `first` and `second` joined when a single space between them is the
/// only thing that keeps them from being a common word: the second piece is
/// no word (`the cat`, `in formation` and `to on` stay), `first` is in
/// lowercase or capitalised and `second` in lowercase (`Mc Donald` is
/// kept), and `first` starts its chunk (in `x.ab cd` or `o'er ward` the
/// pieces belong to something else). The first piece may be a word: a
/// scanner splits `description` into `de scription` as readily as into
/// `des cription`. Such joins are fragments of a scanned page: the mender
/// keeps them only in text that shows a scanner's damage.
fn join_stray_space<'t>(
    text: &'t str,
    first: &Run,
    second: &Run,
    lexicon: &Lexicon,
    english: Option<&Lexicon>,
    known: &RefCell<FnvHashMap<&'t str, bool>>,
) -> Option<Repair> {
    if &text[first.span.end..second.span.start] != " "
        || first.has_soft_hyphen
        || second.has_soft_hyphen
    {
        return None;
    }
    let head = &text[first.span.clone()];
    let tail = &text[second.span.clone()];
    if !is_piece(head) || !is_piece(tail) {
        return None;
    }
    let mut head_rest = head.chars();
    head_rest.next();
    if !head_rest.all(char::is_lowercase) || !tail.chars().all(char::is_lowercase) {
        return None;
    }
    let is_known = *known
        .borrow_mut()
        .entry(tail)
        .or_insert_with(|| is_any_word(tail, lexicon, english));
    if is_known {
        return None;
    }
    // After a word, a short non-word is as likely a misread word of its
    // own (`we ars` is `we are` with `e` read as `s`, not `wears`) as the
    // rest of a split one.
    if tail.chars().count() < MIN_TAIL_AFTER_WORD_CHARS
        && *known
            .borrow_mut()
            .entry(head)
            .or_insert_with(|| is_any_word(head, lexicon, english))
    {
        return None;
    }
    let joined = format!("{head}{tail}");
    if lexicon.lookup(&joined)? < MIN_STRAY_SPACE_FREQUENCY {
        return None;
    }
    let before = chunk_ending_at(text, first.span.start);
    if before.chars().any(is_run_char)
        || is_skipped_chunk(before)
        || is_skipped_chunk(chunk_starting_at(text, second.span.start))
    {
        return None;
    }
    Some(Repair {
        span: first.span.start..second.span.end,
        after: joined,
        reason: Break::StraySpace,
    })
}

#[cfg(test)]
mod tests;
