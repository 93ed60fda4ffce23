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
//! it. A section without data is `None` (or empty). Issue 16: the template prints "本单位无…"
//! only where the record states a 0 (the `*_nil` flags, `absent` lists, a "三公" part's
//! `none`); a block the record leaves out produces no sentence on the public page and "未填报"
//! on the internal one.

mod sections;
mod spending;
#[cfg(test)]
mod tests;
mod totals;

use crate::score::accounts::Prior;
use serde::Serialize;

use crate::model::{Dec, FinalAccounts, Fund, Money, Pct, Record};
use crate::render::{fmt_money, fmt_pct};
use crate::score::accounts::{
    AccountsFigures, Figure, PriorSource, Totals, change, fund_actual, printable_prior,
};

pub(crate) use sections::{
    AssetsSection, OperatingSection, PerformanceSection, ProcurementSection, ThreePublicSection,
};
pub(crate) use spending::{BasicSection, FundSection, GeneralSection, LineText};
pub(crate) use totals::{FiscalSection, StructureSection};

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
    /// The record states the 政府性基金 figure as 0: 七 says "本单位当年无…".
    pub(crate) gov_fund_nil: bool,
    /// The record states the 国有资本经营 figure as 0: 八 says "本单位当年无…".
    pub(crate) state_capital_nil: bool,
    /// The 情况说明 states 十四 as nil (`narrative.special_funds_nil`): "本单位当年无财政专项支出、
    /// 专项转移支付支出". Nothing else derives it (issue 16).
    pub(crate) special_funds_nil: bool,
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
    /// The base is a prior-year value implied by the stated 变动额 (issue 16): the mark printed
    /// after it, with its basis at its first mention ([`ESTIMATE_BASIS`]), short after that.
    pub(crate) estimate: Option<&'static str>,
}

/// The mark of an implied prior-year value at its first mention in the text, as the chart's
/// note words it.
pub(crate) const ESTIMATE_BASIS: &str = "推算数：按本年数减原文所列变动额计算";
/// The mark of an implied prior-year value already explained above.
const ESTIMATE: &str = "推算数";

/// A part of a whole: its name, amount and share.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Part {
    pub(crate) label: &'static str,
    pub(crate) amount: String,
    pub(crate) share: Option<String>,
}

/// What the sections are computed from.
pub(super) struct Inputs<'a> {
    pub(super) fa: &'a FinalAccounts,
    pub(super) prior: Option<Prior<'a>>,
    pub(super) figures: &'a AccountsFigures,
}

/// The 情况说明 of `record`; `None` when it has no 决算. `prior` is the prior year's own
/// record's accounts; `figures` are the record's derived figures (`score::accounts::derive`).
pub(crate) fn shuoming(
    record: &Record,
    prior: Option<Prior<'_>>,
    figures: &AccountsFigures,
) -> Option<Shuoming> {
    let fa = record.final_accounts.as_ref()?;
    let inputs = Inputs { fa, prior, figures };
    let year = record.year;
    let mut s = Shuoming {
        year: year.to_string(),
        prior_year: year.prev().map(|y| y.to_string()).unwrap_or_default(),
        amount_unit: record.amount_unit.label(),
        overall: compared(&inputs, Figure::GrandTotal),
        income: totals::income(&inputs),
        expenditure: totals::expenditure(&inputs),
        fiscal: totals::fiscal(&inputs),
        general: spending::general(&inputs),
        basic: spending::basic(&inputs),
        gov_fund: spending::fund(&inputs, Fund::GovFund),
        state_capital: spending::fund(&inputs, Fund::StateCapital),
        gov_fund_nil: computed(&inputs, Figure::GovFund).is_some_and(|t| t.is_zero()),
        state_capital_nil: computed(&inputs, Figure::StateCapital).is_some_and(|t| t.is_zero()),
        special_funds_nil: fa.narrative.as_ref().is_some_and(|n| n.special_funds_nil),
        three_public: sections::three_public(&inputs),
        operating_costs: sections::operating_costs(&inputs),
        procurement: sections::procurement(&inputs),
        assets: sections::assets(fa),
        performance: sections::performance(fa),
        subjects: spending::subjects(fa),
    };
    s.explain_estimates_once();
    Some(s)
}

impl Shuoming {
    /// The changes of the text in reading order (一, 二, 三, 四 and its funds, 五).
    fn changes_mut(&mut self) -> impl Iterator<Item = &mut ChangeText> {
        let compared = [
            self.overall.as_mut(),
            self.income.as_mut().map(|i| &mut i.total),
            self.expenditure.as_mut().map(|e| &mut e.total),
        ];
        let fiscal = self.fiscal.as_mut().map(|f| {
            std::iter::once(&mut f.total).chain(f.funds.iter_mut().map(|x| &mut x.income))
        });
        let general = self.general.as_mut().map(|g| &mut g.total);
        compared
            .into_iter()
            .flatten()
            .chain(fiscal.into_iter().flatten())
            .chain(general)
            .filter_map(|c| c.change.as_mut())
    }

    /// An implied prior-year value carries its basis at its first mention only (seed 003's
    /// 14598.23 stands in 一, 三 and 四): later mentions say 推算数.
    fn explain_estimates_once(&mut self) {
        let mut explained: Vec<String> = Vec::new();
        for c in self.changes_mut().filter(|c| c.estimate.is_some()) {
            if explained.contains(&c.base) {
                c.estimate = Some(ESTIMATE);
            } else {
                explained.push(c.base.clone());
            }
        }
    }
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
/// A prior-year value implied by the 情况说明's 变动额 is used only when it is known
/// ([`printable_prior`], the charts' decision): when the figure has a finding (seed 003's 收入合计
/// 11902.59 against 11092.59) either the figure or the change is misprinted, the prior year is
/// unknown, and no change is given. A used one is marked 推算 (issue 16).
pub(super) fn compared(inputs: &Inputs<'_>, figure: Figure) -> Option<Compared> {
    let now = computed(inputs, figure)?;
    let stated = figure.stated(inputs.fa);
    let change = printable_prior(figure, inputs.fa, inputs.prior).and_then(|p| {
        let mut c = change_text(now, p.value)?;
        c.estimate = (p.source == PriorSource::Implied).then_some(ESTIMATE_BASIS);
        Some(c)
    });
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
        estimate: None,
    })
}
