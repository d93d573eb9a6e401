//! Whole-word swaps: real words a spinner put in place of commoner synonyms
//! (`told → notified`, `use → utilize`), which no dictionary flags.
//!
//! A spinner applies its table inside words and to whole words alike, so the
//! in-word rules that **learn** found (`notify → tell`, from
//! `innotifyigence`) are the evidence for whole-word swaps too: a word that
//! reads as an inflection of a rule's replaced side (`notified`: *notify*,
//! past) stands for the same inflection of the original (`told`), when that
//! form is missing from the text and each occurrence's neighbours fit the
//! original at least as well (`she told him` against `she notified him`).
//! The thesaurus alone proposes no swaps: on spun test texts, pairs it
//! relates were mostly an author's own choices (`dear` for `love`).
//! Because both sides are real words, the repairs are suggestions unless
//! asked for.

use std::collections::{HashMap, HashSet};

use crate::edit::{Edit, EditKind};
use crate::formats::rules::{Rule, RuleKind, RuleSet};
use crate::knowledge::lexicon::{expected_count, Lexicon};
use crate::knowledge::morphology::{inflect, readings};
use crate::knowledge::ngrams::Ngrams;
use crate::stages::tokenize::with_case;
use crate::stages::tokenize::{Case, Token};

/// The most one occurrence's context can add or take, in natural-log
/// units: one idiomatic pair must not outweigh the counts.
const MAX_CONTEXT: f64 = 3.0;

/// Context gains this close to zero are ties (rounding in the counts).
const TIE: f64 = 1e-6;

/// Without word-pair counts (outside English), a whole-word swap needs an
/// in-word rule proven by at least this many distinct words: a rule seen in
/// one or two words would otherwise turn every occurrence of a common word
/// (`paquet`) into its partner.
const MIN_LITERAL_SUPPORT: usize = 3;

/// ... and the rule's original (`arbeit`) must be expected at least this
/// many times in the scope by its frequency (the in-word stage's telling
/// absence).
const MIN_LITERAL_EXPECTED: f64 = 3.0;

/// ... and the form the word stands for at least this many times.
const MIN_LITERAL_FORM_EXPECTED: f64 = 1.0;

/// The data the stage reads: the text's dictionary, and for English the
/// inflections and word-pair counts. Without them (the other languages), a
/// word stands for the original only as a rule's literal rendering of it
/// (`Tätigkeit·en` for `Arbeit·en`), and its neighbours are not weighed.
pub(crate) struct Knowledge<'a> {
    pub(crate) lexicon: &'a Lexicon,
    pub(crate) ngrams: Option<&'a Ngrams>,
}

/// One text of a scope: the text, its tokens and the in-word edits already
/// made to it.
#[derive(Clone, Copy)]
pub(crate) struct Source<'t> {
    pub(crate) text: &'t str,
    pub(crate) tokens: &'t [Token],
    pub(crate) edits: &'t [Edit],
}

