//! The derived figures of a 部门决算 (`domain.md` §2): totals from their parts, Σ项/Σ款/Σ类 per
//! fund, 占比 by largest remainder, 变动额/变动率 against the prior year, 完成年初预算%, 机关运行经费
//! against its budget, the 三公 and 政府采购 sums. Every 决算 page and 情况说明 prints these.
//!
//! In: one record's [`FinalAccounts`] and, when the prior year's own record exists, its
//! accounts. Out: [`AccountsFigures`], serializable for templates. Pure: no IO, no f64, no
//! panics (an overflowing sum leaves its figure out). A total is computed only when the record
//! states every part it needs (a 0 is stated as 0): issue 16, a part left out is not printed,
//! and a sum that reads it as 0 would print a figure the document never gave (收入合计 9.79
//! without 一般公共预算). Stated figures are never replaced: each computed total stands beside the stated one, and `check::accounts` compares.

mod change;
mod figure;
#[cfg(test)]
pub(crate) mod fixture;
mod lines;
mod parts;
mod shares;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub(crate) use change::{
    Change, FigureChange, Prior, PriorSource, change, figure_changes, implied_prior_unknown,
    printable_prior, prior_value,
};
pub(crate) use figure::Figure;
pub(crate) use lines::{FundFigures, LineGroup, fund_actual, fund_budget, fund_figures};
pub(crate) use parts::{
    BasicFigures, BudgetFigures, OperatingFigures, ProcurementFigures, ThreePublicFigures,
    public_funds_are_operating_costs,
};
pub(crate) use shares::{PERCENT_DP, completion, largest_remainder, ratio_percent, share};

use crate::model::{BudgetActual, Dec, FinalAccounts, Fund, Money, Pct};

/// Every derived figure of one record's 决算.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AccountsFigures {
    /// Totals computed from their parts.
    pub(crate) totals: Totals,
    /// 收入结构: each stated source's share of 本年收入合计.
    pub(crate) income_shares: Vec<NamedShare>,
    /// 财政拨款收入 占本年收入.
    pub(crate) fiscal_income_share: Option<Pct>,
    /// 支出结构: 基本, 项目 … each a share of 本年支出合计.
    pub(crate) expenditure_shares: Vec<NamedShare>,
    /// Each fund's 财政拨款支出 and the rest (key `non_fiscal`) as shares of 本年支出合计.
    pub(crate) fund_shares: Vec<NamedShare>,
    /// Σ项/Σ款/Σ类 per fund.
    pub(crate) funds: Vec<FundFigures>,
    /// 一般公共预算财政拨款支出: 年初预算, 决算, 完成%.
    pub(crate) general_budget: Option<BudgetFigures>,
    pub(crate) basic: Option<BasicFigures>,
    pub(crate) three_public: Option<ThreePublicFigures>,
    pub(crate) operating_costs: Option<OperatingFigures>,
    pub(crate) procurement: Option<ProcurementFigures>,
    /// 变动额/变动率 of every figure whose prior-year value is known.
    pub(crate) changes: Vec<FigureChange>,
}

/// Totals computed from their parts; `None` when a part is not stated (issue 16).
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Totals {
    /// 本年收入合计 = Σ sources.
    pub(crate) income_total: Option<Money>,
    /// 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
    pub(crate) income_grand_total: Option<Money>,
    /// 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助.
    pub(crate) expenditure_total: Option<Money>,
    /// 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
    pub(crate) expenditure_grand_total: Option<Money>,
    /// 财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营 (income side).
    pub(crate) fiscal_income: Option<Money>,
    /// 财政拨款支出 = Σ lines of every fund.
    pub(crate) fiscal_expenditure: Option<Money>,
    /// 财政拨款收支总计 = 财政拨款收入 + 年初财政拨款结转和结余.
    pub(crate) fiscal_grand_total: Option<Money>,
    /// 基本支出 = 人员经费 + 公用经费.
    pub(crate) basic_total: Option<Money>,
    /// 三公 actual = 出国 + 车 (购置 + 运行) + 接待.
    pub(crate) three_public_actual: Option<Money>,
    /// 三公 budget, the same sum.
    pub(crate) three_public_budget: Option<Money>,
    /// 政府采购 = 货物 + 工程 + 服务.
    pub(crate) procurement_total: Option<Money>,
}

