//! The file format, mirrored one to one: serde types for `_site.yaml`, `_unit.yaml` and
//! `<year>.yaml`.
//!
//! In: YAML text (through `load::yaml`). Out: `Raw*` values holding exactly what the file says.
//! Nothing here is derived, defaulted from other fields or checked beyond its type: that is
//! `load::validate`'s job. Every struct denies unknown fields, so a typo is an error, never a
//! silently dropped figure. Numbers are [`Dec`] (exact decimal from the scalar's text) and
//! percentages are [`Pct`]; targets and actuals are kept as the document's own text.
//!
//! `docs/format.md` documents this format for users; keep the two in step.
#![allow(
    missing_docs,
    reason = "fields mirror the record format; docs/format.md documents each one"
)]

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod report;
mod tables;

pub use report::*;
pub use tables::*;

use crate::model::amount::{self, Amount, AmountCell};
use crate::model::cell::Cell;
use crate::model::money::{Dec, Pct};
use crate::model::whole::Whole;

/// `content/_site.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub title: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Absolute URL the site is published under; enables `sitemap.xml`.
    #[serde(default)]
    #[schemars(extend("format" = "uri"), example = &"https://czj.example.gov.cn")]
    pub base_url: Option<String>,
    /// `public` (default) or `internal`.
    #[serde(default)]
    #[schemars(extend("enum" = ["public", "internal", null]))]
    pub profile: Option<String>,
    #[serde(default)]
    #[schemars(regex(pattern = r"^[a-z0-9_][a-z0-9_-]{0,63}$"), example = &"default")]
    pub theme: Option<String>,
    /// Only `zh-CN` is supported.
    #[serde(default)]
    #[schemars(extend("enum" = ["zh-CN", null]))]
    pub locale: Option<String>,
    /// Thresholds used by comparisons and flags.
    #[serde(default)]
    pub thresholds: Option<RawThresholds>,
    /// The 决算公开 edition of records that name none: `national` (default), `shanghai`, or one
    /// the theme adds under `editions/` (issue 17).
    #[serde(default)]
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,63}$"), example = &"shanghai")]
    pub edition: Option<String>,
}

/// Thresholds for highlighting and flags (`_site.yaml` → `thresholds`).
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawThresholds {
    /// A year-over-year change above this share (e.g. `20%`) is highlighted.
    #[serde(default)]
    pub change: Option<Pct>,
    /// Goal completion below this share is flagged.
    #[serde(default)]
    pub completion: Option<Pct>,
    /// 执行率 below this share is flagged.
    #[serde(default)]
    pub execution_low: Option<Pct>,
    /// Reported score above the rule score by more than this many points is flagged.
    #[serde(default)]
    pub score_gap: Option<Dec>,
}

/// `content/<unit>/_unit.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,63}$"), example = &"qingling")]
    pub id: String,
    /// 单位名称, in full, as the unit's documents print it. Left out only when they print none,
    /// and then `label` says what to call the unit (issue 16).
    #[serde(default)]
    pub name: Option<String>,
    /// 称呼: what the site calls a unit whose documents print no name (`name` left out); shown
    /// with "（原文未印出单位名称）", never as if printed.
    #[serde(default)]
    pub label: Option<String>,
    /// Short name for tables and charts (e.g. 青菱街道).
    #[serde(default)]
    pub short_name: Option<String>,
    /// 上级主管部门.
    #[serde(default)]
    pub parent: Option<String>,
    /// 地区.
    #[serde(default)]
    pub region: Option<String>,
    /// 单位性质 (行政单位, 事业单位, 参公事业单位 …).
    #[serde(default)]
    pub kind: Option<String>,
    /// Sort order on the index (ascending; then by id).
    #[serde(default)]
    pub sort: Option<Whole>,
    /// Other names the unit's documents use for it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `content/<unit>/<year>.yaml`: what one unit published for one year.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    #[schemars(range(min = 1949, max = 2199))]
    pub year: Whole,
    /// `万元` or `元`: the unit of every amount in this record.
    #[schemars(extend("enum" = ["万元", "元"]))]
    pub amount_unit: String,
    /// `hubei` (20 + 80, bands 80/50), `national` (财预〔2020〕10号: 10/50/30/10, bands 80/60) or
    /// `sichuan` (预算执行 10 + 绩效指标 90 by the table's own printed 权重, bands 80/60).
    #[schemars(extend("enum" = ["hubei", "national", "sichuan"]))]
    pub template: String,
    /// The 决算公开 edition the record's tables follow (`national`, `shanghai`, or one the theme
    /// adds under `editions/`); default: the site's, else `national`.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,63}$"), example = &"shanghai")]
    pub edition: Option<String>,
    #[serde(default)]
    pub source: Option<RawSource>,
    /// 填报人 and phone: personal data, never published by the public profile.
    #[serde(default)]
    pub contact: Option<RawContact>,
    /// 部门整体支出绩效自评表.
    #[serde(default)]
    pub self_evaluation: Option<RawScorecard>,
    /// 项目支出绩效自评表, one per project.
    #[serde(default)]
    pub projects: Vec<RawScorecard>,
    /// 部门决算.
    #[serde(default)]
    pub final_accounts: Option<RawFinalAccounts>,
    /// 绩效目标申报表.
    #[serde(default)]
    pub targets: Option<RawTargets>,
    /// 绩效自评报告: amounts and counts its text states (issue 16).
    #[serde(default)]
    pub report: Option<RawReport>,
}

