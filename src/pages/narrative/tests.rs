//! The 情况说明 structure on small inputs and on seed 003 (青菱 2023), and its rendering through
//! the default theme's `partials/juesuan_text.html`.

use std::path::Path;

use serde::Serialize;

use super::spending::BudgetText;
use super::{Shuoming, change_text, shuoming};
use crate::model::{Dec, Pct, Record};
use crate::render::Renderer;
use crate::score::accounts::{derive, fixture};

mod incomplete;

fn d(s: &str) -> Dec {
    Dec::parse(s).expect("valid decimal")
}

fn qingling() -> Record {
    fixture::record("qingling", &fixture::read("content/qingling/2023.yaml"))
}

fn text_of(record: &Record) -> Shuoming {
    let fa = record.final_accounts.as_ref().expect("a 决算");
    let figures = derive(fa, None);
    shuoming(record, None, &figures).expect("a 情况说明")
}

fn render(s: &Shuoming) -> String {
    render_as(s, false)
}

/// The partial as the public (`internal` false) or the internal page includes it.
fn render_as(s: &Shuoming, internal: bool) -> String {
    #[derive(Serialize)]
    struct Page<'a> {
        shuoming: &'a Shuoming,
        internal: bool,
        sections: Vec<crate::pages::juesuan::SectionView>,
        glossary_part: &'a str,
        glossary: Vec<crate::pages::juesuan::GlossaryView>,
        glossary_numbering: crate::render::edition::Numbering,
    }
    #[derive(Serialize)]
    struct Context<'a> {
        page: Page<'a>,
    }
    let renderer = Renderer::new(None, Path::new("/nonexistent")).expect("embedded theme");
    let national = renderer.edition("national").expect("the national edition");
    renderer
        .render(
            "partials/juesuan_text.html",
            &Context {
                page: Page {
                    shuoming: s,
                    internal,
                    sections: crate::pages::juesuan::sections(national),
                    glossary_part: &national.glossary_part,
                    glossary: crate::pages::juesuan::glossary(
                        national,
                        !s.subjects.is_empty(),
                        internal,
                    ),
                    glossary_numbering: national.glossary_numbering,
                },
            },
        )
        .expect("the partial renders")
}

#[test]
fn a_fall_reads_reduce_and_decline_with_magnitudes() {
    let c = change_text(d("11092.59"), d("14598.23")).expect("change");
    assert_eq!(
        (
            c.amount_word,
            c.amount.as_str(),
            c.rate_word,
            c.rate.as_deref()
        ),
        ("减少", "3505.64", "下降", Some("24.01%"))
    );
    assert_eq!(c.base, "14598.23");
    assert!(!c.level);
}

#[test]
fn a_rise_reads_increase_and_grow_and_no_change_reads_level() {
    let c = change_text(d("110"), d("100")).expect("change");
    assert_eq!(
        (c.amount_word, c.rate_word, c.rate.as_deref()),
        ("增加", "增长", Some("10.00%"))
    );
    let same = change_text(d("12.44"), d("12.44")).expect("change");
    assert!(same.level);
    assert_eq!(same.amount_word, "持平");
}

#[test]
fn a_zero_prior_gives_an_amount_but_no_rate() {
    let c = change_text(d("9.79"), Dec::ZERO).expect("change");
    assert_eq!((c.amount_word, c.rate.as_deref()), ("增加", None));
}

#[test]
fn a_zero_budget_is_unbudgeted_with_no_completion() {
    let b = BudgetText::new(Some(Dec::ZERO), d("4.97"));
    assert!(b.unbudgeted);
    assert_eq!(b.completion, None);
    let b = BudgetText::new(Some(d("7038.59")), d("11082.8"));
    assert!(!b.unbudgeted);
    assert_eq!(b.completion.as_deref(), Some("157.46%"));
    let b = BudgetText::new(None, d("12.44"));
    assert!(!b.unbudgeted && b.completion.is_none());
}

#[test]
fn seed_003_class_shares_total_exactly_100() {
    let s = text_of(&qingling());
    let general = s.general.expect("五");
    let total = general
        .classes
        .iter()
        .map(|c| {
            let share = c.share.as_deref().expect("a share");
            Pct::parse(share).expect("a percentage").percent()
        })
        .try_fold(Dec::ZERO, |acc, p| acc.checked_add(p))
        .expect("no overflow");
    assert_eq!(total, d("100.00"));
    // In the order of the document's 结构 list (教育 before 公共安全), not of its lines.
    let names: Vec<&str> = general.classes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names[..3], ["一般公共服务支出", "教育支出", "公共安全支出"]);
    let science = general
        .classes
        .iter()
        .find(|c| c.name.starts_with("科学技术"))
        .expect("科学技术");
    assert_eq!(science.share.as_deref(), Some("0.01%"));
}

