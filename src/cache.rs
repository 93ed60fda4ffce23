//! The build cache: which output files an incremental build may take over from the previous
//! site instead of rendering them again.
//!
//! In: what a build renders from (theme, site settings, each unit's folder and findings) and
//! the cache manifest the previous build left in the output (`.gongkai-cache.json`). Out: a
//! key per file, and the previous build's files with their keys. Reads only the unit folders
//! (to hash them); never writes (the output writer does), and never trusts a manifest from
//! another gongkai version, theme or site setting (then nothing is taken over).
//!
//! Dependencies, coarse on purpose so that no change is ever missed:
//! - The *global key* covers the gongkai version, every template and static file of the theme,
//!   the site file, the site-wide facts every page shows (title, years in the navigation, base
//!   URL, data date), the profile and the content folder. Any change rebuilds everything.
//! - Every file that belongs to one unit (its unit page, and each record's page, 决算 page,
//!   JSON and CSV files) is keyed by its *unit key*: the bytes of every file in the unit's
//!   folder (unit file, records, narratives), and the findings about it. Editing one record
//!   re-renders the pages of that unit only. A search document is keyed by its unit's key, its
//!   number and its year (adding a record renumbers the documents after it).
//! - Pages over many units (index, year pages, cross-unit comparisons, search postings,
//!   sitemap) are keyed by all unit keys together: any change anywhere re-renders them. The 404 page and the theme's
//!   static files depend on the global key only.
//!
//! A key is a SHA-256 over those bytes and the `Debug` text of those values; the model holds
//! no hash maps, so that text is deterministic.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::check::Finding;
use crate::fs::EntryKind;
use crate::model::{Profile, Unit};
use crate::render::Renderer;

/// Version of the manifest format; another value is ignored as a whole.
const FORMAT: u32 = 2;

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
/// the findings about it. Scores are computed from the records alone, so the files cover them.
/// `None` when the folder cannot be read (then its files are always rendered).
pub(crate) fn unit_key(
    global: &str,
    content_dir: &Path,
    unit: &Unit,
    findings: &[Finding],
) -> Option<String> {
    let dir = content_dir.join(unit.id.as_str());
    let mut h = HashWriter::new();
    h.add(&global);
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

/// The global key: the gongkai version, every template and static file of the theme, the site
/// file, the site-wide facts every page shows (title, years in the navigation, base URL, data
/// date), the profile and the content folder. Any change rebuilds everything.
pub(crate) fn global_key(
    renderer: &Renderer,
    settings: &crate::model::Site,
    site: &crate::render::Site,
    profile: Profile,
    content_dir: &Path,
) -> String {
    let mut global = HashWriter::new();
    global.add(&env!("CARGO_PKG_VERSION"));
    global.add(&renderer.fingerprint());
    global.add(settings);
    global.add(site);
    global.add(&profile);
    global.add(&content_dir);
    global.hex()
}

/// The key of the pages over every unit: the global key and every unit key, in site order.
pub(crate) fn all_key(global: &str, units: &[Option<String>]) -> String {
    let mut all = HashWriter::new();
    all.add(&global);
    all.add(&units);
    all.hex()
}

/// The key of search document `n`: the page of year `year` of the unit keyed `unit` (the same
/// number may hold another of the unit's years once a record is added or removed).
pub(crate) fn doc_key(unit: &str, n: usize, year: crate::model::Year) -> String {
    let mut h = HashWriter::new();
    h.add(&unit);
    h.add(&n);
    h.add(&year);
    h.hex()
}

/// The files of the previous build that may be taken over: those of a manifest written by this
/// gongkai version for the same global key. Empty when the manifest is missing, unreadable or
/// from another build setting.
pub(crate) fn previous(global: &str, manifest: Option<&[u8]>) -> BTreeMap<String, Entry> {
    let Some(Ok(manifest)) = manifest.map(serde_json::from_slice::<Manifest>) else {
        return BTreeMap::new();
    };
    if manifest.format != FORMAT
        || manifest.gongkai != env!("CARGO_PKG_VERSION")
        || manifest.global != global
    {
        return BTreeMap::new();
    }
    manifest.files
}

/// The manifest of a build, listing every keyed file with its length.
pub(crate) fn manifest(global: &str, files: BTreeMap<String, Entry>) -> Vec<u8> {
    let manifest = Manifest {
        format: FORMAT,
        gongkai: env!("CARGO_PKG_VERSION").to_owned(),
        global: global.to_owned(),
        files,
    };
    // Serialising plain strings and numbers cannot fail; an empty manifest is ignored.
    serde_json::to_vec(&manifest).unwrap_or_default()
}