/// Where the record was transcribed from.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The document's title as printed; left out only with `title` in `not_printed`.
    #[serde(default)]
    pub title: Option<String>,
    /// What the document does not print (issue 16): `title` (no title), `year` (the year only
    /// in its file name or address). Each is said on the record's page.
    #[serde(default)]
    #[schemars(extend("items" = {"type": "string", "enum": ["year", "title"]}))]
    pub not_printed: Vec<String>,
    /// Publication or 填报 date as printed.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Personal data: kept in content, left out of the public site.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    /// 填报人.
    #[serde(default)]
    pub name: Option<String>,
    /// 联系电话.
    #[serde(default)]
    pub phone: Option<String>,
}

/// A self-evaluation table: 部门整体 (`self_evaluation`) or one project (`projects[]`).
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScorecard {
    /// Project name (required for projects).
    #[serde(default)]
    pub name: Option<String>,
    /// The table's heading as printed (kept even when it is wrong).
    #[serde(default)]
    pub title: Option<String>,
    /// 主管部门.
    #[serde(default)]
    pub department: Option<String>,
    /// 项目实施单位.
    #[serde(default)]
    pub implementer: Option<String>,
    /// 填报日期 as printed.
    #[serde(default)]
    pub filled_on: Option<String>,
    /// 基本支出总额 (部门整体 tables).
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub basic_expenditure: Option<Dec>,
    /// 项目支出总额 (部门整体 tables).
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub project_expenditure: Option<Dec>,
    /// 预算执行情况.
    #[serde(default)]
    pub execution: Option<RawExecution>,
    /// 项目绩效总目标 (project tables of the Hubei template).
    #[serde(default)]
    pub overall_goal: Option<RawOverallGoal>,
    /// 年度绩效目标 with their indicators.
    #[serde(default)]
    pub goals: Vec<RawGoal>,
    /// 总分 / 自评得分 as printed.
    #[serde(default)]
    pub reported_total: Option<Dec>,
    /// Figures the accompanying report states about this table.
    #[serde(default)]
    pub stated: Option<RawStated>,
    /// 偏差大或目标未完成原因分析.
    #[serde(default)]
    pub deviation_analysis: Option<String>,
    /// 改进措施及结果应用方案.
    #[serde(default)]
    pub improvement: Option<String>,
    /// Summary text (e.g. the 项目绩效自评综述 of a 决算 report).
    #[serde(default)]
    pub summary: Option<String>,
    // Issue 16, provincial layouts: the 合计 / 总分 row's own cells.
    /// The 合计 (总分) row's 分值/权重 as printed (`100`).
    #[serde(default)]
    pub total_weight: Option<Dec>,
    /// The grade (评价等级) the table prints beside its 总分: `优`, `良`, `中` or `差`.
    #[serde(default)]
    #[schemars(extend("enum" = ["优", "良", "中", "差", null]))]
    pub reported_grade: Option<String>,
    /// 原文不全: the document stops before this table ends (issue 16).
    #[serde(default)]
    pub incomplete: Option<RawIncomplete>,
}

/// 原文不全: where the visible part of a table stops, and the group the cut falls in.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIncomplete {
    /// 中断处: where the visible part stops, as the transcriber says it
    /// (`原文在“成本指标 指标1:”处中断`).
    pub at: String,
    /// 一级指标 of the group the cut falls in (in the last goal); groups wholly before it stay
    /// checked. Left out: the whole last goal may be cut.
    #[serde(default)]
    pub level1: Option<String>,
    /// 二级指标 of that group (with `level1`).
    #[serde(default)]
    pub level2: Option<String>,
}

/// 原文不全 of a 部门决算: where the visible part stops and, optionally, the block it falls in.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAccountsIncomplete {
    /// 中断处, as the transcriber says it (`原文在“其他收入3.”处中断`).
    pub at: String,
    /// The block of `final_accounts` the cut falls in; blocks wholly before it stay checked.
    /// Left out: any block may be cut.
    #[serde(default)]
    #[schemars(extend("enum" = ["income", "expenditure", "fiscal", "lines", "classes", "general_budget", "basic", "three_public", "operating_costs", "procurement", "assets", "performance", "narrative", "income_table", "expenditure_table", "general_budget_table", "gov_fund_table", "state_capital_table", null]))]
    pub block: Option<String>,
}

