//! `units/<id>/<year>/juesuan.html`: a record's 部门决算 as the nine official tables (公开01–09表)
//! with the standard charts; `data/<id>/<year>/juesuan-<n>.csv`: each table as CSV.
//!
//! In: a record with `final_accounts`, and the prior year's record of the same unit when it
//! exists (for the 上年 comparison). Out: a [`JuesuanPage`] for `juesuan.html` (every number
//! formatted, 万元 to 2 dp) and the CSV text of one table. Never: corrects a stated figure (a
//! stated total is printed as stated; where the parts sum to something else a note says so),
//! invents a figure the record cannot give (such a cell stays empty and the table says so), or
//! writes the 情况说明 text (it is included from `partials/juesuan_text.html` by another part).
//!
//! The official column layouts (财政部 部门决算公开 统一格式), in order:
//!
//! 1. 收入支出决算总表 — two sides. 收入: 项目 | 行次 | 金额, rows 一、一般公共预算财政拨款收入,
//!    二、政府性基金预算财政拨款收入, 三、国有资本经营预算财政拨款收入, 四、上级补助收入, 五、事业收入,
//!    六、经营收入, 七、附属单位上缴收入, 八、其他收入; then 本年收入合计, 使用非财政拨款结余,
//!    年初结转和结余, 总计. 支出: 项目 | 行次 | 金额, one row per 功能分类 类 (一、一般公共服务支出 …),
//!    then 本年支出合计, 结余分配, 年末结转和结余, 总计.
//! 2. 收入决算表 — 项目 (科目编码 | 科目名称) | 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 |
//!    经营收入 | 附属单位上缴收入 | 其他收入; rows 合计, then 类/款/项.
//! 3. 支出决算表 — 项目 (科目编码 | 科目名称) | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 |
//!    经营支出 | 对附属单位补助支出; rows 合计, then 类/款/项.
//! 4. 财政拨款收入支出决算总表 — 收入: 项目 | 行次 | 金额 (一、一般公共预算财政拨款,
//!    二、政府性基金预算财政拨款, 三、国有资本经营预算财政拨款; 本年收入合计, 年初财政拨款结转和结余,
//!    总计). 支出: 项目 | 行次 | 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 |
//!    国有资本经营预算财政拨款 (one row per 类; 本年支出合计, 年末财政拨款结转和结余, 总计).
//! 5. 一般公共预算财政拨款支出决算表 — 项目 (科目编码 | 科目名称) | 本年支出 (小计 | 基本支出 |
//!    项目支出); rows 合计, then 类/款/项.
//! 6. 一般公共预算财政拨款基本支出决算表 — 人员经费 (科目编码 | 科目名称 | 决算数) beside 公用经费
//!    (科目编码 | 科目名称 | 决算数), by 经济分类; last row 人员经费合计 | 公用经费合计.
//! 7. 政府性基金预算财政拨款收入支出决算表 — 项目 (科目编码 | 科目名称) | 年初结转和结余 | 本年收入 |
//!    本年支出 (小计 | 基本支出 | 项目支出) | 年末结转和结余; rows 合计, then 类/款/项.
//! 8. 国有资本经营预算财政拨款支出决算表 — 项目 (科目编码 | 科目名称) | 本年支出 (合计 | 基本支出 |
//!    项目支出); rows 合计, then 类/款/项.
//! 9. 财政拨款"三公"经费支出决算表 — 预算数 and 决算数, each: 合计 | 因公出国（境）费 |
//!    公务用车购置及运行费 (小计 | 公务用车购置费 | 公务用车运行费) | 公务接待费; one row.
//!
//! A table without data prints the official sentence ("本单位无政府性基金预算财政拨款收入支出。")
//! instead of a grid when the record states its figure as 0. A table the record gives nothing
//! for is not filed (issue 16): the public page leaves it out, the internal one says "未填报". Documents whose tables were images are rebuilt from the record: what the
//! record cannot give (e.g. 收入 by 科目, 基本/项目 per 科目) is an empty cell, and a table with
//! an empty cell says so in a note.

mod charts;
mod fiscal;
mod funds;
mod lines;
mod model;
mod summary;
mod typed;
mod xlsx;

use crate::score::accounts::Prior;
use serde::Serialize;

