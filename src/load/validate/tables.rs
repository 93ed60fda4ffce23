//! The 决算 tables typed cell by cell (issue 17): each 科目 table holds only its own columns,
//! every row has a 科目编码 and a name (the 合计 row neither), and 类 rows are named without
//! their ordinal.

use std::collections::BTreeMap;

use super::{Ctx, check_code};
use crate::lang::pick;
use crate::load::locate::shorten;
use crate::load::raw::{RawLineRow, RawLineTable};
use crate::model::tables::{LineCells, LineCol, LineRow, LineTable, LineTableKind};

/// Checks an edition's name: it names a file `editions/<name>.yaml` of the theme.
pub(super) fn edition_name(cx: &mut Ctx<'_>, field: &str, name: &str) {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-');
    if !ok {
        cx.error(
            field,
            pick(
                format!(
                    "公开格式名应由小写字母、数字和 `-` 组成（如 `national` 或 `shanghai`），实际为 `{}`",
                    shorten(name)
                ),
                format!(
                    "expected an edition name of lowercase letters, digits and `-` (such as `national` or `shanghai`), found `{}`",
                    shorten(name)
                ),
            ),
        );
    }
}

/// The five 科目 tables, in [`LineTableKind::ALL`] order, checked.
pub(super) fn line_tables(
    cx: &mut Ctx<'_>,
    raw: [Option<RawLineTable>; 5],
) -> BTreeMap<LineTableKind, LineTable> {
    LineTableKind::ALL
        .into_iter()
        .zip(raw)
        .filter_map(|(kind, t)| t.map(|t| (kind, line_table(cx, kind, t))))
        .collect()
}

fn line_table(cx: &mut Ctx<'_>, kind: LineTableKind, raw: RawLineTable) -> LineTable {
    let p = format!("final_accounts.{}", kind.key());
    let total = raw.total.map(|row| {
        let f = format!("{p}.total");
        if row.code.is_some() || row.name.is_some() {
            cx.error(
                &f,
                pick(
                    "合计行只填数字（不填科目编码和名称），实际填了编码或名称",
                    "expected only the figures of the 合计 row (its 科目编码 and name are not typed), found a code or a name",
                ),
            );
        }
        cells(cx, kind, &f, &row)
    });
    let rows = raw
        .rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let f = format!("{p}.rows[{i}]");
            let cells = cells(cx, kind, &f, &row);
            check_code(cx, &format!("{f}.code"), row.code.as_deref());
            if row.code.is_none() {
                cx.error(
                    &f,
                    pick(
                        format!(
                            "本行应填科目编码（`code`，3、5 或 7 位数字），实际没有（{row}）"
                        ),
                        format!(
                            "expected the row's 科目编码 (`code`, 3, 5 or 7 digits), found a row without one ({row})"
                        ),
                    ),
                );
            }
            let name = row.name.clone().unwrap_or_default();
            if name.trim().is_empty() {
                cx.error(
                    &f,
                    pick(
                        format!("本行应填科目名称（`name`），实际没有（{row}）"),
                        format!("expected the row's 科目名称 (`name`), found none ({row})"),
                    ),
                );
            }
            LineRow {
                code: row.code.unwrap_or_default(),
                name,
                cells,
            }
        })
        .collect();
    if let Some(s) = &raw.statement
        && s.trim().is_empty()
    {
        cx.error(
            &format!("{p}.statement"),
            pick(
                "应照原文填写表中印的说明，如 本单位无政府性基金预算财政拨款支出，故本表无数据。实际为空",
                "expected the sentence the table prints, such as 本单位无政府性基金预算财政拨款支出，故本表无数据。, found an empty value",
            ),
        );
    }
    LineTable {
        kind,
        total,
        rows,
        statement: raw.statement,
    }
}

/// The figures of a row, each in a column its table has.
fn cells(cx: &mut Ctx<'_>, kind: LineTableKind, field: &str, row: &RawLineRow) -> LineCells {
    let typed = [
        (LineCol::Total, row.total),
        (LineCol::Fiscal, row.fiscal),
        (LineCol::SuperiorSubsidy, row.superior_subsidy),
        (LineCol::Business, row.business),
        (LineCol::Operating, row.operating),
        (LineCol::Affiliated, row.affiliated),
        (LineCol::Other, row.other),
        (LineCol::Basic, row.basic),
        (LineCol::Project, row.project),
        (LineCol::ToSuperior, row.to_superior),
        (LineCol::ToAffiliated, row.to_affiliated),
        (LineCol::Opening, row.opening),
        (LineCol::Income, row.income),
        (LineCol::Closing, row.closing),
    ];
    let mut cells = LineCells::new();
    for (col, value) in typed {
        let Some(value) = value else { continue };
        if kind.columns().contains(&col) {
            cells.insert(col, value);
        } else {
            let allowed: Vec<String> = kind
                .columns()
                .iter()
                .map(|c| format!("`{}`", c.key()))
                .collect();
            cx.error(
                &format!("{field}.{}", col.key()),
                pick(
                    format!(
                        "应为{}的某一列（{}），实际为 `{}`，该表没有这一列",
                        kind.title(),
                        allowed.join("、"),
                        col.key()
                    ),
                    format!(
                        "expected a column of {} ({}), found `{}`, which that table does not have",
                        kind.title(),
                        allowed.join(", "),
                        col.key()
                    ),
                ),
            );
        }
    }
    cells
}

/// Checks the 类 names of a 总表's rows: named as printed, without the ordinal (`一、`).
pub(super) fn class_names<'a>(
    cx: &mut Ctx<'_>,
    field: &str,
    names: impl Iterator<Item = &'a String>,
) {
    for name in names {
        let f = format!("{field}.{name}");
        if name.trim().is_empty() {
            cx.error(
                field,
                pick(
                    "应填写类名称，如 一般公共服务支出，实际为空",
                    "expected a 类 name such as 一般公共服务支出, found an empty name",
                ),
            );
        } else if let Some((ordinal, rest)) = name.split_once('、')
            && !ordinal.is_empty()
            && ordinal.chars().all(|c| "一二三四五六七八九十".contains(c))
        {
            cx.error(
                &f,
                pick(
                    format!(
                        "类名称不带序号（应为 `{}`），实际为 `{}`",
                        shorten(rest),
                        shorten(name)
                    ),
                    format!(
                        "expected the 类 name without its number (`{}`), found `{}`",
                        shorten(rest),
                        shorten(name)
                    ),
                ),
            );
        }
    }
}
