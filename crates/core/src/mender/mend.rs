//! Mending one text: each language's part learned from (or given its
//! rules), rewritten, and its whole-word swaps found; the parts' edits
//! merged into one [`Mended`].

use std::borrow::Cow;
use std::collections::HashSet;

use super::prepare::{is_join_kept_only_in_scans, Prepared};
use super::route::{kept_tokens, masked};
use super::{Label, Mended, Mender, Mode, Skip};
use crate::edit::{apply, assign_char_spans, compose, drop_overlaps, Edit};
use crate::formats::rules::{RuleKind, RuleSet};
use crate::formats::stats::{occurs_outside, Text};
use crate::knowledge::language::Language;
use crate::stages::detect::SuspectType;
use crate::stages::rewrite::{rewrite, rewrite_misread_words};
use crate::stages::swaps::{self, Knowledge, Source};
use crate::stages::tokenize::{tokenize, Token};

/// Where the rules of one mending come from.
#[derive(Clone, Copy)]
pub(super) enum Plan<'r> {
    /// Learned from the text itself (or the mender's own rules when it does
    /// not learn).
    Learn,
    /// Exactly these, for every language (`Mender::apply`).
    Given(&'r RuleSet),
    /// What another mending learned, each language its own
    /// (`Mender::apply_learned`).
    Learned(&'r Learned),
    /// Learned from the text itself, then a group's rules that hold in it
    /// (`Mender::mend_pooled`).
    Pooled(&'r RuleSet),
}

/// The rules a text taught, per language: a text that mixes languages
/// learns each apart, so applying them elsewhere (the rest of a long input,
/// read block by block) must keep them apart too. Each language's rules
/// are the in-word rules and the whole-word swaps learned after them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Learned {
    languages: Vec<(Language, LanguageRules)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct LanguageRules {
    in_word: RuleSet,
    whole_word: RuleSet,
}

impl Learned {
    /// All the rules, every language's together, as [`Mended::rules`] gives
    /// them.
    pub fn rules(&self) -> RuleSet {
        let mut all = RuleSet::default();
        for (_, rules) in &self.languages {
            all = all.extended_with(&rules.in_word.extended_with(&rules.whole_word));
        }
        all
    }

    /// The languages that rules were learned for.
    pub fn languages(&self) -> impl Iterator<Item = Language> + '_ {
        self.languages.iter().map(|(l, _)| *l)
    }

    fn of(&self, language: Language) -> Option<&LanguageRules> {
        self.languages
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, r)| r)
    }
}

/// What mending a text in one language gave.
pub(super) struct Part {
    pub(super) edits: Vec<Edit>,
    /// Whole-word repairs not applied.
    pub(super) suggestions: Vec<Edit>,
    pub(super) rules: RuleSet,
    /// The rules as learned, apart.
    learned: LanguageRules,
    pub(super) suspect_tokens: usize,
    pub(super) word_edits: usize,
}

