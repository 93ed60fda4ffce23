//! The report rules, each on the smallest record that makes it fire and one that does not.

use crate::check::Finding;
use crate::model::{Corpus, Site, Thresholds, Unit, UnitId};

fn findings(report: &str) -> Vec<Finding> {
    let text = format!("year: 2023\namount_unit: 万元\ntemplate: national\nreport:\n{report}");
    let record = crate::load::parse_record("content/mabu/2023.yaml", text.as_bytes())
        .expect("the record parses");
    let unit = Unit {
        id: UnitId::parse("mabu").expect("id"),
        name: "金寨县麻埠镇人民政府".to_owned(),
        name_printed: true,
        short_name: "麻埠镇".to_owned(),
        parent: None,
        region: None,
        kind: None,
        sort: 0,
        aliases: vec!["麻埠镇政府".to_owned()],
        records: vec![record],
    };
    let corpus = Corpus {
        site: Site {
            title: "t".to_owned(),
            subtitle: None,
            base_url: None,
            profile: crate::model::Profile::Internal,
            theme: "default".to_owned(),
            thresholds: Thresholds::default(),
            edition: "national".to_owned(),
        },
        units: vec![unit],
    };
    super::check(&corpus)
}

fn codes(report: &str) -> Vec<&'static str> {
    findings(report).iter().map(|f| f.code).collect()
}

#[test]
fn a_closed_list_must_add_up_to_its_total() {
    let bad = "  statements:\n    - name: 转移支付\n      amount: 755.19\n      parts:\n        - {name: 中央, amount: 124.23}\n        - {name: 省级, amount: 630.95}\n        - {name: 市级, amount: 0.03}\n";
    let f = findings(bad);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "report.parts_sum");
    assert_eq!(f[0].computed.as_deref(), Some("755.21"));
    let good = bad.replace("0.03", "0.01");
    assert!(codes(&good).is_empty());
}

#[test]
fn an_open_list_may_fall_short_but_not_exceed() {
    let short = "  statements:\n    - name: 市级资金\n      amount: 260.3\n      open: true\n      parts:\n        - {name: 奖励督查, amount: 10}\n        - {name: 生态补偿, amount: 250}\n";
    assert!(codes(short).is_empty());
    let over = short.replace("amount: 250}", "amount: 251}");
    assert_eq!(codes(&over), ["report.parts_exceed"]);
}

#[test]
fn a_count_is_checked_against_the_items_listed() {
    let closed = "  counts:\n    - name: 项目\n      count: 10\n      items:\n        - {name: 执行100%的项目, count: 3}\n        - {name: 甲, rate: 99.97%}\n";
    let f = findings(closed);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].code, f[0].computed.as_deref()),
        ("report.count", Some("4"))
    );
    let open = format!("{closed}      open: true\n");
    assert!(codes(&open).is_empty());
}

#[test]
fn the_same_name_stated_with_two_amounts_is_a_conflict() {
    let two = "  statements:\n    - {at: 一, name: 中央级资金, amount: 124.23}\n    - {at: 二, name: 中央级资金, amount: 755.19}\n    - {at: 三, name: 中央级资金, amount: 124.23}\n";
    let f = findings(two);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "report.amount_conflict");
    assert_eq!(f[0].field, "report.statements[1].amount");
    assert_eq!(
        f[0].message,
        "中央级资金在一为 124.23 万元，在二为 755.19 万元"
    );
}

#[test]
fn a_subject_that_is_not_the_unit_is_found() {
    let other =
        "  statements:\n    - {subject: 金寨县白塔畈镇人民政府, name: 转移支付, amount: 1}\n";
    assert_eq!(codes(other), ["report.unit_name"]);
    for own in ["金寨县麻埠镇人民政府", "麻埠镇", "麻埠镇政府"] {
        let text = other.replace("金寨县白塔畈镇人民政府", own);
        assert!(codes(&text).is_empty(), "{own}");
    }
}
