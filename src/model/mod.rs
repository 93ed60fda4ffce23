//! Validated domain types: what every stage after `load` may trust.
//!
//! In: built only by `load::validate` from the raw file types. Out: a [`Corpus`] of units, each
//! with its records sorted by year. Ids are safe path segments, years are in range, targets and
//! actuals have been parsed into [`Measure`]s (the text is kept beside the parse), and every
//! self-reported figure is kept exactly as reported: nothing here is recomputed or corrected.
#![allow(
    missing_docs,
    reason = "fields mirror the record format; docs/format.md documents each one"
)]

pub mod amount;
pub mod cell;
pub mod id;
pub mod measure;
pub mod money;
pub mod tables;
pub mod whole;

use serde::Serialize;

pub use cell::{Cell, Mark};
pub use id::{UnitId, Year};
pub use measure::{Comparator, Measure};
pub use money::{Dec, Money, Pct};
pub use whole::Whole;

pub use crate::load::raw::{
    RawAccountsIncomplete as AccountsIncomplete, RawAssets as Assets, RawBasic as Basic,
    RawBudgetActual as BudgetActual, RawBudgetTotal as BudgetTotal, RawClass as Class,
    RawContact as Contact, RawExpenditure as Expenditure, RawFiscal as Fiscal,
    RawFundColumns as FundColumns, RawFunds as Funds, RawIncome as Income,
    RawIncomplete as Incomplete, RawJuesuanNarrative as JuesuanNarrative,
    RawOperatingCosts as OperatingCosts, RawPerformance as Performance, RawPriorYear as PriorYear,
    RawProcurement as Procurement, RawProjectFund as ProjectFund, RawReport as Report,
    RawSource as Source, RawStatedFigure as StatedFigure, RawTargetsProject as TargetsProject,
    RawThreePublic as ThreePublic,
};

/// Everything in `content/`, validated.
#[derive(Debug, Serialize)]
pub struct Corpus {
    pub site: Site,
    /// Sorted by `sort`, then id.
    pub units: Vec<Unit>,
}

/// `_site.yaml`.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub title: String,
    pub subtitle: Option<String>,
    /// Without a trailing `/`.
    pub base_url: Option<String>,
    pub profile: Profile,
    pub theme: String,
    pub thresholds: Thresholds,
    /// The 决算公开 edition of records that name none (issue 17): `national` by default.
    pub edition: String,
}

/// Which audience a build is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// What a 决算公开 page publishes: no personal data, no internal findings.
    Public,
    /// Adds findings, rule-vs-reported detail and comparison notes.
    Internal,
}

/// Thresholds for highlights and flags.
#[derive(Debug, Clone, Serialize)]
pub struct Thresholds {
    /// A change above this share (percent units) is highlighted. Default 20.
    pub change: Dec,
    /// Goal completion below this (percent units) is flagged. Default 80.
    pub completion: Dec,
    /// 执行率 below this (percent units) is flagged. Default 90.
    pub execution_low: Dec,
    /// Reported score above the rule score by more than this is flagged. Default 1.
    pub score_gap: Dec,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            change: Dec::from_int(20),
            completion: Dec::from_int(80),
            execution_low: Dec::from_int(90),
            score_gap: Dec::from_int(1),
        }
    }
}

/// A budget unit (街道, 部门, 单位) and its records.
#[derive(Debug, Serialize)]
pub struct Unit {
    pub id: UnitId,
    /// The name as printed; for a unit whose documents print none, its `label` followed by
    /// "（原文未印出单位名称）", so that no list reads it as printed (issue 16).
    pub name: String,
    /// Whether the documents print the unit's name (`name:` given, not `label:`).
    pub name_printed: bool,
    /// Short name; the full name when none is given.
    pub short_name: String,
    pub parent: Option<String>,
    pub region: Option<String>,
    pub kind: Option<String>,
    pub sort: i64,
    pub aliases: Vec<String>,
    /// Sorted by year, one per year.
    pub records: Vec<Record>,
}

