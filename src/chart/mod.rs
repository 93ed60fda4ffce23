//! Stage 4a: chart data → SVG strings. No file IO.
//!
//! In: plain data the render stage prepares: exact values ([`Dec`]) paired with the text the
//! page prints for them ("99.89%", "11,092.59"), and labels that are arbitrary user text.
//! Out: one self-contained SVG `String` per chart, with `role="img"`, a `<title>` and a
//! Chinese `<desc>` that says what the data is, sized by `viewBox` to fill its container.
//!
//! Never: prints a number computed in f64 (values become f64 only for pixel geometry; printed
//! values are the caller's text or exact [`Dec`] formatting, 四舍五入); reads or writes files;
//! panics or prints `NaN`/`inf` whatever the input (empty, zero, negative, missing, one year);
//! trusts a label (every label is cleaned of control characters and XML-escaped).
//!
//! Kinds: [`trend()`] (values over years, plotters), [`grouped_bars()`] (two bars per category,
//! plotters), [`ranking()`] (horizontal bars, plotters), [`completion()`] (met vs not met,
//! plotters), [`composition()`] (a 100% stacked bar with a legend, written directly) and
//! [`sparkline()`] (a tiny trend, written directly). Colours are Okabe–Ito; two series always
//! differ in more than colour (solid vs dashed line, filled vs hollow bar) and carry direct
//! labels, so charts read the same in greyscale print.

mod axes;
mod bars;
mod completion;
mod composition;
mod multiples;
mod ranking;
mod scale;
mod spark;
mod style;
mod svg;
mod text;
mod trend;

#[cfg(test)]
mod tests;

use crate::model::{Dec, Year};

#[allow(
    unused_imports,
    reason = "the API the site stage calls; only tests use it until then"
)]
pub(crate) use self::{
    bars::{BarGroup, GroupedBars, grouped_bars},
    completion::{Completion, GoalCompletion, completion},
    composition::{Composition, Part, composition},
    multiples::{Multiples, multiples},
    ranking::{RankItem, Ranking, ranking},
    spark::{Sparkline, sparkline},
    trend::{Trend, trend},
};

/// One value to plot: its exact value (for geometry) and the text to print for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Datum {
    /// The exact value; becomes f64 only for pixel positions.
    pub(crate) value: Dec,
    /// What the chart prints for it, formatted by the caller ("99.89%", "11,092.59").
    pub(crate) text: String,
}

impl Datum {
    /// A value and its printed form.
    pub(crate) fn new(value: Dec, text: impl Into<String>) -> Datum {
        Datum {
            value,
            text: text.into(),
        }
    }
}

/// The value axis: its caption and the suffix of its tick labels.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Axis {
    /// Shown above the axis, e.g. "执行率（%）" or "金额（万元）"; may be empty.
    pub(crate) caption: String,
    /// Appended to each tick, e.g. "%"; usually empty for amounts.
    pub(crate) suffix: String,
}

/// A reference line across the value axis, e.g. 100% for 执行率.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reference {
    /// Where the line is.
    pub(crate) value: Dec,
    /// Its label, printed at the line's end ("100%").
    pub(crate) label: String,
}

/// One year of a series; `value: None` is a year without data (drawn as a gap).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Point {
    /// The year on the x axis.
    pub(crate) year: Year,
    /// The value, if the year has one.
    pub(crate) value: Option<Datum>,
}

/// A named line of values over years.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    /// Legend text, e.g. "报告得分".
    pub(crate) name: String,
    /// Points in any order; a year given twice keeps the first.
    pub(crate) points: Vec<Point>,
}

/// The note shown instead of a chart when there is nothing to draw.
const NO_DATA: &str = "暂无数据";
/// Printed in place of one missing value (a year or a unit without the figure).
const MISSING: &str = "无数据";
/// The note shown instead of a trend when only one year has data.
const ONE_YEAR: &str = "仅有一年数据，无法显示趋势";
/// The note shown if plotters fails (it writes to a String, so it should not).
const FAILED: &str = "图表生成失败";
