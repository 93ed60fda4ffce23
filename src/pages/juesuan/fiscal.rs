//! 公开04表 财政拨款收入支出决算总表: 财政拨款 income by fund on the left, expenditure by 类
//! and by fund on the right.
//!
//! In: one record's [`FinalAccounts`] and its [`Totals`]. Out: a [`Table`]. A balance the
//! record leaves out is derived as 总计 − 本年合计 (never negative), with a note.

use super::lines::{of_funds, tree};
use super::model::{Table, head};
use super::summary::{ALL_FUNDS, class_rows, stated_or, two_sided};
use crate::model::{Dec, FinalAccounts, Fund, Money};
use crate::score::accounts::Totals;

/// 公开04表 财政拨款收入支出决算总表.
pub(crate) fn table4(fa: &FinalAccounts, t: &Totals) -> Table {
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
    let mut balance = |stated: Option<Money>, base: Option<Money>, label: &str| {
        stated.or_else(|| {
            let derived = grand
                .zip(base)
                .and_then(|(g, b)| g.checked_sub(b))
                .filter(|d| !d.is_negative())?;
            notes.push(format!("{label}原文未列示，按总计减本年合计推算。"));
            Some(derived)
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
    let left = [
        ("一、一般公共预算财政拨款", i.and_then(|i| i.general_budget)),
        ("二、政府性基金预算财政拨款", i.and_then(|i| i.gov_fund)),
        (
            "三、国有资本经营预算财政拨款",
            i.and_then(|i| i.state_capital),
        ),
    ]
    .into_iter()
    .map(|(l, v)| (l.to_owned(), vec![v]))
    .collect();
    let mut per_fund = vec![expenditure];
    per_fund.extend(ALL_FUNDS.map(|f| if lines.is_empty() { None } else { fund_sum(f) }));
    table.rows = two_sided(
        left,
        class_rows(&nodes, true, true),
        vec![
            ("本年收入合计".to_owned(), vec![income]),
            ("年初财政拨款结转和结余".to_owned(), vec![opening]),
            ("总计".to_owned(), vec![grand]),
        ],
        vec![
            ("本年支出合计".to_owned(), per_fund),
            (
                "年末财政拨款结转和结余".to_owned(),
                vec![closing, None, None, None],
            ),
            ("总计".to_owned(), vec![grand, None, None, None]),
        ],
        4,
    );
    table
}
