//! Arbitrary bytes through the path the CLI takes (`Mender::mend_bytes`,
//! and `Mender::mend` when they are UTF-8, with and without whole-word
//! repairs applied, and with a German thesaurus): no panic, nothing lost
//! outside the edits, suggestions that point at their words.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use textmend::{Language, Mender, UserThesaurus};

fn mender() -> &'static Mender {
    static MENDER: OnceLock<Mender> = OnceLock::new();
    MENDER.get_or_init(|| Mender::new().expect("embedded dictionary"))
}

fn whole_words() -> &'static Mender {
    static MENDER: OnceLock<Mender> = OnceLock::new();
    MENDER.get_or_init(|| {
        Mender::builder()
            .whole_words(true)
            .build()
            .expect("embedded dictionary")
    })
}

/// With a small German thesaurus, so that German compounds and nouns give
/// evidence and literal whole-word swaps are made.
fn with_thesaurus() -> &'static Mender {
    static MENDER: OnceLock<Mender> = OnceLock::new();
    MENDER.get_or_init(|| {
        let mythes =
            "UTF-8\nZeit|1\n(Substantiv)|Dauer|Frist\nArbeit|1\n(Substantiv)|Tätigkeit|Job\n";
        let thesaurus = UserThesaurus::from_mythes(
            Language::German,
            mythes.as_bytes(),
            std::path::Path::new("th_de.dat"),
        )
        .expect("a valid thesaurus");
        Mender::builder()
            .thesaurus(thesaurus)
            .whole_words(true)
            .build()
            .expect("embedded dictionary")
    })
}

/// The edits, applied to `text`, rebuild `result` exactly.
fn check(text: &str, result: &textmend::Mended) {
    let mut rebuilt = String::new();
    let mut at = 0;
    for edit in result.edits() {
        assert!(edit.span.start >= at);
        assert_eq!(&text[edit.span.clone()], edit.before);
        rebuilt.push_str(&text[at..edit.span.start]);
        rebuilt.push_str(&edit.after);
        at = edit.span.end;
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, result.text());
    for suggestion in result.suggestions() {
        assert!(suggestion.is_whole_word());
        assert_eq!(&text[suggestion.span.clone()], suggestion.before);
    }
}

fuzz_target!(|data: &[u8]| {
    let mended = mender().mend_bytes(data);
    // Whatever the bytes, the output is the input outside the edits, and
    // the edits point at what they replace.
    let mut rebuilt: Vec<u8> = Vec::new();
    let mut at = 0;
    for edit in mended.edits() {
        assert!(edit.span.start >= at);
        assert_eq!(&data[edit.span.clone()], edit.before.as_bytes());
        rebuilt.extend_from_slice(&data[at..edit.span.start]);
        rebuilt.extend_from_slice(edit.after.as_bytes());
        at = edit.span.end;
    }
    rebuilt.extend_from_slice(&data[at..]);
    assert_eq!(rebuilt, mended.bytes());
    if let Ok(text) = std::str::from_utf8(data) {
        let result = mender().mend(text);
        check(text, &result);
        assert_eq!(mended.bytes(), result.text().as_bytes());
        check(text, &whole_words().mend(text));
        check(text, &with_thesaurus().mend(text));
    }
});
