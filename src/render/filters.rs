//! Number formatting for pages: money, percentages, scores and signed changes.
//!
//! In: exact [`Dec`] / [`Pct`] values. Out: the text a page prints (`11,092.59`, `99.89%`,
//! `+1.20`). Rounding is 四舍五入 through [`Dec::round`]; nothing here goes through f64.
//! Page contexts call these functions in Rust, so numbers reach templates already formatted
//! (the project's "no arithmetic in templates" rule). The same functions are also registered
//! as Tera filters (`money`, `pct`, `score`, `delta`, `delta_pct`) for theme authors; they
//! accept a decimal string or an integer and refuse floats, which would not be exact.

use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::model::money::{Dec, Pct};

/// An amount in 万元 to 2 places with thousands separators: `11,092.59`, `-3,505.64`.
pub(crate) fn fmt_money(d: Dec) -> String {
    fixed(d, 2, Sign::Minus)
}

/// An amount to at least 2 places, and to every place it holds beyond them: a figure converted
/// from 元 to 万元 (`387664.62元` → `38.766462`) is shown exactly, never rounded (issue 16).
pub(crate) fn fmt_money_exact(d: Dec) -> String {
    fixed(d, d.normalize().scale().max(2), Sign::Minus)
}

/// A printed amount with its own places and thousands separators (`43.2`, `11,604.54`): the
/// 原文 cells of the funds block show the figure as printed (issue 16).
pub(crate) fn fmt_money_printed(d: Dec) -> String {
    fixed(d, d.scale(), Sign::Minus)
}

/// A percentage to 2 places: `99.89%`.
pub(crate) fn fmt_pct(p: Pct) -> String {
    format!("{}%", fixed(p.percent(), 2, Sign::Minus))
}

/// A printed percentage as the document prints it, keeping its places (`100%`, `99.9%`,
/// `100.00%`): the 原文 column shows the figure verbatim, the computed one stands beside it to
/// 2 places ([`fmt_pct`]) (issue 16).
pub(crate) fn fmt_pct_printed(p: Pct) -> String {
    let d = p.percent();
    format!("{}%", fixed(d, d.scale(), Sign::Minus))
}

/// A score as the document prints it, keeping its scale (`3.0`, `93.5`, `20`).
///
/// A computed score with more than 2 places (`19.978021…`) is rounded to 2 places, so a
/// recomputed figure never prints 28 digits; callers that know the document's precision round
/// before calling.
pub(crate) fn fmt_score(d: Dec) -> String {
    let dp = d.scale().min(2);
    fixed(d, dp, Sign::Minus)
}

/// A change in money with its sign, to 2 places: `+1.20`, `-3,505.64`, `0.00`.
pub(crate) fn fmt_delta(d: Dec) -> String {
    fixed(d, 2, Sign::Always)
}

/// A change in percent (or percentage points) with its sign: `+12.34%`, `-0.50%`, `0.00%`.
pub(crate) fn fmt_delta_pct(p: Pct) -> String {
    format!("{}%", fixed(p.percent(), 2, Sign::Always))
}

/// How to show the sign of a non-zero value.
#[derive(Clone, Copy)]
enum Sign {
    /// `-` for negatives only.
    Minus,
    /// `+` or `-` (zero gets neither).
    Always,
}

/// `d` rounded half away from zero to exactly `dp` places, integer digits grouped by three.
///
/// Works on the decimal's text rather than rescaling, so the largest representable values
/// format without overflow.
fn fixed(d: Dec, dp: u32, sign: Sign) -> String {
    let rounded = d.round(dp);
    let text = rounded.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 4);
    // A value that rounds to zero prints without a sign (never `-0.00`).
    if !rounded.is_zero() {
        match (sign, rounded.is_negative()) {
            (_, true) => out.push('-'),
            (Sign::Always, false) => out.push('+'),
            (Sign::Minus, false) => {}
        }
    }
    out.push_str(&group_thousands(int));
    if dp > 0 {
        out.push('.');
        out.push_str(frac);
        for _ in frac.len()..dp as usize {
            out.push('0');
        }
    }
    out
}

