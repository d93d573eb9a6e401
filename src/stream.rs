//! Inputs larger than the learning window, in the text (filter) mode: rules
//! are learned from the first window, then the input is repaired block by
//! block with those rules, so memory stays bounded by the window whatever
//! the input's size. Blocks end after a whitespace byte, so no word is
//! split; a "word" longer than a block (no whitespace for megabytes) is not
//! a word and is copied through untouched.

use std::io::{self, Read};

use textmend::{Mender, RuleSet};

use crate::report::Reporter;

/// Rules are learned from this much of a long input, and it is repaired in
/// blocks of this size: large enough that a spinner's rules show (a few
/// thousand articles), small enough to keep memory bounded.
pub const WINDOW: usize = 8 << 20;

/// What streaming repaired, for the summary.
pub struct Streamed {
    pub edits: usize,
    pub rules: RuleSet,
}

/// Repairs the rest of `reader` after `first` (the first [`WINDOW`] bytes,
/// already read) and reports it block by block.
pub fn repair(
    mut first: Vec<u8>,
    reader: &mut dyn Read,
    mender: &Mender,
    reporter: &mut Reporter,
) -> io::Result<Streamed> {
    let valid: Vec<&str> = first.utf8_chunks().map(|c| c.valid()).collect();
    let rules = mender.learn(&valid);
    let mut edits = 0;
    let mut block = std::mem::take(&mut first);
    loop {
        let at_end = fill(reader, &mut block, WINDOW)?;
        let cut = if at_end {
            block.len()
        } else {
            match block.iter().rposition(u8::is_ascii_whitespace) {
                Some(i) => i + 1,
                None => {
                    // No whitespace in a whole block: copy this non-word
                    // through, up to its end.
                    reporter.passthrough(&block)?;
                    block.clear();
                    copy_to_whitespace(reader, &mut block, reporter)?;
                    continue;
                }
            }
        };
        let rest = block.split_off(cut);
        for chunk in block.utf8_chunks() {
            let mended = mender.apply(chunk.valid(), &rules);
            edits += mended.edits().len();
            reporter.passthrough(mended.text().as_bytes())?;
            reporter.passthrough(chunk.invalid())?;
        }
        block = rest;
        if at_end && block.is_empty() {
            return Ok(Streamed { edits, rules });
        }
    }
}

/// Reads until `buffer` holds `size` bytes or the input ends; true at the
/// end.
pub fn fill(reader: &mut dyn Read, buffer: &mut Vec<u8>, size: usize) -> io::Result<bool> {
    while buffer.len() < size {
        let start = buffer.len();
        // Grow step by step: `size` may be "everything" (usize::MAX).
        let step = start.clamp(64 << 10, 64 << 20);
        buffer.resize(start + step.min(size - start), 0);
        let n = loop {
            match reader.read(&mut buffer[start..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    buffer.truncate(start);
                    return Err(e);
                }
            }
        };
        buffer.truncate(start + n);
        if n == 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Copies input through until just after the next whitespace byte; what
/// follows it is left in `buffer`.
fn copy_to_whitespace(
    reader: &mut dyn Read,
    buffer: &mut Vec<u8>,
    reporter: &mut Reporter,
) -> io::Result<()> {
    let mut chunk = vec![0u8; 64 << 10];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        match chunk[..n].iter().position(u8::is_ascii_whitespace) {
            Some(i) => {
                reporter.passthrough(&chunk[..=i])?;
                buffer.extend_from_slice(&chunk[i + 1..n]);
                return Ok(());
            }
            None => reporter.passthrough(&chunk[..n])?,
        }
    }
}
