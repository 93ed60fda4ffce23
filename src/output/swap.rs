//! The temporary folder, the swap, and recovery from an interrupted run.
//!
//! In: a guarded [`Target`] and the sorted files. Out: the new site at the target path, or an
//! error with the previous site still there. Siblings of the output named
//! `.gongkai-tmp-<name>-<pid>-<n>` and `.gongkai-old-<name>-<pid>-<n>` belong to gongkai and
//! are the only things besides the output that this module creates, renames or removes.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::guard::{Existing, Target, refusal};
use super::{Fault, MARKER, MARKER_TEXT};
use crate::error::{Error, Result};
use crate::fs;

const TMP: &str = ".gongkai-tmp-";
const OLD: &str = ".gongkai-old-";

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
pub(super) fn recover(output_dir: &Path, target: &Target, existing: Existing) -> Result<()> {
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
            let why = format!(
                "it is missing and several earlier sites wait beside it ({}); keep the right \
                 one as the output folder and remove the others",
                list.join(", ")
            );
            return Err(Error::Usage(refusal(output_dir, &target.path, &why)));
        }
        // A run was stopped between its two renames: the previous site is complete in `old`.
        let old = olds.remove(0);
        fs::rename(&old, &target.path)?;
        fs::sync_dir(&target.parent)?;
    }
    for path in stale.iter().chain(&olds) {
        fs::remove_all(path)?;
    }
    Ok(())
}

/// A temporary folder beside the output, being filled one file at a time.
pub(super) struct Staging {
    target: Target,
    tmp: PathBuf,
    old: PathBuf,
    /// Folders made so far (each holds a new entry to flush).
    folders: Mutex<BTreeSet<PathBuf>>,
    /// Site files in place so far (the marker and the cache manifest are not counted).
    written: AtomicUsize,
    /// Whether one `syncfs` at the end flushes everything (Linux); else every file is flushed
    /// as it is written and every folder at the end.
    sync_once: bool,
    fault: Fault,
}

