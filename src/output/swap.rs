//! The temporary folder, the swap, and recovery from an interrupted run.
//!
//! In: a guarded [`Target`] and the sorted files. Out: the new site at the target path, or an
//! error with the previous site still there. Siblings of the output named
//! `.gongkai-tmp-<name>-<pid>-<n>`, `.gongkai-old-<name>-<pid>-<n>` and
//! `.gongkai-spare-<name>` belong to gongkai and are the only things besides the output that
//! this module creates, renames or removes.
//!
//! The spare: after the atomic exchange the temporary folder holds the previous site. A build
//! that asks for it ([`Staging::create`] with `spare`) and took most of its files over keeps
//! that folder as `.gongkai-spare-<name>` instead of removing it, and the next such build
//! claims it (one rename) as its temporary folder: most of its files are then already the
//! files the new site takes over (the same inodes as the live site's, as unchanged files are
//! hard links), so only what changed is written, and nothing is removed after the swap. What the spare holds is
//! never trusted: a file stays only when it is the very file of the live site being taken over;
//! every other file is replaced, and whatever the new site does not place is removed before
//! the seal. The live site is never written, so the guarantees are those of a fresh folder; a
//! build that dies with the spare claimed leaves it as a temporary folder, removed by the next.

use std::collections::{BTreeSet, HashSet};
use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::guard::{Existing, Target, refusal};
use super::{CACHE, Fault, MARKER, MARKER_TEXT};
use crate::error::{Error, Result};
use crate::fs;

const TMP: &str = ".gongkai-tmp-";
const OLD: &str = ".gongkai-old-";
const SPARE: &str = ".gongkai-spare-";
const STAMPS: &str = ".gongkai-stamps-";

/// Where the previous site waits to be reused: `.gongkai-spare-<name>` beside the output.
fn spare_path(target: &Target) -> PathBuf {
    let mut name = OsString::from(SPARE);
    name.push(name_of(target));
    target.parent.join(name)
}

/// Replaces the file beside the output with `bytes`, whole or not at all (paths from
/// [`Staging::beside_paths`]).
pub(super) fn write_beside((tmp, to): &(PathBuf, PathBuf), bytes: &[u8]) -> Result<()> {
    let _ = std::fs::remove_file(tmp);
    fs::write_new(tmp, bytes)?;
    fs::rename(tmp, to).inspect_err(|_| {
        let _ = std::fs::remove_file(tmp);
    })
}

/// Sibling name `<kind><name>-<pid>-<n>`.
fn sibling_name(kind: &str, name: &OsStr, pid: u32, n: u32) -> OsString {
    let mut s = OsString::from(kind);
    s.push(name);
    s.push(format!("-{pid}-{n}"));
    s
}

/// True when `entry` is `<kind><name>-<digits>-<digits>`: a sibling of this output, not of
/// another output whose name merely starts the same (`site` vs `site-2`).
fn is_sibling(entry: &OsStr, kind: &str, name: &OsStr) -> bool {
    let entry = entry.as_encoded_bytes();
    let mut prefix = kind.as_bytes().to_vec();
    prefix.extend_from_slice(name.as_encoded_bytes());
    prefix.push(b'-');
    let Some(rest) = entry.strip_prefix(prefix.as_slice()) else {
        return false;
    };
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    matches!(rest.iter().position(|&b| b == b'-'), Some(i) if digits(&rest[..i]) && digits(&rest[i + 1..]))
}

/// The output's file name (a resolved path other than the root always has one).
fn name_of(target: &Target) -> &OsStr {
    target.path.file_name().unwrap_or(OsStr::new("output"))
}

