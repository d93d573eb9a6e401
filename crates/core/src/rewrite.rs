//! Rewrite: suspects and accepted rules in, edits out.
//!
//! Every suspect type is tried against every accepted rule whose left side
//! it contains (one aho-corasick pass), at one occurrence or at two, because
//! a word can hold two damaged places. A result counts only if it is a
//! dictionary word; among several, the one backed by the strongest rules
//! wins, then the more frequent word. Rules apply here even where the context
//! is too short to learn from (`t·here`): the rule was proved elsewhere.
//! Suspects written like names are repaired only by rules with support from
//! several words; compounds of two known words also by thesaurus-backed
//! rules. The token's case is restored and a possessive
//! ending kept. Rewrite produces [`Edit`]s; it does not build the new text.

use std::cmp::Reverse;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use std::collections::HashMap;

use crate::detect::SuspectType;
use crate::glyphs::unglyph;
use crate::language::Language;
use crate::learn::{evidence, Evidence};
use crate::lexicon::Lexicon;
use crate::rules::{Rule, RuleKind, RuleSet};
use crate::tokenize::Case;
use crate::tokenize::Token;

/// A suspect is rewritten by trying at most this many rule matches in it,
/// which bounds the combinations tried to 92 per suspect type (one, two or
/// three matches: a scanner can misread several glyphs of one word).
const MAX_MATCHES: usize = 8;

/// A word of at most this many characters is restored only to a very
/// common word ([`MIN_SHORT_RESTORATION_FREQUENCY`]): two-letter strings
/// are abbreviations as often as words (`se` is not a misread `sc`).
const SHORT_WORD_CHARS: usize = 2;

/// Per billion words (Zipf 5): `he`, `be`, `up`, `us`, but not `sc`, `ln`.
/// The same floor holds for an attested form repaired by glyph confusions:
/// scanners made `tbe` and `bave` common enough to be attested, but a rare
/// real word one confusion away from a word (`bool` → `pool`, `fait` →
/// `fair`) is far likelier than a misread one.
const MIN_SHORT_RESTORATION_FREQUENCY: u64 = 100_000;

/// Names (and compounds, unless the rule is thesaurus-backed) are repaired
/// only by rules supported by at least this many distinct words.
const MIN_WORDS_FOR_GUARDED: usize = 2;

/// One change to the text: the bytes in `span` become `after`.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// The text that was there.
    pub before: String,
    /// The text put there.
    pub after: String,
    /// The rules applied, as `(from, to)`, left to right.
    pub rules: Vec<(String, String)>,
    /// How much to trust the edit, from 0 to 1: the confidence of its
    /// weakest rule.
    pub confidence: f64,
    /// Whether it swaps one real word for another (`notified` → `told`)
    /// rather than repairing a word that is not one.
    pub whole_word: bool,
}

/// A restoration of one suspect type.
struct Restoration {
    word: String,
    /// The rules applied, as indices.
    rules: Vec<usize>,
    /// Ligatures and look-alikes undone first, as `(from, to)`.
    glyphs: Vec<(String, String)>,
}

/// The edits that `rules` make to the suspects of `text`, sorted by span.
/// With `glyphs`, ligatures and look-alike letters inside Latin words are
/// undone too.
pub(crate) fn rewrite(
    text: &str,
    suspects: &[SuspectType],
    rules: &RuleSet,
    lexicon: &Lexicon,
    glyphs: bool,
) -> Vec<Edit> {
    let rules = rules.rules();
    if rules.is_empty() && !glyphs {
        return Vec::new();
    }
    let Ok(matcher) = AhoCorasick::new(rules.iter().map(|r| r.from.as_str())) else {
        return Vec::new();
    };
    let series = numbered_series(suspects);
    let mut edits = Vec::new();
    for suspect in suspects {
        if suspect.has_digits && series.contains(&digits_masked(&suspect.key)) {
            continue;
        }
        let unglyphed = glyphs.then(|| unglyph(&suspect.key)).flatten();
        let restoration = match unglyphed {
            Some((key, undone)) => {
                let mut r = match lexicon.frequency(&key) {
                    Some(_) => None,
                    None => restore(&key, rules, &matcher, lexicon, suspect),
                }
                .unwrap_or(Restoration {
                    word: key,
                    rules: Vec::new(),
                    glyphs: Vec::new(),
                });
                r.glyphs = undone;
                r
            }
            None => match restore(&suspect.key, rules, &matcher, lexicon, suspect) {
                Some(r) => r,
                None => continue,
            },
        };
        let applied: Vec<&Rule> = restoration.rules.iter().map(|&k| &rules[k]).collect();
        let confidence = applied.iter().map(|r| r.confidence).fold(1.0, f64::min);
        let mut pairs = restoration.glyphs.clone();
        pairs.extend(applied.iter().map(|r| (r.from.clone(), r.to.clone())));
        let first_glyph_misread = applied
            .iter()
            .any(|r| r.kind == RuleKind::Glyph && suspect.key.starts_with(r.from.as_str()));
        for occurrence in &suspect.occurrences {
            let before = &text[occurrence.span.clone()];
            edits.push(Edit {
                span: occurrence.span.clone(),
                before: before.to_string(),
                after: restored_case(
                    text,
                    &restoration.word,
                    occurrence,
                    first_glyph_misread,
                    lexicon.language(),
                ),
                rules: pairs.clone(),
                confidence,
                whole_word: false,
            });
        }
    }
    edits.sort_by_key(|e| e.span.start);
    edits
}

