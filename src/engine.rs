//! One behaviour at every size: how an input becomes a stream of repaired
//! blocks for the reports.
//!
//! An input is read up to the learning window (1 MiB). If it ends there,
//! it is repaired whole ([`textmend::Mender::mend_bytes`]): one block. If
//! not, the rules are learned from the window exactly as a whole input's
//! are — per language, with the same evidence thresholds — and the input
//! is repaired block by block with them
//! ([`textmend::Mender::apply_learned_bytes`]), several blocks at once on
//! several cores. Blocks end at a paragraph or line break that does not
//! follow a hyphen (else after whitespace), so no word and, where lines
//! are shorter than a block, no line is split; a run without whitespace
//! longer than a block is no word and passes through. Every report reads
//! the same blocks, so the filter, `-w`, `--check`, `--diff` and `--format`
//! agree at every size, and memory is bounded by a few blocks.

use std::io::{self, Read};

use rayon::prelude::*;
use textmend::{CleanerStats, Learned, MendedBytes, Mender, RuleSet, Skip};

use crate::clean::{Cleaning, Outcome};

/// Rules are learned from this much of a long input, and it is repaired in
/// blocks of this size: large enough that a spinner's or a scanner's rules
/// show (150,000 words, a few hundred articles), small enough to keep
/// memory bounded. Learning's memory grows faster than its input in
/// languages that write compounds as one word: German prose took 123 MB
/// to learn from 1 MiB, 355 MB from 2 MiB and 544 MB from 2.9 MB (the
/// window was 8 MiB before).
const WINDOW: usize = 1 << 20;

/// The learning window, which `TEXTMEND_BLOCK_BYTES` overrides so that tests
/// can cross it with small inputs.
pub fn window() -> usize {
    std::env::var("TEXTMEND_BLOCK_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n >= 64)
        .unwrap_or(WINDOW)
}

/// Binary files are told by a NUL byte in this many first bytes, the test
/// git and grep use.
const BINARY_PROBE: usize = 8192;

/// Whether bytes look like a binary file rather than text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)]).is_some()
}

