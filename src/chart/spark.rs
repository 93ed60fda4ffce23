//! Sparkline: a tiny trend without axes, for a cell of the index table.
//!
//! In: a [`Sparkline`]. Out: a 100 × 24 pixel SVG (fixed size, not scaled to the container).
//! Written directly, not with plotters: it is one polyline and a dot, and plotters' whole-pixel
//! coordinates would make a 24-pixel-high line visibly stepped. The last value is marked with a
//! dot; a missing year breaks the line. The values themselves are in the `<desc>`.

use std::collections::BTreeMap;

use super::scale::px_value;
use super::style::{Anchor, BLUE, Font, MUTED};
use super::svg::Doc;
use super::{Datum, NO_DATA, Point};

const WIDTH: u32 = 100;
const HEIGHT: u32 = 24;
const PAD: f64 = 4.0;
/// The note for a single year, short enough for the sparkline's width.
const ONE_YEAR: &str = "仅一年数据";

/// A tiny trend.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sparkline {
    /// What it shows (its `<title>`), e.g. "黄鹤楼 执行率".
    pub(crate) title: String,
    /// Values by year, in any order; a year given twice keeps the first.
    pub(crate) points: Vec<Point>,
}

/// The sparkline, or a small note when fewer than two years have data.
pub(crate) fn sparkline(chart: &Sparkline) -> String {
    let mut points: BTreeMap<u16, Option<&Datum>> = BTreeMap::new();
    for p in &chart.points {
        points.entry(p.year.get()).or_insert(p.value.as_ref());
    }
    let values: Vec<String> = points
        .iter()
        .map(|(y, v)| format!("{y}年 {}", v.map_or("无数据", |d| d.text.as_str())))
        .collect();
    let with_data = points.values().filter(|v| v.is_some()).count();
    let desc = if with_data == 0 {
        NO_DATA.to_owned()
    } else {
        format!("{}：{}。", chart.title, values.join("，"))
    };
    let mut doc = Doc::new(WIDTH, HEIGHT, &chart.title, &desc).inline();
    let (w, h) = (f64::from(WIDTH), f64::from(HEIGHT));
    if with_data < 2 {
        let note = if with_data == 0 { NO_DATA } else { ONE_YEAR };
        doc.text(
            w / 2.0,
            h / 2.0 + 4.0,
            note,
            Font::new(12.0).anchor(Anchor::Middle).colour(MUTED),
        );
        return doc.finish();
    }

    let first = points.keys().next().copied().unwrap_or(0);
    let last = points.keys().next_back().copied().unwrap_or(first);
    let ys: Vec<f64> = points
        .values()
        .flatten()
        .map(|d| px_value(d.value))
        .collect();
    let lo = ys.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span_x = f64::from(last.saturating_sub(first)).max(1.0);
    let x_of = |year: u16| PAD + f64::from(year.saturating_sub(first)) / span_x * (w - 2.0 * PAD);
    // All values equal: a flat line through the middle.
    let y_of = |v: f64| {
        if hi > lo {
            h - PAD - (v - lo) / (hi - lo) * (h - 2.0 * PAD)
        } else {
            h / 2.0
        }
    };

    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut prev: Option<u16> = None;
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    for (year, value) in &points {
        match value {
            Some(d) if prev.is_some_and(|p| p + 1 == *year) => {
                run.push((x_of(*year), y_of(px_value(d.value))))
            }
            Some(d) => {
                runs.push(std::mem::take(&mut run));
                run.push((x_of(*year), y_of(px_value(d.value))));
            }
            None => runs.push(std::mem::take(&mut run)),
        }
        prev = value.map(|_| *year);
    }
    runs.push(run);
    for run in runs.iter().filter(|r| !r.is_empty()) {
        if run.len() == 1 {
            doc.circle(run[0], 1.5, BLUE, None);
        } else {
            doc.polyline(run, BLUE, 1.5, None);
        }
    }
    if let Some((year, Some(d))) = points.iter().rfind(|(_, v)| v.is_some()) {
        doc.circle((x_of(*year), y_of(px_value(d.value))), 2.5, BLUE, None);
    }
    doc.finish()
}
