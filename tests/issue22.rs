//! Regression tests for issue #22: one behaviour at every size and in every
//! mode, the command line's habits, bad inputs and bad knowledge files.
//! The binary runs with a small learning window (`TEXTMEND_BLOCK_BYTES`) so
//! that inputs cross it cheaply. Faults (full disks, closed streams, kills,
//! outputs that alias inputs) are in `faults.rs`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use super::{fixture, read};

pub(crate) const SPUN: &str = "spinner/003_c01601a3d6194ed1.in.txt";
pub(crate) const REPAIRED: &str = "spinner/003_c01601a3d6194ed1.out.txt";

/// Runs the binary in `dir` with the learning window `block` (bytes; the
/// default 1 MiB when `None`) and `stdin` (none when `None`).
pub(crate) fn run(dir: &Path, args: &[&str], block: Option<usize>, stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_textmend"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("TEXTMEND_BLOCK_BYTES")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(block) = block {
        command.env("TEXTMEND_BLOCK_BYTES", block.to_string());
    }
    match stdin {
        None => command.stdin(Stdio::null()).output().unwrap(),
        Some(bytes) => {
            let mut child = command.stdin(Stdio::piped()).spawn().unwrap();
            let mut input = child.stdin.take().unwrap();
            let bytes = bytes.to_vec();
            let writer = std::thread::spawn(move || {
                let _ = input.write_all(&bytes);
            });
            let out = child.wait_with_output().unwrap();
            writer.join().unwrap();
            out
        }
    }
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Applies a unified diff with `patch -p1` in `dir`; true on success.
pub(crate) fn patch(dir: &Path, diff: &[u8]) -> bool {
    let mut patch = Command::new("patch")
        .args(["-p1", "--quiet", "--force"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("patch(1) is installed");
    patch.stdin.as_mut().unwrap().write_all(diff).unwrap();
    drop(patch.stdin.take());
    patch.wait().unwrap().success()
}

/// The JSON lines of `--format json` of one type.
pub(crate) fn json_of(out: &Output, kind: &str) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .filter(|v| v["type"] == kind)
        .collect()
}

/// `bytes` with each `(start, end, before, after)` edit applied.
pub(crate) fn apply(bytes: &[u8], edits: &[(usize, usize, String, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, before, after) in edits {
        assert!(*start >= at, "edits sorted and disjoint");
        assert_eq!(&bytes[*start..*end], before.as_bytes(), "edit's before");
        out.extend_from_slice(&bytes[at..*start]);
        out.extend_from_slice(after.as_bytes());
        at = *end;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

fn span_edit(v: &Value) -> (usize, usize, String, String) {
    (
        v["span"][0].as_u64().unwrap() as usize,
        v["span"][1].as_u64().unwrap() as usize,
        v["before"].as_str().unwrap().to_string(),
        v["after"].as_str().unwrap().to_string(),
    )
}

/// The rule lines of a rules file (`from<TAB>to<TAB>kind`), without
/// evidence comments, sorted and unique.
fn rule_lines(tsv: &str) -> Vec<String> {
    let mut rules: Vec<String> = tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('#').next().unwrap().trim_end().to_string())
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

/// Text made from the spun fixture's lines, a clean fixture's sentences and
/// odd separators, chosen by `seed`, at least `len` bytes long.
pub(crate) fn texty(seed: u64, len: usize) -> Vec<u8> {
    let spun = read(SPUN);
    let clean = read("clean/persuasion.txt");
    let lines: Vec<&str> = spun.lines().filter(|l| !l.is_empty()).collect();
    let sentences: Vec<&str> = clean
        .split_inclusive(". ")
        .filter(|s| s.len() < 400)
        .take(400)
        .collect();
    let words = [
        "attfinish",
        "agfinisha",
        "counattempt",
        "indepfinishence",
        "purchaseers",
        "the",
        "country",
        "café",
        "naïve",
        "Vučić",
        "well-",
        "co-",
    ];
    let separators = [" ", "\n", "\n\n", ", ", ". ", "\r\n", "-\n", "\t", "  "];
    let mut state = seed | 1;
    let mut next = move |n: usize| {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    };
    let mut text = String::new();
    while text.len() < len {
        match next(4) {
            0 => text.push_str(lines[next(lines.len())]),
            1 => text.push_str(sentences[next(sentences.len())]),
            _ => {
                for _ in 0..1 + next(8) {
                    text.push_str(words[next(words.len())]);
                    text.push_str(separators[next(separators.len())]);
                }
            }
        }
        text.push_str(separators[next(3)]);
    }
    text.into_bytes()
}

// ---- agreement of the modes around the block threshold (bugs 1, 12) ----

pub(crate) const WINDOW: usize = 4096;

/// Filter, `-w`, `--check`, `--diff` and `--format json` on the plain text
/// `input` give the same edits and consistent exit codes; `extra` are more
/// options (`--rules FILE`).
fn modes_agree_on_text(input: &[u8], extra: &[&str]) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.txt");
    fs::write(&path, input).unwrap();
    let with = |args: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = vec!["-q".into()];
        all.extend(extra.iter().map(|s| s.to_string()));
        all.extend(args.iter().map(|s| s.to_string()));
        all
    };
    let go = |args: &[&str]| {
        let args = with(args);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        run(dir.path(), &refs, Some(WINDOW), None)
    };
    let filter = go(&["t.txt"]);
    check(filter.status.code() == Some(0), || {
        format!("filter: {}", stderr(&filter))
    })?;
    let output = filter.stdout.clone();
    let changed = output != input;

    let json = go(&["--format", "json", "t.txt"]);
    check(json.status.code() == Some(0), || {
        format!("json: {}", stderr(&json))
    })?;
    let edits: Vec<_> = json_of(&json, "edit").iter().map(span_edit).collect();
    check(apply(input, &edits) == output, || {
        "json edits applied to the input differ from the filter's output".into()
    })?;
    check(edits.is_empty() != changed, || {
        format!("{} json edits, output changed: {changed}", edits.len())
    })?;

    let checked = go(&["--check", "t.txt"]);
    let expected_code = Some(i32::from(changed));
    check(checked.status.code() == expected_code, || {
        format!(
            "--check exit {:?}: {}",
            checked.status.code(),
            stdout(&checked)
        )
    })?;
    if changed {
        let words = format!(
            "{} to repair",
            if edits.len() == 1 {
                "1 word".to_string()
            } else {
                format!("{} words", edits.len())
            }
        );
        check(stdout(&checked).contains(&words), || {
            format!("--check says {:?}, json has {}", stdout(&checked), words)
        })?;
    }

    let diff = go(&["--diff", "t.txt"]);
    check(diff.status.code() == expected_code, || {
        format!("--diff exit {:?}: {}", diff.status.code(), stderr(&diff))
    })?;
    check(diff.stdout.is_empty() != changed, || {
        "a diff exactly when something changed".into()
    })?;
    if changed {
        let copy = tempfile::tempdir().unwrap();
        fs::write(copy.path().join("t.txt"), input).unwrap();
        check(patch(copy.path(), &diff.stdout), || {
            "patch -p1 failed".into()
        })?;
        check(
            fs::read(copy.path().join("t.txt")).unwrap() == output,
            || "the patched file differs from the filter's output".into(),
        )?;
    }

    let write = go(&["-w", "t.txt"]);
    check(write.status.code() == Some(0), || {
        format!("-w: {}", stderr(&write))
    })?;
    check(fs::read(&path).unwrap() == output, || {
        "-w wrote other bytes than the filter".into()
    })?;
    Ok(())
}

/// JSON lines: the records' `text` fields made of [`texty`] pieces, with an
/// `id` and a `note` that holds spun words too.
fn jsonl_records(seed: u64, len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut k = 0u64;
    while out.len() < len {
        let size = 200 + ((seed.wrapping_mul(31).wrapping_add(k * 977)) % 1800) as usize;
        let text = String::from_utf8(texty(seed ^ (k + 1).wrapping_mul(0x9E37), size)).unwrap();
        let record = serde_json::json!({
            "id": k,
            "note": "attfinish the agfinisha counattempt",
            "text": text,
        });
        out.extend_from_slice(record.to_string().as_bytes());
        out.push(b'\n');
        k += 1;
    }
    out
}

/// The same agreement for `--jsonl`: only the `text` field changes, the
/// JSON edits (per record, into the field's text) rebuild it.
fn modes_agree_on_jsonl(input: &[u8], extra: &[&str]) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.jsonl");
    fs::write(&path, input).unwrap();
    let go = |args: &[&str]| {
        let mut all: Vec<&str> = vec!["-q", "--jsonl"];
        all.extend(extra);
        all.extend(args);
        run(dir.path(), &all, Some(WINDOW), None)
    };
    let filter = go(&["r.jsonl"]);
    check(filter.status.code() == Some(0), || {
        format!("filter: {}", stderr(&filter))
    })?;
    let output = filter.stdout.clone();
    let changed = output != input;
    let (in_lines, out_lines): (Vec<&str>, Vec<&str>) = (
        std::str::from_utf8(input).unwrap().lines().collect(),
        std::str::from_utf8(&output).unwrap().lines().collect(),
    );
    check(in_lines.len() == out_lines.len(), || "line count".into())?;
    let mut records: Vec<(Value, Value)> = Vec::new();
    for (a, b) in in_lines.iter().zip(&out_lines) {
        let (mut a, mut b): (Value, Value) = (
            serde_json::from_str(a).unwrap(),
            serde_json::from_str(b).unwrap(),
        );
        let (ta, tb) = (a["text"].take(), b["text"].take());
        // Every other key is untouched (bug 12), at any size.
        check(a == b, || format!("other keys changed: {a} / {b}"))?;
        records.push((ta, tb));
    }

    let json = go(&["--format", "json", "r.jsonl"]);
    check(json.status.code() == Some(0), || {
        format!("json: {}", stderr(&json))
    })?;
    let edits = json_of(&json, "edit");
    for (i, (before, after)) in records.iter().enumerate() {
        let mine: Vec<_> = edits
            .iter()
            .filter(|e| e["record"].as_u64() == Some(i as u64))
            .inspect(|e| assert_eq!(e["field"], "text"))
            .map(span_edit)
            .collect();
        let rebuilt = apply(before.as_str().unwrap().as_bytes(), &mine);
        check(rebuilt == after.as_str().unwrap().as_bytes(), || {
            format!("record {i}: json edits do not rebuild the filter's field")
        })?;
    }
    check(edits.is_empty() != changed, || {
        format!("{} json edits, output changed: {changed}", edits.len())
    })?;

    let expected_code = Some(i32::from(changed));
    let checked = go(&["--check", "r.jsonl"]);
    check(checked.status.code() == expected_code, || {
        format!("--check exit {:?}", checked.status.code())
    })?;
    let diff = go(&["--diff", "r.jsonl"]);
    check(diff.status.code() == expected_code, || {
        format!("--diff exit {:?}: {}", diff.status.code(), stderr(&diff))
    })?;
    if changed {
        let copy = tempfile::tempdir().unwrap();
        fs::write(copy.path().join("r.jsonl"), input).unwrap();
        check(patch(copy.path(), &diff.stdout), || {
            "patch -p1 failed".into()
        })?;
        check(
            fs::read(copy.path().join("r.jsonl")).unwrap() == output,
            || "the patched file differs from the filter's output".into(),
        )?;
    }
    let write = go(&["-w", "r.jsonl"]);
    check(write.status.code() == Some(0), || {
        format!("-w: {}", stderr(&write))
    })?;
    check(fs::read(&path).unwrap() == output, || {
        "-w wrote other bytes than the filter".into()
    })?;
    Ok(())
}

fn check(ok: bool, why: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(why())
    }
}

