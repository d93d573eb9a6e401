//! Feeding one run's inputs to the sink: started a few at a time in
//! parallel, reported in input order, a whole input as one block, a long
//! one block by block and JSON lines a batch of records at a time; every
//! block counted on its way to the sink.

use std::io::{self, Read};

use rayon::prelude::*;
use textmend::{Edit, Learned, MendedBytes, Mender, RuleSet};

use super::rules_out::RulesOut;
use super::summary::Totals;
use crate::args::{Global, Repair, Report};
use crate::atomic;
use crate::clean::{Cleaning, Outcome};
use crate::engine::{self, Blocks, Piece, Reading, Start};
use crate::groups::Groups;
use crate::inputs::Input;
use crate::jsonl;
use crate::sinks::{Block, End, Sink};
use crate::term::{count, Messages};

/// One run over the inputs.
pub(super) struct Run<'a> {
    pub(super) mender: &'a Mender,
    /// With --group-by or --scope corpus: each group's rules.
    pub(super) groups: Option<&'a Groups>,
    /// `textmend clean` or `--clean`.
    pub(super) cleaning: Option<&'a Cleaning>,
    pub(super) global: &'a Global,
    pub(super) options: &'a Repair,
    pub(super) sink: &'a mut dyn Sink,
    pub(super) rules_out: Option<&'a mut RulesOut>,
    pub(super) totals: Totals,
    pub(super) messages: &'a Messages,
    pub(super) reading: Reading,
    pub(super) pool: &'a rayon::ThreadPool,
    /// Whether the current input has a repair yet.
    pub(super) changed: bool,
    /// Whether the current input has a cleaning edit yet.
    pub(super) cleaned: bool,
}

