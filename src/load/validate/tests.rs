//! Site settings, codes and base URLs, checked through the YAML parser and the locator.
use std::sync::Arc;

use super::*;

/// Each problem as `line:col field: message`.
fn problems<T: serde::de::DeserializeOwned + serde::Serialize, U>(
    yaml: &str,
    check: impl FnOnce(T, Locator) -> Result<U, Vec<Diagnostic>>,
) -> Vec<String> {
    let text: Arc<str> = Arc::from(yaml);
    let (locator, raw) = crate::load::yaml::parse::<T>("content/x.yaml", &text);
    let Ok(raw) = raw else {
        return vec![format!("does not parse: {:?}", raw.err())];
    };
    match check(raw, locator) {
        Ok(_) => Vec::new(),
        Err(diags) => diags
            .iter()
            .map(|d| {
                let field = d.field.as_deref().unwrap_or("");
                format!(
                    "{}:{} {field}: {}",
                    d.location.line, d.location.col, d.message
                )
            })
            .collect(),
    }
}

#[test]
fn site_settings_are_checked_one_by_one() {
    let found = problems::<RawSite, _>(
        "title: 公开\nbase_url: example.org\nprofile: secret\ntheme: ../x\nlocale: en\n",
        |raw, loc| site(raw, &loc),
    );
    assert_eq!(
        found,
        [
            "2:11 base_url: 应为以 http:// 或 https:// 开头的完整网址，实际为 `example.org`",
            "3:10 profile: 应为 `public` 或 `internal`，实际为 `secret`",
            "4:8 theme: 主题文件夹名应由 1 到 64 个小写字母、数字和 `-` 组成，实际为 `../x`",
            "5:9 locale: 应为 `zh-CN`，实际为 `en`",
        ]
    );
}

#[test]
fn a_base_url_loses_its_trailing_slash() {
    let text: Arc<str> = Arc::from("title: 公开\nbase_url: https://example.org/a//\n");
    let (loc, raw) = crate::load::yaml::parse::<RawSite>("content/_site.yaml", &text);
    let site = raw.ok().and_then(|r| site(r, &loc).ok());
    assert_eq!(
        site.and_then(|s| s.base_url).as_deref(),
        Some("https://example.org/a")
    );
}

#[test]
fn codes_have_three_five_or_seven_digits() {
    let yaml = "year: 2023\namount_unit: 元\ntemplate: national\nfinal_accounts:\n  lines:\n    - {code: \"2010301\", class: a, actual: 1}\n    - {code: \"20103\", class: a, actual: 1}\n    - {code: \"2010\", class: a, actual: 1}\n  classes:\n    - {code: 2O1, name: a}\n";
    let unit = UnitId::parse("x").ok();
    let year = Year::new(2023).ok();
    let found = problems::<RawRecord, _>(yaml, |raw, loc| match (unit, year) {
        (Some(u), Some(y)) => record(raw, &u, y, loc, &[]),
        _ => Err(Vec::new()),
    });
    assert_eq!(
        found,
        [
            "8:14 final_accounts.lines[2].code: 应为 3、5 或 7 位数字的科目编码（类、款或项），实际为 `2010`",
            "10:14 final_accounts.classes[0].code: 应为 3、5 或 7 位数字的科目编码（类、款或项），实际为 `2O1`",
        ]
    );
}

#[test]
fn issue15_a_base_url_holds_no_character_a_url_or_xml_forbids() {
    let check = |url: &str| {
        problems::<RawSite, _>(
            &format!("title: 公开\nbase_url: \"{url}\"\n"),
            |raw, loc| site(raw, &loc),
        )
    };
    // A control character is refused by the loader before validation, as in any text.
    let control = check(r"https://example.org/\u0001a");
    assert!(
        control.len() == 1 && control[0].contains("实际在引号中用转义写了 U+0001"),
        "{control:?}"
    );
    assert_eq!(
        check("https://example.org/ a"),
        [
            "2:11 base_url: 网址中不能有空格、控制字符或非字符，实际在 `https://example.org/ a` 的第 21 个字符处有 U+0020"
        ]
    );
    assert_eq!(
        check(r"https://example.org/\uFFFE"),
        [
            "2:11 base_url: 网址中不能有空格、控制字符或非字符，实际在 `https://example.org/\u{FFFE}` 的第 21 个字符处有 U+FFFE"
        ]
    );
    for bad in [
        r"https://x.org/\u001b[2J",
        r"https://x.org/\u009b",
        r"https://x.org/\u007f",
        r"https://x.org/\u202e",
        r"https://x.org/\U0010FFFF",
        r"https://x.org/\uFDD0",
        "https://x.org/a b",
    ] {
        let found = check(bad);
        assert!(
            found.len() == 1 && found[0].contains("U+"),
            "{bad}: {found:?}"
        );
    }
    for bad in ["https://", "https:///a", "ftp://x.org", "https://:80/"] {
        let found = check(bad);
        assert!(
            found.len() == 1 && found[0].contains("应为以 http:// 或 https:// 开头的完整网址"),
            "{bad}: {found:?}"
        );
    }
    for bad in ["https://x.org/?a=1", "https://x.org/#top"] {
        let found = check(bad);
        assert!(
            found.len() == 1 && found[0].contains("不能有 `?` 或 `#`"),
            "{bad}: {found:?}"
        );
    }
    for ok in [
        "https://x.org",
        "http://x.org:8080/a/b/",
        "https://例子.中国/公开",
    ] {
        assert_eq!(check(ok), Vec::<String>::new(), "{ok}");
    }
}