impl Mender {
    pub(super) fn mend_with<'a>(&self, text: &'a str, plan: Plan<'_>, label: Label) -> Mended<'a> {
        let tokens = tokenize(text);
        let mut groups = self.language_groups(text, &tokens, label);
        if groups.is_empty() {
            // Mojibake can hide a text's language, and needs no dictionary:
            // the language is judged again with it decoded, and it is
            // decoded whatever the language.
            let mut decoded = self.decoded_mojibake(text);
            let fixed = (!decoded.is_empty()).then(|| apply(text, &decoded));
            match fixed
                .as_deref()
                .and_then(|f| self.judge_labelled(f, &tokenize(f), label))
            {
                Some(language) => groups = vec![(language, None)],
                None => {
                    assign_char_spans(text, &mut decoded);
                    return Mended {
                        text: fixed.map_or(Cow::Borrowed(text), Cow::Owned),
                        edits: decoded,
                        suggestions: Vec::new(),
                        rules: RuleSet::default(),
                        learned: Learned::default(),
                        skipped: Some(Skip::UnsupportedLanguage),
                        suspect_tokens: 0,
                        word_edits: 0,
                    };
                }
            }
        }
        let mut edits: Vec<Edit> = Vec::new();
        let mut suggestions: Vec<Edit> = Vec::new();
        let mut rules = RuleSet::default();
        let mut learned = Learned::default();
        let (mut suspect_tokens, mut word_edits) = (0, 0);
        let single = groups.len() == 1 && groups[0].1.is_none();
        for (language, paragraphs) in groups {
            let part = match &paragraphs {
                None => self.mend_in(text, &tokens, language, plan),
                // Other paragraphs blanked byte for byte: offsets stay those
                // of `text`, and only this language's paragraphs are seen.
                Some(spans) => {
                    let kept = kept_tokens(&tokens, spans);
                    self.mend_in(&masked(text, spans), &kept, language, plan)
                }
            };
            learned.languages.push((language, part.learned));
            edits.extend(part.edits);
            suggestions.extend(part.suggestions);
            rules = if single {
                part.rules
            } else {
                rules.extended_with(&part.rules)
            };
            suspect_tokens += part.suspect_tokens;
            word_edits += part.word_edits;
        }
        edits.sort_by_key(|e| e.span.start);
        drop_overlaps(&mut edits);
        suggestions.sort_by_key(|e| e.span.start);
        assign_char_spans(text, &mut edits);
        assign_char_spans(text, &mut suggestions);
        let text = if edits.is_empty() {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(apply(text, &edits))
        };
        Mended {
            text,
            edits,
            suggestions,
            rules,
            learned,
            skipped: None,
            suspect_tokens,
            word_edits,
        }
    }

