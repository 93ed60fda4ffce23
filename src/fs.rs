//! File-system wrappers whose errors always name the path.
//!
//! Only this module and `output` touch `std::fs`; every other stage works on owned data.

mod beneath;
mod temp;

use std::path::{Path, PathBuf};

pub(crate) use self::beneath::{Refused, Root};
pub(crate) use self::temp::TempFolder;
use crate::error::{Error, Result};

/// Reads a whole file as bytes.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        action: "read",
        path: path.to_owned(),
        source,
    })
}

/// Creates a folder and its parents.
pub(crate) fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|source| Error::Io {
        action: "create",
        path: path.to_owned(),
        source,
    })
}

// Wrappers for `output`: the temporary folder, `fsync`, the swap and the clean-up. None follows
// a symbolic link when removing, and none retries.

/// Wraps an OS error with the action and the path it concerned.
fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.to_owned();
    move |source| Error::Io {
        action,
        path,
        source,
    }
}

/// Creates one folder whose parent exists; `false` when something already stands at `path`.
pub(crate) fn create_new_dir(path: &Path) -> Result<bool> {
    match std::fs::create_dir(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(io_error("create", path)(e)),
    }
}

/// Creates a new file (never overwriting one), writes `bytes` and flushes them to disk.
pub(crate) fn write_new_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::File::create_new(path).map_err(io_error("create", path))?;
    file.write_all(bytes).map_err(io_error("write", path))?;
    file.sync_all().map_err(io_error("sync", path))
}

/// Creates a new file (never overwriting one) and writes `bytes`, without flushing: the caller
/// flushes the whole file system once with [`sync_fs`] (or falls back to [`write_new_synced`]).
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::File::create_new(path).map_err(io_error("create", path))?;
    file.write_all(bytes).map_err(io_error("write", path))
}

/// Makes `to` a new hard link to the regular file `from` (never following a link at `from`).
pub(crate) fn hard_link(from: &Path, to: &Path) -> Result<()> {
    std::fs::hard_link(from, to).map_err(io_error("link", to))
}

/// Flushes everything written to the file system holding `path` (Linux `syncfs`): one call in
/// place of an `fsync` per file and folder. `Ok(false)` where the system has no such call.
pub(crate) fn sync_fs(path: &Path) -> Result<bool> {
    #[cfg(target_os = "linux")]
    {
        let dir = std::fs::File::open(path).map_err(io_error("open", path))?;
        rustix::fs::syncfs(&dir).map_err(|e| io_error("sync", path)(std::io::Error::from(e)))?;
        Ok(true)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        Ok(false)
    }
}

/// Flushes a folder's entries to disk, so that files created or renamed in it survive a crash.
///
/// Only on Unix: elsewhere a folder cannot be opened as a file and this does nothing.
pub(crate) fn sync_dir(path: &Path) -> Result<()> {
    if cfg!(unix) {
        let dir = std::fs::File::open(path).map_err(io_error("open", path))?;
        dir.sync_all().map_err(io_error("sync", path))?;
    }
    Ok(())
}

/// What stands at `path` itself (a symbolic link is not followed); `None` when nothing does.
pub(crate) fn symlink_metadata(path: &Path) -> Result<Option<std::fs::Metadata>> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => Ok(Some(meta)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("inspect", path)(e)),
    }
}

/// The absolute path with every symbolic link and `..` resolved; `None` when some part of
/// `path` does not exist (or is not a folder where a folder is needed).
pub(crate) fn canonicalize(path: &Path) -> Result<Option<PathBuf>> {
    match std::fs::canonicalize(path) {
        Ok(p) => Ok(Some(p)),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(io_error("resolve", path)(e)),
    }
}

/// The names in a folder, sorted; empty when the folder does not exist.
pub(crate) fn read_dir_names(path: &Path) -> Result<Vec<std::ffi::OsString>> {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error("list", path)(e)),
    };
    let mut names = entries
        .map(|entry| entry.map(|e| e.file_name()))
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(io_error("list", path))?;
    names.sort();
    Ok(names)
}

