//! 决算公开 editions: the order, titles, numbers, columns and 类 rows of the nine tables as one
//! place prescribes them, read from the theme's `editions/<name>.yaml` (issue 17).
//!
//! In: the YAML text of each edition file of the theme (the embedded `national` and `shanghai`,
//! overridden or joined by a theme folder's). Out: an [`Edition`] per name, checked: every table
//! id known and at most once, every 科目 table's columns those its data has. Never: decides a
//! figure; an edition only lays the record's figures out.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang::pick;
use crate::model::tables::{LineCol, LineTableKind};

/// Which of the nine tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// 收入支出决算总表.
    Summary,
    /// 收入决算表.
    Income,
    /// 支出决算表.
    Expenditure,
    /// 财政拨款收入支出决算总表.
    Fiscal,
    /// 一般公共预算财政拨款支出决算表.
    GeneralBudget,
    /// 一般公共预算财政拨款基本支出决算表.
    Basic,
    /// 政府性基金预算财政拨款收入支出决算表.
    GovFund,
    /// 国有资本经营预算财政拨款（收入）支出决算表.
    StateCapital,
    /// 财政拨款"三公"经费支出决算表.
    ThreePublic,
}

impl TableId {
    /// The table's number in the 财政部 order (1..=9): also the number of its CSV file, so a
    /// download keeps its name whatever the edition.
    pub fn n(self) -> usize {
        match self {
            TableId::Summary => 1,
            TableId::Income => 2,
            TableId::Expenditure => 3,
            TableId::Fiscal => 4,
            TableId::GeneralBudget => 5,
            TableId::Basic => 6,
            TableId::GovFund => 7,
            TableId::StateCapital => 8,
            TableId::ThreePublic => 9,
        }
    }

    /// The 科目 table whose rows a record types for it, if it is one.
    pub fn line_kind(self) -> Option<LineTableKind> {
        match self {
            TableId::Income => Some(LineTableKind::Income),
            TableId::Expenditure => Some(LineTableKind::Expenditure),
            TableId::GeneralBudget => Some(LineTableKind::GeneralBudget),
            TableId::GovFund => Some(LineTableKind::GovFund),
            TableId::StateCapital => Some(LineTableKind::StateCapital),
            _ => None,
        }
    }
}

/// Where a 科目 table prints its 合计 row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TotalRow {
    #[default]
    First,
    Last,
}

/// One money column of a 科目 table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The record format's key (`total`, `fiscal` …).
    pub key: String,
    pub title: String,
    /// The header printed above this and its neighbours with the same group (`本年支出`).
    #[serde(default)]
    pub group: Option<String>,
}

/// One table of an edition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EditionTable {
    pub id: TableId,
    /// The number printed above the table (`公开01表`); none when the edition prints none.
    #[serde(default)]
    pub label: Option<String>,
    pub title: String,
    /// Printed across an A4 page turned sideways.
    #[serde(default)]
    pub landscape: bool,
    #[serde(default)]
    pub total_row: TotalRow,
    /// The 注 line printed under the table.
    #[serde(default)]
    pub note: Option<String>,
    /// The money columns of a 科目 table, in printed order.
    #[serde(default)]
    pub columns: Vec<Column>,
}

impl EditionTable {
    /// The columns as the record's keys.
    pub fn line_cols(&self) -> Vec<LineCol> {
        self.columns
            .iter()
            .filter_map(|c| LineCol::from_key(&c.key))
            .collect()
    }
}

/// A 类 row of the 总表s, with the first year it is printed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum ClassEntry {
    Name(String),
    Dated { name: String, from: i64 },
}

impl ClassEntry {
    fn name(&self) -> &str {
        match self {
            ClassEntry::Name(n) | ClassEntry::Dated { name: n, .. } => n,
        }
    }
}

/// A section of the 情况说明, as the edition numbers it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Which of the page's sections ([`SECTION_KEYS`]).
    pub key: String,
    /// The heading as printed, with its number (`七、财政拨款“三公”经费支出决算情况说明`).
    pub title: String,
    /// The heading it sits under, when the edition groups sections (`十一、其他重要事项的情况说明`).
    #[serde(default)]
    pub parent: Option<String>,
}

/// The sections the 情况说明 template can print, by key.
pub(crate) const SECTION_KEYS: [&str; 14] = [
    "overall",
    "income",
    "expenditure",
    "fiscal",
    "general",
    "basic",
    "gov_fund",
    "state_capital",
    "three_public",
    "operating_costs",
    "procurement",
    "assets",
    "performance",
    "special_funds_nil",
];

