use super::*;
use crate::formats::stats::occurs_outside;
use crate::stages::tokenize::Case;

#[test]
fn a_swap_seen_in_capitals_is_checked_in_capitals() {
    // A spinner that swapped German `Zeit` left the lowercase `zeit` of
    // `Laufzeit` alone.
    let text = "Der Dauerpunkt und die Laufzeit";
    assert!(occurs_outside(text, "zeit", "dauer", &[]));
    let title = |word: &str| with_case(word, Case::Title);
    assert!(!occurs_outside(text, &title("zeit"), &title("dauer"), &[]));
    assert!(occurs_outside("Die Zeit", &title("zeit"), "Dauer", &[]));
}

#[test]
fn confidence_rises_with_support() {
    assert!(confidence(1, RuleKind::WordSwap) < confidence(2, RuleKind::WordSwap));
    assert!(confidence(2, RuleKind::Substring) < confidence(2, RuleKind::WordSwap));
    assert!(confidence(2, RuleKind::WordSwap) < confidence(2, RuleKind::Synonym));
    assert!(confidence(1000, RuleKind::Synonym) <= 1.0);
}
