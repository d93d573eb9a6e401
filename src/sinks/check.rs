//! `--check`: one line per input that needs repair and the summary, for CI
//! and pre-commit hooks; the exit status says whether anything does.

use std::io::{self, Write};

use super::{commit, Block, Counts, End, Out, Sink};
use crate::inputs::Input;
use crate::term::count;

pub struct CheckSink {
    out: Option<Out>,
    counts: Counts,
}

impl CheckSink {
    pub fn new(out: Out) -> CheckSink {
        CheckSink {
            out: Some(out),
            counts: Counts::default(),
        }
    }

    fn out(&mut self) -> io::Result<&mut Out> {
        self.out
            .as_mut()
            .ok_or_else(|| io::Error::other("report already written"))
    }
}

impl Sink for CheckSink {
    fn begin(&mut self, _input: &Input) -> io::Result<()> {
        self.counts = Counts::default();
        Ok(())
    }

    fn pass(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        self.counts.add_all(block.counts());
        Ok(())
    }

    fn end(&mut self, end: &End) -> io::Result<()> {
        let repairs = self.counts.repairs;
        let line = match self.counts.cleaning() {
            // With cleaning: `NAME: 6 furniture lines, 1 hygiene fix to
            // clean, 2 words to repair`.
            Some(cleaning) if repairs > 0 => format!(
                "{}: {cleaning} to clean, {} to repair\n",
                end.name,
                count(repairs, "word")
            ),
            Some(cleaning) => format!("{}: {cleaning} to clean\n", end.name),
            None if repairs > 0 => {
                format!("{}: {} to repair\n", end.name, count(repairs, "word"))
            }
            None => return Ok(()),
        };
        self.out()?.write_all(line.as_bytes())?;
        Ok(())
    }

    fn summary(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out()?, "{line}")
    }

    fn finish(&mut self) -> io::Result<()> {
        commit(&mut self.out)
    }
}
