//! Sections 五 to 八 of the 情况说明: 一般公共预算财政拨款支出 (总体, 结构 by 类, 具体 by 项),
//! 基本支出, and the 政府性基金 / 国有资本经营 spending; plus the 科目 list of 名词解释.
//!
//! In: the [`Inputs`] of the 情况说明. Out: section structs of formatted figures. Shares are the
//! largest-remainder shares of `score::accounts` (they total 100.00%); a 项 whose 年初预算 is 0
//! carries `unbudgeted` and no percentage. Never writes a sentence.

use serde::Serialize;

use super::{Compared, Inputs, computed, money, pct};
use crate::model::{Dec, FinalAccounts, FunctionLine, Fund, Money};
use crate::score::accounts::{Figure, FundFigures, completion, fund_actual, fund_budget};

/// 年初预算 against 决算: the 完成年初预算 phrase, or the 未申请 sentence.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BudgetText {
    /// `None` when no budget is stated.
    pub(crate) budget: Option<String>,
    pub(crate) actual: String,
    /// 完成年初预算%; `None` when the budget is 0 or not stated.
    pub(crate) completion: Option<String>,
    /// The budget is 0: "该科目未申请年初财政拨款预算".
    pub(crate) unbudgeted: bool,
}

impl BudgetText {
    pub(super) fn new(budget: Option<Money>, actual: Money) -> BudgetText {
        BudgetText {
            budget: budget.map(money),
            actual: money(actual),
            completion: budget.and_then(|b| completion(actual, b)).map(pct),
            unbudgeted: budget.is_some_and(Dec::is_zero),
        }
    }
}

/// One 功能分类 科目 by name, with its figures where a section prints them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LineText {
    pub(crate) class: String,
    pub(crate) section: Option<String>,
    pub(crate) item: Option<String>,
    pub(crate) figures: BudgetText,
    /// The record's reason text, as written (it carries its own "主要原因是").
    pub(crate) reason: Option<String>,
}

impl LineText {
    fn of(line: &FunctionLine) -> LineText {
        LineText {
            class: line.class.clone(),
            section: line.section.clone(),
            item: line.item.clone(),
            figures: BudgetText::new(line.budget, line.actual),
            reason: line.reason.clone(),
        }
    }
}

/// A 类 of the 结构 part: amount, share of the fund, and what the record says it paid for.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClassText {
    pub(crate) name: String,
    pub(crate) amount: String,
    pub(crate) share: Option<String>,
    /// The record's note ("主要是用于…"), as written.
    pub(crate) note: Option<String>,
    /// The 项 of the class (for 七 and 八, which name them).
    pub(crate) items: Vec<String>,
}

/// 五: 总体 (with the share of 本年支出合计), 结构 by 类, 具体 by 项.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GeneralSection {
    pub(crate) total: Compared,
    /// 占本年支出合计.
    pub(crate) share: Option<String>,
    pub(crate) classes: Vec<ClassText>,
    /// 年初预算, 决算, 完成% of the whole fund.
    pub(crate) budget: BudgetText,
    pub(crate) lines: Vec<LineText>,
}

/// 六: 基本支出 = 人员经费 + 公用经费, with what each covers.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BasicSection {
    pub(crate) total: String,
    pub(crate) personnel: Option<String>,
    pub(crate) public: Option<String>,
    pub(crate) personnel_note: Option<String>,
    pub(crate) public_note: Option<String>,
}

/// 七 or 八: a fund's spending by 类, with its 项.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FundSection {
    pub(crate) total: String,
    pub(crate) classes: Vec<ClassText>,
}

fn fund_figures<'a>(inputs: &'a Inputs<'_>, fund: Fund) -> Option<&'a FundFigures> {
    inputs.figures.funds.iter().find(|f| f.fund == fund)
}

