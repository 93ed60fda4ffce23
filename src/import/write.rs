//! The record `import` writes: the documented format, fields in the documented order, each
//! table with a comment naming the sheet it came from; the same bytes for the same workbooks.

use super::{Found, Table};
use crate::model::Dec;
use crate::model::tables::{LineCells, LineCol, LineTable};
use crate::render::edition::TableId;

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
    super::zipingbiao::write(&mut out, found);
    if found.iter().all(|f| f.id.is_none()) {
        return out;
    }
    out.push_str("final_accounts:\n");
    let get = |id: TableId| found.iter().find(|f| f.id == Some(id));
    let summary = get(TableId::Summary).and_then(|f| match &f.table {
        Table::Summary(s) => Some((f, s)),
        _ => None,
    });
    let spending = get(TableId::Expenditure).and_then(|f| match &f.table {
        Table::Lines(t) => Some((f, t)),
        _ => None,
    });
    if let Some((f, s)) = summary
        && !s.income.is_empty()
    {
        out.push_str(&format!("  income: # {}\n", f.source));
        plain(&mut out, "    ", &s.income);
    }
    // `expenditure`: 基本支出 … from the 支出决算表's 合计 row, the rest from the 总表.
    let from_table: Vec<(&'static str, Dec)> = spending
        .and_then(|(_, t)| t.total.as_ref())
        .map(|total| {
            [
                (LineCol::Basic, "basic"),
                (LineCol::Project, "project"),
                (LineCol::ToSuperior, "to_superior"),
                (LineCol::Operating, "operating"),
                (LineCol::ToAffiliated, "to_affiliated"),
            ]
            .into_iter()
            .filter_map(|(c, k)| total.get(&c).map(|v| (k, *v)))
            .collect()
        })
        .unwrap_or_default();
    let from_summary = summary.map(|(_, s)| (&s.expenditure, &s.by_class));
    // A figure the 总表 prints itself (一、基本支出 in the older layouts) is the 总表's.
    let from_table: Vec<(&'static str, Dec)> = from_table
        .into_iter()
        .filter(|(k, _)| from_summary.is_none_or(|(e, _)| !e.iter().any(|(kk, _)| kk == k)))
        .collect();
    if !from_table.is_empty() || from_summary.is_some_and(|(e, c)| !e.is_empty() || !c.is_empty()) {
        let mut sources = Vec::new();
        if let Some((f, _)) = summary {
            sources.push(f.source.clone());
        }
        if let (Some((f, _)), false) = (spending, from_table.is_empty()) {
            sources.push(format!("{} 合计行", f.source));
        }
        out.push_str(&format!("  expenditure: # {}\n", sources.join("; ")));
        // The format's order: basic, project, to_superior, operating, to_affiliated (the
        // table's 合计 row or the 总表), then the 总表's totals.
        let mut all = from_table.clone();
        if let Some((e, _)) = from_summary {
            all.extend(e.iter().copied());
        }
        let order = [
            "basic",
            "project",
            "to_superior",
            "operating",
            "to_affiliated",
            "total",
            "surplus_distribution",
            "closing_balance",
            "grand_total",
        ];
        all.sort_by_key(|(k, _)| order.iter().position(|o| o == k));
        plain(&mut out, "    ", &all);
        if let Some((_, classes)) = from_summary
            && !classes.is_empty()
        {
            out.push_str("    by_class:\n");
            for (name, v) in classes {
                out.push_str(&format!("      {}: {}\n", quote(name), v.round_fixed(2)));
            }
        }
    }
    if let Some((f, t)) = get(TableId::Fiscal).and_then(|f| match &f.table {
        Table::Fiscal(t) => Some((f, t)),
        _ => None,
    }) {
        out.push_str(&format!("  fiscal: # {}\n", f.source));
        plain(&mut out, "    ", &t.plain);
        for (key, funds) in [
            ("income_funds", &t.income_funds),
            ("opening_funds", &t.opening_funds),
        ] {
            if !funds.is_empty() {
                out.push_str(&format!("    {key}: {}\n", flow(funds)));
            }
        }
        if !t.by_class.is_empty() {
            out.push_str("    by_class:\n");
            for (name, funds) in &t.by_class {
                out.push_str(&format!("      {}: {}\n", quote(name), flow(funds)));
            }
        }
        for (key, funds) in [
            ("expenditure_funds", &t.expenditure_funds),
            ("closing_funds", &t.closing_funds),
            ("grand_total_funds", &t.grand_total_funds),
        ] {
            if !funds.is_empty() {
                out.push_str(&format!("    {key}: {}\n", flow(funds)));
            }
        }
    }
    if let Some((f, b)) = get(TableId::Basic).and_then(|f| match &f.table {
        Table::Basic(b) => Some((f, b)),
        _ => None,
    }) {
        out.push_str(&format!("  basic: # {}\n", f.source));
        plain(
            &mut out,
            "    ",
            &[("personnel", b.personnel), ("public", b.public)]
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect::<Vec<_>>(),
        );
        if !b.items.is_empty() {
            out.push_str("    items:\n");
            for i in &b.items {
                let amount = i
                    .amount
                    .map(|a| format!(", amount: {}", a.round_fixed(2)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "      - {{code: \"{}\", name: {}, kind: {}{amount}}}\n",
                    i.code,
                    quote(&i.name),
                    i.kind
                ));
            }
        }
    }
    if let Some((f, t)) = get(TableId::ThreePublic).and_then(|f| match &f.table {
        Table::ThreePublic(t) => Some((f, t)),
        _ => None,
    }) {
        out.push_str(&format!("  three_public: # {}\n", f.source));
        if t.parts.is_empty() {
            out.push_str("    total: {}\n");
        }
        for (key, budget, actual) in &t.parts {
            let cells: Vec<(&'static str, Dec)> = [("budget", *budget), ("actual", *actual)]
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect();
            out.push_str(&format!("    {key}: {}\n", flow(&cells)));
        }
    }
    for f in found {
        if let Table::Lines(t) = &f.table {
            line_table(&mut out, t, &f.source);
        }
    }
    out
}

/// `key: value` lines.
fn plain(out: &mut String, indent: &str, cells: &[(&'static str, Dec)]) {
    for (k, v) in cells {
        out.push_str(&format!("{indent}{k}: {}\n", v.round_fixed(2)));
    }
}

/// `{general_budget: 2940.05, …}`: plain amounts (no thousands separator, which `{…}` splits).
fn flow(cells: &[(&'static str, Dec)]) -> String {
    let parts: Vec<String> = cells
        .iter()
        .map(|(k, v)| format!("{k}: {}", v.round_fixed(2)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// A 科目 table's block.
fn line_table(out: &mut String, t: &LineTable, source: &str) {
    out.push_str(&format!("  {}: # {source}\n", t.kind.key()));
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
pub(super) fn quote(s: &str) -> String {
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
