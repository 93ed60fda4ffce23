//! Amounts as a document prints them in a cell: `10000万元`, `1.5万元`, `387664.62元`,
//! `1.5 万元`, `3.2亿元` (issue 16), and the exact conversion between 元, 万元 and 亿元.
//!
//! In: the text of an amount field, and the record's `amount_unit` (set by `load` around the
//! parse of one record, see `with_record_unit`). Out: a [`Dec`] in the record's unit. A plain
//! figure (`11092.59`) is already in the record's unit; a figure with its unit is converted by
//! moving the decimal point (元 → 万元 is ÷10000), never rounded: `387664.62元` in a 万元 record
//! is exactly 38.766462. The printed text is kept by `load` (`Record::printed`), so a page can
//! show the cell as printed. Units other than 元, 万元 and 亿元 (千元, 万, 美元 …) are refused:
//! no document of the corpus prints 千元, and a bare 万 is a unit left half printed.
//!
//! The record's unit reaches the deserializer through a thread-local set for the duration of
//! one record's parse: serde's derive has no way to hand a value to a field's deserializer, and
//! each record is parsed on one thread from start to end, so the value never leaks into another
//! record (the guard restores the previous value, also on unwind).

use std::cell::Cell;
use std::fmt;

use serde::Deserializer;

use super::AmountUnit;
use super::cell::Cell as CellOf;
use super::money::Dec;

/// The units an amount may be written in: how many places of ten each is above 元.
const UNITS: [(&str, u32); 3] = [("亿元", 8), ("万元", 4), ("元", 0)];

