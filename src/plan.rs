//! Stage 4a: the site plan. Every output page and its path, decided before rendering.
//!
//! In: one validated unit ([`unit_pages`]) or the site's years and settings ([`site_pages`]).
//! Out: lists of [`Planned`] pages, which the build sorts by output path so that rendering
//! (possibly in parallel) and writing happen in one fixed order; and every output path. Pure:
//! no IO, no rendering, no scores; imports neither `pages` nor `search` (issue 20).

use crate::model::{Profile, Record, Unit, Year};

/// Which page to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Page {
    /// `index.html`: every unit with its latest year.
    Index,
    /// `units/<id>/index.html`: one unit over its years (index into `Corpus::units`).
    Unit(usize),
    /// `units/<id>/<year>/index.html`: one record (unit index, record index).
    UnitYear(usize, usize),
    /// `years/<year>/index.html`: the units of one year.
    Year(Year),
    /// `404.html`.
    NotFound,
    /// `data/<id>/<year>.json`: a record with its computed figures.
    RecordJson(usize, usize),
    /// `data/<id>/<year>/<table>.csv`: one scorecard table (index into the record's tables:
    /// the 部门整体 table first when present, then the projects).
    CardCsv(usize, usize, usize),
    /// `sitemap.xml`, planned only when the site has a `base_url`.
    Sitemap,
    /// `units/<id>/<year>/juesuan.html`: the nine 决算 tables and charts, planned only for
    /// records with `final_accounts` (unit index, record index).
    Juesuan(usize, usize),
    /// `data/<id>/<year>/juesuan-<n>.csv`: one of the nine tables (n = 1..=9).
    JuesuanCsv(usize, usize, usize),
    /// `data/<id>/<year>/juesuan.xlsx`: the nine tables as one workbook.
    JuesuanXlsx(usize, usize),
    /// `data/<id>/<year>/<table>-execution.csv`: the 预算执行 block of a scorecard table that
    /// has one (indices as for `CardCsv`).
    ExecutionCsv(usize, usize, usize),
    /// `data/<id>/<year>/targets-funds.csv`: the 申报表's 部门总体资金情况.
    TargetsFundsCsv(usize, usize),
    /// `data/<id>/<year>/targets-goals.csv`: the 申报表's goals and indicators.
    TargetsGoalsCsv(usize, usize),
    /// `data/<id>/<year>/accounts-summary.csv`: the 决算 summary of the record's page.
    AccountsCsv(usize, usize),
    /// `search.html`: the search page.
    Search,
    /// `search/meta.js`: years, units, pages and shard count of the search index.
    SearchMeta,
    /// `search/t/<k>.js`: shard `k` of the search postings.
    SearchShard(usize),
    /// `units/<id>/<year>/compare.html`: a record against its prior year (unit, record).
    Compare(usize, usize),
    /// `data/<id>/<year>/compare.json`: that comparison's figures.
    CompareJson(usize, usize),
    /// `data/<id>/<year>/compare.csv` (figures) or `compare-indicators.csv` (indicators).
    CompareCsv(usize, usize, CompareTable),
    /// `data/<id>/trend.csv`: a unit's key figures across its years.
    TrendCsv(usize),
    /// `review.html` (internal profile only): every finding of the site.
    Review,
    /// `data/findings.csv` and `data/findings.json` (internal profile only): the same list.
    FindingsCsv,
    FindingsJson,
    /// `compare/<measure>.html` and its downloads: one figure across units and years (index
    /// into `compare::MEASURES`).
    Measure(usize, MeasureOut),
}

/// Which file of a cross-unit comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MeasureOut {
    /// The page.
    Html,
    /// `data/compare/<measure>.json`.
    Json,
    /// `data/compare/<measure>.csv`.
    Csv,
}

/// Which table of a comparison a CSV holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompareTable {
    /// Every comparable figure.
    Figures,
    /// Indicators matched across the two years.
    Indicators,
}

/// One page of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Planned {
    /// Relative, `/`-separated output path.
    pub(crate) path: String,
    /// What the page shows.
    pub(crate) page: Page,
}

/// How many tables a 决算 has (公开01–09表, one CSV each).
pub(crate) const JUESUAN_TABLES: usize = 9;

