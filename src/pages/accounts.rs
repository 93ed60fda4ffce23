//! The short summary of a record's 部门决算 on its page (the nine tables are a later issue).

use crate::model::{Dec, Record};
use crate::render::fmt_money;

/// The main totals of the 部门决算, label and formatted amount.
pub(super) fn accounts_summary(record: &Record) -> Vec<(String, String)> {
    let Some(fa) = &record.final_accounts else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut push = |label: &str, v: Option<Dec>| {
        if let Some(v) = v {
            rows.push((label.to_owned(), fmt_money(v)));
        }
    };
    if let Some(i) = &fa.income {
        push("一般公共预算财政拨款收入", i.general_budget);
        push("政府性基金预算财政拨款收入", i.gov_fund);
        push("事业收入", i.business);
        push("经营收入", i.operating);
    }
    if let Some(e) = &fa.expenditure {
        push("基本支出", e.basic);
        push("项目支出", e.project);
        push("本年支出合计", e.total);
    }
    rows
}
