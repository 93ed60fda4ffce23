//! The 决算 tables typed cell by cell (issue 17), within and across: each row's 合计 against its
//! parts, each 类 against its 款 and each 款 against its 项, the 合计 row against the 类 rows;
//! the 科目 tables' 合计 rows against 收入支出决算总表 and against each other; the 类 rows of the
//! two 总表s against the 科目 tables; 公开06表's 类 lines against their 款 lines.
//!
//! In: a record's accounts. Out: findings `accounts.table_row` (a row's 合计 ≠ Σ its columns),
//! `accounts.table_tree` (a 类/款 ≠ Σ the rows under it, the 合计 row ≠ Σ 类),
//! `accounts.table_cross` (one table's figure ≠ another's) and `accounts.basic_items` (a 06
//! 类 line ≠ Σ its 款 lines). A difference of one unit in the last printed place is reported
//! with the words the other amount checks use for a possible 尾差 (the document's own rounding),
//! never silently. Never: checks a cell the document prints blank against anything but 0 when
//! the row prints other figures, a row whose parts are all blank, or a sum the cut may shorten
//! (`incomplete.block`).

use super::{Audit, Claim, Context, field};
use crate::model::tables::{LineCells, LineCol, LineRow, LineTable, LineTableKind};
use crate::model::{Dec, Money};

const ROW_RULE: &str =
    "每行合计 = 各列之和（本年收入合计 = 各项收入之和；本年支出合计 = 基本支出 + 项目支出 + …）";
const FUND_RULE: &str = "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出";
const TREE_RULE: &str = "类 = 所属各款之和，款 = 所属各项之和，合计 = 各类之和（逐列）";
const ITEMS_RULE: &str = "经济分类：类 = 所属各款之和";

pub(super) fn check(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    for t in ctx.fa.line_tables.values() {
        let cut = ctx.fa.cut_in(t.kind.key());
        rows(t, audit);
        if !cut {
            tree(t, audit);
        }
    }
    basic_items(ctx, audit);
    three_public_lines(ctx, audit);
}

/// The 经济分类 lines of 公开06表 that are parts of the "三公"经费, each with the part of the
/// "三公" table it belongs to. (因公出国（境）费用 is 30212; 30211 is 差旅费.)
const THREE_PUBLIC_LINES: [(&str, &str); 4] = [
    ("30212", "因公出国（境）费"),
    ("30217", "公务接待费"),
    ("30231", "公务用车运行费"),
    ("31013", "公务用车购置费"),
];

/// A 06 line is the 基本支出 part of its "三公" figure, which also holds 项目支出: it may be
/// less than the "三公" table's 决算数, never more.
fn three_public_lines(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let (Some(b), Some(tp)) = (&ctx.fa.basic, &ctx.fa.three_public) else {
        return;
    };
    for (i, item) in b.items.iter().enumerate() {
        let Some((_, part)) = THREE_PUBLIC_LINES
            .iter()
            .find(|(c, _)| item.code.as_deref() == Some(*c))
        else {
            continue;
        };
        let actual = match *part {
            "因公出国（境）费" => tp.outbound.as_ref(),
            "公务接待费" => tp.reception.as_ref(),
            "公务用车运行费" => tp.vehicle_operation.as_ref(),
            _ => tp.vehicle_purchase.as_ref(),
        }
        .and_then(|p| p.actual);
        let (Some(actual), Some(amount)) = (actual, item.amount) else {
            continue;
        };
        if amount > actual {
            let unit = ctx.record.amount_unit.label();
            audit.push(
                &Claim {
                    code: "accounts.three_public_lines",
                    field: field(&format!("basic.items[{i}].amount")),
                    what: String::new(),
                    basis: "",
                    rule: "基本支出决算表中的“三公”经费科目（30212、30217、30231、31013）是“三公”经费的基本支出部分，不应超过“三公”经费支出决算表的决算数",
                },
                Some(amount.to_string()),
                Some(actual.to_string()),
                format!(
                    "一般公共预算财政拨款基本支出决算表 {} {}为 {} {unit}，超过“三公”经费支出决算表中{part}的决算数 {} {unit}",
                    item.code.as_deref().unwrap_or_default(),
                    item.name,
                    amount,
                    actual
                ),
            );
        }
    }
}

