//! The figures the Shanghai 部门决算模板 (field 39) adds to the 情况说明 (issue 16): each "三公"
//! part's change and share and the 公务用车 小计, the 中小企业 awards of 政府采购, the 预算绩效
//! counts, the 全年预算 beside the 年初预算, 六's 人员经费 and 公用经费, and 二's 其他收入.
//!
//! In: a record's accounts. Out: findings `accounts.three_public`, `accounts.sme_awards`,
//! `accounts.performance`, `accounts.completion`, `accounts.budget_sum`, `accounts.basic_split`
//! and `accounts.share`. Each rule runs only when every figure it needs is stated.

use super::{Audit, Claim, Context, claim, field, percent_matches};
use crate::model::{BudgetActual, Dec, Money, Pct};
use crate::score::accounts::ratio_percent;

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    three_public(ctx, audit);
    sme_awards(ctx, audit);
    performance(ctx, audit);
    full_year(ctx, audit);
    basic_parts(ctx, audit);
    other_income(ctx, audit);
}

/// A stated rate against `computed`, when both are known.
fn percent(audit: &mut Audit<'_>, claim: Claim<'_>, stated: Option<Pct>, computed: Option<Dec>) {
    if let (Some(s), Some(c)) = (stated, computed) {
        audit.percent(claim, s, c);
    }
}

/// Template 七（一）: "比 2023 年度减少（增加）XXX 万元，下降（增长）XX%, 其中：…" for the total
/// and each part; 七（二）: "因公出国（境）费支出决算 XXX 万元，占 XX%；…"; and the 公务用车购置及运
/// 行维护费 小计 = 购置 + 运行.
fn three_public(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.three_public";
    let Some(tp) = &ctx.fa.three_public else {
        return;
    };
    let total = tp.total.as_ref().and_then(|t| t.actual);
    let parts: [(&str, &str, Option<&BudgetActual>); 6] = [
        ("total", "“三公”经费", tp.total.as_ref()),
        ("outbound", "因公出国(境)费", tp.outbound.as_ref()),
        ("vehicle", "公务用车购置及运行维护费", tp.vehicle.as_ref()),
        ("reception", "公务接待费", tp.reception.as_ref()),
        (
            "vehicle_purchase",
            "公务用车购置费",
            tp.vehicle_purchase.as_ref(),
        ),
        (
            "vehicle_operation",
            "公务用车运行费",
            tp.vehicle_operation.as_ref(),
        ),
    ];
    for (key, what, part) in parts {
        let Some(p) = part else { continue };
        // 变动率 = 变动额 ÷ 上年数, 上年数 = 本年数 − 变动额.
        let rate = p.actual.zip(p.change).and_then(|(a, c)| {
            let base = a.checked_sub(c)?;
            ratio_percent(c, base.abs())
        });
        percent(
            audit,
            claim(
                code,
                &format!("three_public.{key}.change_rate"),
                &format!("{what}比上年的变动率"),
                "变动额 ÷ 上年数",
                "变动率 = 变动额 ÷ 上年数（上年数 = 本年数 − 变动额）",
            ),
            p.change_rate,
            rate,
        );
        let share = p.actual.zip(total).and_then(|(a, t)| ratio_percent(a, t));
        percent(
            audit,
            claim(
                code,
                &format!("three_public.{key}.share"),
                &format!("{what}占“三公”经费的比例"),
                "该项决算 ÷ “三公”经费决算",
                "占比 = 该项决算 ÷ “三公”经费决算",
            ),
            p.share,
            share,
        );
    }
    let actual = |p: &Option<BudgetActual>| p.as_ref().and_then(|p| p.actual);
    let parts_sum = actual(&tp.vehicle_purchase)
        .zip(actual(&tp.vehicle_operation))
        .and_then(|(a, b)| a.checked_add(b));
    if let (Some(stated), Some(sum)) = (actual(&tp.vehicle), parts_sum) {
        let claim = claim(
            code,
            "three_public.vehicle.actual",
            "公务用车购置及运行维护费",
            "公务用车购置费与运行维护费之和",
            "公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费",
        );
        audit.amount(claim, stated, sum);
    }
}

