//! The provincial layouts' own rows (issue 16): `weights.total_stated`, `grade.mismatch`,
//! `indicator.actual_missing`, `criteria.points`, `score.over_weight`,
//! `indicator.deviation_missing`.
//!
//! Each rule has its basis in the table itself: the 合计 / 总分 row prints the total weight
//! and the grade; the Sichuan and national rows need a 完成值 to be scored; an Anhui 评分表
//! lists the points of each row in its 评分标准 (`(1分)`), which must add up to the row's 指标分值,
//! and no row may score more than its weight (`domain.md` §1.3: "得分不得突破权重总额"). The
//! national and Sichuan tables print a reason column for each row (偏差原因分析及改进措施,
//! 未完成原因分析): a row that missed its target and leaves it blank is reported.

use super::{Ctx, Found, show};
use crate::model::{Dec, Template};
use crate::score::MetBasis;
use crate::score::bands::grade_of;
use crate::score::performance::Basis;

/// Every layout audit of one table.
pub(super) fn audit(ctx: &mut Ctx<'_>) {
    total_weight(ctx);
    grade(ctx);
    rows(ctx);
}

/// The 合计 row's printed weight against the parts' weights.
fn total_weight(ctx: &mut Ctx<'_>) {
    let Some(stated) = ctx.card.total_weight else {
        return;
    };
    // A block that prints no weight of its own ("绩效指标" without "(90分)") weighs its rows.
    let s = ctx.score;
    let exec_w = s.execution.as_ref().map_or_else(
        || crate::score::execution::execution_weight(ctx.template()),
        |e| e.weight,
    );
    let parts = s.goals.iter().map(|g| g.weight.or(g.indicator_weights));
    let all: Option<Vec<Dec>> = [Some(exec_w), s.overall_goal.as_ref().and_then(|o| o.weight)]
        .into_iter()
        .filter(|w| w.is_some())
        .chain(parts)
        .collect();
    let Some(sum) = s.weight_total.or_else(|| all.and_then(Dec::checked_sum)) else {
        return;
    };
    if stated != sum {
        ctx.push(Found {
            code: "weights.total_stated",
            field: "total_weight".to_owned(),
            stated: Some(stated.to_string()),
            computed: Some(show(sum)),
            rule: "合计（总分）行所列分值应等于预算执行分值与各部分分值之和".to_owned(),
            message: format!("合计分值 {stated}，各部分分值合计 {}", show(sum)),
        });
    }
}

/// The printed grade against the grade of the printed total (财预〔2020〕10号: 优 ≥ 90,
/// 良 80–<90, 中 60–<80, 差 < 60).
fn grade(ctx: &mut Ctx<'_>) {
    let (Some(printed), Some(total)) =
        (ctx.card.reported_grade.as_deref(), ctx.card.reported_total)
    else {
        return;
    };
    let Some(expected) = grade_of(ctx.template(), total) else {
        return;
    };
    if expected.label() != printed {
        ctx.push(Found {
            code: "grade.mismatch",
            field: "reported_grade".to_owned(),
            stated: Some(printed.to_owned()),
            computed: Some(expected.label().to_owned()),
            rule: "评价等级：优 ≥90，良 80–<90，中 60–<80，差 <60（按自评总分）".to_owned(),
            message: format!(
                "自评总分 {total} 对应等级“{}”，表中印为“{printed}”",
                expected.label()
            ),
        });
    }
}

