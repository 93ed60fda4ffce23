//! Stage 1: `content/` → [`Corpus`].
//!
//! Discovers `content/_site.yaml`, `content/<unit>/_unit.yaml`, `content/<unit>/<year>.yaml` and
//! `content/<unit>/<year>/*.md` in sorted order, parses every file in parallel, validates, and
//! gathers every diagnostic of every file before failing. Never panics on any input.
//!
//! Files: `discover` (what is where), `text` (bytes → text), `yaml` (the YAML library),
//! `locate` (field paths → positions), `validate` (raw → model), `raw` (the file format).

mod discover;
mod locate;
#[allow(
    unreachable_pub,
    reason = "`model` re-exports the raw types that need no validation; the module is the record format's one home"
)]
pub mod raw;
mod text;
mod validate;
mod yaml;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use self::discover::{FileRef, Plan};
use self::text::{at, decode, path_diagnostic, too_large};
use crate::error::{Diagnostic, Diagnostics, Error, Result};
use crate::model::{Corpus, Narrative, Record, Site, Unit, UnitId, Year};

/// Loads and validates all content under `content_dir`.
///
/// Paths in messages start with `content_dir` as given (`content/qingling/2023.yaml`).
///
/// Errors: [`crate::Error::Invalid`] with every diagnostic of every file, sorted by path;
/// [`crate::Error::Io`] when `content_dir` cannot be listed.
pub fn load(content_dir: &Path) -> Result<Corpus> {
    let entries = crate::fs::walk_sorted(content_dir, 3)?;
    let plan = discover::plan(content_dir, &entries);
    let parsed: Vec<(JobTag, Parsed)> = jobs(&plan)
        .par_iter()
        .map(|job| (job.tag(), run(job)))
        .collect();
    assemble(plan, parsed)
}

/// Parses one record file's bytes, read from `path` (`content/<unit>/<year>.yaml`): the unit id
/// and year come from the path. For tests and fuzzing; [`load`] is the API.
///
/// Errors: every diagnostic of the file.
#[doc(hidden)]
pub fn parse_record(path: &str, bytes: &[u8]) -> Result<Record, Diagnostics> {
    let p = Path::new(path);
    let unit = p
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .map(UnitId::parse);
    let year = p.file_stem().and_then(|s| s.to_str()).map(Year::parse);
    match (unit, year) {
        (Some(Ok(unit)), Some(Ok(year))) => record(path, bytes, &unit, year),
        _ => Err(vec![path_diagnostic(
            path,
            "expected a record path such as `content/<unit>/<year>.yaml`".to_owned(),
        )]),
    }
    .map_err(Diagnostics::new)
}

/// What one parallel job does.
#[derive(Debug)]
enum Job<'a> {
    Site(&'a FileRef),
    Unit(usize, &'a UnitId, &'a FileRef),
    Record(usize, &'a UnitId, Year, &'a FileRef),
    Narrative(usize, Year, &'a FileRef),
}

/// Which unit (and year) a job's result belongs to.
#[derive(Debug, Clone, Copy)]
enum JobTag {
    Site,
    Unit(usize),
    Record(usize),
    Narrative(usize, Year),
}

impl Job<'_> {
    fn tag(&self) -> JobTag {
        match *self {
            Job::Site(_) => JobTag::Site,
            Job::Unit(i, ..) => JobTag::Unit(i),
            Job::Record(i, ..) => JobTag::Record(i),
            Job::Narrative(i, y, _) => JobTag::Narrative(i, y),
        }
    }
}

/// What one job produced.
enum Parsed {
    Site(Site),
    Unit(Unit),
    Record(Box<Record>),
    Narrative(Narrative),
    Failed(Vec<Diagnostic>),
}

fn jobs(plan: &Plan) -> Vec<Job<'_>> {
    let mut jobs: Vec<Job<'_>> = plan.site.iter().map(Job::Site).collect();
    for (i, u) in plan.units.iter().enumerate() {
        jobs.extend(u.file.iter().map(|f| Job::Unit(i, &u.id, f)));
        jobs.extend(u.records.iter().map(|(y, f)| Job::Record(i, &u.id, *y, f)));
        jobs.extend(u.narratives.iter().map(|(y, f)| Job::Narrative(i, *y, f)));
    }
    jobs
}

fn run(job: &Job<'_>) -> Parsed {
    let file = match job {
        Job::Site(f) | Job::Unit(_, _, f) | Job::Record(_, _, _, f) | Job::Narrative(_, _, f) => f,
    };
    let result = read(file).and_then(|bytes| match job {
        Job::Site(_) => site(&file.shown, &bytes).map(Parsed::Site),
        Job::Unit(_, id, _) => unit(&file.shown, &bytes, id).map(Parsed::Unit),
        Job::Record(_, id, year, _) => {
            record(&file.shown, &bytes, id, *year).map(|r| Parsed::Record(Box::new(r)))
        }
        Job::Narrative(..) => narrative(file, &bytes).map(Parsed::Narrative),
    });
    result.unwrap_or_else(Parsed::Failed)
}