/// `final_accounts.<table>.rows[i].<col>` or `.total.<col>`.
fn at(kind: LineTableKind, row: Option<usize>, col: LineCol) -> String {
    match row {
        Some(i) => field(&format!("{}.rows[{i}].{}", kind.key(), col.key())),
        None => field(&format!("{}.total.{}", kind.key(), col.key())),
    }
}

/// `收入决算表 2010601 行政运行 本年收入合计`.
fn what(kind: LineTableKind, row: Option<&LineRow>, col: &str) -> String {
    match row {
        Some(r) => format!("{} {} {} {col}", kind.title(), r.code, r.name),
        None => format!("{} 合计行 {col}", kind.title()),
    }
}

/// The Chinese name of a column in a table.
fn col_name(kind: LineTableKind, col: LineCol) -> &'static str {
    match col {
        LineCol::Total => match kind {
            LineTableKind::Income => "本年收入合计",
            LineTableKind::Expenditure => "本年支出合计",
            LineTableKind::GeneralBudget => "合计",
            LineTableKind::GovFund | LineTableKind::StateCapital => "本年支出小计",
        },
        LineCol::Fiscal => "财政拨款收入",
        LineCol::SuperiorSubsidy => "上级补助收入",
        LineCol::Business => "事业收入",
        LineCol::Operating if kind == LineTableKind::Income => "经营收入",
        LineCol::Operating => "经营支出",
        LineCol::Affiliated => "附属单位上缴收入",
        LineCol::Other => "其他收入",
        LineCol::Basic => "基本支出",
        LineCol::Project => "项目支出",
        LineCol::ToSuperior => "上缴上级支出",
        LineCol::ToAffiliated => "对附属单位补助支出",
        LineCol::Opening => "年初结转和结余",
        LineCol::Income => "本年收入",
        LineCol::Closing => "年末结转和结余",
    }
}

/// Σ of the typed cells among `cols`, blank as 0; `None` when none is typed.
fn sum_of(cells: &LineCells, cols: &[LineCol]) -> Option<Money> {
    let typed: Vec<Dec> = cols.iter().filter_map(|c| cells.get(c).copied()).collect();
    if typed.is_empty() {
        return None;
    }
    Dec::checked_sum(typed)
}

/// Each row's (and the 合计 row's) 合计 against its parts; a fund table's 年末 against
/// 年初 + 本年收入 − 本年支出.
fn rows(t: &LineTable, audit: &mut Audit<'_>) {
    let kind = t.kind;
    let all = t.total.iter().map(|c| (None, None, c)).chain(
        t.rows
            .iter()
            .enumerate()
            .map(|(i, r)| (Some(i), Some(r), &r.cells)),
    );
    for (i, row, cells) in all {
        if let (Some(&total), Some(sum)) = (cells.get(&LineCol::Total), sum_of(cells, kind.parts()))
        {
            audit.amount(
                Claim {
                    code: "accounts.table_row",
                    field: at(kind, i, LineCol::Total),
                    what: what(kind, row, col_name(kind, LineCol::Total)),
                    basis: "同行各列之和",
                    rule: ROW_RULE,
                },
                total,
                sum,
            );
        }
        if matches!(kind, LineTableKind::GovFund | LineTableKind::StateCapital)
            && let Some(&closing) = cells.get(&LineCol::Closing)
        {
            let get = |c| cells.get(&c).copied().unwrap_or(Dec::from_int(0));
            let computed = get(LineCol::Opening)
                .checked_add(get(LineCol::Income))
                .and_then(|s| s.checked_sub(get(LineCol::Total)));
            if let Some(c) = computed {
                audit.amount(
                    Claim {
                        code: "accounts.table_row",
                        field: at(kind, i, LineCol::Closing),
                        what: what(kind, row, "年末结转和结余"),
                        basis: "年初结转和结余 + 本年收入 − 本年支出",
                        rule: FUND_RULE,
                    },
                    closing,
                    c,
                );
            }
        }
    }
}