/// A rules file with the spinner's `finish → end` and `attempt → try`.
fn given_rules(dir: &Path) -> String {
    let path = dir.join("given.tsv");
    fs::write(&path, "finish\tend\nattempt\ttry\n").unwrap();
    path.to_str().unwrap().to_string()
}

mod agreement {
    use proptest::prelude::*;

    use super::*;

    fn cases(default: u32) -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(16), ..ProptestConfig::default() })]

        /// Plain text from half a window to three windows, learned or with
        /// given rules: every mode makes the same edits.
        #[test]
        fn every_mode_agrees_on_text_around_the_window(
            seed in any::<u64>(),
            len in (WINDOW / 2)..(3 * WINDOW),
            given in any::<bool>(),
        ) {
            let rules = tempfile::tempdir().unwrap();
            let path = given_rules(rules.path());
            let extra: Vec<&str> = if given { vec!["--rules", &path] } else { vec![] };
            let input = texty(seed, len);
            if let Err(e) = modes_agree_on_text(&input, &extra) {
                prop_assert!(false, "{} bytes, seed {}, given {}: {}", input.len(), seed, given, e);
            }
        }

        /// JSON lines from half a window to three windows.
        #[test]
        fn every_mode_agrees_on_jsonl_around_the_window(
            seed in any::<u64>(),
            len in (WINDOW / 2)..(3 * WINDOW),
            given in any::<bool>(),
        ) {
            let rules = tempfile::tempdir().unwrap();
            let path = given_rules(rules.path());
            let extra: Vec<&str> = if given { vec!["--rules", &path] } else { vec![] };
            let input = jsonl_records(seed, len);
            if let Err(e) = modes_agree_on_jsonl(&input, &extra) {
                prop_assert!(false, "{} bytes, seed {}, given {}: {}", input.len(), seed, given, e);
            }
        }
    }
}

