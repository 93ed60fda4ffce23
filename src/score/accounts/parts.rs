//! The figures of the 情况说明's sections on the parts of spending: 一般公共预算 against its
//! 年初预算, 基本支出 (人员 + 公用), "三公"经费, 机关运行经费 and 政府采购.
//!
//! In: a [`FinalAccounts`] and its [`Totals`]. Out: one figures struct per section, `None`
//! when the record has no such section. Pure; overflow leaves a figure out.

use serde::Serialize;

use super::{
    Change, Figure, PERCENT_DP, Totals, change, completion, fund_actual, fund_budget,
    largest_remainder, share, sum_stated_parts,
};
use crate::model::{BudgetActual, Dec, FinalAccounts, Fund, Money, Pct};

/// 年初预算 against 决算.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BudgetFigures {
    pub(crate) budget: Option<Money>,
    pub(crate) actual: Option<Money>,
    /// `None` when the budget is 0 or unknown.
    pub(crate) completion: Option<Pct>,
    /// The budget is stated as 0 ("该科目未申请年初财政拨款预算").
    pub(crate) unbudgeted: bool,
}

impl BudgetFigures {
    fn new(budget: Option<Money>, actual: Option<Money>) -> BudgetFigures {
        BudgetFigures {
            budget,
            actual,
            completion: budget.zip(actual).and_then(|(b, a)| completion(a, b)),
            unbudgeted: budget.is_some_and(Dec::is_zero),
        }
    }

    fn of(pair: Option<&BudgetActual>) -> Option<BudgetFigures> {
        pair.map(|p| BudgetFigures::new(p.budget, p.actual))
    }
}

/// 基本支出 = 人员经费 + 公用经费, and their shares.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BasicFigures {
    pub(crate) personnel: Option<Money>,
    pub(crate) public: Option<Money>,
    /// 人员 + 公用.
    pub(crate) total: Option<Money>,
    pub(crate) personnel_share: Option<Pct>,
    pub(crate) public_share: Option<Pct>,
}

/// "三公"经费 parts with their completion; 车 = 购置 + 运行.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ThreePublicFigures {
    pub(crate) outbound: Option<BudgetFigures>,
    pub(crate) vehicle_purchase: Option<BudgetFigures>,
    pub(crate) vehicle_operation: Option<BudgetFigures>,
    /// 公务用车购置及运行费.
    pub(crate) vehicle: Option<BudgetFigures>,
    pub(crate) reception: Option<BudgetFigures>,
    /// As the table states it, else Σ parts.
    pub(crate) total: BudgetFigures,
}

/// 机关运行经费 against its 年初预算 and against 公用经费.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OperatingFigures {
    pub(crate) actual: Money,
    /// Stated, or implied by the stated change (actual − change).
    pub(crate) budget: Option<Money>,
    /// The budget was implied, not stated.
    pub(crate) budget_implied: bool,
    /// actual − budget, rate over the budget.
    pub(crate) change: Option<Change>,
    /// 公用经费 of the 一般公共预算财政拨款基本支出.
    pub(crate) public: Option<Money>,
    /// Whether 机关运行经费 equals 公用经费 (it should for 行政单位 and 参公事业单位).
    pub(crate) matches_public: Option<bool>,
}

/// 政府采购 sums and the 中小企业 shares.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProcurementFigures {
    /// 货物 + 工程 + 服务.
    pub(crate) parts_total: Option<Money>,
    /// The stated 总额, else the parts' sum: the whole the shares divide by.
    pub(crate) total: Option<Money>,
    /// 授予中小企业合同金额 / 总额.
    pub(crate) sme_share: Option<Pct>,
    /// 授予小微企业合同金额 / 总额.
    pub(crate) small_micro_share: Option<Pct>,
    /// 授予中小企业合同金额 / the parts' sum, which the 情况说明 prints (issue 16: published here
    /// so every figure of the text is in the record's data file).
    pub(crate) sme_share_of_parts: Option<Pct>,
    /// 授予小微企业合同金额 / the parts' sum.
    pub(crate) small_micro_share_of_parts: Option<Pct>,
}

/// 基本支出 = 人员经费 + 公用经费, and their shares.
pub(super) fn basic(fa: &FinalAccounts, totals: &Totals) -> Option<BasicFigures> {
    let b = fa.basic.as_ref()?;
    let split = b
        .personnel
        .zip(b.public)
        .and_then(|(p, q)| largest_remainder(&[p, q], PERCENT_DP));
    Some(BasicFigures {
        personnel: b.personnel,
        public: b.public,
        total: totals.basic_total,
        personnel_share: split.as_ref().map(|s| s[0]),
        public_share: split.as_ref().map(|s| s[1]),
    })
}