/// Finishes what an interrupted run left: when the output is missing and exactly one old
/// folder exists, renames it back; then removes every temporary and old sibling of this output.
/// A sibling that cannot be removed (another user's files in it) never stops the build: it is
/// left where it is and named in the returned warnings (issue 15).
pub(super) fn recover(
    output_dir: &Path,
    target: &Target,
    existing: Existing,
) -> Result<Vec<String>> {
    let name = name_of(target);
    let entries = fs::read_dir_names(&target.parent)?;
    let mut stale: Vec<PathBuf> = Vec::new();
    let mut olds: Vec<PathBuf> = Vec::new();
    for entry in &entries {
        let path = target.parent.join(entry);
        if is_sibling(entry, OLD, name) {
            olds.push(path);
        } else if is_sibling(entry, TMP, name) {
            stale.push(path);
        }
    }
    if existing == Existing::Nothing && !olds.is_empty() {
        if olds.len() > 1 {
            let list: Vec<String> = olds.iter().map(|p| format!("`{}`", p.display())).collect();
            let list = list.join(", ");
            let why = crate::lang::pick(
                format!(
                    "它不存在，而旁边有几个以前生成的网站（{list}）；请把正确的那个留作输出文件夹，\
                     删掉其余的"
                ),
                format!(
                    "it is missing and several earlier sites wait beside it ({list}); keep the right \
                     one as the output folder and remove the others"
                ),
            );
            return Err(Error::Usage(refusal(output_dir, &target.path, &why)));
        }
        // A run was stopped between its two renames: the previous site is complete in `old`.
        let old = olds.remove(0);
        fs::rename(&old, &target.path)?;
        fs::sync_dir(&target.parent)?;
    }
    let mut warnings = Vec::new();
    for path in stale.iter().chain(&olds) {
        if let Err(e) = fs::remove_tree(path) {
            warnings.push(left_behind(path, &e));
        }
    }
    Ok(warnings)
}

/// The warning for a folder of an earlier build that could not be removed.
pub(super) fn left_behind(path: &Path, e: &Error) -> String {
    let path = path.display();
    crate::lang::pick(
        format!("`{path}` 是以前的生成留下的，无法删除（{e}）；网站不受影响，请手动删除"),
        format!(
            "`{path}`, left by an earlier build, could not be removed ({e}); the site is not \
             affected: remove it by hand"
        ),
    )
}

/// The first line of the build cache beside the output: what identifies the site the cache
/// describes, the marker file of that site as it stands on disk (its device, inode and
/// status-change time). A build writes a new marker, so a cache left by any other build (one
/// killed after its swap, an output copied back by hand) does not match the live site and is
/// ignored. `None` when there is no marker.
pub(super) fn seal_of(site: &Path) -> Option<String> {
    let meta = std::fs::symlink_metadata(site.join(MARKER)).ok()?;
    if !meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some(format!(
            "gongkai-site {} {} {}.{:09}",
            meta.dev(),
            meta.ino(),
            meta.ctime(),
            meta.ctime_nsec()
        ))
    }
    #[cfg(not(unix))]
    {
        let modified = meta.modified().ok()?;
        Some(format!("gongkai-site {modified:?} {}", meta.len()))
    }
}

/// A temporary folder beside the output, being filled one file at a time.
pub(super) struct Staging {
    target: Target,
    tmp: PathBuf,
    old: PathBuf,
    /// Folders made so far (each holds a new entry to flush).
    folders: Mutex<HashSet<PathBuf>>,
    /// Site files in place so far (the marker and the cache manifest are not counted).
    written: AtomicUsize,
    /// Whether one `syncfs` at the end flushes everything (Linux); else every file is flushed
    /// as it is written and every folder at the end.
    sync_once: bool,
    fault: Fault,
    /// Whether the previous site may be kept as the spare after the swap.
    keep_spare: bool,
    /// When the folder is a claimed spare: the site paths placed in it so far, as
    /// [`path_key`]s (everything else in it is removed before the seal). `None` for a fresh
    /// folder.
    placed: Option<Mutex<HashSet<u64>>>,
    /// What went wrong without stopping the build (a spare that could not be removed).
    warnings: Vec<String>,
}

