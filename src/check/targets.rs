//! The 绩效目标申报表 audit: its 部门总体资金情况 table.
//!
//! In: the [`Corpus`]. Out: findings `targets.funds_sum` (rows against the 合计 row, for the
//! year and each earlier year shown), `targets.share` (each stated 占比 against the
//! largest-remainder share of the rows; the 合计 row against 100%) and `targets.balance` (收入合计
//! = 支出合计). Runs only on the figures the record states; never panics.

use super::Finding;
use super::accounts::{Audit, Claim};
use crate::load::raw::RawFundRow as FundRow;
use crate::model::{Corpus, Dec, Funds, Pct, Record};
use crate::score::accounts::{PERCENT_DP, largest_remainder};

const SUM_RULE: &str = "合计 = 各行之和";
const SHARE_RULE: &str = "占比 = 该行 ÷ 合计，按最大余额法取舍，使各行占比合计为 100%";
const BALANCE_RULE: &str = "收入合计 = 支出合计";

/// Audits the funds table of every record that has one.
pub(super) fn check(corpus: &Corpus) -> Vec<Finding> {
    let mut findings = Vec::new();
    for record in corpus.units.iter().flat_map(|u| u.records.iter()) {
        // Issue 16: a 申报表 cut off (原文不全) without a named group may be cut inside its
        // funds table, whose sums are then not compared; a cut named in the goals (`level1`)
        // leaves the funds table, printed before them, whole.
        let funds_cut = record
            .targets
            .as_ref()
            .and_then(|t| t.incomplete.as_ref())
            .is_some_and(|i| i.level1.is_none());
        if let Some(funds) = record.targets.as_ref().and_then(|t| t.funds.as_ref())
            && !funds_cut
        {
            findings.extend(check_funds(record, funds));
        }
    }
    findings
}

/// One side of the table: its key, its name, its rows and its 合计 row.
struct Side<'a> {
    key: &'static str,
    name: &'static str,
    rows: &'a [FundRow],
    total: Option<&'a FundRow>,
}

fn check_funds(record: &Record, funds: &Funds) -> Vec<Finding> {
    let mut audit = Audit::new(record);
    let sides = [
        Side {
            key: "income",
            name: "收入",
            rows: &funds.income,
            total: funds.income_total.as_ref(),
        },
        Side {
            key: "expenditure",
            name: "支出",
            rows: &funds.expenditure,
            total: funds.expenditure_total.as_ref(),
        },
    ];
    let columns = columns(record, funds);
    for side in &sides {
        for column in &columns {
            sum(&mut audit, side, column);
        }
        shares(&mut audit, side);
    }
    for column in &columns {
        balance(&mut audit, &sides, column);
    }
    audit.findings
}

/// A column of amounts: the year's (`None`) or an earlier year's (its index in `prior`).
struct Column {
    prior: Option<usize>,
    label: String,
}

impl Column {
    fn amount(&self, row: &FundRow) -> Option<Dec> {
        match self.prior {
            None => row.amount,
            Some(j) => row.prior.get(j).copied().flatten(),
        }
    }

    fn field(&self, side: &str, total: bool, index: usize) -> String {
        let row = if total {
            format!("{side}_total")
        } else {
            format!("{side}[{index}]")
        };
        match self.prior {
            None => format!("targets.funds.{row}.amount"),
            Some(j) => format!("targets.funds.{row}.prior[{j}]"),
        }
    }
}

/// The year's column, then one per earlier year shown (as many as any row has).
fn columns(record: &Record, funds: &Funds) -> Vec<Column> {
    let rows = funds.income.iter().chain(&funds.expenditure);
    let totals = funds.income_total.iter().chain(&funds.expenditure_total);
    let n = rows
        .chain(totals)
        .map(|r| r.prior.len())
        .max()
        .unwrap_or(0)
        .max(funds.prior_years.len());
    let mut out = vec![Column {
        prior: None,
        label: format!("{}年", record.year),
    }];
    out.extend((0..n).map(|j| {
        Column {
            prior: Some(j),
            label: funds
                .prior_years
                .get(j)
                .map_or_else(|| format!("前第{}年", n - j), |y| format!("{y}年")),
        }
    }));
    out
}

/// The rows of one column against its 合计 row.
fn sum(audit: &mut Audit<'_>, side: &Side<'_>, column: &Column) {
    let Some(stated) = side.total.and_then(|t| column.amount(t)) else {
        return;
    };
    let amounts: Vec<Dec> = side.rows.iter().filter_map(|r| column.amount(r)).collect();
    if amounts.is_empty() {
        return;
    }
    let Some(computed) = Dec::checked_sum(amounts) else {
        return;
    };
    let claim = Claim {
        code: "targets.funds_sum",
        field: column.field(side.key, true, 0),
        what: format!("{}{}合计", column.label, side.name),
        basis: "各行之和",
        rule: SUM_RULE,
    };
    audit.amount(claim, stated, computed);
}

/// Each row's stated share against the largest-remainder share of the year's amounts.
fn shares(audit: &mut Audit<'_>, side: &Side<'_>) {
    let stated: Vec<Option<Pct>> = side.rows.iter().map(|r| r.share).collect();
    let Some(dp) = stated
        .iter()
        .flatten()
        .map(|p| p.percent().scale().max(PERCENT_DP))
        .max()
    else {
        return total_share(audit, side);
    };
    // An empty cell is 0, as printed.
    let amounts: Vec<Dec> = side
        .rows
        .iter()
        .map(|r| r.amount.unwrap_or(Dec::ZERO))
        .collect();
    if let Some(computed) = largest_remainder(&amounts, dp) {
        for (i, (row, share)) in side.rows.iter().zip(computed).enumerate() {
            if let Some(s) = row.share {
                let claim = Claim {
                    code: "targets.share",
                    field: format!("targets.funds.{}[{i}].share", side.key),
                    what: format!("{}中{}的占比", side.name, row.name),
                    basis: "按最大余额法计算",
                    rule: SHARE_RULE,
                };
                audit.percent(claim, s, share.percent());
            }
        }
    }
    total_share(audit, side);
}

/// The 合计 row's share is 100%.
fn total_share(audit: &mut Audit<'_>, side: &Side<'_>) {
    if let Some(s) = side.total.and_then(|t| t.share) {
        let claim = Claim {
            code: "targets.share",
            field: format!("targets.funds.{}_total.share", side.key),
            what: format!("{}合计的占比", side.name),
            basis: "合计的占比",
            rule: SHARE_RULE,
        };
        audit.percent(claim, s, Dec::HUNDRED);
    }
}

/// 收入合计 = 支出合计 in one column.
fn balance(audit: &mut Audit<'_>, sides: &[Side<'_>; 2], column: &Column) {
    let [income, expenditure] = sides;
    let (Some(i), Some(e)) = (
        income.total.and_then(|t| column.amount(t)),
        expenditure.total.and_then(|t| column.amount(t)),
    ) else {
        return;
    };
    let claim = Claim {
        code: "targets.balance",
        field: column.field(expenditure.key, true, 0),
        what: format!("{}支出合计", column.label),
        basis: "收入合计",
        rule: BALANCE_RULE,
    };
    audit.amount(claim, e, i);
}