/// Bug 1: an input one byte under the window and one over it (learned
/// from its first window, then repaired block by block) learn the same
/// rules and repair every copy of the same text the same way.
#[test]
fn inputs_just_under_and_over_the_window_learn_the_same() {
    let window = 16 * 1024;
    let unit = format!("{}\n\n", read(SPUN));
    let mut copies = 0;
    let mut under = String::new();
    while under.len() + unit.len() < window - 1 {
        under.push_str(&unit);
        copies += 1;
    }
    let pad = window - 1 - under.len();
    under.push_str(&"\n".repeat(pad));
    assert_eq!(under.len(), window - 1);
    let over = format!("{under}\n{}", unit.repeat(2));
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("under.txt"), &under).unwrap();
    fs::write(dir.path().join("over.txt"), &over).unwrap();
    let go = |name: &str| {
        let out = run(
            dir.path(),
            &[
                "--rules-out",
                &format!("{name}.tsv"),
                &format!("{name}.txt"),
            ],
            Some(window),
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let rules = fs::read_to_string(dir.path().join(format!("{name}.tsv"))).unwrap();
        (out, rule_lines(&rules))
    };
    let (under_out, under_rules) = go("under");
    let (over_out, over_rules) = go("over");
    assert!(
        stderr(&over_out).contains("longer than 16 KiB"),
        "{}",
        stderr(&over_out)
    );
    assert!(!stderr(&under_out).contains("longer than"));
    assert!(!under_rules.is_empty());
    assert_eq!(under_rules, over_rules);
    assert_ne!(under_out.stdout, under.as_bytes(), "repaired");
    // Each copy is repaired alike, inside the window and after it.
    let repaired = &under_out.stdout;
    let each = (repaired.len() - pad) / copies;
    let mut expected = repaired.clone();
    expected.push(b'\n');
    expected.extend_from_slice(&repaired[..2 * each]);
    assert!(
        over_out.stdout == expected,
        "the copies after the window are repaired differently"
    );
}

