//! Year-over-year change (变动额, 变动率) of the figures a 情况说明 compares with last year, and
//! where each prior-year value comes from.
//!
//! In: the current [`FinalAccounts`] and, when the prior year's own record exists, its
//! accounts. Out: [`Change`]s with the words a page prints (增加/减少, 增长/下降), and
//! [`PriorValue`]s marked by source. Never infinite: a zero or missing prior has no rate.

use serde::Serialize;

use super::figure::Figure;
use super::shares::{PERCENT_DP, ratio_percent};
use crate::model::{AmountUnit, Dec, FinalAccounts, Money, Pct};

/// 变动额 and 变动率 of one figure against a base (the prior year, or a budget).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Change {
    /// Δ = X_t − X_{t−1}; negative for 减少.
    pub(crate) delta: Dec,
    /// Δ / |X_{t−1}| to 2 dp, negative for 下降; `None` when the base is 0.
    pub(crate) rate: Option<Pct>,
    /// The words for Δ's sign.
    pub(crate) words: ChangeWords,
}

/// The words a page uses for a change: 增加/减少 with the amount, 增长/下降 with the rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct ChangeWords {
    /// 增加, 减少, or 持平 for no change.
    pub(crate) amount: &'static str,
    /// 增长, 下降, or 持平 for no change.
    pub(crate) rate: &'static str,
}

/// The words for a change of sign `delta` (the page prints the magnitude after them).
pub(crate) fn change_words(delta: Dec) -> ChangeWords {
    if delta.is_negative() {
        ChangeWords {
            amount: "减少",
            rate: "下降",
        }
    } else if delta.is_zero() {
        ChangeWords {
            amount: "持平",
            rate: "持平",
        }
    } else {
        ChangeWords {
            amount: "增加",
            rate: "增长",
        }
    }
}

/// The change from `base` to `current`. The rate divides by |base| so its sign is always Δ's
/// (a negative base, e.g. a deficit balance, would otherwise flip 增长 into 下降). `None` only on
/// overflow.
pub(crate) fn change(current: Dec, base: Dec) -> Option<Change> {
    let delta = current.checked_sub(base)?;
    let rate =
        ratio_percent(delta, base.abs()).map(|r| Pct::from_percent(r.round_fixed(PERCENT_DP)));
    Some(Change {
        delta,
        rate,
        words: change_words(delta),
    })
}

/// Where a prior-year value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PriorSource {
    /// The prior year's own record (it wins over anything this record states).
    Record,
    /// This record's `prior_year` block.
    Stated,
    /// Implied by a stated change: this year's value − the stated 变动额.
    Implied,
}

/// A prior-year value and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct PriorValue {
    pub(crate) value: Money,
    pub(crate) source: PriorSource,
}

/// The prior year's own record's accounts, read in the current record's unit: a record in 元
/// after one in 万元 (or the other way) compares its figures with last year's converted
/// exactly, never as if both were in one unit (issue 16).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prior<'a> {
    pub(crate) fa: &'a FinalAccounts,
    from: AmountUnit,
    to: AmountUnit,
}

impl<'a> Prior<'a> {
    /// The prior record's accounts `fa`, in `from`, read for a record in `to`.
    pub(crate) fn new(fa: &'a FinalAccounts, from: AmountUnit, to: AmountUnit) -> Prior<'a> {
        Prior { fa, from, to }
    }

    /// The prior record's own accounts and unit, for `record`.
    pub(crate) fn of(
        prior: &'a crate::model::Record,
        record: &crate::model::Record,
    ) -> Option<Prior<'a>> {
        let fa = prior.final_accounts.as_ref()?;
        Some(Prior::new(fa, prior.amount_unit, record.amount_unit))
    }

    /// `figure` in the prior record, in the current record's unit.
    pub(crate) fn figure(self, figure: Figure) -> Option<Money> {
        figure
            .current(self.fa)
            .and_then(|v| self.from.convert(v, self.to))
    }
}

