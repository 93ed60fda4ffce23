//! The 部门决算情况说明 (第三部分) and the 名词解释 of a 决算公开 page, as data for the theme's
//! `partials/juesuan_text.html`.
//!
//! In: one [`Record`] with its [`FinalAccounts`], the prior year's accounts when that record
//! exists, and the record's [`AccountsFigures`]. Out: a [`Shuoming`], one field per section of
//! the standard outline (`domain.md` §2), each holding ready-formatted figures and the words
//! their signs choose (增加/减少, 增长/下降, the 完成年初预算 phrase or the 未申请 flag).
//!
//! Every number is computed from the data: a total is the sum of its parts when the record
//! states them, so the text never repeats a figure the checker reports as wrong (seed 003's
//! 收入合计 11902.59 reads 11092.59 here). The reasons (主要原因是…) are the record's own text.
//! Never assembles sentences: the wording lives in the template, so a unit's theme can adapt
//! it. A section without data is `None` (or empty) and the template prints "本单位无…".

mod sections;
mod spending;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::model::{Dec, FinalAccounts, Fund, Money, Pct, Record};
use crate::render::{fmt_money, fmt_pct};
use crate::score::accounts::{
    AccountsFigures, Figure, NamedShare, PriorSource, Totals, change, fund_actual, prior_value,
};

pub(crate) use sections::{
    AssetsSection, OperatingSection, PerformanceSection, ProcurementSection, ThreePublicSection,
};
pub(crate) use spending::{BasicSection, FundSection, GeneralSection, LineText};

/// The 情况说明 of one record, section by section.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Shuoming {
    /// The record's year (`2023`).
    pub(crate) year: String,
    /// The year the changes compare with (`2022`).
    pub(crate) prior_year: String,
    /// The unit of every amount (`万元`).
    pub(crate) amount_unit: &'static str,
    /// 一、收入支出决算总体情况 (收、支总计).
    pub(crate) overall: Option<Compared>,
    /// 二、收入决算情况.
    pub(crate) income: Option<StructureSection>,
    /// 三、支出决算情况.
    pub(crate) expenditure: Option<StructureSection>,
    /// 四、财政拨款收入支出决算总体情况.
    pub(crate) fiscal: Option<FiscalSection>,
    /// 五、一般公共预算财政拨款支出决算情况 (总体, 结构, 具体).
    pub(crate) general: Option<GeneralSection>,
    /// 六、一般公共预算财政拨款基本支出.
    pub(crate) basic: Option<BasicSection>,
    /// 七、政府性基金预算财政拨款收入支出.
    pub(crate) gov_fund: Option<FundSection>,
    /// 八、国有资本经营预算财政拨款支出.
    pub(crate) state_capital: Option<FundSection>,
    /// 九、"三公"经费.
    pub(crate) three_public: Option<ThreePublicSection>,
    /// 十、机关运行经费.
    pub(crate) operating_costs: Option<OperatingSection>,
    /// 十一、政府采购.
    pub(crate) procurement: Option<ProcurementSection>,
    /// 十二、国有资产占用.
    pub(crate) assets: Option<AssetsSection>,
    /// 十三、预算绩效.
    pub(crate) performance: Option<PerformanceSection>,
    /// 名词解释 (十): the 项-level 科目 the record uses, distinct, in record order.
    pub(crate) subjects: Vec<LineText>,
}

/// A figure this year and, when the prior year's value is known, its change.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Compared {
    pub(crate) amount: String,
    pub(crate) change: Option<ChangeText>,
    /// The record's reason text (主要原因是…), as written.
    pub(crate) reason: Option<String>,
}

/// A change against a base (the prior year, or a budget): magnitudes and the words of its sign.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChangeText {
    /// The base it is measured against.
    pub(crate) base: String,
    /// 增加, 减少 or 持平.
    pub(crate) amount_word: &'static str,
    /// |Δ|.
    pub(crate) amount: String,
    /// 增长, 下降 or 持平.
    pub(crate) rate_word: &'static str,
    /// |Δ| ÷ |base|; `None` when the base is 0.
    pub(crate) rate: Option<String>,
    /// No change: the template says 持平 and prints no amount.
    pub(crate) level: bool,
}

/// A part of a whole: its name, amount and share.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Part {
    pub(crate) label: &'static str,
    pub(crate) amount: String,
    pub(crate) share: Option<String>,
}

/// 二 and 三: a total with its change, the parts it has and the names of those it has not.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StructureSection {
    pub(crate) total: Compared,
    /// 二 only: 财政拨款收入 (the three funds together) and its share.
    pub(crate) fiscal: Option<Part>,
    /// Non-zero parts (for 二, the non-fiscal sources), with shares.
    pub(crate) parts: Vec<Part>,
    /// Parts that are 0 or not stated ("本年度无…").
    pub(crate) absent: Vec<&'static str>,
}

