//! Cleaning (issue #21) through the binary: `textmend clean` gives the
//! seeds' labelled bodies, its diff names each removal's line and reason
//! and `patch` applies it, `--check` counts removals, JSON and HTML carry
//! the cleaning edits, `--clean` composes cleaning and repair into edits
//! of the input, `--group-by` removes what a source's documents share, and
//! clean text comes out byte-identical.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use super::clean::{labels, SEEDS};
use super::{fixture, read, textmend, textmend_in};

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn seed_input(name: &str) -> String {
    format!("fixtures/furniture/{name}.in.txt")
}

/// The clean fixtures without furniture: `fixtures/clean/*.txt` but the
/// seeds, whose furniture tests/clean.rs labels.
fn clean_fixtures() -> Vec<String> {
    let mut paths: Vec<String> = fs::read_dir(fixture("clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| !SEEDS.contains(&p.file_stem().unwrap().to_str().unwrap()))
        .map(|p| {
            format!(
                "fixtures/clean/{}",
                p.file_name().unwrap().to_str().unwrap()
            )
        })
        .collect();
    paths.sort();
    assert!(paths.len() >= 15, "{paths:?}");
    paths
}

#[test]
fn seeds_come_out_as_their_labelled_bodies() {
    for name in SEEDS {
        let out = textmend(&["clean", &seed_input(name)], b"");
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(
            stdout(&out),
            read(&format!("furniture/{name}.body.txt")),
            "{name}"
        );
    }
    // Standard input too.
    let input = read(&format!("furniture/{}.in.txt", SEEDS[2]));
    let out = textmend(&["clean"], input.as_bytes());
    assert_eq!(
        stdout(&out),
        read(&format!("furniture/{}.body.txt", SEEDS[2]))
    );
}

#[test]
fn the_diff_names_each_removal_and_patch_applies_it() {
    for name in SEEDS {
        let path = seed_input(name);
        let out = textmend(&["clean", "--diff", &path], b"");
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let diff = stdout(&out);
        // One comment per labelled furniture line, at its line, with a
        // reason in words.
        let prefix = format!("# {path}:");
        let noted: Vec<(usize, String)> = diff
            .lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .map(|rest| {
                let (line, why) = rest.split_once(": furniture: ").expect(rest);
                (line.parse().unwrap(), why.to_string())
            })
            .collect();
        let furniture: Vec<usize> = labels(name)
            .iter()
            .filter(|l| l.label == "furniture")
            .map(|l| l.line)
            .collect();
        let lines: Vec<usize> = noted.iter().map(|(n, _)| *n).collect();
        assert_eq!(lines, furniture, "{name}:\n{diff}");
        assert!(noted.iter().all(|(_, why)| why.len() > 10), "{diff}");
        assert!(
            diff.contains(&format!(
                "# textmend: {} furniture lines removed from {path}:",
                furniture.len()
            )),
            "{diff}"
        );

        // `patch -p1` gives the cleaned text.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(&path);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(fixture(&format!("furniture/{name}.in.txt")), &target).unwrap();
        let mut patch = Command::new("patch")
            .args(["-p1", "--quiet"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .spawn()
            .expect("patch(1) is installed");
        std::io::Write::write_all(patch.stdin.as_mut().unwrap(), diff.as_bytes()).unwrap();
        assert!(patch.wait().unwrap().success(), "{name}");
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            read(&format!("furniture/{name}.body.txt")),
            "{name}"
        );
    }
}

#[test]
fn check_counts_removals_and_exits_1_only_when_something_would_go() {
    let seed = seed_input("003_c01601a3d6194ed1");
    let out = textmend(&["clean", "--check", &seed], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{seed}: 6 furniture lines to clean\n6 furniture lines to clean in 1 of 1 file\n")
    );
    // With repair, both are counted.
    let out = textmend(&["--clean", "--check", &seed], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with(&format!(
            "{seed}: 6 furniture lines to clean, 10 words to repair\n"
        )),
        "{}",
        stdout(&out)
    );
    // A hygiene fix alone is something to clean.
    let out = textmend(&["clean", "--check"], "Plain words.\u{200b}\n".as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("1 hygiene fix to clean"),
        "{}",
        stdout(&out)
    );
    let out = textmend(&["clean", "--check"], b"Plain words.\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "nothing to clean in 1 file\n");
    // Cleaning options without --clean are an error, not ignored.
    let out = textmend(&["--nbsp", &seed], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--clean"), "{}", stderr(&out));
}

#[test]
fn clean_text_comes_out_byte_identical_cleaned_and_repaired() {
    let paths = clean_fixtures();
    let mut args: Vec<&str> = vec!["clean", "--check"];
    args.extend(paths.iter().map(String::as_str));
    let out = textmend(&args, b"");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let mut expected = Vec::new();
    for path in &paths {
        expected.extend(fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap());
    }
    for command in [&["clean"][..], &["--clean"][..]] {
        let mut args = command.to_vec();
        args.extend(paths.iter().map(String::as_str));
        let out = textmend(&args, b"");
        assert_eq!(out.status.code(), Some(0), "{command:?}: {}", stderr(&out));
        assert!(
            out.stdout == expected,
            "{command:?}: the clean fixtures changed"
        );
    }
}

#[test]
fn clean_then_repair_reports_both_as_edits_of_the_input() {
    let seed = seed_input("003_c01601a3d6194ed1");
    let input = read("furniture/003_c01601a3d6194ed1.in.txt");
    let out = textmend(&["--clean", &seed], b"");
    let text = stdout(&out);
    assert!(text.contains("attend the Ukraine-Southeast Europe Summit"));
    assert!(!text.contains("Leave a Reply") && !text.contains("JOIN US ON TELEGRAM"));

    let json = textmend(&["--clean", "--format", "json", &seed], b"");
    let edits: Vec<Value> = stdout(&json)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["type"] == "edit")
        .collect();
    let kinds = |kind: &str| edits.iter().filter(|e| e["kind"] == kind).count();
    assert_eq!(kinds("furniture"), 6);
    assert_eq!(kinds("word-swap"), 10);
    let mut at = 0;
    for edit in &edits {
        let span = &edit["span"];
        let (start, end) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert!(start >= at, "sorted, not overlapping");
        assert_eq!(&input[start..end], edit["before"].as_str().unwrap());
        at = end;
        if edit["kind"] == "furniture" {
            let reason = edit["reason"].as_str().unwrap();
            assert!(reason.len() > 10);
            assert_eq!(edit["rule"], format!("furniture: {reason}"));
            assert_eq!(edit["after"], "");
        }
    }

    // The review page lists them as edits to accept or reject.
    let html = textmend(&["--clean", "--format", "html", &seed], b"");
    let page = stdout(&html);
    let data = page
        .split("<script type=\"application/json\" id=\"data\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap()
        .replace("<\\/", "</");
    let data: Value = serde_json::from_str(&data).unwrap();
    let segments = data["files"][0]["chunks"][0]["segments"]
        .as_array()
        .unwrap();
    let furniture: Vec<&Value> = segments
        .iter()
        .filter(|s| s["kind"] == "furniture")
        .collect();
    assert_eq!(furniture.len(), 6);
    assert!(furniture
        .iter()
        .all(|s| s["label"].as_str().unwrap().starts_with("furniture: ") && s["applied"] == true));
}

/// Four articles of one site: a weather line on top and a newsroom note
/// at the end of each.
fn one_source(dir: &Path) -> Vec<PathBuf> {
    let stories = [
        "The mayor opened the new bridge over the river on Monday morning.",
        "Farmers brought their best cattle to the autumn show in the valley.",
        "A storm closed the harbour and kept the fishing boats at home for days.",
        "The library will stay open late during the exam weeks, its director said.",
    ];
    stories
        .iter()
        .enumerate()
        .map(|(i, story)| {
            let path = dir.join(format!("site/{i}.txt"));
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(
                &path,
                format!(
                    "Weather and traffic for the region\n\n{story}\n\n\
                     So arbeitet die Redaktion: wir prüfen jede Meldung, bevor sie erscheint.\n"
                ),
            )
            .unwrap();
            path
        })
        .collect()
}

#[test]
fn group_by_removes_the_lines_documents_of_one_source_share() {
    let dir = tempfile::tempdir().unwrap();
    let paths = one_source(dir.path());
    let names = ["site/0.txt", "site/1.txt", "site/2.txt", "site/3.txt"];
    // Alone, each article keeps its lines.
    let mut args = vec!["clean", "--check"];
    args.extend(names);
    assert_eq!(textmend_in(dir.path(), &args).status.code(), Some(0));
    for by in ["all", "dir"] {
        let mut args = vec!["clean", "--group-by", by];
        args.extend(names);
        let out = textmend_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.contains("Weather and traffic"), "{text}");
        assert!(!text.contains("So arbeitet"), "{text}");
        assert!(text.contains("opened the new bridge"));
    }
    let diff = textmend_in(
        dir.path(),
        &[
            "clean",
            "--diff",
            "--group-by",
            "all",
            names[0],
            names[1],
            names[2],
        ],
    );
    assert!(
        stdout(&diff)
            .contains("# site/0.txt:1: furniture: seen in 3 of 3 documents of this source"),
        "{}",
        stdout(&diff)
    );

    // JSON lines grouped by a field: only the group of three shares them.
    let mut jsonl = String::new();
    for (i, path) in paths.iter().enumerate() {
        let record = serde_json::json!({
            "site": if i < 3 { "a" } else { "b" },
            "text": fs::read_to_string(path).unwrap(),
        });
        jsonl.push_str(&format!("{record}\n"));
    }
    fs::write(dir.path().join("batch.jsonl"), &jsonl).unwrap();
    let out = textmend_in(
        dir.path(),
        &[
            "clean",
            "--jsonl",
            "--group-by",
            "field:site",
            "batch.jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let texts: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        texts[0],
        "The mayor opened the new bridge over the river on Monday morning.\n"
    );
    assert!(texts[3].starts_with("Weather and traffic"), "{}", texts[3]);
    // Standard input cannot be read twice.
    let out = textmend(&["clean", "--group-by", "all"], b"text\n");
    assert_eq!(out.status.code(), Some(2));
}
