//! Every comparable figure of a record beside its prior-year value.
//!
//! In: a record with its score and, when the unit has one, the record of its previous year
//! with data. Out: [`FigureRow`]s in page order (执行, scores, completion, each 决算 total, each
//! 类), with 变动额/变动率/words from `score::accounts::change` and a highlight when the change
//! passes the site's threshold. Without a prior record the 决算 figures fall back on the
//! prior-year values the record itself states (`prior_year`, or implied by a stated change).

use serde::Serialize;

use crate::model::{AmountUnit, Dec, FinalAccounts, Record, Unit};
use crate::score::RecordScore;
use crate::score::accounts::{Change, Figure, PriorSource, change, prior_value};
use crate::score::headline::{completion_rate, execution_rate, main_card, rule_total};

/// How a figure is measured, which decides how its change is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FigureKind {
    /// An amount in the record's unit: 变动额 and 变动率.
    Money,
    /// A score in points: 变动 in 分 and 变动率.
    Score,
    /// A percentage: the change is in 百分点, and has no 变动率.
    Percent,
}

/// One figure in both years.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureRow {
    /// Stable key for downloads and cross-unit tables (`execution_rate`, `three_public`,
    /// `class:农林水支出`).
    pub(crate) key: String,
    /// As a page names it.
    pub(crate) label: String,
    pub(crate) kind: FigureKind,
    pub(crate) current: Option<Dec>,
    pub(crate) prior: Option<Dec>,
    /// Where the prior value comes from; `None` when there is none.
    pub(crate) prior_source: Option<PriorSource>,
    /// `None` unless both values are known. For a percentage `rate` is always `None`.
    pub(crate) change: Option<Change>,
    /// The change passes the threshold: |变动率| above it, or (percentages) |Δ| in 百分点
    /// above it, or a change from 0.
    pub(crate) highlight: bool,
}

/// The figures compared across units and years on `compare/<key>.html`: (key, name).
pub(crate) const MEASURES: [(&str, &str); 8] = [
    ("execution_rate", "预算执行率"),
    ("reported_total", "报告得分"),
    ("rule_total", "规则得分"),
    ("completion", "指标完成率"),
    ("expenditure", "支出合计"),
    ("three_public", "“三公”经费"),
    ("operating_costs", "机关运行经费"),
    ("procurement", "政府采购支出"),
];

/// The figures of one record, keyed, before comparison: (key, label, kind, value).
pub(crate) type KeyFigure = (String, String, FigureKind, Option<Dec>);

/// Every key figure of a record, in page order. 类 figures follow the record's own order.
pub(crate) fn key_figures(record: &Record, score: Option<&RecordScore>) -> Vec<KeyFigure> {
    let card = score.and_then(main_card);
    let execution = card.and_then(|c| c.execution.as_ref());
    let mut out: Vec<KeyFigure> = Vec::new();
    let mut push = |key: &str, label: &str, kind: FigureKind, value: Option<Dec>| {
        out.push((key.to_owned(), label.to_owned(), kind, value));
    };
    push(
        "budget",
        "预算数",
        FigureKind::Money,
        execution.and_then(|e| e.budget),
    );
    push(
        "actual",
        "执行数",
        FigureKind::Money,
        execution.and_then(|e| e.actual),
    );
    push(
        "execution_rate",
        "预算执行率",
        FigureKind::Percent,
        card.and_then(execution_rate).map(|p| p.percent()),
    );
    push(
        "reported_total",
        "报告得分",
        FigureKind::Score,
        card.and_then(|c| c.reported_total),
    );
    push(
        "rule_total",
        "规则得分",
        FigureKind::Score,
        card.and_then(rule_total),
    );
    push(
        "completion",
        "指标完成率",
        FigureKind::Percent,
        card.and_then(completion_rate).map(|p| p.percent()),
    );
    let fa = record.final_accounts.as_ref();
    for figure in Figure::ALL {
        push(
            figure.narrative_key(),
            figure.label(),
            FigureKind::Money,
            fa.and_then(|fa| figure.current(fa)),
        );
    }
    if let Some(fa) = fa {
        for (name, value) in class_totals(fa) {
            out.push((format!("class:{name}"), name, FigureKind::Money, value));
        }
    }
    out
}

/// [`key_figures`] with every amount converted exactly from the record's unit to `unit`; an
/// amount too large to convert is left out (`None`), never rounded.
pub(crate) fn key_figures_in(
    record: &Record,
    score: Option<&RecordScore>,
    unit: AmountUnit,
) -> Vec<KeyFigure> {
    let mut figures = key_figures(record, score);
    if record.amount_unit != unit {
        for (_, _, kind, value) in &mut figures {
            if *kind == FigureKind::Money {
                *value = value.and_then(|v| record.amount_unit.convert(v, unit));
            }
        }
    }
    figures
}