/// 四: the 财政拨款 total and each fund's income.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FiscalSection {
    pub(crate) total: Compared,
    pub(crate) funds: Vec<FundIncome>,
    /// Funds with no income ("本年度无政府性基金预算财政拨款收入").
    pub(crate) absent: Vec<&'static str>,
}

/// One fund's 财政拨款收入 against the prior year.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FundIncome {
    pub(crate) label: &'static str,
    pub(crate) income: Compared,
}

/// What the sections are computed from.
pub(super) struct Inputs<'a> {
    pub(super) fa: &'a FinalAccounts,
    pub(super) prior: Option<&'a FinalAccounts>,
    pub(super) figures: &'a AccountsFigures,
}

/// The 情况说明 of `record`; `None` when it has no 决算. `prior` is the prior year's own
/// record's accounts; `figures` are the record's derived figures (`score::accounts::derive`).
pub(crate) fn shuoming(
    record: &Record,
    prior: Option<&FinalAccounts>,
    figures: &AccountsFigures,
) -> Option<Shuoming> {
    let fa = record.final_accounts.as_ref()?;
    let inputs = Inputs { fa, prior, figures };
    let year = record.year;
    Some(Shuoming {
        year: year.to_string(),
        prior_year: year.prev().map(|y| y.to_string()).unwrap_or_default(),
        amount_unit: record.amount_unit.label(),
        overall: compared(&inputs, Figure::GrandTotal),
        income: income(&inputs),
        expenditure: expenditure(&inputs),
        fiscal: fiscal(&inputs),
        general: spending::general(&inputs),
        basic: spending::basic(&inputs),
        gov_fund: spending::fund(&inputs, Fund::GovFund),
        state_capital: spending::fund(&inputs, Fund::StateCapital),
        three_public: sections::three_public(&inputs),
        operating_costs: sections::operating_costs(&inputs),
        procurement: sections::procurement(&inputs),
        assets: sections::assets(fa),
        performance: sections::performance(fa),
        subjects: spending::subjects(fa),
    })
}

/// An amount as running text prints it: 2 places, no thousands separators (`11092.59`), as
/// the documents write it inside a sentence.
pub(super) fn money(d: Dec) -> String {
    fmt_money(d).replace(',', "")
}

/// A percentage to 2 places, ungrouped like [`money`] (`46.86%`, `1479.52%`).
pub(super) fn pct(p: Pct) -> String {
    fmt_pct(p).replace(',', "")
}

/// A count (车辆 3 辆, 项目 4 个) as printed: no places.
pub(super) fn count(d: Dec) -> String {
    money(d.round(0)).trim_end_matches(".00").to_owned()
}

/// A figure's value computed from the data: the sum of its stated parts, else the table's
/// figure, else the 情况说明's ([`Figure::current`]).
pub(super) fn computed(inputs: &Inputs<'_>, figure: Figure) -> Option<Money> {
    let (fa, t): (&FinalAccounts, &Totals) = (inputs.fa, &inputs.figures.totals);
    let parts = match figure {
        Figure::GrandTotal => t.income_grand_total.or(t.expenditure_grand_total),
        Figure::IncomeTotal => t.income_total,
        Figure::FiscalIncome => t.fiscal_income,
        Figure::ExpenditureTotal => t.expenditure_total,
        Figure::FiscalTotal => t.fiscal_grand_total,
        Figure::GeneralBudget => fund_actual(fa, Fund::GeneralBudget),
        Figure::GovFund => fund_actual(fa, Fund::GovFund),
        Figure::StateCapital => fund_actual(fa, Fund::StateCapital),
        Figure::GeneralBasic => t.basic_total,
        Figure::ThreePublic => t.three_public_actual,
        Figure::Procurement => t.procurement_total,
        Figure::Basic | Figure::Project | Figure::OperatingCosts => None,
    };
    parts.or_else(|| figure.current(fa))
}

/// `figure` this year with its change against the prior year and the record's reason.
///
/// A prior-year value implied by the 情况说明's 变动额 is used only when the 情况说明's figure
/// is the computed one: when they differ (seed 003's 收入合计 11902.59 against 11092.59) either
/// the figure or the change is misprinted, the prior year is unknown, and no change is given.
pub(super) fn compared(inputs: &Inputs<'_>, figure: Figure) -> Option<Compared> {
    let now = computed(inputs, figure)?;
    let stated = figure.stated(inputs.fa);
    let change = prior_value(figure, inputs.fa, inputs.prior)
        .filter(|p| p.source != PriorSource::Implied || figure.current(inputs.fa) == Some(now))
        .and_then(|p| change_text(now, p.value));
    Some(Compared {
        amount: money(now),
        change,
        reason: stated.and_then(|s| s.reason.clone()),
    })
}