impl Run<'_> {
    /// Every input; true if any failed.
    pub(super) fn all(&mut self, inputs: &[Input]) -> io::Result<bool> {
        let mut failed = false;
        let batch = self.global.jobs * 2;
        for chunk in inputs.chunks(batch.max(1)) {
            let (mender, reading, report) = (self.mender, self.reading, self.options.report);
            let groups = self.groups;
            let cleaning = self.cleaning;
            let starts: Vec<Start> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|input| {
                        let cleaning = cleaning.map(|c| (c, c.groups.for_input(input)));
                        open(input, report).map_or_else(Start::Failed, |reader| {
                            let group = groups.map(|g| g.for_input(input));
                            engine::start(reader, reading, mender, &input.name(), group, cleaning)
                        })
                    })
                    .collect()
            });
            for (input, start) in chunk.iter().zip(starts) {
                failed |= self.one(input, start)?;
            }
        }
        Ok(failed)
    }

    /// Reports one input; true if it failed. Only an error writing the
    /// report itself is returned.
    fn one(&mut self, input: &Input, start: Start) -> io::Result<bool> {
        let name = input.name();
        if let Start::Failed(message) = start {
            self.messages.error(format_args!("{name}: {message}"));
            return Ok(true);
        }
        self.changed = false;
        self.cleaned = false;
        if let Err(e) = self.sink.begin(input) {
            self.messages.error(format_args!("{name}: {e}"));
            return Ok(true);
        }
        match self.body(input, &name, start) {
            Ok(rules) => {
                self.totals.files += 1;
                let end = End {
                    name: &name,
                    rules: &rules,
                };
                if let Err(e) = self.sink.end(&end) {
                    return self.failed(&name, e);
                }
                if let Some(out) = &mut self.rules_out {
                    if !rules.is_empty() {
                        out.table(&name, &rules)?;
                    }
                }
                Ok(false)
            }
            Err(e) => self.failed(&name, e),
        }
    }

    /// An input that failed midway: reported, and what was written for it
    /// dropped where possible; a failed write to standard output ends the
    /// run.
    fn failed(&mut self, name: &str, e: io::Error) -> io::Result<bool> {
        self.sink.abort();
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Err(e);
        }
        self.messages.error(format_args!("{name}: {e}"));
        Ok(true)
    }

    /// Feeds one input to the sink; the rules used.
    fn body(&mut self, input: &Input, name: &str, start: Start) -> io::Result<RuleSet> {
        match start {
            Start::Failed(message) => Err(io::Error::other(message)),
            Start::Binary { first, mut rest } => {
                self.messages.notice(format_args!(
                    "{name}: looks binary (a NUL byte in the first 8 KiB), passed through \
                     unchanged; --force processes it"
                ));
                self.pass(&first)?;
                let mut chunk = vec![0u8; 64 << 10];
                loop {
                    let n = match rest.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    };
                    self.pass(&chunk[..n])?;
                }
                Ok(RuleSet::default())
            }
            Start::Complete { bytes, mended } => {
                self.invalid_notice(name, &bytes);
                if engine::is_unsupported(mended.skipped()) {
                    let done = if mended.edits().is_empty() {
                        "passed through unchanged"
                    } else {
                        "only its mojibake decoded"
                    };
                    self.messages.notice(format_args!(
                        "{name}: not in a language textmend has a dictionary for \
                         (en, de, fr, es, it, pt, nl), {done}"
                    ));
                }
                let rules = mended.rules().clone();
                self.mended(&bytes, &mended, &rules)?;
                Ok(rules)
            }
            Start::Cleaned { bytes, outcome } => {
                if !outcome.cleaned {
                    self.not_cleaned(name, &bytes);
                } else {
                    self.invalid_notice(name, &bytes);
                }
                if engine::is_unsupported(outcome.skipped) && !outcome.edits.is_empty() {
                    self.messages.notice(format_args!(
                        "{name}: not in a language textmend has a dictionary for \
                         (en, de, fr, es, it, pt, nl), cleaned only"
                    ));
                }
                self.cleaned(&bytes, &outcome, &outcome.rules)?;
                Ok(outcome.rules)
            }
            Start::Long { first, rest } => self.long(input, name, first, rest),
            Start::Jsonl {
                first,
                rest,
                complete,
            } => self.jsonl(input, name, first, rest, complete),
        }
    }

    /// A long input: rules from its window, then block by block.
    fn long(
        &mut self,
        input: &Input,
        name: &str,
        first: Vec<u8>,
        rest: Box<dyn Read + Send>,
    ) -> io::Result<RuleSet> {
        let window = self.reading.window;
        let mend = self.cleaning.is_none_or(|c| c.mend);
        if mend {
            self.messages.notice(format_args!(
                "{name}: longer than {}; rules learned from its first {} as from a whole \
                 input, then applied block by block",
                size(window),
                size(window)
            ));
        }
        if self.cleaning.is_some() {
            self.messages.notice(format_args!(
                "{name}: longer than {}; cleaned block by block, each block on its own",
                size(window)
            ));
        }
        self.invalid_notice(name, &first);
        let (learned, rules) = if mend {
            let mended = self.pool.install(|| match self.groups {
                Some(groups) => self
                    .mender
                    .mend_pooled_bytes(&first, groups.for_input(input)),
                None => self.mender.mend_bytes(&first),
            });
            let learned = (mended.learned().clone(), mended.rules().clone());
            drop(mended);
            give_back_freed_memory();
            learned
        } else {
            (Learned::default(), RuleSet::default())
        };
        let stats = self.cleaning.and_then(|c| c.groups.for_input(input));
        let mut blocks = Blocks::new(first, rest, window, self.reading.strict);
        let mut done = false;
        let mut batches = 0usize;
        while !done {
            // What the batches before freed, cleaned or repaired alike. One
            // thread frees into one arena and reuses it; several keep what
            // the others freed (`give_back_freed_memory`).
            if self.global.jobs > 1 && batches > 0 && batches % TRIM_EVERY_BATCHES == 0 {
                give_back_freed_memory();
            }
            batches += 1;
            // Up to one block per core at once, reported in order.
            let mut pieces: Vec<Piece> = Vec::new();
            while pieces.len() < self.global.jobs {
                match blocks.next_piece()? {
                    Some(piece) => pieces.push(piece),
                    None => {
                        done = true;
                        break;
                    }
                }
            }
            let texts: Vec<Vec<u8>> = pieces
                .iter()
                .map(|p| match p {
                    Piece::Block(b) => b.clone(),
                    Piece::Pass(_) => Vec::new(),
                })
                .collect();
            if let Some(cleaning) = self.cleaning {
                let learned = mend.then_some(&learned);
                let outcomes = self.pool.install(|| {
                    engine::clean_blocks(cleaning, self.mender, learned, &texts, stats)
                });
                for ((piece, text), outcome) in pieces.iter().zip(&texts).zip(&outcomes) {
                    match piece {
                        Piece::Pass(run) => self.pass(run)?,
                        Piece::Block(_) => self.cleaned(text, outcome, &rules)?,
                    }
                }
                continue;
            }
            let mended = self
                .pool
                .install(|| engine::repair_blocks(self.mender, &learned, &texts));
            for ((piece, text), mended) in pieces.iter().zip(&texts).zip(&mended) {
                match piece {
                    Piece::Pass(run) => self.pass(run)?,
                    Piece::Block(_) => self.mended(text, mended, &rules)?,
                }
            }
        }
        Ok(rules)
    }

    /// JSON lines, a batch of whole lines at a time.
    fn jsonl(
        &mut self,
        input: &Input,
        name: &str,
        first: Vec<u8>,
        mut rest: Box<dyn Read + Send>,
        mut complete: bool,
    ) -> io::Result<RuleSet> {
        let field = self.global.jsonl.clone().unwrap_or_default();
        let lang_field = self.global.lang_field.as_deref();
        let mut buffer = first;
        let mut index = 0;
        let mut rules = RuleSet::default();
        let mut skipped = 0;
        loop {
            // Whole lines only; a line longer than the window is read whole.
            let mut cut = whole_lines(&buffer, complete);
            while cut == 0 && !complete {
                complete = read_more(&mut rest, &mut buffer, self.reading.window)?;
                cut = whole_lines(&buffer, complete);
            }
            let tail = buffer.split_off(cut);
            let lines = memchr::memchr_iter(b'\n', &buffer).count()
                + usize::from(!buffer.is_empty() && !buffer.ends_with(b"\n"));
            let groups = self.groups.map(|g| (g, input));
            let cleaning = self.cleaning.map(|c| (c, input));
            let batch = self.pool.install(|| {
                jsonl::repair(
                    &buffer,
                    index,
                    &field,
                    lang_field,
                    self.mender,
                    groups,
                    cleaning,
                )
            });
            index += lines;
            skipped += batch.skipped;
            self.totals.suspects_left += batch.suspects_left;
            rules = rules.extended_with(&batch.rules);
            if let Some(out) = &mut self.rules_out {
                for record in &batch.records {
                    if !record.rules.is_empty() {
                        out.table(&format!("{name} record {}", record.index), &record.rules)?;
                    }
                }
            }
            self.block(&Block {
                input: &buffer,
                output: &batch.output,
                edits: &batch.edits,
                suggestions: &[],
                records: &batch.records,
                rules: &batch.rules,
            })?;
            buffer = tail;
            if complete && buffer.is_empty() {
                break;
            }
            if !complete {
                complete = read_more(&mut rest, &mut buffer, self.reading.window)?;
                if complete && buffer.is_empty() {
                    break;
                }
            }
        }
        if skipped > 0 {
            self.totals.skipped_records += skipped;
            self.messages.notice(format_args!(
                "{name}: {} without a string field `{field}`, passed through",
                count(skipped, "line")
            ));
        }
        // --rules-out has each record's table already.
        if self.rules_out.is_some() {
            return Ok(RuleSet::default());
        }
        Ok(rules)
    }

    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.totals.bytes += bytes.len() as u64;
        self.messages.advance(bytes.len() as u64);
        self.sink.pass(bytes)
    }

    /// A block the mender repaired, reported with `rules`.
    fn mended(&mut self, input: &[u8], mended: &MendedBytes, rules: &RuleSet) -> io::Result<()> {
        self.totals.suspects_left += mended.suspects_left();
        self.block(&Block::text(
            input,
            mended.bytes(),
            mended.edits(),
            mended.suggestions(),
            rules,
        ))
    }

    /// A block cleaned (and, with `--clean`, repaired), reported with
    /// `rules`.
    fn cleaned(&mut self, input: &[u8], outcome: &Outcome, rules: &RuleSet) -> io::Result<()> {
        self.totals.suspects_left += outcome.suspects_left;
        self.block(&Block::text(
            input,
            &outcome.output,
            &outcome.edits,
            &outcome.suggestions,
            rules,
        ))
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        self.totals.bytes += block.input.len() as u64;
        self.messages.advance(block.input.len() as u64);
        let counts = block.counts();
        let repairs = counts.repairs;
        if repairs > 0 && !self.changed {
            self.changed = true;
            self.totals.files_changed += 1;
        }
        if counts.removals + counts.fixes > 0 && !self.cleaned {
            self.cleaned = true;
            self.totals.files_cleaned += 1;
        }
        self.totals.repairs += repairs;
        self.totals.edits.add_all(counts);
        self.totals.suggestions += block.suggestion_count();
        let edits: Box<dyn Iterator<Item = &Edit>> = if block.records.is_empty() {
            Box::new(block.edits.iter())
        } else {
            Box::new(block.records.iter().flat_map(|r| r.edits.iter()))
        };
        for edit in edits {
            *self.totals.kinds.entry(edit.kind.name()).or_default() += 1;
            self.totals.rules.extend(edit.rules.iter().cloned());
        }
        self.sink.block(block)
    }

    /// Input that is not valid UTF-8 is not cleaned.
    fn not_cleaned(&self, name: &str, bytes: &[u8]) {
        if let Some(at) = engine::first_invalid(bytes) {
            let done = if self.cleaning.is_some_and(|c| c.mend) {
                "not cleaned; repairing only its valid stretches"
            } else {
                "passed through unchanged"
            };
            self.messages.notice(format_args!(
                "{name}: not valid UTF-8 (at byte {at}); {done}"
            ));
        }
    }

    fn invalid_notice(&self, name: &str, bytes: &[u8]) {
        if let Some(at) = engine::first_invalid(bytes) {
            self.messages.notice(format_args!(
                "{name}: not valid UTF-8 (at byte {at}); repairing only the valid stretches"
            ));
        }
    }
}

