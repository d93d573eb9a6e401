//! The pipeline's front: [`Mender`] runs tokenize → detect → explain → learn
//! → rewrite → whole-word swaps over one text and returns a [`Mended`]. It owns the lexicon and
//! the options; each stage lives in its own module and knows nothing of the
//! others' internals.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use crate::broken::{repair_broken_words, Break};
use crate::detect::{detect, split_clitic, Occurrence, SuspectType, MAX_SUSPECT_CHARS};
use crate::encoding::repair_mojibake;
use crate::error::Result;
use crate::explain::{everyday_words, explain, misreadings, Automata, Explanation, Misreading};
use crate::language::{detect_language, is_english, Language, Verdict};
use crate::learn::{
    evidence, gives_evidence, is_scanned, learn, learn_confusions, repaired_by, Evidence, Text,
    TextView, MIN_WORD_SWAP_SUPPORT,
};
use crate::lexicon::Lexicon;
use crate::ngrams::Ngrams;
use crate::rewrite::{apply, compose, drop_overlaps, rewrite, rewrite_misread_words, Edit};
use crate::rules::RuleSet;
use crate::stats::LearningStats;
use crate::swaps::{self, Knowledge, Source};
use crate::thesaurus::Thesaurus;
use crate::tokenize::{tokenize, Case, Token};
use crate::user::{Ignore, UserThesaurus, UserWords};

/// Why a text's words were not looked at (its mojibake is decoded all the
/// same).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skip {
    /// The text is in no language textmend has a dictionary for (or in none
    /// it can tell).
    UnsupportedLanguage,
}

/// Paragraphs of at least this many words are judged on their own in a
/// text that mixes languages; shorter ones go with the text's language.
const MIN_PARAGRAPH_WORDS: usize = 30;

/// A text is judged to be in a language other than English only when at
/// least this share of its words is in that language's dictionary: clean
/// prose is at 93–98% (the Debian Handbook fixtures), English prose judged
/// with the German dictionary far below.
const MIN_KNOWN_SHARE: f64 = 0.8;

/// The language check reads at most this many words of a text.
const MAX_JUDGED_TOKENS: usize = 2_000;

/// Mojibake and broken words are looked for in stretches of about this many
/// bytes (cut at line ends that do not break a word: neither repair crosses
/// one), which bounds the memory those stages need, whatever the text's
/// length.
const PREPARE_CHUNK: usize = 256 * 1024;

/// What `find` gives on each stretch of `text` ([`line_chunks`] of
/// [`PREPARE_CHUNK`] bytes), its spans (`span_of`) moved to `text`'s
/// offsets.
fn in_chunks<R>(
    text: &str,
    find: impl Fn(&str) -> Vec<R>,
    span_of: impl Fn(&mut R) -> &mut Range<usize>,
) -> Vec<R> {
    let mut found = Vec::new();
    for chunk in line_chunks(text, PREPARE_CHUNK) {
        for mut repair in find(&text[chunk.clone()]) {
            let span = span_of(&mut repair);
            *span = span.start + chunk.start..span.end + chunk.start;
            found.push(repair);
        }
    }
    found
}

/// `text` cut into stretches of about `size` bytes, each ending with a line
/// break that does not follow a hyphen (so no hyphenated word is cut).
fn line_chunks(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let from = start + size;
        let cut = text.as_bytes()[from..]
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(k, _)| from + k + 1)
            .find(|&end| {
                let line = text[..end - 1].trim_end_matches(['\r', ' ', '\t']);
                !line.ends_with(['-', '\u{2010}', '\u{ad}'])
            });
        match cut {
            Some(end) => {
                chunks.push(start..end);
                start = end;
            }
            None => break,
        }
    }
    chunks.push(start..text.len());
    chunks
}

/// What mending a text in one language gave.
struct Part {
    edits: Vec<Edit>,
    /// Whole-word repairs not applied.
    suggestions: Vec<Edit>,
    rules: RuleSet,
    suspect_tokens: usize,
    word_edits: usize,
}

/// The paragraphs of `text` (stretches between blank lines), as byte spans.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let end = at + line.len();
        if line.trim().is_empty() {
            if at > start {
                spans.push(start..at);
            }
            start = end;
        }
        at = end;
    }
    if text.len() > start {
        spans.push(start..text.len());
    }
    spans
}

/// `text` with every byte outside `keep` made a space (a line break stays a
/// line break), so that offsets into it are offsets into `text`.
fn masked(text: &str, keep: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let blank = |out: &mut String, gap: &str| {
        for b in gap.bytes() {
            out.push(if b == b'\n' { '\n' } else { ' ' });
        }
    };
    for span in keep {
        blank(&mut out, &text[at..span.start]);
        out.push_str(&text[span.clone()]);
        at = span.end;
    }
    blank(&mut out, &text[at..]);
    out
}

