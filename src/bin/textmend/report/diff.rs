//! A unified diff built from the edits (not by comparing texts): each line
//! that holds an edit is replaced by itself with the edits applied, with
//! `context` unchanged lines around each change. `patch -p1` and
//! `git apply` take it.

use textmend::Edit;

use super::LineIndex;

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

    // Lines with edits, each with its new content.
    let mut changed: Vec<(usize, String)> = Vec::new();
    for edit in edits {
        let line = index.line_of(edit.span.start);
        if changed.last().is_none_or(|(l, _)| *l != line) {
            changed.push((line, String::new()));
        }
    }
    for (line, new) in &mut changed {
        let start = index.start(*line);
        let old = line_text(*line);
        let mut at = 0;
        for edit in edits
            .iter()
            .filter(|e| index.line_of(e.span.start) == *line)
        {
            new.push_str(&old[at..edit.span.start - start]);
            new.push_str(&edit.after);
            at = edit.span.end - start;
        }
        new.push_str(&old[at..]);
    }

    // Hunks: runs of changed lines whose context overlaps.
    let mut hunks: Vec<(usize, usize)> = Vec::new(); // [first, last] changed index
    for (k, (line, _)) in changed.iter().enumerate() {
        match hunks.last_mut() {
            Some((_, last)) if changed[*last].0 + 2 * context + 1 >= *line => *last = k,
            _ => hunks.push((k, k)),
        }
    }

    let path = name.trim_start_matches("./").trim_start_matches('/');
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    for (first, last) in hunks {
        let from = changed[first].0.saturating_sub(context);
        let to = (changed[last].0 + context).min(n_lines - 1);
        let count = to - from + 1;
        out.push_str(&format!(
            "@@ -{},{count} +{},{count} @@\n",
            from + 1,
            from + 1
        ));
        let mut k = first;
        let mut line = from;
        while line <= to {
            if k <= last && changed[k].0 == line {
                // A block of consecutive changed lines: old lines, then new.
                let start = k;
                while k <= last && changed[k].0 == line + (k - start) {
                    k += 1;
                }
                for (l, _) in &changed[start..k] {
                    push_line(&mut out, '-', line_text(*l));
                }
                for (_, new) in &changed[start..k] {
                    push_line(&mut out, '+', new);
                }
                line += k - start;
            } else {
                push_line(&mut out, ' ', line_text(line));
                line += 1;
            }
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
}
