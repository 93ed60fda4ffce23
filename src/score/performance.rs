//! The rule score of one indicator (`domain.md` §1.3, §1.4).
//!
//! In: an [`Indicator`] (weight, target and actual as printed and parsed, direction, kind, the
//! reported score). Out: a [`RuleOutcome`]: the score the rule gives (2 dp, 四舍五入, capped at
//! the weight), which rule applied ([`Basis`]), flags, and the computation in Chinese words.
//! Where no formula applies (qualitative rows, units that do not compare) the reported score
//! is kept and the basis says so; a row without a weight has no rule score at all (未重算,
//! issue 16). Never rounds the inputs: it uses the target
//! and actual as printed.

use serde::Serialize;

use super::text::{deadline_met, is_nothing_happened, reads_as_percent, units_compatible};
use crate::model::{Dec, Direction, Indicator, Kind, Measure};

/// Which rule gave an indicator's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Positive: W × min(B/A, 1).
    Positive,
    /// Negative: W × min(A/B, 1).
    Negative,
    /// Positive with A = 0: full marks (flagged).
    PositiveZeroTarget,
    /// Negative with A = 0 and B = 0: 0/0, full marks.
    NegativeZeroBoth,
    /// Negative with A = 0 and B > 0: A/B = 0, no marks.
    NegativeZeroTarget,
    /// Negative with A > 0 and B = 0: A/0 is infinite, capped: full marks.
    NegativeZeroActual,
    /// Target "不发生", actual "未发生" (or 0): full marks.
    NothingHappened,
    /// Target "不发生", actual a count above 0 ("3起"): no marks.
    Happened,
    /// A deadline in months met (`9月前`, done `7月`): full marks (issue 16).
    DeadlineMet,
    /// Qualitative: the evaluator picks within the band; the reported score is kept.
    Qualitative,
    /// Numbers that cannot be compared (different units, negative values): no rule score
    /// (未重算), the reported score is not taken.
    NotComparable,
    /// No weight printed: no rule score (未重算, issue 16); the reported score is not taken.
    NoWeight,
    /// A quantitative target whose 完成值 is not printed: no rule score (未重算, issue 16).
    NoActual,
    /// A scoring-sheet row (Anhui 评分表) scored by its printed 评分标准, which is prose: no
    /// formula recomputes it (未重算, issue 16).
    ByCriteria,
}

impl Basis {
    /// Did a formula give the score (as opposed to keeping the reported one)?
    pub fn is_formula(self) -> bool {
        !matches!(
            self,
            Basis::Qualitative
                | Basis::NotComparable
                | Basis::NoWeight
                | Basis::NoActual
                | Basis::ByCriteria
        )
    }

    /// No rule score at all: the row reads 未重算 and its total cannot be recomputed either.
    pub fn is_not_recomputed(self) -> bool {
        matches!(self, Basis::NoWeight | Basis::NoActual | Basis::ByCriteria)
    }
}

/// Something about an indicator worth showing next to its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Positive indicator with a target of 0: full marks by convention.
    ZeroTarget,
    /// Target and actual are in different units.
    UnitsDiffer,
    /// A negative number: the ratio rules do not apply.
    NegativeValue,
    /// A quantitative target whose actual holds no single number.
    ActualUnreadable,
    /// No score is printed.
    NoReportedScore,
}

/// What the rule says about one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct RuleOutcome {
    /// The score (2 dp); the reported score where no formula applies; `None` without a weight
    /// or when neither.
    pub rule: Option<Dec>,
    /// Which rule applied.
    pub basis: Basis,
    /// Flags.
    pub flags: Vec<Flag>,
    /// The computation in words (Chinese).
    pub explanation: String,
}

/// Why a row or total without a weight has no rule score (issue 16).
pub(crate) const NOT_RECOMPUTED_NO_WEIGHT: &str = "原文未列分值，无法按规则重算（未重算）";

/// Why a quantitative row whose 完成值 is empty has no rule score (issue 16).
pub(crate) const NOT_RECOMPUTED_NO_ACTUAL: &str = "原文未填完成值，无法按规则重算（未重算）";

/// Why a row scored by a prose 评分标准 has no rule score (issue 16).
pub(crate) const NOT_RECOMPUTED_BY_CRITERIA: &str =
    "按原文评分标准（文字）评分，无公式可重算（未重算）";

