//! Validation of the relative paths of rendered files, before anything is written.
//!
//! In: the rendered files. Out: the files sorted by path, or one [`Error::Usage`] listing every
//! bad path. A valid path is relative, `/`-separated, made of non-empty segments other than
//! `.` and `..`, free of backslashes, control characters and drive prefixes, unique, and never
//! both a file and a folder. Never touches the file system.

use std::collections::BTreeSet;

use super::{MARKER, RenderedFile};
use crate::error::{Error, Result};
use crate::lang::pick;

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 20;

/// Checks every path and returns the files in sorted path order (byte order of the path).
pub(super) fn validate(files: &[RenderedFile]) -> Result<Vec<&RenderedFile>> {
    let mut sorted: Vec<&RenderedFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    validate_paths(sorted.iter().map(|f| f.path.as_str()))?;
    Ok(sorted)
}

/// Checks every path of a site about to be written, given in sorted order.
pub(super) fn validate_paths<'a>(paths: impl Iterator<Item = &'a str> + Clone) -> Result<()> {
    let mut problems: Vec<String> = paths
        .clone()
        .filter_map(|p| check(p).err().map(|why| problem(p, why)))
        .collect();

    let sorted: Vec<&str> = paths.collect();
    for pair in sorted.windows(2) {
        if let [a, b] = pair {
            if a == b {
                problems.push(problem(a, "is given more than once"));
            } else if a > b {
                problems.push(problem(b, "is out of order (internal error)"));
            }
        }
    }

    // Every folder some file needs; a file standing where a folder is needed cannot be written.
    let folders: BTreeSet<&str> = sorted
        .iter()
        .flat_map(|p| p.match_indices('/').map(|(i, _)| &p[..i]))
        .collect();
    for p in &sorted {
        if folders.contains(p) {
            problems.push(problem(p, "is a file but other paths need it as a folder"));
        }
        if *p == MARKER {
            problems.push(problem(p, "is reserved for gongkai's marker file"));
        }
    }

    if problems.is_empty() {
        return Ok(());
    }
    problems.sort();
    problems.dedup();
    let more = problems.len().saturating_sub(MAX_LISTED);
    problems.truncate(MAX_LISTED);
    let mut message = pick(
        "输出路径不能用，什么也没有写入：",
        "invalid output paths; nothing was written:",
    );
    for p in &problems {
        message.push_str("\n  ");
        message.push_str(p);
    }
    if more > 0 {
        message.push_str(&pick(
            format!("\n  ……另有 {more} 条"),
            format!("\n  … and {more} more"),
        ));
    }
    Err(Error::Usage(message))
}

/// One line of the error: the path, escaped so that control characters show.
fn problem(path: &str, why: &str) -> String {
    let path = path.escape_debug();
    pick(
        format!("`{path}` {}", why_zh(why)),
        format!("`{path}` {why}"),
    )
}

/// The Chinese words for one of the reasons above.
fn why_zh(why: &str) -> &str {
    match why {
        "is given more than once" => "出现了不止一次",
        "is out of order (internal error)" => "顺序不对（内部错误）",
        "is a file but other paths need it as a folder" => "是文件，但别的路径要把它当文件夹用",
        "is reserved for gongkai's marker file" => "是留给 gongkai 标记文件的名字",
        "is empty" => "是空的",
        "contains a control character" => "含有控制字符",
        "is absolute" => "是绝对路径",
        "contains a backslash (use `/`)" => "含有反斜杠（请用 `/`）",
        "has an empty segment (`//` or a trailing `/`)" => "有空的一段（`//` 或结尾的 `/`）",
        "has a `.` segment" => "有一段是 `.`",
        "has a `..` segment" => "有一段是 `..`",
        "has a Windows drive prefix" => "带有 Windows 盘符",
        other => other,
    }
}

/// Why `path` is not a safe relative path, if it is not.
fn check(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("is empty");
    }
    if path.chars().any(char::is_control) {
        return Err("contains a control character");
    }
    if path.starts_with('/') {
        return Err("is absolute");
    }
    if path.contains('\\') {
        return Err("contains a backslash (use `/`)");
    }
    for segment in path.split('/') {
        match segment {
            "" => return Err("has an empty segment (`//` or a trailing `/`)"),
            "." => return Err("has a `.` segment"),
            ".." => return Err("has a `..` segment"),
            _ if has_drive_prefix(segment) => return Err("has a Windows drive prefix"),
            _ => {}
        }
    }
    Ok(())
}

/// `C:` and the like, which Windows would read as a drive.
fn has_drive_prefix(segment: &str) -> bool {
    matches!(segment.as_bytes(), [letter, b':', ..] if letter.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_nested_paths_with_chinese_names_are_valid() {
        for ok in [
            "index.html",
            "units/青菱/2023/index.html",
            ".well-known/x",
            "a..b",
            "c",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn each_unsafe_shape_is_named() {
        let cases = [
            ("", "is empty"),
            ("../x", "has a `..` segment"),
            ("a/..", "has a `..` segment"),
            ("/abs", "is absolute"),
            ("a\\b", "contains a backslash (use `/`)"),
            ("a//b", "has an empty segment (`//` or a trailing `/`)"),
            ("a/", "has an empty segment (`//` or a trailing `/`)"),
            ("./a", "has a `.` segment"),
            ("a/./b", "has a `.` segment"),
            ("a\u{0}b", "contains a control character"),
            ("a\nb", "contains a control character"),
            ("a\u{85}b", "contains a control character"),
            ("C:/x", "has a Windows drive prefix"),
            ("a/d:x", "has a Windows drive prefix"),
        ];
        for (path, why) in cases {
            assert_eq!(check(path), Err(why), "{path:?}");
        }
    }
}
