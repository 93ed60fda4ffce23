//! The shape every one of the nine tables takes on the page and in its CSV: header rows with
//! spans, body rows of already formatted cells, the official "无…" sentence when the table has
//! no data, and notes.
//!
//! In: cells built by `summary` and `funds`. Out: a [`Table`] the template prints with one
//! generic loop, and its CSV text. Never: computes a figure (the builders do, in `Dec`).

use serde::Serialize;

use crate::model::Dec;
use crate::render::fmt_money;

/// One header cell.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Head {
    pub(crate) text: String,
    pub(crate) colspan: usize,
    pub(crate) rowspan: usize,
}

/// A header cell spanning `colspan` columns and `rowspan` rows.
pub(crate) fn head(text: impl Into<String>, colspan: usize, rowspan: usize) -> Head {
    Head {
        text: text.into(),
        colspan,
        rowspan,
    }
}

/// One body cell.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Cell {
    /// As the page prints it (`11,092.59`, a name, or empty for an unknown figure).
    pub(crate) text: String,
    /// As the CSV holds it (`11092.59`: no grouping separators).
    pub(crate) csv: String,
    /// CSS class: `num`, `code`, `name`, or empty.
    pub(crate) class: &'static str,
}

/// A money cell; empty when the figure is unknown.
pub(crate) fn money(d: Option<Dec>) -> Cell {
    let text = d.map(fmt_money).unwrap_or_default();
    Cell {
        csv: text.replace(',', ""),
        text,
        class: "num",
    }
}

/// Marks the figure printed after the name cell `label` as derived by a rule (not printed
/// in the document): the page shows it as such, the workbook writes it as `…（推算）`, which
/// `gongkai import` reads as not printed.
pub(crate) fn mark_derived(table: &mut Table, label: &str) {
    for row in &mut table.rows {
        if let Some(i) = row.cells.iter().position(|c| c.text == label)
            && let Some(c) = row.cells[i + 1..]
                .iter_mut()
                .find(|c| c.class == "num" && !c.text.is_empty())
        {
            c.class = DERIVED;
        }
    }
}

/// The class of a money cell derived by a rule rather than printed.
pub(crate) const DERIVED: &str = "num derived";

/// A text cell of the given class.
pub(crate) fn text(s: impl Into<String>, class: &'static str) -> Cell {
    let s = s.into();
    Cell {
        csv: s.clone(),
        text: s,
        class,
    }
}

/// One body row; `level` is `total`, `class`, `section`, `item` or empty, for indentation and
/// weight.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Row {
    pub(crate) level: &'static str,
    pub(crate) cells: Vec<Cell>,
}

/// One of the nine tables.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Table {
    /// 1..=9, the official order.
    pub(crate) n: usize,
    /// `公开01表`; empty in an edition that prints no number (issue 17).
    pub(crate) code: String,
    /// `收入支出决算总表`, as the edition titles it.
    pub(crate) title: String,
    /// Printed on an A4 page turned sideways (the edition says which).
    pub(crate) landscape: bool,
    /// Header rows, top to bottom.
    pub(crate) head: Vec<Vec<Head>>,
    /// One name per column, for the CSV header (`本年支出/基本支出`).
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<Row>,
    /// The official sentence printed instead of an empty grid ("本单位无…").
    pub(crate) empty: Option<String>,
    /// The record gives no data for the table at all (issue 16): the public page leaves the table
    /// out, the internal one says "未填报"; never "本单位无…", which needs a stated 0.
    pub(crate) not_filed: bool,
    pub(crate) notes: Vec<String>,
    /// Link to the CSV, relative to the page (filled in by the page view).
    pub(crate) csv_href: String,
}

impl Table {
    /// A table with its header; rows and notes follow.
    pub(crate) fn new(n: usize, title: impl Into<String>, head: Vec<Vec<Head>>) -> Table {
        let columns = column_names(&head);
        Table {
            n,
            code: format!("公开{n:02}表"),
            title: title.into(),
            landscape: false,
            head,
            columns,
            rows: Vec::new(),
            empty: None,
            not_filed: false,
            notes: Vec::new(),
            csv_href: String::new(),
        }
    }

    /// Marks the table as having no data: no rows, the official sentence instead.
    pub(crate) fn none(mut self, sentence: &str) -> Table {
        self.rows.clear();
        self.empty = Some(sentence.to_owned());
        self
    }

