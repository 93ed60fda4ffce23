//! One self-evaluation table, assembled: every row's rule score, band, met / not met, the goal
//! subtotals, the total and the completion (`domain.md` §1.5).
//!
//! In: a [`Scorecard`] and its template. Out: a [`CardScore`]. Subtotals and totals are sums
//! of the rounded row scores; a total is `None` when a row has neither a rule nor a reported
//! score. Never compares stated with computed figures beyond the per-row `differs` flag.

use super::bands::{Band, band_of, grade_of};
use super::completion::{Completion, is_listed_unmet, met};
use super::execution::score_execution;
use super::performance::{Basis, rule_score};
use super::{CardScore, GoalScore, IndicatorScore, OverallGoalScore};
use crate::model::{Dec, Goal, Indicator, Scorecard, Status, Template};

/// Scores one table.
pub(crate) fn score_card(template: Template, sc: &Scorecard) -> CardScore {
    let precision = score_precision(sc);
    let execution = sc.execution.as_ref().map(|e| score_execution(template, e));
    let overall_goal = sc.overall_goal.as_ref().map(|o| OverallGoalScore {
        weight: o.weight,
        reported: o.score,
        // Without a printed weight (the national 年度总体目标) the row is shown, not scored.
        rule: o.weight.and(o.score),
        band: o
            .score
            .zip(o.weight)
            .and_then(|(s, w)| band_of(template, s, w)),
    });
    let goals: Vec<GoalScore> = sc
        .goals
        .iter()
        .map(|g| score_goal(template, g, &sc.stated.unmet, precision))
        .collect();

    let goal_weights: Option<Vec<Dec>> = sc.goals.iter().map(|g| g.weight).collect();
    let weight_total = goal_weights.and_then(|ws| {
        // Without the 预算执行 block in the record its weight is still the template's
        // (预算执行情况(10分) is printed whether or not the funds were typed; issue 16).
        let exec_w = execution.as_ref().map_or_else(
            || super::execution::execution_weight(template),
            |e| e.weight,
        );
        let overall_w = overall_goal
            .as_ref()
            .and_then(|o| o.weight)
            .unwrap_or(Dec::ZERO);
        Dec::checked_sum([exec_w, overall_w].into_iter().chain(ws))
    });

    let mut parts: Vec<(String, Option<Dec>)> = Vec::new();
    parts.push((
        "预算执行".to_owned(),
        execution.as_ref().and_then(|e| e.rule),
    ));
    if let Some(o) = overall_goal.as_ref().filter(|o| o.weight.is_some()) {
        parts.push(("项目绩效总目标".to_owned(), o.rule));
    }
    for g in &goals {
        parts.push((g.name.clone(), g.rule_total));
    }
    let rule_total = sum_all(parts.iter().map(|(_, v)| *v));
    let explanation = explain_total(&parts, rule_total);

    let reported_sum = {
        // A record without its 预算执行 block lacks that row's printed score: the rows'
        // sum is unknown, not the sum of the others (issue 16: a funds block left out).
        let exec = Some(execution.as_ref().and_then(|e| e.reported));
        let overall = overall_goal
            .as_ref()
            .filter(|o| o.weight.is_some())
            .map(|o| o.reported);
        let rows = goals
            .iter()
            .flat_map(|g| g.indicators.iter().map(|i| i.reported));
        sum_all(exec.into_iter().chain(overall).chain(rows))
    };

    let completion = Completion::sum(goals.iter().map(|g| &g.completion));
    CardScore {
        field: sc.field.clone(),
        name: sc.name.clone(),
        execution,
        overall_goal,
        goals,
        weight_total,
        rule_total,
        reported_total: sc.reported_total,
        reported_sum,
        precision,
        completion,
        grade: rule_total.and_then(|t| grade_of(template, t)),
        reported_grade: sc.reported_total.and_then(|t| grade_of(template, t)),
        explanation,
        partial: sc.incomplete.as_ref().map(|i| i.at.clone()),
    }
}

/// Why a table's rule total could not be recomputed, in the words the pages show beside
/// "未重算" (issue 16). Stored in the build cache, hence `Deserialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum NotRecomputed {
    /// A row (or a goal) prints no weight: no rule can score it.
    NoWeights,
    /// A row's target and actual do not compare (units differ, a negative value).
    NotComparable,
    /// A row has neither a rule score nor a reported one.
    MissingScores,
    /// A quantitative row prints no 完成值 (issue 16).
    NoActual,
    /// Rows are scored by a 评分标准 in words (Anhui 评分表, issue 16).
    ByCriteria,
    /// The record holds no 预算执行 block, so that part has no score (issue 16).
    NoExecution,
    /// 原文不全: the document stops before the table ends; its totals are of the visible part
    /// only and rank nowhere (issue 16).
    Incomplete,
}

impl NotRecomputed {
    /// The short visible note.
    pub(crate) fn note(self) -> &'static str {
        match self {
            NotRecomputed::NoWeights => "原文未列分值，无法按规则重算",
            NotRecomputed::NotComparable => "部分指标的目标值与实际值无法比较，无法按规则重算",
            NotRecomputed::MissingScores => "部分指标无法计分，无法按规则重算",
            NotRecomputed::NoActual => "原文未填完成值，无法按规则重算",
            NotRecomputed::ByCriteria => "按文字评分标准评分，无法按规则重算",
            NotRecomputed::NoExecution => "记录未录入预算执行情况，无法按规则重算总分",
            NotRecomputed::Incomplete => "原文不全，合计截至可见部分，未排名",
        }
    }

    /// What the rule-score cell of a list reads.
    pub(crate) fn cell(self) -> &'static str {
        match self {
            NotRecomputed::Incomplete => "原文不全",
            _ => "未重算",
        }
    }
}

