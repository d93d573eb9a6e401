//! What the lines add up to in their context: weak evidence needs strong
//! evidence next to it; runs of short lines with navigation vocabulary are
//! menus; a related-articles heading takes its list of titles, times and
//! teasers along; lines that differ only in their numbers are a widget; the
//! stretch after the article's end and before its start goes when it is
//! mostly furniture; a paragraph printed twice keeps its first copy. Takes
//! the lines and their own findings, gives a [`Mark`] for each line to
//! remove. Every rule stops at running prose: an article's paragraphs are
//! never part of a cut.

use super::evidence::{covered, finding, hints, is_nav, Finding};
use super::lines::{letters, Line};
use super::vocab::{Vocab, Vocabulary};

/// Why a line is removed, and how the reason is shown.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Mark {
    pub(super) why: String,
    pub(super) kind: Kind,
}

/// The rule that marked a line.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    /// Its own evidence.
    Own(Finding),
    /// Seen in many documents of the same source.
    Repeated,
    Menu,
    Widget,
    Archive,
    ListHeading,
    ListItem,
    Head,
    Tail,
    Duplicate,
}

impl Mark {
    /// How much to trust the removal, for reviewers sorting by it.
    pub(super) fn confidence(&self) -> f64 {
        match &self.kind {
            Kind::Own(f) if f.weak => 0.9,
            Kind::Own(_) | Kind::Repeated | Kind::Duplicate => 0.95,
            Kind::Menu | Kind::Widget | Kind::Archive | Kind::ListHeading => 0.9,
            Kind::ListItem => 0.85,
            Kind::Head | Kind::Tail => 0.8,
        }
    }

    fn own_vocab(&self) -> Option<Vocab> {
        match &self.kind {
            Kind::Own(f) => f.vocab,
            _ => None,
        }
    }
}

/// A menu has at least this many short lines, two of them with navigation
/// vocabulary, and a third of them unless it stands outside the article
/// core with at least [`MENU_OUTSIDE_MIN_LINES`].
const MENU_MIN_LINES: usize = 4;
const MENU_OUTSIDE_MIN_LINES: usize = 6;
/// A menu entry has at most this many words.
const MENU_ITEM_MAX_WORDS: usize = 4;
/// A widget is at least this many adjacent lines that differ only in their
/// numbers ("Rate it 1 star", "Rate it 2 stars", …).
const WIDGET_MIN_LINES: usize = 3;
/// An archive is at least this many date lines in a row ("May 2014", …).
const ARCHIVE_MIN_LINES: usize = 5;
/// A related-list title has this many words; a teaser at most
/// [`TEASER_MAX_WORDS`].
const TITLE_WORDS: std::ops::RangeInclusive<usize> = 5..=20;
const TEASER_MAX_WORDS: usize = 60;
/// A paragraph of this many words without hints ends any cut.
const LONG_PARAGRAPH_WORDS: usize = 40;
/// A cut from the end or the start takes at most this many plain
/// paragraphs (a publisher's blurbs after "License this article").
const CUT_MAX_PLAIN: usize = 2;
/// A cut holds at least this many lines with evidence.
const CUT_MIN_EVIDENCE: usize = 3;
/// A printed-twice paragraph has at least this many words, and its first
/// copy is at most [`DUPLICATE_MAX_DISTANCE`] non-blank lines before.
const DUPLICATE_MIN_WORDS: usize = 6;
const DUPLICATE_MAX_DISTANCE: usize = 3;

