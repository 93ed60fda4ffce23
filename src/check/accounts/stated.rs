//! Statements of the 情况说明 that carry their own check (issue 16): a 变动率 against its own
//! 变动额 (上年数 = 本年数 − 变动额), the income sources' and balances' figures and shares, the
//! 类 and "三公" parts' changes, and 公务用车购置及运行费 against its two parts.
//!
//! In: a record's accounts. Out: findings `accounts.change`, `accounts.share`,
//! `accounts.stated_value` and `accounts.three_public`. A share is of the 本年收入合计 the
//! record states (table, else 情况说明), so it is checked also where a part is cut off.

use super::{Audit, Claim, Context, amount_matches, field};
use crate::model::{BudgetActual, Dec, Money, Pct, StatedFigure};
use crate::score::accounts::{Figure, ratio_percent};

const RATE_RULE: &str = "变动率 = 变动额 ÷ 上年数（上年数 = 本年数 − 变动额）";
const SHARE_RULE: &str = "占比 = 该项 ÷ 本年收入合计";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    income_parts(ctx, audit);
    fiscal_income_share(ctx, audit);
    classes(ctx, audit);
    three_public(ctx, audit);
}

/// A stated 变动率 against `change ÷ (value − change)`.
fn rate(audit: &mut Audit<'_>, at: &str, what: &str, value: Money, change: Dec, stated: Pct) {
    let Some(base) = value.checked_sub(change) else {
        return;
    };
    let Some(computed) = ratio_percent(change, base.abs()) else {
        return;
    };
    let claim = Claim {
        code: "accounts.change",
        field: field(at),
        what: format!("{what}比上年的变动率"),
        basis: "变动额 ÷ 上年数",
        rule: RATE_RULE,
    };
    audit.percent(claim, stated, computed);
}

/// 本年收入合计 as the record states it: the table's, else the 情况说明's.
fn income_whole(ctx: &Context<'_>) -> Option<Money> {
    ctx.fa
        .income
        .as_ref()
        .and_then(|i| i.total)
        .or_else(|| Figure::IncomeTotal.stated(ctx.fa).and_then(|s| s.value))
}

/// (key, what, its statement, the table's figure, a source of 本年收入 rather than a balance).
type Row<'a> = (
    &'a str,
    &'a str,
    &'a Option<StatedFigure>,
    Option<Money>,
    bool,
);

/// Each income source and balance the 情况说明 states.
fn income_parts(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(parts) = ctx
        .fa
        .narrative
        .as_ref()
        .and_then(|n| n.income_parts.as_ref())
    else {
        return;
    };
    let i = ctx.fa.income.as_ref();
    let rows: [Row<'_>; 7] = [
        (
            "superior_subsidy",
            "上级补助收入",
            &parts.superior_subsidy,
            i.and_then(|i| i.superior_subsidy),
            true,
        ),
        (
            "business",
            "事业收入",
            &parts.business,
            i.and_then(|i| i.business),
            true,
        ),
        (
            "operating",
            "经营收入",
            &parts.operating,
            i.and_then(|i| i.operating),
            true,
        ),
        (
            "affiliated",
            "附属单位上缴收入",
            &parts.affiliated,
            i.and_then(|i| i.affiliated),
            true,
        ),
        (
            "other",
            "其他收入",
            &parts.other,
            i.and_then(|i| i.other),
            true,
        ),
        (
            "non_fiscal_balance_used",
            "使用非财政拨款结余",
            &parts.non_fiscal_balance_used,
            i.and_then(|i| i.non_fiscal_balance_used),
            false,
        ),
        (
            "opening_balance",
            "年初结转和结余",
            &parts.opening_balance,
            i.and_then(|i| i.opening_balance),
            false,
        ),
    ];
    let whole = income_whole(ctx);
    for (key, what, stated, table, source) in rows {
        let Some(s) = stated else {
            continue;
        };
        let at = format!("narrative.income_parts.{key}");
        if let (Some(v), Some(t)) = (s.value, table)
            && !amount_matches(v, t)
        {
            let claim = Claim {
                code: "accounts.stated_value",
                field: field(&format!("{at}.value")),
                what: format!("情况说明中的{what}"),
                basis: "收入决算表中的数",
                rule: "同一数字前后一致",
            };
            audit.amount(claim, v, t);
        }
        let value = s.value.or(table);
        if let (Some(v), Some(c), Some(r)) = (value, s.change, s.change_rate) {
            rate(audit, &format!("{at}.change_rate"), what, v, c, r);
        }
        if let (true, Some(v), Some(w), Some(stated)) = (source, value, whole, s.share)
            && let Some(computed) = ratio_percent(v, w)
        {
            let claim = Claim {
                code: "accounts.share",
                field: field(&format!("{at}.share")),
                what: format!("{what}占本年收入合计的比例"),
                basis: "该项 ÷ 本年收入合计",
                rule: SHARE_RULE,
            };
            audit.percent(claim, stated, computed);
        }
    }
}

