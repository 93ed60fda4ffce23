//! `gongkai import FILE…` (issue 18): the 决算 tables finance staff already have in a workbook
//! (.xlsx, .xls or .ods: the 部门决算 software's export, a re-saved copy, or gongkai's own
//! `juesuan.xlsx`), read into a record in the documented format.
//!
//! In: workbooks, the unit and year, the edition. Out: `content/<unit>/<year>.yaml`, or every
//! problem of every file located as `book.xlsx!Sheet!C12` and nothing written. Each table is
//! found by its sheet's name or its title (`公开03表`, `GK03`, `Z03 支出决算表(财决03表)` …),
//! each column by its header text (over one or several header rows, merged or not), each row by
//! its 科目编码 (in one column or split 类/款/项); blank rows and columns, thousands separators
//! and `—` are taken as printed (a blank or `—` cell is not printed, never 0). Money with more
//! places than two is rounded 四舍五入 to two.
//!
//! Today: the five 科目 tables (收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表, 政府性基金
//! and 国有资本经营 tables). The 总表s, 基本支出 and "三公" tables and the 自评表 workbooks are
//! not read yet: a workbook holding only those is reported as holding no table gongkai reads.

mod sheet;
mod write;

use std::path::{Path, PathBuf};

use calamine::Reader;

use crate::error::{Error, Result};
use crate::model::tables::{LineTable, LineTableKind};

/// What to import and where.
pub struct ImportOptions {
    /// The workbooks to read.
    pub files: Vec<PathBuf>,
    /// The unit's id (its folder under the content folder).
    pub unit: String,
    /// The record's year.
    pub year: i64,
    /// The record's `edition`, when it names one.
    pub edition: Option<String>,
    /// The record's `template` (the 自评 scoring rules): `national` unless given.
    pub template: String,
    /// The content folder.
    pub content: PathBuf,
    /// Replace an existing record.
    pub force: bool,
}

/// What `import` did.
#[derive(Debug)]
pub struct Imported {
    /// The record written.
    pub record: PathBuf,
    /// Each table read, as `book.xlsx!Sheet`.
    pub sources: Vec<String>,
    /// The lines that changed, as `diff` shows them, when an existing record was replaced.
    pub changes: Option<String>,
}

/// One table read from a sheet.
pub(crate) struct Found {
    pub(crate) table: LineTable,
    /// `book.xlsx!Sheet`.
    pub(crate) source: String,
    /// `万元` or `元`, when the sheet says.
    pub(crate) unit: Option<String>,
}

/// Reads every file, then writes the record; nothing is written when any problem was found.
pub fn import(opts: &ImportOptions) -> Result<Imported> {
    let usage = |m: String| Error::Usage(format!("import: {m}"));
    let id = crate::model::UnitId::parse(&opts.unit)
        .map_err(|e| usage(format!("--unit: expected {e}")))?;
    let year =
        crate::model::Year::new(opts.year).map_err(|e| usage(format!("--year: expected {e}")))?;
    let mut problems = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    for file in &opts.files {
        read_file(file, &mut found, &mut problems);
    }
    for kind in LineTableKind::ALL {
        let sources: Vec<&str> = found
            .iter()
            .filter(|f| f.table.kind == kind)
            .map(|f| f.source.as_str())
            .collect();
        if sources.len() > 1 {
            problems.push(format!(
                "{}: expected one {} in all the files, found {} ({})",
                sources[1],
                kind.title(),
                sources.len(),
                sources.join(", ")
            ));
        }
    }
    if problems.is_empty() && found.is_empty() {
        problems.push(format!(
            "{}: expected a sheet holding one of the tables gongkai imports ({}), found none",
            opts.files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            LineTableKind::ALL.map(LineTableKind::title).join("、")
        ));
    }
    if !problems.is_empty() {
        let n = problems.len();
        return Err(usage(format!(
            "nothing written; {n} problem{}:\n{}",
            if n == 1 { "" } else { "s" },
            problems.join("\n")
        )));
    }
    found.sort_by_key(|f| f.table.kind);
    let text = write::record(year.get(), &opts.template, opts.edition.as_deref(), &found);
    let dir = opts.content.join(id.as_str());
    let path = dir.join(format!("{year}.yaml"));
    let old = match std::fs::read_to_string(&path) {
        Ok(old) if !opts.force => {
            let _ = old;
            return Err(usage(format!(
                "`{}` already exists: give --force to replace it (the lines that change are then shown)",
                path.display()
            )));
        }
        Ok(old) => Some(old),
        Err(_) => None,
    };
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
        action: "create",
        path: dir.clone(),
        source,
    })?;
    std::fs::write(&path, &text).map_err(|source| Error::Io {
        action: "write",
        path: path.clone(),
        source,
    })?;
    Ok(Imported {
        changes: old.map(|o| write::diff(&o, &text)),
        record: path,
        sources: found.into_iter().map(|f| f.source).collect(),
    })
}

/// Every table of one workbook, or its problems.
fn read_file(file: &Path, found: &mut Vec<Found>, problems: &mut Vec<String>) {
    let shown = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut book = match calamine::open_workbook_auto(file) {
        Ok(b) => b,
        Err(e) => {
            problems.push(format!(
                "{shown}: expected a workbook (.xlsx, .xls or .ods), could not read it: {e}"
            ));
            return;
        }
    };
    let names = book.sheet_names().to_vec();
    for name in names {
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{shown}!{name}: could not read the sheet: {e}"));
                continue;
            }
        };
        let grid = sheet::Grid::of(&range);
        let Some(kind) = sheet::kind_of(&name, &grid) else {
            continue;
        };
        let at = format!("{shown}!{name}");
        match sheet::table(kind, &grid, &at) {
            Ok((table, unit)) => found.push(Found {
                table,
                source: at,
                unit,
            }),
            Err(mut p) => problems.append(&mut p),
        }
    }
}
