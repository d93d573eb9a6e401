//! Per-stage benchmarks on the fixtures (divan): tokenize, lexicon lookup
//! (detect), explain, misreadings, learn, rewrite, the whole repair, and the
//! fixed cost of one short document (`mend_one_sentence`). Run with
//! `cargo bench --bench stages`; CI only checks that they compile.

use std::sync::OnceLock;

use textmend::{bench as stages, Mender, RuleSet};

fn main() {
    divan::main();
}

fn mender() -> &'static Mender {
    static MENDER: OnceLock<Mender> = OnceLock::new();
    MENDER.get_or_init(|| Mender::new().unwrap())
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// About 100 KB: the spun seed 003 and the clean Austen fixtures.
fn texts() -> &'static [(&'static str, String); 2] {
    static TEXTS: OnceLock<[(&str, String); 2]> = OnceLock::new();
    TEXTS.get_or_init(|| {
        [
            (
                "spun",
                fixture("spinner/003_c01601a3d6194ed1.in.txt").repeat(10),
            ),
            (
                "clean",
                fixture("clean/pride_prejudice.txt") + &fixture("clean/persuasion.txt"),
            ),
        ]
    })
}

fn text(name: &str) -> &'static str {
    &texts().iter().find(|(n, _)| *n == name).unwrap().1
}

const INPUTS: [&str; 2] = ["spun", "clean"];

#[divan::bench(args = INPUTS)]
fn tokenize(bencher: divan::Bencher, input: &str) {
    let text = text(input);
    bencher
        .counter(divan::counter::BytesCount::of_str(text))
        .bench(|| stages::tokens(divan::black_box(text)));
}

#[divan::bench(args = INPUTS)]
fn detect(bencher: divan::Bencher, input: &str) {
    let text = text(input);
    bencher
        .counter(divan::counter::BytesCount::of_str(text))
        .bench(|| stages::suspects(mender(), divan::black_box(text)));
}

#[divan::bench(args = INPUTS)]
fn explain(bencher: divan::Bencher, input: &str) {
    let text = text(input);
    bencher.bench(|| stages::explanations(mender(), divan::black_box(text)));
}

#[divan::bench(args = INPUTS)]
fn misreadings(bencher: divan::Bencher, input: &str) {
    let text = text(input);
    bencher.bench(|| stages::misreadings(mender(), divan::black_box(text)));
}

#[divan::bench(args = INPUTS)]
fn learn(bencher: divan::Bencher, input: &str) {
    let text = text(input);
    bencher.bench(|| stages::learn(mender(), divan::black_box(text)));
}

#[divan::bench(args = INPUTS)]
fn rewrite(bencher: divan::Bencher, input: &str) {
    let text = text(input);
    let rules: RuleSet = stages::learn(mender(), text);
    bencher.bench(|| stages::rewrite(mender(), divan::black_box(text), &rules));
}

#[divan::bench(args = INPUTS)]
fn mend(bencher: divan::Bencher, input: &str) {
    let text = text(input);
    bencher
        .counter(divan::counter::BytesCount::of_str(text))
        .bench(|| mender().mend(divan::black_box(text)).edits().len());
}

/// The fixed cost of one document: mending a one-sentence clean text (what
/// every record of a JSONL corpus pays before its words are looked at).
#[divan::bench]
fn mend_one_sentence(bencher: divan::Bencher) {
    let text = "The committee will meet again on Thursday to discuss the proposal in detail.\n";
    bencher
        .counter(divan::counter::BytesCount::of_str(text))
        .bench(|| mender().mend(divan::black_box(text)).edits().len());
}