/// The digit-masked forms (`base#`) shared by several suspects with digits
/// (`Base1`, `Base2`): numbered names of things, such as identifiers in
/// code, rather than misread letters, which a scanner does not vary.
fn numbered_series(suspects: &[SuspectType]) -> std::collections::HashSet<String> {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut series = std::collections::HashSet::new();
    for s in suspects.iter().filter(|s| s.has_digits) {
        let masked = digits_masked(&s.key);
        match seen.get(&masked) {
            Some(other) if *other != s.key => {
                series.insert(masked);
            }
            Some(_) => {}
            None => {
                seen.insert(masked, &s.key);
            }
        }
    }
    series
}

/// `key` with each digit replaced by `#`.
fn digits_masked(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_numeric() { '#' } else { c })
        .collect()
}

/// The best dictionary word that up to three rule applications make of
/// `key`.
fn restore(
    key: &str,
    rules: &[Rule],
    matcher: &AhoCorasick,
    lexicon: &Lexicon,
    suspect: &SuspectType,
) -> Option<Restoration> {
    let usable = |rule: &Rule| match (rule.kind, evidence(suspect)) {
        (RuleKind::WholeWord, _) => false,
        // A valid compound is no misreading.
        (RuleKind::Glyph, _) => !suspect.is_closed_compound,
        (_, Evidence::Full) => true,
        (_, Evidence::SynonymsOnly) => {
            rule.kind == RuleKind::Synonym || rule.words >= MIN_WORDS_FOR_GUARDED
        }
        (_, Evidence::None) => rule.words >= MIN_WORDS_FOR_GUARDED,
    };
    let matches: Vec<(usize, Range<usize>)> = matcher
        .find_overlapping_iter(key)
        .filter(|m| usable(&rules[m.pattern().as_usize()]))
        .take(MAX_MATCHES)
        .map(|m| (m.pattern().as_usize(), m.range()))
        .collect();

    let mut found: Vec<(Restoration, u64)> = Vec::new();
    let mut consider = |applied: &[&(usize, Range<usize>)]| {
        let mut word = String::with_capacity(key.len() + 8);
        let mut at = 0;
        for (k, range) in applied {
            word.push_str(&key[at..range.start]);
            word.push_str(&rules[*k].to);
            at = range.end;
        }
        word.push_str(&key[at..]);
        // A name is only misread as another name: glyph rules restore it
        // when the dictionary has the result capitalised (`Waltcr` →
        // `Walter`).
        let as_name = suspect.is_name_like()
            && applied
                .iter()
                .any(|(k, _)| rules[*k].kind == RuleKind::Glyph);
        let frequency = if as_name {
            lexicon.frequency(&with_case(&word, Case::Title))
        } else {
            lexicon.frequency(&word)
        };
        // An unlisted compound that proven word swaps turn into another
        // compound of dictionary words (`Tätigkeits·methoden` →
        // `Arbeits·methoden`) is restored too: the suspect was no listed
        // word either, and the rules were proven elsewhere.
        let frequency = frequency.or_else(|| {
            let proven = applied.iter().all(|(k, _)| {
                rules[*k].kind != RuleKind::Glyph && rules[*k].words >= MIN_WORDS_FOR_GUARDED
            });
            (suspect.is_closed_compound && proven && lexicon.is_compound_word(&word)).then_some(0)
        });
        let frequency = frequency.filter(|&f| {
            let glyphs = applied
                .iter()
                .any(|(k, _)| rules[*k].kind == RuleKind::Glyph);
            let short = word.chars().count() <= SHORT_WORD_CHARS;
            f >= MIN_SHORT_RESTORATION_FREQUENCY || !(short || (glyphs && suspect.is_attested))
        });
        if let Some(frequency) = frequency {
            let rules = applied.iter().map(|(k, _)| *k).collect();
            found.push((
                Restoration {
                    word,
                    rules,
                    glyphs: Vec::new(),
                },
                frequency,
            ));
        }
    };
    for (i, a) in matches.iter().enumerate() {
        consider(&[a]);
        for (j, b) in matches.iter().enumerate().skip(i + 1) {
            if b.1.start < a.1.end {
                continue;
            }
            consider(&[a, b]);
            for c in &matches[j + 1..] {
                if c.1.start >= b.1.end {
                    consider(&[a, b, c]);
                }
            }
        }
    }
    // Strongest evidence first: the weakest rule's support, then fewer
    // distinct rules, then the more frequent word (`scc` is `see` rather
    // than `sec`: one rule either way).
    found
        .into_iter()
        .max_by_key(|(r, frequency)| {
            let weakest = r.rules.iter().map(|&k| rules[k].words).min().unwrap_or(0);
            let mut distinct = r.rules.clone();
            distinct.sort_unstable();
            distinct.dedup();
            (
                weakest,
                Reverse(distinct.len()),
                *frequency,
                Reverse(r.word.clone()),
            )
        })
        .map(|(r, _)| r)
}

