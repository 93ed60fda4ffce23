//! A private temporary folder, removed with everything in it when dropped: where `archive` and
//! `diff` have the streaming build write a site they then read back (issue 20: one build path).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// A folder of its own under the system's temporary folder (`TMPDIR`), readable by this user
/// only; removed when dropped.
#[derive(Debug)]
pub(crate) struct TempFolder {
    path: PathBuf,
}

/// Tells apart folders made in the same nanosecond by one process.
static NEXT: AtomicU64 = AtomicU64::new(0);

impl TempFolder {
    /// Makes `<TMPDIR>/<prefix>-<pid>-<nanos>-<n>`, a new folder (never one that exists).
    pub(crate) fn new(prefix: &str) -> Result<TempFolder> {
        let base = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let mut last = None;
        for _ in 0..16 {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = base.join(format!("{prefix}-{}-{nanos}-{n}", std::process::id()));
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt as _;
                builder.mode(0o700);
            }
            match builder.create(&path) {
                Ok(()) => return Ok(TempFolder { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(source) => {
                    return Err(Error::Io {
                        action: "create",
                        path,
                        source,
                    });
                }
            }
        }
        Err(Error::Io {
            action: "create",
            path: base,
            source: last.unwrap_or_else(|| std::io::Error::other("no free name")),
        })
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        // Best effort: a folder left behind in the temporary folder harms nothing.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::TempFolder;

    #[test]
    fn each_folder_is_new_and_goes_with_its_guard() {
        let a = TempFolder::new("gongkai-test").expect("made");
        let b = TempFolder::new("gongkai-test").expect("made");
        assert_ne!(a.path(), b.path());
        std::fs::write(a.path().join("f"), b"x").expect("write");
        let path = a.path().to_owned();
        drop(a);
        assert!(!path.exists(), "removed with its files");
    }
}
