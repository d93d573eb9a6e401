//! Standard error and the terminal: notices and errors (`textmend: …`),
//! which are best-effort — an unwritable standard error never stops the
//! output —, a progress bar when someone is watching, and whether to colour.

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::ColorChoice;

/// Where notices go.
#[derive(Clone)]
pub struct Messages {
    quiet: bool,
    progress: Option<ProgressBar>,
}

impl Messages {
    pub fn new(quiet: bool) -> Messages {
        Messages {
            quiet,
            progress: None,
        }
    }

    /// A notice, unless quiet.
    pub fn notice(&self, message: impl Display) {
        if !self.quiet {
            self.line(format_args!("textmend: {message}"));
        }
    }

    /// An error: always printed (if standard error can be written at all).
    pub fn error(&self, message: impl Display) {
        self.line(format_args!("textmend: {message}"));
    }

    /// A line on standard error, above the progress bar if there is one.
    pub fn line(&self, line: impl Display) {
        match &self.progress {
            Some(bar) => bar.suspend(|| write_stderr(&line)),
            None => write_stderr(&line),
        }
    }

    /// Starts a progress bar over `total` bytes (or inputs, with `unit`
    /// "files") on standard error when it is a terminal and not quiet.
    pub fn start_progress(&mut self, total: u64, what: &str) {
        if self.quiet || !io::stderr().is_terminal() || total == 0 {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        let template = if what == "bytes" {
            "textmend {bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {eta}"
        } else {
            "textmend {bar:30} {pos}/{len} files {elapsed}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        self.progress = Some(bar);
    }

    /// Advances the progress bar.
    pub fn advance(&self, by: u64) {
        if let Some(bar) = &self.progress {
            bar.inc(by);
        }
    }

    /// Removes the progress bar.
    pub fn end_progress(&mut self) {
        if let Some(bar) = self.progress.take() {
            bar.finish_and_clear();
        }
    }
}

fn write_stderr(line: &impl Display) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Whether to colour output going to standard output.
pub fn use_color(choice: ColorChoice, to_stdout: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_stdout
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && io::stdout().is_terminal()
        }
    }
}

/// `n noun`, with the noun in the plural unless `n` is 1.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
