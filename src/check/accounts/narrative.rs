//! What the 情况说明 states about changes and shares, and the prior-year figures a record states.
//!
//! In: a record's accounts, its derived figures, and the prior year's record when it exists.
//! Out: findings `accounts.change` (变动额 against a known prior year, 变动率 against 变动额),
//! `accounts.share` (占比 against the largest-remainder share), `accounts.budget` (a 年初预算
//! the 情况说明 states against the table's) and `accounts.prior_record` (this record's
//! `prior_year` figures against the prior year's own record).
//!
//! Where each stated figure of a `narrative` block is compared: `value` in `totals`, `lines`,
//! `split` and `parts` (every block); `change` and `change_rate` here (every block);
//! `completion` in `lines` (every block, against its own or the table's budget); `budget` here
//! and in `lines` (Σ 项); `share` here, for the blocks with a whole (基本, 项目 and each fund of
//! 本年支出合计, 财政拨款收入 of 本年收入合计). The other blocks' shares have no whole in the
//! standard outline and are not checked.

use super::{Audit, Claim, Context, amount_matches, field, percent_matches};
use crate::model::{Dec, Money, Pct};
use crate::score::accounts::{Figure, NamedShare, PriorSource, prior_value, ratio_percent};

const SHARE_RULE: &str = "占比 = 该项 ÷ 合计，按最大余额法取舍，使各项占比合计为 100%";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    for figure in Figure::ALL {
        changes(ctx, figure, audit);
    }
    shares(ctx, audit);
    budgets(ctx, audit);
    prior_record(ctx, audit);
}

/// The 年初预算 a table states for `figure`, and where: the blocks whose 情况说明 sentence
/// gives a budget (五（三）, 九, 十).
pub(super) fn table_budget(ctx: &Context<'_>, figure: Figure) -> Option<(Money, &'static str)> {
    let fa = ctx.fa;
    match figure {
        Figure::GeneralBudget => fa
            .general_budget
            .as_ref()
            .and_then(|g| g.budget)
            .map(|b| (b, "一般公共预算财政拨款支出决算表中的年初预算")),
        Figure::ThreePublic => fa
            .three_public
            .as_ref()
            .and_then(|t| t.total.as_ref())
            .and_then(|t| t.budget)
            .or(ctx.figures.totals.three_public_budget)
            .map(|b| (b, "“三公”经费支出决算表中的预算")),
        Figure::OperatingCosts => fa
            .operating_costs
            .as_ref()
            .and_then(|o| o.budget)
            .map(|b| (b, "机关运行经费的年初预算")),
        _ => None,
    }
}

/// Each 年初预算 the 情况说明 states against the table's. The 一般公共预算 budget is compared
/// with Σ 项 by `lines` when every 项 states one; the table's figure is the base only otherwise,
/// so one misprint is one finding.
fn budgets(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let lines_known = ctx
        .figures
        .funds
        .iter()
        .any(|f| f.fund == crate::model::Fund::GeneralBudget && f.budget.is_some());
    for figure in Figure::ALL {
        if figure == Figure::GeneralBudget && lines_known {
            continue;
        }
        let stated = figure.stated(ctx.fa).and_then(|s| s.budget);
        let (Some(stated), Some((table, basis))) = (stated, table_budget(ctx, figure)) else {
            continue;
        };
        let claim = Claim {
            code: "accounts.budget",
            field: field(&format!("narrative.{}.budget", figure.narrative_key())),
            what: format!("情况说明中的{}年初预算", figure.label()),
            basis,
            rule: "同一数字前后一致",
        };
        audit.amount(claim, stated, table);
    }
}