/// Bug 1, clean text: clean prose just under and just over the window
/// comes out unchanged (over the window it was damaged with rules that
/// the block-by-block path learned on its own).
#[test]
fn clean_text_stays_clean_under_and_over_the_window() {
    let window = 32 * 1024;
    let clean = format!(
        "{}\n\n{}",
        read("clean/pride_prejudice.txt"),
        read("clean/persuasion.txt")
    );
    assert!(clean.len() > 2 * window);
    let cut = |n: usize| {
        let at = clean[..n].rfind(' ').unwrap() + 1;
        let mut text = clean[..at].to_string();
        while text.len() < n {
            text.push(' ');
        }
        text
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, n) in [("under.txt", window - 1), ("over.txt", 2 * window + 99)] {
        let text = cut(n);
        fs::write(dir.path().join(name), &text).unwrap();
        for mode in [&[][..], &["--check"]] {
            let mut args = vec!["-q"];
            args.extend(mode);
            args.push(name);
            let out = run(dir.path(), &args, Some(window), None);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stdout(&out));
            if mode.is_empty() {
                assert!(out.stdout == text.as_bytes(), "{name} changed");
            }
        }
    }
}

/// Bug 12: JSON lines over the window stay record-aware: the output is the
/// one a window larger than the file gives, and keys other than the field
/// are never touched.
#[test]
fn jsonl_over_the_window_stays_record_aware() {
    let spun = read(SPUN);
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for i in 0..20 {
        let record = serde_json::json!({
            "id": i,
            "note": "attfinish agfinisha counattempt",
            "attfinish": spun.lines().nth(4).unwrap(),
            "text": spun,
        });
        input.push_str(&record.to_string());
        input.push('\n');
    }
    assert!(input.len() > 8 * WINDOW);
    fs::write(dir.path().join("r.jsonl"), &input).unwrap();
    let small = run(
        dir.path(),
        &["-q", "--jsonl", "r.jsonl"],
        Some(WINDOW),
        None,
    );
    let large = run(dir.path(), &["-q", "--jsonl", "r.jsonl"], None, None);
    assert_eq!(small.status.code(), Some(0), "{}", stderr(&small));
    assert_eq!(small.stdout, large.stdout);
    let repaired = read(REPAIRED);
    for (line_in, line_out) in input.lines().zip(stdout(&small).lines()) {
        let (mut a, mut b): (Value, Value) = (
            serde_json::from_str(line_in).unwrap(),
            serde_json::from_str(line_out).unwrap(),
        );
        assert_eq!(b["text"].take(), Value::String(repaired.clone()));
        a["text"].take();
        assert_eq!(a, b, "other keys changed");
    }
}

