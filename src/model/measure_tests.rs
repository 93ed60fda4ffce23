//! `Measure::parse` on the texts the documents print (issue 16: every comparator and digit
//! variant, with the field documents' own strings).

use super::*;

fn n(s: &str) -> (Option<Comparator>, Option<String>, Option<String>) {
    let m = Measure::parse(s);
    (m.comparator, m.number.map(|d| d.to_string()), m.unit)
}

#[test]
fn reads_one_number_with_comparator_and_unit() {
    assert_eq!(
        n("≥95%"),
        (Some(Comparator::Ge), Some("95".into()), Some("%".into()))
    );
    assert_eq!(
        n("0起"),
        (Some(Comparator::Eq), Some("0".into()), Some("起".into()))
    );
    assert_eq!(
        n("≤5%"),
        (Some(Comparator::Le), Some("5".into()), Some("%".into()))
    );
    assert_eq!(
        n("254.8万美元"),
        (
            Some(Comparator::Eq),
            Some("254.8".into()),
            Some("万美元".into())
        )
    );
    assert_eq!(
        n("85分以上"),
        (Some(Comparator::Ge), Some("85".into()), Some("分".into()))
    );
    assert_eq!(
        n("5 次"),
        (Some(Comparator::Eq), Some("5".into()), Some("次".into()))
    );
    assert_eq!(
        n("1次/日"),
        (Some(Comparator::Eq), Some("1".into()), Some("次/日".into()))
    );
    assert_eq!(n("100"), (Some(Comparator::Eq), Some("100".into()), None));
}

#[test]
fn a_bracketed_remark_after_the_figure_is_not_part_of_it() {
    assert_eq!(
        n("99.89%(受理阳光信访件272件,已回267件,正在办理5件)"),
        (Some(Comparator::Eq), Some("99.89".into()), Some("%".into()))
    );
    assert_eq!(
        n("99.52%（共出生人口418人，其中：政策内416人）"),
        (Some(Comparator::Eq), Some("99.52".into()), Some("%".into()))
    );
    assert_eq!(
        n("11台（件）"),
        (
            Some(Comparator::Eq),
            Some("11".into()),
            Some("台（件）".into())
        )
    );
    assert_eq!(Measure::parse("(3个)").number, None);
}

#[test]
fn text_without_a_single_number_is_qualitative() {
    for s in [
        "不发生",
        "明显提升",
        "二三季度≥90分，一四季度未达到 90分",
        "截至 23年底未达标",
        "有效保障",
        "",
    ] {
        assert_eq!(Measure::parse(s).number, None, "{s}");
    }
}

/// One row of the variant table: text, comparator, number, unit.
type Row = (&'static str, Comparator, &'static str, Option<&'static str>);

#[test]
fn every_comparator_and_digit_variant_reads_the_same_number() {
    use Comparator::{Eq, Ge, Gt, Le, Lt};
    let rows: [Row; 41] = [
        // The field documents' own cells (/work/shared/field: 01 jinzhai, 06 yongde, 11 qingshen,
        // 21 wuhan), with 06's and 11's comparator, value and unit columns typed as one cell.
        ("≤4", Le, "4", None),
        ("≥200", Ge, "200", None),
        ("≥2000", Ge, "2000", None),
        ("≥95%", Ge, "95", Some("%")),
        ("≧735人次", Ge, "735", Some("人次")),
        ("≧ 100 %", Ge, "100", Some("%")),
        ("≧95%", Ge, "95", Some("%")),
        ("═100%", Eq, "100", Some("%")),
        ("═ 100 %", Eq, "100", Some("%")),
        ("= 100 %", Eq, "100", Some("%")),
        ("100.00%", Eq, "100.00", Some("%")),
        ("0.00%", Eq, "0.00", Some("%")),
        ("37.24", Eq, "37.24", None),
        // Every other comparator sign.
        ("≦5%", Le, "5", Some("%")),
        ("＞0", Gt, "0", None),
        ("＜3起", Lt, "3", Some("起")),
        ("＝13个", Eq, "13", Some("个")),
        ("﹦62条", Eq, "62", Some("条")),
        (">90%", Gt, "90", Some("%")),
        ("<1%", Lt, "1", Some("%")),
        (">=95%", Ge, "95", Some("%")),
        ("<=5%", Le, "5", Some("%")),
        ("＞＝95%", Ge, "95", Some("%")),
        ("＜＝5%", Le, "5", Some("%")),
        // Words before and after the number.
        ("不低于95%", Ge, "95", Some("%")),
        ("不少于3次", Ge, "3", Some("次")),
        ("不高于2%", Le, "2", Some("%")),
        ("不超过 5 个工作日", Le, "5", Some("个工作日")),
        ("90%以上", Ge, "90", Some("%")),
        ("90%及以上", Ge, "90", Some("%")),
        ("5%以下", Le, "5", Some("%")),
        ("3%及以下", Le, "3", Some("%")),
        ("7日以内", Le, "7", Some("日")),
        // Full-width digits, point and percent; the ideographic space.
        ("≥９５％", Ge, "95", Some("%")),
        ("９９．５％", Eq, "99.5", Some("%")),
        ("\u{3000}≥\u{3000}95\u{3000}%\u{3000}", Ge, "95", Some("%")),
        ("－２", Eq, "-2", None),
        // Thousands, grouped by threes with one kind of separator.
        ("1 000人", Eq, "1000", Some("人")),
        ("200,000人次", Eq, "200000", Some("人次")),
        ("1，000，000元", Eq, "1000000", Some("元")),
        ("≥ 12 345 678 次", Ge, "12345678", Some("次")),
    ];
    for (text, c, num, unit) in rows {
        let m = Measure::parse(text);
        assert_eq!(
            (
                m.comparator,
                m.number.map(|d| d.to_string()),
                m.unit.as_deref()
            ),
            (Some(c), Some(num.to_owned()), unit),
            "{text}"
        );
        assert_eq!(m.text, text, "the text stays as printed");
    }
}

#[test]
fn digits_not_grouped_by_threes_are_not_one_number() {
    for s in [
        "1,00",
        "10 20人",
        "1000,000",
        "1,000 000",
        "1,0000",
        "95.%",
        "95%，98%",
        "≥95%≥90%",
        "=",
        "≥",
        "以上",
    ] {
        assert_eq!(Measure::parse(s).number, None, "{s}");
    }
}
