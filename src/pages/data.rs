//! Machine-readable files: each record as JSON with its computed figures, each scorecard
//! table and its 预算执行 block as CSV (written through [`super::csv`]), and `sitemap.xml`.

use std::path::Path;

use serde::Serialize;

use super::csv::{self, Csv};
use super::{Ctx, opt, rule_total};
use crate::error::{Error, Result};
use crate::model::cell::CellFigure;
use crate::model::{Cell, Dec, Record, Scorecard, Template};
use crate::render::fmt_score;
use crate::score::accounts::{AccountsFigures, derive};
use crate::score::funds::funds_labels;
use crate::score::{CardScore, RecordScore};

#[derive(Serialize)]
struct RecordData<'a> {
    record: serde_json::Value,
    scores: Option<&'a RecordScore>,
    /// The 决算's derived figures (totals from their parts, shares, changes against the prior
    /// year, 完成%), which the 决算 page and its 情况说明 print: issue 16, every published
    /// figure is in the record or here.
    accounts: Option<AccountsFigures>,
}

/// `data/<id>/<year>.json`: the record (without its contact) and gongkai's figures. The
/// record's `path` is made relative to the content folder, so no local path is published and
/// the file does not depend on where the site was built.
pub(super) fn record_json(ctx: &Ctx<'_>, record: &Record) -> Result<String> {
    let err = |e: serde_json::Error| serialize_error(&record.path, &e);
    let mut value = serde_json::to_value(record).map_err(err)?;
    let relative = Path::new(&record.path)
        .strip_prefix(ctx.content_dir)
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|_| format!("{}/{}", record.unit, record.year));
    if let Some(path) = value.get_mut("path") {
        *path = serde_json::Value::String(relative);
    }
    let accounts = record.final_accounts.as_ref().map(|fa| {
        let unit = ctx.corpus.units.iter().find(|u| u.id == record.unit);
        derive(fa, unit.and_then(|u| super::juesuan::prior(u, record)))
    });
    let data = RecordData {
        record: value,
        scores: ctx.score(record),
        accounts,
    };
    serde_json::to_string(&data)
        .map(|s| s + "\n")
        .map_err(|e| serialize_error(&record.path, &e))
}

/// A record that could not be written as JSON.
fn serialize_error(path: &impl std::fmt::Display, e: &serde_json::Error) -> Error {
    Error::Usage(crate::lang::pick(
        format!("无法把 {path} 写成 JSON：{e}"),
        format!("cannot serialize {path}: {e}"),
    ))
}

fn score(d: Option<Dec>) -> String {
    opt(d, fmt_score)
}

/// `data/<id>/<year>/<table>.csv`: the 项目绩效总目标 row when the table has one, one row per
/// indicator, and the 合计 row (total weight, reported total, rule total).
pub(super) fn card_csv(card: &Scorecard, s: Option<&CardScore>) -> String {
    let mut csv = Csv::new(&[
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "实际完成值",
        "分值",
        "得分",
        "规则得分",
        "偏差原因",
    ]);
    if let Some(o) = &card.overall_goal {
        let rule = s.and_then(|s| s.overall_goal.as_ref()).and_then(|o| o.rule);
        csv.row(&[
            "项目绩效总目标",
            "",
            "",
            "",
            &o.target,
            o.actual.as_deref().unwrap_or(""),
            &score(o.weight),
            &score(o.score),
            &score(rule),
            "",
        ]);
    }
    for (g, goal) in card.goals.iter().enumerate() {
        let gs = s.and_then(|s| s.goals.get(g));
        for (i, ind) in goal.indicators.iter().enumerate() {
            let rule = gs.and_then(|g| g.indicators.get(i)).and_then(|i| i.rule);
            let text = |m: &Option<crate::model::Measure>| {
                m.as_ref().map(|m| m.text.clone()).unwrap_or_default()
            };
            csv.row(&[
                &goal.name,
                ind.level1.as_deref().unwrap_or(""),
                ind.level2.as_deref().unwrap_or(""),
                &ind.name,
                &text(&ind.target),
                &text(&ind.actual),
                &score(ind.weight),
                &score(ind.score),
                &score(rule),
                ind.deviation.as_deref().unwrap_or(""),
            ]);
        }
    }
    // A table cut off (原文不全) has a 合计 of its visible rows only, and says so (issue 16).
    let (label, rule, note) = match &card.incomplete {
        Some(i) => (
            format!("合计（{}）", super::PARTIAL),
            s.and_then(super::visible_rule_total),
            format!("原文不全：{}", i.at),
        ),
        None => ("合计".to_owned(), s.and_then(rule_total), String::new()),
    };
    csv.row(&[
        &label,
        "",
        "",
        "",
        "",
        "",
        &score(s.and_then(|s| s.weight_total)),
        &score(card.reported_total),
        &score(rule),
        &note,
    ]);
    csv.finish()
}

