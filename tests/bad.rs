//! Nasty inputs through the binary (`fixtures/bad/`): nothing is lost,
//! nothing panics, and only a repairable word ever changes.

use std::fs;
use std::path::Path;

use super::{fixture, textmend};

#[test]
fn nasty_inputs_come_out_byte_identical() {
    let mut checked = 0;
    for entry in fs::read_dir(fixture("bad")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "README.md" || name == "spun_crlf_bom.txt" {
            continue;
        }
        let input = fs::read(&path).unwrap();
        let out = textmend(&[path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert_eq!(out.stdout, input, "{name} changed");
        let by_stdin = textmend(&[], &input);
        assert_eq!(by_stdin.stdout, input, "{name} through stdin");
        checked += 1;
    }
    assert!(checked >= 12);
}

#[test]
fn repairs_keep_bom_and_crlf() {
    let out = textmend(&["fixtures/bad/spun_crlf_bom.txt"], b"");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\u{feff}Delegates will attend the summit.\r\nThe agenda is long.\r\n\
         Every country sent people to attend.\r\n"
    );
}

#[test]
fn invalid_utf8_is_repaired_only_inside_valid_stretches() {
    let mut input = b"Delegates will attfinish the summit. \xff\xfe ".to_vec();
    input.extend_from_slice(b"The agfinisha is long. \xc3\x28\n");
    let out = textmend(&[], &input);
    assert_eq!(out.status.code(), Some(0));
    let mut expected = b"Delegates will attend the summit. \xff\xfe ".to_vec();
    expected.extend_from_slice(b"The agenda is long. \xc3\x28\n");
    assert_eq!(out.stdout, expected);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8 (at byte 37)"));

    let strict = textmend(&["--strict"], &input);
    assert_eq!(strict.status.code(), Some(2));
    assert!(strict.stdout.is_empty());
}

#[test]
fn binary_files_pass_through_unless_forced() {
    let input = b"attfinish the agfinisha\x00\x01\x02 attfinish".to_vec();
    let out = textmend(&[], &input);
    assert_eq!(out.stdout, input);
    assert!(String::from_utf8_lossy(&out.stderr).contains("looks binary"));
    let forced = textmend(&["--force"], &input);
    assert_eq!(
        forced.stdout,
        b"attend the agenda\x00\x01\x02 attend".to_vec()
    );
}

#[test]
fn huge_lines_and_huge_words_pass_through() {
    let dir = tempfile::tempdir().unwrap();
    let line: String = "the quick brown fox jumps over the lazy dog ".repeat(240_000);
    let word: String = "abcdefghij".repeat(200_000);
    for (name, text) in [("line.txt", &line), ("word.txt", &word)] {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        let out = textmend(&[path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert!(out.stdout == text.as_bytes(), "{name} changed");
    }
    assert!(
        Path::new(&dir.path().join("line.txt"))
            .metadata()
            .unwrap()
            .len()
            > 10_000_000
    );
}

#[test]
fn limits_bound_the_work_per_text() {
    use std::time::Duration;
    use textmend::Mender;
    let spun = super::read("spinner/003_c01601a3d6194ed1.in.txt");
    let nothing = Mender::builder()
        .time_budget(Duration::ZERO)
        .build()
        .unwrap();
    assert_eq!(nothing.mend(&spun).edits(), []);
    let short = Mender::builder().max_word_chars(8).build().unwrap();
    assert!(short
        .mend(&spun)
        .edits()
        .iter()
        .all(|e| e.before.chars().count() <= 8));
    let one = Mender::builder().max_explained_suspects(1).build().unwrap();
    let edited: std::collections::BTreeSet<String> = one
        .mend(&spun)
        .edits()
        .iter()
        .map(|e| e.before.clone())
        .collect();
    assert_eq!(edited.len(), 1, "{edited:?}");
}

/// Killing textmend in the middle of `-w` leaves every file either as it
/// was or fully repaired, never half-written.
#[test]
fn killed_during_write_leaves_files_old_or_new() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let original = super::read("spinner/003_c01601a3d6194ed1.in.txt").repeat(300);
    let repaired = super::read("spinner/003_c01601a3d6194ed1.out.txt").repeat(300);
    let names: Vec<String> = (0..60).map(|i| format!("f{i:02}.txt")).collect();
    for name in &names {
        fs::write(dir.path().join(name), &original).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
        .arg("-w")
        .args(&names)
        .current_dir(dir.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    child.kill().unwrap();
    child.wait().unwrap();
    let (mut old, mut new) = (0, 0);
    for name in &names {
        let text = fs::read_to_string(dir.path().join(name)).unwrap();
        if text == original {
            old += 1;
        } else {
            assert_eq!(text, repaired, "{name} is half-written");
            new += 1;
        }
    }
    assert_eq!(old + new, names.len());
}

/// A reader that stops early (`| head`) ends textmend quietly, exit 0.
#[test]
fn a_closed_pipe_is_a_quiet_success() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    fs::write(&path, "plain words and more words\n".repeat(400_000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
        .arg("-q")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // Dropping our end of the pipe closes it.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
