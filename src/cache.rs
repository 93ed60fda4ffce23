//! The build cache: which output files an incremental build may take over from the previous
//! site instead of rendering them again.
//!
//! In: what a build renders from (theme, site settings, each unit's folder and findings), the
//! cache manifest the previous build left beside the output (`.gongkai-cache-<output>.json`,
//! never inside it: it counts findings, and a web server publishes the output as it is; issue
//! 15), and the stamps it left beside the output (`.gongkai-stamps-<output>.json`). Out: keys, the previous build's
//! files with their keys, and the bytes of the new manifest and stamps. Reads and writes no
//! file (the loader hashes each unit's files as it reads them; the output writer writes), and
//! never trusts a manifest from another gongkai version, theme or site setting, or stamps of
//! another manifest (then nothing is taken over).
//!
//! Dependencies, coarse on purpose so that no change is ever missed:
//! - The *global key* covers the gongkai version and build (a hash of its sources), every template and static file of the theme,
//!   the site file, the site-wide facts every page shows (title, years in the navigation, base
//!   URL, data date), the profile and the content folder. Any change rebuilds everything.
//! - Every file that belongs to one unit (its unit page, and each record's page, 决算 page,
//!   JSON and CSV files) is keyed by its *unit key*: the bytes of every file in the unit's
//!   folder (unit file, records, narratives), and the findings about it. Editing one record
//!   re-renders the pages of that unit only. A search document is taken over when its unit's
//!   key, its number and its year are unchanged (adding a record renumbers those after it).
//! - A unit whose content files all have the length and stamp (`fs::Stamp`: modification and
//!   status-change time, inode) the previous build saw, at least two seconds before that build
//!   started, is taken over without even being loaded: the manifest keeps its key, summary and
//!   files. Any other unit is loaded and its key computed from its bytes, as git's index trusts
//!   stamps and rehashes what is "racily" recent.
//! - Pages over many units (index, year pages, cross-unit comparisons, search postings,
//!   sitemap) are keyed by all unit keys together: any change anywhere re-renders them. The
//!   404 page and the theme's static files depend on the global key only.
//!
//! A key is a SHA-256 over those bytes and the `Debug` text of those values; the model holds
//! no hash maps, so that text is deterministic.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::check::Finding;
use crate::compare::FigureKind;
use crate::fs::Stamp;
use crate::model::{Dec, Pct, Profile, Unit, UnitId, Year};
use crate::pages::{FindingRow, MainFigures, MeasureValue, RecordSummary, UnitSummary};
use crate::render::Renderer;
use crate::score::NotRecomputed;

/// Version of the manifest format; another value is ignored as a whole.
const FORMAT: u32 = 3;

/// The manifest stored beside the output (after the seal line `output` adds).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: u32,
    gongkai: String,
    global: String,
    /// The files over every unit (index, year and comparison pages, search postings, theme
    /// files): path → what it was rendered from and its length.
    site: BTreeMap<String, Entry>,
    /// Every unit, in site order.
    units: Vec<UnitEntry>,
}

/// One unit in the manifest: enough to take its files over, and to render the pages over
/// every unit, without loading it again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UnitEntry {
    pub(crate) id: String,
    /// Its unit key.
    pub(crate) key: String,
    /// The number of its first search page.
    pub(crate) first_doc: usize,
    /// How many findings it has.
    pub(crate) findings: usize,
    /// What the pages over every unit show of it.
    pub(crate) summary: CachedSummary,
    /// Its files (pages, downloads and search pages) with their lengths.
    pub(crate) files: FileList,
}

/// Paths with lengths, in one allocation for the paths (a unit has about a hundred files,
/// and a build keeps the list of every unit until it writes the manifest): stored as a list
/// of `[path, length]` pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FileList {
    /// The paths, each followed by a newline (no path holds one).
    paths: String,
    lens: Vec<u64>,
}

impl FileList {
    /// Adds a file.
    pub(crate) fn push(&mut self, path: &str, len: u64) {
        self.paths.push_str(path);
        self.paths.push('\n');
        self.lens.push(len);
    }

    /// The files, in the order they were added.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.paths
            .split_terminator('\n')
            .zip(self.lens.iter().copied())
    }
}

impl Serialize for FileList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for FileList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let pairs = Vec::<(String, u64)>::deserialize(d)?;
        let mut list = FileList::default();
        for (path, len) in pairs {
            if path.contains('\n') {
                return Err(serde::de::Error::custom("a path holds a newline"));
            }
            list.push(&path, len);
        }
        Ok(list)
    }
}

/// The content files' stamps as a build read them, kept beside the output rather than in it
/// (stamps differ from machine to machine; the site, its manifest included, must not).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StampFile {
    format: u32,
    /// SHA-256 of the manifest of the build that read them: stamps of any other build are
    /// ignored.
    manifest: String,
    /// When that build started reading the content (ns since 1970): a file modified later
    /// than about then may have changed without its stamp showing it.
    started: u64,
    /// Unit id → its content files as the walk found them: path as shown, length, stamp.
    units: BTreeMap<String, Vec<(String, u64, Stamp)>>,
}