/// Marks every line to remove. `repeated[i]` says that line `i` was seen in
/// many documents of the same source (and how, for the reason).
pub(super) fn marks(
    lines: &[Line],
    vocab: &Vocabulary,
    repeated: &[Option<String>],
) -> Vec<Option<Mark>> {
    let n = lines.len();
    let nonblank: Vec<usize> = (0..n).filter(|&i| !lines[i].blank).collect();
    let mut marks: Vec<Option<Mark>> = vec![None; n];
    for &i in &nonblank {
        marks[i] = match repeated.get(i).cloned().flatten() {
            Some(why) => Some(Mark {
                why,
                kind: Kind::Repeated,
            }),
            None => finding(&lines[i], vocab).map(|f| Mark {
                why: f.why.clone(),
                kind: Kind::Own(f),
            }),
        };
    }
    let unsupported = support(&nonblank, &mut marks);
    widgets(lines, &nonblank, &mut marks);
    archives(lines, &nonblank, &mut marks);
    let core = core(lines, &nonblank, &marks);
    menus(lines, vocab, &nonblank, &mut marks, core);
    related_lists(lines, vocab, &nonblank, &mut marks);
    let weights: Vec<i32> = (0..n)
        .map(|i| weight(&lines[i], vocab, &marks[i], unsupported[i]))
        .collect();
    comments(lines, &nonblank, &mut marks, core);
    tail(lines, vocab, &nonblank, &mut marks, &weights);
    head(lines, &nonblank, &mut marks, &weights);
    duplicates(lines, &nonblank, &mut marks);
    marks
}

fn is_weak(mark: &Option<Mark>) -> bool {
    matches!(mark, Some(Mark { kind: Kind::Own(f), .. }) if f.weak)
}

/// Drops weak findings without a strong finding within two lines; says
/// for each line whether it lost one.
fn support(nonblank: &[usize], marks: &mut [Option<Mark>]) -> Vec<bool> {
    let weak: Vec<bool> = nonblank.iter().map(|&i| is_weak(&marks[i])).collect();
    let mut unsupported = vec![false; marks.len()];
    for (pos, &i) in nonblank.iter().enumerate() {
        if !weak[pos] {
            continue;
        }
        let near = pos.saturating_sub(2)..(pos + 3).min(nonblank.len());
        let supported = near
            .filter(|&p| p != pos)
            .any(|p| marks[nonblank[p]].is_some() && !weak[p]);
        if !supported {
            marks[i] = None;
            unsupported[i] = true;
        }
    }
    unsupported
}

fn mark(marks: &mut [Option<Mark>], i: usize, kind: Kind, why: impl FnOnce() -> String) {
    if marks[i].is_none() {
        marks[i] = Some(Mark { why: why(), kind });
    }
}

/// Adjacent short lines that differ only in their numbers.
fn widgets(lines: &[Line], nonblank: &[usize], marks: &mut [Option<Mark>]) {
    let mut k = 0;
    while k < nonblank.len() {
        let first = &lines[nonblank[k]];
        let mut j = k + 1;
        while j < nonblank.len() && lines[nonblank[j]].shape == first.shape {
            j += 1;
        }
        let run = &nonblank[k..j];
        let varied = run.iter().any(|&x| lines[x].key != first.key);
        if run.len() >= WIDGET_MIN_LINES
            && first.words.len() <= 6
            && !first.prose
            && first.text.chars().any(|c| c.is_ascii_digit())
            && letters(first.text) >= 3
            && varied
        {
            for &x in run {
                mark(marks, x, Kind::Widget, || {
                    format!(
                        "one of {} adjacent lines that differ only in their numbers",
                        run.len()
                    )
                });
            }
        }
        k = j;
    }
}

/// Date lines in a row (an archive by month).
fn archives(lines: &[Line], nonblank: &[usize], marks: &mut [Option<Mark>]) {
    let mut k = 0;
    while k < nonblank.len() {
        let mut j = k;
        while j < nonblank.len() && lines[nonblank[j]].date && lines[nonblank[j]].words.len() <= 3 {
            j += 1;
        }
        if j - k >= ARCHIVE_MIN_LINES {
            for &x in &nonblank[k..j] {
                mark(marks, x, Kind::Archive, || {
                    format!("one of {} date lines in a row (an archive)", j - k)
                });
            }
        }
        k = j.max(k + 1);
    }
}

