//! Stage 1: `content/` → [`Corpus`].
//!
//! Discovers `content/_site.yaml`, `content/<unit>/_unit.yaml`, `content/<unit>/<year>.yaml` and
//! `content/<unit>/<year>/*.md` in sorted order, parses and validates them, units in parallel,
//! and gathers every diagnostic of every file before failing. [`load`] returns the whole
//! corpus; the streaming build and `check` take the [`outline`] (site and unit files) and load
//! one unit at a time ([`load_unit`]). Never panics on any input.
//!
//! Files: `discover` (what is where), `text` (bytes → text), `yaml` (the YAML library),
//! `locate` (field paths → positions), `validate` (raw → model), `raw` (the file format),
//! `schema` (its JSON Schemas).

mod discover;
pub(crate) mod draft;
mod locate;
mod pending;
pub(crate) use pending::MARK as PENDING_MARK;
mod quoted;
#[allow(
    unreachable_pub,
    reason = "`model` re-exports the raw types that need no validation; the module is the record format's one home"
)]
pub mod raw;
mod recover;
pub(crate) mod schema;
mod text;
mod validate;
pub(crate) mod yaml;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use self::discover::FileRef;
use self::text::{at, decode, path_diagnostic, too_large};
use crate::error::{Diagnostic, Diagnostics, Error, Result};
use crate::fs::{Refused, Root};
use crate::model::{Corpus, Narrative, Record, Site, Unit, UnitId, Year};

/// Loads and validates all content under `content_dir`.
///
/// Paths in messages start with `content_dir` as given (`content/qingling/2023.yaml`).
///
/// Errors: [`crate::Error::Invalid`] with every diagnostic of every file, sorted by path;
/// [`crate::Error::Io`] when `content_dir` cannot be listed.
pub fn load(content_dir: &Path) -> Result<Corpus> {
    let outline = outline(content_dir)?;
    let mut diags = outline.diags;
    let loaded: Vec<Result<Unit, Vec<Diagnostic>>> =
        outline.units.into_par_iter().map(load_unit).collect();
    let mut units = Vec::with_capacity(loaded.len());
    for unit in loaded {
        match unit {
            Ok(u) => units.push(u),
            Err(d) => diags.extend(d),
        }
    }
    match outline.site {
        Some(site) if diags.is_empty() => Ok(Corpus { site, units }),
        _ => Err(Error::Invalid(Diagnostics::new(diags))),
    }
}

/// The content folder with its site file and unit files read, the records not yet: what a
/// streaming build knows before it loads the units one by one ([`load_unit`]).
pub(crate) struct Outline {
    /// The site settings; `None` when `_site.yaml` is missing or invalid (then `diags` says why).
    pub(crate) site: Option<Site>,
    /// Every unit folder, in site order (`sort`, then id; those without a valid `_unit.yaml`
    /// last, to report the diagnostics of their records too).
    pub(crate) units: Vec<PendingUnit>,
    /// Every diagnostic so far (layout, site file, unit files).
    pub(crate) diags: Vec<Diagnostic>,
}

/// A unit whose records are still to be loaded.
pub(crate) struct PendingUnit {
    /// The unit file's settings (no records yet); `None` when it is missing or invalid.
    pub(crate) unit: Option<Unit>,
    plan: discover::UnitPlan,
    /// The unit file's part of [`load_unit_hashed`]'s hash (zeros without a unit file).
    unit_file_hash: [u8; 32],
    /// The content folder, opened once: every file is read below it.
    root: Arc<Root>,
}

impl PendingUnit {
    /// The unit's id (from its folder name).
    pub(crate) fn id(&self) -> &UnitId {
        &self.plan.id
    }

    /// Every file of the unit as the walk found it: path as shown, length and stamp.
    pub(crate) fn stamps(&self) -> Vec<(String, u64, crate::fs::Stamp)> {
        let records = self.plan.records.iter().map(|(_, f)| f);
        let narratives = self.plan.narratives.iter().map(|(_, f)| f);
        self.plan
            .file
            .iter()
            .chain(records)
            .chain(narratives)
            .map(|f| (f.shown.clone(), f.len, f.stamp))
            .collect()
    }

    /// The years of its record files, ascending.
    pub(crate) fn years(&self) -> impl Iterator<Item = Year> + '_ {
        self.plan.records.iter().map(|(y, _)| *y)
    }
}

/// Walks the content folder and reads the site file and every unit file (in parallel).
///
/// Errors: [`crate::Error::Io`] when `content_dir` cannot be listed; everything wrong with
/// the content is in [`Outline::diags`].
pub(crate) fn outline(content_dir: &Path) -> Result<Outline> {
    outline_from(content_dir, crate::fs::walk_sorted(content_dir, 3)?)
}