/// 政府采购 = 货物 + 工程 + 服务, and the 中小企业 shares of the stated total.
pub(super) fn procurement(fa: &FinalAccounts, totals: &Totals) -> Option<ProcurementFigures> {
    let p = fa.procurement.as_ref()?;
    let total = p.total.or(totals.procurement_total);
    let of_total = |part: Option<Money>| part.zip(total).and_then(|(a, t)| share(a, t, PERCENT_DP));
    let of_parts = |part: Option<Money>| {
        part.zip(totals.procurement_total)
            .and_then(|(a, t)| share(a, t, PERCENT_DP))
    };
    Some(ProcurementFigures {
        parts_total: totals.procurement_total,
        total,
        sme_share: of_total(p.sme),
        small_micro_share: of_total(p.small_micro),
        sme_share_of_parts: of_parts(p.sme),
        small_micro_share_of_parts: of_parts(p.small_micro),
    })
}

/// 一般公共预算 年初预算 and 决算: as the table states them, else as the 情况说明 does, else
/// the sums of the lines.
pub(super) fn general_budget(fa: &FinalAccounts) -> Option<BudgetFigures> {
    let table = fa.general_budget.as_ref();
    let text = Figure::GeneralBudget.stated(fa);
    let budget = table
        .and_then(|g| g.budget)
        .or_else(|| text.and_then(|t| t.budget))
        .or_else(|| fund_budget(fa, Fund::GeneralBudget));
    let actual = table
        .and_then(|g| g.actual)
        .or_else(|| text.and_then(|t| t.value))
        .or_else(|| fund_actual(fa, Fund::GeneralBudget));
    (budget.is_some() || actual.is_some()).then(|| BudgetFigures::new(budget, actual))
}

/// "三公"经费 by part; 车 = 购置 + 运行.
pub(super) fn three_public(fa: &FinalAccounts) -> Option<ThreePublicFigures> {
    let tp = fa.three_public.as_ref()?;
    let vehicle_parts = [&tp.vehicle_purchase, &tp.vehicle_operation];
    let vehicle = (tp.vehicle_purchase.is_some() || tp.vehicle_operation.is_some()).then(|| {
        BudgetFigures::new(
            sum_stated_parts(&vehicle_parts, |p| p.budget),
            sum_stated_parts(&vehicle_parts, |p| p.actual),
        )
    });
    let totals = Totals::of(fa);
    let stated = tp.total.as_ref();
    Some(ThreePublicFigures {
        outbound: BudgetFigures::of(tp.outbound.as_ref()),
        vehicle_purchase: BudgetFigures::of(tp.vehicle_purchase.as_ref()),
        vehicle_operation: BudgetFigures::of(tp.vehicle_operation.as_ref()),
        vehicle,
        reception: BudgetFigures::of(tp.reception.as_ref()),
        total: BudgetFigures::new(
            stated.and_then(|t| t.budget).or(totals.three_public_budget),
            stated.and_then(|t| t.actual).or(totals.three_public_actual),
        ),
    })
}

/// 机关运行经费 against its budget (stated, or implied by the stated change) and 公用经费.
pub(super) fn operating_costs(fa: &FinalAccounts) -> Option<OperatingFigures> {
    let oc = fa.operating_costs.as_ref()?;
    let actual = oc.actual?;
    let implied = oc
        .stated_change
        .and_then(|c| actual.checked_sub(c))
        .filter(|_| oc.budget.is_none());
    let budget = oc.budget.or(implied);
    let public = fa.basic.as_ref().and_then(|b| b.public);
    Some(OperatingFigures {
        actual,
        budget,
        budget_implied: implied.is_some(),
        change: budget.and_then(|b| change(actual, b)),
        public,
        matches_public: public.map(|p| p == actual),
    })
}

/// Whether a unit of `kind` (its `_unit.yaml` 单位性质) spends 公用经费 only as 机关运行经费:
/// 行政单位 and 参公事业单位 (domain.md §2), or a kind not given. A 部门决算 that also holds other
/// 事业单位 has 公用经费 beyond 机关运行经费 (field 31: 142.80 against 480.66; issue 16).
pub(crate) fn public_funds_are_operating_costs(kind: Option<&str>) -> bool {
    let kind = kind.unwrap_or("");
    let others = kind
        .replace("参公事业单位", "")
        .replace("参照公务员法管理的事业单位", "")
        .contains("事业单位");
    !others
        && (kind.is_empty()
            || kind.contains("行政")
            || kind.contains("参公")
            || kind.contains("参照公务员"))
}
