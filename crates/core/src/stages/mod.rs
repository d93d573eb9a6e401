//! The pipeline, one module per stage in the order data flows through
//! them; a stage reads only the stages before it (and `knowledge`,
//! `formats` and `edit`):
//!
//! [`encoding`] (mojibake decoded) → [`broken`] (words broken by hyphens
//! and stray spaces rejoined) → [`tokenize`] (words as byte spans, with
//! their case) → [`identify`] (the language, per paragraph when mixed) →
//! [`detect`] (suspect word types and how much each may
//! count as evidence) → [`explain`] (each suspect as a substitution inside
//! a dictionary word, or as misread glyphs) → [`learn`] (explanations
//! pooled into rules) → [`rewrite`] (rules applied to suspects, as edits) →
//! [`swaps`] (whole-word swaps that the in-word rules back).

pub(crate) mod broken;
pub(crate) mod detect;
pub(crate) mod encoding;
pub(crate) mod explain;
pub(crate) mod identify;
pub(crate) mod learn;
pub(crate) mod rewrite;
pub(crate) mod swaps;
pub(crate) mod tokenize;