/// Like [`outline`], of the site file and the unit folders named `units` only: the others are
/// not even listed, so the time does not grow with the content beside them.
pub(crate) fn outline_of(content_dir: &Path, units: &BTreeSet<&str>) -> Result<Outline> {
    let mut keep = units.clone();
    keep.insert("_site.yaml");
    outline_from(
        content_dir,
        crate::fs::walk_sorted_only(content_dir, 3, &keep)?,
    )
}

/// Which records some paths inside the content folder name: unit id → the years named
/// (`None`: the whole unit, for its folder or its `_unit.yaml`).
pub(crate) type Selection = BTreeMap<String, Option<BTreeSet<Year>>>;

/// The records that `paths` name: a unit folder or its `_unit.yaml` (the whole unit), a
/// record `YYYY.yaml`, a year folder `YYYY/` or a narrative in it (that year).
///
/// `None` when one of them is the site file `_site.yaml`, whose settings every unit follows:
/// then the whole content is named.
///
/// Errors: [`Error::Usage`] for a path that does not exist or is not one of those inside
/// `content_dir`, naming it.
pub(crate) fn select(content_dir: &Path, paths: &[PathBuf]) -> Result<Option<Selection>> {
    let mut selection = Selection::new();
    let mut site = false;
    for path in paths {
        let Some((unit, year)) = selected(content_dir, path)? else {
            site = true;
            continue;
        };
        match (selection.entry(unit).or_insert(Some(BTreeSet::new())), year) {
            (Some(years), Some(y)) => {
                years.insert(y);
            }
            (all, None) => *all = None,
            (None, Some(_)) => {}
        }
    }
    Ok((!site).then_some(selection))
}

/// The unit and the year (`None`: every year) that one path names; `None` for the site file.
fn selected(content_dir: &Path, path: &Path) -> Result<Option<(String, Option<Year>)>> {
    let shown = path.display();
    if std::fs::symlink_metadata(path).is_err() {
        return Err(Error::Usage(crate::lang::pick(
            format!(
                "找不到 `{shown}`：请写内容文件夹里的记录文件（如 `{}/单位/2024.yaml`）或单位文件夹",
                content_dir.display()
            ),
            format!(
                "`{shown}` does not exist: name a record file (`{}/UNIT/2024.yaml`) or a unit folder in the content folder",
                content_dir.display()
            ),
        )));
    }
    // Lexically first (`content/u1/2024.yaml` under `content`), then as the system resolves
    // both (`./content/…`, `content/u1/../u2/2024.yaml`, an absolute path).
    let plain = |p: &Path| {
        p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    };
    let inner = path
        .strip_prefix(content_dir)
        .ok()
        .filter(|p| plain(p))
        .map(Path::to_owned)
        .or_else(|| {
            let base = std::fs::canonicalize(content_dir).ok()?;
            let full = std::fs::canonicalize(path).ok()?;
            full.strip_prefix(base).ok().map(Path::to_owned)
        });
    let names: Option<Vec<&str>> = inner
        .as_deref()
        .map(|p| p.components().map(|c| c.as_os_str().to_str()).collect())
        .unwrap_or(None);
    let year_of = |name: &str| Year::parse(name).ok();
    let found = match names.as_deref() {
        Some(["_site.yaml"]) => return Ok(None),
        Some([unit]) if path.is_dir() => Some((*unit, None)),
        Some([unit, "_unit.yaml"]) => Some((*unit, None)),
        Some([unit, name]) => name
            .strip_suffix(".yaml")
            .or(Some(name))
            .and_then(year_of)
            .map(|y| (*unit, Some(y))),
        Some([unit, year, name]) if name.ends_with(".md") => {
            year_of(year).map(|y| (*unit, Some(y)))
        }
        _ => None,
    };
    match found {
        Some((unit, year)) if !unit.starts_with('.') => Ok(Some((unit.to_owned(), year))),
        _ => Err(Error::Usage(crate::lang::pick(
            format!(
                "`{shown}` 不是内容文件夹 `{}` 里的单位文件夹、`_unit.yaml`、记录文件（`年度.yaml`）、年度文件夹或其中的说明文字（`.md`）",
                content_dir.display()
            ),
            format!(
                "`{shown}` is not a unit folder, `_unit.yaml`, record file (`YEAR.yaml`), year folder or narrative (`.md`) in the content folder `{}`",
                content_dir.display()
            ),
        ))),
    }
}

