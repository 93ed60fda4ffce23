//! The mapping keys of a block-style YAML text, found without a YAML parser (the test must see
//! the text as written: each key's lines, so that taking one out leaves the rest byte for byte),
//! and the text with some of them taken out. Issue 16's removal test (`honest.rs`) uses them.

use std::collections::BTreeMap;

/// One key of the YAML text and the lines its removal takes out.
pub(crate) struct Key {
    /// `final_accounts.lines[0].budget`.
    pub(crate) path: String,
    /// First line (0-based) and one past the last.
    pub(crate) lines: (usize, usize),
    /// The key follows a list dash on its line (`- code: …`): the dash stays.
    pub(crate) dash: Option<usize>,
}

/// The leading spaces of `line`.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether `line` holds YAML (not blank, not only a comment).
fn significant(line: &str) -> bool {
    let t = line.trim_start();
    !t.is_empty() && !t.starts_with('#')
}

/// The key at the start of `rest` (`code: …` or `lines:`), if it is a plain key.
fn key_of(rest: &str) -> Option<&str> {
    let end = rest.find(':')?;
    let key = &rest[..end];
    let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let after = &rest[end + 1..];
    (plain && (after.is_empty() || after.starts_with(' '))).then_some(key)
}

/// Every mapping key of `text` in block style, with its path and extent.
fn keys(text: &str) -> Vec<Key> {
    let lines: Vec<&str> = text.lines().collect();
    // (column, path segment) of the open mappings and list items, outermost first.
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut items: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if !significant(line) {
            i += 1;
            continue;
        }
        let mut col = indent(line);
        let mut rest = &line[col..];
        let mut dash = None;
        if let Some(r) = rest.strip_prefix("- ") {
            stack.retain(|(c, _)| *c < col);
            let parent = path_of(&stack);
            let n = items.entry(format!("{parent}@{col}")).or_insert(0);
            stack.push((col, format!("[{n}]")));
            *n += 1;
            dash = Some(col);
            col += 2;
            rest = r;
        }
        let Some(key) = key_of(rest) else {
            i += 1;
            continue;
        };
        stack.retain(|(c, _)| *c < col);
        let path = format!("{}.{key}", path_of(&stack))
            .trim_start_matches('.')
            .replace(".[", "[");
        stack.push((col, key.to_owned()));
        let end = (i + 1..lines.len())
            .find(|&j| significant(lines[j]) && indent(lines[j]) <= col)
            .unwrap_or(lines.len());
        out.push(Key {
            path,
            lines: (i, end),
            dash,
        });
        let value = rest[key.len() + 1..].trim_start();
        // A block scalar's lines are text, not keys.
        i = if value.starts_with('|') || value.starts_with('>') {
            end
        } else {
            i + 1
        };
    }
    out
}

fn path_of(stack: &[(usize, String)]) -> String {
    stack
        .iter()
        .map(|(_, s)| s.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

/// `text` without `keys`.
pub(crate) fn without(text: &str, keys: &[Key]) -> String {
    let mut out = String::new();
    'line: for (i, line) in text.lines().enumerate() {
        for key in keys {
            if i == key.lines.0 {
                if let Some(col) = key.dash {
                    out.push_str(&format!("{}-\n", " ".repeat(col)));
                }
                continue 'line;
            }
            if (key.lines.0..key.lines.1).contains(&i) {
                continue 'line;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One removal: the keys taken out together, and its name in the table.
pub(crate) struct Removal {
    pub(crate) name: String,
    pub(crate) keys: Vec<Key>,
}

/// The removals: every key of `final_accounts` and the blocks of the other sections (two
/// levels; deeper keys are 自评 table cells, which no 情况说明 sentence reads), in the first item
/// of every list only (the others repeat its shape). Then, for a name `final_accounts` uses more
/// than once (`gov_fund` in `income` and in `narrative`), all of them together: a figure stated
/// twice is still stated after one of them is taken out.
pub(crate) fn removals(text: &str) -> Vec<Removal> {
    let keys: Vec<Key> = keys(text)
        .into_iter()
        .filter(|k| {
            let depth = k.path.split(['.', '[']).count();
            k.path.split('[').skip(1).all(|s| s.starts_with("0]"))
                && (k.path.starts_with("final_accounts") || depth <= 2)
        })
        .collect();
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (n, k) in keys.iter().enumerate() {
        if k.path.starts_with("final_accounts.") && !k.path.contains('[') {
            let leaf = k.path.rsplit('.').next().unwrap_or_default();
            by_name.entry(leaf.to_owned()).or_default().push(n);
        }
    }
    let mut out: Vec<Removal> = Vec::new();
    for (name, group) in by_name.into_iter().filter(|(_, g)| g.len() > 1) {
        // Nested keys (`basic` inside `basic`) are taken out with their parent.
        let mut taken: Vec<Key> = Vec::new();
        for &n in &group {
            let k = &keys[n];
            if !taken
                .iter()
                .any(|t| t.lines.0 <= k.lines.0 && k.lines.1 <= t.lines.1)
            {
                taken.push(Key {
                    path: k.path.clone(),
                    lines: k.lines,
                    dash: k.dash,
                });
            }
        }
        out.push(Removal {
            name: format!("every final_accounts …{name}"),
            keys: taken,
        });
    }
    let singles = keys.into_iter().map(|k| Removal {
        name: k.path.clone(),
        keys: vec![k],
    });
    singles.chain(out).collect()
}
