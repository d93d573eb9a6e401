//! The commonest words of a dictionary in a hash table laid out at build
//! time: most lookups are of everyday words, and probing a table costs a
//! tenth of walking the FST. `build.rs` writes the table ([`write`]); the
//! library reads it in place ([`Common`]), with nothing to build at run
//! time and no relocation or symbol per word (a `phf` map of the same words
//! added 18 MB to the binary, most of it a symbol per string).
//!
//! Layout, little-endian: the slot count `S` (a power of two, `u32`), `S`
//! slots (`u32`: one plus the offset of the slot's entry, 0 when empty),
//! then the entries (`u8` key length, the key's bytes, `u32` frequency).
//! A key goes to the first free slot from its FNV-1a hash on (linear
//! probing), so a lookup stops at its key or at an empty slot.

use std::hash::Hasher;

/// How many of a dictionary's commonest entries the table holds: 16,384
/// words are about four in five of the distinct words of a short
/// document, in about 350 KB per language.
pub const COMMON_WORDS: usize = 16_384;

/// The table's home slot for `key`.
fn hash(key: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(key);
    hasher.finish()
}

/// The table of `entries` (keys of at most 255 bytes and frequencies under
/// 2³²; others are left out, for the FST to answer), with at least half
/// again as many slots as entries.
#[allow(dead_code)] // Only the build script writes tables.
pub(crate) fn write(entries: &[(&str, u64)]) -> Vec<u8> {
    let entries: Vec<(&str, u32)> = entries
        .iter()
        .filter(|(key, _)| key.len() <= 255)
        .filter_map(|&(key, frequency)| Some((key, u32::try_from(frequency).ok()?)))
        .collect();
    let slots = (entries.len() * 3 / 2).next_power_of_two().max(1);
    let mut table = vec![0u32; slots];
    let mut area = Vec::new();
    for (key, frequency) in entries {
        let mut slot = hash(key.as_bytes()) as usize & (slots - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        table[slot] = u32::try_from(area.len() + 1).expect("a table under 4 GB");
        area.push(key.len() as u8);
        area.extend_from_slice(key.as_bytes());
        area.extend_from_slice(&frequency.to_le_bytes());
    }
    let mut bytes = Vec::with_capacity(4 + 4 * slots + area.len());
    bytes.extend_from_slice(&(slots as u32).to_le_bytes());
    for offset in table {
        bytes.extend_from_slice(&offset.to_le_bytes());
    }
    bytes.extend_from_slice(&area);
    bytes
}

/// A table [`write`] made, read in place.
#[derive(Clone, Copy, Debug)]
pub struct Common {
    slots: &'static [u8],
    entries: &'static [u8],
}

impl Common {
    /// Reads the table in `bytes`; a table that is not one reads as empty.
    pub fn new(bytes: &'static [u8]) -> Common {
        let empty = Common {
            slots: &[],
            entries: &[],
        };
        let Some((count, rest)) = bytes.split_first_chunk::<4>() else {
            return empty;
        };
        let count = u32::from_le_bytes(*count) as usize;
        if !count.is_power_of_two() || rest.len() < 4 * count {
            return empty;
        }
        let (slots, entries) = rest.split_at(4 * count);
        Common { slots, entries }
    }

    /// The frequency of `key`, if it is one of the table's words.
    pub fn get(&self, key: &str) -> Option<u64> {
        let count = self.slots.len() / 4;
        if count == 0 {
            return None;
        }
        let mut slot = hash(key.as_bytes()) as usize & (count - 1);
        for _ in 0..count {
            let offset = self.offset(slot)?;
            let (word, frequency) = self.entry(offset)?;
            if word == key.as_bytes() {
                return Some(frequency);
            }
            slot = (slot + 1) & (count - 1);
        }
        None
    }

    /// Every word of the table with its frequency, in slot order.
    pub fn entries(&self) -> impl Iterator<Item = (&'static [u8], u64)> + '_ {
        (0..self.slots.len() / 4)
            .filter_map(|slot| self.offset(slot))
            .filter_map(|offset| self.entry(offset))
    }

    /// The entry offset in `slot`; none for an empty slot.
    fn offset(&self, slot: usize) -> Option<usize> {
        let bytes = self.slots.get(4 * slot..4 * slot + 4)?;
        let offset = u32::from_le_bytes(bytes.try_into().ok()?) as usize;
        offset.checked_sub(1)
    }

    /// The key and frequency of the entry at `offset`.
    fn entry(&self, offset: usize) -> Option<(&'static [u8], u64)> {
        let entries: &'static [u8] = self.entries;
        let len = usize::from(*entries.get(offset)?);
        let key = entries.get(offset + 1..offset + 1 + len)?;
        let frequency = entries.get(offset + 1 + len..offset + 5 + len)?;
        Some((
            key,
            u64::from(u32::from_le_bytes(frequency.try_into().ok()?)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_written_and_no_other() {
        let words: Vec<(String, u64)> = (0..5_000u64).map(|i| (format!("w{i}"), i * 7)).collect();
        let entries: Vec<(&str, u64)> = words.iter().map(|(w, f)| (w.as_str(), *f)).collect();
        let table = Common::new(Box::leak(write(&entries).into_boxed_slice()));
        for (word, frequency) in &entries {
            assert_eq!(table.get(word), Some(*frequency), "{word}");
        }
        for absent in ["", "w", "w5000", "x1", "w12345"] {
            assert_eq!(table.get(absent), None, "{absent}");
        }
        assert_eq!(table.entries().count(), entries.len());
        assert_eq!(Common::new(&[1, 2]).get("w1"), None);
        assert_eq!(Common::new(&[]).entries().count(), 0);
    }
}