/// True when the folder has no entries at all.
pub(crate) fn is_empty_dir(path: &Path) -> Result<bool> {
    let mut entries = std::fs::read_dir(path).map_err(io_error("list", path))?;
    Ok(entries.next().is_none())
}

/// Renames `from` to `to` (same file system); the error names both.
pub(crate) fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| Error::Io {
        action: "rename",
        path: from.to_owned(),
        source: std::io::Error::new(e.kind(), format!("{e} (renaming to `{}`)", to.display())),
    })
}

/// Swaps two existing folders of one file system in one atomic step (Linux `renameat2` with
/// `RENAME_EXCHANGE`): at every instant each path holds one complete folder. `Ok(false)` when
/// the system or file system cannot exchange (other systems, old kernels, some network file
/// systems); the caller then falls back to two renames.
pub(crate) fn exchange(a: &Path, b: &Path) -> Result<bool> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        use rustix::io::Errno;
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(true),
            Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP | Errno::XDEV | Errno::PERM) => {
                Ok(false)
            }
            Err(e) => Err(Error::Io {
                action: "exchange",
                path: a.to_owned(),
                source: std::io::Error::new(
                    std::io::Error::from(e).kind(),
                    format!("{e} (exchanging with `{}`)", b.display()),
                ),
            }),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Ok(false)
    }
}

/// Removes a folder with everything in it as [`remove_all`] does, several parts at once: a file
/// whose blocks are freed can wait for the disk (one synchronous discard per file on a disk
/// mounted with `discard`), and eight removals in flight overlap those waits. The entries two
/// levels down are shared out (a site's bulk is under `units/` and `data/`); what is left is
/// then removed by [`remove_all`]. Links are removed, never followed.
///
/// A folder of gongkai's own that cannot be emptied because it, or a folder in it, is
/// read-only (`chmod 555` on a folder of a previous site) is made writable again and removed;
/// what belongs to another user stays, and the error names the first path that could not go
/// (issue 15: such a folder used to make every later build fail).
pub(crate) fn remove_tree(path: &Path) -> Result<()> {
    match remove_tree_once(path) {
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::PermissionDenied => {
            make_writable(path, 0);
            remove_tree_once(path)
        }
        other => other,
    }
}

/// Gives the owner read, write and search permission on every folder of the tree at `path`
/// that lacks them (links are not followed; folders of other users are left as they are, the
/// system refuses the change). Best effort: what fails here shows when the removal fails.
#[cfg(unix)]
fn make_writable(path: &Path, depth: usize) {
    use std::os::unix::fs::PermissionsExt as _;
    // Deeper than any site; a bound against a hostile tree.
    const MAX_DEPTH: usize = 64;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if !meta.is_dir() || depth > MAX_DEPTH {
        return;
    }
    let mode = meta.permissions().mode();
    if mode & 0o700 != 0o700 {
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode | 0o700));
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            make_writable(&entry.path(), depth + 1);
        }
    }
}

#[cfg(not(unix))]
fn make_writable(_: &Path, _: usize) {}

/// Whether every folder of the tree at `path` may be written by this process: each is owned by
/// it and writable by its owner (a read-only one is made writable), or the process is the
/// superuser. Links are not followed. For the spare, which is claimed only when the build can
/// replace anything in it (issue 15).
pub(crate) fn tree_is_ours(path: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt as _;
        let me = rustix::process::geteuid();
        if me.is_root() {
            return true;
        }
        make_writable(path, 0);
        walkdir::WalkDir::new(path)
            .into_iter()
            .filter_entry(|e| e.file_type().is_dir())
            .all(|entry| {
                entry
                    .ok()
                    .and_then(|e| e.metadata().ok())
                    .is_some_and(|meta| meta.uid() == me.as_raw() && meta.mode() & 0o700 == 0o700)
            })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        true
    }
}

/// [`remove_tree`] without the second try.
fn remove_tree_once(path: &Path) -> Result<()> {
    use rayon::prelude::*;
    if !symlink_metadata(path)?.is_some_and(|meta| meta.is_dir()) {
        return remove_all(path);
    }
    let mut parts = Vec::new();
    for first in read_dir_names(path)? {
        let first = path.join(first);
        if symlink_metadata(&first)?.is_some_and(|meta| meta.is_dir()) {
            parts.extend(read_dir_names(&first)?.into_iter().map(|n| first.join(n)));
        }
    }
    if let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(8).build() {
        pool.install(|| parts.par_iter().try_for_each(|part| remove_all(part)))?;
    }
    remove_all(path)
}

