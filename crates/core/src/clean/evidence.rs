//! What one line shows on its own: a short line made only of furniture
//! vocabulary ("Share Article", "Leave a Reply", "Ad Feedback"), a link to
//! another page ("Read more: …"), a price, a copyright or photo credit, a
//! prompt to follow a social account, a form field, a label printed twice.
//! Takes a [`Line`], gives a [`Finding`] or nothing; the context rules
//! ([`super::context`]) decide what the findings add up to.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;

use super::lines::{first_letter_upper, has_letter, is_number, is_sentence_end, letters, Line};
use super::vocab::{
    Vocab, Vocabulary, AGENCIES, CREDIT_LEADS, FORMAL_ADDRESS, LEADS, NOT_ACCOUNTS, RIGHTS,
};

/// Evidence a line gives on its own.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Finding {
    /// Why, for the report.
    pub(super) why: String,
    /// The vocabulary the line is made of, if that is the evidence.
    pub(super) vocab: Option<Vocab>,
    /// Whether the line is made only of that vocabulary (a heading of a
    /// related list is one, "Other Topics of Interest").
    pub(super) covered: bool,
    /// Evidence that clean documents also show (a one-word "Print" in a
    /// manual, a copyright line in a licence): it counts only next to
    /// stronger evidence.
    pub(super) weak: bool,
}

impl Finding {
    fn strong(why: String) -> Finding {
        Finding {
            why,
            vocab: None,
            covered: false,
            weak: false,
        }
    }

    fn weak(why: &str) -> Finding {
        Finding {
            why: why.to_string(),
            vocab: None,
            covered: false,
            weak: true,
        }
    }
}

/// A short line made only of furniture vocabulary has at most this many
/// words; so does a line with two anchors of one vocabulary, at most
/// [`TWO_ANCHORS_MAX_WORDS`].
const COVERED_MAX_WORDS: usize = 8;
const TWO_ANCHORS_MAX_WORDS: usize = 15;

/// A line holding a link to another page has at most this many words.
const LEAD_MAX_WORDS: usize = 30;

/// Credits, arrows and labels printed twice have at most this many words.
const CREDIT_MAX_WORDS: usize = 12;

/// A copyright line that is not prose has at most this many words.
const COPYRIGHT_MAX_WORDS: usize = 25;

fn price_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"^(?:[A-Z]{1,3})?[$€£¥]\s?\d[\d.,]*(?:\s?(?:/|per|a|pro|par)\s?\w+)?$|^\d[\d.,]*\s?(?:€|EUR|USD|\$|£)(?:\s?(?:/|per|pro|par)\s?\w+)?$",
        )
        .expect("a valid pattern")
    })
}

fn copyright_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})").expect("a valid pattern")
    })
}

/// Whether a token is a price ("AU$10", "9,99 €").
pub(super) fn is_price(token: &str) -> bool {
    price_pattern().is_match(token)
}

/// The line's own evidence, if any: the first rule that finds some.
pub(super) fn finding(line: &Line, vocab: &Vocabulary) -> Option<Finding> {
    if line.blank {
        return None;
    }
    social(line, vocab)
        .or_else(|| form_field(line))
        .or_else(|| price(line))
        .or_else(|| credit(line))
        .or_else(|| lead(line))
        .or_else(|| arrow(line))
        .or_else(|| twice(line))
        .or_else(|| vocabulary(line, vocab))
}

/// "Follow us on Telegram", "Follow our coverage on @account".
fn social(line: &Line, vocab: &Vocabulary) -> Option<Finding> {
    if line.words.is_empty() || line.words.len() > TWO_ANCHORS_MAX_WORDS {
        return None;
    }
    // A byline with the author's account stays ("By Jane Doe Follow @jd").
    if line
        .words
        .iter()
        .take(3)
        .any(|w| matches!(w.as_str(), "by" | "von" | "par" | "por"))
    {
        return None;
    }
    let handle = line
        .tokens
        .iter()
        .any(|t| t.starts_with('@') && t.chars().count() > 2);
    let platform = line
        .words
        .iter()
        .any(|w| vocab.is_platform(w) && !NOT_ACCOUNTS.contains(&w.as_str()));
    ((handle || platform) && line.words.iter().any(|w| vocab.is_share_verb(w))).then(|| Finding {
        why: "a prompt to follow a social account".to_string(),
        vocab: Some(Vocab::Share),
        covered: false,
        weak: false,
    })
}

