//! Word counts: does a word fit between its neighbours?
//!
//! A spinner's whole-word swap keeps the sentence grammatical but often
//! unidiomatic (`obtain concrete`, `he reportedly stated`). Comparing how
//! well the suspected original and the word in the text fit their left and
//! right neighbours, under a bigram model of book English, is the context
//! check of whole-word suggestions. The counts are symspellpy's unigram and
//! bigram lists (Google Books Ngram data), compiled by `build.rs` into an FST
//! map from `word` or `word word` to `round(100 × log10(count))`, with the
//! totals the model needs computed there too.

use fst::Map;

use textmend_dict::Scale;

use crate::error::{Error, Result};

/// The share of a word's count that an unseen pair is assumed to keep
/// ("stupid backoff").
const BACKOFF: f64 = 0.4;

/// Word and word-pair counts.
pub(crate) struct Ngrams {
    map: Map<&'static [u8]>,
}

/// The totals of the counts, computed when they were compiled.
const SCALE: Scale = textmend_dict::EN_NGRAM_SCALE;

impl Ngrams {
    /// The embedded English counts.
    pub(crate) fn english() -> Result<Ngrams> {
        let map = Map::new(textmend_dict::english().ngrams)
            .map_err(|e| Error::Dictionary(e.to_string()))?;
        Ok(Ngrams { map })
    }

    /// log10 of the count of `key` (a lowercase word, or two joined by a
    /// space), if listed.
    fn log_count(&self, key: &str) -> Option<f64> {
        self.map.get(key).map(|v| v as f64 / 100.0)
    }

    /// Whether the counts list this lowercase word.
    pub(crate) fn knows(&self, word: &str) -> bool {
        self.map.contains_key(word)
    }

    /// log10 P(`next` | `word`): the pair's count over the word's, or for an
    /// unlisted pair the backed-off share of `next`'s count, never more than
    /// an unlisted pair can have.
    fn log_follows(&self, word: &str, next: &str) -> f64 {
        let scale = &SCALE;
        let word_count = self.log_count(word).unwrap_or(scale.word_floor);
        if let Some(pair) = self.log_count(&format!("{word} {next}")) {
            return pair - word_count;
        }
        let next_count = self.log_count(next).unwrap_or(scale.word_floor);
        let backed_off = BACKOFF.log10() + word_count + next_count - scale.total;
        backed_off.min(scale.pair_floor) - word_count
    }

    /// How well `word` fits between `left` and `right` (lowercase; `None`
    /// at a sentence or clause boundary): log10 P(word | left) + log10
    /// P(right | word), with P(word) standing in for the first term when
    /// there is no left neighbour or the counts do not list it, and the
    /// second left out when there is no right neighbour the counts list.
    pub(crate) fn fit(&self, left: Option<&str>, word: &str, right: Option<&str>) -> f64 {
        let scale = &SCALE;
        let mut fit = match left.filter(|l| self.knows(l)) {
            Some(left) => self.log_follows(left, word),
            None => self.log_count(word).unwrap_or(scale.word_floor) - scale.total,
        };
        if let Some(right) = right.filter(|r| self.knows(r)) {
            fit += self.log_follows(word, right);
        }
        fit
    }

    /// All listed pairs starting with `word`, for tests and inspection.
    #[cfg(test)]
    fn pairs_of(&self, word: &str) -> usize {
        use fst::{IntoStreamer, Streamer};
        let lo = format!("{word} ");
        let hi = format!("{word}!");
        let mut stream = self.map.range().ge(&lo).lt(&hi).into_stream();
        let mut n = 0;
        while stream.next().is_some() {
            n += 1;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idiomatic_neighbours_fit_better() {
        let ngrams = Ngrams::english().unwrap();
        assert!(ngrams.pairs_of("said") > 10);
        let said = ngrams.fit(Some("he"), "said", Some("that"));
        let stated = ngrams.fit(Some("he"), "stated", Some("that"));
        assert!(said > stated, "{said} {stated}");
        let told = ngrams.fit(Some("she"), "told", Some("him"));
        let notified = ngrams.fit(Some("she"), "notified", Some("him"));
        assert!(told > notified, "{told} {notified}");
        // Without neighbours, the commoner word fits better.
        assert!(ngrams.fit(None, "said", None) > ngrams.fit(None, "stated", None));
        // An unlisted pair never beats a listed one of the same words.
        assert!(ngrams.log_follows("he", "said") > ngrams.log_follows("he", "qqqq"));
    }
}