/// [`compared`], for a figure a section reads from one side of the accounts (四 the income of a
/// fund, 五 its spending): the amount is `value`, and the change stands only when it was
/// measured on that same value.
pub(super) fn compared_as(inputs: &Inputs<'_>, figure: Figure, value: Money) -> Option<Compared> {
    let mut out = compared(inputs, figure)?;
    if computed(inputs, figure) != Some(value) {
        out.change = None;
    }
    out.amount = money(value);
    Some(out)
}

/// The change from `base` to `now`, formatted; `None` on overflow.
pub(super) fn change_text(now: Money, base: Money) -> Option<ChangeText> {
    let c = change(now, base)?;
    Some(ChangeText {
        base: money(base),
        amount_word: c.words.amount,
        amount: money(c.delta.abs()),
        rate_word: c.words.rate,
        rate: c.rate.map(|r| pct(Pct::from_percent(r.percent().abs()))),
        level: c.delta.is_zero(),
    })
}

/// A named share as a [`Part`].
fn part(s: &NamedShare) -> Part {
    Part {
        label: s.label,
        amount: money(s.amount),
        share: Some(pct(s.share)),
    }
}

/// Splits shares into the non-zero parts and the labels of the zero ones.
fn split_parts<'s>(shares: impl Iterator<Item = &'s NamedShare>) -> (Vec<Part>, Vec<&'static str>) {
    let mut parts = Vec::new();
    let mut absent = Vec::new();
    for s in shares {
        if s.amount.is_zero() {
            absent.push(s.label);
        } else {
            parts.push(part(s));
        }
    }
    (parts, absent)
}

/// The income sources that are not 财政拨款.
const NON_FISCAL_INCOME: [(&str, &str); 5] = [
    ("superior_subsidy", "上级补助收入"),
    ("business", "事业收入"),
    ("operating", "经营收入"),
    ("affiliated", "附属单位上缴收入"),
    ("other", "其他收入"),
];

/// 二: 收入合计, 财政拨款收入 and its share, the other sources.
fn income(inputs: &Inputs<'_>) -> Option<StructureSection> {
    let total = compared(inputs, Figure::IncomeTotal)?;
    let f = inputs.figures;
    let fiscal = f.totals.fiscal_income.map(|amount| Part {
        label: "财政拨款收入",
        amount: money(amount),
        share: f.fiscal_income_share.map(pct),
    });
    let others = f
        .income_shares
        .iter()
        .filter(|s| NON_FISCAL_INCOME.iter().any(|(k, _)| *k == s.key));
    let (parts, mut absent) = split_parts(others);
    // A source the table leaves out is not received either.
    for (key, label) in NON_FISCAL_INCOME {
        if !f.income_shares.iter().any(|s| s.key == key) {
            absent.push(label);
        }
    }
    Some(StructureSection {
        total,
        fiscal,
        parts,
        absent,
    })
}

/// 三: 支出合计 and its parts (基本, 项目 …) with shares.
fn expenditure(inputs: &Inputs<'_>) -> Option<StructureSection> {
    let total = compared(inputs, Figure::ExpenditureTotal)?;
    let (parts, mut absent) = split_parts(inputs.figures.expenditure_shares.iter());
    for (key, label) in [
        ("to_superior", "上缴上级支出"),
        ("operating", "经营支出"),
        ("to_affiliated", "对附属单位补助支出"),
    ] {
        if !inputs
            .figures
            .expenditure_shares
            .iter()
            .any(|s| s.key == key)
        {
            absent.push(label);
        }
    }
    Some(StructureSection {
        total,
        fiscal: None,
        parts,
        absent,
    })
}

/// 四: 财政拨款收支总计 and each fund's income against the prior year.
fn fiscal(inputs: &Inputs<'_>) -> Option<FiscalSection> {
    let total = compared(inputs, Figure::FiscalTotal)?;
    let mut funds = Vec::new();
    let mut absent = Vec::new();
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
        match amount.and_then(|a| compared_as(inputs, figure, a)) {
            Some(income) if amount.is_some_and(|a| !a.is_zero()) => {
                funds.push(FundIncome { label, income });
            }
            _ => absent.push(label),
        }
    }
    Some(FiscalSection {
        total,
        funds,
        absent,
    })
}
