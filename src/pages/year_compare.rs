//! The comparison part of `years/<year>/index.html`: the distribution of 执行率, scores and
//! completion across the year's units, a 执行率 ranking, and (internal profile only) the flags
//! of each unit.
//!
//! In: the records of one year with their scores. Out: [`YearCompare`], every number already
//! formatted. A median of an even count is the mean of the two middle values (exact `Dec`).

use serde::Serialize;

use super::summary::{MainFigures, RecordSummary, UnitSummary};
use super::{Ctx, opt, year_label};
use crate::chart::{Axis, Datum, RankItem, Ranking, Reference, ranking};
use crate::compare::MEASURES;
use crate::model::{Dec, Pct, Profile, Year};
use crate::plan::{MeasureOut, measure_path, unit_year_path};
use crate::render::{fmt_pct, fmt_score};
use crate::score::NotRecomputed;

/// The comparison part of a year page.
#[derive(Serialize)]
pub(super) struct YearCompare {
    distribution: Vec<Spread>,
    execution_chart: String,
    flags: Vec<UnitFlags>,
    /// (name, href) of each `compare/<measure>.html`.
    measures: Vec<super::measure::Labelled>,
}

/// min / median / max of one figure over the units that state it.
#[derive(Serialize)]
struct Spread {
    label: &'static str,
    count: usize,
    min: String,
    median: String,
    max: String,
}

/// The flags of one unit.
#[derive(Serialize)]
struct UnitFlags {
    name: String,
    href: String,
    flags: Vec<String>,
}

/// The median of sorted values; `None` when empty or on overflow.
pub(crate) fn median(sorted: &[Dec]) -> Option<Dec> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return sorted.get(n / 2).copied();
    }
    let (a, b) = (sorted.get(n / 2 - 1)?, sorted.get(n / 2)?);
    a.checked_add(*b)?.checked_div(Dec::from_int(2))
}

fn spread(label: &'static str, mut values: Vec<Dec>, f: impl Fn(Dec) -> String) -> Spread {
    values.sort();
    Spread {
        label,
        count: values.len(),
        min: opt(values.first().copied(), &f),
        median: opt(median(&values), &f),
        max: opt(values.last().copied(), &f),
    }
}

pub(super) fn year_compare(
    ctx: &Ctx<'_>,
    root: &str,
    year: Year,
    units: &[(&UnitSummary, &RecordSummary)],
) -> YearCompare {
    let pct = |p: Dec| fmt_pct(Pct::from_percent(p));
    let collect = |f: &dyn Fn(&MainFigures) -> Option<Dec>| -> Vec<Dec> {
        units.iter().filter_map(|(_, r)| f(&r.main)).collect()
    };
    let distribution = vec![
        spread(
            "预算执行率",
            collect(&|c| c.execution.map(Pct::percent)),
            pct,
        ),
        spread("报告得分", collect(&|c| c.reported), fmt_score),
        spread("规则得分", collect(&|c| c.rule), fmt_score),
        spread(
            "指标完成率",
            collect(&|c| c.completion.map(Pct::percent)),
            pct,
        ),
    ];
    let low = ctx.corpus.site.thresholds.execution_low;
    // Only unit-years that state a 执行率 are ranked on it; one without is left out, not drawn
    // as a ranked "无数据" row (issue 16); nor is a table the document cuts off (原文不全): it
    // ranks nowhere.
    let items = units
        .iter()
        .filter(|(_, r)| r.main.not_recomputed != Some(NotRecomputed::Incomplete))
        .filter_map(|(u, r)| {
            let p = r.main.execution?;
            Some(RankItem {
                label: u.short_name.clone(),
                value: Some(Datum::new(p.percent(), fmt_pct(p))),
                highlight: p.percent() < low || p.percent() > Dec::HUNDRED,
            })
        })
        .collect();
    let execution_chart = ranking(&Ranking {
        title: format!("{}各单位预算执行率", year_label(year)),
        axis: Axis {
            caption: "预算执行率（%）".to_owned(),
            suffix: "%".to_owned(),
        },
        items,
        reference: Some(Reference {
            value: Dec::HUNDRED,
            label: "100%".to_owned(),
        }),
    });
    let flags = if ctx.profile == Profile::Internal {
        units
            .iter()
            .filter_map(|(u, r)| {
                let flags = r.flags.clone();
                (!flags.is_empty()).then(|| UnitFlags {
                    name: u.short_name.clone(),
                    href: format!("{root}{}", unit_year_path(u.id.as_str(), r.year)),
                    flags,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let measures = MEASURES
        .iter()
        .map(|(k, l)| super::measure::Labelled {
            label: (*l).to_owned(),
            value: format!("{root}{}", measure_path(k, MeasureOut::Html)),
        })
        .collect();
    YearCompare {
        distribution,
        execution_chart,
        flags,
        measures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("decimal")
    }

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_value() {
        assert_eq!(median(&[d("1"), d("5"), d("9")]), Some(d("5")));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(
            median(&[d("88"), d("95"), d("99"), d("102")]),
            Some(d("97"))
        );
    }

    #[test]
    fn no_values_have_no_median() {
        assert_eq!(median(&[]), None);
    }
}
