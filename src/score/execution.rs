//! 预算执行: 执行率 = B/A and its score W × min(执行率, 1) (`domain.md` §1.2, §1.5).
//!
//! In: a scorecard's [`Execution`] block and the template's weight. Out: an [`ExecutionScore`]
//! with the rate (2 dp, 四舍五入), the score computed from that rounded rate (2 dp), and flags
//! for B > A and for a missing or zero A. The weight W is the printed 分值/权重 when the block
//! prints one as a figure, else the template's (issue 16: Sichuan scores by its printed 权重).
//! The 其中 rows and the column sums come from [`super::funds`]. Never substitutes the reported
//! rate or score, and never reads a printed mark (`—`, `/`, an empty cell) as 0.

use serde::Serialize;

use super::funds::{ColumnSum, PartScore, column_sums, funds_labels, part_scores, rate_note};
use crate::model::cell::figure;
use crate::model::{Dec, Execution, ExecutionPart, Money, Pct, Template};

/// The 预算执行 weight of a template: 20 (Hubei) or 10 (national; Sichuan's 预算执行情况(10分)).
pub(crate) fn execution_weight(template: Template) -> Dec {
    match template {
        Template::Hubei => Dec::from_int(20),
        Template::National | Template::Sichuan => Dec::from_int(10),
    }
}

/// Which rule gave the execution score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExecutionBasis {
    /// W × 执行率.
    Rate,
    /// 执行率 above 100%: capped at W.
    Capped,
    /// A is missing or zero: no rate, no score.
    NoBudget,
    /// B is missing: no rate, no score.
    NoActual,
}

/// The rule figures of a 预算执行 block.
#[derive(Debug, Clone, Serialize)]
pub struct ExecutionScore {
    /// W: the printed 分值/权重, else 20 or 10 by template.
    pub weight: Dec,
    /// W is the block's printed figure (not the template's).
    pub weight_printed: bool,
    /// A (预算数).
    pub budget: Option<Money>,
    /// B (执行数).
    pub actual: Option<Money>,
    /// B/A as a percentage, 2 dp.
    pub rate: Option<Pct>,
    /// W × min(rate, 1), 2 dp; `None` when there is no rate.
    pub rule: Option<Dec>,
    /// The rate as printed.
    pub reported_rate: Option<Pct>,
    /// The score as printed.
    pub reported: Option<Dec>,
    /// Which rule applied.
    pub basis: ExecutionBasis,
    /// B > A: under the Hubei definition of A this should not happen.
    pub over_budget: bool,
    /// 基本支出 part.
    pub basic: Option<PartRate>,
    /// 项目支出 part.
    pub project: Option<PartRate>,
    /// Why the rate could not be computed (Chinese); `None` when it was.
    pub rate_note: Option<String>,
    /// The 其中 rows, parallel to `Execution::parts`.
    pub parts: Vec<PartScore>,
    /// Each amount column of the total row against its 其中 rows (empty without 其中 rows).
    pub sums: Vec<ColumnSum>,
    /// The computation in words (Chinese).
    pub explanation: String,
}

/// 执行率 of a 基本 or 项目 part.
#[derive(Debug, Clone, Serialize)]
pub struct PartRate {
    /// A of the part.
    pub budget: Option<Money>,
    /// B of the part.
    pub actual: Option<Money>,
    /// B/A, 2 dp.
    pub rate: Option<Pct>,
    /// As printed.
    pub reported_rate: Option<Pct>,
}

/// B/A as a percentage rounded to 2 dp; `None` when A is missing or zero, or B is missing.
pub(crate) fn execution_rate(budget: Option<Money>, actual: Option<Money>) -> Option<Pct> {
    let (a, b) = (budget?, actual?);
    if a.is_zero() {
        return None;
    }
    let pct = b.checked_mul(Dec::HUNDRED)?.checked_div(a)?;
    Some(Pct::from_percent(pct.round_fixed(2)))
}

/// W × min(rate, 1), 2 dp.
pub(crate) fn execution_rule_score(weight: Dec, rate: Pct) -> Option<Dec> {
    let ratio = rate.ratio().min(Dec::from_int(1));
    weight.checked_mul(ratio).map(|s| s.round(2))
}

