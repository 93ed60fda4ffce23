//! The output guard: decides whether a folder may be replaced, before anything is written.
//!
//! In: the output path as the user gave it and the [`OutputEnv`]. Out: the resolved
//! [`Target`] and what stands there now, or [`Error::Usage`] saying why the folder is refused.
//! Only reads the file system (resolving paths, listing the output folder); never writes.

use std::path::{Component, Path, PathBuf};

use super::{MARKER, OutputEnv};
use crate::error::{Error, Result};
use crate::fs;

/// The output folder, resolved.
#[derive(Debug)]
pub(super) struct Target {
    /// Absolute, with symbolic links and `..` resolved as far as the path exists.
    pub(super) path: PathBuf,
    /// The folder holding it (where the temporary and old folders go).
    pub(super) parent: PathBuf,
}

/// What stands at the output path now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Existing {
    /// Nothing.
    Nothing,
    /// A folder, empty or carrying gongkai's marker: it may be replaced.
    Replaceable,
}

/// Resolves the output path and refuses the places that must never be replaced: the file
/// system root, the current folder, the home folder and the content folder, any folder
/// containing one of them, and any folder inside the content folder.
pub(super) fn locate(output_dir: &Path, env: &OutputEnv) -> Result<Target> {
    let path = resolve(&env.cwd, output_dir)?;
    let refuse = |why: &str| Error::Usage(refusal(output_dir, &path, why));
    let Some(parent) = path.parent().map(Path::to_path_buf) else {
        return Err(refuse("it is the root of the file system"));
    };
    let cwd = resolve(&env.cwd, Path::new(""))?;
    let content = resolve(&env.cwd, &env.content_dir)?;
    let home = match &env.home {
        Some(home) => Some(resolve(&env.cwd, home)?),
        None => None,
    };
    let protected = [
        (Some(cwd), "the current folder"),
        (home, "your home folder"),
        (Some(content.clone()), "the content folder"),
    ];
    for (place, name) in protected {
        let Some(place) = place else { continue };
        if place == path {
            return Err(refuse(&format!("it is {name}")));
        }
        if place.starts_with(&path) {
            return Err(refuse(&format!("it contains {name}")));
        }
    }
    // A site inside the content folder makes the content invalid (a stray folder) until it is
    // removed by hand (issue 15).
    if path.starts_with(&content) {
        return Err(refuse("it is inside the content folder"));
    }
    Ok(Target { path, parent })
}

/// Looks at what stands at the output path: refuses a file, a link, and a non-empty folder
/// that gongkai did not build (no marker file).
pub(super) fn inspect(output_dir: &Path, target: &Target) -> Result<Existing> {
    let refuse = |why: &str| Error::Usage(refusal(output_dir, &target.path, why));
    let Some(meta) = fs::symlink_metadata(&target.path)? else {
        return Ok(Existing::Nothing);
    };
    if meta.is_symlink() {
        // `resolve` follows every link that leads somewhere, so this one leads nowhere.
        return Err(refuse("it is a symbolic link to nothing"));
    }
    if !meta.is_dir() {
        return Err(refuse("it is a file, not a folder"));
    }
    let marker = fs::symlink_metadata(&target.path.join(MARKER))?;
    if marker.is_some_and(|m| m.is_file()) || fs::is_empty_dir(&target.path)? {
        return Ok(Existing::Replaceable);
    }
    Err(refuse(&format!(
        "it is a folder with files that gongkai did not put there (no `{MARKER}` marker); \
         empty it or choose another output folder"
    )))
}

/// The message of a refusal, naming the path as given and, when different, as resolved.
pub(super) fn refusal(output_dir: &Path, resolved: &Path, why: &str) -> String {
    let shown = if output_dir == resolved {
        format!("`{}`", output_dir.display())
    } else {
        format!("`{}` (`{}`)", output_dir.display(), resolved.display())
    };
    format!("refusing to write the site to {shown}: {why}; nothing was changed")
}

/// `path` made absolute against `base`, with links and `..` resolved as far as it exists; the
/// part that does not exist yet is appended lexically.
pub(super) fn resolve(base: &Path, path: &Path) -> Result<PathBuf> {
    let joined = base.join(path);
    let absolute = std::path::absolute(&joined).map_err(|source| Error::Io {
        action: "resolve",
        path: joined.clone(),
        source,
    })?;
    let parts: Vec<Component<'_>> = absolute.components().collect();
    for existing in (1..=parts.len()).rev() {
        let head: PathBuf = parts[..existing].iter().collect();
        let Some(mut resolved) = fs::canonicalize(&head)? else {
            continue;
        };
        for part in &parts[existing..] {
            match part {
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => resolved.push(name),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        return Ok(resolved);
    }
    Ok(absolute)
}