/// What one unit published for one year.
#[derive(Debug, Serialize)]
pub struct Record {
    pub unit: UnitId,
    pub year: Year,
    /// The file it was read from, relative to the working directory (for messages).
    pub path: String,
    pub amount_unit: AmountUnit,
    pub template: Template,
    /// The 决算公开 edition the record names (issue 17); without one, the site's
    /// ([`Site::edition`]).
    pub edition: Option<String>,
    pub source: Option<Source>,
    /// Personal data (填报人, phone). Never rendered by the public profile.
    #[serde(skip)]
    pub contact: Option<Contact>,
    pub self_evaluation: Option<Scorecard>,
    pub projects: Vec<Scorecard>,
    pub final_accounts: Option<FinalAccounts>,
    pub targets: Option<Targets>,
    /// 绩效自评报告: the amounts and counts its text states.
    pub report: Option<Report>,
    /// `content/<unit>/<year>/*.md`, sorted by file name.
    pub narratives: Vec<Narrative>,
    /// Field path → the amount as printed, for amounts typed with the unit the document prints
    /// in the cell (`targets.project_funds[0].total` → `10000万元`); the figure itself is in
    /// `amount_unit`. Empty when every amount is typed plainly.
    pub printed: std::collections::BTreeMap<String, String>,
    /// The field paths written `待填` (left for the user to fill, `gongkai new`), in file order.
    #[serde(skip)]
    pub pending: Vec<String>,
    /// Field path → location, for findings.
    #[serde(skip)]
    pub locator: crate::error::Locator,
}

/// The unit of every amount in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AmountUnit {
    /// 万元.
    #[serde(rename = "万元")]
    WanYuan,
    /// 元.
    #[serde(rename = "元")]
    Yuan,
}

impl AmountUnit {
    /// As printed.
    pub fn label(self) -> &'static str {
        match self {
            AmountUnit::WanYuan => "万元",
            AmountUnit::Yuan => "元",
        }
    }
}

/// The scoring template a record follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Template {
    /// Hubei/Wuhan: 预算执行 20 + 年度目标 80; qualitative bands 80/50; no grade.
    Hubei,
    /// 财预〔2020〕10号: 10/50/30/10; bands 80/60; grades 优良中差.
    National,
    /// Sichuan 部门预算项目支出绩效自评表: 预算执行 10 + 绩效指标 90, each row by its printed
    /// 权重; bands 80/60 (the Sichuan forms' own note); no grade printed (issue 16).
    Sichuan,
}

/// A markdown narrative attached to a record.
#[derive(Debug, Serialize)]
pub struct Narrative {
    /// File stem, used as anchor and sort key (e.g. `01-qingkuang`).
    pub slug: String,
    /// The first `# ` heading, or the stem.
    pub title: String,
    /// Markdown source (rendered and sanitized by `render`).
    pub markdown: String,
}

/// A self-evaluation table: 部门整体 or one project.
#[derive(Debug, Serialize)]
pub struct Scorecard {
    /// Field path of this table in the record (`self_evaluation`, `projects[2]`).
    pub field: String,
    /// Project name; `None` for the 部门整体 table.
    pub name: Option<String>,
    pub title: Option<String>,
    pub department: Option<String>,
    pub implementer: Option<String>,
    pub filled_on: Option<String>,
    pub basic_expenditure: Option<Money>,
    pub project_expenditure: Option<Money>,
    pub execution: Option<Execution>,
    pub overall_goal: Option<OverallGoal>,
    pub goals: Vec<Goal>,
    pub reported_total: Option<Dec>,
    pub stated: Stated,
    pub deviation_analysis: Option<String>,
    pub improvement: Option<String>,
    pub summary: Option<String>,
    /// The 合计 / 总分 row's weight as printed (issue 16).
    pub total_weight: Option<Dec>,
    /// The grade printed beside the 总分 (优, 良, 中, 差), validated (issue 16).
    pub reported_grade: Option<String>,
    /// 原文不全: the document stops before the table ends; every total is partial (issue 16).
    pub incomplete: Option<Incomplete>,
}

