//! One figure as two tables (or a table and the 情况说明) print it (issue 17): the 科目 tables'
//! 合计 rows against 收入支出决算总表 and 财政拨款收入支出决算总表, the 总表s' 类 rows against the
//! 科目 tables, the 政府性基金 and 国有资本经营 tables against the fund columns of 财政拨款收入支出决算总表,
//! and what 情况说明 五（二）/五（三） state per 类 and 项 against 一般公共预算财政拨款支出决算表.
//!
//! In: a record's accounts. Out: findings `accounts.table_cross`, each with both figures; a gap
//! within the parts' rounding is said to be a possible 尾差. A figure either side leaves blank is
//! not compared (blank is "not printed", never 0).

use super::{Audit, Claim, Context, field};
use crate::load::raw::RawFundColumns;
use crate::model::tables::{LineCol, LineTable, LineTableKind};
use crate::model::{Dec, FinalAccounts, Fund};

const CROSS_RULE: &str = "各表列示的同一数字应一致";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let mut pairs = summary_pairs(ctx.fa);
    pairs.extend(fund_table_pairs(ctx.fa));
    pairs.extend(narrative_pairs(ctx.fa));
    for (at, what, stated, other, basis) in pairs {
        if let (Some(s), Some(o)) = (stated, other) {
            audit.amount(
                Claim {
                    code: "accounts.table_cross",
                    field: at,
                    what,
                    basis,
                    rule: CROSS_RULE,
                },
                s,
                o,
            );
        }
    }
}

