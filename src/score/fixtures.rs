//! Test builders: model values written the way the documents print them.

use super::text::name_looks_negative;
use crate::model::{
    Cell, Comparator, Dec, Direction, Execution, Goal, Indicator, Kind, Measure, OverallGoal, Pct,
    Scorecard, Stated, Status,
};

/// A decimal from text.
pub(crate) fn d(s: &str) -> Dec {
    Dec::parse(s).expect("decimal")
}

/// A percentage from text.
pub(crate) fn pct(s: &str) -> Pct {
    Pct::parse(s).expect("percentage")
}

/// An indicator row: name, weight, target, actual, reported score. Direction and kind are
/// inferred as the loader does: `≤` or a negative name → negative; both numbers → quantitative.
pub(crate) fn ind(name: &str, weight: &str, target: &str, actual: &str, score: &str) -> Indicator {
    let t = Measure::parse(target);
    let a = Measure::parse(actual);
    let negative =
        matches!(t.comparator, Some(Comparator::Le | Comparator::Lt)) || name_looks_negative(name);
    let kind = if t.number.is_some() && a.number.is_some() {
        Kind::Quantitative
    } else {
        Kind::Qualitative
    };
    Indicator {
        id: None,
        level1: None,
        level2: None,
        name: name.to_owned(),
        weight: (!weight.is_empty()).then(|| d(weight)),
        target: Some(t),
        actual: Some(a),
        score: (!score.is_empty()).then(|| d(score)),
        deviation: None,
        note: None,
        measure: None,
        direction: if negative {
            Direction::Negative
        } else {
            Direction::Positive
        },
        kind,
        status: None,
        columns: None,
        definition: None,
        criteria: None,
    }
}

/// The same indicator with an explicit status.
pub(crate) fn with_status(mut i: Indicator, s: Status) -> Indicator {
    i.status = Some(s);
    i
}

/// The same indicator with an explicit kind.
pub(crate) fn with_kind(mut i: Indicator, k: Kind) -> Indicator {
    i.kind = k;
    i
}

/// A goal of indicators.
pub(crate) fn goal(name: &str, weight: Option<&str>, indicators: Vec<Indicator>) -> Goal {
    Goal {
        id: None,
        name: name.to_owned(),
        title: None,
        weight: weight.map(d),
        subtotals: Vec::new(),
        indicators,
    }
}

/// An execution block with A, B and the printed rate and score.
pub(crate) fn execution(a: &str, b: &str, rate: &str, score: &str) -> Execution {
    let rate = (!rate.is_empty()).then(|| pct(rate));
    let score = (!score.is_empty()).then(|| d(score));
    Execution {
        budget: Some(d(a)),
        actual: Some(d(b)),
        rate,
        score,
        total: crate::model::FundsRow {
            budget: Some(Cell::Figure(d(a))),
            actual: Some(Cell::Figure(d(b))),
            rate: rate.map(Cell::Figure),
            score: score.map(Cell::Figure),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// A 项目绩效总目标 row.
pub(crate) fn overall(weight: &str, score: &str) -> OverallGoal {
    OverallGoal {
        target: "目标".to_owned(),
        actual: Some("完成".to_owned()),
        weight: Some(d(weight)),
        score: Some(d(score)),
    }
}

/// A scorecard.
pub(crate) fn card(
    field: &str,
    name: Option<&str>,
    execution: Option<Execution>,
    goals: Vec<Goal>,
    reported_total: Option<&str>,
) -> Scorecard {
    Scorecard {
        incomplete: None,
        field: field.to_owned(),
        name: name.map(str::to_owned),
        title: None,
        department: None,
        implementer: None,
        filled_on: None,
        basic_expenditure: None,
        project_expenditure: None,
        execution,
        overall_goal: None,
        goals,
        reported_total: reported_total.map(d),
        stated: Stated::default(),
        deviation_analysis: None,
        improvement: None,
        summary: None,
        total_weight: None,
        reported_grade: None,
    }
}
