//! Records in 元 beside records in 万元 (issue 16): a unit whose 2022 record is in 元 and its
//! 2023 one in 万元, and a unit in 元 beside it in 2023 (`fixtures/sites/mixed-units`). Every
//! comparison converts exactly; each record's own page keeps its own unit.

use crate::support::{build_into_temp, fixture, load_site};

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    build_into_temp(&fixture("sites/mixed-units/content"))
}

fn read(out: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn last_years_amounts_in_yuan_are_compared_in_this_years_wan_yuan() {
    let (_dir, out) = built();
    let page = read(&out, "units/jiadao/2023/compare.html");
    // 2022: 1000000 元 = 100 万元; 2023: 150 万元 → +50 万元, +50%.
    assert!(page.contains(
        "<th scope=\"row\">支出合计</th><td>万元</td><td class=\"num\">100.00</td><td class=\"num\">150.00</td><td class=\"num\">+50.00</td><td class=\"num\">+50.00%</td>"
    ), "{page}");
}

#[test]
fn the_stated_change_is_checked_against_the_converted_prior_year() {
    // The 情况说明 states 增加 50 万元 (50%) against 2022's 1000000 元: right once 2022 is read
    // in 万元, wrong by 999850 if the two units were taken as one.
    let corpus = load_site("mixed-units");
    let report = gongkai::check(&corpus, &gongkai::score_corpus(&corpus));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn the_units_trend_is_in_wan_yuan_when_its_years_differ() {
    let (_dir, out) = built();
    let page = read(&out, "units/jiadao/index.html");
    assert!(page.contains(
        "<tr><th scope=\"row\">支出合计</th><td>万元</td><td class=\"num\">100.00</td><td class=\"num\">150.00</td></tr>"
    ));
    assert!(
        page.contains("甲街道历年支出"),
        "the spending chart is drawn"
    );
}

#[test]
fn units_in_yuan_and_wan_yuan_share_one_scale_across_units() {
    let (_dir, out) = built();
    let page = read(&out, "compare/expenditure.html");
    // 乙街道 prints 387664.62元: exactly 38.766462 万元, never rounded to 38.77 in the table.
    assert!(page.contains(">38.766462 万元</a>"), "{page}");
    assert!(page.contains(">150.00 万元</a>"));
    assert!(!page.contains("单位不一"));
    assert!(page.contains("支出合计（万元）"), "one chart on one scale");
}

#[test]
fn each_record_page_keeps_the_documents_own_unit() {
    let (_dir, out) = built();
    let yuan = read(&out, "units/jiadao/2022/index.html");
    assert!(
        yuan.contains("1,000,000.00"),
        "2022 is shown in 元, as printed"
    );
    let yi = read(&out, "units/yidao/2023/index.html");
    assert!(yi.contains("387,664.62"));
}
