//! Small multiples: one small panel per unit, every panel on the same year axis and the same
//! value scale, so that units can be compared by eye (a sparkline per unit, each scaled to its
//! own range, cannot be).
//!
//! In: [`Multiples`]. Out: one SVG holding a grid of panels, four to a row. Each panel names
//! its unit, draws the shared grid, the unit's line (a missing year breaks it) with a dot per
//! value, and prints its latest value; the left column carries the value ticks and every
//! panel its years (each year when the labels fit, else every k-th with the first and the
//! last). Every value is in the `<desc>` as text. Written directly (not with plotters), like
//! the sparkline, so that thin lines stay smooth.
//!
//! Never: draws a NaN or infinite coordinate (no data gives a note instead of a grid), or a
//! text outside its panel (issue 19: a value at a panel's first year was drawn into the panel
//! on its left; a name is cut with "…" and given whole in a `<title>`), or text under 12 px.

use std::collections::BTreeMap;

use super::axes;
use super::scale::{Scale, px_value};
use super::style::{AXIS, Anchor, BLUE, FONT, Font, GRID, MUTED};
use super::svg::Doc;
use super::{Axis, NO_DATA, Series, text};
use crate::model::Dec;

/// Panels per row.
const COLUMNS: usize = 4;
const PANEL_W: f64 = 150.0;
const PANEL_H: f64 = 96.0;
/// Space above the plot of a panel, for its name.
const HEAD: f64 = 20.0;
/// Space below the plot of a panel, for its years.
const FOOT: f64 = 18.0;
const GAP_X: f64 = 18.0;
const GAP_Y: f64 = 10.0;
/// Left margin for the value ticks; top margin for the axis caption.
const LEFT_MIN: f64 = 24.0;
const TOP: f64 = 22.0;
/// The size of every text: the panels are small, their labels must still be read (issue 19).
const LABEL: f64 = FONT;
/// The least space between two year labels.
const YEAR_GAP: f64 = 6.0;

/// The same figure for several units over the same years.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Multiples {
    /// The chart's title (its `<title>`), e.g. "预算执行率：各单位历年比较".
    pub(crate) title: String,
    /// The shared value axis.
    pub(crate) axis: Axis,
    /// One series per panel, in display order; `name` is the unit.
    pub(crate) panels: Vec<Series>,
}