/// The output path of the review desk (internal profile).
pub(crate) const REVIEW_PATH: &str = "review.html";
/// The output path of every finding as CSV (internal profile).
pub(crate) const FINDINGS_CSV: &str = "data/findings.csv";
/// The output path of every finding as JSON (internal profile).
pub(crate) const FINDINGS_JSON: &str = "data/findings.json";

/// The path of the search index's metadata file, which every search page loads first.
pub(crate) const SEARCH_META_PATH: &str = "search/meta.js";

/// The output path of search shard `k`.
pub(crate) fn search_shard_path(k: usize) -> String {
    format!("search/t/{k}.js")
}

/// The output path of search page `n`'s result file.
pub(crate) fn search_doc_path(n: usize) -> String {
    format!("search/d/{n}.js")
}

/// The output path of a unit's page.
pub(crate) fn unit_path(id: &str) -> String {
    format!("units/{id}/index.html")
}

/// The output path of a record's page.
pub(crate) fn unit_year_path(id: &str, year: Year) -> String {
    format!("units/{id}/{year}/index.html")
}

/// The output path of a year's page.
pub(crate) fn year_path(year: Year) -> String {
    format!("years/{year}/index.html")
}

/// The output path of a record's JSON.
pub(crate) fn record_json_path(id: &str, year: Year) -> String {
    format!("data/{id}/{year}.json")
}

/// The id of a scorecard table on its page and in its CSV name: `self_evaluation`,
/// `projects-1`.
pub(crate) fn card_anchor(field: &str) -> String {
    field.replace(['[', '.'], "-").replace(']', "")
}

/// The output path of a table's CSV.
pub(crate) fn card_csv_path(id: &str, year: Year, field: &str) -> String {
    format!("data/{id}/{year}/{}.csv", card_anchor(field))
}

/// The output path of a record's 决算 page.
pub(crate) fn juesuan_path(id: &str, year: Year) -> String {
    format!("units/{id}/{year}/juesuan.html")
}

/// The output path of one 决算 table's CSV (n = 1..=9).
pub(crate) fn juesuan_csv_path(id: &str, year: Year, n: usize) -> String {
    format!("data/{id}/{year}/juesuan-{n}.csv")
}

/// The output path of a record's 决算 tables as one workbook (issue 18).
pub(crate) fn juesuan_xlsx_path(id: &str, year: Year) -> String {
    format!("data/{id}/{year}/juesuan.xlsx")
}

/// The output path of a table's 预算执行 CSV.
pub(crate) fn execution_csv_path(id: &str, year: Year, field: &str) -> String {
    format!("data/{id}/{year}/{}-execution.csv", card_anchor(field))
}

/// The output path of a record's other CSV files: `targets-funds`, `targets-goals`,
/// `accounts-summary` (names no scorecard anchor can take).
pub(crate) fn record_csv_path(id: &str, year: Year, name: &str) -> String {
    format!("data/{id}/{year}/{name}.csv")
}

/// The output path of a record's comparison with its prior year.
pub(crate) fn compare_path(id: &str, year: Year) -> String {
    format!("units/{id}/{year}/compare.html")
}

/// The output path of a comparison's JSON.
pub(crate) fn compare_json_path(id: &str, year: Year) -> String {
    format!("data/{id}/{year}/compare.json")
}

/// The output path of a comparison's CSV.
pub(crate) fn compare_csv_path(id: &str, year: Year, table: CompareTable) -> String {
    match table {
        CompareTable::Figures => format!("data/{id}/{year}/compare.csv"),
        CompareTable::Indicators => format!("data/{id}/{year}/compare-indicators.csv"),
    }
}

/// The output path of a unit's trend table CSV.
pub(crate) fn trend_csv_path(id: &str) -> String {
    format!("data/{id}/trend.csv")
}

/// The output path of a cross-unit comparison file.
pub(crate) fn measure_path(key: &str, out: MeasureOut) -> String {
    match out {
        MeasureOut::Html => format!("compare/{key}.html"),
        MeasureOut::Json => format!("data/compare/{key}.json"),
        MeasureOut::Csv => format!("data/compare/{key}.csv"),
    }
}