/// Which kinds of damage a [`Mender`] looks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Both kinds, letting the evidence decide (the default): a clean text
    /// gives no evidence of either.
    #[default]
    Auto,
    /// An article spinner's word swaps only.
    Spinner,
    /// A scanner's misread glyphs only, with ligatures and letters of other
    /// scripts that look Latin.
    Ocr,
}

impl Mode {
    /// Whether word swaps are learned.
    fn swaps(self) -> bool {
        self != Mode::Ocr
    }

    /// Whether glyph confusions are learned, and ligatures and look-alikes
    /// undone.
    fn glyphs(self) -> bool {
        self != Mode::Spinner
    }
}

/// What a [`Mender`] knows about one word ([`Mender::word_info`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WordInfo {
    /// A dictionary word or a user word, under the case rules: never suspect.
    pub known: bool,
    /// Its frequency per billion words, when known.
    pub frequency: Option<u64>,
    /// Added by the user (`--dict`).
    pub user: bool,
    /// Not a dictionary word but a form seen in real text (`surprize`).
    pub attested: bool,
    /// Not a dictionary word but a compound of dictionary words, in a
    /// language that writes compounds as one word (`Paketverwaltung`): a
    /// suspect that only thesaurus-backed rules change.
    pub compound: bool,
    /// Never touched (`--ignore`).
    pub ignored: bool,
}

/// Builds a [`Mender`].
#[derive(Debug, Clone)]
pub struct MenderBuilder {
    language: Option<Language>,
    words: UserWords,
    ignore: Ignore,
    mode: Mode,
    language_guard: bool,
    rules: Option<RuleSet>,
    learn: Option<bool>,
    whole_words: bool,
    thesauri: Vec<UserThesaurus>,
    limits: Limits,
}

/// Bounds on the work spent on one text, so that pathological input costs
/// linear time.
#[derive(Debug, Clone, Copy)]
struct Limits {
    max_word_chars: usize,
    max_explained: usize,
    time_budget: Option<Duration>,
}

/// By default, at most this many distinct suspects are explained per text,
/// the most frequent first: a real text has a few hundred; tens of
/// thousands means a list, a log or another language, and the most frequent
/// suspects carry the evidence anyway.
const MAX_EXPLAINED_SUSPECTS: usize = 20_000;

impl Default for MenderBuilder {
    fn default() -> Self {
        MenderBuilder {
            language: None,
            words: UserWords::new(),
            ignore: Ignore::new(),
            mode: Mode::Auto,
            language_guard: true,
            rules: None,
            learn: None,
            whole_words: false,
            thesauri: Vec::new(),
            limits: Limits {
                max_word_chars: MAX_SUSPECT_CHARS,
                max_explained: MAX_EXPLAINED_SUSPECTS,
                time_budget: None,
            },
        }
    }
}

