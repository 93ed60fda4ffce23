//! The Sichuan funds block (issue 16), field 11's 预算执行情况 in its own fixture
//! (`tests/fixtures/sites/funds-sichuan`): scored by its printed 权重, 0.00 ÷ 0.00 and empty
//! rows never read as 0, printed rates that cannot be recomputed noted as unchecked.

use gongkai::model::{Cell, Dec, Mark};
use gongkai::{check, score_corpus};

use crate::support::{build_into_temp, fixture, load_site};

fn d(s: &str) -> Dec {
    Dec::parse(s).expect("decimal")
}

#[test]
fn issue16_the_sichuan_funds_block_scores_by_its_printed_weight() {
    let corpus = load_site("funds-sichuan");
    let ex = corpus.units[0].records[0].projects[0]
        .execution
        .as_ref()
        .expect("funds block");
    // The cells as printed: 得分 empty, the parts' 权重 and 得分 "/", 其他资金 empty × 4.
    assert_eq!(ex.total.score, Some(Cell::Mark(Mark::Blank)));
    assert_eq!(
        ex.parts[0].weight,
        Some(Cell::Mark(Mark::Slash("/".into())))
    );
    assert_eq!(ex.parts[3].budget, Some(Cell::Mark(Mark::Blank)));
    assert_eq!(ex.parts[1].budget, Some(Cell::Figure(d("0.00"))));

    let scores = score_corpus(&corpus);
    let e = scores.records[0].projects[0]
        .execution
        .as_ref()
        .expect("scored");
    // 执行率 = 预算执行数 ÷ 调整后预算数 = 251.89 ÷ 251.89 = 100.00% (printed 100.00%).
    assert_eq!(e.rate.map(|r| r.to_string()).as_deref(), Some("100.00%"));
    // Printed 权重 10: score = 10 × min(100.00%, 1) = 10; the 得分 cell is empty.
    assert_eq!((e.weight, e.weight_printed), (d("10"), true));
    assert_eq!(e.rule, Some(d("10")));
    assert_eq!(e.reported, None);
    // 财政资金 251.89 ÷ 251.89 = 100.00%; 财政专户管理资金 and 单位资金 0.00 ÷ 0.00: no rate;
    // 其他资金 empty: no rate.
    let rates: Vec<Option<String>> = e
        .parts
        .iter()
        .map(|p| p.rate.map(|r| r.to_string()))
        .collect();
    assert_eq!(rates, [Some("100.00%".to_owned()), None, None, None]);
    assert!(
        e.parts[1]
            .rate_note
            .as_deref()
            .is_some_and(|n| n.contains("预算数为 0"))
    );
    // 年初预算 238.93 = 238.93 + 0.00 + 0.00 + (empty); 调整后预算数 and 预算执行数 251.89 = 251.89
    // + 0.00 + 0.00 + (empty): 其他资金 is empty, so each is partial, never "consistent".
    let checks: Vec<String> = e.sums.iter().map(|s| format!("{:?}", s.check)).collect();
    assert_eq!(checks, ["Partial", "Partial", "Partial"]);
    assert_eq!(e.sums[1].typed_sum, Some(d("251.89")));

    let findings = check(&corpus, &scores).findings;
    let codes: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.code, f.field.as_str()))
        .collect();
    // True notes: the printed 0.00% of 财政专户管理资金 and 单位资金 is 0.00 ÷ 0.00, which no
    // rule computes; they are unchecked, not mismatches. Nothing else (100.00% matches).
    assert_eq!(
        codes,
        [
            ("execution.unchecked", "projects[0].execution.parts[1].rate"),
            ("execution.unchecked", "projects[0].execution.parts[2].rate"),
        ]
    );
}

#[test]
fn issue16_the_funds_page_and_csv_show_the_printed_cells_and_the_computed_ones() {
    let (_dir, out) = build_into_temp(&fixture("sites/funds-sichuan/content"));
    let page =
        std::fs::read_to_string(out.join("units/qingshen-fagaiju/2023/index.html")).expect("page");
    // 财政专户管理资金: printed 0.00 / 0.00 / 0.00 / 0.00% and "/", computed "—".
    assert!(page.contains(
        "<th scope=\"row\">财政专户管理资金</th><td class=\"num\">0.00</td><td class=\"num\">0.00</td><td class=\"num\">0.00</td><td class=\"num\">/</td><td class=\"num\">0.00%</td><td class=\"num\">/</td>"
    ), "{page}");
    assert!(page.contains("财政专户管理资金：0.00 ÷ 0.00：预算数为 0，执行率无法计算。"));
    assert!(page.contains("未印数字：总额与其中各项无法完全核对"));
    // The Sichuan headings, as the form prints them (`template: sichuan`).
    assert!(page.contains("<th scope=\"col\">调整后预算数</th><th scope=\"col\">预算执行数</th><th scope=\"col\">权重</th><th scope=\"col\">预算执行率</th>"), "{page}");
    // The header block as printed: 项目名称, 主管部门, 实施单位.
    assert!(page.contains("<dt>主管部门</dt><dd>青神县发展和改革局本级</dd>"));
    let csv =
        std::fs::read_to_string(out.join("data/qingshen-fagaiju/2023/projects-0-execution.csv"))
            .expect("csv");
    assert!(csv.contains("\"总额\",\"238.93\",\"251.89\",\"251.89\",\"10\",\"100.00%\",\"\","));
    assert!(csv.contains("\"其他资金\",\"\",\"\",\"\",\"/\",\"\",\"/\",\"\",\"—\",\"\""));
}

#[test]
fn issue16_a_funds_amount_typed_with_its_unit_is_shown_as_printed_beside_the_record_unit() {
    // The total row's 调整后预算数 typed as a document in 元 would print it: 2518900元 is exactly
    // 251.89 万元, so the scores and findings are those of the fixture; the cell shows both.
    let mut sources = crate::support::files(&fixture("sites/funds-sichuan/content"));
    let rel = "qingshen-fagaiju/2023.yaml";
    let text = String::from_utf8(sources[rel].clone()).expect("UTF-8");
    let at = text
        .find("      budget: 251.89\n")
        .expect("the total row's budget");
    let text = format!(
        "{}      budget: 2518900元\n{}",
        &text[..at],
        &text[at + "      budget: 251.89\n".len()..]
    );
    sources.insert(rel.to_owned(), text.into_bytes());
    let (_dir, root) = crate::support::project_with(sources, false);
    let (_out_dir, out) = build_into_temp(&root.join("content"));
    let page =
        std::fs::read_to_string(out.join("units/qingshen-fagaiju/2023/index.html")).expect("page");
    assert!(
        page.contains("<td class=\"num\">2518900元（合 251.89 万元）</td>"),
        "{page}"
    );
    // The rate by rule is unchanged: 251.89 ÷ 251.89.
    assert!(page.contains("<td class=\"num computed\">100.00%</td>"));
}
