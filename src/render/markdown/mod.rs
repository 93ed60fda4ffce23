//! Narrative Markdown (情况说明, 自评报告 text) → safe HTML.
//!
//! In: the Markdown of a narrative file. Out: an HTML fragment safe to insert with `| safe`.
//! CommonMark plus tables only (pulldown-cmark); then ammonia sanitizes the result as the
//! last step, so whatever the parser lets through is still checked against an allowlist.
//!
//! Choices:
//! - Raw HTML (blocks and inline tags) is shown as text, never interpreted; an HTML block
//!   becomes a paragraph of that text. HTML comments are authors' notes and are dropped.
//! - Links keep `http`, `https`, `mailto` and relative URLs; any other scheme (`javascript:`,
//!   `data:`, `vbscript:` in any case or spelling) loses its `href`.
//! - Images are dropped and their alt text kept: a narrative may not make a page fetch
//!   anything, and gongkai does not copy narrative images into the site, so a relative image
//!   would be a broken link anyway.
//! - Headings get stable ids from their text (`prefix` + slug, `-2`, `-3` … for repeats) and
//!   are shifted so `#` renders at the level the page asks for.
//! - Elements nested deeper than 32 levels lose their tags (not their text), which keeps a
//!   hostile `>>>>…` from making the sanitizer's parser run for minutes.
//!
//! Never: fetches, reads files, or lets an event handler or style (other than table
//! `text-align`) through.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Renders narrative Markdown to sanitized HTML.
///
/// `id_prefix` goes before every heading id (use a distinct one per narrative on a page);
/// `top_level` (1–6) is the level `#` renders at, deeper headings follow and stop at 6.
pub fn markdown_to_html(text: &str, id_prefix: &str, top_level: u8) -> String {
    let events = rewrite(
        Parser::new_ext(text, Options::ENABLE_TABLES),
        id_prefix,
        top_level,
    );
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, cap_depth(events).into_iter());
    wrap_tables(&SANITIZER.clean(&html).to_string())
}

/// Puts each table of sanitized HTML in the theme's scroll box (`<div class="table-wrap">`,
/// focusable so a keyboard can scroll it), so a wide table scrolls on a phone instead of
/// widening the page. Every `<table>` / `</table>` left after sanitizing is a real tag (text
/// holding them is escaped), and the sanitizer strips attributes from tables.
fn wrap_tables(html: &str) -> String {
    html.replace(
        "<table>",
        "<div class=\"table-wrap\" tabindex=\"0\"><table>",
    )
    .replace("</table>", "</table></div>")
}

/// Turns raw HTML into text, images into their alt text, and gives headings ids and levels.
fn rewrite<'a>(
    parser: impl Iterator<Item = Event<'a>>,
    id_prefix: &str,
    top_level: u8,
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut ids = Ids::new(id_prefix);
    // Events of the heading being collected: its text decides its id.
    let mut heading: Option<(HeadingLevel, Vec<Event<'a>>)> = None;
    // Lines of the raw HTML block being collected.
    let mut html_block: Option<String> = None;
    for event in parser {
        let event = match event {
            Event::Start(Tag::HtmlBlock) => {
                html_block = Some(String::new());
                continue;
            }
            Event::Html(s) => {
                if let Some(block) = &mut html_block {
                    block.push_str(&s);
                }
                continue;
            }
            Event::End(TagEnd::HtmlBlock) => {
                let block = html_block.take().unwrap_or_default();
                if !is_comment(&block) {
                    out.push(Event::Start(Tag::Paragraph));
                    out.push(Event::Text(CowStr::from(block.trim_end().to_owned())));
                    out.push(Event::End(TagEnd::Paragraph));
                }
                continue;
            }
            Event::InlineHtml(s) if is_comment(&s) => continue,
            Event::InlineHtml(s) => Event::Text(s),
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => continue,
            other => other,
        };
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, Vec::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, inner)) = heading.take() {
                    let level = shift(level, top_level);
                    let id = ids.next(&plain_text(&inner));
                    out.push(Event::Start(Tag::Heading {
                        level,
                        id: Some(CowStr::from(id)),
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    }));
                    out.extend(inner);
                    out.push(Event::End(TagEnd::Heading(level)));
                }
            }
            other => match &mut heading {
                Some((_, inner)) => inner.push(other),
                None => out.push(other),
            },
        }
    }
    out
}

/// A whole HTML comment (`<!-- 待核实 -->`): an author's note, dropped rather than published.
fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// Deepest element nesting kept. The sanitizer's HTML parser takes time quadratic in depth
/// (20,000 nested `>` took 7 s), and no narrative needs more than a handful of levels.
const MAX_DEPTH: usize = 32;

/// Drops the tags (not the text) of elements nested deeper than [`MAX_DEPTH`].
fn cap_depth(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    // For each open element: whether its start tag was kept.
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0;
    events
        .into_iter()
        .filter(|e| match e {
            Event::Start(_) => {
                let keep = depth < MAX_DEPTH;
                depth += usize::from(keep);
                open.push(keep);
                keep
            }
            Event::End(_) => {
                let keep = open.pop().unwrap_or(false);
                depth -= usize::from(keep);
                keep
            }
            _ => true,
        })
        .collect()
}

/// The text of a run of inline events.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s
}

/// `level` moved down so that level 1 becomes `top_level`; never past 6.
fn shift(level: HeadingLevel, top_level: u8) -> HeadingLevel {
    let n = (level as usize) + usize::from(top_level.clamp(1, 6)) - 1;
    match n {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Heading ids of one document: slug of the text, made unique by `-2`, `-3` ….
struct Ids {
    prefix: String,
    seen: HashSet<String>,
    /// Next suffix to try per base, so many equal headings stay linear.
    next_suffix: HashMap<String, usize>,
}

impl Ids {
    fn new(prefix: &str) -> Ids {
        Ids {
            prefix: slug(prefix, ""),
            seen: HashSet::new(),
            next_suffix: HashMap::new(),
        }
    }

    fn next(&mut self, text: &str) -> String {
        let base = format!("{}{}", self.prefix, slug(text, "section"));
        if self.seen.insert(base.clone()) {
            return base;
        }
        let n = self.next_suffix.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.seen.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// Letters and digits (CJK included) kept, ASCII lowercased, whitespace, `-` and `_` joined
/// into single `-`, everything else dropped; `empty` when nothing is left.
fn slug(text: &str, empty: &str) -> String {
    let mut s = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !s.is_empty() {
                s.push('-');
            }
            dash = false;
            s.push(c.to_ascii_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' {
            dash = true;
        }
    }
    // A prefix keeps its trailing separator (`narrative-`).
    if dash && !s.is_empty() && empty.is_empty() {
        s.push('-');
    }
    if s.is_empty() { empty.to_owned() } else { s }
}

/// The allowlist: what pulldown-cmark emits for CommonMark and tables, nothing more.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "a",
        "blockquote",
        "br",
        "code",
        "em",
        "h1",
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
    ]
    .into_iter()
    .collect();
    let mut attrs: HashMap<&str, HashSet<&str>> = HashMap::new();
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        attrs.insert(h, HashSet::from(["id"]));
    }
    attrs.insert("a", HashSet::from(["href", "title"]));
    attrs.insert("ol", HashSet::from(["start"]));
    attrs.insert("th", HashSet::from(["style"]));
    attrs.insert("td", HashSet::from(["style"]));
    let mut b = ammonia::Builder::empty();
    b.tags(tags)
        .tag_attributes(attrs)
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .filter_style_properties(HashSet::from(["text-align"]))
        .strip_comments(true);
    b
});

#[cfg(test)]
mod tests;