impl Staging {
    /// Creates the temporary folder beside the output (and the output's parents if needed)
    /// and writes the marker into it. With `spare`, the folder is the spare of an earlier build
    /// when there is one (claimed by renaming it), and the previous site becomes the spare after
    /// the swap; else it is a fresh folder and the previous site is removed.
    pub(super) fn create(target: Target, fault: Fault, spare: bool) -> Result<Staging> {
        fs::create_dir_all(&target.parent)?;
        let name = name_of(&target);
        let pid = std::process::id();
        let spare_at = spare_path(&target);
        let mut warnings = Vec::new();
        let mut claim = spare && fs::symlink_metadata(&spare_at)?.is_some_and(|m| m.is_dir());
        // A spare this process cannot write everywhere (a read-only folder that stays so,
        // another user's files) is not claimed: removed if it can be, else left with a warning
        // (issue 15). The build then writes a fresh folder.
        if claim && !fs::tree_is_ours(&spare_at) {
            claim = false;
            if let Err(e) = fs::remove_tree(&spare_at) {
                warnings.push(left_behind(&spare_at, &e));
            }
        }
        // `create_new_dir` fails on an existing name, so probing picks a name no one else holds
        // (a name with this process's id: no other process makes it).
        for n in 0..=u32::MAX {
            let tmp = target.parent.join(sibling_name(TMP, name, pid, n));
            let made = if claim {
                if fs::symlink_metadata(&tmp)?.is_some() {
                    continue;
                }
                // Another build may have claimed it first: then a fresh folder.
                claim = fs::rename(&spare_at, &tmp).is_ok();
                claim || fs::create_new_dir(&tmp)?
            } else {
                fs::create_new_dir(&tmp)?
            };
            if made {
                let old = target.parent.join(sibling_name(OLD, name, pid, n));
                let staging = Staging {
                    target,
                    folders: Mutex::new(HashSet::from([tmp.clone()])),
                    tmp,
                    old,
                    written: AtomicUsize::new(0),
                    sync_once: cfg!(target_os = "linux"),
                    fault,
                    keep_spare: spare,
                    placed: claim.then(|| Mutex::new(HashSet::new())),
                    warnings,
                };
                if let Err(e) =
                    staging.write_file(&staging.tmp.join(MARKER), MARKER_TEXT.as_bytes())
                {
                    staging.discard();
                    return Err(e);
                }
                return Ok(staging);
            }
        }
        let shown = target.path.display();
        Err(Error::Usage(crate::lang::pick(
            format!("`{shown}` 旁边找不到可用的临时文件夹名"),
            format!("no free temporary folder name beside `{shown}`"),
        )))
    }

    /// The resolved output path (where the previous site stands, if any).
    pub(super) fn output(&self) -> &Path {
        &self.target.path
    }

    /// `<parent>/<prefix><name>.json`: a file of gongkai's beside the output.
    fn beside_named(&self, prefix: &str) -> PathBuf {
        let mut name = OsString::from(prefix);
        name.push(name_of(&self.target));
        name.push(".json");
        self.target.parent.join(name)
    }

    /// The file beside the output where the build cache keeps the stamps of the content files
    /// (`.gongkai-stamps-<name>.json`).
    pub(super) fn beside(&self) -> PathBuf {
        self.beside_named(STAMPS)
    }

    /// The build cache's manifest beside the output (`.gongkai-cache-<name>.json`): never in
    /// the output, which a web server publishes as it is (issue 15).
    pub(super) fn cache_path(&self) -> PathBuf {
        self.beside_named(CACHE)
    }

    /// A temporary sibling of this run (which the next run removes if this one dies).
    fn tmp_sibling(&self, n: u32) -> PathBuf {
        self.target.parent.join(sibling_name(
            TMP,
            name_of(&self.target),
            std::process::id(),
            n,
        ))
    }

    /// Where the new cache manifest is written before the swap, renamed
    /// [`cache_path`](Staging::cache_path) after it.
    pub(super) fn cache_tmp(&self) -> PathBuf {
        self.tmp_sibling(u32::MAX - 1)
    }