/// The 类 of a fund, with the record's notes (matched by code, else by name) and 项 names, in
/// the order of the record's 结构 list where it gives one, else in the order of the lines.
fn classes(fa: &FinalAccounts, figures: &FundFigures) -> Vec<ClassText> {
    let mut out: Vec<(usize, ClassText)> = figures
        .classes
        .iter()
        .map(|g| {
            let stated = fa.classes.iter().position(|c| match (&c.code, &g.code) {
                (Some(a), Some(b)) => a == b,
                _ => g.name.starts_with(c.name.as_str()),
            });
            let note = stated
                .and_then(|k| fa.classes.get(k))
                .and_then(|c| c.note.clone());
            let items = g
                .lines
                .iter()
                .filter_map(|&i| fa.lines.get(i))
                .filter_map(|l| l.item.clone())
                .collect();
            let text = ClassText {
                name: g.name.clone(),
                amount: money(g.actual),
                share: g.share.map(pct),
                note,
                items,
            };
            (stated.unwrap_or(usize::MAX), text)
        })
        .collect();
    // Stable: classes the list does not name keep their line order, after the named ones.
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, t)| t).collect()
}

/// 五; `None` without 一般公共预算 spending.
pub(super) fn general(inputs: &Inputs<'_>) -> Option<GeneralSection> {
    let fa = inputs.fa;
    // Spending only: Σ lines, else the 决算 total, else the 情况说明's figure (never the
    // income of the same name, which `Figure::current` would fall back to).
    let actual = fund_actual(fa, Fund::GeneralBudget)
        .or_else(|| fa.general_budget.as_ref().and_then(|g| g.actual))
        .or_else(|| Figure::GeneralBudget.stated(fa).and_then(|s| s.value))?;
    let total = super::compared_as(inputs, Figure::GeneralBudget, actual)?;
    let share = inputs
        .figures
        .fund_shares
        .iter()
        .find(|s| s.key == "general_budget")
        .map(|s| pct(s.share));
    let budget = fa
        .general_budget
        .as_ref()
        .and_then(|g| g.budget)
        .or_else(|| fund_budget(fa, Fund::GeneralBudget));
    let fund = fund_figures(inputs, Fund::GeneralBudget);
    Some(GeneralSection {
        total,
        share,
        classes: fund.map(|f| classes(fa, f)).unwrap_or_default(),
        budget: BudgetText::new(budget, actual),
        lines: fa
            .lines
            .iter()
            .filter(|l| l.fund == Fund::GeneralBudget)
            .map(LineText::of)
            .collect(),
    })
}

/// 六; `None` without a 基本支出 figure.
pub(super) fn basic(inputs: &Inputs<'_>) -> Option<BasicSection> {
    let total = computed(inputs, Figure::GeneralBasic)?;
    let b = inputs.fa.basic.as_ref();
    Some(BasicSection {
        total: money(total),
        personnel: b.and_then(|b| b.personnel).map(money),
        public: b.and_then(|b| b.public).map(money),
        personnel_note: b.and_then(|b| b.personnel_note.clone()),
        public_note: b.and_then(|b| b.public_note.clone()),
    })
}

/// 七 or 八; `None` when the fund spent nothing ("本单位当年无…").
pub(super) fn fund(inputs: &Inputs<'_>, fund: Fund) -> Option<FundSection> {
    let figure = match fund {
        Fund::GeneralBudget => Figure::GeneralBudget,
        Fund::GovFund => Figure::GovFund,
        Fund::StateCapital => Figure::StateCapital,
    };
    let total = computed(inputs, figure).filter(|t| !t.is_zero())?;
    Some(FundSection {
        total: money(total),
        classes: fund_figures(inputs, fund)
            .map(|f| classes(inputs.fa, f))
            .unwrap_or_default(),
    })
}

/// Every 科目 the record's lines use, distinct by name, in record order.
pub(super) fn subjects(fa: &FinalAccounts) -> Vec<LineText> {
    let mut out: Vec<LineText> = Vec::new();
    for line in &fa.lines {
        let seen = out
            .iter()
            .any(|s| s.class == line.class && s.section == line.section && s.item == line.item);
        if !seen {
            out.push(LineText::of(line));
        }
    }
    out
}
