//! Routing: which language's dictionary judges a text, and, when a text
//! mixes languages, which paragraphs go with which language. A paragraph in
//! a language without a dictionary is left alone.

use std::ops::Range;

use fnv::FnvHashMap;

use super::{Label, Mender};
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::thesaurus::Thesaurus;
use crate::stages::identify::{detect_language, has_long_function_word, is_english, Verdict};
use crate::stages::tokenize::Token;

/// Paragraphs of at least this many words are judged on their own in a
/// text that mixes languages; shorter ones go with the text's language.
pub(super) const MIN_PARAGRAPH_WORDS: usize = 30;

/// A text is judged to be in a language other than English only when at
/// least this share of its words is in that language's dictionary: clean
/// prose is at 93–98% (the Debian Handbook fixtures), English prose judged
/// with the German dictionary far below.
pub(super) const MIN_KNOWN_SHARE: f64 = 0.8;

/// In a text judged English that the English dictionary mostly does not
/// know, a paragraph goes with another language only when that language's
/// dictionary knows at least this share of its words more than the English
/// one does: a line of the First Folio (`Who comes here? Mal. The worthy
/// Thane of Rosse`) is 89% Dutch words and 78% English ones.
pub(super) const MIN_LEAD_OVER_ENGLISH: f64 = 0.25;

/// A text too short to judge by its function words is English only when the
/// English dictionary knows at least this share of its words (or it holds a
/// long English function word), and no other dictionary more. Of 2,961 short paragraphs (5–19 words) of English
/// documentation (the clean benchmark's tune part), 97.5% pass; of 14,378
/// short paragraphs of the Universal Declaration of Human Rights in other
/// languages, 1.9%, where 62% had the English dictionary knowing at least
/// as many words as any other; a spun headline keeps most of its words.
pub(super) const MIN_SHORT_ENGLISH_SHARE: f64 = 0.6;

/// The language check reads at most this many words of a text.
pub(super) const MAX_JUDGED_TOKENS: usize = 2_000;