/// The prior-year value of `figure`: from the prior record, else the `prior_year` block, else
/// implied by the 情况说明's stated change (this year's value − 变动额).
pub(crate) fn prior_value(
    figure: Figure,
    current: &FinalAccounts,
    prior: Option<Prior<'_>>,
) -> Option<PriorValue> {
    if let Some(value) = prior.and_then(|p| p.figure(figure)) {
        return Some(PriorValue {
            value,
            source: PriorSource::Record,
        });
    }
    if let Some(value) = current
        .prior_year
        .as_ref()
        .and_then(|p| figure.in_prior_block(p))
    {
        return Some(PriorValue {
            value,
            source: PriorSource::Stated,
        });
    }
    implied_prior(figure, current).map(|value| PriorValue {
        value,
        source: PriorSource::Implied,
    })
}

/// Issue 16: whether the prior-year value of `figure` implied by the stated 变动额 is unknown.
/// It is when this year's figure has a finding (the record gives it more than one value: the
/// stated one and its parts' sum): then either the figure or the change is misprinted. The one
/// decision the charts and the 情况说明 share.
pub(crate) fn implied_prior_unknown(figure: Figure, current: &FinalAccounts) -> bool {
    figure.candidates(current).len() > 1
}

/// [`prior_value`] as a page may print it: an implied value only when it is known
/// ([`implied_prior_unknown`]); the caller marks an implied one 推算.
pub(crate) fn printable_prior(
    figure: Figure,
    current: &FinalAccounts,
    prior: Option<Prior<'_>>,
) -> Option<PriorValue> {
    prior_value(figure, current, prior)
        .filter(|p| p.source != PriorSource::Implied || !implied_prior_unknown(figure, current))
}

/// This year's value − the stated 变动额, when both are known.
pub(crate) fn implied_prior(figure: Figure, current: &FinalAccounts) -> Option<Money> {
    let stated_change = figure.stated(current)?.change?;
    figure.current(current)?.checked_sub(stated_change)
}

/// One figure's value this year, last year, and the change.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureChange {
    pub(crate) figure: Figure,
    pub(crate) label: &'static str,
    pub(crate) current: Money,
    pub(crate) prior: PriorValue,
    pub(crate) change: Change,
}

/// The change of every figure whose current and prior values are known, in 情况说明 order.
pub(crate) fn figure_changes(
    current: &FinalAccounts,
    prior: Option<Prior<'_>>,
) -> Vec<FigureChange> {
    Figure::ALL
        .iter()
        .filter_map(|&figure| {
            let now = figure.current(current)?;
            let before = prior_value(figure, current, prior)?;
            Some(FigureChange {
                figure,
                label: figure.label(),
                current: now,
                prior: before,
                change: change(now, before.value)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("valid decimal")
    }

    #[test]
    fn a_fall_reads_reduce_and_decline_with_a_negative_rate() {
        let c = change(d("11092.59"), d("14598.23")).expect("change");
        assert_eq!(c.delta, d("-3505.64"));
        assert_eq!(
            c.rate.map(|r| r.percent().to_string()),
            Some("-24.01".into())
        );
        assert_eq!(
            c.words,
            ChangeWords {
                amount: "减少",
                rate: "下降"
            }
        );
    }

    #[test]
    fn a_rise_reads_increase_and_grow() {
        let c = change(d("110"), d("100")).expect("change");
        assert_eq!(
            c.rate.map(|r| r.percent().to_string()),
            Some("10.00".into())
        );
        assert_eq!(
            c.words,
            ChangeWords {
                amount: "增加",
                rate: "增长"
            }
        );
    }

    #[test]
    fn no_change_reads_level() {
        assert_eq!(
            change_words(Dec::ZERO),
            ChangeWords {
                amount: "持平",
                rate: "持平"
            }
        );
    }

    #[test]
    fn a_zero_prior_has_a_change_but_no_rate() {
        let c = change(d("9.79"), Dec::ZERO).expect("change");
        assert_eq!(c.delta, d("9.79"));
        assert_eq!(c.rate, None);
        assert_eq!(c.words.amount, "增加");
    }

    #[test]
    fn a_negative_base_keeps_the_rate_sign_of_the_change() {
        let c = change(d("-50"), d("-100")).expect("change");
        assert_eq!(
            c.rate.map(|r| r.percent().to_string()),
            Some("50.00".into())
        );
        assert_eq!(c.words.rate, "增长");
    }

    #[test]
    fn overflow_is_no_change_not_a_panic() {
        let max = Dec::from_decimal(rust_decimal::Decimal::MAX);
        assert_eq!(change(max, d("-1")), None);
    }
}
