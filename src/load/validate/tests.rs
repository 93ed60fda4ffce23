//! Site settings, codes and base URLs, checked through the YAML parser and the locator.
use std::sync::Arc;

use super::*;

/// Each problem as `line:col field: message`.
fn problems<T: serde::de::DeserializeOwned, U>(
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
            "2:11 base_url: expected an absolute URL starting with http:// or https://, found `example.org`",
            "3:10 profile: expected `public` or `internal`, found `secret`",
            "4:8 theme: expected a theme folder name of 1 to 64 lowercase letters, digits and `-`, found `../x`",
            "5:9 locale: expected one of `zh-CN`, found `en`",
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
        (Some(u), Some(y)) => record(raw, &u, y, loc),
        _ => Err(Vec::new()),
    });
    assert_eq!(
        found,
        [
            "8:14 final_accounts.lines[2].code: expected a code of 3, 5 or 7 digits (类, 款 or 项), found `2010`",
            "10:14 final_accounts.classes[0].code: expected a code of 3, 5 or 7 digits (类, 款 or 项), found `2O1`",
        ]
    );
}
