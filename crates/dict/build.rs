//! Validates the dictionaries in `dictionaries/` and compiles each into two
//! FSTs in `OUT_DIR`: `<lang>.fst` (word → frequency) and `<lang>.rev.fst`
//! (word with its bytes reversed → frequency, for suffix queries), and
//! `<lang>.common`, its 16,384 commonest entries in a hash table
//! (`src/common.rs`) that answers most lookups before the FST. The
//! thesaurus `<lang>-thesaurus.txt` (one group of related words per line)
//! becomes `<lang>-thesaurus.fst`, a set of keys `word 0x00 group-number`
//! (the siblings file adds `word 0x01 group-number`), for English and for
//! each enabled language that has one ([`THESAURI`]). The word
//! counts `<lang>-ngrams.tsv` (`word` or `word word`, a tab, a count) become
//! `<lang>-ngrams.fst`; the irregular inflections `<lang>-inflections.txt`
//! are only checked here and embedded as text.
//!
//! The TSV is the reviewable source of truth; a malformed line stops the build
//! with a `file:line: message` error rather than producing a silently wrong
//! lexicon.

use std::env;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process;

use unicode_normalization::is_nfc;

/// The languages whose dictionaries are compiled into the binary.
const LANGUAGES: &[&str] = &["en"];

/// Languages whose dictionaries are looked up case-insensitively: their
/// word lists come from wordfreq's casefolded lists (German `ß` written
/// `ss`), so their FSTs are keyed by the folded form ([`fold`]), the highest
/// frequency winning where two entries fold together (`Haus`, `haus`).
/// They have no attested list; five of them have a thesaurus ([`THESAURI`]).
const FOLDED_LANGUAGES: &[&str] = &["de", "es", "fr", "it", "nl", "pt"];

/// The other languages' thesauri (`<lang>-thesaurus.txt`, from
/// `scripts/build_thesauri.py`), each with whether it has a
/// `<lang>-siblings.txt` too. Dutch has none: no synonym data with a usable
/// license ships in a package registry (`dictionaries/README.md`).
const THESAURI: &[(&str, bool)] = &[
    ("de", false),
    ("es", true),
    ("fr", false),
    ("it", true),
    ("pt", true),
];

/// The first byte of a thesaurus key `MEMBERS group word`: the words of a
/// group of related words, in group order.
const MEMBERS: u8 = 2;

/// Whether the crate feature of `lang` is on (English always is).
fn is_enabled(lang: &str) -> bool {
    lang == "en" || env::var_os(format!("CARGO_FEATURE_{}", lang.to_uppercase())).is_some()
}

// The same folding the library looks words up with.
#[path = "src/fold.rs"]
mod fold;
use fold::fold;

// The table of common words the library reads.
#[allow(dead_code)]
#[path = "src/common.rs"]
mod common;

fn main() {
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for lang in FOLDED_LANGUAGES.iter().filter(|l| is_enabled(l)) {
        or_exit(compile_folded(
            &input(&format!("{lang}.tsv")),
            &out_dir,
            lang,
        ));
    }
    for (lang, siblings) in THESAURI.iter().filter(|(l, _)| is_enabled(l)) {
        let siblings = siblings.then(|| input(&format!("{lang}-siblings.txt")));
        or_exit(compile_thesaurus(
            &input(&format!("{lang}-thesaurus.txt")),
            siblings.as_deref(),
            &out_dir.join(format!("{lang}-thesaurus.fst")),
        ));
    }
    for lang in LANGUAGES {
        or_exit(compile(&input(&format!("{lang}.tsv")), &out_dir, lang));
        or_exit(compile_word_list(
            &input(&format!("{lang}-attested.txt")),
            &out_dir.join(format!("{lang}-attested.fst")),
        ));
        or_exit(compile_thesaurus(
            &input(&format!("{lang}-thesaurus.txt")),
            Some(&input(&format!("{lang}-siblings.txt"))),
            &out_dir.join(format!("{lang}-thesaurus.fst")),
        ));
        or_exit(compile_ngrams(
            &input(&format!("{lang}-ngrams.tsv")),
            &out_dir.join(format!("{lang}-ngrams.fst")),
            &out_dir.join(format!("{lang}-ngrams-scale.rs")),
        ));
        or_exit(check_inflections(&input(&format!(
            "{lang}-inflections.txt"
        ))));
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/fold.rs");
    println!("cargo:rerun-if-changed=src/common.rs");
}

/// The path of `dictionaries/NAME`, which the build then depends on.
fn input(name: &str) -> PathBuf {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let path = manifest.join("../../dictionaries").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    path
}

/// Stops the build with the message of a failed step.
fn or_exit(result: Result<(), String>) {
    if let Err(message) = result {
        eprintln!("error: {message}");
        process::exit(1);
    }
}

/// Compiles `key<TAB>count` lines (a key is one word or two words joined by
/// one space), sorted by bytes and unique, into a map from key to the count
/// on a log scale, `round(100 × log10(count))` (1 % steps are plenty for
/// comparing how well words fit, and the map is a third the size). The
/// totals the model needs (log10 of the words counted, of the smallest pair
/// and of the smallest word count, from the scaled counts) go to `scale` as
/// a Rust constant `EN_NGRAM_SCALE`.
fn compile_ngrams(path: &Path, out: &Path, scale: &Path) -> Result<(), String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut entries: Vec<(Vec<u8>, u64)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = |msg: String| format!("{}:{}: {msg}", path.display(), i + 1);
        let (key, count) = line
            .split_once('\t')
            .ok_or_else(|| at("expected `words<TAB>count`".to_string()))?;
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() > 2
            || words
                .iter()
                .any(|w| w.is_empty() || w.contains(char::is_whitespace))
        {
            return Err(at(format!(
                "bad key {key:?}: one word, or two and one space"
            )));
        }
        let count: u64 = count
            .parse()
            .map_err(|_| at(format!("bad count {count:?}, expected an integer")))?;
        if let Some((prev, _)) = entries.last() {
            if prev.as_slice() >= key.as_bytes() {
                return Err(at(format!(
                    "{key:?} is out of order: sort by bytes and dedupe"
                )));
            }
        }
        let scaled = (100.0 * (count.max(1) as f64).log10()).round() as u64;
        entries.push((key.as_bytes().to_vec(), scaled));
    }
    let (mut total, mut pair_floor, mut word_floor) = (0.0, f64::MAX, f64::MAX);
    for (key, value) in &entries {
        let log = *value as f64 / 100.0;
        if key.contains(&b' ') {
            pair_floor = f64::min(pair_floor, log);
        } else {
            word_floor = f64::min(word_floor, log);
            total += 10f64.powf(log);
        }
    }
    if pair_floor == f64::MAX || word_floor == f64::MAX {
        return Err(format!("{}: needs both words and pairs", path.display()));
    }
    let total = f64::max(total, 1.0).log10();
    fs::write(
        scale,
        format!(
            "/// The totals of the English word counts.\n\
             pub const EN_NGRAM_SCALE: Scale = Scale {{ total: {total:?}, \
             pair_floor: {pair_floor:?}, word_floor: {word_floor:?} }};\n"
        ),
    )
    .map_err(|e| format!("{}: {e}", scale.display()))?;
    write_map(out, entries.into_iter())
}

