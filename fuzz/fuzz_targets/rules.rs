//! Arbitrary text through the rules-file parser: no panic, and whatever it
//! accepts is written back and read again to the same rules.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use textmend::RuleSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rules) = RuleSet::parse(text, Path::new("fuzz.tsv")) {
        let again = RuleSet::parse(&rules.to_tsv(), Path::new("fuzz.tsv"))
            .expect("what textmend writes it reads back");
        assert_eq!(again.rules().len(), rules.rules().len());
        for (a, b) in again.rules().iter().zip(rules.rules()) {
            assert_eq!((&a.from, &a.to, a.kind), (&b.from, &b.to, b.kind));
        }
    }
});
