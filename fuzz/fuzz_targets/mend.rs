//! Arbitrary bytes through the path the CLI takes (`Mender::mend_bytes`,
//! and `Mender::mend` when they are UTF-8): no panic, nothing lost outside
//! the edits, and a second repair changes nothing more.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use textmend::Mender;

fn mender() -> &'static Mender {
    static MENDER: OnceLock<Mender> = OnceLock::new();
    MENDER.get_or_init(|| Mender::english().expect("embedded dictionary"))
}

fuzz_target!(|data: &[u8]| {
    let mended = mender().mend_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let result = mender().mend(text);
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
        assert_eq!(mended.as_ref(), result.text().as_bytes());
    }
});
