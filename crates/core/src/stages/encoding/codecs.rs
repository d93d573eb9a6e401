//! The single-byte encodings mojibake is read back through, and UTF-8
//! decoding with the variants ftfy accepts.

use std::sync::LazyLock;

use super::tables::CODE_PAGES;

/// A single-byte encoding: bytes 0x00-0x7F read as ASCII, 0x80-0xFF as
/// its table says.
pub(super) struct CodePage {
    /// Its name as a reason shows it (`windows-1252`, `macroman`).
    pub(super) name: &'static str,
    /// A "sloppy" Windows code page: byte 0x1A stands for U+FFFD, the
    /// character a lossy decoder left for a byte it could not read, so that
    /// such text can still be encoded (and U+001A itself cannot).
    pub(super) sloppy: bool,
    /// What bytes 0x80-0xFF read as.
    chars: &'static [char; 128],
    /// Every character bytes 0x80-0xFF read as, with its byte, sorted.
    encode: Vec<(char, u8)>,
}

impl CodePage {
    /// The byte `c` is written with, if any.
    pub(super) fn byte_of(&self, c: char) -> Option<u8> {
        match c {
            '\u{1a}' if self.sloppy => None,
            '\u{fffd}' if self.sloppy => Some(0x1a),
            _ if c.is_ascii() => Some(c as u8),
            _ => self
                .encode
                .binary_search_by_key(&c, |&(k, _)| k)
                .ok()
                .map(|k| self.encode[k].1),
        }
    }

    /// Whether every character of `text` has a byte here (ftfy's
    /// `possible_encoding`).
    pub(super) fn can_encode(&self, text: &str) -> bool {
        text.chars().all(|c| self.byte_of(c).is_some())
    }

    /// The character byte `b` reads as.
    pub(super) fn char_of(&self, b: u8) -> char {
        match b {
            0x1a if self.sloppy => '\u{fffd}',
            0x00..=0x7f => char::from(b),
            _ => self.chars[usize::from(b - 0x80)],
        }
    }
}

/// The code pages ftfy tries, in its order: Latin-1, then the Windows code
/// pages 1252, 1251, 1250, 1253, 1254 and 1257, ISO 8859-2, Mac Roman and
/// code page 437.
pub(super) static CODE_PAGE_LIST: LazyLock<Vec<CodePage>> = LazyLock::new(|| {
    CODE_PAGES
        .iter()
        .map(|(name, sloppy, chars)| {
            let mut encode: Vec<(char, u8)> = chars
                .iter()
                .zip(0x80..=0xff)
                .map(|(&c, b)| (c, b))
                .collect();
            encode.sort_unstable();
            CodePage {
                name,
                sloppy: *sloppy,
                chars,
                encode,
            }
        })
        .collect()
});

/// The code page called `name`.
pub(super) fn code_page(name: &str) -> &'static CodePage {
    CODE_PAGE_LIST
        .iter()
        .find(|c| c.name == name)
        .expect("a known code page")
}

/// One character decoded from `len` bytes.
pub(super) struct Decoded {
    pub(super) c: char,
    pub(super) len: usize,
}

/// `bytes` decoded as UTF-8, character by character, or `None` where they
/// are not. With `variants`, two forms other software writes are read too
/// (ftfy's `utf-8-variants`): CESU-8, where a character beyond the Basic
/// Multilingual Plane is written as the two UTF-16 surrogates it is made
/// of, three bytes each, and Java's `C0 80` for U+0000.
pub(super) fn decode_utf8(bytes: &[u8], variants: bool) -> Option<Vec<Decoded>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if variants {
            if rest.starts_with(&[0xc0, 0x80]) {
                out.push(Decoded { c: '\0', len: 2 });
                i += 2;
                continue;
            }
            if let Some(c) = cesu8_pair(rest) {
                out.push(Decoded { c, len: 6 });
                i += 6;
                continue;
            }
        }
        let len = match rest[0] {
            0x00..=0x7f => 1,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return None,
        };
        let c = rest
            .get(..len)
            .and_then(|s| std::str::from_utf8(s).ok())?
            .chars()
            .next()?;
        out.push(Decoded { c, len });
        i += len;
    }
    Some(out)
}

/// The character a CESU-8 surrogate pair at the start of `b` stands for.
fn cesu8_pair(b: &[u8]) -> Option<char> {
    let [0xed, hi @ 0xa0..=0xaf, m1 @ 0x80..=0xbf, 0xed, lo @ 0xb0..=0xbf, m2 @ 0x80..=0xbf, ..] =
        *b
    else {
        return None;
    };
    let code = ((u32::from(hi) & 0x0f) << 16)
        + ((u32::from(m1) & 0x3f) << 10)
        + ((u32::from(lo) & 0x0f) << 6)
        + (u32::from(m2) & 0x3f)
        + 0x10000;
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_pages_round_trip() {
        for page in CODE_PAGE_LIST.iter() {
            for b in 0..=255u8 {
                let c = page.char_of(b);
                if b == 0x1a && !page.sloppy {
                    continue;
                }
                assert_eq!(page.byte_of(c), Some(b), "{} {b:#x}", page.name);
            }
        }
        let cp1252 = code_page("windows-1252");
        assert_eq!(cp1252.byte_of('€'), Some(0x80));
        assert_eq!(cp1252.byte_of('\u{81}'), Some(0x81));
        assert_eq!(cp1252.byte_of('\u{80}'), None);
        assert_eq!(code_page("macroman").byte_of('√'), Some(0xc3));
    }

    #[test]
    fn decodes_utf8_and_its_variants() {
        let decoded =
            |b: &[u8], v| decode_utf8(b, v).map(|d| d.iter().map(|d| d.c).collect::<String>());
        assert_eq!(decoded(b"caf\xc3\xa9", false).as_deref(), Some("café"));
        assert_eq!(decoded(b"caf\xc3", false), None);
        assert_eq!(decoded(b"\xc0\x80", false), None);
        assert_eq!(decoded(b"\xc0\x80", true).as_deref(), Some("\0"));
        let cesu = b"\xed\xa0\xbd\xed\xb8\x80";
        assert_eq!(decoded(cesu, false), None);
        assert_eq!(decoded(cesu, true).as_deref(), Some("😀"));
        assert_eq!(decoded(b"\xed\xa0\xbd", true), None);
    }
}
