//! What is in `content/`: the site file, unit folders, records and narratives, in sorted order.
//!
//! In: the sorted walk of the content folder (`fs::walk_sorted`, three levels, hidden names
//! skipped). Out: a [`Plan`] naming every file to parse, and a diagnostic for everything that
//! does not belong (a stray file, `2023.yml`, a folder name that is not a unit id, a unit
//! folder without `_unit.yaml`, narratives without a record). Pure: reads nothing itself.

use std::collections::BTreeSet;
use std::path::Path;

use super::text::{clean, path_diagnostic};
use crate::error::Diagnostic;
use crate::fs::{EntryKind, WalkEntry};
use crate::lang::pick;
use crate::model::{UnitId, Year};

/// A file to parse.
#[derive(Debug, Clone)]
pub(crate) struct FileRef {
    /// The path as shown in messages (`content/qingling/2023.yaml`).
    pub(crate) shown: String,
    pub(crate) path: std::path::PathBuf,
    /// The names below the content folder (`["qingling", "2023.yaml"]`): what is opened, each
    /// component without following a link (issue 15).
    pub(crate) names: Vec<String>,
    pub(crate) len: u64,
    /// When it last changed (for the build cache).
    pub(crate) stamp: crate::fs::Stamp,
}

impl FileRef {
    fn new(e: &WalkEntry) -> FileRef {
        FileRef {
            shown: clean(&e.path.display().to_string()),
            path: e.path.clone(),
            names: e.names.clone(),
            len: e.len,
            stamp: e.stamp,
        }
    }
}

/// One unit folder.
#[derive(Debug)]
pub(crate) struct UnitPlan {
    pub(crate) id: UnitId,
    /// The folder as shown in messages.
    pub(crate) dir: String,
    /// `_unit.yaml`, when present.
    pub(crate) file: Option<FileRef>,
    /// `<year>.yaml`, sorted by year.
    pub(crate) records: Vec<(Year, FileRef)>,
    /// `<year>/*.md`, sorted by year then file name.
    pub(crate) narratives: Vec<(Year, FileRef)>,
}

/// Everything to parse, and what was wrong with the layout.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub(crate) site: Option<FileRef>,
    pub(crate) units: Vec<UnitPlan>,
    pub(crate) diags: Vec<Diagnostic>,
}

/// The message for a symbolic link, whether the walk finds it or the read does (issue 15).
pub(super) fn link() -> String {
    pick(
        "这是一个符号链接：gongkai 不跟随链接读取，请把文件复制过来",
        "unexpected symbolic link: links are not followed; copy the file instead",
    )
}

/// Where a stray entry stands, and what belongs there.
#[derive(Clone, Copy)]
enum Rule {
    AtRoot,
    InUnit,
    InYear,
}

impl Rule {
    fn words(self) -> String {
        match self {
            Rule::AtRoot => pick(
                "content 文件夹里只放 `_site.yaml` 和每个单位一个文件夹",
                "the content folder holds `_site.yaml` and one folder per unit",
            ),
            Rule::InUnit => pick(
                "单位文件夹里只放 `_unit.yaml`、`<年度>.yaml` 记录和 `<年度>/` 说明文件夹",
                "a unit folder holds `_unit.yaml`, `<year>.yaml` records and `<year>/` narrative folders",
            ),
            Rule::InYear => pick(
                "年度文件夹里只放 `.md` 说明文字",
                "a year folder holds only `.md` narratives",
            ),
        }
    }
}

