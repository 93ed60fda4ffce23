//! Change detection for `gongkai serve`, by polling: a snapshot of every file's size and
//! modification time under the watched folders, compared with the previous one.
//!
//! In: the folders to watch (`content/`, `themes/`). Out: a [`Snapshot`]; two snapshots differ
//! when a file (not a folder) was added, removed, resized or touched. Never follows symbolic links, never
//! reads a file's contents, never fails: a folder that cannot be read (or does not exist) simply
//! contributes nothing, and shows up as a change when it comes back.
//!
//! Polling rather than OS notifications keeps serve free of a platform-specific dependency; a
//! stat of a few dozen files every few hundred milliseconds costs nothing noticeable.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::SystemTime;

/// Size and modification time of every watched path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Snapshot(BTreeMap<PathBuf, (u64, Option<SystemTime>)>);

impl Snapshot {
    /// Takes a snapshot of everything under `roots`, hidden names (editor swap files, `.git`)
    /// and backup files ending in `~` left out.
    pub(super) fn take(roots: &[PathBuf]) -> Snapshot {
        let mut files = BTreeMap::new();
        for root in roots {
            let walker = walkdir::WalkDir::new(root)
                .follow_links(false)
                .into_iter()
                .filter_entry(|e| {
                    let name = e.file_name().to_string_lossy();
                    e.depth() == 0 || !(name.starts_with('.') || name.ends_with('~'))
                });
            for entry in walker.flatten() {
                // Folders are left out: their times change when an editor drops a swap file in
                // them. A file added or removed still changes the set of paths.
                if entry.file_type().is_dir() {
                    continue;
                }
                if let Ok(meta) = entry.metadata() {
                    let stamp = (meta.len(), meta.modified().ok());
                    files.insert(entry.into_path(), stamp);
                }
            }
        }
        Snapshot(files)
    }

    /// Number of paths seen.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_changes_when_a_file_is_edited_added_or_removed_but_not_otherwise() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("content");
        std::fs::create_dir_all(dir.join("qingling")).expect("mkdir");
        let record = dir.join("qingling/2023.yaml");
        std::fs::write(&record, "a: 1\n").expect("write");
        let roots = [dir.clone(), tmp.path().join("themes")];
        let first = Snapshot::take(&roots);
        assert_eq!(first.len(), 1, "the record; folders are not listed");
        assert_eq!(Snapshot::take(&roots), first, "nothing changed");

        std::fs::write(dir.join(".2023.yaml.swp"), "x").expect("write");
        std::fs::write(dir.join("2023.yaml~"), "x").expect("write");
        assert_eq!(
            Snapshot::take(&roots),
            first,
            "swap and backup files are ignored"
        );

        std::fs::write(&record, "a: 12\n").expect("write");
        let edited = Snapshot::take(&roots);
        assert_ne!(edited, first, "an edit is a change");

        std::fs::write(dir.join("qingling/2024.yaml"), "a: 1\n").expect("write");
        let added = Snapshot::take(&roots);
        assert_ne!(added, edited, "a new file is a change");

        std::fs::remove_file(dir.join("qingling/2024.yaml")).expect("remove");
        assert_ne!(Snapshot::take(&roots), added, "a removed file is a change");
        assert_eq!(Snapshot::take(&roots), edited, "back to the edited set");

        std::fs::create_dir_all(tmp.path().join("themes/default")).expect("mkdir");
        std::fs::write(tmp.path().join("themes/default/base.html"), "x").expect("write");
        assert_ne!(Snapshot::take(&roots), edited, "a theme file is a change");
    }
}
