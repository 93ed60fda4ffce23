//! `compare/<measure>.html`: one figure (执行率, 三公经费 …) across units and years, as a
//! units × years table and small multiples (one panel per unit, all on one scale); with its downloads
//! `data/compare/<measure>.json` and `.csv`.
//!
//! In: the corpus and scores. Out: the page view, JSON and CSV. A cell is "—" when the unit
//! has no record that year or the record does not state the figure; on the page a rule total
//! that could not be recomputed reads "未重算" (JSON `null`, CSV "—"; issue 16). Amounts are shown in each
//! record's own unit, never converted.

use serde::Serialize;

use super::compare::value;
use super::csv::line;
use super::summary::MeasureValue;
use super::{Ctx, year_label};
use crate::chart::{Axis, Datum, Multiples, Point, Series, multiples};
use crate::compare::{FigureKind, MEASURES};
use crate::error::{Error, Result};
use crate::model::Year;
use crate::plan::{MeasureOut, measure_path, unit_path, unit_year_path};
use crate::render::Shell;

/// One measure across units and years: what the page, JSON and CSV show.
#[derive(Serialize)]
pub(super) struct MeasureData {
    key: &'static str,
    label: &'static str,
    years: Vec<u16>,
    units: Vec<MeasureUnit>,
}

#[derive(Serialize)]
struct MeasureUnit {
    id: String,
    name: String,
    /// Parallel to `years`: (value, the record's amount unit) or `None`.
    values: Vec<Option<MeasureValue>>,
}

/// The data of measure `m` (an index into `MEASURES`).
pub(super) fn measure_data(ctx: &Ctx<'_>, m: usize) -> MeasureData {
    let (key, label) = MEASURES.get(m).copied().unwrap_or(("", ""));
    let all_years = &ctx.site.years;
    let units = ctx
        .summaries
        .iter()
        .map(|u| MeasureUnit {
            id: u.id.as_str().to_owned(),
            name: u.short_name.clone(),
            values: all_years
                .iter()
                .map(|y| {
                    u.record(*y)
                        .and_then(|r| r.measures.get(m).copied().flatten())
                })
                .collect(),
        })
        .collect();
    MeasureData {
        key,
        label,
        years: all_years.iter().map(|y| y.get()).collect(),
        units,
    }
}

/// A CSV cell: an amount exact, without separators or unit (`1238.58`).
fn csv_cell(v: &Option<MeasureValue>) -> String {
    match v {
        Some(v) if v.kind == FigureKind::Money => {
            crate::render::fmt_money_exact(v.value).replace(',', "")
        }
        Some(v) => value(v.kind, Some(v.value)),
        None => "—".to_owned(),
    }
}

fn shown(v: &Option<MeasureValue>) -> String {
    match v {
        Some(v) if v.kind == FigureKind::Money => {
            format!("{} {}", crate::render::fmt_money_exact(v.value), v.unit)
        }
        Some(v) => value(v.kind, Some(v.value)),
        None => "—".to_owned(),
    }
}

#[derive(Serialize)]
pub(super) struct MeasurePage {
    title: String,
    years: Vec<String>,
    /// Some cell reads 未重算: the caption says what that means (issue 16).
    not_recomputed: bool,
    rows: Vec<Row>,
    /// One SVG of every unit's panel on a shared scale, or a note why there is none.
    multiples: Labelled,
    others: Vec<Labelled>,
    json_href: String,
    csv_href: String,
}

