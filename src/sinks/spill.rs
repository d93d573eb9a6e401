//! A byte buffer that stays in memory up to a limit and then moves to a
//! temporary file, so that what a report must hold before it can write it
//! (a diff hunk whose header counts its lines, one line of 50 MB) never
//! costs more memory than the limit.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};

/// Bytes kept in memory before spilling to disk.
const MEMORY_LIMIT: usize = 4 << 20;

/// An append-only buffer.
#[derive(Default)]
pub struct Spill {
    memory: Vec<u8>,
    file: Option<(File, usize)>,
    /// Line ends held, and whether the last byte is one.
    newlines: usize,
    ends_with_newline: bool,
}

impl Spill {
    /// Appends `bytes`.
    pub fn push(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.newlines += memchr::memchr_iter(b'\n', bytes).count();
        self.ends_with_newline = bytes.ends_with(b"\n");
        if let Some((file, len)) = &mut self.file {
            file.write_all(bytes)?;
            *len += bytes.len();
            return Ok(());
        }
        if self.memory.len() + bytes.len() <= MEMORY_LIMIT {
            self.memory.extend_from_slice(bytes);
            return Ok(());
        }
        let mut file = tempfile::tempfile()?;
        file.write_all(&self.memory)?;
        file.write_all(bytes)?;
        let len = self.memory.len() + bytes.len();
        self.memory = Vec::new();
        self.file = Some((file, len));
        Ok(())
    }

    /// The number of bytes held.
    pub fn len(&self) -> usize {
        match &self.file {
            Some((_, len)) => *len,
            None => self.memory.len(),
        }
    }

    /// The number of line ends held.
    pub fn newlines(&self) -> usize {
        self.newlines
    }

    /// Whether the last byte held is a line end.
    pub fn ends_with_newline(&self) -> bool {
        self.ends_with_newline
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Copies everything held to `out`, then empties the buffer.
    pub fn drain_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.newlines = 0;
        self.ends_with_newline = false;
        match self.file.take() {
            Some((mut file, _)) => {
                file.seek(SeekFrom::Start(0))?;
                io::copy(&mut file, out)?;
            }
            None => {
                out.write_all(&self.memory)?;
                self.memory.clear();
            }
        }
        Ok(())
    }

    /// Calls `each` with every chunk of what is held, in order, each chunk
    /// ending at a line end or at the end (a long line comes in several
    /// chunks), then empties the buffer.
    pub fn drain_lines(&mut self, mut each: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        self.newlines = 0;
        self.ends_with_newline = false;
        match self.file.take() {
            Some((mut file, _)) => {
                file.seek(SeekFrom::Start(0))?;
                let mut reader = BufReader::with_capacity(1 << 16, file);
                loop {
                    let chunk = reader.fill_buf()?;
                    if chunk.is_empty() {
                        return Ok(());
                    }
                    let n = memchr::memchr(b'\n', chunk).map_or(chunk.len(), |i| i + 1);
                    each(&chunk[..n])?;
                    reader.consume(n);
                }
            }
            None => {
                let memory = std::mem::take(&mut self.memory);
                for line in memory.split_inclusive(|&b| b == b'\n') {
                    each(line)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spills_to_disk_and_gives_back_every_byte() {
        let mut spill = Spill::default();
        let line = b"0123456789abcdef\n".repeat(1 << 18);
        spill.push(&line).unwrap();
        spill.push(b"no newline").unwrap();
        assert!(spill.file.is_some());
        assert_eq!(spill.len(), line.len() + 10);
        let mut back = Vec::new();
        let mut ends = 0;
        spill
            .drain_lines(|chunk| {
                ends += usize::from(chunk.ends_with(b"\n"));
                back.extend_from_slice(chunk);
                Ok(())
            })
            .unwrap();
        assert_eq!(ends, 1 << 18);
        assert_eq!(&back[..line.len()], &line[..]);
        assert!(back.ends_with(b"no newline"));
        assert!(spill.is_empty());
    }
}