/// One entry of the 名词解释: a term and its definition as the edition's template words it, or
/// (with `subjects: true`) the term under which the record's 功能分类科目 (to 项) are listed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub subjects: bool,
}

/// How a list is numbered on the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// An ordered list: 1. 2. 3.
    #[default]
    List,
    /// 一、二、三、 as the Shanghai template prints it.
    Chinese,
}

/// `一`, `二` … `九十九` for 1 to 99; the number itself beyond.
pub(crate) fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// One edition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub title: String,
    pub tables: Vec<EditionTable>,
    #[serde(default)]
    pub classes: Vec<ClassEntry>,
    /// The 情况说明's sections in printed order; a section not listed is not printed.
    pub sections: Vec<Section>,
    /// The part number of the 名词解释 (`第五部分`).
    pub glossary_part: String,
    /// The 名词解释's entries in printed order.
    pub glossary: Vec<GlossaryEntry>,
    /// How the entries are numbered: `list` (1. 2. …, the default) or `chinese` (一、二、…).
    #[serde(default)]
    pub glossary_numbering: Numbering,
    /// Each table prints "编制单位：" and the unit's name above it.
    #[serde(default)]
    pub prepared_by: bool,
    /// The label of the amount unit above each table (`金额单位`, `单位`).
    pub unit_label: String,
}

impl Edition {
    /// The 类 rows printed for `year`, in order.
    pub fn classes_for(&self, year: i64) -> Vec<&str> {
        self.classes
            .iter()
            .filter(|c| match c {
                ClassEntry::Dated { from, .. } => year >= *from,
                ClassEntry::Name(_) => true,
            })
            .map(ClassEntry::name)
            .collect()
    }

    /// The edition's table `id`, when it prints one.
    pub fn table(&self, id: TableId) -> Option<&EditionTable> {
        self.tables.iter().find(|t| t.id == id)
    }
}

