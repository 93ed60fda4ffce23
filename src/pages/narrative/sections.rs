//! Sections 九 to 十三 of the 情况说明: "三公"经费, 机关运行经费, 政府采购, 国有资产占用 and
//! 预算绩效.
//!
//! In: the [`Inputs`] of the 情况说明 (or the accounts alone). Out: section structs of formatted
//! figures; `None` when the record has no such block. 政府采购's shares divide by the computed
//! total (货物 + 工程 + 服务), not the printed one. Never writes a sentence.

use serde::Serialize;

use super::spending::BudgetText;
use super::{ChangeText, Inputs, Part, change_text, computed, count, money, pct};
use crate::model::{BudgetActual, Dec, FinalAccounts, Money};
use crate::score::accounts::{Figure, PERCENT_DP, share};

/// One "三公" part: its figures, or `none` when the record states nothing spent and nothing
/// budgeted.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ThreePublicPart {
    /// "本年未发生…业务，无相关经费，也未编制相关预算": both stated as 0 (issue 16: a figure
    /// left out is not a 0).
    pub(crate) none: bool,
    /// The record states neither figure: nothing is said ("未填报" on the internal page).
    pub(crate) missing: bool,
    /// Budget against actual, when the actual is stated.
    pub(crate) figures: Option<BudgetText>,
    /// The budget, for a part that states one but no actual.
    pub(crate) budget: Option<String>,
}

impl ThreePublicPart {
    fn new(budget: Option<Money>, actual: Option<Money>) -> ThreePublicPart {
        ThreePublicPart {
            none: actual.is_some_and(Dec::is_zero) && budget.is_some_and(Dec::is_zero),
            missing: actual.is_none() && budget.is_none(),
            figures: actual.map(|a| BudgetText::new(budget, a)),
            budget: budget.map(money),
        }
    }

    fn of(pair: Option<&BudgetActual>) -> ThreePublicPart {
        ThreePublicPart::new(pair.and_then(|p| p.budget), pair.and_then(|p| p.actual))
    }
}

/// 九: the total against its budget, and each part.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ThreePublicSection {
    pub(crate) total: BudgetText,
    pub(crate) outbound: ThreePublicPart,
    /// 公务用车购置及运行费.
    pub(crate) vehicle: ThreePublicPart,
    pub(crate) vehicle_purchase: ThreePublicPart,
    pub(crate) vehicle_operation: ThreePublicPart,
    pub(crate) reception: ThreePublicPart,
    /// 公务用车保有量.
    pub(crate) vehicles: Option<String>,
}

/// 十: 机关运行经费 against its 年初预算.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OperatingSection {
    pub(crate) actual: String,
    /// Against the 年初预算 (stated, or implied by the stated change).
    pub(crate) change: Option<ChangeText>,
    /// It equals the 公用经费 of the 基本支出 (行政单位 and 参公事业单位).
    pub(crate) matches_public: bool,
    pub(crate) reason: Option<String>,
}

/// 十一: 政府采购 by kind, and the 中小企业 shares.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProcurementSection {
    pub(crate) total: String,
    /// 货物, 工程, 服务: those the record states.
    pub(crate) kinds: Vec<Part>,
    /// 授予中小企业合同金额 and its share of the total.
    pub(crate) sme: Option<Part>,
    /// 授予小微企业合同金额 and its share of the total.
    pub(crate) small_micro: Option<Part>,
    /// The record's own 总额 when the total printed is the parts' sum and differs from it: the
    /// total and its shares are 推算 (issue 16), and the sentence says on what basis.
    pub(crate) stated_total: Option<String>,
}

/// A named count (应急保障用车 1 辆).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NamedCount {
    pub(crate) name: String,
    pub(crate) count: String,
}

/// 十二: vehicles and large equipment.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AssetsSection {
    pub(crate) vehicles: Option<String>,
    pub(crate) vehicle_kinds: Vec<NamedCount>,
    pub(crate) large_equipment: Option<String>,
}

