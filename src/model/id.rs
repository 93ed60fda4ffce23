//! Validated identifiers that become path segments: [`UnitId`] and [`Year`].
//!
//! A `UnitId` is 1–64 of `[a-z0-9-]`, starting with a letter or digit, so it can never name a
//! parent folder, an absolute path or a hidden file, whatever the content says.

use std::fmt;

use serde::Serialize;

/// A unit's id: safe as a URL and file path segment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct UnitId(String);

impl UnitId {
    /// Validates an id; the error says what is expected.
    pub fn parse(s: &str) -> Result<UnitId, String> {
        let ok_len = (1..=64).contains(&s.len());
        let ok_chars = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let ok_start = s
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if ok_len && ok_chars && ok_start {
            Ok(UnitId(s.to_owned()))
        } else {
            Err(crate::lang::pick(
                format!(
                    "由 1 到 64 个小写字母、数字和 `-` 组成（以字母或数字开头）的单位编号，实际为 `{s}`"
                ),
                format!(
                    "a unit id of 1 to 64 lowercase letters, digits and `-` (starting with a letter or digit), found `{s}`"
                ),
            ))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A budget year, 1949–2199.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Year(u16);

impl Year {
    /// Validates a year number.
    pub fn new(y: i64) -> Result<Year, String> {
        if (1949..=2199).contains(&y) {
            Ok(Year(y as u16))
        } else {
            Err(crate::lang::pick(
                format!("1949 至 2199 之间的年份，实际为 {y}"),
                format!("a year between 1949 and 2199, found {y}"),
            ))
        }
    }

    /// Parses a file stem like `2023`.
    pub fn parse(s: &str) -> Result<Year, String> {
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            Year::new(i64::from(s.parse::<u16>().unwrap_or(0)))
        } else {
            Err(crate::lang::pick(
                format!("四位数的年份，实际为 `{s}`"),
                format!("a four-digit year, found `{s}`"),
            ))
        }
    }

    /// The year as a number.
    pub fn get(self) -> u16 {
        self.0
    }

    /// The year before, if in range.
    pub fn prev(self) -> Option<Year> {
        Year::new(i64::from(self.0) - 1).ok()
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_escape() {
        for bad in ["..", "a/b", "/etc", ".hidden", "", "A", "a b", "-x", "青菱"] {
            assert!(UnitId::parse(bad).is_err(), "{bad}");
        }
        assert!(UnitId::parse("qingling").is_ok());
        assert!(UnitId::parse("huashan-2").is_ok());
    }

    #[test]
    fn years() {
        assert!(Year::parse("2023").is_ok());
        assert!(Year::parse("23").is_err());
        assert!(Year::parse("1800").is_err());
    }
}