thread_local! {
    /// The `amount_unit` of the record being parsed on this thread, if known.
    static RECORD_UNIT: Cell<Option<AmountUnit>> = const { Cell::new(None) };
    /// Whether an amount with its unit was read during the current record's parse.
    static SAW_UNIT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` (the parse of one record) with `unit` as the record's amount unit; returns its
/// result and whether any amount was written with its unit.
pub(crate) fn with_record_unit<R>(unit: Option<AmountUnit>, f: impl FnOnce() -> R) -> (R, bool) {
    struct Restore(Option<AmountUnit>, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            RECORD_UNIT.with(|c| c.set(self.0));
            SAW_UNIT.with(|c| c.set(self.1));
        }
    }
    let _restore = Restore(
        RECORD_UNIT.with(|c| c.replace(unit)),
        SAW_UNIT.with(|c| c.replace(false)),
    );
    let result = f();
    (result, SAW_UNIT.with(Cell::get))
}

/// The `amount_unit:` of a record's text, read from its own top-level line (`amount_unit: 万元`,
/// quoted or with a comment); `None` when there is no such line or it names no unit (then
/// `validate` reports it, and an amount with its unit cannot be converted).
pub(crate) fn scan_record_unit(text: &str) -> Option<AmountUnit> {
    let line = text.lines().find_map(|l| l.strip_prefix("amount_unit:"))?;
    let value = line.split(" #").next().unwrap_or_default().trim();
    unit_named(value.trim_matches(|c| c == '"' || c == '\''))
}

/// The amount unit `text` names (`万元`, `元`), if any.
pub(crate) fn unit_named(text: &str) -> Option<AmountUnit> {
    match text {
        "万元" => Some(AmountUnit::WanYuan),
        "元" => Some(AmountUnit::Yuan),
        _ => None,
    }
}

impl AmountUnit {
    /// Places of ten above 元.
    fn exponent(self) -> u32 {
        match self {
            AmountUnit::Yuan => 0,
            AmountUnit::WanYuan => 4,
        }
    }

    /// `value`, in this unit, converted exactly to `to`. `None` when the result would need
    /// more than 28 digits.
    pub fn convert(self, value: Dec, to: AmountUnit) -> Option<Dec> {
        shift(value, self.exponent(), to.exponent())
    }

    /// `value`, in this unit, in 万元 (what amounts of different records are compared in).
    pub fn to_wan(self, value: Dec) -> Option<Dec> {
        self.convert(value, AmountUnit::WanYuan)
    }
}

/// `value` in a unit 10^`from` 元 expressed in a unit 10^`to` 元, by moving the point.
fn shift(value: Dec, from: u32, to: u32) -> Option<Dec> {
    if from >= to {
        let factor = rust_decimal::Decimal::from(10u64.pow(from - to));
        return value.checked_mul(Dec::from_decimal(factor));
    }
    let mut d = value.decimal();
    let scale = d.scale() + (to - from);
    if scale > 28 {
        return None;
    }
    d.set_scale(scale).ok()?;
    Some(Dec::from_decimal(d))
}

/// An amount written with its unit: the number's text and the unit's text
/// (`10000万元` → (`10000`, `万元`); `1.5 万元` → (`1.5`, `万元`)). `None` when the text does
/// not end with 元 (a plain figure, or something else the plain reading refuses).
pub(crate) fn split_unit(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    if !t.ends_with('元') {
        return None;
    }
    let at = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-')))
        .map_or(t.len(), |(i, _)| i);
    let (number, unit) = t.split_at(at);
    Some((number, unit.trim_start()))
}

/// Reads an amount field: a plain figure in the record's unit, or a figure with its unit
/// converted to it.
fn read(text: &str) -> Result<Dec, String> {
    let plain = match Dec::parse_field(text) {
        Ok(d) => return Ok(d),
        Err(e) => e,
    };
    use crate::lang::{expected, pick};
    let amount = || {
        pick(
            "金额，如 11092.59，或在单元格印有单位时写作 10000万元",
            "an amount such as 11092.59 or, with the unit printed in the cell, 10000万元",
        )
    };
    let found = format!("`{text}`");
    let Some((number, unit)) = split_unit(text) else {
        if text.trim_end().ends_with('万') {
            return Err(pick(
                format!(
                    "{}：单位请写全（万元）；原文未印“元”字时，只填数字",
                    expected(amount(), &found)
                ),
                format!(
                    "{}: write the unit in full (万元), and type the figure plainly when the \
                     document prints it without 元",
                    expected(amount(), &found)
                ),
            ));
        }
        return Err(expected(plain, &found));
    };
    let readable = Dec::parse_field(number)
        .ok()
        .filter(|_| !unit.chars().any(|c| c.is_ascii_alphanumeric()));
    let Some(value) = readable else {
        return Err(pick(
            format!("{}：单位前的数字不是普通小数", expected(amount(), &found)),
            format!(
                "{}: the figure before the unit is not a plain decimal",
                expected(amount(), &found)
            ),
        ));
    };
    let Some(&(_, from)) = UNITS.iter().find(|(u, _)| *u == unit) else {
        return Err(pick(
            format!(
                "应为{}（元、万元或亿元），实际为 {found}：gongkai 不换算单位“{unit}”，请按本记录的 amount_unit（金额单位）填写数字",
                amount()
            ),
            format!(
                "expected {} (元, 万元 or 亿元), found {found}: `{unit}` is not a unit gongkai \
                 converts; type the figure in the record's amount_unit",
                amount()
            ),
        ));
    };
    let Some(to) = RECORD_UNIT.with(Cell::get) else {
        return Err(pick(
            format!(
                "应为不带单位的金额，实际为 {found}：带单位的金额须有本记录的 `amount_unit`（金额单位：万元或元）才能换算"
            ),
            format!(
                "expected a plain amount, found {found}: an amount with its unit needs the \
                 record's `amount_unit` (万元 or 元) to be converted to"
            ),
        ));
    };
    let converted = shift(value, from, to.exponent())
        .ok_or_else(|| expected(super::money::TOO_MANY_DIGITS, &found))?;
    SAW_UNIT.with(|c| c.set(true));
    Ok(converted)
}

struct Visitor;

impl serde::de::Visitor<'_> for Visitor {
    type Value = Dec;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::lang::pick(
            "金额，如 11092.59 或 10000万元",
            "an amount such as 11092.59 or 10000万元",
        ))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dec, E> {
        read(v).map_err(E::custom)
    }
}

/// `deserialize_with` for a required amount field.
pub(crate) fn de<'de, D: Deserializer<'de>>(d: D) -> Result<Dec, D::Error> {
    d.deserialize_str(Visitor)
}

/// `deserialize_with` for an optional amount field (with `#[serde(default)]`).
pub(crate) fn opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Dec>, D::Error> {
    de(d).map(Some)
}

/// `deserialize_with` for a list of optional amounts (`prior: [8344.87, ~]`).
pub(crate) fn opt_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<Dec>>, D::Error> {
    struct Item(Option<Dec>);
    impl<'de> serde::Deserialize<'de> for Item {
        fn deserialize<D2: Deserializer<'de>>(d: D2) -> Result<Self, D2::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Item;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(&crate::lang::pick(
                        "金额，如 11092.59 或 10000万元，或 ~",
                        "an amount such as 11092.59 or 10000万元, or ~",
                    ))
                }
                fn visit_none<E: serde::de::Error>(self) -> Result<Item, E> {
                    Ok(Item(None))
                }
                fn visit_unit<E: serde::de::Error>(self) -> Result<Item, E> {
                    Ok(Item(None))
                }
                fn visit_some<D3: Deserializer<'de>>(self, d: D3) -> Result<Item, D3::Error> {
                    de(d).map(|v| Item(Some(v)))
                }
            }
            d.deserialize_option(V)
        }
    }
    let items: Vec<Item> = serde::Deserialize::deserialize(d)?;
    Ok(items.into_iter().map(|i| i.0).collect())
}

/// The JSON Schema of an amount field: a plain decimal, or one with its unit.
/// An amount cell of the funds block (issue 16): a printed mark (`—`, `/`, `""`, `unreadable`,
/// `merged`, see [`super::cell`]) or an amount as [`de`] reads it, its unit in the cell or not.
pub(crate) fn opt_cell<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CellOf<Dec>>, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = CellOf<Dec>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&crate::lang::pick(
                "金额，如 43.2 或 10000万元，或原文印的符号",
                "an amount such as 43.2 or 10000万元, or a printed mark",
            ))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CellOf<Dec>, E> {
            if split_unit(v).is_some() || v.trim_end().ends_with('万') {
                return read(v).map(CellOf::Figure).map_err(E::custom);
            }
            CellOf::parse(v).map_err(E::custom)
        }
    }
    d.deserialize_str(V).map(Some)
}