/// A unit's content files as a build found them: path as shown, length, stamp.
pub(crate) type Stamps = Vec<(String, u64, Stamp)>;

/// What a build may take over from the previous one.
#[derive(Debug, Default)]
pub(crate) struct Previous {
    /// When the previous build started reading the content (ns since 1970; 0 when unknown).
    pub(crate) started: u64,
    /// The files over every unit.
    pub(crate) site: BTreeMap<String, Entry>,
    /// Units by id.
    pub(crate) units: BTreeMap<String, UnitEntry>,
    /// The stamps of each unit's files as the previous build read them.
    pub(crate) stamps: BTreeMap<String, Stamps>,
}

/// How long before the previous build started a file must have been modified for its stamp
/// to be trusted (beyond any file system's clock resolution).
const RACY_NS: u64 = 2_000_000_000;

impl Previous {
    /// The previous entry of a unit whose content files are exactly `stamps` (paths, lengths
    /// and stamps, all older than the previous build), and whose first search page is still
    /// `first_doc`: its files can be taken over without loading it.
    pub(crate) fn unchanged(
        &self,
        id: &str,
        stamps: &[(String, u64, Stamp)],
        first_doc: usize,
    ) -> Option<&UnitEntry> {
        let entry = self.units.get(id)?;
        let settled = stamps
            .iter()
            .all(|(_, _, s)| s.mtime > 0 && s.mtime.saturating_add(RACY_NS) < self.started);
        let same = self.stamps.get(id).is_some_and(|s| s == stamps);
        (settled && same && entry.first_doc == first_doc).then_some(entry)
    }
}

/// [`UnitSummary`] as the manifest stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CachedSummary {
    name: String,
    short_name: String,
    records: Vec<CachedRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CachedRecord {
    year: u16,
    contents: String,
    /// The record has a 部门决算 (its page is linked from the lists; issue 17).
    final_accounts: bool,
    reported: Option<Dec>,
    rule: Option<Dec>,
    /// Why `rule` is `None` (issue 16).
    not_recomputed: Option<NotRecomputed>,
    execution: Option<Pct>,
    completion: Option<Pct>,
    /// A partial table's visible figures (issue 16).
    visible_rule: Option<Dec>,
    visible_completion: Option<Pct>,
    flags: Vec<String>,
    /// (value, unit, kind) per measure.
    measures: Vec<Option<(Dec, String, FigureKind)>>,
    /// Its findings for the review desk (internal profile).
    #[serde(default)]
    findings: Vec<FindingRow>,
    /// Its 填报人 and phone (internal profile; the cache is never published).
    #[serde(default)]
    contact: String,
}

impl CachedSummary {
    /// How many records the unit has.
    pub(crate) fn records(&self) -> usize {
        self.records.len()
    }

    /// The year of its `i`-th record.
    pub(crate) fn year_at(&self, i: usize) -> Option<u16> {
        self.records.get(i).map(|r| r.year)
    }

    /// The stored form of a summary.
    pub(crate) fn of(s: &UnitSummary) -> CachedSummary {
        CachedSummary {
            name: s.name.clone(),
            short_name: s.short_name.clone(),
            records: s
                .records
                .iter()
                .map(|r| CachedRecord {
                    year: r.year.get(),
                    contents: r.contents.clone(),
                    final_accounts: r.final_accounts,
                    reported: r.main.reported,
                    rule: r.main.rule,
                    not_recomputed: r.main.not_recomputed,
                    execution: r.main.execution,
                    completion: r.main.completion,
                    visible_rule: r.main.visible_rule,
                    visible_completion: r.main.visible_completion,
                    flags: r.flags.clone(),
                    measures: r
                        .measures
                        .iter()
                        .map(|m| m.map(|m| (m.value, m.unit.to_owned(), m.kind)))
                        .collect(),
                    findings: r.findings.clone(),
                    contact: r.contact.clone(),
                })
                .collect(),
        }
    }

