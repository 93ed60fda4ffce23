//! The standard 决算 charts: 收入构成, 支出构成 (基本/项目), 一般公共预算财政拨款支出 by 类,
//! and this year against the prior year for 收入, 支出, 三公经费 and 机关运行经费.
//!
//! In: one record's [`FinalAccounts`] and [`AccountsFigures`], and the prior year's accounts
//! when its record exists. Out: titled SVG strings from `crate::chart` (composition = a 100%
//! bar with a legend table, so labels never overlap; grouped bars = hollow 上年, solid 本年).
//! The comparison is split in three charts (收入/支出, 三公, 机关运行) so the small figures are
//! never drawn on the scale of the large ones. Never: computes a share in f64 (shares come from
//! `score::accounts`), or draws as fact a 上年 figure implied by a stated 变动额 when this year's
//! figure has a finding (issue 16: seed 003's 收入合计 11902.59, whose parts give 11092.59,
//! would imply a 2022 of 15408.23); an implied figure it does draw is marked 推算 with its basis.

use crate::score::accounts::Prior;
use serde::Serialize;

use crate::chart::{
    Axis, BarGroup, Composition, Datum, GroupedBars, Part, composition, grouped_bars,
};
use crate::model::{Dec, FinalAccounts, Fund, Year};
use crate::render::{fmt_money, fmt_pct};
use crate::score::accounts::{
    AccountsFigures, Figure, NamedShare, PriorSource, implied_prior_unknown, prior_value,
};

/// One chart on the page.
#[derive(Serialize)]
pub(crate) struct ChartView {
    pub(crate) title: String,
    pub(crate) svg: String,
    /// Notes under the chart (a 上年 figure 推算, or left out, and why).
    pub(crate) notes: Vec<String>,
}

fn parts(shares: &[NamedShare]) -> Vec<Part> {
    shares
        .iter()
        .filter(|s| !s.amount.is_zero())
        .map(|s| Part {
            label: s.label.to_owned(),
            value: Datum::new(s.amount, fmt_money(s.amount)),
            share: Some(fmt_pct(s.share)),
        })
        .collect()
}

/// This year against the prior year for `figure`, with the note on a 上年 figure implied by the
/// stated 变动额: 推算 with its basis, or left out when this year's figure has a finding (the
/// record gives it two values: the stated one and its parts' sum), since then either the
/// figure or the change is misprinted and the implied 上年 is not known.
fn pair(
    label: &str,
    figure: Figure,
    current: &FinalAccounts,
    prior: Option<Prior<'_>>,
    notes: &mut Vec<String>,
) -> BarGroup {
    let datum = |d: Dec| Datum::new(d, fmt_money(d));
    let mut before = prior_value(figure, current, prior);
    if let Some(p) = before.filter(|p| p.source == PriorSource::Implied) {
        if implied_prior_unknown(figure, current) {
            notes.push(format!(
                "{label}原文数与按分项计算数不一致，由原文变动额推算的上年数无法确定，未列示。"
            ));
            before = None;
        } else {
            notes.push(format!(
                "{label}上年数 {} 为推算数：按本年数减原文所列变动额计算。",
                fmt_money(p.value)
            ));
        }
    }
    BarGroup {
        label: label.to_owned(),
        values: [
            before.map(|p| datum(p.value)),
            figure.current(current).map(datum),
        ],
    }
}

/// Every chart of the page, in order; a chart without data is left out.
pub(crate) fn charts(
    year: Year,
    fa: &FinalAccounts,
    figures: &AccountsFigures,
    prior: Option<Prior<'_>>,
    unit_label: &str,
) -> Vec<ChartView> {
    let mut out = Vec::new();
    let mut push_composition = |title: String, parts: Vec<Part>| {
        if !parts.is_empty() {
            let svg = composition(&Composition {
                title: title.clone(),
                parts,
            });
            out.push(ChartView {
                title,
                svg,
                notes: Vec::new(),
            });
        }
    };
    push_composition(format!("{year}年收入构成"), parts(&figures.income_shares));
    push_composition(
        format!("{year}年支出构成（基本支出、项目支出）"),
        parts(&figures.expenditure_shares),
    );
    if let Some(general) = figures.funds.iter().find(|f| f.fund == Fund::GeneralBudget) {
        let classes = general
            .classes
            .iter()
            .filter(|c| !c.actual.is_zero())
            .map(|c| Part {
                label: c.name.clone(),
                value: Datum::new(c.actual, fmt_money(c.actual)),
                share: c.share.map(fmt_pct),
            })
            .collect();
        push_composition(
            format!("{year}年一般公共预算财政拨款支出（按功能分类）"),
            classes,
        );
    }
    let prior_label = year
        .prev()
        .map_or_else(|| "上年".to_owned(), |y| format!("{y}年"));
    let names = [prior_label, format!("{year}年")];
    let axis = Axis {
        caption: format!("金额（{unit_label}）"),
        suffix: String::new(),
    };
    let comparisons: [(String, &[(&str, Figure)]); 3] = [
        (
            format!("{year}年收入、支出与上年对比"),
            &[
                ("本年收入合计", Figure::IncomeTotal),
                ("本年支出合计", Figure::ExpenditureTotal),
            ],
        ),
        (
            format!("{year}年“三公”经费与上年对比"),
            &[("“三公”经费", Figure::ThreePublic)],
        ),
        (
            format!("{year}年机关运行经费与上年对比"),
            &[("机关运行经费", Figure::OperatingCosts)],
        ),
    ];
    for (title, pairs) in comparisons {
        let mut notes = Vec::new();
        let groups: Vec<BarGroup> = pairs
            .iter()
            .map(|&(label, figure)| pair(label, figure, fa, prior, &mut notes))
            .collect();
        if groups.iter().any(|g| g.values.iter().any(Option::is_some)) {
            let svg = grouped_bars(&GroupedBars {
                title: title.clone(),
                axis: axis.clone(),
                names: names.clone(),
                groups,
            });
            out.push(ChartView { title, svg, notes });
        }
    }
    out
}
