//! Tests of narrative rendering: hostile input, links, images, headings, tables.

use super::*;

fn md(s: &str) -> String {
    markdown_to_html(s, "n-", 2)
}

/// Every tag and attribute in `html` is on the list of what narratives may produce.
fn assert_only_allowed(html: &str) {
    let allowed = [
        "a",
        "blockquote",
        "br",
        "code",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
        "@href",
        "@rel",
        "@title",
        "@id",
        "@start",
        "@style",
    ];
    for t in tags_and_attributes(html) {
        assert!(allowed.contains(&t.as_str()), "`{t}` leaked into {html}");
    }
}

#[test]
fn raw_html_becomes_text() {
    let out = md(
        "<script>alert(1)</script>\n\n段落 <img src=x onerror=alert(1)> 文字\n\n<iframe src=\"https://evil.example\"></iframe>",
    );
    assert_only_allowed(&out);
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{out}"
    );
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"), "{out}");
    assert!(!out.contains("<iframe"), "{out}");
}

#[test]
fn html_comments_are_dropped() {
    let out = md("前文\n\n<!-- 待核实 <script>alert(1)</script> -->\n\n后文 <!-- inline --> 完");
    assert_eq!(out, "<p>前文</p>\n<p>后文  完</p>\n");
}

#[test]
fn a_raw_html_block_becomes_a_paragraph_of_text() {
    let out = md("<div onclick=\"x()\">\n<b>粗</b>\n</div>\n\n正文");
    assert_eq!(
        out,
        "<p>&lt;div onclick=\"x()\"&gt;\n&lt;b&gt;粗&lt;/b&gt;\n&lt;/div&gt;</p>\n<p>正文</p>\n"
    );
}

#[test]
fn dangerous_link_schemes_never_reach_the_page() {
    for link in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    ] {
        let out = md(link);
        assert_only_allowed(&out);
        for href in hrefs(&out) {
            let scheme = scheme_as_browsers_read_it(&href);
            assert!(
                matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
                "{link} gave {out}"
            );
        }
    }
}

/// The values of every `href="…"` (ammonia always double-quotes).
fn hrefs(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .flat_map(|t| t.split(" href=\"").skip(1))
        .filter_map(|rest| rest.split('"').next())
        .map(|v| v.replace("&amp;", "&"))
        .collect()
}

/// The URL scheme a browser would see: tabs and newlines removed, leading controls and
/// spaces trimmed, lowercased; `None` for a relative URL.
fn scheme_as_browsers_read_it(href: &str) -> Option<String> {
    let cleaned: String = href
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned
        .trim_start_matches(|c: char| c <= ' ')
        .to_ascii_lowercase();
    let (scheme, _) = cleaned.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_owned())
}

#[test]
fn safe_links_are_kept_with_rel() {
    let out =
        md("[局](https://czj.wuhan.gov.cn/) [上年](../2022/index.html) [邮件](mailto:a@b.cn)");
    assert!(
        out.contains(r#"<a href="https://czj.wuhan.gov.cn/" rel="noopener noreferrer">局</a>"#),
        "{out}"
    );
    assert!(out.contains(r#"href="../2022/index.html""#), "{out}");
    assert!(out.contains(r#"href="mailto:a@b.cn""#), "{out}");
}

#[test]
fn images_are_dropped_and_their_alt_text_kept() {
    let out = md("![资金结构图](https://evil.example/x.png) ![本地](img/a.png)");
    assert_only_allowed(&out);
    assert!(!out.contains("<img") && !out.contains("evil"), "{out}");
    assert!(out.contains("资金结构图") && out.contains("本地"), "{out}");
}

#[test]
fn headings_get_stable_unique_ids_and_shifted_levels() {
    let out =
        md("# 一、部门职责\n\n## Budget Overview\n\n# 一、部门职责\n\n# <b>!</b>\n\n###### 深");
    assert!(
        out.contains(r#"<h2 id="n-一部门职责">一、部门职责</h2>"#),
        "{out}"
    );
    assert!(out.contains(r#"<h3 id="n-budget-overview">"#), "{out}");
    assert!(out.contains(r#"<h2 id="n-一部门职责-2">"#), "{out}");
    assert!(out.contains(r#"<h2 id="n-bb">"#), "{out}");
    assert!(out.contains(r#"<h6 id="n-深">"#), "{out}");
    assert_eq!(
        out,
        md("# 一、部门职责\n\n## Budget Overview\n\n# 一、部门职责\n\n# <b>!</b>\n\n###### 深")
    );
}

#[test]
fn deep_nesting_is_flattened_so_sanitizing_stays_fast() {
    for text in [">".repeat(100_000) + " 深", "- ".repeat(100_000) + "深"] {
        let out = md(&text);
        let opened = out.matches("<blockquote>").count() + out.matches("<li>").count();
        assert!(opened <= MAX_DEPTH, "{opened} levels kept");
        assert!(out.contains('深'), "the text is kept");
    }
}

#[test]
fn tables_render_with_alignment_only() {
    let out = md("| 项目 | 金额 |\n|:--|--:|\n| 基本支出 | 1,234.00 |\n");
    // The scroll box is gongkai's own markup around the sanitized table (issue 19).
    let inner = out
        .strip_prefix("<div class=\"table-wrap\" tabindex=\"0\">")
        .and_then(|s| s.trim_end().strip_suffix("</div>"))
        .unwrap_or_else(|| panic!("the table is in its scroll box: {out}"));
    assert_only_allowed(inner);
    assert!(
        out.contains(r#"<td style="text-align:right">1,234.00</td>"#),
        "{out}"
    );
    assert!(out.contains("<thead>"), "{out}");
}

/// The inside of every tag in serialized HTML (`a href="x"` for `<a href="x">`), quote-aware;
/// text never starts a tag because a serializer escapes `<` in text. Test helper.
fn tags(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let body = &rest[start + 1..];
        let mut in_quote = false;
        let end = body
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    in_quote = !in_quote;
                }
                c == '>' && !in_quote
            })
            .map_or(body.len(), |(i, _)| i);
        found.push(&body[..end]);
        rest = &body[end..];
    }
    found
}

/// Element names and `@attribute` names in serialized HTML. Test helper.
fn tags_and_attributes(html: &str) -> std::collections::BTreeSet<String> {
    let mut found = std::collections::BTreeSet::new();
    for tag in tags(html) {
        let tag = tag.trim_start_matches('/');
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        found.insert(tag[..name_end].to_owned());
        let mut in_quote = false;
        let mut word = String::new();
        for c in tag[name_end..].chars() {
            match c {
                '"' => in_quote = !in_quote,
                '=' if !in_quote => {
                    found.insert(format!("@{}", word.trim()));
                    word.clear();
                }
                c if c.is_whitespace() && !in_quote => word.clear(),
                c if !in_quote => word.push(c),
                _ => {}
            }
        }
    }
    found
}