#[test]
fn seed_003_totals_are_computed_from_their_parts_not_copied() {
    let s = text_of(&qingling());
    // The document prints 收入合计 11902.59; its parts sum to 11092.59.
    let income = s.income.expect("二");
    assert_eq!(income.total.amount, "11092.59");
    // With the printed figure wrong, the stated 变动额 has no known base: no change is given.
    assert!(income.total.change.is_none());
    // 政府采购: 98.84 + 96.58 + 1602.69, not the printed 1788.11.
    assert_eq!(s.procurement.expect("十一").total, "1798.11");
    assert!(s.gov_fund.is_none(), "七 prints 本单位当年无…");
    assert_eq!(s.state_capital.expect("八").total, "9.79");
}

#[test]
fn seed_003_text_renders_with_the_documents_correct_figures() {
    let record = qingling();
    let html = render(&text_of(&record));
    for needle in [
        "收、支总计均为 11092.59 万元",
        "支出合计 11092.59 万元",
        "基本支出 5197.65 万元，占本年支出 46.86%",
        "项目支出 5894.94 万元，占本年支出 53.14%",
        "与 2022 年度（14598.23 万元，推算数：按本年数减原文所列变动额计算）相比，减少 3505.64 万元，下降 24.01%",
        "完成年初预算的 157.46%",
        // Percentages in running text are not grouped by thousands.
        "完成年初预算的 1479.52%",
        // The printed 收入合计 is wrong, so its 变动额 has no base: no change and no reason.
        "收入合计 11092.59 万元。</p>",
        "该科目未申请年初财政拨款预算，支出决算为 4.97 万元",
        "科学技术支出（类）0.50 万元，占 0.01%",
        "一般公共服务支出（类）4692.86 万元，占 42.34%",
        "本单位当年无政府性基金预算财政拨款收入支出。",
        "本年未发生因公出国(境)业务",
        "机关运行经费支出 1891.31 万元",
        "比年初预算数减少 65.45 万元，下降 3.34%",
        "国有企业退休人员社会化管理补助支出（项）",
        "一般公共预算财政拨款收入 11082.80 万元，与 2022 年度（14435.59 万元，推算数：按本年数减原文所列变动额计算）相比，减少 3352.79 万元，下降 23.23%",
        "国有资本经营预算财政拨款收入 9.79 万元，与 2022 年度（14.55 万元，推算数：按本年数减原文所列变动额计算）相比，减少 4.76 万元",
        "本年度无政府性基金预算财政拨款收入。",
        // Shares of 政府采购 divide by the computed total, 1798.11.
        "授予中小企业合同金额 1788.11 万元，占政府采购支出总额的 99.44%",
    ] {
        assert!(html.contains(needle), "missing `{needle}` in:\n{html}");
    }
    let fa = record.final_accounts.as_ref().expect("a 决算");
    for reason in fa.lines.iter().filter_map(|l| l.reason.as_deref()) {
        // The partial escapes HTML; reasons carry quotes ("慈善筑梦 共护未来”).
        let escaped = reason.replace('"', "&quot;");
        assert!(
            html.contains(reason) || html.contains(&escaped),
            "missing reason `{reason}`"
        );
    }
}

/// Issue 16: a block the record leaves out produces no sentence on the public page (no
/// "本单位当年无…", not even its heading) and "未填报" on the internal one; "本年度无…" only for a
/// figure the record states as 0.
#[test]
fn sections_without_data_say_nothing_in_public_and_not_filed_internally() {
    let yaml = "year: 2023\namount_unit: 万元\ntemplate: hubei\nfinal_accounts:\n  income: {general_budget: 10, business: 0, total: 10}\n  three_public:\n    outbound: {actual: 0}\n    reception: {budget: 0, actual: 0}\n    total: {budget: 0, actual: 0}\n";
    let record = fixture::record("fixture", yaml);
    let s = text_of(&record);
    assert!(s.general.is_none() && s.operating_costs.is_none());
    let public = render_as(&s, false);
    for claim in [
        "本单位当年无",
        "未开展",
        "：无",
        "未填报",
        "十四、",
        "七、",
        "十、",
        // 出国 states its 决算 as 0 but no budget: never "也未编制相关预算" for it.
        "本年未发生因公出国(境)业务，无相关经费，也未编制相关预算",
        "2. ",
        "科目（到项级）",
    ] {
        assert!(!public.contains(claim), "`{claim}` in:\n{public}");
    }
    for stated in [
        "本年度无事业收入。",
        "因公出国(境)费支出决算为 0.00 万元。",
        "3. 本年未发生公务接待业务，无相关经费，也未编制相关预算。",
    ] {
        assert!(public.contains(stated), "missing `{stated}` in:\n{public}");
    }
    let internal = render_as(&s, true);
    for note in [
        "上级补助收入、经营收入、附属单位上缴收入、其他收入未填报。",
        "<h3>十、机关运行经费支出说明</h3>\n<p class=\"not-filed\">未填报</p>",
        "<h3>十四、财政专项支出、专项转移支付支出情况说明</h3>\n<p class=\"not-filed\">未填报</p>",
        "公务用车购置及运行费<span class=\"not-filed\">未填报</span>",
    ] {
        assert!(internal.contains(note), "missing `{note}` in:\n{internal}");
    }
}

