//! Stage 4b: Tera rendering of planned pages.
//!
//! In: a theme (the embedded default, overridden file by file by `themes/<name>/`) and, per
//! page, a template name and a `Serialize` context whose numbers are already formatted. Out:
//! the page text, and the theme's static assets to copy into the site.
//!
//! The Tera environment: autoescape for `.html`, `.htm`, `.xml` and `.svg` templates; only
//! Tera's pure built-ins plus the formatting filters of [`filters`] are registered, so a
//! template cannot read the environment, the clock or any file. Never writes files; a
//! [`Renderer`] is `Sync`, so pages may render in parallel.

pub(crate) mod edition;
mod filters;
mod markdown;
mod shell;
mod theme;

use std::path::Path;

use serde::Serialize;
use tera::{Context, ErrorKind, Tera};

use crate::error::{Error, Result};

#[allow(
    unused_imports,
    reason = "the formatting API for the page contexts of the site issue"
)]
pub(crate) use filters::{
    fmt_delta, fmt_delta_pct, fmt_money, fmt_money_exact, fmt_money_printed, fmt_pct,
    fmt_pct_printed, fmt_score,
};
pub use markdown::markdown_to_html;
pub use shell::{Crumb, NavItem, Shell, Site, root_for};
pub use theme::Theme;
pub(crate) use theme::{DEFAULT_THEME, is_valid_name as is_valid_theme_name};

/// Template suffixes whose output is escaped: markup, including SVG charts.
const AUTOESCAPE: [&str; 4] = [".html", ".htm", ".xml", ".svg"];

/// A loaded theme, ready to render pages.
#[derive(Debug)]
pub struct Renderer {
    tera: Tera,
    assets: Vec<(String, Vec<u8>)>,
    /// SHA-256 (hex) over every template and static file, for the build cache.
    fingerprint: String,
    /// The 决算公开 editions by name (issue 17).
    editions: std::collections::BTreeMap<String, edition::Edition>,
}

impl Renderer {
    /// Loads the theme `name` (`None`: the embedded default) for the site at `site_root`, the
    /// folder holding `content/` and `themes/`.
    pub fn new(name: Option<&str>, site_root: &Path) -> Result<Renderer> {
        Renderer::from_theme(Theme::load(name, site_root)?)
    }

    /// Compiles a resolved theme's templates.
    pub fn from_theme(theme: Theme) -> Result<Renderer> {
        let mut tera = Tera::default();
        tera.autoescape_on(AUTOESCAPE);
        filters::register(&mut tera);
        tera.add_raw_templates(&theme.templates)
            .map_err(|e| template_error(load_error_template(&e), &e))?;
        let fingerprint = fingerprint(&theme);
        let editions = edition::parse_all(&theme.editions)?;
        Ok(Renderer {
            tera,
            assets: theme.assets.into_iter().collect(),
            fingerprint,
            editions,
        })
    }

    /// Renders `template` with `context` (a struct or map; its fields become variables).
    pub fn render(&self, template: &str, context: &impl Serialize) -> Result<String> {
        let context = Context::from_serialize(context).map_err(|e| template_error(template, &e))?;
        self.tera
            .render(template, &context)
            .map_err(|e| template_error(template, &e))
    }

    /// Whether the theme has a template of that name.
    pub fn has_template(&self, template: &str) -> bool {
        self.tera.contains_template(template)
    }

    /// A SHA-256 (hex) over every template and static file: equal fingerprints render equally.
    pub(crate) fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The 决算公开 edition `name`, when the theme has one.
    pub fn edition(&self, name: &str) -> Option<&edition::Edition> {
        self.editions.get(name)
    }

    /// The names of the theme's editions, sorted.
    pub fn edition_names(&self) -> impl Iterator<Item = &str> {
        self.editions.keys().map(String::as_str)
    }

    /// The theme's static files as (output path such as `static/style.css`, bytes), sorted.
    pub fn static_assets(&self) -> &[(String, Vec<u8>)] {
        &self.assets
    }
}

