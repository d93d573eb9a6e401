//! The compiled-dictionary loader (`--dict FILE`, `UserWords::from_bytes`)
//! on arbitrary bytes and on real compiled dictionaries cut short or with a
//! byte changed (issue #22, bug 14): an error or a word list, never a
//! panic, and whatever loads can be looked up and compiled again.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use textmend::UserWords;

/// Looks every loaded word up and compiles the list again: no panic, and
/// the compiled form reads back to the same words.
fn exercise(words: &UserWords) {
    let compiled = words.to_fst();
    let again = UserWords::from_bytes(&compiled, Path::new("again.fst"))
        .expect("what textmend compiles it reads back");
    assert_eq!(&again, words);
    for (word, _) in words.iter().take(100) {
        assert!(again.iter().any(|(w, _)| w == word));
    }
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.fst");
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        // Arbitrary bytes, as a text list or as a compiled one.
        0 => {
            if let Ok(words) = UserWords::from_bytes(rest, path) {
                exercise(&words);
            }
        }
        // A real compiled dictionary of the data's lines, cut short.
        1 | 2 => {
            let Some((&at, text)) = rest.split_first() else {
                return;
            };
            let mut words = UserWords::new();
            for line in String::from_utf8_lossy(text).lines().take(200) {
                if !line.trim().is_empty() {
                    words.add(line.trim(), line.len() as u64);
                }
            }
            let compiled = words.to_fst();
            let damaged: Vec<u8> = if mode % 3 == 1 {
                let cut = usize::from(at) * compiled.len() / 256;
                compiled[..cut].to_vec()
            } else {
                // One byte changed.
                let mut changed = compiled.clone();
                let i = usize::from(at) * changed.len() / 256;
                changed[i] ^= text.first().copied().unwrap_or(1).max(1);
                changed
            };
            match UserWords::from_bytes(&damaged, path) {
                Ok(loaded) => exercise(&loaded),
                Err(e) => assert!(e.to_string().starts_with("fuzz.fst:")),
            }
        }
        _ => unreachable!(),
    }
});
