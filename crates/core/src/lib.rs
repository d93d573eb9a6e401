//! textmend repairs text that was damaged in *systematic* ways — an article
//! spinner that swapped synonyms inside words (`attend` → `attfinish`,
//! `country` → `counattempt`), a scanner that misread one glyph all through a
//! book (`modern` → `rnodern`), an encoding step that turned `’` into `â€™`
//! — by learning the substitution rules from the text itself and rewriting
//! only the words those rules explain.
//!
//! ```
//! use textmend::Mender;
//!
//! let mender = Mender::new()?;
//! let spun = "Delegates will attfinish the summit. The agfinisha is long, \
//!             and every counattempt in the region sent a delegation.";
//! let mended = mender.mend(spun);
//! assert_eq!(
//!     mended.text(),
//!     "Delegates will attend the summit. The agenda is long, \
//!      and every country in the region sent a delegation."
//! );
//! let rule = &mended.rules().rules()[0];
//! assert_eq!((rule.from.as_str(), rule.to.as_str()), ("finish", "end"));
//! assert_eq!(rule.words, 2); // attend, agenda
//! # Ok::<(), textmend::Error>(())
//! ```
//!
//! Scanned text works the same way: the scanner's confusions are learned
//! from the text (here `rn` read for `m`), and mojibake and ligatures are
//! undone on the way.
//!
//! ```
//! use textmend::{Mender, RuleKind};
//!
//! let scanned = "The rnodern rnill rnade rnore rnoney than the old one, and rnany \
//!                rnen carne frorn far away to work there. It\u{e2}\u{20ac}\u{2122}s a \u{fb01}ne place.";
//! let mended = Mender::new()?.mend(scanned);
//! assert_eq!(
//!     mended.text(),
//!     "The modern mill made more money than the old one, and many \
//!      men came from far away to work there. It\u{2019}s a fine place."
//! );
//! let rule = &mended.rules().rules()[0];
//! assert_eq!((rule.from.as_str(), rule.to.as_str(), rule.kind), ("rn", "m", RuleKind::Glyph));
//! # Ok::<(), textmend::Error>(())
//! ```
//!
//! # How it works
//!
//! The pipeline has one module per stage and data flows one way:
//! encoding (mojibake decoded) → broken words (line-end hyphens, stray
//! spaces) → tokenize → detect (dictionary lookups in an embedded FST) →
//! explain (each unknown word as `p·x·q` where `p·y·q` is a word, and as a
//! dictionary word within edit distance 2 with the glyph substitutions that
//! implies) → learn (pool the explanations into rules `x → y`: word swaps
//! accepted on independent support and on the spinner's signature, `y`
//! vanished from the text; glyph confusions on support and on the steady
//! share of places they hit) → rewrite (apply accepted rules to unknown
//! words, keep dictionary words, restore case) → whole-word swaps (a word
//! that reads as an inflection of a learned rule's replaced side, `notified`
//! for `told` after `notify → tell`, checked against its neighbours).
//! [`Mode`] chooses which damage is looked for; by default both, and the
//! evidence decides.
//!
//! # Beyond one text
//!
//! * [`MenderBuilder::rules`] applies reviewed rules ([`RuleSet::parse`]
//!   reads the rules file `textmend learn` writes); [`Mender::apply`] applies
//!   given rules to one text.
//! * [`Mender::learn`] pools the evidence of a batch (one spun site shares
//!   one spinner table); for corpora split across machines,
//!   [`Mender::stats`] counts a shard, [`LearningStats::merge`] adds shards
//!   up and [`Mender::decide`] gives the same rules as learning on the
//!   whole.
//! * [`Mender::mend_bytes`] repairs input that is not all valid UTF-8,
//!   inside its valid stretches.
//! * The `textmend-eval` crate damages clean text on purpose and scores a
//!   repair word by word (`textmend eval`); the repair never uses it.
//!
//! # Cleaning scraped text
//!
//! A [`Cleaner`] removes site furniture — menus, share buttons,
//! subscription offers, "Read next" lists, comment prompts, credits — line
//! by line, by what the lines are (vocabulary of buttons and labels in
//! several languages, runs of short lines, the stretches before an
//! article's start and after its end), and fixes invisible characters,
//! control characters and white space. Every change is an [`Edit`] of kind
//! [`EditKind::Furniture`] or [`EditKind::Hygiene`] whose `reason` says
//! why, so it goes into the same reports as a repair; clean prose comes
//! back byte-identical.
//!
//! ```
//! use textmend::{Cleaner, EditKind};
//!
//! let page = "Delegates met in the capital on Monday to discuss the plan.\n\
//!             They agreed on a joint declaration after long talks.\n\n\
//!             Share this article\n\nLeave a comment\n";
//! let cleaned = Cleaner::default().clean(page);
//! assert_eq!(
//!     cleaned.text(),
//!     "Delegates met in the capital on Monday to discuss the plan.\n\
//!      They agreed on a joint declaration after long talks.\n"
//! );
//! let removal = &cleaned.edits()[0];
//! assert_eq!(removal.kind, EditKind::Furniture);
//! assert!(removal.reason.as_deref().unwrap().contains("article-action vocabulary"));
//! ```
//!
//! [`Cleaner::stats`] counts a batch of documents from one source (and
//! [`CleanerStats::merge`] adds shards up); [`Cleaner::clean_with`] then
//! removes the lines that many of them share. [`Cleaned::compose`] turns a
//! repair of the cleaned text into edits of the input.
//!
//! # The clean-text guarantee
//!
//! Only words that are not in the dictionary are ever changed, and only by a
//! rule the text gives evidence for; whole-word swaps change real words, so
//! they are [`Mended::suggestions`] unless [`MenderBuilder::whole_words`]
//! asks for them. Clean text comes back byte-identical —
//! [`Mended::into_text`] is then `Cow::Borrowed` — and so does text that does
//! is in no language with a dictionary ([`Skip::UnsupportedLanguage`]).
//!
//! # Quirks
//!
//! * Words in capitals, mixed-case brand names, URLs, e-mail addresses,
//!   handles and tags are never changed; words that mix letters and digits
//!   only by a learned glyph confusion (`1ike` → `like`), and never when
//!   the text numbers them (`Base1`, `Base2`).
//! * Ligatures (`ﬁ`) are expanded and Cyrillic or Greek look-alike letters
//!   inside Latin words mapped back, unless the mode is [`Mode::Spinner`].
//! * A rule seen in one word only is accepted when it is a word-for-word
//!   swap, its replaced side is absent from the text, and it is the one clear
//!   restoration; short texts therefore get fewer repairs than long ones.
//! * Whole-word swaps are found only where an in-word rule backs them
//!   (`notify → tell` for `notified`); a swap the text shows nowhere inside
//!   a word (`said` → `stated`) is not, and a batch ([`Mender::learn`])
//!   shows more of them than one text.
//!
//! ```
//! use textmend::Mender;
//!
//! let spun = "She notified him at once. Our innotifyigence units and theirs \
//!             shared innotifyigence, and the notifyer notified them all.";
//! let mended = Mender::new()?.mend(spun);
//! let suggested: Vec<&str> = mended.suggestions().iter().map(|e| e.after.as_str()).collect();
//! assert!(mended.text().contains("She notified him")); // suggested, not applied
//! assert!(suggested.contains(&"told"));
//! # Ok::<(), textmend::Error>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod chars;
mod clean;
mod edit;
mod error;
mod formats;
mod knowledge;
mod mender;
mod stages;

