//! Pieces shared by the plotters charts: the plotting plane, grid lines, tick labels, legends.
//!
//! In: a canvas area, margins in pixels and value ranges. Out: shapes drawn through plotters
//! and text written into the [`Doc`]. Never decides what a chart shows.

use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::{
    Cartesian2d, ChartBuilder, ChartContext, Color, CoordTranslate, PathElement, SVGBackend,
};

use super::scale::{Scale, px_value};
use super::style::{AXIS, Anchor, Colour, FONT, Font, GRID, MUTED, SMALL, WHITE};
use super::svg::{Area, Doc, PlotError};
use super::text::{self, Wrapped};
use crate::model::Dec;

/// The data-to-pixel mapping of a plane, kept after plotters is done so text can be placed.
pub(super) type Spec = Cartesian2d<RangedCoordf64, RangedCoordf64>;

/// A plotters chart on an SVG canvas.
pub(super) type Plane<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Spec>;

/// Space in pixels between the canvas edge and the plotting area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Margins {
    pub(super) top: f64,
    pub(super) right: f64,
    pub(super) bottom: f64,
    pub(super) left: f64,
}

/// A plane with `x` and `y` data ranges inside `margins`.
pub(super) fn plane<'a, 'b>(
    root: &'a Area<'b>,
    m: Margins,
    x: Range<f64>,
    y: Range<f64>,
) -> Result<Plane<'a, 'b>, PlotError> {
    let whole = |v: f64| v.round().clamp(0.0, 10_000.0) as u32;
    Ok(ChartBuilder::on(root)
        .margin_top(whole(m.top))
        .margin_right(whole(m.right))
        .margin_bottom(whole(m.bottom))
        .margin_left(whole(m.left))
        .build_cartesian_2d(x, y)?)
}

/// The canvas pixel of a data point.
pub(super) fn at(spec: &Spec, x: f64, y: f64) -> (f64, f64) {
    let (a, b) = spec.translate(&(x, y));
    (f64::from(a), f64::from(b))
}

/// A solid line between two data points.
pub(super) fn line(
    chart: &mut Plane<'_, '_>,
    from: (f64, f64),
    to: (f64, f64),
    colour: Colour,
    width: u32,
) -> Result<(), PlotError> {
    chart.draw_series(std::iter::once(PathElement::new(
        vec![from, to],
        colour.rgb().stroke_width(width),
    )))?;
    Ok(())
}

/// Grid lines across the plane at each tick of the value axis, and the zero line (darker) when
/// the axis crosses zero. `horizontal` puts values on y (vertical bars, trends).
pub(super) fn value_grid(
    chart: &mut Plane<'_, '_>,
    scale: &Scale,
    span: (f64, f64),
    horizontal: bool,
) -> Result<(), PlotError> {
    for tick in &scale.ticks {
        let v = px_value(*tick);
        let colour = if tick.is_zero() { AXIS } else { GRID };
        let (from, to) = if horizontal {
            ((span.0, v), (span.1, v))
        } else {
            ((v, span.0), (v, span.1))
        };
        line(chart, from, to, colour, 1)?;
    }
    Ok(())
}

/// Widest tick label before it is cut (a suffix is meant to be short, like "%").
const MAX_TICK_WIDTH: f64 = 80.0;

/// The printed tick, cut to [`MAX_TICK_WIDTH`].
fn tick_text(scale: &Scale, tick: Dec, suffix: &str) -> (Wrapped, String) {
    let full = scale.label(tick, suffix);
    (text::truncate(&full, MAX_TICK_WIDTH, SMALL), full)
}

/// Tick labels of a vertical value axis, right-aligned left of the plane.
pub(super) fn y_tick_labels(doc: &mut Doc, spec: &Spec, scale: &Scale, x_left: f64, suffix: &str) {
    let font = Font::new(SMALL).anchor(Anchor::End).colour(MUTED);
    for tick in &scale.ticks {
        let (x, y) = at(spec, x_left, px_value(*tick));
        let (label, full) = tick_text(scale, *tick, suffix);
        doc.label(x - 6.0, y + 4.0, &label, &full, font, 0.0);
    }
}

/// Tick labels of a horizontal value axis, centred under each tick at `baseline`.
pub(super) fn x_tick_labels(
    doc: &mut Doc,
    spec: &Spec,
    scale: &Scale,
    baseline: f64,
    suffix: &str,
) {
    let font = Font::new(SMALL).anchor(Anchor::Middle).colour(MUTED);
    for tick in &scale.ticks {
        let (x, _) = at(spec, px_value(*tick), 0.0);
        let (label, full) = tick_text(scale, *tick, suffix);
        doc.label(x, baseline, &label, &full, font, 0.0);
    }
}

/// Width of the widest tick label of `scale`.
pub(super) fn tick_width(scale: &Scale, suffix: &str) -> f64 {
    scale
        .ticks
        .iter()
        .map(|t| text::width(&scale.label(*t, suffix), SMALL).min(MAX_TICK_WIDTH))
        .fold(0.0, f64::max)
}

/// What a legend entry's swatch looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Swatch {
    /// A line sample, optionally dashed, with a point marker (filled circle or hollow square).
    Line {
        colour: Colour,
        dash: Option<&'static str>,
        hollow: bool,
    },
    /// A box with a fill and an optional outline.
    Box {
        fill: Colour,
        stroke: Option<Colour>,
    },
}

/// Legend entries in a row from `(x, y)` (y is the text baseline), wrapping before `max_x`.
/// Returns the baseline of the last row.
pub(super) fn legend(doc: &mut Doc, x: f64, y: f64, max_x: f64, entries: &[(Swatch, &str)]) -> f64 {
    let (mut cx, mut cy) = (x, y);
    for (swatch, name) in entries {
        let label = text::truncate(name, 200.0, FONT);
        let shown = label.lines.first().map_or(0.0, |l| text::width(l, FONT));
        let entry = 30.0 + shown + 18.0;
        if cx > x && cx + entry > max_x {
            cx = x;
            cy += 20.0;
        }
        let mid = cy - 4.0;
        match *swatch {
            Swatch::Line {
                colour,
                dash,
                hollow,
            } => {
                doc.line((cx, mid), (cx + 24.0, mid), colour, 2.0, dash);
                if hollow {
                    doc.rect(cx + 8.0, mid - 4.0, 8.0, 8.0, WHITE, Some(colour));
                } else {
                    doc.circle((cx + 12.0, mid), 4.0, colour, None);
                }
            }
            Swatch::Box { fill, stroke } => doc.rect(cx + 6.0, mid - 6.0, 14.0, 12.0, fill, stroke),
        }
        doc.label(cx + 30.0, cy, &label, name, Font::new(FONT), 0.0);
        cx += entry;
    }
    cy
}

/// The value axis caption, muted, at (8, `y`), cut with "…" to `max_width` (full text in its
/// tooltip). Draws nothing for an empty caption.
pub(super) fn caption(doc: &mut Doc, caption: &str, y: f64, max_width: f64) {
    if caption.is_empty() {
        return;
    }
    let shown = text::truncate(caption, max_width, FONT);
    doc.label(8.0, y, &shown, caption, Font::new(FONT).colour(MUTED), 0.0);
}