/// Checks `form lemma pos` lines (lowercase words, `pos` one of `n`, `v`,
/// `a`), sorted by bytes and unique.
fn check_inflections(path: &Path) -> Result<(), String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut prev = "";
    for (i, line) in text.lines().enumerate() {
        let at = |msg: String| format!("{}:{}: {msg}", path.display(), i + 1);
        let fields: Vec<&str> = line.split(' ').collect();
        let lowercase = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase());
        match fields.as_slice() {
            [form, lemma, pos]
                if lowercase(form) && lowercase(lemma) && ["n", "v", "a"].contains(pos) => {}
            _ => {
                return Err(at(format!(
                    "bad line {line:?}: expected `form lemma n|v|a`"
                )))
            }
        }
        if i > 0 && prev.as_bytes() >= line.as_bytes() {
            return Err(at("lines must be sorted by bytes and unique".to_string()));
        }
        prev = line;
    }
    Ok(())
}

fn compile(path: &Path, out_dir: &Path, lang: &str) -> Result<(), String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let entries = parse(path, &text)?;

    let forward = out_dir.join(format!("{lang}.fst"));
    let keyed: Vec<(Vec<u8>, u64)> = entries
        .iter()
        .map(|(w, f)| (w.as_bytes().to_vec(), *f))
        .collect();
    write_common(&out_dir.join(format!("{lang}.common")), &keyed)?;
    write_map(&forward, keyed.into_iter())?;

    let mut reversed: Vec<(Vec<u8>, u64)> = entries
        .iter()
        .map(|(w, f)| (w.bytes().rev().collect(), *f))
        .collect();
    reversed.sort_unstable();
    write_map(
        &out_dir.join(format!("{lang}.rev.fst")),
        reversed.into_iter(),
    )
}

/// Compiles a dictionary keyed by folded forms (see [`FOLDED_LANGUAGES`]).
fn compile_folded(path: &Path, out_dir: &Path, lang: &str) -> Result<(), String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let entries = parse(path, &text)?;
    let mut folded: Vec<(Vec<u8>, u64)> = entries
        .iter()
        .map(|(w, f)| (fold(w).into_owned().into_bytes(), *f))
        .collect();
    folded.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    folded.dedup_by(|later, earlier| later.0 == earlier.0);
    let mut reversed: Vec<(Vec<u8>, u64)> = folded
        .iter()
        .map(|(w, f)| (w.iter().rev().copied().collect(), *f))
        .collect();
    reversed.sort_unstable();
    write_common(&out_dir.join(format!("{lang}.common")), &folded)?;
    write_map(&out_dir.join(format!("{lang}.fst")), folded.into_iter())?;
    write_map(
        &out_dir.join(format!("{lang}.rev.fst")),
        reversed.into_iter(),
    )
}

