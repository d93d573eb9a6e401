//! Memos of the per-suspect work of learning: a suspect's explanations and
//! misreadings depend only on the word and the dictionary (and thesaurus)
//! it is read against, so a mender that sees the same names and rare words
//! in document after document (a corpus of short records) walks the
//! dictionary for each only once. Results are the same as computed afresh;
//! the memos are bounded (emptied when full) and shared by all threads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::Mender;
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::thesaurus::Thesaurus;
use crate::stages::explain::{Explanation, Misreading};

/// About how many bytes each memo may hold before it is emptied.
const MAX_MEMO_BYTES: usize = 8 << 20;

/// Texts of more words than this are learned from without the memos: the
/// learning window of a long input (1 MiB, about 170,000 words) has
/// suspects enough to fill them on its own, and they would keep its
/// explanations after it (18 MB more at the peak of seven languages' prose
/// at `-j 2`). An article or a corpus record is a few thousand words.
pub(super) const MAX_MEMO_WORDS: usize = 50_000;

/// A memo's key: the dictionary and thesaurus (as [`Mender::memo_at`]
/// numbers them) and the suspect.
type Key = (usize, usize, Box<str>);

/// What a memo holds, and about how many bytes.
struct Entries<V> {
    map: HashMap<Key, Arc<[V]>>,
    bytes: usize,
}

/// One memo: results by dictionary (and thesaurus) and suspect.
struct Memo<V> {
    entries: Mutex<Entries<V>>,
}

impl<V> Memo<V> {
    fn new() -> Self {
        Memo {
            entries: Mutex::new(Entries {
                map: HashMap::new(),
                bytes: 0,
            }),
        }
    }

    /// What `compute` gives for `key` in `at`, shared, not copied: a
    /// suspect's explanations hold three strings each.
    fn get_or(
        &self,
        at: (usize, usize),
        key: &str,
        size: impl Fn(&V) -> usize,
        compute: impl FnOnce() -> Vec<V>,
    ) -> Arc<[V]> {
        let id = (at.0, at.1, Box::<str>::from(key));
        if let Some(found) = self.lock().map.get(&id) {
            return Arc::clone(found);
        }
        let found: Arc<[V]> = compute().into();
        let bytes = 64 + key.len() + found.iter().map(&size).sum::<usize>();
        let mut memo = self.lock();
        if memo.bytes + bytes > MAX_MEMO_BYTES {
            memo.map.clear();
            memo.bytes = 0;
        }
        memo.bytes += bytes;
        memo.map.insert(id, Arc::clone(&found));
        found
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries<V>> {
        // A panic elsewhere leaves the memo as consistent as ever.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The memos of a [`super::Mender`].
pub(super) struct Memos {
    explanations: Memo<Explanation>,
    misreadings: Memo<Misreading>,
}

impl Memos {
    pub(super) fn new() -> Self {
        Memos {
            explanations: Memo::new(),
            misreadings: Memo::new(),
        }
    }

    /// The explanations of suspect `key` in the dictionary and thesaurus
    /// `at` ([`super::Mender::memo_at`]), as `compute` gives them.
    pub(super) fn explanations(
        &self,
        key: &str,
        at: (usize, usize),
        compute: impl FnOnce() -> Vec<Explanation>,
    ) -> Arc<[Explanation]> {
        self.explanations
            .get_or(at, key, |e| 48 + e.restored.len(), compute)
    }

    /// The misreadings of suspect `key` in the dictionary `at`, as
    /// `compute` gives them.
    pub(super) fn misreadings(
        &self,
        key: &str,
        at: (usize, usize),
        compute: impl FnOnce() -> Vec<Misreading>,
    ) -> Arc<[Misreading]> {
        self.misreadings.get_or(
            at,
            key,
            |m| 112 + m.restored.len() + m.substitution.0.len() + m.substitution.1.len(),
            compute,
        )
    }
}

impl Mender {
    /// Which of the mender's dictionaries and thesauri `lexicon` and
    /// `thesaurus` are, as numbers (found by address now, so the mender may
    /// have moved since the memos were filled); `None` for others.
    pub(super) fn memo_at(
        &self,
        lexicon: &Lexicon,
        thesaurus: &Thesaurus,
    ) -> Option<(usize, usize)> {
        let lexicon = if std::ptr::eq(lexicon, &self.lexicon) {
            0
        } else {
            1 + self
                .others
                .iter()
                .position(|(_, l)| std::ptr::eq(l, lexicon))?
        };
        let thesaurus = if std::ptr::eq(thesaurus, &self.thesaurus) {
            0
        } else if std::ptr::eq(thesaurus, &self.no_thesaurus) {
            1
        } else {
            2 + self
                .thesauri
                .iter()
                .position(|(_, t)| std::ptr::eq(t, thesaurus))?
        };
        Some((lexicon, thesaurus))
    }
}