/// The whole-word swaps that `sources` (one text, or a batch) give
/// evidence for, most over-represented word first, given the in-word
/// `rules` learned from them. Text without in-word swap rules shows no
/// spinner and gets none.
pub(crate) fn learn(sources: &[Source], rules: &RuleSet, data: &Knowledge) -> Vec<Rule> {
    // Lemma pairs the text showed as in-word rules, `from → to`.
    let mut backed: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in rules.rules() {
        // Without word-pair counts no occurrence is checked against its
        // neighbours, so the rule must be proven by several words.
        let proven = data.ngrams.is_some() || r.words >= MIN_LITERAL_SUPPORT;
        if matches!(r.kind, RuleKind::Synonym | RuleKind::WordSwap) && proven {
            backed
                .entry(r.from.as_str())
                .or_default()
                .push(r.to.as_str());
        }
    }
    if backed.is_empty() {
        return Vec::new();
    }
    let counts = word_counts(sources);
    let expected =
        |word: &str| expected_count(counts.words, data.lexicon.frequency(word).unwrap_or(0));
    let mut candidates: Vec<Candidate> = Vec::new();
    for (word, &n) in &counts.seen {
        if counts.restored.contains(word) {
            continue;
        }
        if data.lexicon.frequency(word).is_none() {
            continue;
        }
        for (lemma, original_lemma, original) in originals(word, &backed, data) {
            if original == *word || counts.seen.contains_key(&original) {
                continue;
            }
            // What the rule itself makes of the original (`started` →
            // `begined`): if the text holds that instead, it is the
            // spinner's form, and the word is the author's own (`began`).
            let literal = original.replace(original_lemma, &lemma);
            if literal != *word && counts.seen.contains_key(&literal) {
                continue;
            }
            // Without context, the absence of the rule's original must be
            // telling, and so must the absence of the form itself (the
            // author's own `termes` is no spun `fins`, which French seldom
            // writes).
            if data.ngrams.is_none()
                && (expected(original_lemma) < MIN_LITERAL_EXPECTED
                    || expected(&original) < MIN_LITERAL_FORM_EXPECTED)
            {
                continue;
            }
            candidates.push(Candidate {
                word: word.clone(),
                original,
                lemmas: (lemma, original_lemma.to_string()),
                count: n,
                keyness: keyness(n, expected(word)),
                context: 0.0,
            });
        }
    }
    // The context check, summed over every occurrence in the scope.
    if let Some(ngrams) = data.ngrams {
        let wanted: HashSet<String> = candidates.iter().map(|c| c.word.clone()).collect();
        let contexts = neighbours(sources, &wanted, data.lexicon);
        for c in &mut candidates {
            c.context = contexts
                .get(c.word.as_str())
                .into_iter()
                .flatten()
                .map(|(left, right)| context_gain(ngrams, left, right, &c.original, &c.word))
                .sum();
        }
    }
    // The neighbours must not, on the whole, prefer the word in the text;
    // each word keeps the original they like best.
    candidates.retain(|c| c.context > -TIE);
    candidates.sort_by(|a, b| {
        a.word
            .cmp(&b.word)
            .then(b.context.total_cmp(&a.context))
            .then(a.original.cmp(&b.original))
    });
    candidates.dedup_by(|later, earlier| later.word == earlier.word);
    candidates.sort_by(|a, b| b.keyness.total_cmp(&a.keyness).then(a.word.cmp(&b.word)));
    candidates
        .into_iter()
        .map(|c| {
            // As sure as the in-word rule behind it, times the share of
            // the word's occurrences a swap accounts for when the author
            // also writes the word itself (`believe` where a spinner put it
            // for `think`): the original's frequency over both.
            let rule = rules
                .rules()
                .iter()
                .filter(|r| r.from == c.lemmas.0 && r.to == c.lemmas.1)
                .map(|r| r.confidence)
                .fold(0.0, f64::max);
            let frequency = |w: &str| data.lexicon.frequency(w).unwrap_or(0) as f64;
            let (original, word) = (frequency(&c.original), frequency(&c.word));
            let share = if original + word > 0.0 {
                original / (original + word)
            } else {
                1.0
            };
            let confidence = rule * share;
            Rule {
                from: c.word,
                to: c.original,
                kind: RuleKind::WholeWord,
                words: 1,
                tokens: c.count,
                confidence,
                rate: None,
                keyness: Some(c.keyness),
                examples: vec![c.lemmas],
            }
        })
        .collect()
}

