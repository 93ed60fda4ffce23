//! The funds block's 其中 rows (issue 16): each row's 执行率, and each amount column of the
//! 年度资金总额 row against the sum of its 其中 rows.
//!
//! In: an [`Execution`]. Out: a [`PartScore`] per 其中 row and a [`ColumnSum`] per amount
//! column. A cell printed as a mark is never read as 0: a row whose figure is missing has no
//! rate (and says why), and a column whose parts are not all figures is [`SumCheck::Partial`]
//! (the typed parts can only show a contradiction by exceeding the total). Never judges: the
//! findings are `check`'s.

use serde::Serialize;

use super::execution::execution_rate;
use crate::model::cell::{figure, missing_reason};
use crate::model::{Cell, Execution, FundsRow, Money, Pct, Template};

/// The column headings of a template's funds block.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FundsLabels {
    /// 年初预算数.
    pub initial_budget: &'static str,
    /// 全年预算数 (A).
    pub budget: &'static str,
    /// 全年执行数 (B).
    pub actual: &'static str,
    /// 分值.
    pub weight: &'static str,
    /// 执行率.
    pub rate: &'static str,
    /// 得分.
    pub score: &'static str,
    /// The total row's name.
    pub total: &'static str,
}

/// The headings a template prints (the Sichuan layout also prints a 原因 column, shown when a
/// row has one).
pub(crate) fn funds_labels(template: Template) -> FundsLabels {
    match template {
        Template::Hubei => FundsLabels {
            initial_budget: "年初预算数",
            budget: "预算数",
            actual: "执行数",
            weight: "分值",
            rate: "执行率",
            score: "得分",
            total: "预算执行",
        },
        Template::National => FundsLabels {
            initial_budget: "年初预算数",
            budget: "全年预算数",
            actual: "全年执行数",
            weight: "分值",
            rate: "执行率",
            score: "得分",
            total: "年度资金总额",
        },
        Template::Sichuan => FundsLabels {
            initial_budget: "年初预算",
            budget: "调整后预算数",
            actual: "预算执行数",
            weight: "权重",
            rate: "预算执行率",
            score: "得分",
            total: "总额",
        },
    }
}

/// The rule figures of one 其中 row.
#[derive(Debug, Clone, Serialize)]
pub struct PartScore {
    /// As printed.
    pub name: String,
    /// A of the row (a figure, else `None`).
    pub budget: Option<Money>,
    /// B of the row.
    pub actual: Option<Money>,
    /// B/A, 2 dp; `None` when it cannot be computed.
    pub rate: Option<Pct>,
    /// The rate as printed, when it is a figure.
    pub reported_rate: Option<Pct>,
    /// Why the rate could not be computed (Chinese); `None` when it was.
    pub rate_note: Option<String>,
    /// B > A.
    pub over_budget: bool,
}

/// An amount column of the funds block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FundsColumn {
    /// 年初预算数.
    InitialBudget,
    /// 全年预算数.
    Budget,
    /// 全年执行数.
    Actual,
}

impl FundsColumn {
    /// The field name in the record.
    pub fn field(self) -> &'static str {
        match self {
            FundsColumn::InitialBudget => "initial_budget",
            FundsColumn::Budget => "budget",
            FundsColumn::Actual => "actual",
        }
    }

    /// The heading under `labels`.
    pub fn label(self, labels: &FundsLabels) -> &'static str {
        match self {
            FundsColumn::InitialBudget => labels.initial_budget,
            FundsColumn::Budget => labels.budget,
            FundsColumn::Actual => labels.actual,
        }
    }

    fn cell(self, row: &FundsRow) -> Option<&Cell<Money>> {
        match self {
            FundsColumn::InitialBudget => row.initial_budget.as_ref(),
            FundsColumn::Budget => row.budget.as_ref(),
            FundsColumn::Actual => row.actual.as_ref(),
        }
    }
}