/// Bug 13: `--strict` refuses invalid UTF-8 beyond the window too, in
/// every mode, and `-w` then leaves the file alone.
#[test]
fn strict_refuses_invalid_utf8_beyond_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = texty(7, 6 * WINDOW);
    input.extend_from_slice(b" bad \xff byte\n");
    fs::write(dir.path().join("t.txt"), &input).unwrap();
    for mode in [
        &[][..],
        &["--check"],
        &["--diff"],
        &["--format", "json"],
        &["-w"],
    ] {
        let mut args = vec!["--strict"];
        args.extend(mode);
        args.push("t.txt");
        let out = run(dir.path(), &args, Some(WINDOW), None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("t.txt: not valid UTF-8 (at byte"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(fs::read(dir.path().join("t.txt")).unwrap(), input);
    // Without --strict it is repaired around the bad byte.
    let out = run(dir.path(), &["-q", "t.txt"], Some(WINDOW), None);
    assert_eq!(out.status.code(), Some(0));
    // And from standard input as well.
    let out = run(dir.path(), &["--strict"], Some(WINDOW), Some(&input));
    assert_eq!(out.status.code(), Some(2));
}

// ---- bug 3: JSON lines in every report ----

/// `--jsonl` with `--diff`, `--format json/html` and `--rules-out` works
/// per record.
#[test]
fn jsonl_works_with_every_report() {
    let spun = read(SPUN);
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for i in 0..3 {
        input.push_str(&serde_json::json!({"id": i, "text": spun}).to_string());
        input.push('\n');
    }
    fs::write(dir.path().join("r.jsonl"), &input).unwrap();
    let filter = run(dir.path(), &["-q", "--jsonl", "r.jsonl"], None, None);
    assert_ne!(filter.stdout, input.as_bytes());

    let diff = run(dir.path(), &["--jsonl", "--diff", "r.jsonl"], None, None);
    assert_eq!(diff.status.code(), Some(1));
    assert!(!stderr(&diff).contains("with 0 rules"), "{}", stderr(&diff));
    assert!(
        stderr(&diff).contains("33 words to repair"),
        "{}",
        stderr(&diff)
    );
    let copy = tempfile::tempdir().unwrap();
    fs::write(copy.path().join("r.jsonl"), &input).unwrap();
    assert!(patch(copy.path(), &diff.stdout));
    assert_eq!(
        fs::read(copy.path().join("r.jsonl")).unwrap(),
        filter.stdout
    );

    let json = run(
        dir.path(),
        &["--jsonl", "--format", "json", "r.jsonl"],
        None,
        None,
    );
    let edits = json_of(&json, "edit");
    assert_eq!(edits.len(), 33);
    for record in 0..3 {
        let mine = edits.iter().filter(|e| e["record"] == record).count();
        assert_eq!(mine, 11, "record {record}");
    }
    assert!(edits
        .iter()
        .all(|e| e["field"] == "text" && e["file"] == "r.jsonl"));
    assert!(!json_of(&json, "rule").is_empty());

    let html = run(
        dir.path(),
        &["--jsonl", "--format", "html", "r.jsonl"],
        None,
        None,
    );
    assert_eq!(html.status.code(), Some(0), "{}", stderr(&html));
    let page = stdout(&html);
    assert!(!page.contains("0 repairs in 0 files"));
    assert!(page.contains("agfinisha"));

    let rules = run(
        dir.path(),
        &["-q", "--jsonl", "--rules-out", "rules.tsv", "r.jsonl"],
        None,
        None,
    );
    assert_eq!(rules.status.code(), Some(0));
    let tsv = fs::read_to_string(dir.path().join("rules.tsv")).unwrap();
    for record in 0..3 {
        assert!(
            tsv.contains(&format!("# learned from r.jsonl record {record}\n")),
            "{tsv}"
        );
    }
    assert!(
        rule_lines(&tsv)
            .iter()
            .any(|r| r.starts_with("finish\tend")),
        "{tsv}"
    );
}

// ---- bug 5: options before a subcommand, mistyped subcommands ----

#[test]
fn options_before_a_subcommand_stay_options() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture(SPUN), dir.path().join("a.txt")).unwrap();
    let lookup = run(
        dir.path(),
        &["--lang", "de", "dict", "lookup", "Dauerpunkt"],
        None,
        None,
    );
    assert_eq!(lookup.status.code(), Some(0), "{}", stderr(&lookup));
    assert!(
        stdout(&lookup).starts_with("Dauerpunkt\t"),
        "{}",
        stdout(&lookup)
    );

    let learn = run(
        dir.path(),
        &["-q", "learn", "a.txt", "-o", "rules.tsv"],
        None,
        None,
    );
    assert_eq!(learn.status.code(), Some(0), "{}", stderr(&learn));
    assert!(learn.stdout.is_empty());
    let rules = fs::read_to_string(dir.path().join("rules.tsv")).unwrap();
    assert!(rules.starts_with("# textmend rules"), "{rules}");
    assert!(rules.contains("finish\tend\t"), "{rules}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        read(SPUN)
    );

    let typo = run(dir.path(), &["lern", "a.txt"], None, None);
    assert_eq!(typo.status.code(), Some(2));
    assert!(typo.stdout.is_empty());
    assert!(
        stderr(&typo).contains("did you mean the command `learn`?"),
        "{}",
        stderr(&typo)
    );
    // A file of that name is a file.
    fs::write(dir.path().join("lern"), "plain words\n").unwrap();
    let file = run(dir.path(), &["lern"], None, None);
    assert_eq!(file.status.code(), Some(0));
    assert_eq!(stdout(&file), "plain words\n");
}

