//! Completion: indicators met and not met per goal, as horizontal stacked bars. Drawn with
//! plotters.
//!
//! In: a [`Completion`] (whole counts). Out: an SVG string whose height grows with the number
//! of goals. Met is solid, not met hollow with an outline, and each row ends with the counts in
//! words ("达成 5 · 未达成 1"), so nothing depends on colour.

use plotters::prelude::{Color, Rectangle};

use super::axes::{self, Margins, Swatch};
use super::scale::{Scale, px_value};
use super::style::{Anchor, BLUE, FONT, Font, INK, MUTED, PALE, SMALL, VERMILLION};
use super::svg::{self, Doc};
use super::{FAILED, NO_DATA, text};

const WIDTH: u32 = 640;
const ROW: f64 = 28.0;
const BAR: f64 = 16.0;
const NAME_WIDTH: f64 = 180.0;

/// Indicators met vs not met, per goal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Completion {
    /// The chart's title (its `<title>`), e.g. "2021年各绩效目标指标完成情况".
    pub(crate) title: String,
    /// The goals, in display order.
    pub(crate) goals: Vec<GoalCompletion>,
}

/// One goal's counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GoalCompletion {
    /// The goal's name.
    pub(crate) label: String,
    /// Indicators met (达成).
    pub(crate) met: u32,
    /// Indicators not met (未达成).
    pub(crate) not_met: u32,
}

impl GoalCompletion {
    fn total(&self) -> u64 {
        u64::from(self.met) + u64::from(self.not_met)
    }

    fn summary(&self) -> String {
        if self.total() == 0 {
            "无指标".to_owned()
        } else {
            format!("达成 {} · 未达成 {}", self.met, self.not_met)
        }
    }
}

/// The completion chart, or a placeholder when no goal has an indicator.
pub(crate) fn completion(chart: &Completion) -> String {
    if chart.goals.iter().all(|g| g.total() == 0) {
        return svg::placeholder(WIDTH, 160, &chart.title, NO_DATA, &[]);
    }
    draw(chart).unwrap_or_else(|_| svg::placeholder(WIDTH, 160, &chart.title, FAILED, &[]))
}

fn describe(chart: &Completion) -> String {
    let goals: Vec<String> = chart
        .goals
        .iter()
        .map(|g| {
            if g.total() == 0 {
                format!("{}：无指标", g.label)
            } else {
                format!("{}：达成 {} 项，未达成 {} 项", g.label, g.met, g.not_met)
            }
        })
        .collect();
    format!("{}。{}。", chart.title, goals.join("；"))
}

fn draw(chart: &Completion) -> Result<String, svg::PlotError> {
    let max = chart
        .goals
        .iter()
        .map(GoalCompletion::total)
        .max()
        .unwrap_or(0);
    let scale = Scale::counts(u32::try_from(max).unwrap_or(u32::MAX));
    let (names, name_width) = text::truncate_all(
        chart.goals.iter().map(|g| g.label.as_str()),
        NAME_WIDTH,
        FONT,
    );
    let summary_width = chart
        .goals
        .iter()
        .map(|g| text::width(&g.summary(), SMALL))
        .fold(0.0, f64::max);
    let top = 40.0;
    let n = chart.goals.len() as f64;
    let height = (top + ROW * n + 30.0).ceil();
    let m = Margins {
        top,
        right: summary_width + 14.0,
        bottom: 30.0,
        left: 8.0 + name_width + 10.0,
    };
    let (x0, x1) = (px_value(scale.lo), px_value(scale.hi));
    let row_y = |i: usize| n - i as f64 - 0.5;
    let half = BAR / ROW / 2.0;

    let mut doc = Doc::new(WIDTH, height as u32, &chart.title, &describe(chart));
    let spec = doc.plot(|root| {
        let mut plane = axes::plane(root, m, x0..x1, 0.0..n)?;
        axes::value_grid(&mut plane, &scale, (0.0, n), false)?;
        for (i, g) in chart.goals.iter().enumerate() {
            let (y, met) = (row_y(i), f64::from(g.met));
            let total = g.total() as f64;
            if g.met > 0 {
                plane.draw_series([Rectangle::new(
                    [(0.0, y - half), (met, y + half)],
                    BLUE.rgb().filled(),
                )])?;
            }
            if g.not_met > 0 {
                let corners = [(met, y - half), (total, y + half)];
                plane.draw_series([
                    Rectangle::new(corners, PALE.rgb().filled()),
                    Rectangle::new(corners, VERMILLION.rgb().stroke_width(2)),
                ])?;
            }
        }
        Ok(plane.as_coord_spec().clone())
    })?;

    let bottom = height - m.bottom;
    axes::x_tick_labels(&mut doc, &spec, &scale, bottom + 16.0, "");
    for (i, g) in chart.goals.iter().enumerate() {
        let (end, y) = axes::at(&spec, g.total() as f64, row_y(i));
        doc.label(
            m.left - 10.0,
            y + 4.0,
            &names[i],
            &g.label,
            Font::new(FONT).anchor(Anchor::End),
            0.0,
        );
        let colour = if g.total() == 0 { MUTED } else { INK };
        doc.text(
            end + 6.0,
            y + 4.0,
            &g.summary(),
            Font::new(SMALL).colour(colour),
        );
    }
    let entries = [
        (
            Swatch::Box {
                fill: BLUE,
                stroke: None,
            },
            "达成",
        ),
        (
            Swatch::Box {
                fill: PALE,
                stroke: Some(VERMILLION),
            },
            "未达成",
        ),
    ];
    axes::legend(&mut doc, 8.0, 18.0, f64::from(WIDTH) - 8.0, &entries);
    let caption = Font::new(SMALL).anchor(Anchor::End).colour(MUTED);
    doc.text(
        f64::from(WIDTH) - 8.0,
        bottom + 16.0,
        "指标数（项）",
        caption,
    );
    Ok(doc.finish())
}
