//! The repaired text itself: to standard output (the filter), to one file
//! (`-o`), to one file per input under a directory (`--out-dir`), or back
//! into each input (`-w`). Files are written atomically; a file that needs
//! no change is not touched.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use super::{Block, End, Sink};
use crate::atomic::{self, AtomicFile};
use crate::inputs::Input;
use crate::term::Messages;

/// Where the text goes.
pub enum Target {
    /// Standard output.
    Stdout,
    /// One file for all inputs (`-o`).
    File(PathBuf),
    /// `DIR/PATH` for each input `PATH` (`--out-dir`).
    Dir(PathBuf),
    /// Each input itself (`-w`).
    InPlace,
}

pub struct TextSink {
    target: Target,
    stdout: Option<BufWriter<io::Stdout>>,
    /// The report file (`-o`), or the current input's file.
    file: Option<AtomicFile>,
    /// Whether the current input changed.
    changed: bool,
    /// Hard links of the current input (`-w`).
    links: u64,
    messages: Messages,
    discard: io::Sink,
}

impl TextSink {
    pub fn new(target: Target, messages: Messages) -> io::Result<TextSink> {
        let file = match &target {
            Target::File(path) => Some(AtomicFile::create(path)?),
            _ => None,
        };
        let stdout = matches!(target, Target::Stdout)
            .then(|| BufWriter::with_capacity(1 << 16, io::stdout()));
        Ok(TextSink {
            target,
            stdout,
            file,
            changed: false,
            links: 1,
            messages,
            discard: io::sink(),
        })
    }

    fn out(&mut self) -> &mut dyn Write {
        match (&mut self.stdout, &mut self.file) {
            (Some(stdout), _) => stdout,
            (None, Some(file)) => file,
            // An input whose target could not be opened (the error was
            // reported then): its output goes nowhere.
            (None, None) => &mut self.discard,
        }
    }
}

impl Sink for TextSink {
    fn begin(&mut self, input: &Input) -> io::Result<()> {
        self.changed = false;
        match &self.target {
            Target::Stdout | Target::File(_) => Ok(()),
            Target::InPlace => {
                let path = input.path().ok_or_else(|| {
                    io::Error::other("-w needs files; standard input cannot be written in place")
                })?;
                let metadata = atomic::check_in_place(path)?;
                self.links = atomic::links(&metadata);
                self.file = Some(AtomicFile::in_place(path)?);
                Ok(())
            }
            Target::Dir(dir) => {
                let path = input
                    .path()
                    .ok_or_else(|| io::Error::other("--out-dir needs files, not standard input"))?;
                let target = dir.join(relative(path));
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent)?;
                }
                self.file = Some(AtomicFile::create(&target)?);
                Ok(())
            }
        }
    }

    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out().write_all(bytes)
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        self.changed |= !block.edits.is_empty();
        self.out().write_all(block.output)
    }

    fn end(&mut self, end: &End) -> io::Result<()> {
        match self.target {
            Target::Stdout => {
                // Stop at the first failed write (a closed pipe) rather than
                // after the next input.
                if let Some(stdout) = &mut self.stdout {
                    stdout.flush()?;
                }
                Ok(())
            }
            Target::File(_) => Ok(()),
            Target::Dir(_) => match self.file.take() {
                Some(file) => file.commit(),
                None => Ok(()),
            },
            Target::InPlace => {
                let file = self.file.take();
                match file {
                    Some(file) if self.changed => {
                        file.commit()?;
                        if self.links > 1 {
                            self.messages.notice(format_args!(
                                "{}: had {} names (hard links); -w gave this one a new file, \
                                 the others keep the old text",
                                end.name, self.links
                            ));
                        }
                        Ok(())
                    }
                    // Unchanged: the temporary file goes, the input stays.
                    _ => Ok(()),
                }
            }
        }
    }

    fn abort(&mut self) {
        if !matches!(self.target, Target::File(_)) {
            self.file = None;
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some(stdout) = &mut self.stdout {
            stdout.flush()?;
        }
        if let Target::File(_) = self.target {
            if let Some(file) = self.file.take() {
                file.commit()?;
            }
        }
        Ok(())
    }
}

/// `path` as a relative path without `..` (`/a/b` → `a/b`, `../x` → `x`),
/// to place it under `--out-dir`.
fn relative(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect()
}