    /// Mends `text` (with its tokens, `input_tokens`) in one language.
    pub(super) fn mend_in(
        &self,
        text: &str,
        input_tokens: &[Token],
        language: Language,
        plan: Plan<'_>,
    ) -> Part {
        let lexicon = self.lexicon_for(language);
        let thesaurus = self.thesaurus_for(language);
        let Prepared {
            edits: mended_breaks,
            text: prepared,
            tokens,
            suspects,
        } = self.front(text, Some(input_tokens), lexicon);
        let (rules, spelled) = match plan {
            Plan::Given(rules) => (rules.clone(), HashSet::new()),
            Plan::Learned(learned) => (
                learned
                    .of(language)
                    .map_or_else(|| self.rules.clone(), |r| r.in_word.clone()),
                HashSet::new(),
            ),
            Plan::Learn if self.learn => {
                let (learned, spelled) = self.learn_with_spelling(
                    &Text::new(&prepared, tokens.len()),
                    &suspects,
                    lexicon,
                    thesaurus,
                );
                (self.rules.extended_with(&learned), spelled)
            }
            Plan::Learn => (self.rules.clone(), HashSet::new()),
            Plan::Pooled(group) => {
                let (own, spelled) = if self.learn {
                    let (learned, spelled) = self.learn_with_spelling(
                        &Text::new(&prepared, tokens.len()),
                        &suspects,
                        lexicon,
                        thesaurus,
                    );
                    (self.rules.extended_with(&learned), spelled)
                } else {
                    (self.rules.clone(), HashSet::new())
                };
                (own.extended_with(&holding_in(&prepared, group)), spelled)
            }
        };
        let in_word = rules.clone();
        // The text's own spelling (`liue` where the First Folio always
        // writes `u` for `v`) is no damage, whatever rule would fit it.
        let rewritable: Cow<'_, [SuspectType]> = if spelled.is_empty() {
            Cow::Borrowed(&suspects)
        } else {
            Cow::Owned(
                suspects
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !spelled.contains(i))
                    .map(|(_, s)| s.clone())
                    .collect(),
            )
        };
        let mut word_edits = rewrite(&prepared, &rewritable, &rules, lexicon, self.mode.glyphs());
        // Unlisted compounds are suspects for the rules' sake, but not
        // counted as words left unknown: they are made of known words.
        let compounds: HashSet<usize> = suspects
            .iter()
            .filter(|s| s.is_closed_compound)
            .flat_map(|s| s.occurrences.iter().map(|o| o.span.start))
            .collect();
        let repaired = word_edits
            .iter()
            .filter(|e| !compounds.contains(&e.span.start))
            .count();
        if self.mode.glyphs() {
            word_edits.extend(rewrite_misread_words(&prepared, &tokens, &rules, lexicon));
            word_edits.sort_by_key(|e| e.span.start);
            drop_overlaps(&mut word_edits);
        }
        let mut edits = compose(text, mended_breaks, word_edits);
        // Fragments joined inside a line (`de scription`, `immi-grés`) and
        // words hyphenated at a line end are a scanned page's; a text that
        // shows no misread glyph keeps them as written (`pre-war`, `hu hu`,
        // a fortune's `adminis-`/`trators`), unless it is said to be a scan
        // (`--mode ocr`). They were joined for learning all the same, so
        // that no piece was evidence or rewritten.
        if self.mode != Mode::Ocr && !rules.rules().iter().any(|r| r.kind == RuleKind::Glyph) {
            edits.retain(|e| !is_join_kept_only_in_scans(e));
        }
        let mut suggestions = Vec::new();
        let mut rules = rules;
        if self.mode.swaps() {
            // Whole words are looked at in the input itself: they are real
            // words, which no earlier repair touched.
            (rules, suggestions) =
                self.whole_words_in(text, input_tokens, &edits, rules, plan, language);
            if self.whole_words {
                edits.append(&mut suggestions);
                edits.sort_by_key(|e| e.span.start);
                drop_overlaps(&mut edits);
            }
        }
        // Whole-word swaps only ever extend the in-word rules.
        let whole_word = RuleSet::new(rules.rules()[in_word.len()..].to_vec());
        Part {
            edits,
            suggestions,
            rules,
            learned: LanguageRules {
                in_word,
                whole_word,
            },
            suspect_tokens: suspects
                .iter()
                .filter(|s| !s.is_closed_compound)
                .map(|s| s.occurrences.len())
                .sum(),
            word_edits: repaired,
        }
    }

    /// The whole-word repairs of `text` (its `tokens`, and the `edits`
    /// already made), with `rules` extended by the whole-word swaps learned
    /// from it, or by those another mending learned for the language.
    pub(super) fn whole_words_in(
        &self,
        text: &str,
        tokens: &[Token],
        edits: &[Edit],
        rules: RuleSet,
        plan: Plan<'_>,
        language: Language,
    ) -> (RuleSet, Vec<Edit>) {
        let source = Source {
            text,
            tokens,
            edits,
        };
        let data = self.knowledge(language);
        let rules = match plan {
            Plan::Learn | Plan::Pooled(_) if self.learn => {
                let learned = swaps::learn(&[source], &rules, &data);
                rules.extended_with(&RuleSet::new(learned))
            }
            Plan::Learned(learned) => match learned.of(language) {
                Some(r) => rules.extended_with(&r.whole_word),
                None => rules,
            },
            _ => rules,
        };
        let repairs = swaps::apply(&source, rules.rules(), &data);
        (rules, repairs)
    }

    /// What the whole-word stage reads in `language`: word-pair counts
    /// exist for English only.
    pub(super) fn knowledge(&self, language: Language) -> Knowledge<'_> {
        Knowledge {
            lexicon: self.lexicon_for(language),
            ngrams: (language == Language::English).then_some(&self.ngrams),
        }
    }
}

/// The rules of `group` (decided on the statistics of a group of texts:
/// see [`Mender::stats`]) that hold in `text`, one document of the group
/// in one language: glyph confusions, and in-word swaps whose
/// restored side does not occur in the text outside their damaged side.
/// A spinner replaces every occurrence of a word in the documents it spins,
/// so a document that still holds the restored word was not spun with that
/// pair, whatever the other documents say. Whole-word swaps are not pooled.
/// A rule decided in another of the group's languages only ever matches
/// here if its restored word is a word of this language too (the rewrite
/// checks each restoration against the part's dictionary); a glyph
/// confusion is the scanner's, whatever the page's language.
fn holding_in(text: &str, group: &RuleSet) -> RuleSet {
    RuleSet::new(
        group
            .rules()
            .iter()
            .filter(|r| match r.kind {
                RuleKind::WholeWord => false,
                RuleKind::Glyph => true,
                _ => !occurs_outside(text, &r.to, &r.from, &[]),
            })
            .cloned()
            .collect(),
    )
}
