//! CSV text for the `data/` files: UTF-8 with a BOM (so spreadsheet programs read the
//! Chinese), every field quoted with quotes doubled, CRLF line ends (inside fields too).
//!
//! In: rows of already formatted text. Out: the file's text. Every text cell that a
//! spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a
//! leading `'`; a cell that is a plain number (`-65.45`, `-3.34%`, `+1.20`) stays a number.
//! Never: formats numbers itself beyond [`money`] and [`pct`], or drops a row.

use std::borrow::Cow;

use crate::model::{Dec, Pct};

/// A CSV file being written.
pub(super) struct Csv(String);

impl Csv {
    /// A file with its BOM and header row.
    pub(super) fn new(header: &[&str]) -> Csv {
        let mut csv = Csv(String::from("\u{feff}"));
        csv.row(header);
        csv
    }

    /// Appends one row.
    pub(super) fn row(&mut self, fields: &[&str]) {
        line(&mut self.0, fields);
    }

    /// The file's text.
    pub(super) fn finish(self) -> String {
        self.0
    }
}

/// Appends one row of guarded, quoted fields to `out` (which starts with its BOM).
pub(super) fn line(out: &mut String, fields: &[&str]) {
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// One CSV field: guarded, always quoted, quotes doubled, line ends inside it made CRLF like
/// the file's own.
pub(super) fn field(s: &str) -> String {
    let text = guard(s).replace('"', "\"\"").replace("\r\n", "\n");
    format!("\"{}\"", text.replace('\n', "\r\n"))
}

/// `s` with a leading `'` when a spreadsheet would run it as a formula; plain numbers as is.
pub(super) fn guard(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A signed decimal as this site prints one: `-65.45`, `+1.20`, `-3,505.64`, `-3.34%`.
fn is_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let body = body.strip_suffix('%').unwrap_or(body);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    let int_ok = int.starts_with(|c: char| c.is_ascii_digit())
        && int.chars().all(|c| c.is_ascii_digit() || c == ',')
        && !int.contains(",,")
        && !int.ends_with(',');
    int_ok && !frac.is_empty() && frac.chars().all(|c| c.is_ascii_digit())
}

/// An amount for a CSV cell: 2 places, no thousands separators (`7148.45`); "—" when missing.
pub(super) fn money(d: Option<Dec>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.round_fixed(2).to_string())
}

/// A percentage for a CSV cell: 2 places (`42.88%`); "—" when missing.
pub(super) fn pct(p: Option<Pct>) -> String {
    p.map_or_else(
        || "—".to_owned(),
        |p| format!("{}%", p.percent().round_fixed(2)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_with_quotes_doubled() {
        assert_eq!(field("a,\"b\"c"), "\"a,\"\"b\"\"c\"");
    }

    #[test]
    fn line_ends_inside_a_field_are_crlf_like_the_rows() {
        assert_eq!(field("a\nb\r\nc"), "\"a\r\nb\r\nc\"");
    }

    #[test]
    fn a_formula_gets_a_leading_quote() {
        assert_eq!(guard("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(guard("@cmd"), "'@cmd");
        assert_eq!(guard("+a"), "'+a");
        assert_eq!(guard("\tx"), "'\tx");
        assert_eq!(guard("\rx"), "'\rx");
        assert_eq!(field("=1+2"), "\"'=1+2\"");
    }

    #[test]
    fn a_dash_that_is_text_is_guarded() {
        assert_eq!(guard("-"), "'-");
        assert_eq!(guard("-abc"), "'-abc");
        assert_eq!(guard("-1,"), "'-1,");
        assert_eq!(guard("-1."), "'-1.");
        assert_eq!(guard("-%"), "'-%");
        assert_eq!(guard("-1+1"), "'-1+1");
    }

    #[test]
    fn plain_numbers_stay_numbers() {
        for n in [
            "-65.45",
            "-3.34%",
            "+1.20",
            "-3,505.64",
            "+12.34%",
            "-7",
            "7148.45",
        ] {
            assert_eq!(guard(n), n, "{n}");
        }
    }

    #[test]
    fn text_that_does_not_start_with_a_formula_sign_is_unchanged() {
        for t in ["增长率", "≥10%", "—", "a=b", "", "'x"] {
            assert_eq!(guard(t), t, "{t}");
        }
    }

    #[test]
    fn a_file_starts_with_the_bom_and_ends_each_row_with_crlf() {
        let mut csv = Csv::new(&["项目", "金额"]);
        csv.row(&["合计", "-65.45"]);
        assert_eq!(
            csv.finish(),
            "\u{feff}\"项目\",\"金额\"\r\n\"合计\",\"-65.45\"\r\n"
        );
    }

    #[test]
    fn amounts_and_percentages_have_two_places_and_no_separators() {
        let d = |s: &str| Dec::parse(s).expect("decimal");
        assert_eq!(money(Some(d("7536.7"))), "7536.70");
        assert_eq!(money(Some(d("12345.675"))), "12345.68");
        assert_eq!(money(None), "—");
        assert_eq!(pct(Pct::parse("100%").ok()), "100.00%");
        assert_eq!(pct(None), "—");
    }
}
