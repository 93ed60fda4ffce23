//! Sections 二 to 四 of the 情况说明: 收入 and 支出 with their structure, and the 财政拨款 total
//! with each fund's income.
//!
//! In: the [`Inputs`] of the 情况说明. Out: section structs of formatted figures. The shares of
//! one sentence come from one largest-remainder set, so they total 100.00%. A part the record
//! states as 0 is named in `absent` ("本年度无…"); a part it does not state is named in
//! `missing` ("未填报" on the internal page, nothing on the public one: issue 16). Never writes
//! a sentence.

use serde::Serialize;

use super::{Compared, Inputs, Part, compared, compared_as, computed, money, pct};
use crate::model::{Dec, Money};
use crate::score::accounts::{Figure, PERCENT_DP, largest_remainder};

/// 二 and 三: a total with its change, the parts it has and the names of those it has not.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StructureSection {
    pub(crate) total: Compared,
    /// 二 only: 财政拨款收入 (the three funds together) and its share.
    pub(crate) fiscal: Option<Part>,
    /// Non-zero parts (for 二, the non-fiscal sources), with shares.
    pub(crate) parts: Vec<Part>,
    /// Parts the record states as 0 ("本年度无…").
    pub(crate) absent: Vec<&'static str>,
    /// Parts the record does not state (issue 16: never "无").
    pub(crate) missing: Vec<&'static str>,
}

/// 四: the 财政拨款 total and each fund's income.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FiscalSection {
    pub(crate) total: Compared,
    pub(crate) funds: Vec<FundIncome>,
    /// Funds whose income the record states as 0 ("本年度无政府性基金预算财政拨款收入").
    pub(crate) absent: Vec<&'static str>,
    /// Funds whose income the record does not state (issue 16: never "无").
    pub(crate) missing: Vec<&'static str>,
}

/// One fund's 财政拨款收入 against the prior year.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FundIncome {
    pub(crate) label: &'static str,
    pub(crate) income: Compared,
}

/// The income sources that are not 财政拨款.
const NON_FISCAL_INCOME: [(&str, &str); 5] = [
    ("superior_subsidy", "上级补助收入"),
    ("business", "事业收入"),
    ("operating", "经营收入"),
    ("affiliated", "附属单位上缴收入"),
    ("other", "其他收入"),
];

/// 二: 收入合计, 财政拨款收入 and the other sources, with shares of one largest-remainder set
/// (the sentence's shares total 100.00%).
pub(super) fn income(inputs: &Inputs<'_>) -> Option<StructureSection> {
    let total = compared(inputs, Figure::IncomeTotal)?;
    let i = inputs.fa.income.as_ref();
    let sources: Vec<(&'static str, Option<Money>)> = vec![
        ("superior_subsidy", i.and_then(|i| i.superior_subsidy)),
        ("business", i.and_then(|i| i.business)),
        ("operating", i.and_then(|i| i.operating)),
        ("affiliated", i.and_then(|i| i.affiliated)),
        ("other", i.and_then(|i| i.other)),
    ];
    let fiscal = inputs.figures.totals.fiscal_income;
    let mut named: Vec<(&'static str, Money)> =
        fiscal.map(|f| ("财政拨款收入", f)).into_iter().collect();
    let (mut absent, mut missing) = (Vec::new(), Vec::new());
    for ((_, label), (_, amount)) in NON_FISCAL_INCOME.iter().zip(&sources) {
        match amount {
            Some(a) if !a.is_zero() => named.push((label, *a)),
            Some(_) => absent.push(*label),
            None => missing.push(*label),
        }
    }
    // Shares only of a whole whose every source is stated (issue 16): with one left out the
    // stated parts would be shares of an unknown total.
    let amounts: Vec<Dec> = named.iter().map(|n| n.1).collect();
    let shares = inputs
        .figures
        .totals
        .income_total
        .and_then(|_| largest_remainder(&amounts, PERCENT_DP));
    let mut parts: Vec<Part> = named
        .iter()
        .enumerate()
        .map(|(k, &(label, amount))| Part {
            label,
            amount: money(amount),
            share: shares.as_ref().and_then(|s| s.get(k)).copied().map(pct),
        })
        .collect();
    // The fiscal part leads `named` when there is one.
    let fiscal = match fiscal {
        Some(_) if !parts.is_empty() => Some(parts.remove(0)),
        _ => None,
    };
    Some(StructureSection {
        total,
        fiscal,
        parts,
        absent,
        missing,
    })
}

/// 三: 支出合计 and its parts (基本, 项目 …) with shares. A part the record leaves out is
/// `missing`, and then no part has a share (issue 16: `expenditure_shares` is empty).
pub(super) fn expenditure(inputs: &Inputs<'_>) -> Option<StructureSection> {
    let total = compared(inputs, Figure::ExpenditureTotal)?;
    let (fa, shares) = (inputs.fa, &inputs.figures.expenditure_shares);
    let e = fa.expenditure.as_ref();
    let (mut parts, mut absent, mut missing) = (Vec::new(), Vec::new(), Vec::new());
    for (key, label, amount) in [
        ("basic", "基本支出", Figure::Basic.current(fa)),
        ("project", "项目支出", Figure::Project.current(fa)),
        ("to_superior", "上缴上级支出", e.and_then(|e| e.to_superior)),
        ("operating", "经营支出", e.and_then(|e| e.operating)),
        (
            "to_affiliated",
            "对附属单位补助支出",
            e.and_then(|e| e.to_affiliated),
        ),
    ] {
        match amount {
            Some(a) if a.is_zero() => absent.push(label),
            Some(a) => parts.push(Part {
                label,
                amount: money(a),
                share: shares.iter().find(|s| s.key == key).map(|s| pct(s.share)),
            }),
            None => missing.push(label),
        }
    }
    Some(StructureSection {
        total,
        fiscal: None,
        parts,
        absent,
        missing,
    })
}

/// 四: 财政拨款收支总计 and each fund's income against the prior year.
pub(super) fn fiscal(inputs: &Inputs<'_>) -> Option<FiscalSection> {
    let total = compared(inputs, Figure::FiscalTotal)?;
    let mut funds = Vec::new();
    let (mut absent, mut missing) = (Vec::new(), Vec::new());
    let i = inputs.fa.income.as_ref();
    for (figure, label, stated_income) in [
        (
            Figure::GeneralBudget,
            "一般公共预算财政拨款收入",
            i.and_then(|i| i.general_budget),
        ),
        (
            Figure::GovFund,
            "政府性基金预算财政拨款收入",
            i.and_then(|i| i.gov_fund),
        ),
        (
            Figure::StateCapital,
            "国有资本经营预算财政拨款收入",
            i.and_then(|i| i.state_capital),
        ),
    ] {
        // The income as the 收入 table states it, else what the fund spent.
        let amount = stated_income.or_else(|| computed(inputs, figure));
        match (amount, amount.and_then(|a| compared_as(inputs, figure, a))) {
            (Some(a), _) if a.is_zero() => absent.push(label),
            (Some(_), Some(income)) => funds.push(FundIncome { label, income }),
            _ => missing.push(label),
        }
    }
    Some(FiscalSection {
        total,
        funds,
        absent,
        missing,
    })
}