    /// The file [`beside`](Staging::beside) the output and the temporary sibling it is first
    /// written as, for [`write_beside`].
    pub(super) fn beside_paths(&self) -> (PathBuf, PathBuf) {
        (self.tmp_sibling(u32::MAX), self.beside())
    }

    /// The seal of the new site (see [`seal_of`]), once its marker is written.
    pub(super) fn new_seal(&self) -> Option<String> {
        seal_of(&self.tmp)
    }

    /// Writes one new file, flushed now unless one `syncfs` will flush everything at the end.
    /// In a claimed spare, whatever stood at `path` is removed first.
    pub(super) fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.vacate(path)?;
        if self.sync_once {
            fs::write_new(path, bytes)
        } else {
            fs::write_new_synced(path, bytes)
        }
    }

    /// Where the next site file goes: checks the injected fault and makes its folder.
    fn prepare(&self, relative: &str) -> Result<PathBuf> {
        let path = self.inside(relative)?;
        if let Some(reason) = self.fault.stops_after_files(self.written()) {
            return Err(injected("write", &path, reason));
        }
        if let Some(parent) = path.parent() {
            // A poisoned lock only means another thread failed; the set is still valid.
            let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !folders.contains(parent) {
                if self.placed.is_some() {
                    self.clear_way(parent)?;
                }
                fs::create_dir_all(parent)?;
                folders.insert(parent.to_path_buf());
            }
        }
        if let Some(placed) = &self.placed {
            let mut placed = placed.lock().unwrap_or_else(|e| e.into_inner());
            placed.insert(path_key(relative));
        }
        Ok(path)
    }

    /// In a claimed spare, removes whatever stands at `path`, so that a new file can be made
    /// there; in a fresh folder nothing stands there and nothing is done.
    fn vacate(&self, path: &Path) -> Result<()> {
        match self.placed {
            Some(_) => fs::remove_all(path),
            None => Ok(()),
        }
    }

    /// In a claimed spare, removes anything but a folder standing where `folder` or one of its
    /// parents inside the temporary folder must be.
    fn clear_way(&self, folder: &Path) -> Result<()> {
        let mut parts: Vec<&Path> = folder
            .ancestors()
            .take_while(|a| a.starts_with(&self.tmp) && *a != self.tmp)
            .collect();
        parts.reverse();
        for part in parts {
            match fs::symlink_metadata(part)? {
                Some(meta) if meta.is_dir() => {}
                Some(_) => fs::remove_all(part)?,
                None => break,
            }
        }
        Ok(())
    }

    /// In a claimed spare, removes every file the new site did not place (gongkai's own files
    /// at the top excepted) and every folder left empty; deepest first.
    fn prune(&self, placed: &Mutex<HashSet<u64>>) -> Result<()> {
        let placed = placed.lock().unwrap_or_else(|e| e.into_inner());
        let walker = walkdir::WalkDir::new(&self.tmp)
            .min_depth(1)
            .contents_first(true);
        for entry in walker {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(&self.tmp).to_owned();
                Error::Io {
                    action: "read",
                    path,
                    source: e.into(),
                }
            })?;
            let path = entry.path();
            if entry.file_type().is_dir() {
                // Removed only when nothing is left in it.
                match std::fs::remove_dir(path) {
                    Err(e) if e.kind() != io::ErrorKind::DirectoryNotEmpty => {
                        return Err(Error::Io {
                            action: "remove",
                            path: path.to_owned(),
                            source: e,
                        });
                    }
                    _ => {}
                }
                continue;
            }
            let relative = path.strip_prefix(&self.tmp).ok().and_then(|r| {
                let parts: Option<Vec<&str>> =
                    r.components().map(|c| c.as_os_str().to_str()).collect();
                parts.map(|p| p.join("/"))
            });
            let own = entry.depth() == 1 && entry.file_name() == MARKER;
            if !own && !relative.is_some_and(|r| placed.contains(&path_key(&r))) {
                fs::remove_all(path)?;
            }
        }
        Ok(())
    }

    /// Site files in place so far.
    fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Writes one site file (a validated relative path, never written before).
    pub(super) fn put(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.reserve(relative)?;
        self.write_file(&path, bytes)
    }

    /// Counts one site file and makes its folder; it is then written with
    /// [`put_reserved`](Staging::put_reserved), possibly from another thread.
    pub(super) fn reserve(&self, relative: &str) -> Result<PathBuf> {
        let path = self.prepare(relative)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(path)
    }

    /// Writes a file whose place [`reserve`](Staging::reserve) returned.
    pub(super) fn put_reserved(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.write_file(path, bytes)
    }

    /// Puts one site file in place as a hard link to `from`, an unchanged file of the previous
    /// site (files are never modified in place, so sharing them is safe). `Ok(false)`, with
    /// nothing written, when the file system refuses the link: the caller writes the file.
    /// In a claimed spare, a file that already is `from` (`from_meta`: the same inode) stays.
    pub(super) fn link(
        &self,
        relative: &str,
        from: &Path,
        from_meta: &std::fs::Metadata,
    ) -> Result<bool> {
        let path = self.prepare(relative)?;
        if self.fault == Fault::NoLinks {
            return Ok(false);
        }
        if self.placed.is_some()
            && let Some(meta) = fs::symlink_metadata(&path)?
        {
            if same_file(&meta, from_meta) {
                self.written.fetch_add(1, Ordering::Relaxed);
                return Ok(true);
            }
            self.vacate(&path)?;
        }
        if fs::hard_link(from, &path).is_err() {
            return Ok(false);
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(true)
    }

    /// Writes the new build cache beside the output, under its temporary name, through
    /// `write`, without holding it in memory: the seal of the new site, a newline, then what
    /// `write` writes. Flushed with the site.
    pub(super) fn put_cache_with(
        &self,
        write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<()> {
        use std::io::Write as _;
        let path = self.cache_tmp();
        let _ = std::fs::remove_file(&path);
        let err = |action: &'static str| {
            let path = path.clone();
            move |source| Error::Io {
                action,
                path,
                source,
            }
        };
        let Some(seal) = self.new_seal() else {
            return Err(err("inspect")(io::Error::new(
                io::ErrorKind::NotFound,
                crate::lang::pick(
                    format!("新生成的网站没有 `{MARKER}` 标记"),
                    format!("the new site has no `{MARKER}` marker"),
                ),
            )));
        };
        let file = std::fs::File::create_new(&path).map_err(err("create"))?;
        let mut out = io::BufWriter::new(file);
        writeln!(out, "{seal}").map_err(err("write"))?;
        write(&mut out).map_err(err("write"))?;
        out.flush().map_err(err("write"))?;
        if !self.sync_once {
            out.get_ref().sync_all().map_err(err("sync"))?;
        }
        Ok(())
    }

    /// Flushes every file and folder written to disk; after this the folder may be swapped in.
    pub(super) fn seal(&self) -> Result<()> {
        if let Some(reason) = self.fault.stops_after_files(self.written()) {
            return Err(injected("sync", &self.tmp, reason));
        }
        if let Some(placed) = &self.placed {
            self.prune(placed)?;
        }
        if self.sync_once && fs::sync_fs(&self.tmp)? {
            return Ok(());
        }
        // Every folder holding a new entry, including those `create_dir_all` made in between.
        let folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        let all: BTreeSet<&Path> = folders
            .iter()
            .flat_map(|f| f.ancestors().take_while(|a| a.starts_with(&self.tmp)))
            .collect();
        for folder in all {
            fs::sync_dir(folder)?;
        }
        Ok(())
    }

    /// Where a validated relative path lands in the temporary folder. Checked again here, so
    /// that no bug in validation can ever make a write land outside it.
    fn inside(&self, relative: &str) -> Result<PathBuf> {
        let parts = Path::new(relative).components();
        let plain = parts.clone().all(|c| matches!(c, Component::Normal(_)));
        if plain && parts.count() == relative.split('/').count() {
            return Ok(self.tmp.join(relative));
        }
        let shown = relative.escape_debug();
        Err(Error::Usage(crate::lang::pick(
            format!("内部错误：输出路径 `{shown}` 跑到了输出文件夹外面"),
            format!("internal error: output path `{shown}` escapes the output folder"),
        )))
    }

    /// Removes the temporary folder after a failure; the original error is what matters, so a
    /// failure here is dropped (the next run removes the folder anyway).
    pub(super) fn discard(self) {
        let _ = std::fs::remove_file(self.cache_tmp());
        let _ = fs::remove_tree(&self.tmp);
    }

    /// Swaps the filled folder in. Where the file system can, one atomic exchange puts the new
    /// site at the output path and the previous one in the temporary folder, which is then
    /// removed: a kill at any instant leaves one complete site at the output path. Elsewhere
    /// (and under the test hook that kills between renames): output → old, temporary →
    /// output, then old is removed; a kill between the two leaves the previous site complete
    /// in `old`, and the next run's recovery renames it back.
    ///
    /// The build cache beside the output is removed before the swap and the new one (written
    /// by [`put_cache_with`](Staging::put_cache_with)) renamed into place after it, so a cache
    /// beside the output never describes another site than the live one (its seal says so too).
    ///
    /// With `close`, the build took most of its files over from the previous site, so the
    /// previous site shares most of its files with the new one and is kept as the spare (when
    /// the staging allows it). Otherwise it is removed now: a spare sharing little with the
    /// live site would make the next build, meant to be quick, pay for removing it file by
    /// file (on a disk that discards freed blocks, one synchronous request per file).
    ///
    /// Once the new site is in place the build has published: what fails after that (removing
    /// the previous site, placing the cache) is a warning in the returned list, never an error
    /// (issue 15).
    pub(super) fn swap_in(mut self, existing: Existing, close: bool) -> Result<Vec<String>> {
        let fault = self.fault;
        let had_output = existing == Existing::Replaceable;
        let cache = self.cache_path();
        let _ = std::fs::remove_file(&cache);
        let _ = std::fs::remove_file(self.beside());
        let mut warnings = std::mem::take(&mut self.warnings);
        if had_output && fault != Fault::KillBetweenRenames {
            match fs::exchange(&self.tmp, &self.target.path) {
                Ok(true) => {
                    self.place_cache(&cache, &mut warnings);
                    if let Err(e) = fs::sync_dir(&self.target.parent) {
                        warnings.push(format!("{e}"));
                    }
                    // The temporary folder now holds the previous site: the next spare, or
                    // removed (also when something else already stands at the spare's name).
                    if self.keep_spare
                        && close
                        && fs::rename(&self.tmp, &spare_path(&self.target)).is_ok()
                    {
                        return Ok(warnings);
                    }
                    if let Err(e) = fs::remove_tree(&self.tmp) {
                        warnings.push(left_behind(&self.tmp, &e));
                    }
                    return Ok(warnings);
                }
                Ok(false) => {}
                Err(e) => {
                    self.discard();
                    return Err(e);
                }
            }
        }
        if had_output && let Err(e) = fs::rename(&self.target.path, &self.old) {
            self.discard();
            return Err(e);
        }
        if let Fault::KillBetweenRenames = fault {
            return Err(injected("rename", &self.tmp, "killed"));
        }
        if let Err(e) = fs::rename(&self.tmp, &self.target.path) {
            // Put the previous site back; if even that fails, it waits complete in `old` and
            // the next run's recovery renames it back.
            if !had_output || fs::rename(&self.old, &self.target.path).is_ok() {
                self.discard();
            }
            return Err(e);
        }
        self.place_cache(&cache, &mut warnings);
        if let Err(e) = fs::sync_dir(&self.target.parent) {
            warnings.push(format!("{e}"));
        }
        if had_output && let Err(e) = fs::remove_tree(&self.old) {
            warnings.push(left_behind(&self.old, &e));
        }
        Ok(warnings)
    }

    /// Renames the new build cache into place beside the output (when one was written). A
    /// failure only costs the next build the time to render every file.
    fn place_cache(&self, cache: &Path, warnings: &mut Vec<String>) {
        let tmp = self.cache_tmp();
        if fs::symlink_metadata(&tmp).ok().flatten().is_none() {
            return;
        }
        if let Err(e) = fs::rename(&tmp, cache) {
            let _ = std::fs::remove_file(&tmp);
            warnings.push(crate::lang::pick(
                format!("无法保留生成缓存（{e}）；下次生成会重新生成每个文件"),
                format!(
                    "the build cache could not be kept ({e}); the next build renders every file"
                ),
            ));
        }
    }
}

