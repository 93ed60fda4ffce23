//! 功能分类 lines grouped per fund: Σ项 → Σ款 → Σ类, with 年初预算, 完成% and 占比.
//!
//! In: the `lines` of a [`FinalAccounts`]. Out: one [`FundFigures`] per fund that has lines, in
//! fund order. A line's code prefix groups it (code[..3] = 类, code[..5] = 款); a line without a
//! code joins the group of the same names, else forms its own. Groups keep the order in which
//! the record first mentions them. Nothing is dropped: a line without a 款 is its own 款 group.

use serde::Serialize;

use super::shares::{PERCENT_DP, completion, largest_remainder};
use crate::model::{Dec, FinalAccounts, FunctionLine, Fund, Money, Pct};

/// The derived figures of one 财政拨款 fund's lines.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FundFigures {
    pub(crate) fund: Fund,
    /// Σ 决算 of its lines (= Σ项 = Σ款 = Σ类).
    pub(crate) actual: Money,
    /// Σ 年初预算, when every line states one.
    pub(crate) budget: Option<Money>,
    /// 完成年初预算% of the fund.
    pub(crate) completion: Option<Pct>,
    /// 类 groups, each with its share of the fund (largest remainder).
    pub(crate) classes: Vec<LineGroup>,
    /// 款 groups, each with its share of the fund (largest remainder).
    pub(crate) sections: Vec<LineGroup>,
    /// Per-line figures, in record order.
    pub(crate) lines: Vec<LineFigures>,
}

/// A 类 or 款 with the sums of its lines.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LineGroup {
    /// The 3- or 5-digit code, when its lines have codes.
    pub(crate) code: Option<String>,
    /// The 类 name (for a 款, the 款 name; the 类 name when a line has no 款).
    pub(crate) name: String,
    /// The 类 name a 款 belongs to (the group's own name for a 类).
    pub(crate) class: String,
    pub(crate) actual: Money,
    /// Σ 年初预算, when every line of the group states one.
    pub(crate) budget: Option<Money>,
    pub(crate) completion: Option<Pct>,
    /// Share of the fund's total.
    pub(crate) share: Option<Pct>,
    /// Indexes into `final_accounts.lines`.
    pub(crate) lines: Vec<usize>,
}

/// One line's derived figures.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LineFigures {
    /// Index into `final_accounts.lines`.
    pub(crate) index: usize,
    /// 完成年初预算%; `None` when no budget is stated or it is 0.
    pub(crate) completion: Option<Pct>,
    /// The budget is stated as 0: the page prints "该科目未申请年初财政拨款预算".
    pub(crate) unbudgeted: bool,
}

/// Σ 决算 of one fund's lines; `None` when it has none (or on overflow).
pub(crate) fn fund_actual(fa: &FinalAccounts, fund: Fund) -> Option<Money> {
    let mut lines = fa.lines.iter().filter(|l| l.fund == fund).peekable();
    lines.peek()?;
    Dec::checked_sum(lines.map(|l| l.actual))
}

/// Σ 年初预算 of one fund's lines, when it has lines and every one states a budget.
pub(crate) fn fund_budget(fa: &FinalAccounts, fund: Fund) -> Option<Money> {
    let budgets: Option<Vec<Dec>> = fa
        .lines
        .iter()
        .filter(|l| l.fund == fund)
        .map(|l| l.budget)
        .collect();
    let budgets = budgets.filter(|b| !b.is_empty())?;
    Dec::checked_sum(budgets)
}

/// The figures of every fund that has lines; a fund whose sums overflow is left out.
pub(crate) fn fund_figures(fa: &FinalAccounts) -> Vec<FundFigures> {
    [Fund::GeneralBudget, Fund::GovFund, Fund::StateCapital]
        .into_iter()
        .filter_map(|fund| one_fund(fa, fund))
        .collect()
}

fn one_fund(fa: &FinalAccounts, fund: Fund) -> Option<FundFigures> {
    let lines: Vec<(usize, &FunctionLine)> = fa
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.fund == fund)
        .collect();
    if lines.is_empty() {
        return None;
    }
    let actual = fund_actual(fa, fund)?;
    let budget = fund_budget(fa, fund);
    Some(FundFigures {
        fund,
        actual,
        budget,
        completion: budget.and_then(|b| completion(actual, b)),
        classes: groups(&lines, Level::Class)?,
        sections: groups(&lines, Level::Section)?,
        lines: lines
            .iter()
            .map(|&(index, l)| LineFigures {
                index,
                completion: l.budget.and_then(|b| completion(l.actual, b)),
                unbudgeted: l.budget.is_some_and(Dec::is_zero),
            })
            .collect(),
    })
}

/// Which grouping.
#[derive(Clone, Copy)]
enum Level {
    /// 类: code[..3], or the 类 name.
    Class,
    /// 款: code[..5], or the 类 and 款 names.
    Section,
}

impl Level {
    fn code_len(self) -> usize {
        match self {
            Level::Class => 3,
            Level::Section => 5,
        }
    }

    /// The code prefix of a line at this level, when its code is long enough.
    fn code(self, line: &FunctionLine) -> Option<String> {
        let code = line.code.as_deref()?;
        let n = self.code_len();
        (code.len() >= n && code.bytes().all(|b| b.is_ascii_digit())).then(|| code[..n].to_owned())
    }

    /// (group name, 类 name) of a line at this level.
    fn names(self, line: &FunctionLine) -> (String, String) {
        match self {
            Level::Class => (line.class.clone(), line.class.clone()),
            Level::Section => (
                line.section.clone().unwrap_or_else(|| line.class.clone()),
                line.class.clone(),
            ),
        }
    }
}

/// Groups lines at one level; `None` on overflow.
fn groups(lines: &[(usize, &FunctionLine)], level: Level) -> Option<Vec<LineGroup>> {
    let mut out: Vec<LineGroup> = Vec::new();
    // Lines with a code first, so a code-less line can join the coded group of the same name
    // wherever it stands in the record.
    let (coded, uncoded): (Vec<_>, Vec<_>) =
        lines.iter().partition(|(_, l)| level.code(l).is_some());
    for &(index, line) in coded.iter().chain(uncoded.iter()) {
        let code = level.code(line);
        let (name, class) = level.names(line);
        let found = out.iter_mut().find(|g| match (&code, &g.code) {
            (Some(c), Some(gc)) => c == gc,
            _ => g.name == name && g.class == class,
        });
        match found {
            Some(g) => {
                g.actual = g.actual.checked_add(line.actual)?;
                g.budget = match (g.budget, line.budget) {
                    (Some(a), Some(b)) => Some(a.checked_add(b)?),
                    _ => None,
                };
                g.lines.push(index);
            }
            None => out.push(LineGroup {
                code,
                name,
                class,
                actual: line.actual,
                budget: line.budget,
                completion: None,
                share: None,
                lines: vec![index],
            }),
        }
    }
    out.sort_by_key(|g| g.lines.iter().min().copied());
    for g in &mut out {
        g.lines.sort_unstable();
        g.completion = g.budget.and_then(|b| completion(g.actual, b));
    }
    let amounts: Vec<Dec> = out.iter().map(|g| g.actual).collect();
    if let Some(shares) = largest_remainder(&amounts, PERCENT_DP) {
        for (g, s) in out.iter_mut().zip(shares) {
            g.share = Some(s);
        }
    }
    Some(out)
}
