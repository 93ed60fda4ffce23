//! The parts of the 情况说明's sections 九 to 十三: "三公"经费, 机关运行经费, 政府采购, 预算绩效.
//!
//! In: a record's accounts, its unit's kind, its projects. Out: findings
//! `accounts.three_public`, `accounts.operating_costs`, `accounts.procurement_sum`,
//! `accounts.sme_share`, `accounts.performance`.

use super::{Audit, Claim, Context, claim, field};
use crate::model::{BudgetActual, Dec, Money, Pct};
use crate::score::accounts::{Figure, ratio_percent, sum_present};

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    three_public(ctx, audit);
    operating_costs(ctx, audit);
    procurement(ctx, audit);
    performance(ctx, audit);
}

/// Compares a stated amount with a computed one when both are known.
fn amount(audit: &mut Audit<'_>, claim: Claim<'_>, pair: (Option<Money>, Option<Money>)) {
    if let (Some(stated), Some(computed)) = pair {
        audit.amount(claim, stated, computed);
    }
}

/// Compares a stated percentage with an exact one when both are known.
fn percent(audit: &mut Audit<'_>, claim: Claim<'_>, pair: (Option<Pct>, Option<Dec>)) {
    if let (Some(stated), Some(computed)) = pair {
        audit.percent(claim, stated, computed);
    }
}

/// 三公 = 出国 + 车 (购置 + 运行) + 接待, for actual and budget; each stated completion.
fn three_public(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.three_public";
    let rule = "“三公”经费 = 因公出国(境)费 + 公务用车购置费 + 公务用车运行费 + 公务接待费";
    let Some(tp) = &ctx.fa.three_public else {
        return;
    };
    // The table's sum reads a part left out as an empty row; in a document cut off in this
    // block a part left out may lie after the cut, so the sum is compared only when every
    // part is typed (issue 16).
    let all_parts = [
        &tp.outbound,
        &tp.vehicle_purchase,
        &tp.vehicle_operation,
        &tp.reception,
    ]
    .iter()
    .all(|p| p.is_some());
    let sums = crate::score::accounts::Totals::default();
    let t = if ctx.fa.cut_in("three_public") && !all_parts {
        &sums
    } else {
        &ctx.figures.totals
    };
    let total = tp.total.as_ref();
    let basis = "各项之和";
    amount(
        audit,
        claim(
            code,
            "three_public.total.actual",
            "“三公”经费支出决算",
            basis,
            rule,
        ),
        (total.and_then(|t| t.actual), t.three_public_actual),
    );
    amount(
        audit,
        claim(
            code,
            "three_public.total.budget",
            "“三公”经费预算",
            basis,
            rule,
        ),
        (total.and_then(|t| t.budget), t.three_public_budget),
    );
    let stated_total = Figure::ThreePublic.stated(ctx.fa).and_then(|s| s.value);
    let table_total = total.and_then(|t| t.actual).or(t.three_public_actual);
    amount(
        audit,
        claim(
            code,
            "narrative.three_public.value",
            "情况说明中的“三公”经费",
            "“三公”经费支出决算表中的合计",
            rule,
        ),
        (stated_total, table_total),
    );
    for (key, what, pair) in [
        ("outbound", "因公出国(境)费", &tp.outbound),
        ("vehicle", "公务用车购置及运行维护费", &tp.vehicle),
        ("vehicle_purchase", "公务用车购置费", &tp.vehicle_purchase),
        ("vehicle_operation", "公务用车运行费", &tp.vehicle_operation),
        ("reception", "公务接待费", &tp.reception),
        ("total", "“三公”经费", &tp.total),
    ] {
        part_completion(audit, key, what, pair.as_ref());
    }
}

fn part_completion(audit: &mut Audit<'_>, key: &str, what: &str, pair: Option<&BudgetActual>) {
    let Some(p) = pair else {
        return;
    };
    let (Some(stated), Some(budget), Some(actual)) = (p.stated_completion, p.budget, p.actual)
    else {
        return;
    };
    let at = field(&format!("three_public.{key}.stated_completion"));
    super::lines::completion(
        audit,
        "accounts.three_public",
        at,
        what,
        stated,
        (actual, budget),
    );
}

