//! Shares (占比) by largest remainder, plain ratios and 完成年初预算%.
//!
//! In: exact amounts. Out: percentages ([`Pct`]) at a fixed number of places. A set of shares
//! always totals exactly 100 at that precision (largest-remainder method, `domain.md` §2: 科学技术
//! 0.5/11082.8 = 0.0045% prints 0.01%). Never divides by zero: a zero whole or budget is `None`.

use crate::model::{Dec, Money, Pct};

/// Places every derived percentage is given to (`domain.md` §2: "all given to 2 dp").
pub(crate) const PERCENT_DP: u32 = 2;

/// `num / den` in percent units, unrounded; `None` when `den` is zero or on overflow.
pub(crate) fn ratio_percent(num: Dec, den: Dec) -> Option<Dec> {
    num.checked_mul(Dec::HUNDRED)?.checked_div(den)
}

/// `part / whole` as a percentage rounded to `dp` places (四舍五入); `None` when `whole` is zero.
pub(crate) fn share(part: Dec, whole: Dec, dp: u32) -> Option<Pct> {
    ratio_percent(part, whole).map(|p| Pct::from_percent(p.round_fixed(dp)))
}

/// 完成年初预算% = 决算 / 年初预算, to 2 dp. `None` when the budget is 0: the page then prints
/// "该科目未申请年初财政拨款预算" and no percentage.
pub(crate) fn completion(actual: Money, budget: Money) -> Option<Pct> {
    share(actual, budget, PERCENT_DP)
}

/// Each part's share of their sum, at `dp` places, forced to total exactly 100 by the
/// largest-remainder method: every share is first cut down to `dp` places, then the missing
/// hundredths go one each to the parts with the largest cut-off remainders. Equal remainders
/// are served in the parts' order, so the result is deterministic.
///
/// `None` when there are no parts, a part is negative, or the parts sum to zero (no whole to
/// share), or on overflow.
pub(crate) fn largest_remainder(parts: &[Dec], dp: u32) -> Option<Vec<Pct>> {
    if parts.is_empty() || parts.iter().any(|p| p.is_negative()) {
        return None;
    }
    let whole = Dec::checked_sum(parts.iter().copied())?;
    if whole.is_zero() {
        return None;
    }
    let unit = unit_at(dp)?;
    let mut floors = Vec::with_capacity(parts.len());
    let mut remainders = Vec::with_capacity(parts.len());
    for &part in parts {
        let exact = ratio_percent(part, whole)?;
        let floor = exact.trunc(dp);
        remainders.push(exact.checked_sub(floor)?);
        floors.push(floor);
    }
    let allocated = Dec::checked_sum(floors.iter().copied())?;
    let missing = Dec::HUNDRED
        .checked_sub(allocated)?
        .checked_div(unit)?
        .round(0);
    // The floors lose less than one unit each, so `missing` is below the number of parts; the
    // bound guards against a division that rounded at the 28th digit.
    let missing = usize::try_from(missing.decimal().mantissa())
        .ok()?
        .min(parts.len());
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; ties keep the parts' order (the sort is stable).
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]));
    for &i in order.iter().take(missing) {
        floors[i] = floors[i].checked_add(unit)?;
    }
    Some(
        floors
            .into_iter()
            .map(|f| Pct::from_percent(f.round_fixed(dp)))
            .collect(),
    )
}

/// One unit in the last place of `dp` places (0.01 for 2).
fn unit_at(dp: u32) -> Option<Dec> {
    let mut unit = Dec::from_int(1);
    for _ in 0..dp {
        unit = unit.checked_div(Dec::from_int(10))?;
    }
    Some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("valid decimal")
    }

    fn shares(parts: &[&str], dp: u32) -> Option<Vec<String>> {
        let parts: Vec<Dec> = parts.iter().map(|s| d(s)).collect();
        largest_remainder(&parts, dp).map(|v| v.iter().map(|p| p.percent().to_string()).collect())
    }

    #[test]
    fn qingling_2023_class_shares_match_the_document_and_total_100() {
        let classes = [
            "4692.86", "21", "10.89", "0.5", "6", "2788.46", "1771.4", "1591.22", "200.47",
        ];
        let got = shares(&classes, 2).expect("shares");
        assert_eq!(
            got,
            [
                "42.34", "0.19", "0.10", "0.01", "0.05", "25.16", "15.98", "14.36", "1.81"
            ]
        );
    }

    #[test]
    fn a_tiny_part_gets_the_missing_hundredth_when_its_remainder_is_largest() {
        // 0.5 / 11082.8 = 0.0045%: plain rounding gives 0.00, the document prints 0.01.
        assert_eq!(
            share(d("0.5"), d("11082.8"), 2).map(|p| p.percent()),
            Some(d("0.00"))
        );
        let got = shares(&["4692.86", "0.5", "6389.44"], 2).expect("shares");
        assert_eq!(got[1], "0.01");
    }

    #[test]
    fn equal_remainders_are_served_in_order() {
        assert_eq!(
            shares(&["1", "1", "1"], 2),
            Some(vec!["33.34".into(), "33.33".into(), "33.33".into()])
        );
        assert_eq!(
            shares(&["1", "1", "1"], 0),
            Some(vec!["34".into(), "33".into(), "33".into()])
        );
    }

    #[test]
    fn zero_parts_get_zero_and_a_single_part_gets_all() {
        assert_eq!(
            shares(&["0", "7148.45", "0"], 2),
            Some(vec!["0.00".into(), "100.00".into(), "0.00".into()])
        );
        assert_eq!(shares(&["12.44"], 2), Some(vec!["100.00".into()]));
    }

    #[test]
    fn an_all_zero_whole_an_empty_set_or_a_negative_part_has_no_shares() {
        assert_eq!(shares(&["0", "0"], 2), None);
        assert_eq!(shares(&[], 2), None);
        assert_eq!(shares(&["5", "-1"], 2), None);
    }

    #[test]
    fn seed_004_expenditure_shares_are_42_89_and_57_11() {
        assert_eq!(
            shares(&["3065.71", "4082.74"], 2),
            Some(vec!["42.89".into(), "57.11".into()])
        );
    }

    #[test]
    fn completion_is_none_for_a_zero_budget() {
        assert_eq!(completion(d("4.97"), Dec::ZERO), None);
        assert_eq!(
            completion(d("11082.8"), d("7038.59")).map(|p| p.percent().to_string()),
            Some("157.46".into())
        );
        assert_eq!(
            completion(d("80.93"), d("5.47")).map(|p| p.percent().to_string()),
            Some("1479.52".into())
        );
    }

    #[test]
    fn huge_parts_do_not_panic() {
        let max = d("9999999999999999999999999999");
        assert_eq!(largest_remainder(&[max, max], 2), None);
        assert_eq!(completion(max, d("0.0000000000000000000000000001")), None);
    }
}
