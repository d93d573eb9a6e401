//! The default command: repair each input and report it in the chosen way.
//! Inputs are started in parallel a few at a time (the short ones repaired
//! whole on worker threads), then reported in input order; a long input is
//! repaired block by block when its turn comes, its blocks in parallel.

use std::io::{self, Read, Write};
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use textmend::{Edit, EditKind, Learned, MendedBytes, Mender, RuleSet};

use crate::args::{Global, Repair, Report, Scope};
use crate::atomic::{self, AtomicFile};
use crate::clean::{Cleaning, Outcome};
use crate::clean_groups::Groups as CleanGroups;
use crate::engine::{self, Blocks, Piece, Reading, Start};
use crate::groups::{self, GroupBy, Groups};
use crate::inputs::{self, Input};
use crate::sinks::check::CheckSink;
use crate::sinks::diff::DiffSink;
use crate::sinks::html::HtmlSink;
use crate::sinks::json::JsonSink;
use crate::sinks::text::{Target, TextSink};
use crate::sinks::{Block, Counts, End, Out, Sink};
use crate::term::{count, use_color, Messages};
use crate::{config, jsonl, Exit};

/// Counts for the summary and `--stats`.
#[derive(Default)]
struct Totals {
    files: usize,
    files_changed: usize,
    repairs: usize,
    /// With cleaning: inputs with a removal or fix.
    files_cleaned: usize,
    /// Repairs, removals and fixes.
    edits: Counts,
    suggestions: usize,
    suspects_left: usize,
    rules: std::collections::BTreeSet<(String, String)>,
    bytes: u64,
    kinds: std::collections::BTreeMap<&'static str, usize>,
    skipped_records: usize,
}

/// Runs the repair command.
pub fn run(options: &Repair, global: &Global, messages: &mut Messages) -> Exit {
    let started = Instant::now();
    let (inputs, errors) = inputs::collect(&options.paths, global);
    let mut failed = !errors.is_empty();
    for e in errors {
        messages.error(e);
    }
    let mut outputs: Vec<(&str, &Path)> = Vec::new();
    if let Some(path) = &options.output {
        outputs.push(("-o", path));
    }
    if let Some(path) = &options.rules_out {
        outputs.push(("--rules-out", path));
    }
    if let Err(message) = inputs::check_outputs(&inputs, &outputs) {
        messages.error(message);
        return Exit::Error;
    }
    let mender = match config::build_mender(global, options.rules.as_deref(), options.learn) {
        Ok(mender) => mender,
        Err(message) => {
            messages.error(message);
            return Exit::Error;
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(global.jobs)
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            messages.error(e);
            return Exit::Error;
        }
    };
    let cleaning = match &options.clean {
        None => None,
        Some(clean) => {
            let cleaner = clean.cleaner();
            let groups = match &global.group_by {
                None => CleanGroups::default(),
                Some(value) => {
                    let by = match GroupBy::parse(value, global.jsonl.is_some()) {
                        Ok(by) => by,
                        Err(message) => {
                            messages.error(message);
                            return Exit::Error;
                        }
                    };
                    let field = global.jsonl.as_deref();
                    match pool.install(|| CleanGroups::count(&cleaner, &by, &inputs, field)) {
                        Ok(groups) => {
                            let (n, documents) = groups.sizes();
                            messages.notice(format_args!(
                                "counted the lines of {} in {}",
                                count(documents as usize, "document"),
                                count(n, "group")
                            ));
                            groups
                        }
                        Err(message) => {
                            messages.error(message);
                            return Exit::Error;
                        }
                    }
                }
            };
            Some(Cleaning {
                cleaner,
                mend: options.mend,
                groups,
            })
        }
    };
    let pooling = global.group_by.is_some() || global.scope == Scope::Corpus;
    if cleaning.is_some() && options.mend && pooling {
        messages.error(
            "--clean with --group-by or --scope corpus: pooled learning reads the documents \
             as they are; clean them first (textmend clean --group-by …), then repair the \
             cleaned output with --group-by",
        );
        return Exit::Error;
    }
    let groups = if cleaning.is_some() {
        None
    } else {
        match pooled(&inputs, global, &mender, &pool, messages) {
            Ok(groups) => groups,
            Err(message) => {
                messages.error(message);
                return Exit::Error;
            }
        }
    };
    let mender = &mender;
    let mut sink = match sink(options, global) {
        Ok(sink) => sink,
        Err(e) => {
            let target = options.output.as_deref().unwrap_or(Path::new("<stdout>"));
            messages.error(format_args!("{}: {e}", target.display()));
            return Exit::Error;
        }
    };
    let mut rules_out = match options.rules_out.as_deref().map(RulesOut::new).transpose() {
        Ok(r) => r,
        Err(e) => {
            messages.error(format_args!("--rules-out: {e}"));
            return Exit::Error;
        }
    };
    let total: u64 = inputs.iter().filter_map(Input::len).sum();
    messages.start_progress(total, "bytes");
    let reading = Reading {
        window: engine::window(),
        force: global.force,
        strict: global.strict,
        jsonl: global.jsonl.is_some(),
    };
    let mut run = Run {
        mender,
        groups: groups.as_ref(),
        cleaning: cleaning.as_ref(),
        global,
        options,
        sink: sink.as_mut(),
        rules_out: rules_out.as_mut(),
        totals: Totals::default(),
        messages,
        reading,
        pool: &pool,
        changed: false,
        cleaned: false,
    };
    let result = run.all(&inputs);
    let totals = std::mem::take(&mut run.totals);
    messages.end_progress();
    let broken_pipe = |e: &io::Error| e.kind() == io::ErrorKind::BrokenPipe;
    match result {
        Ok(any_failed) => failed |= any_failed,
        Err(e) if broken_pipe(&e) => return Exit::Success,
        Err(e) => {
            messages.error(format_args!("cannot write output: {e}"));
            return Exit::Error;
        }
    }
    let line = match &cleaning {
        Some(cleaning) => cleaning_summary(&totals, options.report, cleaning.mend),
        None => summary(&totals, options.report),
    };
    let finished = sink.summary(&line).and_then(|()| sink.finish());
    if let Err(e) = finished {
        if broken_pipe(&e) {
            return Exit::Success;
        }
        let target = options.output.as_deref().unwrap_or(Path::new("<stdout>"));
        messages.error(format_args!("{}: {e}", target.display()));
        return Exit::Error;
    }
    if let Some(rules_out) = rules_out {
        if let Err(e) = rules_out.commit() {
            messages.error(format_args!("--rules-out: {e}"));
            failed = true;
        }
    }
    let summary_wanted = matches!(options.report, Report::Diff | Report::Write)
        || io::IsTerminal::is_terminal(&io::stderr());
    if options.report != Report::Check && totals.files > 0 && summary_wanted {
        messages.notice(&line);
    }
    if options.stats {
        print_stats(&totals, started.elapsed().as_secs_f64(), messages);
    }
    if failed {
        Exit::Error
    } else if (totals.repairs > 0 || totals.edits.any())
        && matches!(options.report, Report::Check | Report::Diff)
    {
        Exit::Found
    } else {
        Exit::Success
    }
}