/// The originals `word` may stand for under the in-word rules' lemma pairs
/// (`backed`, `from → to`), as `(lemma of word, lemma of original,
/// original)`: with English morphology, the same inflection of a lemma
/// pair (`notified` → `told`); otherwise the rule's literal rendering of a
/// dictionary word that starts with its side (`tätigkeiten` → `arbeiten`).
fn originals<'b>(
    word: &str,
    backed: &HashMap<&str, Vec<&'b str>>,
    data: &Knowledge,
) -> Vec<(String, &'b str, String)> {
    let mut found = Vec::new();
    if data.ngrams.is_none() {
        for (&lemma, originals) in backed {
            let Some(rest) = word.strip_prefix(lemma) else {
                continue;
            };
            for &original_lemma in originals {
                let original = format!("{original_lemma}{rest}");
                if data.lexicon.frequency(&original).is_some() {
                    found.push((lemma.to_string(), original_lemma, original));
                }
            }
        }
        return found;
    }
    let word_readings = readings(word, data.lexicon);
    for (lemma, slot) in &word_readings {
        for &original_lemma in backed.get(lemma.as_str()).into_iter().flatten() {
            if word_readings.iter().any(|(l, _)| l == original_lemma) {
                continue;
            }
            for original in inflect(original_lemma, *slot, data.lexicon) {
                found.push((lemma.clone(), original_lemma, original));
            }
        }
    }
    found
}

/// A possible swap `original → word`, with its evidence.
struct Candidate {
    /// The word in the text (`stated`).
    word: String,
    /// The word it stands for (`said`).
    original: String,
    /// Their lemmas (`state`, `say`).
    lemmas: (String, String),
    count: usize,
    /// G² of the word's count against its expected count.
    keyness: f64,
    /// The summed context gain of the original over the word, in natural
    /// log units.
    context: f64,
}

/// The whole-word repairs `swaps` make in `source`: every occurrence whose
/// case allows it (lowercase, or capitalised where a sentence opens) and
/// whose neighbours fit the original at least as well as the word.
pub(crate) fn apply(source: &Source, swaps: &[Rule], data: &Knowledge) -> Vec<Edit> {
    let by_word: HashMap<&str, &Rule> = swaps
        .iter()
        .filter(|r| r.kind == RuleKind::WholeWord)
        .map(|r| (r.from.as_str(), r))
        .collect();
    if by_word.is_empty() {
        return Vec::new();
    }
    let edited = |span: &std::ops::Range<usize>| {
        source
            .edits
            .iter()
            .any(|e| e.span.start < span.end && span.start < e.span.end)
    };
    let mut edits = Vec::new();
    for (i, token) in source.tokens.iter().enumerate() {
        let Some(word) = eligible(source.text, token, data.lexicon) else {
            continue;
        };
        let Some(rule) = by_word.get(word.as_str()) else {
            continue;
        };
        if edited(&token.span) {
            continue;
        }
        if let Some(ngrams) = data.ngrams {
            let (left, right) = around(source, i);
            if context_gain(ngrams, &left, &right, &rule.to, &rule.from) <= -TIE {
                continue;
            }
        }
        edits.push(Edit {
            span: token.span.clone(),
            before: source.text[token.span.clone()].to_string(),
            after: with_case(&rule.to, token.case),
            rules: vec![(rule.from.clone(), rule.to.clone())],
            confidence: rule.confidence,
            kind: EditKind::WholeWord,
            reason: None,
            chars: 0..0,
        });
    }
    edits
}

/// G² keyness of a word seen `n` times where `expected` were expected; 0
/// unless it is over-represented.
fn keyness(n: usize, expected: f64) -> f64 {
    let n = n as f64;
    if expected <= 0.0 || n <= expected {
        return 0.0;
    }
    2.0 * (n * (n / expected).ln() - (n - expected))
}

/// The words of a scope.
struct Counts {
    /// Lowercase word → occurrences, in-word repairs counted as the words
    /// they restored.
    seen: HashMap<String, usize>,
    /// Words that in-word repairs restored: repairs already, never swaps.
    restored: HashSet<String>,
    /// Word tokens.
    words: usize,
}

