//! 公开01–03表: 收入支出决算总表, 收入决算表, 支出决算表, and the helpers of the two-sided
//! 总表s (01 and 04, see `fiscal`).
//!
//! In: one record's [`FinalAccounts`]. Out: [`Table`]s. A total prints as the record states it,
//! else as computed from its parts; when both exist and differ, a note gives both. Rows by 类
//! are printed only where the function lines cover the whole column (else the cells would
//! silently show a part as the whole).

use super::lines::{Node, of_funds, tree};
use super::model::{Row, Table, head, money, text};
use crate::model::{Dec, FinalAccounts, Fund, Money};
use crate::render::fmt_money;
use crate::score::accounts::Totals;

pub(super) const ALL_FUNDS: [Fund; 3] = [Fund::GeneralBudget, Fund::GovFund, Fund::StateCapital];
const NUMERALS: [&str; 30] = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
    "二十四",
    "二十五",
    "二十六",
    "二十七",
    "二十八",
    "二十九",
    "三十",
];

/// The stated figure, else the computed one; a note when both exist and differ.
pub(crate) fn stated_or(
    label: &str,
    stated: Option<Money>,
    computed: Option<Money>,
    notes: &mut Vec<String>,
) -> Option<Money> {
    if let (Some(s), Some(c)) = (stated, computed)
        && s != c
    {
        notes.push(format!(
            "{label}按原文列示为 {}，按分项合计为 {}，二者不一致。",
            fmt_money(s),
            fmt_money(c)
        ));
    }
    stated.or(computed)
}

/// `一、一般公共服务支出`.
fn numbered(i: usize, name: &str) -> String {
    match NUMERALS.get(i) {
        Some(n) => format!("{n}、{name}"),
        None => name.to_owned(),
    }
}

/// A two-sided 总表: the left (收入) and right (支出) item lists are padded to the same length,
/// then the total blocks follow side by side. 行次 runs down the left side, then the right.
pub(super) fn two_sided(
    left: Vec<(String, Vec<Option<Dec>>)>,
    right: Vec<(String, Vec<Option<Dec>>)>,
    left_totals: Vec<(String, Vec<Option<Dec>>)>,
    right_totals: Vec<(String, Vec<Option<Dec>>)>,
    right_width: usize,
) -> Vec<Row> {
    let body = left.len().max(right.len());
    let totals = left_totals.len().max(right_totals.len());
    let blank = |w: usize| (String::new(), vec![None; w]);
    let pad = |mut v: Vec<(String, Vec<Option<Dec>>)>, n: usize, w: usize| {
        v.resize_with(n, || blank(w));
        v
    };
    let mut l = pad(left, body, 1);
    l.extend(pad(left_totals, totals, 1));
    let mut r = pad(right, body, right_width);
    r.extend(pad(right_totals, totals, right_width));
    let n = l.len();
    l.into_iter()
        .zip(r)
        .enumerate()
        .map(|(i, ((ll, lv), (rl, rv)))| {
            let mut cells = vec![text(ll, "name"), text((i + 1).to_string(), "code")];
            cells.extend(lv.into_iter().map(money));
            cells.push(text(rl, "name"));
            cells.push(text((n + i + 1).to_string(), "code"));
            cells.extend(rv.into_iter().map(money));
            Row {
                level: if i >= body { "total" } else { "" },
                cells,
            }
        })
        .collect()
}

