//! 预算执行: `execution.rate`, `execution.over_budget`, `execution.score`, `execution.split`,
//! `execution.stated_budget`, `execution.stated_actual`.

use super::{Ctx, Found, differ_at, percent_at, show, show_pct};
use crate::model::{Dec, Money, Pct};

/// Every execution audit of one table.
pub(super) fn audit(ctx: &mut Ctx<'_>) {
    let Some(es) = ctx.score.execution.clone() else {
        return;
    };
    let (a, b) = (es.budget, es.actual);
    rate(ctx, "execution.rate", "执行率", a, b, es.reported_rate);
    if let Some(p) = &es.basic {
        rate(
            ctx,
            "execution.basic.rate",
            "基本支出执行率",
            p.budget,
            p.actual,
            p.reported_rate,
        );
    }
    if let Some(p) = &es.project {
        rate(
            ctx,
            "execution.project.rate",
            "项目支出执行率",
            p.budget,
            p.actual,
            p.reported_rate,
        );
    }
    rate(
        ctx,
        "stated.execution_rate",
        "报告所述执行率",
        a,
        b,
        ctx.card.stated.execution_rate,
    );

    if let (Some(a), Some(b), true) = (a, b, es.over_budget) {
        ctx.push(Found {
            code: "execution.over_budget",
            field: "execution.actual".to_owned(),
            stated: Some(b.to_string()),
            computed: Some(format!("预算数 {a}，执行率 {}", es.rate.map_or(String::new(), |r| show_pct(r, 2)))),
            rule: "执行数不应超过预算数：预算数为调整后财政资金总额（含上年结余结转），超过 100% 的执行率按满分封顶并应核实".to_owned(),
            message: format!("执行数 {b} 超过预算数 {a}"),
        });
    }
    if let (Some(reported), Some(rule)) = (es.reported, es.rule)
        && differ_at(reported, rule, ctx.score.precision)
    {
        ctx.push(Found {
            code: "execution.score",
            field: "execution.score".to_owned(),
            stated: Some(reported.to_string()),
            computed: Some(show(rule)),
            rule: format!(
                "预算执行得分 = {} × min(执行率, 1)：{}",
                show(es.weight),
                es.explanation
            ),
            message: format!("预算执行得分 {reported}，按规则应为 {}", show(rule)),
        });
    }
    super::funds::audit(ctx, &es);
    split(ctx, a, b);
    stated(ctx, "budget", "预算数", ctx.card.stated.budget, a);
    stated(ctx, "actual", "执行数", ctx.card.stated.actual, b);
}

/// A stated rate against B/A at the precision it is printed in.
fn rate(
    ctx: &mut Ctx<'_>,
    field: &str,
    label: &str,
    a: Option<Money>,
    b: Option<Money>,
    stated: Option<Pct>,
) {
    let (Some(a), Some(b), Some(stated)) = (a, b, stated) else {
        return;
    };
    let dp = stated.percent().scale();
    let Some(computed) = percent_at(b, a, dp) else {
        return;
    };
    if computed != stated.percent() {
        let full = percent_at(b, a, 2).unwrap_or(computed);
        ctx.push(Found {
            code: "execution.rate",
            field: field.to_owned(),
            stated: Some(stated.to_string()),
            computed: Some(format!("{full}%")),
            rule: "执行率 = 执行数(B) ÷ 预算数(A)，按所印精度四舍五入后比较".to_owned(),
            message: format!("{label} {stated}，{b} ÷ {a} = {full}%"),
        });
    }
}

/// 基本 + 项目 against the whole.
fn split(ctx: &mut Ctx<'_>, a: Option<Money>, b: Option<Money>) {
    let card = ctx.card;
    if let (Some(basic), Some(project), Some(total)) =
        (card.basic_expenditure, card.project_expenditure, b)
        && let Some(sum) = basic.checked_add(project)
        && sum != total
    {
        ctx.push(Found {
            code: "execution.split",
            field: "basic_expenditure".to_owned(),
            stated: Some(total.to_string()),
            computed: Some(show(sum)),
            rule: "基本支出总额 + 项目支出总额 = 部门整体支出执行数".to_owned(),
            message: format!(
                "基本支出 {basic} + 项目支出 {project} = {}，执行数为 {total}",
                show(sum)
            ),
        });
    }
    let Some(ex) = &card.execution else {
        return;
    };
    let (Some(bp), Some(pp)) = (&ex.basic, &ex.project) else {
        return;
    };
    for (sub, label, whole, x, y) in [
        ("budget", "预算数", a, bp.budget, pp.budget),
        ("actual", "执行数", b, bp.actual, pp.actual),
    ] {
        if let (Some(whole), Some(x), Some(y)) = (whole, x, y)
            && let Some(sum) = x.checked_add(y)
            && sum != whole
        {
            ctx.push(Found {
                code: "execution.split",
                field: format!("execution.{sub}"),
                stated: Some(whole.to_string()),
                computed: Some(show(sum)),
                rule: format!("基本支出{label} + 项目支出{label} = 整体{label}"),
                message: format!(
                    "{label} {whole}，基本支出 {x} + 项目支出 {y} = {}",
                    show(sum)
                ),
            });
        }
    }
}

/// A figure the report's text states against the table.
fn stated(ctx: &mut Ctx<'_>, sub: &str, label: &str, stated: Option<Dec>, table: Option<Dec>) {
    let (Some(stated), Some(table)) = (stated, table) else {
        return;
    };
    if stated != table {
        ctx.push(Found {
            code: if sub == "budget" {
                "execution.stated_budget"
            } else {
                "execution.stated_actual"
            },
            field: format!("stated.{sub}"),
            stated: Some(stated.to_string()),
            computed: Some(table.to_string()),
            rule: format!("报告正文所述{label}应与自评表一致"),
            message: format!("报告正文称{label} {stated}，自评表为 {table}"),
        });
    }
}
