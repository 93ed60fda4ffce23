//! Ranking rules and the index of the example site.

use std::path::Path;

use super::*;
use crate::model::Year;

fn field(weight: Weight, text: &str) -> Field {
    Field {
        weight,
        anchor: String::new(),
        text: text.to_owned(),
    }
}

fn doc(year: i64, title: &str, fields: Vec<Field>) -> Doc {
    Doc {
        unit: 0,
        year: Year::new(year).expect("year"),
        title: title.to_owned(),
        href: String::new(),
        fields,
    }
}

fn indexed(docs: Vec<Doc>) -> Index {
    Index::build(vec![("u".into(), "单位".into())], docs)
}

fn order(docs: Vec<Doc>, q: &str) -> Vec<String> {
    let index = indexed(docs);
    rank(&index, q)
        .iter()
        .map(|h| index.docs[h.doc].title.clone())
        .collect()
}

#[test]
fn issue19_a_page_holding_only_the_characters_of_a_query_is_not_a_result() {
    let docs = vec![
        doc(2023, "散字", vec![field(Weight::Title, "办公室 结余 比率")]),
        doc(2023, "信访", vec![field(Weight::Body, "信访件办结率 100%")]),
    ];
    assert_eq!(order(docs, "办结率"), ["信访"]);
}

#[test]
fn issue19_banshichu_does_not_match_a_page_holding_only_ban() {
    let docs = vec![
        doc(2023, "办", vec![field(Weight::Title, "信访件办结率")]),
        doc(2023, "办事", vec![field(Weight::Title, "办事 处理")]),
        doc(2023, "办事处", vec![field(Weight::Body, "青菱街道办事处")]),
    ];
    // 办事 alone holds 办事 but not 事处: a result holds every bigram.
    assert_eq!(order(docs, "办事处"), ["办事处"]);
}

#[test]
fn issue19_a_page_must_hold_every_token_of_the_query_in_some_field() {
    let docs = vec![
        doc(
            2023,
            "分开",
            vec![field(Weight::Title, "办结"), field(Weight::Body, "结率")],
        ),
        doc(2023, "缺一", vec![field(Weight::Title, "办结 2023")]),
        doc(2022, "年份", vec![field(Weight::Body, "办结率 2022")]),
    ];
    assert_eq!(order(docs.clone(), "办结率"), ["分开", "年份"]);
    assert_eq!(order(docs.clone(), "办结 2023"), ["缺一"]);
    assert!(order(docs, "办结 2021").is_empty(), "no page holds 2021");
}

#[test]
fn issue19_a_one_character_query_matches_by_character() {
    let docs = vec![
        doc(2023, "有", vec![field(Weight::Body, "信访件办结率")]),
        doc(2023, "无", vec![field(Weight::Body, "预算执行率")]),
        doc(2023, "题", vec![field(Weight::Title, "办公室")]),
    ];
    assert_eq!(order(docs.clone(), "办"), ["题", "有"]);
    // A lone character beside a longer run is matched by character too.
    assert_eq!(order(docs, "办 执行"), Vec::<String>::new());
}

#[test]
fn a_title_match_ranks_above_the_same_text_in_the_body() {
    let docs = vec![
        doc(2023, "正文", vec![field(Weight::Body, "信访件办结率")]),
        doc(2023, "标题", vec![field(Weight::Title, "信访件办结率")]),
    ];
    assert_eq!(order(docs, "办结率"), ["标题", "正文"]);
}

#[test]
fn characters_split_by_punctuation_are_not_a_bigram() {
    let docs = vec![doc(2023, "断开", vec![field(Weight::Body, "办，结")])];
    assert!(rank(&indexed(docs.clone()), "办结").is_empty());
    // Typed apart, they are two lone characters, both held.
    assert_eq!(rank(&indexed(docs), "办，结")[0].score, 2);
}

#[test]
fn equal_scores_list_the_later_year_first() {
    let docs = vec![
        doc(2020, "旧", vec![field(Weight::Title, "花山街道")]),
        doc(2023, "新", vec![field(Weight::Title, "花山街道")]),
    ];
    assert_eq!(order(docs, "花山"), ["新", "旧"]);
}

#[test]
fn a_word_matches_at_the_start_of_a_word_only() {
    let docs = vec![
        doc(2023, "前缀", vec![field(Weight::Body, "2023年")]),
        doc(2023, "中间", vec![field(Weight::Body, "12023")]),
    ];
    assert_eq!(order(docs, "202"), ["前缀"]);
}

