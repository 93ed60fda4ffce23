//! Self-evaluation tables, goals and indicators: raw → model.
//!
//! In: `RawScorecard`, `RawGoal`, `RawIndicator` and their field paths. Out: the model types,
//! with each indicator's weight suffix (`(4分)`) split from its name, its target and actual read
//! as [`Measure`]s, and its kind and direction resolved. Never changes a reported figure.

use super::Ctx;
use crate::lang::pick;
use crate::load::locate::shorten;
use crate::load::raw::{RawGoal, RawIndicator, RawScorecard};
use crate::model::measure::Comparator;
use crate::model::{
    Dec, Direction, Goal, Indicator, Kind, Measure, OverallGoal, Scorecard, Stated, Status,
    Subtotal, TargetColumns,
};

/// Words in an indicator's name that mark it as "less is better" when its target has no
/// comparator (or `=`): 0 accidents, a low incidence, no violations.
pub(crate) const NEGATIVE_NAME_WORDS: [&str; 11] = [
    "事故",
    "发生率",
    "发生数",
    "发生起数",
    "暴露率",
    "返贫率",
    "差错率",
    "投诉率",
    "违规",
    "违纪",
    "死亡",
];

/// A table at `path` (`self_evaluation`, `projects[2]`); project tables need a name.
pub(crate) fn scorecard(
    cx: &mut Ctx<'_>,
    path: String,
    raw: RawScorecard,
    project: bool,
) -> Scorecard {
    if project && raw.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        cx.error(
            &format!("{path}.name"),
            pick(
                "应填写项目名称，实际没有",
                "expected the project's name, found none",
            ),
        );
    }
    let goals = raw
        .goals
        .into_iter()
        .enumerate()
        .map(|(i, g)| goal(cx, &format!("{path}.goals[{i}]"), g))
        .collect();
    let execution = raw
        .execution
        .map(|e| super::funds::execution(cx, &format!("{path}.execution"), e));
    if let Some(o) = &raw.overall_goal {
        unsigned_weight(cx, &format!("{path}.overall_goal.weight"), o.weight);
    }
    if let Some(s) = &raw.stated {
        unsigned_weight(cx, &format!("{path}.stated.goals_weight"), s.goals_weight);
    }
    let reported_grade = raw.reported_grade.filter(|g| {
        cx.one_of(
            &format!("{path}.reported_grade"),
            g,
            &[("优", ()), ("良", ()), ("中", ()), ("差", ())],
        )
        .is_some()
    });
    unsigned_weight(cx, &format!("{path}.total_weight"), raw.total_weight);
    let overall_goal = raw.overall_goal.map(|o| OverallGoal {
        target: o.target,
        actual: o.actual,
        weight: o.weight,
        score: o.score,
    });
    let stated = raw.stated.map_or_else(Stated::default, |s| Stated {
        indicator_count: s.indicator_count,
        completed_count: s.completed_count,
        completion_rate: s.completion_rate,
        goals_weight: s.goals_weight,
        goals_score: s.goals_score,
        total: s.total,
        execution_rate: s.execution_rate,
        budget: s.budget,
        actual: s.actual,
        unmet: s.unmet,
    });
    let incomplete = raw
        .incomplete
        .inspect(|i| incomplete(cx, &format!("{path}.incomplete"), i));
    Scorecard {
        incomplete,
        field: path,
        name: raw.name,
        title: raw.title,
        department: raw.department,
        implementer: raw.implementer,
        filled_on: raw.filled_on,
        basic_expenditure: raw.basic_expenditure,
        project_expenditure: raw.project_expenditure,
        execution,
        overall_goal,
        goals,
        reported_total: raw.reported_total,
        stated,
        deviation_analysis: raw.deviation_analysis,
        improvement: raw.improvement,
        summary: raw.summary,
        total_weight: raw.total_weight,
        reported_grade,
    }
}

/// One goal at `path` with its indicators.
pub(crate) fn goal(cx: &mut Ctx<'_>, path: &str, raw: RawGoal) -> Goal {
    unsigned_weight(cx, &format!("{path}.weight"), raw.weight);
    for (i, s) in raw.subtotals.iter().enumerate() {
        unsigned_weight(cx, &format!("{path}.subtotals[{i}].weight"), Some(s.weight));
    }
    let indicators = raw
        .indicators
        .into_iter()
        .enumerate()
        .map(|(i, ind)| indicator(cx, &format!("{path}.indicators[{i}]"), ind))
        .collect();
    Goal {
        id: raw.id,
        name: raw.name,
        title: raw.title,
        weight: raw.weight,
        subtotals: raw
            .subtotals
            .into_iter()
            .map(|s| Subtotal {
                level1: s.level1,
                level2: s.level2,
                weight: s.weight,
            })
            .collect(),
        indicators,
    }
}