/// One table's figure against another's: (field of the stated one, what, stated, other, basis).
type Pair = (String, String, Option<Dec>, Option<Dec>, &'static str);

/// The 科目 tables against the two 总表s.
fn summary_pairs(fa: &FinalAccounts) -> Vec<Pair> {
    let total = |k, c| total_cell(fa, k, c);
    let class_row = |k, name: &str| class_cell(fa, k, name, LineCol::Total);
    let mut pairs: Vec<Pair> = Vec::new();
    let income = fa.income.as_ref();
    let expenditure = fa.expenditure.as_ref();
    use LineTableKind::{Expenditure, GeneralBudget, Income};
    pairs.push((
        field("income_table.total.total"),
        "收入决算表合计行本年收入合计".into(),
        total(Income, LineCol::Total),
        income.and_then(|i| i.total),
        "收入支出决算总表的本年收入合计",
    ));
    let fiscal_income = income.and_then(|i| {
        let parts = [i.general_budget, i.gov_fund, i.state_capital];
        parts
            .iter()
            .any(Option::is_some)
            .then(|| Dec::checked_sum(parts.iter().flatten().copied()))
            .flatten()
    });
    pairs.push((
        field("income_table.total.fiscal"),
        "收入决算表合计行财政拨款收入".into(),
        total(Income, LineCol::Fiscal),
        fiscal_income,
        "收入支出决算总表三项财政拨款收入之和",
    ));
    pairs.push((
        field("expenditure_table.total.total"),
        "支出决算表合计行本年支出合计".into(),
        total(Expenditure, LineCol::Total),
        expenditure.and_then(|e| e.total),
        "收入支出决算总表的本年支出合计",
    ));
    pairs.push((
        field("general_budget_table.total.basic"),
        "一般公共预算财政拨款支出决算表合计行基本支出".into(),
        total(GeneralBudget, LineCol::Basic),
        fa.basic.as_ref().and_then(|b| {
            b.personnel
                .zip(b.public)
                .and_then(|(p, q)| p.checked_add(q))
                .or(b.total)
        }),
        "一般公共预算财政拨款基本支出决算表的人员经费与公用经费之和",
    ));
    pairs.push((
        field("general_budget_table.total.total"),
        "一般公共预算财政拨款支出决算表合计行".into(),
        total(GeneralBudget, LineCol::Total),
        fa.fiscal
            .as_ref()
            .and_then(|f| f.expenditure_funds.as_ref())
            .and_then(|c| c.general_budget),
        "财政拨款收入支出决算总表本年支出合计的一般公共预算财政拨款",
    ));
    if let Some(e) = expenditure {
        for (name, v) in &e.by_class {
            pairs.push((
                field(&format!("expenditure.by_class.{name}")),
                format!("收入支出决算总表 {name}"),
                Some(v.0),
                class_row(Expenditure, name),
                "支出决算表该类的本年支出合计",
            ));
        }
    }
    if let Some(f) = &fa.fiscal {
        for (name, c) in &f.by_class {
            pairs.push((
                field(&format!("fiscal.by_class.{name}.general_budget")),
                format!("财政拨款收入支出决算总表 {name} 一般公共预算财政拨款"),
                c.general_budget,
                class_row(GeneralBudget, name),
                "一般公共预算财政拨款支出决算表该类的合计",
            ));
            let funds = [c.general_budget, c.gov_fund, c.state_capital];
            let sum = funds
                .iter()
                .any(Option::is_some)
                .then(|| Dec::checked_sum(funds.iter().flatten().copied()))
                .flatten();
            pairs.push((
                field(&format!("fiscal.by_class.{name}.total")),
                format!("财政拨款收入支出决算总表 {name} 合计"),
                c.total,
                sum,
                "该行各项财政拨款之和",
            ));
        }
    }
    pairs
}

/// A cell of a table's 合计 row.
fn total_cell(fa: &FinalAccounts, kind: LineTableKind, col: LineCol) -> Option<Dec> {
    fa.line_table(kind)
        .and_then(|t| t.total.as_ref())
        .and_then(|m| m.get(&col).copied())
}

/// A cell of a table's 类 row named `name`.
fn class_cell(fa: &FinalAccounts, kind: LineTableKind, name: &str, col: LineCol) -> Option<Dec> {
    fa.line_table(kind).and_then(|t| {
        t.rows
            .iter()
            .find(|r| r.code.len() == 3 && r.name == name)
            .and_then(|r| r.cells.get(&col).copied())
    })
}

/// A cell of the row coded `code`, when the table is typed and not cut before that row could
/// be reached (a row missing from a whole table is not a figure of 0: the table may print only
/// some levels).
fn coded_cell(table: Option<&LineTable>, code: &str, col: LineCol) -> Option<Dec> {
    table?
        .rows
        .iter()
        .find(|r| r.code == code)
        .and_then(|r| r.cells.get(&col).copied())
}

/// One fund's column of a `fiscal` block of fund columns.
fn fund_of(c: Option<&RawFundColumns>, fund: Fund) -> Option<Dec> {
    let c = c?;
    match fund {
        Fund::GeneralBudget => c.general_budget,
        Fund::GovFund => c.gov_fund,
        Fund::StateCapital => c.state_capital,
    }
}

/// The 政府性基金 and 国有资本经营 tables against the fund columns of 财政拨款收入支出决算总表:
/// 年初结转和结余, 本年收入, 本年支出 and 年末结转和结余 of the 合计 row, and each 类 row.
fn fund_table_pairs(fa: &FinalAccounts) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let Some(fiscal) = &fa.fiscal else {
        return pairs;
    };
    for (kind, fund, key, name) in [
        (
            LineTableKind::GovFund,
            Fund::GovFund,
            "gov_fund",
            "政府性基金预算财政拨款",
        ),
        (
            LineTableKind::StateCapital,
            Fund::StateCapital,
            "state_capital",
            "国有资本经营预算财政拨款",
        ),
    ] {
        for (col, block, col_name, basis) in [
            (
                LineCol::Opening,
                fiscal.opening_funds.as_ref(),
                "年初结转和结余",
                "财政拨款收入支出决算总表年初财政拨款结转和结余的该项",
            ),
            (
                LineCol::Income,
                fiscal.income_funds.as_ref(),
                "本年收入",
                "财政拨款收入支出决算总表本年收入的该项",
            ),
            (
                LineCol::Total,
                fiscal.expenditure_funds.as_ref(),
                "本年支出合计",
                "财政拨款收入支出决算总表本年支出合计的该项",
            ),
            (
                LineCol::Closing,
                fiscal.closing_funds.as_ref(),
                "年末结转和结余",
                "财政拨款收入支出决算总表年末财政拨款结转和结余的该项",
            ),
        ] {
            pairs.push((
                field(&format!("{}.total.{}", kind.key(), col.key())),
                format!("{} 合计行 {col_name}", kind.title()),
                total_cell(fa, kind, col),
                fund_of(block, fund),
                basis,
            ));
        }
        for (class, cols) in &fiscal.by_class {
            pairs.push((
                field(&format!("fiscal.by_class.{class}.{key}")),
                format!("财政拨款收入支出决算总表 {class} {name}"),
                fund_of(Some(cols), fund),
                class_cell(fa, kind, class, LineCol::Total),
                "该基金表中该类的本年支出合计",
            ));
        }
    }
    pairs
}

