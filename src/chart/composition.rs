//! Composition: one horizontal 100% stacked bar with a legend table, for 收入构成, 支出构成
//! (基本/项目) and 支出 by 类.
//!
//! In: a [`Composition`]. Out: an SVG string. Written directly, not with plotters: the chart is
//! one bar and a legend, all of its layout is text measurement, and plotters' whole-pixel
//! coordinates would drop thin segments. Shares are the caller's text, or computed exactly
//! here by the largest-remainder method so they total 100.00% (as the documents print them).
//! Segments carry their share, or their legend number, when it fits; the legend lists every
//! part with number, amount and share, so labels never overlap and colour is never needed.

use rust_decimal::prelude::ToPrimitive;

use super::scale::{format_grouped, px_value};
use super::style::{Anchor, BLUE, Colour, FONT, Font, MUTED, PALETTE, SMALL, WHITE};
use super::svg::{self, Doc};
use super::{Datum, NO_DATA, text};
use crate::model::Dec;

const WIDTH: f64 = 640.0;
const PAD: f64 = 16.0;
const BAR_TOP: f64 = 12.0;
const BAR_HEIGHT: f64 = 36.0;
const FIRST_ROW: f64 = 76.0;
const ROW: f64 = 22.0;
/// Widest amount or share before it is cut with "…".
const MAX_TEXT_WIDTH: f64 = 120.0;
/// Printed as the share of a part that cannot have one (zero or negative).
const NO_SHARE: &str = "—";

/// The parts of a whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Composition {
    /// The chart's title (its `<title>`), e.g. "2023年支出构成".
    pub(crate) title: String,
    /// The parts, in display order (left to right, top to bottom).
    pub(crate) parts: Vec<Part>,
}

/// One part of a whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part {
    /// Its name, e.g. "基本支出" or "一般公共服务支出".
    pub(crate) label: String,
    /// Its amount.
    pub(crate) value: Datum,
    /// Its share as the page prints it ("46.86%"); `None` lets the chart compute it.
    pub(crate) share: Option<String>,
}

/// The composition chart, or a placeholder when nothing is above zero.
pub(crate) fn composition(chart: &Composition) -> String {
    let values: Vec<Dec> = chart.parts.iter().map(|p| p.value.value).collect();
    let Some(computed) = shares(&values) else {
        return svg::placeholder(WIDTH as u32, 160, &chart.title, NO_DATA, &[]);
    };
    let shown: Vec<String> = chart
        .parts
        .iter()
        .zip(&computed)
        .map(|(p, c)| match (&p.share, c) {
            (Some(s), _) => text::clean(s),
            (None, Some(c)) => format!("{}%", format_grouped(*c, 2)),
            (None, None) => NO_SHARE.to_owned(),
        })
        .collect();
    draw(chart, &shown)
}

/// Shares in percent of the positive parts, to 2 dp, largest remainder so they total exactly
/// 100.00 (ties go to the earlier part). `None` for zero or negative parts; `None` overall when
/// no part is positive or the arithmetic overflows.
fn shares(values: &[Dec]) -> Option<Vec<Option<Dec>>> {
    let total = Dec::checked_sum(values.iter().copied().filter(|v| v > &Dec::ZERO))?;
    if total.is_zero() {
        return None;
    }
    let mut floors: Vec<Option<(Dec, Dec)>> = Vec::with_capacity(values.len());
    for v in values {
        if *v > Dec::ZERO {
            let exact = v.checked_mul(Dec::HUNDRED)?.checked_div(total)?;
            let floor = exact.trunc(2);
            floors.push(Some((floor, exact.checked_sub(floor)?)));
        } else {
            floors.push(None);
        }
    }
    let floor_sum = Dec::checked_sum(floors.iter().flatten().map(|(f, _)| *f))?;
    let missing = Dec::HUNDRED
        .checked_sub(floor_sum)?
        .checked_mul(Dec::HUNDRED)?;
    let missing = missing.decimal().round().to_usize().unwrap_or(0);
    let mut order: Vec<usize> = (0..floors.len()).filter(|i| floors[*i].is_some()).collect();
    order.sort_by(|a, b| {
        let rem = |i: usize| floors[i].map_or(Dec::ZERO, |(_, r)| r);
        rem(*b).cmp(&rem(*a)).then(a.cmp(b))
    });
    let cent = Dec::from_decimal(rust_decimal::Decimal::new(1, 2));
    let mut out: Vec<Option<Dec>> = floors.iter().map(|f| f.map(|(floor, _)| floor)).collect();
    for i in order.into_iter().take(missing) {
        out[i] = out[i].and_then(|s| s.checked_add(cent));
    }
    Some(out)
}

fn describe(chart: &Composition, shares: &[String]) -> String {
    let parts: Vec<String> = chart
        .parts
        .iter()
        .zip(shares)
        .map(|(p, s)| format!("{} {}（{}）", p.label, p.value.text, s))
        .collect();
    format!(
        "{}，共{}项：{}。",
        chart.title,
        parts.len(),
        parts.join("；")
    )
}