/// A restored word in the case its occurrence calls for. When a glyph
/// confusion changed the first letter of a word that opens a sentence, the
/// letter was a capital (`lt` → `It`: a scanner reads `I` as `l`); the
/// English pronoun `I` is always a capital.
fn restored_case(
    text: &str,
    word: &str,
    occurrence: &crate::detect::Occurrence,
    first_letter_misread: bool,
    language: Language,
) -> String {
    if language == Language::English && word == "i" {
        return "I".to_string();
    }
    let case = match occurrence.case {
        Case::Lower
            if first_letter_misread
                && occurrence.sentence_start
                && opens_sentence(&text[..occurrence.span.start]) =>
        {
            Case::Title
        }
        case => case,
    };
    with_case(word, case)
}

/// Whether a word after `before` opens a sentence in the strict sense: the
/// text starts there, or sentence-final punctuation precedes it (a line
/// break in wrapped prose is no sentence start).
fn opens_sentence(before: &str) -> bool {
    let last = before
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'(\u{201c}\u{2018}".contains(c))
        .chars()
        .next_back();
    matches!(last, None | Some('.' | '!' | '?'))
}

/// Known words that a learned glyph confusion explains better than their
/// own spelling: a misread `and` that reads as the rare word `aud`, or `I`
/// read as the letter `l`. Such a word is a real word, so it is no suspect;
/// what gives it away is the document. It occurs at least
/// [`MIN_MISREAD_OVERREPRESENTATION`] times more often than its frequency
/// predicts (and at least [`MIN_MISREAD_TOKENS`] times), and one confusion
/// makes it a word at least [`MIN_MISREAD_FREQUENCY_RATIO`] times more
/// common. Only glyph rules are used: only a scanner damages words
/// this way.
pub(crate) fn rewrite_misread_words(
    text: &str,
    tokens: &[Token],
    rules: &RuleSet,
    lexicon: &Lexicon,
) -> Vec<Edit> {
    let glyphs: Vec<&Rule> = rules
        .rules()
        .iter()
        .filter(|r| r.kind == RuleKind::Glyph)
        .collect();
    if glyphs.is_empty() {
        return Vec::new();
    }
    let Ok(matcher) = AhoCorasick::new(glyphs.iter().map(|r| r.from.as_str())) else {
        return Vec::new();
    };
    let words = text.split_whitespace().count() as f64;
    // Known word types that hold a confusion's read side, with where they
    // occur and whether they are written like a word (not like a name).
    // Each spelling is a word or not on its own (`Mv` is an entry, `mv` a
    // suspect that rewrite has already seen).
    let mut known: HashMap<&str, Option<u64>> = HashMap::new();
    let mut types: HashMap<String, (u64, Vec<&Token>, bool)> = HashMap::new();
    for token in tokens {
        if token.case == Case::Upper || token.has_digits {
            continue;
        }
        let word = &text[token.span.clone()];
        let Some(frequency) = *known.entry(word).or_insert_with(|| lexicon.lookup(word)) else {
            continue;
        };
        let lower = word.to_lowercase();
        if !matcher.is_match(&lower) {
            continue;
        }
        let entry = types
            .entry(lower)
            .or_insert_with(|| (frequency, Vec::new(), false));
        entry.0 = entry.0.max(frequency);
        entry.1.push(token);
        // Written like a name only if never lowercase and never where any
        // word is capitalised.
        entry.2 |= token.case == Case::Lower || token.sentence_start;
    }
    let mut edits = Vec::new();
    for (word, (frequency, found, lowercase)) in types {
        let expected = words * frequency as f64 / 1e9;
        if !lowercase
            || frequency > MAX_MISREAD_WORD_FREQUENCY
            || found.len() < MIN_MISREAD_TOKENS
            || (found.len() as f64) < MIN_MISREAD_OVERREPRESENTATION * expected.max(MIN_EXPECTED)
        {
            continue;
        }
        let best = matcher
            .find_overlapping_iter(&word)
            .filter_map(|m| {
                let rule = glyphs[m.pattern().as_usize()];
                let restored = format!("{}{}{}", &word[..m.start()], rule.to, &word[m.end()..]);
                let f = lexicon.frequency(&restored)?;
                (f >= frequency.saturating_mul(MIN_MISREAD_FREQUENCY_RATIO)).then_some((
                    f,
                    restored,
                    rule,
                    m.start() == 0,
                ))
            })
            .max_by_key(|(f, restored, _, _)| (*f, Reverse(restored.clone())));
        let Some((_, restored, rule, first)) = best else {
            continue;
        };
        for token in found {
            let occurrence = crate::detect::Occurrence {
                span: token.span.clone(),
                case: token.case,
                sentence_start: token.sentence_start,
            };
            edits.push(Edit {
                span: token.span.clone(),
                before: text[token.span.clone()].to_string(),
                after: restored_case(text, &restored, &occurrence, first, lexicon.language()),
                rules: vec![(rule.from.clone(), rule.to.clone())],
                confidence: rule.confidence * MISREAD_CONFIDENCE,
                whole_word: false,
            });
        }
    }
    edits.sort_by_key(|e| e.span.start);
    edits
}