fn outline_from(content_dir: &Path, entries: Vec<crate::fs::WalkEntry>) -> Result<Outline> {
    // Opened after the walk, which gives the clearer message when `content_dir` is not a folder.
    let root = Arc::new(Root::open(content_dir)?);
    let plan = discover::plan(content_dir, &entries);
    let mut diags = plan.diags;
    let site = plan
        .site
        .as_ref()
        .map(|f| read(&root, f).and_then(|b| site(&f.shown, &b, content_dir)));
    let site = match site {
        Some(Ok(s)) => Some(s),
        Some(Err(d)) => {
            diags.extend(d);
            None
        }
        None => None,
    };
    type Parsed = (
        discover::UnitPlan,
        Option<Result<Unit, Vec<Diagnostic>>>,
        [u8; 32],
    );
    let parsed: Vec<Parsed> = plan
        .units
        .into_par_iter()
        .map(|p| {
            let mut hash = [0; 32];
            let unit = p.file.as_ref().map(|f| {
                read(&root, f).and_then(|b| {
                    use sha2::Digest as _;
                    let mut h = sha2::Sha256::new();
                    file_hash(&mut h, f, &b);
                    hash = h.finalize().into();
                    unit(&f.shown, &b, &p.id)
                })
            });
            (p, unit, hash)
        })
        .collect();
    let mut units = Vec::with_capacity(parsed.len());
    for (plan, result, unit_file_hash) in parsed {
        let unit = match result {
            Some(Ok(unit)) => Some(unit),
            Some(Err(d)) => {
                diags.extend(d);
                None
            }
            None => None,
        };
        units.push(PendingUnit {
            unit,
            plan,
            unit_file_hash,
            root: Arc::clone(&root),
        });
    }
    units.sort_by(|a, b| {
        let key = |p: &PendingUnit| p.unit.as_ref().map(|u| (u.sort, u.id.clone()));
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (x, y) => y.is_some().cmp(&x.is_some()),
        }
    });
    Ok(Outline { site, units, diags })
}

/// The error for content whose layout, site file or a unit file is wrong: every unit is still
/// loaded, so that the diagnostics of its records are reported too.
pub(crate) fn diagnose(mut diags: Vec<Diagnostic>, units: Vec<PendingUnit>) -> Error {
    let more: Vec<Vec<Diagnostic>> = units
        .into_par_iter()
        .filter_map(|p| load_unit(p).err())
        .collect();
    diags.extend(more.into_iter().flatten());
    Error::Invalid(Diagnostics::new(diags))
}

/// Loads the records and narratives of one unit (a narrative joins the record of its year).
///
/// Errors: every diagnostic of its files; an empty list when only its unit file was wrong
/// (already reported in [`Outline::diags`]).
pub(crate) fn load_unit(pending: PendingUnit) -> Result<Unit, Vec<Diagnostic>> {
    load_unit_inner(pending, None)
}

/// [`load_unit`], with a SHA-256 of every file of the unit as it was read (its path as shown,
/// length and bytes, the unit file first): what the build cache keys the unit's pages by,
/// without reading the files a second time.
pub(crate) fn load_unit_hashed(pending: PendingUnit) -> Result<(Unit, [u8; 32]), Vec<Diagnostic>> {
    use sha2::Digest as _;
    let mut hash = sha2::Sha256::new();
    hash.update(pending.unit_file_hash);
    let unit = load_unit_inner(pending, Some(&mut hash))?;
    Ok((unit, hash.finalize().into()))
}

fn load_unit_inner(
    pending: PendingUnit,
    mut hash: Option<&mut sha2::Sha256>,
) -> Result<Unit, Vec<Diagnostic>> {
    let PendingUnit {
        unit, plan, root, ..
    } = pending;
    let mut read = |f: &FileRef| {
        let bytes = read(&root, f)?;
        if let Some(h) = hash.as_deref_mut() {
            file_hash(h, f, &bytes);
        }
        Ok(bytes)
    };
    let mut diags = Vec::new();
    let mut records = Vec::with_capacity(plan.records.len());
    for (year, f) in &plan.records {
        match read(f).and_then(|b| record(&f.shown, &b, &plan.id, *year)) {
            Ok(r) => records.push(r),
            Err(d) => diags.extend(d),
        }
    }
    for (year, f) in &plan.narratives {
        match read(f).and_then(|b| narrative(f, &b)) {
            Ok(n) => {
                if let Some(r) = records.iter_mut().find(|r: &&mut Record| r.year == *year) {
                    r.narratives.push(n);
                }
            }
            Err(d) => diags.extend(d),
        }
    }
    let Some(mut unit) = unit.filter(|_| diags.is_empty()) else {
        return Err(diags);
    };
    records.sort_by_key(|r| r.year);
    unit.records = records;
    Ok(unit)
}

