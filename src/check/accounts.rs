//! The 决算 audit: every identity of `domain.md` §2 and every figure the 情况说明 states, checked
//! against what its parts and the rules give.
//!
//! In: the [`Corpus`] (a record, the unit's kind, the prior year's record when it exists).
//! Out: [`Finding`]s with codes `accounts.*`, each with its field path, location, stated and
//! computed value, the rule and a message in Chinese. A check runs only when every figure it
//! needs is stated (most records are partial); an overflowing sum skips the check. Never
//! corrects a figure, never panics.
//!
//! Tolerance: an amount differs when the computed sum, rounded to the places the document
//! prints (at least 2), is not the stated amount (`11082.8` = 11082.80). A percentage differs
//! when the exact ratio, rounded to the places of the stated one, is not it (`101.1%` for
//! 79.87 / 79 is right; `42.88%` for 3065.71 / 7148.45 is not).

mod cross;
mod details;
#[cfg(test)]
mod details_tests;
mod lines;
mod narrative;
mod parts;
mod prior;
mod split;
mod stated;
mod tables;
#[cfg(test)]
mod tables_tests;
#[cfg(test)]
mod tests;
mod totals;

use crate::check::Finding;
use crate::model::{Corpus, Dec, Pct, Record, Unit};
use crate::score::accounts::Prior;
use crate::score::accounts::{AccountsFigures, PERCENT_DP, derive};

/// Audits the 决算 of every record that has one.
pub(super) fn check(corpus: &Corpus) -> Vec<Finding> {
    let mut findings = Vec::new();
    for unit in &corpus.units {
        for record in &unit.records {
            findings.extend(check_record(unit, record));
        }
    }
    findings
}

/// Audits one record's 决算 (nothing when it has none).
fn check_record(unit: &Unit, record: &Record) -> Vec<Finding> {
    let Some(fa) = &record.final_accounts else {
        return Vec::new();
    };
    let prior = prior_record(unit, record);
    let prior_fa = prior.and_then(|p| Prior::of(p, record));
    let figures = derive(fa, prior_fa);
    let mut audit = Audit::new(record);
    let ctx = Context {
        fa,
        figures: &figures,
        record,
        unit,
        prior_fa,
    };
    totals::check(&ctx, &mut audit);
    lines::check(&ctx, &mut audit);
    split::check(&ctx, &mut audit);
    parts::check(&ctx, &mut audit);
    narrative::check(&ctx, &mut audit);
    prior::check(&ctx, &mut audit);
    stated::check(&ctx, &mut audit);
    details::check(&ctx, &mut audit);
    tables::check(&ctx, &mut audit);
    cross::check(&ctx, &mut audit);
    audit.findings
}

/// The unit's record of the year before `record`, when there is one.
fn prior_record<'a>(unit: &'a Unit, record: &Record) -> Option<&'a Record> {
    let prev = record.year.prev()?;
    unit.records.iter().find(|r| r.year == prev)
}

/// What every accounts check reads.
struct Context<'a> {
    fa: &'a crate::model::FinalAccounts,
    figures: &'a AccountsFigures,
    record: &'a Record,
    unit: &'a Unit,
    prior_fa: Option<Prior<'a>>,
}

/// A stated figure about to be compared: which check, where, and in words.
pub(super) struct Claim<'s> {
    /// Finding code (`accounts.procurement_sum`).
    pub(super) code: &'static str,
    /// Field path in the record (`final_accounts.procurement.total`).
    pub(super) field: String,
    /// The stated figure, as a page names it (政府采购支出总额).
    pub(super) what: String,
    /// How the computed value is obtained (货物、工程、服务支出之和).
    pub(super) basis: &'s str,
    /// The rule in words.
    pub(super) rule: &'s str,
}

/// Collects the findings of one record.
pub(super) struct Audit<'a> {
    record: &'a Record,
    pub(super) findings: Vec<Finding>,
}