/// Sorts the walk of `root` into a plan.
pub(crate) fn plan(root: &Path, entries: &[WalkEntry]) -> Plan {
    let mut plan = Plan::default();
    // Unit folders (by name) whose contents are skipped because the name is not a unit id.
    let mut bad_units = BTreeSet::new();
    let mut year_dirs: Vec<(usize, Year, String)> = Vec::new();
    for e in entries {
        let shown = e.path.display().to_string();
        // Everything under a folder already reported is skipped.
        if e.names.len() > 1 && bad_units.contains(&e.names[0]) {
            continue;
        }
        if !e.utf8 || e.kind == EntryKind::Symlink {
            if e.names.len() == 1 && e.kind == EntryKind::Dir {
                bad_units.insert(e.names[0].clone());
            }
            let message = if e.utf8 {
                link()
            } else {
                pick(
                    "文件名应为 UTF-8 编码，实际含其他编码的字节",
                    "expected a file name in UTF-8, found other bytes",
                )
            };
            plan.diags.push(path_diagnostic(&shown, message));
            continue;
        }
        match e.names.as_slice() {
            [name] => match (name.as_str(), e.kind) {
                ("_site.yaml", EntryKind::File) => plan.site = Some(FileRef::new(e)),
                (_, EntryKind::Dir) => match UnitId::parse(name) {
                    Ok(id) => plan.units.push(UnitPlan {
                        id,
                        dir: shown,
                        file: None,
                        records: Vec::new(),
                        narratives: Vec::new(),
                    }),
                    Err(msg) => {
                        bad_units.insert(name.clone());
                        plan.diags.push(path_diagnostic(
                            &shown,
                            pick(
                                format!("单位文件夹名：应为{msg}"),
                                format!("unit folder name: expected {msg}"),
                            ),
                        ));
                    }
                },
                _ => plan.diags.push(stray(&shown, name, Rule::AtRoot)),
            },
            [unit, name] => {
                // The walk is depth first, so a unit's entries follow its folder.
                let Some(u) = plan.units.last_mut().filter(|u| u.id.as_str() == unit) else {
                    continue;
                };
                let year_of = |stem: &str| Year::parse(stem).ok();
                match (name.as_str(), e.kind) {
                    ("_unit.yaml", EntryKind::File) => u.file = Some(FileRef::new(e)),
                    (_, EntryKind::File) => match name.strip_suffix(".yaml").and_then(year_of) {
                        Some(y) => u.records.push((y, FileRef::new(e))),
                        None => plan.diags.push(stray(&shown, name, Rule::InUnit)),
                    },
                    (_, EntryKind::Dir) => match year_of(name) {
                        Some(y) => year_dirs.push((plan.units.len() - 1, y, shown)),
                        None => plan.diags.push(stray(&shown, name, Rule::InUnit)),
                    },
                    _ => plan.diags.push(stray(&shown, name, Rule::InUnit)),
                }
            }
            [unit, year, name] => {
                let Some(u) = plan.units.last_mut().filter(|u| u.id.as_str() == unit) else {
                    continue;
                };
                match (Year::parse(year), e.kind) {
                    (Ok(y), EntryKind::File) if name.ends_with(".md") => {
                        u.narratives.push((y, FileRef::new(e)));
                    }
                    // Files under a folder that is not a year were reported with the folder.
                    (Ok(_), _) => plan.diags.push(stray(&shown, name, Rule::InYear)),
                    (Err(_), _) => {}
                }
            }
            _ => {}
        }
    }
    for u in &plan.units {
        if u.file.is_none() {
            plan.diags.push(path_diagnostic(
                &u.dir,
                pick(
                    format!(
                        "本单位文件夹里应有 `_unit.yaml` 文件（写明 `id: {}` 和单位名称），实际没有",
                        u.id
                    ),
                    format!(
                        "expected a `_unit.yaml` file in this unit folder (with `id: {}` and the unit's name), found none",
                        u.id
                    ),
                ),
            ));
        }
    }
    for (ui, year, shown) in year_dirs {
        let has_record = plan
            .units
            .get(ui)
            .is_some_and(|u| u.records.iter().any(|(y, _)| *y == year));
        if !has_record {
            plan.diags.push(path_diagnostic(
                &shown,
                pick(
                    format!("这些说明文字旁应有记录 `{year}.yaml`，实际没有"),
                    format!("expected a record `{year}.yaml` beside these narratives, found none"),
                ),
            ));
        }
    }
    if plan.site.is_none() {
        let path = root.join("_site.yaml").display().to_string();
        plan.diags.push(path_diagnostic(
            &path,
            pick(
                "应有网站文件 `_site.yaml`（至少写明 `title:`），实际没有",
                "expected the site file `_site.yaml` (with at least `title:`), found none",
            ),
        ));
    }
    plan
}

/// An entry that does not belong where it is.
fn stray(shown: &str, name: &str, rule: Rule) -> Diagnostic {
    let yml = name.ends_with(".yml");
    let rule = rule.words();
    path_diagnostic(
        shown,
        pick(
            format!(
                "这里不应有这个文件或文件夹：{rule}{}",
                if yml {
                    "（这里的文件扩展名是 `.yaml`）"
                } else {
                    ""
                }
            ),
            format!(
                "unexpected file or folder: {rule}{}",
                if yml {
                    " (YAML files here end in `.yaml`)"
                } else {
                    ""
                }
            ),
        ),
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn entry(rel: &str, kind: EntryKind) -> WalkEntry {
        WalkEntry {
            path: PathBuf::from("content").join(rel),
            names: rel.split('/').map(str::to_owned).collect(),
            utf8: true,
            kind,
            len: 10,
            stamp: crate::fs::Stamp::default(),
        }
    }

    fn messages(plan: &Plan) -> Vec<String> {
        plan.diags.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_tidy_folder_becomes_a_plan_in_sorted_order() {
        use EntryKind::{Dir, File};
        let entries = [
            entry("_site.yaml", File),
            entry("qingling", Dir),
            entry("qingling/2022.yaml", File),
            entry("qingling/2023", Dir),
            entry("qingling/2023/01-a.md", File),
            entry("qingling/2023.yaml", File),
            entry("qingling/_unit.yaml", File),
        ];
        let plan = plan(Path::new("content"), &entries);
        assert_eq!(messages(&plan), Vec::<String>::new());
        let u = &plan.units[0];
        let years: Vec<u16> = u.records.iter().map(|(y, _)| y.get()).collect();
        assert_eq!(
            (u.id.as_str(), years, u.narratives.len()),
            ("qingling", vec![2022, 2023], 1)
        );
        assert!(plan.site.is_some() && u.file.is_some());
    }

    #[test]
    fn links_deep_folders_and_orphan_narratives_are_reported() {
        use EntryKind::{Dir, File, Symlink};
        let entries = [
            entry("_site.yaml", File),
            entry("qingling", Dir),
            entry("qingling/2021", Dir),
            entry("qingling/2021/a.md", File),
            entry("qingling/2021/img", Dir),
            entry("qingling/2023.yaml", Symlink),
            entry("qingling/_unit.yaml", File),
        ];
        let plan = plan(Path::new("content"), &entries);
        assert_eq!(
            messages(&plan),
            [
                "content/qingling/2021/img: 这里不应有这个文件或文件夹：年度文件夹里只放 `.md` 说明文字",
                "content/qingling/2023.yaml: 这是一个符号链接：gongkai 不跟随链接读取，请把文件复制过来",
                "content/qingling/2021: 这些说明文字旁应有记录 `2021.yaml`，实际没有",
            ]
        );
    }

    #[test]
    fn a_missing_site_file_is_reported() {
        let plan = plan(Path::new("content"), &[]);
        assert_eq!(
            messages(&plan),
            ["content/_site.yaml: 应有网站文件 `_site.yaml`（至少写明 `title:`），实际没有"]
        );
    }
}
