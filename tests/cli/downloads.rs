//! Issue 19 (downloads as documented): every CSV of the example and field sites keeps README's
//! rules in each number cell: no thousands separator, no unit inside the cell (the unit has its
//! own column or header), and an amount in a row of 万元/元 (trend, compare) with two places, or,
//! in a year's column converted to 万元 exactly (`2023年（万元）`, data/compare), at least two. A
//! funds block's amounts are as printed (README), and not held to two places.

use std::path::Path;

use crate::support::{build_into_temp, csv_rows, fixture, root};

/// A cell a reader would take for a figure: digits with an optional sign, separators, places,
/// and a unit or `%` after them.
fn looks_like_a_figure(cell: &str) -> bool {
    let body = cell.trim_start_matches(['+', '-']);
    let digits_end = body
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(body.len());
    let (number, rest) = body.split_at(digits_end);
    number.starts_with(|c: char| c.is_ascii_digit())
        && matches!(rest.trim(), "" | "%" | "万元" | "元" | "分" | "个百分点")
}

/// Places after the decimal point.
fn places(cell: &str) -> usize {
    cell.trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, p)| p.len())
}

fn check_site(site: &Path, problems: &mut Vec<String>) -> usize {
    let mut cells = 0;
    for entry in walkdir::WalkDir::new(site.join("data")).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.path().extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(site)
            .expect("inside")
            .display()
            .to_string();
        let rows = csv_rows(entry.path());
        let Some((head, body)) = rows.split_first() else {
            continue;
        };
        let unit_col = head.iter().position(|h| h == "单位");
        for (r, row) in body.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !looks_like_a_figure(cell) {
                    continue;
                }
                cells += 1;
                let at = format!(
                    "{rel} row {} column {}",
                    r + 2,
                    head.get(c).map_or("?", |h| h)
                );
                if cell.contains(',') {
                    problems.push(format!("{at}: thousands separator in `{cell}`"));
                }
                if cell
                    .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == '%')
                    .len()
                    != cell
                        .trim_end_matches(|ch: char| !ch.is_ascii_digit() && ch != '%')
                        .len()
                    && cell.ends_with(|ch: char| !ch.is_ascii_digit() && ch != '%')
                {
                    problems.push(format!("{at}: a unit inside the number cell `{cell}`"));
                }
                // The row's unit (trend, compare) or the column's (`2023年（万元）`).
                let row_unit = unit_col.and_then(|u| row.get(u)).map(String::as_str);
                let money_row = matches!(row_unit, Some("万元" | "元"))
                    && !matches!(head.get(c).map(String::as_str), Some("变动率"));
                let money_col = head.get(c).is_some_and(|h| h.ends_with("年（万元）"));
                if money_row && places(cell) != 2 {
                    problems.push(format!("{at}: expected two places in `{cell}`"));
                }
                if money_col && places(cell) < 2 {
                    problems.push(format!("{at}: expected at least two places in `{cell}`"));
                }
            }
        }
    }
    cells
}

#[test]
fn issue19_every_number_cell_of_every_csv_is_as_readme_says() {
    let mut problems = Vec::new();
    let mut cells = 0;
    for content in [root().join("content"), fixture("sites/field/content")] {
        let (_dir, site) = build_into_temp(&content);
        cells += check_site(&site, &mut problems);
    }
    assert!(cells > 1000, "only {cells} number cells seen");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_figure_is_told_from_text() {
    assert!(looks_like_a_figure("11,092.59"));
    assert!(looks_like_a_figure("12.44 万元"));
    assert!(looks_like_a_figure("-3.34%"));
    assert!(!looks_like_a_figure("减少 11.20 万元"));
    assert!(!looks_like_a_figure(""));
    assert_eq!(places("100.00%"), 2);
}
