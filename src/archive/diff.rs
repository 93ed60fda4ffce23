//! `gongkai diff <old> <new>`: what changed between two publications.
//!
//! In: two sides, each a snapshot folder (it holds `manifest.json`) or a content folder (built
//! in memory with the public profile, as `archive` would store it). Out: a [`DiffReport`]:
//! records added or removed, every figure that changed in the published record JSON
//! (`data/<unit>/<year>.json`, leaf by leaf, named in Chinese where the field has a name), and
//! the pages added, removed or changed. Compares data, never HTML text, except to set apart
//! the pages that differ only by the build date in their footer (`dates`): the same content
//! built on another day. Only reads.

mod dates;
mod leaves;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::manifest::{MANIFEST, Manifest, SITE};
use crate::epoch::Epoch;
use crate::error::{Error, Result};
use crate::fs;
use crate::lang::pick;
use crate::model::Profile;
use crate::pipeline::{BuildOptions, build_site_files};
use leaves::{leaves, natural};

/// The files of one published site: relative path → bytes.
pub type SiteFiles = BTreeMap<String, Vec<u8>>;

/// One figure that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureChange {
    /// Unit id.
    pub unit: String,
    /// Year.
    pub year: String,
    /// Field path in the record JSON (`record.final_accounts.expenditure.total`).
    pub field: String,
    /// Chinese label (`支出合计`, `目标1 › 办结率 得分`, `自评总分（计算）`); the last key of
    /// the path when the field has no Chinese name, never the whole path.
    pub label: String,
    /// Old value as text (`—` for none).
    pub old: String,
    /// New value as text.
    pub new: String,
}

/// Everything that changed between two sites.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DiffReport {
    /// `unit/year` of records only in the new site.
    pub records_added: Vec<String>,
    /// `unit/year` of records only in the old site.
    pub records_removed: Vec<String>,
    /// Figures that changed in records present on both sides.
    pub figures: Vec<FigureChange>,
    /// Pages only in the new site.
    pub pages_added: Vec<String>,
    /// Pages only in the old site.
    pub pages_removed: Vec<String>,
    /// Pages on both sides with other bytes, beyond the footer's build date.
    pub pages_changed: Vec<String>,
    /// Pages on both sides that differ only by the build date in their footer (issue 19).
    pub pages_date_only: Vec<String>,
    /// The footer dates of the first of `pages_date_only`, old and new (`None`: no date).
    pub footer_dates: Option<(Option<String>, Option<String>)>,
}

impl DiffReport {
    /// True when the two sites are byte-identical.
    pub fn is_empty(&self) -> bool {
        *self == DiffReport::default()
    }

    /// For people: records first, figure by figure, then pages, the counts, and how many pages
    /// differ only by their footer's build date (not listed one by one).
    pub fn to_human(&self) -> String {
        let mut out = String::new();
        for r in &self.records_added {
            out.push_str(&format!(
                "+ {} {}\n",
                pick("记录", "record"),
                r.replace('/', " ")
            ));
        }
        for r in &self.records_removed {
            out.push_str(&format!(
                "- {} {}\n",
                pick("记录", "record"),
                r.replace('/', " ")
            ));
        }
        for f in &self.figures {
            out.push_str(&format!(
                "{} {} {} {} → {}  [{}]\n",
                f.unit, f.year, f.label, f.old, f.new, f.field
            ));
        }
        for (sign, list) in [
            ("+", &self.pages_added),
            ("-", &self.pages_removed),
            ("~", &self.pages_changed),
        ] {
            for p in list {
                out.push_str(&format!("{sign} {} {p}\n", pick("页面", "page")));
            }
        }
        let (figures, added, removed) = (
            self.figures.len(),
            self.records_added.len(),
            self.records_removed.len(),
        );
        let (changed, pages_added, pages_removed) = (
            self.pages_changed.len(),
            self.pages_added.len(),
            self.pages_removed.len(),
        );
        out.push_str(&pick(
            format!(
                "{figures} 个数字有变化，新增 {added} 条记录，删除 {removed} 条；\
                 {changed} 个页面有变化，新增 {pages_added} 个，删除 {pages_removed} 个\n"
            ),
            format!(
                "{figures} figure(s) changed, {added} record(s) added, {removed} removed; \
                 {changed} page(s) changed, {pages_added} added, {pages_removed} removed\n"
            ),
        ));
        if let Some((old, new)) = &self.footer_dates {
            let n = self.pages_date_only.len();
            let shown = |d: &Option<String>| d.clone().unwrap_or_else(|| pick("无", "none"));
            let (old, new) = (shown(old), shown(new));
            out.push_str(&pick(
                format!("另有 {n} 个页面仅页脚生成日期不同（{old} → {new}），未列出\n"),
                format!(
                    "{n} more page(s) differ only by the footer's build date ({old} → {new}); not listed\n"
                ),
            ));
        }
        out
    }

