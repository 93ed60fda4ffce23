//! Themes: the default theme compiled into the binary, overridden file by file from disk.
//!
//! In: an optional theme name and the site root (the parent of `content/`). Out: a [`Theme`]
//! holding every template (`base.html` → source) and every static asset (`static/style.css` →
//! bytes), both sorted by name. A theme folder `themes/<name>/` replaces the embedded files it
//! holds and leaves the rest alone, so a folder with only `templates/base.html` changes only
//! the base.
//!
//! Never: accepts a theme name outside `[a-z0-9-]+` (so no configured name can leave
//! `themes/`), follows a symbolic link (not even one swapped in after the walk), or reads files outside `templates/`, `static/` and `editions/` of
//! that folder. Dot-files (`.DS_Store`, `.gitkeep`) are skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fs::{Refused, Root};
use crate::lang::pick;

/// The default theme's name; a site without `themes/default/` uses the embedded files only.
pub(crate) const DEFAULT_THEME: &str = "default";

/// `(path, bytes)` of a file of `themes/default/`, read at compile time.
macro_rules! embed {
    ($path:literal) => {
        (
            $path,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/themes/default/",
                $path
            )),
        )
    };
}
/// Every file of `themes/default/`, by path inside the theme.
///
/// Hand-written so the binary needs no theme folder; the test
/// `embedded_files_are_exactly_the_files_on_disk` fails when a file is added, removed or
/// changed on disk without this list following.
pub(super) const EMBEDDED: &[(&str, &[u8])] = &[
    embed!("editions/national.yaml"),
    embed!("editions/shanghai.yaml"),
    embed!("static/review.js"),
    embed!("static/search.js"),
    embed!("static/sort.js"),
    embed!("static/style.css"),
    embed!("templates/404.html"),
    embed!("templates/base.html"),
    embed!("templates/compare.html"),
    embed!("templates/index.html"),
    embed!("templates/juesuan.html"),
    embed!("templates/measure.html"),
    embed!("templates/partials/findings.html"),
    embed!("templates/partials/juesuan_text.html"),
    embed!("templates/partials/report.html"),
    embed!("templates/review.html"),
    embed!("templates/search.html"),
    embed!("templates/unit.html"),
    embed!("templates/unit_year.html"),
    embed!("templates/year.html"),
];

/// A resolved theme: templates and static assets after overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    /// Template name (path under `templates/`, `/`-separated) → source.
    pub templates: BTreeMap<String, String>,
    /// Output path (`static/…`) → bytes, copied verbatim into the site.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Edition name (`editions/<name>.yaml`) → YAML source (issue 17).
    pub editions: BTreeMap<String, String>,
}

impl Theme {
    /// The embedded default theme.
    pub fn embedded() -> Result<Theme> {
        let mut theme = Theme::default();
        for (rel, bytes) in EMBEDDED {
            theme.put(rel, bytes.to_vec(), Path::new("themes/default").join(rel))?;
        }
        Ok(theme)
    }

    /// The embedded default theme, overridden by `<site_root>/themes/<name>/` when a name is
    /// given. A missing folder is an error, except for `default`, whose folder is optional.
    pub fn load(name: Option<&str>, site_root: &Path) -> Result<Theme> {
        let mut theme = Theme::embedded()?;
        let Some(name) = name else {
            return Ok(theme);
        };
        validate_name(name)?;
        let dir = site_root.join("themes").join(name);
        let Some(files) = theme_files(&dir)? else {
            if name == DEFAULT_THEME {
                return Ok(theme);
            }
            let shown = dir.display();
            return Err(Error::Usage(pick(
                format!("找不到主题 `{name}`：应有文件夹 `{shown}`"),
                format!("theme `{name}` not found: expected the folder `{shown}`"),
            )));
        };
        let root = Root::open(&dir)?;
        for (rel, path) in files {
            let bytes = read(&root, &rel, &path)?;
            theme.put(&rel, bytes, path)?;
        }
        Ok(theme)
    }

    /// Files an override folder holds, by relative path; used by tests to compare with disk.
    #[cfg(test)]
    pub(super) fn files_on_disk(dir: &Path) -> Result<Vec<String>> {
        let files = theme_files(dir)?.unwrap_or_default();
        Ok(files.into_iter().map(|(rel, _)| rel).collect())
    }

    /// Stores one theme file under its role; files outside `templates/` and `static/` are
    /// ignored (a theme may carry a README or a licence).
    fn put(&mut self, rel: &str, bytes: Vec<u8>, path: PathBuf) -> Result<()> {
        if let Some(name) = rel.strip_prefix("templates/") {
            let source = String::from_utf8(bytes).map_err(|_| {
                let shown = path.display();
                Error::Usage(pick(
                    format!("主题模板 `{shown}` 不是有效的 UTF-8 文本"),
                    format!("theme template `{shown}` is not valid UTF-8"),
                ))
            })?;
            self.templates.insert(name.to_owned(), source);
        } else if rel.starts_with("static/") {
            self.assets.insert(rel.to_owned(), bytes);
        } else if let Some(name) = rel
            .strip_prefix("editions/")
            .and_then(|n| n.strip_suffix(".yaml"))
            .filter(|n| !n.contains('/'))
        {
            let source = String::from_utf8(bytes).map_err(|_| {
                let shown = path.display();
                Error::Usage(pick(
                    format!("主题的表格版式 `{shown}` 不是有效的 UTF-8 文本"),
                    format!("theme edition `{shown}` is not valid UTF-8"),
                ))
            })?;
            self.editions.insert(name.to_owned(), source);
        }
        Ok(())
    }
}