#[test]
fn the_best_field_is_the_one_that_matched_most() {
    let mut d = doc(2023, "页", vec![field(Weight::Title, "单位名称")]);
    d.fields.push(Field {
        weight: Weight::Title,
        anchor: "projects-0".into(),
        text: "信访件办结率".into(),
    });
    assert_eq!(best_field(&d, "办结率"), 1);
}

#[test]
fn a_query_without_tokens_finds_nothing() {
    let docs = vec![doc(2023, "页", vec![field(Weight::Title, "单位")])];
    assert!(rank(&indexed(docs), "，。 ").is_empty());
}

fn example() -> (Corpus, CorpusScores) {
    let corpus = crate::load::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .expect("the example content loads");
    let scores = crate::score::score_corpus(&corpus);
    (corpus, scores)
}

#[test]
fn on_the_example_site_the_indicator_name_finds_its_page_first() {
    let (corpus, scores) = example();
    let index = index(&corpus, &scores);
    let hits = rank(&index, "信访件办结率");
    let first = &index.docs[hits[0].doc];
    assert_eq!(first.href, "units/huashan/2020/index.html");
    let field = &first.fields[best_field(first, "信访件办结率")];
    assert_eq!(
        (field.weight, field.anchor.as_str()),
        (Weight::Title, "self_evaluation")
    );
}

#[test]
fn issue19_the_juesuan_words_find_the_juesuan_page_as_its_own_result() {
    let (corpus, scores) = example();
    let index = index(&corpus, &scores);
    let juesuan = "units/qingling/2023/juesuan.html";
    for q in ["三公经费", "机关运行经费", "一般公共服务支出"] {
        let hits = rank(&index, q);
        let found: Vec<&str> = hits
            .iter()
            .map(|h| index.docs[h.doc].href.as_str())
            .collect();
        assert!(found.contains(&juesuan), "{q}: {found:?}");
        let page = index
            .docs
            .iter()
            .find(|d| d.href == juesuan)
            .expect("indexed");
        assert_eq!(
            page.title,
            "武汉市洪山区人民政府青菱街道办事处2023年部门决算"
        );
        assert!(page.fields[best_field(page, q)].text.contains(q), "{q}");
    }
    // The 决算 page names these in a title field; the record's page, in a narrative at most
    // (qingling 2023 also has a project named 机关运行经费, so that may come first).
    for q in ["三公经费", "一般公共服务支出"] {
        let first = &index.docs[rank(&index, q)[0].doc];
        assert_eq!(first.href, juesuan, "{q}");
    }
    let shuoming = rank(&index, "三公经费")[0].doc;
    let page = &index.docs[shuoming];
    assert_eq!(page.fields[best_field(page, "三公经费")].anchor, "shuoming");
    // The record's own page no longer carries the 决算 page's fields.
    let record = index
        .docs
        .iter()
        .find(|d| d.href == "units/qingling/2023/index.html")
        .expect("indexed");
    assert!(!record.fields.iter().any(|f| f.anchor.ends_with(".html")));
}

#[test]
fn issue19_on_the_example_site_a_query_finds_only_the_pages_holding_it() {
    let (corpus, scores) = example();
    let index = index(&corpus, &scores);
    let pages = index.docs.iter().filter(|d| d.exists()).count();
    for q in ["信访件办结率", "办事处", "办结率"] {
        let hits = rank(&index, q);
        let bigrams = query_tokens(q);
        assert!(!hits.is_empty(), "{q} finds pages");
        for h in &hits {
            let doc = &index.docs[h.doc];
            let text: Vec<&str> = doc.fields.iter().map(|f| f.text.as_str()).collect();
            let text = text.join(" ");
            for t in &bigrams {
                assert!(text.contains(&t.text()), "{q}: {} holds {t:?}", doc.href);
            }
        }
        // Every page that holds the query as typed is found.
        let typed = index
            .docs
            .iter()
            .filter(|d| d.fields.iter().any(|f| f.text.contains(q)))
            .count();
        assert!(hits.len() >= typed, "{q}");
        if q == "信访件办结率" {
            assert!(hits.len() < pages, "{q}: {} of {pages} pages", hits.len());
        }
    }
    // One character: every page holding it (办 is in every unit's name: 街道办事处).
    let one = rank(&index, "办");
    let holding = index
        .docs
        .iter()
        .filter(|d| d.fields.iter().any(|f| f.text.contains('办')))
        .count();
    assert_eq!(one.len(), holding);
}