/// Parses and checks every edition file (`editions/<name>.yaml` → text).
pub(crate) fn parse_all(files: &BTreeMap<String, String>) -> Result<BTreeMap<String, Edition>> {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for (name, text) in files {
        let path = format!("editions/{name}.yaml");
        let text: Arc<str> = Arc::from(text.as_str());
        match crate::load::yaml::parse::<Edition>(&path, &text).1 {
            Ok(e) => match check(&e) {
                Ok(()) => {
                    out.insert(name.clone(), e);
                }
                Err(m) => problems.push(pick(
                    format!("主题版式 `{path}`：{m}"),
                    format!("theme edition `{path}`: {m}"),
                )),
            },
            Err(diags) => {
                problems.extend(
                    diags
                        .iter()
                        .map(|d| pick(format!("主题版式 {d}"), format!("theme edition {d}"))),
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Usage(problems.join("\n")))
    }
}

/// Each table and section at most once and known; a 科目 table's columns are keys its data
/// has, each at most once.
fn check(e: &Edition) -> std::result::Result<(), String> {
    let mut keys: Vec<&str> = Vec::new();
    for s in &e.sections {
        if !SECTION_KEYS.contains(&s.key.as_str()) || keys.contains(&s.key.as_str()) {
            let (keys, found) = (SECTION_KEYS.join(", "), &s.key);
            return Err(pick(
                format!("sections：每个部分只能列一次，应为 {keys} 之一，实际为 `{found}`"),
                format!("sections: expected each section once, one of {keys}, found `{found}`"),
            ));
        }
        keys.push(&s.key);
    }
    for g in &e.glossary {
        if g.subjects == g.text.is_some() {
            let term = &g.term;
            return Err(pick(
                format!(
                    "glossary：词条 `{term}` 要么写 `text`，要么写 `subjects: true`，二者只能有一个"
                ),
                format!(
                    "glossary: entry `{term}` needs either its `text` or `subjects: true`, not both"
                ),
            ));
        }
    }
    let mut seen = Vec::new();
    for t in &e.tables {
        if seen.contains(&t.id) {
            let id = t.id;
            return Err(pick(
                format!("表 `{id:?}` 列了两次"),
                format!("table `{id:?}` is listed twice"),
            ));
        }
        seen.push(t.id);
        match t.id.line_kind() {
            Some(kind) => {
                if t.columns.is_empty() {
                    let title = &t.title;
                    return Err(pick(
                        format!("表 `{title}` 需要写出它的 `columns`"),
                        format!("table `{title}` needs its `columns`"),
                    ));
                }
                let mut keys = Vec::new();
                for c in &t.columns {
                    let ok = LineCol::from_key(&c.key).is_some_and(|k| kind.columns().contains(&k));
                    if !ok || keys.contains(&c.key) {
                        let allowed: Vec<&str> = kind.columns().iter().map(|c| c.key()).collect();
                        let (title, allowed, found) = (&t.title, allowed.join(", "), &c.key);
                        return Err(pick(
                            format!(
                                "表 `{title}`：每一列只能列一次，应为 {allowed} 之一，实际为 `{found}`"
                            ),
                            format!(
                                "table `{title}`: expected each column once, one of {allowed}, found `{found}`"
                            ),
                        ));
                    }
                    keys.push(c.key.clone());
                }
            }
            None if !t.columns.is_empty() => {
                let title = &t.title;
                return Err(pick(
                    format!("表 `{title}` 的格式是固定的，不能写 `columns`"),
                    format!("table `{title}` has a fixed layout and takes no `columns`"),
                ));
            }
            None => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<BTreeMap<String, Edition>> {
        parse_all(&BTreeMap::from([("x".to_owned(), text.to_owned())]))
    }

    const HEAD: &str =
        "title: t\nglossary_part: 第五部分\nglossary: []\nunit_label: 单位\nsections: []\n";

    #[test]
    fn the_embedded_editions_parse_and_list_the_nine_tables() {
        let theme = crate::render::Theme::embedded().expect("theme");
        let editions = parse_all(&theme.editions).expect("editions");
        assert_eq!(
            editions.keys().map(String::as_str).collect::<Vec<_>>(),
            ["national", "shanghai"]
        );
        for e in editions.values() {
            let mut ids: Vec<usize> = e.tables.iter().map(|t| t.id.n()).collect();
            ids.sort_unstable();
            assert_eq!(ids, (1..=9).collect::<Vec<_>>(), "{}", e.title);
        }
        let national = &editions["national"];
        assert_eq!(
            national.classes_for(2019).len(),
            25,
            "抗疫特别国债 from 2020"
        );
        assert_eq!(national.classes_for(2024).len(), 26);
    }

    #[test]
    fn an_edition_refuses_an_unknown_section_a_foreign_column_and_a_table_twice() {
        let bad_section = "title: t\nglossary_part: 第五部分\nglossary: []\nunit_label: 单位\nsections: [{key: nosuch, title: 一、}]\ntables: []\n";
        let e = parsed(bad_section).expect_err("unknown section");
        assert!(e.to_string().contains("实际为 `nosuch`"), "{e}");
        let foreign = format!(
            "{HEAD}tables:\n  - {{id: income, title: 收入决算表, columns: [{{key: basic, title: 基本支出}}]}}\n"
        );
        let e = parsed(&foreign).expect_err("basic is not an income column");
        assert!(e.to_string().contains("实际为 `basic`"), "{e}");
        let twice = format!(
            "{HEAD}tables:\n  - {{id: summary, title: a}}\n  - {{id: summary, title: b}}\n"
        );
        let e = parsed(&twice).expect_err("twice");
        assert!(e.to_string().contains("列了两次"), "{e}");
        let fixed = format!(
            "{HEAD}tables:\n  - {{id: summary, title: a, columns: [{{key: total, title: 合计}}]}}\n"
        );
        let e = parsed(&fixed).expect_err("a fixed table takes no columns");
        assert!(e.to_string().contains("不能写 `columns`"), "{e}");
    }

    #[test]
    fn a_glossary_entry_is_a_definition_or_the_subject_list_never_both() {
        let entry = |e: &str| {
            format!(
                "{}glossary: [{e}]\ntables: []\n",
                HEAD.replace("glossary: []\n", "")
            )
        };
        assert!(parsed(&entry("{term: 基本支出, text: 指…}")).is_ok());
        assert!(parsed(&entry("{term: 科目, subjects: true}")).is_ok());
        for bad in [
            "{term: 基本支出}",
            "{term: 科目, text: 指…, subjects: true}",
        ] {
            let e = parsed(&entry(bad)).expect_err(bad);
            assert!(e.to_string().contains("要么写 `text`"), "{e}");
        }
    }

    #[test]
    fn chinese_numerals_count_as_the_templates_do() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99, 100]
            .into_iter()
            .map(chinese_numeral)
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "100"
            ]
        );
    }
}
