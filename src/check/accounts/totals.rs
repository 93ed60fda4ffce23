//! Totals from their parts: 本年收入合计, 本年支出合计, 收、支总计, 财政拨款.
//!
//! In: a record's accounts and its derived totals. Out: findings `accounts.income_total`,
//! `accounts.expenditure_total`, `accounts.grand_total` and `accounts.fiscal`.

use super::{Audit, Claim, Context, claim, compare, field};
use crate::model::{Fund, Money};
use crate::score::accounts::{Figure, fund_actual, sum_all};

const INCOME_RULE: &str = "本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入";
const EXPENDITURE_RULE: &str =
    "本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出";
const INCOME_GRAND_RULE: &str = "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余";
const EXPENDITURE_GRAND_RULE: &str = "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余";
const BALANCE_RULE: &str = "收入总计 = 支出总计";
const FISCAL_INCOME_RULE: &str = "财政拨款收入 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入";
const FISCAL_EXPENDITURE_RULE: &str = "财政拨款支出 = 各项财政拨款功能分类科目支出之和";
const FISCAL_GRAND_RULE: &str = "财政拨款收支总计 = 财政拨款收入 + 年初财政拨款结转和结余 = 财政拨款支出 + 年末财政拨款结转和结余";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    income(ctx, audit);
    expenditure(ctx, audit);
    grand_total(ctx, audit);
    fiscal(ctx, audit);
}

/// The value the 情况说明 states for `figure`.
pub(super) fn narrative_value(ctx: &Context<'_>, figure: Figure) -> Option<Money> {
    figure.stated(ctx.fa).and_then(|s| s.value)
}

/// 本年收入合计 wherever the record states it.
fn income(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.income_total";
    let stated_total = ctx.fa.income.as_ref().and_then(|i| i.total);
    let sum = ctx.figures.totals.income_total;
    compare(audit, stated_total, sum, || {
        claim(
            code,
            "income.total",
            "本年收入合计",
            "各项收入之和",
            INCOME_RULE,
        )
    });
    let (basis, computed) = match sum {
        Some(s) => ("各项收入之和", Some(s)),
        None => ("收入决算表的本年收入合计", stated_total),
    };
    compare(
        audit,
        narrative_value(ctx, Figure::IncomeTotal),
        computed,
        || {
            claim(
                code,
                "narrative.income.value",
                "情况说明中的收入合计",
                basis,
                INCOME_RULE,
            )
        },
    );
}

/// 本年支出合计, and the 基本/项目 figures the 情况说明 restates.
fn expenditure(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.expenditure_total";
    let e = ctx.fa.expenditure.as_ref();
    let stated_total = e.and_then(|e| e.total);
    let sum = ctx.figures.totals.expenditure_total;
    compare(audit, stated_total, sum, || {
        claim(
            code,
            "expenditure.total",
            "本年支出合计",
            "各项支出之和",
            EXPENDITURE_RULE,
        )
    });
    let (basis, computed) = match sum {
        Some(s) => ("各项支出之和", Some(s)),
        None => ("支出决算表的本年支出合计", stated_total),
    };
    compare(
        audit,
        narrative_value(ctx, Figure::ExpenditureTotal),
        computed,
        || {
            claim(
                code,
                "narrative.expenditure.value",
                "情况说明中的支出合计",
                basis,
                EXPENDITURE_RULE,
            )
        },
    );
    compare(
        audit,
        narrative_value(ctx, Figure::Basic),
        e.and_then(|e| e.basic),
        || {
            claim(
                code,
                "narrative.basic.value",
                "情况说明中的基本支出",
                "支出决算表的基本支出",
                "同一数字前后一致",
            )
        },
    );
    compare(
        audit,
        narrative_value(ctx, Figure::Project),
        e.and_then(|e| e.project),
        || {
            claim(
                code,
                "narrative.project.value",
                "情况说明中的项目支出",
                "支出决算表的项目支出",
                "同一数字前后一致",
            )
        },
    );
}

