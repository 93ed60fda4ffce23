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
//! The nine tables: the two 总表s (two sides, rows by their 项目) into `income`, `expenditure`
//! and `fiscal`; the five 科目 tables into their `*_table` blocks; the 基本支出决算表 into
//! `basic`; the "三公" table into `three_public`. A sheet's table is known by its title, in the
//! sheet's name or in its first cells, as any edition of the theme prints it, or by the number
//! the record's edition prints (`公开07表`, `GK07`). The 自评表 (部门整体 and 项目) are read by
//! `zipingbiao`.

mod basic;
mod sheet;
mod totals;
mod write;
mod zipingbiao;

use std::path::{Path, PathBuf};

use calamine::Reader;

use crate::error::{Error, Result};
use crate::lang::pick;
use crate::model::tables::LineTable;
use crate::render::edition::TableId;

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
    /// What `gongkai check` finds in the record written (its sums checked again after the
    /// rounding), as `check` prints it; `None` when the content folder does not load as a
    /// whole (another file's error: `check` reports it).
    pub findings: Option<String>,
}

/// A table as read, in the shape the record types it.
pub(crate) enum Table {
    Lines(LineTable),
    Summary(totals::Summary),
    Fiscal(totals::FiscalTotals),
    Basic(basic::BasicTable),
    ThreePublic(basic::ThreeTable),
    /// A 自评表 (issue 18).
    Form(Box<zipingbiao::Scorecard>),
}

/// One table read from a sheet.
pub(crate) struct Found {
    /// `None` for a 自评表.
    pub(crate) id: Option<TableId>,
    pub(crate) table: Table,
    /// `book.xlsx!Sheet`.
    pub(crate) source: String,
    /// `万元` or `元`, when the sheet says.
    pub(crate) unit: Option<String>,
    /// The sheet continues the table of the sheet before it (`支出决算表(续)`).
    pub(crate) continued: bool,
}

impl Table {
    /// Appends the rows of `more`, the same table continued on a further sheet; a figure both
    /// print stays the first sheet's (a repeated 合计 row). False when the tables differ.
    fn extend(&mut self, more: Table) -> bool {
        match (self, more) {
            (Table::Lines(a), Table::Lines(b)) if a.kind == b.kind => {
                a.rows.extend(b.rows);
                a.total = a.total.take().or(b.total);
                a.statement = a.statement.take().or(b.statement);
            }
            (Table::Basic(a), Table::Basic(b)) => {
                a.items.extend(b.items);
                a.personnel = a.personnel.or(b.personnel);
                a.public = a.public.or(b.public);
            }
            (Table::Summary(a), Table::Summary(b)) => {
                a.income.extend(b.income);
                a.expenditure.extend(b.expenditure);
                a.by_class.extend(b.by_class);
            }
            (Table::Fiscal(a), Table::Fiscal(b)) => {
                a.plain.extend(b.plain);
                a.income_funds.extend(b.income_funds);
                a.opening_funds.extend(b.opening_funds);
                a.by_class.extend(b.by_class);
                a.expenditure_funds.extend(b.expenditure_funds);
                a.closing_funds.extend(b.closing_funds);
                a.grand_total_funds.extend(b.grand_total_funds);
            }
            _ => return false,
        }
        true
    }
}

/// Joins each sheet marked continued to the sheet before it in the same workbook holding the
/// same table; a continued sheet with no such sheet before it is a problem.
fn join_continued(found: Vec<Found>, problems: &mut Vec<String>) -> Vec<Found> {
    let book = |s: &str| s.split('!').next().unwrap_or_default().to_owned();
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        if f.continued
            && let Some(prev) = out.last_mut()
            && prev.id == f.id
            && book(&prev.source) == book(&f.source)
        {
            let source = f.source.clone();
            if prev.table.extend(f.table) {
                prev.source = format!("{}、{source}", prev.source);
                prev.unit = prev.unit.take().or(f.unit);
                continue;
            }
            problems.push(pick(
                format!("{source}：续表与前一张表的格式不同，无法接续"),
                format!("{source}: expected the same layout as the sheet it continues"),
            ));
            continue;
        }
        if f.continued {
            problems.push(pick(
                format!("{}：标为续表，但同一工作簿中它前面没有同一张表", f.source),
                format!(
                    "{}: expected the sheet it continues just before it in the same workbook, found none",
                    f.source
                ),
            ));
            continue;
        }
        out.push(f);
    }
    out
}

