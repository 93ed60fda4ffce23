//! Weights and totals: `weights.total`, `weights.stated`, `weights.goal`, `weights.subtotal`,
//! `score.total`, `score.sum`, `score.goals`, `score.stated_total`, `score.full_with_unmet`.

use super::{Ctx, Found, differ_at, show};
use crate::model::{Dec, Goal};
use crate::score::text::normalize;

/// Weights that should add up.
pub(super) fn weights(ctx: &mut Ctx<'_>) {
    let s = ctx.score;
    let hundred = Dec::HUNDRED;
    // A card that publishes only its execution figures (no goals, no 总目标) has no table
    // whose weights could fail to add up.
    let has_table = !ctx.card.goals.is_empty() || ctx.card.overall_goal.is_some();
    // Issue 16: a table cut off (原文不全) misses the goals after the cut; no sum over all
    // goals is compared (weights.total, weights.stated, score.total, score.sum, score.goals).
    if let Some(total) = s.weight_total
        && has_table
        && !ctx.cut()
        && total != hundred
    {
        let parts = weight_terms(ctx);
        ctx.push(Found {
            code: "weights.total",
            field: String::new(),
            stated: Some(show(total)),
            computed: Some("100".to_owned()),
            rule: "各部分分值合计应为 100：预算执行分值 + 项目绩效总目标分值 + 各年度目标分值"
                .to_owned(),
            message: format!("分值合计 {} = {}，不等于 100", parts, show(total)),
        });
    }
    if let Some(stated) = ctx.card.stated.goals_weight.filter(|_| !ctx.cut()) {
        let overall = ctx
            .card
            .overall_goal
            .as_ref()
            .and_then(|o| o.weight)
            .unwrap_or(Dec::ZERO);
        let goals: Option<Vec<Dec>> = ctx.card.goals.iter().map(|g| g.weight).collect();
        if let Some(sum) = goals.and_then(|g| Dec::checked_sum(g.into_iter().chain([overall])))
            && sum != stated
        {
            ctx.push(Found {
                code: "weights.stated",
                field: "stated.goals_weight".to_owned(),
                stated: Some(stated.to_string()),
                computed: Some(show(sum)),
                rule: "报告所述年度目标分值应等于自评表中各年度目标分值之和".to_owned(),
                message: format!(
                    "报告称年度目标 {stated} 分，表中各目标分值合计 {}",
                    show(sum)
                ),
            });
        }
    }
    for (gi, (g, gs)) in ctx.card.goals.iter().zip(&ctx.score.goals).enumerate() {
        if let (Some(w), Some(sum)) = (g.weight, gs.indicator_weights)
            && !ctx.cut_goal(gi)
            && w != sum
        {
            ctx.push(Found {
                code: "weights.goal",
                field: format!("goals[{gi}].weight"),
                stated: Some(w.to_string()),
                computed: Some(show(sum)),
                rule: "年度目标分值应等于其下三级指标分值之和".to_owned(),
                message: format!("{}分值 {w}，其下指标分值合计 {}", g.name, show(sum)),
            });
        }
        subtotals(ctx, gi, g);
    }
}

fn weight_terms(ctx: &Ctx<'_>) -> String {
    let mut terms = Vec::new();
    terms.push(show(ctx.score.execution.as_ref().map_or_else(
        || crate::score::execution::execution_weight(ctx.template()),
        |e| e.weight,
    )));
    if let Some(w) = ctx.card.overall_goal.as_ref().and_then(|o| o.weight) {
        terms.push(w.to_string());
    }
    terms.extend(
        ctx.card
            .goals
            .iter()
            .filter_map(|g| g.weight.map(|w| w.to_string())),
    );
    terms.join(" + ")
}

/// Stated 一级/二级 subtotals against the weights of the rows they head.
fn subtotals(ctx: &mut Ctx<'_>, gi: usize, g: &Goal) {
    for (si, st) in g.subtotals.iter().enumerate() {
        let (l1, l2) = (normalize(&st.level1), st.level2.as_deref().map(normalize));
        let rows: Vec<_> = g
            .indicators
            .iter()
            .filter(|i| i.level1.as_deref().map(normalize).as_deref() == Some(l1.as_str()))
            .filter(|i| l2.is_none() || i.level2.as_deref().map(normalize) == l2)
            .collect();
        if rows.is_empty() || ctx.cut_group(gi, &st.level1, st.level2.as_deref()) {
            continue;
        }
        let weights: Option<Vec<Dec>> = rows.iter().map(|i| i.weight).collect();
        let Some(sum) = weights.and_then(Dec::checked_sum) else {
            continue;
        };
        if sum != st.weight {
            let name = match &st.level2 {
                Some(l2) => format!("{}/{}", st.level1, l2),
                None => st.level1.clone(),
            };
            ctx.push(Found {
                code: "weights.subtotal",
                field: format!("goals[{gi}].subtotals[{si}].weight"),
                stated: Some(st.weight.to_string()),
                computed: Some(show(sum)),
                rule: "一级、二级指标分值应等于其下三级指标分值之和".to_owned(),
                message: format!(
                    "{}中“{name}”分值 {}，其下 {} 个指标分值合计 {}",
                    g.name,
                    st.weight,
                    rows.len(),
                    show(sum)
                ),
            });
        }
    }
}

