//! The thesaurus loader (`--thesaurus LANG=FILE`,
//! `UserThesaurus::from_mythes`) on arbitrary bytes — MyThes text, a
//! compiled thesaurus's header followed by anything — and on real compiled
//! thesauri cut short or with a byte changed (issue #22, bugs 14 and 24):
//! an error naming the file, or a thesaurus that answers lookups, never a
//! panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use textmend::{Language, UserThesaurus};

const WORDS: &[&str] = &["grand", "vaste", "immense", "petit", "menu", "", "ä", "x|y"];

fn exercise(thesaurus: &UserThesaurus) {
    for a in WORDS {
        for b in WORDS {
            let _ = thesaurus.are_synonyms(a, b);
        }
    }
}

fn load(bytes: &[u8]) {
    match UserThesaurus::from_mythes(Language::French, bytes, Path::new("th.dat")) {
        Ok(thesaurus) => exercise(&thesaurus),
        Err(e) => assert!(e.to_string().starts_with("th.dat:"), "{e}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => load(rest),
        // Past the compiled header: the FST and its checksum.
        1 => {
            let mut bytes = b"textmend thesaurus 1\n".to_vec();
            bytes.extend_from_slice(rest);
            load(&bytes);
        }
        // A real thesaurus of the data's text, compiled, then cut or changed.
        _ => {
            let Some((&at, text)) = rest.split_first() else {
                return;
            };
            let mythes = format!(
                "UTF-8\ngrand|1\n(Adj)|vaste|immense\n{}|1\n(Adj)|menu|minuscule\n",
                String::from_utf8_lossy(text).replace(['\n', '|'], " ")
            );
            let Ok(compiled) = UserThesaurus::compile(mythes.as_bytes(), Path::new("th.dat"))
            else {
                return;
            };
            let i = usize::from(at) * compiled.len() / 256;
            if mode % 4 == 2 {
                load(&compiled[..i]);
            } else {
                let mut changed = compiled;
                changed[i] ^= text.first().copied().unwrap_or(1).max(1);
                load(&changed);
            }
        }
    }
});
