//! Inputs over the CLI's block threshold (issue #22, bugs 1 and 23): the
//! way `textmend` repairs a long input — rules learned from its first
//! window (`Mender::mend_bytes`), the rest repaired block by block with
//! them (`Mender::apply_learned_bytes`) — on arbitrary bytes cut at an
//! arbitrary window and block size. No panic; each block's output is its
//! input outside the edits; and the window repaired with what it taught
//! is the window repaired whole, as the library promises.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use textmend::{MendedBytes, Mender};

fn mender() -> &'static Mender {
    static MENDER: OnceLock<Mender> = OnceLock::new();
    MENDER.get_or_init(|| Mender::new().expect("embedded dictionary"))
}

/// The edits of `mended`, applied to `input`, rebuild its output.
fn check(input: &[u8], mended: &MendedBytes) {
    let mut rebuilt: Vec<u8> = Vec::new();
    let mut at = 0;
    for edit in mended.edits() {
        assert!(edit.span.start >= at);
        assert_eq!(&input[edit.span.clone()], edit.before.as_bytes());
        rebuilt.extend_from_slice(&input[at..edit.span.start]);
        rebuilt.extend_from_slice(edit.after.as_bytes());
        at = edit.span.end;
    }
    rebuilt.extend_from_slice(&input[at..]);
    assert_eq!(rebuilt, mended.bytes());
}

/// Where the CLI would end a block: after the last whitespace (the CLI
/// prefers paragraph and line ends; any whitespace is a word boundary).
fn cut(block: &[u8]) -> usize {
    block
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(block.len(), |i| i + 1)
}

fuzz_target!(|data: &[u8]| {
    let Some((&sizes, data)) = data.split_first() else {
        return;
    };
    // A window of 1/16 to all of the input, blocks of 16 to 271 bytes.
    let window = (data.len() * (usize::from(sizes >> 4) + 1) / 16).max(1);
    let block = 16 + usize::from(sizes & 0x0F) * 16;
    let first = &data[..window.min(data.len())];
    let whole = mender().mend_bytes(first);
    check(first, &whole);
    let learned = whole.learned().clone();
    let again = mender().apply_learned_bytes(first, &learned);
    assert_eq!(again.bytes(), whole.bytes());
    let mut rest = &data[first.len()..];
    while !rest.is_empty() {
        let end = cut(&rest[..block.min(rest.len())]);
        let (piece, tail) = rest.split_at(end);
        let mended = mender().apply_learned_bytes(piece, &learned);
        check(piece, &mended);
        rest = tail;
    }
});