impl Staging {
    /// Creates a fresh temporary folder beside the output (and the output's parents if needed)
    /// and writes the marker into it.
    pub(super) fn create(target: Target, fault: Fault) -> Result<Staging> {
        fs::create_dir_all(&target.parent)?;
        let name = name_of(&target);
        let pid = std::process::id();
        // `create_new_dir` fails on an existing name, so probing picks a name no one else holds.
        for n in 0..=u32::MAX {
            let tmp = target.parent.join(sibling_name(TMP, name, pid, n));
            if fs::create_new_dir(&tmp)? {
                let old = target.parent.join(sibling_name(OLD, name, pid, n));
                let staging = Staging {
                    target,
                    folders: Mutex::new(BTreeSet::from([tmp.clone()])),
                    tmp,
                    old,
                    written: AtomicUsize::new(0),
                    sync_once: cfg!(target_os = "linux"),
                    fault,
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
        Err(Error::Usage(format!(
            "no free temporary folder name beside `{}`",
            target.path.display()
        )))
    }

    /// The resolved output path (where the previous site stands, if any).
    pub(super) fn output(&self) -> &Path {
        &self.target.path
    }

    /// The file beside the output where the build cache keeps what differs from machine to
    /// machine (`.gongkai-stamps-<name>.json`).
    pub(super) fn beside(&self) -> PathBuf {
        let mut name = OsString::from(".gongkai-stamps-");
        name.push(name_of(&self.target));
        name.push(".json");
        self.target.parent.join(name)
    }

    /// The file [`beside`](Staging::beside) the output and the temporary sibling it is first
    /// written as (which the next run removes if this one dies), for [`write_beside`].
    pub(super) fn beside_paths(&self) -> (PathBuf, PathBuf) {
        let tmp = self.target.parent.join(sibling_name(
            TMP,
            name_of(&self.target),
            std::process::id(),
            u32::MAX,
        ));
        (tmp, self.beside())
    }

    /// Writes one new file, flushed now unless one `syncfs` will flush everything at the end.
    pub(super) fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<()> {
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
                fs::create_dir_all(parent)?;
                folders.insert(parent.to_path_buf());
            }
        }
        Ok(path)
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
    pub(super) fn link(&self, relative: &str, from: &Path) -> Result<bool> {
        let path = self.prepare(relative)?;
        if self.fault == Fault::NoLinks || fs::hard_link(from, &path).is_err() {
            return Ok(false);
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(true)
    }

    /// Writes gongkai's own file `name` (not a site file: not counted, no fault).
    pub(super) fn put_own(&self, name: &str, bytes: &[u8]) -> Result<()> {
        self.write_file(&self.tmp.join(name), bytes)
    }

    /// Writes gongkai's own file `name` through `write`, without holding it in memory.
    pub(super) fn put_own_with(
        &self,
        name: &str,
        write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<()> {
        use std::io::Write as _;
        let path = self.tmp.join(name);
        let err = |action: &'static str| {
            let path = path.clone();
            move |source| Error::Io {
                action,
                path,
                source,
            }
        };
        let file = std::fs::File::create_new(&path).map_err(err("create"))?;
        let mut out = io::BufWriter::new(file);
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
        Err(Error::Usage(format!(
            "internal error: output path `{}` escapes the output folder",
            relative.escape_debug()
        )))
    }

    /// Removes the temporary folder after a failure; the original error is what matters, so a
    /// failure here is dropped (the next run removes the folder anyway).
    pub(super) fn discard(self) {
        let _ = fs::remove_all(&self.tmp);
    }

    /// Swaps the filled folder in. Where the file system can, one atomic exchange puts the new
    /// site at the output path and the previous one in the temporary folder, which is then
    /// removed: a kill at any instant leaves one complete site at the output path. Elsewhere
    /// (and under the test hook that kills between renames): output → old, temporary →
    /// output, then old is removed; a kill between the two leaves the previous site complete
    /// in `old`, and the next run's recovery renames it back.
    pub(super) fn swap_in(self, existing: Existing) -> Result<()> {
        let fault = self.fault;
        let target = &self.target;
        let had_output = existing == Existing::Replaceable;
        if had_output && fault != Fault::KillBetweenRenames {
            match fs::exchange(&self.tmp, &target.path) {
                Ok(true) => {
                    fs::sync_dir(&target.parent)?;
                    // The temporary folder now holds the previous site.
                    return fs::remove_all(&self.tmp);
                }
                Ok(false) => {}
                Err(e) => {
                    self.discard();
                    return Err(e);
                }
            }
        }
        if had_output && let Err(e) = fs::rename(&target.path, &self.old) {
            self.discard();
            return Err(e);
        }
        if let Fault::KillBetweenRenames = fault {
            return Err(injected("rename", &self.tmp, "killed"));
        }
        if let Err(e) = fs::rename(&self.tmp, &target.path) {
            // Put the previous site back; if even that fails, it waits complete in `old` and
            // the next run's recovery renames it back.
            if !had_output || fs::rename(&self.old, &target.path).is_ok() {
                self.discard();
            }
            return Err(e);
        }
        fs::sync_dir(&target.parent)?;
        if had_output {
            fs::remove_all(&self.old)?;
        }
        Ok(())
    }
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
            folders: Mutex::new(BTreeSet::new()),
            written: AtomicUsize::new(0),
            sync_once: true,
            fault: Fault::None,
        };
        let inside = staging.inside("units/青菱/index.html").ok();
        let want = PathBuf::from("/site/.gongkai-tmp-output-1-0/units/青菱/index.html");
        assert_eq!(inside, Some(want));
        for bad in ["/etc/x", "../x", "a/../../x", "./a", "a//b", "a/./b", ""] {
            assert!(staging.inside(bad).is_err(), "{bad}");
        }
    }
}