/// The article core: the stretch of lines with the most prose (each line
/// of prose counts its words, up to 60; marked lines −5, short lines −3).
fn core(lines: &[Line], nonblank: &[usize], marks: &[Option<Mark>]) -> (usize, usize) {
    let n = lines.len();
    let (mut best, mut current, mut start, mut core) = (0i64, 0i64, 0usize, (n, n));
    for &i in nonblank {
        let line = &lines[i];
        let w = if marks[i].is_some() {
            -5
        } else if line.prose {
            line.words.len().min(60) as i64
        } else if line.words.len() >= 8 {
            0
        } else {
            -3
        };
        if current <= 0 {
            current = 0;
            start = i;
        }
        current += w;
        if current > best {
            best = current;
            core = (start, i);
        }
    }
    core
}

fn is_item(line: &Line) -> bool {
    (1..=MENU_ITEM_MAX_WORDS).contains(&line.words.len())
        && !line.terminal
        && !line.colon
        && !line.date
}

/// Runs of short lines that start and end with navigation vocabulary.
fn menus(
    lines: &[Line],
    vocab: &Vocabulary,
    nonblank: &[usize],
    marks: &mut [Option<Mark>],
    core: (usize, usize),
) {
    let n = lines.len();
    let lone = |r: usize| (r == 0 || lines[r - 1].blank) && (r + 1 >= n || lines[r + 1].blank);
    let mut k = 0;
    while k < nonblank.len() {
        if !is_item(&lines[nonblank[k]]) {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < nonblank.len() && is_item(&lines[nonblank[j]]) {
            j += 1;
        }
        let mut run = &nonblank[k..j];
        k = j;
        let has_vocab =
            |r: usize, marks: &[Option<Mark>]| marks[r].is_some() || is_nav(&lines[r], vocab);
        while let Some((&last, rest)) = run.split_last() {
            if has_vocab(last, marks) {
                break;
            }
            run = rest;
        }
        while let Some((&first, rest)) = run.split_first() {
            if has_vocab(first, marks) {
                break;
            }
            run = rest;
        }
        let with_vocab = run.iter().filter(|&&r| has_vocab(r, marks)).count();
        let outside = !run.is_empty() && (run[run.len() - 1] < core.0 || run[0] > core.1);
        if run.len() >= MENU_MIN_LINES
            && with_vocab >= 2
            && (with_vocab * 3 >= run.len() || (outside && run.len() >= MENU_OUTSIDE_MIN_LINES))
        {
            let why = format!(
                "in a menu: a run of {} short lines, {} of them navigation vocabulary",
                run.len(),
                with_vocab
            );
            for &r in run {
                // A lone line between blank lines may be a headline.
                if lone(r) && !is_nav(&lines[r], vocab) {
                    continue;
                }
                mark(marks, r, Kind::Menu, || why.clone());
            }
        }
    }
}

fn is_title(line: &Line) -> bool {
    TITLE_WORDS.contains(&line.words.len())
        && !line.terminal
        && !line.colon
        && line.text.starts_with(char::is_uppercase)
}

/// The capitalised words of a line (first six letters, lowercased).
fn names(line: &Line, skip_first: bool) -> Vec<String> {
    line.tokens
        .iter()
        .skip(usize::from(skip_first))
        .map(|t| {
            t.trim_matches([
                '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\'', '“', '”', '‘', '’',
                '«', '»',
            ])
        })
        .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_uppercase))
        .map(|w| w.to_lowercase().chars().take(6).collect())
        .collect()
}

/// A related-articles heading and its list: titles or times, each with at
/// most one teaser paragraph (after a time, or sharing a name with its
/// title). A heading ending in a colon goes only with a list.
fn related_lists(
    lines: &[Line],
    vocab: &Vocabulary,
    nonblank: &[usize],
    marks: &mut [Option<Mark>],
) {
    for (idx, &i) in nonblank.iter().enumerate() {
        let own_heading = matches!(&marks[i], Some(m) if m.own_vocab() == Some(Vocab::Related)
            && matches!(&m.kind, Kind::Own(f) if f.covered));
        let colon_heading = marks[i].is_none()
            && lines[i].colon
            && covered(&lines[i], vocab) == Some(Vocab::Related);
        if !own_heading && !colon_heading {
            continue;
        }
        let mut items = Vec::new();
        let mut head: Option<&Line> = None;
        for &m in &nonblank[idx + 1..] {
            let line = &lines[m];
            if line.date || is_title(line) {
                items.push(m);
                head = Some(line);
                continue;
            }
            if let Some(title) = head {
                if line.prose && line.words.len() <= TEASER_MAX_WORDS {
                    let named = names(title, false);
                    if title.date || names(line, true).iter().any(|w| named.contains(w)) {
                        items.push(m);
                        head = None;
                        continue;
                    }
                }
            }
            break;
        }
        if items.is_empty() {
            continue;
        }
        mark(marks, i, Kind::ListHeading, || {
            "related-article vocabulary, the heading of a list".to_string()
        });
        let heading = lines[i].key.clone();
        for m in items {
            mark(marks, m, Kind::ListItem, || {
                format!("in a list of other articles under \"{heading}\"")
            });
        }
    }
}

