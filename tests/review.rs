//! The review workflow through the binary: diffs that `patch` applies, check
//! mode, JSON lines read back, the HTML page in a real browser, reviewed rule
//! files, and in-place writes that never lose a file.

use std::fs;
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use super::{fixture, read, textmend, textmend_in};

const SPUN: &str = "fixtures/spinner/003_c01601a3d6194ed1.in.txt";
const REPAIRED: &str = "spinner/003_c01601a3d6194ed1.out.txt";
const CLEAN: [&str; 3] = [
    "fixtures/clean/000_f07a7f5762bdc512.txt",
    "fixtures/clean/002_59856663b4200737.txt",
    "fixtures/clean/004_a8a708190db0c4ae.txt",
];

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A temporary copy of the spun seed, at the same relative path.
fn spun_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SPUN);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::copy(fixture("spinner/003_c01601a3d6194ed1.in.txt"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    dir
}

#[test]
fn diff_applied_with_patch_gives_the_repaired_text() {
    let dir = spun_copy();
    for context in ["0", "3"] {
        let diff = textmend_in(dir.path(), &["--diff", "-U", context, SPUN]);
        assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
        let copy = tempfile::tempdir().unwrap();
        let target = copy.path().join(SPUN);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(dir.path().join(SPUN), &target).unwrap();
        let mut patch = Command::new("patch")
            .args(["-p1", "--quiet"])
            .current_dir(copy.path())
            .stdin(Stdio::piped())
            .spawn()
            .expect("patch(1) is installed");
        std::io::Write::write_all(patch.stdin.as_mut().unwrap(), &diff.stdout).unwrap();
        assert!(patch.wait().unwrap().success());
        assert_eq!(fs::read_to_string(&target).unwrap(), read(REPAIRED));
    }
    let clean = textmend(&["--diff", CLEAN[0]], b"");
    assert_eq!(clean.status.code(), Some(0));
    assert!(clean.stdout.is_empty());
}

#[test]
fn check_exits_1_only_when_something_needs_repair() {
    let spun = textmend(&["--check", SPUN], b"");
    assert_eq!(spun.status.code(), Some(1));
    let report = String::from_utf8(spun.stdout).unwrap();
    assert!(report.contains("11 words to repair"), "{report}");
    for clean in CLEAN {
        let out = textmend(&["--check", clean], b"");
        assert_eq!(out.status.code(), Some(0), "{clean}");
        assert!(String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("nothing to repair"));
    }
    let missing = textmend(&["--check", "no/such.txt"], b"");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn learned_rules_file_reproduces_the_repair_and_rejects_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.tsv");
    let rules = rules.to_str().unwrap();
    let learn = textmend(&["learn", SPUN, "-o", rules], b"");
    assert_eq!(learn.status.code(), Some(0), "{}", stderr(&learn));
    let table = fs::read_to_string(rules).unwrap();
    assert!(
        table.contains("finish\tend\tsynonym\t# words=3 tokens=5"),
        "{table}"
    );

    let applied = textmend(&["--rules", rules, SPUN], b"");
    assert_eq!(applied.status.code(), Some(0));
    assert_eq!(String::from_utf8(applied.stdout).unwrap(), read(REPAIRED));

    // Delete one rule's line: exactly its repairs disappear.
    let without: String = table
        .lines()
        .filter(|line| !line.starts_with("attempt\t"))
        .map(|line| format!("{line}\n"))
        .collect();
    fs::write(rules, &without).unwrap();
    let applied = textmend(&["--rules", rules, SPUN], b"");
    let expected = read(REPAIRED).replace("country", "counattempt");
    assert_eq!(String::from_utf8(applied.stdout).unwrap(), expected);

    // Commenting it out does the same, and learning alongside the reviewed
    // file does not bring it back.
    fs::write(rules, table.replace("attempt\ttry", "#attempt\ttry")).unwrap();
    let applied = textmend(&["--rules", rules, SPUN], b"");
    assert_eq!(String::from_utf8(applied.stdout).unwrap(), expected);
    let more = textmend(&["--rules", rules, "--learn", SPUN], b"");
    assert_eq!(String::from_utf8(more.stdout).unwrap(), expected);

    let broken = dir.path().join("broken.tsv");
    fs::write(&broken, "finish\tend\nnot a rule\n").unwrap();
    let out = textmend(&["--rules", broken.to_str().unwrap(), SPUN], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("broken.tsv:2: expected `from<TAB>to`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_lines_read_back_and_point_at_the_text() {
    let out = textmend(&["--format", "json", SPUN], b"");
    assert_eq!(out.status.code(), Some(0));
    let input = read("spinner/003_c01601a3d6194ed1.in.txt");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let edits: Vec<&Value> = lines.iter().filter(|v| v["type"] == "edit").collect();
    let rules: Vec<&Value> = lines.iter().filter(|v| v["type"] == "rule").collect();
    let suggestions: Vec<&Value> = lines.iter().filter(|v| v["type"] == "suggestion").collect();
    assert_eq!(edits.len(), 11);
    assert_eq!(rules.len(), 6);
    // Whole-word repairs are suggested, not applied, without --whole-words.
    assert_eq!(suggestions.len(), 2);
    for s in &suggestions {
        assert_eq!(s["before"], "notified");
        assert_eq!(s["after"], "told");
        assert_eq!(s["whole_word"], true);
        let (start, end) = (
            s["span"][0].as_u64().unwrap() as usize,
            s["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&input[start..end], "notified");
    }
    assert!(edits.iter().all(|e| e["whole_word"] == false));
    let whole = rules.iter().find(|r| r["kind"] == "whole-word").unwrap();
    assert_eq!(whole["examples"][0], serde_json::json!(["notify", "tell"]));
    assert!(whole["keyness"].as_f64().unwrap() > 10.0);
    for edit in edits {
        assert_eq!(edit["file"], SPUN);
        let (start, end) = (
            edit["span"][0].as_u64().unwrap() as usize,
            edit["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&input[start..end], edit["before"].as_str().unwrap());
        let line = edit["line"].as_u64().unwrap() as usize;
        let column = edit["column"].as_u64().unwrap() as usize;
        let line_text = input.lines().nth(line - 1).unwrap();
        let from_column: String = line_text.chars().skip(column - 1).collect();
        assert!(from_column.starts_with(edit["before"].as_str().unwrap()));
        assert!(edit["rule"].as_str().unwrap().contains('\u{2192}'));
        assert!(edit["confidence"].as_f64().unwrap() > 0.5);
        assert!(edit["evidence"].as_u64().unwrap() >= 1);
    }
    let finish = rules.iter().find(|r| r["from"] == "finish").unwrap();
    assert_eq!(finish["to"], "end");
    assert_eq!(finish["words"], 3);
    assert_eq!(finish["kind"], "synonym");
    assert_eq!(
        finish["examples"][0],
        serde_json::json!(["agfinisha", "agenda"])
    );
}

#[test]
fn diff_lists_whole_word_suggestions_as_trailing_comments() {
    let dir = spun_copy();
    let out = textmend_in(dir.path(), &["--diff", SPUN]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let patch = String::from_utf8_lossy(&out.stdout);
    let comments: Vec<&str> = patch.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(comments.len(), 3, "{patch}");
    assert!(comments[0].contains("2 whole-word suggestions"), "{patch}");
    assert!(
        comments[1].contains(":6:19: notified \u{2192} told; in-word rule notify\u{2192}tell"),
        "{patch}"
    );
    assert!(
        stderr(&out).contains("2 whole-word suggestions not applied (--whole-words applies them)")
    );
    // `diff_applied_with_patch_gives_the_repaired_text` applies this same
    // output, comments and all, with patch(1).
}

/// Headless Chromium, as Debian packages it; CI installs it (`.ci/run`).
fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium").arg("--version").output().is_ok();
    if !found && std::env::var_os("CI").is_some() {
        panic!("chromium is not installed; .ci/run installs it");
    }
    found.then_some("chromium")
}

fn run_chromium(browser: &str, profile: &Path, args: &[&str]) -> Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn html_report_is_self_contained_and_runs_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let out = textmend(
        &["--format", "html", "-o", page.to_str().unwrap(), SPUN],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = fs::read_to_string(&page).unwrap();
    for external in ["http://", "https://", " src=", "@import", "url("] {
        assert!(!html.contains(external), "the page refers to {external}");
    }
    assert!(html.contains("<script") && html.contains("id=\"data\""));

    let Some(browser) = chromium() else {
        eprintln!("chromium not installed: browser part of the HTML test SKIPPED");
        return;
    };
    let url = format!("file://{}", page.display());
    let dom = run_chromium(
        browser,
        &dir.path().join("p1"),
        &["--dump-dom", &format!("{url}#selftest")],
    );
    let log = stderr(&dom);
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:?}");
    let dom = String::from_utf8_lossy(&dom.stdout);
    // 11 edits applied and 2 whole-word suggestions offered.
    assert!(
        dom.contains("data-ready=\"13\""),
        "the page script did not run"
    );
    let hex = dom
        .rsplit("<pre id=\"selftest\">")
        .next()
        .filter(|_| dom.contains("<pre id=\"selftest\">"))
        .and_then(|rest| rest.split("</pre>").next())
        .expect("the self-test ran");
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let report: Value = serde_json::from_slice(&bytes).unwrap();
    let opened = &report["opened"];
    assert_eq!(opened["accepted"], 11);
    // The page's exports are the CLI's: the repaired text, and a patch
    // that turns the input into it.
    assert_eq!(opened["text"].as_str().unwrap(), read(REPAIRED));
    assert!(opened["rules"]
        .as_str()
        .unwrap()
        .starts_with("# textmend rules v1\n"));
    let work = dir.path().join("work");
    fs::create_dir_all(&work).unwrap();
    fs::copy(SPUN, work.join("input.txt")).unwrap();
    let patch = opened["patch"].as_str().unwrap();
    let applied = Command::new("patch")
        .current_dir(&work)
        .args(["-s", "-p0", "input.txt"])
        .stdin(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(patch.as_bytes())?;
            child.wait()
        })
        .unwrap();
    assert!(applied.success(), "patch failed:\n{patch}");
    assert_eq!(
        fs::read_to_string(work.join("input.txt")).unwrap(),
        read(REPAIRED)
    );
    // With every edit rejected the page exports the input unchanged.
    assert_eq!(report["rejected"]["accepted"], 0);
    assert_eq!(
        report["rejected"]["text"].as_str().unwrap(),
        fs::read_to_string(SPUN).unwrap()
    );
    assert_eq!(report["rejected"]["patch"], "");

    let shot = dir.path().join("report.png");
    let out = run_chromium(
        browser,
        &dir.path().join("p2"),
        &[
            "--window-size=1280,1000",
            &format!("--screenshot={}", shot.display()),
            &url,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let png = fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        png.len() > 20_000,
        "a blank page would be tiny: {} bytes",
        png.len()
    );
}

#[test]
fn write_repairs_in_place_and_keeps_permissions() {
    let dir = spun_copy();
    let path = dir.path().join(SPUN);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let clean = dir.path().join("clean.txt");
    fs::copy(fixture("clean/002_59856663b4200737.txt"), &clean).unwrap();
    let clean_inode = fs::metadata(&clean).unwrap().ino();

    let out = textmend_in(dir.path(), &["-w", SPUN, "clean.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), read(REPAIRED));
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o640);
    assert_eq!(
        fs::metadata(&clean).unwrap().ino(),
        clean_inode,
        "clean file untouched"
    );
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("repaired 11 words in 1 of 2 files"),
        "{}",
        stderr(&out)
    );
    let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name.to_string_lossy().starts_with(".textmend-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let quiet = textmend_in(dir.path(), &["-w", "-q", SPUN]);
    assert!(quiet.stderr.is_empty());
}

#[test]
fn write_refuses_read_only_files_and_links() {
    let dir = spun_copy();
    let path = dir.path().join(SPUN);
    let original = fs::read(&path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let out = textmend_in(dir.path(), &["-w", SPUN]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is read-only; not written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&path).unwrap(), original);

    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    symlink(&path, dir.path().join("link.txt")).unwrap();
    let out = textmend_in(dir.path(), &["-w", "link.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("link.txt: is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&path).unwrap(), original);
}

/// A full disk, simulated with a file-size limit (`ulimit -f`): the write of
/// the temporary file fails, and the original must survive.
#[test]
fn write_that_fails_midway_leaves_the_original_intact() {
    let dir = spun_copy();
    let path = dir.path().join(SPUN);
    let original = fs::read(&path).unwrap();
    assert!(original.len() > 2048);
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' -w '{}'",
        env!("CARGO_BIN_EXE_textmend"),
        SPUN
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains(&format!("{SPUN}: File too large")),
        "{message}"
    );
    assert_eq!(fs::read(&path).unwrap(), original);
    let leftovers = fs::read_dir(path.parent().unwrap()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn parallel_jobs_keep_input_order_and_output() {
    let mut files: Vec<&str> = vec![SPUN];
    files.extend(CLEAN);
    files.push("fixtures/clean/001_cd878cb6dc3a5027.txt");
    files.push(SPUN);
    let one = textmend(&[&["-q", "-j", "1"], &files[..]].concat(), b"");
    let two = textmend(&[&["-q", "-j", "2"], &files[..]].concat(), b"");
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout);
    let expected: Vec<u8> = files
        .iter()
        .flat_map(|f| {
            if *f == SPUN {
                read(REPAIRED).into_bytes()
            } else {
                fs::read(f).unwrap()
            }
        })
        .collect();
    assert_eq!(one.stdout, expected);
}

/// A batch of short articles spun with one table: learning over the whole
/// batch repairs more than learning article by article, and damages nothing.
#[test]
fn corpus_scope_pools_the_evidence_of_a_batch() {
    let table = textmend_eval::corrupt::parse_table(&read("spinner/held_out_table.tsv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let prose = read("clean/persuasion.txt");
    let lines: Vec<&str> = prose.lines().collect();
    let mut names = Vec::new();
    for (i, part) in lines.chunks(60).enumerate() {
        let original = part.join("\n") + "\n";
        let name = format!("a{i:02}.txt");
        fs::write(
            dir.path().join(&name),
            textmend_eval::corrupt::spin(&original, &table),
        )
        .unwrap();
        fs::write(dir.path().join(format!("{name}.truth")), original).unwrap();
        names.push(name);
    }
    let restored = |scope: &str| {
        let out = textmend_in(
            dir.path(),
            &[&["-q", "--scope", scope], &names_as_str(&names)[..]].concat(),
        );
        assert_eq!(out.status.code(), Some(0));
        let truth: String = names
            .iter()
            .map(|n| fs::read_to_string(dir.path().join(format!("{n}.truth"))).unwrap())
            .collect();
        let spun: String = names
            .iter()
            .map(|n| fs::read_to_string(dir.path().join(n)).unwrap())
            .collect();
        let repaired = String::from_utf8(out.stdout).unwrap();
        let (t, s, r): (Vec<&str>, Vec<&str>, Vec<&str>) = (
            truth.split_whitespace().collect(),
            spun.split_whitespace().collect(),
            repaired.split_whitespace().collect(),
        );
        let damaged = t
            .iter()
            .zip(&s)
            .zip(&r)
            .filter(|((t, s), r)| t == s && s != r)
            .count();
        assert_eq!(damaged, 0, "{scope}");
        t.iter()
            .zip(&s)
            .zip(&r)
            .filter(|((t, s), r)| t != s && t == r)
            .count()
    };
    let (file, corpus) = (restored("file"), restored("corpus"));
    assert!(corpus > file, "corpus {corpus} vs file {file}");
}

fn names_as_str(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

#[test]
fn jsonl_repairs_one_field_and_keeps_every_other_byte() {
    let input = concat!(
        r#"{"id":1,"text":"Delegates will attfinish the summit.","meta":{"t\u00e9":"caf\u00e9","n":[1,2.5e3,null]}}"#,
        "\n",
        r#"{ "meta" : { "text" : "nested attfinish stays" }, "text" : "The agfinisha is long and they attfinish.\nAgain \"quoted\" \u2019" , "z":true }"#,
        "\r\n",
        "not json at all attfinish\n",
        "\n",
        r#"{"text": 5, "other": "attfinish"}"#,
        "\n",
    );
    let out = textmend(&["--jsonl", "--scope", "file", "-q"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let output = String::from_utf8(out.stdout).unwrap();
    let (lines_in, lines_out): (Vec<&str>, Vec<&str>) = (
        input.split_inclusive('\n').collect(),
        output.split_inclusive('\n').collect(),
    );
    assert_eq!(lines_in.len(), lines_out.len());
    assert_eq!(
        lines_out[0], lines_in[0],
        "one word of evidence in the record: no rule"
    );
    assert_eq!(
        lines_out[1],
        concat!(
            r#"{ "meta" : { "text" : "nested attfinish stays" }, "text" : "The agenda is long and they attend.\nAgain \"quoted\" ’" , "z":true }"#,
            "\r\n"
        )
    );
    assert_eq!(&lines_out[2..], &lines_in[2..]);

    // The field's value is JSON as it was read back.
    let record: Value = serde_json::from_str(lines_out[1].trim_end()).unwrap();
    assert_eq!(
        record["text"],
        "The agenda is long and they attend.\nAgain \"quoted\" \u{2019}"
    );
    assert_eq!(record["meta"]["text"], "nested attfinish stays");

    let named = textmend(&["--jsonl", "--field", "other", "-q"], input.as_bytes());
    assert_eq!(String::from_utf8(named.stdout).unwrap(), input);
}

/// `--lang-field`: a record's language label stands in for detecting it.
/// A record labelled with the language it is written in is repaired as
/// detection would repair it; one labelled with a language textmend has no
/// dictionary for, or with one whose dictionary does not know its words
/// (English labelled German), passes through untouched.
#[test]
fn jsonl_records_are_read_in_the_language_their_label_names() {
    // One paragraph: a text that mixes languages has its long paragraphs
    // judged one by one, labelled or not.
    let spun = read("spinner/003_c01601a3d6194ed1.in.txt").replace("\n\n", "\n");
    let line = |lang: Option<&str>| {
        let mut record = serde_json::Map::new();
        if let Some(lang) = lang {
            record.insert("language".into(), Value::from(lang));
        }
        record.insert("text".into(), Value::from(spun.as_str()));
        Value::Object(record).to_string() + "\n"
    };
    let labels = [
        None,
        Some("en"),
        Some("EN-us"),
        Some("eng_Latn"),
        Some("sv"),
        Some("deu_Latn"),
    ];
    let input: String = labels.iter().map(|l| line(*l)).collect();
    let out = textmend(
        &["--jsonl", "--lang-field", "language", "-q"],
        input.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let output = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = output.lines().collect();
    let inputs: Vec<&str> = input.lines().collect();
    let text = |l: &str| serde_json::from_str::<Value>(l).unwrap()["text"].clone();
    let repaired = text(lines[0]);
    assert_ne!(repaired, Value::from(spun.as_str()), "detected: repaired");
    for (k, label) in labels.iter().enumerate().skip(1) {
        match label {
            Some("sv") | Some("deu_Latn") => {
                assert_eq!(lines[k], inputs[k], "{label:?}: untouched")
            }
            _ => assert_eq!(text(lines[k]), repaired, "{label:?}: as detected"),
        }
    }

    // A label needs JSON lines, and says what --lang would say.
    for args in [
        &["--lang-field", "language"][..],
        &["--jsonl", "--lang-field", "language", "--lang", "en"][..],
        // Pooled learning detects languages.
        &["--jsonl", "--lang-field", "language", "--scope", "corpus"][..],
    ] {
        let out = textmend(args, input.as_bytes());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

/// Shards counted apart and merged give the rules learning on the whole
/// gives, evidence and all.
#[test]
fn merged_shard_statistics_decide_like_the_whole() {
    let table = textmend_eval::corrupt::parse_table(&read("spinner/held_out_table.tsv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut shards = Vec::new();
    for name in ["persuasion", "pride_prejudice"] {
        let spun = textmend_eval::corrupt::spin(&read(&format!("clean/{name}.txt")), &table);
        let lines: Vec<&str> = spun.lines().collect();
        for (i, half) in lines.chunks(lines.len() / 2 + 1).enumerate() {
            let shard = format!("{name}{i}.txt");
            fs::write(dir.path().join(&shard), half.join("\n") + "\n").unwrap();
            shards.push(shard);
        }
    }
    fs::copy(
        fixture("spinner/003_c01601a3d6194ed1.in.txt"),
        dir.path().join("003.txt"),
    )
    .unwrap();
    let shard_args: Vec<&str> = shards.iter().map(String::as_str).collect();

    let whole = textmend_in(dir.path(), &[&["learn"], &shard_args[..]].concat());
    let mut stats_files = Vec::new();
    for shard in &shards {
        let stats = format!("{shard}.stats");
        let out = textmend_in(dir.path(), &["learn", "--stats", shard, "-o", &stats]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stats_files.push(stats);
    }
    let stats_args: Vec<&str> = stats_files.iter().map(String::as_str).collect();
    let merged = textmend_in(
        dir.path(),
        &[&["learn", "--merge"], &stats_args[..]].concat(),
    );
    // Shard statistics count letters, not words: whole-word swaps are
    // learned from whole texts only, so they are left out of the comparison.
    let evidence = |out: &Output| -> Vec<String> {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.starts_with('#') && !l.contains("\twhole-word\t"))
            .map(|l| l.split(" examples=").next().unwrap().to_string())
            .collect()
    };
    let rules = evidence(&whole);
    assert!(rules.len() >= 5, "{rules:?}");
    assert_eq!(evidence(&merged), rules);

    let broken = textmend_in(dir.path(), &["learn", "--merge", "003.txt"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("003.txt:1: expected"),
        "{}",
        stderr(&broken)
    );
}