/// 预算执行情况 (the funds block): the 年度资金总额 row's cells, its 其中 rows, and optionally
/// the split 基本/项目. Each cell is a figure or a printed mark ([`Cell`], issue 16).
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExecution {
    /// 年初预算数 (national) / 年初预算 (Sichuan).
    #[serde(default, deserialize_with = "amount::opt_cell")]
    #[schemars(with = "Option<AmountCell>")]
    pub initial_budget: Option<Cell<Dec>>,
    /// 预算数 (A): 全年预算数 (national) / 调整后预算数 (Sichuan).
    #[serde(default, deserialize_with = "amount::opt_cell")]
    #[schemars(with = "Option<AmountCell>")]
    pub budget: Option<Cell<Dec>>,
    /// 执行数 (B): 全年执行数 / 预算执行数.
    #[serde(default, deserialize_with = "amount::opt_cell")]
    #[schemars(with = "Option<AmountCell>")]
    pub actual: Option<Cell<Dec>>,
    /// 分值 (national) / 权重 (Sichuan) as printed.
    #[serde(default)]
    pub weight: Option<Cell<Dec>>,
    /// 执行率 (B/A) as printed.
    #[serde(default)]
    pub rate: Option<Cell<Pct>>,
    /// 得分 as printed.
    #[serde(default)]
    pub score: Option<Cell<Dec>>,
    /// 原因 (Sichuan) as printed.
    #[serde(default)]
    pub reason: Option<String>,
    /// 实际到位资金, where stated.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub received: Option<Dec>,
    #[serde(default)]
    pub basic: Option<RawExecutionPart>,
    #[serde(default)]
    pub project: Option<RawExecutionPart>,
    /// The 其中 rows (当年财政拨款, 上年结转资金, 其他资金; 财政资金, 单位资金 …), in printed order.
    #[serde(default)]
    pub parts: Vec<RawFundsPart>,
}

/// One 其中 row of the funds block: its name as printed and the same cells as the total row.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFundsPart {
    /// As printed (`其中：当年财政拨款`, `上年结转资金`, `财政专户管理资金`).
    pub name: String,
    #[serde(default, deserialize_with = "amount::opt_cell")]
    #[schemars(with = "Option<AmountCell>")]
    pub initial_budget: Option<Cell<Dec>>,
    #[serde(default, deserialize_with = "amount::opt_cell")]
    #[schemars(with = "Option<AmountCell>")]
    pub budget: Option<Cell<Dec>>,
    #[serde(default, deserialize_with = "amount::opt_cell")]
    #[schemars(with = "Option<AmountCell>")]
    pub actual: Option<Cell<Dec>>,
    #[serde(default)]
    pub weight: Option<Cell<Dec>>,
    #[serde(default)]
    pub rate: Option<Cell<Pct>>,
    #[serde(default)]
    pub score: Option<Cell<Dec>>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// 基本 or 项目 part of the execution block.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExecutionPart {
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub budget: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub actual: Option<Dec>,
    #[serde(default)]
    pub rate: Option<Pct>,
}

/// 项目绩效总目标 (Hubei, weighted) or 年度总体目标 (national: 预期目标 / 实际完成情况, no
/// weight): a qualitative row.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOverallGoal {
    /// 年初设定目标 / 预期目标.
    pub target: String,
    /// 全年实际完成情况.
    #[serde(default)]
    pub actual: Option<String>,
    /// 分值; left out when the table prints none (the national 年度总体目标).
    #[serde(default)]
    pub weight: Option<Dec>,
    #[serde(default)]
    pub score: Option<Dec>,
}

/// One 年度绩效目标 and its indicators.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    /// Stable id for matching across years.
    #[serde(default)]
    pub id: Option<String>,
    /// The goal's label as printed (年度目标1).
    pub name: String,
    /// The goal's text.
    #[serde(default)]
    pub title: Option<String>,
    /// The goal's weight as printed ("(20分)").
    #[serde(default)]
    pub weight: Option<Dec>,
    /// 一级/二级 subtotals as printed ("产出指标（15分）").
    #[serde(default)]
    pub subtotals: Vec<RawSubtotal>,
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// A stated 一级 (or 一级 + 二级) weight.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSubtotal {
    pub level1: String,
    #[serde(default)]
    pub level2: Option<String>,
    pub weight: Dec,
}

/// One 三级 indicator row.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// Stable id for matching across years.
    #[serde(default)]
    pub id: Option<String>,
    /// 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标).
    #[serde(default)]
    pub level1: Option<String>,
    /// 二级指标 (数量指标, 质量指标, 社会效益指标 …).
    #[serde(default)]
    pub level2: Option<String>,
    /// 三级指标 / 指标名称. A weight suffix like "(4分)" is read as the weight.
    pub name: String,
    #[serde(default)]
    pub weight: Option<Dec>,
    /// 年初目标值 (A) as printed: `≥95%`, `0起`, `不发生`.
    #[serde(default)]
    pub target: Option<String>,
    /// 实际完成值 (B) as printed.
    #[serde(default)]
    pub actual: Option<String>,
    /// 得分 as printed.
    #[serde(default)]
    pub score: Option<Dec>,
    /// 偏差原因.
    #[serde(default)]
    pub deviation: Option<String>,
    /// The document's longer text about this row (e.g. the sentence it was read from).
    #[serde(default)]
    pub note: Option<String>,
    /// The 指标值 column of a 绩效目标申报表 (增长率, 定性 …).
    #[serde(default)]
    pub measure: Option<String>,
    /// `positive` or `negative`; overrides inference from the target text and name.
    #[serde(default)]
    #[schemars(extend("enum" = ["positive", "negative", null]))]
    pub direction: Option<String>,
    /// `quantitative` or `qualitative`; overrides inference from the target text.
    #[serde(default)]
    #[schemars(extend("enum" = ["quantitative", "qualitative", null]))]
    pub kind: Option<String>,
    /// `met`, `partial` or `unmet`: the completion status the document gives.
    #[serde(default)]
    #[schemars(extend("enum" = ["met", "partial", "unmet", null]))]
    pub status: Option<String>,
    // Issue 16, provincial layouts: the target printed in three columns (Sichuan, Yunnan
    // 公开14表) instead of one, and the Anhui 评分表's own columns.
    /// 指标性质 as printed (`=`, `≧`, `═`); with `value` and `unit` it replaces `target`.
    #[serde(default)]
    pub nature: Option<String>,
    /// 指标值 as printed (`735`, `100`, `有效`).
    #[serde(default)]
    pub value: Option<String>,
    /// 度量单位 as printed (`人次`, `%`).
    #[serde(default)]
    pub unit: Option<String>,
    /// 指标解释 (Anhui 评分表).
    #[serde(default)]
    pub definition: Option<String>,
    /// 指标说明及评分标准 (Anhui 评分表): the points it lists (`(1分)`) are checked against the weight.
    #[serde(default)]
    pub criteria: Option<String>,
}

