//! Ranking: horizontal bars, one row per unit, highest value first (units by score or 执行率
//! in one year). Drawn with plotters.
//!
//! In: a [`Ranking`]. Out: an SVG string whose height grows with the number of rows. Ties share
//! a rank (1, 1, 3); rows without a value come last, marked "无数据". A highlighted row (the
//! unit whose page this is) is drawn in a second colour and with a bold name.

use plotters::prelude::{Color, Rectangle};

use super::axes::{self, Margins};
use super::scale::{Scale, extent, px_value};
use super::style::{AXIS, Anchor, BLUE, Colour, FONT, Font, INK, MUTED, SMALL, VERMILLION};
use super::svg::{self, Doc};
use super::{Axis, Datum, FAILED, MISSING, NO_DATA, Reference, text};
use crate::model::Dec;

const WIDTH: u32 = 640;
const ROW: f64 = 24.0;
const BAR: f64 = 14.0;
/// Widest name before it is cut with "…" (about 13 Chinese characters).
const NAME_WIDTH: f64 = 160.0;
const MAX_VALUE_WIDTH: f64 = 90.0;
/// Text colour of the highlighted row's value: darker vermillion, for contrast on white.
const HIGHLIGHT_INK: Colour = Colour(179, 78, 0);

/// Units ranked by one value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ranking {
    /// The chart's title (its `<title>`), e.g. "2021年各单位自评得分排名".
    pub(crate) title: String,
    /// The value axis (drawn along the bottom).
    pub(crate) axis: Axis,
    /// The rows, in any order: they are sorted here, highest first, ties in input order.
    pub(crate) items: Vec<RankItem>,
    /// An optional vertical reference line (100% for 执行率).
    pub(crate) reference: Option<Reference>,
}

/// One row of a ranking.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RankItem {
    /// The unit's short name.
    pub(crate) label: String,
    /// Its value, `None` when it has none this year.
    pub(crate) value: Option<Datum>,
    /// Draw this row in the highlight colour, with a bold name.
    pub(crate) highlight: bool,
}

/// The ranking chart, or a placeholder when there are no rows.
pub(crate) fn ranking(chart: &Ranking) -> String {
    if chart.items.is_empty() {
        return svg::placeholder(WIDTH, 160, &chart.title, NO_DATA, &[]);
    }
    draw(chart).unwrap_or_else(|_| svg::placeholder(WIDTH, 160, &chart.title, FAILED, &[]))
}

/// Rows highest first with their rank (competition ranking: ties share a rank).
fn ranked(items: &[RankItem]) -> Vec<(Option<usize>, &RankItem)> {
    let mut rows: Vec<&RankItem> = items.iter().collect();
    rows.sort_by(|a, b| match (&a.value, &b.value) {
        (Some(x), Some(y)) => y.value.cmp(&x.value),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut out = Vec::with_capacity(rows.len());
    let mut prev: Option<(Dec, usize)> = None;
    for (i, row) in rows.into_iter().enumerate() {
        let rank = row.value.as_ref().map(|d| match prev {
            Some((v, r)) if v == d.value => r,
            _ => i + 1,
        });
        if let (Some(d), Some(r)) = (&row.value, rank) {
            prev = Some((d.value, r));
        }
        out.push((rank, row));
    }
    out
}

fn describe(chart: &Ranking, rows: &[(Option<usize>, &RankItem)]) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|(rank, row)| {
            let value = row.value.as_ref().map_or(MISSING, |d| d.text.as_str());
            match rank {
                Some(r) => format!("第{r}名 {} {value}", row.label),
                None => format!("{} {value}", row.label),
            }
        })
        .collect();
    let mut out = format!(
        "{}，共{}项，从高到低：{}。",
        chart.title,
        rows.len(),
        parts.join("；")
    );
    if let Some(r) = &chart.reference {
        out.push_str(&format!("参考线：{}。", r.label));
    }
    out
}