/// 十三: the projects evaluated and the 部门整体 score.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PerformanceSection {
    pub(crate) project_count: Option<String>,
    pub(crate) project_funds: Option<String>,
    pub(crate) overall_score: Option<String>,
    /// The Shanghai template's 全过程绩效管理 figures (issue 16), each only when stated.
    pub(crate) process: ProcessText,
}

/// 十 of the Shanghai template: 编报绩效目标, 绩效跟踪评价 and 绩效自评 projects and funds, the
/// average score, the projects by grade and the problems found.
#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct ProcessText {
    pub(crate) systems: Option<String>,
    pub(crate) target: Option<NamedCount>,
    pub(crate) tracked: Option<NamedCount>,
    pub(crate) evaluated: Option<NamedCount>,
    pub(crate) average_score: Option<String>,
    /// 优, 良, 合格, 不合格: those stated.
    pub(crate) grades: Vec<NamedCount>,
    pub(crate) problems: Option<String>,
    pub(crate) problems_fixed: Option<String>,
    pub(crate) problems_fixing: Option<String>,
}

/// 九; `None` without a "三公" block.
pub(super) fn three_public(inputs: &Inputs<'_>) -> Option<ThreePublicSection> {
    let tp = inputs.fa.three_public.as_ref()?;
    let f = inputs.figures.three_public.as_ref()?;
    let parts = [
        &tp.outbound,
        &tp.vehicle_purchase,
        &tp.vehicle_operation,
        &tp.reception,
    ];
    // Issue 16: the parts' sum stands for the total only when every part states its figure (a
    // part left out is not a 0); else the stated total, else the 情况说明's.
    let complete = |f: fn(&BudgetActual) -> Option<Money>| {
        parts.iter().all(|p| p.as_ref().and_then(f).is_some())
    };
    let t = &inputs.figures.totals;
    let stated = tp.total.as_ref();
    let actual = t
        .three_public_actual
        .filter(|_| complete(|p| p.actual))
        .or(stated.and_then(|s| s.actual))
        .or_else(|| Figure::ThreePublic.stated(inputs.fa).and_then(|s| s.value))?;
    let budget = stated
        .and_then(|s| s.budget)
        .or(t.three_public_budget.filter(|_| complete(|p| p.budget)));
    let vehicle = f.vehicle.as_ref();
    let (purchase, operation) = (
        ThreePublicPart::of(tp.vehicle_purchase.as_ref()),
        ThreePublicPart::of(tp.vehicle_operation.as_ref()),
    );
    let mut vehicle = ThreePublicPart::new(
        vehicle.and_then(|v| v.budget),
        vehicle.and_then(|v| v.actual),
    );
    // 购置 and 运行 together are "none" only when the record states both as none.
    vehicle.none = purchase.none && operation.none;
    vehicle.missing = purchase.missing && operation.missing;
    if purchase.figures.is_none() || operation.figures.is_none() {
        // A part's 决算 left out: their sum is not the 小计.
        vehicle.figures = None;
    }
    if vehicle.missing && tp.vehicle.is_some() {
        // The 小计 stated as one figure (Shanghai, issue 16), without its two parts.
        vehicle = ThreePublicPart::of(tp.vehicle.as_ref());
    }
    Some(ThreePublicSection {
        total: BudgetText::new(budget, actual),
        outbound: ThreePublicPart::of(tp.outbound.as_ref()),
        vehicle,
        vehicle_purchase: purchase,
        vehicle_operation: operation,
        reception: ThreePublicPart::of(tp.reception.as_ref()),
        vehicles: tp.vehicles.map(count),
    })
}

/// 十; `None` without a 机关运行经费 block.
pub(super) fn operating_costs(inputs: &Inputs<'_>) -> Option<OperatingSection> {
    let f = inputs.figures.operating_costs.as_ref()?;
    Some(OperatingSection {
        actual: money(f.actual),
        change: f.budget.and_then(|b| change_text(f.actual, b)),
        matches_public: f.matches_public == Some(true),
        reason: inputs
            .fa
            .operating_costs
            .as_ref()
            .and_then(|o| o.reason.clone()),
    })
}

