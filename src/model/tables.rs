//! The 决算 tables typed cell by cell (issue 17): the five 科目 tables, each a 合计 row and
//! 类/款/项 rows with the money columns its kind allows.
//!
//! In: `load::validate::tables` builds these from `raw::tables`. Out: what the checks and the
//! 决算 page read. Never: holds a figure the record does not print (a blank cell is absent, not
//! 0).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Money;

/// A money column of a 科目 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineCol {
    /// 本年收入合计 / 本年支出合计 / 合计 / 本年支出小计.
    Total,
    /// 财政拨款收入.
    Fiscal,
    /// 上级补助收入.
    SuperiorSubsidy,
    /// 事业收入.
    Business,
    /// 经营收入 or 经营支出.
    Operating,
    /// 附属单位上缴收入.
    Affiliated,
    /// 其他收入.
    Other,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// 上缴上级支出.
    ToSuperior,
    /// 对附属单位补助支出.
    ToAffiliated,
    /// 年初结转和结余.
    Opening,
    /// 本年收入.
    Income,
    /// 年末结转和结余.
    Closing,
}

impl LineCol {
    /// The key the record format uses.
    pub fn key(self) -> &'static str {
        match self {
            LineCol::Total => "total",
            LineCol::Fiscal => "fiscal",
            LineCol::SuperiorSubsidy => "superior_subsidy",
            LineCol::Business => "business",
            LineCol::Operating => "operating",
            LineCol::Affiliated => "affiliated",
            LineCol::Other => "other",
            LineCol::Basic => "basic",
            LineCol::Project => "project",
            LineCol::ToSuperior => "to_superior",
            LineCol::ToAffiliated => "to_affiliated",
            LineCol::Opening => "opening",
            LineCol::Income => "income",
            LineCol::Closing => "closing",
        }
    }

    /// The column named by `key`.
    pub fn from_key(key: &str) -> Option<LineCol> {
        LineCol::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Every column, in the order of the record format.
    pub const ALL: [LineCol; 14] = [
        LineCol::Total,
        LineCol::Fiscal,
        LineCol::SuperiorSubsidy,
        LineCol::Business,
        LineCol::Operating,
        LineCol::Affiliated,
        LineCol::Other,
        LineCol::Basic,
        LineCol::Project,
        LineCol::ToSuperior,
        LineCol::ToAffiliated,
        LineCol::Opening,
        LineCol::Income,
        LineCol::Closing,
    ];
}

/// Which 科目 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineTableKind {
    /// 收入决算表 (公开02表).
    Income,
    /// 支出决算表 (公开03表).
    Expenditure,
    /// 一般公共预算财政拨款支出决算表 (公开05表).
    GeneralBudget,
    /// 政府性基金预算财政拨款收入支出决算表.
    GovFund,
    /// 国有资本经营预算财政拨款收入支出决算表.
    StateCapital,
}

impl LineTableKind {
    /// Every kind, in the order of the record format.
    pub const ALL: [LineTableKind; 5] = [
        LineTableKind::Income,
        LineTableKind::Expenditure,
        LineTableKind::GeneralBudget,
        LineTableKind::GovFund,
        LineTableKind::StateCapital,
    ];

    /// The block's key under `final_accounts`.
    pub fn key(self) -> &'static str {
        match self {
            LineTableKind::Income => "income_table",
            LineTableKind::Expenditure => "expenditure_table",
            LineTableKind::GeneralBudget => "general_budget_table",
            LineTableKind::GovFund => "gov_fund_table",
            LineTableKind::StateCapital => "state_capital_table",
        }
    }

    /// The table's official title.
    pub fn title(self) -> &'static str {
        match self {
            LineTableKind::Income => "收入决算表",
            LineTableKind::Expenditure => "支出决算表",
            LineTableKind::GeneralBudget => "一般公共预算财政拨款支出决算表",
            LineTableKind::GovFund => "政府性基金预算财政拨款收入支出决算表",
            LineTableKind::StateCapital => "国有资本经营预算财政拨款收入支出决算表",
        }
    }

    /// The money columns the table may hold; the first is its 合计 column.
    pub fn columns(self) -> &'static [LineCol] {
        use LineCol::*;
        match self {
            LineTableKind::Income => &[
                Total,
                Fiscal,
                SuperiorSubsidy,
                Business,
                Operating,
                Affiliated,
                Other,
            ],
            LineTableKind::Expenditure => {
                &[Total, Basic, Project, ToSuperior, Operating, ToAffiliated]
            }
            LineTableKind::GeneralBudget => &[Total, Basic, Project],
            LineTableKind::GovFund | LineTableKind::StateCapital => {
                &[Opening, Income, Total, Basic, Project, Closing]
            }
        }
    }

    /// The columns whose sum is the 合计 column (`total`).
    pub fn parts(self) -> &'static [LineCol] {
        use LineCol::*;
        match self {
            LineTableKind::Income => &[
                Fiscal,
                SuperiorSubsidy,
                Business,
                Operating,
                Affiliated,
                Other,
            ],
            LineTableKind::Expenditure => &[Basic, Project, ToSuperior, Operating, ToAffiliated],
            LineTableKind::GeneralBudget | LineTableKind::GovFund | LineTableKind::StateCapital => {
                &[Basic, Project]
            }
        }
    }
}

/// The cells of one row that print a figure.
pub type LineCells = BTreeMap<LineCol, Money>;

/// One 类/款/项 row.
#[derive(Debug, Clone, Serialize)]
pub struct LineRow {
    /// 3, 5 or 7 ASCII digits.
    pub code: String,
    pub name: String,
    pub cells: LineCells,
}

impl LineRow {
    /// 类 (3 digits), 款 (5) or 项 (7): 1, 2 or 3.
    pub fn depth(&self) -> usize {
        match self.code.len() {
            3 => 1,
            5 => 2,
            _ => 3,
        }
    }
}

/// A 科目 table as printed.
#[derive(Debug, Clone, Serialize)]
pub struct LineTable {
    pub kind: LineTableKind,
    /// The 合计 row; `None` when the table prints none.
    pub total: Option<LineCells>,
    pub rows: Vec<LineRow>,
    /// "…无…，故本表无数据。" as printed.
    pub statement: Option<String>,
}

impl LineTable {
    /// Whether the table prints no figure at all.
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.cells.is_empty())
            && self.total.as_ref().is_none_or(BTreeMap::is_empty)
    }
}
