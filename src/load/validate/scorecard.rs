//! Self-evaluation tables, goals and indicators: raw → model.
//!
//! In: `RawScorecard`, `RawGoal`, `RawIndicator` and their field paths. Out: the model types,
//! with each indicator's weight suffix (`(4分)`) split from its name, its target and actual read
//! as [`Measure`]s, and its kind and direction resolved. Never changes a reported figure.

use super::Ctx;
use crate::load::locate::shorten;
use crate::load::raw::{RawGoal, RawIndicator, RawScorecard};
use crate::model::measure::Comparator;
use crate::model::{
    Dec, Direction, Goal, Indicator, Kind, Measure, OverallGoal, Scorecard, Stated, Status,
    Subtotal,
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
            "expected the project's name, found none".to_owned(),
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
    Scorecard {
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
            format!("expected a weight of 0 or more, written without a sign, found {w}"),
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
                    format!("expected an indicator name before the weight `{suffix}`, found only the weight"),
                );
            }
            if let Some(w) = raw.weight.filter(|w| *w != in_name) {
                cx.error(
                    &format!("{path}.weight"),
                    format!("expected {in_name} as the name's suffix `{suffix}` says, found {w}"),
                );
            }
            (base.to_owned(), Some(in_name))
        }
    };
    let target = raw.target.as_deref().map(Measure::parse);
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
    }
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
    let found = |m: Option<&Measure>, none: &str| match m {
        Some(m) => format!("`{}`", shorten(m.text.trim())),
        None => none.to_owned(),
    };
    let target_ok = target.is_some_and(|t| t.number.is_some());
    if raw.kind.as_deref() == Some("quantitative") {
        if !target_ok {
            cx.error(
                &format!("{path}.kind"),
                format!(
                    "kind: quantitative needs a target with one number, such as ≥95%; found {}",
                    found(target, "no target")
                ),
            );
        } else if let Some(a) = actual.filter(|a| a.number.is_none()) {
            cx.error(
                &format!("{path}.kind"),
                format!(
                    "kind: quantitative needs an actual with one number, such as 98%; found {}",
                    found(Some(a), "")
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
            format!(
                "direction: {d} needs a target with one number, such as ≤5% (a qualitative indicator is scored by band, not by direction); found {}",
                found(target, "no target")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Option<(String, String, String)> {
        split_weight_suffix(s).map(|(b, s, w)| (b.to_owned(), s.to_owned(), w.to_string()))
    }

    #[test]
    fn weight_suffixes_in_either_parenthesis_are_split_off() {
        let t = |b: &str, s: &str, w: &str| Some((b.to_owned(), s.to_owned(), w.to_owned()));
        assert_eq!(split("环境整治次数(4分)"), t("环境整治次数", "(4分)", "4"));
        assert_eq!(
            split("群众满意度（0.5分）"),
            t("群众满意度", "（0.5分）", "0.5")
        );
        assert_eq!(split("覆盖率 ( 2 分 ) "), t("覆盖率", "( 2 分 )", "2"));
        assert_eq!(split("覆盖率（2分)"), t("覆盖率", "（2分)", "2"));
        assert_eq!(split("(3分)"), t("", "(3分)", "3"));
    }

    #[test]
    fn names_without_a_weight_suffix_are_left_alone() {
        for s in [
            "覆盖率",
            "覆盖率(城区)",
            "覆盖率（1e3分）",
            "覆盖率(分)",
            "（4分）覆盖率",
            "",
        ] {
            assert_eq!(split(s), None, "{s}");
        }
    }

    #[test]
    fn direction_follows_the_comparator_then_the_name() {
        let m = |s: &str| Measure::parse(s);
        assert_eq!(
            infer_direction("办结率", Some(&m("≥95%"))),
            Direction::Positive
        );
        assert_eq!(
            infer_direction("投诉率", Some(&m("≤5%"))),
            Direction::Negative
        );
        assert_eq!(
            infer_direction("安全事故", Some(&m("0起"))),
            Direction::Negative
        );
        assert_eq!(
            infer_direction("安全事故", Some(&m("不发生"))),
            Direction::Negative
        );
        assert_eq!(
            infer_direction("安全事故", Some(&m("≥1次"))),
            Direction::Positive
        );
        assert_eq!(infer_direction("培训人次", None), Direction::Positive);
    }
}
