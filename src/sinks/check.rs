//! `--check`: one line per input that needs repair and the summary, for CI
//! and pre-commit hooks; the exit status says whether anything does.

use std::io::{self, Write};

use super::{commit, Block, End, Out, Sink};
use crate::inputs::Input;
use crate::term::count;

pub struct CheckSink {
    out: Option<Out>,
    repairs: usize,
}

impl CheckSink {
    pub fn new(out: Out) -> CheckSink {
        CheckSink {
            out: Some(out),
            repairs: 0,
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
        self.repairs = 0;
        Ok(())
    }

    fn pass(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        self.repairs += block.repairs();
        Ok(())
    }

    fn end(&mut self, end: &End) -> io::Result<()> {
        if self.repairs > 0 {
            let line = format!("{}: {} to repair\n", end.name, count(self.repairs, "word"));
            self.out()?.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    fn summary(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out()?, "{line}")
    }

    fn finish(&mut self) -> io::Result<()> {
        commit(&mut self.out)
    }
}
