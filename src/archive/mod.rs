//! `gongkai archive`: keep what was published as a record an auditor can check.
//!
//! In: [`ArchiveOptions`] (content, archive folder, label, `SOURCE_DATE_EPOCH`, today's date).
//! Out: a new snapshot `archive/<YYYY-MM-DD>[-label]/` holding `site/` (the public profile as
//! published, browsable from disk), `manifest.json` and `SHA256SUMS`, and a rewritten
//! `archive/index.html` listing every snapshot. See [`verify`] and [`diff`] for the checks.
//!
//! Never: overwrites or removes a snapshot, writes into a non-empty folder that is not a
//! gongkai archive (no `.gongkai-archive` marker), or writes into the places the output guard
//! refuses. A snapshot is written to a temporary folder inside the archive and renamed into
//! place, so a snapshot folder is either complete or absent; what a killed run leaves
//! (`.gongkai-tmp-…`) is removed by the next one.

pub mod diff;
mod index;
pub(crate) mod manifest;
mod tar;
pub mod verify;

use std::path::{Path, PathBuf};

use crate::epoch::Epoch;
use crate::error::{Error, Result};
use crate::fs;
use crate::model::Profile;
use crate::output::{OutputEnv, guard_folder};
use crate::pipeline::{BuildOptions, build_site_files};
use manifest::{Entry, MANIFEST, Manifest, SITE, SUMS};

/// Marker file saying a folder is a gongkai archive.
const MARKER: &str = ".gongkai-archive";
/// Prefix of a snapshot being written.
const TMP: &str = ".gongkai-tmp-snapshot-";

/// What to archive.
#[derive(Debug, Clone)]
pub struct ArchiveOptions {
    /// Content folder.
    pub content: PathBuf,
    /// The archive folder (`archive`).
    pub archive: PathBuf,
    /// Theme name; `None`: the site's `theme:` setting.
    pub theme: Option<String>,
    /// Appended to the date in the snapshot's name.
    pub label: Option<String>,
    /// `SOURCE_DATE_EPOCH`; when set it also dates the snapshot.
    pub epoch: Option<Epoch>,
    /// Today's UTC date (`YYYY-MM-DD`), used when `epoch` is unset. Only the folder name
    /// carries it, never a page.
    pub today: String,
    /// Also write `<archive>/<name>.tar.gz`.
    pub tar: bool,
}

/// What [`archive`] stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSummary {
    /// The snapshot folder.
    pub path: PathBuf,
    /// Files of the published site.
    pub files: usize,
    /// SHA-256 of the snapshot's `SHA256SUMS`: note it down to prove the snapshot later.
    pub digest: String,
}

/// Builds the public site and stores it as a new snapshot.
pub fn archive(opts: &ArchiveOptions) -> Result<ArchiveSummary> {
    let name = snapshot_name(opts)?;
    let root = guard_archive(&opts.archive, &opts.content)?;
    let target = root.join(&name);
    let tarball = root.join(format!("{name}.tar.gz"));
    refuse_existing(&target)?;
    if opts.tar {
        refuse_existing(&tarball)?;
    }

    let build = BuildOptions {
        content: opts.content.clone(),
        output: PathBuf::new(),
        theme: opts.theme.clone(),
        profile: Some(Profile::Public),
        strict: false,
        epoch: opts.epoch,
    };
    let site = build_site_files(&build)?.ok_or_else(|| {
        Error::Usage(crate::lang::pick(
            "生成中止，什么也没有存档",
            "the build stopped; nothing archived",
        ))
    })?;
    let manifest = Manifest {
        format: manifest::FORMAT.to_owned(),
        snapshot: name.clone(),
        gongkai_version: env!("CARGO_PKG_VERSION").to_owned(),
        source_date_epoch: opts.epoch.map(|e| e.0),
        profile: "public".to_owned(),
        files: site
            .files
            .iter()
            .map(|f| Entry::of(format!("{SITE}/{}", f.path), &f.bytes))
            .collect(),
        inputs: inputs(&opts.content, opts.theme.as_deref())?,
    };
    let manifest_json = manifest.to_json()?;
    let sums = manifest.sums(manifest_json.as_bytes());

    let mut files: Vec<(String, &[u8])> = site
        .files
        .iter()
        .map(|f| (format!("{SITE}/{}", f.path), f.bytes.as_slice()))
        .collect();
    files.push((MANIFEST.to_owned(), manifest_json.as_bytes()));
    files.push((SUMS.to_owned(), sums.as_bytes()));
    let tar_bytes = if opts.tar {
        Some(tar::tar_gz(&name, &files)?)
    } else {
        None
    };
    write_snapshot(&root, &target, &files)?;
    if let Some(bytes) = tar_bytes {
        write_file_new(&root, &tarball, &bytes)?;
    }
    index::write(&root)?;
    Ok(ArchiveSummary {
        path: opts.archive.join(&name),
        files: site.files.len(),
        digest: manifest::sha256_hex(sums.as_bytes()),
    })
}