/// A site path as the spare's bookkeeping keeps it: 8 bytes instead of the path (100,000
/// unit-years place two million). A stray file of the spare survives the prune only if its
/// path's 64-bit SipHash equals a placed one's, about one chance in 2^43 at that size.
fn path_key(relative: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    relative.hash(&mut hasher);
    hasher.finish()
}

/// Whether two entries are the same file (the same inode on the same device).
#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Elsewhere no file is known to be another's: every taken-over file is linked again.
#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// The error a [`Fault`] raises.
fn injected(action: &'static str, path: &Path, reason: &str) -> Error {
    Error::Io {
        action,
        path: path.to_owned(),
        source: io::Error::other(format!("{reason} by the test hook")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_are_told_apart_from_those_of_similar_names() {
        let site = OsStr::new("site");
        assert!(is_sibling(OsStr::new(".gongkai-tmp-site-12-0"), TMP, site));
        assert!(is_sibling(OsStr::new(".gongkai-old-site-1-34"), OLD, site));
        assert!(!is_sibling(OsStr::new(".gongkai-old-site-1-34"), TMP, site));
        assert!(!is_sibling(
            OsStr::new(".gongkai-tmp-site-2-12-0"),
            TMP,
            site
        ));
        assert!(!is_sibling(OsStr::new(".gongkai-tmp-site-12"), TMP, site));
        assert!(!is_sibling(OsStr::new(".gongkai-tmp-site-12-"), TMP, site));
        assert!(!is_sibling(OsStr::new(".gongkai-tmp-site-a-0"), TMP, site));
        assert!(!is_sibling(OsStr::new("site"), TMP, site));
    }

    #[test]
    fn a_sibling_name_round_trips() {
        let name = OsStr::new("输出");
        assert!(is_sibling(&sibling_name(TMP, name, 7, 3), TMP, name));
    }

    #[test]
    fn no_path_can_land_outside_the_temporary_folder_even_unvalidated() {
        let target = Target {
            path: PathBuf::from("/site/output"),
            parent: PathBuf::from("/site"),
        };
        let staging = Staging {
            target,
            tmp: PathBuf::from("/site/.gongkai-tmp-output-1-0"),
            old: PathBuf::from("/site/.gongkai-old-output-1-0"),
            folders: Mutex::new(HashSet::new()),
            written: AtomicUsize::new(0),
            sync_once: true,
            fault: Fault::None,
            keep_spare: false,
            placed: None,
            warnings: Vec::new(),
        };
        let inside = staging.inside("units/青菱/index.html").ok();
        let want = PathBuf::from("/site/.gongkai-tmp-output-1-0/units/青菱/index.html");
        assert_eq!(inside, Some(want));
        for bad in ["/etc/x", "../x", "a/../../x", "./a", "a//b", "a/./b", ""] {
            assert!(staging.inside(bad).is_err(), "{bad}");
        }
    }
}
