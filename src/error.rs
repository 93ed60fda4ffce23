//! Errors and diagnostics: every problem names `file:line:col`, the field, and what was
//! expected, and shows the source line with a caret under the spot.
//!
//! In: problems found by `load` (invalid input) and I/O failures. Out: [`Diagnostic`]s sorted
//! by path, line and column, and the run-level [`Error`] that `main` maps to exit code 2.
//! [`Locator`] maps a record's field paths (`self_evaluation.goals[1].weight`) to where they
//! stand in the file, so later stages can locate findings without keeping spans in the model.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

/// A place in a content file. `line` and `col` count from 1; `col` counts characters. Line 0
/// means the whole file or folder (a stray file, a unit folder without `_unit.yaml`): it is
/// shown as the bare path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// Path as given to the loader (e.g. `content/qingling/2023.yaml`).
    pub path: String,
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub col: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.path)
        } else {
            write!(f, "{}:{}:{}", self.path, self.line, self.col)
        }
    }
}

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Where; a problem with a file's content has line and column 1 at least; one with a path
    /// (stray file, missing file, folder) has line 0 and points at the path.
    pub location: Location,
    /// Field path (`self_evaluation.goals[0].weight`), when the problem is in a field.
    pub field: Option<String>,
    /// What was expected and what was found.
    pub message: String,
    /// The source line and caret, pre-rendered; empty when there is no line to show.
    #[serde(skip)]
    pub snippet: String,
}

