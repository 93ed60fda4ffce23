//! Splits of spending: 基本支出 = 人员经费 + 公用经费, and 基本 + 项目 = 合计 on each line.
//!
//! In: a record's accounts and derived totals. Out: findings `accounts.basic_split` and
//! `accounts.split`.

use super::totals::narrative_value;
use super::{Audit, Claim, Context, claim, compare, field};
use crate::model::Dec;
use crate::score::accounts::Figure;

const BASIC_RULE: &str = "基本支出 = 人员经费 + 公用经费";
const SPLIT_RULE: &str = "支出合计 = 基本支出 + 项目支出";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    basic(ctx, audit);
    split(ctx, audit);
}

/// 人员经费 + 公用经费 against every 基本支出 figure that should equal it.
fn basic(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.basic_split";
    let Some(sum) = ctx.figures.totals.basic_total else {
        return;
    };
    let basis = "人员经费与公用经费之和";
    compare(
        audit,
        ctx.fa.basic.as_ref().and_then(|b| b.total),
        Some(sum),
        || {
            claim(
                code,
                "basic.total",
                "一般公共预算财政拨款基本支出",
                basis,
                BASIC_RULE,
            )
        },
    );
    compare(
        audit,
        ctx.fa.general_budget.as_ref().and_then(|g| g.basic),
        Some(sum),
        || {
            claim(
                code,
                "general_budget.basic",
                "一般公共预算财政拨款基本支出",
                basis,
                BASIC_RULE,
            )
        },
    );
    compare(
        audit,
        narrative_value(ctx, Figure::GeneralBasic),
        Some(sum),
        || {
            claim(
                code,
                "narrative.general_basic.value",
                "情况说明中的一般公共预算财政拨款基本支出",
                basis,
                BASIC_RULE,
            )
        },
    );
    // The 支出决算表's 基本支出 covers every source of money; it equals the 一般公共预算 one only
    // when the unit has no income besides 财政拨款.
    let only_fiscal = ctx.fa.income.as_ref().is_some_and(|i| {
        [
            i.superior_subsidy,
            i.business,
            i.operating,
            i.affiliated,
            i.other,
        ]
        .iter()
        .all(|v| v.is_none_or(Dec::is_zero))
    });
    // Nor when 本年支出合计 exceeds the 一般公共预算 spending: the rest is paid from money
    // besides this year's 财政拨款 (field 31 spends 12.88 of its 年初结转和结余; issue 16).
    let e = ctx.fa.expenditure.as_ref();
    let spent_beyond = e
        .and_then(|e| e.total)
        .zip(ctx.fa.general_budget.as_ref().and_then(|g| g.actual))
        .is_some_and(|(total, general)| total != general);
    if only_fiscal && !spent_beyond {
        compare(
            audit,
            ctx.fa.expenditure.as_ref().and_then(|e| e.basic),
            Some(sum),
            || {
                claim(
                    code,
                    "expenditure.basic",
                    "支出决算表的基本支出",
                    basis,
                    "单位无财政拨款以外的收入时，基本支出 = 人员经费 + 公用经费",
                )
            },
        );
    }
}

/// 基本 + 项目 = 合计 on each line and on the 一般公共预算 total.
fn split(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.split";
    for (i, line) in ctx.fa.lines.iter().enumerate() {
        let parts = line
            .basic
            .zip(line.project)
            .and_then(|(b, p)| b.checked_add(p));
        compare(audit, Some(line.actual), parts, || Claim {
            code,
            field: field(&format!("lines[{i}].actual")),
            what: format!("{}支出决算", line_name(line)),
            basis: "基本支出与项目支出之和",
            rule: SPLIT_RULE,
        });
    }
    let g = ctx.fa.general_budget.as_ref();
    let parts = g
        .and_then(|g| g.basic.zip(g.project))
        .and_then(|(b, p)| b.checked_add(p));
    compare(audit, g.and_then(|g| g.actual), parts, || {
        claim(
            code,
            "general_budget.actual",
            "一般公共预算财政拨款支出",
            "基本支出与项目支出之和",
            SPLIT_RULE,
        )
    });
}

/// A line as the 情况说明 names it: 类 款 项.
pub(super) fn line_name(line: &crate::model::FunctionLine) -> String {
    let mut name = line.class.clone();
    for part in [&line.section, &line.item].into_iter().flatten() {
        name.push('/');
        name.push_str(part);
    }
    name
}