/// Template 十一（二）: what 中小企业 won in the reserved projects and in the others is part of
/// the 政府采购金额, so together no more than it. The whole is the larger of the stated total and
/// its kinds' sum, so a misprinted total is reported once, by `procurement_sum`.
fn sme_awards(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(p) = &ctx.fa.procurement else {
        return;
    };
    let kinds = p
        .goods
        .zip(p.works)
        .zip(p.services)
        .and_then(|((g, w), s)| Dec::checked_sum([g, w, s]));
    let whole = match (p.total, kinds) {
        (Some(t), Some(k)) => Some(t.max(k)),
        (t, k) => t.or(k),
    };
    let (Some(reserved), Some(other), Some(whole)) =
        (p.sme_reserved_awarded, p.sme_other_awarded, whole)
    else {
        return;
    };
    let Some(awarded) = reserved.checked_add(other) else {
        return;
    };
    if awarded > whole {
        let unit = ctx.record.amount_unit.label();
        let claim = claim(
            "accounts.sme_awards",
            "procurement.sme_other_awarded",
            "中小企业中标或成交金额",
            "",
            "预留项目与其他项目中由中小企业中标或成交的金额之和 ≤ 政府采购金额",
        );
        let message = format!(
            "预留项目中由中小企业中标或成交的 {reserved} {unit} 与其他项目中的 {other} {unit} 之和为 {awarded} {unit}，超过政府采购金额 {whole} {unit}"
        );
        audit.push(
            &claim,
            Some(awarded.to_string()),
            Some(whole.to_string()),
            message,
        );
    }
}

/// Template 十: the 绩效自评 projects by grade add up to the projects evaluated; the problems
/// found are those rectified plus those being rectified; and the average score lies within the
/// grades' bands (优 ≥ 90, 良 80–<90, 合格 60–<80, 不合格 < 60; domain.md §1.1).
fn performance(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let code = "accounts.performance";
    let Some(perf) = &ctx.fa.performance else {
        return;
    };
    let grades = [
        perf.grade_excellent,
        perf.grade_good,
        perf.grade_pass,
        perf.grade_fail,
    ];
    let all: Option<Vec<Dec>> = grades.iter().copied().collect();
    if let (Some(stated), Some(sum)) = (
        perf.evaluated_projects,
        all.as_ref()
            .and_then(|g| Dec::checked_sum(g.iter().copied())),
    ) {
        let claim = claim(
            code,
            "performance.evaluated_projects",
            "绩效自评项目个数",
            "各绩效评级项目个数之和",
            "绩效自评项目个数 = 评级为优、良、合格、不合格的项目个数之和",
        );
        audit.amount(claim, stated, sum);
    }
    let fixed = perf
        .problems_fixed
        .zip(perf.problems_fixing)
        .and_then(|(a, b)| a.checked_add(b));
    if let (Some(stated), Some(sum)) = (perf.problems, fixed) {
        let claim = claim(
            code,
            "performance.problems",
            "绩效自评发现问题个数",
            "已完成整改与正在整改的个数之和",
            "发现问题个数 = 已经完成整改的个数 + 正在整改的个数",
        );
        audit.amount(claim, stated, sum);
    }
    if let (Some(avg), Some(g)) = (perf.average_score, all) {
        average_within_grades(audit, avg, &g);
    }
}

/// The average of projects graded `g` (优, 良, 合格, 不合格 counts) lies in the bands' range.
fn average_within_grades(audit: &mut Audit<'_>, avg: Dec, g: &[Dec]) {
    const BOUNDS: [(i64, i64); 4] = [(90, 100), (80, 90), (60, 80), (0, 60)];
    let weighted = |pick: fn((i64, i64)) -> i64| {
        let terms: Option<Vec<Dec>> = g
            .iter()
            .zip(BOUNDS)
            .map(|(n, b)| n.checked_mul(Dec::from_int(pick(b))))
            .collect();
        Dec::checked_sum(terms?)
    };
    let count = Dec::checked_sum(g.iter().copied()).filter(|c| !c.is_zero());
    let (Some(c), Some(lo), Some(hi)) = (count, weighted(|b| b.0), weighted(|b| b.1)) else {
        return;
    };
    let (Some(lo), Some(hi)) = (lo.checked_div(c), hi.checked_div(c)) else {
        return;
    };
    if avg < lo || avg > hi {
        let claim = claim(
            "accounts.performance",
            "performance.average_score",
            "绩效自评平均得分",
            "",
            "平均得分须在各项目评级的分数区间内（优 ≥ 90，良 80–90，合格 60–80，不合格 < 60）",
        );
        let range = format!("{}–{}", lo.round(2), hi.round(2));
        let message = format!("绩效自评平均得分为 {avg}，按各评级项目个数只能在 {range} 分之间");
        audit.push(&claim, Some(avg.to_string()), Some(range), message);
    }
}

