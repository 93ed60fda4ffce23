//! Stage 4b: page contexts. One `Serialize` view per planned page, then Tera.
//!
//! In: the corpus, its scores, the audit report, the profile and a [`Renderer`]. Out: the
//! text of each page. Every number reaches a template already formatted by the `fmt_*`
//! functions (templates do no arithmetic); raw values for sorting go into `sort` fields.
//! Never: reads files, shows `record.contact`, or shows findings under the public profile.

mod accounts;
mod card_head;
mod compare;
mod compare_data;
mod csv;
mod data;
mod findings;
mod index;
mod juesuan;
mod measure;
mod narrative;
mod report;
mod review;
mod summary;
mod targets;
mod trend;
mod unit;
mod unit_year;
mod year;
mod year_compare;

pub(crate) use card_head::card_title;
pub(crate) use summary::{
    FindingRow, MainFigures, MeasureValue, RecordSummary, UnitSummary, summarize,
};
pub(crate) use unit_year::page_title;
// The headline figures of a record's scores live with the scores (issue 20: `compare` reads
// them without importing `pages`).
pub(crate) use crate::score::headline::{
    completion_rate, execution_rate, main_card, rule_total, visible_rule_total,
};

use serde::Serialize;

use crate::check::Report;
use crate::error::Result;
use crate::model::{Corpus, Dec, Pct, Profile, Record, Scorecard, Thresholds, Unit, Year};
use crate::plan::{MeasureOut, Page, Planned};
use crate::render::{Renderer, Shell, Site, fmt_pct, fmt_score};
use crate::score::{CardScore, CorpusScores, NotRecomputed, RecordScore};

/// Everything a page may show.
pub(crate) struct Ctx<'a> {
    pub(crate) corpus: &'a Corpus,
    pub(crate) scores: &'a CorpusScores,
    pub(crate) report: &'a Report,
    /// Every unit as the pages over many units see it (index, year pages, measures).
    pub(crate) summaries: &'a [UnitSummary],
    pub(crate) profile: Profile,
    pub(crate) renderer: &'a Renderer,
    pub(crate) site: Site,
    /// Every planned path, for the sitemap.
    pub(crate) paths: Vec<String>,
    /// The content folder, to publish record paths relative to it.
    pub(crate) content_dir: &'a std::path::Path,
    /// The comparisons made so far, one per record: its page, JSON and five CSVs share it.
    pub(crate) compared: Compared<'a>,
}

/// Each record's comparison with its prior year, made once (issue 20: made for each of the
/// seven files that show it, it was about a tenth of a build's CPU time). A lock, not a
/// `RefCell`, so that a context stays shareable across threads; it is only ever taken by the
/// thread rendering one unit's files.
#[derive(Default)]
pub(crate) struct Compared<'a>(std::sync::Mutex<Vec<RecordComparison<'a>>>);

/// A record's place (unit, record) and its comparison.
type RecordComparison<'a> = ((usize, usize), std::sync::Arc<compare::Comparison<'a>>);

/// A page's shell and body, flattened into one template context.
#[derive(Serialize)]
struct View<'a, T: Serialize> {
    #[serde(flatten)]
    shell: Shell,
    page: &'a T,
}