/// How much of `buffer` is whole JSON lines: all of it at the end of the
/// input, else up to its last line break (0 when it has none).
fn whole_lines(buffer: &[u8], complete: bool) -> usize {
    if complete {
        buffer.len()
    } else {
        memchr::memrchr(b'\n', buffer).map_or(0, |i| i + 1)
    }
}

/// Reads up to a window more into `buffer`; true at the end of the input.
fn read_more(rest: &mut dyn Read, buffer: &mut Vec<u8>, window: usize) -> io::Result<bool> {
    let target = buffer.len() + window;
    engine::fill(rest, buffer, target)
}

/// Opens an input; a file to rewrite in place must be a regular file that
/// may be rewritten, checked before anything is read from it.
fn open(input: &Input, report: Report) -> Result<Box<dyn Read + Send>, String> {
    if report == Report::Write {
        match input.path() {
            None => {
                return Err("-w needs files; standard input cannot be written in place".to_string())
            }
            Some(path) => {
                atomic::check_in_place(path).map_err(|e| e.to_string())?;
            }
        }
    }
    input.open().map_err(|e| e.to_string())
}

/// A size in MiB or KiB, for notices.
fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", (bytes >> 10).max(1))
    }
}

/// How many batches of blocks of a long input are repaired between two
/// calls of [`give_back_freed_memory`]: each call costs the page faults of
/// taking the memory back (every batch: 0.6 s more system time on 81 MB of
/// prose at `-j 2`, about 5% of the total).
const TRIM_EVERY_BATCHES: usize = 4;

/// Returns the memory freed after learning from a long input's window to
/// the system. Learning spreads its work over the threads, and glibc keeps
/// what each thread freed in that thread's arena, where the blocks that
/// follow on other threads cannot use it: seven languages' prose at `-j 2`
/// peaked at 104–122 MB, 87–100 MB with this after learning alone, 85–97 MB
/// with it between batches too.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's own
    // heaps; it touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}
