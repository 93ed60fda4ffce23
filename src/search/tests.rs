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
fn a_bigram_match_ranks_above_pages_holding_only_its_characters() {
    let docs = vec![
        doc(2023, "散字", vec![field(Weight::Title, "办公室 结余 比率")]),
        doc(2023, "信访", vec![field(Weight::Body, "信访件办结率 100%")]),
    ];
    assert_eq!(order(docs, "办结率"), ["信访", "散字"]);
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
    assert_eq!(rank(&indexed(docs), "办结")[0].score, 2);
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
fn issue17_the_juesuan_words_find_the_juesuan_page() {
    let (corpus, scores) = example();
    let index = index(&corpus, &scores);
    for q in ["三公经费", "机关运行经费", "一般公共服务支出"] {
        let hits = rank(&index, q);
        let first = &index.docs[hits.first().unwrap_or_else(|| panic!("{q}: no hit")).doc];
        assert_eq!(first.href, "units/qingling/2023/index.html", "{q}");
        // The record's page may match too (qingling has a project named 机关运行经费); the
        // 决算 page's own field holds the word and leads there.
        assert!(
            first
                .fields
                .iter()
                .any(|f| f.anchor == "juesuan.html" && f.text.contains(q)),
            "{q}: a field of the 决算 page holds it"
        );
    }
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
    let docs = doc_count(&corpus);
    assert_eq!(docs, 5);
    assert_eq!(paths.len(), 1 + 16 + docs);
    assert!(paths.contains(&"search/meta.js".to_owned()));
    assert!(paths.contains(&"search/t/15.js".to_owned()));
    assert!(paths.contains(&"search/d/4.js".to_owned()));
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
fn a_page_holding_every_query_token_earns_the_whole_query_bonus() {
    let docs = vec![
        doc(
            2023,
            "部分",
            vec![field(Weight::Body, "办结"), field(Weight::Body, "率")],
        ),
        doc(2023, "全部", vec![field(Weight::Title, "办结率")]),
        doc(2023, "缺字", vec![field(Weight::Title, "办结")]),
    ];
    let index = indexed(docs);
    let hits = rank(&index, "办结率");
    let scores: Vec<(String, u32)> = hits
        .iter()
        .map(|h| (index.docs[h.doc].title.clone(), h.score))
        .collect();
    // 办结 4 + 结率 4 + three characters 1 each, all × 3 in a title, and 8 × 3 for all of them.
    assert_eq!(scores[0], ("全部".to_owned(), 33 + 24));
    // 办结 4 + two characters, × 3 in a title; 结率 and 率 are missing, so no bonus.
    assert_eq!(scores[1], ("缺字".to_owned(), 18));
    assert_eq!(scores[2], ("部分".to_owned(), 4 + 3));
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
