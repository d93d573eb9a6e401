//! `textmend dict`: compile a word list or a thesaurus, or say what
//! textmend knows about words.

use std::io::{self, Write};

use crate::args::{DictAction, Global};
use crate::term::Messages;
use crate::{config, Exit};

/// Runs `textmend dict`.
pub fn run(action: &DictAction, global: &Global, messages: &Messages) -> Exit {
    match action {
        DictAction::Build {
            words,
            output,
            thesaurus,
        } => {
            let built = if *thesaurus {
                config::build_thesaurus(words, output).map(|()| "a thesaurus compiled".to_string())
            } else {
                config::build_dictionary(words, output)
                    .map(|n| format!("{} compiled", crate::term::count(n, "word")))
            };
            match built {
                Ok(what) => {
                    messages.notice(format_args!("{}: {what}", output.display()));
                    Exit::Success
                }
                Err(message) => {
                    messages.error(message);
                    Exit::Error
                }
            }
        }
        DictAction::Lookup { words } => {
            let mender = match config::build_mender(global, None, false) {
                Ok(mender) => mender,
                Err(message) => {
                    messages.error(message);
                    return Exit::Error;
                }
            };
            let mut out = io::stdout().lock();
            for word in words {
                let line = config::describe(word, &mender.word_info(word));
                if let Err(e) = writeln!(out, "{line}") {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return Exit::Success;
                    }
                    messages.error(format_args!("cannot write output: {e}"));
                    return Exit::Error;
                }
            }
            Exit::Success
        }
    }
}
