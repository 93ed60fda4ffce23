//! File-system wrappers whose errors always name the path.
//!
//! Only this module and `output` touch `std::fs`; every other stage works on owned data.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Reads a whole file as bytes.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        action: "read",
        path: path.to_owned(),
        source,
    })
}

/// Writes a whole file, creating parent folders.
#[allow(dead_code, reason = "used by `output`, which the site issue fills in")]
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).map_err(|source| Error::Io {
        action: "write",
        path: path.to_owned(),
        source,
    })
}

/// Creates a folder and its parents.
#[allow(dead_code, reason = "used by `output`, which the site issue fills in")]
pub(crate) fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|source| Error::Io {
        action: "create",
        path: path.to_owned(),
        source,
    })
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
}

/// Every path under `root` down to `max_depth` levels, sorted by file name at each level, without
/// following symbolic links. Hidden names (starting with `.`) are skipped with everything under
/// them. `root` itself is not listed. Folders at `max_depth` are listed but not entered.
pub(crate) fn walk_sorted(root: &Path, max_depth: usize) -> Result<Vec<WalkEntry>> {
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
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
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
        let ft = entry.file_type();
        let kind = if ft.is_symlink() {
            EntryKind::Symlink
        } else if ft.is_dir() {
            EntryKind::Dir
        } else if ft.is_file() {
            EntryKind::File
        } else {
            EntryKind::Other
        };
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
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
        });
    }
    Ok(out)
}