    /// Marks the table as not filed: the record states none of its figures (issue 16).
    pub(crate) fn not_filed(mut self) -> Table {
        self.rows.clear();
        self.not_filed = true;
        self
    }

    /// What a table without data says: the official sentence when the record states the
    /// figure as 0, else nothing (not filed). A missing figure is "not printed", never "none".
    pub(crate) fn none_if_stated(self, stated: Option<Dec>, sentence: &str) -> Table {
        if stated.is_some_and(Dec::is_zero) {
            self.none(sentence)
        } else {
            self.not_filed()
        }
    }

    /// The CSV: UTF-8 with a BOM, every field quoted, CRLF; the header is one name per column,
    /// a table without data holds the sentence after its header.
    pub(crate) fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        line(&mut out, self.columns.iter().map(String::as_str));
        for row in &self.rows {
            line(&mut out, row.cells.iter().map(|c| c.csv.as_str()));
        }
        if let Some(sentence) = &self.empty {
            line(&mut out, [sentence.as_str()]);
        }
        for note in &self.notes {
            line(&mut out, [note.as_str()]);
        }
        out
    }
}

/// One CSV row; a text that a spreadsheet would run as a formula gets its `'` guard, as in
/// every other CSV (issue 15; a 决算 text shows it once the sweep's payloads reach it).
fn line<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    let quoted: Vec<String> = fields
        .into_iter()
        // Guarded like every other CSV (a cell starting with `=`, `+`, `@` … is a formula in a
        // spreadsheet); found by the XSS sweep once its payloads shifted (issue 16).
        .map(|f| format!("\"{}\"", crate::pages::csv::guard(f).replace('"', "\"\"")))
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// The leaf name of every column, prefixed by the headers above it (`本年支出/小计`).
fn column_names(head: &[Vec<Head>]) -> Vec<String> {
    // Lay the header out on a grid, honouring row and column spans.
    let width = head
        .first()
        .map_or(0, |r| r.iter().map(|h| h.colspan).sum());
    let mut grid: Vec<Vec<Option<&str>>> = vec![vec![None; width]; head.len()];
    let mut taken = vec![vec![false; width]; head.len()];
    for (r, row) in head.iter().enumerate() {
        let mut c = 0;
        for h in row {
            while c < width && taken[r][c] {
                c += 1;
            }
            for rr in r..(r + h.rowspan.max(1)).min(head.len()) {
                for cc in c..(c + h.colspan.max(1)).min(width) {
                    taken[rr][cc] = true;
                    if rr == r {
                        grid[rr][cc] = Some(h.text.as_str());
                    }
                }
            }
            c += h.colspan.max(1);
        }
    }
    (0..width)
        .map(|c| {
            let mut parts: Vec<&str> = grid.iter().filter_map(|row| row[c]).collect();
            parts.dedup();
            parts.join("/")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_follow_row_and_column_spans() {
        let t = Table::new(
            5,
            "一般公共预算财政拨款支出决算表",
            vec![
                vec![
                    head("科目编码", 1, 2),
                    head("科目名称", 1, 2),
                    head("本年支出", 3, 1),
                ],
                vec![
                    head("小计", 1, 1),
                    head("基本支出", 1, 1),
                    head("项目支出", 1, 1),
                ],
            ],
        );
        assert_eq!(
            t.columns,
            [
                "科目编码",
                "科目名称",
                "本年支出/小计",
                "本年支出/基本支出",
                "本年支出/项目支出"
            ]
        );
    }

    #[test]
    fn an_empty_table_writes_its_sentence_into_the_csv_after_a_bom() {
        let t = Table::new(
            7,
            "政府性基金预算财政拨款收入支出决算表",
            vec![vec![head("项目", 1, 1)]],
        )
        .none("本单位无政府性基金预算财政拨款收入支出。");
        let csv = t.csv();
        assert!(csv.starts_with("\u{feff}\"项目\"\r\n"));
        assert!(csv.contains("\"本单位无政府性基金预算财政拨款收入支出。\""));
    }

    #[test]
    fn money_cells_group_on_the_page_but_not_in_the_csv() {
        let c = money(Dec::parse("11092.59").ok());
        assert_eq!((c.text.as_str(), c.csv.as_str()), ("11,092.59", "11092.59"));
        assert_eq!(money(None).text, "");
    }
}
