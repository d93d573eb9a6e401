//! Evidence pooled by source (issue #18): `--group-by` and `--scope corpus`
//! on the committed mixed batch `fixtures/corpus/` (three sources of
//! different genres, each spun with its own table, and a clean one),
//! scored word by word against its truth.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use crate::{fixture, read, textmend, textmend_in};

/// `id → text` of a JSON-lines file's records.
fn texts(jsonl: &str) -> BTreeMap<String, String> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The correct repairs, and the wrong ones as `(id, position, after)`, of
/// `repaired` against the batch and its truth (whitespace tokens: the
/// spinner keeps them in place).
fn score(repaired: &BTreeMap<String, String>) -> (usize, BTreeSet<(String, usize, String)>) {
    let batch = texts(&read("corpus/batch.jsonl"));
    let truth = texts(&read("corpus/truth.jsonl"));
    let mut correct = 0;
    let mut wrong = BTreeSet::new();
    for (id, damaged) in &batch {
        let (c, r, t): (Vec<&str>, Vec<&str>, Vec<&str>) = (
            damaged.split_whitespace().collect(),
            repaired[id].split_whitespace().collect(),
            truth[id].split_whitespace().collect(),
        );
        assert_eq!((c.len(), r.len()), (t.len(), t.len()), "{id}");
        for i in 0..c.len() {
            if c[i] != r[i] {
                if r[i] == t[i] {
                    correct += 1;
                } else {
                    wrong.insert((id.clone(), i, r[i].to_string()));
                }
            }
        }
    }
    (correct, wrong)
}

