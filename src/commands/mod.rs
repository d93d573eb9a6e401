//! One module per command; `main` dispatches to them.

pub mod dict;
pub mod eval;
mod eval_report;
pub mod generate;
pub mod learn;
pub mod repair;