fn draw(chart: &Ranking) -> Result<String, svg::PlotError> {
    let rows = ranked(&chart.items);
    let values = rows
        .iter()
        .filter_map(|(_, r)| r.value.as_ref().map(|d| d.value));
    let reference = chart.reference.as_ref().map(|r| r.value);
    let (lo, hi) =
        extent(values.chain(reference).chain([Dec::ZERO])).unwrap_or((Dec::ZERO, Dec::ZERO));
    let scale = Scale::nice(lo, hi, 5);
    let suffix = &chart.axis.suffix;

    let rank_width = text::width(&rows.len().to_string(), FONT) + 4.0;
    let (names, name_width) =
        text::truncate_all(rows.iter().map(|(_, r)| r.label.as_str()), NAME_WIDTH, FONT);
    let value_width = rows
        .iter()
        .map(|(_, r)| {
            r.value.as_ref().map_or(text::width(MISSING, SMALL), |d| {
                text::width(&text::clean(&d.text), SMALL)
            })
        })
        .fold(0.0, f64::max)
        .min(MAX_VALUE_WIDTH);
    let has_top = !chart.axis.caption.is_empty() || chart.reference.is_some();
    let top = if has_top { 40.0 } else { 12.0 };
    let height = (top + ROW * rows.len() as f64 + 30.0).ceil();
    let left = 8.0 + rank_width + 8.0 + name_width + 10.0;
    let right = value_width + 12.0;
    let m = Margins {
        top,
        right,
        bottom: 30.0,
        left,
    };
    let (x0, x1) = (px_value(scale.lo), px_value(scale.hi));
    let n = rows.len() as f64;

    let mut doc = Doc::new(WIDTH, height as u32, &chart.title, &describe(chart, &rows));
    // y runs from 0 at the bottom to n at the top; row i is centred on n - i - 0.5.
    let row_y = |i: usize| n - i as f64 - 0.5;
    let half = BAR / ROW / 2.0;
    let spec = doc.plot(|root| {
        let mut plane = axes::plane(root, m, x0..x1, 0.0..n)?;
        axes::value_grid(&mut plane, &scale, (0.0, n), false)?;
        for (i, (_, row)) in rows.iter().enumerate() {
            let Some(d) = &row.value else { continue };
            let colour = if row.highlight { VERMILLION } else { BLUE };
            let y = row_y(i);
            plane.draw_series([Rectangle::new(
                [(0.0, y - half), (px_value(d.value), y + half)],
                colour.rgb().filled(),
            )])?;
        }
        Ok(plane.as_coord_spec().clone())
    })?;
    if let Some(r) = reference.map(px_value) {
        doc.plot_dashed("6 4", |root| {
            axes::line(
                &mut axes::plane(root, m, x0..x1, 0.0..n)?,
                (r, 0.0),
                (r, n),
                AXIS,
                1,
            )
        })?;
    }

    let bottom = height - m.bottom;
    axes::x_tick_labels(&mut doc, &spec, &scale, bottom + 16.0, suffix);
    for (i, (rank, row)) in rows.iter().enumerate() {
        let (zero, y) = axes::at(&spec, 0.0, row_y(i));
        let base = y + 4.0;
        let rank_text = rank.map_or("—".to_owned(), |r| r.to_string());
        doc.text(
            8.0 + rank_width,
            base,
            &rank_text,
            Font::new(FONT).anchor(Anchor::End).colour(MUTED),
        );
        let name_font = Font::new(FONT).anchor(Anchor::End).bold(row.highlight);
        doc.label(left - 10.0, base, &names[i], &row.label, name_font, 0.0);
        let ink = if row.highlight { HIGHLIGHT_INK } else { INK };
        match &row.value {
            Some(d) => {
                let (end, _) = axes::at(&spec, px_value(d.value), row_y(i));
                // A negative bar's label goes right of the zero line, where its row is empty.
                let x = if d.value.is_negative() {
                    zero + 4.0
                } else {
                    end + 4.0
                };
                let label = text::truncate(&d.text, MAX_VALUE_WIDTH, SMALL);
                doc.label(
                    x,
                    base,
                    &label,
                    &d.text,
                    Font::new(SMALL).colour(ink).bold(row.highlight).halo(),
                    0.0,
                );
            }
            None => doc.text(zero + 4.0, base, MISSING, Font::new(SMALL).colour(MUTED)),
        }
    }
    axes::caption(&mut doc, &chart.axis.caption, 18.0, f64::from(WIDTH) / 2.0);
    if let Some(r) = &chart.reference {
        let (x, _) = axes::at(&spec, px_value(r.value), n);
        let label = text::truncate(&r.label, 80.0, SMALL);
        doc.label(
            x,
            top - 6.0,
            &label,
            &r.label,
            Font::new(SMALL).anchor(Anchor::Middle).colour(MUTED),
            0.0,
        );
    }
    Ok(doc.finish())
}

#[cfg(test)]
mod tests {
    use super::{RankItem, ranked};
    use crate::chart::Datum;
    use crate::model::Dec;

    fn item(label: &str, value: Option<i64>) -> RankItem {
        let value = value.map(|v| Datum::new(Dec::from_int(v), v.to_string()));
        RankItem {
            label: label.to_owned(),
            value,
            highlight: false,
        }
    }

    #[test]
    fn ties_share_a_rank_missing_values_come_last_and_input_order_breaks_ties() {
        let items = [
            item("甲", Some(90)),
            item("乙", None),
            item("丙", Some(95)),
            item("丁", Some(90)),
            item("戊", Some(80)),
        ];
        let rows: Vec<(Option<usize>, &str)> = ranked(&items)
            .into_iter()
            .map(|(r, i)| (r, i.label.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (Some(1), "丙"),
                (Some(2), "甲"),
                (Some(2), "丁"),
                (Some(4), "戊"),
                (None, "乙")
            ]
        );
    }
}