/// 十一; `None` without a 政府采购 total.
pub(super) fn procurement(inputs: &Inputs<'_>) -> Option<ProcurementSection> {
    let p = inputs.fa.procurement.as_ref()?;
    // Issue 16: the sum of the kinds stands for the total only when the record states all
    // three (a kind left out is not a 0); else the stated total.
    let complete = p.goods.is_some() && p.works.is_some() && p.services.is_some();
    let total = if complete {
        computed(inputs, Figure::Procurement)?
    } else {
        p.total
            .or_else(|| Figure::Procurement.stated(inputs.fa).and_then(|s| s.value))?
    };
    let part = |label: &'static str, amount: Option<Dec>| {
        amount.map(|a| Part {
            label,
            amount: money(a),
            share: share(a, total, PERCENT_DP).map(pct),
        })
    };
    Some(ProcurementSection {
        total: money(total),
        kinds: [
            ("政府采购货物支出", p.goods),
            ("政府采购工程支出", p.works),
            ("政府采购服务支出", p.services),
        ]
        .into_iter()
        .filter_map(|(label, amount)| {
            amount.map(|a| Part {
                label,
                amount: money(a),
                share: None,
            })
        })
        .collect(),
        sme: part("授予中小企业合同金额", p.sme),
        small_micro: part("授予小微企业合同金额", p.small_micro),
        stated_total: p.total.filter(|s| *s != total).map(money),
    })
}

/// 十二; `None` without an assets block or when it states neither count (its sentence would
/// say nothing).
pub(super) fn assets(fa: &FinalAccounts) -> Option<AssetsSection> {
    let a = fa
        .assets
        .as_ref()
        .filter(|a| a.vehicles.is_some() || a.large_equipment.is_some())?;
    Some(AssetsSection {
        vehicles: a.vehicles.map(count),
        vehicle_kinds: a
            .vehicle_kinds
            .iter()
            .filter_map(|k| {
                Some(NamedCount {
                    name: k.name.clone(),
                    count: count(k.count?),
                })
            })
            .collect(),
        large_equipment: a.large_equipment.map(count),
    })
}

/// 十三; `None` without a performance block.
pub(super) fn performance(fa: &FinalAccounts) -> Option<PerformanceSection> {
    let p = fa.performance.as_ref()?;
    Some(PerformanceSection {
        project_count: p.project_count.map(count),
        project_funds: p.project_funds.map(money),
        overall_score: p.overall_score.map(crate::render::fmt_score),
        process: process(p),
    })
}

/// The stated 全过程绩效管理 figures; `count` is the projects, `name` their 预算金额.
fn process(p: &crate::model::Performance) -> ProcessText {
    let pair = |n: Option<Dec>, funds: Option<Dec>| {
        n.map(|n| NamedCount {
            name: funds.map(money).unwrap_or_default(),
            count: count(n),
        })
    };
    let grades = [
        ("优", p.grade_excellent),
        ("良", p.grade_good),
        ("合格", p.grade_pass),
        ("不合格", p.grade_fail),
    ]
    .into_iter()
    .filter_map(|(name, n)| {
        n.map(|n| NamedCount {
            name: name.into(),
            count: count(n),
        })
    })
    .collect();
    ProcessText {
        systems: p.systems.clone(),
        target: pair(p.target_projects, p.target_funds),
        tracked: pair(p.tracked_projects, p.tracked_funds),
        evaluated: pair(p.evaluated_projects, p.evaluated_funds),
        average_score: p.average_score.map(crate::render::fmt_score),
        grades,
        problems: p.problems.map(count),
        problems_fixed: p.problems_fixed.map(count),
        problems_fixing: p.problems_fixing.map(count),
    }
}