/// Σ 决算 of the function lines of each 类, in the order the record first names them.
fn class_totals(fa: &FinalAccounts) -> Vec<(String, Option<Dec>)> {
    let mut out: Vec<(String, Option<Dec>)> = Vec::new();
    for line in &fa.lines {
        match out.iter_mut().find(|(n, _)| *n == line.class) {
            Some((_, sum)) => *sum = sum.and_then(|s| s.checked_add(line.actual)),
            None => out.push((line.class.clone(), Some(line.actual))),
        }
    }
    out
}

/// The unit's latest record before `record` (the previous year with data, not necessarily
/// the year before).
/// A record with only a 绩效目标申报表 has no figure to compare and is skipped.
pub(crate) fn prior_record<'a>(unit: &'a Unit, record: &Record) -> Option<&'a Record> {
    unit.records.iter().rev().find(|r| {
        r.year < record.year
            && (r.self_evaluation.is_some() || !r.projects.is_empty() || r.final_accounts.is_some())
    })
}

/// Whether a record has anything to compare with: an earlier record of its unit, or a
/// prior-year figure it states about itself.
pub(crate) fn has_prior(unit: &Unit, record: &Record) -> bool {
    prior_record(unit, record).is_some()
        || record.final_accounts.as_ref().is_some_and(|fa| {
            Figure::ALL
                .into_iter()
                .any(|f| prior_value(f, fa, None).is_some())
        })
}

/// The prior-year value of a 决算 figure this record states about itself.
fn stated_prior(key: &str, record: &Record) -> Option<(Dec, PriorSource)> {
    let figure = Figure::ALL.into_iter().find(|f| f.narrative_key() == key)?;
    let fa = record.final_accounts.as_ref()?;
    prior_value(figure, fa, None).map(|p| (p.value, p.source))
}

/// Compares a record with its prior (a record of an earlier year, or `None` for the figures
/// the record states about its prior year). Only figures known in both years are kept, and
/// 类 that appear or disappear.
pub(crate) fn compare_figures(
    current: (&Record, Option<&RecordScore>),
    prior: Option<(&Record, Option<&RecordScore>)>,
    threshold: Dec,
) -> Vec<FigureRow> {
    let now = key_figures(current.0, current.1);
    // The prior record may be in the other unit (元 one year, 万元 the next): its amounts are
    // converted exactly into this record's unit, which the page shows (issue 16).
    let before = prior
        .map(|(r, s)| key_figures_in(r, s, current.0.amount_unit))
        .unwrap_or_default();
    let mut rows: Vec<FigureRow> = now
        .iter()
        .map(|(key, label, kind, value)| {
            let base = match prior {
                Some(_) => before
                    .iter()
                    .find(|(k, ..)| k == key)
                    .and_then(|(.., v)| *v)
                    .map(|v| (v, PriorSource::Record)),
                None => stated_prior(key, current.0),
            };
            row(key, label, *kind, *value, base, threshold)
        })
        .collect();
    // 类 present only last year: shown with no current value.
    for (key, label, kind, value) in &before {
        if !rows.iter().any(|r| &r.key == key) {
            let base = value.map(|v| (v, PriorSource::Record));
            rows.push(row(key, label, *kind, None, base, threshold));
        }
    }
    // A figure known in one year only is not comparable; a 类 that appeared or disappeared is
    // still worth a row when two records are compared.
    let two_records = prior.is_some();
    rows.retain(|r| {
        r.change.is_some()
            || (two_records
                && r.key.starts_with("class:")
                && (r.current.is_some() || r.prior.is_some()))
    });
    rows
}

fn row(
    key: &str,
    label: &str,
    kind: FigureKind,
    current: Option<Dec>,
    base: Option<(Dec, PriorSource)>,
    threshold: Dec,
) -> FigureRow {
    let mut change = match (current, base) {
        (Some(c), Some((b, _))) => change(c, b),
        _ => None,
    };
    if kind == FigureKind::Percent
        && let Some(c) = change.as_mut()
    {
        c.rate = None;
    }
    let highlight = change.as_ref().is_some_and(|c| passes(kind, c, threshold));
    FigureRow {
        key: key.to_owned(),
        label: label.to_owned(),
        kind,
        current,
        prior: base.map(|(v, _)| v),
        prior_source: base.map(|(_, s)| s),
        change,
        highlight,
    }
}

