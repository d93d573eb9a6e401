//! `textmend completions SHELL` and `textmend man`: generated from the
//! command-line definition itself, so they never fall out of step with it.

use std::io;

use crate::args::clap_command;
use crate::Exit;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Exit {
    let mut command = clap_command();
    clap_complete::generate(shell, &mut command, "textmend", &mut io::stdout());
    Exit::Success
}

/// Prints the manual page.
pub fn man() -> Exit {
    let page = clap_mangen::Man::new(clap_command());
    match page.render(&mut io::stdout()) {
        Ok(()) => Exit::Success,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Success,
        Err(_) => Exit::Error,
    }
}