/// The grid of panels, or a note when no panel has a value.
pub(crate) fn multiples(chart: &Multiples) -> String {
    let values: Vec<Dec> = chart
        .panels
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.value.as_ref()))
        .map(|d| d.value)
        .collect();
    let years: Vec<u16> = {
        let mut y: Vec<u16> = chart
            .panels
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.year.get()))
            .collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let desc = description(chart);
    let (Some(lo), Some(hi), Some(first), Some(last)) = (
        values.iter().min().copied(),
        values.iter().max().copied(),
        years.first().copied(),
        years.last().copied(),
    ) else {
        let mut doc = Doc::new(320, 40, &chart.title, NO_DATA);
        doc.text(
            160.0,
            24.0,
            NO_DATA,
            Font::new(FONT).anchor(Anchor::Middle).colour(MUTED),
        );
        return doc.finish();
    };
    // Amounts start at zero so that sizes compare; rates and scores use their own range.
    let lo = if lo > Dec::ZERO && chart.axis.suffix.is_empty() {
        Dec::ZERO
    } else {
        lo
    };
    let scale = Scale::nice(lo, hi, 2);
    let ticks: Vec<String> = scale
        .ticks
        .iter()
        .map(|t| scale.label(*t, &chart.axis.suffix))
        .collect();
    let left = ticks
        .iter()
        .map(|t| text::width(t, LABEL))
        .fold(LEFT_MIN, f64::max)
        + 12.0;
    let n = chart.panels.len();
    let cols = n.clamp(1, COLUMNS);
    let rows = n.div_ceil(COLUMNS).max(1);
    let width = left + cols as f64 * (PANEL_W + GAP_X);
    let height = TOP + rows as f64 * (HEAD + PANEL_H + FOOT + GAP_Y);
    let mut doc = Doc::new(
        width.ceil() as u32,
        height.ceil() as u32,
        &chart.title,
        &desc,
    );
    axes::caption(&mut doc, &chart.axis.caption, 14.0, width - 16.0);
    let (span_lo, span_hi) = (px_value(scale.lo), px_value(scale.hi));
    let span_years = f64::from(last - first).max(1.0);
    let (names, _) =
        text::truncate_all(chart.panels.iter().map(|s| s.name.as_str()), PANEL_W, LABEL);
    let year_marks = year_ticks(first, last);
    let inset = inset();
    for (i, (series, name)) in chart.panels.iter().zip(&names).enumerate() {
        let x0 = left + (i % COLUMNS) as f64 * (PANEL_W + GAP_X);
        let y0 = TOP + (i / COLUMNS) as f64 * (HEAD + PANEL_H + FOOT + GAP_Y) + HEAD;
        let x_of = |year: u16| {
            if last == first {
                x0 + PANEL_W / 2.0
            } else {
                x0 + inset + f64::from(year - first) / span_years * (PANEL_W - 2.0 * inset)
            }
        };
        let y_of = |v: Dec| {
            let f = if span_hi > span_lo {
                (px_value(v) - span_lo) / (span_hi - span_lo)
            } else {
                0.5
            };
            y0 + PANEL_H - f * PANEL_H
        };
        doc.label(
            x0,
            y0 - 7.0,
            name,
            &series.name,
            Font::new(FONT).bold(true),
            FONT,
        );
        for (t, label) in scale.ticks.iter().zip(&ticks) {
            let y = y_of(*t);
            doc.line((x0, y), (x0 + PANEL_W, y), GRID, 1.0, None);
            if i % COLUMNS == 0 {
                doc.text(
                    x0 - 5.0,
                    y + 4.0,
                    label,
                    Font::new(LABEL).anchor(Anchor::End).colour(MUTED),
                );
            }
        }
        doc.line(
            (x0, y0 + PANEL_H),
            (x0 + PANEL_W, y0 + PANEL_H),
            AXIS,
            1.0,
            None,
        );
        for year in &year_marks {
            let x = x_of(*year);
            doc.line((x, y0 + PANEL_H), (x, y0 + PANEL_H + 3.0), AXIS, 1.0, None);
            doc.text(
                x,
                y0 + PANEL_H + 15.0,
                &year.to_string(),
                Font::new(LABEL).colour(MUTED).anchor(Anchor::Middle),
            );
        }
        let points: BTreeMap<u16, Option<&super::Datum>> = series
            .points
            .iter()
            .map(|p| (p.year.get(), p.value.as_ref()))
            .collect();
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut prev: Option<u16> = None;
        for year in first..=last {
            match points.get(&year).copied().flatten() {
                Some(d) => {
                    if prev.is_none_or(|p| p + 1 != year) && run.len() > 1 {
                        doc.polyline(&run, BLUE, 1.5, None);
                    }
                    if prev.is_none_or(|p| p + 1 != year) {
                        run.clear();
                    }
                    run.push((x_of(year), y_of(d.value)));
                    prev = Some(year);
                }
                None => {
                    if run.len() > 1 {
                        doc.polyline(&run, BLUE, 1.5, None);
                    }
                    run.clear();
                    prev = None;
                }
            }
        }
        if run.len() > 1 {
            doc.polyline(&run, BLUE, 1.5, None);
        }
        for (year, d) in points.iter().filter_map(|(y, d)| d.map(|d| (*y, d))) {
            doc.circle((x_of(year), y_of(d.value)), 2.0, BLUE, None);
        }
        if let Some((year, d)) = points.iter().rev().find_map(|(y, d)| d.map(|d| (*y, d))) {
            let latest = text::truncate(&d.text, PANEL_W, LABEL);
            // Ends at its point, but never starts left of the panel (a value of the first year).
            let w = latest
                .lines
                .first()
                .map_or(0.0, |l| text::width(l, LABEL))
                .min(PANEL_W);
            doc.label(
                x_of(year).min(x0 + PANEL_W).max(x0 + w),
                (y_of(d.value) - 6.0).max(y0 + 10.0),
                &latest,
                &d.text,
                Font::new(LABEL).anchor(Anchor::End).halo(),
                LABEL,
            );
        } else {
            doc.text(
                x0 + PANEL_W / 2.0,
                y0 + PANEL_H / 2.0,
                "无数据",
                Font::new(LABEL).anchor(Anchor::Middle).colour(MUTED),
            );
        }
    }
    doc.finish()
}

/// Space between a panel's edge and its first (or last) year: half a year label, so that every
/// year's label can be centred under its year and stay inside the panel.
fn inset() -> f64 {
    text::width("0000", LABEL) / 2.0 + 1.0
}

/// The years marked under every panel: each year when the labels, centred under their years,
/// stay [`YEAR_GAP`] apart; else every k-th from the first for the least k that fits, the last
/// year always shown (in place of the k-th before it when the two would touch).
fn year_ticks(first: u16, last: u16) -> Vec<u16> {
    if last <= first {
        return vec![first];
    }
    let step = (PANEL_W - 2.0 * inset()) / f64::from(last - first);
    let room = text::width("0000", LABEL) + YEAR_GAP;
    let k = (1..=(last - first))
        .find(|k| f64::from(*k) * step >= room)
        .unwrap_or(last - first);
    let mut marks: Vec<u16> = (first..last).step_by(usize::from(k)).collect();
    if marks.len() > 1
        && marks
            .last()
            .is_some_and(|y| f64::from(last - y) * step < room)
    {
        marks.pop();
    }
    marks.push(last);
    marks
}

/// Every panel's values in words, for the `<desc>`.
fn description(chart: &Multiples) -> String {
    let panels: Vec<String> = chart
        .panels
        .iter()
        .map(|s| {
            let values: Vec<String> = s
                .points
                .iter()
                .map(|p| {
                    let v = p.value.as_ref().map_or("无数据", |d| d.text.as_str());
                    format!("{}年 {v}", p.year)
                })
                .collect();
            format!("{}：{}", s.name, values.join("，"))
        })
        .collect();
    format!("{}。{}。", chart.title, panels.join("；"))
}