/// The sum of every item; `None` when one is not stated or on overflow. Issue 16: a total
/// from incomplete parts is not a figure.
pub(crate) fn sum_all(items: &[Option<Dec>]) -> Option<Dec> {
    let all: Option<Vec<Dec>> = items.iter().copied().collect();
    Dec::checked_sum(all.filter(|a| !a.is_empty())?)
}

/// The sum of the stated items (an empty cell is 0); `None` when none is stated or on overflow.
/// Only for sums whose missing items are known to be empty cells, never for a printed total.
pub(crate) fn sum_present(items: &[Option<Dec>]) -> Option<Dec> {
    let present: Vec<Dec> = items.iter().flatten().copied().collect();
    if present.is_empty() {
        return None;
    }
    Dec::checked_sum(present)
}

/// The sum of one field over the part blocks a record gives (a missing block is an empty
/// row, 0); `None` when there is no block, a given block leaves the field out (not printed
/// is not 0), or on overflow.
pub(crate) fn sum_stated_parts(
    parts: &[&Option<BudgetActual>],
    field: fn(&BudgetActual) -> Option<Money>,
) -> Option<Money> {
    let given: Option<Vec<Dec>> = parts.iter().filter_map(|p| p.as_ref()).map(field).collect();
    let given = given.filter(|g| !g.is_empty())?;
    Dec::checked_sum(given)
}

impl Totals {
    /// The totals of one record.
    pub(crate) fn of(fa: &FinalAccounts) -> Totals {
        let mut t = Totals::default();
        if let Some(i) = &fa.income {
            t.income_total = sum_all(&[
                i.general_budget,
                i.gov_fund,
                i.state_capital,
                i.superior_subsidy,
                i.business,
                i.operating,
                i.affiliated,
                i.other,
            ]);
            t.fiscal_income = sum_all(&[i.general_budget, i.gov_fund, i.state_capital]);
            t.income_grand_total = t.income_total.or(i.total).and_then(|base| {
                sum_all(&[Some(base), i.non_fiscal_balance_used, i.opening_balance])
            });
        }
        if let Some(e) = &fa.expenditure {
            t.expenditure_total = sum_all(&[
                e.basic,
                e.project,
                e.to_superior,
                e.operating,
                e.to_affiliated,
            ]);
            t.expenditure_grand_total = t
                .expenditure_total
                .or(e.total)
                .and_then(|base| sum_all(&[Some(base), e.surplus_distribution, e.closing_balance]));
        }
        if !fa.lines.is_empty() {
            t.fiscal_expenditure = Dec::checked_sum(fa.lines.iter().map(|l| l.actual));
        }
        let fiscal_income = fa
            .fiscal
            .as_ref()
            .and_then(|f| f.income)
            .or(t.fiscal_income);
        t.fiscal_grand_total = fiscal_income.and_then(|base| {
            sum_all(&[
                Some(base),
                fa.fiscal.as_ref().and_then(|f| f.opening_balance),
            ])
        });
        if let Some(b) = &fa.basic {
            t.basic_total = sum_all(&[b.personnel, b.public]);
        }
        if let Some(tp) = &fa.three_public {
            let parts = [
                &tp.outbound,
                &tp.vehicle_purchase,
                &tp.vehicle_operation,
                &tp.reception,
            ];
            t.three_public_actual = sum_stated_parts(&parts, |p| p.actual);
            t.three_public_budget = sum_stated_parts(&parts, |p| p.budget);
        }
        if let Some(p) = &fa.procurement {
            t.procurement_total = sum_all(&[p.goods, p.works, p.services]);
        }
        t
    }
}

/// One part of a whole and its share.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NamedShare {
    /// The part's field name (`general_budget`, `basic` …).
    pub(crate) key: &'static str,
    /// As a page names it.
    pub(crate) label: &'static str,
    pub(crate) amount: Money,
    pub(crate) share: Pct,
}