/// The sink the options ask for.
fn sink(options: &Repair, global: &Global) -> io::Result<Box<dyn Sink>> {
    let out = || Out::new(options.output.as_deref());
    Ok(match options.report {
        Report::Text => {
            let target = match (&options.output, &options.out_dir) {
                (Some(path), _) => Target::File(path.clone()),
                (None, Some(dir)) => Target::Dir(dir.clone()),
                (None, None) => Target::Stdout,
            };
            Box::new(TextSink::new(target, Messages::new(global.quiet))?)
        }
        Report::Write => Box::new(TextSink::new(Target::InPlace, Messages::new(global.quiet))?),
        Report::Check => Box::new(CheckSink::new(out()?)),
        Report::Diff => {
            let color = use_color(global.color, options.output.is_none());
            Box::new(DiffSink::new(out()?, options.context, color))
        }
        Report::Json => Box::new(JsonSink::new(out()?, global.jsonl.clone())),
        Report::Html => Box::new(HtmlSink::new(out()?)),
    })
}

/// One run over the inputs.
struct Run<'a> {
    mender: &'a Mender,
    /// With --group-by or --scope corpus: each group's rules.
    groups: Option<&'a Groups>,
    /// `textmend clean` or `--clean`.
    cleaning: Option<&'a Cleaning>,
    global: &'a Global,
    options: &'a Repair,
    sink: &'a mut dyn Sink,
    rules_out: Option<&'a mut RulesOut>,
    totals: Totals,
    messages: &'a Messages,
    reading: Reading,
    pool: &'a rayon::ThreadPool,
    /// Whether the current input has a repair yet.
    changed: bool,
    /// Whether the current input has a cleaning edit yet.
    cleaned: bool,
}