/// Figures a report states in its text about its own table.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStated {
    /// "共设置 29 个三级指标".
    #[serde(default)]
    pub indicator_count: Option<Dec>,
    /// "完成的绩效指标有 24 个".
    #[serde(default)]
    pub completed_count: Option<Dec>,
    /// "完成指标占比 82.76%".
    #[serde(default)]
    pub completion_rate: Option<Pct>,
    /// "当年年度目标 80 分".
    #[serde(default)]
    pub goals_weight: Option<Dec>,
    /// "自评得分 72 分" for the goals.
    #[serde(default)]
    pub goals_score: Option<Dec>,
    /// The total score the text states.
    #[serde(default)]
    pub total: Option<Dec>,
    /// 执行率 the text states.
    #[serde(default)]
    pub execution_rate: Option<Pct>,
    /// Budget the text states.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub budget: Option<Dec>,
    /// Actual spending the text states.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub actual: Option<Dec>,
    /// Indicators the text lists as 未完成, by name.
    #[serde(default)]
    pub unmet: Vec<String>,
}

/// 部门决算: the data behind the nine tables, and the figures its 情况说明 states.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFinalAccounts {
    #[serde(default)]
    pub title: Option<String>,
    /// 收入 (收入支出决算总表, left side).
    #[serde(default)]
    pub income: Option<RawIncome>,
    /// 支出 (收入支出决算总表, right side).
    #[serde(default)]
    pub expenditure: Option<RawExpenditure>,
    /// 财政拨款收入支出决算总表 totals.
    #[serde(default)]
    pub fiscal: Option<RawFiscal>,
    /// Function-classification lines (类/款/项) of every 财政拨款 fund.
    #[serde(default)]
    pub lines: Vec<RawFunctionLine>,
    /// Per-类 figures as printed (the 结构 section).
    #[serde(default)]
    pub classes: Vec<RawClass>,
    /// 一般公共预算财政拨款 年初预算 and 决算 totals as printed.
    #[serde(default)]
    pub general_budget: Option<RawBudgetTotal>,
    /// 一般公共预算财政拨款基本支出: 人员经费 and 公用经费.
    #[serde(default)]
    pub basic: Option<RawBasic>,
    /// 财政拨款"三公"经费.
    #[serde(default)]
    pub three_public: Option<RawThreePublic>,
    /// 机关运行经费.
    #[serde(default)]
    pub operating_costs: Option<RawOperatingCosts>,
    /// 政府采购.
    #[serde(default)]
    pub procurement: Option<RawProcurement>,
    /// 国有资产占用.
    #[serde(default)]
    pub assets: Option<RawAssets>,
    /// 预算绩效 figures (项目 count and funds evaluated).
    #[serde(default)]
    pub performance: Option<RawPerformance>,
    /// Prior-year figures this record states, used when the prior year has no record.
    #[serde(default)]
    pub prior_year: Option<RawPriorYear>,
    /// Changes and shares the 情况说明 states.
    #[serde(default)]
    pub narrative: Option<RawJuesuanNarrative>,
    /// 原文不全: the document stops inside the 决算 (issue 16).
    #[serde(default)]
    pub incomplete: Option<RawAccountsIncomplete>,
    /// 收入决算表 row by row (issue 17).
    #[serde(default)]
    pub income_table: Option<RawLineTable>,
    /// 支出决算表 row by row.
    #[serde(default)]
    pub expenditure_table: Option<RawLineTable>,
    /// 一般公共预算财政拨款支出决算表 row by row.
    #[serde(default)]
    pub general_budget_table: Option<RawLineTable>,
    /// 政府性基金预算财政拨款收入支出决算表 row by row.
    #[serde(default)]
    pub gov_fund_table: Option<RawLineTable>,
    /// 国有资本经营预算财政拨款收入支出决算表 row by row.
    #[serde(default)]
    pub state_capital_table: Option<RawLineTable>,
}

