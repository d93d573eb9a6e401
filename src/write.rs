//! Writing files safely: the new contents go to a temporary file in the same
//! directory, which is flushed to disk and then renamed over the target, so
//! a reader (or a crash, a full disk, a kill) sees the old file or the new
//! one, never half of one. The target keeps its permissions.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Replaces the existing file `path` with `contents` (`-w`). Symbolic links
/// are refused rather than followed or replaced, and so are files without
/// write permission: both are a user's decision not to have the file
/// rewritten here.
pub fn write_in_place(path: &Path, contents: &[u8]) -> io::Result<()> {
    let metadata = fs::symlink_metadata(path)?;
    if metadata.file_type().is_symlink() {
        return Err(io::Error::other(
            "is a symbolic link; not written (-w does not follow links)",
        ));
    }
    if !metadata.is_file() {
        return Err(io::Error::other("is not a regular file; not written"));
    }
    if metadata.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "is read-only; not written",
        ));
    }
    replace(path, contents, Some(metadata.permissions()))
}

/// Writes `contents` to `path` atomically, creating it or replacing it
/// (report and rules files given with `-o`).
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    replace(path, contents, permissions)
}

fn replace(path: &Path, contents: &[u8], permissions: Option<fs::Permissions>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".textmend-").suffix(".tmp");
    // A new file gets the usual mode (0666 less the umask), not the 0600 of
    // a temporary file.
    #[cfg(unix)]
    if permissions.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}