/// A weight (分值) is a plain decimal without sign: the file's numbers already refuse `+5` and
/// `-0`, and a negative weight is a typo too (issue 15).
pub(super) fn unsigned_weight(cx: &mut Ctx<'_>, field: &str, weight: Option<Dec>) {
    if let Some(w) = weight.filter(|w| *w < Dec::ZERO) {
        cx.error(
            field,
            pick(
                format!("分值应不小于 0，且不带正负号，实际为 {w}"),
                format!("expected a weight of 0 or more, written without a sign, found {w}"),
            ),
        );
    }
}

fn indicator(cx: &mut Ctx<'_>, path: &str, raw: RawIndicator) -> Indicator {
    unsigned_weight(cx, &format!("{path}.weight"), raw.weight);
    let (name, weight) = match split_weight_suffix(&raw.name) {
        None => (raw.name.clone(), raw.weight),
        Some((base, suffix, in_name)) => {
            if base.is_empty() {
                cx.error(
                    &format!("{path}.name"),
                    pick(
                        format!("分值 `{suffix}` 前应有指标名称，实际只有分值"),
                        format!(
                            "expected an indicator name before the weight `{suffix}`, found only the weight"
                        ),
                    ),
                );
            }
            if let Some(w) = raw.weight.filter(|w| *w != in_name) {
                cx.error(
                    &format!("{path}.weight"),
                    pick(
                        format!("应为 {in_name}（与名称后的 `{suffix}` 一致），实际为 {w}"),
                        format!(
                            "expected {in_name} as the name's suffix `{suffix}` says, found {w}"
                        ),
                    ),
                );
            }
            (base.to_owned(), Some(in_name))
        }
    };
    let columns = target_columns(cx, path, &raw);
    let target = match &columns {
        Some(c) => Some(Measure::parse(&c.joined())),
        None => raw.target.as_deref().map(Measure::parse),
    };
    let actual = raw.actual.as_deref().map(Measure::parse);
    let kind = match raw.kind.as_deref() {
        Some(k) => cx.one_of(
            &format!("{path}.kind"),
            k,
            &[
                ("quantitative", Kind::Quantitative),
                ("qualitative", Kind::Qualitative),
            ],
        ),
        None => None,
    }
    .unwrap_or_else(|| {
        if target.as_ref().is_some_and(|t| t.number.is_some()) {
            Kind::Quantitative
        } else {
            Kind::Qualitative
        }
    });
    let direction = match raw.direction.as_deref() {
        Some(d) => cx.one_of(
            &format!("{path}.direction"),
            d,
            &[
                ("positive", Direction::Positive),
                ("negative", Direction::Negative),
            ],
        ),
        None => None,
    }
    .unwrap_or_else(|| infer_direction(&name, target.as_ref()));
    overrides_apply(cx, path, &raw, target.as_ref(), actual.as_ref());
    let status = raw.status.as_deref().and_then(|s| {
        cx.one_of(
            &format!("{path}.status"),
            s,
            &[
                ("met", Status::Met),
                ("partial", Status::Partial),
                ("unmet", Status::Unmet),
            ],
        )
    });
    Indicator {
        id: raw.id,
        level1: raw.level1,
        level2: raw.level2,
        name,
        weight,
        target,
        actual,
        score: raw.score,
        deviation: raw.deviation,
        note: raw.note,
        measure: raw.measure,
        direction,
        kind,
        status,
        columns,
        definition: raw.definition,
        criteria: raw.criteria,
    }
}

