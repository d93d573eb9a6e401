//! Cleaning scraped text: site furniture removed line by line, and Unicode
//! and white-space hygiene — every change an [`Edit`] with its reason, for
//! the same review as a repair. [`Cleaner`] runs before (or instead of) the
//! repair pipeline; it is no repair stage and reads nothing of theirs.
//!
//! The pipeline: [`lines`] (each line's features) → [`evidence`] (what a
//! line shows alone) → [`context`] (what lines add up to: menus, related
//! lists, the stretches before the article's start and after its end,
//! repetition across a batch) → [`removal`] (marked lines become edits,
//! blank lines tidied around them) and [`hygiene`] (character and white-
//! space fixes) → the text rebuilt once. `DESIGN.md` has the reasoning.

mod context;
mod evidence;
mod hygiene;
mod lines;
mod removal;
mod stats;
mod vocab;

use std::borrow::Cow;

use rayon::prelude::*;

pub use stats::CleanerStats;

use crate::edit::{apply, assign_char_spans, compose, Edit, EditKind};
use hygiene::Hygiene;
use vocab::Vocabulary;

/// By default a line is furniture of a source when at least this many of
/// its documents hold it…
const MIN_REPEAT_DOCUMENTS: u64 = 3;
/// …and at least this share of them: a headline that other pages of the
/// site list as a teaser for a day is on far fewer.
const MIN_REPEAT_SHARE: f64 = 0.5;
/// By default runs of more blank lines than this are shortened: the clean
/// fixtures' books separate chapters with up to four.
const MAX_BLANK_LINES: usize = 4;

/// Builds a [`Cleaner`]. Every option has a safe default: nothing that
/// clean prose holds is changed.
#[derive(Clone, Debug)]
pub struct CleanerBuilder {
    furniture: bool,
    hygiene: Hygiene,
    min_repeat_documents: u64,
    min_repeat_share: f64,
}

impl Default for CleanerBuilder {
    fn default() -> Self {
        CleanerBuilder {
            furniture: true,
            hygiene: Hygiene {
                nfc: false,
                invisible: true,
                controls: true,
                nbsp: false,
                trailing_spaces: true,
                max_blank_lines: Some(MAX_BLANK_LINES),
                quotes: false,
                dashes: false,
            },
            min_repeat_documents: MIN_REPEAT_DOCUMENTS,
            min_repeat_share: MIN_REPEAT_SHARE,
        }
    }
}

impl CleanerBuilder {
    /// Remove site furniture (default: on).
    pub fn furniture(mut self, on: bool) -> Self {
        self.furniture = on;
        self
    }

    /// Normalize words to NFC (default: off — decomposed accents are
    /// correct text, and the clean fixtures hold some).
    pub fn nfc(mut self, on: bool) -> Self {
        self.hygiene.nfc = on;
        self
    }

    /// Remove zero-width spaces, word joiners and byte-order marks
    /// (default: on). Soft hyphens and zero-width (non-)joiners stay.
    pub fn invisible(mut self, on: bool) -> Self {
        self.hygiene.invisible = on;
        self
    }

    /// Remove C0 control characters other than tab, line feed, carriage
    /// return and form feed, DEL, and C1 control characters (default: on).
    pub fn controls(mut self, on: bool) -> Self {
        self.hygiene.controls = on;
        self
    }

    /// Make no-break spaces (U+00A0, U+202F, U+2007) plain spaces
    /// (default: off — French typography needs them).
    pub fn nbsp(mut self, on: bool) -> Self {
        self.hygiene.nbsp = on;
        self
    }

    /// Remove spaces and tabs at line ends (default: on).
    pub fn trailing_spaces(mut self, on: bool) -> Self {
        self.hygiene.trailing_spaces = on;
        self
    }