/// `1234567` → `1,234,567` (ASCII digits only).
fn group_thousands(int: &str) -> String {
    let n = int.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The text of a CSS string (`content: "…"` of a print header): letters, digits and spaces as
/// they are, every other character as a CSS hex escape (`\ff08 `), so nothing in the text can
/// close the string, the rule or the `<style>` element (and HTML escaping leaves it unchanged).
pub(crate) fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out
}

/// Registers the formatting filters on a Tera instance.
pub(super) fn register(tera: &mut Tera) {
    tera.register_filter("css_string", |v: &Value, _: Kwargs, _: &State| {
        v.as_str().map(css_string).ok_or_else(|| {
            tera::Error::message(format!(
                "filter `css_string`: expected a string, found `{v}`"
            ))
        })
    });
    tera.register_filter("money", |v: &Value, _: Kwargs, _: &State| {
        dec_arg(v, "money").map(fmt_money)
    });
    tera.register_filter("score", |v: &Value, _: Kwargs, _: &State| {
        dec_arg(v, "score").map(fmt_score)
    });
    tera.register_filter("delta", |v: &Value, _: Kwargs, _: &State| {
        dec_arg(v, "delta").map(fmt_delta)
    });
    tera.register_filter("pct", |v: &Value, _: Kwargs, _: &State| {
        pct_arg(v, "pct").map(fmt_pct)
    });
    tera.register_filter("delta_pct", |v: &Value, _: Kwargs, _: &State| {
        pct_arg(v, "delta_pct").map(fmt_delta_pct)
    });
}

/// A filter's input as a [`Dec`]: a decimal string (how `Dec` serializes) or an integer.
fn dec_arg(v: &Value, filter: &str) -> TeraResult<Dec> {
    if let Some(s) = v.as_str() {
        return Dec::parse(s).map_err(|e| {
            tera::Error::message(format!("filter `{filter}`: expected {e}, found `{s}`"))
        });
    }
    if let Some(n) = v.as_i64() {
        return Ok(Dec::from_int(n));
    }
    Err(tera::Error::message(format!(
        "filter `{filter}`: expected a decimal string or an integer, found a {}",
        v.name()
    )))
}