impl MenderBuilder {
    /// Judge every text as written in `language`, instead of detecting the
    /// language of each text (and of each paragraph of a mixed one).
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Extra valid words (a list of names, a project's jargon): never
    /// suspect, and valid restorations. Adds to any given before.
    pub fn words(mut self, words: &UserWords) -> Self {
        self.words.extend(words);
        self
    }

    /// Words and patterns never to touch: such tokens are neither repaired
    /// nor evidence. Adds to any given before.
    pub fn ignore(mut self, ignore: &Ignore) -> Self {
        self.ignore.extend(ignore);
        self
    }

    /// Which kinds of damage to look for (default: [`Mode::Auto`]).
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Whether each text's language is detected, and text in a language
    /// without a dictionary passed through untouched (default: yes). Off,
    /// every text is judged as English, whatever it reads like (the same
    /// as [`MenderBuilder::language`] with English).
    pub fn language_guard(mut self, on: bool) -> Self {
        self.language_guard = on;
        self
    }

    /// Apply these rules (for example a reviewed rules file). Unless
    /// [`MenderBuilder::learn`] turns learning back on, they are exactly the
    /// rules applied and nothing is learned.
    pub fn rules(mut self, rules: RuleSet) -> Self {
        self.rules = Some(rules);
        self
    }

    /// Whether to learn rules from each text (default: yes without
    /// [`MenderBuilder::rules`], no with them). Learning alongside given
    /// rules adds the learned rules that the given set neither has nor
    /// rejected.
    pub fn learn(mut self, on: bool) -> Self {
        self.learn = Some(on);
        self
    }

    /// Whether to apply whole-word repairs (`notified → told`) instead of only
    /// suggesting them ([`Mended::suggestions`]); default: suggest only.
    /// Both sides of such a swap are real words, so a person should look
    /// first.
    pub fn whole_words(mut self, on: bool) -> Self {
        self.whole_words = on;
        self
    }

    /// Use `thesaurus` for its language, in place of any given before (and,
    /// for English, of the embedded WordNet data).
    pub fn thesaurus(mut self, thesaurus: UserThesaurus) -> Self {
        self.thesauri.retain(|t| t.language != thesaurus.language);
        self.thesauri.push(thesaurus);
        self
    }

    /// Words longer than this many characters are never suspect (default
    /// 45, the longest English dictionary word).
    pub fn max_word_chars(mut self, chars: usize) -> Self {
        self.limits.max_word_chars = chars;
        self
    }

    /// Explain at most this many distinct suspects per text, the most
    /// frequent first (default 20,000).
    pub fn max_explained_suspects(mut self, suspects: usize) -> Self {
        self.limits.max_explained = suspects;
        self
    }

    /// Stop explaining suspects of one text after this long; what was
    /// explained by then is learned from (default: no limit).
    pub fn time_budget(mut self, budget: Duration) -> Self {
        self.limits.time_budget = Some(budget);
        self
    }

    /// The configured mender with the embedded dictionaries.
    pub fn build(self) -> Result<Mender> {
        Ok(Mender {
            lexicon: Lexicon::english()?
                .with_words(self.words.iter().map(|(w, f)| (w.to_string(), f))),
            others: Language::ALL
                .into_iter()
                .filter(|&l| l != Language::English)
                .map(|l| {
                    Ok((
                        l,
                        Lexicon::for_language(l)?
                            .with_words(self.words.iter().map(|(w, f)| (w.to_string(), f))),
                    ))
                })
                .collect::<Result<Vec<_>>>()?,
            no_thesaurus: Thesaurus::empty(),
            thesauri: self.thesauri,
            language: self.language,
            ignore: self.ignore,
            thesaurus: Thesaurus::english()?,
            ngrams: Ngrams::english()?,
            mode: self.mode,
            automata: OnceLock::new(),
            language_guard: self.language_guard,
            learn: self.learn.unwrap_or(self.rules.is_none()),
            whole_words: self.whole_words,
            rules: self.rules.unwrap_or_default(),
            limits: self.limits,
            everyday: OnceLock::new(),
        })
    }
}

/// Repairs text. Immutable once built, so one `Mender` can serve many
/// threads.
pub struct Mender {
    /// The English dictionary, which batch learning uses.
    lexicon: Lexicon,
    /// The other languages' dictionaries.
    others: Vec<(Language, Lexicon)>,
    ignore: Ignore,
    thesaurus: Thesaurus,
    /// English word and word-pair counts, for whole-word swaps.
    ngrams: Ngrams,
    /// For languages without a thesaurus.
    no_thesaurus: Thesaurus,
    /// The user's thesauri, one per language, which take precedence.
    thesauri: Vec<UserThesaurus>,
    /// The language given by the user, if any.
    language: Option<Language>,
    mode: Mode,
    /// Levenshtein automaton builders, built on first use.
    automata: OnceLock<Automata>,
    language_guard: bool,
    /// Rules given by the user, applied before any learned ones.
    rules: RuleSet,
    learn: bool,
    whole_words: bool,
    limits: Limits,
    everyday: OnceLock<(AhoCorasick, Vec<String>)>,
}

/// The result of [`Mender::mend`].
#[derive(Debug, Clone)]
pub struct Mended<'a> {
    text: Cow<'a, str>,
    edits: Vec<Edit>,
    suggestions: Vec<Edit>,
    rules: RuleSet,
    skipped: Option<Skip>,
    suspect_tokens: usize,
    /// Edits of suspect words (the others mend broken words).
    word_edits: usize,
}

impl<'a> Mended<'a> {
    /// The repaired text; borrowed (the input itself) when nothing changed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The repaired text, taking ownership.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The same result, owning its text (a copy of the input when nothing
    /// changed), to keep or send to another thread.
    pub fn into_owned(self) -> Mended<'static> {
        Mended {
            text: Cow::Owned(self.text.into_owned()),
            edits: self.edits,
            suggestions: self.suggestions,
            rules: self.rules,
            skipped: self.skipped,
            suspect_tokens: self.suspect_tokens,
            word_edits: self.word_edits,
        }
    }

    /// The edits made, sorted by position and not overlapping.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whole-word repairs (`notified → told`) found but not applied, sorted
    /// by position, with spans into the input like [`Mended::edits`]; see
    /// [`MenderBuilder::whole_words`].
    pub fn suggestions(&self) -> &[Edit] {
        &self.suggestions
    }

    /// The rules that were learned from the text (or given), with their
    /// evidence.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Why the text was passed through unexamined, if it was.
    pub fn skipped(&self) -> Option<Skip> {
        self.skipped
    }

    /// Tokens that are not dictionary words and were left as they are:
    /// names, rare words, and damage no rule explains (unlisted compounds of
    /// dictionary words are not counted).
    pub fn suspects_left(&self) -> usize {
        self.suspect_tokens - self.word_edits
    }
}

