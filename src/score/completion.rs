//! Met or not met, per indicator, and the form's 完成率 = 完成指标数 / 指标总数
//! (`domain.md` §1.5).
//!
//! In: an indicator, what its rule gave, and the scorecard's list of indicators stated as
//! 未完成. Out: whether it met its target and why ([`MetBasis`]); counts and rates per goal and
//! per table ([`Completion`]). Never changes a score.

use serde::Serialize;

use super::performance::{Basis, numbers};
use super::text::{deadline_met, is_nothing_happened, normalize, units_compatible};
use crate::model::{Comparator, Dec, Direction, Indicator, Kind, Pct, Status};

/// Why an indicator counts as met or not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetBasis {
    /// Actual against target by the target's comparator.
    Comparator,
    /// The status the record states explicitly.
    Status,
    /// The report lists it under 未完成的绩效目标.
    ListedUnmet,
    /// Actual text equals target text (`如期推进` / `如期推进`).
    SameText,
    /// Both say the event did not happen (`不发生` / `未发生`).
    NothingHappened,
    /// Reported score equals the weight.
    FullScore,
    /// None of the above: not met.
    Otherwise,
    /// Cannot be judged: the 完成值 is not printed, or the row is a scoring-sheet row with no
    /// target (issue 16). Counted apart, never as "not met".
    NotJudged,
}

/// Met or not, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct MetOutcome {
    /// Did the indicator meet its target?
    pub met: bool,
    /// Why.
    pub basis: MetBasis,
}

/// Does actual `b` meet target `a` under the target's comparator? `=` (and no comparator)
/// means "at least" for a positive indicator and "at most" for a negative one.
pub(crate) fn meets(comparator: Option<Comparator>, direction: Direction, a: Dec, b: Dec) -> bool {
    match comparator.unwrap_or(Comparator::Eq) {
        Comparator::Ge => b >= a,
        Comparator::Gt => b > a,
        Comparator::Le => b <= a,
        Comparator::Lt => b < a,
        Comparator::Eq => match direction {
            Direction::Positive => b >= a,
            Direction::Negative => b <= a,
        },
    }
}

/// Is `name` in the list of names stated as 未完成 (compared after normalisation)?
pub(crate) fn is_listed_unmet(name: &str, unmet: &[String]) -> bool {
    let n = normalize(name);
    unmet.iter().any(|u| normalize(u) == n)
}

/// Met or not met for one indicator whose rule gave `basis`.
pub(crate) fn met(ind: &Indicator, basis: Basis, listed_unmet: bool) -> MetOutcome {
    let out = |met, basis| MetOutcome { met, basis };
    if matches!(basis, Basis::NoActual | Basis::ByCriteria) && ind.status.is_none() && !listed_unmet
    {
        return out(false, MetBasis::NotJudged);
    }
    let numeric = matches!(
        basis,
        Basis::Positive
            | Basis::Negative
            | Basis::PositiveZeroTarget
            | Basis::NegativeZeroBoth
            | Basis::NegativeZeroTarget
            | Basis::NegativeZeroActual
    );
    // Without a weight there is no score, but the numbers still say whether it was met.
    let unweighted_numbers = basis == Basis::NoWeight
        && ind.kind == Kind::Quantitative
        && ind
            .target
            .as_ref()
            .zip(ind.actual.as_ref())
            .is_some_and(|(t, a)| units_compatible(t.unit.as_deref(), a.unit.as_deref()));
    if (numeric || unweighted_numbers)
        && let Some((a, b)) = numbers(ind)
        && !a.is_negative()
        && !b.is_negative()
    {
        let cmp = ind.target.as_ref().and_then(|t| t.comparator);
        return out(meets(cmp, ind.direction, a, b), MetBasis::Comparator);
    }
    if let Some(s) = ind.status {
        return out(s == Status::Met, MetBasis::Status);
    }
    // A deadline in months: met or missed by the month (issue 16).
    if let (Some(t), Some(a)) = (&ind.target, &ind.actual)
        && let Some(on_time) = deadline_met(t, a)
    {
        return out(on_time, MetBasis::Comparator);
    }
    if listed_unmet {
        return out(false, MetBasis::ListedUnmet);
    }
    if let (Some(t), Some(a)) = (&ind.target, &ind.actual) {
        if !t.text.trim().is_empty() && normalize(&t.text) == normalize(&a.text) {
            return out(true, MetBasis::SameText);
        }
        if is_nothing_happened(&t.text) && is_nothing_happened(&a.text) {
            return out(true, MetBasis::NothingHappened);
        }
    }
    if let (Some(s), Some(w)) = (ind.score, ind.weight)
        && s == w
    {
        return out(true, MetBasis::FullScore);
    }
    out(false, MetBasis::Otherwise)
}

/// 完成率: indicators met ÷ indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Completion {
    /// 指标总数.
    pub indicators: u32,
    /// 完成指标数.
    pub met: u32,
    /// Indicators whose completion cannot be judged (no 完成值 printed; issue 16). Counted in
    /// `indicators`, in neither met nor not met.
    #[serde(skip_serializing_if = "is_zero")]
    pub unknown: u32,
    /// met ÷ indicators as a percentage, 2 dp; `None` without indicators, or when some
    /// cannot be judged (the rate would count them as not met).
    pub rate: Option<Pct>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Completion {
    /// From counts.
    pub fn new(indicators: u32, met: u32) -> Completion {
        Completion::judged(indicators, met, 0)
    }

    /// From counts, `unknown` of the `indicators` not judged: no rate then.
    pub fn judged(indicators: u32, met: u32, unknown: u32) -> Completion {
        Completion {
            indicators,
            met,
            unknown,
            rate: completion_rate(
                Dec::from_int(i64::from(met)),
                Dec::from_int(i64::from(indicators)),
            )
            .filter(|_| unknown == 0),
        }
    }

    /// Indicators judged and not met.
    pub fn not_met(&self) -> u32 {
        self.indicators
            .saturating_sub(self.met)
            .saturating_sub(self.unknown)
    }

    /// The sum of several.
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Completion>) -> Completion {
        let (n, m, u) = parts.into_iter().fold((0u32, 0u32, 0u32), |(n, m, u), c| {
            (
                n.saturating_add(c.indicators),
                m.saturating_add(c.met),
                u.saturating_add(c.unknown),
            )
        });
        Completion::judged(n, m, u)
    }
}

