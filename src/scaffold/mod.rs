//! Files gongkai writes into the user's project rather than into the site: the JSON Schemas
//! editors check records against (`gongkai schema`) and the draft of a new year's record
//! (`gongkai new`).
//!
//! In: a folder. Out: the files written. A schema is replaced whole (it is generated, never
//! edited by hand); a record or `_unit.yaml` is never overwritten. Never writes outside the
//! folder it is given.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::lang::pick;

/// Writes `record.schema.json`, `unit.schema.json` and `site.schema.json` into `dir`
/// (created when missing); returns their paths.
pub fn write_schemas(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "create",
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    for (name, text) in crate::load::schema::files() {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|source| Error::Io {
            action: "write",
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// What `gongkai new` wrote.
#[derive(Debug)]
pub struct Created {
    /// The new record.
    pub record: PathBuf,
    /// The record it was drafted from, when the unit had one.
    pub from: Option<PathBuf>,
    /// `_unit.yaml`, when the unit was new.
    pub unit: Option<PathBuf>,
}

/// `gongkai new UNIT YEAR [--name 单位名称]`: drafts `content/UNIT/YEAR.yaml` from the unit's
/// latest record (every figure `待填`), or, for a unit without one, a record of its first
/// fields; with `name`, a new unit's folder and `_unit.yaml` too. Never overwrites a file.
pub fn new_record(content: &Path, unit: &str, year: i64, name: Option<&str>) -> Result<Created> {
    let usage = |m: String| Error::Usage(format!("new: {m}"));
    let expected = |e: String| {
        pick(
            format!("应为{}", crate::lang::spaced(&e)),
            format!("expected {e}"),
        )
    };
    let id = crate::model::UnitId::parse(unit).map_err(|e| usage(expected(e)))?;
    let year = crate::model::Year::new(year).map_err(|e| usage(expected(e)))?;
    let dir = content.join(id.as_str());
    let unit_file = dir.join("_unit.yaml");
    let record = dir.join(format!("{year}.yaml"));
    let mut created_unit = None;
    match (unit_file.exists(), name) {
        (true, Some(_)) => {
            let file = unit_file.display();
            return Err(usage(pick(
                format!("`{file}` 已经存在：为这个单位添加年度时，不用写 --name"),
                format!("`{file}` already exists: leave out --name to add a year to this unit"),
            )));
        }
        (false, None) => {
            let file = unit_file.display();
            return Err(usage(pick(
                format!(
                    "还没有单位 `{id}`（没有 `{file}`）：要新建这个单位，请用 --name 单位名称 写明它的名称"
                ),
                format!(
                    "there is no unit `{id}` (`{file}` is missing): give its name with --name 单位名称 to create it"
                ),
            )));
        }
        (false, Some(name)) => {
            let name = name.trim();
            if name.is_empty() || name.chars().any(char::is_control) {
                return Err(usage(pick(
                    "应照原文写单位名称，实际为空或含控制字符",
                    "expected the unit's name as printed, found an empty or control text",
                )));
            }
            std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
            let text = format!(
                "# yaml-language-server: $schema=../../docs/schema/unit.schema.json\nid: {id}\nname: {}\n",
                serde_json::to_string(name).unwrap_or_default()
            );
            crate::fs::write_new_synced(&unit_file, text.as_bytes())?;
            created_unit = Some(unit_file.clone());
        }
        (true, None) => {}
    }
    if record.exists() {
        let file = record.display();
        return Err(usage(pick(
            format!("`{file}` 已经存在：gongkai new 不会覆盖已有的记录"),
            format!("`{file}` already exists: gongkai new never overwrites a record"),
        )));
    }
    let latest = latest_record(&dir)?;
    let text = match &latest {
        Some(from) => {
            let source = std::fs::read_to_string(from).map_err(io("read", from))?;
            let shown = from
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            crate::load::draft::draft(&source, year.get(), &shown).map_err(|e| {
                let file = from.display();
                usage(pick(
                    format!("无法读取 `{file}` 的内容：{e}"),
                    format!("`{file}` could not be read as YAML: {e}"),
                ))
            })?
        }
        None => first_record(year.get()),
    };
    crate::fs::write_new_synced(&record, text.as_bytes())?;
    Ok(Created {
        record,
        from: latest,
        unit: created_unit,
    })
}

/// The unit's record of the latest year, when it has one.
fn latest_record(dir: &Path) -> Result<Option<PathBuf>> {
    let mut best: Option<(u16, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).map_err(io("read", dir))?.flatten() {
        let path = entry.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".yaml"))
        else {
            continue;
        };
        let Ok(y) = crate::model::Year::parse(stem) else {
            continue;
        };
        if best.as_ref().is_none_or(|(b, _)| y.get() > *b) {
            best = Some((y.get(), path));
        }
    }
    Ok(best.map(|(_, p)| p))
}

/// The record of a unit's first year: its required fields, each to fill.
fn first_record(year: u16) -> String {
    format!(
        "# yaml-language-server: $schema=../../docs/schema/record.schema.json\n\
         # {year} 年度记录：按公开的文件填写（docs/format.zh.md 为填报说明）。\n\
         year: {year}\n\
         amount_unit: 万元 # 金额单位：万元 或 元，按原文\n\
         template: national # 评分模板：national、hubei 或 sichuan\n"
    )
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
    let path = path.to_path_buf();
    move |source| Error::Io {
        action,
        path,
        source,
    }
}