/// Adds one file (path as shown, length, bytes) to a unit's hash.
fn file_hash(h: &mut sha2::Sha256, f: &FileRef, bytes: &[u8]) {
    use sha2::Digest as _;
    h.update(f.shown.as_bytes());
    h.update([0]);
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
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
            crate::lang::pick(
                "记录的路径应形如 `content/<单位>/<年度>.yaml`",
                "expected a record path such as `content/<unit>/<year>.yaml`",
            ),
        )]),
    }
    .map_err(Diagnostics::new)
}

/// Reads a file below the content folder, refusing one over the size limit before reading it.
///
/// The walk saw a regular file, but the file is read later: a link swapped in for it (or for
/// its unit folder) since then is refused with the walk's message, never followed, and the
/// length checked is the opened file's (issue 15).
fn read(root: &Root, file: &FileRef) -> Result<Vec<u8>, Vec<Diagnostic>> {
    if file.len > text::MAX_FILE_BYTES {
        return Err(vec![at(&file.shown, "", 1, 1, too_large(file.len))]);
    }
    let message = match root.read(&file.names, text::MAX_FILE_BYTES) {
        Ok(bytes) => return Ok(bytes),
        Err(Refused::TooLarge(len)) => return Err(vec![at(&file.shown, "", 1, 1, too_large(len))]),
        Err(Refused::Link) => discover::link(),
        Err(Refused::NotFile) => crate::lang::pick(
            "应为普通文件，实际是文件夹、设备或管道（是否在生成网站时被替换了？）",
            "expected a regular file, found a folder, device or pipe (was it replaced while the site was built?)",
        ),
        Err(Refused::OtherDevice) => crate::lang::pick(
            "文件应与 content 文件夹在同一磁盘上，实际在另一个文件系统上（文件夹里挂载了别的磁盘？）；请把文件复制过来",
            "expected a file on the same disk as the content folder, found one on another file system (a folder mounted inside it?); copy the files instead",
        ),
        Err(Refused::Io(source)) => crate::lang::pick(
            format!("无法读取：{source}"),
            format!("failed to read: {source}"),
        ),
    };
    Err(vec![path_diagnostic(&file.shown, message)])
}

/// Decodes and deserializes one YAML file into `T`, then validates it with `check`.
fn parse_yaml<T, U>(
    path: &str,
    bytes: &[u8],
    check: impl FnOnce(T, crate::error::Locator) -> Result<U, Vec<Diagnostic>>,
) -> Result<U, Vec<Diagnostic>>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let text: Arc<str> = decode(path, bytes).map_err(|d| vec![d])?;
    let (locator, raw) = yaml::parse::<T>(path, &text);
    check(raw?, locator)
}

/// `_site.yaml`, including whether its theme folder exists beside `content_dir`: `check` and
/// `build` share this one validation, so both refuse `theme: nosuch` at `_site.yaml:L:C`
/// (issue 15: `check` used to accept it and `build` to refuse it without a location).
fn site(path: &str, bytes: &[u8], content_dir: &Path) -> Result<Site, Vec<Diagnostic>> {
    parse_yaml(path, bytes, |raw, loc| {
        let site = validate::site(raw, &loc)?;
        let mut cx = validate::Ctx::new(&loc);
        if site.theme != crate::render::DEFAULT_THEME {
            // The site root is the content folder's parent, as for `Theme::load`.
            let root = content_dir.parent().unwrap_or(Path::new("."));
            let dir = root.join("themes").join(&site.theme);
            let problem = match crate::fs::symlink_metadata(&dir) {
                Ok(Some(meta)) if !meta.is_file() => None,
                Ok(Some(_)) => Some(("是文件而不是文件夹", "a file, not a folder")),
                Ok(None) => Some(("不存在", "missing")),
                Err(_) => Some(("无法读取", "unreadable")),
            };
            if let Some((zh, en)) = problem {
                let (theme, dir) = (&site.theme, dir.display());
                cx.error(
                    "theme",
                    crate::lang::pick(
                        format!(
                            "应为 `default` 或 `themes/` 里某个文件夹的名字，实际为 `{theme}`（文件夹 `{dir}` {zh}）"
                        ),
                        format!(
                            "expected `default` or the name of a folder in `themes/`, found `{theme}` (the folder `{dir}` is {en})"
                        ),
                    ),
                );
            }
        }
        cx.finish(site)
    })
}

