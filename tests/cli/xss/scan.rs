//! Where the markers landed, and whether any payload broke out of its context: HTML and SVG
//! markup (a tiny tokenizer), XML well-formedness (roxmltree), the search index's JavaScript
//! (a string-literal lexer), CSV cells (formula guard, quoting) and JSON (it parses).

use std::collections::BTreeSet;

/// What a scan found: the markers seen and the problems, each naming its file.
#[derive(Default)]
pub(super) struct Findings {
    /// Markers seen in any file.
    pub(super) landed: BTreeSet<usize>,
    /// Markers seen in the HTML pages.
    pub(super) in_pages: BTreeSet<usize>,
    pub(super) problems: Vec<String>,
}

/// Every marker (`gk` and four digits) in `text`: (byte offset, field number).
pub(super) fn markers(text: &str) -> Vec<(usize, usize)> {
    text.match_indices("gk")
        .filter_map(|(at, _)| {
            let digits = text.get(at + 2..at + 6)?;
            let n = digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse().ok())??;
            Some((at, n))
        })
        .collect()
}

/// Scans one output file by its kind, counting the markers in it.
pub(super) fn scan(path: &str, bytes: &[u8], out: &mut Findings) {
    let text = String::from_utf8_lossy(bytes);
    let ext = path.rsplit('.').next().unwrap_or("");
    let seen = markers(&text).into_iter().map(|(_, n)| n);
    if ext == "html" {
        out.in_pages.extend(seen.clone());
    }
    out.landed.extend(seen);
    let mut problem = |what: String| out.problems.push(format!("{path}: {what}"));
    match ext {
        "html" => markup(&text, &mut problem),
        "svg" | "xml" => {
            if let Err(e) = roxmltree::Document::parse(&text) {
                problem(format!("not well-formed XML: {e}"));
            }
            markup(&text, &mut problem);
        }
        // The theme's own scripts hold no data; the search index's are generated from it.
        "js" => script(&text, path.starts_with("search/"), &mut problem),
        "csv" => csv(&text, &mut problem),
        "json" => {
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(bytes) {
                problem(format!("not valid JSON: {e}"));
            }
        }
        _ => {}
    }
    if ext == "html" {
        // Tera never evaluates data: `{{ 7*7 }}` stays as text.
        if text.contains("49gk") {
            problem("a `{{ 7*7 }}` payload was evaluated".into());
        }
        // Inline SVG charts must be well-formed XML on their own.
        for svg in text.split("<svg").skip(1) {
            let Some(end) = svg.find("</svg>") else {
                problem("an unclosed inline <svg>".into());
                continue;
            };
            let doc = format!("<svg{}</svg>", &svg[..end]);
            if let Err(e) = roxmltree::Document::parse(&doc) {
                problem(format!("an inline <svg> is not well-formed XML: {e}"));
            }
        }
    }
}

/// HTML or SVG markup: every `<` opens a well-formed tag, comment or doctype; no marker sits
/// in a tag outside a quoted attribute value, in a comment or in a script or style element;
/// no attribute is an event handler and no URL attribute runs script.
fn markup(text: &str, problem: &mut impl FnMut(String)) {
    let mut i = 0;
    while let Some(lt) = text[i..].find('<') {
        let start = i + lt;
        let rest = &text[start + 1..];
        let near = || snippet(text, start);
        if let Some(body) = rest.strip_prefix("!--") {
            let Some(end) = body.find("-->") else {
                problem(format!("an unclosed comment at {}", near()));
                return;
            };
            if !markers(&body[..end]).is_empty() {
                problem(format!("a marker inside a comment: {}", near()));
            }
            i = start + 4 + end + 3;
            continue;
        }
        if rest.starts_with("!DOCTYPE") || rest.starts_with("!doctype") || rest.starts_with('?') {
            i = start + 1 + rest.find('>').unwrap_or(rest.len());
            continue;
        }
        let (closing, body) = match rest.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(body.len());
        if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            problem(format!("a bare `<` (unescaped text): {}", near()));
            i = start + 1;
            continue;
        }
        let name = body[..name_len].to_ascii_lowercase();
        let Some(tag_len) = attributes(&name, &body[name_len..], problem, &near) else {
            problem(format!("an unclosed <{name}> tag: {}", near()));
            return;
        };
        let after = start + 1 + usize::from(closing) + name_len + tag_len;
        if !markers(&text[start..after])
            .iter()
            .all(|(at, _)| in_quoted_value(&text[start..start + at]))
        {
            problem(format!(
                "a marker inside a tag, outside a quoted value: {}",
                near()
            ));
        }
        i = after;
        if !closing && matches!(name.as_str(), "script" | "style" | "title" | "textarea") {
            let close = format!("</{name}");
            let Some(end) = text[i..].to_ascii_lowercase().find(&close) else {
                problem(format!("<{name}> is never closed: {}", near()));
                return;
            };
            let content = &text[i..i + end];
            // Data may stand in a <style> only as a CSS string every other character of which
            // is a hex escape (the print header's `content: "…"`, `css_string`).
            let unsafe_data = match name.as_str() {
                "style" => markers(content)
                    .iter()
                    .any(|(at, _)| !in_escaped_css_string(content, *at)),
                "script" => !markers(content).is_empty(),
                _ => content.contains('<'),
            };
            if unsafe_data {
                problem(format!("data inside <{name}>: {}", snippet(text, i)));
            }
            i += end;
        }
    }
}