    /// Shorten runs of more than `max` blank lines to `max`; `None` keeps
    /// them (default: 4). Blank lines around removed furniture are always
    /// tidied with it.
    pub fn max_blank_lines(mut self, max: Option<usize>) -> Self {
        self.hygiene.max_blank_lines = max;
        self
    }

    /// Make typographic quotes straight (default: off).
    pub fn quotes(mut self, on: bool) -> Self {
        self.hygiene.quotes = on;
        self
    }

    /// Make en and em dashes, figure dashes and minus signs hyphen-minus
    /// signs (default: off).
    pub fn dashes(mut self, on: bool) -> Self {
        self.hygiene.dashes = on;
        self
    }

    /// A line is furniture of a source when at least `documents` of its
    /// documents, and at least `share` of them, hold it (default: 3 and
    /// 0.5); see [`Cleaner::clean_with`].
    pub fn repetition(mut self, documents: u64, share: f64) -> Self {
        self.min_repeat_documents = documents.max(2);
        self.min_repeat_share = share.clamp(0.0, 1.0);
        self
    }

    /// The cleaner.
    pub fn build(self) -> Cleaner {
        Cleaner {
            vocab: Vocabulary::new(),
            options: self,
        }
    }
}

/// Removes site furniture and fixes Unicode and white space in plain text.
/// Immutable once built, so one `Cleaner` can serve many threads.
pub struct Cleaner {
    vocab: Vocabulary,
    options: CleanerBuilder,
}

/// The result of [`Cleaner::clean`]: the text and every change made to it.
#[derive(Debug, Clone)]
pub struct Cleaned<'a> {
    input: &'a str,
    text: Cow<'a, str>,
    edits: Vec<Edit>,
}

impl<'a> Cleaned<'a> {
    /// The cleaned text; borrowed (the input itself) when nothing changed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cleaned text, taking ownership.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The changes, sorted by position and not overlapping, with byte and
    /// character spans into the input. A removed line is an edit of kind
    /// [`EditKind::Furniture`] with an empty `after`, a Unicode or
    /// white-space fix one of kind [`EditKind::Hygiene`]; the `reason` of
    /// each says why, and `rules` is empty (no substitution rule is
    /// involved).
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The number of removed lines (furniture), for summaries such as
    /// `--check`'s.
    pub fn removals(&self) -> usize {
        self.edits
            .iter()
            .filter(|e| e.kind == EditKind::Furniture)
            .count()
    }

    /// The edits of cleaning followed by `later`, whose spans point into
    /// the cleaned text (a repair of it), as edits of the input: one
    /// report, one diff, for both steps.
    pub fn compose(&self, later: Vec<Edit>) -> Vec<Edit> {
        let mut edits = compose(self.input, self.edits.clone(), later);
        assign_char_spans(self.input, &mut edits);
        edits
    }
}

impl Default for Cleaner {
    fn default() -> Self {
        CleanerBuilder::default().build()
    }
}

