//! Integration tests: themes, the page shell, escaping and sanitizing.

use std::fs;
use std::path::Path;

use gongkai::model::id::Year;
use gongkai::{Renderer, Shell, Site, markdown_to_html};
use serde::Serialize;

/// A site folder with the given theme files (`themes/<path>` → contents).
fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, text) in files {
        let path = dir.path().join("themes").join(rel);
        fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

fn site() -> Site {
    Site {
        title: "武汉市部门决算公开".into(),
        data_date: Some("2024-06-30".into()),
        base_url: None,
        years: [2022, 2023]
            .into_iter()
            .map(|y| Year::new(y).expect("year"))
            .collect(),
    }
}

/// A page context the way page modules will build them: the shell flattened in.
#[derive(Serialize)]
struct Page<'a> {
    #[serde(flatten)]
    shell: Shell,
    rows: Vec<(&'a str, &'a str)>,
    narrative: String,
}

const PAGE: &str = r#"{% extends "base.html" %}
{% block content %}
<h1>{{ page_title }}</h1>
<table class="sortable"><caption>收入支出决算总表</caption>
<thead><tr><th>项目</th><th class="num">金额</th></tr></thead>
<tbody>{% for r in rows %}<tr><th>{{ r[0] }}</th><td class="num">{{ r[1] }}</td></tr>{% endfor %}</tbody>
</table>
<div class="narrative">{{ narrative | safe }}</div>
{% endblock content %}
"#;

fn page(output_path: &str) -> Page<'static> {
    Page {
        shell: Shell::for_page(&site(), output_path, "2023年度部门决算")
            .crumb("首页", Some("index.html"))
            .crumb("2023年", None),
        rows: vec![
            ("一般公共预算财政拨款收入", "11,092.59"),
            ("<script>x</script>", "-3,505.64"),
        ],
        narrative: markdown_to_html(
            "## 说明\n\n正文 [x](javascript:alert(1)) ![图](http://a/b.png)\n\n<script>alert(1)</script>",
            "n-",
            2,
        ),
    }
}

/// Every `href="…"` and `src="…"` value in `html`.
fn urls(html: &str) -> Vec<&str> {
    ["href=\"", "src=\""]
        .iter()
        .flat_map(|attr| html.split(attr).skip(1))
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn a_bare_build_needs_no_theme_files() {
    let empty = tempfile::tempdir().expect("temp dir");
    for name in [None, Some("default")] {
        let r = Renderer::new(name, empty.path()).expect("embedded theme");
        let html = r
            .render("404.html", &Shell::not_found(&site()))
            .expect("renders");
        assert!(html.contains("页面不存在"), "{html}");
        assert_eq!(r.static_assets().len(), 4);
    }
}

#[test]
fn a_theme_folder_overrides_only_the_files_it_holds() {
    let dir = site_with(&[
        (
            "plain/templates/base.html",
            "<plain>{% block head %}{% endblock head %}{% block content %}{% endblock content %}</plain>",
        ),
        ("plain/static/style.css", "body{}"),
        ("plain/static/img/logo.svg", "<svg/>"),
        ("plain/README.md", "ignored"),
        ("plain/static/.DS_Store", "ignored"),
    ]);
    let r = Renderer::new(Some("plain"), dir.path()).expect("theme loads");
    let html = r
        .render("404.html", &Shell::not_found(&site()))
        .expect("renders");
    assert!(
        html.starts_with("<plain>") && html.contains("返回首页"),
        "{html}"
    );

    let default = Renderer::new(None, dir.path()).expect("default");
    let asset = |r: &Renderer, name: &str| {
        r.static_assets()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
    };
    let names: Vec<&str> = r.static_assets().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "static/img/logo.svg",
            "static/review.js",
            "static/search.js",
            "static/sort.js",
            "static/style.css"
        ]
    );
    assert_eq!(asset(&r, "static/style.css"), Some(b"body{}".to_vec()));
    assert_eq!(
        asset(&r, "static/sort.js"),
        asset(&default, "static/sort.js")
    );
}

#[test]
fn theme_names_cannot_leave_the_themes_folder() {
    let dir = site_with(&[("x/templates/base.html", "x")]);
    for bad in ["../themes/x", "x/..", "/etc", "X", ""] {
        let err = Renderer::new(Some(bad), dir.path()).expect_err("refused");
        assert!(err.to_string().starts_with("主题名 `"), "{bad}: {err}");
    }
}

