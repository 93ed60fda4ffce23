//! 待填: a figure left for the user to fill. `gongkai new` writes `待填` (plain, unquoted) in
//! place of every figure of the year; such a record loads, the figure counts as not stated,
//! and `check` lists each one where it stands (`record.pending`), never as a parse error.
//!
//! In: a record's text. Out: the text with each `待填` entry blanked out (spaces, so every
//! other character keeps its line and column), and the field path of each. Quoted `"待填"` is text, not a mark (an indicator may print that word).

use std::sync::Arc;

use super::locate::{Found, Index, Pos};

/// The mark.
pub(crate) const MARK: &str = "待填";

/// A record's text with its marks masked, and where they were.
pub(crate) struct Masked {
    /// The text to deserialize.
    pub(crate) text: Arc<str>,
    /// The field path of each mark, in document order.
    pub(crate) paths: Vec<String>,
}

/// Masks every plain `待填` value of `text`; `None` when it holds none. A mapping entry
/// `key: 待填` becomes spaces, with the comma that joins it to a neighbour in `{…}`, so the
/// field is absent (as if never typed) and every other character keeps its line and column; a
/// list item `- 待填` becomes `- ~`.
pub(crate) fn mask(text: &str) -> Option<Masked> {
    if !text.contains(MARK) {
        return None;
    }
    let index = Index::build(text);
    let marks: Vec<(Option<Pos>, Pos, String)> = index
        .plain(MARK)
        .map(|n| (n.key, n.start, n.path.clone()))
        .collect();
    if marks.is_empty() {
        return None;
    }
    // A block mapping all of whose entries are marks would be left empty (a null, which no
    // mapping field takes): its key is blanked too, so the block is absent as a whole.
    let mut masked: Vec<&str> = marks.iter().map(|(_, _, p)| p.as_str()).collect();
    let mut parents: Vec<Pos> = Vec::new();
    loop {
        let before = masked.len();
        for n in index.nodes() {
            let (Some(key), Found::Mapping) = (n.key, &n.found) else {
                continue;
            };
            if n.start.0 <= key.0 || masked.contains(&n.path.as_str()) {
                continue;
            }
            let prefix = format!("{}.", n.path);
            let mut children = index.nodes().filter(|c| {
                c.path
                    .strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.contains(['.', '[']))
            });
            let mut any = false;
            if children.all(|c| {
                any = true;
                masked.contains(&c.path.as_str())
            }) && any
            {
                masked.push(n.path.as_str());
                parents.push(key);
            }
        }
        if masked.len() == before {
            break;
        }
    }
    let mut lines: Vec<Vec<char>> = text
        .split_inclusive('\n')
        .map(|l| l.chars().collect())
        .collect();
    let width = MARK.chars().count();
    for (key, (line, col), _) in &marks {
        let Some(chars) = lines.get_mut(*line as usize - 1) else {
            continue;
        };
        let value = *col as usize - 1;
        let end = (value + width).min(chars.len());
        match key {
            Some((kl, kc)) if kl == line => {
                let mut from = *kc as usize - 1;
                let mut to = end;
                // In `{…}`: take the comma after the entry, else the one before it.
                let after = (to..chars.len()).find(|&i| !chars[i].is_whitespace());
                let before = (0..from).rev().find(|&i| !chars[i].is_whitespace());
                match (after.map(|i| chars[i]), before.map(|i| chars[i])) {
                    (Some(','), _) => to = after.map_or(to, |i| i + 1),
                    (Some('}'), Some(',')) => from = before.unwrap_or(from),
                    _ => {}
                }
                for c in &mut chars[from..to] {
                    *c = ' ';
                }
            }
            _ => {
                chars[value] = '~';
                for c in &mut chars[value + 1..end] {
                    *c = ' ';
                }
            }
        }
    }
    for (line, col) in parents {
        if let Some(chars) = lines.get_mut(line as usize - 1) {
            let end = chars.iter().rposition(|c| *c != '\n').map_or(0, |i| i + 1);
            for c in &mut chars[(col as usize - 1).min(end)..end] {
                *c = ' ';
            }
        }
    }
    Some(Masked {
        text: Arc::from(lines.concat().into_iter().collect::<String>()),
        paths: marks.into_iter().map(|(_, _, p)| p).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_mark_leaves_its_field_absent_and_a_quoted_one_stays_text() {
        let text = "a: 待填\nb: {x: 待填, y: 1}\nc: {y: 1, x: 待填}\nd: \"待填\"\ne: 待填写\nf:\n  - 待填\n";
        let m = mask(text).expect("marks");
        assert_eq!(
            &*m.text,
            "     \nb: {       y: 1}\nc: {y: 1       }\nd: \"待填\"\ne: 待填写\nf:\n  - ~ \n"
        );
        assert_eq!(m.paths, ["a", "b.x", "c.x", "f[0]"]);
        assert!(mask("a: 1\n").is_none());
        // A block left with nothing but marks goes as a whole, key and all.
        let m = mask("a:\n  by_class: # 按类\n    一: 待填\n    二: 待填\n  total: 1\n")
            .expect("marks");
        assert_eq!(
            &*m.text,
            "a:\n                \n         \n         \n  total: 1\n"
        );
    }
}
