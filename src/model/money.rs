//! Exact decimals: amounts (万元), weights and scores ([`Dec`]) and percentages ([`Pct`]).
//!
//! In: the text of a YAML scalar. Out: a `rust_decimal::Decimal` holding exactly that text's
//! value, with the scale it was written in (so `3.0` prints as `3.0`). Never goes through f64.
//! Rounding is 四舍五入 (half away from zero). Arithmetic is checked: an overflow is `None`,
//! never a panic or a wrapped value.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The largest number of digits a figure may have (Decimal holds 28 safely).
const MAX_DIGITS: usize = 28;

/// An exact decimal number as written in the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(Decimal);

/// An amount of money, in the record's `amount_unit`.
pub type Money = Dec;

/// Why a scalar is not a plain decimal: what was expected, in Chinese and in English, worded
/// to follow "应为" / "expected" (issue 18: shown in the run's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecError {
    /// The Chinese words.
    pub zh: &'static str,
    /// The English words.
    pub en: &'static str,
}

impl DecError {
    /// What was expected, in both languages.
    pub const fn new(zh: &'static str, en: &'static str) -> DecError {
        DecError { zh, en }
    }
}

impl fmt::Display for DecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match crate::lang::current() {
            crate::lang::Lang::Zh => self.zh,
            crate::lang::Lang::En => self.en,
        })
    }
}

/// A figure written with a leading zero (`012`).
const LEADING_ZEROS: DecError = DecError::new(
    "普通小数，如 11092.59（不要前导零：写 `12`、`0.5`）",
    "a plain decimal such as 11092.59 (no leading zeros: `12`, `0.5`)",
);

/// A figure of more digits than a decimal holds.
pub(crate) const TOO_MANY_DIGITS: DecError =
    DecError::new("不超过 28 位数字的小数", "a decimal of at most 28 digits");

/// A percentage that is not one.
const PERCENTAGE: DecError = DecError::new("百分比，如 99.89%", "a percentage such as 99.89%");

impl Dec {
    /// Zero.
    pub const ZERO: Dec = Dec(Decimal::ZERO);
    /// One hundred.
    pub const HUNDRED: Dec = Dec(Decimal::ONE_HUNDRED);