#[test]
fn every_stated_figure_the_text_does_not_repeat_is_a_finding_of_check() {
    // Seed 003 states 收入合计 11902.59 (its parts give 11092.59) and 政府采购 1788.11 (货物 +
    // 工程 + 服务 give 1798.11): the text prints the computed figures, and `check` reports each
    // stated one, on the 情况说明's field or on the table's field it was copied from.
    let record = qingling();
    let fa = record.final_accounts.as_ref().expect("a 决算");
    let figures = derive(fa, None);
    let inputs = super::Inputs {
        fa,
        prior: None,
        figures: &figures,
    };
    let corpus = fixture::corpus(vec![fixture::unit(
        "qingling",
        Some("行政单位"),
        vec![qingling()],
    )]);
    let report = crate::check::check(&corpus, &crate::score::score_corpus(&corpus));
    let mut differing = Vec::new();
    for figure in crate::score::accounts::Figure::ALL {
        let stated = figure.stated(fa).and_then(|s| s.value);
        let (Some(stated), Some(ours)) = (stated, super::computed(&inputs, figure)) else {
            continue;
        };
        if stated == ours {
            continue;
        }
        differing.push(figure.narrative_key());
        let reported = report.findings.iter().any(|f| {
            f.stated.as_deref().and_then(|s| Dec::parse(s).ok()) == Some(stated)
                && f.computed.as_deref().and_then(|c| Dec::parse(c).ok()) == Some(ours)
        });
        assert!(
            reported,
            "{} {stated} ≠ {ours} is not reported",
            figure.narrative_key()
        );
    }
    assert_eq!(differing, ["income", "fiscal_income", "procurement"]);
}

#[test]
fn every_example_record_and_a_sparse_one_render() {
    let mut records: Vec<Record> = [
        (
            "shiyan",
            "tests/fixtures/sites/accounts-identities/content/shiyan/2022.yaml",
        ),
        (
            "shiyan",
            "tests/fixtures/sites/accounts-identities/content/shiyan/2023.yaml",
        ),
        (
            "qingling",
            "tests/fixtures/sites/minimal/content/qingling/2022.yaml",
        ),
        (
            "qingling",
            "tests/fixtures/sites/minimal/content/qingling/2023.yaml",
        ),
    ]
    .into_iter()
    .map(|(unit, path)| fixture::record(unit, &fixture::read(path)))
    .collect();
    let sparse = "year: 2023\namount_unit: 万元\ntemplate: hubei\nfinal_accounts:\n  \
        procurement: {total: 5, sme: 5}\n  \
        three_public: {reception: {budget: 2}, total: {budget: 2, actual: 0}}\n  \
        operating_costs: {actual: 3}\n  \
        lines:\n    - {class: 教育支出, actual: 1}\n    - {class: 住房保障支出, fund: gov_fund, actual: 2}\n";
    records.push(fixture::record("fixture", sparse));
    for record in &records {
        let html = render(&text_of(record));
        assert!(html.contains("第五部分 名词解释"), "{}", record.path);
        assert!(!html.contains("null"), "{}:\n{html}", record.path);
    }
    let html = render(&text_of(records.last().expect("the sparse record")));
    for needle in [
        "政府采购支出总额 5.00 万元。授予中小企业合同金额 5.00 万元",
        "教育支出（类）。支出决算为 1.00 万元。",
        "政府性基金预算财政拨款本年支出 2.00 万元",
        "机关运行经费支出 3.00 万元。",
        "3. 公务接待费预算为 2.00 万元，未列明支出决算数。",
    ] {
        assert!(html.contains(needle), "missing `{needle}` in:\n{html}");
    }
}

#[test]
fn the_prior_years_own_record_gives_the_base_of_a_rise() {
    let read = |year: u16| {
        fixture::record(
            "shiyan",
            &fixture::read(&format!(
                "tests/fixtures/sites/accounts-identities/content/shiyan/{year}.yaml"
            )),
        )
    };
    let (prior, record) = (read(2022), read(2023));
    let prior_fa = crate::score::accounts::Prior::of(&prior, &record);
    let fa = record.final_accounts.as_ref().expect("a 决算");
    let figures = derive(fa, prior_fa);
    let s = shuoming(&record, prior_fa, &figures).expect("a 情况说明");
    let html = render(&s);
    for needle in [
        // 70 + 50 against 2022's 60 + 40; the document states 16.67%, `check` reports it.
        "支出合计 120.00 万元。与 2022 年度（100.00 万元）相比，增加 20.00 万元，增长 20.00%",
        // Sources 110 + 5 + 5, not the printed 121.
        "收入合计 120.00 万元。与 2022 年度（100.00 万元）相比，增加 20.00 万元，增长 20.00%",
        // One largest-remainder set: 95.83% + 4.17% = 100.00% (the per-source set would give
        // 财政拨款 91.67% + 4.17% = 95.84% and 其他 4.16%).
        "财政拨款收入 115.00 万元，占本年收入 95.83%；其他收入 5.00 万元，占本年收入 4.17%",
    ] {
        assert!(html.contains(needle), "missing `{needle}` in:\n{html}");
    }
}