// ---- bug 6: diff headers of names with spaces ----

#[test]
fn diff_of_a_name_with_a_space_applies_with_patch() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("my file.txt"), read(SPUN)).unwrap();
    let diff = run(dir.path(), &["--diff", "my file.txt"], None, None);
    assert_eq!(diff.status.code(), Some(1));
    let text = stdout(&diff);
    assert!(
        text.starts_with("--- a/my file.txt\t\n+++ b/my file.txt\t\n"),
        "{text}"
    );
    assert!(patch(dir.path(), &diff.stdout));
    assert_eq!(
        fs::read_to_string(dir.path().join("my file.txt")).unwrap(),
        read(REPAIRED)
    );
}

// ---- bug 7: invalid UTF-8 and the exit codes ----

#[test]
fn check_and_diff_find_repairs_in_input_with_an_invalid_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = read(SPUN).into_bytes();
    let at = read(SPUN).find("Wednesday").unwrap() + "Wednesday".len();
    input.splice(at..at, *b" \xff");
    fs::write(dir.path().join("t.txt"), &input).unwrap();
    let filter = run(dir.path(), &["-q", "t.txt"], None, None);
    assert_ne!(filter.stdout, input, "the filter repairs it");
    let check = run(dir.path(), &["--check", "t.txt"], None, None);
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    assert!(
        stdout(&check).contains(" words to repair"),
        "{}",
        stdout(&check)
    );
    let diff = run(dir.path(), &["--diff", "t.txt"], None, None);
    assert_eq!(diff.status.code(), Some(1));
    assert!(patch(dir.path(), &diff.stdout));
    assert_eq!(fs::read(dir.path().join("t.txt")).unwrap(), filter.stdout);
}

// ---- bug 9: columns after a byte order mark ----

#[test]
fn json_columns_do_not_count_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("finish.tsv"), "finish\tend\n").unwrap();
    let text = "The agfinisha is long.\nThey attfinish.\n";
    fs::write(dir.path().join("bom.txt"), format!("\u{feff}{text}")).unwrap();
    fs::write(dir.path().join("plain.txt"), text).unwrap();
    let columns = |name: &str| -> Vec<(u64, u64)> {
        let out = run(
            dir.path(),
            &["--rules", "finish.tsv", "--format", "json", name],
            None,
            None,
        );
        json_of(&out, "edit")
            .iter()
            .map(|e| (e["line"].as_u64().unwrap(), e["column"].as_u64().unwrap()))
            .collect()
    };
    assert_eq!(columns("plain.txt"), [(1, 5), (2, 6)]);
    assert_eq!(columns("bom.txt"), columns("plain.txt"));
}

// ---- bug 10: a closed pipe stops the work ----

/// `textmend | head -1`: the run ends at the first failed write, long before
/// the input is read to its end, quietly.
#[test]
fn a_closed_pipe_stops_reading_early() {
    use std::io::Read;
    let block = 64 * 1024;
    let spun = read(SPUN);
    let total = 64 * block;
    let chunk = spun.repeat(32);
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
        .args(["-q", "-j", "1"])
        .env("TEXTMEND_BLOCK_BYTES", block.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let mut written = 0;
        while written < total {
            match input.write_all(chunk.as_bytes()) {
                Ok(()) => written += chunk.len(),
                Err(_) => break,
            }
        }
        written
    });
    let mut first = [0u8; 100];
    let mut out = child.stdout.take().unwrap();
    out.read_exact(&mut first).unwrap();
    drop(out);
    let status = child.wait().unwrap();
    let written = writer.join().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(err.is_empty(), "{err}");
    // Stopped with most of the input unread (a few blocks read ahead).
    assert!(written < total / 2, "{written} of {total} bytes were read");
}

// ---- bug 11: wording ----

#[test]
fn counts_agree_with_their_nouns() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("finish.tsv"), "finish\tend\n").unwrap();
    fs::write(dir.path().join("a.txt"), "The agfinisha is long.\n").unwrap();
    let out = run(
        dir.path(),
        &["--rules", "finish.tsv", "-w", "a.txt"],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("repaired 1 word in 1 of 1 file with 1 rule; 0 suspects"),
        "{}",
        stderr(&out)
    );
    fs::write(dir.path().join("b.txt"), read(SPUN)).unwrap();
    let corpus = run(
        dir.path(),
        &["--scope", "corpus", "--check", "b.txt"],
        None,
        None,
    );
    assert!(
        stderr(&corpus).contains("for 1 group from 1 input"),
        "{}",
        stderr(&corpus)
    );
    let check = run(dir.path(), &["--check", "b.txt"], None, None);
    assert!(
        stdout(&check).contains("in 1 of 1 file with"),
        "{}",
        stdout(&check)
    );
}

