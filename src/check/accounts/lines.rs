//! The 功能分类 lines: Σ项 = Σ类 = 一般公共预算财政拨款支出, Σ 年初预算, 完成年初预算%, 类 shares.
//!
//! In: a record's lines, its stated 类 figures and totals, and the derived line groups. Out:
//! findings `accounts.lines_sum`, `accounts.budget_sum`, `accounts.completion`,
//! `accounts.share` (for the 类 shares).

use super::{Audit, Claim, Context, field, percent_dp};
use crate::model::{Class, Dec, Fund, Pct};
use crate::score::accounts::{Figure, FundFigures, LineGroup, largest_remainder, ratio_percent};

const LINES_RULE: &str = "Σ项 = Σ款 = Σ类 = 一般公共预算财政拨款支出";
const BUDGET_RULE: &str = "年初预算合计 = 各科目年初预算之和";
const COMPLETION_RULE: &str = "完成年初预算的% = 支出决算 ÷ 年初预算";
const UNBUDGETED_RULE: &str =
    "年初预算为 0 的科目不计算完成年初预算的%（应写“该科目未申请年初财政拨款预算”）";
const SHARE_RULE: &str = "占比 = 该项 ÷ 合计，按最大余额法取舍，使各项占比合计为 100%";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let general = ctx
        .figures
        .funds
        .iter()
        .find(|f| f.fund == Fund::GeneralBudget);
    // Issue 16: where the document is cut off in the lines (or anywhere, unnamed), Σ of the
    // visible lines may miss lines after the cut: no sum over them is compared, nor are 类
    // shares computed from them; each line's own 完成年初预算% still is.
    let lines_cut = ctx.fa.cut_in("lines");
    let classes_cut = ctx.fa.cut_in("classes");
    if let Some(general) = general.filter(|_| !lines_cut) {
        class_sums(ctx, general, audit);
        budget_sum(ctx, general, audit);
    }
    if !classes_cut {
        classes_total(ctx, audit);
    }
    line_completion(ctx, audit);
    total_completion(ctx, audit);
    if !classes_cut {
        class_shares(ctx, general.filter(|_| !lines_cut), audit);
    }
}

/// Each stated 类 amount against its lines, and the lines against the stated total.
fn class_sums(ctx: &Context<'_>, general: &FundFigures, audit: &mut Audit<'_>) {
    let code = "accounts.lines_sum";
    for (i, class) in ctx.fa.classes.iter().enumerate() {
        let (Some(stated), Some(group)) = (class.actual, matching_group(class, &general.classes))
        else {
            continue;
        };
        audit.amount(
            Claim {
                code,
                field: field(&format!("classes[{i}].actual")),
                what: format!("{}（类）支出", class.name),
                basis: "该类下各科目支出之和",
                rule: LINES_RULE,
            },
            stated,
            group.actual,
        );
    }
    let basis = "一般公共预算各科目支出之和";
    if let Some(stated) = ctx.fa.general_budget.as_ref().and_then(|g| g.actual) {
        let claim = Claim {
            code,
            field: field("general_budget.actual"),
            what: "一般公共预算财政拨款支出".into(),
            basis,
            rule: LINES_RULE,
        };
        audit.amount(claim, stated, general.actual);
    }
    if let Some(stated) = Figure::GeneralBudget.stated(ctx.fa).and_then(|s| s.value) {
        let claim = Claim {
            code,
            field: field("narrative.general_budget.value"),
            what: "情况说明中的一般公共预算财政拨款支出".into(),
            basis,
            rule: LINES_RULE,
        };
        audit.amount(claim, stated, general.actual);
    }
}

/// Σ of the stated 类 amounts against the stated 一般公共预算 total.
fn classes_total(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(amounts) = class_amounts(&ctx.fa.classes) else {
        return;
    };
    let (Some(stated), Some(sum)) = (
        ctx.fa.general_budget.as_ref().and_then(|g| g.actual),
        Dec::checked_sum(amounts),
    ) else {
        return;
    };
    let claim = Claim {
        code: "accounts.lines_sum",
        field: field("general_budget.actual"),
        what: "一般公共预算财政拨款支出".into(),
        basis: "各类支出之和",
        rule: LINES_RULE,
    };
    audit.amount(claim, stated, sum);
}

/// Every stated 类 amount, when each class states one.
fn class_amounts(classes: &[Class]) -> Option<Vec<Dec>> {
    if classes.is_empty() {
        return None;
    }
    classes.iter().map(|c| c.actual).collect()
}

/// Σ line budgets against the stated 年初预算 total.
fn budget_sum(ctx: &Context<'_>, general: &FundFigures, audit: &mut Audit<'_>) {
    let Some(sum) = general.budget else {
        return;
    };
    let stated = [
        (
            "general_budget.budget",
            ctx.fa.general_budget.as_ref().and_then(|g| g.budget),
            "一般公共预算财政拨款支出年初预算",
        ),
        (
            "narrative.general_budget.budget",
            Figure::GeneralBudget.stated(ctx.fa).and_then(|s| s.budget),
            "情况说明中的一般公共预算财政拨款支出年初预算",
        ),
    ];
    for (at, value, what) in stated {
        if let Some(value) = value {
            let claim = Claim {
                code: "accounts.budget_sum",
                field: field(at),
                what: what.into(),
                basis: "各科目年初预算之和",
                rule: BUDGET_RULE,
            };
            audit.amount(claim, value, sum);
        }
    }
}

