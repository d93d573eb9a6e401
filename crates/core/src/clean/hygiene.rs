//! Unicode and white-space hygiene: characters that carry nothing (zero-
//! width spaces, stray byte-order marks, control characters), no-break
//! spaces, spaces at line ends, long runs of blank lines, NFC, and on
//! request typographic quotes and dashes. Takes the text and the options,
//! gives one [`Edit`] per fix; each fix is named in the edit's rule. It
//! never touches line breaks other than blank lines in a run, nor removes
//! a character that changes how a word is written (soft hyphens and
//! joiners stay: the repair stages and scripts that need them use them).

use std::ops::Range;

use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::edit::{Edit, EditKind};

use super::lines::Line;

/// Which fixes to make; see [`super::CleanerBuilder`] for each one's
/// meaning and default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Hygiene {
    pub(super) nfc: bool,
    pub(super) invisible: bool,
    pub(super) controls: bool,
    pub(super) nbsp: bool,
    pub(super) trailing_spaces: bool,
    pub(super) max_blank_lines: Option<usize>,
    pub(super) quotes: bool,
    pub(super) dashes: bool,
}

/// How a blank-line run's reason ends.
const BLANK_RUN: &str = "blank lines in a row";

/// Whether a hygiene edit shortens a run of blank lines.
pub(super) fn is_blank_run(edit: &Edit) -> bool {
    edit.reason
        .as_deref()
        .is_some_and(|why| why.contains(BLANK_RUN))
}

/// What becomes of one character, and why.
fn fix(c: char, options: &Hygiene) -> Option<(&'static str, &'static str)> {
    match c {
        '\u{200b}' if options.invisible => Some(("", "zero-width space (U+200B) removed")),
        '\u{2060}' if options.invisible => Some(("", "word joiner (U+2060) removed")),
        '\u{feff}' if options.invisible => Some(("", "byte-order mark (U+FEFF) removed")),
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}' if options.controls => {
            Some(("", "control character removed"))
        }
        '\u{80}'..='\u{9f}' if options.controls => Some(("", "C1 control character removed")),
        '\u{a0}' | '\u{202f}' | '\u{2007}' if options.nbsp => {
            Some((" ", "no-break space made a space"))
        }
        '“' | '”' | '„' | '‟' | '″' if options.quotes => {
            Some(("\"", "typographic double quote made straight"))
        }
        '‘' | '’' | '‚' | '‛' | '′' if options.quotes => {
            Some(("'", "typographic single quote made straight"))
        }
        '–' | '—' | '‒' | '―' | '−' if options.dashes => {
            Some(("-", "dash made a hyphen-minus"))
        }
        _ => None,
    }
}

fn edit(text: &str, span: Range<usize>, after: String, fixes: Vec<&str>) -> Edit {
    Edit {
        before: text[span.clone()].to_string(),
        span,
        chars: 0..0,
        after,
        rules: Vec::new(),
        confidence: 1.0,
        kind: EditKind::Hygiene,
        reason: Some(fixes.join("; ")),
    }
}