/// Income side of 收入支出决算总表.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIncome {
    /// 一般公共预算财政拨款收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub general_budget: Option<Dec>,
    /// 政府性基金预算财政拨款收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub gov_fund: Option<Dec>,
    /// 国有资本经营预算财政拨款收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub state_capital: Option<Dec>,
    /// 上级补助收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub superior_subsidy: Option<Dec>,
    /// 事业收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub business: Option<Dec>,
    /// 经营收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub operating: Option<Dec>,
    /// 附属单位上缴收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub affiliated: Option<Dec>,
    /// 其他收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub other: Option<Dec>,
    /// 本年收入合计 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub total: Option<Dec>,
    /// 使用非财政拨款结余.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub non_fiscal_balance_used: Option<Dec>,
    /// 年初结转和结余.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub opening_balance: Option<Dec>,
    /// 收入总计 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub grand_total: Option<Dec>,
}

/// Expenditure side of 收入支出决算总表.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExpenditure {
    /// 基本支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub basic: Option<Dec>,
    /// 项目支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub project: Option<Dec>,
    /// 上缴上级支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub to_superior: Option<Dec>,
    /// 经营支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub operating: Option<Dec>,
    /// 对附属单位补助支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub to_affiliated: Option<Dec>,
    /// 本年支出合计 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub total: Option<Dec>,
    /// 结余分配.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub surplus_distribution: Option<Dec>,
    /// 年末结转和结余.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub closing_balance: Option<Dec>,
    /// 支出总计 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub grand_total: Option<Dec>,
    /// The 类 rows of the 支出 side that print a figure, by name (issue 17).
    #[serde(default)]
    pub by_class: RawByClass,
}

/// 财政拨款收入支出决算总表 totals.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFiscal {
    /// 财政拨款收入合计 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub income: Option<Dec>,
    /// 财政拨款支出合计 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub expenditure: Option<Dec>,
    /// 年初财政拨款结转和结余.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub opening_balance: Option<Dec>,
    /// 年末财政拨款结转和结余.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub closing_balance: Option<Dec>,
    /// 财政拨款收支总计 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub grand_total: Option<Dec>,
    /// 收入 side 一、二、三: 本年收入 by fund (issue 17).
    #[serde(default)]
    pub income_funds: Option<RawFundColumns>,
    /// 年初财政拨款结转和结余 by fund.
    #[serde(default)]
    pub opening_funds: Option<RawFundColumns>,
    /// 支出 side 类 rows: 合计 and each fund's column, by name.
    #[serde(default)]
    pub by_class: BTreeMap<String, RawFundColumns>,
    /// 本年支出合计 row, the fund columns.
    #[serde(default)]
    pub expenditure_funds: Option<RawFundColumns>,
    /// 年末财政拨款结转和结余 row, the fund columns.
    #[serde(default)]
    pub closing_funds: Option<RawFundColumns>,
    /// 支出 side 总计 row: 合计 and the fund columns.
    #[serde(default)]
    pub grand_total_funds: Option<RawFundColumns>,
}

/// One 功能分类 line (项 level, or 款/类 when that is all the document gives).
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFunctionLine {
    /// 科目编码: 3 digits (类), 5 (款) or 7 (项).
    #[serde(default)]
    #[schemars(regex(pattern = r"^([0-9]{3}|[0-9]{5}|[0-9]{7})$"), example = &"2010101")]
    pub code: Option<String>,
    /// 类 name.
    pub class: String,
    /// 款 name.
    #[serde(default)]
    pub section: Option<String>,
    /// 项 name.
    #[serde(default)]
    pub item: Option<String>,
    /// `general_budget` (default), `gov_fund` or `state_capital`.
    #[serde(default)]
    #[schemars(extend("enum" = ["general_budget", "gov_fund", "state_capital", null]))]
    pub fund: Option<String>,
    /// 年初预算 (0 when "该科目未申请年初财政拨款预算").
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub budget: Option<Dec>,
    /// 决算 (本年支出合计 of the line). Required (the loader says so when it is missing); an
    /// `Option` only so that a draft's `待填` loads (issue 18).
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Amount", required)]
    pub actual: Option<Dec>,
    /// 基本支出 part.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub basic: Option<Dec>,
    /// 项目支出 part.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub project: Option<Dec>,
    /// 完成年初预算的% as printed.
    #[serde(default)]
    pub stated_completion: Option<Pct>,
    /// 全年预算 (调整后预算), where the 情况说明 states it (Shanghai, issue 16).
    #[serde(default)]
    pub full_year_budget: Option<Dec>,
    /// 完成全年预算数的% as printed.
    #[serde(default)]
    pub stated_full_year_completion: Option<Pct>,
    /// What the line was mainly spent on (主要用于…), as printed.
    #[serde(default)]
    pub purpose: Option<String>,
    /// The reason text (主要原因是…).
    #[serde(default)]
    pub reason: Option<String>,
}

/// A 类 as the 结构 section prints it.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClass {
    #[serde(default)]
    #[schemars(regex(pattern = r"^([0-9]{3}|[0-9]{5}|[0-9]{7})$"), example = &"2010101")]
    pub code: Option<String>,
    pub name: String,
    /// Amount as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub actual: Option<Dec>,
    /// 占比 as printed.
    #[serde(default)]
    pub share: Option<Pct>,
    /// 比上年变动额 as printed (negative for 减少).
    #[serde(default)]
    pub change: Option<Dec>,
    /// 比上年变动率 as printed (negative for 下降).
    #[serde(default)]
    pub change_rate: Option<Pct>,
    /// What it was mainly spent on, as printed.
    #[serde(default)]
    pub note: Option<String>,
}