fn word_counts(sources: &[Source]) -> Counts {
    let mut counts = Counts {
        seen: HashMap::new(),
        restored: HashSet::new(),
        words: 0,
    };
    for source in sources {
        for token in source.tokens {
            if token.has_digits {
                continue;
            }
            counts.words += 1;
            *counts
                .seen
                .entry(source.text[token.span.clone()].to_lowercase())
                .or_default() += 1;
        }
        for edit in source.edits {
            for word in edit.after.split(|c: char| !c.is_alphabetic()) {
                if !word.is_empty() {
                    let word = word.to_lowercase();
                    *counts.seen.entry(word.clone()).or_default() += 1;
                    counts.restored.insert(word);
                }
            }
        }
    }
    counts
}

/// The lowercase form of a token that a whole-word swap may touch: all
/// letters, lowercase or capitalised at a sentence opening (elsewhere a
/// capital marks a name: `State Department`), or anywhere in a language
/// that capitalises its nouns.
fn eligible(text: &str, token: &Token, lexicon: &Lexicon) -> Option<String> {
    let word = &text[token.span.clone()];
    if token.has_digits || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    match token.case {
        Case::Lower => Some(word.to_string()),
        Case::Title if token.sentence_start || lexicon.language().capitalises_nouns() => {
            Some(word.to_lowercase())
        }
        _ => None,
    }
}

type Neighbours = (Option<String>, Option<String>);

/// The neighbours of every eligible occurrence of the `wanted` words.
fn neighbours(
    sources: &[Source],
    wanted: &HashSet<String>,
    lexicon: &Lexicon,
) -> HashMap<String, Vec<Neighbours>> {
    let mut found: HashMap<String, Vec<Neighbours>> = HashMap::new();
    for source in sources {
        for (i, token) in source.tokens.iter().enumerate() {
            let Some(word) = eligible(source.text, token, lexicon) else {
                continue;
            };
            if wanted.contains(&word) {
                found.entry(word).or_default().push(around(source, i));
            }
        }
    }
    found
}

/// The lowercase words just before and after token `i`, where only
/// whitespace separates them from it.
fn around(source: &Source, i: usize) -> Neighbours {
    let tokens = source.tokens;
    let span = &tokens[i].span;
    let adjacent = |a: usize, b: usize| source.text[a..b].chars().all(char::is_whitespace);
    let left = i
        .checked_sub(1)
        .map(|j| &tokens[j])
        .filter(|t| adjacent(t.span.end, span.start))
        .map(|t| source.text[t.span.clone()].to_lowercase());
    let right = tokens
        .get(i + 1)
        .filter(|t| adjacent(span.end, t.span.start))
        .map(|t| source.text[t.span.clone()].to_lowercase());
    (left, right)
}