impl Run<'_> {
    /// Every input; true if any failed.
    fn all(&mut self, inputs: &[Input]) -> io::Result<bool> {
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
            (mended.learned().clone(), mended.rules().clone())
        } else {
            (Learned::default(), RuleSet::default())
        };
        let stats = self.cleaning.and_then(|c| c.groups.for_input(input));
        let mut blocks = Blocks::new(first, rest, window, self.reading.strict);
        let mut done = false;
        while !done {
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
            let batch = self
                .pool
                .install(|| jsonl::repair(&buffer, index, &field, self.mender, groups, cleaning));
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

/// With `--group-by` (or `--scope corpus`, all inputs one group): the first
/// pass, each group's rules from its documents' statistics. Inputs that
/// cannot be read, look binary or are not valid UTF-8 are left out here;
/// the repair pass reports them.
fn pooled(
    inputs: &[Input],
    global: &Global,
    mender: &Mender,
    pool: &rayon::ThreadPool,
    messages: &Messages,
) -> Result<Option<Groups>, String> {
    let by = match (&global.group_by, global.scope) {
        (Some(value), _) => GroupBy::parse(value, global.jsonl.is_some())?,
        (None, Scope::Corpus) => GroupBy::All,
        (None, Scope::File) => return Ok(None),
    };
    let (stats, _) = pool.install(|| groups::count(inputs, global, mender, &by, false))?;
    let documents = inputs.len();
    let groups = pool.install(|| Groups::decide(by, &stats, mender));
    let (n, rules) = groups.sizes();
    messages.notice(format_args!(
        "learned {} for {} from {}",
        count(rules, "rule"),
        count(n, "group"),
        count(documents, "input")
    ));
    Ok(Some(groups))
}

/// `--rules-out`: each input's rules under a comment naming it, to a file
/// written atomically at the end, or to standard error for `-`.
struct RulesOut {
    file: Option<AtomicFile>,
}

impl RulesOut {
    fn new(path: &Path) -> io::Result<RulesOut> {
        Ok(RulesOut {
            file: if path == Path::new("-") {
                None
            } else {
                Some(AtomicFile::create(path)?)
            },
        })
    }

    fn table(&mut self, name: &str, rules: &RuleSet) -> io::Result<()> {
        let table = format!("# learned from {name}\n{}", rules.to_tsv());
        match &mut self.file {
            Some(file) => file.write_all(table.as_bytes()),
            None => {
                let _ = io::stderr().write_all(table.as_bytes());
                Ok(())
            }
        }
    }

    fn commit(self) -> io::Result<()> {
        match self.file {
            Some(file) => file.commit(),
            None => Ok(()),
        }
    }
}

/// The summary line.
fn summary(t: &Totals, report: Report) -> String {
    let files = count(t.files, "file");
    let mut left = format!("{} left unchanged", count(t.suspects_left, "suspect"));
    if t.suggestions > 0 {
        let how = if report == Report::Diff {
            "--whole-words applies them"
        } else {
            "--whole-words applies them; --diff lists them"
        };
        left.push_str(&format!(
            "; {} not applied ({how})",
            count(t.suggestions, "whole-word suggestion")
        ));
    }
    if t.repairs == 0 {
        return format!("nothing to repair in {files}; {left}");
    }
    let place = format!(
        "in {} of {files} with {}",
        t.files_changed,
        count(t.rules.len(), "rule")
    );
    let words = count(t.repairs, "word");
    match report {
        Report::Check | Report::Diff => format!("{words} to repair {place}; {left}"),
        _ => format!("repaired {words} {place}; {left}"),
    }
}

/// The summary line with cleaning: what cleaning changes, then (with
/// `--clean`) the repair's summary.
fn cleaning_summary(t: &Totals, report: Report, mend: bool) -> String {
    let files = count(t.files, "file");
    let cleaning = match t.edits.cleaning() {
        None => format!("nothing to clean in {files}"),
        Some(what) => match report {
            Report::Check | Report::Diff => {
                format!("{what} to clean in {} of {files}", t.files_cleaned)
            }
            _ => format!("cleaned {} of {files}: {what}", t.files_cleaned),
        },
    };
    if mend {
        format!("{cleaning}; {}", summary(t, report))
    } else {
        cleaning
    }
}

/// `--stats`.
fn print_stats(t: &Totals, seconds: f64, messages: &Messages) {
    let mb = t.bytes as f64 / 1e6;
    messages.line(format_args!(
        "{} read, {} bytes ({mb:.1} MB) in {seconds:.2} s ({:.1} MB/s)",
        count(t.files, "input"),
        t.bytes,
        if seconds > 0.0 { mb / seconds } else { 0.0 }
    ));
    messages.line(format_args!(
        "{} in {} with {}; {}; {} left unchanged",
        count(t.repairs, "edit"),
        count(t.files_changed, "input"),
        count(t.rules.len(), "rule"),
        count(t.suggestions, "whole-word suggestion"),
        count(t.suspects_left, "suspect")
    ));
    if let Some(cleaning) = t.edits.cleaning() {
        messages.line(format_args!(
            "cleaning: {cleaning} in {}",
            count(t.files_cleaned, "input")
        ));
    }
    for kind in [
        EditKind::WordSwap,
        EditKind::Glyph,
        EditKind::Mojibake,
        EditKind::BrokenWord,
        EditKind::WholeWord,
        EditKind::Furniture,
        EditKind::Hygiene,
    ] {
        if let Some(n) = t.kinds.get(kind.name()) {
            messages.line(format_args!("  {:<12} {n}", kind.name()));
        }
    }
    if t.skipped_records > 0 {
        messages.line(format_args!(
            "{} passed through",
            count(t.skipped_records, "record without the field")
        ));
    }
}

/// A size in MiB or KiB, for notices.
fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", (bytes >> 10).max(1))
    }
}