/// A budget-vs-actual total as printed ("年初预算为 7038.59 万元，支出决算为 11082.8 万元，完成年初预算的 157.46%").
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBudgetTotal {
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub budget: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub actual: Option<Dec>,
    #[serde(default)]
    pub stated_completion: Option<Pct>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub basic: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub project: Option<Dec>,
    /// 全年预算 (调整后预算) beside the 年初预算 (Shanghai: "年初预算为 0 万元，全年预算为 321.02 万元").
    #[serde(default)]
    pub full_year_budget: Option<Dec>,
    /// 决算数大于（小于）预算数的主要原因.
    #[serde(default)]
    pub reason: Option<String>,
}

/// 一般公共预算财政拨款基本支出.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBasic {
    /// Total as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub total: Option<Dec>,
    /// 人员经费.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub personnel: Option<Dec>,
    /// 公用经费.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub public: Option<Dec>,
    /// What 人员经费 covers, as printed.
    #[serde(default)]
    pub personnel_note: Option<String>,
    /// What 公用经费 covers, as printed.
    #[serde(default)]
    pub public_note: Option<String>,
    /// 经济分类 items (table 6), where given.
    #[serde(default)]
    pub items: Vec<RawEconomicItem>,
}

/// One 经济分类 line of table 6.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEconomicItem {
    #[serde(default)]
    #[schemars(regex(pattern = r"^([0-9]{3}|[0-9]{5}|[0-9]{7})$"), example = &"2010101")]
    pub code: Option<String>,
    pub name: String,
    /// `personnel` or `public`.
    #[schemars(extend("enum" = ["personnel", "public"]))]
    pub kind: String,
    /// 决算数 as printed; left out for a line the table prints without a figure (issue 17).
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub amount: Option<Dec>,
}

/// "三公"经费: budget and actual per part.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawThreePublic {
    /// 因公出国(境)费.
    #[serde(default)]
    pub outbound: Option<RawBudgetActual>,
    /// 公务用车购置费.
    #[serde(default)]
    pub vehicle_purchase: Option<RawBudgetActual>,
    /// 公务用车运行费.
    #[serde(default)]
    pub vehicle_operation: Option<RawBudgetActual>,
    /// 公务接待费.
    #[serde(default)]
    pub reception: Option<RawBudgetActual>,
    /// Total as printed.
    #[serde(default)]
    pub total: Option<RawBudgetActual>,
    /// 公务用车购置及运行(维护)费 (小计), where printed as one figure (= 购置费 + 运行费).
    #[serde(default)]
    pub vehicle: Option<RawBudgetActual>,
    /// 公务用车保有量.
    #[serde(default)]
    pub vehicles: Option<Dec>,
    /// 因公出国（境）团组 (个).
    #[serde(default)]
    pub outbound_groups: Option<Dec>,
    /// 因公出国（境）累计人次.
    #[serde(default)]
    pub outbound_people: Option<Dec>,
    /// 外宾接待支出 within 公务接待费.
    #[serde(default)]
    pub foreign_reception: Option<Dec>,
    /// 公务接待批次.
    #[serde(default)]
    pub reception_batches: Option<Dec>,
    /// 公务接待人次.
    #[serde(default)]
    pub reception_people: Option<Dec>,
    /// 接待外宾批次.
    #[serde(default)]
    pub foreign_batches: Option<Dec>,
    /// 接待外宾人次.
    #[serde(default)]
    pub foreign_people: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A budget / actual pair, each optional, with the completion as printed.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBudgetActual {
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub budget: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub actual: Option<Dec>,
    #[serde(default)]
    pub stated_completion: Option<Pct>,
    /// 比预算增减 as printed ("比预算增加 0 万元"; negative for 减少).
    #[serde(default)]
    pub budget_change: Option<Dec>,
    /// 比上年增减 as printed (negative for 减少; `0` for 持平 or "无增减变化").
    #[serde(default)]
    pub change: Option<Dec>,
    /// 比上年增长（下降）率 as printed (negative for 下降).
    #[serde(default)]
    pub change_rate: Option<Pct>,
    /// 占"三公"经费的比例 as printed.
    #[serde(default)]
    pub share: Option<Pct>,
}