use self::charts::ChartView;
use self::model::Table;
use super::findings::{FindingView, finding_view, take, under};
use super::narrative::{Shuoming, shuoming};
use super::{Ctx, record_shell, year_label};
use crate::error::{Error, Result};
use crate::model::{FinalAccounts, Profile, Record, Unit};
use crate::plan::{juesuan_csv_path, juesuan_xlsx_path, unit_year_path};
use crate::render::Shell;
use crate::render::edition::{Edition, EditionTable, Numbering, TableId, chinese_numeral};
use crate::score::accounts::{Totals, derive};

/// Said under a table that has an empty money cell.
const EMPTY_CELL_NOTE: &str = "空白单元格表示原文未列示、且无法由其他数字推算的数据。";

#[derive(Serialize)]
pub(super) struct JuesuanPage {
    title: String,
    amount_unit: &'static str,
    source: Option<String>,
    record_href: String,
    /// 原文不全: where the document stops and which sums are of the visible part; empty
    /// otherwise (issue 16).
    incomplete: String,
    /// The internal profile: what the record leaves out is marked "未填报" (issue 16).
    internal: bool,
    tables: Vec<TableView>,
    /// 第三部分 情况说明, generated from the same figures as the tables.
    shuoming: Option<Shuoming>,
    /// Findings on the 情况说明 and the other 决算 figures no table prints (internal profile),
    /// shown at the head of the 情况说明.
    shuoming_findings: Vec<FindingView>,
    charts: Vec<ChartView>,
    /// The 情况说明's sections in the edition's order and numbering (issue 17).
    sections: Vec<SectionView>,
    /// `第五部分`: the 名词解释's part number in the edition.
    glossary_part: String,
    /// The 名词解释's entries the page prints, numbered as the edition numbers them.
    glossary: Vec<GlossaryView>,
    /// `list` or `chinese`.
    glossary_numbering: Numbering,
    /// "编制单位：…" above each table, when the edition prints it.
    prepared_by: Option<String>,
    /// Link to the workbook of all the tables (issue 18).
    xlsx_href: String,
    /// `金额单位` or `单位`, as the edition prints it.
    unit_label: String,
}

/// A table as the page shows it: with the findings on its figures (internal profile).
#[derive(Serialize)]
struct TableView {
    #[serde(flatten)]
    table: Table,
    findings: Vec<FindingView>,
}

/// The blocks of `final_accounts` whose figures table `n` prints: a finding on a field under
/// one of them is shown under that table.
fn table_blocks(n: usize) -> &'static [&'static str] {
    match n {
        1 => &["income", "expenditure", "classes"],
        2 => &["income_table"],
        3 => &["expenditure_table"],
        4 => &["fiscal"],
        5 => &["general_budget_table", "general_budget", "lines"],
        6 => &["basic"],
        7 => &["gov_fund_table"],
        8 => &["state_capital_table"],
        9 => &["three_public"],
        _ => &[],
    }
}

/// One 名词解释 entry as printed.
#[derive(Serialize)]
pub(in crate::pages) struct GlossaryView {
    /// `一` … for an edition numbered in Chinese; empty for a list.
    number: String,
    term: String,
    text: Option<String>,
    /// The entry under which the record's 科目 are listed.
    subjects: bool,
}

/// The edition's 名词解释: the 科目 entry only where the record lists 科目 (or, on the internal
/// profile, marked 未填报), numbered after that choice so the numbers run on.
pub(in crate::pages) fn glossary(
    edition: &Edition,
    has_subjects: bool,
    internal: bool,
) -> Vec<GlossaryView> {
    edition
        .glossary
        .iter()
        .filter(|g| !g.subjects || has_subjects || internal)
        .enumerate()
        .map(|(i, g)| GlossaryView {
            number: match edition.glossary_numbering {
                Numbering::Chinese => chinese_numeral(i + 1),
                Numbering::List => String::new(),
            },
            term: g.term.clone(),
            text: g.text.clone(),
            subjects: g.subjects,
        })
        .collect()
}

/// One 情况说明 section as the edition numbers it.
#[derive(Serialize)]
pub(in crate::pages) struct SectionView {
    key: String,
    title: String,
    /// `h3`, or `h4` under a group heading.
    tag: &'static str,
    /// The group heading, on the group's first section only.
    parent: Option<String>,
}

