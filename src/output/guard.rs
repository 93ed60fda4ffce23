//! The output guard: decides whether a folder may be replaced, before anything is written.
//!
//! In: the output path as the user gave it and the [`OutputEnv`]. Out: the resolved
//! [`Target`] and what stands there now, or [`Error::Usage`] saying why the folder is refused.
//! Only reads the file system (resolving paths, listing the output folder); never writes.

use std::path::{Component, Path, PathBuf};

use super::{MARKER, OutputEnv};
use crate::error::{Error, Result};
use crate::fs;
use crate::lang::pick;

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
        return Err(refuse(&pick(
            "它是文件系统的根目录",
            "it is the root of the file system",
        )));
    };
    let cwd = resolve(&env.cwd, Path::new(""))?;
    let content = resolve(&env.cwd, &env.content_dir)?;
    let home = match &env.home {
        Some(home) => Some(resolve(&env.cwd, home)?),
        None => None,
    };
    let protected = [
        (Some(cwd), "当前文件夹", "the current folder"),
        (home, "你的主文件夹", "your home folder"),
        (Some(content.clone()), "内容文件夹", "the content folder"),
    ];
    for (place, zh, en) in protected {
        let Some(place) = place else { continue };
        if place == path {
            return Err(refuse(&pick(format!("它就是{zh}"), format!("it is {en}"))));
        }
        if place.starts_with(&path) {
            return Err(refuse(&pick(
                format!("它包含了{zh}"),
                format!("it contains {en}"),
            )));
        }
    }
    // A site inside the content folder makes the content invalid (a stray folder) until it is
    // removed by hand (issue 15).
    if path.starts_with(&content) {
        return Err(refuse(&pick(
            "它在内容文件夹里面",
            "it is inside the content folder",
        )));
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
        return Err(refuse(&pick(
            "它是一个指向不存在位置的符号链接",
            "it is a symbolic link to nothing",
        )));
    }
    if !meta.is_dir() {
        return Err(refuse(&pick(
            "它是文件，不是文件夹",
            "it is a file, not a folder",
        )));
    }
    let marker = fs::symlink_metadata(&target.path.join(MARKER))?;
    if marker.is_some_and(|m| m.is_file()) || fs::is_empty_dir(&target.path)? {
        return Ok(Existing::Replaceable);
    }
    Err(refuse(&pick(
        format!(
            "这个文件夹里有不是 gongkai 放进去的文件（没有 `{MARKER}` 标记）；\
             请清空它，或另选一个输出文件夹"
        ),
        format!(
            "it is a folder with files that gongkai did not put there (no `{MARKER}` marker); \
             empty it or choose another output folder"
        ),
    )))
}

/// The message of a refusal, naming the path as given and, when different, as resolved.
pub(super) fn refusal(output_dir: &Path, resolved: &Path, why: &str) -> String {
    let shown = if output_dir == resolved {
        format!("`{}`", output_dir.display())
    } else {
        pick(
            format!("`{}`（`{}`）", output_dir.display(), resolved.display()),
            format!("`{}` (`{}`)", output_dir.display(), resolved.display()),
        )
    };
    pick(
        format!("不能把网站写到 {shown}：{why}；什么也没有改动"),
        format!("refusing to write the site to {shown}: {why}; nothing was changed"),
    )
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
