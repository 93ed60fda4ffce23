//! The search documents of a corpus and their JavaScript form.
//!
//! In: the validated corpus and its scores. Out: [`PAGES_PER_RECORD`] [`Doc`]s per record, its
//! unit-year page and its 决算 page (issue 19: each page its own result, so a result holds
//! every token of a query on one page), whose [`Field`]s each name the anchor of the page
//! section they come from (text as shown on the page, whitespace collapsed), and
//! [`script_json`], the JSON form every index file uses.
//! [`super::files`] turns the documents into the index files.
//!
//! Never: indexes `record.contact` or audit findings (under any profile, so the public index
//! holds only what public pages show), or lets data end a `<script>` (`<`, `>`, `&`, U+2028 and
//! U+2029 are written as `\uXXXX` escapes).

use pulldown_cmark::{Event, Parser, TagEnd};
use serde::Serialize;

use crate::model::{Corpus, FinalAccounts, Goal, Record, Scorecard, Unit, Year};
use crate::pages::{card_title, headline, page_title, year_label};
use crate::plan::{card_anchor, juesuan_path, unit_year_path};
use crate::score::{CorpusScores, RecordScore};

/// How much a match in a field counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Weight {
    /// Names: unit, year, goal, indicator, project, table titles.
    Title,
    /// Narrative text, goal texts and key figures.
    Body,
}

impl Weight {
    /// The factor applied to a token's weight (also written into the index).
    pub fn factor(self) -> u32 {
        match self {
            Weight::Title => 3,
            Weight::Body => 1,
        }
    }
}

/// One searchable part of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Title or body.
    pub weight: Weight,
    /// The id of the page section it comes from; empty for the top of the page.
    pub anchor: String,
    /// The text, whitespace collapsed.
    pub text: String,
}

/// Search pages per record, numbered in corpus order: the `k`-th record's unit-year page is
/// page `2k`, its 决算 page (`juesuan.html`) page `2k + 1`, absent (no fields, no file) when
/// the record has none. Fixed, so a unit's first page number is known before it is loaded
/// (the streaming build writes page files unit by unit) and `meta.js` lists one year per
/// record.
pub const PAGES_PER_RECORD: usize = 2;

/// One searchable page: a unit-year page or a 决算 page, or an absent page (see
/// [`PAGES_PER_RECORD`]: empty `href` and no fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// Index of the unit in `Corpus::units`.
    pub unit: usize,
    /// The record's year.
    pub year: Year,
    /// The page title.
    pub title: String,
    /// The page's path from the site root; empty for an absent page (and once the streaming
    /// build has indexed a page and dropped its text).
    pub href: String,
    /// The searchable parts.
    pub fields: Vec<Field>,
}

impl Doc {
    /// The place of a record that has no 决算 page.
    fn absent(unit: usize, year: Year) -> Doc {
        Doc {
            unit,
            year,
            title: String::new(),
            href: String::new(),
            fields: Vec::new(),
        }
    }

    /// Whether the page exists (has a link), for a document built with its text.
    pub fn exists(&self) -> bool {
        !self.href.is_empty()
    }
}

/// Every search page of the corpus, [`PAGES_PER_RECORD`] per record in corpus order (units,
/// then records); a page's number is its place here.
pub fn docs(corpus: &Corpus, scores: &CorpusScores) -> Vec<Doc> {
    corpus
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| unit_docs(u, unit, scores))
        .collect()
}

/// The numbers of the pages that exist (each has a file `search/d/<n>.js`), ascending.
pub fn doc_numbers(corpus: &Corpus) -> Vec<usize> {
    let records = corpus.units.iter().flat_map(|u| u.records.iter());
    records
        .enumerate()
        .flat_map(|(k, r)| {
            let juesuan = r
                .final_accounts
                .is_some()
                .then_some(PAGES_PER_RECORD * k + 1);
            std::iter::once(PAGES_PER_RECORD * k).chain(juesuan)
        })
        .collect()
}