/// The schema of [`opt_cell`]'s values.
pub(crate) struct AmountCell;

impl schemars::JsonSchema for AmountCell {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AmountCell".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount as printed in a cell of the funds block: a figure in the \
                record's amount_unit (43.2), a figure with its unit (10000万元), or a printed \
                mark: —, /, \"\" (an empty cell), unreadable or merged.",
            "type": ["string", "number"],
            "format": "amount",
            "pattern": "^(\\s*(-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?\\s*(元|万元|亿元)?|[—－\\-–―]{1,2}|[/／]|unreadable|merged|)\\s*|待填)$",
            "examples": ["43.2", "10000万元", "—"]
        })
    }
}

pub(crate) struct Amount;

impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount in the record's amount_unit, such as 11092.59, or with the \
                unit printed in the cell (元, 万元 or 亿元), such as 10000万元 or 387664.62元: \
                converted exactly to the amount_unit.",
            "type": ["string", "number"],
            "format": "amount",
            "pattern": "^(\\s*-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?\\s*(元|万元|亿元)?\\s*|待填)$",
            "examples": ["10000万元", "11092.59"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("decimal")
    }

    fn read_in(unit: AmountUnit, text: &str) -> Result<Dec, String> {
        with_record_unit(Some(unit), || read(text)).0
    }

    #[test]
    fn yuan_to_wan_moves_the_point_without_rounding() {
        let v = read_in(AmountUnit::WanYuan, "387664.62元").expect("amount");
        assert_eq!(v, d("38.766462"));
        assert_eq!(v.to_string(), "38.766462");
    }

    #[test]
    fn wan_and_yi_into_yuan_multiply_exactly() {
        assert_eq!(read_in(AmountUnit::Yuan, "1.5万元"), Ok(d("15000.0")));
        assert_eq!(read_in(AmountUnit::Yuan, "3.2亿元"), Ok(d("320000000.0")));
        assert_eq!(read_in(AmountUnit::WanYuan, "3.2亿元"), Ok(d("32000.0")));
        assert_eq!(read_in(AmountUnit::WanYuan, "10000万元"), Ok(d("10000")));
        assert_eq!(read_in(AmountUnit::WanYuan, "1.5 万元"), Ok(d("1.5")));
        assert_eq!(read_in(AmountUnit::WanYuan, "1,500.5元"), Ok(d("0.15005")));
    }

    #[test]
    fn a_plain_figure_is_in_the_record_unit_and_sets_no_flag() {
        let (v, saw) = with_record_unit(Some(AmountUnit::Yuan), || read("11092.59"));
        assert_eq!((v, saw), (Ok(d("11092.59")), false));
        let (_, saw) = with_record_unit(Some(AmountUnit::Yuan), || read("1万元"));
        assert!(saw);
    }

    #[test]
    fn other_units_and_unreadable_figures_are_refused() {
        let e = read_in(AmountUnit::WanYuan, "10000千元").expect_err("千元");
        assert!(e.contains("gongkai 不换算单位“千元”"), "{e}");
        let e = read_in(AmountUnit::WanYuan, "1e3万元").expect_err("exponent");
        assert!(e.ends_with("单位前的数字不是普通小数"), "{e}");
        let e = read_in(AmountUnit::WanYuan, "0.00 万").expect_err("万 alone");
        assert!(e.contains("单位请写全（万元）"), "{e}");
        let e = read_in(AmountUnit::WanYuan, "1e3").expect_err("plain");
        assert!(e.starts_with("应为普通小数"), "{e}");
        let e = with_record_unit(None, || read("1万元"))
            .0
            .expect_err("no unit");
        assert!(e.contains("须有本记录的 `amount_unit`"), "{e}");
    }

    #[test]
    fn too_many_places_is_an_error_not_a_rounding() {
        let e = read_in(AmountUnit::WanYuan, "0.0000000000000000000000001元").expect_err("28");
        assert!(e.contains("不超过 28 位数字"), "{e}");
    }

    #[test]
    fn the_record_unit_is_read_from_its_line() {
        assert_eq!(
            scan_record_unit("year: 2020\namount_unit: 元\n"),
            Some(AmountUnit::Yuan)
        );
        assert_eq!(
            scan_record_unit("amount_unit: \"万元\" # as printed\n"),
            Some(AmountUnit::WanYuan)
        );
        assert_eq!(scan_record_unit("  amount_unit: 元\n"), None);
    }

    #[test]
    fn the_previous_unit_is_restored() {
        let ((), _) = with_record_unit(Some(AmountUnit::Yuan), || {
            let ((), _) = with_record_unit(Some(AmountUnit::WanYuan), || ());
            assert_eq!(RECORD_UNIT.with(Cell::get), Some(AmountUnit::Yuan));
        });
        assert_eq!(RECORD_UNIT.with(Cell::get), None);
    }
}
