//! The funds block's 其中 rows and printed cells (issue 16): `execution.rate` and
//! `execution.over_budget` of each 其中 row, `execution.unchecked` for a printed rate or score
//! that no rule can recompute (a figure it needs is a mark or missing, or 0 ÷ 0), and
//! `execution.parts_sum` where the 年度资金总额 row contradicts its 其中 rows. A column whose
//! parts are partly marks is not a finding: the page shows it as not fully checkable.

use super::{Ctx, Found, percent_at, show, show_pct};
use crate::model::cell::figure;
use crate::score::ExecutionScore;
use crate::score::funds::{SumCheck, funds_labels};

/// Every funds-block audit beyond the total row's rate and score.
pub(super) fn audit(ctx: &mut Ctx<'_>, es: &ExecutionScore) {
    let Some(ex) = &ctx.card.execution else {
        return;
    };
    let labels = funds_labels(ctx.template());
    let total_name = labels.total;
    if let (Some(printed), None) = (figure(ex.total.rate.as_ref()), es.rate) {
        unchecked(
            ctx,
            "execution.rate",
            total_name,
            "执行率",
            &printed.to_string(),
            es,
        );
    }
    if let (Some(printed), None) = (figure(ex.total.score.as_ref()), es.rule) {
        unchecked(
            ctx,
            "execution.score",
            total_name,
            "得分",
            &show(printed),
            es,
        );
    }
    for (i, (p, ps)) in ex.parts.iter().zip(&es.parts).enumerate() {
        let field = format!("execution.parts[{i}]");
        match (ps.reported_rate, ps.budget, ps.actual) {
            (Some(stated), Some(a), Some(b)) if !a.is_zero() => {
                let dp = stated.percent().scale();
                if let Some(computed) = percent_at(b, a, dp)
                    && computed != stated.percent()
                {
                    let full = percent_at(b, a, 2).unwrap_or(computed);
                    ctx.push(Found {
                        code: "execution.rate",
                        field: format!("{field}.rate"),
                        stated: Some(stated.to_string()),
                        computed: Some(format!("{full}%")),
                        rule: "执行率 = 执行数(B) ÷ 预算数(A)，按所印精度四舍五入后比较".to_owned(),
                        message: format!("{}执行率 {stated}，{b} ÷ {a} = {full}%", ps.name),
                    });
                }
            }
            (Some(stated), _, _) => {
                let note = ps.rate_note.clone().unwrap_or_default();
                ctx.push(Found {
                    code: "execution.unchecked",
                    field: format!("{field}.rate"),
                    stated: Some(stated.to_string()),
                    computed: None,
                    rule: "执行率 = 执行数(B) ÷ 预算数(A)；所需数字缺失或为 0 时无法重算，所印数字未经核对"
                        .to_owned(),
                    message: format!("{}执行率印为 {stated}，{note}，未核对", ps.name),
                });
            }
            _ => {}
        }
        if let (true, false, Some(a), Some(b)) =
            (ps.over_budget, es.over_budget, ps.budget, ps.actual)
        {
            ctx.push(Found {
                code: "execution.over_budget",
                field: format!("{field}.actual"),
                stated: Some(b.to_string()),
                computed: Some(format!(
                    "预算数 {a}，执行率 {}",
                    ps.rate.map_or(String::new(), |r| show_pct(r, 2))
                )),
                rule: "执行数不应超过预算数：超过 100% 的执行率应核实".to_owned(),
                message: format!(
                    "{}执行数 {b} 超过预算数 {a}",
                    p.name.as_deref().unwrap_or_default()
                ),
            });
        }
    }
    for sum in es.sums.iter().filter(|s| s.check == SumCheck::Contradicts) {
        let (Some(total), Some(typed)) = (sum.total, sum.typed_sum) else {
            continue;
        };
        let label = sum.column.label(&labels);
        let detail = if sum.untyped.is_empty() {
            format!("其中各项合计 {}", show(typed))
        } else {
            format!(
                "已印数字的其中各项合计 {} 已超过总额（另有 {} 未印数字）",
                show(typed),
                sum.untyped.join("、")
            )
        };
        ctx.push(Found {
            code: "execution.parts_sum",
            field: format!("execution.{}", sum.column.field()),
            stated: Some(total.to_string()),
            computed: Some(show(typed)),
            rule: format!(
                "{total_name}应等于其中各项之和（各项均印数字时相等；部分未印时已印各项之和不应超过总额）"
            ),
            message: format!("{total_name}{label} {total}，{detail}"),
        });
    }
}

/// A printed rate or score of the total row that the rule cannot recompute.
fn unchecked(
    ctx: &mut Ctx<'_>,
    sub: &str,
    row: &str,
    what: &str,
    printed: &str,
    es: &ExecutionScore,
) {
    let note = es.rate_note.clone().unwrap_or_default();
    ctx.push(Found {
        code: "execution.unchecked",
        field: sub.to_owned(),
        stated: Some(printed.to_owned()),
        computed: None,
        rule: "执行率 = 执行数(B) ÷ 预算数(A)，得分 = 分值 × min(执行率, 1)；所需数字缺失或为 0 时无法重算，所印数字未经核对".to_owned(),
        message: format!("{row}{what}印为 {printed}，{note}，未核对"),
    });
}