/// A line's weight in the cuts from the end and the start: evidence
/// counts for, prose against (less when it talks to the reader like a
/// blurb).
fn weight(line: &Line, vocab: &Vocabulary, mark: &Option<Mark>, unsupported: bool) -> i32 {
    if line.blank {
        0
    } else if mark.is_some() {
        2
    } else if unsupported {
        1
    } else if line.prose {
        -3 + hints(line, vocab).min(2) as i32
    } else {
        0
    }
}

/// The plain paragraph that ends a cut: a hint-free paragraph right after
/// another, a long one, or one too many.
fn stops(line: &Line, weight: i32, plains: &mut usize, plain_before: &mut bool) -> bool {
    let plain = line.prose && weight <= -3;
    if plain {
        *plains += 1;
        if *plain_before || line.words.len() >= LONG_PARAGRAPH_WORDS || *plains > CUT_MAX_PLAIN {
            return true;
        }
    }
    *plain_before = plain;
    false
}

/// Cuts a comment section: from the first line of comment vocabulary after
/// the article core ("3 Comments", "Leave a Reply") to the end. Readers'
/// comments are prose, so the cut from the end stops in them.
fn comments(lines: &[Line], nonblank: &[usize], marks: &mut [Option<Mark>], core: (usize, usize)) {
    let Some(&start) = nonblank.iter().find(|&&i| {
        i > core.1 && marks[i].as_ref().and_then(Mark::own_vocab) == Some(Vocab::Comments)
    }) else {
        return;
    };
    if !nonblank
        .iter()
        .any(|&i| i < start && marks[i].is_none() && lines[i].prose)
    {
        return;
    }
    let why = format!(
        "in the comments, which start at \"{}\"",
        shorten(&lines[start].key)
    );
    for &i in nonblank.iter().filter(|&&i| i > start) {
        mark(marks, i, Kind::Tail, || why.clone());
    }
}

/// Cuts the end of the text from a marked line on, where what follows is
/// mostly furniture.
fn tail(
    lines: &[Line],
    vocab: &Vocabulary,
    nonblank: &[usize],
    marks: &mut [Option<Mark>],
    weights: &[i32],
) {
    let (mut score, mut evidence, mut plains, mut plain_before) = (0, 0, 0, false);
    let mut cut: Option<usize> = None;
    for (pos, &i) in nonblank.iter().enumerate().rev() {
        let line = &lines[i];
        // A date line with no furniture after it is a byline.
        if marks[i].is_none()
            && line.date
            && !nonblank[pos + 1..(pos + 4).min(nonblank.len())]
                .iter()
                .any(|&x| marks[x].is_some())
        {
            break;
        }
        score += weights[i];
        evidence += usize::from(marks[i].is_some());
        if stops(line, weights[i], &mut plains, &mut plain_before) {
            break;
        }
        let ends_article = marks[i].as_ref().is_some_and(|m| {
            matches!(m.kind, Kind::ListHeading | Kind::ListItem)
                || m.own_vocab().is_some_and(Vocab::ends_article)
        });
        if marks[i].is_some()
            && score > 0
            && evidence >= CUT_MIN_EVIDENCE
            && (plains == 0 || ends_article)
        {
            cut = Some(i);
        }
    }
    if cut.is_none() {
        // A short end: a marked line, then only marked lines or blurbs with
        // two kinds of hints.
        for &i in nonblank.iter().rev() {
            if marks[i].is_some() {
                cut = Some(i);
            } else if !(lines[i].prose && hints(&lines[i], vocab) >= 2) {
                break;
            }
        }
    }
    let Some(cut) = cut else { return };
    // An article keeps a paragraph before its end.
    if !nonblank
        .iter()
        .any(|&i| i < cut && marks[i].is_none() && lines[i].prose)
    {
        return;
    }
    let from = lines[cut].key.clone();
    let after: Vec<usize> = nonblank.iter().copied().filter(|&i| i >= cut).collect();
    let furniture = after.iter().filter(|&&i| marks[i].is_some()).count();
    let why = format!(
        "after the end of the article, from \"{}\" on: {} of the {} lines there are furniture",
        shorten(&from),
        furniture,
        after.len()
    );
    for i in after {
        mark(marks, i, Kind::Tail, || why.clone());
    }
}

