//! Where a byte of an input is, for reports that point at places: its byte
//! and character offsets and its 1-based line and column (in characters).
//! A [`Cursor`] moves forward over the input block by block, so finding
//! the places of a block's edits costs one pass over the block, whatever
//! the length of its lines. A byte-order mark at the very start is not a
//! column of line 1. Bytes that are not valid UTF-8 count as one character
//! each, as the library's character spans count them.

/// A place in an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// Byte offset.
    pub byte: usize,
    /// Character offset.
    pub char: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A position that moves forward over an input.
#[derive(Clone, Debug)]
pub struct Cursor {
    byte: usize,
    char: usize,
    line: usize,
    /// Character offset where the current line starts.
    line_start: usize,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            byte: 0,
            char: 0,
            line: 1,
            line_start: 0,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Cursor {
    /// The cursor's position.
    pub fn position(&self) -> Position {
        Position {
            byte: self.byte,
            char: self.char,
            line: self.line,
            column: self.char - self.line_start + 1,
        }
    }

    /// Moves over `bytes`, the next bytes of the input.
    pub fn advance(&mut self, bytes: &[u8]) {
        let bom = self.byte == 0 && bytes.starts_with(BOM);
        let mut at = 0;
        for newline in memchr::memchr_iter(b'\n', bytes) {
            self.char += chars(&bytes[at..=newline]);
            self.line += 1;
            self.line_start = self.char;
            at = newline + 1;
        }
        self.char += chars(&bytes[at..]);
        if bom && self.line == 1 {
            // The mark is a character of the input, not a column.
            self.line_start = self.line_start.max(1);
        }
        self.byte += bytes.len();
    }

    /// The positions of `offsets` (sorted, relative to the start of
    /// `block`, which starts at the cursor), moving the cursor to the end
    /// of the block.
    pub fn positions(
        &mut self,
        block: &[u8],
        offsets: impl IntoIterator<Item = usize>,
    ) -> Vec<Position> {
        let mut at = 0;
        let mut found = Vec::new();
        for offset in offsets {
            let offset = offset.clamp(at, block.len());
            self.advance(&block[at..offset]);
            at = offset;
            found.push(self.position());
        }
        self.advance(&block[at..]);
        found
    }
}

/// The number of characters in `bytes`, an invalid byte counting as one.
fn chars(bytes: &[u8]) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    bytes
        .utf8_chunks()
        .map(|c| c.valid().chars().count() + c.invalid().len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters_across_blocks() {
        let mut cursor = Cursor::default();
        let found = cursor.positions("ab\nçd ".as_bytes(), [0, 3, 6]);
        assert_eq!(
            found.iter().map(|p| (p.line, p.column)).collect::<Vec<_>>(),
            [(1, 1), (2, 1), (2, 3)]
        );
        let next = cursor.positions(b"ef\n\nx", [0, 4]);
        assert_eq!((next[0].line, next[0].column, next[0].char), (2, 4, 6));
        assert_eq!((next[1].line, next[1].column), (4, 1));
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let mut cursor = Cursor::default();
        let text = "\u{feff}abc def";
        let found = cursor.positions(text.as_bytes(), [3, 7]);
        assert_eq!((found[0].column, found[1].column), (1, 5));
        assert_eq!(found[1].char, 5);
    }
}
