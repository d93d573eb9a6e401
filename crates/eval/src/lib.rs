//! Evaluation tools for textmend: damage clean text on purpose
//! ([`corrupt`]) and score a repair word by word ([`score`]). They are what
//! `textmend eval`, the tests and the benchmarks measure with; the repair
//! itself never uses them, so no rule can be looked up instead of learned.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod corrupt;
pub mod score;