/// `data/<id>/<year>/<table>-execution.csv`: the funds block as the page shows it, one line per
/// printed row (issue 16): the printed cells (a figure as typed, a mark as printed, `—` where
/// the record has no such cell), then the computed 执行率 and rule score (`—` when none).
pub(super) fn execution_csv(
    card: Option<&Scorecard>,
    s: Option<&CardScore>,
    template: Template,
    amount_unit: &str,
) -> String {
    let l = funds_labels(template);
    let mut csv = Csv::new(&[
        "行",
        &format!("{}（{amount_unit}）", l.initial_budget),
        &format!("{}（A，{amount_unit}）", l.budget),
        &format!("{}（B，{amount_unit}）", l.actual),
        l.weight,
        &format!("{}（原文）", l.rate),
        &format!("{}（原文）", l.score),
        "原因",
        &format!("{}（计算）", l.rate),
        "规则得分",
    ]);
    let (Some(ex), Some(e)) = (
        card.and_then(|c| c.execution.as_ref()),
        s.and_then(|s| s.execution.as_ref()),
    ) else {
        return csv.finish();
    };
    let weight = match &ex.total.weight {
        Some(w) => cell(Some(w)),
        None => fmt_score(e.weight),
    };
    csv.row(&[
        l.total,
        &cell(ex.total.initial_budget.as_ref()),
        &cell(ex.total.budget.as_ref()),
        &cell(ex.total.actual.as_ref()),
        &weight,
        &cell(ex.total.rate.as_ref()),
        &cell(ex.total.score.as_ref()),
        ex.total.reason.as_deref().unwrap_or(""),
        &csv::pct(e.rate),
        &score(e.rule),
    ]);
    for (p, ps) in ex.parts.iter().zip(&e.parts) {
        csv.row(&[
            &ps.name,
            &cell(p.initial_budget.as_ref()),
            &cell(p.budget.as_ref()),
            &cell(p.actual.as_ref()),
            &cell(p.weight.as_ref()),
            &cell(p.rate.as_ref()),
            &cell(p.score.as_ref()),
            p.reason.as_deref().unwrap_or(""),
            &csv::pct(ps.rate),
            "",
        ]);
    }
    csv.finish()
}

/// A printed cell for CSV: the figure as typed, a mark as printed, `—` when not in the record.
fn cell<T: CellFigure>(c: Option<&Cell<T>>) -> String {
    match c {
        Some(Cell::Figure(f)) => f.to_string(),
        Some(Cell::Mark(m)) => m.printed().to_owned(),
        None => "—".to_owned(),
    }
}

/// Escapes a URL for XML. A character XML 1.0 forbids (C0 controls but tab and newlines,
/// U+FFFE, U+FFFF) is percent-encoded, so `sitemap.xml` is well-formed whatever reaches it;
/// load already refuses such a `base_url` (issue 15: defence in depth).
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if xml_allows(c) => out.push(c),
            c => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// XML 1.0's `Char` production: tab, newlines, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up.
fn xml_allows(c: char) -> bool {
    matches!(u32::from(c), 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..)
}

/// `sitemap.xml`: every HTML page but 404, under `base_url`.
pub(super) fn sitemap(base_url: &str, paths: &[String]) -> String {
    let base = base_url.trim_end_matches('/');
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in paths {
        if p.ends_with(".html") && p != "404.html" {
            let p = p.strip_suffix("index.html").unwrap_or(p);
            out.push_str(&format!(
                "  <url><loc>{}</loc></url>\n",
                xml(&format!("{base}/{p}"))
            ));
        }
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sitemap_lists_pages_under_the_base_url_and_escapes_them() {
        let paths = vec![
            "404.html".to_owned(),
            "index.html".to_owned(),
            "static/style.css".to_owned(),
            "units/a&b/index.html".to_owned(),
        ];
        let s = sitemap("https://x.example/", &paths);
        assert!(s.contains("<loc>https://x.example/</loc>"));
        assert!(s.contains("<loc>https://x.example/units/a&amp;b/</loc>"));
        assert!(!s.contains("404") && !s.contains("style.css"));
    }

    #[test]
    fn issue15_the_sitemap_never_holds_a_character_xml_forbids() {
        let paths = vec!["a\u{1}b/index.html".to_owned(), "c\u{FFFE}.html".to_owned()];
        let s = sitemap("https://x.example/\u{0}\u{1b}", &paths);
        assert!(s.chars().all(xml_allows), "{s:?}");
        assert!(
            s.contains("<loc>https://x.example/%00%1B/a%01b/</loc>"),
            "{s}"
        );
        assert!(
            s.contains("<loc>https://x.example/%00%1B/c%EF%BF%BE.html</loc>"),
            "{s}"
        );
        assert_eq!(xml("\t中文\u{10000}"), "\t中文\u{10000}");
    }
}