#[test]
fn the_index_never_holds_contact_details() {
    let (corpus, scores) = example();
    let all: String = index_files(&corpus, &scores)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(all.contains("青菱"), "the index holds the example");
    assert!(!all.contains("马兰萍") && !all.contains("88938605"));
}

#[test]
fn index_files_are_meta_the_shards_and_one_file_per_page() {
    let (corpus, scores) = example();
    let paths: Vec<String> = index_files(&corpus, &scores)
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(record_count(&corpus), 5);
    // Five unit-year pages (0, 2, …, 8) and one 决算 page (qingling 2023, the last record).
    assert_eq!(doc_numbers(&corpus), [0, 2, 4, 6, 8, 9]);
    assert_eq!(paths.len(), 1 + 16 + 6);
    assert!(paths.contains(&"search/meta.js".to_owned()));
    assert!(paths.contains(&"search/t/15.js".to_owned()));
    assert!(paths.contains(&"search/d/9.js".to_owned()));
    assert!(
        !paths.contains(&"search/d/7.js".to_owned()),
        "absent: no 决算"
    );
}

#[test]
fn index_text_cannot_end_its_script() {
    let (mut corpus, scores) = example();
    corpus.units[0].name = "</script><script>alert(1)</script>\u{2028}".to_owned();
    let all: String = index_files(&corpus, &scores)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(!all.contains("</script") && !all.contains('\u{2028}'));
    assert!(all.contains("\\u003c/script\\u003e"));
}

#[test]
fn index_files_are_the_same_bytes_on_every_build() {
    let (corpus, scores) = example();
    assert_eq!(index_files(&corpus, &scores), index_files(&corpus, &scores));
}

#[test]
fn a_result_scores_token_weight_times_field_weight_per_token() {
    let docs = vec![
        doc(
            2023,
            "正文",
            vec![field(Weight::Body, "办结率"), field(Weight::Body, "率")],
        ),
        doc(2023, "标题", vec![field(Weight::Title, "办结率")]),
        doc(
            2023,
            "各半",
            vec![field(Weight::Title, "办结"), field(Weight::Body, "结率")],
        ),
        doc(2023, "缺字", vec![field(Weight::Title, "办结")]),
    ];
    let index = indexed(docs);
    let scores: Vec<(String, u32)> = rank(&index, "办结率")
        .iter()
        .map(|h| (index.docs[h.doc].title.clone(), h.score))
        .collect();
    // 办结 4 + 结率 4, × 3 in a title; 缺字 lacks 结率, so it is no result.
    assert_eq!(
        scores,
        [
            ("标题".to_owned(), 24),
            ("各半".to_owned(), 12 + 4),
            ("正文".to_owned(), 8)
        ]
    );
    // A one-character query weighs 1 × field weight.
    assert_eq!(rank(&index, "率")[0].score, 3);
}

#[test]
fn postings_are_one_number_per_page_and_say_whether_a_title_holds_the_token() {
    let docs = vec![
        doc(2023, "甲", vec![field(Weight::Body, "预算")]),
        doc(2023, "乙", vec![field(Weight::Body, "无关")]),
        doc(
            2023,
            "丙",
            vec![
                field(Weight::Body, "预算"),
                field(Weight::Title, "预算执行"),
            ],
        ),
    ];
    let index = indexed(docs);
    let list = index.postings("预算").expect("indexed");
    assert_eq!(list, [2, 5]);
    assert_eq!(decode(&list), [(0, false), (2, true)]);
}

#[test]
fn the_shard_of_a_token_is_its_fnv_hash_modulo_the_shard_count() {
    // FNV-1a of "a" is 0xe40c292c.
    assert_eq!(shard_of("a", 1024), 0xe40c_292c % 1024);
    assert_eq!(shard_count(5), 16);
    assert_eq!(shard_count(10_000), 1024);
}

#[test]
fn postings_keep_every_value_through_their_varint_bytes() {
    let values = [
        1,
        2,
        5,
        127,
        128,
        129,
        300,
        16_383,
        16_384,
        2_097_151,
        u32::MAX,
    ];
    let mut p = Postings::default();
    for v in values {
        p.push_for_tests(v);
    }
    assert_eq!(p.values(), values);
}