/// Reads a file, refusing one over the size limit before reading it.
fn read(file: &FileRef) -> Result<Vec<u8>, Vec<Diagnostic>> {
    if file.len > text::MAX_FILE_BYTES {
        return Err(vec![at(&file.shown, "", 1, 1, too_large(file.len))]);
    }
    crate::fs::read(&file.path).map_err(|e| {
        let message = match e {
            Error::Io { source, .. } => format!("failed to read: {source}"),
            other => other.to_string(),
        };
        vec![path_diagnostic(&file.shown, message)]
    })
}

/// Decodes and deserializes one YAML file into `T`, then validates it with `check`.
fn parse_yaml<T, U>(
    path: &str,
    bytes: &[u8],
    check: impl FnOnce(T, crate::error::Locator) -> Result<U, Vec<Diagnostic>>,
) -> Result<U, Vec<Diagnostic>>
where
    T: serde::de::DeserializeOwned,
{
    let text: Arc<str> = decode(path, bytes).map_err(|d| vec![d])?;
    let (locator, raw) = yaml::parse::<T>(path, &text);
    check(raw.map_err(|d| vec![d])?, locator)
}

fn site(path: &str, bytes: &[u8]) -> Result<Site, Vec<Diagnostic>> {
    parse_yaml(path, bytes, |raw, loc| validate::site(raw, &loc))
}

fn unit(path: &str, bytes: &[u8], folder: &UnitId) -> Result<Unit, Vec<Diagnostic>> {
    parse_yaml(path, bytes, |raw, loc| validate::unit(raw, folder, &loc))
}

fn record(path: &str, bytes: &[u8], unit: &UnitId, year: Year) -> Result<Record, Vec<Diagnostic>> {
    parse_yaml(path, bytes, |raw, loc| {
        validate::record(raw, unit, year, loc)
    })
}

/// A narrative: slug from the file stem, title from the first `# ` heading (else the stem).
fn narrative(file: &FileRef, bytes: &[u8]) -> Result<Narrative, Vec<Diagnostic>> {
    let markdown = decode(&file.shown, bytes).map_err(|d| vec![d])?;
    let slug = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(|| slug.clone(), str::to_owned);
    Ok(Narrative {
        slug,
        title,
        markdown: markdown.to_string(),
    })
}

/// Puts the parsed files together, or returns every diagnostic.
fn assemble(plan: Plan, parsed: Vec<(JobTag, Parsed)>) -> Result<Corpus> {
    let mut diags = plan.diags;
    let mut site = None;
    let mut units: Vec<Option<Unit>> = plan.units.iter().map(|_| None).collect();
    let mut records: Vec<Vec<Record>> = plan.units.iter().map(|_| Vec::new()).collect();
    let mut narratives: Vec<Vec<(Year, Narrative)>> =
        plan.units.iter().map(|_| Vec::new()).collect();
    for (tag, result) in parsed {
        match (tag, result) {
            (_, Parsed::Failed(d)) => diags.extend(d),
            (JobTag::Site, Parsed::Site(s)) => site = Some(s),
            (JobTag::Unit(i), Parsed::Unit(u)) => {
                if let Some(slot) = units.get_mut(i) {
                    *slot = Some(u);
                }
            }
            (JobTag::Record(i), Parsed::Record(r)) => {
                if let Some(v) = records.get_mut(i) {
                    v.push(*r);
                }
            }
            (JobTag::Narrative(i, y), Parsed::Narrative(n)) => {
                if let Some(v) = narratives.get_mut(i) {
                    v.push((y, n));
                }
            }
            _ => {}
        }
    }
    let (Some(site), true) = (site, diags.is_empty()) else {
        return Err(Error::Invalid(Diagnostics::new(diags)));
    };
    let mut out = Vec::new();
    for ((unit, mut recs), notes) in units.into_iter().zip(records).zip(narratives) {
        let Some(mut unit) = unit else { continue };
        for (year, n) in notes {
            if let Some(r) = recs.iter_mut().find(|r| r.year == year) {
                r.narratives.push(n);
            }
        }
        recs.sort_by_key(|r| r.year);
        unit.records = recs;
        out.push(unit);
    }
    out.sort_by(|a, b| (a.sort, &a.id).cmp(&(b.sort, &b.id)));
    Ok(Corpus { site, units: out })
}