impl Mender {
    /// A mender with the embedded dictionaries and default options: each
    /// text is judged in its own language (English, or one of the six others
    /// with a dictionary). The name is historical; see
    /// [`MenderBuilder::language`] to fix the language.
    pub fn english() -> Result<Mender> {
        MenderBuilder::default().build()
    }

    /// A builder for a configured mender.
    pub fn builder() -> MenderBuilder {
        MenderBuilder::default()
    }

    /// Repairs `text`: learns rules from it (or uses the rules the mender was
    /// built with) and applies them. Outside the edits the result is
    /// byte-identical to `text`.
    pub fn mend<'a>(&self, text: &'a str) -> Mended<'a> {
        self.mend_with(text, None)
    }

    /// Repairs `text` with exactly `rules`, learning nothing, whatever the
    /// mender was built with (rules learned from a sample of a long input,
    /// applied to the rest of it).
    pub fn apply<'a>(&self, text: &'a str, rules: &RuleSet) -> Mended<'a> {
        self.mend_with(text, Some(rules))
    }

    /// Repairs bytes that may not all be valid UTF-8: rules are learned
    /// from the valid stretches together and applied inside each of them;
    /// the invalid bytes pass through untouched, in place. Bytes that are
    /// all valid UTF-8 are mended as [`Mender::mend`] mends the text, each
    /// language's paragraphs with their own rules.
    pub fn mend_bytes<'a>(&self, bytes: &'a [u8]) -> Cow<'a, [u8]> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return match self.mend(text).into_text() {
                Cow::Borrowed(_) => Cow::Borrowed(bytes),
                Cow::Owned(text) => Cow::Owned(text.into_bytes()),
            };
        }
        let valid: Vec<&str> = bytes.utf8_chunks().map(|c| c.valid()).collect();
        let rules = if self.learn {
            self.learn(&valid)
        } else {
            self.rules.clone()
        };
        let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
        let mut changed = false;
        for chunk in bytes.utf8_chunks() {
            let mended = self.mend_with(chunk.valid(), Some(&rules));
            changed |= !mended.edits().is_empty();
            out.extend_from_slice(mended.text().as_bytes());
            out.extend_from_slice(chunk.invalid());
        }
        if changed {
            Cow::Owned(out)
        } else {
            Cow::Borrowed(bytes)
        }
    }

    fn mend_with<'a>(&self, text: &'a str, given: Option<&RuleSet>) -> Mended<'a> {
        let tokens = tokenize(text);
        let mut groups = self.language_groups(text, &tokens);
        if groups.is_empty() {
            // Mojibake can hide a text's language, and needs no dictionary:
            // the language is judged again with it decoded, and it is
            // decoded whatever the language.
            let decoded = self.decoded_mojibake(text);
            let fixed = (!decoded.is_empty()).then(|| apply(text, &decoded));
            match fixed
                .as_deref()
                .and_then(|f| self.judge(f, f, &tokenize(f)))
            {
                Some(language) => groups = vec![(language, None)],
                None => {
                    return Mended {
                        text: fixed.map_or(Cow::Borrowed(text), Cow::Owned),
                        edits: decoded,
                        suggestions: Vec::new(),
                        rules: RuleSet::default(),
                        skipped: Some(Skip::UnsupportedLanguage),
                        suspect_tokens: 0,
                        word_edits: 0,
                    }
                }
            }
        }
        let mut edits: Vec<Edit> = Vec::new();
        let mut suggestions: Vec<Edit> = Vec::new();
        let mut rules = RuleSet::default();
        let (mut suspect_tokens, mut word_edits) = (0, 0);
        let single = groups.len() == 1 && groups[0].1.is_none();
        for (language, paragraphs) in groups {
            let part = match &paragraphs {
                None => self.mend_in(text, Some(&tokens), language, given),
                // Other paragraphs blanked byte for byte: offsets stay those
                // of `text`, and only this language's paragraphs are seen.
                Some(spans) => self.mend_in(&masked(text, spans), None, language, given),
            };
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
            skipped: None,
            suspect_tokens,
            word_edits,
        }
    }

    /// The languages to mend `text` in, each with its paragraphs (`None`:
    /// the whole text). Empty when no part of it is in a language with a
    /// dictionary.
    fn language_groups(
        &self,
        text: &str,
        tokens: &[Token],
    ) -> Vec<(Language, Option<Vec<Range<usize>>>)> {
        let document = self.document_language(text, tokens);
        let whole = || document.map(|l| vec![(l, None)]).unwrap_or_default();
        // Paragraphs are judged apart only when the language is detected,
        // and then only the long ones.
        if self.language.is_some() || !self.language_guard {
            return whole();
        }
        let paragraphs: Vec<(Range<usize>, bool)> = paragraphs(text)
            .into_iter()
            .map(|p| {
                let long = text[p.clone()].split_whitespace().count() >= MIN_PARAGRAPH_WORDS;
                (p, long)
            })
            .collect();
        if paragraphs.iter().filter(|(_, long)| *long).count() < 2 {
            return whole();
        }
        let mut groups: Vec<(Language, Vec<Range<usize>>)> = Vec::new();
        let mut any_other = false;
        for (p, long) in paragraphs {
            let language = if long {
                // The paragraph's tokens, from the document's.
                let first = tokens.partition_point(|t| t.span.start < p.start);
                let last = tokens.partition_point(|t| t.span.start < p.end);
                self.judge(text, &text[p.clone()], &tokens[first..last])
            } else {
                document
            };
            match language {
                Some(language) => match groups.iter_mut().find(|(l, _)| *l == language) {
                    Some((_, spans)) => spans.push(p),
                    None => groups.push((language, vec![p])),
                },
                None => any_other = true,
            }
        }
        if groups.len() == 1 && !any_other {
            return vec![(groups[0].0, None)];
        }
        groups
            .into_iter()
            .map(|(l, spans)| (l, Some(spans)))
            .collect()
    }

    /// The language with a dictionary that `text` is written in, if any: the
    /// detector's verdict, checked against the dictionary (at least
    /// [`MIN_KNOWN_SHARE`] of the words known), so that a misjudged
    /// paragraph is left alone rather than mended with the wrong words.
    /// `part` is the stretch of `text` judged; `tokens` are its tokens, with
    /// spans into `text`.
    fn judge(&self, text: &str, part: &str, tokens: &[Token]) -> Option<Language> {
        match detect_language(text, part, tokens) {
            Verdict::Known(Language::English) => Some(Language::English),
            Verdict::Known(language) => {
                let lexicon = self.lexicon_for(language);
                let sample: Vec<&Token> = tokens.iter().take(MAX_JUDGED_TOKENS).collect();
                let known = sample
                    .iter()
                    .filter(|t| lexicon.lookup(&text[t.span.clone()]).is_some())
                    .count();
                (known as f64 >= MIN_KNOWN_SHARE * sample.len() as f64).then_some(language)
            }
            Verdict::Other(_) => None,
        }
    }

    /// The dictionary of `language`.
    fn lexicon_for(&self, language: Language) -> &Lexicon {
        if language == Language::English {
            return &self.lexicon;
        }
        self.others
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, lexicon)| lexicon)
            .unwrap_or(&self.lexicon)
    }

    /// The thesaurus of `language`: the user's, else (only for English) the
    /// embedded one.
    fn thesaurus_for(&self, language: Language) -> &Thesaurus {
        if let Some(user) = self.thesauri.iter().find(|t| t.language == language) {
            &user.thesaurus
        } else if language == Language::English {
            &self.thesaurus
        } else {
            &self.no_thesaurus
        }
    }

    /// Mends `text` (its tokens, if already made) in one language.
    fn mend_in(
        &self,
        text: &str,
        tokens: Option<&[Token]>,
        language: Language,
        given: Option<&RuleSet>,
    ) -> Part {
        let lexicon = self.lexicon_for(language);
        let thesaurus = self.thesaurus_for(language);
        let (mended_breaks, prepared) = self.prepare(text, lexicon);
        let tokens: Cow<'_, [Token]> = match (&prepared, tokens) {
            (Cow::Borrowed(_), Some(tokens)) => Cow::Borrowed(tokens),
            _ => Cow::Owned(tokenize(&prepared)),
        };
        let suspects = self.suspects(&prepared, &tokens, lexicon);
        let rules = match given {
            Some(rules) => rules.clone(),
            None if self.learn => self.rules.extended_with(&self.learn_from(
                &Text::new(&prepared),
                &suspects,
                lexicon,
                thesaurus,
            )),
            None => self.rules.clone(),
        };
        let mut word_edits = rewrite(&prepared, &suspects, &rules, lexicon, self.mode.glyphs());
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
        let mut suggestions = Vec::new();
        let mut rules = rules;
        if self.mode.swaps() {
            // Whole words are looked at in the input itself: they are real
            // words, which no earlier repair touched.
            let tokens: Cow<'_, [Token]> = match &prepared {
                Cow::Borrowed(_) => tokens,
                Cow::Owned(_) => Cow::Owned(tokenize(text)),
            };
            (rules, suggestions) =
                self.whole_words_in(text, &tokens, &edits, rules, given, language);
            if self.whole_words {
                edits.append(&mut suggestions);
                edits.sort_by_key(|e| e.span.start);
                drop_overlaps(&mut edits);
            }
        }
        Part {
            edits,
            suggestions,
            rules,
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
    /// from it unless the rules were `given`.
    fn whole_words_in(
        &self,
        text: &str,
        tokens: &[Token],
        edits: &[Edit],
        rules: RuleSet,
        given: Option<&RuleSet>,
        language: Language,
    ) -> (RuleSet, Vec<Edit>) {
        let source = Source {
            text,
            tokens,
            edits,
        };
        let data = self.knowledge(language);
        let rules = if given.is_none() && self.learn {
            let learned = swaps::learn(&[source], &rules, &data);
            rules.extended_with(&RuleSet::new(learned))
        } else {
            rules
        };
        let repairs = swaps::apply(&source, rules.rules(), &data);
        (rules, repairs)
    }

    /// What the whole-word stage reads in `language`: word-pair counts
    /// exist for English only.
    fn knowledge(&self, language: Language) -> Knowledge<'_> {
        Knowledge {
            lexicon: self.lexicon_for(language),
            ngrams: (language == Language::English).then_some(&self.ngrams),
        }
    }

    /// The mojibake repairs of `text` (none unless misread glyphs are
    /// looked for).
    fn decoded_mojibake(&self, text: &str) -> Vec<Edit> {
        if !self.mode.glyphs() {
            return Vec::new();
        }
        in_chunks(text, repair_mojibake, |r| &mut r.span)
            .into_iter()
            .map(|repair| {
                let before = text[repair.span.clone()].to_string();
                Edit {
                    rules: vec![(before.clone(), repair.after.clone())],
                    before,
                    span: repair.span,
                    after: repair.after,
                    confidence: 1.0,
                    whole_word: false,
                }
            })
            .collect()
    }

    /// The repairs made before words are looked at — mojibake decoded, then
    /// words broken across lines or by stray spaces mended (only when misread
    /// glyphs are looked for) — and the text with them applied.
    fn prepare<'t>(&self, text: &'t str, lexicon: &Lexicon) -> (Vec<Edit>, Cow<'t, str>) {
        if !self.mode.glyphs() {
            return (Vec::new(), Cow::Borrowed(text));
        }
        let decoded = self.decoded_mojibake(text);
        let text1 = if decoded.is_empty() {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(apply(text, &decoded))
        };
        let joined: Vec<Edit> = in_chunks(
            &text1,
            |chunk| repair_broken_words(chunk, lexicon),
            |r| &mut r.span,
        )
        .into_iter()
        .map(|repair| {
            let (from, to, confidence) = match repair.reason {
                Break::LineEndHyphen => ("-\n", "", 1.0),
                Break::SoftHyphen => ("\u{ad}", "", 1.0),
                Break::StraySpace => (" ", "", 0.75),
            };
            Edit {
                before: text1[repair.span.clone()].to_string(),
                span: repair.span,
                after: repair.after,
                rules: vec![(from.to_string(), to.to_string())],
                confidence,
                whole_word: false,
            }
        })
        .collect();
        if joined.is_empty() {
            return (decoded, text1);
        }
        let prepared = apply(&text1, &joined);
        (compose(text, decoded, joined), Cow::Owned(prepared))
    }

    /// Learns rules from several texts at once, pooling their evidence (a
    /// batch of articles from one spun site shares one spinner table). Rules
    /// are per language: the batch is learned in the language most of its
    /// texts are in (or the given one), and texts in other languages are
    /// left out. Rules the mender was built with come first; learned rules
    /// they reject are left out.
    pub fn learn(&self, texts: &[&str]) -> RuleSet {
        let judged: Vec<(&str, Option<Language>)> =
            texts.iter().map(|t| (*t, self.language_of(t))).collect();
        let Some(language) = Language::ALL.into_iter().max_by_key(|l| {
            let n = judged.iter().filter(|(_, j)| *j == Some(*l)).count();
            // Ties go to the earlier language (English first).
            (n, std::cmp::Reverse(*l))
        }) else {
            return self.rules.clone();
        };
        let chosen: Vec<&str> = judged
            .iter()
            .filter(|(_, j)| *j == Some(language))
            .map(|(t, _)| *t)
            .collect();
        let lexicon = self.lexicon_for(language);
        let thesaurus = self.thesaurus_for(language);
        let joined = chosen.join("\n\n");
        let joined = self.prepare(&joined, lexicon).1.into_owned();
        let tokens = tokenize(&joined);
        let suspects = self.suspects(&joined, &tokens, lexicon);
        let rules = self.rules.extended_with(&self.learn_from(
            &Text::new(&joined),
            &suspects,
            lexicon,
            thesaurus,
        ));
        if !self.mode.swaps() {
            return rules;
        }
        // Whole-word swaps, from the batch's word counts together.
        let source = Source {
            text: &joined,
            tokens: &tokens,
            edits: &[],
        };
        let learned = swaps::learn(&[source], &rules, &self.knowledge(language));
        rules.extended_with(&RuleSet::new(learned))
    }

    /// The dictionary, for the stage benchmarks.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Whether `word` is in the dictionary (or the user's words), under the
    /// same case and possessive rules that decide what is suspect.
    pub fn knows(&self, word: &str) -> bool {
        self.knows_in(word, Language::English)
    }

    /// Whether `word` is a word of `language` (its dictionary or the user's
    /// words). Compounds the dictionary does not list are not: they are
    /// suspects, if guarded ones ([`WordInfo::compound`]).
    pub fn knows_in(&self, word: &str, language: Language) -> bool {
        let lexicon = self.lexicon_for(language);
        let (core, _) = split_clitic(word);
        lexicon.lookup(word).is_some() || lexicon.lookup(core).is_some()
    }

    /// The language `text` would be mended in as a whole (the given one, or
    /// the detected one); `None` when it has no dictionary.
    pub fn language_of(&self, text: &str) -> Option<Language> {
        self.document_language(text, &tokenize(text))
    }

    /// The language `text` (with its `tokens`) is mended in as a whole.
    fn document_language(&self, text: &str, tokens: &[Token]) -> Option<Language> {
        match (self.language, self.language_guard) {
            (Some(language), _) => Some(language),
            (None, false) => Some(Language::English),
            (None, true) => self.judge(text, text, tokens),
        }
    }

    /// What the mender knows about `word`: for `textmend dict lookup`.
    /// The language is the given one (English when none was given).
    pub fn word_info(&self, word: &str) -> WordInfo {
        let language = self.language.unwrap_or(Language::English);
        let lexicon = self.lexicon_for(language);
        let (core, _) = split_clitic(word);
        let frequency = lexicon.lookup(word).or_else(|| lexicon.lookup(core));
        WordInfo {
            known: self.knows_in(word, language),
            frequency,
            user: lexicon.is_user_word(word) || lexicon.is_user_word(&word.to_lowercase()),
            attested: lexicon.is_attested(&word.to_lowercase()),
            compound: lexicon.is_compound_word(&word.to_lowercase()),
            ignored: self.ignore.is_ignored(word),
        }
    }

    /// The suspects of `text` (its `tokens`), without the tokens the user
    /// ignores, and outside English without English words: technical text
    /// in any language quotes English (`diff`, `done`, `add` in a Spanish
    /// manual), and those are foreign words, not damage — read as Spanish
    /// they taught a scanner's `d → b` (`diff` → `biff`).
    fn suspects(&self, text: &str, tokens: &[Token], lexicon: &Lexicon) -> Vec<SuspectType> {
        let mut suspects = detect(
            text,
            tokens,
            lexicon,
            self.limits.max_word_chars,
            self.mode.glyphs(),
        )
        .suspects;
        if lexicon.language() != Language::English {
            suspects.retain(|s| self.lexicon.frequency(&s.key).is_none());
        }
        if !self.ignore.is_empty() {
            for s in &mut suspects {
                s.occurrences
                    .retain(|o| !self.ignore.is_ignored(&text[o.span.clone()]));
            }
            suspects.retain(|s| !s.occurrences.is_empty());
        }
        suspects
    }

    /// The learning statistics of `texts` (those that read as English: the
    /// sharded path is English only so far), to merge with other shards'
    /// and [`Mender::decide`] on.
    pub fn stats(&self, texts: &[&str]) -> LearningStats {
        let mut stats = LearningStats::default();
        let matcher = self.everyday_words();
        for text in texts.iter().copied() {
            let tokens = tokenize(text);
            if self.language_guard && !is_english(text, &tokens) {
                continue;
            }
            let text = &*self.prepare(text, &self.lexicon).1;
            let tokens = tokenize(text);
            stats.words += text.split_whitespace().count();
            if self.mode.glyphs() {
                stats.count_letters(text);
            }
            let suspects = self.suspects(text, &tokens, &self.lexicon);
            for s in suspects {
                let c = stats.suspects.entry(s.key).or_default();
                c.tokens += s.occurrences.len();
                c.mid_capital |= s.mid_capital;
                c.lowercase |= s.lowercase;
            }
            for m in matcher.0.find_overlapping_iter(text) {
                *stats
                    .substrings
                    .entry(matcher.1[m.pattern().as_usize()].clone())
                    .or_default() += 1;
            }
        }
        stats
    }

    /// The rules that merged learning statistics support: what
    /// [`Mender::learn`] gives on the texts they were counted from. Rules the
    /// mender was built with come first.
    pub fn decide(&self, stats: &LearningStats) -> RuleSet {
        let suspects: Vec<SuspectType> = stats
            .suspects
            .iter()
            .map(|(key, c)| {
                let mut s = SuspectType::new(key.clone(), &self.lexicon);
                s.occurrences = vec![
                    Occurrence {
                        span: 0..0,
                        case: Case::Lower,
                        sentence_start: false,
                    };
                    c.tokens
                ];
                s.mid_capital = c.mid_capital;
                s.lowercase = c.lowercase;
                s
            })
            .collect();
        self.rules
            .extended_with(&self.learn_from(stats, &suspects, &self.lexicon, &self.thesaurus))
    }

    /// An automaton over the everyday words (the only strings a rule's
    /// sides can be), and the words by pattern number; built on first use.
    fn everyday_words(&self) -> &(AhoCorasick, Vec<String>) {
        self.everyday.get_or_init(|| {
            let words = everyday_words(&self.lexicon);
            let matcher = AhoCorasick::new(&words).expect("dictionary words always build");
            (matcher, words)
        })
    }

    /// Explains the suspects that may give evidence (the most frequent
    /// first, within the limits), and learns from them: word swaps first,
    /// then glyph confusions from the suspects no word swap repairs.
    fn learn_from(
        &self,
        text: &dyn TextView,
        suspects: &[SuspectType],
        lexicon: &Lexicon,
        thesaurus: &Thesaurus,
    ) -> RuleSet {
        let started = Instant::now();
        let in_time = || {
            self.limits
                .time_budget
                .is_none_or(|budget| started.elapsed() <= budget)
        };
        let by_frequency = |keep: &dyn Fn(&SuspectType) -> bool| {
            let mut order: Vec<usize> = (0..suspects.len())
                .filter(|&i| keep(&suspects[i]))
                .collect();
            order.sort_by_key(|&i| std::cmp::Reverse(suspects[i].occurrences.len()));
            order.truncate(self.limits.max_explained);
            order
        };
        let mut rules = Vec::new();
        if self.mode.swaps() {
            let mut explanations: Vec<Vec<Explanation>> = vec![Vec::new(); suspects.len()];
            // Each suspect is explained on its own: spread over the cores.
            let explained: Vec<(usize, Vec<Explanation>)> =
                by_frequency(&|s| evidence(s) != Evidence::None)
                    .into_par_iter()
                    .filter(|_| in_time())
                    .map(|i| (i, explain(&suspects[i].key, lexicon)))
                    .collect();
            for (i, found) in explained {
                explanations[i] = found;
            }
            let swaps = learn(text, suspects, &explanations, lexicon, thesaurus);
            rules.extend(swaps.rules().iter().cloned());
        }
        if self.mode.glyphs() {
            let claimed = repaired_by(suspects, &rules, lexicon);
            let automata = self.automata.get_or_init(Automata::new);
            let mut found: Vec<Vec<Misreading>> = vec![Vec::new(); suspects.len()];
            let read: Vec<(usize, Vec<Misreading>)> = by_frequency(&gives_evidence)
                .into_par_iter()
                .filter(|i| !claimed.contains(i) && in_time())
                .map(|i| (i, misreadings(&suspects[i].key, lexicon, automata)))
                .collect();
            for (i, misread) in read {
                found[i] = misread;
            }
            let confusions = learn_confusions(text, suspects, &found, &claimed, lexicon);
            if is_scanned(&confusions) {
                rules.retain(|r| r.words >= MIN_WORD_SWAP_SUPPORT);
            }
            rules.extend(confusions);
        }
        RuleSet::new(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mender_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Mender>();
    }

    #[test]
    fn invalid_bytes_stay_and_valid_stretches_are_repaired() {
        let mender = Mender::english().unwrap();
        let bytes = b"They attfinish the summit.\xff\xfe The agfinisha is long.\x80";
        let mended = mender.mend_bytes(bytes);
        assert_eq!(
            &mended[..],
            b"They attend the summit.\xff\xfe The agenda is long.\x80"
        );
        let clean = b"plain \xff text";
        assert!(matches!(mender.mend_bytes(clean), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_text_is_borrowed_back() {
        let mender = Mender::english().unwrap();
        let text = "The quick brown fox jumps over the lazy dog.";
        let mended = mender.mend(text);
        assert!(matches!(mended.into_text(), Cow::Borrowed(t) if t == text));
    }
}