impl Diagnostic {
    /// Sort key: path, line, column, then message.
    fn key(&self) -> (&str, u32, u32, &str) {
        (
            &self.location.path,
            self.location.line,
            self.location.col,
            &self.message,
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        if let Some(field) = &self.field {
            write!(f, "{field}")?;
            if let Some(zh) = crate::glossary::field_label(field) {
                write!(f, " ({zh})")?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)?;
        if !self.snippet.is_empty() {
            write!(f, "\n{}", self.snippet)?;
        }
        Ok(())
    }
}

/// All diagnostics of a run, sorted by path, line and column.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// Collects and sorts.
    pub fn new(mut items: Vec<Diagnostic>) -> Diagnostics {
        items.sort_by(|a, b| a.key().cmp(&b.key()));
        items.dedup();
        Diagnostics(items)
    }

    /// The sorted diagnostics.
    pub fn items(&self) -> &[Diagnostic] {
        &self.0
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl Diagnostics {
    /// Every diagnostic as JSON: `{"errors": [{"location": {path, line, col}, "field",
    /// "label" (the field's name on the form), "message"}], "count"}`, pretty-printed.
    pub fn to_json(&self) -> String {
        let errors: Vec<serde_json::Value> = self
            .0
            .iter()
            .map(|d| {
                serde_json::json!({
                    "location": d.location,
                    "field": d.field,
                    "label": d.field.as_deref().and_then(crate::glossary::field_label),
                    "message": d.message,
                })
            })
            .collect();
        let value = serde_json::json!({ "errors": errors, "count": self.0.len() });
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let zh = crate::lang::current() == crate::lang::Lang::Zh;
        for d in &self.0 {
            if zh {
                writeln!(f, "错误：{d}")?;
            } else {
                writeln!(f, "error: {d}")?;
            }
        }
        let n = self.0.len();
        if zh {
            write!(f, "内容中共有 {n} 处错误")
        } else {
            write!(
                f,
                "{n} error{} in the content",
                if n == 1 { "" } else { "s" }
            )
        }
    }
}

/// A run-level failure. Every variant maps to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content is invalid; every problem is listed.
    #[error("{0}")]
    Invalid(Diagnostics),
    /// A file or folder could not be read or written.
    #[error("{}", io_message(action, path, source))]
    Io {
        /// What was being done (`read`, `write`, `create`, `rename` …).
        action: &'static str,
        /// The path concerned.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A command-line or configuration value is unusable.
    #[error("{0}")]
    Usage(String),
    /// A theme template failed to load or render.
    #[error("{}", crate::lang::pick(format!("模板 `{template}`：{message}"), format!("template `{template}`: {message}")))]
    Template {
        /// The template's name inside the theme (`base.html`).
        template: String,
        /// What went wrong, as Tera reports it (with the template line when known).
        message: String,
    },
}

/// "failed to read `path`: No such file …", in the run's language: the action and the common
/// kinds of OS error in Chinese words (the OS's own text for the rare ones).
fn io_message(action: &str, path: &std::path::Path, source: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let path = path.display();
    if crate::lang::current() == crate::lang::Lang::En {
        return format!("failed to {action} `{path}`: {source}");
    }
    let verb = match action {
        "read" => "读取",
        "write" => "写入",
        "create" => "创建",
        "open" => "打开",
        "list" => "列出",
        "remove" => "删除",
        "rename" => "重命名",
        "resolve" => "解析路径",
        "inspect" => "查看",
        "link" => "链接",
        "sync" => "同步写盘",
        "compress" => "压缩",
        "exchange" => "交换",
        other => other,
    };
    // An error that carries its own words (`… (exchanging with `b`)`) keeps them.
    let why = match source.kind() {
        _ if source.raw_os_error().is_none() => source.to_string(),
        K::NotFound => "文件或文件夹不存在".to_owned(),
        K::PermissionDenied => "没有权限".to_owned(),
        K::AlreadyExists => "已经存在".to_owned(),
        K::NotADirectory => "不是文件夹".to_owned(),
        K::IsADirectory => "是文件夹而不是文件".to_owned(),
        K::DirectoryNotEmpty => "文件夹不是空的".to_owned(),
        K::StorageFull => "磁盘已满".to_owned(),
        K::ReadOnlyFilesystem => "磁盘只读".to_owned(),
        K::InvalidData => "内容无法识别".to_owned(),
        _ => source.to_string(),
    };
    format!("无法{verb} `{path}`：{why}")
}

/// Result with the run-level [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Maps field paths of one file to their locations, and renders source snippets.
///
/// Built by `load` from the file's YAML events, on first use: most records are never asked
/// for a location (no error, no finding), and indexing costs a second pass over the file.
/// Cheap to clone (shared source and index).
#[derive(Debug, Clone, Default)]
pub struct Locator {
    path: String,
    source: Arc<str>,
    /// Field path → (line, col) of the value (or of the key for mappings and sequences).
    fields: Arc<OnceLock<BTreeMap<String, (u32, u32)>>>,
    /// Builds `fields` from the source when it is first needed.
    index: Option<FieldIndexer>,
}

/// Builds the field index of a source text.
pub(crate) type FieldIndexer = fn(&str) -> BTreeMap<String, (u32, u32)>;

impl Locator {
    /// A locator over `source`, read from `path`, with its field index.
    pub fn new(path: String, source: Arc<str>, fields: BTreeMap<String, (u32, u32)>) -> Locator {
        Locator {
            path,
            source,
            fields: Arc::new(OnceLock::from(fields)),
            index: None,
        }
    }

    /// A locator that indexes `source` with `index` the first time a field is looked up.
    pub(crate) fn lazy(path: String, source: Arc<str>, index: FieldIndexer) -> Locator {
        Locator {
            path,
            source,
            fields: Arc::new(OnceLock::new()),
            index: Some(index),
        }
    }

    /// The field index (built now if it was not yet).
    fn fields(&self) -> &BTreeMap<String, (u32, u32)> {
        self.fields
            .get_or_init(|| self.index.map(|f| f(&self.source)).unwrap_or_default())
    }

    /// The file path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where `field` stands; falls back to the nearest enclosing field that is indexed, then
    /// to the start of the file.
    pub fn locate(&self, field: &str) -> Location {
        let mut f = field;
        loop {
            if let Some(&(line, col)) = self.fields().get(f) {
                return self.at(line, col);
            }
            match f.rfind(['.', '[']) {
                Some(i) => f = &f[..i],
                None => return self.at(1, 1),
            }
        }
    }

    /// A location in this file.
    pub fn at(&self, line: u32, col: u32) -> Location {
        Location {
            path: self.path.clone(),
            line,
            col,
        }
    }

    /// The field whose location is the nearest at or before (line, col), for errors the YAML
    /// library reports by position only.
    pub fn field_at(&self, line: u32, col: u32) -> Option<&str> {
        self.fields()
            .iter()
            .filter(|(_, lc)| **lc <= (line, col))
            .max_by_key(|(k, lc)| (**lc, k.len()))
            .map(|(k, _)| k.as_str())
    }

    /// The text of line `line` (from 1), when the file has it.
    pub(crate) fn line_text(&self, line: u32) -> Option<String> {
        self.source
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .map(str::to_owned)
    }

    /// The source line with a caret under column `col` (characters), as
    /// ```text
    ///    |
    /// 41 |     weight: 1e3
    ///    |             ^
    /// ```
    pub fn snippet(&self, line: u32, col: u32) -> String {
        render_snippet(&self.source, line, col)
    }
}

/// Renders a source line with a caret; empty when the line does not exist.
pub(crate) fn render_snippet(source: &str, line: u32, col: u32) -> String {
    let Some(text) = source.lines().nth(line.saturating_sub(1) as usize) else {
        return String::new();
    };
    // Each character as shown and its width in columns: a tab as one space, a character a
    // terminal would act on as `\u{1b}` (issue 15, the same form `term` prints), so the caret
    // stays under the spot whatever the line holds.
    let cells: Vec<(String, usize)> = text
        .chars()
        .map(|c| match c {
            '\t' => (" ".to_owned(), 1),
            c if crate::term::is_unsafe(c) => {
                let shown = crate::term::escaped(c);
                let width = shown.len();
                (shown, width)
            }
            c => (c.to_string(), display_width(c)),
        })
        .collect();
    // A long line (minified or hostile input) is cropped to a window around the caret.
    let caret = col.saturating_sub(1) as usize;
    let start = caret.saturating_sub(SNIPPET_WIDTH / 2).min(cells.len());
    let end = (start + SNIPPET_WIDTH).min(cells.len());
    let window = cells.get(start..end).unwrap_or_default();
    let mut shown: String = window.iter().map(|(s, _)| s.as_str()).collect();
    let mut before: usize = cells
        .get(start..caret.min(cells.len()))
        .unwrap_or_default()
        .iter()
        .map(|(_, w)| w)
        .sum();
    if start > 0 {
        shown.insert(0, '…');
        before += 1;
    }
    if end < cells.len() {
        shown.push('…');
    }
    let num = line.to_string();
    let pad = " ".repeat(num.len());
    format!("{pad} |\n{num} | {shown}\n{pad} | {}^", " ".repeat(before))
}

/// The most characters of a source line a snippet shows.
const SNIPPET_WIDTH: usize = 100;

/// Terminal columns a character takes: 2 for CJK and full-width forms, else 1.
pub(crate) fn display_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}
