use super::*;

fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn platforms_run_together_are_found() {
    let v = Vocabulary::new();
    assert!(v.is_platform_run("facebooktwitterflipboardwhatsapp"));
    assert!(v.is_platform_run("facebooktwittermail"));
    assert!(!v.is_platform_run("facebook"));
    assert!(!v.is_platform_run("facebookish"));
}

#[test]
fn phrases_match_whole_words_in_order() {
    let v = Vocabulary::new();
    let found: Vec<_> = v
        .phrases_in(&owned(&["please", "sign", "up", "today"]))
        .collect();
    assert_eq!(found, vec![(Vocab::Subscribe, "sign up".to_string())]);
    assert_eq!(v.phrases_in(&owned(&["up", "sign"])).count(), 0);
}

#[test]
fn more_and_news_make_a_related_heading() {
    let v = Vocabulary::new();
    assert!(v.is_more_news(&owned(&["mehr", "aktuelle", "news"])));
    assert!(v.is_more_news(&owned(&["other", "topics", "of", "interest"])));
    assert!(!v.is_more_news(&owned(&["more", "rain"])));
}