/// 机关运行经费.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOperatingCosts {
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub budget: Option<Dec>,
    /// Required (the loader says so when it is missing); an `Option` only so that a draft's
    /// `待填` loads (issue 18): the block is then left out of the model.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Amount", required)]
    pub actual: Option<Dec>,
    /// Change against the 年初预算 as printed (negative for 减少).
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub stated_change: Option<Dec>,
    /// Change rate as printed (negative for 降低/下降).
    #[serde(default)]
    pub stated_change_rate: Option<Pct>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// 政府采购.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProcurement {
    /// 政府采购支出总额 as printed.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub total: Option<Dec>,
    /// 货物.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub goods: Option<Dec>,
    /// 工程.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub works: Option<Dec>,
    /// 服务.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub services: Option<Dec>,
    /// 授予中小企业合同金额.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub sme: Option<Dec>,
    /// Its share as printed.
    #[serde(default)]
    pub sme_share: Option<Pct>,
    /// 授予小微企业合同金额.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub small_micro: Option<Dec>,
    /// Its share as printed.
    #[serde(default)]
    pub small_micro_share: Option<Pct>,
    /// 面向中小企业预留政府采购项目预算金额.
    #[serde(default)]
    pub sme_reserved: Option<Dec>,
    /// 面向小微企业预留政府采购项目预算金额.
    #[serde(default)]
    pub small_micro_reserved: Option<Dec>,
    /// 预留项目中由中小企业供应商中标或成交的采购金额.
    #[serde(default)]
    pub sme_reserved_awarded: Option<Dec>,
    /// 小微企业预留项目中由小微企业供应商中标或成交的采购金额.
    #[serde(default)]
    pub small_micro_reserved_awarded: Option<Dec>,
    /// 其他政府采购项目中由中小企业供应商中标或成交的采购金额.
    #[serde(default)]
    pub sme_other_awarded: Option<Dec>,
}

/// 国有资产占用.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssets {
    /// 车辆 in total.
    #[serde(default)]
    pub vehicles: Option<Dec>,
    /// Vehicles by kind, as printed.
    #[serde(default)]
    pub vehicle_kinds: Vec<RawCount>,
    /// 单位价值 100 万元以上专用设备 (台).
    #[serde(default)]
    pub large_equipment: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A named count.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCount {
    pub name: String,
    /// Required (the loader says so when it is missing); an `Option` only so that a draft's
    /// `待填` loads (issue 18).
    #[serde(default)]
    #[schemars(required)]
    pub count: Option<Dec>,
}

/// 预算绩效情况: what the 决算 says was evaluated.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerformance {
    /// 共涉及项目 N 个.
    #[serde(default)]
    pub project_count: Option<Dec>,
    /// 资金 … 万元.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub project_funds: Option<Dec>,
    /// 占一般公共预算项目支出总额的 %.
    #[serde(default)]
    pub project_share: Option<Pct>,
    /// The 部门整体 score the text states.
    #[serde(default)]
    pub overall_score: Option<Dec>,
    /// The 预算绩效管理制度 and 工作机制 the text names, summarised.
    #[serde(default)]
    pub systems: Option<String>,
    /// 编报绩效目标的项目 (个).
    #[serde(default)]
    pub target_projects: Option<Dec>,
    /// Their 预算金额.
    #[serde(default)]
    pub target_funds: Option<Dec>,
    /// 绩效跟踪评价的项目 (个).
    #[serde(default)]
    pub tracked_projects: Option<Dec>,
    /// Their 预算金额.
    #[serde(default)]
    pub tracked_funds: Option<Dec>,
    /// 绩效自评的项目 (个).
    #[serde(default)]
    pub evaluated_projects: Option<Dec>,
    /// Their 预算金额.
    #[serde(default)]
    pub evaluated_funds: Option<Dec>,
    /// 平均得分.
    #[serde(default)]
    pub average_score: Option<Dec>,
    /// 绩效评级为"优"的项目 (个).
    #[serde(default)]
    pub grade_excellent: Option<Dec>,
    /// "良".
    #[serde(default)]
    pub grade_good: Option<Dec>,
    /// "合格".
    #[serde(default)]
    pub grade_pass: Option<Dec>,
    /// "不合格".
    #[serde(default)]
    pub grade_fail: Option<Dec>,
    /// 绩效自评中共发现问题 (个).
    #[serde(default)]
    pub problems: Option<Dec>,
    /// 已经完成整改的.
    #[serde(default)]
    pub problems_fixed: Option<Dec>,
    /// 正在整改的.
    #[serde(default)]
    pub problems_fixing: Option<Dec>,
}

/// Prior-year figures stated in this record.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPriorYear {
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub grand_total: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub income_total: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub expenditure_total: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub fiscal_total: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub general_budget: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub gov_fund: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub state_capital: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub basic: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub project: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub three_public: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub operating_costs: Option<Dec>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub procurement: Option<Dec>,
}

