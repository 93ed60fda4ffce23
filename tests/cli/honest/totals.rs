//! Issue 16, totals from incomplete parts: with a part of a total left out of the record, the
//! page prints the stated total or nothing, never the sum of the parts that remain, and no
//! share, 财政拨款 figure or table cell made from them.

use gongkai::model::Profile;

use super::figures::unknown_figures;
use super::{record_text, site};

const PAGE: &str = "units/qingling/2023/juesuan.html";

/// `RECORD` with the one line `line` taken out (asserting it was there).
fn record_without(line: &str) -> String {
    let text = record_text();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with(line)).collect();
    assert_eq!(
        kept.len() + 1,
        text.lines().count(),
        "exactly one line `{line}`"
    );
    kept.join("\n") + "\n"
}

#[test]
fn without_general_budget_no_total_is_made_from_the_other_sources() {
    let text = record_without("    general_budget: 11082.8");
    let pages = site(&text, Profile::Public).expect("builds");
    let page = &pages[PAGE];
    // What the other sources sum to (9.79 = 国有资本经营 alone) as a 收入合计 or a 财政拨款收入,
    // and the shares of that incomplete whole.
    for made in [
        "收入合计 9.79",
        "其中：财政拨款收入 9.79",
        "收、支总计均为 9.79",
        "占本年收入 100.00%",
        ">9.79</td><td>100.00%",
    ] {
        assert!(!page.contains(made), "`{made}` on the page");
    }
    // The stated total stands (as printed, with its finding).
    assert!(
        page.contains("收入合计 11902.59"),
        "the stated 收入合计 is gone"
    );
    let json = &pages["data/qingling/2023.json"];
    let (unknown, checked) = unknown_figures(page, &text, json);
    assert!(
        checked >= 100,
        "{checked} figures: too few to mean anything"
    );
    assert!(
        unknown.is_empty(),
        "figures in neither the record nor its data file:\n{}",
        unknown.join("\n")
    );
}