/// Only rare words are taken for misread ones (per billion words, Zipf 4):
/// a common word (`lie` in Genesis, where a scanner also read `he` as
/// `lie`) occurs in its own right too, and repairing its every occurrence
/// would damage those.
const MAX_MISREAD_WORD_FREQUENCY: u64 = 10_000;

/// A misread real word must occur at least this many times...
const MIN_MISREAD_TOKENS: usize = 3;

/// ... at least this many times more often than its frequency predicts
/// (`aud` 59 times in a novel that should hold it once in ten thousand
/// words)...
const MIN_MISREAD_OVERREPRESENTATION: f64 = 20.0;

/// ... counting at least this many expected occurrences for rare words.
const MIN_EXPECTED: f64 = 0.1;

/// ... and one confusion must make it a word at least this many times more
/// common (`aud` → `and`, `l` → `I`).
const MIN_MISREAD_FREQUENCY_RATIO: u64 = 50;

/// A misread real word is repaired with less confidence than its rule:
/// the evidence is about the document, not the word.
const MISREAD_CONFIDENCE: f64 = 0.9;

/// `word` (lowercase) written in the case pattern `case`.
pub(crate) fn with_case(word: &str, case: Case) -> String {
    match case {
        Case::Lower => word.to_string(),
        Case::Upper => word.to_uppercase(),
        Case::Title => {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// Keeps the first of any edits that overlap (`edits` sorted by start), so
/// that the edits of separate stages can never collide when applied.
pub(crate) fn drop_overlaps(edits: &mut Vec<Edit>) {
    let mut end = 0;
    edits.retain(|e| {
        let keep = e.span.start >= end;
        if keep {
            end = e.span.end;
        }
        keep
    });
}

/// The text with `edits` (sorted, non-overlapping) applied, copying the gaps
/// between them once.
pub(crate) fn apply(text: &str, edits: &[Edit]) -> String {
    splice(
        text,
        edits.iter().map(|e| (e.span.clone(), e.after.as_str())),
    )
}

/// `text` with each `(span, replacement)` (sorted, non-overlapping) put in,
/// copying the gaps once: [`apply`] for any stage's repairs.
pub(crate) fn splice<'r>(
    text: &str,
    parts: impl IntoIterator<Item = (Range<usize>, &'r str)>,
) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut at = 0;
    for (span, after) in parts {
        out.push_str(&text[at..span.start]);
        out.push_str(after);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Edits to `text` that do what `first` and then `then` do, where `then`'s
/// spans point into `text` with `first` applied. An edit of `then` that
/// touches the output of an edit of `first` becomes one edit with it (a
/// word rejoined at a line end and then repaired by a rule); the others are
/// kept as they are, moved back into `text`'s offsets.
pub(crate) fn compose(text: &str, first: Vec<Edit>, then: Vec<Edit>) -> Vec<Edit> {
    if first.is_empty() {
        return then;
    }
    // Where each edit of `first` put its text, in the edited text.
    let mut outputs = Vec::with_capacity(first.len());
    let mut shift: isize = 0;
    for edit in &first {
        let start = (edit.span.start as isize + shift) as usize;
        outputs.push(start..start + edit.after.len());
        shift += edit.after.len() as isize - edit.span.len() as isize;
    }
    // Offsets in the edited text map back through the edits before them.
    let back = |at: usize, k: usize| -> usize {
        match k.checked_sub(1) {
            None => at,
            Some(prev) => first[prev].span.end + (at - outputs[prev].end),
        }
    };
    let mut out: Vec<Edit> = Vec::with_capacity(first.len() + then.len());
    let mut next = 0;
    for edit in then {
        // `first` edits entirely before this one stay as they are; those
        // whose output overlaps it merge with it.
        while next < first.len() && outputs[next].end <= edit.span.start {
            out.push(first[next].clone());
            next += 1;
        }
        let mut merged: Vec<usize> = Vec::new();
        let mut k = next;
        while k < first.len() && outputs[k].start < edit.span.end {
            merged.push(k);
            k += 1;
        }
        if merged.is_empty() {
            let start = back(edit.span.start, next);
            let end = back(edit.span.end, next);
            out.push(Edit {
                span: start..end,
                ..edit
            });
            continue;
        }
        let (a, b) = (merged[0], merged[merged.len() - 1]);
        let start_new = edit.span.start.min(outputs[a].start);
        let end_new = edit.span.end.max(outputs[b].end);
        let start = if start_new < outputs[a].start {
            back(start_new, a)
        } else {
            first[a].span.start
        };
        let end = if end_new > outputs[b].end {
            back(end_new, b + 1)
        } else {
            first[b].span.end
        };
        // The new text: what `first` made of the region, with `edit`
        // applied to it.
        let mut region = String::new();
        let mut at = start;
        for &m in &merged {
            region.push_str(&text[at..first[m].span.start]);
            region.push_str(&first[m].after);
            at = first[m].span.end;
        }
        region.push_str(&text[at..end]);
        let offset = edit.span.start - start_new;
        let mut after = String::with_capacity(region.len() + edit.after.len());
        after.push_str(&region[..offset]);
        after.push_str(&edit.after);
        after.push_str(&region[offset + edit.span.len()..]);
        let mut rules: Vec<(String, String)> = merged
            .iter()
            .flat_map(|&m| first[m].rules.iter().cloned())
            .collect();
        rules.extend(edit.rules);
        let confidence = merged
            .iter()
            .map(|&m| first[m].confidence)
            .fold(edit.confidence, f64::min);
        out.push(Edit {
            span: start..end,
            before: text[start..end].to_string(),
            after,
            rules,
            confidence,
            whole_word: false,
        });
        next = k;
    }
    out.extend(first[next..].iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph_rule(from: &str, to: &str) -> Rule {
        Rule {
            from: from.to_string(),
            to: to.to_string(),
            kind: RuleKind::Glyph,
            words: 20,
            tokens: 40,
            confidence: 1.0,
            rate: Some(0.2),
            keyness: None,
            examples: vec![],
        }
    }

    #[test]
    fn glyph_rules_pick_the_places_that_make_a_word() {
        let lexicon = Lexicon::english().unwrap();
        let rules = RuleSet::new(vec![glyph_rule("rn", "m"), glyph_rule("c", "e")]);
        let text = "The rnodern rnernbers scc a Modern Base1 and Base2.";
        let tokens = crate::tokenize::tokenize(text);
        let suspects = crate::detect::detect(text, &tokens, &lexicon, 45, true).suspects;
        let edits = rewrite(text, &suspects, &rules, &lexicon, true);
        let changes: Vec<(&str, &str)> = edits
            .iter()
            .map(|e| (e.before.as_str(), e.after.as_str()))
            .collect();
        // `modern` keeps its own `rn`; `rnernbers` needs the rule twice;
        // `scc` is `see` (one rule, the commoner word), not `sec`; numbered
        // names stay.
        assert_eq!(
            changes,
            [
                ("rnodern", "modern"),
                ("rnernbers", "members"),
                ("scc", "see")
            ]
        );
    }

    #[test]
    fn misread_words_are_known_spellings_only() {
        let lexicon = Lexicon::english().unwrap();
        let mut rule = glyph_rule("v", "y");
        rule.words = 5;
        let rules = RuleSet::new(vec![rule]);
        // `Mv` is a dictionary entry, `mv` a suspect: only rewrite repairs
        // the suspect, and the rare entry, seen far too often, is `My`.
        let text = "Mv dear. mv hat. Mv word. Mv way. Mv son. mv dog.".repeat(3);
        let tokens = crate::tokenize::tokenize(&text);
        let edits = rewrite_misread_words(&text, &tokens, &rules, &lexicon);
        assert!(!edits.is_empty());
        assert!(
            edits.iter().all(|e| e.before == "Mv" && e.after == "My"),
            "{edits:?}"
        );
        let mut both = edits.clone();
        both.extend(edits.iter().take(1).cloned());
        both.sort_by_key(|e| e.span.start);
        drop_overlaps(&mut both);
        assert_eq!(both.len(), edits.len());
    }

    #[test]
    fn restores_case_patterns() {
        assert_eq!(with_case("country", Case::Lower), "country");
        assert_eq!(with_case("country", Case::Title), "Country");
        assert_eq!(with_case("ärger", Case::Title), "Ärger");
        assert_eq!(with_case("end", Case::Upper), "END");
    }

    fn edit(text: &str, span: Range<usize>, after: &str) -> Edit {
        Edit {
            before: text[span.clone()].to_string(),
            span,
            after: after.to_string(),
            rules: vec![("x".to_string(), "y".to_string())],
            confidence: 1.0,
            whole_word: false,
        }
    }

    #[test]
    fn composed_edits_do_both_steps() {
        let text = "The recom-\nrnendation is fine. A tbe.";
        let first = vec![edit(text, 4..22, "recomrnendation\n")];
        let middle = apply(text, &first);
        assert_eq!(middle, "The recomrnendation\nis fine. A tbe.");
        let then = vec![
            edit(&middle, 4..19, "recommendation"),
            edit(&middle, 31..34, "the"),
        ];
        let done = apply(&middle, &then);
        let composed = compose(text, first.clone(), then);
        assert_eq!(apply(text, &composed), done);
        assert_eq!(composed.len(), 2);
        assert_eq!(composed[0].span, 4..22);
        assert_eq!(composed[0].rules.len(), 2);
        assert_eq!(&text[composed[1].span.clone()], "tbe");
        // Nothing afterwards: the first edits stand alone.
        assert_eq!(compose(text, first.clone(), vec![]), first);
    }

    #[test]
    fn composition_keeps_separate_edits_apart() {
        let text = "caf\u{c3}\u{a9} and a tbe word";
        let first = vec![edit(text, 3..7, "\u{e9}")];
        let middle = apply(text, &first);
        let at = middle.find("tbe").unwrap();
        let then = vec![edit(&middle, at..at + 3, "the")];
        let composed = compose(text, first, then);
        assert_eq!(composed.len(), 2);
        assert_eq!(apply(text, &composed), "caf\u{e9} and a the word");
    }

    #[test]
    fn applies_edits_and_copies_the_gaps() {
        let edit = |span: Range<usize>, after: &str| Edit {
            span,
            before: String::new(),
            after: after.to_string(),
            rules: vec![],
            confidence: 1.0,
            whole_word: false,
        };
        let text = "to attfinish the agfinisha.";
        let edits = [edit(3..12, "attend"), edit(17..26, "agenda")];
        assert_eq!(apply(text, &edits), "to attend the agenda.");
        assert_eq!(apply(text, &[]), text);
    }
}