/// Parses `word<TAB>frequency` lines, checking that the file is canonical:
/// sorted by bytes, unique, NFC, no blank or padded fields.
fn parse<'a>(path: &Path, text: &'a str) -> Result<Vec<(&'a str, u64)>, String> {
    let mut entries: Vec<(&str, u64)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = |msg: String| format!("{}:{}: {msg}", path.display(), i + 1);
        let (word, freq) = line
            .split_once('\t')
            .ok_or_else(|| at("expected `word<TAB>frequency`".to_string()))?;
        if word.is_empty() || word.chars().any(char::is_whitespace) {
            return Err(at(format!("bad word {word:?}")));
        }
        if !is_nfc(word) {
            return Err(at(format!("word {word:?} is not in Unicode NFC")));
        }
        let freq: u64 = freq
            .parse()
            .map_err(|_| at(format!("bad frequency {freq:?}, expected an integer")))?;
        if let Some((prev, _)) = entries.last() {
            if prev.as_bytes() >= word.as_bytes() {
                return Err(at(format!(
                    "{word:?} is not after {prev:?}: the file must be sorted by bytes and unique"
                )));
            }
        }
        entries.push((word, freq));
    }
    if entries.is_empty() {
        return Err(format!("{}: no entries", path.display()));
    }
    Ok(entries)
}

/// Compiles a plain word list (one lowercase word per line, sorted by bytes,
/// unique) into a set.
fn compile_word_list(path: &Path, out: &Path) -> Result<(), String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut prev = "";
    for (i, word) in text.lines().enumerate() {
        let at = |msg: String| format!("{}:{}: {msg}", path.display(), i + 1);
        if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
            return Err(at(format!("bad word {word:?}")));
        }
        if i > 0 && prev.as_bytes() >= word.as_bytes() {
            return Err(at(format!(
                "{word:?} is not after {prev:?}: sort and dedupe the file"
            )));
        }
        prev = word;
    }
    write_map(out, text.lines().map(|w| (w.as_bytes().to_vec(), 0)))
}

/// Compiles a thesaurus file and, if there is one, its siblings file into
/// one FST set of `word kind group` keys (see [`thesaurus_keys`]).
fn compile_thesaurus(groups: &Path, siblings: Option<&Path>, out: &Path) -> Result<(), String> {
    let mut keys = thesaurus_keys(groups, 0)?;
    if let Some(siblings) = siblings {
        keys.extend(thesaurus_keys(siblings, 1)?);
    }
    keys.sort_unstable();
    write_map(out, keys.into_iter().map(|k| (k, 0)))
}

/// Reads a thesaurus file: each line is a group of words, sorted and
/// space-separated; the lines are sorted and unique. Group `n` (0-based line
/// number) becomes the keys `word kind n` (`kind` one byte telling the files
/// apart, `n` as 4 big-endian bytes), so the groups of a word are one range
/// query; a group of related words (kind 0) also becomes the keys
/// `0x02 n word`, so the words of a group are one range query too (no word
/// starts with that byte).
fn thesaurus_keys(path: &Path, kind: u8) -> Result<Vec<Vec<u8>>, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut keys: Vec<Vec<u8>> = Vec::new();
    let mut prev_line = "";
    for (n, line) in text.lines().enumerate() {
        let at = |msg: String| format!("{}:{}: {msg}", path.display(), n + 1);
        if n > 0 && prev_line.as_bytes() >= line.as_bytes() {
            return Err(at("lines must be sorted and unique".to_string()));
        }
        prev_line = line;
        let words: Vec<&str> = line.split(' ').collect();
        if words.len() < 2 {
            return Err(at("a group needs at least two words".to_string()));
        }
        for pair in words.windows(2) {
            if pair[0].as_bytes() >= pair[1].as_bytes() {
                return Err(at(format!("{:?} is not after {:?}", pair[1], pair[0])));
            }
        }
        for word in words {
            if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
                return Err(at(format!("bad word {word:?}")));
            }
            let mut key = word.as_bytes().to_vec();
            key.push(kind);
            key.extend_from_slice(&(n as u32).to_be_bytes());
            keys.push(key);
            if kind == 0 {
                let mut member = vec![MEMBERS];
                member.extend_from_slice(&(n as u32).to_be_bytes());
                member.extend_from_slice(word.as_bytes());
                keys.push(member);
            }
        }
    }
    Ok(keys)
}

/// Writes the `common::COMMON_WORDS` entries of highest frequency (ties
/// by key), exactly the FST's keys and values, as the hash table
/// `src/common.rs` lays out.
fn write_common(path: &Path, entries: &[(Vec<u8>, u64)]) -> Result<(), String> {
    let mut common: Vec<(&str, u64)> = entries
        .iter()
        .map(|(key, frequency)| {
            std::str::from_utf8(key)
                .map(|key| (key, *frequency))
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect::<Result<_, _>>()?;
    common.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    common.truncate(common::COMMON_WORDS);
    fs::write(path, common::write(&common)).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_map(path: &Path, entries: impl Iterator<Item = (Vec<u8>, u64)>) -> Result<(), String> {
    let file = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut builder = fst::MapBuilder::new(BufWriter::new(file))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    for (key, value) in entries {
        builder
            .insert(key, value)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    builder
        .finish()
        .map_err(|e| format!("{}: {e}", path.display()))
}
