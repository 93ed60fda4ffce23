//! The figures a 情况说明 compares with the prior year (收、支总计, 收入合计 … 政府采购), and
//! where each one's value stands in a record.
//!
//! In: a [`FinalAccounts`]. Out: a figure's value this year (the tables' figure, else the sum
//! of the parts they state, else the 情况说明's), its value in a `prior_year` block, and what
//! the 情况说明 states about it. Never computes a change itself (see `change`).

use serde::Serialize;

use crate::model::{FinalAccounts, Fund, Money, PriorYear, StatedFigure};

/// A figure the 情况说明 compares with the prior year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Figure {
    /// 收、支总计.
    GrandTotal,
    /// 本年收入合计.
    IncomeTotal,
    /// 财政拨款收入.
    FiscalIncome,
    /// 本年支出合计.
    ExpenditureTotal,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// 财政拨款收支总计.
    FiscalTotal,
    /// 一般公共预算财政拨款.
    GeneralBudget,
    /// 政府性基金预算财政拨款.
    GovFund,
    /// 国有资本经营预算财政拨款.
    StateCapital,
    /// 一般公共预算财政拨款基本支出.
    GeneralBasic,
    /// "三公"经费.
    ThreePublic,
    /// 机关运行经费.
    OperatingCosts,
    /// 政府采购.
    Procurement,
}

impl Figure {
    /// Every figure, in 情况说明 order.
    pub(crate) const ALL: [Figure; 14] = [
        Figure::GrandTotal,
        Figure::IncomeTotal,
        Figure::FiscalIncome,
        Figure::ExpenditureTotal,
        Figure::Basic,
        Figure::Project,
        Figure::FiscalTotal,
        Figure::GeneralBudget,
        Figure::GovFund,
        Figure::StateCapital,
        Figure::GeneralBasic,
        Figure::ThreePublic,
        Figure::OperatingCosts,
        Figure::Procurement,
    ];