/// Reads every file, then writes the record; nothing is written when any problem was found.
pub fn import(opts: &ImportOptions) -> Result<Imported> {
    let usage = |m: String| Error::Usage(format!("import: {m}"));
    let id = crate::model::UnitId::parse(&opts.unit).map_err(|e| {
        usage(pick(
            format!("--unit：应为{}", crate::lang::spaced(&e)),
            format!("--unit: expected {e}"),
        ))
    })?;
    let year = crate::model::Year::new(opts.year).map_err(|e| {
        usage(pick(
            format!("--year：应为{}", crate::lang::spaced(&e)),
            format!("--year: expected {e}"),
        ))
    })?;
    let site = site_settings(&opts.content);
    let edition = opts
        .edition
        .as_deref()
        .or(site.edition.as_deref())
        .unwrap_or("national");
    let site_root = opts.content.parent().unwrap_or(Path::new("."));
    let theme = crate::render::Theme::load(site.theme.as_deref(), site_root)?;
    let names = SheetNames::of(&theme, edition)?;
    let mut problems = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    for file in &opts.files {
        read_file(file, &names, &mut found, &mut problems);
    }
    let mut found = join_continued(found, &mut problems);
    for id in ALL {
        let sources: Vec<&str> = found
            .iter()
            .filter(|f| f.id == Some(id))
            .map(|f| f.source.as_str())
            .collect();
        if sources.len() > 1 {
            problems.push(pick(
                format!(
                    "{}：所有文件中应只有一张{}，实际有 {} 张（{}）",
                    sources[1],
                    names.title(id),
                    sources.len(),
                    sources.join("、")
                ),
                format!(
                    "{}: expected one {} in all the files, found {} ({})",
                    sources[1],
                    names.title(id),
                    sources.len(),
                    sources.join(", ")
                ),
            ));
        }
    }
    problems.extend(zipingbiao::duplicates(&found));
    if problems.is_empty() && found.is_empty() {
        let files = opts
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let titles = ALL
            .map(|id| names.title(id))
            .into_iter()
            .chain([
                "部门整体支出绩效自评表".to_owned(),
                "项目支出绩效自评表".to_owned(),
            ])
            .collect::<Vec<_>>()
            .join("、");
        problems.push(pick(
            format!("{files}：未找到 gongkai 能读入的表（{titles}）"),
            format!(
                "{files}: expected a sheet holding one of the tables gongkai imports ({titles}), found none"
            ),
        ));
    }
    if !problems.is_empty() {
        let n = problems.len();
        return Err(usage(pick(
            format!("未写入任何文件；共 {n} 个问题：\n{}", problems.join("\n")),
            format!(
                "nothing written; {n} problem{}:\n{}",
                if n == 1 { "" } else { "s" },
                problems.join("\n")
            ),
        )));
    }
    found.sort_by_key(|f| f.id);
    let text = write::record(year.get(), &opts.template, opts.edition.as_deref(), &found);
    let dir = opts.content.join(id.as_str());
    let path = dir.join(format!("{year}.yaml"));
    let old = match std::fs::read_to_string(&path) {
        Ok(old) if !opts.force => {
            let _ = old;
            return Err(usage(pick(
                format!(
                    "`{}` 已存在：如要替换，请加 --force（届时列出改动的行）",
                    path.display()
                ),
                format!(
                    "`{}` already exists: give --force to replace it (the lines that change are then shown)",
                    path.display()
                ),
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
    let findings = crate::check_content(&opts.content).ok().map(|c| {
        crate::check::Report {
            findings: c
                .report
                .findings
                .into_iter()
                .filter(|f| f.unit == id && f.year == year)
                .collect(),
        }
        .to_human_named(&c.names)
    });
    Ok(Imported {
        findings,
        changes: old.map(|o| write::diff(&o, &text)),
        record: path,
        sources: found.into_iter().map(|f| f.source).collect(),
    })
}

/// The nine tables in the 财政部 order.
const ALL: [TableId; 9] = [
    TableId::Summary,
    TableId::Income,
    TableId::Expenditure,
    TableId::Fiscal,
    TableId::GeneralBudget,
    TableId::Basic,
    TableId::GovFund,
    TableId::StateCapital,
    TableId::ThreePublic,
];

/// What a sheet holding each table may be called: the titles every edition of the theme prints
/// (without spaces and quotes), and the numbers the record's edition prints.
pub(crate) struct SheetNames {
    /// Title (bare) → table, longest first.
    titles: Vec<(String, TableId)>,
    /// `03` of `公开03表` → table, in the record's edition.
    numbers: Vec<(String, TableId)>,
    /// Each table's title in the record's edition (for messages).
    shown: Vec<(TableId, String)>,
}

impl SheetNames {
    fn of(theme: &crate::render::Theme, edition: &str) -> Result<SheetNames> {
        let editions = crate::render::edition::parse_all(&theme.editions)?;
        let mut titles: Vec<(String, TableId)> = Vec::new();
        for e in editions.values() {
            for t in &e.tables {
                let bare = sheet::bare_title(&t.title);
                if !titles.iter().any(|(b, _)| *b == bare) {
                    titles.push((bare, t.id));
                }
            }
        }
        for kind in crate::model::tables::LineTableKind::ALL {
            let bare = sheet::bare_title(kind.title());
            if let Some(id) = ALL.into_iter().find(|id| id.line_kind() == Some(kind))
                && !titles.iter().any(|(b, _)| *b == bare)
            {
                titles.push((bare, id));
            }
        }
        titles.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
        let chosen = editions.get(edition).or_else(|| editions.get("national"));
        let mut numbers = Vec::new();
        let mut shown = Vec::new();
        if let Some(e) = chosen {
            for t in &e.tables {
                if let Some(n) = t
                    .label
                    .as_deref()
                    .map(sheet::number_of)
                    .filter(|n| !n.is_empty())
                {
                    numbers.push((n, t.id));
                }
                shown.push((t.id, t.title.clone()));
            }
        }
        Ok(SheetNames {
            titles,
            numbers,
            shown,
        })
    }

    fn title(&self, id: TableId) -> String {
        self.shown
            .iter()
            .find(|(i, _)| *i == id)
            .map_or_else(|| format!("{id:?}"), |(_, t)| t.clone())
    }

    /// The table a sheet holds, from its name or the first texts of its first rows.
    fn kind_of(&self, name: &str, grid: &sheet::Grid) -> Option<TableId> {
        let mut candidates = vec![name.to_owned()];
        candidates.extend(sheet::first_texts(grid));
        for c in &candidates {
            let bare = sheet::bare_title(c);
            // As printed, or after the year (`2024年度收入决算表`), or cut at Excel's 31
            // characters in a sheet name.
            let hit = self.titles.iter().find(|(t, _)| {
                bare == *t
                    || bare
                        .strip_suffix(t.as_str())
                        .is_some_and(|head| head.ends_with('年') || head.ends_with("年度"))
                    || (c == name
                        && name.chars().count() == 31
                        && bare.chars().count() >= 6
                        && t.starts_with(&bare))
            });
            if let Some((_, id)) = hit {
                return Some(*id);
            }
        }
        let n = sheet::number_of(name);
        self.numbers
            .iter()
            .find(|(k, _)| !n.is_empty() && *k == n && sheet::bare_title(name).is_empty())
            .map(|(_, id)| *id)
    }
}

/// The site's theme and edition, from `_site.yaml` when it is there and reads; else none (the
/// embedded theme, the national edition). A broken `_site.yaml` is `check`'s to report.
fn site_settings(content: &Path) -> crate::load::raw::RawSite {
    let path = content.join("_site.yaml");
    let none = || crate::load::raw::RawSite {
        title: String::new(),
        subtitle: None,
        base_url: None,
        profile: None,
        theme: None,
        locale: None,
        thresholds: None,
        edition: None,
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return none();
    };
    let text: std::sync::Arc<str> = std::sync::Arc::from(text.as_str());
    crate::load::yaml::parse::<crate::load::raw::RawSite>(&path.display().to_string(), &text)
        .1
        .unwrap_or_else(|_| none())
}

/// Every table of one workbook, or its problems.
fn read_file(file: &Path, names: &SheetNames, found: &mut Vec<Found>, problems: &mut Vec<String>) {
    let shown = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut book = match calamine::open_workbook_auto(file) {
        Ok(b) => b,
        Err(e) => {
            problems.push(pick(
                format!("{shown}：应为工作簿（.xlsx、.xls 或 .ods），无法读取：{e}"),
                format!(
                    "{shown}: expected a workbook (.xlsx, .xls or .ods), could not read it: {e}"
                ),
            ));
            return;
        }
    };
    let sheets = book.sheet_names().to_vec();
    for name in sheets {
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(pick(
                    format!("{shown}!{name}：无法读取该工作表：{e}"),
                    format!("{shown}!{name}: could not read the sheet: {e}"),
                ));
                continue;
            }
        };
        let grid = sheet::Grid::of(&range);
        if let Some(form) = zipingbiao::form_of(&name, &grid) {
            match zipingbiao::read(form, &grid, &format!("{shown}!{name}")) {
                Ok(s) => found.push(Found {
                    id: None,
                    unit: s.unit.clone(),
                    table: Table::Form(Box::new(s)),
                    source: format!("{shown}!{name}"),
                    continued: false,
                }),
                Err(mut p) => problems.append(&mut p),
            }
            continue;
        }
        let Some(id) = names.kind_of(&name, &grid) else {
            continue;
        };
        let at = format!("{shown}!{name}");
        let table = match id {
            TableId::Summary => totals::summary(&grid, &at).map(Table::Summary),
            TableId::Fiscal => totals::fiscal(&grid, &at).map(Table::Fiscal),
            TableId::Basic => basic::basic(&grid, &at).map(Table::Basic),
            TableId::ThreePublic => basic::three_public(&grid, &at).map(Table::ThreePublic),
            other => match other.line_kind() {
                Some(kind) => sheet::table(kind, &grid, &at).map(Table::Lines),
                None => continue,
            },
        };
        match table {
            Ok(table) => found.push(Found {
                id: Some(id),
                unit: sheet::unit_of(&grid),
                continued: sheet::is_continued(&name)
                    || sheet::first_texts(&grid)
                        .iter()
                        .any(|t| sheet::is_continued(t)),
                table,
                source: at,
            }),
            Err(mut p) => problems.append(&mut p),
        }
    }
}
