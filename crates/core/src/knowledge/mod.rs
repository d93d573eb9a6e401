//! What textmend knows about languages before it reads a text: which words
//! exist and how common they are ([`lexicon`]), which are related in
//! meaning ([`thesaurus`]), how words inflect ([`morphology`]), how well
//! they fit their neighbours ([`ngrams`]), which glyphs look alike
//! ([`glyphs`]), how words were spelled before today's orthographies
//! ([`period`]), which language a text is in ([`language`]), and what the
//! user adds ([`user`]). The pipeline's stages read it; nothing here reads
//! a stage.

pub(crate) mod glyphs;
pub(crate) mod language;
pub(crate) mod lexicon;
pub(crate) mod morphology;
pub(crate) mod ngrams;
pub(crate) mod period;
pub(crate) mod thesaurus;
pub(crate) mod user;
