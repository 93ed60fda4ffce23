//! Shared by the goldens of the three Shanghai 部门决算 (field 30–32): the findings `check`
//! gives for one unit, and 四舍五入 percentages worked out with exact decimals.

use std::sync::OnceLock;

use gongkai::model::{Dec, FinalAccounts};

use crate::support::fixture;

/// One finding as (code, field without `final_accounts.`, stated, computed).
pub(crate) type Row = (&'static str, String, Option<String>, Option<String>);

fn checked() -> &'static gongkai::Checked {
    static CHECKED: OnceLock<gongkai::Checked> = OnceLock::new();
    CHECKED.get_or_init(|| {
        gongkai::check_content(&fixture("sites/field/content")).expect("the field site checks")
    })
}

/// The findings of `unit`'s 2024 record, in report order.
pub(crate) fn findings(unit: &str) -> Vec<Row> {
    checked()
        .report
        .findings
        .iter()
        .filter(|f| f.unit.as_str() == unit)
        .map(|f| {
            (
                f.code,
                f.field.trim_start_matches("final_accounts.").to_owned(),
                f.stated.clone(),
                f.computed.clone(),
            )
        })
        .collect()
}

/// A row of the expected findings.
/// The rows in a fixed order (the findings come in file order, which a new rule reshuffles).
pub(crate) fn sorted(mut rows: Vec<Row>) -> Vec<Row> {
    rows.sort();
    rows
}

pub(crate) fn row(code: &'static str, field: &str, stated: &str, computed: Option<&str>) -> Row {
    (
        code,
        field.to_owned(),
        Some(stated.to_owned()),
        computed.map(str::to_owned),
    )
}

/// `num / den` as a percentage to 2 places, 四舍五入 (`"98.20"`).
pub(crate) fn pct(num: &str, den: &str) -> String {
    let (n, d) = (
        Dec::parse(num).expect("a figure"),
        Dec::parse(den).expect("a figure"),
    );
    n.checked_mul(Dec::HUNDRED)
        .and_then(|x| x.checked_div(d))
        .map(|x| x.round_fixed(2).to_string())
        .expect("a figure")
}

/// The sum of `parts` (`"2940.06"`).
pub(crate) fn sum(parts: &[&str]) -> String {
    Dec::checked_sum(parts.iter().map(|p| Dec::parse(p).expect("a figure")))
        .expect("a figure")
        .round_fixed(2)
        .to_string()
}

/// The sum of `parts` given as owned text.
pub(crate) fn sum_of(parts: &[String]) -> String {
    sum(&parts.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The record's accounts.
pub(crate) fn accounts(unit: &str) -> FinalAccounts {
    let corpus = crate::support::load_site("field");
    let u = corpus
        .units
        .into_iter()
        .find(|u| u.id.as_str() == unit)
        .expect("unit");
    u.records
        .into_iter()
        .next()
        .and_then(|r| r.final_accounts)
        .expect("accounts")
}

/// The built internal 部门决算 page of `unit`, as text without tags.
pub(crate) fn page_text(unit: &str) -> String {
    static OUT: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    let (_, out) =
        OUT.get_or_init(|| crate::support::build_into_temp(&fixture("sites/field/content")));
    let html = std::fs::read_to_string(out.join(format!("units/{unit}/2024/juesuan.html")))
        .expect("a figure");
    let mut text = String::new();
    let mut tag = false;
    for c in html.chars() {
        match c {
            '<' => tag = true,
            '>' => {
                tag = false;
                text.push(' ');
            }
            _ if !tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
