//! Aggregation across projects by funds (`domain.md` §1.3, §1.4, S000 备注2–3).
//!
//! In: project scores with their funds (the execution budget A), or the same indicator's actual
//! in several projects. Out: the funds-weighted score Σ(score × funds) ÷ Σ funds (2 dp), and
//! summed completions: absolute values added, relative (%) values funds-weighted, then scored
//! against the target ("定量指标先汇总完成数，再计算得分"). Never includes a project that has no
//! score or no funds.

use serde::Serialize;

use super::performance::quantitative_score;
use super::text::{reads_as_percent, units_compatible};
use crate::model::{Dec, Direction, Measure, Money};

/// A funds-weighted average and how it was formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Weighted {
    /// Σ(score × funds) ÷ Σ funds, 2 dp.
    pub score: Dec,
    /// Σ funds of the projects counted.
    pub funds: Money,
    /// How many projects were counted.
    pub count: u32,
    /// The formula with its figures (Chinese-neutral arithmetic).
    pub explanation: String,
}

/// Σ(score × funds) ÷ Σ funds over the items, 2 dp. Items without a score or funds, or with
/// funds ≤ 0, are left out; `None` when nothing is left.
pub(crate) fn funds_weighted(items: &[(Option<Dec>, Option<Money>)]) -> Option<Weighted> {
    let kept: Vec<(Dec, Money)> = items
        .iter()
        .filter_map(|&(s, f)| s.zip(f))
        .filter(|&(_, f)| f > Dec::ZERO)
        .collect();
    if kept.is_empty() {
        return None;
    }
    let funds = Dec::checked_sum(kept.iter().map(|&(_, f)| f))?;
    let products: Option<Vec<Dec>> = kept.iter().map(|&(s, f)| s.checked_mul(f)).collect();
    let score = Dec::checked_sum(products?)?.checked_div(funds)?.round(2);
    let terms: Vec<String> = kept.iter().map(|(s, f)| format!("{s} × {f}")).collect();
    Some(Weighted {
        score,
        funds,
        count: u32::try_from(kept.len()).unwrap_or(u32::MAX),
        explanation: format!("({}) ÷ {funds} = {score}", terms.join(" + ")),
    })
}

/// How values of one indicator across projects were combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Summation {
    /// 绝对值直接累加.
    Sum,
    /// 相对值按资金额度加权平均.
    FundsWeighted,
}

/// One indicator's actual, combined across projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Combined {
    /// The combined value (relative values 2 dp).
    pub value: Dec,
    /// Its unit.
    pub unit: Option<String>,
    /// How it was combined.
    pub summation: Summation,
}

/// Combines the same indicator's actuals: percentages weighted by funds, other values summed.
/// Against a rate `target`, a bare number counts as a percentage ([`reads_as_percent`]).
/// `None` when a value holds no number, units differ, or a weighted item has no funds.
pub(crate) fn combine_actuals(
    items: &[(&Measure, Option<Money>)],
    target: Option<&Measure>,
) -> Option<Combined> {
    let first = items.first()?.0;
    let percent = |m: &Measure| m.is_percent() || target.is_some_and(|t| reads_as_percent(t, m));
    let unit = if percent(first) {
        Some("%".to_owned())
    } else {
        first.unit.clone()
    };
    let all_compatible = items
        .iter()
        .all(|(m, _)| m.number.is_some() && units_compatible(unit.as_deref(), m.unit.as_deref()));
    if !all_compatible {
        return None;
    }
    if items.iter().all(|(m, _)| percent(m)) {
        let pairs: Vec<(Option<Dec>, Option<Money>)> =
            items.iter().map(|(m, f)| (m.number, *f)).collect();
        if pairs.iter().any(|(_, f)| f.is_none_or(|f| f <= Dec::ZERO)) {
            return None;
        }
        let w = funds_weighted(&pairs)?;
        return Some(Combined {
            value: w.score,
            unit,
            summation: Summation::FundsWeighted,
        });
    }
    let value = Dec::checked_sum(items.iter().filter_map(|(m, _)| m.number))?;
    Some(Combined {
        value,
        unit,
        summation: Summation::Sum,
    })
}

