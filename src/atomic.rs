//! Writing files without ever leaving half of one: the new contents go to a
//! temporary file in the target's directory, which is flushed to disk and
//! renamed over the target, so a reader (or a crash, a full disk, a kill)
//! sees the old file or the new one. An interrupted run (Ctrl-C, SIGTERM)
//! removes its temporary files before it exits.
//!
//! In-place writes (`-w`) keep the file's permissions, owner and group. A
//! rename gives the name a new inode, so other hard links to the file keep
//! the old contents; `-w` says so when it happens.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written, removed if the process is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes the pending temporary files and exits with 130 on Ctrl-C or
/// SIGTERM. Installed once, at start-up.
pub fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock() {
            for path in pending.iter() {
                let _ = fs::remove_file(path);
            }
        }
        std::process::exit(130);
    });
}

fn register(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(path.to_path_buf());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != path);
    }
}

/// What a replaced file keeps of the one it replaces.
#[derive(Clone, Debug)]
struct Keep {
    permissions: fs::Permissions,
    #[cfg(unix)]
    owner: (u32, u32),
}

/// A file being written next to its target, renamed over it on
/// [`AtomicFile::commit`] and removed if dropped uncommitted.
pub struct AtomicFile {
    target: PathBuf,
    /// An existing target that is no regular file (`-o /dev/null`, a FIFO):
    /// written directly, never replaced by a rename.
    direct: Option<BufWriter<File>>,
    temp: Option<BufWriter<tempfile::NamedTempFile>>,
    keep: Option<Keep>,
    /// The first write that failed (a full disk): the new contents are
    /// incomplete, so [`AtomicFile::commit`] keeps the old file.
    failed: Option<(io::ErrorKind, String)>,
}

impl AtomicFile {
    /// A new file for `target` (a report, a rules file, a compiled
    /// dictionary): created, or replaced keeping its permissions. A target
    /// that is a symbolic link is written through the link.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let target = match fs::canonicalize(target) {
            Ok(real) if fs::symlink_metadata(target)?.file_type().is_symlink() => real,
            _ => target.to_path_buf(),
        };
        let keep = match fs::metadata(&target) {
            Ok(m) if m.is_dir() => return Err(io::Error::other("is a directory")),
            Ok(m) if !m.is_file() => {
                let file = fs::OpenOptions::new().write(true).open(&target)?;
                return Ok(AtomicFile {
                    target,
                    direct: Some(BufWriter::with_capacity(1 << 16, file)),
                    temp: None,
                    keep: None,
                    failed: None,
                });
            }
            Ok(m) => Some(keep_of(&m)),
            Err(_) => None,
        };
        AtomicFile::open(target, keep)
    }

    /// A new version of the existing regular file `target` (`-w`). Symbolic
    /// links, read-only and non-regular files are refused: a user's decision
    /// not to have the file rewritten here.
    pub fn in_place(target: &Path) -> io::Result<AtomicFile> {
        let metadata = check_in_place(target)?;
        AtomicFile::open(target.to_path_buf(), Some(keep_of(&metadata)))
    }

    fn open(target: PathBuf, keep: Option<Keep>) -> io::Result<AtomicFile> {
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".textmend-").suffix(".tmp");
        // A new file gets the usual mode (0666 less the umask), not the
        // 0600 of a temporary file.
        #[cfg(unix)]
        if keep.is_none() {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(&dir)?;
        register(temp.path());
        Ok(AtomicFile {
            target,
            direct: None,
            temp: Some(BufWriter::with_capacity(1 << 16, temp)),
            keep,
            failed: None,
        })
    }

    /// Flushes the new contents to disk and renames them over the target;
    /// after a failed write, removes them and keeps the target as it was.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some((kind, message)) = self.failed.take() {
            // Dropping the temporary file removes it.
            if let Some(writer) = self.temp.take() {
                unregister(writer.get_ref().path());
            }
            return Err(io::Error::new(
                kind,
                format!("{message}; {} left as it was", self.target.display()),
            ));
        }
        if let Some(mut direct) = self.direct.take() {
            return direct.flush();
        }
        let Some(writer) = self.temp.take() else {
            return Ok(());
        };
        let temp = writer.into_inner().map_err(|e| e.into_error())?;
        let path = temp.path().to_path_buf();
        let result = finish(temp, &self.target, self.keep.as_ref());
        unregister(&path);
        result
    }
}

impl AtomicFile {
    /// Remembers the first failed write, which no later write undoes.
    fn note<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result {
            if self.failed.is_none() && e.kind() != io::ErrorKind::Interrupted {
                self.failed = Some((e.kind(), e.to_string()));
            }
        }
        result
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = match (&mut self.direct, &mut self.temp) {
            (Some(w), _) => w.write(buf),
            (None, Some(w)) => w.write(buf),
            (None, None) => Err(io::Error::other("file already committed")),
        };
        self.note(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = match (&mut self.direct, &mut self.temp) {
            (Some(w), _) => w.flush(),
            (None, Some(w)) => w.flush(),
            (None, None) => Ok(()),
        };
        self.note(result)
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Uncommitted: the temporary file goes (NamedTempFile removes it).
        if let Some(writer) = self.temp.take() {
            unregister(writer.get_ref().path());
        }
    }
}

fn finish(temp: tempfile::NamedTempFile, target: &Path, keep: Option<&Keep>) -> io::Result<()> {
    temp.as_file().sync_all()?;
    if let Some(keep) = keep {
        temp.as_file().set_permissions(keep.permissions.clone())?;
        #[cfg(unix)]
        {
            // Only root may give a file away; anyone may keep their own.
            let _ =
                std::os::unix::fs::fchown(temp.as_file(), Some(keep.owner.0), Some(keep.owner.1));
        }
    }
    temp.persist(target).map_err(|e| e.error)?;
    // Make the rename itself durable where the platform allows it.
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

fn keep_of(metadata: &fs::Metadata) -> Keep {
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt;
    Keep {
        permissions: metadata.permissions(),
        #[cfg(unix)]
        owner: (metadata.uid(), metadata.gid()),
    }
}

/// Whether `target` may be rewritten in place; its metadata if so.
pub fn check_in_place(target: &Path) -> io::Result<fs::Metadata> {
    let metadata = fs::symlink_metadata(target)?;
    if metadata.file_type().is_symlink() {
        return Err(io::Error::other(
            "is a symbolic link; not written (-w does not follow links)",
        ));
    }
    if !metadata.is_file() {
        return Err(io::Error::other(
            "is not a regular file; not written (-w rewrites regular files only)",
        ));
    }
    if metadata.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "is read-only; not written",
        ));
    }
    Ok(metadata)
}

/// Writes `contents` to `target` atomically.
pub fn write_file(target: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(target)?;
    file.write_all(contents)?;
    file.commit()
}

/// How many names the file at `path` has (hard links); 1 where unknown.
pub fn links(metadata: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        metadata.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        1
    }
}
