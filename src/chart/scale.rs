//! Axis scales: "nice" tick values computed exactly in [`Dec`], and their printed text.
//!
//! In: the smallest and largest value an axis must show. Out: tick values (multiples of 1, 2 or
//! 5 × 10ⁿ) that cover them, and tick text formatted exactly (四舍五入, thousands grouped).
//! Values turn into f64 only through [`px_value`], for pixel geometry; no printed number ever
//! comes from an f64.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::Dec;

/// The most ticks an axis gets, whatever the data.
const MAX_TICKS: usize = 12;

/// An axis range with its ticks.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Scale {
    /// The first tick (the bottom or left end of the axis).
    pub(super) lo: Dec,
    /// The last tick (the top or right end of the axis).
    pub(super) hi: Dec,
    /// Distance between ticks.
    pub(super) step: Dec,
    /// Tick values from `lo` to `hi`.
    pub(super) ticks: Vec<Dec>,
}

impl Scale {
    /// Ticks covering `min..=max` (in either order) with about `target` steps. A zero-width
    /// range is widened so that the axis can still be drawn.
    pub(super) fn nice(min: Dec, max: Dec, target: usize) -> Scale {
        let (min, max) = if min <= max { (min, max) } else { (max, min) };
        let (min, max) = if min == max { widen(min) } else { (min, max) };
        nice_ticks(min, max, target.clamp(1, MAX_TICKS)).unwrap_or_else(|| Scale {
            lo: min,
            hi: max,
            step: max.checked_sub(min).unwrap_or(Dec::ZERO),
            ticks: vec![min, max],
        })
    }

    /// Adds one more step at the top when `max` comes within `fraction` of a step of the top,
    /// leaving room for a value label above the highest point.
    pub(super) fn headroom(mut self, max: Dec, fraction: Dec) -> Scale {
        let gap = self.hi.checked_sub(max);
        let room = self.step.checked_mul(fraction);
        if let (Some(gap), Some(room), Some(hi)) = (gap, room, self.hi.checked_add(self.step))
            && gap < room
            && self.ticks.len() < MAX_TICKS + 2
        {
            self.hi = hi;
            self.ticks.push(hi);
        }
        self
    }

    /// Adds one more step at the bottom when `min` (below zero) comes within `fraction` of a
    /// step of the bottom, leaving room for a value label under the lowest bar.
    pub(super) fn footroom(mut self, min: Dec, fraction: Dec) -> Scale {
        let gap = min.checked_sub(self.lo);
        let room = self.step.checked_mul(fraction);
        if let (Some(gap), Some(room), Some(lo)) = (gap, room, self.lo.checked_sub(self.step))
            && min.is_negative()
            && gap < room
            && self.ticks.len() < MAX_TICKS + 2
        {
            self.lo = lo;
            self.ticks.insert(0, lo);
        }
        self
    }

    /// Whole-number ticks from 0 to at least `max` (for counts): steps of 1 when few.
    pub(super) fn counts(max: u32) -> Scale {
        let scale = Scale::nice(Dec::ZERO, Dec::from_int(i64::from(max.max(1))), 5);
        if scale.step >= Dec::from_int(1) {
            return scale;
        }
        let top = i64::from(max.max(1));
        Scale {
            lo: Dec::ZERO,
            hi: Dec::from_int(top),
            step: Dec::from_int(1),
            ticks: (0..=top).map(Dec::from_int).collect(),
        }
    }

    /// Decimal places a tick needs to be printed exactly.
    pub(super) fn places(&self) -> u32 {
        self.step.normalize().scale()
    }

    /// The printed tick text, with `suffix` (such as `%`).
    pub(super) fn label(&self, tick: Dec, suffix: &str) -> String {
        format!("{}{suffix}", format_grouped(tick, self.places()))
    }
}

/// A range around a single value: ±10 % of it, or 0..1 around zero.
fn widen(v: Dec) -> (Dec, Dec) {
    let pad = v
        .abs()
        .checked_div(Dec::from_int(10))
        .filter(|p| !p.is_zero());
    match pad {
        Some(pad) => match (v.checked_sub(pad), v.checked_add(pad)) {
            (Some(lo), Some(hi)) => (lo, hi),
            _ => (v, v),
        },
        None if v.is_zero() => (Dec::ZERO, Dec::from_int(1)),
        None => (v, v),
    }
}

