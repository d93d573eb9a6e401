//! The layout that docs/ARCHITECTURE.md draws, checked on the source.
//!
//! Data flows one way through the stages, in this order:
//! encoding, broken, tokenize, identify, detect, explain, learn, rewrite,
//! swaps. A stage may use an earlier stage, never a later one; language
//! knowledge (`knowledge/`), the file formats (`formats/`) and the edit
//! algebra (`edit.rs`) use no stage at all; and none of these reaches up
//! into the orchestrator (`mender/`) or the cleaner (`clean/`).
//!
//! The check reads the source as text: every path that names a module
//! (`crate::stages::learn`, `stages::{detect, explain}`, `super::learn` from
//! a stage's own file, `super::super::learn` from a file in a stage's
//! folder), comments left out.

use std::fs;
use std::path::{Path, PathBuf};

/// The stages in pipeline order: the names of `src/stages/*.rs` and of
/// their folders.
const ORDER: [&str; 9] = [
    "encoding", "broken", "tokenize", "identify", "detect", "explain", "learn", "rewrite", "swaps",
];

/// Modules only the top of the library may use.
const UPPER: [&str; 2] = ["mender", "clean"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The file's code with line comments (and so doc comments) removed.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifier that starts `text`.
fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first segment of each path in a `{a, b::c, d::{e, f}}` group that
/// follows `prefix`, or the single segment after it.
fn segments_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let preceded = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        let after = &rest[at + prefix.len()..];
        rest = after;
        if preceded {
            continue;
        }
        if let Some(group) = after.strip_prefix('{') {
            // Top-level items of the group: split at commas outside braces.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.push(ident(group[start..i].trim()));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(ident(group[start..i].trim()));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            found.push(ident(after));
        }
    }
    found.retain(|s| !s.is_empty());
    found
}

/// The modules of `crate::stages` (and of the crate root) a file names.
fn stages_named(path: &Path, code: &str) -> Vec<String> {
    let stages = src().join("stages");
    let mut named: Vec<&str> = segments_after(code, "crate::stages::");
    // `super::` is the stages module itself from a file directly in stages/,
    // and `super::super::` from a file in a stage's folder.
    let depth = path.strip_prefix(&stages).map(|p| p.components().count());
    match depth {
        Ok(1) => named.extend(segments_after(code, "super::")),
        Ok(2) => named.extend(segments_after(code, "super::super::")),
        _ => {}
    }
    named.retain(|s| ORDER.contains(s));
    named.sort_unstable();
    named.dedup();
    named.into_iter().map(String::from).collect()
}

fn upper_named(code: &str) -> Vec<String> {
    let mut named: Vec<&str> = segments_after(code, "crate::");
    named.retain(|s| UPPER.contains(s));
    named.sort_unstable();
    named.dedup();
    named.into_iter().map(String::from).collect()
}

/// The stage a file under stages/ belongs to: `learn` for `learn.rs` and for
/// `learn/confusions.rs`; `None` for `stages/mod.rs`.
fn stage_of(path: &Path) -> Option<&'static str> {
    let relative = path.strip_prefix(src().join("stages")).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    ORDER.iter().copied().find(|s| *s == name)
}

#[test]
fn every_stage_file_belongs_to_a_stage_in_the_order() {
    for path in rust_files(&src().join("stages")) {
        let is_mod = path.file_name().is_some_and(|n| n == "mod.rs")
            && path.parent() == Some(&src().join("stages"));
        assert!(
            is_mod || stage_of(&path).is_some(),
            "{} is not in the stage order of crates/core/tests/architecture.rs (and docs/ARCHITECTURE.md)",
            path.display()
        );
    }
}

#[test]
fn no_stage_uses_a_later_stage() {
    let mut wrong = Vec::new();
    for path in rust_files(&src().join("stages")) {
        let Some(stage) = stage_of(&path) else {
            continue;
        };
        let position = ORDER.iter().position(|s| *s == stage).unwrap();
        for used in stages_named(&path, &code(&path)) {
            let used_position = ORDER.iter().position(|s| *s == used).unwrap();
            if used_position > position {
                wrong.push(format!(
                    "{} ({stage}) uses the later stage {used}",
                    path.display()
                ));
            }
        }
        for used in upper_named(&code(&path)) {
            wrong.push(format!("{} ({stage}) uses crate::{used}", path.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn knowledge_formats_and_edits_use_no_stage() {
    let mut files = rust_files(&src().join("knowledge"));
    files.extend(rust_files(&src().join("formats")));
    files.push(src().join("edit.rs"));
    files.push(src().join("chars.rs"));
    let mut wrong = Vec::new();
    for path in files {
        let code = code(&path);
        let mut used: Vec<&str> = segments_after(&code, "crate::");
        used.retain(|s| *s == "stages" || UPPER.contains(s));
        used.sort_unstable();
        used.dedup();
        for module in used {
            wrong.push(format!("{} uses crate::{module}", path.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checks_see_the_paths_they_look_for() {
    let code = "use crate::stages::learn::{a, b};\nuse crate::stages::{detect::X, explain::{Y, Z}, tokenize};\nlet x = crate::mender::Mode::Auto;\n// use crate::stages::swaps;";
    let code = code
        .lines()
        .map(|l| l.find("//").map_or(l, |at| &l[..at]))
        .collect::<Vec<_>>()
        .join("\n");
    let mut named = segments_after(&code, "crate::stages::");
    named.sort_unstable();
    assert_eq!(named, ["detect", "explain", "learn", "tokenize"]);
    assert_eq!(upper_named(&code), ["mender"]);
    let nested = src().join("stages").join("learn").join("confusions.rs");
    assert_eq!(stage_of(&nested), Some("learn"));
    assert_eq!(
        stages_named(&nested, "use super::super::rewrite::x; use super::short;"),
        ["rewrite"]
    );
}
