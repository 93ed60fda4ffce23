//! Grouped bars: two bars per category, e.g. 分值 vs 得分 per goal, or 上年 vs 本年 for 收入,
//! 支出, 三公经费, 机关运行经费. Drawn with plotters.
//!
//! In: a [`GroupedBars`]. Out: an SVG string. The first bar of a pair (the comparison) is hollow,
//! the second (the subject) solid, and each carries its caller-formatted value. Groups are
//! spaced so that value labels never overlap: when they do not fit in 640 pixels the canvas
//! grows and the `viewBox` scales it down.

use plotters::prelude::{Color, Rectangle};

use super::axes::{self, Margins, Swatch};
use super::scale::{Scale, dec, extent, px_value};
use super::style::{AXIS, Anchor, BLUE, FONT, Font, MUTED, PALE, SMALL};
use super::svg::{self, Doc};
use super::{Axis, Datum, FAILED, MISSING, NO_DATA, text};
use crate::model::Dec;

const MIN_WIDTH: f64 = 640.0;
const HEIGHT: u32 = 340;
/// Longest value label drawn (longer caller text is cut with "…").
const MAX_VALUE_WIDTH: f64 = 90.0;

/// Pairs of bars by category.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupedBars {
    /// The chart's title (its `<title>`).
    pub(crate) title: String,
    /// The value axis.
    pub(crate) axis: Axis,
    /// Legend names: the comparison first ("分值", "上年"), drawn hollow; then the subject
    /// ("得分", "本年"), drawn solid.
    pub(crate) names: [String; 2],
    /// The categories, in display order.
    pub(crate) groups: Vec<BarGroup>,
}

/// One category and its two values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BarGroup {
    /// The category, e.g. a goal's name or "三公经费".
    pub(crate) label: String,
    /// Comparison value, then subject value; `None` is missing.
    pub(crate) values: [Option<Datum>; 2],
}

/// The grouped bar chart, or a placeholder when no group has a value.
pub(crate) fn grouped_bars(chart: &GroupedBars) -> String {
    let width = MIN_WIDTH as u32;
    if chart
        .groups
        .iter()
        .all(|g| g.values.iter().all(Option::is_none))
    {
        return svg::placeholder(width, HEIGHT, &chart.title, NO_DATA, &[]);
    }
    draw(chart).unwrap_or_else(|_| svg::placeholder(width, HEIGHT, &chart.title, FAILED, &[]))
}

fn describe(chart: &GroupedBars) -> String {
    let groups: Vec<String> = chart
        .groups
        .iter()
        .map(|g| {
            let [a, b] = &g.values;
            let shown =
                |d: &Option<Datum>| d.as_ref().map_or(MISSING, |d| d.text.as_str()).to_owned();
            format!(
                "{}：{} {}，{} {}",
                g.label,
                chart.names[0],
                shown(a),
                chart.names[1],
                shown(b)
            )
        })
        .collect();
    format!("{}。{}。", chart.title, groups.join("；"))
}

/// Horizontal geometry: bar width, distance between the two bar centres, group width.
struct Slots {
    bar: f64,
    apart: f64,
    group: f64,
}

fn slots(label_width: f64, n: usize, room: f64) -> Slots {
    let n = n.max(1) as f64;
    let bar = (room / n * 0.3).clamp(14.0, 48.0);
    // Centres this far apart keep each label clear of the other label and of the other bar.
    let apart = (bar + 4.0).max(label_width + 6.0);
    let needed = apart + bar.max(label_width) + 14.0;
    Slots {
        bar,
        apart,
        group: needed.max(room / n).max(64.0),
    }
}