/// The paragraphs of `text` (stretches between blank lines), as byte spans.
pub(super) fn paragraphs(text: &str) -> Vec<Range<usize>> {
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
pub(super) fn masked(text: &str, keep: &[Range<usize>]) -> String {
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

/// The tokens of [`masked`]`(text, keep)`, from `tokens`, those of `text`:
/// the ones inside the paragraphs kept. A paragraph starts after a line
/// break, so blanking what lies before it changes no token's shape.
pub(super) fn kept_tokens(tokens: &[Token], keep: &[Range<usize>]) -> Vec<Token> {
    let ranges: Vec<Range<usize>> = keep
        .iter()
        .map(|span| {
            tokens.partition_point(|t| t.span.start < span.start)
                ..tokens.partition_point(|t| t.span.start < span.end)
        })
        .collect();
    // Sized once: a long text's tokens are megabytes.
    let mut kept = Vec::with_capacity(ranges.iter().map(|r| r.len()).sum());
    for range in ranges {
        kept.extend_from_slice(&tokens[range]);
    }
    kept
}

/// How many of the first [`MAX_JUDGED_TOKENS`] `tokens` (spans into
/// `text`) `lexicon` knows, and how many were looked up.
fn known_count(text: &str, tokens: &[Token], lexicon: &Lexicon) -> (usize, usize) {
    let sample = &tokens[..tokens.len().min(MAX_JUDGED_TOKENS)];
    // Half of a text's tokens repeat a word seen before it: each distinct
    // spelling is looked up once.
    let mut seen: FnvHashMap<&str, bool> =
        FnvHashMap::with_capacity_and_hasher(sample.len(), Default::default());
    let known = sample
        .iter()
        .filter(|t| {
            let word = &text[t.span.clone()];
            *seen
                .entry(word)
                .or_insert_with(|| lexicon.lookup(word).is_some())
        })
        .count();
    (known, sample.len())
}

/// Whether `lexicon` knows at least [`MIN_KNOWN_SHARE`] of the first
/// [`MAX_JUDGED_TOKENS`] `tokens`.
fn mostly_known(text: &str, tokens: &[Token], lexicon: &Lexicon) -> bool {
    let (known, judged) = known_count(text, tokens, lexicon);
    known as f64 >= MIN_KNOWN_SHARE * judged as f64
}

impl Mender {
    /// The languages to mend `text` in, each with its paragraphs (`None`:
    /// the whole text). Empty when no part of it is in a language with a
    /// dictionary.
    pub(super) fn language_groups(
        &self,
        text: &str,
        tokens: &[Token],
        label: Label,
    ) -> Vec<(Language, Option<Vec<Range<usize>>>)> {
        let document = self.document_language(text, tokens, label);
        let whole = || document.map(|l| vec![(l, None)]).unwrap_or_default();
        // Paragraphs are judged apart only when the language is detected,
        // and then only the long ones.
        if self.language.is_some() || !self.language_guard {
            return whole();
        }
        // Labelled with a language without a dictionary: no paragraph of it
        // is read in another.
        if label == Some(None) {
            return Vec::new();
        }
        if document == Some(Language::English) && !mostly_known(text, tokens, &self.lexicon) {
            // Judged English by its function words, yet most of its words
            // are not English ones: a page in another language with its
            // untranslated English strings (a French help page whose
            // button labels are English). Every paragraph, short ones too,
            // goes with the dictionary that knows it.
            return self.groups_by_dictionary(text, tokens);
        }
        let paragraphs: Vec<(Range<usize>, bool)> = paragraphs(text)
            .into_iter()
            .map(|p| {
                // Counted no further than the bound: a paragraph can run
                // to megabytes.
                let long = text[p.clone()]
                    .split_whitespace()
                    .nth(MIN_PARAGRAPH_WORDS - 1)
                    .is_some();
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
                let tokens = &tokens[first..last];
                match document {
                    // Most of its words are the document's language's, and
                    // it is not English by its function words: it is
                    // written in the document's language, and the trigram
                    // detector (the dearest step of reading a short
                    // document) is not asked.
                    Some(language)
                        if language != Language::English
                            && !is_english(text, tokens)
                            && mostly_known(text, tokens, self.lexicon_for(language)) =>
                    {
                        Some(language)
                    }
                    _ => match self.judge(text, &text[p.clone()], tokens) {
                        // English by a few function words it shares with
                        // another language (Portuguese `a`, `as`, `no`), yet
                        // mostly not English words: as a whole text is.
                        Some(Language::English) if !mostly_known(text, tokens, &self.lexicon) => {
                            Some(self.by_dictionary(text, tokens))
                        }
                        judged => judged,
                    },
                }
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
    pub(super) fn judge(&self, text: &str, part: &str, tokens: &[Token]) -> Option<Language> {
        self.accepted(detect_language(text, part, tokens), text, tokens)
    }

    /// The language of `verdict` on `tokens` (spans into `text`), if
    /// textmend has its dictionary and, for a language other than English
    /// (which is judged by its function words), the dictionary knows most
    /// of them.
    fn accepted(&self, verdict: Verdict, text: &str, tokens: &[Token]) -> Option<Language> {
        match verdict {
            Verdict::Known(Language::English) => Some(Language::English),
            Verdict::Known(language) if !language.is_built_in() => None,
            Verdict::Known(language) => {
                let lexicon = self.lexicon_for(language);
                mostly_known(text, tokens, lexicon).then_some(language)
            }
            Verdict::Other(_) => None,
            Verdict::Short => self.short_text_language(text, tokens),
        }
    }

    /// The language of a text too short to judge by its function words (a
    /// title, a caption, a short record): the language whose dictionary
    /// knows most of its words (English on a tie), if that dictionary knows
    /// at least [`MIN_KNOWN_SHARE`] of them; English also when it holds an
    /// English function word of three letters or more (`attfinish the
    /// agfinisha`, damaged past the share); else none.
    fn short_text_language(&self, text: &str, tokens: &[Token]) -> Option<Language> {
        let judged = tokens.len().min(MAX_JUDGED_TOKENS) as f64;
        let english = known_count(text, tokens, &self.lexicon).0;
        match self.best_other(text, tokens) {
            Some((language, known)) if known > english => {
                (known as f64 >= MIN_KNOWN_SHARE * judged).then_some(language)
            }
            _ => (english as f64 >= MIN_SHORT_ENGLISH_SHARE * judged
                || has_long_function_word(text, tokens))
            .then_some(Language::English),
        }
    }

    /// Each paragraph of `text` with the language whose dictionary knows
    /// most of its words, when that is at least [`MIN_KNOWN_SHARE`] of
    /// them and [`MIN_LEAD_OVER_ENGLISH`] more than English (ties go to the
    /// earlier language, English first); other paragraphs stay English, as
    /// the text was judged.
    fn groups_by_dictionary(
        &self,
        text: &str,
        tokens: &[Token],
    ) -> Vec<(Language, Option<Vec<Range<usize>>>)> {
        let mut groups: Vec<(Language, Vec<Range<usize>>)> = Vec::new();
        for p in paragraphs(text) {
            let first = tokens.partition_point(|t| t.span.start < p.start);
            let last = tokens.partition_point(|t| t.span.start < p.end);
            let language = self.by_dictionary(text, &tokens[first..last]);
            match groups.iter_mut().find(|(l, _)| *l == language) {
                Some((_, spans)) => spans.push(p),
                None => groups.push((language, vec![p])),
            }
        }
        if groups.len() == 1 {
            return vec![(groups[0].0, None)];
        }
        groups
            .into_iter()
            .map(|(l, spans)| (l, Some(spans)))
            .collect()
    }

    /// The language whose dictionary knows most of `tokens` (spans into
    /// `text`), when that is at least [`MIN_KNOWN_SHARE`] of them and
    /// [`MIN_LEAD_OVER_ENGLISH`] more than English (ties go to the earlier
    /// language); English otherwise.
    fn by_dictionary(&self, text: &str, tokens: &[Token]) -> Language {
        let judged = tokens.len().min(MAX_JUDGED_TOKENS);
        let english = known_count(text, tokens, &self.lexicon).0;
        match self.best_other(text, tokens) {
            Some((language, known))
                if known > english
                    && known as f64 >= MIN_KNOWN_SHARE * judged as f64
                    && (known - english) as f64 >= MIN_LEAD_OVER_ENGLISH * judged as f64 =>
            {
                language
            }
            // English damaged past recognition stays English.
            _ => Language::English,
        }
    }

    /// The language `text` (with its `tokens`) is mended in as a whole:
    /// the mender's own, or the text's `label` if its dictionary knows the
    /// text, or the one detected.
    pub(super) fn document_language(
        &self,
        text: &str,
        tokens: &[Token],
        label: Label,
    ) -> Option<Language> {
        match (self.language, self.language_guard) {
            (Some(language), _) => Some(language),
            (None, false) => Some(Language::English),
            (None, true) => self.judge_labelled(text, tokens, label),
        }
    }

    /// The language other than English whose dictionary knows most of
    /// `tokens` (spans into `text`), with the count (the first of the best
    /// on a tie).
    fn best_other(&self, text: &str, tokens: &[Token]) -> Option<(Language, usize)> {
        self.others
            .iter()
            .map(|(l, lexicon)| (*l, known_count(text, tokens, lexicon).0))
            .fold(None, |best, (l, known)| match best {
                Some((_, top)) if top >= known => best,
                _ => Some((l, known)),
            })
    }

    /// The language of `text` (with its `tokens`) as a whole: its `label`
    /// (a corpus record's language, as a language identifier gave it),
    /// checked against the label's dictionary as a detected language is,
    /// instead of the detector's verdict (none for a label without a
    /// dictionary); without a label, [`Mender::judge`].
    pub(super) fn judge_labelled(
        &self,
        text: &str,
        tokens: &[Token],
        label: Label,
    ) -> Option<Language> {
        let verdict = match label {
            None => return self.judge(text, text, tokens),
            // English by its function words, as detection reads it (heavily
            // damaged English is English long after its dictionary stops
            // knowing most of its words), and by nothing else: a list of
            // identifiers the English dictionary mostly knows is no prose
            // (`--failfast` read as `--breakfast` in a labelled index page
            // that detection left alone).
            Some(Some(Language::English)) if !is_english(text, tokens) => Verdict::Other(None),
            Some(Some(language)) => Verdict::Known(language),
            Some(None) => Verdict::Other(None),
        };
        self.accepted(verdict, text, tokens)
    }

    /// The dictionary of `language`.
    pub(super) fn lexicon_for(&self, language: Language) -> &Lexicon {
        if language == Language::English {
            return &self.lexicon;
        }
        self.others
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, lexicon)| lexicon)
            .unwrap_or(&self.lexicon)
    }

    /// The thesaurus of `language`: the embedded one with the user's added.
    pub(super) fn thesaurus_for(&self, language: Language) -> &Thesaurus {
        if language == Language::English {
            return &self.thesaurus;
        }
        self.thesauri
            .iter()
            .find(|(l, _)| *l == language)
            .map_or(&self.no_thesaurus, |(_, thesaurus)| thesaurus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::tokenize::tokenize;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// A masked text's tokens are the kept paragraphs' tokens of the
        /// text, shapes and sentence starts included, whatever stood
        /// before a paragraph.
        #[test]
        fn a_masked_text_has_the_kept_paragraphs_tokens(
            text in "([a-zA-Z0-9 '.:!?\\-\\n\\r]|[Éé’\\u{201c}]|\\n \\n|\\n\\n){0,80}",
            choice in proptest::collection::vec(proptest::bool::ANY, 16)
        ) {
            let keep: Vec<Range<usize>> = paragraphs(&text)
                .into_iter()
                .enumerate()
                .filter(|(i, _)| choice[i % choice.len()])
                .map(|(_, p)| p)
                .collect();
            proptest::prop_assert_eq!(
                kept_tokens(&tokenize(&text), &keep),
                tokenize(&masked(&text, &keep))
            );
        }
    }
}
