//! A unified diff built from the edits (not by comparing texts): each run
//! of lines that holds edits is replaced by itself with the edits applied
//! (an edit may join lines: a word hyphenated at a line end), with
//! `context` unchanged lines around each change. `patch -p1` and
//! `git apply` take it.

use textmend::Edit;

use super::LineIndex;

/// A run of old lines `first..=last` touched by edits, and what they become.
struct Block {
    first: usize,
    last: usize,
    new: String,
}

/// The unified diff that turns `text` into `text` with `edits` applied,
/// under the file names `a/NAME` and `b/NAME`. Empty when there are no
/// edits.
pub fn unified(name: &str, text: &str, edits: &[Edit], context: usize) -> String {
    if edits.is_empty() {
        return String::new();
    }
    let index = LineIndex::new(text);
    let n_lines = index.lines();
    let line_text = |line: usize| index.line(text, line);
    let end_of = |line: usize| {
        if line + 1 < n_lines {
            index.start(line + 1)
        } else {
            text.len()
        }
    };

    // Runs of touched lines (touching or adjacent ones merge), each with
    // the edits inside it.
    let mut blocks: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
    for edit in edits {
        let first = index.line_of(edit.span.start);
        let last = index.line_of(edit.span.end.max(edit.span.start + 1) - 1);
        match blocks.last_mut() {
            Some((_, l, inside)) if first <= *l + 1 => {
                *l = (*l).max(last);
                inside.push(edit);
            }
            _ => blocks.push((first, last, vec![edit])),
        }
    }
    let blocks: Vec<Block> = blocks
        .into_iter()
        .map(|(first, last, inside)| {
            let (start, end) = (index.start(first), end_of(last));
            let mut new = String::with_capacity(end - start);
            let mut at = start;
            for edit in inside {
                new.push_str(&text[at..edit.span.start]);
                new.push_str(&edit.after);
                at = edit.span.end;
            }
            new.push_str(&text[at..end]);
            Block { first, last, new }
        })
        .collect();

    // Hunks: runs of blocks whose context overlaps.
    let mut hunks: Vec<(usize, usize)> = Vec::new(); // [first, last] block index
    for (k, block) in blocks.iter().enumerate() {
        match hunks.last_mut() {
            Some((_, last)) if blocks[*last].last + 2 * context + 1 >= block.first => *last = k,
            _ => hunks.push((k, k)),
        }
    }

    let path = name.trim_start_matches("./").trim_start_matches('/');
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let mut shift: isize = 0;
    for (first, last) in hunks {
        let from = blocks[first].first.saturating_sub(context);
        let to = (blocks[last].last + context).min(n_lines - 1);
        let old_count = to - from + 1;
        let new_count = blocks[first..=last].iter().fold(old_count, |n, b| {
            n + b.new.split_inclusive('\n').count() - (b.last - b.first + 1)
        });
        out.push_str(&format!(
            "@@ -{},{old_count} +{},{new_count} @@\n",
            from + 1,
            (from as isize + 1 + shift).max(0)
        ));
        shift += new_count as isize - old_count as isize;
        let mut line = from;
        for block in &blocks[first..=last] {
            while line < block.first {
                push_line(&mut out, ' ', line_text(line));
                line += 1;
            }
            for l in block.first..=block.last {
                push_line(&mut out, '-', line_text(l));
            }
            for new in block.new.split_inclusive('\n') {
                push_line(&mut out, '+', new);
            }
            line = block.last + 1;
        }
        while line <= to {
            push_line(&mut out, ' ', line_text(line));
            line += 1;
        }
    }
    out
}

/// One diff line; a line without a final newline gets the marker patch
/// expects.
fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, before: &str, after: &str) -> Edit {
        let start = text.find(before).unwrap();
        Edit {
            span: start..start + before.len(),
            before: before.to_string(),
            after: after.to_string(),
            rules: vec![],
            confidence: 1.0,
            kind: textmend::EditKind::WordSwap,
            reason: None,
            chars: 0..0,
        }
    }

    #[test]
    fn hunks_hold_changed_lines_with_context() {
        let text = "one\ntwo attfinish\nthree\nfour\nfive\nsix agfinisha\n";
        let edits = [
            edit(text, "attfinish", "attend"),
            edit(text, "agfinisha", "agenda"),
        ];
        assert_eq!(
            unified("f.txt", text, &edits, 0),
            "--- a/f.txt\n+++ b/f.txt\n\
             @@ -2,1 +2,1 @@\n-two attfinish\n+two attend\n\
             @@ -6,1 +6,1 @@\n-six agfinisha\n+six agenda\n"
        );
        assert_eq!(
            unified("./f.txt", text, &edits, 2),
            "--- a/f.txt\n+++ b/f.txt\n\
             @@ -1,6 +1,6 @@\n one\n-two attfinish\n+two attend\n three\n four\n five\n\
             -six agfinisha\n+six agenda\n"
        );
    }

    #[test]
    fn marks_a_missing_final_newline_and_groups_adjacent_lines() {
        let text = "a attfinish\nb agfinisha";
        let edits = [
            edit(text, "attfinish", "attend"),
            edit(text, "agfinisha", "agenda"),
        ];
        assert_eq!(
            unified("f", text, &edits, 0),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n-a attfinish\n-b agfinisha\n\
             \\ No newline at end of file\n+a attend\n+b agenda\n\\ No newline at end of file\n"
        );
        assert_eq!(unified("f", text, &[], 3), "");
    }

    #[test]
    fn an_edit_may_join_lines() {
        let text = "one\nthe recom-\nmendation is\nlast\nmore\n";
        let start = text.find("recom").unwrap();
        let end = text.find("is").unwrap();
        let edits = [Edit {
            span: start..end,
            before: text[start..end].to_string(),
            after: "recommendation\n".to_string(),
            rules: vec![],
            confidence: 1.0,
            kind: textmend::EditKind::WordSwap,
            reason: None,
            chars: 0..0,
        }];
        assert_eq!(
            unified("f", text, &edits, 1),
            "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n one\n-the recom-\n-mendation is\n\
             +the recommendation\n+is\n last\n"
        );
        let end = text.find("\nlast").unwrap();
        let joined = [Edit {
            span: start..end,
            before: text[start..end].to_string(),
            after: "recommendation is".to_string(),
            rules: vec![],
            confidence: 1.0,
            kind: textmend::EditKind::WordSwap,
            reason: None,
            chars: 0..0,
        }];
        assert_eq!(
            unified("f", text, &joined, 0),
            "--- a/f\n+++ b/f\n@@ -2,2 +2,1 @@\n-the recom-\n-mendation is\n\
             +the recommendation is\n"
        );
    }
}
