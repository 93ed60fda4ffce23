//! gongkai (公开): a static site generator for Chinese public-budget disclosure.
//!
//! The pipeline, one stage a module, each a function from owned data to owned data:
//!
//! ```text
//! load (parse every content file, keep every diagnostic) → validate → score → check (audit)
//!   → compare → plan → render → write (temp dir → atomic swap)
//! ```
//!
//! Only `load` and `output` touch the file system (through `fs`); only `load` and `render` run
//! in parallel, and parallelism never changes a byte of output.
//!
//! There is one build path, `stream` (run by `pipeline`): each unit is loaded, scored, checked,
//! planned, rendered and written in turn, then the pages over every unit from per-unit
//! summaries; `archive` and `diff` build through it into a temporary folder. The modules import
//! downwards only (issue 20):
//!
//! ```text
//! main → pipeline → stream → search, cache → pages → (plan, compare, chart, render)
//!                                              → (load, score, check, model) → output, fs
//! ```
//!
//! `plan` (URLs and paths) and `compare` never import `pages`; `pages` never imports `search`
//! (the build writes the search index files itself).
//!
//! Glossary (Chinese term → name in code):
//! - 预算数 (A) → `budget`; 执行数 (B) → `actual`; 执行率 = B/A → `execution rate`
//! - 年度绩效目标 → `goal`; 三级指标 → `indicator`; 分值 → `weight`; 得分 → `score`
//! - 自评得分 as printed → `reported`; gongkai's recomputation → `rule`
//! - 完成率 (indicators met ÷ indicators) → `completion`
//! - 年初目标值 / 实际完成值 as printed → `Measure` (`text`; `comparator`, `number`, `unit` read from
//!   it); a bare 实际完成值 against a 目标值 in % reads as % (`98` against `≥95%`, issue 16)
//! - 部门决算 → `final_accounts`; 类/款/项 → `class`/`section`/`item`; 年初预算 → `budget`
//! - 基本支出 → `basic` (人员经费 `personnel`, 公用经费 `public`); 项目支出 → `project`
//! - "三公"经费 → `three_public`; 机关运行经费 → `operating_costs`; 政府采购 → `procurement`
//! - 绩效目标申报表 → `targets`

pub mod archive;
mod cache;
#[allow(dead_code, reason = "filled in by the site issue")]
mod chart;
mod check;
mod compare;
pub mod epoch;
mod error;
mod fs;
mod glossary;
pub mod import;
pub mod lang;
mod load;
pub mod model;
#[allow(dead_code, reason = "filled in by the site issue")]
mod output;
mod pages;
mod pipeline;
mod plan;
mod progress;
#[allow(dead_code, reason = "filled in by the site issue")]
mod render;
pub mod scaffold;
mod score;
pub mod search;
pub mod serve;
mod stream;
#[doc(hidden)] // The benchmark's synthetic corpus: examples/synth.rs and tests/cli/synth.rs.
pub mod synth;
pub mod term;

pub use check::{Checked, Finding, Report, check, check_content, check_paths};
pub use error::{Diagnostic, Diagnostics, Error, Location, Result};
pub use load::load;
#[doc(hidden)]
pub use load::parse_record;
pub use load::schema::{record_schema, site_schema, unit_schema};
#[doc(hidden)] // For tests/cli/output.rs until the build pipeline calls `write_site`.
pub use output::{Fault, OutputEnv, RenderedFile, WriteSummary, write_site, write_site_in};
#[doc(hidden)] // For tests/cli/streaming.rs: a file system that refuses hard links.
pub use pipeline::build_with_fault;
pub use pipeline::{
    BuildOptions, BuildSummary, RenderedSite, Verbosity, build, build_site_files, build_with,
};
pub use render::{Crumb, NavItem, Renderer, Shell, Site, Theme, markdown_to_html, root_for};
pub use score::{CorpusScores, RecordScore, score_corpus};