/// Whether a change is large enough to highlight.
fn passes(kind: FigureKind, c: &Change, threshold: Dec) -> bool {
    match (kind, c.rate) {
        (FigureKind::Percent, _) => c.delta.abs() > threshold,
        (_, Some(rate)) => rate.percent().abs() > threshold,
        (_, None) => !c.delta.is_zero(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{corpus, record};

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("decimal")
    }

    fn rows(unit: &str, year: u16, prior: Option<u16>) -> Vec<FigureRow> {
        let (c, s) = corpus();
        let r = record(&c, unit, year);
        let p = prior.map(|y| record(&c, unit, y));
        compare_figures(
            (r, s.get(&r.unit, r.year)),
            p.map(|p| (p, s.get(&p.unit, p.year))),
            d("20"),
        )
    }

    fn find<'a>(rows: &'a [FigureRow], key: &str) -> &'a FigureRow {
        rows.iter().find(|r| r.key == key).expect("row present")
    }

    #[test]
    fn a_rise_has_a_positive_amount_a_rate_and_increase_words() {
        let rows = rows("alpha", 2021, Some(2020));
        let r = find(&rows, "expenditure");
        let c = r.change.as_ref().expect("change");
        assert_eq!((r.current, r.prior), (Some(d("1144")), Some(d("1000"))));
        assert_eq!(c.delta, d("144"));
        assert_eq!(c.rate.map(|p| p.percent()), Some(d("14.40")));
        assert_eq!((c.words.amount, c.words.rate), ("增加", "增长"));
        assert!(!r.highlight, "14.4% is under the 20% threshold");
    }

    #[test]
    fn a_fall_to_zero_reads_decrease_and_is_highlighted() {
        let rows = rows("alpha", 2021, Some(2020));
        let r = find(&rows, "three_public");
        let c = r.change.as_ref().expect("change");
        assert_eq!(c.delta, d("-5"));
        assert_eq!(c.rate.map(|p| p.percent()), Some(d("-100.00")));
        assert_eq!(c.words.amount, "减少");
        assert!(r.highlight);
    }

    #[test]
    fn a_zero_prior_year_has_an_amount_but_no_rate() {
        let rows = rows("alpha", 2022, Some(2021));
        let c = find(&rows, "three_public").change.clone().expect("change");
        assert_eq!(c.delta, d("3"));
        assert_eq!(c.rate, None);
        assert_eq!(c.words.amount, "增加");
    }

    #[test]
    fn the_execution_rate_changes_in_percentage_points_without_a_rate() {
        let rows = rows("alpha", 2022, Some(2021));
        let r = find(&rows, "execution_rate");
        let c = r.change.as_ref().expect("change");
        assert_eq!(r.kind, FigureKind::Percent);
        assert_eq!(c.delta.normalize(), d("14"), "88% → 102% is +14 百分点");
        assert_eq!(c.rate, None);
    }

    #[test]
    fn classes_are_compared_by_name() {
        let rows = rows("beta", 2023, Some(2022));
        let c = find(&rows, "class:农林水支出")
            .change
            .clone()
            .expect("change");
        assert_eq!(c.delta, d("30"));
    }

    #[test]
    fn without_a_prior_record_the_stated_prior_year_figures_are_used() {
        let rows = rows("gamma", 2020, None);
        let r = find(&rows, "expenditure");
        assert_eq!(r.prior, Some(d("450")));
        assert_eq!(r.prior_source, Some(PriorSource::Stated));
        assert!(
            !rows.iter().any(|r| r.key == "reported_total"),
            "a record states no prior-year score, so there is no score to compare"
        );
    }

    #[test]
    fn a_record_with_only_a_targets_table_is_not_a_prior() {
        let corpus =
            crate::load::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
                .expect("the example content loads");
        let qingling = corpus
            .units
            .iter()
            .find(|u| u.id.as_str() == "qingling")
            .expect("qingling");
        let y2023 = qingling.records.last().expect("2023");
        assert!(
            qingling
                .records
                .first()
                .is_some_and(|r| r.targets.is_some())
        );
        assert!(
            prior_record(qingling, y2023).is_none(),
            "2020 is a 申报表 only"
        );
    }

    #[test]
    fn the_prior_record_is_the_previous_year_with_data() {
        let (c, _) = corpus();
        let gamma = c
            .units
            .iter()
            .find(|u| u.id.as_str() == "gamma")
            .expect("gamma");
        let r2022 = record(&c, "gamma", 2022);
        assert_eq!(prior_record(gamma, r2022).map(|r| r.year.get()), Some(2020));
        assert!(prior_record(gamma, record(&c, "gamma", 2020)).is_none());
    }
}