/// The edition's sections, each group heading on its first section.
pub(in crate::pages) fn sections(edition: &Edition) -> Vec<SectionView> {
    let mut last: Option<&str> = None;
    edition
        .sections
        .iter()
        .map(|s| {
            let parent = s.parent.as_deref();
            let first = parent.is_some() && parent != last;
            last = parent;
            SectionView {
                key: s.key.clone(),
                title: s.title.clone(),
                tag: if parent.is_some() { "h4" } else { "h3" },
                parent: parent.filter(|_| first).map(str::to_owned),
            }
        })
        .collect()
}

/// The nine tables of a record's 决算, in the edition's order.
fn tables(fa: &FinalAccounts, year: i64, edition: &Edition) -> Vec<Table> {
    let t = Totals::of(fa);
    let classes = edition.classes_for(year);
    edition
        .tables
        .iter()
        .map(|et| table(fa, &t, et, &classes))
        .collect()
}

/// One table as the edition lays it out: typed row by row when the record types it (issue 17),
/// else built from the record's totals and lines; numbered, titled and noted by the edition.
fn table(fa: &FinalAccounts, t: &Totals, et: &EditionTable, classes: &[&str]) -> Table {
    let typed = et.id.line_kind().and_then(|k| fa.line_table(k));
    let mut table = match (typed, et.id) {
        (Some(lt), _) => typed::line_table(et, lt),
        (None, TableId::Summary) => summary::table1(fa, t, classes),
        (None, TableId::Income) => summary::table2(fa, t),
        (None, TableId::Expenditure) => summary::table3(fa, t),
        (None, TableId::Fiscal) => fiscal::table4(fa, t, classes),
        (None, TableId::GeneralBudget) => funds::table5(fa),
        (None, TableId::Basic) => funds::table6(fa),
        (None, TableId::GovFund) => funds::table7(fa),
        (None, TableId::StateCapital) => funds::table8(fa),
        (None, TableId::ThreePublic) => funds::table9(fa),
    };
    // A blank cell of a table typed as printed is printed blank; of a table rebuilt from
    // totals it may be a figure the record cannot give.
    let empty_cell = typed.is_none()
        && table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter())
            .any(|c| c.class == "num" && c.text.is_empty());
    if empty_cell {
        table.notes.push(EMPTY_CELL_NOTE.to_owned());
    }
    table.title = et.title.clone();
    table.code = et.label.clone().unwrap_or_default();
    table.landscape = et.landscape;
    if let Some(note) = &et.note {
        table.notes.insert(0, note.clone());
    }
    table
}

/// The edition a record's tables follow: its own, else the site's; an error naming the field
/// when the theme has no such edition.
pub(super) fn edition<'a>(ctx: &'a Ctx<'_>, record: &Record) -> Result<&'a Edition> {
    let name = record
        .edition
        .as_deref()
        .unwrap_or(&ctx.corpus.site.edition);
    ctx.renderer.edition(name).ok_or_else(|| {
        let known: Vec<String> = ctx
            .renderer
            .edition_names()
            .map(|n| format!("`{n}`"))
            .collect();
        let at = if record.edition.is_some() {
            let l = record.locator.locate("edition");
            format!("{}:{}:{}: edition (公开格式)", l.path, l.line, l.col)
        } else {
            "_site.yaml: edition (公开格式)".to_owned()
        };
        let known = known.join(", ");
        Error::Usage(crate::lang::pick(
            format!("{at}：应为 {known} 之一（主题的 editions/<name>.yaml），实际为 `{name}`"),
            format!(
                "{at}: expected one of {known} (the theme's editions/<name>.yaml), found `{name}`"
            ),
        ))
    })
}

/// The prior year's accounts of the same unit, when that record exists.
pub(super) fn prior<'a>(unit: &'a Unit, record: &Record) -> Option<Prior<'a>> {
    let year = record.year.prev()?;
    unit.records
        .iter()
        .find(|r| r.year == year)
        .and_then(|r| Prior::of(r, record))
}