fn draw(chart: &GroupedBars) -> Result<String, svg::PlotError> {
    let values = || {
        chart
            .groups
            .iter()
            .flat_map(|g| g.values.iter().flatten().map(|d| d.value))
    };
    let (lo, hi) = extent(values().chain([Dec::ZERO])).unwrap_or((Dec::ZERO, Dec::ZERO));
    let scale = Scale::nice(lo, hi, 5)
        .headroom(hi, dec(4, 1))
        .footroom(lo, dec(4, 1));
    let suffix = &chart.axis.suffix;

    let label_width = chart
        .groups
        .iter()
        .flat_map(|g| {
            g.values.iter().map(|v| {
                v.as_ref()
                    .map_or(MISSING.to_owned(), |d| text::clean(&d.text))
            })
        })
        .map(|t| text::width(&t, SMALL).min(MAX_VALUE_WIDTH))
        .fold(0.0, f64::max);
    let left = (axes::tick_width(&scale, suffix) + 12.0).max(36.0);
    let right = 16.0;
    let n = chart.groups.len();
    let s = slots(label_width, n, MIN_WIDTH - left - right);
    let plot_width = s.group * n as f64;
    let width = (left + plot_width + right).max(MIN_WIDTH).ceil();

    let wrapped: Vec<_> = chart
        .groups
        .iter()
        .map(|g| text::wrap(&g.label, s.group - 8.0, FONT, 2))
        .collect();
    let label_lines = wrapped.iter().map(|w| w.lines.len()).max().unwrap_or(1) as f64;
    let top = if chart.axis.caption.is_empty() {
        44.0
    } else {
        62.0
    };
    let m = Margins {
        top,
        right: width - left - plot_width,
        bottom: 14.0 + 15.0 * label_lines,
        left,
    };
    let (y0, y1) = (px_value(scale.lo), px_value(scale.hi));
    let centre = |i: usize, k: usize| {
        s.group * (i as f64 + 0.5)
            + if k == 0 {
                -s.apart / 2.0
            } else {
                s.apart / 2.0
            }
    };

    let mut doc = Doc::new(width as u32, HEIGHT, &chart.title, &describe(chart));
    let spec = doc.plot(|root| {
        let mut plane = axes::plane(root, m, 0.0..plot_width, y0..y1)?;
        axes::value_grid(&mut plane, &scale, (0.0, plot_width), true)?;
        for (i, g) in chart.groups.iter().enumerate() {
            for (k, v) in g.values.iter().enumerate() {
                let Some(d) = v else { continue };
                let (x, v) = (centre(i, k), px_value(d.value));
                let corners = [(x - s.bar / 2.0, 0.0), (x + s.bar / 2.0, v)];
                if k == 0 {
                    plane.draw_series([
                        Rectangle::new(corners, PALE.rgb().filled()),
                        Rectangle::new(corners, BLUE.rgb().stroke_width(2)),
                    ])?;
                } else {
                    plane.draw_series([Rectangle::new(corners, BLUE.rgb().filled())])?;
                }
            }
        }
        axes::line(&mut plane, (0.0, 0.0), (plot_width, 0.0), AXIS, 1)?;
        Ok(plane.as_coord_spec().clone())
    })?;

    axes::y_tick_labels(&mut doc, &spec, &scale, 0.0, suffix);
    let bottom = f64::from(HEIGHT) - m.bottom;
    for (i, g) in chart.groups.iter().enumerate() {
        for (k, v) in g.values.iter().enumerate() {
            let (x, y) = axes::at(
                &spec,
                centre(i, k),
                v.as_ref().map_or(0.0, |d| px_value(d.value)),
            );
            let font = Font::new(SMALL).anchor(Anchor::Middle).halo();
            match v {
                Some(d) => {
                    let label = text::truncate(&d.text, MAX_VALUE_WIDTH, SMALL);
                    let base = if d.value.is_negative() {
                        y + 13.0
                    } else {
                        y - 5.0
                    };
                    doc.label(x, base, &label, &d.text, font, 0.0);
                }
                None => doc.text(x, y - 5.0, MISSING, font.colour(MUTED)),
            }
        }
        let (x, _) = axes::at(&spec, s.group * (i as f64 + 0.5), 0.0);
        doc.label(
            x,
            bottom + 18.0,
            &wrapped[i],
            &g.label,
            Font::new(FONT).anchor(Anchor::Middle),
            15.0,
        );
    }
    let entries = [
        (
            Swatch::Box {
                fill: PALE,
                stroke: Some(BLUE),
            },
            chart.names[0].as_str(),
        ),
        (
            Swatch::Box {
                fill: BLUE,
                stroke: None,
            },
            chart.names[1].as_str(),
        ),
    ];
    let legend_y = axes::legend(&mut doc, left, 18.0, width - right, &entries);
    axes::caption(&mut doc, &chart.axis.caption, legend_y + 22.0, width - 16.0);
    Ok(doc.finish())
}
