//! Which inputs a run reads, found the way ripgrep finds files: paths given
//! on the command line (or read from `--files-from`), directories searched
//! recursively skipping hidden files and what `.gitignore` and `.ignore`
//! exclude, `--glob` to choose; standard input for `-` or no path. Also the
//! check that no output file is one of the inputs.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;

use crate::args::Global;

/// One input to process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file (given, or found in a directory).
    File(PathBuf),
}

impl Input {
    /// How reports name it (`-` for standard input).
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// The file's path, if it is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::File(path) => Some(path),
        }
    }

    /// Opens it for reading.
    pub fn open(&self) -> io::Result<Box<dyn Read + Send>> {
        match self {
            Input::Stdin => Ok(Box::new(io::stdin())),
            Input::File(path) => {
                if path.is_dir() {
                    return Err(io::Error::other("is a directory"));
                }
                Ok(Box::new(fs::File::open(path)?))
            }
        }
    }

    /// Its size in bytes, when it is a regular file.
    pub fn len(&self) -> Option<u64> {
        let path = self.path()?;
        fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
    }
}

/// The inputs named by `paths` (and `--files-from`), in order, and a
/// message for each path that could not be used.
pub fn collect(paths: &[PathBuf], global: &Global) -> (Vec<Input>, Vec<String>) {
    let mut given: Vec<PathBuf> = paths.to_vec();
    let mut errors = Vec::new();
    if let Some(list) = &global.files_from {
        match read_list(list, global.null) {
            Ok(listed) => given.extend(listed),
            Err(e) => errors.push(format!("{}: {e}", list.display())),
        }
    }
    if given.is_empty() && global.files_from.is_none() {
        return (vec![Input::Stdin], errors);
    }
    let mut inputs = Vec::new();
    for path in given {
        if path == Path::new("-") {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            match walk(&path, global) {
                Ok(found) => inputs.extend(found.into_iter().map(Input::File)),
                Err(e) => errors.push(format!("{}: {e}", path.display())),
            }
        } else {
            // A missing or unreadable file is reported when it is opened,
            // in its place among the others.
            inputs.push(Input::File(path));
        }
    }
    (inputs, errors)
}

/// The paths listed in `list` (`-` for standard input), one per line or
/// NUL-separated; empty entries are skipped.
fn read_list(list: &Path, null: bool) -> io::Result<Vec<PathBuf>> {
    let mut bytes = Vec::new();
    if list == Path::new("-") {
        io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = fs::read(list)?;
    }
    let separator = if null { b'\0' } else { b'\n' };
    Ok(bytes
        .split(|&b| b == separator)
        .map(|entry| {
            if null {
                entry
            } else {
                entry.strip_suffix(b"\r").unwrap_or(entry)
            }
        })
        .filter(|entry| !entry.is_empty())
        .map(path_from_bytes)
        .collect())
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// The files under `dir`, sorted, as ripgrep would search them.
fn walk(dir: &Path, global: &Global) -> Result<Vec<PathBuf>, String> {
    let mut builder = WalkBuilder::new(dir);
    builder
        .hidden(!global.hidden)
        .ignore(!global.no_ignore)
        .git_ignore(!global.no_ignore)
        .git_global(!global.no_ignore)
        .git_exclude(!global.no_ignore)
        .parents(!global.no_ignore)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b));
    if !global.globs.is_empty() {
        let mut overrides = OverrideBuilder::new(dir);
        for glob in &global.globs {
            overrides
                .add(glob)
                .map_err(|e| format!("--glob {glob:?}: {e}"))?;
        }
        builder.overrides(overrides.build().map_err(|e| e.to_string())?);
    }
    let mut files = Vec::new();
    for entry in builder.build() {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().is_some_and(|t| t.is_file()) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// The device and inode of `path`, to tell whether two names are one file.
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        fs::canonicalize(path).ok().map(|p| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            p.hash(&mut h);
            (0, h.finish())
        })
    }
}

/// An error naming the first output that is also one of the inputs (by
/// device and inode, not by name), so that no input is overwritten before
/// it is read.
pub fn check_outputs(inputs: &[Input], outputs: &[(&str, &Path)]) -> Result<(), String> {
    let read: Vec<(u64, u64)> = inputs
        .iter()
        .filter_map(|i| i.path().and_then(identity))
        .collect();
    for (flag, path) in outputs {
        if *path == Path::new("-") {
            continue;
        }
        if let Some(id) = identity(path) {
            if read.contains(&id) {
                return Err(format!(
                    "{}: {flag} names one of the inputs; refusing to overwrite it",
                    path.display()
                ));
            }
        }
    }
    Ok(())
}
