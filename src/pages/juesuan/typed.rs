//! The 科目 tables a record types row by row (issue 17), laid out by the edition: its columns,
//! their titles and groups, and where the 合计 row stands.
//!
//! In: a [`LineTable`] and the edition's [`EditionTable`]. Out: a [`Table`] with every typed
//! cell where the record puts it. Never: fills a blank cell (a cell the document prints blank
//! stays blank) or adds a row; a table without figures is printed as its empty grid with its
//! statement, as 财预〔2016〕143号 asks.

use super::model::{Head, Row, Table, head, money, text};
use crate::model::tables::{LineCells, LineTable};
use crate::render::edition::{EditionTable, TotalRow};

/// The table as printed.
pub(super) fn line_table(et: &EditionTable, lt: &LineTable) -> Table {
    let cols = et.line_cols();
    let mut table = Table::new(et.id.n(), et.title.clone(), head_rows(et));
    let row = |level: &'static str, code: &str, name: &str, cells: Option<&LineCells>| {
        let mut out = vec![text(code, "code"), text(name, "name")];
        out.extend(
            cols.iter()
                .map(|c| money(cells.and_then(|m| m.get(c)).copied())),
        );
        Row { level, cells: out }
    };
    let total = row("total", "", "合计", lt.total.as_ref());
    let body = lt.rows.iter().map(|r| {
        let level = match r.depth() {
            1 => "class",
            2 => "section",
            _ => "item",
        };
        row(level, &r.code, &r.name, Some(&r.cells))
    });
    table.rows = match et.total_row {
        TotalRow::First => std::iter::once(total).chain(body).collect(),
        TotalRow::Last => body.chain(std::iter::once(total)).collect(),
    };
    if let Some(s) = &lt.statement {
        table.notes.push(s.clone());
    }
    table
}

/// `项目 (科目编码 | 科目名称)`, then each column: alone over two rows, or under its group.
fn head_rows(et: &EditionTable) -> Vec<Vec<Head>> {
    let mut top = vec![head("项目", 2, 1)];
    let mut second = vec![head("科目编码", 1, 1), head("科目名称", 1, 1)];
    let mut i = 0;
    while i < et.columns.len() {
        let c = &et.columns[i];
        match &c.group {
            None => {
                top.push(head(c.title.clone(), 1, 2));
                i += 1;
            }
            Some(g) => {
                let n = et.columns[i..]
                    .iter()
                    .take_while(|d| d.group.as_ref() == Some(g))
                    .count();
                top.push(head(g.clone(), n, 1));
                second.extend(
                    et.columns[i..i + n]
                        .iter()
                        .map(|d| head(d.title.clone(), 1, 1)),
                );
                i += n;
            }
        }
    }
    vec![top, second]
}