pub(super) fn view(
    ctx: &Ctx<'_>,
    path: &str,
    unit: &Unit,
    record: &Record,
) -> Result<(Shell, JuesuanPage)> {
    let edition = edition(ctx, record)?;
    let title = format!("{}{}部门决算", unit.name, year_label(record.year));
    let id = unit.id.as_str();
    let shell = record_shell(ctx, path, &title, unit, record.year, "部门决算");
    let root = shell.root.clone();
    let mut findings: Vec<_> = ctx
        .findings(record)
        .into_iter()
        .filter(|f| under(&f.finding.field, "final_accounts"))
        .collect();
    let (tables, shuoming, charts) = match &record.final_accounts {
        Some(fa) => {
            let prior = prior(unit, record);
            let figures = derive(fa, prior);
            let mut tables = tables(fa, i64::from(record.year.get()), edition);
            // Issue 16: a block the record leaves out produces nothing on the public site.
            if ctx.profile == Profile::Public {
                tables.retain(|t| !t.not_filed);
            }
            for t in &mut tables {
                t.csv_href = format!("{root}{}", juesuan_csv_path(id, record.year, t.n));
            }
            let mut shuoming = shuoming(record, prior, &figures);
            // The sentence "与…行政单位和参公事业单位…公用经费之和一致" holds only for a unit
            // whose 公用经费 are all 机关运行经费 (issue 16: field 32 also holds a 事业单位).
            if !crate::score::accounts::public_funds_are_operating_costs(unit.kind.as_deref())
                && let Some(o) = shuoming.as_mut().and_then(|s| s.operating_costs.as_mut())
            {
                o.matches_public = false;
            }
            let charts =
                charts::charts(record.year, fa, &figures, prior, record.amount_unit.label());
            (tables, shuoming, charts)
        }
        None => (Vec::new(), None, Vec::new()),
    };
    let tables = tables
        .into_iter()
        .map(|table| {
            let mut mine = Vec::new();
            for block in table_blocks(table.n) {
                mine.extend(take(&mut findings, &format!("final_accounts.{block}")));
            }
            TableView {
                table,
                findings: mine,
            }
        })
        .collect();
    let shuoming_has_subjects = shuoming.as_ref().is_some_and(|s| !s.subjects.is_empty());
    let page = JuesuanPage {
        title,
        amount_unit: record.amount_unit.label(),
        source: crate::pages::source_line(record),
        record_href: format!("{root}{}", unit_year_path(id, record.year)),
        incomplete: record
            .final_accounts
            .as_ref()
            .and_then(|fa| fa.incomplete.as_ref())
            .map(|i| {
                format!(
                    "原文不全：{}。以下表格与情况说明只含可见部分；各合计、占比截至可见部分，原文中断处之后的数字未录入，不作“无”或 0 处理。",
                    i.at
                )
            })
            .unwrap_or_default(),
        internal: ctx.profile == Profile::Internal,
        tables,
        shuoming,
        shuoming_findings: findings.into_iter().map(finding_view).collect(),
        charts,
        sections: sections(edition),
        glossary_part: edition.glossary_part.clone(),
        glossary: glossary(
            edition,
            shuoming_has_subjects,
            ctx.profile == Profile::Internal,
        ),
        glossary_numbering: edition.glossary_numbering,
        prepared_by: edition.prepared_by.then(|| unit.name.clone()),
        xlsx_href: format!("{root}{}", juesuan_xlsx_path(id, record.year)),
        unit_label: edition.unit_label.clone(),
    };
    Ok((shell, page))
}

/// `data/<id>/<year>/juesuan-<n>.csv`; empty for a record without a 决算 or a table its
/// edition does not print.
pub(super) fn csv(ctx: &Ctx<'_>, record: &Record, n: usize) -> Result<String> {
    let edition = edition(ctx, record)?;
    let Some(fa) = &record.final_accounts else {
        return Ok(String::new());
    };
    let classes = edition.classes_for(i64::from(record.year.get()));
    Ok(edition
        .tables
        .iter()
        .find(|et| et.id.n() == n)
        .map(|et| table(fa, &Totals::of(fa), et, &classes).csv())
        .unwrap_or_default())
}

/// `data/<id>/<year>/juesuan.xlsx`: the tables the page prints, one sheet each (issue 18).
pub(super) fn xlsx(ctx: &Ctx<'_>, unit: &Unit, record: &Record) -> Result<Vec<u8>> {
    let edition = edition(ctx, record)?;
    let Some(fa) = &record.final_accounts else {
        return Ok(Vec::new());
    };
    let mut tables = tables(fa, i64::from(record.year.get()), edition);
    if ctx.profile == Profile::Public {
        tables.retain(|t| !t.not_filed);
    }
    xlsx::workbook(
        &tables,
        &xlsx::Heading {
            prepared_by: edition.prepared_by.then_some(unit.name.as_str()),
            unit_label: &edition.unit_label,
            amount_unit: record.amount_unit.label(),
        },
    )
}

#[cfg(test)]
mod tests;