/// 预算执行情况 (the funds block).
#[derive(Debug, Default, Serialize)]
pub struct Execution {
    /// The figure of `total.budget` (A); `None` for a mark or a cell not printed.
    pub budget: Option<Money>,
    /// The figure of `total.actual` (B).
    pub actual: Option<Money>,
    /// The figure of `total.rate`.
    pub rate: Option<Pct>,
    /// The figure of `total.score`.
    pub score: Option<Dec>,
    pub received: Option<Money>,
    pub basic: Option<ExecutionPart>,
    pub project: Option<ExecutionPart>,
    /// The 年度资金总额 (总额) row as printed, every cell a figure or a mark.
    pub total: FundsRow,
    /// The 其中 rows, in printed order.
    pub parts: Vec<FundsRow>,
}

/// One row of the funds block as printed.
#[derive(Debug, Default, Serialize)]
pub struct FundsRow {
    /// As printed; `None` for the total row.
    pub name: Option<String>,
    /// 年初预算数 / 年初预算.
    pub initial_budget: Option<Cell<Money>>,
    /// 全年预算数 / 调整后预算数 (A).
    pub budget: Option<Cell<Money>>,
    /// 全年执行数 / 预算执行数 (B).
    pub actual: Option<Cell<Money>>,
    /// 分值 / 权重.
    pub weight: Option<Cell<Dec>>,
    /// 执行率.
    pub rate: Option<Cell<Pct>>,
    /// 得分.
    pub score: Option<Cell<Dec>>,
    /// 原因.
    pub reason: Option<String>,
}

/// 基本 or 项目 part of the execution block.
#[derive(Debug, Default, Serialize)]
pub struct ExecutionPart {
    pub budget: Option<Money>,
    pub actual: Option<Money>,
    pub rate: Option<Pct>,
}

/// 项目绩效总目标 (Hubei) or 年度总体目标 (national, without a weight).
#[derive(Debug, Serialize)]
pub struct OverallGoal {
    pub target: String,
    pub actual: Option<String>,
    /// `None` when the table prints no weight: the row is shown, not scored.
    pub weight: Option<Dec>,
    pub score: Option<Dec>,
}

/// One 年度绩效目标.
#[derive(Debug, Serialize)]
pub struct Goal {
    pub id: Option<String>,
    pub name: String,
    pub title: Option<String>,
    pub weight: Option<Dec>,
    pub subtotals: Vec<Subtotal>,
    pub indicators: Vec<Indicator>,
}

/// A stated 一级 (and optionally 二级) weight.
#[derive(Debug, Serialize)]
pub struct Subtotal {
    pub level1: String,
    pub level2: Option<String>,
    pub weight: Dec,
}

/// One 三级 indicator.
#[derive(Debug, Serialize)]
pub struct Indicator {
    pub id: Option<String>,
    pub level1: Option<String>,
    pub level2: Option<String>,
    /// The name without a weight suffix.
    pub name: String,
    pub weight: Option<Dec>,
    pub target: Option<Measure>,
    pub actual: Option<Measure>,
    pub score: Option<Dec>,
    pub deviation: Option<String>,
    pub note: Option<String>,
    /// The 指标值 column of a 绩效目标申报表.
    pub measure: Option<String>,
    /// Resolved: explicit field, else inferred from target comparator and name.
    pub direction: Direction,
    /// Resolved: explicit field, else inferred from whether target and actual parse as numbers.
    pub kind: Kind,
    /// The status the record states explicitly, if any.
    pub status: Option<Status>,
    /// 指标性质 / 指标值 / 度量单位 as printed, when the table prints the target in three
    /// columns; `target` is then read from them (issue 16).
    pub columns: Option<TargetColumns>,
    /// 指标解释 (Anhui 评分表).
    pub definition: Option<String>,
    /// 评分标准 (Anhui 评分表).
    pub criteria: Option<String>,
}

/// A target printed in three columns: 指标性质, 指标值, 度量单位, each as printed (blank → `None`).
#[derive(Debug, Clone, Serialize)]
pub struct TargetColumns {
    pub nature: Option<String>,
    pub value: Option<String>,
    pub unit: Option<String>,
}

impl TargetColumns {
    /// The three cells side by side, as one target text (`≧735人次`, `═100%`, `有效`):
    /// what [`Measure::parse`] reads the comparator, number and unit from.
    pub fn joined(&self) -> String {
        [&self.nature, &self.value, &self.unit]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .collect()
    }
}

/// Positive (more is better) or negative (less is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Positive,
    Negative,
}

/// 定量 or 定性.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quantitative,
    Qualitative,
}