    /// The summary of unit `id` back; `None` when a value does not read back (then the unit
    /// is loaded instead).
    pub(crate) fn summary(&self, id: &str) -> Option<UnitSummary> {
        let records = self
            .records
            .iter()
            .map(|r| {
                let measures = r
                    .measures
                    .iter()
                    .map(|m| match m {
                        None => Some(None),
                        Some((value, unit, kind)) => Some(Some(MeasureValue {
                            value: *value,
                            unit: static_unit(unit)?,
                            kind: *kind,
                        })),
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some(RecordSummary {
                    year: Year::parse(&r.year.to_string()).ok()?,
                    contents: r.contents.clone(),
                    final_accounts: r.final_accounts,
                    main: MainFigures {
                        reported: r.reported,
                        rule: r.rule,
                        not_recomputed: r.not_recomputed,
                        execution: r.execution,
                        completion: r.completion,
                        visible_rule: r.visible_rule,
                        visible_completion: r.visible_completion,
                    },
                    flags: r.flags.clone(),
                    measures,
                    findings: r.findings.clone(),
                    contact: r.contact.clone(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(UnitSummary {
            id: UnitId::parse(id).ok()?,
            name: self.name.clone(),
            short_name: self.short_name.clone(),
            records,
        })
    }
}

/// The label of a measure's unit as the pages know it.
fn static_unit(unit: &str) -> Option<&'static str> {
    ["万元", "元", "分", "%"].into_iter().find(|u| *u == unit)
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

/// The key of one unit: the hash of every file of it as the loader read them (`content`, from
/// `load::load_unit_hashed`), the paths its records are shown with, and the findings about it.
/// Scores are computed from the records alone, so the files cover them.
pub(crate) fn unit_key(
    global: &str,
    content: &[u8; 32],
    unit: &Unit,
    findings: &[Finding],
) -> String {
    let mut h = HashWriter::new();
    h.add(&global);
    h.0.update(content);
    for record in &unit.records {
        h.add(&record.path);
    }
    for finding in findings {
        h.add(finding);
    }
    h.hex()
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
    // The sources this binary was built from (`build.rs`): another build of the same version
    // number may render other bytes.
    global.add(&env!("GONGKAI_BUILD_ID"));
    global.add(&renderer.fingerprint());
    global.add(settings);
    global.add(site);
    global.add(&profile);
    global.add(&content_dir);
    global.hex()
}

/// The key of the pages over every unit: the global key and every unit key, in site order.
pub(crate) fn all_key(global: &str, units: &[String]) -> String {
    let mut all = HashWriter::new();
    all.add(&global);
    all.add(&units);
    all.hex()
}

/// What the previous build left that may be taken over: its manifest, when written by this
/// gongkai version for the same global key, and the stamps beside the output when they belong
/// to that manifest. Empty when the manifest is missing, unreadable or from another build
/// setting.
pub(crate) fn previous(global: &str, manifest: Option<&[u8]>, stamps: Option<&[u8]>) -> Previous {
    let Some(bytes) = manifest else {
        return Previous::default();
    };
    let Ok(manifest) = serde_json::from_slice::<Manifest>(bytes) else {
        return Previous::default();
    };
    if manifest.format != FORMAT
        || manifest.gongkai != env!("CARGO_PKG_VERSION")
        || manifest.global != global
    {
        return Previous::default();
    }
    let stamps = stamps
        .and_then(|s| serde_json::from_slice::<StampFile>(s).ok())
        .filter(|s| s.format == FORMAT && s.manifest == sha256_hex(bytes))
        .unwrap_or_default();
    Previous {
        started: stamps.started,
        site: manifest.site,
        units: manifest
            .units
            .into_iter()
            .map(|u| (u.id.clone(), u))
            .collect(),
        stamps: stamps.units,
    }
}

/// Writes the manifest of a build to `out`; returns its SHA-256 (for [`stamps_file`]).
pub(crate) fn write_manifest(
    out: &mut dyn std::io::Write,
    global: &str,
    site: &BTreeMap<String, Entry>,
    units: &[UnitEntry],
) -> std::io::Result<String> {
    /// [`Manifest`], borrowed.
    #[derive(Serialize)]
    struct ManifestRef<'a> {
        format: u32,
        gongkai: &'a str,
        global: &'a str,
        site: &'a BTreeMap<String, Entry>,
        units: &'a [UnitEntry],
    }
    /// Hashes what passes through.
    struct Hashing<'a> {
        out: &'a mut dyn std::io::Write,
        hash: Sha256,
    }
    impl std::io::Write for Hashing<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.out.write(buf)?;
            self.hash.update(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.out.flush()
        }
    }
    let manifest = ManifestRef {
        format: FORMAT,
        gongkai: env!("CARGO_PKG_VERSION"),
        global,
        site,
        units,
    };
    let mut w = Hashing {
        out,
        hash: Sha256::new(),
    };
    serde_json::to_writer(&mut w, &manifest)?;
    Ok(HashWriter(w.hash).hex())
}

/// The stamps file of a build whose manifest has SHA-256 `manifest_sha256` and that started
/// reading the content at `started` (ns since 1970).
pub(crate) fn stamps_file(
    manifest_sha256: String,
    started: u64,
    units: BTreeMap<String, Stamps>,
) -> Vec<u8> {
    let file = StampFile {
        format: FORMAT,
        manifest: manifest_sha256,
        started,
        units,
    };
    serde_json::to_vec(&file).unwrap_or_default()
}

fn sha256_hex(bytes: &[u8]) -> String {
    let mut h = HashWriter::new();
    h.0.update(bytes);
    h.hex()
}

/// Now, in nanoseconds since 1970 (0 when the clock is before 1970).
pub(crate) fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}