/// Scores a quantitative pair: target `a`, actual `b`, weight `w`. Returns the score (2 dp) and
/// the rule; `None` on overflow.
pub(crate) fn quantitative_score(
    w: Dec,
    a: Dec,
    b: Dec,
    direction: Direction,
) -> Option<(Dec, Basis)> {
    let one = Dec::from_int(1);
    let (score, basis) = match direction {
        Direction::Positive if a.is_zero() => (w, Basis::PositiveZeroTarget),
        Direction::Positive => (w.checked_mul(b.checked_div(a)?.min(one))?, Basis::Positive),
        Direction::Negative => match (a.is_zero(), b.is_zero()) {
            (true, true) => (w, Basis::NegativeZeroBoth),
            (true, false) => (Dec::ZERO, Basis::NegativeZeroTarget),
            (false, true) => (w, Basis::NegativeZeroActual),
            (false, false) => (w.checked_mul(a.checked_div(b)?.min(one))?, Basis::Negative),
        },
    };
    Some((score.min(w).round(2), basis))
}

/// The computation of [`quantitative_score`] in words.
pub(crate) fn explain_quantitative(w: Dec, a: Dec, b: Dec, score: Dec, basis: Basis) -> String {
    let (w, s) = (w.normalize(), score.normalize());
    match basis {
        Basis::Positive => format!("正向指标：{w} × min({b} ÷ {a}, 1) = {s}"),
        Basis::Negative => format!("反向指标：{w} × min({a} ÷ {b}, 1) = {s}"),
        Basis::PositiveZeroTarget => {
            format!("正向指标：目标值为 0，按满分计 {w}（目标值为 0，需核实）")
        }
        Basis::NegativeZeroBoth => format!("反向指标：目标值与实际值均为 0，按满分计 {w}"),
        Basis::NegativeZeroTarget => {
            format!("反向指标：目标值为 0、实际值 {b} 大于 0，{w} × (0 ÷ {b}) = 0")
        }
        Basis::NegativeZeroActual => {
            format!("反向指标：实际值为 0，{a} ÷ 0 视为无穷大，得分以分值封顶，计 {w}")
        }
        _ => format!("{s}"),
    }
}