/// The pages of one unit, the `u`-th of the corpus, [`PAGES_PER_RECORD`] per record in record
/// order.
pub fn unit_docs(u: usize, unit: &Unit, scores: &CorpusScores) -> Vec<Doc> {
    unit.records
        .iter()
        .flat_map(|record| {
            let juesuan = match &record.final_accounts {
                Some(fa) => juesuan_doc(u, unit, record, fa),
                None => Doc::absent(u, record.year),
            };
            [
                doc(u, unit, record, scores.get(&unit.id, record.year)),
                juesuan,
            ]
        })
        .collect()
}

fn doc(u: usize, unit: &Unit, record: &Record, score: Option<&RecordScore>) -> Doc {
    let title = page_title(unit, record);
    let mut fields = Vec::new();
    let mut push = |weight, anchor: &str, parts| push_field(&mut fields, weight, anchor, parts);
    let mut names = vec![title.clone(), unit.short_name.clone()];
    names.extend(unit.aliases.iter().cloned());
    push(Weight::Title, "", names);
    for card in record.self_evaluation.iter().chain(record.projects.iter()) {
        let anchor = card_anchor(&card.field);
        let mut names = vec![card_title(card)];
        names.extend(card.name.iter().cloned());
        names.extend(goal_names(&card.goals));
        push(Weight::Title, &anchor, names);
        push(Weight::Body, &anchor, card_body(card));
    }
    if let Some(t) = &record.targets {
        let mut names: Vec<String> = t.title.iter().cloned().collect();
        names.extend(goal_names(&t.annual_goals));
        push(Weight::Title, "targets", names);
        push(
            Weight::Body,
            "targets",
            t.annual_goals
                .iter()
                .filter_map(|g| g.title.clone())
                .collect(),
        );
    }
    for n in &record.narratives {
        push(
            Weight::Body,
            "",
            vec![n.title.clone(), plain_text(&n.markdown)],
        );
    }
    push(Weight::Body, "", figures(score));
    Doc {
        unit: u,
        year: record.year,
        title,
        href: unit_year_path(unit.id.as_str(), record.year),
        fields,
    }
}

/// The 决算 page of a record (`juesuan.html`), titled as its heading: its names, the 类/款/项
/// names its tables list, and the 情况说明's blocks the record holds (三公经费, 机关运行经费 …).
/// The tables' titles are the theme edition's and not known here (the tables may be numbered
/// and named differently), so they are not indexed.
fn juesuan_doc(u: usize, unit: &Unit, record: &Record, fa: &FinalAccounts) -> Doc {
    let title = format!("{}{}部门决算", unit.name, year_label(record.year));
    let mut fields = Vec::new();
    let mut push = |weight, anchor: &str, parts| push_field(&mut fields, weight, anchor, parts);
    let mut names = vec![title.clone(), unit.short_name.clone()];
    names.extend(unit.aliases.iter().cloned());
    names.push("部门决算".to_owned());
    names.extend(fa.title.iter().cloned());
    push(Weight::Title, "", names);
    push(Weight::Title, "", subjects(fa));
    push(Weight::Title, "shuoming", blocks(fa));
    Doc {
        unit: u,
        year: record.year,
        title,
        href: juesuan_path(unit.id.as_str(), record.year),
        fields,
    }
}

/// The 类/款/项 names the 决算's tables list, each once, in the order the record gives them.
fn subjects(fa: &FinalAccounts) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut subject = |s: &str| {
        if !s.is_empty() && !out.iter().any(|b| b == s) {
            out.push(s.to_owned());
        }
    };
    for l in &fa.lines {
        for s in [Some(&l.class), l.section.as_ref(), l.item.as_ref()]
            .into_iter()
            .flatten()
        {
            subject(s);
        }
    }
    for c in &fa.classes {
        subject(&c.name);
    }
    for k in fa.expenditure.iter().flat_map(|e| e.by_class.keys()) {
        subject(k);
    }
    for t in fa.line_tables.values() {
        for r in &t.rows {
            subject(&r.name);
        }
    }
    out
}