impl<'a> Ctx<'a> {
    /// The comparison of record `r` of unit `u` with its prior year, made on first use.
    fn comparison(&self, u: usize, r: usize) -> std::sync::Arc<compare::Comparison<'a>> {
        let corpus: &'a Corpus = self.corpus;
        let mut made = self
            .compared
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, c)) = made.iter().find(|(key, _)| *key == (u, r)) {
            return std::sync::Arc::clone(c);
        }
        let unit = &corpus.units[u];
        let c = std::sync::Arc::new(compare::comparison(self, unit, &unit.records[r]));
        made.push(((u, r), std::sync::Arc::clone(&c)));
        c
    }

    /// Renders one planned file: a page or data file as text, a workbook as bytes.
    pub(crate) fn render_bytes(&self, planned: &Planned) -> Result<Vec<u8>> {
        match planned.page {
            Page::JuesuanXlsx(u, r) => {
                let unit = &self.corpus.units[u];
                juesuan::xlsx(self, unit, &unit.records[r])
            }
            _ => self.render(planned).map(String::into_bytes),
        }
    }

    /// Renders one planned page.
    fn render(&self, planned: &Planned) -> Result<String> {
        let path = planned.path.as_str();
        match planned.page {
            Page::Index => {
                let (shell, page) = index::view(self, path);
                self.renderer
                    .render("index.html", &View { shell, page: &page })
            }
            Page::Unit(u) => {
                let (shell, page) = unit::view(self, path, &self.corpus.units[u]);
                self.renderer
                    .render("unit.html", &View { shell, page: &page })
            }
            Page::UnitYear(u, r) => {
                let unit = &self.corpus.units[u];
                let (shell, page) = unit_year::view(self, path, unit, &unit.records[r]);
                self.renderer
                    .render("unit_year.html", &View { shell, page: &page })
            }
            Page::Year(y) => {
                let (shell, page) = year::view(self, path, y);
                self.renderer
                    .render("year.html", &View { shell, page: &page })
            }
            Page::RecordJson(u, r) => data::record_json(self, &self.corpus.units[u].records[r]),
            Page::CardCsv(u, r, c) => {
                let (card, score) = self.card(u, r, c);
                Ok(card
                    .map(|card| data::card_csv(card, score))
                    .unwrap_or_default())
            }
            Page::Sitemap => Ok(data::sitemap(
                self.site.base_url.as_deref().unwrap_or_default(),
                &self.paths,
            )),
            Page::Juesuan(u, r) => {
                let unit = &self.corpus.units[u];
                let (shell, page) = juesuan::view(self, path, unit, &unit.records[r])?;
                self.renderer
                    .render("juesuan.html", &View { shell, page: &page })
            }
            Page::JuesuanCsv(u, r, n) => juesuan::csv(self, &self.corpus.units[u].records[r], n),
            Page::JuesuanXlsx(..) => Err(crate::error::Error::Usage(crate::lang::pick(
                "内部错误：Excel 表按字节生成（render_bytes），不按文本生成",
                "a workbook is rendered as bytes (render_bytes), not as text",
            ))),
            Page::NotFound => self.renderer.render(
                "404.html",
                &View {
                    shell: Shell::not_found(&self.site),
                    page: &(),
                },
            ),
            Page::ExecutionCsv(u, r, c) => {
                let record = &self.corpus.units[u].records[r];
                let (card, score) = self.card(u, r, c);
                let unit = record.amount_unit.label();
                Ok(data::execution_csv(card, score, record.template, unit))
            }
            Page::TargetsFundsCsv(u, r) => {
                let record = &self.corpus.units[u].records[r];
                let funds = record.targets.as_ref().and_then(|t| t.funds.as_ref());
                Ok(funds
                    .map(|f| targets::funds_csv(f, record.amount_unit.label()))
                    .unwrap_or_default())
            }
            Page::TargetsGoalsCsv(u, r) => {
                let record = &self.corpus.units[u].records[r];
                Ok(record
                    .targets
                    .as_ref()
                    .map(targets::goals_csv)
                    .unwrap_or_default())
            }
            Page::AccountsCsv(u, r) => Ok(accounts::accounts_csv(&self.corpus.units[u].records[r])),
            Page::Search => self.renderer.render(
                "search.html",
                &View {
                    shell: Shell::for_page(&self.site, path, "搜索"),
                    page: &(),
                },
            ),
            // The search index is built from every unit by the build, which writes its files
            // itself (`stream`): `pages` knows nothing of search (issue 20).
            Page::SearchMeta | Page::SearchShard(_) => {
                Err(crate::error::Error::Usage(crate::lang::pick(
                    "内部错误：搜索索引文件由生成过程直接写出，不由页面生成",
                    "the search index files are written by the build, not rendered as pages",
                )))
            }
            Page::Compare(u, r) => {
                let unit = &self.corpus.units[u];
                let c = self.comparison(u, r);
                let (shell, page) = compare::view(self, path, unit, &unit.records[r], &c);
                self.renderer
                    .render("compare.html", &View { shell, page: &page })
            }
            Page::CompareJson(u, r) => compare_data::compare_json(&self.comparison(u, r)),
            Page::CompareCsv(u, r, table) => {
                Ok(compare_data::compare_csv(&self.comparison(u, r), table))
            }
            Page::TrendCsv(u) => Ok(trend::trend_csv(self, &self.corpus.units[u])),
            Page::Measure(m, MeasureOut::Html) => {
                let (shell, page) = measure::view(self, path, m);
                self.renderer
                    .render("measure.html", &View { shell, page: &page })
            }
            Page::Review => {
                let (shell, page) = review::view(self, path);
                self.renderer
                    .render("review.html", &View { shell, page: &page })
            }
            Page::FindingsCsv => Ok(review::findings_csv(self)),
            Page::FindingsJson => review::findings_json(self),
            Page::Measure(m, MeasureOut::Json) => measure::measure_json(self, m),
            Page::Measure(m, MeasureOut::Csv) => Ok(measure::measure_csv(self, m)),
        }
    }

    /// The `c`-th scorecard table of a record (the 部门整体 table first) and its scores.
    fn card(&self, u: usize, r: usize, c: usize) -> (Option<&Scorecard>, Option<&CardScore>) {
        let record = &self.corpus.units[u].records[r];
        let card = record
            .self_evaluation
            .iter()
            .chain(record.projects.iter())
            .nth(c);
        let score = self
            .score(record)
            .and_then(|s| s.self_evaluation.iter().chain(s.projects.iter()).nth(c));
        (card, score)
    }

    /// The scores of a record.
    fn score(&self, record: &Record) -> Option<&RecordScore> {
        self.scores.get(&record.unit, record.year)
    }

    /// The headline of a record's main figures, marked where past the thresholds on the
    /// internal profile.
    pub(crate) fn headline_for(&self, m: &summary::MainFigures) -> Headline {
        let mut h = headline_of(m);
        if self.profile == Profile::Internal {
            mark_breaches(&mut h, m, &self.corpus.site.thresholds);
        }
        h
    }

    /// A record's 填报人 and phone on the internal profile; empty on the public one.
    fn contact(&self, record: &Record) -> String {
        match (&record.contact, self.profile) {
            (Some(c), Profile::Internal) => summary::contact_line(c),
            _ => String::new(),
        }
    }

    /// The findings of a record, or none under the public profile.
    fn findings(&self, record: &Record) -> Vec<findings::Numbered<'_>> {
        if self.profile == Profile::Public {
            return Vec::new();
        }
        findings::numbered(
            self.report
                .findings
                .iter()
                .filter(|f| f.unit == record.unit && f.year == record.year),
        )
    }
}