/// 财政拨款收入 占本年收入合计, where its parts do not give the largest-remainder share (a
/// part left out or cut off): its stated value ÷ the stated 本年收入合计.
fn fiscal_income_share(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    if ctx.figures.fiscal_income_share.is_some() {
        return;
    }
    let Some(s) = Figure::FiscalIncome.stated(ctx.fa) else {
        return;
    };
    let (Some(v), Some(w), Some(stated)) = (s.value, income_whole(ctx), s.share) else {
        return;
    };
    let Some(computed) = ratio_percent(v, w) else {
        return;
    };
    let claim = Claim {
        code: "accounts.share",
        field: field("narrative.fiscal_income.share"),
        what: "财政拨款收入占本年收入合计的比例".to_owned(),
        basis: "财政拨款收入 ÷ 本年收入合计",
        rule: SHARE_RULE,
    };
    audit.percent(claim, stated, computed);
}

/// Each 类's stated change.
fn classes(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    for (i, c) in ctx.fa.classes.iter().enumerate() {
        if let (Some(v), Some(ch), Some(r)) = (c.actual, c.change, c.change_rate) {
            rate(
                audit,
                &format!("classes[{i}].change_rate"),
                &c.name,
                v,
                ch,
                r,
            );
        }
    }
}

/// The "三公" parts' 比预算增减, and the 公务用车购置及运行费 budget = 购置费 + 运行费 budgets.
fn three_public(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(tp) = &ctx.fa.three_public else {
        return;
    };
    let parts: [(&str, &str, &Option<BudgetActual>); 6] = [
        ("outbound", "因公出国(境)费", &tp.outbound),
        ("vehicle", "公务用车购置及运行费", &tp.vehicle),
        ("vehicle_purchase", "公务用车购置费", &tp.vehicle_purchase),
        ("vehicle_operation", "公务用车运行费", &tp.vehicle_operation),
        ("reception", "公务接待费", &tp.reception),
        ("total", "“三公”经费", &tp.total),
    ];
    for (key, what, part) in parts {
        let Some(p) = part else {
            continue;
        };
        // Each part's 比上年变动率 and the 小计's 决算 are checked in `details` (Shanghai).
        let at = format!("three_public.{key}");
        if let (Some(v), Some(b), Some(d)) = (p.actual, p.budget, p.budget_change)
            && let Some(computed) = v.checked_sub(b)
        {
            let claim = Claim {
                code: "accounts.three_public",
                field: field(&format!("{at}.budget_change")),
                what: format!("{what}比预算的增减"),
                basis: "支出决算 − 预算",
                rule: "比预算增减 = 支出决算 − 预算",
            };
            audit.amount(claim, d, computed);
        }
    }
    let vehicle = tp.vehicle.as_ref();
    let pair = |f: fn(&BudgetActual) -> Option<Money>| {
        let a = tp.vehicle_purchase.as_ref().and_then(f)?;
        let b = tp.vehicle_operation.as_ref().and_then(f)?;
        a.checked_add(b)
    };
    for (key, what, stated, sum) in [(
        "budget",
        "公务用车购置及运行费预算",
        vehicle.and_then(|v| v.budget),
        pair(|p| p.budget),
    )] {
        if let (Some(s), Some(c)) = (stated, sum) {
            let claim = Claim {
                code: "accounts.three_public",
                field: field(&format!("three_public.vehicle.{key}")),
                what: what.to_owned(),
                basis: "公务用车购置费与运行费之和",
                rule: "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费",
            };
            audit.amount(claim, s, c);
        }
    }
}