    /// Parses a plain decimal: an optional `-`, digits (optionally grouped by `,` in threes, as
    /// documents print `11,604.54`), an optional fraction. Rejects exponents, hex, `_`
    /// separators, `.5`, `5.`, `+`, NaN and infinities: a figure must read the same to a person
    /// and to the machine. A figure of the file format is read with [`Dec::parse_field`].
    pub fn parse(text: &str) -> Result<Dec, DecError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(DecError::new(
                "数字，实际为空值",
                "a number, found an empty value",
            ));
        }
        let (neg, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let int_digits: String = if int.contains(',') {
            let groups: Vec<&str> = int.split(',').collect();
            let first_ok = (1..=3).contains(&groups[0].len());
            let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
            if !first_ok || !rest_ok {
                return Err(DecError::new(
                    "普通小数，如 11092.59（千位分隔符须每三位一组）",
                    "a plain decimal such as 11092.59 (thousands separators must group by three)",
                ));
            }
            groups.concat()
        } else {
            int.to_owned()
        };
        let digits_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits_ok(&int_digits) || frac.is_some_and(|f| !digits_ok(f)) {
            return Err(DecError::new(
                "普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值）",
                "a plain decimal such as 11092.59 (no exponent, hex, `_` or special values)",
            ));
        }

        let total_digits = int_digits.trim_start_matches('0').len() + frac.map_or(0, str::len);
        if total_digits > MAX_DIGITS || frac.map_or(0, str::len) > MAX_DIGITS {
            return Err(TOO_MANY_DIGITS);
        }
        let mut plain = String::with_capacity(t.len());
        if neg {
            plain.push('-');
        }
        plain.push_str(&int_digits);
        if let Some(f) = frac {
            plain.push('.');
            plain.push_str(f);
        }
        Decimal::from_str_exact(&plain)
            .map(Dec)
            .map_err(|_| TOO_MANY_DIGITS)
    }

    /// Parses a figure written in a content file: [`Dec::parse`], and also refuses leading
    /// zeros (`00012`, `012.5`) and a signed zero (`-0`, `-0.00`). Issue 15: these read as 12
    /// and 0 to the machine but as typos (a lost digit, a stray sign) to a person, and no
    /// document prints them. Text inside a target or a name is read with [`Dec::parse`].
    pub fn parse_field(text: &str) -> Result<Dec, DecError> {
        let value = Dec::parse(text)?;
        let t = text.trim();
        let unsigned = t.strip_prefix('-').unwrap_or(t);
        let int = unsigned.split('.').next().unwrap_or_default();
        if int.len() > 1 && int.starts_with('0') {
            return Err(LEADING_ZEROS);
        }
        if t.starts_with('-') && value.0.is_zero() {
            return Err(DecError::new(
                "普通小数，如 11092.59（零不带正负号：写 `0`）",
                "a plain decimal such as 11092.59 (a zero takes no sign: write `0`)",
            ));
        }
        Ok(value)
    }

    /// Wraps a `Decimal`.
    pub fn from_decimal(d: Decimal) -> Dec {
        Dec(d)
    }

    /// A whole number.
    pub fn from_int(n: i64) -> Dec {
        Dec(Decimal::from(n))
    }

    /// The inner `Decimal`.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Digits after the point as written.
    pub fn scale(self) -> u32 {
        self.0.scale()
    }

    /// `self + other`, `None` on overflow.
    pub fn checked_add(self, other: Dec) -> Option<Dec> {
        self.0.checked_add(other.0).map(Dec)
    }

    /// `self - other`, `None` on overflow.
    pub fn checked_sub(self, other: Dec) -> Option<Dec> {
        self.0.checked_sub(other.0).map(Dec)
    }

    /// `self * other`, `None` on overflow.
    pub fn checked_mul(self, other: Dec) -> Option<Dec> {
        self.0.checked_mul(other.0).map(Dec)
    }

    /// `self / other`, `None` when `other` is zero or on overflow.
    pub fn checked_div(self, other: Dec) -> Option<Dec> {
        if other.0.is_zero() {
            return None;
        }
        self.0.checked_div(other.0).map(Dec)
    }

    /// Sum of many, `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Dec>>(items: I) -> Option<Dec> {
        items.into_iter().try_fold(Dec::ZERO, Dec::checked_add)
    }

    /// Rounded to `dp` places, 四舍五入 (half away from zero).
    pub fn round(self, dp: u32) -> Dec {
        Dec(self
            .0
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
    }

    /// Rounded to `dp` places and shown with exactly `dp` places.
    pub fn round_fixed(self, dp: u32) -> Dec {
        let mut d = self.round(dp).0;
        d.rescale(dp);
        Dec(d)
    }

    /// Truncated towards zero at `dp` places (for largest-remainder shares).
    pub fn trunc(self, dp: u32) -> Dec {
        Dec(self.0.round_dp_with_strategy(dp, RoundingStrategy::ToZero))
    }

    /// The smaller of two.
    pub fn min(self, other: Dec) -> Dec {
        if self <= other { self } else { other }
    }

    /// The larger of two.
    pub fn max(self, other: Dec) -> Dec {
        if self >= other { self } else { other }
    }

    /// Is it zero?
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Is it below zero?
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Absolute value.
    pub fn abs(self) -> Dec {
        Dec(self.0.abs())
    }

    /// Without trailing zeros after the point (`3.50` → `3.5`, `20.0` → `20`).
    pub fn normalize(self) -> Dec {
        Dec(self.0.normalize())
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::str::FromStr for Dec {
    type Err = DecError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dec::parse(s)
    }
}

/// The newtype name [`Dec`], [`Pct`] and [`Whole`](super::Whole) serialize under: serde_json,
/// Tera and YAML see through it (the text or number alone); `load` recognizes it to find which
/// fields of a file are numbers, and refuses a number written quoted there (issue 15).
pub(crate) const NUMBER: &str = "gongkai::number";

/// Serializes a value as its `Display` text, formatted only if the serializer asks for it.
struct AsText<'a, T: fmt::Display>(&'a T);