/// How much better `original` fits the neighbours than `word`, in natural
/// log units, capped at [`MAX_CONTEXT`] either way.
fn context_gain(
    ngrams: &Ngrams,
    left: &Option<String>,
    right: &Option<String>,
    original: &str,
    word: &str,
) -> f64 {
    let (left, right) = (left.as_deref(), right.as_deref());
    let gain = (ngrams.fit(left, original, right) - ngrams.fit(left, word, right))
        * std::f64::consts::LN_10;
    gain.clamp(-MAX_CONTEXT, MAX_CONTEXT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::tokenize::tokenize;

    #[test]
    fn keyness_counts_only_over_representation() {
        assert_eq!(keyness(1, 2.0), 0.0);
        assert_eq!(keyness(3, 0.0), 0.0);
        // Three where 0.026 were expected: far beyond chance.
        assert!(keyness(3, 0.026) > 20.0);
        assert!(keyness(2, 0.5) < keyness(2, 0.05));
    }

    #[test]
    fn neighbours_stop_at_punctuation() {
        let text = "He reportedly stated. She stated that";
        let tokens = tokenize(text);
        let source = Source {
            text,
            tokens: &tokens,
            edits: &[],
        };
        assert_eq!(around(&source, 2), (Some("reportedly".to_string()), None));
        assert_eq!(
            around(&source, 4),
            (Some("she".to_string()), Some("that".to_string()))
        );
    }

    #[test]
    fn swaps_follow_in_word_rules_keep_the_inflection_and_heed_context() {
        let lexicon = Lexicon::english().unwrap();
        let ngrams = Ngrams::english().unwrap();
        let data = Knowledge {
            lexicon: &lexicon,
            ngrams: Some(&ngrams),
        };
        let text = "Notified of it, she notified him. He was notifying them.";
        let tokens = tokenize(text);
        let source = || Source {
            text,
            tokens: &tokens,
            edits: &[],
        };
        let in_word = |from: &str, to: &str| Rule {
            from: from.to_string(),
            to: to.to_string(),
            kind: RuleKind::WordSwap,
            words: 1,
            tokens: 1,
            confidence: 0.75,
            rate: None,
            keyness: None,
            examples: Vec::new(),
        };
        // No in-word rule, no spinner: nothing is suspected.
        assert!(learn(&[source()], &RuleSet::default(), &data).is_empty());
        let rules = RuleSet::new(vec![in_word("notify", "tell")]);
        let swaps = learn(&[source()], &rules, &data);
        let pairs: Vec<(&str, &str)> = swaps
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect();
        assert!(pairs.contains(&("notified", "told")), "{pairs:?}");
        assert!(pairs.contains(&("notifying", "telling")), "{pairs:?}");
        assert!(swaps.iter().all(|r| r.kind == RuleKind::WholeWord));
        let edits = apply(&source(), &swaps, &data);
        let after: Vec<&str> = edits.iter().map(|e| e.after.as_str()).collect();
        // `notified of` is idiomatic and `told of` less so: that one stays.
        assert_eq!(after, ["told", "telling"]);
        // The rule's 0.75, times the share of `notified` a swap accounts for
        // (`told` is 50 times commoner).
        assert!(edits
            .iter()
            .all(|e| e.is_whole_word() && e.confidence < 0.75 && e.confidence > 0.7));
    }

    #[test]
    fn without_word_pairs_swaps_are_the_rules_literal_renderings() {
        let lexicon = Lexicon::for_language(crate::knowledge::language::Language::German).unwrap();
        let data = Knowledge {
            lexicon: &lexicon,
            ngrams: None,
        };
        // A German text whose `Arbeit` a spinner made `Tätigkeit` all
        // through: a text this long should hold `Arbeit` several times.
        let sentence = "Die Tätigkeit ist getan und die Tätigkeiten sind getan. ";
        let text = sentence.repeat(1000);
        let tokens = tokenize(&text);
        let source = Source {
            text: &text,
            tokens: &tokens,
            edits: &[],
        };
        let rule = |words: usize| Rule {
            from: "tätigkeit".to_string(),
            to: "arbeit".to_string(),
            kind: RuleKind::Synonym,
            words,
            tokens: words,
            confidence: 0.9,
            rate: None,
            keyness: None,
            examples: Vec::new(),
        };
        // With no context to check, a rule seen in two words is too weak.
        assert!(learn(&[source], &RuleSet::new(vec![rule(2)]), &data).is_empty());
        let swaps = learn(&[source], &RuleSet::new(vec![rule(3)]), &data);
        let mut pairs: Vec<(&str, &str)> = swaps
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect();
        pairs.sort_unstable();
        assert_eq!(
            pairs,
            [("tätigkeit", "arbeit"), ("tätigkeiten", "arbeiten")]
        );
        // German nouns are capitalised anywhere in a sentence.
        let edits = apply(&source, &swaps, &data);
        assert_eq!(edits.len(), 2000);
        assert!(edits[..2]
            .iter()
            .map(|e| e.after.as_str())
            .eq(["Arbeit", "Arbeiten"]));
    }
}