/// Removes whatever stands at `path`: a folder with everything in it, or a file or link
/// (a link is removed, never followed). Nothing there is not an error.
pub(crate) fn remove_all(path: &Path) -> Result<()> {
    let Some(meta) = symlink_metadata(path)? else {
        return Ok(());
    };
    let removed = if meta.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    match removed {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error("remove", path)(e)),
        _ => Ok(()),
    }
}

/// What a walked path is. Symbolic links are reported as such, never followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    /// A regular file.
    File,
    /// A folder.
    Dir,
    /// A symbolic link (not followed).
    Symlink,
    /// A socket, device, FIFO …
    Other,
}

impl EntryKind {
    fn of(ft: std::fs::FileType) -> EntryKind {
        if ft.is_symlink() {
            EntryKind::Symlink
        } else if ft.is_dir() {
            EntryKind::Dir
        } else if ft.is_file() {
            EntryKind::File
        } else {
            EntryKind::Other
        }
    }
}

/// One path found by [`walk_sorted`].
#[derive(Debug, Clone)]
pub(crate) struct WalkEntry {
    /// The path, `root` joined with the names below it.
    pub(crate) path: PathBuf,
    /// The names below `root` (`["qingling", "2023.yaml"]`); lossy when not UTF-8.
    pub(crate) names: Vec<String>,
    /// False when a name is not valid UTF-8 (then `names` holds a lossy version).
    pub utf8: bool,
    /// File, folder, link or other.
    pub(crate) kind: EntryKind,
    /// Size in bytes (of the link itself for links).
    pub(crate) len: u64,
    /// When and where it last changed, as far as the file system tells.
    pub(crate) stamp: Stamp,
}

/// When and where a file last changed, as the file system tells: its modification time and,
/// on Unix, its status-change time (which no tool can set back) and inode, all zero when
/// unknown. Equal stamps and lengths mean an unchanged file unless it was modified within the
/// clock's resolution of the stamp being taken, which the build cache guards against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Stamp {
    /// Modification time, nanoseconds since 1970.
    pub(crate) mtime: u64,
    /// Status-change time, nanoseconds since 1970 (Unix).
    pub(crate) ctime: u64,
    /// Inode number (Unix).
    pub(crate) ino: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub(crate) fn of(meta: &std::fs::Metadata) -> Stamp {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let ns = |s: i64, n: i64| {
                u64::try_from(s)
                    .unwrap_or(0)
                    .saturating_mul(1_000_000_000)
                    .saturating_add(u64::try_from(n).unwrap_or(0))
            };
            Stamp {
                mtime,
                ctime: ns(meta.ctime(), meta.ctime_nsec()),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        Stamp {
            mtime,
            ctime: 0,
            ino: 0,
        }
    }
}

/// Every path under `root` down to `max_depth` levels, sorted by file name at each level, without
/// following symbolic links. Hidden names (starting with `.`) are skipped with everything under
/// them. `root` itself is not listed. Folders at `max_depth` are listed but not entered.
pub(crate) fn walk_sorted(root: &Path, max_depth: usize) -> Result<Vec<WalkEntry>> {
    walk(root, max_depth, false)
}

