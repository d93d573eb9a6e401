//! Marked lines become edits. Every removed line is one edit whose rule
//! says why; the blank lines around a removed block go with it, so that
//! the remaining text has one blank line where the input had any between
//! two kept lines, none where it had none, and none at its start or end.
//! Takes the lines and their marks, gives the edits and the stretches of
//! text they reshaped (where no other white-space fix may apply).

use std::ops::Range;

use crate::edit::{Edit, EditKind};

use super::context::Mark;
use super::lines::Line;

/// The removal edits of the marked lines, sorted, and the byte ranges of
/// the gaps they were made in. Nothing is removed when no line of text
/// would be left.
pub(super) fn removals(
    text: &str,
    lines: &[Line],
    marks: &[Option<Mark>],
) -> (Vec<Edit>, Vec<Range<usize>>) {
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].blank && marks[i].is_none())
        .collect();
    let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else {
        return (Vec::new(), Vec::new());
    };
    let mut gaps: Vec<(Range<usize>, bool)> = Vec::new(); // (lines, keeps a blank line)
    gaps.push((0..first, false));
    for pair in kept.windows(2) {
        gaps.push((pair[0] + 1..pair[1], true));
    }
    gaps.push((last + 1..lines.len(), false));

    let mut edits = Vec::new();
    let mut regions = Vec::new();
    for (gap, keeps_blank) in gaps {
        if !gap.clone().any(|i| marks[i].is_some()) {
            continue;
        }
        let kept_blank = if keeps_blank {
            gap.clone().find(|&i| lines[i].blank)
        } else {
            None
        };
        regions.push(lines[gap.start].span.start..lines[gap.end - 1].span.end);
        // The lines to delete, as at most two stretches around the kept
        // blank line.
        let stretches = match kept_blank {
            Some(b) => vec![gap.start..b, b + 1..gap.end],
            None => vec![gap],
        };
        for stretch in stretches {
            stretch_edits(text, lines, marks, stretch, &mut edits);
        }
    }
    (edits, regions)
}

/// One edit per marked line of `stretch`, each taking the blank lines
/// after it; blank lines before the first marked line go with that one.
fn stretch_edits(
    text: &str,
    lines: &[Line],
    marks: &[Option<Mark>],
    stretch: Range<usize>,
    edits: &mut Vec<Edit>,
) {
    let marked: Vec<usize> = stretch.clone().filter(|&i| marks[i].is_some()).collect();
    for (k, &i) in marked.iter().enumerate() {
        let from = if k == 0 { stretch.start } else { i };
        let to = marked.get(k + 1).copied().unwrap_or(stretch.end);
        let span = lines[from].span.start..lines[to - 1].span.end;
        let Some(mark) = &marks[i] else { continue };
        edits.push(Edit {
            before: text[span.clone()].to_string(),
            span,
            chars: 0..0,
            after: String::new(),
            rules: Vec::new(),
            confidence: mark.confidence(),
            kind: EditKind::Furniture,
            reason: Some(mark.why.clone()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::context::{Kind, Mark};
    use super::super::lines::lines;
    use super::super::vocab::Vocabulary;
    use super::*;

    fn remove(text: &str, marked: &[usize]) -> (String, Vec<Edit>) {
        let vocab = Vocabulary::new();
        let lines = lines(text, &vocab);
        let marks: Vec<Option<Mark>> = (0..lines.len())
            .map(|i| {
                marked.contains(&i).then(|| Mark {
                    why: format!("line {}", i + 1),
                    kind: Kind::Duplicate,
                })
            })
            .collect();
        let (edits, _) = removals(text, &lines, &marks);
        (crate::edit::apply(text, &edits), edits)
    }

    #[test]
    fn one_blank_line_stays_where_there_was_one() {
        let text = "Body one.\n\nShare\n\n\nTweet\n\nBody two.\n";
        let (out, edits) = remove(text, &[2, 5]);
        assert_eq!(out, "Body one.\n\nBody two.\n");
        assert_eq!(edits.len(), 2);
        assert_eq!(edits[0].before, "Share\n\n\n");
        assert_eq!(edits[1].before, "Tweet\n\n");
        assert_eq!(edits[0].kind, EditKind::Furniture);
        assert_eq!(edits[0].reason.as_deref(), Some("line 3"));
    }

    #[test]
    fn no_blank_line_where_there_was_none() {
        let (out, _) = remove("One.\nJOIN US\nTwo.\n", &[1]);
        assert_eq!(out, "One.\nTwo.\n");
    }

    #[test]
    fn nothing_left_at_the_start_or_the_end() {
        let (out, _) = remove("Menu\n\nBody.\n\n\n\nLeave a Reply", &[0, 6]);
        assert_eq!(out, "Body.\n");
        // Everything marked: nothing is removed.
        let (out, edits) = remove("Menu\nShare\n", &[0, 1]);
        assert_eq!(out, "Menu\nShare\n");
        assert!(edits.is_empty());
    }
}