/// The headline figures of one record (its 部门整体 table, else its first project table).
#[derive(Serialize, Clone)]
pub(crate) struct Headline {
    pub(crate) reported: String,
    pub(crate) reported_sort: String,
    pub(crate) rule: String,
    pub(crate) rule_sort: String,
    /// Why the rule score is 未重算, shown beside it; empty when it was recomputed (issue 16).
    pub(crate) rule_note: String,
    pub(crate) execution: String,
    pub(crate) execution_sort: String,
    pub(crate) completion: String,
    pub(crate) completion_sort: String,
    /// A 执行率 past the site's thresholds, in words ("低于 90%", "超过 100%"); internal
    /// profile only, empty otherwise (issue 19).
    pub(crate) execution_mark: String,
    /// "高于规则得分" when the reported score is above the rule's; internal profile only.
    pub(crate) reported_mark: String,
}

pub(crate) fn headline(score: Option<&RecordScore>) -> Headline {
    headline_of(&summary::MainFigures::of(score))
}

/// The headline of a record's main figures.
pub(crate) fn headline_of(m: &summary::MainFigures) -> Headline {
    let (reported, rule, execution, completion) = (m.reported, m.rule, m.execution, m.completion);
    Headline {
        reported: opt(reported, fmt_score),
        reported_sort: raw(reported),
        rule: rule_text(m),
        rule_sort: raw(rule),
        rule_note: m
            .not_recomputed
            .map(|n| n.note())
            .unwrap_or_default()
            .to_owned(),
        execution: opt(execution, fmt_pct),
        execution_sort: raw(execution.map(Pct::percent)),
        completion: match (completion, m.not_recomputed) {
            (None, Some(NotRecomputed::Incomplete)) => {
                partial_text(m.visible_completion.map(fmt_pct))
            }
            _ => opt(completion, fmt_pct),
        },
        completion_sort: raw(completion.map(Pct::percent)),
        execution_mark: String::new(),
        reported_mark: String::new(),
    }
}

/// Marks the figures of `h` past the thresholds `t` (the review desk's marks in the tables,
/// issue 19): a 执行率 below `execution_low` or above 100 %, a reported score above the rule's.
pub(crate) fn mark_breaches(h: &mut Headline, m: &summary::MainFigures, t: &Thresholds) {
    if let Some(e) = m.execution.map(Pct::percent) {
        if e < t.execution_low {
            h.execution_mark = format!("低于 {}%", t.execution_low.normalize());
        } else if e > Dec::from_int(100) {
            h.execution_mark = "超过 100%".to_owned();
        }
    }
    if let (Some(reported), Some(rule)) = (m.reported, m.rule)
        && reported > rule
    {
        h.reported_mark = "高于规则得分".to_owned();
    }
}

