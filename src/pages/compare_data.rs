//! The downloads of a comparison: `data/<id>/<year>/compare.json` (figures, indicators and,
//! under the internal profile, flags) and two CSVs (UTF-8 with a BOM, every field quoted):
//! `compare.csv`, one row per figure, and `compare-indicators.csv`, one row per indicator of
//! a matched table and one per new or discontinued table, each led by its table (表).

use super::compare::{Comparison, csv_value, delta, indicator_notes, rate, unit_of, words};
use super::csv::line;
use crate::compare::indicators::Side;
use crate::compare::{FigureKind, TableStatus};
use crate::error::{Error, Result};
use crate::plan::CompareTable;
use crate::render::fmt_score;

/// The comparison as JSON (compact: a data file, not a page).
pub(super) fn compare_json(c: &Comparison<'_>) -> Result<String> {
    serde_json::to_string(c).map(|s| s + "\n").map_err(|e| {
        let unit = &c.unit;
        Error::Usage(crate::lang::pick(
            format!("无法写出 {unit} 的比较数据：{e}"),
            format!("cannot serialize the comparison of {unit}: {e}"),
        ))
    })
}

/// One table of the comparison as CSV.
pub(super) fn compare_csv(c: &Comparison<'_>, table: CompareTable) -> String {
    let mut out = String::from("\u{feff}");
    let prior = c
        .prior_year
        .map_or_else(|| "上年（本报告所列）".to_owned(), |y| format!("{y}年"));
    let now = format!("{}年", c.year);
    match table {
        CompareTable::Figures => {
            line(
                &mut out,
                &[
                    "项目",
                    "单位",
                    &prior,
                    &now,
                    "变动额",
                    "变动率",
                    "变动说明",
                    "超过阈值",
                ],
            );
            for r in &c.figures {
                let unit = match r.kind {
                    FigureKind::Percent => "%".to_owned(),
                    k => unit_of(k, c.amount_unit),
                };
                line(
                    &mut out,
                    &[
                        &r.label,
                        &unit,
                        &csv_value(r.kind, r.prior),
                        &csv_value(r.kind, r.current),
                        &delta(r).replace(',', ""),
                        &rate(r),
                        &words(r, c.amount_unit),
                        if r.highlight { "是" } else { "否" },
                    ],
                );
            }
        }
        CompareTable::Indicators => {
            let p = |h: &str| format!("{prior}{h}");
            let n = |h: &str| format!("{now}{h}");
            line(
                &mut out,
                &[
                    "表",
                    "状态",
                    "一级指标",
                    "三级指标",
                    &p("指标值"),
                    &p("实际完成值"),
                    &p("分值"),
                    &p("得分"),
                    &n("指标值"),
                    &n("实际完成值"),
                    &n("分值"),
                    &n("得分"),
                    "变化",
                ],
            );
            for t in &c.tables {
                if t.status != TableStatus::Matched {
                    let mut row = vec![String::new(); 13];
                    row[0].clone_from(&t.label);
                    row[1] = t.status.label().to_owned();
                    let year = if t.status == TableStatus::New {
                        "本年"
                    } else {
                        "上年"
                    };
                    row[12] = format!("{year} {} 个指标", t.indicator_count);
                    let cells: Vec<&str> = row.iter().map(String::as_str).collect();
                    line(&mut out, &cells);
                }
                for i in &t.indicators {
                    let shown = i.current.as_ref().or(i.prior.as_ref());
                    let [pt, pa, pw, ps] = cells(i.prior.as_ref());
                    let [ct, ca, cw, cs] = cells(i.current.as_ref());
                    line(
                        &mut out,
                        &[
                            &t.label,
                            i.status.label(),
                            shown.and_then(|s| s.level1.as_deref()).unwrap_or(""),
                            shown.map(|s| s.name.as_str()).unwrap_or(""),
                            &pt,
                            &pa,
                            &pw,
                            &ps,
                            &ct,
                            &ca,
                            &cw,
                            &cs,
                            &indicator_notes(i).join("；"),
                        ],
                    );
                }
            }
        }
    }
    out
}

/// Target, actual, weight and score of one side; empty when the indicator is absent.
fn cells(s: Option<&Side>) -> [String; 4] {
    let Some(s) = s else {
        return Default::default();
    };
    let score = |d: Option<crate::model::Dec>| d.map(fmt_score).unwrap_or_default();
    [
        s.target.clone().unwrap_or_default(),
        s.actual.clone().unwrap_or_default(),
        score(s.weight),
        score(s.score),
    ]
}