/// The 申报表 and 决算 CSV files of one record, each planned only when its table is shown.
fn record_csvs(id: &str, u: usize, r: usize, record: &Record) -> Vec<Planned> {
    let mut pages = Vec::new();
    let mut push = |name: &str, page: Page| {
        pages.push(Planned {
            path: record_csv_path(id, record.year, name),
            page,
        });
    };
    if let Some(t) = &record.targets {
        if t.funds.is_some() {
            push("targets-funds", Page::TargetsFundsCsv(u, r));
        }
        if !t.long_term_goals.is_empty() || !t.annual_goals.is_empty() {
            push("targets-goals", Page::TargetsGoalsCsv(u, r));
        }
    }
    if record.final_accounts.is_some() {
        push("accounts-summary", Page::AccountsCsv(u, r));
    }
    pages
}

/// The pages of one unit (the `u`-th of the corpus): its unit page, trend CSV, and each
/// record's pages and downloads; unsorted. Search documents are not among them.
pub(crate) fn unit_pages(u: usize, unit: &Unit) -> Vec<Planned> {
    let mut pages = vec![
        Planned {
            path: unit_path(unit.id.as_str()),
            page: Page::Unit(u),
        },
        Planned {
            path: trend_csv_path(unit.id.as_str()),
            page: Page::TrendCsv(u),
        },
    ];
    for (r, record) in unit.records.iter().enumerate() {
        pages.push(Planned {
            path: unit_year_path(unit.id.as_str(), record.year),
            page: Page::UnitYear(u, r),
        });
        pages.push(Planned {
            path: record_json_path(unit.id.as_str(), record.year),
            page: Page::RecordJson(u, r),
        });
        let cards = record.self_evaluation.iter().chain(record.projects.iter());
        for (c, card) in cards.enumerate() {
            pages.push(Planned {
                path: card_csv_path(unit.id.as_str(), record.year, &card.field),
                page: Page::CardCsv(u, r, c),
            });
            if card.execution.is_some() {
                pages.push(Planned {
                    path: execution_csv_path(unit.id.as_str(), record.year, &card.field),
                    page: Page::ExecutionCsv(u, r, c),
                });
            }
        }
        if record.final_accounts.is_some() {
            pages.push(Planned {
                path: juesuan_path(unit.id.as_str(), record.year),
                page: Page::Juesuan(u, r),
            });
            for n in 1..=JUESUAN_TABLES {
                pages.push(Planned {
                    path: juesuan_csv_path(unit.id.as_str(), record.year, n),
                    page: Page::JuesuanCsv(u, r, n),
                });
            }
            pages.push(Planned {
                path: juesuan_xlsx_path(unit.id.as_str(), record.year),
                page: Page::JuesuanXlsx(u, r),
            });
        }
        pages.extend(record_csvs(unit.id.as_str(), u, r, record));
        if crate::compare::has_prior(unit, record) {
            plan_compare(&mut pages, u, r, unit.id.as_str(), record.year);
        }
    }
    pages
}

/// The pages over the whole site, with `shards` search shards, over `years`; the cross-unit
/// comparisons only when the site has units, the sitemap only with a base URL, the review desk
/// only under the internal profile; unsorted. Search documents are not among them.
pub(crate) fn site_pages(
    years: &[Year],
    shards: usize,
    has_units: bool,
    sitemap: bool,
    profile: Profile,
) -> Vec<Planned> {
    let mut pages = vec![
        Planned {
            path: "index.html".to_owned(),
            page: Page::Index,
        },
        Planned {
            path: "404.html".to_owned(),
            page: Page::NotFound,
        },
    ];
    for year in years {
        pages.push(Planned {
            path: year_path(*year),
            page: Page::Year(*year),
        });
    }
    pages.push(Planned {
        path: "search.html".to_owned(),
        page: Page::Search,
    });
    pages.push(Planned {
        path: SEARCH_META_PATH.to_owned(),
        page: Page::SearchMeta,
    });
    for k in 0..shards {
        pages.push(Planned {
            path: search_shard_path(k),
            page: Page::SearchShard(k),
        });
    }
    if has_units {
        for (m, (key, _)) in crate::compare::MEASURES.iter().enumerate() {
            for out in [MeasureOut::Html, MeasureOut::Json, MeasureOut::Csv] {
                pages.push(Planned {
                    path: measure_path(key, out),
                    page: Page::Measure(m, out),
                });
            }
        }
    }
    if sitemap {
        pages.push(Planned {
            path: "sitemap.xml".to_owned(),
            page: Page::Sitemap,
        });
    }
    if profile == Profile::Internal {
        for (path, page) in [
            (REVIEW_PATH, Page::Review),
            (FINDINGS_CSV, Page::FindingsCsv),
            (FINDINGS_JSON, Page::FindingsJson),
        ] {
            pages.push(Planned {
                path: path.to_owned(),
                page,
            });
        }
    }
    pages
}