/// Reads one theme file below the theme folder: a link swapped in for it, or for a folder on
/// its way, since the walk is refused, never followed (issue 15). Theme files have no size
/// limit (a font may be large); they are the site's own.
fn read(root: &Root, rel: &str, path: &Path) -> Result<Vec<u8>> {
    let names: Vec<&str> = rel.split('/').collect();
    let refused = |what: String| {
        let shown = path.display();
        Error::Usage(pick(
            format!("主题文件 `{shown}` 不是普通文件（{what}）"),
            format!("theme file `{shown}` is not a regular file ({what})"),
        ))
    };
    root.read(&names, u64::MAX).map_err(|e| match e {
        Refused::Link => refused(pick("不跟随符号链接", "symbolic links are not followed")),
        Refused::NotFile => refused(pick("是文件夹、设备或管道", "a folder, device or pipe")),
        Refused::OtherDevice => refused(pick(
            "它与主题文件夹不在同一个文件系统上",
            "it is on another file system than the theme folder",
        )),
        Refused::TooLarge(len) => refused(pick(format!("{len} 字节"), format!("{len} bytes"))),
        Refused::Io(source) => Error::Io {
            action: "read",
            path: path.to_owned(),
            source,
        },
    })
}

/// The one rule for a theme name, shared by `_site.yaml` validation and `--theme`: 1 to 64
/// lowercase letters, digits and `-`, so it is one plain path segment. (Issue 15: `check`
/// and `build` used to apply two different rules.)
pub(crate) fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks a theme name with [`is_valid_name`].
pub(crate) fn validate_name(name: &str) -> Result<()> {
    if is_valid_name(name) {
        Ok(())
    } else {
        Err(Error::Usage(pick(
            format!("主题名 `{name}` 不能用：只能用小写字母、数字和 `-`"),
            format!("invalid theme name `{name}`: use lowercase letters, digits and `-` only"),
        )))
    }
}

/// Regular files under `dir`, sorted, as (`/`-separated relative path, full path); `None`
/// when `dir` does not exist.
///
/// Skips dot-files and dot-folders; refuses symbolic links and names that are not UTF-8, so
/// every relative path is a safe output path.
fn theme_files(dir: &Path) -> Result<Option<Vec<(String, PathBuf)>>> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        if let Err(e) = &entry
            && e.depth() == 0
            && e.io_error().map(std::io::Error::kind) == Some(std::io::ErrorKind::NotFound)
        {
            return Ok(None);
        }
        let entry = entry.map_err(|e| Error::Io {
            action: "read",
            path: e.path().unwrap_or(dir).to_owned(),
            source: e.into(),
        })?;
        let kind = entry.file_type();
        let path = entry.path().to_owned();
        if entry.depth() == 0 && !kind.is_dir() {
            let shown = path.display();
            return Err(Error::Usage(pick(
                format!("主题 `{shown}` 不是文件夹"),
                format!("theme `{shown}` is not a folder"),
            )));
        }
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            let shown = path.display();
            return Err(Error::Usage(pick(
                format!("主题文件 `{shown}` 不是普通文件（不跟随符号链接）"),
                format!(
                    "theme file `{shown}` is not a regular file (symbolic links are not followed)"
                ),
            )));
        }
        let rel = path
            .strip_prefix(dir)
            .ok()
            .and_then(relative_name)
            .ok_or_else(|| {
                let shown = path.display();
                Error::Usage(pick(
                    format!("主题文件 `{shown}` 的名字不是普通的 UTF-8 文本"),
                    format!("theme file `{shown}` has a name that is not plain UTF-8 text"),
                ))
            })?;
        files.push((rel, path));
    }
    Ok(Some(files))
}

/// A relative path as `a/b/c`, when every component is a normal UTF-8 name without
/// control characters or backslashes.
fn relative_name(rel: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in rel.components() {
        let std::path::Component::Normal(os) = c else {
            return None;
        };
        let s = os.to_str()?;
        if s.chars().any(|ch| ch.is_control() || ch == '\\') {
            return None;
        }
        parts.push(s);
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
    }

    #[test]
    fn embedded_files_are_exactly_the_files_on_disk() {
        let on_disk = Theme::files_on_disk(&default_dir()).expect("default theme readable");
        let embedded: Vec<String> = EMBEDDED.iter().map(|(p, _)| (*p).to_owned()).collect();
        assert_eq!(
            embedded, on_disk,
            "themes/default/ and EMBEDDED in src/render/theme.rs differ (keep both sorted)"
        );
        for (rel, bytes) in EMBEDDED {
            let disk = std::fs::read(default_dir().join(rel)).expect("readable");
            assert_eq!(&disk[..], *bytes, "{rel} changed since the build");
        }
    }

    #[test]
    fn theme_names_are_single_plain_segments() {
        for ok in ["default", "wuhan-2024", "a"] {
            assert!(validate_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "..", "../x", "a/b", "A", "a b", "a.b", "/etc", "x\\y", "主题",
        ] {
            assert!(validate_name(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn relative_names_reject_parent_and_root_components() {
        assert_eq!(
            relative_name(Path::new("static/a.css")),
            Some("static/a.css".into())
        );
        assert_eq!(relative_name(Path::new("../a")), None);
        assert_eq!(relative_name(Path::new("/a")), None);
        assert_eq!(relative_name(Path::new("")), None);
    }
}