/// Totals against the rule and against the table's own rows.
pub(super) fn scores(ctx: &mut Ctx<'_>) {
    let s = ctx.score;
    let p = s.precision;
    if let (Some(reported), Some(rule)) = (s.reported_total, s.rule_total)
        && !ctx.cut()
        && differ_at(reported, rule, p)
    {
        ctx.push(Found {
            code: "score.total",
            field: "reported_total".to_owned(),
            stated: Some(reported.to_string()),
            computed: Some(show(rule)),
            rule: format!(
                "总分 = 预算执行得分 + 各指标得分（按规则重算，逐行四舍五入到 2 位小数）：{}",
                s.explanation
            ),
            message: format!("总分 {reported}，按规则重算为 {}", show(rule)),
        });
    }
    if let (Some(reported), Some(sum)) = (s.reported_total, s.reported_sum)
        && !ctx.cut()
        && reported != sum
    {
        ctx.push(Found {
            code: "score.sum",
            field: "reported_total".to_owned(),
            stated: Some(reported.to_string()),
            computed: Some(show(sum)),
            rule: "总分应等于表中预算执行得分、项目绩效总目标得分与各指标得分之和".to_owned(),
            message: format!("总分 {reported}，表中各行得分合计 {}", show(sum)),
        });
    }
    if let Some(stated) = ctx.card.stated.goals_score.filter(|_| !ctx.cut()) {
        let overall = s.overall_goal.as_ref().map(|o| o.reported);
        let rows = s.goals.iter().map(|g| g.reported_total);
        let all: Option<Vec<Dec>> = overall.into_iter().chain(rows).collect();
        if let Some(sum) = all.and_then(Dec::checked_sum)
            && sum != stated
        {
            ctx.push(Found {
                code: "score.goals",
                field: "stated.goals_score".to_owned(),
                stated: Some(stated.to_string()),
                computed: Some(show(sum)),
                rule: "报告所述年度目标自评得分应等于表中项目绩效总目标与各指标得分之和".to_owned(),
                message: format!(
                    "报告称年度目标自评得分 {stated} 分，表中各行得分合计 {}",
                    show(sum)
                ),
            });
        }
    }
    if let (Some(stated), Some(reported)) = (ctx.card.stated.total, s.reported_total)
        && stated != reported
    {
        ctx.push(Found {
            code: "score.stated_total",
            field: "stated.total".to_owned(),
            stated: Some(stated.to_string()),
            computed: Some(reported.to_string()),
            rule: "报告正文所述自评得分应与自评表总分一致".to_owned(),
            message: format!("报告称自评得分 {stated} 分，自评表总分 {reported}"),
        });
    }
    full_with_unmet(ctx);
}

/// Full marks while some indicators are not met.
fn full_with_unmet(ctx: &mut Ctx<'_>) {
    let s = ctx.score;
    // Full marks are 100 on both templates, whatever the card's own weights add up to.
    let full = Dec::HUNDRED;
    let Some(reported) = s.reported_total else {
        return;
    };
    let unmet = s.completion.not_met();
    if reported >= full && unmet > 0 {
        let names: Vec<&str> = s
            .goals
            .iter()
            .flat_map(|g| g.indicators.iter())
            .filter(|i| !i.met && i.met_basis != crate::score::MetBasis::NotJudged)
            .map(|i| i.name.as_str())
            .collect();
        ctx.push(Found {
            code: "score.full_with_unmet",
            field: "reported_total".to_owned(),
            stated: Some(reported.to_string()),
            computed: Some(format!("{unmet} 个指标未完成")),
            rule: "有未完成的指标时总分不应为满分".to_owned(),
            message: format!(
                "总分 {reported} 为满分，但有 {unmet} 个指标未完成：{}",
                names.join("、")
            ),
        });
    }
}