/// `met ÷ total` as a percentage, 2 dp; `None` when total is 0.
pub(crate) fn completion_rate(met: Dec, total: Dec) -> Option<Pct> {
    let p = met.checked_mul(Dec::HUNDRED)?.checked_div(total)?;
    Some(Pct::from_percent(p.round_fixed(2)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::fixtures::{d, ind, with_status};
    use crate::score::performance::rule_score;

    fn met_of(i: &Indicator, listed: bool) -> MetOutcome {
        met(i, rule_score(i).basis, listed)
    }

    #[test]
    fn quantitative_rows_are_met_by_their_comparator() {
        let yes = |t, a| met_of(&ind("x", "1", t, a, ""), false).met;
        assert!(yes("≥95%", "95%"));
        assert!(!yes("≥95%", "94.9%"));
        assert!(!yes(">95%", "95%"));
        assert!(yes("35人", "38人"));
        assert!(!yes("62条", "61条"));
        assert!(yes("≤5%", "0%"));
        assert!(!yes("<5%", "5%"));
        assert_eq!(
            met_of(&ind("x", "1", "4个", "7个", ""), false).basis,
            MetBasis::Comparator
        );
    }

    #[test]
    fn a_quantitative_row_without_weight_is_still_met_by_its_comparator() {
        let i = ind("党员学习培训出勤率", "", "≥95%", "99%", "4");
        assert_eq!(
            met_of(&i, false),
            MetOutcome {
                met: true,
                basis: MetBasis::Comparator
            }
        );
        let j = ind("信访积案化解率", "", "100%", "30%", "");
        assert_eq!(
            met_of(&j, false),
            MetOutcome {
                met: false,
                basis: MetBasis::Comparator
            }
        );
        let k = ind("覆盖率", "", "100%", "13个", "");
        assert_eq!(met_of(&k, false).basis, MetBasis::Otherwise);
    }

    #[test]
    fn an_equal_to_target_on_a_negative_indicator_means_at_most() {
        assert!(
            met_of(
                &ind("辖区安全事故发生数量", "1.5", "0起", "0起", "1.5"),
                false
            )
            .met
        );
        assert!(
            !met_of(
                &ind("安全生产及消防事故发生起数", "1.5", "0起", "3起", "0"),
                false
            )
            .met
        );
    }

    #[test]
    fn qualitative_rows_follow_status_then_the_unmet_list_then_the_text() {
        let i = ind("改革按计划积极稳妥推进", "3", "如期推进", "如期推进", "3");
        assert_eq!(
            met_of(&i, false),
            MetOutcome {
                met: true,
                basis: MetBasis::SameText
            }
        );
        assert_eq!(
            met_of(&i, true),
            MetOutcome {
                met: false,
                basis: MetBasis::ListedUnmet
            }
        );
        let s = with_status(i, Status::Partial);
        assert_eq!(
            met_of(&s, false),
            MetOutcome {
                met: false,
                basis: MetBasis::Status
            }
        );
        let n = ind("无食品药品安全事故发生", "3", "不发生", "未发生", "3");
        assert_eq!(met_of(&n, false).basis, MetBasis::NothingHappened);
        let f = ind(
            "发挥基层党员的带头作用",
            "8",
            "开展好“三会一课”",
            "全面规范“三会一课”",
            "8",
        );
        assert_eq!(
            met_of(&f, false),
            MetOutcome {
                met: true,
                basis: MetBasis::FullScore
            }
        );
        let o = ind(
            "满足基层群众的各项需求",
            "8",
            "进一步全面实行",
            "已开通",
            "7",
        );
        assert_eq!(
            met_of(&o, false),
            MetOutcome {
                met: false,
                basis: MetBasis::Otherwise
            }
        );
    }

    #[test]
    fn did_not_happen_against_three_events_is_not_met() {
        assert!(
            !met_of(
                &ind("无重大安全生产及消防事故发生", "3", "不发生", "3起", "0"),
                false
            )
            .met
        );
    }

    #[test]
    fn listed_names_match_after_normalisation() {
        let list = vec!["党风带动民风 好转".to_owned(), "改善营商环境".to_owned()];
        assert!(is_listed_unmet("党风带动民风好转", &list));
        assert!(!is_listed_unmet("人民群众的安全感", &list));
    }

    #[test]
    fn s003_completion_rates_match_the_report() {
        assert_eq!(
            Completion::new(29, 24).rate.map(|r| r.percent()),
            Some(d("82.76"))
        );
        assert_eq!(
            Completion::new(22, 19).rate.map(|r| r.percent()),
            Some(d("86.36"))
        );
        assert_eq!(
            Completion::new(85, 76).rate.map(|r| r.percent()),
            Some(d("89.41"))
        );
        assert_eq!(
            Completion::new(25, 24).rate.map(|r| r.to_string()),
            Some("96.00%".into())
        );
        assert_eq!(Completion::new(0, 0).rate, None);
        let sum = Completion::sum(&[Completion::new(10, 8), Completion::new(12, 11)]);
        assert_eq!((sum.indicators, sum.met), (22, 19));
    }
}