/// Whether byte `at` of a style sheet lies inside a double-quoted CSS string holding only
/// letters, digits, spaces and hex escapes (`\3c `): text that cannot end the string, the rule
/// or the element.
fn in_escaped_css_string(css: &str, at: usize) -> bool {
    let Some(open) = css[..at].rfind('"') else {
        return false;
    };
    let Some(len) = css[at..].find('"') else {
        return false;
    };
    let inside = &css[open + 1..at + len];
    // An odd count of quotes before the string's opening one would put `at` outside it.
    if css[..open].matches('"').count() % 2 == 1 {
        return false;
    }
    let mut chars = inside.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let mut hex = 0;
            while chars.peek().is_some_and(char::is_ascii_hexdigit) {
                chars.next();
                hex += 1;
            }
            if hex == 0 || chars.next() != Some(' ') {
                return false;
            }
        } else if !(c.is_alphanumeric() || c == ' ') {
            return false;
        }
    }
    true
}

/// Reads a tag's attributes from just after its name to its `>`; returns the length read.
fn attributes(
    tag: &str,
    s: &str,
    problem: &mut impl FnMut(String),
    near: &impl Fn() -> String,
) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return Some(i + 1);
        }
        let name_start = i;
        while i < b.len() && !(b[i].is_ascii_whitespace() || b"=>/".contains(&b[i])) {
            i += 1;
        }
        let name = s[name_start..i].to_ascii_lowercase();
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            if let Some(&q @ (b'"' | b'\'')) = b.get(i) {
                let len = s[i + 1..].find(char::from(q))?;
                value = &s[i + 1..i + 1 + len];
                i += len + 2;
            } else {
                let len = s[i..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(s.len() - i);
                value = &s[i..i + len];
                i += len;
            }
        }
        if name.starts_with("on") {
            problem(format!("an event handler `{name}` on <{tag}>: {}", near()));
        }
        let url = [
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "data",
            "srcdoc",
        ];
        let squeezed: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        let runs = ["javascript:", "vbscript:", "data:text/html"]
            .iter()
            .any(|scheme| squeezed.starts_with(scheme));
        if url.contains(&name.as_str()) && runs {
            problem(format!("a script URL in `{name}` on <{tag}>: {}", near()));
        }
    }
}

/// Whether `tag_prefix` (a tag from its `<` up to a marker) ends inside a quoted value.
fn in_quoted_value(tag_prefix: &str) -> bool {
    let mut quote = None;
    let mut after_eq = false;
    for c in tag_prefix.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if after_eq => quote = Some(c),
            (None, '=') => after_eq = true,
            (None, c) if !c.is_whitespace() => after_eq = false,
            _ => {}
        }
    }
    quote.is_some()
}

/// JavaScript: no `</script`, no raw U+2028/U+2029, and (in generated `data` scripts) every
/// marker inside a string literal.
fn script(text: &str, data: bool, problem: &mut impl FnMut(String)) {
    if text.to_ascii_lowercase().contains("</script") {
        problem("`</script` in a script".into());
    }
    if text.contains(['\u{2028}', '\u{2029}']) {
        problem("a raw U+2028 or U+2029 in a script".into());
    }
    if !data {
        return;
    }
    // A lexer of string literals only: enough for the generated data scripts, which hold no
    // comments or regular expressions.
    let mut in_string: Option<char> = None;
    let mut strings = vec![false; text.len()];
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match in_string {
            Some(q) => {
                strings[at] = true;
                if c == '\\' {
                    chars.next();
                } else if c == q {
                    in_string = None;
                } else if c == '\n' || c == '\r' {
                    problem(format!(
                        "a line break inside a string: {}",
                        snippet(text, at)
                    ));
                }
            }
            None if matches!(c, '"' | '\'' | '`') => in_string = Some(c),
            None => {}
        }
    }
    for (at, _) in markers(text) {
        if !strings[at] {
            problem(format!("a marker outside a string: {}", snippet(text, at)));
        }
    }
}

/// CSV as `pages::csv` writes it: every field quoted with quotes doubled; a cell holding a
/// marker never starts with a formula character.
fn csv(text: &str, problem: &mut impl FnMut(String)) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = body;
    while !rest.is_empty() {
        let Some(field) = rest.strip_prefix('"') else {
            problem(format!("an unquoted field: {}", snippet(rest, 0)));
            return;
        };
        let mut cell = String::new();
        let mut i = 0;
        let bytes = field.as_bytes();
        loop {
            let Some(q) = field[i..].find('"') else {
                problem("an unclosed quoted field".into());
                return;
            };
            cell.push_str(&field[i..i + q]);
            i += q + 1;
            if bytes.get(i) == Some(&b'"') {
                cell.push('"');
                i += 1;
            } else {
                break;
            }
        }
        let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if risky && !markers(&cell).is_empty() {
            problem(format!(
                "a formula cell without its `'` guard: {}",
                snippet(&cell, 0)
            ));
        }
        rest = &field[i..];
        rest = rest
            .strip_prefix(',')
            .or_else(|| rest.strip_prefix("\r\n"))
            .unwrap_or_else(|| {
                if !rest.is_empty() {
                    problem(format!("text after a quoted field: {}", snippet(rest, 0)));
                }
                ""
            });
    }
}

/// Up to 80 characters of `text` from `at`, on one line.
fn snippet(text: &str, at: usize) -> String {
    text[at..]
        .chars()
        .take(80)
        .collect::<String>()
        .replace('\n', "⏎")
}