/// The rule score of one indicator.
pub(crate) fn rule_score(ind: &Indicator) -> RuleOutcome {
    let mut flags = Vec::new();
    if ind.score.is_none() {
        flags.push(Flag::NoReportedScore);
    }
    let kept = |basis: Basis, flags: Vec<Flag>, why: String| {
        let explanation = match ind.score {
            Some(s) => format!("{why}，保留自评得分 {}", s.normalize()),
            None => format!("{why}，且未填自评得分，无法计分"),
        };
        RuleOutcome {
            rule: ind.score,
            basis,
            flags,
            explanation,
        }
    };
    // Without a weight no rule gives a score: the row is 未重算, and its reported score stays
    // in the 得分 column only, never in the rule's (issue 16).
    let Some(w) = ind.weight else {
        return RuleOutcome {
            rule: None,
            basis: Basis::NoWeight,
            flags,
            explanation: NOT_RECOMPUTED_NO_WEIGHT.to_owned(),
        };
    };
    let (target, actual) = (ind.target.as_ref(), ind.actual.as_ref());
    // A scoring-sheet row: no target, its points are set by a 评分标准 in words.
    if target.is_none() && ind.criteria.is_some() {
        return RuleOutcome {
            rule: None,
            basis: Basis::ByCriteria,
            flags,
            explanation: NOT_RECOMPUTED_BY_CRITERIA.to_owned(),
        };
    }
    // An empty 完成值 is not 0: the rule needs it, so the row is not recomputed (issue 16).
    let actual_blank = actual.is_none_or(|a| a.text.trim().is_empty());
    if ind.kind == Kind::Quantitative && target.is_some_and(|t| t.number.is_some()) && actual_blank
    {
        return RuleOutcome {
            rule: None,
            basis: Basis::NoActual,
            flags,
            explanation: NOT_RECOMPUTED_NO_ACTUAL.to_owned(),
        };
    }
    // "不发生" against an outcome: the event either happened (a count) or it did not.
    if let (Some(t), Some(b)) = (target, actual)
        && t.number.is_none()
        && is_nothing_happened(&t.text)
    {
        if is_nothing_happened(&b.text) || b.number.is_some_and(|n| n.is_zero()) {
            return formula(
                w,
                Basis::NothingHappened,
                flags,
                format!(
                    "目标“{}”，实际“{}”，与目标相符，得满分 {}",
                    t.text,
                    b.text,
                    w.normalize()
                ),
            );
        }
        if b.number.is_some_and(|n| n > Dec::ZERO) {
            return formula(
                Dec::ZERO,
                Basis::Happened,
                flags,
                format!("目标“{}”，实际发生 {}，未达成，得 0 分", t.text, b.text),
            );
        }
    }
    let numbers = match (target, actual) {
        (Some(t), Some(b)) => t.number.zip(b.number).map(|n| (t, b, n)),
        _ => None,
    };
    let Some((t, b, (a_num, b_num))) = numbers.filter(|_| ind.kind == Kind::Quantitative) else {
        if ind.kind == Kind::Quantitative && target.is_some_and(|t| t.number.is_some()) {
            flags.push(Flag::ActualUnreadable);
            return kept(
                Basis::Qualitative,
                flags,
                format!(
                    "实际完成值“{}”不是单一数值，按定性指标处理",
                    actual.map_or("", |m| m.text.as_str())
                ),
            );
        }
        return kept(
            Basis::Qualitative,
            flags,
            "定性指标：在档次内由评价人确定".to_owned(),
        );
    };
    // A deadline in months is met or missed, not a ratio (`9月前` against `7月`).
    match deadline_met(t, b) {
        Some(true) => {
            return formula(
                w,
                Basis::DeadlineMet,
                flags,
                format!(
                    "时效指标：目标“{}”，实际“{}”，按期完成，得满分 {}",
                    t.text,
                    b.text,
                    w.normalize()
                ),
            );
        }
        Some(false) => {
            return kept(
                Basis::Qualitative,
                flags,
                format!(
                    "时效指标：目标“{}”，实际“{}”，未按期完成，得分由评价人确定",
                    t.text, b.text
                ),
            );
        }
        None => {}
    }
    if !units_compatible(t.unit.as_deref(), b.unit.as_deref()) {
        flags.push(Flag::UnitsDiffer);
        return not_recomputed(
            Basis::NotComparable,
            flags,
            format!(
                "目标值单位“{}”与实际值单位“{}”不一致，无法按公式计分",
                t.unit.as_deref().unwrap_or(""),
                b.unit.as_deref().unwrap_or("")
            ),
        );
    }
    if a_num.is_negative() || b_num.is_negative() {
        flags.push(Flag::NegativeValue);
        return not_recomputed(
            Basis::NotComparable,
            flags,
            "目标值或实际值为负数，比例公式不适用".to_owned(),
        );
    }
    match quantitative_score(w, a_num, b_num, ind.direction) {
        Some((score, basis)) => {
            if basis == Basis::PositiveZeroTarget {
                flags.push(Flag::ZeroTarget);
            }
            let mut explanation = explain_quantitative(w, a_num, b_num, score, basis);
            // Recorded, so the reader sees the unit was implied, not printed (issue 16).
            if reads_as_percent(t, b) {
                explanation.push_str(&format!(
                    "（实际值“{}”未写 %，按目标值的单位读作 {b_num}%）",
                    b.text.trim()
                ));
            }
            formula(score, basis, flags, explanation)
        }
        None => not_recomputed(Basis::NotComparable, flags, "数值超出计算范围".to_owned()),
    }
}

/// A row the rule cannot score although it has a weight: no rule score (未重算), never the
/// reported one (issue 16).
fn not_recomputed(basis: Basis, flags: Vec<Flag>, why: String) -> RuleOutcome {
    RuleOutcome {
        rule: None,
        basis,
        flags,
        explanation: format!("{why}，未重算"),
    }
}

fn formula(score: Dec, basis: Basis, flags: Vec<Flag>, explanation: String) -> RuleOutcome {
    RuleOutcome {
        rule: Some(score),
        basis,
        flags,
        explanation,
    }
}

/// The target and actual of an indicator as one pair of numbers, when both hold one.
pub(crate) fn numbers(ind: &Indicator) -> Option<(Dec, Dec)> {
    let t: &Measure = ind.target.as_ref()?;
    let b: &Measure = ind.actual.as_ref()?;
    t.number.zip(b.number)
}

#[cfg(test)]
#[path = "performance_tests.rs"]
mod tests;
