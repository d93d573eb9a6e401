//! Cleans standard input to standard output with a default [`Cleaner`]:
//! the furniture benchmark's command (`benches/furniture/score.py run`).
//!
//! ```sh
//! cargo run --release -p textmend --example clean < page.txt
//! cargo run --release -p textmend --example clean -- --blank-lines 1 --explain < page.txt
//! ```
//!
//! `--blank-lines N` shortens runs of blank lines to N (default 4; `keep`
//! keeps them); `--explain` writes every edit with its reason to standard
//! error.

use std::io::{self, Read, Write};

use textmend::Cleaner;

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut builder = Cleaner::builder();
    let mut explain = false;
    let mut k = 0;
    while k < args.len() {
        match args[k].as_str() {
            "--explain" => explain = true,
            "--blank-lines" => {
                k += 1;
                let value = args.get(k).map(String::as_str).unwrap_or_default();
                builder = builder.max_blank_lines(value.parse().ok());
            }
            other => {
                eprintln!("clean: unknown argument {other}");
                std::process::exit(2);
            }
        }
        k += 1;
    }
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    let cleaned = builder.build().clean(&text);
    if explain {
        let mut err = io::stderr().lock();
        for edit in cleaned.edits() {
            let line = text[..edit.span.start].matches('\n').count() + 1;
            let (rule, why) = &edit.rules[0];
            writeln!(
                err,
                "{line}\t{rule}: {why}\t{:?}",
                edit.before.lines().next().unwrap_or("")
            )?;
        }
    }
    io::stdout().write_all(cleaned.text().as_bytes())
}
