//! A record's 决算 tables as one workbook (issue 18): one sheet per table in the edition's
//! order, each with its title, 编制单位 and 金额单位 lines, its header rows with their merged
//! cells, every figure a number shown with two places, the header frozen, and its 注 lines; a
//! table without data holds its statement. The same bytes for the same record (the workbook's
//! creation date is fixed). What `gongkai import` reads back (round trip).
//!
//! In: the tables as the page builds them. Out: the `.xlsx` bytes. Never a formula: every
//! text is written as text.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::model::Table;
use crate::error::{Error, Result};

/// Appended to a figure the page derives by a rule (`0.00（推算）`).
pub(crate) const DERIVED_MARK: &str = "（推算）";

/// What each sheet states above its table.
pub(crate) struct Heading<'a> {
    /// `编制单位：…`, when the edition prints it.
    pub(crate) prepared_by: Option<&'a str>,
    /// `金额单位` or `单位`.
    pub(crate) unit_label: &'a str,
    /// `万元` or `元`.
    pub(crate) amount_unit: &'a str,
}

/// The workbook of `tables`.
pub(crate) fn workbook(tables: &[Table], heading: &Heading<'_>) -> Result<Vec<u8>> {
    build(tables, heading).map_err(|e| {
        Error::Usage(crate::lang::pick(
            format!("无法写出决算 Excel 表：{e}"),
            format!("the 决算 workbook could not be written: {e}"),
        ))
    })
}

fn build(tables: &[Table], heading: &Heading<'_>) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // The fastest deflate: a workbook is written per record on every build, and level 1
    // costs a few per cent in size for a third of the compression time (issue 20).
    book.set_zip_compression_level(1);
    // A fixed date: the same record gives the same bytes on any day.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let text = Format::new().set_border(rust_xlsxwriter::FormatBorder::Thin);
    let number = Format::new()
        .set_num_format("#,##0.00")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let mut used = Vec::new();
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(t, &mut used))?;
        let width = t.columns.len().max(1);
        let last = col(width - 1);
        sheet.write_string_with_format(0, 0, table_title(t), &title)?;
        let mut line = String::new();
        if let Some(unit) = heading.prepared_by {
            line.push_str(&format!("编制单位：{unit}    "));
        }
        line.push_str(&format!("{}：{}", heading.unit_label, heading.amount_unit));
        sheet.write_string(1, 0, &line)?;
        // The header on a grid: each cell at the first free column of its row.
        let top = 2u32;
        let mut taken = vec![vec![false; width]; t.head.len()];
        for (r, cells) in t.head.iter().enumerate() {
            let mut c = 0;
            for h in cells {
                while c < width && taken[r][c] {
                    c += 1;
                }
                if c >= width {
                    break;
                }
                let (rs, cs) = (h.rowspan.max(1), h.colspan.max(1));
                for line in taken.iter_mut().skip(r).take(rs) {
                    for cell in line.iter_mut().skip(c).take(cs) {
                        *cell = true;
                    }
                }
                let (r0, c0) = (top + row(r), col(c));
                let (r1, c1) = (r0 + row(rs) - 1, (c0 + col(cs) - 1).min(last));
                if r1 > r0 || c1 > c0 {
                    sheet.merge_range(r0, c0, r1, c1, &h.text, &head)?;
                } else {
                    sheet.write_string_with_format(r0, c0, &h.text, &head)?;
                }
                c += cs;
            }
        }
        let body = top + row(t.head.len());
        sheet.set_freeze_panes(body, 0)?;
        let mut r = body;
        for data in &t.rows {
            for (c, cell) in data.cells.iter().enumerate() {
                let c = col(c);
                match (cell.class, cell.csv.parse::<f64>()) {
                    ("num", Ok(v)) if !cell.csv.is_empty() => {
                        sheet.write_number_with_format(r, c, v, &number)?;
                    }
                    // Not printed in the document: said so in the cell, and read back by
                    // `import` as not printed.
                    (super::model::DERIVED, _) => {
                        sheet.write_string_with_format(
                            r,
                            c,
                            format!("{}{}", cell.csv, DERIVED_MARK),
                            &text,
                        )?;
                    }
                    _ => {
                        sheet.write_string_with_format(r, c, &cell.csv, &text)?;
                    }
                }
            }
            r += 1;
        }
        if let Some(sentence) = &t.empty {
            sheet.write_string(r, 0, sentence)?;
            r += 1;
        }
        for note in &t.notes {
            sheet.write_string(r, 0, note)?;
            r += 1;
        }
        sheet.set_column_width(0, 12)?;
        if width > 1 {
            sheet.set_column_width(1, 30)?;
        }
        for c in 2..width {
            sheet.set_column_width(col(c), 14)?;
        }
        if t.landscape {
            sheet.set_landscape();
        }
        sheet.set_paper_size(9); // A4
        sheet.set_repeat_rows(top, body.saturating_sub(1))?;
    }
    book.save_to_buffer()
}

/// `公开01表 收入支出决算总表`, or the title alone in an edition without numbers.
fn table_title(t: &Table) -> String {
    if t.code.is_empty() {
        t.title.clone()
    } else {
        format!("{} {}", t.code, t.title)
    }
}

/// A sheet name Excel accepts: the table's number and title, without `[]:*?/\`, at most 31
/// characters, unique in the workbook.
fn sheet_name(t: &Table, used: &mut Vec<String>) -> String {
    let base: String = table_title(t)
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let mut name = base.clone();
    let mut k = 2;
    while used.contains(&name) {
        let suffix = format!("({k})");
        name = base
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        k += 1;
    }
    used.push(name.clone());
    name
}

fn row(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}
