//! `--rules-out`: the rules each input was repaired with, written as the
//! run goes, kept apart from the reports so that any report can have them.

use std::io::{self, Write};
use std::path::Path;

use textmend::RuleSet;

use crate::atomic::AtomicFile;

/// `--rules-out`: each input's rules under a comment naming it, to a file
/// written atomically at the end, or to standard error for `-`.
pub(super) struct RulesOut {
    file: Option<AtomicFile>,
}

impl RulesOut {
    pub(super) fn new(path: &Path) -> io::Result<RulesOut> {
        Ok(RulesOut {
            file: if path == Path::new("-") {
                None
            } else {
                Some(AtomicFile::create(path)?)
            },
        })
    }

    pub(super) fn table(&mut self, name: &str, rules: &RuleSet) -> io::Result<()> {
        let table = format!("# learned from {name}\n{}", rules.to_tsv());
        match &mut self.file {
            Some(file) => file.write_all(table.as_bytes()),
            None => {
                let _ = io::stderr().write_all(table.as_bytes());
                Ok(())
            }
        }
    }

    pub(super) fn commit(self) -> io::Result<()> {
        match self.file {
            Some(file) => file.commit(),
            None => Ok(()),
        }
    }
}
