//! Pages that differ only by the build date in their footer (issue 19).
//!
//! In: the bytes of one page on both sides. Out: whether the two are the same page once the
//! footer's date line is left out, and the date each side shows. The same content built on two
//! days gives every page another 生成日期 (`SOURCE_DATE_EPOCH`); that is not a change of the
//! publication and `diff` counts such pages apart instead of listing them.
//!
//! Only a line inside the page's last `<footer` … `</footer>` that holds a
//! `<time datetime="YYYY-MM-DD">` is left out, whatever the theme writes around it; a date
//! anywhere else, or any other difference, keeps the page listed as changed.

/// The page without its footer date line, and that date (`None`: the footer shows none).
fn without_footer_date(page: &str) -> (String, Option<&str>) {
    let Some(start) = page.rfind("<footer") else {
        return (page.to_owned(), None);
    };
    let end = page[start..]
        .find("</footer>")
        .map_or(page.len(), |i| start + i);
    let mut out = String::with_capacity(page.len());
    out.push_str(&page[..start]);
    let mut date = None;
    for line in page[start..end].split_inclusive('\n') {
        match footer_date(line) {
            Some(d) => date = date.or(Some(d)),
            None => out.push_str(line),
        }
    }
    out.push_str(&page[end..]);
    (out, date)
}

/// The `YYYY-MM-DD` of a `<time datetime="…">` in `line`, when it is a date.
fn footer_date(line: &str) -> Option<&str> {
    const OPEN: &str = "<time datetime=\"";
    let at = line.find(OPEN)? + OPEN.len();
    let date = line.get(at..at + 10)?;
    let b = date.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    (shape && line[at + 10..].starts_with('"')).then_some(date)
}

/// `Some((old date, new date))` when the two pages are the same but for the footer's date line
/// (a side without one gives `None` for its date); `None` when they differ otherwise, are not
/// UTF-8, or are identical.
pub(super) fn only_footer_date(old: &[u8], new: &[u8]) -> Option<(Option<String>, Option<String>)> {
    let (old, new) = (
        std::str::from_utf8(old).ok()?,
        std::str::from_utf8(new).ok()?,
    );
    if old == new {
        return None;
    }
    let ((a, da), (b, db)) = (without_footer_date(old), without_footer_date(new));
    (a == b && da != db).then(|| (da.map(str::to_owned), db.map(str::to_owned)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, date: Option<&str>) -> String {
        let line = date.map_or(String::new(), |d| {
            format!("    <p>生成日期：<time datetime=\"{d}\">{d}</time></p>\n")
        });
        format!(
            "<main>{body}</main>\n<footer class=\"site-footer\">\n  <div class=\"wrap\">\n    \
             <p>本站由 gongkai 生成。</p>\n{line}  </div>\n</footer>\n"
        )
    }

    #[test]
    fn issue19_a_page_built_on_another_day_differs_only_by_its_footer_date() {
        let (a, b) = (
            page("<p>11092.59</p>", Some("2024-06-30")),
            page("<p>11092.59</p>", Some("2025-01-01")),
        );
        assert_eq!(
            only_footer_date(a.as_bytes(), b.as_bytes()),
            Some((Some("2024-06-30".to_owned()), Some("2025-01-01".to_owned())))
        );
        let undated = page("<p>11092.59</p>", None);
        assert_eq!(
            only_footer_date(undated.as_bytes(), b.as_bytes()),
            Some((None, Some("2025-01-01".to_owned())))
        );
    }

    #[test]
    fn another_change_or_a_date_outside_the_footer_keeps_the_page_changed() {
        let a = page("<p>11092.59</p>", Some("2024-06-30"));
        let b = page("<p>11093.59</p>", Some("2025-01-01"));
        assert_eq!(only_footer_date(a.as_bytes(), b.as_bytes()), None);
        let (c, d) = (
            page("<time datetime=\"2024-06-30\">x</time>", Some("2024-06-30")),
            page("<time datetime=\"2025-01-01\">x</time>", Some("2025-01-01")),
        );
        assert_eq!(only_footer_date(c.as_bytes(), d.as_bytes()), None);
        assert_eq!(only_footer_date(a.as_bytes(), a.as_bytes()), None);
        assert_eq!(only_footer_date(b"\xff", b"\xfe"), None);
    }
}