/// Completion status: 达成, 部分达成, 未达成.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Met,
    Partial,
    Unmet,
}

/// Figures the report's text states about its table.
#[derive(Debug, Default, Serialize)]
pub struct Stated {
    pub indicator_count: Option<Dec>,
    pub completed_count: Option<Dec>,
    pub completion_rate: Option<Pct>,
    pub goals_weight: Option<Dec>,
    pub goals_score: Option<Dec>,
    pub total: Option<Dec>,
    pub execution_rate: Option<Pct>,
    pub budget: Option<Money>,
    pub actual: Option<Money>,
    pub unmet: Vec<String>,
}

/// 部门决算.
#[derive(Debug, Serialize)]
pub struct FinalAccounts {
    pub title: Option<String>,
    pub income: Option<Income>,
    pub expenditure: Option<Expenditure>,
    pub fiscal: Option<Fiscal>,
    /// Function lines in record order.
    pub lines: Vec<FunctionLine>,
    pub classes: Vec<Class>,
    pub general_budget: Option<BudgetTotal>,
    pub basic: Option<Basic>,
    pub three_public: Option<ThreePublic>,
    pub operating_costs: Option<OperatingCosts>,
    pub procurement: Option<Procurement>,
    pub assets: Option<Assets>,
    pub performance: Option<Performance>,
    pub prior_year: Option<PriorYear>,
    pub narrative: Option<JuesuanNarrative>,
    /// 原文不全: the document stops inside the 决算 (issue 16).
    pub incomplete: Option<AccountsIncomplete>,
    /// The 科目 tables typed row by row (issue 17), by kind.
    pub line_tables: std::collections::BTreeMap<tables::LineTableKind, tables::LineTable>,
    /// The blocks (keys of `final_accounts`) holding a figure still `待填` (issue 18).
    #[serde(skip)]
    pub pending_blocks: std::collections::BTreeSet<String>,
}

impl FinalAccounts {
    /// The 科目 table of `kind`, when the record types it.
    pub fn line_table(&self, kind: tables::LineTableKind) -> Option<&tables::LineTable> {
        self.line_tables.get(&kind)
    }
}

impl FinalAccounts {
    /// Whether the cut may fall in `block` (a key of `final_accounts`): the record is marked
    /// incomplete and names that block, or names none; or a figure of the block is still
    /// `待填` (a draft's sums are not checked until it is filled). A sum over that block's list or parts
    /// may then miss parts after the cut and is not checked.
    pub fn cut_in(&self, block: &str) -> bool {
        self.pending_blocks.contains(block)
            || self
                .incomplete
                .as_ref()
                .is_some_and(|i| i.block.as_deref().is_none_or(|b| b == block))
    }
}

/// Which 财政拨款 fund a function line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fund {
    /// 一般公共预算.
    GeneralBudget,
    /// 政府性基金预算.
    GovFund,
    /// 国有资本经营预算.
    StateCapital,
}

/// One 功能分类 line.
#[derive(Debug, Serialize)]
pub struct FunctionLine {
    /// 3, 5 or 7 ASCII digits.
    pub code: Option<String>,
    pub class: String,
    pub section: Option<String>,
    pub item: Option<String>,
    pub fund: Fund,
    pub budget: Option<Money>,
    pub actual: Money,
    pub basic: Option<Money>,
    pub project: Option<Money>,
    pub stated_completion: Option<Pct>,
    /// 全年预算 (Shanghai).
    pub full_year_budget: Option<Money>,
    /// 完成全年预算数的% as printed.
    pub stated_full_year_completion: Option<Pct>,
    /// 主要用于…, as printed.
    pub purpose: Option<String>,
    pub reason: Option<String>,
}

/// 绩效目标申报表.
#[derive(Debug, Serialize)]
pub struct Targets {
    pub title: Option<String>,
    pub project: Option<TargetsProject>,
    pub project_funds: Vec<ProjectFund>,
    pub funds: Option<Funds>,
    pub functions: Option<String>,
    pub tasks: Option<String>,
    pub long_term_goals: Vec<Goal>,
    pub annual_goals: Vec<Goal>,
    /// 原文不全 (issue 16).
    pub incomplete: Option<Incomplete>,
}