/// Cuts the start of the text up to a marked line, where what comes before
/// is mostly furniture; stops at a byline's date, a plain paragraph and a
/// lone line that may be the headline.
fn head(lines: &[Line], nonblank: &[usize], marks: &mut [Option<Mark>], weights: &[i32]) {
    let n = lines.len();
    let lone = |r: usize| (r == 0 || lines[r - 1].blank) && (r + 1 >= n || lines[r + 1].blank);
    let (mut score, mut evidence) = (0, 0);
    let mut cut: Option<usize> = None;
    for &i in nonblank {
        let line = &lines[i];
        if marks[i].is_none()
            && (line.date
                || (line.prose && weights[i] <= -3)
                || (lone(i) && line.letter_words >= 3 && !line.terminal))
        {
            break;
        }
        score += weights[i];
        evidence += usize::from(marks[i].is_some());
        if marks[i].is_some() && score > 0 && evidence >= CUT_MIN_EVIDENCE {
            cut = Some(i);
        }
    }
    let Some(cut) = cut else { return };
    // An article keeps a paragraph after its start.
    if !nonblank
        .iter()
        .any(|&i| i > cut && marks[i].is_none() && lines[i].prose)
    {
        return;
    }
    let before: Vec<usize> = nonblank.iter().copied().filter(|&i| i <= cut).collect();
    let furniture = before.iter().filter(|&&i| marks[i].is_some()).count();
    let why = format!(
        "before the start of the article: {} of the {} lines up to \"{}\" are furniture",
        furniture,
        before.len(),
        shorten(&lines[cut].key)
    );
    for i in before {
        mark(marks, i, Kind::Head, || why.clone());
    }
}

/// A paragraph printed again within a few lines (a caption and its copy):
/// the later copy goes.
fn duplicates(lines: &[Line], nonblank: &[usize], marks: &mut [Option<Mark>]) {
    let mut seen: std::collections::HashMap<&str, (usize, usize)> =
        std::collections::HashMap::new();
    for (pos, &i) in nonblank.iter().enumerate() {
        if marks[i].is_some() {
            continue;
        }
        let line = &lines[i];
        match seen.get(line.key.as_str()) {
            Some(&(first, first_pos))
                if is_wordy(line) && pos - first_pos <= DUPLICATE_MAX_DISTANCE =>
            {
                mark(marks, i, Kind::Duplicate, || {
                    format!("a copy of the paragraph {} lines above", i - first)
                });
            }
            _ => {
                seen.insert(line.key.as_str(), (i, pos));
            }
        }
    }
}

/// Whether a line is words (a caption), not code or a command: at least
/// [`DUPLICATE_MIN_WORDS`] tokens, four in five of them letters with at
/// most their punctuation.
fn is_wordy(line: &Line) -> bool {
    let plain = line
        .tokens
        .iter()
        .filter(|t| {
            let core = t.trim_matches(|c: char| !c.is_alphanumeric());
            !core.is_empty()
                && core
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
        })
        .count();
    line.tokens.len() >= DUPLICATE_MIN_WORDS && plain * 5 >= line.tokens.len() * 4
}

/// A line as a reason quotes it: at most 40 characters.
pub(super) fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