/// SHA-256 over every (name, length, bytes) of a theme's templates, then its assets, then its
/// editions.
fn fingerprint(theme: &Theme) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let templates = theme.templates.iter().map(|(n, t)| (n, t.as_bytes()));
    let assets = theme.assets.iter().map(|(n, b)| (n, b.as_slice()));
    let editions = theme.editions.iter().map(|(n, t)| (n, t.as_bytes()));
    let empty = String::new();
    let sep = || [(&empty, &b""[..])];
    for (name, bytes) in templates
        .chain(sep())
        .chain(assets)
        .chain(sep())
        .chain(editions)
    {
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Which template a load failure concerns, when Tera says.
fn load_error_template(e: &tera::Error) -> &str {
    match e.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => report.filename(),
        ErrorKind::MissingParent { current, .. } => current,
        ErrorKind::CircularExtend { tpl, .. } | ErrorKind::CircularInclude { tpl, .. } => tpl,
        // Reference checks (unknown filter, function, block …) come as one message of
        // reports, each pointing ` --> name:line:col`; the first names the template.
        ErrorKind::Msg(message) => message
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("--> "))
            .and_then(|at| at.rsplitn(3, ':').nth(2))
            .unwrap_or("(theme)"),
        _ => "(theme)",
    }
}

/// A Tera error with its whole cause chain, naming the template.
fn template_error(template: &str, e: &tera::Error) -> Error {
    let mut message = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    Error::Template {
        template: template.to_owned(),
        message,
    }
}

// Pages render on rayon's threads, sharing one renderer.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Renderer>();
};

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn renderer(templates: &[(&str, &str)]) -> Result<Renderer> {
        let mut theme = Theme::embedded()?;
        for (name, src) in templates {
            theme
                .templates
                .insert((*name).to_owned(), (*src).to_owned());
        }
        Renderer::from_theme(theme)
    }

    fn ctx(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn html_and_svg_templates_escape_and_text_templates_do_not() {
        let r = renderer(&[
            ("t.html", "<p>{{ x }}</p>"),
            ("chart.svg", "<svg><title>{{ x }}</title></svg>"),
            ("t.xml", "<a>{{ x }}</a>"),
            ("t.txt", "{{ x }}"),
        ])
        .expect("theme loads");
        let c = ctx(&[("x", "<script>alert('x')</script>")]);
        let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
        assert_eq!(
            r.render("t.html", &c).expect("renders"),
            format!("<p>{escaped}</p>")
        );
        assert_eq!(
            r.render("chart.svg", &c).expect("renders"),
            format!("<svg><title>{escaped}</title></svg>")
        );
        assert_eq!(
            r.render("t.xml", &c).expect("renders"),
            format!("<a>{escaped}</a>")
        );
        assert_eq!(
            r.render("t.txt", &c).expect("renders"),
            "<script>alert('x')</script>"
        );
    }

    #[test]
    fn templates_cannot_call_environment_or_file_functions() {
        for f in [
            "get_env(name='HOME')",
            "now()",
            "load_data(path='/etc/passwd')",
            "read_file(path='x')",
        ] {
            let err = renderer(&[("evil.html", &format!("{{{{ {f} }}}}"))])
                .expect_err("unknown functions are refused when the theme loads");
            let text = err.to_string();
            assert!(text.starts_with("模板 `evil.html`："), "{text}");
        }
    }

    #[test]
    fn render_errors_name_the_template() {
        let r = renderer(&[("page.html", "{{ missing }}")]).expect("theme loads");
        let err = r
            .render("page.html", &ctx(&[]))
            .expect_err("undefined variable");
        assert!(err.to_string().starts_with("模板 `page.html`："), "{err}");
        let err = r
            .render("nope.html", &ctx(&[]))
            .expect_err("no such template");
        assert!(err.to_string().contains("nope.html"), "{err}");
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_template() {
        let err = renderer(&[("bad.html", "{% if %}")]).expect_err("syntax error");
        assert!(err.to_string().starts_with("模板 `bad.html`："), "{err}");
    }

    #[test]
    fn static_assets_are_the_themes_static_files() {
        let r = Renderer::new(None, Path::new("/nonexistent")).expect("embedded theme");
        let names: Vec<&str> = r.static_assets().iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "static/review.js",
                "static/search.js",
                "static/sort.js",
                "static/style.css"
            ]
        );
    }
}