#[derive(Serialize)]
struct Row {
    name: String,
    href: String,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct Cell {
    text: String,
    href: Option<String>,
}

/// A labelled link (another measure, one small multiple's caption and chart).
#[derive(Serialize)]
pub(super) struct Labelled {
    pub(super) label: String,
    pub(super) value: String,
}

/// Every unit's values as one small-multiples chart on a shared scale (label: a note, empty
/// when the chart is drawn; value: the SVG). Amounts are all in 万元 (`summary` converts a 元
/// record's exactly), so units in 元 and in 万元 share one scale (issue 16).
fn small_multiples(data: &MeasureData, all_years: &[Year]) -> Labelled {
    let kind = data
        .units
        .iter()
        .flat_map(|u| u.values.iter().flatten())
        .map(|v| v.kind)
        .next();
    let axis = match kind {
        Some(FigureKind::Percent) => Axis {
            caption: format!("{}（%）", data.label),
            suffix: "%".to_owned(),
        },
        Some(FigureKind::Score) => Axis {
            caption: format!("{}（分）", data.label),
            suffix: String::new(),
        },
        _ => Axis {
            caption: format!("{}（万元）", data.label),
            suffix: String::new(),
        },
    };
    let panels = data
        .units
        .iter()
        .map(|mu| Series {
            name: mu.name.clone(),
            points: mu
                .values
                .iter()
                .zip(all_years)
                .map(|(v, y)| Point {
                    year: *y,
                    value: v
                        .as_ref()
                        .map(|v| Datum::new(v.value, value(v.kind, Some(v.value)))),
                })
                .collect(),
        })
        .collect();
    Labelled {
        label: String::new(),
        value: multiples(&Multiples {
            title: format!("{}：各单位历年比较（同一尺度）", data.label),
            axis,
            panels,
        }),
    }
}

pub(super) fn view(ctx: &Ctx<'_>, path: &str, m: usize) -> (Shell, MeasurePage) {
    let data = measure_data(ctx, m);
    let title = format!("{}：各单位历年比较", data.label);
    let shell = Shell::for_page(&ctx.site, path, &title).crumb(&title, None);
    let root = shell.root.clone();
    let all_years = &ctx.site.years;
    let rows: Vec<Row> = data
        .units
        .iter()
        .zip(ctx.summaries)
        .map(|(mu, u)| Row {
            name: u.name.clone(),
            href: format!("{root}{}", unit_path(u.id.as_str())),
            cells: mu
                .values
                .iter()
                .zip(all_years)
                .map(|(v, y)| {
                    let href = u
                        .record(*y)
                        .is_some()
                        .then(|| format!("{root}{}", unit_year_path(u.id.as_str(), *y)));
                    // A rule total that could not be recomputed reads 未重算, not "—" (no
                    // record) (issue 16); the CSV keeps "—", the rule for a missing figure.
                    // A partial table (原文不全) reads so in its rule-score and completion
                    // cells: its figures are of the visible part and are not compared.
                    let why = u
                        .record(*y)
                        .and_then(|r| r.main.not_recomputed)
                        .filter(|n| {
                            v.is_none()
                                && (data.key == "rule_total"
                                    || (data.key == "completion"
                                        && *n == crate::score::NotRecomputed::Incomplete))
                        });
                    Cell {
                        text: match why {
                            Some(n) => n.cell().to_owned(),
                            None => shown(v),
                        },
                        href,
                    }
                })
                .collect(),
        })
        .collect();
    let multiples = small_multiples(&data, all_years);
    let others = MEASURES
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != m)
        .map(|(_, (k, l))| super::measure::Labelled {
            label: (*l).to_owned(),
            value: format!("{root}{}", measure_path(k, MeasureOut::Html)),
        })
        .collect();
    let not_recomputed = rows.iter().any(|r| {
        r.cells
            .iter()
            .any(|c| c.text == super::NOT_RECOMPUTED || c.text == "原文不全")
    });
    let page = MeasurePage {
        title,
        years: all_years.iter().map(|y| year_label(*y)).collect(),
        not_recomputed,
        rows,
        multiples,
        others,
        json_href: format!("{root}{}", measure_path(data.key, MeasureOut::Json)),
        csv_href: format!("{root}{}", measure_path(data.key, MeasureOut::Csv)),
    };
    (shell, page)
}

/// `data/compare/<measure>.json`.
pub(super) fn measure_json(ctx: &Ctx<'_>, m: usize) -> Result<String> {
    let data = measure_data(ctx, m);
    serde_json::to_string(&data).map(|s| s + "\n").map_err(|e| {
        let key = &data.key;
        Error::Usage(crate::lang::pick(
            format!("无法写出 {key} 的比较数据：{e}"),
            format!("cannot serialize the {key} comparison: {e}"),
        ))
    })
}

/// `data/compare/<measure>.csv`: one row per unit, one column per year.
pub(super) fn measure_csv(ctx: &Ctx<'_>, m: usize) -> String {
    let data = measure_data(ctx, m);
    let mut out = String::from("\u{feff}");
    // Every amount is in 万元 (converted exactly, so one converted from 元 may keep more than
    // two places): the unit stands in the header, never inside a number cell.
    let money = data
        .units
        .iter()
        .flat_map(|u| u.values.iter().flatten())
        .any(|v| v.kind == FigureKind::Money);
    let years: Vec<String> = data
        .years
        .iter()
        .map(|y| {
            if money {
                format!("{y}年（万元）")
            } else {
                format!("{y}年")
            }
        })
        .collect();
    let mut header = vec!["单位"];
    header.extend(years.iter().map(String::as_str));
    line(&mut out, &header);
    for u in &data.units {
        let cells: Vec<String> = u.values.iter().map(csv_cell).collect();
        let mut fields = vec![u.name.as_str()];
        fields.extend(cells.iter().map(String::as_str));
        line(&mut out, &fields);
    }
    out
}