    /// Stable JSON for tools.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// Both sides of a diff. A content folder is built with `epoch` when one is given (from
/// `SOURCE_DATE_EPOCH`), else with the epoch a snapshot on the other side was built with: its
/// pages carry that date, and a date is not a change of the publication.
pub fn load_sides(old: &Path, new: &Path, epoch: Option<Epoch>) -> Result<(SiteFiles, SiteFiles)> {
    let epoch = match epoch {
        Some(epoch) => Some(epoch),
        None => snapshot_epoch(old)?.or(snapshot_epoch(new)?),
    };
    Ok((load_side(old, epoch)?, load_side(new, epoch)?))
}

/// Verifies each side that is a snapshot (a content folder has nothing to verify) before
/// anything is compared: `Some(text)` naming every added, removed or modified file of every
/// snapshot that is not intact, as `verify` prints it; `None` when all are intact.
///
/// Issue 15: a corrupted record JSON used to be read as a record "added", and a tampered
/// snapshot as "0 figure(s) changed", both with exit 0.
pub fn verify_sides(old: &Path, new: &Path) -> Result<Option<String>> {
    let mut text = String::new();
    let mut altered = 0;
    for side in [old, new] {
        if fs::symlink_metadata(&side.join(MANIFEST))?.is_none() {
            continue;
        }
        let report = super::verify::verify(side)?;
        if !report.intact() {
            altered += 1;
            text.push_str(&report.to_human(side));
        }
    }
    if altered == 0 {
        return Ok(None);
    }
    text.push_str(&pick(
        format!(
            "diff：没有比较：{altered} 个存档不完好（从被改动过的存档读出的数字不可信）\n"
        ),
        format!(
            "diff: nothing compared: {altered} snapshot(s) not intact (a figure read from an altered snapshot cannot be trusted)\n"
        ),
    ));
    Ok(Some(text))
}

/// The `SOURCE_DATE_EPOCH` a snapshot was built with; `None` for a content folder or a snapshot
/// built without one.
fn snapshot_epoch(path: &Path) -> Result<Option<Epoch>> {
    let manifest = path.join(MANIFEST);
    if fs::symlink_metadata(&manifest)?.is_none() {
        return Ok(None);
    }
    let manifest = Manifest::parse(&fs::read(&manifest)?, &manifest.display().to_string())?;
    Ok(manifest.source_date_epoch.map(Epoch))
}

/// The site of one side: a snapshot's `site/` as stored, or a content folder built (into a temporary folder).
pub fn load_side(path: &Path, epoch: Option<Epoch>) -> Result<SiteFiles> {
    if fs::symlink_metadata(&path.join(MANIFEST))?.is_some() {
        let site = path.join(SITE);
        let mut files = SiteFiles::new();
        for entry in fs::walk_sorted_all(&site)? {
            if entry.kind == fs::EntryKind::File {
                files.insert(entry.names.join("/"), fs::read(&entry.path)?);
            }
        }
        return Ok(files);
    }
    if fs::symlink_metadata(&path.join("_site.yaml"))?.is_none() {
        let shown = path.display();
        return Err(Error::Usage(pick(
            format!(
                "`{shown}` 既不是存档（没有 `{MANIFEST}`），也不是内容文件夹（没有 `_site.yaml`）"
            ),
            format!(
                "`{shown}` is neither a snapshot (no `{MANIFEST}`) nor a content folder (no `_site.yaml`)"
            ),
        )));
    }
    let opts = BuildOptions {
        content: path.to_owned(),
        output: std::path::PathBuf::new(),
        theme: None,
        profile: Some(Profile::Public),
        strict: false,
        epoch,
    };
    let site = build_site_files(&opts)?.unwrap_or_else(|| crate::pipeline::RenderedSite {
        files: Vec::new(),
        findings: 0,
    });
    Ok(site.files.into_iter().map(|f| (f.path, f.bytes)).collect())
}

/// Compares two sites.
///
/// Errors: `Err(sentence)` naming a record JSON (`data/<unit>/<year>.json`) of either side that is
/// not valid JSON: a site gongkai wrote always has valid ones, so the snapshot was altered
/// together with its checksums (issue 15: such a record used to be compared as "added").
pub fn diff(old: &SiteFiles, new: &SiteFiles) -> std::result::Result<DiffReport, String> {
    let mut report = DiffReport::default();
    for (path, bytes) in new {
        match old.get(path) {
            None => report.pages_added.push(path.clone()),
            Some(o) if o != bytes => match dates::only_footer_date(o, bytes) {
                Some(footer) => {
                    report.pages_date_only.push(path.clone());
                    report.footer_dates.get_or_insert(footer);
                }
                None => report.pages_changed.push(path.clone()),
            },
            Some(_) => {}
        }
    }
    report.pages_removed = old
        .keys()
        .filter(|p| !new.contains_key(*p))
        .cloned()
        .collect();

    let records = |files: &SiteFiles| -> std::result::Result<BTreeMap<String, Value>, String> {
        let mut records = BTreeMap::new();
        for (path, bytes) in files {
            let Some(key) = record_key(path) else {
                continue;
            };
            let value = serde_json::from_slice(bytes).map_err(|e| {
                pick(
                    format!("记录文件 {path} 不是有效的 JSON（{e}）"),
                    format!("the record file {path} is not valid JSON ({e})"),
                )
            })?;
            records.insert(key, value);
        }
        Ok(records)
    };
    let (old_records, new_records) = (records(old)?, records(new)?);
    for (key, new_value) in &new_records {
        let Some(old_value) = old_records.get(key) else {
            report.records_added.push(key.clone());
            continue;
        };
        let (unit, year) = key.split_once('/').unwrap_or((key.as_str(), ""));
        let (a, b) = (leaves(old_value), leaves(new_value));
        let fields: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        let mut changes: Vec<FigureChange> = fields
            .into_iter()
            .filter_map(|field| {
                let (o, n) = (a.get(field), b.get(field));
                (o.map(|l| &l.value) != n.map(|l| &l.value)).then(|| FigureChange {
                    unit: unit.to_owned(),
                    year: year.to_owned(),
                    field: field.clone(),
                    label: n.or(o).map(|l| l.label.clone()).unwrap_or_default(),
                    old: o.map_or_else(|| "—".to_owned(), |l| l.value.clone()),
                    new: n.map_or_else(|| "—".to_owned(), |l| l.value.clone()),
                })
            })
            .collect();
        changes.sort_by_cached_key(|c| natural(&c.field));
        report.figures.extend(changes);
    }
    report.records_removed = old_records
        .keys()
        .filter(|k| !new_records.contains_key(*k))
        .cloned()
        .collect();
    Ok(report)
}

/// `data/<unit>/<year>.json` → `<unit>/<year>`.
fn record_key(path: &str) -> Option<String> {
    let rest = path.strip_prefix("data/")?.strip_suffix(".json")?;
    let (unit, year) = rest.split_once('/')?;
    (!year.contains('/') && year.bytes().all(|b| b.is_ascii_digit()))
        .then(|| rest.to_owned())
        .filter(|_| !unit.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(json: &str) -> SiteFiles {
        SiteFiles::from([
            (
                "data/qingling/2023.json".to_owned(),
                json.as_bytes().to_vec(),
            ),
            ("index.html".to_owned(), b"<h1></h1>".to_vec()),
        ])
    }

    #[test]
    fn a_changed_total_is_named_with_its_printed_name_and_both_values() {
        let old = site(r#"{"record":{"final_accounts":{"expenditure":{"total":"11092.59"}}}}"#);
        let new = site(r#"{"record":{"final_accounts":{"expenditure":{"total":"11093.59"}}}}"#);
        let report = diff(&old, &new).expect("valid records");
        assert_eq!(report.figures.len(), 1);
        assert!(
            report.to_human().starts_with("qingling 2023 支出合计 11092.59 → 11093.59  [record.final_accounts.expenditure.total]\n"),
            "{}",
            report.to_human()
        );
        assert_eq!(report.pages_changed, ["data/qingling/2023.json"]);
    }

    #[test]
    fn issue19_pages_built_on_another_day_are_counted_apart_with_their_dates() {
        let page = |d: &str| {
            format!("<main>1</main>\n<footer>\n<p>生成日期：<time datetime=\"{d}\">{d}</time></p>\n</footer>\n")
                .into_bytes()
        };
        let old = SiteFiles::from([("index.html".to_owned(), page("2024-06-30"))]);
        let new = SiteFiles::from([("index.html".to_owned(), page("2025-01-01"))]);
        let report = diff(&old, &new).expect("valid records");
        assert!(report.pages_changed.is_empty());
        assert_eq!(report.pages_date_only, ["index.html"]);
        assert!(
            report.to_human().ends_with(
                "0 个页面有变化，新增 0 个，删除 0 个\n另有 1 个页面仅页脚生成日期不同（2024-06-30 → 2025-01-01），未列出\n"
            ),
            "{}",
            report.to_human()
        );
    }

    #[test]
    fn identical_sites_have_an_empty_diff_and_records_are_added_by_key() {
        let a = site("{}");
        assert!(diff(&a, &a).expect("valid records").is_empty());
        let mut b = a.clone();
        b.insert("data/huashan/2020.json".to_owned(), b"{}".to_vec());
        let report = diff(&a, &b).expect("valid records");
        assert_eq!(report.records_added, ["huashan/2020"]);
        assert_eq!(report.pages_added, ["data/huashan/2020.json"]);
    }
}