impl<'a> Audit<'a> {
    pub(super) fn new(record: &'a Record) -> Audit<'a> {
        Audit {
            record,
            findings: Vec::new(),
        }
    }

    /// Records a finding.
    pub(super) fn push(
        &mut self,
        claim: &Claim<'_>,
        stated: Option<String>,
        computed: Option<String>,
        message: String,
    ) {
        self.findings.push(Finding {
            code: claim.code,
            unit: self.record.unit.clone(),
            year: self.record.year,
            location: self.record.locator.locate(&claim.field),
            field: claim.field.clone(),
            stated,
            computed,
            rule: claim.rule.to_owned(),
            message,
        });
    }

    /// A finding when the stated amount is not the computed one.
    pub(super) fn amount(&mut self, claim: Claim<'_>, stated: Dec, computed: Dec) {
        self.amount_of(claim, stated, computed, 0);
    }

    /// [`Audit::amount`] for a sum of `parts` printed figures (issue 17): each is rounded to the
    /// stated places, so the sum may differ from the printed whole by up to half a unit of the
    /// last place per part; a difference within that is said to be within the document's own
    /// rounding. With 0 parts only a one-unit gap is (as [`Audit::amount`] says).
    pub(super) fn amount_of(&mut self, claim: Claim<'_>, stated: Dec, computed: Dec, parts: usize) {
        if amount_matches(stated, computed) {
            return;
        }
        let unit = self.record.amount_unit.label();
        let dp = amount_dp(stated);
        let shown = computed.round(dp);
        let mut message = format!(
            "{}为 {stated} {unit}，{}为 {shown} {unit}",
            claim.what, claim.basis
        );
        // A gap of one unit in the last printed place is what rounding each part on its own
        // can give (a 尾差): said so, so that a reader weighs it as such (issue 16, field 30).
        if is_last_place_gap(stated, shown, dp) {
            message.push_str("（相差一个末位单位，可能是各分项分别四舍五入造成的尾差）");
        } else if within_rounding(stated, computed, dp, parts) {
            message.push_str(&format!(
                "（相差在 {parts} 个分项各自四舍五入可能造成的范围内，可能是尾差）"
            ));
        }
        self.push(
            &claim,
            Some(stated.to_string()),
            Some(shown.to_string()),
            message,
        );
    }

    /// A finding when the stated percentage is not `computed` (percent units, exact) at the
    /// stated precision.
    pub(super) fn percent(&mut self, claim: Claim<'_>, stated: Pct, computed: Dec) {
        if percent_matches(stated, computed) {
            return;
        }
        let shown = Pct::from_percent(computed.round_fixed(percent_dp(stated)));
        let message = format!("{}为 {stated}，{}为 {shown}", claim.what, claim.basis);
        self.push(
            &claim,
            Some(stated.to_string()),
            Some(shown.to_string()),
            message,
        );
    }
}

/// Places an amount is compared at: as printed, at least 2 (documents drop trailing zeros).
fn amount_dp(stated: Dec) -> u32 {
    stated.scale().max(2)
}

/// Places a percentage is shown at: as printed, at least 2.
fn percent_dp(stated: Pct) -> u32 {
    stated.percent().scale().max(PERCENT_DP)
}

/// Do `a` and `b` differ by exactly one unit in the `dp`-th place (0.01 at 2 places)?
fn is_last_place_gap(a: Dec, b: Dec, dp: u32) -> bool {
    let Some(ulp) = place(1, dp) else {
        return false;
    };
    a.checked_sub(b).is_some_and(|d| d.abs() == ulp)
}

/// `n` units of the `dp`-th place; none beyond the 28 places a decimal holds (a figure typed
/// with more places has no rounding tolerance).
fn place(n: i64, dp: u32) -> Option<Dec> {
    rust_decimal::Decimal::try_new(n, dp)
        .ok()
        .map(Dec::from_decimal)
}

/// Is `a − b` at most `parts` half-units of the `dp`-th place (the rounding of `parts` printed
/// figures)?
fn within_rounding(a: Dec, b: Dec, dp: u32, parts: usize) -> bool {
    let bound = place(5, dp + 1).and_then(|half| {
        i64::try_from(parts)
            .ok()
            .and_then(|n| half.checked_mul(Dec::from_int(n)))
    });
    a.checked_sub(b)
        .zip(bound)
        .is_some_and(|(d, bound)| parts > 0 && d.abs() <= bound)
}

/// The stated amount equals the computed one at the document's precision.
pub(super) fn amount_matches(stated: Dec, computed: Dec) -> bool {
    computed.round(amount_dp(stated)) == stated
}

/// The stated percentage equals the exact one rounded to the stated places.
pub(super) fn percent_matches(stated: Pct, computed: Dec) -> bool {
    computed.round(stated.percent().scale()) == stated.percent()
}

/// A claim about `final_accounts.<at>`.
pub(super) fn claim(
    code: &'static str,
    at: &str,
    what: &str,
    basis: &'static str,
    rule: &'static str,
) -> Claim<'static> {
    Claim {
        code,
        field: field(at),
        what: what.to_owned(),
        basis,
        rule,
    }
}

/// Compares a stated amount with `computed` when both are known.
pub(super) fn compare<'c>(
    audit: &mut Audit<'_>,
    stated: Option<Dec>,
    computed: Option<Dec>,
    claim: impl FnOnce() -> Claim<'c>,
) {
    if let (Some(s), Some(c)) = (stated, computed) {
        audit.amount(claim(), s, c);
    }
}

/// `final_accounts.<rest>`.
pub(super) fn field(rest: &str) -> String {
    format!("final_accounts.{rest}")
}

#[cfg(test)]
mod place_tests {
    use super::*;

    #[test]
    fn a_figure_with_the_most_places_a_decimal_holds_has_no_rounding_tolerance() {
        let a = Dec::parse("0.1234567890123456789012345678").expect("28 places");
        let b = Dec::parse("0.1234567890123456789012345677").expect("28 places");
        // Found by the mutation test: 28 + 1 places used to panic in rust_decimal.
        assert!(!within_rounding(a, b, 28, 1));
        assert!(is_last_place_gap(a, b, 28));
        assert!(!is_last_place_gap(a, b, 29));
        assert!(within_rounding(
            Dec::parse("1.01").expect("d"),
            Dec::parse("1.00").expect("d"),
            2,
            2
        ));
    }
}
