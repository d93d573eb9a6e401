//! Fault injection (issue #22, bugs 8 and 15–19): a full disk (a small
//! tmpfs when this machine lets the test mount one, else `/dev/full`),
//! closed and unwritable standard output and error, a kill during `-w`,
//! outputs that alias inputs, owners kept. Tests that need root or a mount
//! say `SKIPPED: why` on standard error when they cannot run; none passes
//! silently without testing.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::issue22::{run, stderr, stdout, REPAIRED, SPUN};
use super::read;

fn skipped(test: &str, why: &str) {
    eprintln!("SKIPPED: {test}: {why}");
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The `.textmend-*` temporary files left in `dir`.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".textmend-"))
        })
        .collect()
}

/// A tmpfs of `size` bytes mounted in a temporary directory, unmounted when
/// dropped; `None` when mounting is not allowed here.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: usize) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk up to its last bytes.
    fn fill(&self) {
        let mut filler = fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![b'x'; 4096];
        while std::io::Write::write_all(&mut filler, &block).is_ok() {}
        let _ = filler.sync_all();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn spun_input(dir: &Path, copies: usize) -> PathBuf {
    let path = dir.join("in.txt");
    fs::write(&path, read(SPUN).repeat(copies)).unwrap();
    path
}

/// A full disk under `-o`, `--rules-out`, `learn -o`, `dict build -o` and
/// `-w`: exit 2 naming the file, no temporary file left, and a file that
/// was there before is intact (bug 16: written atomically).
#[test]
fn a_full_disk_leaves_every_old_file_intact() {
    let Some(disk) = SmallDisk::mount(64 * 1024) else {
        skipped(
            "a_full_disk_leaves_every_old_file_intact",
            "cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN); \
             a_full_device_under_standard_output_is_an_error covers /dev/full",
        );
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let input = spun_input(work.path(), 40);
    let input = input.to_str().unwrap();
    let old = "old contents\n";
    for name in ["out.txt", "rules.tsv", "learned.tsv", "words.fst"] {
        fs::write(disk.path().join(name), old).unwrap();
    }
    // A file to rewrite in place that is larger than the space left.
    let target = disk.path().join("target.txt");
    fs::write(&target, read(SPUN).repeat(6)).unwrap();
    disk.fill();
    let out_txt = disk.path().join("out.txt");
    let rules = disk.path().join("rules.tsv");
    let learned = disk.path().join("learned.tsv");
    let words = disk.path().join("words.fst");
    fs::write(work.path().join("words.txt"), "alpha\nbeta\n".repeat(2000)).unwrap();
    let runs: Vec<(Vec<&str>, &Path)> = vec![
        (vec!["-q", "-o", out_txt.to_str().unwrap(), input], &out_txt),
        (
            vec!["-q", "--rules-out", rules.to_str().unwrap(), input],
            &rules,
        ),
        (
            vec!["learn", "-o", learned.to_str().unwrap(), input],
            &learned,
        ),
        (
            vec!["dict", "build", "words.txt", "-o", words.to_str().unwrap()],
            &words,
        ),
    ];
    for (args, file) in &runs {
        let out = run(work.path(), args, None, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("No space left on device"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(fs::read_to_string(file).unwrap(), old, "{args:?}");
    }
    let before = fs::read(&target).unwrap();
    let out = run(disk.path(), &["-w", "target.txt"], None, None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("target.txt: "), "{}", stderr(&out));
    assert_eq!(fs::read(&target).unwrap(), before);
    assert_eq!(leftovers(disk.path()), Vec::<PathBuf>::new());
}

/// Writing the report to a full device fails with exit 2 and a message,
/// without a panic.
#[test]
fn a_full_device_under_standard_output_is_an_error() {
    let work = tempfile::tempdir().unwrap();
    let input = spun_input(work.path(), 20);
    for mode in [&[][..], &["--diff"], &["--format", "json"], &["--check"]] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_textmend"))
            .args(mode)
            .arg(&input)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{mode:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("No space left on device"), "{mode:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// Bug 15: an unwritable standard error loses nothing of standard output
/// and panics nowhere; a closed one neither.
#[test]
fn an_unwritable_standard_error_loses_no_output() {
    let work = tempfile::tempdir().unwrap();
    // Not valid UTF-8 and spun: notices and a summary want to be written.
    let mut bytes = read(SPUN).into_bytes();
    bytes.extend_from_slice(b"\xff\n");
    fs::write(work.path().join("in.txt"), &bytes).unwrap();
    let mut expected = read(REPAIRED).into_bytes();
    expected.extend_from_slice(b"\xff\n");
    for redirect in ["2>/dev/full", "2>&-"] {
        for mode in ["", "--diff", "--stats"] {
            let script = format!("exec \"$0\" {mode} in.txt {redirect}");
            let out = Command::new("sh")
                .arg("-c")
                .arg(&script)
                .arg(env!("CARGO_BIN_EXE_textmend"))
                .current_dir(work.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .output()
                .unwrap();
            let code = out.status.code();
            assert_ne!(code, Some(101), "{script}: panicked");
            if mode == "--diff" {
                assert_eq!(code, Some(1), "{script}");
                assert!(stdout(&out).contains("\n+“We went over the international agenda for"));
            } else {
                assert_eq!(code, Some(0), "{script}");
                assert_eq!(out.stdout, expected, "{script}: output lost");
            }
        }
    }
    // A bad option with no standard error: exit 2, no panic.
    let out = Command::new("sh")
        .args(["-c", "exec \"$0\" --no-such-option 2>/dev/full"])
        .arg(env!("CARGO_BIN_EXE_textmend"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A closed standard output: the Rust runtime opens `/dev/null` in its
/// place at start-up, so the run is one with its output discarded: the
/// same exit code, no panic, nothing written over an input that took its
/// file descriptor.
#[test]
fn a_closed_standard_output_is_no_panic() {
    let work = tempfile::tempdir().unwrap();
    spun_input(work.path(), 3);
    for mode in ["", "--diff", "--format json", "--check", "dict lookup word"] {
        let args = if mode.starts_with("dict") {
            mode.to_string()
        } else {
            format!("{mode} in.txt")
        };
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} >&-"))
            .arg(env!("CARGO_BIN_EXE_textmend"))
            .current_dir(work.path())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{mode}: {err}");
        let to_null = Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} >/dev/null"))
            .arg(env!("CARGO_BIN_EXE_textmend"))
            .current_dir(work.path())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(out.status.code(), to_null.code(), "{mode}: {err}");
        assert_eq!(
            fs::read_to_string(work.path().join("in.txt")).unwrap(),
            read(SPUN).repeat(3)
        );
    }
}

/// Bug 8: Ctrl-C (SIGINT) or SIGTERM during `-w` on a large file leaves no
/// temporary file beside it, and the file as it was.
#[test]
fn interrupted_write_leaves_no_temporary_file() {
    let work = tempfile::tempdir().unwrap();
    let original = read(SPUN).repeat(4_000);
    let path = work.path().join("big.txt");
    fs::write(&path, &original).unwrap();
    for signal in ["-INT", "-TERM"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
            .args(["-q", "-w", "-j", "1", "big.txt"])
            .env("TEXTMEND_BLOCK_BYTES", (256 * 1024).to_string())
            .current_dir(work.path())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the temporary file exists (the rewrite has begun).
        let started = Instant::now();
        let mut seen = false;
        while started.elapsed() < Duration::from_secs(60) {
            if !leftovers(work.path()).is_empty() {
                seen = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(
            seen,
            "{signal}: no temporary file appeared before textmend ended; make the input larger"
        );
        // Past the instant between creating the file and registering it
        // for removal.
        std::thread::sleep(Duration::from_millis(50));
        let killed = Command::new("kill")
            .arg(signal)
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let out = child.wait_with_output().unwrap();
        // Cleaned up and exited 130 (or finished just before the signal).
        assert!(
            matches!(out.status.code(), Some(130) | Some(0)),
            "{signal}: {:?} {}",
            out.status,
            stderr(&out)
        );
        assert_eq!(leftovers(work.path()), Vec::<PathBuf>::new(), "{signal}");
        let now = fs::read_to_string(&path).unwrap();
        if out.status.code() == Some(130) {
            assert!(now == original, "{signal}: the file changed");
        } else {
            fs::write(&path, &original).unwrap();
        }
    }
}

/// Bug 17: an output that is one of the inputs — by another name, a hard
/// link or a symbolic link — is refused before anything is read or written.
#[test]
fn outputs_that_alias_inputs_are_refused() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let spun = read(SPUN);
    fs::write(dir.join("a.txt"), &spun).unwrap();
    fs::write(dir.join("b.txt"), &spun).unwrap();
    fs::hard_link(dir.join("a.txt"), dir.join("hard.txt")).unwrap();
    std::os::unix::fs::symlink("b.txt", dir.join("soft.txt")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    for args in [
        &["-o", "hard.txt", "a.txt"][..],
        &["-o", "./sub/../a.txt", "a.txt"],
        &["--check", "-o", "soft.txt", "b.txt"],
        &["--format", "json", "-o", "a.txt", "a.txt"],
        &["--rules-out", "b.txt", "a.txt", "b.txt"],
        &["--rules-out", "soft.txt", "a.txt", "b.txt"],
        &["learn", "-o", "hard.txt", "a.txt"],
        &["--diff", "-o", "hard.txt", "."],
    ] {
        let out = run(dir, args, None, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("names one of the inputs"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(
            fs::read_to_string(dir.join("a.txt")).unwrap(),
            spun,
            "{args:?}"
        );
        assert_eq!(
            fs::read_to_string(dir.join("b.txt")).unwrap(),
            spun,
            "{args:?}"
        );
        assert!(fs::symlink_metadata(dir.join("soft.txt"))
            .unwrap()
            .file_type()
            .is_symlink());
    }
}

/// Bug 16: `--rules-out` replaces its file only when the run succeeds; a
/// failed write (here: an unwritable directory is not enough for root, so
/// a directory in its place) leaves the old one.
#[test]
fn rules_out_is_written_atomically() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    fs::write(dir.join("a.txt"), read(SPUN)).unwrap();
    fs::write(dir.join("rules.tsv"), "old\n").unwrap();
    // A failing input after a good one: the rules file is still written
    // whole, once, at the end.
    let out = run(
        dir,
        &["-q", "--rules-out", "rules.tsv", "a.txt", "missing.txt"],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let tsv = fs::read_to_string(dir.join("rules.tsv")).unwrap();
    assert!(tsv.starts_with("# learned from a.txt\n"), "{tsv}");
    assert!(leftovers(dir).is_empty());
    // A target that cannot be replaced: an error, the old file kept.
    fs::create_dir(dir.join("rules.d")).unwrap();
    let out = run(dir, &["-q", "--rules-out", "rules.d", "a.txt"], None, None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--rules-out"), "{}", stderr(&out));
    assert!(dir.join("rules.d").is_dir());
    assert!(leftovers(dir).is_empty());
}

/// Bug 18: `-w` keeps owner, group and mode (giving a file away needs root:
/// skipped otherwise) and says what it did to a file with other hard links.
#[test]
fn write_keeps_owner_and_tells_about_hard_links() {
    use std::os::unix::fs::PermissionsExt;
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let path = dir.join("a.txt");
    fs::write(&path, read(SPUN)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&path, Some(1234), Some(5678)).unwrap();
    } else {
        skipped(
            "write_keeps_owner_and_tells_about_hard_links (owner part)",
            "not root: cannot give a file to another owner to see it kept",
        );
    }
    let before = fs::metadata(&path).unwrap();
    let out = run(dir, &["-q", "-w", "a.txt"], None, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = fs::metadata(&path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), read(REPAIRED));
    assert_ne!(before.ino(), after.ino(), "rewritten atomically");
    assert_eq!(after.mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));

    fs::write(dir.join("b.txt"), read(SPUN)).unwrap();
    fs::hard_link(dir.join("b.txt"), dir.join("other-name.txt")).unwrap();
    let out = run(dir, &["-w", "b.txt"], None, None);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("b.txt: had 2 names (hard links)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(dir.join("b.txt")).unwrap(),
        read(REPAIRED)
    );
    assert_eq!(
        fs::read_to_string(dir.join("other-name.txt")).unwrap(),
        read(SPUN)
    );
}

/// Bug 19: non-regular files are never rewritten, and answered at once.
#[test]
fn write_refuses_non_regular_files() {
    let work = tempfile::tempdir().unwrap();
    let fifo = work.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut targets = vec!["/dev/zero".to_string(), "/dev/null".to_string()];
    if made.is_ok_and(|s| s.success()) {
        targets.push("fifo".to_string());
    } else {
        skipped("write_refuses_non_regular_files (fifo)", "mkfifo failed");
    }
    for target in &targets {
        let out = run(work.path(), &["-w", target], None, None);
        assert_eq!(out.status.code(), Some(2), "{target}");
        assert!(
            stderr(&out).contains("is not a regular file"),
            "{target}: {}",
            stderr(&out)
        );
    }
}

/// `-o /dev/null` and `--rules-out /dev/null` write into the device; they
/// never rename a regular file over it (as root that replaced /dev/null
/// itself). Tried on a null device made in a temporary directory (needs
/// root for mknod: skipped otherwise).
#[test]
fn an_output_that_is_a_device_is_written_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    fs::write(dir.join("a.txt"), read(SPUN)).unwrap();
    let made = Command::new("mknod")
        .args(["-m", "666", "null", "c", "1", "3"])
        .current_dir(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        skipped(
            "an_output_that_is_a_device_is_written_not_replaced",
            "mknod failed (not root)",
        );
        return;
    }
    for args in [
        &["-q", "-o", "null", "a.txt"][..],
        &["-q", "--rules-out", "null", "a.txt"],
        &["-q", "--diff", "-o", "null", "a.txt"],
        &["learn", "-o", "null", "a.txt"],
    ] {
        let out = run(dir, args, None, None);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            stderr(&out)
        );
        let kind = fs::symlink_metadata(dir.join("null")).unwrap().file_type();
        assert!(kind.is_char_device(), "{args:?} replaced the device");
        assert!(leftovers(dir).is_empty());
    }
}