/// The 指标性质 / 指标值 / 度量单位 columns, when the row prints its target that way (issue 16:
/// Sichuan and Yunnan's 公开14表). A row gives either `target` or the columns, never both:
/// two spellings of one cell could disagree and nobody would know which one was printed.
fn target_columns(cx: &mut Ctx<'_>, path: &str, raw: &RawIndicator) -> Option<TargetColumns> {
    let blank = |s: &Option<String>| {
        s.as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
    };
    let columns = TargetColumns {
        nature: blank(&raw.nature),
        value: blank(&raw.value),
        unit: blank(&raw.unit),
    };
    let given = [&raw.nature, &raw.value, &raw.unit]
        .iter()
        .any(|c| c.is_some());
    if !given {
        return None;
    }
    if let Some(t) = &raw.target {
        cx.error(
            &format!("{path}.target"),
            pick(
                format!(
                    "`target`（年初目标值）与 `nature`/`value`/`unit`（指标性质/指标值/度量单位）三列只能填一种；实际 target 填了 `{}`，三列又填了 `{}`",
                    shorten(t),
                    shorten(&columns.joined())
                ),
                format!(
                    "expected either `target` or the columns `nature`/`value`/`unit` (指标性质/指标值/度量单位), not both; found target `{}` beside `{}`",
                    shorten(t),
                    shorten(&columns.joined())
                ),
            ),
        );
    }
    Some(columns)
}
/// An override that cannot apply is an error at its own line, not ignored (issue 16):
/// `kind: quantitative` needs a target with one number (and an actual with one, when an actual
/// is printed), and `direction:` needs a target with one number, since only the quantitative
/// formulas have a direction (`domain.md` §1.3; qualitative rows are scored by band, §1.4).
fn overrides_apply(
    cx: &mut Ctx<'_>,
    path: &str,
    raw: &RawIndicator,
    target: Option<&Measure>,
    actual: Option<&Measure>,
) {
    let found = |m: Option<&Measure>| match m {
        Some(m) => format!("`{}`", shorten(m.text.trim())),
        None => pick("未填年初目标值", "no target"),
    };
    let target_ok = target.is_some_and(|t| t.number.is_some());
    if raw.kind.as_deref() == Some("quantitative") {
        if !target_ok {
            cx.error(
                &format!("{path}.kind"),
                pick(
                    format!(
                        "kind: quantitative（定量指标）的年初目标值须含一个数字，如 ≥95%；实际为 {}",
                        found(target)
                    ),
                    format!(
                        "kind: quantitative needs a target with one number, such as ≥95%; found {}",
                        found(target)
                    ),
                ),
            );
        } else if let Some(a) = actual.filter(|a| a.number.is_none()) {
            cx.error(
                &format!("{path}.kind"),
                pick(
                    format!(
                        "kind: quantitative（定量指标）的实际完成值须含一个数字，如 98%；实际为 {}",
                        found(Some(a))
                    ),
                    format!(
                        "kind: quantitative needs an actual with one number, such as 98%; found {}",
                        found(Some(a))
                    ),
                ),
            );
        }
    }
    // A word other than `positive`/`negative` is already reported by `one_of`.
    let valid = |d: &&str| matches!(*d, "positive" | "negative");
    if let Some(d) = raw
        .direction
        .as_deref()
        .filter(valid)
        .filter(|_| !target_ok)
    {
        cx.error(
            &format!("{path}.direction"),
            pick(
                format!(
                    "direction: {d}（指标方向）要求年初目标值含一个数字，如 ≤5%（定性指标按档次评分，不看方向）；实际为 {}",
                    found(target)
                ),
                format!(
                    "direction: {d} needs a target with one number, such as ≤5% (a qualitative indicator is scored by band, not by direction); found {}",
                    found(target)
                ),
            ),
        );
    }
}

/// Negative when the target says `≤`/`<`, or has no comparator (or `=`) and the name is one of
/// [`NEGATIVE_NAME_WORDS`]; else positive.
pub(crate) fn infer_direction(name: &str, target: Option<&Measure>) -> Direction {
    match target.and_then(|t| t.comparator) {
        Some(Comparator::Le | Comparator::Lt) => Direction::Negative,
        Some(Comparator::Ge | Comparator::Gt) => Direction::Positive,
        Some(Comparator::Eq) | None => {
            if NEGATIVE_NAME_WORDS.iter().any(|w| name.contains(w)) {
                Direction::Negative
            } else {
                Direction::Positive
            }
        }
    }
}

/// Splits a weight suffix such as `(4分)`, `（0.5分）` or `( 4 分 )` off a name: returns the
/// name before it (trimmed), the suffix as written, and the weight.
pub(crate) fn split_weight_suffix(name: &str) -> Option<(&str, &str, Dec)> {
    let trimmed = name.trim_end();
    let inner_end = trimmed
        .strip_suffix(')')
        .or_else(|| trimmed.strip_suffix('）'))?;
    let open = inner_end.rfind(['(', '（'])?;
    let base = inner_end.get(..open)?;
    let open_len = inner_end.get(open..)?.chars().next()?.len_utf8();
    let inner = inner_end.get(open + open_len..)?.trim();
    let number = inner.strip_suffix('分')?.trim_end();
    let weight = Dec::parse(number).ok()?;
    Some((base.trim_end(), trimmed.get(open..)?, weight))
}

/// The 原文不全 marker of a table at `path`: where it stops must be said, and a 二级 group
/// needs its 一级.
pub(crate) fn incomplete(cx: &mut Ctx<'_>, path: &str, raw: &crate::load::raw::RawIncomplete) {
    if raw.at.trim().is_empty() {
        cx.error(
            &format!("{path}.at"),
            pick(
                "应写明原文在哪里中断，如 原文在“成本指标”处中断，实际为空",
                "expected where the visible part stops, such as 原文在“成本指标”处中断, found an empty value",
            ),
        );
    }
    if raw.level2.is_some() && raw.level1.is_none() {
        cx.error(
            &format!("{path}.level2"),
            pick(
                "填了 `level2`（二级指标）就要同时填 `level1`（中断处所在的一级指标），实际只有 `level2`",
                "expected `level1` with `level2` (the 一级指标 of the group the cut falls in), found `level2` alone",
            ),
        );
    }
}

#[cfg(test)]
#[path = "scorecard_tests.rs"]
mod tests;
