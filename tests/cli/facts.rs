//! Issue 15, item 12: `subtitle` of `_site.yaml` is shown under the site title on the index, and
//! `parent` (上级主管部门), `region` (地区) and `kind` (单位性质) of `_unit.yaml` on the unit
//! page; an absent field shows nothing at all (no label, no 无), and every value is escaped.

use std::collections::BTreeMap;
use std::path::Path;

use gongkai::{BuildOptions, Verbosity};

use crate::site::{built, text};
use crate::support::{files, fixture};

/// Builds the minimal fixture with its `_site.yaml` and `_unit.yaml` edited by `edit`.
fn built_minimal(edit: impl Fn(&str, String) -> String) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, bytes) in files(&fixture("sites/minimal/content")) {
        let to = dir.path().join("content").join(&rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        let text = String::from_utf8(bytes).expect("text");
        std::fs::write(to, edit(&rel, text)).expect("write");
    }
    let opts = BuildOptions {
        content: dir.path().join("content"),
        output: dir.path().join("site"),
        theme: None,
        profile: None,
        strict: false,
        epoch: None,
    };
    gongkai::build_with(&opts, Verbosity::Quiet).expect("builds");
    files(Path::new(&opts.output))
}

/// `text` without the lines of `key:`.
fn without(text: &str, keys: &[&str]) -> String {
    text.lines()
        .filter(|l| !keys.iter().any(|k| l.starts_with(&format!("{k}:"))))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn the_example_index_shows_the_subtitle_and_the_unit_page_its_facts() {
    let (_dir, files) = built(&[]);
    let index = text(&files, "index.html");
    assert!(
        index.contains(
            "<h1>武汉市街道预算绩效与决算公开（示例）</h1>\n<p class=\"subtitle\">五份已公开的街道绩效自评、决算公开与绩效目标申报文件，按原文转录，原文中的差错一律保留</p>"
        ),
        "{index}"
    );
    let unit = text(&files, "units/qingling/index.html");
    assert!(
        unit.contains(
            "<p class=\"lead unit-facts\"><span>上级主管部门：武汉市洪山区人民政府</span><span>地区：湖北省武汉市洪山区</span><span>单位性质：行政单位</span></p>"
        ),
        "{unit}"
    );
}

#[test]
fn absent_fields_show_nothing_and_given_ones_are_escaped() {
    let files = built_minimal(|rel, text| match rel {
        "_site.yaml" => without(&text, &["subtitle"]),
        "qingling/_unit.yaml" => {
            without(&text, &["parent", "kind"]).replace("湖北省武汉市洪山区", "洪山区<b>&</b>")
        }
        _ => text,
    });
    let index = text(&files, "index.html");
    assert!(!index.contains("class=\"subtitle\""), "{index}");
    let unit = text(&files, "units/qingling/index.html");
    assert!(
        unit.contains(
            "<p class=\"lead unit-facts\"><span>地区：洪山区&lt;b&gt;&amp;&lt;/b&gt;</span></p>"
        ),
        "{unit}"
    );
    for absent in ["上级主管部门", "单位性质", "无"] {
        assert!(!unit.contains(absent), "{absent} shown:\n{unit}");
    }

    let files = built_minimal(|rel, text| match rel {
        "_site.yaml" => text.replace("subtitle: 测试用的小型站点", "subtitle: \"  \""),
        "qingling/_unit.yaml" => without(&text, &["parent", "region", "kind"]),
        _ => text,
    });
    let index = text(&files, "index.html");
    assert!(
        !index.contains("class=\"subtitle\""),
        "a blank subtitle: {index}"
    );
    let unit = text(&files, "units/qingling/index.html");
    assert!(!unit.contains("unit-facts"), "no facts, no line:\n{unit}");
}