#[test]
fn a_missing_theme_names_the_expected_folder() {
    let dir = site_with(&[]);
    let err = Renderer::new(Some("wuhan"), dir.path()).expect_err("missing");
    let text = err.to_string();
    assert!(text.starts_with("找不到主题 `wuhan`"), "{text}");
    assert!(
        text.contains(&format!("{}", Path::new("themes").join("wuhan").display())),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_a_theme_are_refused() {
    let dir = site_with(&[("t/templates/page.html", "x")]);
    std::os::unix::fs::symlink("/etc/hostname", dir.path().join("themes/t/static.txt"))
        .expect("symlink");
    let err = Renderer::new(Some("t"), dir.path()).expect_err("refused");
    assert!(err.to_string().contains("不是普通文件"), "{err}");
}

#[test]
fn html_and_svg_templates_escape_script() {
    let dir = site_with(&[
        (
            "t/templates/chart.svg",
            "<svg><title>{{ page_title }}</title></svg>",
        ),
        ("t/templates/page.html", "<h1>{{ page_title }}</h1>"),
    ]);
    let r = Renderer::new(Some("t"), dir.path()).expect("theme loads");
    let shell = Shell::for_page(&site(), "index.html", "<script>alert(1)</script>");
    let svg = r.render("chart.svg", &shell).expect("renders");
    let html = r.render("page.html", &shell).expect("renders");
    assert_eq!(
        svg,
        "<svg><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></svg>"
    );
    assert_eq!(html, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
}

#[test]
fn the_shell_is_chinese_and_links_only_relatively() {
    let dir = site_with(&[("t/templates/page.html", PAGE)]);
    let r = Renderer::new(Some("t"), dir.path()).expect("theme loads");
    let html = r
        .render("page.html", &page("units/qingling/2023/index.html"))
        .expect("renders");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"),
        "{html}"
    );
    for needle in [
        "<meta charset=\"utf-8\">",
        "<title>2023年度部门决算 - 武汉市部门决算公开</title>",
        "<a class=\"skip-link\" href=\"#main\">跳到正文</a>",
        "<link rel=\"stylesheet\" href=\"../../../static/style.css\">",
        "<script src=\"../../../static/sort.js\" defer></script>",
        "<main id=\"main\"",
        "<a href=\"../../../years/2023/index.html\">2023年</a>",
        "<time datetime=\"2024-06-30\">2024-06-30</time>",
        "<th>&lt;script&gt;x&lt;/script&gt;</th>",
        "本站由 gongkai 根据",
        "<h3 id=\"n-说明\">说明</h3>\n<p>正文 <a rel=\"noopener noreferrer\">x</a> 图</p>",
    ] {
        assert!(html.contains(needle), "missing {needle} in\n{html}");
    }
    assert!(
        !html.contains("<script>alert") && !html.contains("<img"),
        "{html}"
    );
    assert!(
        !html.contains("href=\"/") && !html.contains("src=\"/"),
        "{html}"
    );
    assert!(!html.contains("http"), "{html}");
    for url in urls(&html) {
        assert!(
            url.starts_with("../") || url.starts_with('#'),
            "{url} is not relative"
        );
    }
}

#[test]
fn the_404_page_links_home_through_base_url_when_set() {
    let r = Renderer::new(None, Path::new("/nonexistent")).expect("embedded theme");
    let html = r
        .render("404.html", &Shell::not_found(&site()))
        .expect("renders");
    assert!(
        html.contains("<a href=\"index.html\">返回首页</a>"),
        "{html}"
    );
    assert!(
        html.contains("<meta name=\"robots\" content=\"noindex\">"),
        "{html}"
    );

    let mut s = site();
    s.base_url = Some("https://czj.example.gov.cn/gongkai".into());
    let html = r
        .render("404.html", &Shell::not_found(&s))
        .expect("renders");
    assert!(
        html.contains("<a href=\"https://czj.example.gov.cn/gongkai/index.html\">返回首页</a>"),
        "{html}"
    );
    assert!(html.contains("href=\"https://czj.example.gov.cn/gongkai/static/style.css\""));
}