    /// As a page names it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Figure::GrandTotal => "收、支总计",
            Figure::IncomeTotal => "收入合计",
            Figure::FiscalIncome => "财政拨款收入",
            Figure::ExpenditureTotal => "支出合计",
            Figure::Basic => "基本支出",
            Figure::Project => "项目支出",
            Figure::FiscalTotal => "财政拨款收、支总计",
            Figure::GeneralBudget => "一般公共预算财政拨款",
            Figure::GovFund => "政府性基金预算财政拨款",
            Figure::StateCapital => "国有资本经营预算财政拨款",
            Figure::GeneralBasic => "一般公共预算财政拨款基本支出",
            Figure::ThreePublic => "“三公”经费",
            Figure::OperatingCosts => "机关运行经费",
            Figure::Procurement => "政府采购支出",
        }
    }

    /// The key of its statement under `final_accounts.narrative`.
    pub(crate) fn narrative_key(self) -> &'static str {
        match self {
            Figure::GrandTotal => "grand_total",
            Figure::IncomeTotal => "income",
            Figure::FiscalIncome => "fiscal_income",
            Figure::ExpenditureTotal => "expenditure",
            Figure::Basic => "basic",
            Figure::Project => "project",
            Figure::FiscalTotal => "fiscal",
            Figure::GeneralBudget => "general_budget",
            Figure::GovFund => "gov_fund",
            Figure::StateCapital => "state_capital",
            Figure::GeneralBasic => "general_basic",
            Figure::ThreePublic => "three_public",
            Figure::OperatingCosts => "operating_costs",
            Figure::Procurement => "procurement",
        }
    }

    /// The key of its value under `final_accounts.prior_year`, where that block has one.
    pub(crate) fn prior_key(self) -> Option<&'static str> {
        Some(match self {
            Figure::GrandTotal => "grand_total",
            Figure::IncomeTotal => "income_total",
            Figure::ExpenditureTotal => "expenditure_total",
            Figure::FiscalTotal => "fiscal_total",
            Figure::GeneralBudget => "general_budget",
            Figure::GovFund => "gov_fund",
            Figure::StateCapital => "state_capital",
            Figure::Basic => "basic",
            Figure::Project => "project",
            Figure::ThreePublic => "three_public",
            Figure::OperatingCosts => "operating_costs",
            Figure::Procurement => "procurement",
            Figure::FiscalIncome | Figure::GeneralBasic => return None,
        })
    }

    /// What the 情况说明 states about this figure.
    pub(crate) fn stated(self, fa: &FinalAccounts) -> Option<&StatedFigure> {
        let n = fa.narrative.as_ref()?;
        match self {
            Figure::GrandTotal => n.grand_total.as_ref(),
            Figure::IncomeTotal => n.income.as_ref(),
            Figure::FiscalIncome => n.fiscal_income.as_ref(),
            Figure::ExpenditureTotal => n.expenditure.as_ref(),
            Figure::Basic => n.basic.as_ref(),
            Figure::Project => n.project.as_ref(),
            Figure::FiscalTotal => n.fiscal.as_ref(),
            Figure::GeneralBudget => n.general_budget.as_ref(),
            Figure::GovFund => n.gov_fund.as_ref(),
            Figure::StateCapital => n.state_capital.as_ref(),
            Figure::GeneralBasic => n.general_basic.as_ref(),
            Figure::ThreePublic => n.three_public.as_ref(),
            Figure::OperatingCosts => n.operating_costs.as_ref(),
            Figure::Procurement => n.procurement.as_ref(),
        }
    }

    /// Its value in a `prior_year` block.
    pub(crate) fn in_prior_block(self, p: &PriorYear) -> Option<Money> {
        match self {
            Figure::GrandTotal => p.grand_total,
            Figure::IncomeTotal => p.income_total,
            Figure::ExpenditureTotal => p.expenditure_total,
            Figure::FiscalTotal => p.fiscal_total,
            Figure::GeneralBudget => p.general_budget,
            Figure::GovFund => p.gov_fund,
            Figure::StateCapital => p.state_capital,
            Figure::Basic => p.basic,
            Figure::Project => p.project,
            Figure::ThreePublic => p.three_public,
            Figure::OperatingCosts => p.operating_costs,
            Figure::Procurement => p.procurement,
            Figure::FiscalIncome | Figure::GeneralBasic => None,
        }
    }

    /// Its value this year: what the tables state, else the sum of the parts they state, else
    /// what the 情况说明 states. The document's own figure wins so a page never silently shows a
    /// corrected number; the checker reports where the two differ.
    pub(crate) fn current(self, fa: &FinalAccounts) -> Option<Money> {
        self.table(fa)
            .or_else(|| self.parts_sum(fa))
            .or_else(|| self.stated(fa).and_then(|s| s.value))
    }

    /// Every value the record gives this figure, distinct, in the order of [`Figure::current`]:
    /// the table's, the parts' sum, the 情况说明's. A statement consistent with any of them is
    /// not a second finding about a figure whose own error is reported elsewhere.
    pub(crate) fn candidates(self, fa: &FinalAccounts) -> Vec<Money> {
        let mut out: Vec<Money> = Vec::new();
        let all = [
            self.table(fa),
            self.parts_sum(fa),
            self.stated(fa).and_then(|s| s.value),
        ];
        for v in all.into_iter().flatten() {
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    /// Its value as a table states it.
    fn table(self, fa: &FinalAccounts) -> Option<Money> {
        let income = fa.income.as_ref();
        let expenditure = fa.expenditure.as_ref();
        let fiscal = fa.fiscal.as_ref();
        match self {
            Figure::GrandTotal => income
                .and_then(|i| i.grand_total)
                .or_else(|| expenditure.and_then(|e| e.grand_total)),
            Figure::IncomeTotal => income.and_then(|i| i.total),
            Figure::FiscalIncome => fiscal.and_then(|f| f.income),
            Figure::ExpenditureTotal => expenditure.and_then(|e| e.total),
            Figure::Basic => expenditure.and_then(|e| e.basic),
            Figure::Project => expenditure.and_then(|e| e.project),
            Figure::FiscalTotal => fiscal.and_then(|f| f.grand_total),
            Figure::GeneralBudget => income
                .and_then(|i| i.general_budget)
                .or_else(|| fa.general_budget.as_ref().and_then(|g| g.actual)),
            Figure::GovFund => income.and_then(|i| i.gov_fund),
            Figure::StateCapital => income.and_then(|i| i.state_capital),
            Figure::GeneralBasic => fa
                .basic
                .as_ref()
                .and_then(|b| b.total)
                .or_else(|| fa.general_budget.as_ref().and_then(|g| g.basic)),
            Figure::ThreePublic => fa
                .three_public
                .as_ref()
                .and_then(|t| t.total.as_ref())
                .and_then(|t| t.actual),
            Figure::OperatingCosts => fa.operating_costs.as_ref().and_then(|o| o.actual),
            Figure::Procurement => fa.procurement.as_ref().and_then(|p| p.total),
        }
    }

    /// Its value as the sum of the parts the record states.
    fn parts_sum(self, fa: &FinalAccounts) -> Option<Money> {
        let totals = super::Totals::of(fa);
        match self {
            Figure::GrandTotal => totals.income_grand_total,
            Figure::IncomeTotal => totals.income_total,
            Figure::FiscalIncome => totals.fiscal_income,
            Figure::ExpenditureTotal => totals.expenditure_total,
            Figure::FiscalTotal => totals.fiscal_grand_total,
            Figure::GeneralBudget => super::lines::fund_actual(fa, Fund::GeneralBudget),
            Figure::GovFund => super::lines::fund_actual(fa, Fund::GovFund),
            Figure::StateCapital => super::lines::fund_actual(fa, Fund::StateCapital),
            Figure::GeneralBasic => totals.basic_total,
            Figure::ThreePublic => totals.three_public_actual,
            Figure::Procurement => totals.procurement_total,
            Figure::Basic | Figure::Project | Figure::OperatingCosts => None,
        }
    }
}