/// Text colour on a segment: white on the dark blue, black on the lighter colours.
fn ink_on(fill: Colour) -> Colour {
    if fill == BLUE { WHITE } else { Colour(0, 0, 0) }
}

fn draw(chart: &Composition, shares: &[String]) -> String {
    let n = chart.parts.len();
    let height = (FIRST_ROW + ROW * n.saturating_sub(1) as f64 + 16.0).ceil();
    let mut doc = Doc::new(
        WIDTH as u32,
        height as u32,
        &chart.title,
        &describe(chart, shares),
    );
    let positive: Vec<f64> = chart
        .parts
        .iter()
        .map(|p| px_value(p.value.value).max(0.0))
        .collect();
    let total: f64 = positive.iter().sum();
    let bar_width = WIDTH - 2.0 * PAD;

    let mut x = PAD;
    let mut edges = Vec::new();
    for (i, (part, v)) in chart.parts.iter().zip(&positive).enumerate() {
        if *v <= 0.0 || total <= 0.0 {
            continue;
        }
        let w = v / total * bar_width;
        let fill = PALETTE[i % PALETTE.len()];
        doc.begin_group(&format!("{} {} {}", part.label, part.value.text, shares[i]));
        doc.rect(x, BAR_TOP, w, BAR_HEIGHT, fill, None);
        doc.end_group();
        let number = (i + 1).to_string();
        let inside = [shares[i].as_str(), number.as_str()]
            .into_iter()
            .find(|t| text::width(t, SMALL) + 8.0 <= w);
        if let Some(t) = inside {
            let font = Font::new(SMALL).anchor(Anchor::Middle).colour(ink_on(fill));
            doc.text(x + w / 2.0, BAR_TOP + BAR_HEIGHT / 2.0 + 4.0, t, font);
        }
        x += w;
        edges.push(x);
    }
    edges.pop();
    for e in edges {
        doc.line((e, BAR_TOP), (e, BAR_TOP + BAR_HEIGHT), WHITE, 1.5, None);
    }

    let share_labels: Vec<_> = shares
        .iter()
        .map(|s| text::truncate(s, MAX_TEXT_WIDTH, FONT))
        .collect();
    let share_width = share_labels
        .iter()
        .filter_map(|s| s.lines.first())
        .map(|s| text::width(s, FONT))
        .fold(0.0, f64::max);
    let amounts: Vec<String> = chart
        .parts
        .iter()
        .map(|p| text::clean(&p.value.text))
        .collect();
    let amount_width = amounts
        .iter()
        .map(|a| text::width(a, FONT))
        .fold(0.0, f64::max)
        .min(MAX_TEXT_WIDTH);
    let share_right = WIDTH - PAD;
    let amount_right = share_right - share_width - 20.0;
    let number_width = text::width(&n.to_string(), FONT);
    let label_left = PAD + 22.0 + number_width + 8.0;
    let label_room = (amount_right - amount_width - 16.0 - label_left).max(48.0);
    for (i, part) in chart.parts.iter().enumerate() {
        let base = FIRST_ROW + ROW * i as f64;
        if positive[i] > 0.0 {
            doc.rect(
                PAD,
                base - 10.0,
                14.0,
                12.0,
                PALETTE[i % PALETTE.len()],
                None,
            );
        } else {
            doc.rect(PAD, base - 10.0, 14.0, 12.0, WHITE, Some(MUTED));
        }
        doc.text(
            PAD + 22.0 + number_width,
            base,
            &(i + 1).to_string(),
            Font::new(FONT).anchor(Anchor::End).colour(MUTED),
        );
        let label = text::truncate(&part.label, label_room, FONT);
        doc.label(label_left, base, &label, &part.label, Font::new(FONT), 0.0);
        let amount = text::truncate(&part.value.text, MAX_TEXT_WIDTH, FONT);
        doc.label(
            amount_right,
            base,
            &amount,
            &part.value.text,
            Font::new(FONT).anchor(Anchor::End),
            0.0,
        );
        let bold = Font::new(FONT).anchor(Anchor::End).bold(true);
        doc.label(share_right, base, &share_labels[i], &shares[i], bold, 0.0);
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("valid decimal")
    }

    #[test]
    fn shares_follow_the_largest_remainder_method_and_total_one_hundred() {
        // S003's 一般公共服务 4692.86 of 11082.8 is 42.34%; 科学技术 0.5 is printed as 0.01%.
        let values = [d("4692.86"), d("6389.44"), d("0.5")];
        let shares = shares(&values).unwrap_or_default();
        let printed: Vec<String> = shares
            .iter()
            .flatten()
            .map(|s| format_grouped(*s, 2))
            .collect();
        assert_eq!(printed, ["42.34", "57.65", "0.01"]);
    }

    #[test]
    fn zero_and_negative_parts_get_no_share() {
        let shares = shares(&[d("10"), Dec::ZERO, d("-5"), d("30")]).unwrap_or_default();
        assert_eq!(shares, vec![Some(d("25.00")), None, None, Some(d("75.00"))]);
    }

    #[test]
    fn nothing_positive_has_no_shares() {
        assert_eq!(shares(&[Dec::ZERO, d("-1")]), None);
        assert_eq!(shares(&[]), None);
    }
}
