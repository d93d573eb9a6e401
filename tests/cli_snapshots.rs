//! Snapshot tests of the command line (trycmd, as typos does it): each
//! `tests/cmd/NAME.toml` runs `textmend` with its arguments and compares
//! exit status, standard output and standard error with what the file
//! holds. Adding a case is adding a file; after a deliberate change,
//! `TRYCMD=overwrite cargo test --release --test cli_snapshots` rewrites
//! the snapshots for review. Cases run in `tests/cmd/` or, with `fs.cwd`,
//! in the repository's root, so no absolute path appears; none prints a
//! time.

#[test]
fn cli_snapshots() {
    trycmd::TestCases::new()
        .register_bin(
            "textmend",
            std::path::Path::new(env!("CARGO_BIN_EXE_textmend")),
        )
        .case("tests/cmd/*.toml");
}