/// `<date>` or `<date>-<label>`; a label is 1–64 of `A-Z a-z 0-9 . _ -`, not starting with `.`
/// or `-`, so the name is one plain path segment everywhere.
fn snapshot_name(opts: &ArchiveOptions) -> Result<String> {
    let date = opts.epoch.map_or_else(|| opts.today.clone(), Epoch::date);
    let Some(label) = &opts.label else {
        return Ok(date);
    };
    let plain = label
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if label.is_empty() || label.len() > 64 || !plain || label.starts_with(['.', '-']) {
        let shown = label.escape_debug();
        return Err(Error::Usage(crate::lang::pick(
            format!(
                "--label `{shown}` 不能用：请用 1 到 64 个字符，只含 A-Z a-z 0-9 . _ -，\
                 以字母或数字开头"
            ),
            format!(
                "--label `{shown}` is not usable: use 1 to 64 of the characters A-Z a-z 0-9 . _ -, \
                 starting with a letter or digit"
            ),
        )));
    }
    Ok(format!("{date}-{label}"))
}

/// Resolves the archive folder: refused where the output guard refuses, and when it is a
/// non-empty folder without the archive marker. Creates it (with the marker) when missing.
fn guard_archive(dir: &Path, content: &Path) -> Result<PathBuf> {
    let env = OutputEnv::from_process(content)?;
    let root = guard_folder(dir, &env)?;
    match fs::symlink_metadata(&root)? {
        None => fs::create_dir_all(&root)?,
        Some(meta) if meta.is_dir() => {
            let marked = fs::symlink_metadata(&root.join(MARKER))?.is_some_and(|m| m.is_file());
            if !marked && !fs::is_empty_dir(&root)? {
                return Err(refuse(
                    dir,
                    &crate::lang::pick(
                        "这个文件夹里有不是 gongkai 放进去的文件（没有 `.gongkai-archive` 标记）；\
                         请另选一个 --archive 文件夹",
                        "it is a folder with files that gongkai did not put \
                         there (no `.gongkai-archive` marker); choose another --archive folder",
                    ),
                ));
            }
        }
        Some(_) => {
            return Err(refuse(
                dir,
                &crate::lang::pick("它不是文件夹", "it is not a folder"),
            ));
        }
    }
    // What a killed `archive` left: temporary snapshots, index pages and tarballs. One writer
    // at a time works on an archive, as with the output folder.
    for name in fs::read_dir_names(&root)? {
        if name.to_string_lossy().starts_with(".gongkai-tmp-") {
            fs::remove_all(&root.join(name))?;
        }
    }
    if fs::symlink_metadata(&root.join(MARKER))?.is_none() {
        fs::write_new_synced(
            &root.join(MARKER),
            b"This folder is a gongkai (\xe5\x85\xac\xe5\xbc\x80) archive: every snapshot in it \
              is a record of a publication. Never edit a snapshot.\n",
        )?;
    }
    Ok(root)
}

fn refuse(dir: &Path, why: &str) -> Error {
    let shown = dir.display();
    Error::Usage(crate::lang::pick(
        format!("不能存档到 `{shown}`：{why}；什么也没有改动"),
        format!("refusing to archive into `{shown}`: {why}; nothing was changed"),
    ))
}

/// An existing snapshot is never overwritten.
fn refuse_existing(target: &Path) -> Result<()> {
    if fs::symlink_metadata(target)?.is_some() {
        let shown = target.display();
        let label = free_label(target);
        return Err(Error::Usage(crate::lang::pick(
            format!(
                "存档 `{shown}` 已经存在，存档从不覆盖；请换一个 --label 再存档\
                 （例如 `--label {label}`）"
            ),
            format!(
                "snapshot `{shown}` already exists and is never overwritten; archive with another \
                 --label (for example `--label {label}`)"
            ),
        )));
    }
    Ok(())
}