/// What 情况说明 五 states against 一般公共预算财政拨款支出决算表 (and the fund tables): its
/// total, basic and project spending (五（一）), each 类 (五（二）) and each 项 (五（三）), where
/// both give the figure.
fn narrative_pairs(fa: &FinalAccounts) -> Vec<Pair> {
    use LineTableKind::GeneralBudget;
    let mut pairs = Vec::new();
    if let Some(g) = &fa.general_budget {
        for (key, col, stated, col_name) in [
            ("actual", LineCol::Total, g.actual, "合计"),
            ("basic", LineCol::Basic, g.basic, "基本支出"),
            ("project", LineCol::Project, g.project, "项目支出"),
        ] {
            pairs.push((
                field(&format!("general_budget.{key}")),
                format!(
                    "情况说明中的一般公共预算财政拨款支出{}",
                    if key == "actual" { "决算" } else { col_name }
                ),
                stated,
                total_cell(fa, GeneralBudget, col),
                match col {
                    LineCol::Basic => "一般公共预算财政拨款支出决算表合计行的基本支出",
                    LineCol::Project => "一般公共预算财政拨款支出决算表合计行的项目支出",
                    _ => "一般公共预算财政拨款支出决算表的合计",
                },
            ));
        }
    }
    for (i, c) in fa.classes.iter().enumerate() {
        let table_row = match c.code.as_deref() {
            Some(code) => coded_cell(fa.line_table(GeneralBudget), code, LineCol::Total),
            None => class_cell(fa, GeneralBudget, &c.name, LineCol::Total),
        };
        // A statement that agrees with 财政拨款收入支出决算总表's figure for the 类 sides with one
        // table against the other, whose difference `summary_pairs` reports: not a second finding.
        let in_04 = fa
            .fiscal
            .as_ref()
            .and_then(|f| f.by_class.get(&c.name))
            .and_then(|cols| cols.general_budget);
        if c.actual.is_some() && c.actual == in_04 {
            continue;
        }
        pairs.push((
            field(&format!("classes[{i}].actual")),
            format!("情况说明中的{}", class_label(&c.name)),
            c.actual,
            table_row,
            "一般公共预算财政拨款支出决算表该类的合计",
        ));
    }
    for (i, line) in fa.lines.iter().enumerate() {
        let Some(code) = line.code.as_deref() else {
            continue;
        };
        let kind = match line.fund {
            Fund::GeneralBudget => GeneralBudget,
            Fund::GovFund => LineTableKind::GovFund,
            Fund::StateCapital => LineTableKind::StateCapital,
        };
        let table = fa.line_table(kind);
        let name = line
            .item
            .as_deref()
            .or(line.section.as_deref())
            .unwrap_or(&line.class);
        for (key, col, stated, basis) in [
            (
                "actual",
                LineCol::Total,
                Some(line.actual),
                "表中该科目的合计",
            ),
            ("basic", LineCol::Basic, line.basic, "表中该科目的基本支出"),
            (
                "project",
                LineCol::Project,
                line.project,
                "表中该科目的项目支出",
            ),
        ] {
            pairs.push((
                field(&format!("lines[{i}].{key}")),
                format!(
                    "情况说明中 {code} {name} 的{}",
                    match col {
                        LineCol::Basic => "基本支出",
                        LineCol::Project => "项目支出",
                        _ => "支出决算",
                    }
                ),
                stated,
                coded_cell(table, code, col),
                basis,
            ));
        }
    }
    pairs
}

/// `卫生健康支出` as is; a 类 typed without its 支出 gains it.
fn class_label(name: &str) -> String {
    if name.ends_with("支出") {
        name.to_owned()
    } else {
        format!("{name}支出")
    }
}
