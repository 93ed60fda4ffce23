//! `units/<id>/index.html`: one unit over its years.

use serde::Serialize;

use super::{Ctx, Headline, contents, execution_rate, main_card, rule_total, year_label};
use crate::chart::{Axis, Datum, Point, Reference, Series, Trend, trend};
use crate::model::{Dec, Record, Unit};
use crate::plan::unit_year_path;
use crate::render::{Shell, fmt_pct, fmt_score};
use crate::score::CardScore;

#[derive(Serialize)]
pub(super) struct UnitPage {
    name: String,
    /// 上级主管部门, 地区, 单位性质 from `_unit.yaml`, those given only (issue 15).
    facts: Vec<Fact>,
    /// The internal profile: each year's 填报人 is shown (issue 19).
    internal: bool,
    rows: Vec<Row>,
    charts: Vec<String>,
    /// Every key figure across the years (issue 6), and its CSV.
    trend: Option<super::trend::TrendTable>,
    trend_csv_href: String,
}

/// One line of what `_unit.yaml` says of the unit: `上级主管部门` → `武汉市洪山区人民政府`.
#[derive(Serialize)]
struct Fact {
    label: &'static str,
    value: String,
}

/// The unit's given facts, in the order of `_unit.yaml`: an absent or blank field is left
/// out, never shown as 无 or an empty value.
fn facts(unit: &Unit) -> Vec<Fact> {
    [
        ("上级主管部门", &unit.parent),
        ("地区", &unit.region),
        ("单位性质", &unit.kind),
    ]
    .into_iter()
    .filter_map(|(label, value)| {
        let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
        Some(Fact {
            label,
            value: value.to_owned(),
        })
    })
    .collect()
}

#[derive(Serialize)]
struct Row {
    year: String,
    year_sort: String,
    href: String,
    contents: String,
    /// The year's 部门决算 page; empty without one.
    juesuan_href: String,
    #[serde(flatten)]
    figures: Headline,
    /// 填报人 and phone (internal profile only); empty otherwise.
    contact: String,
}

fn series(
    ctx: &Ctx<'_>,
    name: &str,
    records: &[Record],
    f: impl Fn(&CardScore) -> Option<Datum>,
) -> Series {
    Series {
        name: name.to_owned(),
        points: records
            .iter()
            .map(|r| Point {
                year: r.year,
                value: ctx.score(r).and_then(main_card).and_then(&f),
            })
            .collect(),
    }
}

fn axis(caption: &str, suffix: &str) -> Axis {
    Axis {
        caption: caption.to_owned(),
        suffix: suffix.to_owned(),
    }
}

pub(super) fn view(ctx: &Ctx<'_>, path: &str, unit: &Unit) -> (Shell, UnitPage) {
    let shell = Shell::for_page(&ctx.site, path, &unit.name).crumb(&unit.name, None);
    let root = shell.root.clone();
    let recs = &unit.records;
    let pct = |p: crate::model::Pct| Datum::new(p.percent(), fmt_pct(p));
    let score = |d: Dec| Datum::new(d, fmt_score(d));
    let charts: Vec<Trend> = vec![
        Trend {
            title: format!("{}历年预算执行率", unit.short_name),
            axis: axis("执行率（%）", "%"),
            series: vec![series(ctx, "执行率", recs, |c| {
                execution_rate(c).map(pct)
            })],
            reference: Some(Reference {
                value: Dec::from_int(100),
                label: "100%".to_owned(),
            }),
            from_zero: false,
        },
        Trend {
            title: format!("{}历年自评得分：报告得分与规则得分", unit.short_name),
            axis: axis("得分（分）", ""),
            series: vec![
                series(ctx, "报告得分", recs, |c| c.reported_total.map(score)),
                series(ctx, "规则得分", recs, |c| rule_total(c).map(score)),
            ],
            reference: None,
            from_zero: false,
        },
        Trend {
            title: format!("{}历年指标完成率", unit.short_name),
            axis: axis("完成率（%）", "%"),
            series: vec![series(ctx, "完成率", recs, |c| {
                super::completion_rate(c).map(pct)
            })],
            reference: Some(Reference {
                value: Dec::from_int(100),
                label: "100%".to_owned(),
            }),
            from_zero: true,
        },
    ];
    // A trend needs two years: a chart of one point (or none) says nothing here.
    let spending = super::trend::spending_chart(ctx, unit);
    let charts = charts
        .into_iter()
        .filter(|t| {
            t.series
                .iter()
                .any(|s| s.points.iter().filter(|p| p.value.is_some()).count() >= 2)
        })
        .map(|t| trend(&t))
        .chain(spending)
        .collect();
    let rows = recs
        .iter()
        .map(|r| Row {
            year: year_label(r.year),
            year_sort: r.year.to_string(),
            href: format!("{root}{}", unit_year_path(unit.id.as_str(), r.year)),
            contents: contents(r),
            juesuan_href: if r.final_accounts.is_some() {
                format!(
                    "{root}{}",
                    crate::plan::juesuan_path(unit.id.as_str(), r.year)
                )
            } else {
                String::new()
            },
            figures: ctx.headline_for(&super::MainFigures::of(ctx.score(r))),
            contact: ctx.contact(r),
        })
        .collect();
    (
        shell,
        UnitPage {
            name: unit.name.clone(),
            facts: facts(unit),
            internal: ctx.profile == crate::model::Profile::Internal,
            rows,
            charts,
            trend: super::trend::trend_table(ctx, unit),
            trend_csv_href: format!("{root}{}", crate::plan::trend_csv_path(unit.id.as_str())),
        },
    )
}
