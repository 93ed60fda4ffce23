//! `_unit.yaml` → [`Unit`], and what a record's `source` says the document does not print
//! (issue 16): a unit's `name` or its `label`, a `source.title` or `title` in `not_printed`,
//! never both and never neither, so an omission is explicit, not an accident.

use super::Ctx;
use crate::error::{Diagnostic, Locator};
use crate::lang::pick;
use crate::load::raw::RawUnit;
use crate::model::{Unit, UnitId, Whole};

/// `_unit.yaml` → [`Unit`] without records; `folder` is the unit folder's (valid) name.
pub(crate) fn unit(
    raw: RawUnit,
    folder: &UnitId,
    locator: &Locator,
) -> Result<Unit, Vec<Diagnostic>> {
    let mut cx = Ctx::new(locator);
    match UnitId::parse(&raw.id) {
        Err(e) => cx.error(
            "id",
            pick(
                format!("应为{}", crate::lang::spaced(&e)),
                format!("expected {e}"),
            ),
        ),
        Ok(id) if id != *folder => cx.error(
            "id",
            pick(
                format!("应为 `{folder}`（与单位文件夹名一致），实际为 `{id}`"),
                format!("expected `{folder}` (the unit folder's name), found `{id}`"),
            ),
        ),
        Ok(_) => {}
    }
    // Issue 16: a unit whose documents print no name has a `label` instead, and every list
    // shows it marked, so it never reads as a printed name.
    let (name, short_name, name_printed) = match (raw.name, raw.label) {
        (Some(name), None) => {
            if name.trim().is_empty() {
                cx.error(
                    "name",
                    pick(
                        "应填写单位名称，实际为空",
                        "expected the unit's name, found an empty value",
                    ),
                );
            }
            let short = raw.short_name.unwrap_or_else(|| name.clone());
            (name, short, true)
        }
        (None, Some(label)) => {
            if label.trim().is_empty() {
                cx.error(
                    "label",
                    pick(
                        "应填写单位的称呼，实际为空",
                        "expected what to call the unit, found an empty value",
                    ),
                );
            }
            let short = raw.short_name.unwrap_or_else(|| label.clone());
            (
                format!("{label}{NAME_NOT_PRINTED}"),
                format!("{short}{NAME_NOT_PRINTED}"),
                false,
            )
        }
        (Some(_), Some(_)) => {
            cx.error(
                "label",
                pick(
                    "只有原文未印出单位名称时才填 `label`（称呼），此时不填 `name`；实际两者都填了",
                    "expected `label` only when the documents print no name (leave out `name`), found both `name` and `label`",
                ),
            );
            (String::new(), String::new(), true)
        }
        (None, None) => {
            cx.error(
                "name",
                pick(
                    "应填写 `name`（单位名称，照原文），原文未印出名称时填 `label`（称呼）；实际两者都没有",
                    "expected `name` (单位名称, as printed), or `label` (称呼) when the documents print no name, found neither",
                ),
            );
            (String::new(), String::new(), true)
        }
    };
    cx.finish(Unit {
        id: folder.clone(),
        short_name,
        name,
        name_printed,
        parent: raw.parent,
        region: raw.region,
        kind: raw.kind,
        sort: raw.sort.map_or(0, Whole::get),
        aliases: raw.aliases,
        records: Vec::new(),
    })
}

/// What a unit's name reads as when its documents print none (issue 16).
pub(crate) const NAME_NOT_PRINTED: &str = "（原文未印出单位名称）";

/// `source`: a title, or `title` in `not_printed`, never both and never neither; each
/// `not_printed` entry is `title` or `year`.
pub(super) fn source(cx: &mut Ctx<'_>, raw: &crate::load::raw::RawSource) {
    for (i, what) in raw.not_printed.iter().enumerate() {
        cx.one_of(
            &format!("source.not_printed[{i}]"),
            what,
            &[("title", ()), ("year", ())],
        );
    }
    let untitled = raw.not_printed.iter().any(|w| w == "title");
    match (&raw.title, untitled) {
        (None, false) => cx.error(
            "source.title",
            pick(
                "应照原文填写文件标题；原文未印标题时，在 `not_printed`（原文未印出）里写 `title`；实际两者都没有",
                "expected the document's title as printed, or `title` in `not_printed` when the document prints none, found neither",
            ),
        ),
        (Some(_), true) => cx.error(
            "source.not_printed",
            pick(
                "只有记录没有 `source.title`（文件标题）时，才在 `not_printed` 里写 `title`；实际两者都有",
                "expected `title` in `not_printed` only when the record has no `source.title`, found both",
            ),
        ),
        _ => {}
    }
}