/// A label no snapshot (or tarball) of the same day in the archive has yet: `corrected`, else
/// `corrected-2`, `corrected-3` …, so that the hint never names the label just refused.
fn free_label(target: &Path) -> String {
    let (Some(root), Some(name)) = (target.parent(), target.file_name().and_then(|n| n.to_str()))
    else {
        return "corrected".to_owned();
    };
    // The snapshot's name starts with its date, `2024-06-30`.
    let date: String = name.chars().take(10).collect();
    let taken = |p: PathBuf| fs::symlink_metadata(&p).ok().flatten().is_some();
    (1..1000)
        .map(|k| {
            if k == 1 {
                "corrected".to_owned()
            } else {
                format!("corrected-{k}")
            }
        })
        .find(|l| {
            let n = format!("{date}-{l}");
            !taken(root.join(&n)) && !taken(root.join(format!("{n}.tar.gz")))
        })
        .unwrap_or_else(|| "corrected".to_owned())
}

/// Writes the files into a fresh temporary folder in the archive, then renames it to the
/// snapshot's name. On failure the temporary folder is removed and no snapshot appears.
fn write_snapshot(root: &Path, target: &Path, files: &[(String, &[u8])]) -> Result<()> {
    let pid = std::process::id();
    let mut tmp = None;
    for n in 0..1000u32 {
        let candidate = root.join(format!("{TMP}{pid}-{n}"));
        if fs::create_new_dir(&candidate)? {
            tmp = Some(candidate);
            break;
        }
    }
    let tmp = tmp.ok_or_else(|| {
        let shown = root.display();
        Error::Usage(crate::lang::pick(
            format!("`{shown}` 里找不到可用的临时文件夹"),
            format!("no free temporary folder in `{shown}`"),
        ))
    })?;
    let filled = fill(&tmp, files).and_then(|()| {
        // Checked again just before the rename: `rename` would replace an empty folder.
        refuse_existing(target)?;
        fs::rename(&tmp, target)?;
        fs::sync_dir(root)
    });
    if filled.is_err() {
        let _ = fs::remove_all(&tmp);
    }
    filled
}

/// Writes one new file in the archive through a temporary name; never replaces a file.
fn write_file_new(root: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = root.join(format!("{TMP}{}.part", std::process::id()));
    fs::remove_all(&tmp)?;
    fs::write_new_synced(&tmp, bytes)?;
    let placed = refuse_existing(path).and_then(|()| fs::rename(&tmp, path));
    if placed.is_err() {
        let _ = fs::remove_all(&tmp);
    }
    placed?;
    fs::sync_dir(root)
}

fn fill(tmp: &Path, files: &[(String, &[u8])]) -> Result<()> {
    let mut folders = std::collections::BTreeSet::new();
    for (rel, bytes) in files {
        let path = tmp.join(rel);
        if let Some(parent) = path.parent()
            && folders.insert(parent.to_path_buf())
        {
            fs::create_dir_all(parent)?;
        }
        fs::write_new_synced(&path, bytes)?;
    }
    for folder in folders.iter().rev() {
        fs::sync_dir(folder)?;
    }
    fs::sync_dir(tmp)
}

/// Every input file: `content/…` (hidden files skipped, as `load` skips them) and, when the
/// site uses a theme folder, `themes/<name>/…`. Paths are relative, so no local path is stored.
fn inputs(content: &Path, theme: Option<&str>) -> Result<Vec<Entry>> {
    let mut out = entries_under(content, "content")?;
    let site_root = content.parent().unwrap_or(Path::new("."));
    let names: Vec<String> = match theme {
        Some(t) => vec![t.to_owned()],
        None => fs::read_dir_names(&site_root.join("themes"))?
            .into_iter()
            .filter_map(|n| n.into_string().ok())
            .filter(|n| !n.starts_with('.'))
            .collect(),
    };
    for name in names {
        let dir = site_root.join("themes").join(&name);
        if fs::symlink_metadata(&dir)?.is_some_and(|m| m.is_dir()) {
            out.extend(entries_under(&dir, &format!("themes/{name}"))?);
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn entries_under(dir: &Path, prefix: &str) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for entry in fs::walk_sorted(dir, usize::MAX)? {
        if entry.kind == fs::EntryKind::File {
            let bytes = fs::read(&entry.path)?;
            out.push(Entry::of(
                format!("{prefix}/{}", entry.names.join("/")),
                &bytes,
            ));
        }
    }
    Ok(out)
}