/// The comparison page of a record and its downloads.
fn plan_compare(pages: &mut Vec<Planned>, u: usize, r: usize, id: &str, year: Year) {
    pages.push(Planned {
        path: compare_path(id, year),
        page: Page::Compare(u, r),
    });
    pages.push(Planned {
        path: compare_json_path(id, year),
        page: Page::CompareJson(u, r),
    });
    for table in [CompareTable::Figures, CompareTable::Indicators] {
        pages.push(Planned {
            path: compare_csv_path(id, year, table),
            page: Page::CompareCsv(u, r, table),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::Corpus;

    /// Every year that has at least one record, ascending.
    fn years(corpus: &Corpus) -> Vec<Year> {
        let mut years: Vec<Year> = corpus
            .units
            .iter()
            .flat_map(|u| u.records.iter().map(|r| r.year))
            .collect();
        years.sort();
        years.dedup();
        years
    }

    /// Every page of the site for `profile` (search pages aside), sorted by path, composed as
    /// the streaming build composes it: the site pages, then each unit's.
    fn plan(corpus: &Corpus, profile: Profile) -> Vec<Planned> {
        let mut pages = site_pages(
            &years(corpus),
            crate::search::shard_count(crate::search::record_count(corpus)),
            !corpus.units.is_empty(),
            corpus.site.base_url.is_some(),
            profile,
        );
        for (u, unit) in corpus.units.iter().enumerate() {
            pages.extend(unit_pages(u, unit));
        }
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        pages
    }

    fn example() -> Corpus {
        crate::load::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .expect("the example content loads")
    }

    #[test]
    fn the_plan_is_sorted_by_path_without_duplicates() {
        let plan = plan(&example(), Profile::Public);
        let paths: Vec<&str> = plan.iter().map(|p| p.path.as_str()).collect();
        let mut sorted = paths.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(paths, sorted);
    }

    #[test]
    fn every_record_gets_a_page_a_json_file_and_one_csv_per_table() {
        let plan = plan(&example(), Profile::Public);
        let has = |p: &str| plan.iter().any(|x| x.path == p);
        assert!(has("index.html") && has("404.html") && has("years/2023/index.html"));
        assert!(has("units/qingling/index.html") && has("units/qingling/2023/index.html"));
        assert!(has("data/qingling/2023.json"));
        assert!(has("data/qingling/2023/self_evaluation.csv"));
        assert!(has("data/qingling/2023/projects-0.csv"));
        assert!(
            !has("data/qingling/2020/self_evaluation.csv"),
            "2020 is a 申报表 only"
        );
        assert!(has("data/qingling/2020/targets-funds.csv"));
        assert!(has("data/qingling/2020/targets-goals.csv"));
        assert!(
            !has("data/qingling/2023/targets-funds.csv"),
            "no 申报表 in 2023"
        );
        assert!(has("data/qingling/2023/self_evaluation-execution.csv"));
        assert!(has("data/qingling/2023/accounts-summary.csv"));
        assert!(!has("sitemap.xml"), "no base_url, no sitemap");
    }

    #[test]
    fn only_records_with_a_final_accounts_block_get_a_juesuan_page_and_nine_csvs() {
        let plan = plan(&example(), Profile::Public);
        let has = |p: &str| plan.iter().any(|x| x.path == p);
        assert!(has("units/qingling/2023/juesuan.html"));
        assert!(has("data/qingling/2023/juesuan-1.csv") && has("data/qingling/2023/juesuan-9.csv"));
        assert!(!has("data/qingling/2023/juesuan-10.csv"));
        assert!(
            !has("units/qingling/2020/juesuan.html"),
            "2020 is a 申报表 only"
        );
    }

    #[test]
    fn a_base_url_adds_the_sitemap() {
        let mut corpus = example();
        corpus.site.base_url = Some("https://example.gov.cn/".to_owned());
        assert!(
            plan(&corpus, Profile::Public)
                .iter()
                .any(|p| p.page == Page::Sitemap)
        );
    }

    #[test]
    fn card_anchors_are_safe_ids() {
        assert_eq!(card_anchor("self_evaluation"), "self_evaluation");
        assert_eq!(card_anchor("projects[3]"), "projects-3");
    }
}
