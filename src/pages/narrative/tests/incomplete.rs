//! Issue 16 on the 情况说明: totals from incomplete parts, 十四 from its stated flag, and the
//! 推算 mark of a prior year implied by a stated 变动额.

use super::{qingling, render, render_as, text_of};
use crate::model::Record;
use crate::score::accounts::fixture;

/// 青菱 2023 with one line of its `final_accounts` block removed.
fn qingling_without(line: &str) -> Record {
    let yaml = fixture::read("content/qingling/2023.yaml");
    let kept: Vec<&str> = yaml.lines().filter(|l| !l.starts_with(line)).collect();
    assert!(kept.len() < yaml.lines().count(), "no line `{line}`");
    fixture::record("qingling", &kept.join("\n"))
}

#[test]
fn income_without_general_budget_prints_the_stated_total_and_no_shares() {
    // Issue 16: the other sources sum to 9.79; that is not the 收入合计.
    let s = text_of(&qingling_without("    general_budget: 11082.8"));
    let income = s.income.as_ref().expect("二");
    assert_eq!(income.total.amount, "11902.59", "the stated 收入合计");
    assert!(income.fiscal.is_none(), "财政拨款收入 needs every fund");
    assert!(income.parts.iter().all(|p| p.share.is_none()));
    let html = render(&s);
    assert!(!html.contains("9.79 万元，占"), "{html}");
    assert!(!html.contains("收入合计 9.79"), "{html}");
}

#[test]
fn expenditure_without_a_part_prints_the_stated_total_and_no_shares() {
    let s = text_of(&qingling_without("    to_superior: 0"));
    let e = s.expenditure.as_ref().expect("三");
    assert_eq!(e.total.amount, "11092.59", "the stated 支出合计");
    assert_eq!(e.missing, ["上缴上级支出"]);
    assert_eq!(e.absent, ["经营支出", "对附属单位补助支出"]);
    assert!(e.parts.iter().all(|p| p.share.is_none()), "{:?}", e.parts);
    assert!(!render(&s).contains("5197.65 万元，占"));
}

#[test]
fn basic_without_public_prints_no_sum() {
    let s = text_of(&qingling_without("    public: 1891.31"));
    let html = render(&s);
    assert!(!html.contains("3306.34 万元。"), "{html}");
    assert!(!html.contains("占基本支出"), "{html}");
}

#[test]
fn section_14_is_printed_only_from_the_stated_flag() {
    // Issue 16: seed 003 says "本单位当年无财政专项支出、专项转移支付支出。" (十四); the record's
    // `narrative.special_funds_nil` carries it, and without it the public page says nothing.
    let sentence = "本单位当年无财政专项支出、专项转移支付支出。";
    let heading = "十四、财政专项支出、专项转移支付支出情况说明";
    let s = text_of(&qingling());
    assert!(s.special_funds_nil);
    let html = render(&s);
    assert!(html.contains(heading) && html.contains(sentence), "{html}");
    let s = text_of(&qingling_without("    special_funds_nil: true"));
    assert!(!s.special_funds_nil);
    let html = render(&s);
    assert!(
        !html.contains(heading) && !html.contains(sentence),
        "{html}"
    );
    assert!(render_as(&s, true).contains(&format!(
        "<h3>{heading}</h3>\n<p class=\"not-filed\">未填报</p>"
    )));
}

#[test]
fn an_implied_prior_year_is_marked_at_first_mention() {
    // Issue 16: seed 003's 2022 figures are not printed; 14598.23 is 11092.59 + 3505.64.
    let html = render(&text_of(&qingling()));
    let first = "与 2022 年度（14598.23 万元，推算数：按本年数减原文所列变动额计算）相比";
    assert_eq!(html.matches(first).count(), 1, "{html}");
    let later = "与 2022 年度（14598.23 万元，推算数）相比";
    assert!(html.matches(later).count() >= 1, "{html}");
    assert!(html.find(first) < html.find(later));
    assert!(
        !html.contains("（14598.23 万元）"),
        "an unmarked mention: {html}"
    );
}

#[test]
fn an_implied_prior_year_of_a_figure_with_a_finding_is_not_printed() {
    // 支出合计 given two values (the table's 11000 against its parts' 11092.59): the prior year
    // its 变动额 implies is unknown, as the chart decides.
    let yaml = fixture::read("content/qingling/2023.yaml").replacen(
        "    total: 11092.59\n",
        "    total: 11000\n",
        1,
    );
    let record = fixture::record("qingling", &yaml);
    let s = text_of(&record);
    let e = s.expenditure.as_ref().expect("三");
    assert!(e.total.change.is_none(), "{:?}", e.total.change);
}