fn repair_jsonl(args: &[&str]) -> BTreeMap<String, String> {
    let out = textmend(
        &[&["-q", "--jsonl"], args, &["fixtures/corpus/batch.jsonl"]].concat(),
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    texts(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn grouped_learning_repairs_more_than_per_document_and_nothing_it_would_not() {
    let (single, single_wrong) = score(&repair_jsonl(&[]));
    for by in ["source", "host:url"] {
        let (grouped, grouped_wrong) = score(&repair_jsonl(&["--group-by", by]));
        assert!(
            grouped > single,
            "--group-by {by}: {grouped} correct, per document {single}"
        );
        let new: Vec<_> = grouped_wrong.difference(&single_wrong).collect();
        assert!(new.is_empty(), "--group-by {by}: new wrong repairs {new:?}");
    }
}

#[test]
fn an_ungrouped_batch_is_never_worse_than_per_document_learning() {
    let (single, single_wrong) = score(&repair_jsonl(&[]));
    let (batch, batch_wrong) = score(&repair_jsonl(&["--scope", "corpus"]));
    assert!(batch >= single, "{batch} correct, per document {single}");
    let new: Vec<_> = batch_wrong.difference(&single_wrong).collect();
    assert!(new.is_empty(), "new wrong repairs {new:?}");
}

#[test]
fn plain_files_are_grouped_by_directory() {
    // The same documents as files, one directory per source.
    let dir = tempfile::tempdir().unwrap();
    let batch = read("corpus/batch.jsonl");
    let mut names = Vec::new();
    for line in batch.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let source = dir.path().join(v["source"].as_str().unwrap());
        fs::create_dir_all(&source).unwrap();
        let name = format!(
            "{}/{}.txt",
            v["source"].as_str().unwrap(),
            v["id"].as_str().unwrap()
        );
        fs::write(dir.path().join(&name), v["text"].as_str().unwrap()).unwrap();
        names.push(name);
    }
    let out = textmend_in(dir.path(), &["-q", "-w", "--group-by", "dir", "."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let repaired: BTreeMap<String, String> = texts(&batch)
        .into_keys()
        .map(|id| {
            let name = names
                .iter()
                .find(|n| n.ends_with(&format!("/{id}.txt")))
                .unwrap();
            (id, fs::read_to_string(dir.path().join(name)).unwrap())
        })
        .collect();
    let by_dir = score(&repaired);
    let by_field = score(&repair_jsonl(&["--group-by", "source"]));
    assert_eq!(by_dir.0, by_field.0);
    assert_eq!(by_dir.1, by_field.1);
}

#[test]
fn grouped_statistics_of_shards_merge_into_the_groups_rules() {
    // Two shards: the odd and the even lines of the batch.
    let dir = tempfile::tempdir().unwrap();
    let batch = read("corpus/batch.jsonl");
    let (mut odd, mut even) = (String::new(), String::new());
    for (i, line) in batch.lines().enumerate() {
        let shard = if i % 2 == 0 { &mut even } else { &mut odd };
        shard.push_str(line);
        shard.push('\n');
    }
    fs::write(dir.path().join("odd.jsonl"), odd).unwrap();
    fs::write(dir.path().join("even.jsonl"), even).unwrap();
    fs::copy(fixture("corpus/batch.jsonl"), dir.path().join("all.jsonl")).unwrap();
    let run = |args: &[&str]| {
        let out = textmend_in(dir.path(), args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let grouped = ["--jsonl", "--group-by", "source"];
    for shard in ["odd", "even"] {
        let stats = run(&[
            &["learn", "--stats"],
            &grouped[..],
            &[&format!("{shard}.jsonl")],
        ]
        .concat());
        assert!(stats.contains("\ngroup\tnovels\n"), "{stats:.200}");
        fs::write(dir.path().join(format!("{shard}.stats")), stats).unwrap();
    }
    let merged = run(&["learn", "--merge", "odd.stats", "even.stats"]);
    let whole = run(&[&["learn"], &grouped[..], &["all.jsonl"]].concat());
    assert_eq!(merged, whole);
    assert!(merged.contains("# group\tnovels\n"));
    assert!(
        merged.lines().any(|l| !l.starts_with('#')),
        "no rules learned:\n{merged}"
    );
    // The merged file read back per group repairs the batch as the pooled
    // run does: with --learn exactly, without it by the group rules alone.
    fs::write(dir.path().join("merged.tsv"), &merged).unwrap();
    let pooled = run(&[&grouped[..], &["all.jsonl"]].concat());
    let given = ["--rules", "merged.tsv"];
    let learning = run(&[&grouped[..], &given[..], &["--learn", "all.jsonl"]].concat());
    assert_eq!(learning, pooled);
    let rules_only = texts(&run(&[&grouped[..], &given[..], &["all.jsonl"]].concat()));
    let (correct, wrong) = score(&rules_only);
    assert!(correct > 0 && wrong.is_empty(), "{correct} {wrong:?}");
    // Read without --group-by, the same file is one rule set.
    let one_set = texts(&run(&[&["--jsonl"], &given[..], &["all.jsonl"]].concat()));
    assert!(score(&one_set).0 > 0);
}

#[test]
fn a_french_source_is_pooled_in_french() {
    // The French FAQ spun with the French table, cut into documents of
    // about 300 words at line ends; one source.
    let dir = tempfile::tempdir().unwrap();
    let out = textmend(
        &[
            "eval",
            "--corrupt",
            "spinner",
            "--table",
            "fixtures/spinner/fr_table.tsv",
            "--save",
            dir.path().to_str().unwrap(),
            "fixtures/clean/fr_debian_faq.txt",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let spun = fs::read_to_string(dir.path().join("fr_debian_faq.corrupt.txt")).unwrap();
    let truth = fs::read_to_string(dir.path().join("fr_debian_faq.truth.txt")).unwrap();
    let (spun, truth): (Vec<&str>, Vec<&str>) = (spun.lines().collect(), truth.lines().collect());
    assert_eq!(spun.len(), truth.len());
    let (mut batch, mut truths, mut start, mut words) = (String::new(), Vec::new(), 0, 0);
    for i in 0..spun.len() {
        words += spun[i].split_whitespace().count();
        if words >= 300 || i + 1 == spun.len() {
            let record = serde_json::json!({
                "id": format!("d{}", truths.len()),
                "source": "faq",
                "text": spun[start..=i].join("\n"),
            });
            batch.push_str(&format!("{record}\n"));
            truths.push(truth[start..=i].join("\n"));
            (start, words) = (i + 1, 0);
        }
    }
    fs::write(dir.path().join("batch.jsonl"), &batch).unwrap();
    let run = |args: &[&str]| {
        let out = textmend_in(
            dir.path(),
            &[&["-q", "--jsonl"], args, &["batch.jsonl"]].concat(),
        );
        assert_eq!(out.status.code(), Some(0));
        let repaired = texts(&String::from_utf8(out.stdout).unwrap());
        let (mut correct, mut wrong) = (0, BTreeSet::new());
        for (n, truth) in truths.iter().enumerate() {
            let id = format!("d{n}");
            let damaged = texts(&batch)[&id].clone();
            let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>();
            let (c, r, t) = (words(&damaged), words(&repaired[&id]), words(truth));
            for i in 0..t.len() {
                if c[i] != r[i] && r[i] == t[i] {
                    correct += 1;
                } else if c[i] != r[i] {
                    wrong.insert((id.clone(), i, r[i].clone()));
                }
            }
        }
        (correct, wrong)
    };
    let (single, single_wrong) = run(&[]);
    let (pooled, pooled_wrong) = run(&["--group-by", "source"]);
    assert!(pooled > single, "pooled {pooled}, per document {single}");
    let new: Vec<_> = pooled_wrong.difference(&single_wrong).collect();
    assert!(new.is_empty(), "new wrong repairs {new:?}");
    // The statistics are counted as French.
    let out = textmend_in(
        dir.path(),
        &[
            "learn",
            "--stats",
            "--jsonl",
            "--group-by",
            "source",
            "batch.jsonl",
        ],
    );
    let stats = String::from_utf8(out.stdout).unwrap();
    assert!(stats.contains("\nlanguage\tfr\n"), "{stats:.300}");
}