fn rows(ctx: &mut Ctx<'_>) {
    for (gi, g) in ctx.card.goals.iter().enumerate() {
        for (ii, ind) in g.indicators.iter().enumerate() {
            let Some(s) = ctx.score.goals.get(gi).and_then(|gs| gs.indicators.get(ii)) else {
                continue;
            };
            let at = format!("goals[{gi}].indicators[{ii}]");
            let reason_column = matches!(ctx.template(), Template::National | Template::Sichuan);
            if reason_column
                && !s.met
                && s.met_basis == MetBasis::Comparator
                && ind.deviation.as_deref().is_none_or(|d| d.trim().is_empty())
                && ctx.card.deviation_analysis.is_none()
            {
                ctx.push(Found {
                    code: "indicator.deviation_missing",
                    field: format!("{at}.actual"),
                    stated: ind.actual.as_ref().map(|m| m.text.clone()),
                    computed: ind.target.as_ref().map(|m| format!("未达到指标值 {}", m.text)),
                    rule: "未完成指标值的指标应在“偏差原因分析及改进措施”（四川表式：“未完成原因分析”）栏说明原因".to_owned(),
                    message: format!(
                        "“{}”完成值 {} 未达到指标值 {}，未说明偏差原因",
                        ind.name,
                        ind.actual.as_ref().map_or("", |m| m.text.as_str()),
                        ind.target.as_ref().map_or("", |m| m.text.as_str())
                    ),
                });
            }
            if s.basis == Basis::NoActual {
                ctx.push(Found {
                    code: "indicator.actual_missing",
                    field: format!("{at}.actual"),
                    stated: None,
                    computed: None,
                    rule: "定量指标按完成值与指标值之比计分；未填完成值则无法按规则计分，也无法判定是否完成".to_owned(),
                    message: format!(
                        "“{}”未填完成值（指标值 {}），得分未重算",
                        ind.name,
                        ind.target.as_ref().map_or("", |m| m.text.as_str())
                    ),
                });
            }
            if let (Some(criteria), Some(w)) = (ind.criteria.as_deref(), ind.weight)
                && let Some(points) = criteria_points(criteria)
                && let Some(sum) = Dec::checked_sum(points.iter().copied())
                && sum != w
            {
                let terms: Vec<String> = points.iter().map(|p| show(*p)).collect();
                ctx.push(Found {
                    code: "criteria.points",
                    field: format!("{at}.criteria"),
                    stated: Some(w.to_string()),
                    computed: Some(show(sum)),
                    rule: "评分标准所列各项分数（“(N分)”）之和应等于该指标分值".to_owned(),
                    message: format!(
                        "“{}”指标分值 {w}，评分标准所列分数 {} = {}",
                        ind.name,
                        terms.join(" + "),
                        show(sum)
                    ),
                });
            }
            if let (Some(reported), Some(w)) = (ind.score, ind.weight)
                && reported > w
                && !s.basis.is_formula()
            {
                // A formula row's rule is capped at the weight, so `score.mismatch` reports
                // it already; this is for the rows no formula scores.
                ctx.push(Found {
                    code: "score.over_weight",
                    field: format!("{at}.score"),
                    stated: Some(reported.to_string()),
                    computed: Some(format!("≤ {w}")),
                    rule: "得分不得突破该指标分值".to_owned(),
                    message: format!("“{}”得分 {reported} 超过其分值 {w}", ind.name),
                });
            }
        }
    }
}

/// The points a 评分标准 lists: each `N分` that opens a bracket (`(1分)`, `（2分，其中…）`),
/// in order. Points inside a bracket after its first (`其中单位整体绩效目标1分`) split that
/// item and are not added again. `None` when the text lists none, or stops inside a bracket
/// (a cut document: its points cannot be added up).
pub(crate) fn criteria_points(text: &str) -> Option<Vec<Dec>> {
    let mut points = Vec::new();
    let mut depth = 0u32;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => {
                depth += 1;
                if depth == 1
                    && let Some(p) = leading_points(&text[i + c.len_utf8()..])
                {
                    points.push(p);
                }
            }
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (depth == 0 && !points.is_empty()).then_some(points)
}

/// `N分` at the start of `rest` (spaces allowed), followed by a bracket's end or a comma.
fn leading_points(rest: &str) -> Option<Dec> {
    let rest = rest.trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let n = Dec::parse(&rest[..end]).ok()?;
    let after = rest[end..].trim_start().strip_prefix('分')?;
    after
        .trim_start()
        .starts_with([')', '）', ',', '，', ';', '；'])
        .then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(s: &str) -> Option<Vec<String>> {
        criteria_points(s).map(|v| v.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn the_shouxian_rows_list_their_points() {
        // Field 03, rows 1, 2 and 4 as printed.
        assert_eq!(
            pts(
                "1、基础数据信息是否真实(1分); 2、基础数据信息是否完整(1分); 3、基础数据信息是否准确(1分)。"
            ),
            Some(vec!["1".into(), "1".into(), "1".into()])
        );
        assert_eq!(pts("年度工作计划是否完整可行(3分)"), Some(vec!["3".into()]));
        assert_eq!(
            pts(
                "1、设置年度绩效目标(2分,其中单位整体绩效目标1分,项目绩效目标1分,若单位无项目,得2分) 2、绩效目标设置依据充分(1分) 3、绩效目标合理,符合实际,可操作(1分) 4、未设置绩效目标,该栏不得分"
            ),
            Some(vec!["2".into(), "1".into(), "1".into()])
        );
    }

    #[test]
    fn a_cut_or_pointless_text_lists_nothing() {
        // Field 03, row 6: the document stops inside the bracket.
        assert_eq!(pts("1、除上级政策性因素影响外,年度无预算追加(1"), None);
        assert_eq!(pts("按实际情况评分"), None);
        assert_eq!(pts("(扣1分)"), None);
        assert_eq!(pts("（城区）（0.5分）"), Some(vec!["0.5".into()]));
    }
}