/// Each line's stated 完成年初预算%.
fn line_completion(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    for (i, line) in ctx.fa.lines.iter().enumerate() {
        let (Some(stated), Some(budget)) = (line.stated_completion, line.budget) else {
            continue;
        };
        let name = super::split::line_name(line);
        let at = field(&format!("lines[{i}].stated_completion"));
        completion(
            audit,
            "accounts.completion",
            at,
            &name,
            stated,
            (line.actual, budget),
        );
    }
}

/// The stated completion of a total, wherever stated (table and 情况说明).
fn total_completion(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let g = ctx.figures.general_budget.as_ref();
    let (budget, actual) = (g.and_then(|g| g.budget), g.and_then(|g| g.actual));
    if let (Some(stated), Some(b), Some(a)) = (
        ctx.fa
            .general_budget
            .as_ref()
            .and_then(|g| g.stated_completion),
        budget,
        actual,
    ) {
        let at = field("general_budget.stated_completion");
        completion(
            audit,
            "accounts.completion",
            at,
            "一般公共预算财政拨款支出",
            stated,
            (a, b),
        );
    }
    for figure in Figure::ALL {
        let Some(s) = figure.stated(ctx.fa) else {
            continue;
        };
        // The sentence's own budget, else the table's (九 prints "完成预算的 100%" beside a
        // budget the 情况说明 may leave out).
        let budget = s
            .budget
            .or_else(|| super::narrative::table_budget(ctx, figure).map(|(b, _)| b));
        let (Some(stated), Some(b)) = (s.completion, budget) else {
            continue;
        };
        let Some(a) = s.value.or_else(|| figure.current(ctx.fa)) else {
            continue;
        };
        let at = field(&format!("narrative.{}.completion", figure.narrative_key()));
        let what = format!("情况说明中的{}", figure.label());
        let code = if figure == Figure::ThreePublic {
            "accounts.three_public"
        } else {
            "accounts.completion"
        };
        completion(audit, code, at, &what, stated, (a, b));
    }
}

/// A stated completion against actual ÷ budget; a stated completion of a zero budget is a
/// finding of its own.
pub(super) fn completion(
    audit: &mut Audit<'_>,
    code: &'static str,
    at: String,
    what: &str,
    stated: Pct,
    (actual, budget): (Dec, Dec),
) {
    if budget.is_zero() {
        let claim = Claim {
            code,
            field: at,
            what: what.to_owned(),
            basis: "",
            rule: UNBUDGETED_RULE,
        };
        let message = format!("{what}年初预算为 0，却写有完成年初预算的 {stated}");
        audit.push(&claim, Some(stated.to_string()), None, message);
        return;
    }
    if let Some(exact) = ratio_percent(actual, budget) {
        let claim = Claim {
            code,
            field: at,
            what: format!("{what}完成年初预算的%"),
            basis: "支出决算 ÷ 年初预算",
            rule: COMPLETION_RULE,
        };
        audit.percent(claim, stated, exact);
    }
}

/// Each stated 类 share against the largest-remainder share of the 类 amounts.
fn class_shares(ctx: &Context<'_>, general: Option<&FundFigures>, audit: &mut Audit<'_>) {
    let classes = &ctx.fa.classes;
    let Some(dp) = classes.iter().filter_map(|c| c.share).map(percent_dp).max() else {
        return;
    };
    // The document divides the amounts it prints; failing those, the lines' sums.
    let amounts = class_amounts(classes).or_else(|| {
        let groups = &general?.classes;
        classes
            .iter()
            .map(|c| matching_group(c, groups).map(|g| g.actual))
            .collect()
    });
    let Some(amounts) = amounts else {
        return;
    };
    let Some(shares) = largest_remainder(&amounts, dp) else {
        return;
    };
    // A share rounded plainly (四舍五入) is right too: a document whose shares are not forced to
    // 100% (field 30's add to 100.07%) did not use the largest-remainder method, and its 2.07%
    // for 60.99 / 2940.06 = 2.0744% is no misprint (issue 16).
    let whole = Dec::checked_sum(amounts.iter().copied());
    let plain = |a: Dec| whole.and_then(|w| ratio_percent(a, w));
    for (i, ((class, computed), amount)) in classes.iter().zip(shares).zip(&amounts).enumerate() {
        if let Some(stated) = class.share {
            if plain(*amount).is_some_and(|p| super::percent_matches(stated, p)) {
                continue;
            }
            let claim = Claim {
                code: "accounts.share",
                field: field(&format!("classes[{i}].share")),
                what: format!("{}（类）支出占比", class.name),
                basis: "按最大余额法计算",
                rule: SHARE_RULE,
            };
            audit.percent(claim, stated, computed.percent());
        }
    }
}

/// The line group of a stated 类: by code when both have one, else by name (ignoring "（类）"
/// and a trailing "支出", which documents add or drop).
fn matching_group<'g>(class: &Class, groups: &'g [LineGroup]) -> Option<&'g LineGroup> {
    let code = class.code.as_deref().and_then(|c| c.get(..3));
    groups.iter().find(|g| match (code, g.code.as_deref()) {
        (Some(c), Some(gc)) => c == gc,
        _ => class_key(&class.name) == class_key(&g.name),
    })
}

fn class_key(name: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let name = name.replace("（类）", "").replace("(类)", "");
    name.strip_suffix("支出").unwrap_or(&name).to_owned()
}
