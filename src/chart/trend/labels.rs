//! Text of the trend chart: year ticks and value labels placed so that they never overlap.
//!
//! In: the plane's mapping and the series. Out: `<text>` elements in the [`Doc`].

use super::super::axes::{self, Spec};
use super::super::scale::px_value;
use super::super::style::{AXIS, Anchor, Colour, Font, MUTED, SMALL};
use super::super::svg::Doc;
use super::super::{Datum, text};
use super::{LOOKS, Line, MISSING};

/// The longest value label drawn (longer caller text is cut with "…").
const MAX_VALUE_WIDTH: f64 = 90.0;

/// The plotting area's edges in canvas pixels.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bounds {
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) top: f64,
    pub(super) bottom: f64,
}

/// Year ticks under the axis, thinned to every n-th year when they would collide.
pub(super) fn year_labels(doc: &mut Doc, spec: &Spec, first: u16, last: u16, bottom: f64) {
    let (a, _) = axes::at(spec, f64::from(first), 0.0);
    let (b, _) = axes::at(spec, f64::from(first) + 1.0, 0.0);
    let room = (b - a).max(1.0);
    let needed = text::width("2000", SMALL) + 8.0;
    let every = (needed / room).ceil().max(1.0) as usize;
    for (i, year) in (first..=last).enumerate() {
        if i % every == 0 || year == last && every == 1 {
            let (x, _) = axes::at(spec, f64::from(year), 0.0);
            doc.line((x, bottom), (x, bottom + 4.0), AXIS, 1.0, None);
            doc.text(
                x,
                bottom + 17.0,
                &year.to_string(),
                Font::new(SMALL).anchor(Anchor::Middle).colour(MUTED),
            );
        }
    }
}

/// Value labels: above the highest point of a year, below the others, pushed apart so they
/// never overlap; only the first and last points when years are too close for every label.
pub(super) fn value_labels(
    doc: &mut Doc,
    spec: &Spec,
    lines: &[Line<'_>],
    (first, last): (u16, u16),
    plot: Bounds,
) {
    let Bounds {
        left,
        right,
        top,
        bottom,
    } = plot;
    let widest = lines
        .iter()
        .flat_map(|l| {
            l.points
                .values()
                .flatten()
                .map(|d| text::width(&text::clean(&d.text), SMALL))
        })
        .fold(0.0, f64::max);
    let (a, _) = axes::at(spec, 0.0, 0.0);
    let (b, _) = axes::at(spec, 1.0, 0.0);
    let every_year = (b - a) >= widest.min(MAX_VALUE_WIDTH) + 6.0;
    let missing_fits = (b - a) >= text::width(MISSING, SMALL) + 4.0;
    for year in first..=last {
        let any = lines
            .iter()
            .any(|l| matches!(l.points.get(&year), Some(Some(_))));
        if !any && missing_fits {
            let (x, _) = axes::at(spec, f64::from(year), 0.0);
            doc.text(
                x,
                bottom - 6.0,
                MISSING,
                Font::new(SMALL).anchor(Anchor::Middle).colour(MUTED),
            );
        }
        // (point y, label, ink) for each series with a value this year, top first.
        let mut column: Vec<(f64, &Datum, Colour, f64)> = Vec::new();
        for (line, look) in lines.iter().zip(&LOOKS) {
            let Some(Some(d)) = line.points.get(&year) else {
                continue;
            };
            let ends = line
                .points
                .iter()
                .filter(|(_, v)| v.is_some())
                .map(|(y, _)| *y);
            let is_end = ends.clone().min() == Some(year) || ends.max() == Some(year);
            if every_year || is_end {
                let (x, y) = axes::at(spec, f64::from(year), px_value(d.value));
                column.push((y, d, look.ink, x));
            }
        }
        column.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut baselines: Vec<f64> = column
            .iter()
            .enumerate()
            .map(|(i, (y, ..))| if i == 0 { y - 9.0 } else { y + 17.0 })
            .collect();
        for i in 1..baselines.len() {
            baselines[i] = baselines[i].max(baselines[i - 1] + 14.0);
        }
        // A label pushed below the plane goes above the top label instead.
        for i in 1..baselines.len() {
            if baselines[i] > bottom - 3.0 {
                baselines[i] = baselines[..i].iter().copied().fold(f64::INFINITY, f64::min) - 14.0;
            }
        }
        for ((_, d, ink, x), base) in column.iter().zip(baselines) {
            let label = text::truncate(&d.text, MAX_VALUE_WIDTH, SMALL);
            let base = base.max(top - 4.0).max(14.0);
            // Keep the label over the plane, clear of the tick labels on the left.
            let half = label.lines.first().map_or(0.0, |l| text::width(l, SMALL)) / 2.0;
            let x = x.min(right - half).max(left + half);
            doc.label(
                x,
                base,
                &label,
                &d.text,
                Font::new(SMALL).anchor(Anchor::Middle).colour(*ink).halo(),
                0.0,
            );
        }
    }
}