/// "Name *", "Correo electrónico (*):".
fn form_field(line: &Line) -> Option<Finding> {
    let text = line.text;
    let marked = text.ends_with(" *")
        || text.ends_with("(*)")
        || text.ends_with("(*):")
        || text.ends_with("*:");
    (matches!(line.words.len(), 1..=4)
        && text.starts_with(char::is_alphabetic)
        && first_letter_upper(text)
        && marked)
        .then(|| Finding::weak("a form field"))
}

/// "AU$10" alone on a line.
fn price(line: &Line) -> Option<Finding> {
    is_price(line.text).then(|| Finding::weak("a price on a line of its own"))
}

/// Copyright lines, photo credits and agency credits.
fn credit(line: &Line) -> Option<Finding> {
    let text = line.text;
    let low = text.to_lowercase();
    let n = line.words.len();
    if n == 0 {
        return None;
    }
    // A paragraph that ends with its agency's credit ("… gehalten. © AFP")
    // is body; the credit is no line of its own.
    let before_sign = text.split('©').next().unwrap_or_default().trim_end();
    let credited_paragraph = text.contains('©')
        && before_sign.split_whitespace().count() >= 8
        && is_sentence_end(before_sign);
    if !credited_paragraph
        && (text.contains('©')
            || copyright_pattern().is_match(&low)
            || RIGHTS.iter().any(|r| low.contains(r)))
        && (low.starts_with(['©'])
            || low.starts_with("(c)")
            || low.starts_with("copyright")
            || (!line.prose && n <= COPYRIGHT_MAX_WORDS))
    {
        return Some(Finding::weak("a copyright line"));
    }
    if n > CREDIT_MAX_WORDS {
        return None;
    }
    let inner = low
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .map_or(low.as_str(), str::trim);
    for lead in CREDIT_LEADS {
        if let Some(rest) = inner.strip_prefix(lead) {
            let rest = rest.trim_start();
            if rest.starts_with(':')
                || rest.starts_with("by ")
                || rest.starts_with("von ")
                || rest.starts_with("de ")
            {
                return Some(Finding::strong(format!(
                    "a photo credit on a line of its own (\"{}\")",
                    lead
                )));
            }
        }
    }
    let byline = ["by ", "von ", "par ", "por "]
        .iter()
        .any(|b| low.starts_with(b));
    if !line.terminal && n <= 6 && !byline {
        // Credits join names with slashes ("Jane Doe/Getty Images").
        let joined = format!(
            " {} ",
            low.replace(['/', '|'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        let agency = AGENCIES.iter().any(|a| joined.contains(&format!(" {a} ")));
        if agency && (text.contains(['/', '|']) || n <= 2 || joined.contains(" getty images ")) {
            return Some(Finding::weak("an agency credit on a line of its own"));
        }
    }
    None
}

/// "Read more: …", "[Read: …]", "ADD TO CART: …".
fn lead(line: &Line) -> Option<Finding> {
    if line.words.len() > LEAD_MAX_WORDS {
        return None;
    }
    let low = line.text.trim_start_matches(['[', '(']).to_lowercase();
    for (lead, what) in LEADS {
        if let Some(rest) = low.strip_prefix(lead) {
            let rest = rest.trim_start();
            if rest.starts_with([':', '»', '›', '|']) && has_letter(rest) {
                let article = what.contains("article");
                return Some(Finding {
                    why: format!("{what} (\"{lead}:\")"),
                    vocab: article.then_some(Vocab::Related),
                    covered: false,
                    weak: false,
                });
            }
        }
    }
    None
}

/// "« Previous post", "Next post »".
fn arrow(line: &Line) -> Option<Finding> {
    let text = line.text;
    let n = line.words.len();
    if n == 0 || n > CREDIT_MAX_WORDS || letters(text) < 3 {
        return None;
    }
    let back = text.starts_with(['«', '‹', '←']) && !text.contains(['»', '›']);
    let forward = text.ends_with(['»', '›', '→']) && !text.contains(['«', '‹']);
    (back || forward).then(|| Finding::weak("a link to the previous or next page"))
}

/// "JTI zertifiziert JTI zertifiziert", "SubscribeSubscribe": a label and
/// its copy (an image's text and its title, scraped together).
fn twice(line: &Line) -> Option<Finding> {
    let t = &line.tokens;
    let n = t.len();
    let spaced = (4..=CREDIT_MAX_WORDS).contains(&n)
        && n % 2 == 0
        && t[..n / 2] == t[n / 2..]
        && t.iter().map(|x| letters(x)).sum::<usize>() >= 6;
    let joined = n == 1 && {
        let w = t[0];
        let half = w.len() / 2;
        w.len() >= 6
            && w.len() % 2 == 0
            && w.is_char_boundary(half)
            && w[..half] == w[half..]
            && letters(w) >= 6
    };
    (spaced || joined).then(|| Finding::strong("a label printed twice".to_string()))
}

/// Anchors of each vocabulary in a line: the phrases, then the words.
fn anchors(line: &Line, vocab: &Vocabulary) -> Vec<(Vocab, String)> {
    let mut found: Vec<(Vocab, String)> = vocab.phrases_in(&line.words).collect();
    for w in &line.words {
        if let Some(v) = vocab.anchor(w) {
            found.push((v, w.clone()));
        }
    }
    found
}

/// A short line of furniture vocabulary: two anchors of one vocabulary in
/// a line that is no sentence, or a line whose every word is furniture
/// vocabulary, a function word or a number, with an anchor among them.
fn vocabulary(line: &Line, vocab: &Vocabulary) -> Option<Finding> {
    let text = line.text;
    // A line that goes on (",") is part of a sentence; buttons and labels
    // start with a capital, identifiers in manuals ("print", "--copy") do not.
    if text.ends_with([',', ';']) || !first_letter_upper(text) {
        return None;
    }
    if line.letter_words == 1 && !text.starts_with(char::is_alphabetic) {
        return None;
    }
    let n = line.words.len();
    // One word alone ("Print", "Share") is also an identifier or a heading
    // in clean text; with a count ("3 Kommentare") it is a label.
    let weak = n == 1;
    if !line.prose && n <= TWO_ANCHORS_MAX_WORDS {
        let found = anchors(line, vocab);
        let distinct: BTreeSet<(Vocab, String)> = found.into_iter().collect();
        let mut by_vocab: Vec<(Vocab, Vec<&str>)> = Vec::new();
        for (v, a) in &distinct {
            match by_vocab.iter_mut().find(|(x, _)| x == v) {
                Some((_, list)) => list.push(a),
                None => by_vocab.push((*v, vec![a])),
            }
        }
        for (v, list) in by_vocab {
            if list.len() >= 2 && !matches!(v, Vocab::Related | Vocab::Action) {
                return Some(Finding {
                    why: format!(
                        "{} vocabulary ({}), not a sentence",
                        v.name(),
                        list.join(", ")
                    ),
                    vocab: Some(v),
                    covered: false,
                    weak,
                });
            }
        }
    }
    let v = covered(line, vocab)?;
    // A related-articles heading with a colon introduces what follows; the
    // list rule decides whether it goes.
    if v == Vocab::Related && line.colon {
        return None;
    }
    Some(Finding {
        why: format!(
            "{} vocabulary only (\"{}\"), a short line",
            v.name(),
            line.key
        ),
        vocab: Some(v),
        covered: true,
        weak,
    })
}

/// The vocabulary a short line is made of: every word furniture
/// vocabulary, a function word or a number, with at least one anchor.
pub(super) fn covered(line: &Line, vocab: &Vocabulary) -> Option<Vocab> {
    let n = line.words.len();
    if n == 0 || n > COVERED_MAX_WORDS {
        return None;
    }
    let mut first: Option<Vocab> = vocab.phrases_in(&line.words).map(|(v, _)| v).next();
    if first.is_none() && (vocab.has_related_phrase(&line.words) || vocab.is_more_news(&line.words))
    {
        first = Some(Vocab::Related);
    }
    if first.is_none() {
        first = line.words.iter().find_map(|w| {
            vocab
                .anchor(w)
                .or_else(|| vocab.is_platform_run(w).then_some(Vocab::Share))
        });
    }
    let v = first?;
    let all_covered = line.words.iter().all(|w| {
        vocab.is_function(w)
            || vocab.is_furniture_word(w)
            || is_number(w)
            || vocab.is_platform_run(w)
            || !has_letter(w)
    });
    all_covered.then_some(v)
}

/// Whether a line reads as a menu entry's vocabulary: navigation or
/// furniture words only, with at least one navigation word or anchor.
pub(super) fn is_nav(line: &Line, vocab: &Vocabulary) -> bool {
    line.words
        .iter()
        .any(|w| vocab.is_nav(w) || vocab.anchor(w).is_some())
        && line.words.iter().all(|w| {
            vocab.is_nav(w)
                || vocab.anchor(w).is_some()
                || vocab.is_helper(w)
                || vocab.is_function(w)
                || !has_letter(w)
        })
}

/// The kinds of hint that a line of prose is furniture talking to the
/// reader (a subscription blurb, a newsletter prompt): it addresses the
/// reader, opens with a call to action, holds furniture vocabulary (two
/// anchors or a phrase), or a price.
pub(super) fn hints(line: &Line, vocab: &Vocabulary) -> usize {
    let address = line.words.iter().any(|w| vocab.is_address(w))
        || line.tokens.iter().skip(1).any(|t| {
            let t = t.trim_matches(['.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '„']);
            FORMAL_ADDRESS.contains(&t)
        });
    let imperative = line.words.first().is_some_and(|w| vocab.is_imperative(w));
    let found = anchors(line, vocab);
    let distinct: BTreeSet<&str> = found.iter().map(|(_, a)| a.as_str()).collect();
    let vocabulary = distinct.len() >= 2 || found.iter().any(|(_, a)| a.contains(' '));
    let price = line.tokens.iter().any(|t| is_price(t));
    [address, imperative, vocabulary, price]
        .iter()
        .filter(|&&h| h)
        .count()
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    fn find(text: &str) -> Option<Finding> {
        let vocab = Vocabulary::new();
        let line = lines(text, &vocab).remove(0);
        finding(&line, &vocab)
    }

    fn why(text: &str) -> String {
        find(text).map(|f| f.why).unwrap_or_default()
    }

    #[test]
    fn buttons_and_labels_made_of_furniture_vocabulary() {
        for (text, vocab) in [
            ("Share this article", "article-action"),
            ("Share on Facebook", "share"),
            ("Leave a comment", "comment"),
            ("What do you think? Let us know below.", "comment"),
            ("Sponsored content", "advertising"),
            ("Subscribe now", "subscription"),
            ("Log in to your account", "login"),
            ("Privacy policy", "legal"),
            ("Weitere Nachrichten", "related-article"),
            ("Autres actualités", "related-article"),
            ("3 Min. Lesezeit", "reading-time"),
            ("Cite this story", "article-action"),
            ("FacebookTwitterWhatsapp", "share"),
        ] {
            let found = find(text).unwrap_or_else(|| panic!("{text}: no finding"));
            assert_eq!(found.vocab.map(Vocab::name), Some(vocab), "{text}");
        }
    }

    #[test]
    fn headlines_sentences_and_identifiers_are_no_furniture() {
        for text in [
            "About This Site",
            "Share prices fell sharply on Monday",
            "The newspaper asked readers to share their photos of the storm.",
            "print",
            "--copy",
            "Imprimir sus fotos,",
            "Overcoming nerves",
            "A lire aussi :",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn links_credits_prices_and_prompts() {
        assert!(why("Read more: Inside the storm that changed a city").contains("another article"));
        assert!(why("ADD TO CART: A board game for four").contains("shop link"));
        assert!(why("(Foto: Jane Doe/dpa)").contains("photo credit"));
        assert!(why("Photograph by Jane Doe").contains("photo credit"));
        assert!(why("Jane Doe/Getty Images").contains("agency credit"));
        assert!(why("© 2023 Example Media. All rights reserved.").contains("copyright"));
        assert!(why("AU$10").contains("price"));
        assert!(why("Follow our coverage on @example_news.").contains("social account"));
        assert!(why("JOIN US ON TELEGRAM").contains("social account"));
        assert!(why("Badge Text Badge Text").contains("printed twice"));
        assert!(why("« Older posts").contains("previous or next"));
        assert!(why("E-Mail *").contains("form field"));
        // Bylines with an account, and prose with a © stay.
        assert_eq!(find("-- By Jane Doe Follow @janedoe"), None);
        assert_eq!(
            find("The agency said the photos were taken at night and published without permission. © AFP"),
            None
        );
    }

    #[test]
    fn weak_findings_are_marked() {
        assert!(find("AU$10").unwrap().weak);
        assert!(find("Print").unwrap().weak);
        assert!(!find("Share this article").unwrap().weak);
    }

    #[test]
    fn hints_count_kinds_of_reader_address() {
        let vocab = Vocabulary::new();
        let count = |text: &str| hints(&lines(text, &vocab)[0], &vocab);
        assert_eq!(
            count("Choose the plan that best fits your needs and sign up today."),
            3
        );
        assert_eq!(count("Die Regierung sagte, sie werde prüfen."), 0);
        assert_eq!(count("Bei uns erfahren Sie mehr."), 1);
    }
}
