//! Mojibake measured on ftfy's own test suite
//! (`fixtures/mojibake/ftfy_test_cases.json`, from ftfy 6.3.1; see the
//! README there): 112 damaged cases whose `fixed-encoding` (or, when it is
//! missing, `fixed`) differs from the `original`, and 49 that must come out
//! unchanged. ftfy's own `fix_encoding` fixes 103 of the 112 exactly and
//! changes 1 of the 49: those counts are the floor.

use textmend::Mender;

/// One case of the suite: the input and what it must come out as.
struct Case {
    label: String,
    original: String,
    target: String,
    /// What ftfy's whole `fix_text` gives, which also expands ligatures
    /// as textmend's later stages do.
    fixed: String,
}

fn cases() -> Vec<Case> {
    let json = crate::read("mojibake/ftfy_test_cases.json");
    let cases: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    cases
        .iter()
        .map(|case| {
            let field = |name: &str| case.get(name).and_then(|v| v.as_str());
            Case {
                label: field("label").unwrap().to_string(),
                original: field("original").unwrap().to_string(),
                target: field("fixed-encoding")
                    .or(field("fixed"))
                    .unwrap()
                    .to_string(),
                fixed: field("fixed").unwrap().to_string(),
            }
        })
        .collect()
}

/// Exact fixes of the damaged cases, changed clean cases, and the misses.
struct Score {
    damaged: usize,
    fixed: usize,
    /// Damaged cases missed whose output is ftfy's `fixed` target instead.
    fixed_text: usize,
    clean: usize,
    changed: usize,
    misses: Vec<String>,
}

fn score(mend: impl Fn(&str) -> String) -> Score {
    let mut score = Score {
        damaged: 0,
        fixed: 0,
        fixed_text: 0,
        clean: 0,
        changed: 0,
        misses: Vec::new(),
    };
    for case in cases() {
        let out = mend(&case.original);
        if case.original == case.target {
            score.clean += 1;
            if out != case.original {
                score.changed += 1;
                score.misses.push(format!(
                    "changed {}: {:?} -> {out:?}",
                    case.label, case.original
                ));
            }
        } else {
            score.damaged += 1;
            if out == case.target {
                score.fixed += 1;
            } else {
                score.fixed_text += usize::from(out == case.fixed);
                score.misses.push(format!(
                    "missed {}: {:?} -> {out:?}, want {:?}",
                    case.label, case.original, case.target
                ));
            }
        }
    }
    score
}

#[test]
fn ftfy_suite_is_fixed_at_least_as_well_as_ftfy_does() {
    let mender = Mender::new().unwrap();
    let score = score(|text| mender.mend(text).text().to_string());
    for miss in &score.misses {
        println!("{miss}");
    }
    println!(
        "ftfy suite: {} of {} damaged cases fixed exactly ({} more come out as ftfy's \
         fix_text target: a ligature expanded), {} of {} clean cases changed",
        score.fixed, score.damaged, score.fixed_text, score.changed, score.clean
    );
    assert_eq!((score.damaged, score.clean), (112, 49));
    // ftfy 6.3.1's own fix_encoding: 103 fixed, 1 changed.
    assert!(score.fixed >= 103, "{} fixed", score.fixed);
    assert!(score.changed <= 1, "{} changed", score.changed);
}