/// How a column's total compares with its 其中 rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SumCheck {
    /// Every part is a figure and they add up to the total.
    Consistent,
    /// The parts contradict the total: they differ from it with every part a figure, or the
    /// typed parts alone exceed it.
    Contradicts,
    /// Some parts are not figures: the typed ones do not exceed the total, and no more can be
    /// said.
    Partial,
    /// The total, or every part, is not a figure.
    NotCheckable,
}

/// One amount column: the total against its parts.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnSum {
    /// Which column.
    pub column: FundsColumn,
    /// The total row's figure.
    pub total: Option<Money>,
    /// Σ of the parts that are figures; `None` when none is.
    pub typed_sum: Option<Money>,
    /// The parts that are not figures, each `name（reason）`.
    pub untyped: Vec<String>,
    /// The verdict.
    pub check: SumCheck,
}

/// Scores each 其中 row.
pub(crate) fn part_scores(template: Template, ex: &Execution) -> Vec<PartScore> {
    let labels = funds_labels(template);
    ex.parts
        .iter()
        .map(|p| {
            let (a, b) = (figure(p.budget.as_ref()), figure(p.actual.as_ref()));
            let rate = execution_rate(a, b);
            PartScore {
                name: p.name.clone().unwrap_or_default(),
                budget: a,
                actual: b,
                rate,
                reported_rate: figure(p.rate.as_ref()),
                rate_note: rate.is_none().then(|| rate_note(p, &labels)),
                over_budget: matches!((a, b), (Some(a), Some(b)) if b > a),
            }
        })
        .collect()
}

/// Why a row's rate cannot be computed: `全年预算数原文空白`, `0 ÷ 0`.
pub(crate) fn rate_note(row: &FundsRow, labels: &FundsLabels) -> String {
    let (a, b) = (figure(row.budget.as_ref()), figure(row.actual.as_ref()));
    let mut why = Vec::new();
    if let Some(r) = missing_reason(row.budget.as_ref()) {
        why.push(format!("{}{r}", labels.budget));
    }
    if let Some(r) = missing_reason(row.actual.as_ref()) {
        why.push(format!("{}{r}", labels.actual));
    }
    match (a, b) {
        (Some(a), Some(b)) if a.is_zero() => format!("{b} ÷ {a}：预算数为 0，执行率无法计算"),
        (Some(a), None) if a.is_zero() => format!("预算数为 0，{}", why.join("，")),
        _ => format!("{}，执行率无法计算", why.join("，")),
    }
}

/// Each amount column against its parts; empty when the block has no 其中 rows.
pub(crate) fn column_sums(ex: &Execution) -> Vec<ColumnSum> {
    if ex.parts.is_empty() {
        return Vec::new();
    }
    [
        FundsColumn::InitialBudget,
        FundsColumn::Budget,
        FundsColumn::Actual,
    ]
    .into_iter()
    .filter(|c| c.cell(&ex.total).is_some() || ex.parts.iter().any(|p| c.cell(p).is_some()))
    .map(|c| column_sum(c, ex))
    .collect()
}

fn column_sum(column: FundsColumn, ex: &Execution) -> ColumnSum {
    let total = figure(column.cell(&ex.total));
    let mut typed = Vec::new();
    let mut untyped = Vec::new();
    for p in &ex.parts {
        let cell = column.cell(p);
        match (figure(cell), missing_reason(cell)) {
            (Some(f), _) => typed.push(f),
            (None, why) => untyped.push(format!(
                "{}（{}）",
                p.name.as_deref().unwrap_or_default(),
                why.unwrap_or_default()
            )),
        }
    }
    let typed_sum = (!typed.is_empty())
        .then(|| Money::checked_sum(typed))
        .flatten();
    let check = match (total, typed_sum) {
        (None, _) | (_, None) => SumCheck::NotCheckable,
        (Some(t), Some(s)) if untyped.is_empty() => {
            if s == t {
                SumCheck::Consistent
            } else {
                SumCheck::Contradicts
            }
        }
        (Some(t), Some(s)) if s > t => SumCheck::Contradicts,
        _ => SumCheck::Partial,
    };
    ColumnSum {
        column,
        total,
        typed_sum,
        untyped,
        check,
    }
}