/// 收入总计 and 支出总计: each from its parts, and equal to each other.
fn grand_total(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.grand_total";
    let t = &ctx.figures.totals;
    let income_grand = ctx.fa.income.as_ref().and_then(|i| i.grand_total);
    let expenditure_grand = ctx.fa.expenditure.as_ref().and_then(|e| e.grand_total);
    compare(audit, income_grand, t.income_grand_total, || {
        claim(
            code,
            "income.grand_total",
            "收入总计",
            "本年收入合计与结余、结转之和",
            INCOME_GRAND_RULE,
        )
    });
    compare(audit, expenditure_grand, t.expenditure_grand_total, || {
        claim(
            code,
            "expenditure.grand_total",
            "支出总计",
            "本年支出合计与结余分配、结转之和",
            EXPENDITURE_GRAND_RULE,
        )
    });
    compare(audit, expenditure_grand, income_grand, || {
        claim(
            code,
            "expenditure.grand_total",
            "支出总计",
            "收入总计",
            BALANCE_RULE,
        )
    });
    compare(
        audit,
        narrative_value(ctx, Figure::GrandTotal),
        income_grand.or(t.income_grand_total).or(expenditure_grand),
        || {
            claim(
                code,
                "narrative.grand_total.value",
                "情况说明中的收、支总计",
                "收入支出决算总表的总计",
                BALANCE_RULE,
            )
        },
    );
}

/// 财政拨款 totals against the three funds.
fn fiscal(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.fiscal";
    let t = &ctx.figures.totals;
    let f = ctx.fa.fiscal.as_ref();
    let stated_income = f.and_then(|f| f.income);
    compare(audit, stated_income, t.fiscal_income, || {
        claim(
            code,
            "fiscal.income",
            "财政拨款收入合计",
            "三项财政拨款收入之和",
            FISCAL_INCOME_RULE,
        )
    });
    compare(
        audit,
        narrative_value(ctx, Figure::FiscalIncome),
        t.fiscal_income.or(stated_income),
        || {
            claim(
                code,
                "narrative.fiscal_income.value",
                "情况说明中的财政拨款收入",
                "三项财政拨款收入之和",
                FISCAL_INCOME_RULE,
            )
        },
    );
    let stated_expenditure = f.and_then(|f| f.expenditure);
    // Σ of the visible lines of a cut document is not the total (issue 16).
    let lines_sum = t.fiscal_expenditure.filter(|_| !ctx.fa.cut_in("lines"));
    compare(audit, stated_expenditure, lines_sum, || {
        claim(
            code,
            "fiscal.expenditure",
            "财政拨款支出合计",
            "各财政拨款功能分类科目支出之和",
            FISCAL_EXPENDITURE_RULE,
        )
    });
    let stated_grand = f.and_then(|f| f.grand_total);
    compare(audit, stated_grand, t.fiscal_grand_total, || {
        claim(
            code,
            "fiscal.grand_total",
            "财政拨款收支总计",
            "财政拨款收入与年初结转和结余之和",
            FISCAL_GRAND_RULE,
        )
    });
    let spent = stated_expenditure
        .or(lines_sum)
        .and_then(|e| sum_all(&[Some(e), f.and_then(|f| f.closing_balance)]));
    compare(audit, stated_grand, spent, || {
        claim(
            code,
            "fiscal.grand_total",
            "财政拨款收支总计",
            "财政拨款支出与年末结转和结余之和",
            FISCAL_GRAND_RULE,
        )
    });
    compare(
        audit,
        narrative_value(ctx, Figure::FiscalTotal),
        stated_grand.or(t.fiscal_grand_total),
        || {
            claim(
                code,
                "narrative.fiscal.value",
                "情况说明中的财政拨款收、支总计",
                "财政拨款收支总计",
                FISCAL_GRAND_RULE,
            )
        },
    );
    let income = ctx.fa.income.as_ref();
    for (figure, fund, stated_income, key) in [
        (
            Figure::GovFund,
            Fund::GovFund,
            income.and_then(|i| i.gov_fund),
            "gov_fund",
        ),
        (
            Figure::StateCapital,
            Fund::StateCapital,
            income.and_then(|i| i.state_capital),
            "state_capital",
        ),
    ] {
        let (basis, computed) = match stated_income {
            Some(v) => ("收入决算表中的数", Some(v)),
            None => (
                "功能分类科目支出之和",
                fund_actual(ctx.fa, fund).filter(|_| !ctx.fa.cut_in("lines")),
            ),
        };
        compare(audit, narrative_value(ctx, figure), computed, || Claim {
            code,
            field: field(&format!("narrative.{key}.value")),
            what: format!("情况说明中的{}", figure.label()),
            basis,
            rule: "同一数字前后一致",
        });
    }
}
