//! Whole numbers of the file format (`year`, `sort`, `prior_years`), read as strictly as
//! amounts.
//!
//! In: the text of a YAML scalar. Out: an `i64`. The YAML library alone would read `0x7e4`,
//! `+2020` and `0o3744` as 2020 (issue 15); here only what a person reads as the same number
//! passes: an optional `-` and ASCII digits, without leading zeros or a signed zero.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::money::{DecError, NUMBER};

/// A whole number as written in the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Whole(i64);

impl Whole {
    /// Parses `2023`, `-1`, `0`; rejects `+5`, `0x7e4`, `1_000`, `007`, `-0`, `2023.0`.
    pub fn parse(text: &str) -> Result<Whole, DecError> {
        const WORDS: DecError = DecError::new(
            "用数字写的整数（不带 `+`、十六进制、下划线 `_`、小数点或前导零）",
            "a whole number in digits (no `+`, hex, `_`, decimal point or leading zeros)",
        );
        let digits = text.strip_prefix('-').unwrap_or(text);
        let plain = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits.len() == 1 || !digits.starts_with('0'))
            && !(digits == "0" && text.starts_with('-'));
        if !plain {
            return Err(WORDS);
        }
        text.parse()
            .map(Whole)
            .map_err(|_| DecError::new("不超过 18 位的整数", "a whole number of at most 18 digits"))
    }

    /// The value.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl From<i64> for Whole {
    fn from(n: i64) -> Whole {
        Whole(n)
    }
}

impl fmt::Display for Whole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Whole {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(NUMBER, &self.0)
    }
}

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Whole;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::lang::pick(
                    "用数字写的整数",
                    "a whole number in digits",
                ))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Whole, E> {
                Whole::parse(v).map_err(|e| E::custom(crate::lang::expected(e, format!("`{v}`"))))
            }
            // A snapshot's record JSON holds whole numbers as JSON numbers.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Whole, E> {
                Ok(Whole(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Whole, E> {
                i64::try_from(v).map(Whole).map_err(|_| {
                    E::custom(crate::lang::pick(
                        "应为不超过 18 位的整数",
                        "expected a whole number of at most 18 digits",
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

// The record format's JSON Schema (`load::schema`): a whole number written plainly.
impl schemars::JsonSchema for Whole {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Whole".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A whole number written plainly (`2023`): digits only, no sign but \
                `-`, no leading zeros, not quoted.",
            "anyOf": [{"type": "integer"}, {"const": "待填"}]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue15_only_plain_digits_are_whole_numbers() {
        for ok in ["2023", "0", "-1", "7"] {
            assert_eq!(Whole::parse(ok).map(|w| w.to_string()), Ok(ok.to_owned()));
        }
        for bad in [
            "0x7e4",
            "+2020",
            "0o3744",
            "1_000",
            "02023",
            "-0",
            "2023.0",
            "",
            "-",
            " 2023",
            "２０２３",
            "99999999999999999999",
        ] {
            assert!(Whole::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