/// Entry points to single pipeline stages, for the benchmarks in
/// `benches/stages.rs`. Not part of the stable API.
#[doc(hidden)]
pub mod bench {
    use crate::chars::MAX_WORD_CHARS;
    use crate::stages::detect::detect;
    use crate::stages::explain::explain;
    use crate::stages::tokenize::tokenize;
    use crate::{Mender, RuleSet};

    /// Tokenizes `text`; the number of word tokens.
    pub fn tokens(text: &str) -> usize {
        tokenize(text).len()
    }

    /// Tokenizes and looks up every token; the number of suspect types.
    pub fn suspects(mender: &Mender, text: &str) -> usize {
        let tokens = tokenize(text);
        detect(text, &tokens, mender.lexicon(), MAX_WORD_CHARS, true)
            .suspects
            .len()
    }

    /// Explains every suspect type of `text`; the number of explanations.
    pub fn explanations(mender: &Mender, text: &str) -> usize {
        let tokens = tokenize(text);
        detect(text, &tokens, mender.lexicon(), MAX_WORD_CHARS, true)
            .suspects
            .iter()
            .map(|s| explain(&s.key, mender.lexicon()).len())
            .sum()
    }

    /// Finds the misreadings learning reads of every suspect type of
    /// `text`; their number.
    pub fn misreadings(mender: &Mender, text: &str) -> usize {
        let tokens = tokenize(text);
        detect(text, &tokens, mender.lexicon(), MAX_WORD_CHARS, true)
            .suspects
            .iter()
            .map(|s| crate::stages::explain::learnable_misreadings(&s.key, mender.lexicon()).len())
            .sum()
    }

    /// The whole of learning on `text`.
    pub fn learn(mender: &Mender, text: &str) -> RuleSet {
        mender.learn(&[text])
    }

    /// Rewriting `text` with given rules; the number of edits.
    pub fn rewrite(mender: &Mender, text: &str, rules: &RuleSet) -> usize {
        mender.apply(text, rules).edits().len()
    }
}

pub use clean::{Cleaned, Cleaner, CleanerBuilder, CleanerStats};
pub use edit::{Edit, EditKind};
pub use error::{Error, Result};
pub use formats::rules::{Rule, RuleKind, RuleSet};
pub use formats::stats::LearningStats;
pub use knowledge::language::Language;
pub use knowledge::user::{Ignore, UserThesaurus, UserWords};
pub use mender::{
    Labelled, Learned, Mended, MendedBytes, Mender, MenderBuilder, Mode, Skip, WordInfo,
};