impl Cleaner {
    /// A builder for a configured cleaner.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Cleans one text on its own evidence.
    pub fn clean<'a>(&self, text: &'a str) -> Cleaned<'a> {
        self.run(text, None)
    }

    /// Cleans one text with the counts of a batch of documents from the
    /// same source (which should include this one): a line held by at
    /// least the configured number and share of them is furniture. A
    /// document whose every paragraph is repeated (a copy of another) is
    /// cleaned on its own evidence only.
    pub fn clean_with<'a>(&self, text: &'a str, stats: &CleanerStats) -> Cleaned<'a> {
        self.run(text, Some(stats))
    }

    /// The counts of a batch of documents from one source, for
    /// [`Cleaner::clean_with`]; merge the counts of shards with
    /// [`CleanerStats::merge`].
    pub fn stats(&self, texts: &[&str]) -> CleanerStats {
        texts
            .par_iter()
            .map(|text| {
                let mut stats = CleanerStats::new();
                stats.add_lines(&lines::lines(text, &self.vocab));
                stats
            })
            .reduce(CleanerStats::new, |mut a, b| {
                a.merge(&b);
                a
            })
    }

    fn run<'a>(&self, text: &'a str, stats: Option<&CleanerStats>) -> Cleaned<'a> {
        let lines = lines::lines(text, &self.vocab);
        let (mut edits, regions) = if self.options.furniture {
            let repeated = self.repeated(&lines, stats);
            let marks = context::marks(&lines, &self.vocab, &repeated);
            removal::removals(text, &lines, &marks)
        } else {
            (Vec::new(), Vec::new())
        };
        let fixes = hygiene::hygiene(text, &lines, &self.options.hygiene);
        // Removals win over fixes inside what they remove; blank-line runs
        // inside a gap they tidied are theirs.
        let hits = |spans: &[std::ops::Range<usize>], span: &std::ops::Range<usize>| {
            let k = spans.partition_point(|s| s.end <= span.start);
            spans.get(k).is_some_and(|s| s.start < span.end)
        };
        let removed: Vec<std::ops::Range<usize>> = edits.iter().map(|e| e.span.clone()).collect();
        edits.extend(fixes.into_iter().filter(|fix| {
            let removed_with_a_line = hits(&removed, &fix.span);
            let blank_run_in_a_gap = hygiene::is_blank_run(fix) && hits(&regions, &fix.span);
            !removed_with_a_line && !blank_run_in_a_gap
        }));
        edits.sort_by_key(|e| e.span.start);
        assign_char_spans(text, &mut edits);
        let text_out = if edits.is_empty() {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(apply(text, &edits))
        };
        Cleaned {
            input: text,
            text: text_out,
            edits,
        }
    }

    /// For each line, why it is repeated furniture, if it is.
    fn repeated(&self, lines: &[lines::Line], stats: Option<&CleanerStats>) -> Vec<Option<String>> {
        let none = vec![None; lines.len()];
        let Some(stats) = stats else { return none };
        let documents = stats.documents();
        let needed = self
            .options
            .min_repeat_documents
            .max((self.options.min_repeat_share * documents as f64).ceil() as u64);
        if documents < self.options.min_repeat_documents {
            return none;
        }
        let counts: Vec<u64> = lines
            .iter()
            .map(|l| stats::fingerprint(l).map_or(0, |f| stats.count(f)))
            .collect();
        // A copy of another document: every paragraph repeated.
        let own_prose = lines
            .iter()
            .zip(&counts)
            .any(|(l, &c)| l.prose && c < needed);
        if !own_prose {
            return none;
        }
        counts
            .iter()
            .map(|&c| {
                (c >= needed)
                    .then(|| format!("seen in {c} of {documents} documents of this source"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Cleaner>();
    }

    #[test]
    fn clean_prose_is_borrowed_back() {
        let text = "The quick brown fox jumps over the lazy dog.\n\nIt was not amused.\n";
        let cleaned = Cleaner::default().clean(text);
        assert!(matches!(cleaned.into_text(), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn removals_and_fixes_share_one_list_of_edits() {
        let text = "Delegates met in the capital on Monday to discuss the plan.  \n\
                    They agreed on a joint declaration after long talks.\n\nShare this article\n\n\
                    Leave a comment\n";
        let cleaned = Cleaner::default().clean(text);
        assert_eq!(
            cleaned.text(),
            "Delegates met in the capital on Monday to discuss the plan.\n\
             They agreed on a joint declaration after long talks.\n"
        );
        assert_eq!(cleaned.removals(), 2);
        let kinds: Vec<EditKind> = cleaned.edits().iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![EditKind::Hygiene, EditKind::Furniture, EditKind::Furniture]
        );
        let off = Cleaner::builder().furniture(false).build().clean(text);
        assert_eq!(off.removals(), 0);
        assert_eq!(off.edits().len(), 1);
    }

    #[test]
    fn lines_many_documents_share_are_furniture() {
        let stories = [
            "The mayor opened the new bridge over the river on Monday morning.",
            "Farmers brought their best cattle to the autumn show in the valley.",
            "A storm closed the harbour and kept the fishing boats at home for days.",
            "The library will stay open late during the exam weeks, its director said.",
        ];
        let docs: Vec<String> = stories
            .iter()
            .map(|story| {
                format!(
                    "Weather and traffic for the region\n\n{story}\n\n\
                     So arbeitet die Redaktion: wir prüfen jede Meldung, bevor sie erscheint.\n"
                )
            })
            .collect();
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let cleaner = Cleaner::default();
        let stats = cleaner.stats(&refs);
        assert_eq!(stats.documents(), 4);
        let cleaned = cleaner.clean_with(refs[0], &stats);
        assert_eq!(cleaned.text(), format!("{}\n", stories[0]));
        assert!(cleaned.edits()[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("4 of 4 documents"));
        // Alone, the same text keeps its lines.
        assert_eq!(cleaner.clean(refs[0]).removals(), 0);
        // A copy of another document is not emptied.
        let copies = [refs[0], refs[0], refs[0]];
        let stats = cleaner.stats(&copies);
        assert_eq!(cleaner.clean_with(refs[0], &stats).removals(), 0);
    }

    #[test]
    fn composed_with_a_repair_the_edits_point_into_the_input() {
        let text = "Share this article\nTweet\nEmail\n\nThey will attfinish the summit.\n";
        let cleaned = Cleaner::default().clean(text);
        let cleaned_text = cleaned.text().to_string();
        let at = cleaned_text.find("attfinish").unwrap();
        let repair = Edit {
            span: at..at + "attfinish".len(),
            chars: 0..0,
            before: "attfinish".to_string(),
            after: "attend".to_string(),
            rules: vec![("finish".to_string(), "end".to_string())],
            confidence: 0.9,
            kind: EditKind::WordSwap,
            reason: None,
        };
        let all = cleaned.compose(vec![repair]);
        assert_eq!(apply(text, &all), "They will attend the summit.\n");
        let last = all.last().unwrap();
        assert_eq!(&text[last.span.clone()], "attfinish");
        assert_eq!(
            text.chars()
                .skip(last.chars.start)
                .take(9)
                .collect::<String>(),
            "attfinish"
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines like the ones the rules look at, and noise.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Share this article".to_string()),
            Just("Read next".to_string()),
            Just("19:27".to_string()),
            Just("Leave a Reply".to_string()),
            Just("Home".to_string()),
            Just("News".to_string()),
            Just("AU$10".to_string()),
            Just("© 2024 Example Media. All rights reserved.".to_string()),
            Just(
                "The council met on Monday and agreed to rebuild the old bridge by spring."
                    .to_string()
            ),
            Just(
                "Rescue teams worked through the night, the mayor said, and found everyone."
                    .to_string()
            ),
            Just(String::new()),
            "[ \\t\\u{a0}\\u{200b}\\u{85}\\u{feff}a-zA-Zé\\u{301}“”–.:!?@©$0-9/|«»]{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn edits_are_sound_and_rebuild_the_text(
            lines in proptest::collection::vec(line(), 0..30),
            crlf in any::<bool>(),
            all in any::<bool>(),
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let cleaner = if all {
                Cleaner::builder().nfc(true).nbsp(true).quotes(true).dashes(true).max_blank_lines(Some(1)).build()
            } else {
                Cleaner::default()
            };
            let cleaned = cleaner.clean(&text);
            let mut at = 0;
            for edit in cleaned.edits() {
                prop_assert!(edit.span.start >= at);
                prop_assert_eq!(&text[edit.span.clone()], edit.before.as_str());
                prop_assert!(edit.reason.as_deref().is_some_and(|why| !why.is_empty()));
                at = edit.span.end;
            }
            prop_assert_eq!(apply(&text, cleaned.edits()), cleaned.text());
        }
    }
}