/// 全年预算 (Shanghai: "全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%"):
/// each line's completion, and Σ line 全年预算 against the total's.
fn full_year(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    for (i, line) in ctx.fa.lines.iter().enumerate() {
        let (Some(stated), Some(budget)) =
            (line.stated_full_year_completion, line.full_year_budget)
        else {
            continue;
        };
        let claim = Claim {
            code: "accounts.completion",
            field: field(&format!("lines[{i}].stated_full_year_completion")),
            what: format!("{}完成全年预算数的%", super::split::line_name(line)),
            basis: "支出决算 ÷ 全年预算",
            rule: "完成全年预算数的% = 支出决算 ÷ 全年预算",
        };
        percent(
            audit,
            claim,
            Some(stated),
            ratio_percent(line.actual, budget),
        );
    }
    let budgets: Option<Vec<Money>> = if ctx.fa.lines.is_empty() {
        None
    } else {
        ctx.fa.lines.iter().map(|l| l.full_year_budget).collect()
    };
    let sum = budgets.and_then(Dec::checked_sum);
    let stated = ctx
        .fa
        .general_budget
        .as_ref()
        .and_then(|g| g.full_year_budget);
    if let (Some(stated), Some(sum)) = (stated, sum) {
        let claim = claim(
            "accounts.budget_sum",
            "general_budget.full_year_budget",
            "一般公共预算财政拨款支出全年预算",
            "各科目全年预算之和",
            "全年预算合计 = 各科目全年预算之和",
        );
        audit.amount(claim, stated, sum);
    }
}

/// 六's 人员经费 and 公用经费 against the 基本支出决算表's 合计.
fn basic_parts(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let (Some(n), Some(b)) = (ctx.fa.narrative.as_ref(), ctx.fa.basic.as_ref()) else {
        return;
    };
    for (key, what, stated, table) in [
        (
            "personnel",
            "人员经费",
            n.personnel.as_ref().and_then(|s| s.value),
            b.personnel,
        ),
        (
            "public",
            "公用经费",
            n.public.as_ref().and_then(|s| s.value),
            b.public,
        ),
    ] {
        if let (Some(s), Some(t)) = (stated, table) {
            let claim = Claim {
                code: "accounts.basic_split",
                field: field(&format!("narrative.{key}.value")),
                what: format!("情况说明中的{what}"),
                basis: "基本支出决算表中的合计",
                rule: "同一数字前后一致",
            };
            audit.amount(claim, s, t);
        }
    }
}

/// 二: "其他收入 XXX 万元，占 XX%" of 本年收入合计 (the table's, else the text's).
fn other_income(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(n) = ctx.fa.narrative.as_ref() else {
        return;
    };
    let Some(stated) = n.other_income.as_ref() else {
        return;
    };
    let whole = ctx
        .fa
        .income
        .as_ref()
        .and_then(|i| i.total)
        .or_else(|| n.income.as_ref().and_then(|i| i.value));
    let part = stated
        .value
        .or_else(|| ctx.fa.income.as_ref().and_then(|i| i.other));
    let computed = part.zip(whole).and_then(|(p, w)| ratio_percent(p, w));
    if let (Some(s), Some(c)) = (stated.share, computed)
        && !percent_matches(s, c)
    {
        let claim = claim(
            "accounts.share",
            "narrative.other_income.share",
            "其他收入占本年收入合计的比例",
            "其他收入 ÷ 本年收入合计",
            "占比 = 该项 ÷ 合计",
        );
        audit.percent(claim, s, c);
    }
}
