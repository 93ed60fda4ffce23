//! Weight suffixes and inferred directions.

use super::*;

fn split(s: &str) -> Option<(String, String, String)> {
    split_weight_suffix(s).map(|(b, s, w)| (b.to_owned(), s.to_owned(), w.to_string()))
}

#[test]
fn weight_suffixes_in_either_parenthesis_are_split_off() {
    let t = |b: &str, s: &str, w: &str| Some((b.to_owned(), s.to_owned(), w.to_owned()));
    assert_eq!(split("环境整治次数(4分)"), t("环境整治次数", "(4分)", "4"));
    assert_eq!(
        split("群众满意度（0.5分）"),
        t("群众满意度", "（0.5分）", "0.5")
    );
    assert_eq!(split("覆盖率 ( 2 分 ) "), t("覆盖率", "( 2 分 )", "2"));
    assert_eq!(split("覆盖率（2分)"), t("覆盖率", "（2分)", "2"));
    assert_eq!(split("(3分)"), t("", "(3分)", "3"));
}

#[test]
fn names_without_a_weight_suffix_are_left_alone() {
    for s in [
        "覆盖率",
        "覆盖率(城区)",
        "覆盖率（1e3分）",
        "覆盖率(分)",
        "（4分）覆盖率",
        "",
    ] {
        assert_eq!(split(s), None, "{s}");
    }
}

#[test]
fn direction_follows_the_comparator_then_the_name() {
    let m = |s: &str| Measure::parse(s);
    assert_eq!(
        infer_direction("办结率", Some(&m("≥95%"))),
        Direction::Positive
    );
    assert_eq!(
        infer_direction("投诉率", Some(&m("≤5%"))),
        Direction::Negative
    );
    assert_eq!(
        infer_direction("安全事故", Some(&m("0起"))),
        Direction::Negative
    );
    assert_eq!(
        infer_direction("安全事故", Some(&m("不发生"))),
        Direction::Negative
    );
    assert_eq!(
        infer_direction("安全事故", Some(&m("≥1次"))),
        Direction::Positive
    );
    assert_eq!(infer_direction("培训人次", None), Direction::Positive);
}