/// Each 类 against its 款, each 款 against its 项 (where any is typed), the 合计 row against
/// the 类 rows, column by column.
fn tree(t: &LineTable, audit: &mut Audit<'_>) {
    let kind = t.kind;
    for (i, parent) in t.rows.iter().enumerate() {
        let depth = parent.code.len();
        let children: Vec<&LineRow> = t
            .rows
            .iter()
            .filter(|r| r.code.len() == depth + 2 && r.code.starts_with(&parent.code))
            .collect();
        if depth >= 7 || children.is_empty() {
            continue;
        }
        let level = if depth == 3 {
            "所属各款"
        } else {
            "所属各项"
        };
        for &col in kind.columns() {
            compare_sum(
                audit,
                kind,
                Some((i, parent)),
                &parent.cells,
                &children,
                col,
                level,
            );
        }
    }
    if let Some(total) = &t.total {
        let classes: Vec<&LineRow> = t.rows.iter().filter(|r| r.code.len() == 3).collect();
        if !classes.is_empty() {
            for &col in kind.columns() {
                compare_sum(audit, kind, None, total, &classes, col, "各类");
            }
        }
    }
}

/// One column of a parent row against the sum of its children (blank as 0), when the parent or
/// any child prints a figure in it.
fn compare_sum(
    audit: &mut Audit<'_>,
    kind: LineTableKind,
    parent: Option<(usize, &LineRow)>,
    cells: &LineCells,
    children: &[&LineRow],
    col: LineCol,
    level: &str,
) {
    let typed: Vec<Dec> = children
        .iter()
        .filter_map(|c| c.cells.get(&col).copied())
        .collect();
    let stated = cells.get(&col).copied();
    if stated.is_none() && typed.is_empty() {
        return;
    }
    let zero = Dec::from_int(0);
    let (Some(sum), stated) = (Dec::checked_sum(typed), stated.unwrap_or(zero)) else {
        return;
    };
    let basis = format!("{level}{}之和", col_name(kind, col));
    audit.amount_of(
        Claim {
            code: "accounts.table_tree",
            field: at(kind, parent.map(|p| p.0), col),
            what: what(kind, parent.map(|p| p.1), col_name(kind, col)),
            basis: &basis,
            rule: TREE_RULE,
        },
        stated,
        sum,
        children.len(),
    );
}

/// 公开06表: each 类 line (301) against the 款 lines under it (30101 …), where any is typed.
fn basic_items(ctx: &Context<'_>, audit: &mut Audit<'_>) {
    let Some(b) = &ctx.fa.basic else { return };
    if ctx.fa.cut_in("basic") {
        return;
    }
    for (i, item) in b.items.iter().enumerate() {
        let (Some(code), Some(amount)) =
            (item.code.as_deref().filter(|c| c.len() == 3), item.amount)
        else {
            continue;
        };
        let children: Vec<Dec> = b
            .items
            .iter()
            .filter(|o| {
                o.code
                    .as_deref()
                    .is_some_and(|c| c.len() == 5 && c.starts_with(code))
            })
            .filter_map(|o| o.amount)
            .collect();
        if children.is_empty() {
            continue;
        }
        let n = children.len();
        if let Some(sum) = Dec::checked_sum(children) {
            audit.amount_of(
                Claim {
                    code: "accounts.basic_items",
                    field: field(&format!("basic.items[{i}].amount")),
                    what: format!("一般公共预算财政拨款基本支出决算表 {code} {}", item.name),
                    basis: "所属各款之和",
                    rule: ITEMS_RULE,
                },
                amount,
                sum,
                n,
            );
        }
    }
}
