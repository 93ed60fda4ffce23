//! Properties of exact decimals: what the loader reads is what it prints, rounding is
//! 四舍五入, and checked arithmetic never panics.

use gongkai::model::Dec;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn dec(mantissa: i64, scale: u32) -> Dec {
    Dec::from_decimal(Decimal::new(mantissa, scale))
}

/// Half away from zero on integers: the reference for `Dec::round`.
fn reference_round(mantissa: i64, drop_digits: u32) -> i128 {
    let m = i128::from(mantissa);
    let p = 10_i128.pow(drop_digits);
    let (q, r) = (m / p, m % p);
    if r.abs() * 2 >= p { q + m.signum() } else { q }
}

proptest! {
    #[test]
    fn any_decimal_prints_and_reads_back_the_same(mantissa in any::<i64>(), scale in 0u32..=18) {
        let d = dec(mantissa, scale);
        let text = d.to_string();
        let back = Dec::parse(&text);
        prop_assert_eq!(back.map(|b| b.to_string()), Ok(text.clone()));
        prop_assert_eq!(back, Ok(d));
    }

    #[test]
    fn rounding_is_half_away_from_zero(mantissa in any::<i64>(), scale in 1u32..=12, dp in 0u32..=11) {
        prop_assume!(dp < scale);
        let rounded = dec(mantissa, scale).round(dp);
        let expected = Decimal::from_i128_with_scale(reference_round(mantissa, scale - dp), dp);
        prop_assert_eq!(rounded.decimal(), expected);
    }

    #[test]
    fn checked_arithmetic_never_panics(
        a in any::<i64>(), sa in 0u32..=28, b in any::<i64>(), sb in 0u32..=28,
        big in any::<bool>(), dp in 0u32..=40,
    ) {
        let x = if big { Dec::from_decimal(Decimal::MAX) } else { dec(a, sa) };
        let y = dec(b, sb);
        let _ = (x.checked_add(y), x.checked_sub(y), x.checked_mul(y), x.checked_div(y));
        let _ = (y.checked_div(Dec::ZERO), x.round(dp), x.round_fixed(dp), x.trunc(dp));
        let _ = Dec::checked_sum([x, x, y]);
    }
}