fn nice_ticks(min: Dec, max: Dec, target: usize) -> Option<Scale> {
    let raw = max
        .checked_sub(min)?
        .checked_div(Dec::from_int(i64::try_from(target).ok()?))?;
    if raw.is_zero() || raw.is_negative() {
        return None;
    }
    let ten = Dec::from_int(10);
    let mut p = Dec::from_int(1);
    // Both loops are bounded by the ~57 decimal orders of magnitude Decimal holds.
    while p.checked_mul(ten).is_some_and(|q| q <= raw) {
        p = p.checked_mul(ten)?;
    }
    while p > raw {
        let q = p.checked_div(ten)?;
        if q.is_zero() {
            break;
        }
        p = q;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .filter_map(|m| p.checked_mul(Dec::from_int(m)))
        .find(|s| *s >= raw)?;
    let lo = Dec::from_decimal(min.checked_div(step)?.decimal().floor()).checked_mul(step)?;
    let hi = Dec::from_decimal(max.checked_div(step)?.decimal().ceil()).checked_mul(step)?;
    let mut ticks = vec![lo];
    let mut t = lo;
    while t < hi && ticks.len() <= MAX_TICKS + 1 {
        t = t.checked_add(step)?;
        ticks.push(t);
    }
    Some(Scale {
        lo,
        hi: t,
        step,
        ticks,
    })
}

/// `d` rounded half away from zero to `places` decimals, with `,` between thousands:
/// `11092.589` at 2 → `11,092.59`.
pub(super) fn format_grouped(d: Dec, places: u32) -> String {
    let rounded = d.round_fixed(places);
    let text = if rounded.is_zero() {
        Dec::ZERO.round_fixed(places).to_string()
    } else {
        rounded.to_string()
    };
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// An exact value as f64, for pixel geometry only. Always finite.
pub(super) fn px_value(d: Dec) -> f64 {
    d.decimal()
        .to_f64()
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

/// Smallest and largest of some values, `None` when there are none.
pub(super) fn extent<I: IntoIterator<Item = Dec>>(values: I) -> Option<(Dec, Dec)> {
    values.into_iter().fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// The decimal `n × 10^-scale` (`dec(3, 1)` is 0.3).
pub(super) fn dec(n: i64, scale: u32) -> Dec {
    Dec::from_decimal(Decimal::new(n, scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("valid decimal")
    }

    fn labels(s: &Scale, suffix: &str) -> Vec<String> {
        s.ticks.iter().map(|t| s.label(*t, suffix)).collect()
    }

    #[test]
    fn percentages_from_zero_tick_by_twenty() {
        let s = Scale::nice(Dec::ZERO, d("99.89"), 5);
        assert_eq!(labels(&s, "%"), ["0%", "20%", "40%", "60%", "80%", "100%"]);
    }

    #[test]
    fn ticks_print_exactly_with_grouping() {
        let s = Scale::nice(Dec::ZERO, d("14598.23"), 5);
        assert_eq!(labels(&s, ""), ["0", "5,000", "10,000", "15,000"]);
        let s = Scale::nice(d("0.01"), d("0.07"), 4);
        assert_eq!(labels(&s, ""), ["0.00", "0.02", "0.04", "0.06", "0.08"]);
    }

    #[test]
    fn negative_ranges_cover_both_ends() {
        let s = Scale::nice(d("-24.01"), d("12.5"), 5);
        assert_eq!(s.lo, d("-30"));
        assert_eq!(s.hi, d("20"));
        assert_eq!(s.label(d("-30"), "%"), "-30%");
    }

    #[test]
    fn all_equal_values_still_give_a_drawable_range() {
        let s = Scale::nice(d("100"), d("100"), 5);
        assert!(s.lo < d("100") && s.hi > d("100"), "{s:?}");
        let s = Scale::nice(Dec::ZERO, Dec::ZERO, 5);
        assert_eq!((s.lo, s.hi), (Dec::ZERO, d("1")));
    }

    #[test]
    fn headroom_adds_a_step_when_the_top_value_touches_the_top() {
        let s = Scale::nice(Dec::ZERO, d("100"), 5).headroom(d("100"), d("0.3"));
        assert_eq!(s.hi, d("120"));
        let s = Scale::nice(Dec::ZERO, d("90"), 5).headroom(d("90"), d("0.3"));
        assert_eq!(s.hi, d("100"));
    }

    #[test]
    fn footroom_adds_a_step_under_a_negative_minimum_at_the_bottom() {
        let s = Scale::nice(d("-20"), d("50"), 5).footroom(d("-20"), d("0.3"));
        assert_eq!(s.lo, d("-40"));
        let s = Scale::nice(Dec::ZERO, d("50"), 5).footroom(Dec::ZERO, d("0.3"));
        assert_eq!(s.lo, Dec::ZERO);
    }

    #[test]
    fn counts_tick_by_whole_numbers() {
        let s = Scale::counts(3);
        assert_eq!(labels(&s, ""), ["0", "1", "2", "3"]);
        let s = Scale::counts(0);
        assert_eq!(labels(&s, ""), ["0", "1"]);
        let s = Scale::counts(29);
        assert_eq!(labels(&s, ""), ["0", "10", "20", "30"]);
    }

    #[test]
    fn extreme_values_never_panic() {
        let big = d("9999999999999999999999999999");
        let s = Scale::nice(big.abs().checked_sub(big).unwrap_or(Dec::ZERO), big, 5);
        assert!(!s.ticks.is_empty());
        let tiny = d("0.0000000000000000000000000001");
        let s = Scale::nice(Dec::ZERO, tiny, 5);
        assert!(!s.ticks.is_empty());
        let s = Scale::nice(d("-9999999999999999999999999999"), big, 5);
        assert!(!s.ticks.is_empty());
    }

    #[test]
    fn formatting_rounds_half_away_from_zero() {
        assert_eq!(format_grouped(d("11092.585"), 2), "11,092.59");
        assert_eq!(format_grouped(d("-1234567.5"), 0), "-1,234,568");
        assert_eq!(format_grouped(d("-0.001"), 2), "0.00");
        assert_eq!(format_grouped(d("999"), 0), "999");
    }
}