// ---- bug 14: damaged compiled dictionaries and thesauri ----

/// A compiled dictionary or thesaurus cut anywhere is refused with exit 2
/// and a message naming the file, never a panic (exit 101) and never
/// silently (a French thesaurus cut short is refused for English input too).
#[test]
fn truncated_compiled_knowledge_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), read(SPUN)).unwrap();
    fs::write(
        dir.path().join("words.txt"),
        "Kuleba\nZelensky\nbootloader\t1200\nalpha\nbeta\ngamma\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("th.dat"),
        "UTF-8\ngrand|1\n(Adj)|vaste|immense\npetit|1\n(Adj)|menu|minuscule\n",
    )
    .unwrap();
    for args in [
        &["dict", "build", "words.txt", "-o", "words.fst"][..],
        &["dict", "build", "--thesaurus", "th.dat", "-o", "th.bin"],
    ] {
        let out = run(dir.path(), args, None, None);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let ok = run(
        dir.path(),
        &["--dict", "words.fst", "--thesaurus", "fr=th.bin", "a.txt"],
        None,
        None,
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    for (file, flag, prefix) in [
        ("words.fst", "--dict", ""),
        ("th.bin", "--thesaurus", "fr="),
    ] {
        let whole = fs::read(dir.path().join(file)).unwrap();
        // Every cut of the small file; a few of a larger one would do too.
        for cut in 1..whole.len() {
            fs::write(dir.path().join("cut"), &whole[..cut]).unwrap();
            let given = format!("{prefix}cut");
            let out = run(dir.path(), &["-q", flag, &given, "a.txt"], None, None);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{file} cut at {cut}: {}",
                stderr(&out)
            );
            let err = stderr(&out);
            assert!(
                err.starts_with("textmend: cut:1: "),
                "{file} cut at {cut}: {err}"
            );
            assert!(!err.contains("panicked"), "{err}");
            assert!(out.stdout.is_empty());
        }
    }
}

// ---- bug 19: non-regular files ----

#[test]
fn writing_dev_zero_in_place_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["-w", "/dev/zero"], None, None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/zero: is not a regular file"),
        "{}",
        stderr(&out)
    );
}

// ---- bug 20: a BOM in a rules file ----

#[test]
fn a_byte_order_mark_does_not_hide_the_first_rule() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bom.tsv"),
        "\u{feff}finish\tend\nattempt\ttry\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "The agfinisha of the counattempt.\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["-q", "--rules", "bom.tsv", "a.txt"],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "The agenda of the country.\n");
}

// ---- bug 21: many unrelated rules ----

/// 100,000 rules that match nothing around the two real ones: the same
/// edits as the two alone.
#[test]
fn unrelated_rules_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), read(SPUN)).unwrap();
    let mut many = String::from("finish\tend\n");
    let letters = b"qxzjvk";
    let mut n = 0u64;
    while n < 100_000 {
        // `zq` + 8 letters of qxzjvk: no such text in any input here.
        let mut word = String::from("zq");
        let mut k = n;
        for _ in 0..8 {
            word.push(letters[(k % 6) as usize] as char);
            k /= 6;
        }
        many.push_str(&format!("{word}\tvw{}\n", &word[2..]));
        n += 1;
        if n == 50_000 {
            many.push_str("attempt\ttry\n");
        }
    }
    fs::write(dir.path().join("many.tsv"), &many).unwrap();
    fs::write(dir.path().join("two.tsv"), "finish\tend\nattempt\ttry\n").unwrap();
    let edits = |rules: &str| {
        let out = run(
            dir.path(),
            &["--rules", rules, "--format", "json", "a.txt"],
            None,
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        json_of(&out, "edit")
    };
    let two = edits("two.tsv");
    assert_eq!(two.len(), 8);
    assert_eq!(edits("many.tsv"), two);
}

// ---- bug 24: configuration and thesaurus messages ----

#[test]
fn config_errors_name_the_line_and_the_key() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "plain words\n").unwrap();
    fs::write(
        dir.path().join("textmend.toml"),
        "mode = \"auto\"\n\nmode = \"ocr\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["a.txt"], None, None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("textmend.toml:3: "), "{err}");
    assert!(err.contains("`mode`"), "{err}");
    fs::write(dir.path().join("c.toml"), "mode = \"auto\"\ndict = 3\n").unwrap();
    let out = run(dir.path(), &["--config", "c.toml", "a.txt"], None, None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("c.toml:2: key `dict`"), "{err}");
}