/// The hygiene edits of `text`, sorted and not overlapping.
pub(super) fn hygiene(text: &str, lines: &[Line], options: &Hygiene) -> Vec<Edit> {
    let mut edits = Vec::new();
    if options.invisible
        || options.controls
        || options.nbsp
        || options.quotes
        || options.dashes
        || options.nfc
    {
        characters(text, options, &mut edits);
    }
    if options.trailing_spaces {
        trailing(text, lines, &mut edits);
    }
    if let Some(max) = options.max_blank_lines {
        blank_runs(text, lines, max, &mut edits);
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    crate::edit::drop_overlaps(&mut edits);
    edits
}

/// Character fixes, one edit per character, or one per word when the word
/// is not in NFC.
fn characters(text: &str, options: &Hygiene, edits: &mut Vec<Edit>) {
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = word_start.take() {
                word(text, start..i, options, edits);
            }
            // No-break spaces and controls that count as white space
            // (U+000B, U+0085).
            if !matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if let Some((after, why)) = fix(c, options) {
                    edits.push(edit(
                        text,
                        i..i + c.len_utf8(),
                        after.to_string(),
                        vec![why],
                    ));
                }
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(start) = word_start {
        word(text, start..text.len(), options, edits);
    }
}

/// The fixes inside one word.
fn word(text: &str, span: Range<usize>, options: &Hygiene, edits: &mut Vec<Edit>) {
    let word = &text[span.clone()];
    let mut fixed = String::with_capacity(word.len());
    let mut rules: Vec<&str> = Vec::new();
    let mut singles: Vec<Edit> = Vec::new();
    for (i, c) in word.char_indices() {
        match fix(c, options) {
            Some((after, why)) => {
                fixed.push_str(after);
                if !rules.contains(&why) {
                    rules.push(why);
                }
                let at = span.start + i;
                singles.push(edit(
                    text,
                    at..at + c.len_utf8(),
                    after.to_string(),
                    vec![why],
                ));
            }
            None => fixed.push(c),
        }
    }
    if options.nfc && !is_nfc(&fixed) {
        rules.push("normalized to NFC");
        let nfc: String = fixed.nfc().collect();
        edits.push(edit(text, span, nfc, rules));
    } else {
        edits.extend(singles);
    }
}

/// Spaces and tabs at the end of each line.
fn trailing(text: &str, lines: &[Line], edits: &mut Vec<Edit>) {
    for line in lines {
        let raw = &text[line.span.clone()];
        let content = raw.trim_end_matches(['\n', '\r']);
        let kept = content.trim_end_matches([' ', '\t']);
        if kept.len() < content.len() {
            let start = line.span.start + kept.len();
            let span = start..line.span.start + content.len();
            edits.push(edit(
                text,
                span,
                String::new(),
                vec!["white space at the end of a line removed"],
            ));
        }
    }
}

/// Runs of more than `max` blank lines: the lines past the first `max` go.
fn blank_runs(text: &str, lines: &[Line], max: usize, edits: &mut Vec<Edit>) {
    let mut k = 0;
    while k < lines.len() {
        if !lines[k].blank {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < lines.len() && lines[j].blank {
            j += 1;
        }
        // A blank "line" at the very end without a line break is no line.
        let run = j - k;
        if run > max {
            let span = lines[k + max].span.start..lines[j - 1].span.end;
            let why = format!("{run} {BLANK_RUN} made {max}");
            let mut e = edit(text, span, String::new(), vec![]);
            e.reason = Some(why);
            // Fixes inside the removed lines are dropped with them.
            edits.retain(|x| x.span.end <= e.span.start || x.span.start >= e.span.end);
            edits.push(e);
        }
        k = j;
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::super::vocab::Vocabulary;
    use super::*;

    const DEFAULTS: Hygiene = Hygiene {
        nfc: false,
        invisible: true,
        controls: true,
        nbsp: false,
        trailing_spaces: true,
        max_blank_lines: Some(4),
        quotes: false,
        dashes: false,
    };

    fn clean(text: &str, options: &Hygiene) -> (String, Vec<Edit>) {
        let vocab = Vocabulary::new();
        let lines = lines(text, &vocab);
        let edits = hygiene(text, &lines, options);
        (crate::edit::apply(text, &edits), edits)
    }

    #[test]
    fn invisible_and_control_characters_go() {
        let (out, edits) = clean("\u{feff}zero\u{200b}width\u{85} and\u{7} bell\n", &DEFAULTS);
        assert_eq!(out, "zerowidth and bell\n");
        assert_eq!(edits.len(), 4);
        assert!(edits[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("byte-order mark"));
        // Soft hyphens and joiners stay.
        let kept = "Wäh\u{ad}rend\u{200d}\n";
        assert_eq!(clean(kept, &DEFAULTS).0, kept);
    }

    #[test]
    fn trailing_spaces_and_long_blank_runs() {
        let text = "a  \nb\t\n\n\n\n\n\n\nc \r\nd";
        let (out, _) = clean(text, &DEFAULTS);
        assert_eq!(out, "a\nb\n\n\n\n\nc\r\nd");
        let mut one = DEFAULTS;
        one.max_blank_lines = Some(1);
        assert_eq!(clean(text, &one).0, "a\nb\n\nc\r\nd");
        // A no-break space at a line end is no trailing space.
        assert_eq!(clean("Ukraine.\u{a0}\n", &DEFAULTS).0, "Ukraine.\u{a0}\n");
    }

    #[test]
    fn options_off_by_default_change_nothing() {
        let text = "« Il a dit\u{a0}: “non” — cafe\u{301}. »\n";
        assert_eq!(clean(text, &DEFAULTS).0, text);
        let all = Hygiene {
            nfc: true,
            nbsp: true,
            quotes: true,
            dashes: true,
            ..DEFAULTS
        };
        assert_eq!(clean(text, &all).0, "« Il a dit : \"non\" - café. »\n");
    }

    #[test]
    fn nfc_takes_a_word_with_its_other_fixes() {
        let options = Hygiene {
            nfc: true,
            ..DEFAULTS
        };
        let (out, edits) = clean("e\u{301}\u{200b}te\u{301} ok", &options);
        assert_eq!(out, "été ok");
        assert_eq!(edits.len(), 1);
        assert_eq!(
            edits[0].reason.as_deref(),
            Some("zero-width space (U+200B) removed; normalized to NFC")
        );
    }
}
