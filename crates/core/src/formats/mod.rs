//! What textmend writes and reads back: rules files ([`rules`]) and
//! mergeable learning statistics ([`stats`]), each with a writer, a parser
//! and a round-trip test.

pub(crate) mod rules;
pub(crate) mod stats;
