//! Trend over years: one to three series (执行率; 报告得分 vs 规则得分) with an optional
//! reference line, drawn with plotters.
//!
//! In: a [`Trend`]. Out: an SVG string. Years go on x at their true spacing (a missing year
//! leaves a gap in the line), values on y. Series differ by colour, line dash and marker, and
//! every point is labelled with the caller's text when there is room.

use std::collections::BTreeMap;

use plotters::prelude::{Circle, Color, EmptyElement, LineSeries, Rectangle};

mod labels;

use super::axes::{self, Margins, Swatch};
use super::scale::{Scale, dec, px_value};
use super::style::{AXIS, BLUE, Colour, Font, MUTED, SMALL, VERMILLION, WHITE};
use super::svg::{self, Doc};
use super::{Axis, Datum, FAILED, MISSING, NO_DATA, ONE_YEAR, Reference, Series, text};
use crate::model::Dec;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 320;

/// Values over years.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Trend {
    /// The chart's title (its `<title>`), e.g. "预算执行率（2019—2023年）".
    pub(crate) title: String,
    /// The value axis.
    pub(crate) axis: Axis,
    /// One to three series; the first is drawn solid, the second dashed, the third dotted.
    pub(crate) series: Vec<Series>,
    /// An optional horizontal reference line (100% for 执行率).
    pub(crate) reference: Option<Reference>,
    /// Start the value axis at zero (when all values are positive).
    pub(crate) from_zero: bool,
}

/// How the n-th series looks: line colour, text colour (darker, for contrast), dash, hollow marker.
struct Look {
    line: Colour,
    ink: Colour,
    dash: Option<&'static str>,
    hollow: bool,
}

const LOOKS: [Look; 3] = [
    Look {
        line: BLUE,
        ink: BLUE,
        dash: None,
        hollow: false,
    },
    Look {
        line: VERMILLION,
        ink: Colour(179, 78, 0),
        dash: Some("6 4"),
        hollow: true,
    },
    Look {
        line: Colour(0, 158, 115),
        ink: Colour(0, 118, 86),
        dash: Some("2 3"),
        hollow: false,
    },
];

/// One series with its points sorted by year, duplicates dropped.
struct Line<'a> {
    name: &'a str,
    points: BTreeMap<u16, Option<&'a Datum>>,
}

fn lines(series: &[Series]) -> Vec<Line<'_>> {
    series
        .iter()
        .take(LOOKS.len())
        .map(|s| {
            let mut points = BTreeMap::new();
            for p in &s.points {
                points.entry(p.year.get()).or_insert(p.value.as_ref());
            }
            Line {
                name: &s.name,
                points,
            }
        })
        .collect()
}

/// The trend chart, or a placeholder when fewer than two years have data.
pub(crate) fn trend(chart: &Trend) -> String {
    let lines = lines(&chart.series);
    let years_with_data: Vec<u16> = {
        let mut ys: Vec<u16> = lines
            .iter()
            .flat_map(|l| {
                l.points
                    .iter()
                    .filter(|(_, v)| v.is_some())
                    .map(|(y, _)| *y)
            })
            .collect();
        ys.sort_unstable();
        ys.dedup();
        ys
    };
    match years_with_data.as_slice() {
        [] => svg::placeholder(WIDTH, HEIGHT, &chart.title, NO_DATA, &[]),
        [year] => {
            let details: Vec<String> = lines
                .iter()
                .filter_map(|l| {
                    l.points
                        .get(year)
                        .copied()
                        .flatten()
                        .map(|d| format!("{year}年 {}：{}", l.name, d.text))
                })
                .collect();
            svg::placeholder(WIDTH, HEIGHT, &chart.title, ONE_YEAR, &details)
        }
        _ => draw(chart, &lines)
            .unwrap_or_else(|_| svg::placeholder(WIDTH, HEIGHT, &chart.title, FAILED, &[])),
    }
}