/// A figure's stated 变动额 and 变动率. A statement consistent with any value the record gives
/// the figure (table, parts' sum, 情况说明) passes: a wrong total is reported once, by its own
/// check, not again through every change computed from it.
fn changes(ctx: &Context<'_>, figure: Figure, audit: &mut Audit<'_>) {
    let Some(s) = figure.stated(ctx.fa) else {
        return;
    };
    let key = figure.narrative_key();
    let label = figure.label();
    let candidates = figure.candidates(ctx.fa);
    // Only a prior-year value known independently can check the 变动额 itself; one implied by
    // the 变动额 would check it against itself.
    let known = prior_value(figure, ctx.fa, ctx.prior_fa)
        .filter(|p| p.source != PriorSource::Implied)
        .map(|p| p.value);
    if let (Some(stated), Some(prior)) = (s.change, known) {
        let deltas: Vec<Dec> = candidates
            .iter()
            .filter_map(|c| c.checked_sub(prior))
            .collect();
        if let Some(&first) = deltas.first()
            && !deltas.iter().any(|&d| amount_matches(stated, d))
        {
            let claim = Claim {
                code: "accounts.change",
                field: field(&format!("narrative.{key}.change")),
                what: format!("{label}比上年的变动额"),
                basis: "本年数 − 上年数",
                rule: "变动额 = 本年数 − 上年数",
            };
            audit.amount(claim, stated, first);
        }
    }
    let Some(stated_rate) = s.change_rate else {
        return;
    };
    let rates: Vec<Dec> = candidates
        .iter()
        .filter_map(|&current| {
            let (delta, base) = match (s.change, known) {
                (Some(c), _) => (c, current.checked_sub(c)?),
                (None, Some(p)) => (current.checked_sub(p)?, p),
                (None, None) => return None,
            };
            ratio_percent(delta, base.abs())
        })
        .collect();
    // 上年数 = 0 (a unit set up this year, field 32): 变动额 ÷ 0 has no value, so a stated rate
    // ("增长 100.00%") cannot be right (issue 16).
    let zero_base = match (s.change, known) {
        (Some(c), _) => candidates
            .iter()
            .any(|&now| now.checked_sub(c).is_some_and(Dec::is_zero)),
        (None, Some(p)) => p.is_zero(),
        (None, None) => false,
    };
    if rates.is_empty() && zero_base {
        let claim = Claim {
            code: "accounts.change",
            field: field(&format!("narrative.{key}.change_rate")),
            what: format!("{label}比上年的变动率"),
            basis: "",
            rule: "变动率 = 变动额 ÷ 上年数；上年数为 0 时无变动率",
        };
        let message = format!("{label}上年数为 0，变动率无从计算，却写有 {stated_rate}");
        audit.push(&claim, Some(stated_rate.to_string()), None, message);
        return;
    }
    if let Some(&first) = rates.first()
        && !rates.iter().any(|&r| percent_matches(stated_rate, r))
    {
        let claim = Claim {
            code: "accounts.change",
            field: field(&format!("narrative.{key}.change_rate")),
            what: format!("{label}比上年的变动率"),
            basis: "变动额 ÷ 上年数",
            rule: "变动率 = 变动额 ÷ 上年数（上年数 = 本年数 − 变动额）",
        };
        audit.percent(claim, stated_rate, first);
    }
}

/// Each share the 情况说明 states against the largest-remainder share of its whole.
fn shares(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let f = ctx.figures;
    let keyed = |set: &[NamedShare], key: &str| set.iter().find(|s| s.key == key).map(|s| s.share);
    let wholes: [(Figure, Option<Pct>, &str); 6] = [
        (
            Figure::Basic,
            keyed(&f.expenditure_shares, "basic"),
            "本年支出合计",
        ),
        (
            Figure::Project,
            keyed(&f.expenditure_shares, "project"),
            "本年支出合计",
        ),
        (Figure::FiscalIncome, f.fiscal_income_share, "本年收入合计"),
        (
            Figure::GeneralBudget,
            keyed(&f.fund_shares, "general_budget"),
            "本年支出合计",
        ),
        (
            Figure::GovFund,
            keyed(&f.fund_shares, "gov_fund"),
            "本年支出合计",
        ),
        (
            Figure::StateCapital,
            keyed(&f.fund_shares, "state_capital"),
            "本年支出合计",
        ),
    ];
    for (figure, computed, whole) in wholes {
        // The funds' shares are computed from the lines: not where the lines may be cut.
        let from_lines = matches!(
            figure,
            Figure::GeneralBudget | Figure::GovFund | Figure::StateCapital
        );
        let computed = computed.filter(|_| !(from_lines && ctx.fa.cut_in("lines")));
        let stated = figure.stated(ctx.fa).and_then(|s| s.share);
        let (Some(stated), Some(computed)) = (stated, computed) else {
            continue;
        };
        let claim = Claim {
            code: "accounts.share",
            field: field(&format!("narrative.{}.share", figure.narrative_key())),
            what: format!("{}占{whole}的比例", figure.label()),
            basis: "按最大余额法计算",
            rule: SHARE_RULE,
        };
        audit.percent(claim, stated, computed.percent());
    }
}

/// The prior-year figures this record states against the prior year's own record.
fn prior_record(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let (Some(prior), Some(block)) = (ctx.prior_fa, ctx.fa.prior_year.as_ref()) else {
        return;
    };
    let basis = match ctx.record.year.prev() {
        Some(y) => format!("{y} 年记录中的数"),
        None => "上年记录中的数".to_owned(),
    };
    for figure in Figure::ALL {
        let (Some(key), Some(stated), Some(own)) = (
            figure.prior_key(),
            figure.in_prior_block(block),
            prior.figure(figure),
        ) else {
            continue;
        };
        let claim = Claim {
            code: "accounts.prior_record",
            field: field(&format!("prior_year.{key}")),
            what: format!("本记录所列上年{}", figure.label()),
            basis: &basis,
            rule: "上年数以上年记录为准",
        };
        audit.amount(claim, stated, own);
    }
}