/// The rule total as shown: "未重算" when the table has one that could not be recomputed,
/// never the reported score in its place (issue 16); "—" without a table.
pub(crate) fn rule_text(m: &summary::MainFigures) -> String {
    match (m.rule, m.not_recomputed) {
        (Some(r), _) => fmt_score(r),
        (None, Some(NotRecomputed::Incomplete)) => partial_text(m.visible_rule.map(fmt_score)),
        (None, Some(_)) => NOT_RECOMPUTED.to_owned(),
        (None, None) => "—".to_owned(),
    }
}

/// A figure of a partial table as shown: "92（截至可见部分）", or "原文不全" without one.
pub(crate) fn partial_text(shown: Option<String>) -> String {
    match shown {
        Some(s) => format!("{s}（{PARTIAL}）"),
        None => "原文不全".to_owned(),
    }
}

/// What marks a figure of the visible part of a cut table (issue 16).
pub(crate) const PARTIAL: &str = "截至可见部分";

/// What a rule score that could not be recomputed reads as on the pages (issue 16).
pub(crate) const NOT_RECOMPUTED: &str = "未重算";

/// A narrative's Markdown without the first `# ` heading, the one its title was read from: the
/// page prints the title as the section's heading, and printed it twice before (issue 16).
pub(crate) fn untitled(markdown: &str) -> String {
    let mut seen = false;
    let lines: Vec<&str> = markdown
        .lines()
        .filter(|l| {
            let title = !seen && l.starts_with("# ");
            seen |= title;
            !title
        })
        .collect();
    lines.join("\n")
}

/// What a record publishes, in words: `部门整体自评表、项目自评表 5 张、部门决算`.
pub(crate) fn contents(record: &Record) -> String {
    let mut parts = Vec::new();
    if record.self_evaluation.is_some() {
        parts.push("部门整体自评表".to_owned());
    }
    if !record.projects.is_empty() {
        parts.push(format!("项目自评表 {} 张", record.projects.len()));
    }
    if record.final_accounts.is_some() {
        parts.push("部门决算".to_owned());
    }
    if record.targets.is_some() {
        parts.push("绩效目标申报表".to_owned());
    }
    if record.report.is_some() {
        parts.push("绩效自评报告".to_owned());
    }
    parts.join("、")
}

/// A formatted optional value; "—" when missing.
pub(crate) fn opt<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map_or_else(|| "—".to_owned(), f)
}

/// The raw value for `data-sort`; empty when missing.
pub(crate) fn raw(v: Option<Dec>) -> String {
    v.map(|d| d.normalize().to_string()).unwrap_or_default()
}

/// The shell of a page below a record's page (决算, 年度比较): its crumbs lead to the unit and
/// the record, then name this page.
pub(crate) fn record_shell(
    ctx: &Ctx<'_>,
    path: &str,
    title: &str,
    unit: &Unit,
    year: Year,
    crumb: &str,
) -> Shell {
    let id = unit.id.as_str();
    Shell::for_page(&ctx.site, path, title)
        .crumb(&unit.name, Some(&crate::plan::unit_path(id)))
        .crumb(
            &year_label(year),
            Some(&crate::plan::unit_year_path(id, year)),
        )
        .crumb(crumb, None)
}

/// The 资料来源 line of a record: its title as printed, or what the document does not print
/// (issue 16: a title or year the document omits is said, never made up).
pub(crate) fn source_line(record: &Record) -> Option<String> {
    let s = record.source.as_ref()?;
    let mut line = s
        .title
        .clone()
        .unwrap_or_else(|| "原文未印出标题".to_owned());
    if s.not_printed.iter().any(|w| w == "year") {
        line.push_str(&format!("（原文未印出年度，{}年度据文件名）", record.year));
    }
    Some(line)
}

/// What a page says above a table the document cuts off (issue 16): where it stops, and that
/// its totals are partial.
pub(crate) fn incomplete_note(at: &str) -> String {
    format!(
        "原文不全：{at}。本表合计、小计、完成率与等级均截至可见部分，不是全表数字，不参与排名。"
    )
}

/// `2023年`.
pub(crate) fn year_label(y: Year) -> String {
    format!("{y}年")
}