impl<T: fmt::Display> Serialize for AsText<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

impl Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(NUMBER, &AsText(&self.0))
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Dec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::lang::pick(
                    "普通小数，如 11092.59",
                    "a plain decimal such as 11092.59",
                ))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dec, E> {
                Dec::parse_field(v)
                    .map_err(|e| E::custom(crate::lang::expected(e, format!("`{v}`"))))
            }
        }
        d.deserialize_str(V)
    }
}

// The record format's JSON Schema (`load::schema`, issue 15; published by issue 18): a plain
// YAML scalar such as `11092.59` is a number to a schema validator and text to this loader, so
// both types are allowed. `format` marks it as a parsed value (never free text) for generators.
impl schemars::JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Dec".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A plain decimal such as 11092.59 (thousands separators `11,092.59` \
                allowed; no exponent, hex, `_` or special values).",
            "type": ["string", "number"],
            "format": "decimal",
            "pattern": "^(\\s*-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?\\s*|待填)$",
            "examples": ["11092.59"]
        })
    }
}

/// A percentage as printed (`99.89%`), its value in percent units (99.89).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pct(Dec);

impl Pct {
    /// Parses `99.89%`, `-24.01%`, `100%` (the `%` is required, full-width `％` accepted).
    pub fn parse(text: &str) -> Result<Pct, DecError> {
        let t = text.trim();
        let body = t
            .strip_suffix('%')
            .or_else(|| t.strip_suffix('％'))
            .ok_or(PERCENTAGE)?;
        Dec::parse(body.trim_end()).map(Pct).map_err(|_| PERCENTAGE)
    }

    /// Parses a percentage written in a content file: as [`Pct::parse`], its number read with
    /// [`Dec::parse_field`] (so `099%` and `-0%` are refused, issue 15).
    pub fn parse_field(text: &str) -> Result<Pct, DecError> {
        let pct = Pct::parse(text)?;
        let t = text.trim();
        let body = t
            .strip_suffix('%')
            .or_else(|| t.strip_suffix('％'))
            .unwrap_or(t);
        Dec::parse_field(body.trim_end()).map(|_| pct).map_err(|e| {
            if e == LEADING_ZEROS {
                DecError::new(
                    "百分比，如 99.89%（不要前导零：写 `5%`、`0.5%`）",
                    "a percentage such as 99.89% (no leading zeros: `5%`, `0.5%`)",
                )
            } else {
                DecError::new(
                    "百分比，如 99.89%（零不带正负号：写 `0%`）",
                    "a percentage such as 99.89% (a zero takes no sign: write `0%`)",
                )
            }
        })
    }

    /// From a value in percent units.
    pub fn from_percent(d: Dec) -> Pct {
        Pct(d)
    }

    /// From a ratio (0.9989 → 99.89%), unrounded.
    pub fn from_ratio(r: Dec) -> Option<Pct> {
        r.checked_mul(Dec::HUNDRED).map(Pct)
    }

    /// Value in percent units.
    pub fn percent(self) -> Dec {
        self.0
    }

    /// Value as a ratio (99.89% → 0.9989).
    pub fn ratio(self) -> Dec {
        // Dividing by 100 cannot overflow.
        self.0.checked_div(Dec::HUNDRED).unwrap_or(Dec::ZERO)
    }
}

impl fmt::Display for Pct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

impl Serialize for Pct {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(NUMBER, &AsText(self))
    }
}

impl<'de> Deserialize<'de> for Pct {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Pct;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::lang::pick(
                    "百分比，如 99.89%",
                    "a percentage such as 99.89%",
                ))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Pct, E> {
                Pct::parse_field(v)
                    .map_err(|e| E::custom(crate::lang::expected(e, format!("`{v}`"))))
            }
        }
        d.deserialize_str(V)
    }
}

impl schemars::JsonSchema for Pct {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Pct".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A percentage as printed, such as 99.89% (full-width ％ allowed).",
            "type": "string",
            "format": "percentage",
            "pattern": "^(\\s*-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?\\s*[%％]\\s*|待填)$",
            "examples": ["99.89%"]
        })
    }
}

#[cfg(test)]
mod tests;
