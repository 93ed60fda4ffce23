//! The short summary of a record's 部门决算 on its page (the nine tables are a later issue):
//! each main total as the document states it, beside the total gongkai computes from its parts,
//! and the same table as CSV.

use super::csv::{self, Csv};
use crate::model::{Dec, Record};
use crate::render::fmt_money;
use crate::score::accounts::Totals;

/// (label, stated, computed) for each main total, formatted by `f`; empty without a 决算.
fn summary(record: &Record, f: fn(Option<Dec>) -> String) -> Vec<(String, String, String)> {
    let Some(fa) = &record.final_accounts else {
        return Vec::new();
    };
    let t = Totals::of(fa);
    let mut rows = Vec::new();
    let mut push = |label: &str, stated: Option<Dec>, computed: Option<Dec>| {
        if stated.is_some() || computed.is_some() {
            rows.push((label.to_owned(), f(stated), f(computed)));
        }
    };
    let income = fa.income.as_ref();
    let expenditure = fa.expenditure.as_ref();
    push("本年收入合计", income.and_then(|i| i.total), t.income_total);
    push("财政拨款收入", None, t.fiscal_income);
    push(
        "收入总计",
        income.and_then(|i| i.grand_total),
        t.income_grand_total,
    );
    push("基本支出", expenditure.and_then(|e| e.basic), t.basic_total);
    push("项目支出", expenditure.and_then(|e| e.project), None);
    push(
        "本年支出合计",
        expenditure.and_then(|e| e.total),
        t.expenditure_total,
    );
    push(
        "支出总计",
        expenditure.and_then(|e| e.grand_total),
        t.expenditure_grand_total,
    );
    push(
        "财政拨款收支总计",
        fa.fiscal.as_ref().and_then(|f| f.grand_total),
        t.fiscal_grand_total,
    );
    rows
}

/// The summary as the page shows it (`11,902.59`, "—" when missing).
pub(super) fn accounts_summary(record: &Record) -> Vec<(String, String, String)> {
    summary(record, |d| {
        d.map(fmt_money).unwrap_or_else(|| "—".to_owned())
    })
}

/// `data/<id>/<year>/accounts-summary.csv`: the summary table, amounts without separators.
pub(super) fn accounts_csv(record: &Record) -> String {
    let unit = record.amount_unit.label();
    let mut out = Csv::new(&[
        "项目",
        &format!("原文（{unit}）"),
        &format!("按分项计算（{unit}）"),
    ]);
    for (label, stated, computed) in summary(record, csv::money) {
        out.row(&[&label, &stated, &computed]);
    }
    out.finish()
}