/// 类 rows of the 总表s: (name, [合计, per fund …]) for each 类 of the lines.
pub(super) fn class_rows(
    nodes: &[Node<'_>],
    per_fund: bool,
    known: bool,
) -> Vec<(String, Vec<Option<Dec>>)> {
    nodes
        .iter()
        .filter(|n| n.level == "class")
        .enumerate()
        .map(|(i, n)| {
            let mut v = vec![n.actual().filter(|_| known)];
            if per_fund {
                v.extend(
                    ALL_FUNDS
                        .iter()
                        .map(|&f| n.fund_actual(f).filter(|_| known)),
                );
            }
            (numbered(i, &n.name), v)
        })
        .collect()
}

/// The 类 rows of a 总表 the record types by name (issue 17): every 类 of the edition in its
/// order, then any the record names that the edition does not list (with a note), each with
/// its typed cells.
pub(super) fn typed_class_rows<V>(
    typed: &std::collections::BTreeMap<String, V>,
    classes: &[&str],
    cells: impl Fn(Option<&V>) -> Vec<Option<Dec>>,
    notes: &mut Vec<String>,
) -> Vec<(String, Vec<Option<Dec>>)> {
    let extra: Vec<&str> = typed
        .keys()
        .map(String::as_str)
        .filter(|k| !classes.contains(k))
        .collect();
    if !extra.is_empty() {
        notes.push(format!(
            "本版式的类列表中没有“{}”，按原文列在最后。",
            extra.join("”“")
        ));
    }
    classes
        .iter()
        .copied()
        .chain(extra)
        .enumerate()
        .map(|(i, name)| (numbered(i, name), cells(typed.get(name))))
        .collect()
}

/// 公开01表 收入支出决算总表; `classes`: the edition's 类 rows for the year.
pub(crate) fn table1(fa: &FinalAccounts, t: &Totals, classes: &[&str]) -> Table {
    let mut table = Table::new(
        1,
        "收入支出决算总表",
        vec![
            vec![head("收入", 3, 1), head("支出", 3, 1)],
            vec![
                head("项目", 1, 1),
                head("行次", 1, 1),
                head("金额", 1, 1),
                head("项目", 1, 1),
                head("行次", 1, 1),
                head("金额", 1, 1),
            ],
        ],
    );
    if fa.income.is_none() && fa.expenditure.is_none() {
        return table.not_filed();
    }
    let notes = &mut table.notes;
    let i = fa.income.as_ref();
    let e = fa.expenditure.as_ref();
    let get = |f: fn(&crate::model::Income) -> Option<Dec>| i.and_then(f);
    let left: Vec<(String, Vec<Option<Dec>>)> = [
        ("一、一般公共预算财政拨款收入", get(|i| i.general_budget)),
        ("二、政府性基金预算财政拨款收入", get(|i| i.gov_fund)),
        ("三、国有资本经营预算财政拨款收入", get(|i| i.state_capital)),
        ("四、上级补助收入", get(|i| i.superior_subsidy)),
        ("五、事业收入", get(|i| i.business)),
        ("六、经营收入", get(|i| i.operating)),
        ("七、附属单位上缴收入", get(|i| i.affiliated)),
        ("八、其他收入", get(|i| i.other)),
    ]
    .into_iter()
    .map(|(l, v)| (l.to_owned(), vec![v]))
    .collect();
    let income_total = stated_or("本年收入合计", get(|i| i.total), t.income_total, notes);
    let income_grand = stated_or(
        "收入总计",
        get(|i| i.grand_total),
        t.income_grand_total,
        notes,
    );
    let expenditure_total = stated_or(
        "本年支出合计",
        e.and_then(|e| e.total),
        t.expenditure_total,
        notes,
    );
    let expenditure_grand = stated_or(
        "支出总计",
        e.and_then(|e| e.grand_total),
        t.expenditure_grand_total,
        notes,
    );
    let by_class = e.map(|e| &e.by_class).filter(|b| !b.is_empty());
    let right = match by_class {
        Some(typed) => typed_class_rows(typed, classes, |v| vec![v.map(|a| a.0)], notes),
        None => {
            let lines = of_funds(fa, &ALL_FUNDS);
            let nodes = tree(&lines);
            let known = expenditure_total.is_some() && expenditure_total == t.fiscal_expenditure;
            if !nodes.is_empty() && !known {
                notes.push(
                    "原文按功能分类列示的仅为财政拨款支出，与本年支出合计不一致，各类支出金额留空。"
                        .to_owned(),
                );
            }
            class_rows(&nodes, false, known)
        }
    };
    let one = |label: &str, v: Option<Dec>| (label.to_owned(), vec![v]);
    table.rows = two_sided(
        left,
        right,
        vec![
            one("本年收入合计", income_total),
            one("使用非财政拨款结余", get(|i| i.non_fiscal_balance_used)),
            one("年初结转和结余", get(|i| i.opening_balance)),
            one("总计", income_grand),
        ],
        vec![
            one("本年支出合计", expenditure_total),
            one("结余分配", e.and_then(|e| e.surplus_distribution)),
            one("年末结转和结余", e.and_then(|e| e.closing_balance)),
            one("总计", expenditure_grand),
        ],
        1,
    );
    table
}

/// The `项目` header pair (科目编码, 科目名称) over two rows, then single columns.
fn subject_head(columns: &[&'static str]) -> Vec<Vec<super::model::Head>> {
    let mut top = vec![head("项目", 2, 1)];
    top.extend(columns.iter().map(|c| head(*c, 1, 2)));
    vec![top, vec![head("科目编码", 1, 1), head("科目名称", 1, 1)]]
}

/// 公开02表 收入决算表.
pub(crate) fn table2(fa: &FinalAccounts, t: &Totals) -> Table {
    let mut table = Table::new(
        2,
        "收入决算表",
        subject_head(&[
            "本年收入合计",
            "财政拨款收入",
            "上级补助收入",
            "事业收入",
            "经营收入",
            "附属单位上缴收入",
            "其他收入",
        ]),
    );
    let Some(i) = &fa.income else {
        return table.not_filed();
    };
    let total = stated_or("本年收入合计", i.total, t.income_total, &mut table.notes);
    let mut cells = vec![text("", "code"), text("合计", "name")];
    cells.extend(
        [
            total,
            t.fiscal_income,
            i.superior_subsidy,
            i.business,
            i.operating,
            i.affiliated,
            i.other,
        ]
        .into_iter()
        .map(money),
    );
    table.rows.push(Row {
        level: "total",
        cells,
    });
    table
        .notes
        .push("原文未按功能分类科目列示收入明细，本表仅列合计。".to_owned());
    table
}

/// 公开03表 支出决算表.
pub(crate) fn table3(fa: &FinalAccounts, t: &Totals) -> Table {
    let mut table = Table::new(
        3,
        "支出决算表",
        subject_head(&[
            "本年支出合计",
            "基本支出",
            "项目支出",
            "上缴上级支出",
            "经营支出",
            "对附属单位补助支出",
        ]),
    );
    let Some(e) = &fa.expenditure else {
        return table.not_filed();
    };
    let total = stated_or(
        "本年支出合计",
        e.total,
        t.expenditure_total,
        &mut table.notes,
    );
    let parts = [
        e.basic,
        e.project,
        e.to_superior,
        e.operating,
        e.to_affiliated,
    ];
    let mut cells = vec![text("", "code"), text("合计", "name")];
    cells.extend(std::iter::once(total).chain(parts).map(money));
    table.rows.push(Row {
        level: "total",
        cells,
    });
    let lines = of_funds(fa, &ALL_FUNDS);
    if lines.is_empty() {
        return table;
    }
    if total.is_none() || total != t.fiscal_expenditure {
        table.notes.push(
            "原文按功能分类列示的仅为财政拨款支出，与本年支出合计不一致，本表仅列合计。".to_owned(),
        );
        return table;
    }
    // All spending is 财政拨款: a 科目's 本年支出 is its lines' 决算; a column whose total is
    // 0 is 0 in every row.
    let zero = |p: Option<Dec>| p.filter(|d| d.is_zero());
    for n in tree(&lines) {
        let (basic, project) = n.split();
        let mut cells = vec![text(n.code.clone(), "code"), text(n.name.clone(), "name")];
        cells.extend(
            [
                n.actual(),
                basic.or(zero(e.basic)),
                project.or(zero(e.project)),
                zero(e.to_superior),
                zero(e.operating),
                zero(e.to_affiliated),
            ]
            .into_iter()
            .map(money),
        );
        table.rows.push(Row {
            level: n.level,
            cells,
        });
    }
    table
}