/// Shares of the parts (largest remainder); empty when there is no whole or a part is not
/// stated (issue 16: shares of an incomplete whole are not figures).
fn named_shares(parts: &[(&'static str, &'static str, Option<Money>)]) -> Vec<NamedShare> {
    let Some(present) = parts
        .iter()
        .map(|&(k, l, a)| a.map(|a| (k, l, a)))
        .collect::<Option<Vec<_>>>()
    else {
        return Vec::new();
    };
    let amounts: Vec<Dec> = present.iter().map(|p| p.2).collect();
    largest_remainder(&amounts, PERCENT_DP)
        .map(|shares| {
            present
                .into_iter()
                .zip(shares)
                .map(|((key, label, amount), share)| NamedShare {
                    key,
                    label,
                    amount,
                    share,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every derived figure of `current`; `prior` is the prior year's own record's accounts, which
/// win over the prior-year figures `current` states.
pub(crate) fn derive(current: &FinalAccounts, prior: Option<Prior<'_>>) -> AccountsFigures {
    let totals = Totals::of(current);
    let income_shares = current.income.as_ref().map(|i| {
        named_shares(&[
            (
                "general_budget",
                "一般公共预算财政拨款收入",
                i.general_budget,
            ),
            ("gov_fund", "政府性基金预算财政拨款收入", i.gov_fund),
            (
                "state_capital",
                "国有资本经营预算财政拨款收入",
                i.state_capital,
            ),
            ("superior_subsidy", "上级补助收入", i.superior_subsidy),
            ("business", "事业收入", i.business),
            ("operating", "经营收入", i.operating),
            ("affiliated", "附属单位上缴收入", i.affiliated),
            ("other", "其他收入", i.other),
        ])
    });
    // 基本 and 项目 as the table states them, else as the 情况说明 does.
    let e = current.expenditure.as_ref();
    let expenditure_shares = named_shares(&[
        ("basic", "基本支出", Figure::Basic.current(current)),
        ("project", "项目支出", Figure::Project.current(current)),
        ("to_superior", "上缴上级支出", e.and_then(|e| e.to_superior)),
        ("operating", "经营支出", e.and_then(|e| e.operating)),
        (
            "to_affiliated",
            "对附属单位补助支出",
            e.and_then(|e| e.to_affiliated),
        ),
    ]);
    AccountsFigures {
        fiscal_income_share: fiscal_income_share(&totals),
        fund_shares: fund_shares(current),
        income_shares: income_shares.unwrap_or_default(),
        expenditure_shares,
        funds: fund_figures(current),
        general_budget: parts::general_budget(current),
        basic: parts::basic(current, &totals),
        three_public: parts::three_public(current),
        operating_costs: parts::operating_costs(current),
        procurement: parts::procurement(current, &totals),
        changes: figure_changes(current, prior),
        totals,
    }
}

/// 财政拨款收入 占本年收入合计 (its complement is the non-fiscal income).
fn fiscal_income_share(t: &Totals) -> Option<Pct> {
    let (fiscal, total) = t.fiscal_income.zip(t.income_total)?;
    let rest = total.checked_sub(fiscal)?;
    largest_remainder(&[fiscal, rest], PERCENT_DP).map(|s| s[0])
}

/// A fund's 财政拨款支出: the sum of its lines; without lines, 0 only when the record states
/// the fund's income as 0 (issue 16: a fund left out is unknown, not 0).
fn fund_spending(fa: &FinalAccounts, fund: Fund) -> Option<Money> {
    let stated_income = fa.income.as_ref().and_then(|i| match fund {
        Fund::GeneralBudget => i.general_budget,
        Fund::GovFund => i.gov_fund,
        Fund::StateCapital => i.state_capital,
    });
    fund_actual(fa, fund).or(stated_income.filter(|i| i.is_zero()))
}

/// Each fund's 财政拨款支出 and the remaining (non-fiscal) spending as shares of 本年支出合计.
fn fund_shares(fa: &FinalAccounts) -> Vec<NamedShare> {
    let Some(total) = Figure::ExpenditureTotal.current(fa) else {
        return Vec::new();
    };
    let general = fund_spending(fa, Fund::GeneralBudget)
        .or_else(|| fa.general_budget.as_ref().and_then(|g| g.actual));
    let funds = [
        ("general_budget", "一般公共预算财政拨款支出", general),
        (
            "gov_fund",
            "政府性基金预算财政拨款支出",
            fund_spending(fa, Fund::GovFund),
        ),
        (
            "state_capital",
            "国有资本经营预算财政拨款支出",
            fund_spending(fa, Fund::StateCapital),
        ),
    ];
    let Some(rest) = sum_all(&funds.map(|f| f.2)).and_then(|s| total.checked_sub(s)) else {
        return Vec::new();
    };
    let mut parts = funds.to_vec();
    parts.push(("non_fiscal", "其他资金支出", Some(rest)));
    named_shares(&parts)
}
