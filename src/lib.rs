//! textmend repairs text that was damaged in *systematic* ways — an article
//! spinner that swapped synonyms inside words (`attend` → `attfinish`,
//! `country` → `counattempt`), a scanner that misread one glyph all through a
//! book — by learning the substitution rules from the text itself and
//! rewriting only the words those rules explain.
//!
//! ```
//! use textmend::Mender;
//!
//! let mender = Mender::english()?;
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
//! # How it works
//!
//! The pipeline has one module per stage and data flows one way:
//! tokenize → detect (dictionary lookups in an embedded FST) → explain (each
//! unknown word as `p·x·q` where `p·y·q` is a word) → learn (pool the
//! explanations into rules `x → y`, accepted on independent support and on
//! the spinner's signature: `y` vanished from the text) → rewrite (apply
//! accepted rules to unknown words, keep dictionary words, restore case).
//!
//! # The clean-text guarantee
//!
//! Only words that are not in the dictionary are ever changed, and only by a
//! rule the text gives evidence for. Clean text comes back byte-identical —
//! [`Mended::into_text`] is then `Cow::Borrowed` — and so does text that does
//! not read as English ([`Skip::NotEnglish`]).
//!
//! # Quirks
//!
//! * Words in capitals, mixed-case brand names, words with digits, URLs,
//!   e-mail addresses, handles and tags are never changed.
//! * A rule seen in one word only is accepted when it is a word-for-word
//!   swap, its replaced side is absent from the text, and it is the one clear
//!   restoration; short texts therefore get fewer repairs than long ones.
//! * Whole-word swaps (`said` → `stated`) are real words and are not
//!   repaired.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod corrupt;
mod detect;
mod error;
mod explain;
mod language;
mod learn;
mod lexicon;
mod mender;
mod rewrite;
mod rules;
pub mod score;
mod thesaurus;
mod tokenize;

pub use error::{Error, Result};
pub use mender::{Mended, Mender, MenderBuilder, Skip};
pub use rewrite::Edit;
pub use rules::{Rule, RuleKind, RuleSet};
