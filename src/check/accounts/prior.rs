//! The prior-year figures a record states, against each other (issue 17): when this year's
//! 本年支出合计 is its 基本支出 plus 项目支出, last year's is too, so the 上年 figures the
//! 情况说明's 变动额 imply (本年数 − 变动额), or the record's `prior_year` block states, must add
//! up the same way.
//!
//! In: a record's accounts and the prior year's record when it exists. Out: findings
//! `accounts.prior_parts`. Never: checks a prior year's own record against itself (its own audit
//! does), nor a whole whose parts are not all known.

use super::{Audit, Claim, Context, field};
use crate::score::accounts::{Figure, PriorSource, prior_value};

const RULE: &str = "上年本年支出合计 = 上年基本支出 + 上年项目支出（本年如此时，按所述变动额推算的上年数也应如此）";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let whole = Figure::ExpenditureTotal;
    let parts = [Figure::Basic, Figure::Project];
    // This year's identity must hold exactly, else the parts are not the whole's (上缴上级支出
    // and the like, or an error this year that other checks report).
    let now = |f: Figure| f.current(ctx.fa);
    let (Some(total), Some(basic), Some(project)) = (now(whole), now(parts[0]), now(parts[1]))
    else {
        return;
    };
    if basic.checked_add(project) != Some(total) {
        return;
    }
    let prior = |f: Figure| prior_value(f, ctx.fa, ctx.prior_fa);
    let (Some(w), Some(b), Some(p)) = (prior(whole), prior(parts[0]), prior(parts[1])) else {
        return;
    };
    // Three figures of the prior year's own record are that record's business.
    if [&w, &b, &p].iter().all(|v| v.source == PriorSource::Record) {
        return;
    }
    let Some(sum) = b.value.checked_add(p.value) else {
        return;
    };
    let at = match w.source {
        PriorSource::Implied => "narrative.expenditure.change",
        _ => "prior_year.expenditure_total",
    };
    audit.amount(
        Claim {
            code: "accounts.prior_parts",
            field: field(at),
            what: format!("{}上年本年支出合计", source_word(w.source)),
            basis: "上年基本支出与项目支出（同样推算）之和",
            rule: RULE,
        },
        w.value,
        sum,
    );
}

/// How the prior-year figure was obtained, as a message says it.
fn source_word(s: PriorSource) -> &'static str {
    match s {
        PriorSource::Implied => "按本年数与所述变动额推算的",
        PriorSource::Stated => "本记录所述的",
        PriorSource::Record => "上年记录中的",
    }
}

#[cfg(test)]
mod tests {
    use crate::score::accounts::fixture;

    fn codes(fa: &str) -> Vec<(&'static str, String)> {
        let indented: String = fa.lines().map(|l| format!("  {l}\n")).collect();
        let text = format!(
            "year: 2024\namount_unit: 万元\ntemplate: national\nfinal_accounts:\n{indented}"
        );
        let record = fixture::record("u", &text);
        let corpus = fixture::corpus(vec![fixture::unit("u", None, vec![record])]);
        super::super::check(&corpus)
            .into_iter()
            .filter(|f| f.code == "accounts.prior_parts")
            .map(|f| (f.code, f.message))
            .collect()
    }

    const TABLE: &str = "expenditure: {basic: 60, project: 40, total: 100}\n";

    #[test]
    fn implied_prior_parts_that_add_up_are_no_finding() {
        // 上年: 100 − 10 = 90 = (60 − 5) + (40 − 5).
        let fa = format!(
            "{TABLE}narrative:\n  expenditure: {{value: 100, change: 10}}\n  basic: {{value: 60, change: 5}}\n  project: {{value: 40, change: 5}}\n"
        );
        assert!(codes(&fa).is_empty());
    }

    #[test]
    fn implied_prior_parts_that_do_not_add_up_are_a_finding_with_both_figures() {
        // 上年: 100 − 10 = 90, but (60 − 5) + (40 − 8) = 87.
        let fa = format!(
            "{TABLE}narrative:\n  expenditure: {{value: 100, change: 10}}\n  basic: {{value: 60, change: 5}}\n  project: {{value: 40, change: 8}}\n"
        );
        let f = codes(&fa);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].1.contains("为 90 万元") && f[0].1.contains("为 87 万元"),
            "{f:?}"
        );
    }

    #[test]
    fn a_part_without_a_known_prior_year_checks_nothing() {
        let fa = format!(
            "{TABLE}narrative:\n  expenditure: {{value: 100, change: 10}}\n  basic: {{value: 60, change: 5}}\n"
        );
        assert!(codes(&fa).is_empty());
    }
}
