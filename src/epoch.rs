//! `SOURCE_DATE_EPOCH`: the one date a build may carry (<https://reproducible-builds.org/specs/source-date-epoch/>).
//!
//! In: the variable's value, read once by the caller (`main`, tests pass it explicitly). Out: the
//! seconds as [`Epoch`], its civil date in UTC (`YYYY-MM-DD`) and its UTC time of day. A value that is not plain
//! decimal digits fitting an `i64` is an [`Error::Usage`] naming the variable and the value.
//! Never reads the wall clock and never uses the local time zone.

use crate::error::{Error, Result};

/// The environment variable.
pub const VAR: &str = "SOURCE_DATE_EPOCH";

/// Seconds since 1970-01-01T00:00:00Z, as set by `SOURCE_DATE_EPOCH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Epoch(pub i64);

impl Epoch {
    /// Parses the variable's value: ASCII digits only (no sign, space or exponent), fitting i64.
    pub fn parse(value: &str) -> Result<Epoch> {
        let bad = |zh: &str, en: &str| {
            let shown = value.escape_debug();
            Error::Usage(crate::lang::pick(
                format!("{VAR}=`{shown}` 无效：{zh}"),
                format!("{VAR}=`{shown}` is not valid: {en}"),
            ))
        };
        if value.is_empty() {
            return Err(bad(
                "应为自 1970-01-01 起的秒数（十进制数字），实际为空",
                "expected seconds since 1970-01-01 as decimal digits, got nothing",
            ));
        }
        if !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(
                "应为自 1970-01-01 起的秒数，只能是十进制数字",
                "expected seconds since 1970-01-01 as decimal digits only",
            ));
        }
        value
            .parse::<i64>()
            .map(Epoch)
            .map_err(|_| bad("数字太大", "the number is too large"))
    }

    /// Reads the variable from a value as `std::env::var_os` gives it: unset is `None`, a value
    /// that is not UTF-8 is an error like any other malformed value.
    pub fn from_var(value: Option<std::ffi::OsString>) -> Result<Option<Epoch>> {
        let Some(value) = value else { return Ok(None) };
        match value.to_str() {
            Some(s) => Epoch::parse(s).map(Some),
            None => {
                let shown = value.to_string_lossy();
                Err(Error::Usage(crate::lang::pick(
                    format!("{VAR}=`{shown}` 无效：不是 UTF-8 编码"),
                    format!("{VAR}=`{shown}` is not valid: not UTF-8"),
                )))
            }
        }
    }

    /// The UTC calendar date, `YYYY-MM-DD`.
    pub fn date(self) -> String {
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400));
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The UTC instant for people, `YYYY-MM-DD HH:MM:SS UTC` (`archive/index.html`).
    pub fn date_time(self) -> String {
        let (h, m, s) = self.clock();
        format!("{} {h:02}:{m:02}:{s:02} UTC", self.date())
    }

    /// The UTC instant for machines (`<time datetime>`), `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn iso(self) -> String {
        let (h, m, s) = self.clock();
        format!("{}T{h:02}:{m:02}:{s:02}Z", self.date())
    }

    /// Hours, minutes and seconds into the UTC day.
    fn clock(self) -> (i64, i64, i64) {
        let secs = self.0.rem_euclid(86_400);
        (secs / 3600, secs / 60 % 60, secs % 60)
    }
}

/// Year, month, day of the proleptic Gregorian calendar for a count of days since 1970-01-01
/// (Howard Hinnant's `civil_from_days`, exact for every i64 / 86400).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let y = yoe + era * 400 + i64::from(m <= 2);
    // Both are in range by construction; the fallbacks are never taken.
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants_give_their_utc_dates() {
        assert_eq!(Epoch(0).date(), "1970-01-01");
        assert_eq!(Epoch(86_399).date(), "1970-01-01");
        assert_eq!(Epoch(951_782_400).date(), "2000-02-29");
        assert_eq!(Epoch(1_719_705_600).date(), "2024-06-30");
        // 2024-06-30T23:59:59Z is still the 30th in UTC, whatever the local zone says.
        assert_eq!(Epoch(1_719_791_999).date(), "2024-06-30");
        assert_eq!(Epoch(4_107_542_400).date(), "2100-03-01");
    }

    #[test]
    fn issue19_instants_show_their_utc_time_of_day() {
        assert_eq!(Epoch(0).date_time(), "1970-01-01 00:00:00 UTC");
        assert_eq!(Epoch(1_719_791_999).date_time(), "2024-06-30 23:59:59 UTC");
        assert_eq!(Epoch(1_735_732_245).date_time(), "2025-01-01 11:50:45 UTC");
        assert_eq!(Epoch(1_735_732_245).iso(), "2025-01-01T11:50:45Z");
        assert_eq!(Epoch(-1).date_time(), "1969-12-31 23:59:59 UTC");
        assert!(Epoch(i64::MAX).date_time().ends_with(" UTC"));
    }

    #[test]
    fn every_day_follows_the_previous_one() {
        let mut last = civil_from_days(-800_000);
        for days in -799_999..800_000 {
            let next = civil_from_days(days);
            let (y, m, d) = last;
            let ok = next == (y, m, d + 1) || next == (y, m + 1, 1) || next == (y + 1, 1, 1);
            assert!(ok, "{last:?} → {next:?}");
            last = next;
        }
    }

    #[test]
    fn the_largest_value_has_a_date_and_no_panic() {
        assert!(!Epoch(i64::MAX).date().is_empty());
    }

    #[test]
    fn only_plain_digits_fitting_i64_are_accepted() {
        assert_eq!(Epoch::parse("1719705600").ok(), Some(Epoch(1_719_705_600)));
        assert_eq!(Epoch::parse("0").ok(), Some(Epoch(0)));
        for bad in [
            "",
            " 1",
            "1 ",
            "-1",
            "+1",
            "1e9",
            "1.0",
            "0x10",
            "abc",
            "99999999999999999999",
        ] {
            let err = Epoch::parse(bad).expect_err(bad).to_string();
            assert!(err.starts_with("SOURCE_DATE_EPOCH=`"), "{err}");
        }
        assert_eq!(
            Epoch::parse("tomorrow").expect_err("text").to_string(),
            "SOURCE_DATE_EPOCH=`tomorrow` 无效：应为自 1970-01-01 起的秒数，只能是十进制数字"
        );
    }
}
