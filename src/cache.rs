//! The build cache: which output files an incremental build may take over from the previous
//! site instead of rendering them again.
//!
//! In: the page context of a build (corpus, scores, findings, theme, site settings) and the
//! cache manifest the previous build left in the output (`.gongkai-cache.json`). Out: a key
//! per planned file, and for each file whether the previous site holds it for the same key.
//! Never: reads or writes files itself (the output writer does), or trusts a manifest from
//! another gongkai version, theme or site setting (then nothing is taken over).
//!
//! Dependencies, coarse on purpose so that no change is ever missed:
//! - The *global key* covers the gongkai version, every template and static file of the theme,
//!   the site file, the site-wide facts every page shows (title, years in the navigation, base
//!   URL, data date), the profile and the content folder. Any change rebuilds everything.
//! - Every file that belongs to one unit (its unit page, and each record's page, 决算 page,
//!   JSON and CSV files) is keyed by its *unit key*: the bytes of every file in the unit's
//!   folder (unit file, records, narratives), and the findings about it. Editing one record
//!   re-renders the pages of that unit only.
//! - Pages over many units (index, year pages, sitemap) are keyed by all unit keys together:
//!   any change anywhere re-renders them (a handful of files). The 404 page and the theme's
//!   static files depend on the global key only.
//!
//! A key is a SHA-256 over those bytes and the `Debug` text of those values; the model holds
//! no hash maps, so that text is deterministic.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::check::Finding;
use crate::fs::EntryKind;
use crate::model::Unit;
use crate::pages::Ctx;
use crate::plan::{Page, Planned};

/// Version of the manifest format; another value is ignored as a whole.
const FORMAT: u32 = 1;

/// The manifest stored in the output.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: u32,
    gongkai: String,
    global: String,
    /// Output path → what it was rendered from and its length.
    files: BTreeMap<String, Entry>,
}

/// One cached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    /// The key of its inputs.
    pub(crate) key: String,
    /// Its length in bytes (a cheap check that the file was not replaced since).
    pub(crate) len: u64,
}

/// The keys of one build.
pub(crate) struct Keys {
    global: String,
    /// Over the global key and every unit key: pages over many units.
    all: String,
    /// `None` for a unit whose folder could not be read again: its files are always rendered.
    units: Vec<Option<String>>,
}

/// Feeds `Debug` text straight into a hash, without building the string.
struct HashWriter(Sha256);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

impl HashWriter {
    fn new() -> HashWriter {
        HashWriter(Sha256::new())
    }

    /// Adds one value, followed by a separator so that neighbours cannot run together.
    fn add(&mut self, value: &dyn std::fmt::Debug) {
        // Writing into a hash cannot fail.
        let _ = write!(self, "{value:?}\u{0}");
    }

    fn hex(self) -> String {
        self.0
            .finalize()
            .iter()
            .fold(String::with_capacity(64), |mut s, b| {
                let _ = write!(s, "{b:02x}");
                s
            })
    }
}

/// The key of one unit: the bytes of every file in its folder as the loader sees them (same
/// walk: sorted, hidden names skipped, two levels), the paths its records are shown with, and
/// the findings about it (which checks across units could change). Scores are computed from
/// the records alone, so the files cover them. `None` when the folder cannot be read.
fn unit_key(ctx: &Ctx<'_>, unit: &Unit, findings: &[&Finding]) -> Option<String> {
    let dir = ctx.content_dir.join(unit.id.as_str());
    let mut h = HashWriter::new();
    for entry in crate::fs::walk_sorted(&dir, 2).ok()? {
        h.add(&(&entry.names, entry.kind, entry.len));
        if entry.kind == EntryKind::File {
            let bytes = crate::fs::read(&entry.path).ok()?;
            h.0.update(&bytes);
        }
    }
    for record in &unit.records {
        h.add(&record.path);
    }
    for finding in findings {
        h.add(finding);
    }
    Some(h.hex())
}

impl Keys {
    /// Computes the global key and one key per unit (in parallel).
    pub(crate) fn new(ctx: &Ctx<'_>) -> Keys {
        let mut global = HashWriter::new();
        global.add(&env!("CARGO_PKG_VERSION"));
        global.add(&ctx.renderer.fingerprint());
        global.add(&ctx.corpus.site);
        global.add(&ctx.site);
        global.add(&ctx.profile);
        global.add(&ctx.content_dir);
        let mut by_unit: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for finding in &ctx.report.findings {
            by_unit
                .entry(finding.unit.as_str())
                .or_default()
                .push(finding);
        }
        let units = ctx
            .corpus
            .units
            .par_iter()
            .map(|unit| {
                let findings = by_unit.get(unit.id.as_str()).map_or(&[][..], Vec::as_slice);
                unit_key(ctx, unit, findings)
            })
            .collect::<Vec<Option<String>>>();
        let global = global.hex();
        let mut all = HashWriter::new();
        all.add(&global);
        all.add(&units);
        Keys {
            global,
            all: all.hex(),
            units,
        }
    }

    /// The key of the theme's static files (the global key).
    pub(crate) fn asset(&self) -> &str {
        &self.global
    }

    /// The key of a planned file.
    pub(crate) fn of(&self, planned: &Planned) -> Option<&str> {
        let unit = match planned.page {
            Page::NotFound => return Some(&self.global),
            // Pages over every unit; a search document's number depends on every unit too.
            Page::Index
            | Page::Year(_)
            | Page::Sitemap
            | Page::Measure(_, _)
            | Page::Search
            | Page::SearchMeta
            | Page::SearchShard(_)
            | Page::SearchDoc(_) => return Some(&self.all),
            Page::Unit(u)
            | Page::UnitYear(u, _)
            | Page::RecordJson(u, _)
            | Page::CardCsv(u, _, _)
            | Page::Juesuan(u, _)
            | Page::JuesuanCsv(u, _, _)
            | Page::ExecutionCsv(u, _, _)
            | Page::TargetsFundsCsv(u, _)
            | Page::TargetsGoalsCsv(u, _)
            | Page::AccountsCsv(u, _)
            | Page::Compare(u, _)
            | Page::CompareJson(u, _)
            | Page::CompareCsv(u, _, _)
            | Page::TrendCsv(u) => u,
        };
        self.units.get(unit)?.as_deref()
    }

    /// The files of the previous build that may be taken over: those of a manifest written by
    /// this gongkai version for the same global key. Empty when the manifest is missing,
    /// unreadable or from another build setting.
    pub(crate) fn previous(&self, manifest: Option<&[u8]>) -> BTreeMap<String, Entry> {
        let Some(Ok(manifest)) = manifest.map(serde_json::from_slice::<Manifest>) else {
            return BTreeMap::new();
        };
        if manifest.format != FORMAT
            || manifest.gongkai != env!("CARGO_PKG_VERSION")
            || manifest.global != self.global
        {
            return BTreeMap::new();
        }
        manifest.files
    }

    /// The manifest of the new build, listing every keyed file with its length.
    pub(crate) fn manifest(&self, files: BTreeMap<String, Entry>) -> Vec<u8> {
        let manifest = Manifest {
            format: FORMAT,
            gongkai: env!("CARGO_PKG_VERSION").to_owned(),
            global: self.global.clone(),
            files,
        };
        // Serialising plain strings and numbers cannot fail; an empty manifest is ignored.
        serde_json::to_vec(&manifest).unwrap_or_default()
    }
}
