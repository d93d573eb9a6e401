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

use crate::knowledge::glyphs::unglyph;
use crate::knowledge::language::Language;
use crate::stages::detect::{evidence, Evidence, SuspectType};

use crate::edit::{Edit, EditKind};
use crate::formats::rules::{Rule, RuleKind, RuleSet};
use crate::knowledge::lexicon::{expected_count, Lexicon, LONG_S};
use crate::stages::tokenize::{with_case, Case, Token};

/// A suspect is rewritten by trying every rule match in it alone, and at
/// most this many (those of the strongest rules) in twos and threes, which
/// bounds the combinations tried to 84 per suspect type (a scanner can
/// misread several glyphs of one word).
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
    if rules.is_empty() && !glyphs {
        return Vec::new();
    }
    let Some(matcher) = rules.matcher() else {
        return Vec::new();
    };
    let rules = rules.rules();
    let series = numbered_series(suspects);
    let mut edits = Vec::new();
    for suspect in suspects {
        // Numbered names stay, and so does the period's own spelling in a
        // transcription that keeps the long s.
        if (suspect.has_digits && series.contains(&digits_masked(&suspect.key)))
            || suspect.has_long_s
        {
            continue;
        }
        let unglyphed = glyphs.then(|| unglyph(&suspect.key)).flatten();
        let restoration = match unglyphed {
            Some((key, undone)) => {
                let mut r = match lexicon.frequency(&key) {
                    Some(_) => None,
                    None => restore(&key, rules, matcher, lexicon, suspect),
                }
                .unwrap_or(Restoration {
                    word: key,
                    rules: Vec::new(),
                    glyphs: Vec::new(),
                });
                r.glyphs = undone;
                r
            }
            None => match restore(&suspect.key, rules, matcher, lexicon, suspect) {
                Some(r) => r,
                None => continue,
            },
        };
        let applied: Vec<&Rule> = restoration.rules.iter().map(|&k| &rules[k]).collect();
        let confidence = applied.iter().map(|r| r.confidence).fold(1.0, f64::min);
        let mut pairs = restoration.glyphs.clone();
        pairs.extend(applied.iter().map(|r| (r.from.clone(), r.to.clone())));
        // Ligatures, look-alikes and glyph confusions are a scanner's
        // damage; any word-swap rule makes it a spinner's.
        let kind = if applied.iter().all(|r| r.kind == RuleKind::Glyph) {
            EditKind::Glyph
        } else {
            EditKind::WordSwap
        };
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
                kind,
                reason: None,
                chars: 0..0,
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
    let mut matches: Vec<(usize, Range<usize>)> = matcher
        .find_overlapping_iter(key)
        .filter(|m| usable(&rules[m.pattern().as_usize()]))
        .map(|m| (m.pattern().as_usize(), m.range()))
        .collect();
    // Every match is tried alone; only the strongest rules' matches are
    // combined, so that rules unrelated to a word (a reviewed file of a
    // million) cannot crowd out the ones that repair it.
    let singles = matches.clone();
    if matches.len() > MAX_MATCHES {
        matches.sort_by_key(|(k, range)| (Reverse(rules[*k].words), range.start, *k));
        matches.truncate(MAX_MATCHES);
        matches.sort_by_key(|(k, range)| (range.start, *k));
    }

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
    for a in &singles {
        consider(&[a]);
    }
    for (i, a) in matches.iter().enumerate() {
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
    let strength = |(r, frequency): &(Restoration, u64)| {
        let weakest = r.rules.iter().map(|&k| rules[k].words).min().unwrap_or(0);
        let mut distinct = r.rules.clone();
        distinct.sort_unstable();
        distinct.dedup();
        (weakest, Reverse(distinct.len()), *frequency)
    };
    let scored: Vec<_> = found.into_iter().map(|f| (strength(&f), f.0)).collect();
    let best = scored.iter().map(|(s, _)| *s).max()?;
    // Unlisted compounds (frequency 0) that the same rules make in more
    // than one way say nothing of which was meant: a spinner's `lijn →
    // streep` made `streepstreep` of `streeplijn`, which reads as
    // `lijnstreep`, `streeplijn` and `lijnlijn` alike.
    if best.2 == 0 && scored.iter().filter(|(s, _)| *s == best).count() > 1 {
        return None;
    }
    // Ties go to the alphabetically first word.
    scored
        .into_iter()
        .max_by(|(sa, a), (sb, b)| sa.cmp(sb).then_with(|| b.word.cmp(&a.word)))
        .map(|(_, r)| r)
}

/// A restored word in the case its occurrence calls for. When a glyph
/// confusion changed the first letter of a word that opens a sentence, the
/// letter was a capital (`lt` → `It`: a scanner reads `I` as `l`); the
/// English pronoun `I` is always a capital.
fn restored_case(
    text: &str,
    word: &str,
    occurrence: &crate::stages::detect::Occurrence,
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
    let words = text.split_whitespace().count();
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
        if word.contains(LONG_S) {
            continue;
        }
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
        let expected = expected_count(words, frequency);
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
            let occurrence = crate::stages::detect::Occurrence {
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
                kind: EditKind::Glyph,
                reason: None,
                chars: 0..0,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::drop_overlaps;

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

    /// Asserts that rewrite changes exactly `expected` (`(before, after)`,
    /// in order) in `text` with `rules`.
    fn assert_changes(
        text: &str,
        rules: &RuleSet,
        lexicon: &Lexicon,
        glyphs: bool,
        expected: &[(&str, &str)],
    ) {
        let tokens = crate::stages::tokenize::tokenize(text);
        let suspects = crate::stages::detect::detect(text, &tokens, lexicon, 45, glyphs).suspects;
        let edits = rewrite(text, &suspects, rules, lexicon, glyphs);
        let changes: Vec<(&str, &str)> = edits
            .iter()
            .map(|e| (e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(changes, expected);
    }

    #[test]
    fn glyph_rules_pick_the_places_that_make_a_word() {
        let lexicon = Lexicon::english().unwrap();
        let rules = RuleSet::new(vec![glyph_rule("rn", "m"), glyph_rule("c", "e")]);
        let text = "The rnodern rnernbers scc a Modern Base1 and Base2.";
        // `modern` keeps its own `rn`; `rnernbers` needs the rule twice;
        // `scc` is `see` (one rule, the commoner word), not `sec`; numbered
        // names stay.
        assert_changes(
            text,
            &rules,
            &lexicon,
            true,
            &[
                ("rnodern", "modern"),
                ("rnernbers", "members"),
                ("scc", "see"),
            ],
        );
    }

    #[test]
    fn an_unlisted_compound_read_in_several_ways_is_left() {
        // `lijn → streep` learned elsewhere; `streepdikte` has one reading
        // (`lijndikte`, a compound no dictionary lists), but `streepstreep`
        // (a spun `streeplijn`) reads as `lijnstreep`, `streeplijn` and
        // `lijnlijn` alike.
        let lexicon = Lexicon::for_language(Language::Dutch).unwrap();
        let rules = RuleSet::new(vec![Rule {
            kind: RuleKind::Synonym,
            words: 5,
            ..glyph_rule("streep", "lijn")
        }]);
        let text = "De streepdikte en de streepstreep van de tekening.";
        assert_changes(
            text,
            &rules,
            &lexicon,
            false,
            &[("streepdikte", "lijndikte")],
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
        let tokens = crate::stages::tokenize::tokenize(&text);
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
}
