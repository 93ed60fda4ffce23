//! The shell every page shares: the variables `base.html` reads, computed in Rust.
//!
//! In: site-wide facts ([`Site`]) and a page's output path and title. Out: a [`Shell`] that a
//! page context embeds with `#[serde(flatten)]`, so `root`, `site_title`, `nav` … are top-level
//! template variables. Every link it holds is relative to the page (prefixed with `root`), so
//! the site works from `file://`, under any sub-path and from a copied folder; the one
//! exception is the 404 page (see [`Shell::not_found`]).
//!
//! Never: formats numbers, reads files, or produces a link starting with `/`.

use serde::Serialize;

use crate::model::id::Year;

/// Site-wide facts the shell shows on every page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    /// The site title (from `_site.yaml`).
    pub title: String,
    /// The date shown in the footer as 生成日期: the UTC date of `SOURCE_DATE_EPOCH`, as
    /// `YYYY-MM-DD`; `None` (the variable unset) hides it. Never the wall clock, so builds stay
    /// reproducible.
    pub data_date: Option<String>,
    /// Absolute public address of the site root (`https://example.gov.cn/gongkai`), if any.
    pub base_url: Option<String>,
    /// Years that have a `years/<year>/index.html` page, in the order the nav lists them.
    pub years: Vec<Year>,
}

/// The variables of `base.html`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shell {
    /// Prefix from this page to the site root: `""`, `"../"`, `"../../"` … (or the absolute
    /// `base_url/` on the 404 page). Templates write `{{ root }}static/style.css`.
    pub root: String,
    /// The site title.
    pub site_title: String,
    /// This page's title; the `<title>` is `page_title - site_title` (just the site title when
    /// empty).
    pub page_title: String,
    /// Footer data date, `None` to omit.
    pub data_date: Option<String>,
    /// Main navigation, links already relative to this page.
    pub nav: Vec<NavItem>,
    /// Breadcrumbs (`首页 › 单位 › 2023年`), empty for none.
    pub crumbs: Vec<Crumb>,
}

/// One entry of the main navigation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NavItem {
    /// Visible text (Chinese).
    pub label: String,
    /// Link relative to the page; `None` for a group heading such as 年度.
    pub href: Option<String>,
    /// True on the link to the page being shown (`aria-current="page"`).
    pub current: bool,
    /// Entries under a group heading (one level only).
    pub items: Vec<NavItem>,
}

/// One breadcrumb; the last one usually has no link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crumb {
    /// Visible text.
    pub label: String,
    /// Link relative to the page, `None` for the current page.
    pub href: Option<String>,
}

impl Shell {
    /// The shell of the page written at `output_path` (`units/a/2023/index.html`, relative to
    /// the output folder, `/`-separated).
    pub fn for_page(site: &Site, output_path: &str, page_title: &str) -> Shell {
        let root = root_for(output_path);
        Shell {
            nav: nav(site, &root, Some(output_path)),
            root,
            site_title: site.title.clone(),
            page_title: page_title.to_owned(),
            data_date: site.data_date.clone(),
            crumbs: Vec::new(),
        }
    }

    /// The shell of `404.html`. A server shows that page for any missing URL at any depth, so
    /// relative links cannot work there: with `base_url`, `root` is the absolute base and every
    /// link works; without it, `root` is empty and links resolve against the site root, which
    /// is right when the server answers from the top folder or the file is opened directly.
    pub fn not_found(site: &Site) -> Shell {
        let root = match &site.base_url {
            Some(base) => format!("{}/", base.trim_end_matches('/')),
            None => String::new(),
        };
        Shell {
            nav: nav(site, &root, None),
            root,
            site_title: site.title.clone(),
            page_title: "页面不存在".to_owned(),
            data_date: site.data_date.clone(),
            crumbs: Vec::new(),
        }
    }

    /// Adds a breadcrumb; `target` is relative to the site root (`units/a/index.html`), `None`
    /// for the current page.
    #[must_use]
    pub fn crumb(mut self, label: &str, target: Option<&str>) -> Shell {
        self.crumbs.push(Crumb {
            label: label.to_owned(),
            href: target.map(|t| format!("{}{t}", self.root)),
        });
        self
    }
}

/// `"../"` once per folder between `output_path` and the site root.
pub fn root_for(output_path: &str) -> String {
    "../".repeat(output_path.matches('/').count())
}

/// 首页 and 年度 (one link per year).
fn nav(site: &Site, root: &str, here: Option<&str>) -> Vec<NavItem> {
    let link = |label: String, target: String| NavItem {
        current: here == Some(target.as_str()),
        href: Some(format!("{root}{target}")),
        label,
        items: Vec::new(),
    };
    let mut items = vec![link("首页".to_owned(), "index.html".to_owned())];
    if !site.years.is_empty() {
        let years: Vec<NavItem> = site
            .years
            .iter()
            .map(|y| link(format!("{y}年"), format!("years/{y}/index.html")))
            .collect();
        items.push(NavItem {
            label: "年度".to_owned(),
            href: None,
            current: years.iter().any(|y| y.current),
            items: years,
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site {
            title: "部门决算公开".into(),
            data_date: Some("2024-06-30".into()),
            base_url: None,
            years: vec![
                Year::new(2022).expect("year"),
                Year::new(2023).expect("year"),
            ],
        }
    }

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(root_for("index.html"), "");
        assert_eq!(root_for("units/a/index.html"), "../../");
        assert_eq!(root_for("units/a/2023/index.html"), "../../../");
    }

    #[test]
    fn nav_links_are_relative_and_mark_the_current_page() {
        let shell = Shell::for_page(&site(), "years/2023/index.html", "2023年");
        assert_eq!(shell.nav[0].href.as_deref(), Some("../../index.html"));
        assert!(!shell.nav[0].current);
        let years = &shell.nav[1];
        assert!(years.current && years.href.is_none());
        assert_eq!(years.items[1].label, "2023年");
        assert_eq!(
            years.items[1].href.as_deref(),
            Some("../../years/2023/index.html")
        );
        assert!(years.items[1].current && !years.items[0].current);
    }

    #[test]
    fn the_404_shell_uses_base_url_when_set() {
        let mut s = site();
        assert_eq!(Shell::not_found(&s).root, "");
        s.base_url = Some("https://czj.example.gov.cn/gongkai/".into());
        let shell = Shell::not_found(&s);
        assert_eq!(shell.root, "https://czj.example.gov.cn/gongkai/");
        assert_eq!(
            shell.nav[0].href.as_deref(),
            Some("https://czj.example.gov.cn/gongkai/index.html")
        );
    }

    #[test]
    fn crumbs_are_prefixed_with_root() {
        let shell = Shell::for_page(&site(), "units/a/2023/index.html", "2023年")
            .crumb("首页", Some("index.html"))
            .crumb("2023年", None);
        assert_eq!(shell.crumbs[0].href.as_deref(), Some("../../../index.html"));
        assert_eq!(shell.crumbs[1].href, None);
    }
}