fn unit(path: &str, bytes: &[u8], folder: &UnitId) -> Result<Unit, Vec<Diagnostic>> {
    parse_yaml(path, bytes, |raw, loc| validate::unit(raw, folder, &loc))
}

fn record(path: &str, bytes: &[u8], unit: &UnitId, year: Year) -> Result<Record, Vec<Diagnostic>> {
    let text: Arc<str> = decode(path, bytes).map_err(|d| vec![d])?;
    // Amounts may carry the unit the document prints in the cell (`10000万元`, issue 16): they
    // are converted to the record's `amount_unit` while parsing, and their printed text kept.
    // Its own line in nearly every file; else (a flow mapping, say) the file's index says.
    let amount_unit = crate::model::amount::scan_record_unit(&text).or_else(|| {
        let index = locate::Index::build(&text);
        let unit = index.scalars().find(|(path, _)| *path == "amount_unit")?.1;
        crate::model::amount::unit_named(unit)
    });
    let masked = pending::mask(&text);
    let parsed = masked.as_ref().map_or(&text, |m| &m.text);
    let (read, with_units) = crate::model::amount::with_record_unit(amount_unit, || {
        recover::parse::<crate::load::raw::RawRecord>(path, parsed, &text)
    });
    let pending = masked.map(|m| m.paths).unwrap_or_default();
    if !read.errors.is_empty() {
        // Issue 18: the record's own errors after a slip too, but none its left-out parts cause.
        let mut errors = read.errors.clone();
        if let Some(raw) = read.value
            && let Err(more) = validate::record(raw, unit, year, read.locator, &pending)
        {
            let (left_out, removed) = (&read.left_out, &read.removed);
            errors.extend(
                more.into_iter()
                    .filter(|d| !recover::near(left_out, d.location.line))
                    .map(|mut d| {
                        d.field = d.field.map(|f| recover::restore(&f, removed));
                        d
                    }),
            );
        }
        return Err(errors);
    }
    let (locator, raw) = (read.locator, read.value.ok_or_else(Vec::new)?);
    let printed = if with_units {
        printed_amounts(&raw, &text)
    } else {
        std::collections::BTreeMap::new()
    };
    let mut record = validate::record(raw, unit, year, locator, &pending)?;
    record.printed = printed;
    if let Some(fa) = record.final_accounts.as_mut() {
        fa.pending_blocks = pending
            .iter()
            .filter_map(|p| p.strip_prefix("final_accounts."))
            .map(|rest| rest.split(['.', '[']).next().unwrap_or(rest).to_owned())
            .collect();
    }
    record.pending = pending;
    Ok(record)
}

/// Field path → text of every amount written with its unit (`10000万元`): the number fields
/// whose scalar ends in 元 (only an amount field accepts one).
fn printed_amounts(
    raw: &crate::load::raw::RawRecord,
    text: &str,
) -> std::collections::BTreeMap<String, String> {
    let numbers = quoted::number_paths(raw);
    locate::Index::build(text)
        .scalars()
        .filter(|(path, t)| {
            numbers.contains(*path) && crate::model::amount::split_unit(t).is_some()
        })
        .map(|(path, t)| (path.to_owned(), t.trim().to_owned()))
        .collect()
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

#[cfg(all(test, unix))]
mod tests {
    use std::path::Path;

    /// Issue 15: the walk saw files; a link put in their place before they are read is refused
    /// with the walk's message, located at the file, and nothing is read through it.
    #[test]
    fn a_link_swapped_in_after_the_walk_is_refused_at_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("content");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/minimal");
        for rel in [
            "_site.yaml",
            "qingling/_unit.yaml",
            "qingling/2022.yaml",
            "qingling/2023.yaml",
            "qingling/2023/01-qingkuang.md",
        ] {
            let to = content.join(rel);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
            std::fs::copy(fixture.join("content").join(rel), to).expect("copy");
        }
        let secret = dir.path().join("secret.md");
        std::fs::write(&secret, "# secret").expect("secret");
        let outline = super::outline(&content).expect("outline");
        assert!(outline.diags.is_empty(), "{:?}", outline.diags);
        let narrative = content.join("qingling/2023/01-qingkuang.md");
        std::fs::remove_file(&narrative).expect("rm");
        std::os::unix::fs::symlink(&secret, &narrative).expect("link");
        let pending = outline.units.into_iter().next().expect("one unit");
        let diags = super::load_unit(pending).err().unwrap_or_default();
        let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [format!(
                "{}: 这是一个符号链接：gongkai 不跟随链接读取，请把文件复制过来",
                narrative.display()
            )]
        );
    }
}