impl CardScore {
    /// Why the rule total is not a final figure: `None` when it was recomputed over a whole
    /// table. A partial table (原文不全) is `Incomplete` whatever its visible rows give.
    pub(crate) fn not_recomputed(&self) -> Option<NotRecomputed> {
        if self.partial.is_some() {
            return Some(NotRecomputed::Incomplete);
        }
        if self.rule_total.is_some() {
            return None;
        }
        let any = |b: Basis| {
            self.goals
                .iter()
                .flat_map(|g| g.indicators.iter())
                .any(|i| i.basis == b)
        };
        Some(if any(Basis::NoWeight) {
            NotRecomputed::NoWeights
        } else if any(Basis::NotComparable) {
            NotRecomputed::NotComparable
        } else if any(Basis::NoActual) {
            NotRecomputed::NoActual
        } else if any(Basis::ByCriteria) {
            NotRecomputed::ByCriteria
        } else if self.execution.is_none()
            && self
                .goals
                .iter()
                .flat_map(|g| g.indicators.iter())
                .all(|i| i.rule.is_some())
        {
            NotRecomputed::NoExecution
        } else {
            NotRecomputed::MissingScores
        })
    }
}

/// The decimal places the table prints its indicator scores in (`domain.md` §1.5: a stated
/// score differs from the rule when the two differ at that precision). A table of whole scores
/// (field 05: 9 for 10 × 86.20% = 8.62) is compared at whole points; one without any printed
/// score at 1 place.
fn score_precision(sc: &Scorecard) -> u32 {
    sc.goals
        .iter()
        .flat_map(|g| g.indicators.iter())
        .filter_map(|i| i.score)
        .map(Dec::scale)
        .max()
        .unwrap_or(1)
}

/// Σ of all, `None` when one is `None` or on overflow.
fn sum_all(items: impl IntoIterator<Item = Option<Dec>>) -> Option<Dec> {
    let all: Option<Vec<Dec>> = items.into_iter().collect();
    Dec::checked_sum(all?)
}

fn score_goal(template: Template, g: &Goal, unmet: &[String], precision: u32) -> GoalScore {
    let indicators: Vec<IndicatorScore> = g
        .indicators
        .iter()
        .map(|i| score_indicator(template, i, unmet, precision))
        .collect();
    let met = indicators.iter().filter(|i| i.met).count();
    let unknown = indicators
        .iter()
        .filter(|i| i.met_basis == super::MetBasis::NotJudged)
        .count();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    GoalScore {
        name: g.name.clone(),
        weight: g.weight,
        indicator_weights: sum_all(g.indicators.iter().map(|i| i.weight)),
        rule_total: sum_all(indicators.iter().map(|i| i.rule)),
        reported_total: sum_all(indicators.iter().map(|i| i.reported)),
        completion: Completion::judged(count(indicators.len()), count(met), count(unknown)),
        indicators,
    }
}

/// Scores one indicator row.
pub(crate) fn score_indicator(
    template: Template,
    ind: &Indicator,
    unmet: &[String],
    precision: u32,
) -> IndicatorScore {
    let outcome = rule_score(ind);
    let listed_unmet = is_listed_unmet(&ind.name, unmet);
    let met = met(ind, outcome.basis, listed_unmet);
    let band = match (outcome.basis, ind.score, ind.weight) {
        (Basis::Qualitative, Some(s), Some(w)) => band_of(template, s, w),
        _ => None,
    };
    let band_ok = band.and_then(|b| match ind.status {
        Some(Status::Met) => Some(b == Band::Met),
        Some(Status::Partial) => Some(b == Band::Partial),
        Some(Status::Unmet) => Some(b == Band::Unmet),
        None if listed_unmet => Some(b != Band::Met),
        None => None,
    });
    let differs = match (outcome.basis.is_formula(), ind.score, outcome.rule) {
        (true, Some(r), Some(s)) => r.round(precision) != s.round(precision),
        _ => false,
    };
    let mut explanation = outcome.explanation;
    if let (Some(b), Some(s), Some(w)) = (band, ind.score, ind.weight) {
        let share = s
            .checked_mul(Dec::HUNDRED)
            .and_then(|x| x.checked_div(w))
            .map(|x| x.round_fixed(2));
        if let Some(share) = share {
            explanation.push_str(&format!(
                "（{} ÷ {} = {share}%，{}档）",
                s.normalize(),
                w.normalize(),
                b.label()
            ));
        }
    }
    IndicatorScore {
        name: ind.name.clone(),
        weight: ind.weight,
        reported: ind.score,
        rule: outcome.rule,
        basis: outcome.basis,
        flags: outcome.flags,
        explanation,
        differs,
        band,
        listed_unmet,
        band_ok,
        met: met.met,
        met_basis: met.basis,
    }
}

fn explain_total(parts: &[(String, Option<Dec>)], total: Option<Dec>) -> String {
    match total {
        Some(t) => {
            let terms: Vec<String> = parts
                .iter()
                .filter_map(|(n, v)| v.map(|v| format!("{n} {}", v.normalize())))
                .collect();
            format!("总分 = {} = {}", terms.join(" + "), t.normalize())
        }
        None => {
            let missing: Vec<&str> = parts
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(n, _)| n.as_str())
                .collect();
            format!("无法重算总分：{} 缺少可计算的得分", missing.join("、"))
        }
    }
}

#[cfg(test)]
#[path = "card_tests.rs"]
mod tests;
