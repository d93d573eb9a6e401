//! The default command: repair each input and report it in the chosen way.
//! Inputs are started in parallel a few at a time (the short ones repaired
//! whole on worker threads), then reported in input order; a long input is
//! repaired block by block when its turn comes, its blocks in parallel.
//!
//! This module sets a run up (inputs, mender, pool, cleaning, pooled
//! rules, the sink) and ends it (summary, `--stats`, exit code); `feed`
//! reads each input and feeds the sink, `summary` keeps the counts and
//! words them, `rules_out` writes `--rules-out`.

mod feed;
mod rules_out;
mod summary;

use std::io;
use std::path::Path;
use std::time::Instant;

use textmend::Mender;

use crate::args::{Global, Repair, Report, Scope};
use crate::clean::Cleaning;
use crate::clean_groups::Groups as CleanGroups;
use crate::engine::{self, Reading};
use crate::groups::{self, GroupBy, Groups};
use crate::inputs::{self, Input};
use crate::sinks::check::CheckSink;
use crate::sinks::diff::DiffSink;
use crate::sinks::html::HtmlSink;
use crate::sinks::json::JsonSink;
use crate::sinks::text::{Target, TextSink};
use crate::sinks::{Out, Sink};
use crate::term::{count, use_color, Messages};
use crate::{config, Exit};

use feed::Run;
use rules_out::RulesOut;
use summary::{cleaning_summary, print_stats, summary, Totals};

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
    let (mender, given) = match mender_and_groups(options, global) {
        Ok(built) => built,
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
    if global.lang_field.is_some() && pooling {
        messages.error(
            "--lang-field with --group-by or --scope corpus: pooled learning detects each \
             record's language; drop --lang-field, or learn record by record",
        );
        return Exit::Error;
    }
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
    } else if given.is_some() {
        given
    } else if options.rules.is_some() && !options.learn {
        // The rules given are exactly the rules applied: nothing to learn,
        // so no group's rules to decide.
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

/// The mender, and with `--group-by` and a grouped rules file (what `learn
/// --merge` writes), each group's rules from the file: the rules before
/// the first `# group` line are every document's, each section its group's
/// ([`Mender::mend_pooled`] applies those that hold in each document, as a
/// pooled run applies the rules it decided), and nothing is learned unless
/// `--learn` asks for it.
fn mender_and_groups(
    options: &Repair,
    global: &Global,
) -> Result<(Mender, Option<Groups>), String> {
    let (Some(path), Some(value)) = (options.rules.as_deref(), global.group_by.as_deref()) else {
        return Ok((
            config::build_mender(global, options.rules.as_deref(), options.learn)?,
            None,
        ));
    };
    let text = config::read_rules_text(path)?;
    match groups::parse_rules(&text, path)? {
        Some(grouped) => {
            let by = GroupBy::parse(value, global.jsonl.is_some())?;
            let mender = config::mender_with(global, Some(grouped.common), options.learn)?;
            Ok((mender, Some(Groups::given(by, grouped.groups))))
        }
        None => {
            let rules = textmend::RuleSet::parse(&text, path).map_err(|e| e.to_string())?;
            Ok((
                config::mender_with(global, Some(rules), options.learn)?,
                None,
            ))
        }
    }
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
