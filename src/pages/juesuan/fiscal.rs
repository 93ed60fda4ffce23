//! 公开04表 财政拨款收入支出决算总表: 财政拨款 income by fund on the left, expenditure by 类
//! and by fund on the right.
//!
//! In: one record's [`FinalAccounts`] and its [`Totals`]. Out: a [`Table`]. A balance the
//! record leaves out is derived as 总计 − 本年合计 (never negative), with a note.

use super::lines::{of_funds, tree};
use super::model::{Table, head};
use super::summary::{ALL_FUNDS, class_rows, stated_or, two_sided, typed_class_rows};
use crate::model::{Dec, FinalAccounts, Fund, FundColumns, Money};
use crate::score::accounts::Totals;

/// 公开04表 财政拨款收入支出决算总表; `classes`: the edition's 类 rows for the year. Where the
/// record types the table's 类 rows and fund columns (issue 17), they are printed as typed.
pub(crate) fn table4(fa: &FinalAccounts, t: &Totals, classes: &[&str]) -> Table {
    let mut table = Table::new(
        4,
        "财政拨款收入支出决算总表",
        vec![
            vec![head("收入", 3, 1), head("支出", 6, 1)],
            vec![
                head("项目", 1, 1),
                head("行次", 1, 1),
                head("金额", 1, 1),
                head("项目", 1, 1),
                head("行次", 1, 1),
                head("合计", 1, 1),
                head("一般公共预算财政拨款", 1, 1),
                head("政府性基金预算财政拨款", 1, 1),
                head("国有资本经营预算财政拨款", 1, 1),
            ],
        ],
    );
    let lines = of_funds(fa, &ALL_FUNDS);
    let i = fa.income.as_ref();
    let f = fa.fiscal.as_ref();
    if fa.fiscal.is_none() && lines.is_empty() && t.fiscal_income.is_none() {
        return table.not_filed();
    }
    let notes = &mut table.notes;
    let income = stated_or(
        "财政拨款本年收入合计",
        f.and_then(|f| f.income),
        t.fiscal_income,
        notes,
    );
    let expenditure = stated_or(
        "财政拨款本年支出合计",
        f.and_then(|f| f.expenditure),
        t.fiscal_expenditure,
        notes,
    );
    let grand = stated_or(
        "财政拨款收支总计",
        f.and_then(|f| f.grand_total),
        t.fiscal_grand_total,
        notes,
    );
    // A balance the record leaves out is 总计 − 本年合计, when that is not negative.
    let mut derived: Vec<&'static str> = Vec::new();
    let mut balance = |stated: Option<Money>, base: Option<Money>, label: &'static str| {
        stated.or_else(|| {
            let d = grand
                .zip(base)
                .and_then(|(g, b)| g.checked_sub(b))
                .filter(|d| !d.is_negative())?;
            notes.push(format!("{label}原文未列示，按总计减本年合计推算。"));
            derived.push(label);
            Some(d)
        })
    };
    let opening = balance(
        f.and_then(|f| f.opening_balance),
        income,
        "年初财政拨款结转和结余",
    );
    let closing = balance(
        f.and_then(|f| f.closing_balance),
        expenditure,
        "年末财政拨款结转和结余",
    );
    let fund_sum = |fund: Fund| {
        let l = of_funds(fa, &[fund]);
        Dec::checked_sum(l.iter().map(|l| l.actual))
    };
    let nodes = tree(&lines);
    let funds = |c: Option<&FundColumns>| -> [Option<Dec>; 3] {
        [
            c.and_then(|c| c.general_budget),
            c.and_then(|c| c.gov_fund),
            c.and_then(|c| c.state_capital),
        ]
    };
    // The income by fund as the table prints it, else as 收入支出决算总表 does.
    let income_funds = match f.and_then(|f| f.income_funds.as_ref()) {
        Some(c) => funds(Some(c)),
        None => [
            i.and_then(|i| i.general_budget),
            i.and_then(|i| i.gov_fund),
            i.and_then(|i| i.state_capital),
        ],
    };
    const FUND_ROWS: [&str; 3] = [
        "一、一般公共预算财政拨款",
        "二、政府性基金预算财政拨款",
        "三、国有资本经营预算财政拨款",
    ];
    let left = FUND_ROWS
        .iter()
        .zip(income_funds)
        .map(|(l, v)| ((*l).to_owned(), vec![v]))
        .collect();
    let typed = f.filter(|f| !f.by_class.is_empty());
    let (right, per_fund, closing_row, grand_row) = match typed {
        Some(f) => {
            let row = |total: Option<Dec>, c: Option<&FundColumns>| {
                let mut v = vec![total];
                v.extend(funds(c));
                v
            };
            let right = typed_class_rows(
                &f.by_class,
                classes,
                |c| row(c.and_then(|c| c.total), c),
                notes,
            );
            let grand_side = f.grand_total_funds.as_ref().and_then(|g| g.total).or(grand);
            (
                right,
                row(expenditure, f.expenditure_funds.as_ref()),
                row(closing, f.closing_funds.as_ref()),
                row(grand_side, f.grand_total_funds.as_ref()),
            )
        }
        None => {
            let mut per_fund = vec![expenditure];
            per_fund.extend(ALL_FUNDS.map(|f| if lines.is_empty() { None } else { fund_sum(f) }));
            (
                class_rows(&nodes, true, true),
                per_fund,
                vec![closing, None, None, None],
                vec![grand, None, None, None],
            )
        }
    };
    let mut left_totals = vec![
        ("本年收入合计".to_owned(), vec![income]),
        ("年初财政拨款结转和结余".to_owned(), vec![opening]),
    ];
    // 年初 by fund, where the table prints it.
    if let Some(o) = f.and_then(|f| f.opening_funds.as_ref()) {
        left_totals.extend(
            FUND_ROWS
                .iter()
                .zip(funds(Some(o)))
                .map(|(l, v)| ((*l).to_owned(), vec![v])),
        );
    }
    left_totals.push(("总计".to_owned(), vec![grand]));
    table.rows = two_sided(
        left,
        right,
        left_totals,
        vec![
            ("本年支出合计".to_owned(), per_fund),
            ("年末财政拨款结转和结余".to_owned(), closing_row),
            ("总计".to_owned(), grand_row),
        ],
        4,
    );
    for label in derived {
        super::model::mark_derived(&mut table, label);
    }
    table
}