/// The names of the 情况说明's blocks the record holds (the section headings' words, which
/// every edition prints).
fn blocks(fa: &FinalAccounts) -> Vec<String> {
    let mut out = Vec::new();
    if fa.basic.is_some() {
        out.push("基本支出 人员经费 公用经费");
    }
    if fa.three_public.is_some() {
        out.push("“三公”经费 三公经费 因公出国（境）费 公务用车购置及运行维护费 公务接待费");
    }
    if fa.operating_costs.is_some() {
        out.push("机关运行经费");
    }
    if fa.procurement.is_some() {
        out.push("政府采购");
    }
    if fa.assets.is_some() {
        out.push("国有资产占用");
    }
    out.into_iter().map(str::to_owned).collect()
}

/// Goal names, then indicator names, as the page's tables show them.
fn goal_names(goals: &[Goal]) -> Vec<String> {
    let mut out = Vec::new();
    for g in goals {
        out.push(g.name.clone());
        out.extend(g.indicators.iter().map(|i| i.name.clone()));
    }
    out
}

/// Goal texts, the overall goal and the card's prose.
fn card_body(card: &Scorecard) -> Vec<String> {
    let mut out: Vec<String> = card.goals.iter().filter_map(|g| g.title.clone()).collect();
    if let Some(o) = &card.overall_goal {
        out.push(o.target.clone());
        out.extend(o.actual.iter().cloned());
    }
    for prose in [&card.deviation_analysis, &card.improvement, &card.summary]
        .into_iter()
        .flatten()
    {
        out.push(plain_text(prose));
    }
    out
}

/// The headline figures as the unit-year and list pages print them.
fn figures(score: Option<&RecordScore>) -> Vec<String> {
    let h = headline(score);
    [
        ("自评得分", h.reported),
        ("规则得分", h.rule),
        ("预算执行率", h.execution),
        ("指标完成率", h.completion),
    ]
    .into_iter()
    .filter(|(_, v)| v != "—")
    .map(|(k, v)| format!("{k} {v}"))
    .collect()
}

/// The visible text of Markdown: text and code spans, blocks separated by a space.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                out.push(' ');
            }
            Event::End(TagEnd::Heading(_) | TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Runs of whitespace as one space, trimmed.
/// Adds a field of `parts` joined by `；` (whitespace collapsed), unless it is empty.
fn push_field(fields: &mut Vec<Field>, weight: Weight, anchor: &str, parts: Vec<String>) {
    let text = collapse(&parts.join("；"));
    if !text.is_empty() {
        fields.push(Field {
            weight,
            anchor: anchor.to_owned(),
            text,
        });
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A JSON value safe inside a `<script>` element and in any JavaScript parser: `<`, `>`, `&`,
/// U+2028 and U+2029 (which can only occur inside JSON strings) become `\uXXXX` escapes.
pub fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// `(id, name)` of every unit, in corpus order (a document's `unit` indexes this).
pub fn units(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .units
        .iter()
        .map(|u| (u.id.as_str().to_owned(), u.name.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_or_break_a_line() {
        let js = script_json(&"</script><!-- a&b \u{2028}\u{2029}");
        assert_eq!(
            js,
            r#""\u003c/script\u003e\u003c!-- a\u0026b \u2028\u2029""#
        );
        let back: String = serde_json::from_str(&js).expect("still JSON");
        assert_eq!(back, "</script><!-- a&b \u{2028}\u{2029}");
    }

    #[test]
    fn markdown_becomes_its_visible_text() {
        assert_eq!(
            collapse(&plain_text(
                "## 概况\n\n**信访件**办结率 `100%`\n\n- 一\n- 二"
            )),
            "概况 信访件办结率 100% 一 二"
        );
    }
}
