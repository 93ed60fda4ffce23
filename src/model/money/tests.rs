//! Exact parsing, rounding and percentages.

use super::*;

fn d(s: &str) -> Dec {
    Dec::parse(s).expect("valid decimal")
}

#[test]
fn reads_exactly_and_round_trips() {
    for s in [
        "33.333333333333333",
        "12345678901234567.89",
        "0.5",
        "-3505.64",
        "20",
        "3.0",
    ] {
        assert_eq!(d(s).to_string(), s);
    }
    assert_eq!(d("11,604.54").to_string(), "11604.54");
}

#[test]
fn rejects_what_a_person_would_misread() {
    for s in [
        "1e3", "0x1F", ".nan", ".inf", "1_000", ".5", "5.", "+5", "", "1,00", "NaN", "1.2.3",
        "１２",
    ] {
        assert!(Dec::parse(s).is_err(), "{s} should be rejected");
    }
}

#[test]
fn issue15_a_figure_has_no_leading_zeros_and_no_signed_zero() {
    for s in ["00012", "012.5", "-012", "0,123", "-0", "-0.00", "-0,000.0"] {
        assert!(Dec::parse_field(s).is_err(), "{s} should be rejected");
        assert!(Dec::parse(s).is_ok(), "{s} is still a number inside a text");
    }
    for s in [
        "0",
        "0.00",
        "0.5",
        "-0.01",
        "12",
        "-3505.64",
        "11,092.59",
        "1,000",
    ] {
        assert_eq!(Dec::parse_field(s), Dec::parse(s), "{s}");
    }
    for s in ["099%", "-0%", "-0.00%", "1e3%"] {
        assert!(Pct::parse_field(s).is_err(), "{s} should be rejected");
    }
    assert_eq!(Pct::parse_field("0.5%").map(|p| p.percent()), Ok(d("0.5")));
}

#[test]
fn rounds_half_away_from_zero() {
    assert_eq!(d("4.995").round(2).to_string(), "5.00");
    assert_eq!(d("-4.995").round(2).to_string(), "-5.00");
    assert_eq!(d("94.9753").round(2).to_string(), "94.98");
    assert_eq!(d("2.5").round(0).to_string(), "3");
    assert_eq!(d("100").round_fixed(2).to_string(), "100.00");
}

#[test]
fn percentages() {
    assert_eq!(Pct::parse("99.89%").map(|p| p.percent()), Ok(d("99.89")));
    assert_eq!(Pct::parse("-24.01%").map(|p| p.ratio()), Ok(d("-0.2401")));
    assert!(Pct::parse("99.89").is_err());
    assert_eq!(Pct::parse("100％").map(|p| p.percent()), Ok(d("100")));
}

#[test]
fn division_by_zero_is_none() {
    assert_eq!(d("1").checked_div(Dec::ZERO), None);
}