/// 机关运行经费 against 公用经费 (行政单位 and 参公事业单位) and against its 年初预算.
fn operating_costs(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.operating_costs";
    let Some((oc, actual)) = ctx
        .fa
        .operating_costs
        .as_ref()
        .and_then(|o| o.actual.map(|a| (o, a)))
    else {
        return;
    };
    // domain.md §2: 机关运行经费 is the 公用经费 of 行政单位 and 参公事业单位. A unit of another
    // kind may differ; the derived figures still show whether they match.
    let administrative =
        crate::score::accounts::public_funds_are_operating_costs(ctx.unit.kind.as_deref());
    if administrative {
        let public = ctx.fa.basic.as_ref().and_then(|b| b.public);
        amount(
            audit,
            claim(
                code,
                "operating_costs.actual",
                "机关运行经费",
                "一般公共预算财政拨款基本支出中的公用经费",
                "行政单位和参公事业单位：机关运行经费 = 一般公共预算财政拨款基本支出中的公用经费",
            ),
            (Some(actual), public),
        );
    }
    let stated = Figure::OperatingCosts.stated(ctx.fa).and_then(|s| s.value);
    amount(
        audit,
        claim(
            code,
            "narrative.operating_costs.value",
            "情况说明中的机关运行经费",
            "机关运行经费表中的数",
            "同一数字前后一致",
        ),
        (stated, Some(actual)),
    );
    let by_budget = oc.budget.and_then(|b| actual.checked_sub(b));
    amount(
        audit,
        claim(
            code,
            "operating_costs.stated_change",
            "机关运行经费比年初预算的变动额",
            "支出决算 − 年初预算",
            "变动额 = 支出决算 − 年初预算",
        ),
        (oc.stated_change, by_budget),
    );
    // The rate divides the change by the budget: stated, or implied by the stated change.
    let delta = oc.stated_change.or(by_budget);
    let base = oc
        .budget
        .or_else(|| delta.and_then(|d| actual.checked_sub(d)));
    let rate = delta.zip(base).and_then(|(d, b)| ratio_percent(d, b.abs()));
    percent(
        audit,
        claim(
            code,
            "operating_costs.stated_change_rate",
            "机关运行经费比年初预算的变动率",
            "变动额 ÷ 年初预算",
            "变动率 = 变动额 ÷ 年初预算",
        ),
        (oc.stated_change_rate, rate),
    );
}

/// 政府采购 = 货物 + 工程 + 服务; the 中小企业 shares.
fn procurement(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(p) = &ctx.fa.procurement else {
        return;
    };
    let code = "accounts.procurement_sum";
    let rule = "政府采购支出总额 = 货物支出 + 工程支出 + 服务支出";
    let parts = ctx.figures.totals.procurement_total;
    amount(
        audit,
        claim(
            code,
            "procurement.total",
            "政府采购支出总额",
            "货物、工程、服务支出之和",
            rule,
        ),
        (p.total, parts),
    );
    let stated = Figure::Procurement.stated(ctx.fa).and_then(|s| s.value);
    let (basis, whole) = match p.total {
        Some(t) => ("政府采购表中的总额", Some(t)),
        None => ("货物、工程、服务支出之和", parts),
    };
    amount(
        audit,
        claim(
            code,
            "narrative.procurement.value",
            "情况说明中的政府采购支出总额",
            basis,
            rule,
        ),
        (stated, whole),
    );
    let code = "accounts.sme_share";
    let rule = "占比 = 授予合同金额 ÷ 政府采购支出总额";
    let of_whole = |part: Option<Money>| part.zip(whole).and_then(|(a, w)| ratio_percent(a, w));
    percent(
        audit,
        claim(
            code,
            "procurement.sme_share",
            "授予中小企业合同金额占比",
            "中小企业合同金额 ÷ 政府采购支出总额",
            rule,
        ),
        (p.sme_share, of_whole(p.sme)),
    );
    percent(
        audit,
        claim(
            code,
            "procurement.small_micro_share",
            "授予小微企业合同金额占比",
            "小微企业合同金额 ÷ 政府采购支出总额",
            rule,
        ),
        (p.small_micro_share, of_whole(p.small_micro)),
    );
}

/// 预算绩效: the projects the 决算 says were evaluated against the record's project tables.
fn performance(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(perf) = &ctx.fa.performance else {
        return;
    };
    let code = "accounts.performance";
    let projects = &ctx.record.projects;
    if !projects.is_empty() {
        let budgets: Option<Vec<Dec>> = projects
            .iter()
            .map(|p| p.execution.as_ref().and_then(|e| e.budget))
            .collect();
        let sum = budgets.and_then(|b| sum_present(&b.into_iter().map(Some).collect::<Vec<_>>()));
        amount(
            audit,
            claim(
                code,
                "performance.project_funds",
                "绩效自评项目资金",
                "各项目自评表预算数之和",
                "绩效自评项目资金 = 各项目自评表预算数之和",
            ),
            (perf.project_funds, sum),
        );
        let count = i64::try_from(projects.len()).ok().map(Dec::from_int);
        amount(
            audit,
            claim(
                code,
                "performance.project_count",
                "绩效自评项目个数",
                "项目支出绩效自评表的张数",
                "项目个数 = 项目支出绩效自评表的张数",
            ),
            (perf.project_count, count),
        );
    }
    let general_project = ctx.fa.general_budget.as_ref().and_then(|g| g.project);
    let share = perf
        .project_funds
        .zip(general_project)
        .and_then(|(f, p)| ratio_percent(f, p));
    percent(
        audit,
        claim(
            code,
            "performance.project_share",
            "绩效自评项目资金占一般公共预算项目支出的比例",
            "项目资金 ÷ 一般公共预算项目支出",
            "占比 = 绩效自评项目资金 ÷ 一般公共预算财政拨款项目支出",
        ),
        (perf.project_share, share),
    );
    let reported = ctx
        .record
        .self_evaluation
        .as_ref()
        .and_then(|s| s.reported_total);
    amount(
        audit,
        claim(
            code,
            "performance.overall_score",
            "情况说明中的部门整体自评得分",
            "部门整体支出绩效自评表的总分",
            "同一数字前后一致",
        ),
        (perf.overall_score, reported),
    );
}
