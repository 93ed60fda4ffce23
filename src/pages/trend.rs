//! The wide table of a unit's key figures across all its years (on the unit page), and its
//! CSV download `data/<id>/trend.csv`.
//!
//! In: a unit, its records and scores. Out: one row per key figure (`compare::key_figures`:
//! execution, scores, completion, each 决算 total and 类) that some year states, one column per
//! year, every value formatted; a cell is "—" when that year does not state the figure.

use serde::Serialize;

use super::Ctx;
use super::compare::value;
use super::csv::line;
use crate::chart::{Axis, Datum, Point, Series, Trend, trend};
use crate::compare::figures::KeyFigure;
use crate::compare::{FigureKind, key_figures_in};
use crate::model::{AmountUnit, Unit};
use crate::render::fmt_money;

/// The wide table.
#[derive(Serialize)]
pub(super) struct TrendTable {
    pub(super) years: Vec<String>,
    pub(super) rows: Vec<TrendRow>,
}

/// One figure across the years.
#[derive(Serialize)]
pub(super) struct TrendRow {
    pub(super) label: String,
    pub(super) unit: String,
    pub(super) cells: Vec<String>,
}

/// The table of a unit; `None` when no year states any figure.
pub(super) fn trend_table(ctx: &Ctx<'_>, unit: &Unit) -> Option<TrendTable> {
    let shown_in = common_unit(unit);
    let per_year: Vec<Vec<KeyFigure>> = unit
        .records
        .iter()
        .map(|r| key_figures_in(r, ctx.score(r), shown_in))
        .collect();
    // Keys in first-seen order across the years, so a 类 that appears later still gets a row.
    let mut keys: Vec<(String, String, FigureKind)> = Vec::new();
    for figures in &per_year {
        for (key, label, kind, v) in figures {
            if v.is_some() && !keys.iter().any(|(k, ..)| k == key) {
                keys.push((key.clone(), label.clone(), *kind));
            }
        }
    }
    if keys.is_empty() {
        return None;
    }
    let amount_unit = shown_in.label();
    let rows = keys
        .iter()
        .map(|(key, label, kind)| TrendRow {
            label: label.clone(),
            unit: match kind {
                FigureKind::Money => amount_unit.to_owned(),
                FigureKind::Score => "分".to_owned(),
                FigureKind::Percent => "%".to_owned(),
            },
            cells: per_year
                .iter()
                .map(|figures| {
                    let v = figures.iter().find(|(k, ..)| k == key).and_then(|f| f.3);
                    value(*kind, v)
                })
                .collect(),
        })
        .collect();
    Some(TrendTable {
        years: unit
            .records
            .iter()
            .map(|r| format!("{}年", r.year))
            .collect(),
        rows,
    })
}

/// `data/<id>/trend.csv`: the wide table, one row per figure.
pub(super) fn trend_csv(ctx: &Ctx<'_>, unit: &Unit) -> String {
    let mut out = String::from("\u{feff}");
    let Some(t) = trend_table(ctx, unit) else {
        line(&mut out, &["项目", "单位"]);
        return out;
    };
    let mut header = vec!["项目", "单位"];
    header.extend(t.years.iter().map(String::as_str));
    line(&mut out, &header);
    for r in &t.rows {
        let mut fields = vec![r.label.as_str(), r.unit.as_str()];
        // An amount without thousands separators: the unit stands in its own column.
        let cells: Vec<String> = r.cells.iter().map(|c| c.replace(',', "")).collect();
        fields.extend(cells.iter().map(String::as_str));
        line(&mut out, &fields);
    }
    out
}

/// The unit a unit's years are shown in together: the records' own when they all share one,
/// else 万元, every amount converted exactly (issue 16: a unit in 元 one year and 万元 the next).
fn common_unit(unit: &Unit) -> AmountUnit {
    match unit.records.first() {
        Some(r) if unit.records.iter().all(|o| o.amount_unit == r.amount_unit) => r.amount_unit,
        _ => AmountUnit::WanYuan,
    }
}

/// A trend chart of 支出合计, 基本支出 and 项目支出 over the unit's years, in
/// [`common_unit`]; `None` when fewer than two years state one.
pub(super) fn spending_chart(ctx: &Ctx<'_>, unit: &Unit) -> Option<String> {
    let first = common_unit(unit);
    let per_year: Vec<Vec<KeyFigure>> = unit
        .records
        .iter()
        .map(|r| key_figures_in(r, ctx.score(r), first))
        .collect();
    let series = |key: &str, name: &str| Series {
        name: name.to_owned(),
        points: unit
            .records
            .iter()
            .zip(&per_year)
            .map(|(r, figures)| Point {
                year: r.year,
                value: figures
                    .iter()
                    .find(|(k, ..)| k == key)
                    .and_then(|f| f.3)
                    .map(|v| Datum::new(v, fmt_money(v))),
            })
            .collect(),
    };
    let all = vec![
        series("expenditure", "支出合计"),
        series("basic", "基本支出"),
        series("project", "项目支出"),
    ];
    let known = |s: &Series| s.points.iter().filter(|p| p.value.is_some()).count();
    if all.iter().all(|s| known(s) < 2) {
        return None;
    }
    Some(trend(&Trend {
        title: format!("{}历年支出", unit.short_name),
        axis: Axis {
            caption: format!("金额（{}）", first.label()),
            suffix: String::new(),
        },
        series: all,
        reference: None,
        from_zero: true,
    }))
}
