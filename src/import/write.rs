//! The record `import` writes: the documented format, fields in the documented order, each
//! table with a comment naming the sheet it came from; the same bytes for the same workbooks.

use super::Found;
use crate::model::tables::LineCells;

/// The record's text.
pub(crate) fn record(year: u16, template: &str, edition: Option<&str>, found: &[Found]) -> String {
    let unit = found
        .iter()
        .find_map(|f| f.unit.as_deref())
        .unwrap_or("万元");
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=../../docs/schema/record.schema.json\n");
    out.push_str("# 由 gongkai import 从以下工作表读入，数字照表录入；请补全情况说明等其余部分后运行 gongkai check。\n");
    for f in found {
        out.push_str(&format!("#   {}\n", f.source));
    }
    out.push_str(&format!(
        "year: {year}\namount_unit: {unit}\ntemplate: {template}\n"
    ));
    if let Some(e) = edition {
        out.push_str(&format!("edition: {e}\n"));
    }
    out.push_str("final_accounts:\n");
    for f in found {
        let t = &f.table;
        out.push_str(&format!("  {}: # {}\n", t.kind.key(), f.source));
        if let Some(total) = &t.total {
            out.push_str(&format!("    total: {}\n", cells(total, None)));
        }
        if !t.rows.is_empty() {
            out.push_str("    rows:\n");
            for r in &t.rows {
                out.push_str(&format!(
                    "      - {}\n",
                    cells(&r.cells, Some((&r.code, &r.name)))
                ));
            }
        }
        if let Some(s) = &t.statement {
            out.push_str(&format!("    statement: {}\n", quote(s)));
        }
        if t.total.is_none() && t.rows.is_empty() && t.statement.is_none() {
            out.push_str("    rows: []\n");
        }
    }
    out
}

/// `{code: "201", name: 一般公共服务支出, total: 2106.66, …}`: every amount plain (no thousands
/// separator, which `{…}` would split), in the format's column order.
fn cells(cells: &LineCells, row: Option<(&str, &str)>) -> String {
    let mut parts = Vec::new();
    if let Some((code, name)) = row {
        parts.push(format!("code: \"{code}\""));
        parts.push(format!("name: {}", quote(name)));
    }
    for (col, v) in cells {
        parts.push(format!("{}: {}", col.key(), v.round_fixed(2)));
    }
    format!("{{{}}}", parts.join(", "))
}

/// A text as a YAML scalar: plain when nothing in it means anything to YAML, else quoted.
fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| c.is_ascii_punctuation() || c.is_ascii_digit() || c == ' ')
        && !s.ends_with(' ')
        && !s.chars().any(|c| {
            matches!(
                c,
                ':' | '#' | ',' | '[' | ']' | '{' | '}' | '"' | '\'' | '\\'
            ) || c.is_control()
        });
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
    }
}

/// The lines that change from `old` to `new`, as `diff -u` marks them (`-` removed, `+`
/// added), without context.
pub(crate) fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Longest common subsequence, then the walk through it.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // A removed line before the line that replaces it, as `diff` shows them.
            out.push_str(&format!("-{}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+{}\n", b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_lines_are_marked_as_diff_marks_them() {
        assert_eq!(diff("a\nb\nc\n", "a\nB\nc\nd\n"), "-b\n+B\n+d\n");
        assert_eq!(diff("a\n", "a\n"), "");
    }

    #[test]
    fn a_text_is_quoted_only_when_yaml_would_read_it_otherwise() {
        assert_eq!(quote("一般公共服务支出"), "一般公共服务支出");
        assert_eq!(quote("其他: 支出"), "\"其他: 支出\"");
        assert_eq!(quote("2024"), "\"2024\"");
    }
}