/// The Chinese description: every series' value in every year.
fn describe(chart: &Trend, lines: &[Line<'_>]) -> String {
    let mut out = format!("{}。", chart.title);
    let parts: Vec<String> = lines
        .iter()
        .map(|l| {
            let values: Vec<String> = l
                .points
                .iter()
                .map(|(y, v)| format!("{y}年 {}", v.map_or(MISSING, |d| d.text.as_str())))
                .collect();
            format!("{}：{}", l.name, values.join("，"))
        })
        .collect();
    out.push_str(&parts.join("；"));
    out.push('。');
    if let Some(r) = &chart.reference {
        out.push_str(&format!("参考线：{}。", r.label));
    }
    out
}

fn draw(chart: &Trend, lines: &[Line<'_>]) -> Result<String, svg::PlotError> {
    let all_years = || lines.iter().flat_map(|l| l.points.keys().copied());
    let first = all_years().min().unwrap_or(0);
    let last = all_years().max().unwrap_or(first);
    let values = lines
        .iter()
        .flat_map(|l| l.points.values().flatten().map(|d| d.value));
    let data_max = values
        .clone()
        .fold(None, |m: Option<Dec>, v| Some(m.map_or(v, |m| m.max(v))));
    let mut extent: Vec<Dec> = values.collect();
    extent.extend(chart.reference.as_ref().map(|r| r.value));
    if chart.from_zero {
        extent.push(Dec::ZERO);
    }
    let (lo, hi) = super::scale::extent(extent).unwrap_or((Dec::ZERO, Dec::ZERO));
    let scale = Scale::nice(lo, hi, 5).headroom(data_max.unwrap_or(hi), dec(3, 1));

    let suffix = &chart.axis.suffix;
    let ref_label = chart
        .reference
        .as_ref()
        .map(|r| text::truncate(&r.label, 80.0, SMALL));
    let ref_width = ref_label
        .as_ref()
        .and_then(|l| l.lines.first())
        .map_or(0.0, |l| text::width(l, SMALL));
    let top = if chart.axis.caption.is_empty() {
        40.0
    } else {
        58.0
    };
    let m = Margins {
        top,
        right: (ref_width + 12.0).max(24.0),
        bottom: 30.0,
        left: (axes::tick_width(&scale, suffix) + 12.0).max(36.0),
    };
    let (x0, x1) = (f64::from(first) - 0.5, f64::from(last) + 0.5);
    let (y0, y1) = (px_value(scale.lo), px_value(scale.hi));

    let mut doc = Doc::new(WIDTH, HEIGHT, &chart.title, &describe(chart, lines));
    let spec = doc.plot(|root| {
        let mut plane = axes::plane(root, m, x0..x1, y0..y1)?;
        axes::value_grid(&mut plane, &scale, (x0, x1), true)?;
        axes::line(&mut plane, (x0, y0), (x1, y0), AXIS, 1)?;
        Ok(plane.as_coord_spec().clone())
    })?;
    if let Some(r) = &chart.reference {
        let v = px_value(r.value);
        doc.plot_dashed("6 4", |root| {
            axes::line(
                &mut axes::plane(root, m, x0..x1, y0..y1)?,
                (x0, v),
                (x1, v),
                AXIS,
                1,
            )
        })?;
    }
    for (line, look) in lines.iter().zip(&LOOKS) {
        let draw_line = |root: &svg::Area<'_>| {
            let mut plane = axes::plane(root, m, x0..x1, y0..y1)?;
            for run in runs(line) {
                let pts = run.iter().map(|(y, d)| (f64::from(*y), px_value(d.value)));
                plane.draw_series(LineSeries::new(pts, look.line.rgb().stroke_width(2)))?;
            }
            Ok(())
        };
        match look.dash {
            Some(dash) => doc.plot_dashed(dash, draw_line)?,
            None => doc.plot(draw_line)?,
        }
    }
    doc.plot(|root| {
        let mut plane = axes::plane(root, m, x0..x1, y0..y1)?;
        for (line, look) in lines.iter().zip(&LOOKS) {
            let pts: Vec<(f64, f64)> = line
                .points
                .iter()
                .filter_map(|(y, d)| d.map(|d| (f64::from(*y), px_value(d.value))))
                .collect();
            if look.hollow {
                plane.draw_series(pts.iter().map(|p| {
                    EmptyElement::at(*p)
                        + Rectangle::new([(-4, -4), (4, 4)], WHITE.rgb().filled())
                        + Rectangle::new([(-4, -4), (4, 4)], look.line.rgb().stroke_width(2))
                }))?;
            } else {
                plane.draw_series(
                    pts.iter()
                        .map(|p| Circle::new(*p, 4, look.line.rgb().filled())),
                )?;
            }
        }
        Ok(())
    })?;

    let bottom = f64::from(HEIGHT) - m.bottom;
    let right = f64::from(WIDTH) - m.right;
    axes::y_tick_labels(&mut doc, &spec, &scale, x0, suffix);
    labels::year_labels(&mut doc, &spec, first, last, bottom);
    if let (Some(r), Some(label)) = (&chart.reference, &ref_label) {
        let (_, y) = axes::at(&spec, x1, px_value(r.value));
        doc.label(
            right + 4.0,
            y + 4.0,
            label,
            &r.label,
            Font::new(SMALL).colour(MUTED),
            0.0,
        );
    }
    let plot = labels::Bounds {
        left: m.left,
        right,
        top: m.top,
        bottom,
    };
    labels::value_labels(&mut doc, &spec, lines, (first, last), plot);
    let entries: Vec<(Swatch, &str)> = lines
        .iter()
        .zip(&LOOKS)
        .map(|(l, look)| {
            (
                Swatch::Line {
                    colour: look.line,
                    dash: look.dash,
                    hollow: look.hollow,
                },
                l.name,
            )
        })
        .collect();
    let legend_y = axes::legend(&mut doc, m.left, 18.0, right, &entries);
    axes::caption(&mut doc, &chart.axis.caption, legend_y + 22.0, right - 8.0);
    Ok(doc.finish())
}

/// Runs of consecutive years that all have values: a missing year breaks the line.
fn runs<'a>(line: &Line<'a>) -> Vec<Vec<(u16, &'a Datum)>> {
    let mut runs: Vec<Vec<(u16, &Datum)>> = Vec::new();
    let mut prev: Option<u16> = None;
    for (year, value) in &line.points {
        match value {
            Some(d) => {
                let continues = prev.is_some_and(|p| p + 1 == *year);
                match runs.last_mut() {
                    Some(run) if continues => run.push((*year, d)),
                    _ => runs.push(vec![(*year, d)]),
                }
                prev = Some(*year);
            }
            None => prev = None,
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{Line, runs};
    use crate::chart::Datum;
    use crate::model::Dec;

    #[test]
    fn a_missing_or_absent_year_breaks_the_line() {
        let v = Datum::new(Dec::from_int(1), "1");
        let points: BTreeMap<u16, Option<&Datum>> = [
            (2018, Some(&v)),
            (2019, Some(&v)),
            (2020, None),
            (2021, Some(&v)),
            (2023, Some(&v)),
        ]
        .into();
        let line = Line {
            name: "执行率",
            points,
        };
        let years: Vec<Vec<u16>> = runs(&line)
            .iter()
            .map(|r| r.iter().map(|(y, _)| *y).collect())
            .collect();
        assert_eq!(years, [vec![2018, 2019], vec![2021], vec![2023]]);
    }
}