/// The 情况说明's own statements: for each figure, the value, change and shares it prints.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJuesuanNarrative {
    /// 一、收入支出决算总体情况 (收、支总计).
    #[serde(default)]
    pub grand_total: Option<RawStatedFigure>,
    /// 二、收入决算情况 (收入合计).
    #[serde(default)]
    pub income: Option<RawStatedFigure>,
    /// 财政拨款收入 within 收入 (its share of 本年收入).
    #[serde(default)]
    pub fiscal_income: Option<RawStatedFigure>,
    /// 三、支出决算情况 (支出合计).
    #[serde(default)]
    pub expenditure: Option<RawStatedFigure>,
    /// 基本支出 within 支出.
    #[serde(default)]
    pub basic: Option<RawStatedFigure>,
    /// 项目支出 within 支出.
    #[serde(default)]
    pub project: Option<RawStatedFigure>,
    /// 四、财政拨款收支总计.
    #[serde(default)]
    pub fiscal: Option<RawStatedFigure>,
    /// 一般公共预算财政拨款收入/支出.
    #[serde(default)]
    pub general_budget: Option<RawStatedFigure>,
    /// 政府性基金预算财政拨款.
    #[serde(default)]
    pub gov_fund: Option<RawStatedFigure>,
    /// 国有资本经营预算财政拨款.
    #[serde(default)]
    pub state_capital: Option<RawStatedFigure>,
    /// 其他收入 within 收入 (its share of 本年收入).
    #[serde(default)]
    pub other_income: Option<RawStatedFigure>,
    /// 六、一般公共预算财政拨款基本支出.
    #[serde(default)]
    pub general_basic: Option<RawStatedFigure>,
    /// 人员经费 within 六.
    #[serde(default)]
    pub personnel: Option<RawStatedFigure>,
    /// 公用经费 within 六.
    #[serde(default)]
    pub public: Option<RawStatedFigure>,
    /// 九、"三公"经费.
    #[serde(default)]
    pub three_public: Option<RawStatedFigure>,
    /// 十、机关运行经费.
    #[serde(default)]
    pub operating_costs: Option<RawStatedFigure>,
    /// 十一、政府采购.
    #[serde(default)]
    pub procurement: Option<RawStatedFigure>,
    /// What the 二、收入 section states about each other source and the balances (issue 16):
    /// 上级补助收入, 事业收入 … 年初(上年)结转和结余.
    #[serde(default)]
    pub income_parts: Option<RawIncomeParts>,
    /// 十四: the 情况说明 says "本单位当年无财政专项支出、专项转移支付支出". A stated nil, like a
    /// fund's stated 0: without it the page prints no 十四 (issue 16, left out is not "无").
    #[serde(default)]
    pub special_funds_nil: bool,
}

/// The 情况说明's statements about the income sources and balances without a block of
/// their own: each value, change against the prior year, and share of 本年收入合计.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIncomeParts {
    /// 上级补助收入.
    #[serde(default)]
    pub superior_subsidy: Option<RawStatedFigure>,
    /// 事业收入.
    #[serde(default)]
    pub business: Option<RawStatedFigure>,
    /// 经营收入.
    #[serde(default)]
    pub operating: Option<RawStatedFigure>,
    /// 附属单位上缴收入.
    #[serde(default)]
    pub affiliated: Option<RawStatedFigure>,
    /// 其他收入.
    #[serde(default)]
    pub other: Option<RawStatedFigure>,
    /// 使用非财政拨款结余.
    #[serde(default)]
    pub non_fiscal_balance_used: Option<RawStatedFigure>,
    /// 年初(上年)结转和结余.
    #[serde(default)]
    pub opening_balance: Option<RawStatedFigure>,
}

/// One figure as a 情况说明 states it: value, change against the prior year, share, reason.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStatedFigure {
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub value: Option<Dec>,
    /// 变动额, negative for 减少.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub change: Option<Dec>,
    /// 变动率, negative for 下降.
    #[serde(default)]
    pub change_rate: Option<Pct>,
    /// 占比 of its whole.
    #[serde(default)]
    pub share: Option<Pct>,
    /// 年初预算 the text states.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub budget: Option<Dec>,
    /// 完成预算% the text states.
    #[serde(default)]
    pub completion: Option<Pct>,
    /// 主要原因是….
    #[serde(default)]
    pub reason: Option<String>,
}

/// 绩效目标申报表.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTargets {
    #[serde(default)]
    pub title: Option<String>,
    /// The header of a 项目支出绩效目标表 (项目名称, 主管部门及编码 …).
    #[serde(default)]
    pub project: Option<RawTargetsProject>,
    /// 项目资金 of a 项目支出绩效目标表.
    #[serde(default)]
    pub project_funds: Vec<RawProjectFund>,
    /// 部门总体资金情况.
    #[serde(default)]
    pub funds: Option<RawFunds>,
    /// 部门职能概述.
    #[serde(default)]
    pub functions: Option<String>,
    /// 年度工作任务.
    #[serde(default)]
    pub tasks: Option<String>,
    /// 长期目标 with their indicators.
    #[serde(default)]
    pub long_term_goals: Vec<RawGoal>,
    /// 年度目标 with their indicators.
    #[serde(default)]
    pub annual_goals: Vec<RawGoal>,
    /// 原文不全: the document stops before this table ends (issue 16).
    #[serde(default)]
    pub incomplete: Option<RawIncomplete>,
}

/// 部门总体资金情况: income and expenditure by source for the year and earlier years.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFunds {
    /// The earlier years shown (近两年), oldest first.
    #[serde(default)]
    pub prior_years: Vec<Whole>,
    #[serde(default)]
    pub income: Vec<RawFundRow>,
    #[serde(default)]
    pub income_total: Option<RawFundRow>,
    #[serde(default)]
    pub expenditure: Vec<RawFundRow>,
    #[serde(default)]
    pub expenditure_total: Option<RawFundRow>,
}

/// One row of the funds table.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFundRow {
    pub name: String,
    /// 当年预算收支.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub amount: Option<Dec>,
    /// 占比 as printed.
    #[serde(default)]
    pub share: Option<Pct>,
    /// Amounts of `prior_years`, in the same order (empty cells as `~`).
    #[serde(default, deserialize_with = "amount::opt_list")]
    #[schemars(with = "Vec<Option<Amount>>")]
    pub prior: Vec<Option<Dec>>,
}