/// Scores a combined actual against a target, as a share of the weight (percent units, 2 dp):
/// the rule of [`quantitative_score`] with W = 100.
pub(crate) fn combined_share(
    target: &Measure,
    combined: &Combined,
    direction: Direction,
) -> Option<Dec> {
    let a = target.number?;
    if !units_compatible(target.unit.as_deref(), combined.unit.as_deref()) {
        return None;
    }
    quantitative_score(Dec::HUNDRED, a, combined.value, direction).map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::fixtures::d;

    #[test]
    fn s003_project_scores_weighted_by_funds_give_96_19() {
        let items = [
            (Some(d("93.5")), Some(d("1194.23"))),
            (Some(d("97.1")), Some(d("4000.95"))),
            (Some(d("95.5")), Some(d("612.03"))),
            (None, Some(d("77.94"))), // 基层党建: no table, no score
        ];
        let w = funds_weighted(&items).expect("weighted");
        assert_eq!(w.score, d("96.19"));
        assert_eq!(w.funds, d("5807.21"));
        assert_eq!(w.count, 3);
        assert_eq!(
            w.explanation,
            "(93.5 × 1194.23 + 97.1 × 4000.95 + 95.5 × 612.03) ÷ 5807.21 = 96.19"
        );
    }

    #[test]
    fn nothing_to_weigh_gives_nothing() {
        assert_eq!(
            funds_weighted(&[(Some(d("90")), None), (None, Some(d("1")))]),
            None
        );
        assert_eq!(funds_weighted(&[(Some(d("90")), Some(d("0")))]), None);
    }

    #[test]
    fn relative_values_are_weighted_by_funds_then_scored() {
        let a = Measure::parse("95.30%");
        let b = Measure::parse("95.30%");
        let c = combine_actuals(&[(&a, Some(d("4000.95"))), (&b, Some(d("612.03")))], None)
            .expect("combined");
        assert_eq!(c.value, d("95.30"));
        assert_eq!(c.summation, Summation::FundsWeighted);
        let share = combined_share(&Measure::parse("≥90%"), &c, Direction::Positive);
        assert_eq!(share, Some(d("100")));
    }

    #[test]
    fn unequal_relative_values_lean_towards_the_larger_fund() {
        let a = Measure::parse("90%");
        let b = Measure::parse("100%");
        let c =
            combine_actuals(&[(&a, Some(d("300"))), (&b, Some(d("100")))], None).expect("combined");
        assert_eq!(c.value, d("92.5"));
    }

    #[test]
    fn issue16_a_bare_actual_against_a_rate_is_weighted_as_a_percentage() {
        let (a, b) = (Measure::parse("95.30"), Measure::parse("95.30%"));
        let items = [(&a, Some(d("4000.95"))), (&b, Some(d("612.03")))];
        let c = combine_actuals(&items, Some(&Measure::parse("≥90%"))).expect("combined");
        assert_eq!(c.value, d("95.30"));
        assert_eq!(
            (c.summation, c.unit.as_deref()),
            (Summation::FundsWeighted, Some("%"))
        );
        // Without a rate target the bare number stays bare: not all are percentages, so summed.
        let c = combine_actuals(&items, Some(&Measure::parse("3个"))).expect("combined");
        assert_eq!(c.summation, Summation::Sum);
    }

    #[test]
    fn absolute_values_are_summed() {
        let a = Measure::parse("1000起");
        let b = Measure::parse("1500起");
        let c = combine_actuals(&[(&a, Some(d("1"))), (&b, None)], None).expect("combined");
        assert_eq!((c.value, c.summation), (d("2500"), Summation::Sum));
        let share = combined_share(&Measure::parse("3000起"), &c, Direction::Positive);
        assert_eq!(share, Some(d("83.33")));
    }

    #[test]
    fn values_in_different_units_are_not_combined() {
        let a = Measure::parse("3个");
        let b = Measure::parse("5%");
        assert_eq!(
            combine_actuals(&[(&a, Some(d("1"))), (&b, Some(d("1")))], None),
            None
        );
        let t = Measure::parse("有所提升");
        assert_eq!(combine_actuals(&[(&t, Some(d("1")))], None), None);
    }
}