#[test]
fn a_thesaurus_cut_to_its_header_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "plain words\n").unwrap();
    fs::write(
        dir.path().join("th.dat"),
        "UTF-8\ngrand|1\n(Adj)|vaste|immense\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["dict", "build", "--thesaurus", "th.dat", "-o", "th.bin"],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let compiled = fs::read(dir.path().join("th.bin")).unwrap();
    fs::write(dir.path().join("head.bin"), &compiled[..12]).unwrap();
    fs::write(dir.path().join("head.dat"), "UTF-8\n").unwrap();
    let out = run(
        dir.path(),
        &["--thesaurus", "de=head.bin", "a.txt"],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("head.bin:1: a compiled thesaurus cut short"),
        "{err}"
    );
    assert!(!err.contains("encoding"), "{err}");
    let out = run(
        dir.path(),
        &["--thesaurus", "de=head.dat", "a.txt"],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("head.dat:1: no groups of synonyms"),
        "{}",
        stderr(&out)
    );
}

// ---- bug 2: long, repeated clean text in other languages ----

/// Four copies of the German and of the Dutch fixtures are clean text:
/// nothing to repair (`eingefrorene → eingebaute` was learned from them).
#[test]
fn repeated_clean_german_and_dutch_stay_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    for language in ["de", "nl"] {
        let mut text = String::new();
        for name in ["debian_faq", "debian_handbook"] {
            if let Ok(part) = fs::read_to_string(fixture(&format!("clean/{language}_{name}.txt"))) {
                text.push_str(&part);
                text.push_str("\n\n");
            }
        }
        assert!(text.len() > 50_000, "{language}");
        let name = format!("{language}.txt");
        fs::write(dir.path().join(&name), text.repeat(4)).unwrap();
        let out = run(dir.path(), &["--check", &name], None, None);
        assert_eq!(out.status.code(), Some(0), "{language}: {}", stdout(&out));
    }
}

// ---- bug 4: one very long line ----

/// A single line of several MiB in `--format json` and `--diff`: the edit
/// at its end has the right column and the diff applies. (The time, once
/// quadratic in the line's length, is not asserted here; see
/// `benches/`.)
#[test]
fn one_long_line_reports_its_last_edit_exactly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("finish.tsv"), "finish\tend\n").unwrap();
    let head = "the quick brown fox jumps over the lazy dog ".repeat(50_000);
    let line = format!("{head}they attfinish\n");
    fs::write(dir.path().join("line.txt"), &line).unwrap();
    let json = run(
        dir.path(),
        &["--rules", "finish.tsv", "--format", "json", "line.txt"],
        None,
        None,
    );
    let edits = json_of(&json, "edit");
    assert_eq!(edits.len(), 1, "{}", stderr(&json));
    assert_eq!(edits[0]["line"], 1);
    assert_eq!(edits[0]["column"], head.len() as u64 + 6);
    assert_eq!(edits[0]["span"][0], head.len() as u64 + 5);
    let diff = run(
        dir.path(),
        &["--rules", "finish.tsv", "--diff", "line.txt"],
        None,
        None,
    );
    assert_eq!(diff.status.code(), Some(1));
    assert!(patch(dir.path(), &diff.stdout));
    assert_eq!(
        fs::read_to_string(dir.path().join("line.txt")).unwrap(),
        format!("{head}they attend\n")
    );
}

// ---- bug 22: memory bounded by a block in every mode ----

/// The peak resident memory of a child (VmHWM from /proc), read until it
/// exits; `None` where /proc is not there.
fn peak_kib(mut child: std::process::Child) -> (Option<u64>, std::process::ExitStatus) {
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = None;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (peak, status);
        }
        if let Ok(status) = fs::read_to_string(&status_path) {
            if let Some(kib) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak = Some(kib);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// 12 MB of `a a a …` with 512 KiB blocks: every mode stays within a
/// bound that does not grow with the input (it was 1.6 GB for `--check`
/// on 50 MB, and `-o` held the whole output).
#[test]
fn memory_stays_bounded_by_the_block_in_every_mode() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("SKIPPED: memory_stays_bounded_by_the_block_in_every_mode: no /proc");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = "a ".repeat(6_000_000);
    fs::write(dir.path().join("a.txt"), &input).unwrap();
    for mode in [
        &["--check"][..],
        &["--diff"],
        &["--format", "json"],
        &["-o", "out.txt"],
        &["-w"],
        &[],
    ] {
        let child = Command::new(env!("CARGO_BIN_EXE_textmend"))
            .arg("-q")
            .args(mode)
            .arg("a.txt")
            .env("TEXTMEND_BLOCK_BYTES", (512 * 1024).to_string())
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (peak, status) = peak_kib(child);
        assert_eq!(status.code(), Some(0), "{mode:?}");
        let peak = peak.expect("VmHWM read");
        assert!(
            peak < 160 * 1024,
            "{mode:?}: {} MiB at the peak for a 12 MB input",
            peak / 1024
        );
    }
}