/// A filter's input as a [`Pct`]: `99.89%` (how `Pct` serializes), or a plain decimal
/// string or integer read as percent units.
fn pct_arg(v: &Value, filter: &str) -> TeraResult<Pct> {
    if let Some(p) = v.as_str().and_then(|s| Pct::parse(s).ok()) {
        return Ok(p);
    }
    dec_arg(v, filter).map(Pct::from_percent)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_css_string_cannot_close_its_string_rule_or_style_element() {
        let escaped = super::css_string("青菱街道\"; } </style><script>（2023）");
        assert!(escaped.starts_with("青菱街道\\22 "), "{escaped}");
        for c in ['"', '\'', ';', '}', '<', '>', '&', '\n'] {
            assert!(!escaped.contains(c), "{c} in {escaped}");
        }
        assert!(escaped.contains("\\ff08 2023\\ff09 "), "{escaped}");
    }

    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("valid decimal")
    }

    fn p(s: &str) -> Pct {
        Pct::parse(s).expect("valid percentage")
    }

    #[test]
    fn money_has_two_places_and_thousands_separators() {
        assert_eq!(fmt_money(d("11092.59")), "11,092.59");
        assert_eq!(fmt_money(d("-3505.64")), "-3,505.64");
        assert_eq!(fmt_money(d("100")), "100.00");
        assert_eq!(fmt_money(d("999.5")), "999.50");
        assert_eq!(fmt_money(d("1234567.891")), "1,234,567.89");
        assert_eq!(fmt_money(d("12.3456")), "12.35");
    }

    #[test]
    fn money_rounds_half_away_from_zero() {
        assert_eq!(fmt_money(d("0.005")), "0.01");
        assert_eq!(fmt_money(d("-0.005")), "-0.01");
        assert_eq!(fmt_money(d("2.675")), "2.68");
        assert_eq!(fmt_money(d("999.995")), "1,000.00");
        assert_eq!(fmt_money(d("-999.995")), "-1,000.00");
    }

    #[test]
    fn zero_never_carries_a_sign() {
        assert_eq!(fmt_money(Dec::ZERO), "0.00");
        assert_eq!(fmt_money(d("-0.004")), "0.00");
        assert_eq!(fmt_money(d("-0")), "0.00");
        assert_eq!(fmt_delta(Dec::ZERO), "0.00");
        assert_eq!(fmt_delta(d("-0.001")), "0.00");
        assert_eq!(fmt_delta_pct(p("0%")), "0.00%");
        assert_eq!(fmt_score(d("-0.0")), "0.0");
    }

    #[test]
    fn huge_values_format_without_overflow() {
        let max = Dec::from_decimal(rust_decimal::Decimal::MAX);
        assert_eq!(fmt_money(max), "79,228,162,514,264,337,593,543,950,335.00");
        assert_eq!(
            fmt_delta(Dec::from_decimal(rust_decimal::Decimal::MIN)),
            "-79,228,162,514,264,337,593,543,950,335.00"
        );
        let big = d("-9999999999999999999999999.999");
        assert_eq!(fmt_money(big), "-10,000,000,000,000,000,000,000,000.00");
        assert_eq!(
            fmt_money(d("99999999999999999999999999.99")),
            "99,999,999,999,999,999,999,999,999.99"
        );
    }

    #[test]
    fn percentages_have_two_places() {
        assert_eq!(fmt_pct(p("99.89%")), "99.89%");
        assert_eq!(fmt_pct(p("100%")), "100.00%");
        assert_eq!(fmt_pct(p("-24.005%")), "-24.01%");
        assert_eq!(fmt_pct(p("0.005%")), "0.01%");
        assert_eq!(fmt_pct(p("12345.6%")), "12,345.60%");
    }

    #[test]
    fn scores_keep_the_documents_scale() {
        assert_eq!(fmt_score(d("3.0")), "3.0");
        assert_eq!(fmt_score(d("93.5")), "93.5");
        assert_eq!(fmt_score(d("20")), "20");
        assert_eq!(fmt_score(d("19.978021978")), "19.98");
        assert_eq!(fmt_score(d("4.995")), "5.00");
        assert_eq!(fmt_score(d("-0.005")), "-0.01");
    }

    #[test]
    fn deltas_carry_their_sign() {
        assert_eq!(fmt_delta(d("1.2")), "+1.20");
        assert_eq!(fmt_delta(d("-3505.64")), "-3,505.64");
        assert_eq!(fmt_delta(d("0.005")), "+0.01");
        assert_eq!(fmt_delta(d("-0.005")), "-0.01");
        assert_eq!(fmt_delta_pct(p("12.345%")), "+12.35%");
        assert_eq!(fmt_delta_pct(p("-0.5%")), "-0.50%");
    }

    #[test]
    fn filters_format_decimal_strings_and_refuse_floats() {
        let mut tera = Tera::default();
        register(&mut tera);
        let mut ctx = tera::Context::new();
        ctx.insert("a", &d("-3505.64"));
        ctx.insert("r", &p("99.885%"));
        ctx.insert("n", &7);
        ctx.insert("f", &1.5_f64);
        let out = |src: &str| tera.render_str(src, &ctx, true);
        assert_eq!(
            out(
                "{{ a | money }} {{ a | delta }} {{ r | pct }} {{ n | score }} {{ r | delta_pct }}"
            )
            .expect("renders"),
            "-3,505.64 -3,505.64 99.89% 7 +99.89%"
        );
        let err = out("{{ f | money }}").expect_err("floats are refused");
        assert!(format!("{err:?}").contains("found a"), "{err:?}");
        assert!(out("{{ 'abc' | money }}").is_err());
    }
}