/// Like [`walk_sorted`], but of the names directly under `root` only those in `keep` are listed
/// (and entered): a walk of a few unit folders, however many others stand beside them (`root`
/// itself is not even read: each name is looked up).
pub(crate) fn walk_sorted_only(
    root: &Path,
    max_depth: usize,
    keep: &std::collections::BTreeSet<&str>,
) -> Result<Vec<WalkEntry>> {
    let mut out = Vec::new();
    if !std::fs::metadata(root).is_ok_and(|m| m.is_dir()) {
        // The same message as a full walk's.
        return walk(root, 0, false);
    }
    for name in keep
        .iter()
        .filter(|n| !n.starts_with('.') && !n.contains('/'))
    {
        let path = root.join(name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let kind = EntryKind::of(meta.file_type());
        out.push(WalkEntry {
            path: path.clone(),
            names: vec![(*name).to_owned()],
            utf8: true,
            kind,
            len: meta.len(),
            stamp: Stamp::of(&meta),
        });
        if kind == EntryKind::Dir && max_depth > 1 {
            for mut e in walk(&path, max_depth - 1, false)? {
                e.names.insert(0, (*name).to_owned());
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Like [`walk_sorted`], but hidden names are listed too and there is no depth limit: for
/// `archive verify`, where a hidden file added to a snapshot must not go unseen.
pub(crate) fn walk_sorted_all(root: &Path) -> Result<Vec<WalkEntry>> {
    walk(root, usize::MAX, true)
}

fn walk(root: &Path, max_depth: usize, hidden: bool) -> Result<Vec<WalkEntry>> {
    let io = |source: std::io::Error, path: &Path| Error::Io {
        action: "read",
        path: path.to_owned(),
        source,
    };
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .max_depth(max_depth)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            hidden || e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
        });
    let mut out = Vec::new();
    for item in walker {
        let entry = item.map_err(|e| {
            let path = e.path().unwrap_or(root).to_owned();
            let source = e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("file system loop"));
            io(source, &path)
        })?;
        if entry.depth() == 0 {
            if !entry.file_type().is_dir() {
                return Err(io(
                    std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder"),
                    root,
                ));
            }
            continue;
        }
        let kind = EntryKind::of(entry.file_type());
        let meta = entry.metadata().ok();
        let len = meta.as_ref().map_or(0, std::fs::Metadata::len);
        let stamp = meta.as_ref().map(Stamp::of).unwrap_or_default();
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let mut utf8 = true;
        let names = rel
            .components()
            .map(|c| {
                let os = c.as_os_str();
                os.to_str().map(str::to_owned).unwrap_or_else(|| {
                    utf8 = false;
                    os.to_string_lossy().into_owned()
                })
            })
            .collect();
        out.push(WalkEntry {
            path: entry.path().to_owned(),
            names,
            utf8,
            kind,
            len,
            stamp,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn remove_tree_removes_everything_and_follows_no_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(outside.join("kept")).expect("mkdir");
        std::fs::write(outside.join("kept/file"), "kept").expect("write");
        let tree = dir.path().join("tree");
        for folder in ["units/a/2020", "units/b", "data/a", "empty"] {
            std::fs::create_dir_all(tree.join(folder)).expect("mkdir");
        }
        for file in [
            "index.html",
            "units/a/2020/index.html",
            "units/b/x",
            "data/a.json",
        ] {
            std::fs::write(tree.join(file), file).expect("write");
        }
        std::os::unix::fs::symlink(&outside, tree.join("link")).expect("link");
        std::os::unix::fs::symlink(&outside, tree.join("units/link")).expect("link");
        remove_tree(&tree).expect("removed");
        assert!(!tree.exists());
        assert_eq!(
            std::fs::read_to_string(outside.join("kept/file"))
                .ok()
                .as_deref(),
            Some("kept")
        );
        remove_tree(&tree).expect("nothing there is not an error");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn two_folders_are_exchanged_in_one_step() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        for (folder, text) in [(&a, "old"), (&b, "new")] {
            std::fs::create_dir(folder).expect("folder");
            std::fs::write(folder.join("index.html"), text).expect("file");
        }
        assert!(
            exchange(&b, &a).expect("exchange"),
            "ext4, tmpfs and overlayfs can exchange"
        );
        let read = |p: &Path| std::fs::read_to_string(p.join("index.html")).expect("read");
        assert_eq!((read(&a).as_str(), read(&b).as_str()), ("new", "old"));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn exchanging_with_a_missing_folder_is_an_error_naming_both() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a");
        std::fs::create_dir(&a).expect("folder");
        let e = exchange(&a, &dir.path().join("missing")).expect_err("nothing to exchange with");
        assert!(e.to_string().contains("missing"), "{e}");
        assert!(a.is_dir(), "nothing moved");
    }
}