/// Reads until `buffer` holds `size` bytes or the input ends; true at the
/// end.
pub fn fill(reader: &mut dyn Read, buffer: &mut Vec<u8>, size: usize) -> io::Result<bool> {
    while buffer.len() < size {
        let start = buffer.len();
        // Grow step by step: `size` may be far more than the input holds.
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

/// Where a block of `buffer` (not the end of the input) should end: after
/// a blank line in its second half, else after the last line break that
/// does not follow a hyphen, else after the last ASCII whitespace; 0 when
/// it holds no whitespace at all.
pub fn cut_point(buffer: &[u8]) -> usize {
    let half = buffer.len() / 2;
    if let Some(i) = memchr::memmem::rfind(&buffer[half..], b"\n\n") {
        return half + i + 2;
    }
    let mut end = buffer.len();
    while let Some(i) = memchr::memrchr(b'\n', &buffer[..end]) {
        if !ends_with_hyphen(&buffer[..i]) {
            return i + 1;
        }
        end = i;
    }
    buffer
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1)
}

/// Whether a line ends with a hyphen mark that may break a word across the
/// line end (`-`, U+00AD, U+2010, U+2011, `¬`), trailing blanks aside.
fn ends_with_hyphen(line: &[u8]) -> bool {
    let line = line.trim_ascii_end();
    line.ends_with(b"-")
        || line.ends_with("\u{ad}".as_bytes())
        || line.ends_with("\u{2010}".as_bytes())
        || line.ends_with("\u{2011}".as_bytes())
        || line.ends_with("\u{ac}".as_bytes())
}

/// The first invalid byte of `bytes`, if any.
pub fn first_invalid(bytes: &[u8]) -> Option<usize> {
    std::str::from_utf8(bytes).err().map(|e| e.valid_up_to())
}

/// How the start of an input looked, read on a worker thread.
pub enum Start {
    /// It could not be read; the message says why.
    Failed(String),
    /// It looks binary: passed through.
    Binary {
        first: Vec<u8>,
        rest: Box<dyn Read + Send>,
    },
    /// The whole input, repaired as one block.
    Complete {
        bytes: Vec<u8>,
        mended: MendedBytes<'static>,
    },
    /// The whole input, cleaned (and repaired, with `--clean`) as one block.
    Cleaned { bytes: Vec<u8>, outcome: Outcome },
    /// Longer than the window: learned from the window, repaired in blocks
    /// when its turn comes.
    Long {
        first: Vec<u8>,
        rest: Box<dyn Read + Send>,
    },
    /// JSON lines: repaired record by record when its turn comes.
    Jsonl {
        first: Vec<u8>,
        rest: Box<dyn Read + Send>,
        complete: bool,
    },
}

/// What reading inputs needs to know.
#[derive(Clone, Copy)]
pub struct Reading {
    pub window: usize,
    pub force: bool,
    pub strict: bool,
    pub jsonl: bool,
}

/// Reads the start of one input and, when it is short, repairs it (and
/// cleans it first when `cleaning` is given, with its group's counts).
pub fn start(
    mut reader: Box<dyn Read + Send>,
    reading: Reading,
    mender: &Mender,
    name: &str,
    group: Option<&RuleSet>,
    cleaning: Option<(&Cleaning, Option<&CleanerStats>)>,
) -> Start {
    let mut first = Vec::new();
    let complete = match fill(&mut reader, &mut first, reading.window) {
        Ok(complete) => complete,
        Err(e) => return Start::Failed(e.to_string()),
    };
    if !reading.force && looks_binary(&first) {
        return Start::Binary {
            first,
            rest: reader,
        };
    }
    if reading.strict {
        if let Some(at) = first_invalid(&first) {
            return Start::Failed(format!("not valid UTF-8 (at byte {at})"));
        }
    }
    if reading.jsonl {
        return Start::Jsonl {
            first,
            rest: reader,
            complete,
        };
    }
    if !complete {
        return Start::Long {
            first,
            rest: reader,
        };
    }
    let _ = name;
    if let Some((cleaning, stats)) = cleaning {
        // Pooled learning and cleaning are not combined (repair refuses it).
        let outcome = cleaning.bytes(mender, None, &first, stats);
        return Start::Cleaned {
            bytes: first,
            outcome,
        };
    }
    let mended = match group {
        Some(rules) => mender.mend_pooled_bytes(&first, rules),
        None => mender.mend_bytes(&first),
    };
    let mended = owned(mended);
    Start::Complete {
        bytes: first,
        mended,
    }
}

/// A repair that owns its bytes, to keep past the input's buffer.
fn owned(mended: MendedBytes<'_>) -> MendedBytes<'static> {
    mended.into_owned()
}

/// A long input's blocks after its window, repaired with what the window
/// taught.
pub struct Blocks {
    rest: Box<dyn Read + Send>,
    buffer: Vec<u8>,
    at_end: bool,
    window: usize,
    strict: bool,
    /// Bytes of the input before the buffer, for error messages.
    offset: usize,
}

/// One piece of a long input.
pub enum Piece {
    /// A block to repair.
    Block(Vec<u8>),
    /// A run without whitespace longer than a block: passed through.
    Pass(Vec<u8>),
}

impl Blocks {
    pub fn new(first: Vec<u8>, rest: Box<dyn Read + Send>, window: usize, strict: bool) -> Blocks {
        Blocks {
            rest,
            buffer: first,
            at_end: false,
            window,
            strict,
            offset: 0,
        }
    }

    /// The next piece, or `None` at the end.
    pub fn next_piece(&mut self) -> io::Result<Option<Piece>> {
        if !self.at_end && self.buffer.len() < self.window {
            self.at_end = fill(&mut self.rest, &mut self.buffer, self.window)?;
        }
        if self.buffer.is_empty() {
            return Ok(None);
        }
        let cut = if self.at_end {
            self.buffer.len()
        } else {
            cut_point(&self.buffer)
        };
        let piece = if cut == 0 {
            // No whitespace in a whole block: this run is no word; it goes
            // through up to the next whitespace.
            let mut run = std::mem::take(&mut self.buffer);
            self.take_run(&mut run)?;
            Piece::Pass(run)
        } else {
            let rest = self.buffer.split_off(cut);
            Piece::Block(std::mem::replace(&mut self.buffer, rest))
        };
        let bytes = match &piece {
            Piece::Block(b) | Piece::Pass(b) => b,
        };
        if self.strict {
            if let Some(at) = first_invalid(bytes) {
                return Err(io::Error::other(format!(
                    "not valid UTF-8 (at byte {})",
                    self.offset + at
                )));
            }
        }
        self.offset += bytes.len();
        Ok(Some(piece))
    }

    /// Moves input into `run` up to and including the next whitespace byte;
    /// what follows stays buffered.
    fn take_run(&mut self, run: &mut Vec<u8>) -> io::Result<()> {
        let mut chunk = vec![0u8; 64 << 10];
        loop {
            let n = match self.rest.read(&mut chunk) {
                Ok(0) => {
                    self.at_end = true;
                    return Ok(());
                }
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match chunk[..n].iter().position(u8::is_ascii_whitespace) {
                Some(i) => {
                    run.extend_from_slice(&chunk[..=i]);
                    self.buffer.extend_from_slice(&chunk[i + 1..n]);
                    return Ok(());
                }
                None => {
                    run.extend_from_slice(&chunk[..n]);
                    if run.len() >= self.window {
                        // Hand it over in window-sized pieces.
                        return Ok(());
                    }
                }
            }
        }
    }
}

/// Repairs `blocks` (in parallel) with `learned`, in order.
pub fn repair_blocks<'b>(
    mender: &Mender,
    learned: &Learned,
    blocks: &'b [Vec<u8>],
) -> Vec<MendedBytes<'b>> {
    blocks
        .par_iter()
        .map(|block| mender.apply_learned_bytes(block, learned))
        .collect()
}

/// Cleans (and with `--clean` repairs, with `learned`) `blocks` in
/// parallel, in order; each block is cleaned on its own.
pub fn clean_blocks(
    cleaning: &Cleaning,
    mender: &Mender,
    learned: Option<&Learned>,
    blocks: &[Vec<u8>],
    stats: Option<&CleanerStats>,
) -> Vec<Outcome> {
    blocks
        .par_iter()
        .map(|block| cleaning.bytes(mender, learned, block, stats))
        .collect()
}

/// Whether a repair passed its text through because of its language.
pub fn is_unsupported(skipped: Option<Skip>) -> bool {
    skipped == Some(Skip::UnsupportedLanguage)
}