/// Scores a 预算执行 block.
pub(crate) fn score_execution(template: Template, ex: &Execution) -> ExecutionScore {
    let printed = figure(ex.total.weight.as_ref());
    let weight = printed.unwrap_or_else(|| execution_weight(template));
    let rate = execution_rate(ex.budget, ex.actual);
    let rule = rate.and_then(|r| execution_rule_score(weight, r));
    let over_budget = matches!((ex.budget, ex.actual), (Some(a), Some(b)) if b > a);
    let basis = match (ex.budget, ex.actual, rate) {
        (None, _, _) => ExecutionBasis::NoBudget,
        (Some(a), _, _) if a.is_zero() => ExecutionBasis::NoBudget,
        (_, None, _) | (_, _, None) => ExecutionBasis::NoActual,
        (_, _, Some(r)) if r.percent() > Dec::HUNDRED => ExecutionBasis::Capped,
        _ => ExecutionBasis::Rate,
    };
    let rate_note = rate
        .is_none()
        .then(|| rate_note(&ex.total, &funds_labels(template)));
    let mut explanation = explain(weight, ex.budget, ex.actual, rate, rule, basis);
    if let Some(note) = rate_note.as_ref().filter(|_| ex.total.budget.is_some()) {
        explanation = format!("{note}，无法计算得分");
    }
    ExecutionScore {
        weight,
        weight_printed: printed.is_some(),
        budget: ex.budget,
        actual: ex.actual,
        rate,
        rule,
        reported_rate: ex.rate,
        reported: ex.score,
        basis,
        over_budget,
        basic: ex.basic.as_ref().map(part_rate),
        project: ex.project.as_ref().map(part_rate),
        rate_note,
        parts: part_scores(template, ex),
        sums: column_sums(ex),
        explanation,
    }
}

fn part_rate(p: &ExecutionPart) -> PartRate {
    PartRate {
        budget: p.budget,
        actual: p.actual,
        rate: execution_rate(p.budget, p.actual),
        reported_rate: p.rate,
    }
}

fn explain(
    w: Dec,
    a: Option<Money>,
    b: Option<Money>,
    rate: Option<Pct>,
    rule: Option<Dec>,
    basis: ExecutionBasis,
) -> String {
    match (a, b, rate, rule) {
        (Some(a), Some(b), Some(r), Some(s)) => {
            let capped = if basis == ExecutionBasis::Capped {
                "（执行数超过预算数，得分以分值封顶）"
            } else {
                ""
            };
            format!(
                "执行率 = {b} ÷ {a} = {r}；得分 = {w} × min({r}, 1) = {}{capped}",
                s.normalize()
            )
        }
        _ if basis == ExecutionBasis::NoBudget => {
            "预算数缺失或为 0，无法计算执行率和得分".to_owned()
        }
        _ => "执行数缺失，无法计算执行率和得分".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("decimal")
    }

    fn ex(a: Option<&str>, b: Option<&str>) -> Execution {
        Execution {
            budget: a.map(d),
            actual: b.map(d),
            total: crate::model::FundsRow {
                budget: a.map(|a| crate::model::Cell::Figure(d(a))),
                actual: b.map(|b| crate::model::Cell::Figure(d(b))),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn s000_rate_above_100_percent_is_shown_and_the_score_capped_at_20() {
        let s = score_execution(Template::Hubei, &ex(Some("4528.44"), Some("5684.82")));
        assert_eq!(s.rate.map(|r| r.to_string()), Some("125.54%".into()));
        assert_eq!(s.rule, Some(d("20")));
        assert!(s.over_budget);
        assert_eq!(s.basis, ExecutionBasis::Capped);
        assert!(
            s.explanation.contains("5684.82 ÷ 4528.44 = 125.54%"),
            "{}",
            s.explanation
        );
    }

    #[test]
    fn the_score_uses_the_rounded_rate() {
        // 99.875% rounds to 99.88%; 20 × 0.9988 = 19.976 → 19.98.
        let s = score_execution(Template::Hubei, &ex(Some("8000"), Some("7990")));
        assert_eq!(s.rate.map(|r| r.percent()), Some(d("99.88")));
        assert_eq!(s.rule, Some(d("19.98")));
        assert!(!s.over_budget);
        assert_eq!(s.basis, ExecutionBasis::Rate);
    }

    #[test]
    fn the_national_weight_is_10() {
        let s = score_execution(Template::National, &ex(Some("100"), Some("95")));
        assert_eq!(s.weight, d("10"));
        assert_eq!(s.rule, Some(d("9.5")));
    }

    #[test]
    fn a_full_rate_prints_with_two_decimals() {
        let s = score_execution(Template::Hubei, &ex(Some("11092.59"), Some("11092.59")));
        assert_eq!(s.rate.map(|r| r.to_string()), Some("100.00%".into()));
        assert_eq!(s.rule, Some(d("20")));
    }

    #[test]
    fn a_zero_or_missing_budget_gives_no_rate_and_no_score() {
        for a in [Some("0"), None] {
            let s = score_execution(Template::Hubei, &ex(a, Some("10")));
            assert_eq!(s.rate, None);
            assert_eq!(s.rule, None);
            assert_eq!(s.basis, ExecutionBasis::NoBudget);
        }
        let s = score_execution(Template::Hubei, &ex(Some("10"), None));
        assert_eq!(s.basis, ExecutionBasis::NoActual);
        assert_eq!(s.rule, None);
    }
}
