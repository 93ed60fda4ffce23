//! Raw file types → validated model: the checks a person would make before trusting a file.
//!
//! In: a `Raw*` value exactly as the file says and the file's [`Locator`]. Out: the model type
//! (`Site`, `Unit`, `Record` …) with defaults filled in and enums resolved, or every problem
//! found, each a [`Diagnostic`] located by field path and worded "expected …, found …".
//! Never corrects a reported figure: sums, rates and scores are checked later, by `check`.

mod funds;
mod scorecard;
mod tables;
#[cfg(test)]
mod tests;
mod unit;

use crate::error::{Diagnostic, Locator};
use crate::lang::pick;
use crate::load::locate::shorten;
use crate::load::raw::{
    RawFinalAccounts, RawFunctionLine, RawRecord, RawSite, RawTargets, RawThresholds,
};
use crate::load::text::clean;
use crate::model::{
    AmountUnit, FinalAccounts, FunctionLine, Fund, Profile, Record, Site, Targets, Template,
    Thresholds, UnitId, Year,
};

/// The edition of a site that names none.
pub(crate) const DEFAULT_EDITION: &str = "national";

/// Collects the diagnostics of one file.
pub(crate) struct Ctx<'a> {
    locator: &'a Locator,
    diags: Vec<Diagnostic>,
    /// The field paths written `待填` (`super::pending`).
    pending: &'a [String],
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(locator: &'a Locator) -> Ctx<'a> {
        Ctx {
            locator,
            diags: Vec::new(),
            pending: &[],
        }
    }

    /// Whether `field` is written `待填`: a figure the loader takes as not stated yet.
    pub(crate) fn is_pending(&self, field: &str) -> bool {
        self.pending.iter().any(|p| p == field)
    }

    /// Records a problem with `field`, located where the field (or its nearest indexed parent)
    /// stands.
    pub(crate) fn error(&mut self, field: &str, message: String) {
        let location = self.locator.locate(field);
        self.diags.push(Diagnostic {
            snippet: self.locator.snippet(location.line, location.col),
            location,
            field: Some(field.to_owned()),
            message: clean(&message),
        });
    }

    /// Reads one of a fixed set of words; records an error and returns `None` otherwise.
    pub(crate) fn one_of<T: Copy>(
        &mut self,
        field: &str,
        value: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        if let Some((_, v)) = choices.iter().find(|(word, _)| *word == value) {
            return Some(*v);
        }
        let words: Vec<String> = choices.iter().map(|(w, _)| format!("`{w}`")).collect();
        let expected = match words.as_slice() {
            [a] => a.clone(),
            [a, b] => pick(format!("{a} 或 {b}"), format!("{a} or {b}")),
            _ => pick(
                format!("{} 之一", words.join("、")),
                format!("one of {}", words.join(", ")),
            ),
        };
        self.error(
            field,
            crate::lang::expected(expected, format!("`{}`", shorten(value))),
        );
        None
    }

    /// The value when no problem was recorded.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Vec<Diagnostic>> {
        if self.diags.is_empty() {
            Ok(value)
        } else {
            Err(self.diags)
        }
    }
}

/// `_site.yaml` → [`Site`].
pub(crate) fn site(raw: RawSite, locator: &Locator) -> Result<Site, Vec<Diagnostic>> {
    let mut cx = Ctx::new(locator);
    if raw.title.trim().is_empty() {
        cx.error(
            "title",
            pick(
                "应填写网站标题，实际为空",
                "expected the site's title, found an empty value",
            ),
        );
    }
    let base_url = raw.base_url.and_then(|url| match base_url(&url) {
        Ok(url) => Some(url),
        Err(message) => {
            cx.error("base_url", message);
            None
        }
    });
    let profile = match raw.profile.as_deref() {
        None => Profile::Public,
        Some(p) => cx
            .one_of(
                "profile",
                p,
                &[("public", Profile::Public), ("internal", Profile::Internal)],
            )
            .unwrap_or(Profile::Public),
    };
    let theme = raw.theme.unwrap_or_else(|| "default".to_owned());
    if !crate::render::is_valid_theme_name(&theme) {
        cx.error(
            "theme",
            pick(
                format!(
                    "主题文件夹名应由 1 到 64 个小写字母、数字和 `-` 组成，实际为 `{}`",
                    shorten(&theme)
                ),
                format!(
                    "expected a theme folder name of 1 to 64 lowercase letters, digits and `-`, found `{}`",
                    shorten(&theme)
                ),
            ),
        );
    }
    if let Some(locale) = raw.locale.as_deref() {
        cx.one_of("locale", locale, &[("zh-CN", ())]);
    }
    let thresholds = thresholds(raw.thresholds);
    let edition = raw.edition.unwrap_or_else(|| DEFAULT_EDITION.to_owned());
    tables::edition_name(&mut cx, "edition", &edition);
    cx.finish(Site {
        edition,
        title: raw.title,
        subtitle: raw.subtitle,
        base_url,
        profile,
        theme,
        thresholds,
    })
}

/// Checks `base_url`: an absolute `http://` or `https://` URL with a host, without a query or
/// fragment (page paths are appended to it), and without a character a URL cannot hold or
/// XML 1.0 forbids, so `sitemap.xml` stays well-formed (issue 15: U+0001 and U+FFFE used to
/// reach it). Returns it without trailing `/`, or the message.
fn base_url(url: &str) -> Result<String, String> {
    let shown = || shorten(url);
    if let Some((i, c)) = url.chars().enumerate().find(|(_, c)| !url_char(*c)) {
        let (u, n) = (u32::from(c), i + 1);
        return Err(pick(
            format!(
                "网址中不能有空格、控制字符或非字符，实际在 `{}` 的第 {n} 个字符处有 U+{u:04X}",
                shown()
            ),
            format!(
                "expected a URL without spaces, control characters or non-characters, found U+{u:04X} at character {n} of `{}`",
                shown()
            ),
        ));
    }
    let trimmed = url.trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    let host = rest.map(|r| r.split('/').next().unwrap_or_default());
    match host {
        Some(h) if !h.is_empty() && !h.starts_with(':') && !h.contains('@') => {}
        _ => {
            return Err(pick(
                format!(
                    "应为以 http:// 或 https:// 开头的完整网址，实际为 `{}`",
                    shown()
                ),
                format!(
                    "expected an absolute URL starting with http:// or https://, found `{}`",
                    shown()
                ),
            ));
        }
    }
    if url.contains(['?', '#']) {
        return Err(pick(
            format!(
                "网址中不能有 `?` 或 `#`（页面路径接在它后面），实际为 `{}`",
                shown()
            ),
            format!(
                "expected a URL without `?` or `#` (page paths are added after it), found `{}`",
                shown()
            ),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Whether a URL may hold `c` as written: not whitespace, a control character (C0, DEL, C1),
/// a bidirectional control (which reorders what a reader sees), or a non-character
/// (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their copies in every plane).
pub(crate) fn url_char(c: char) -> bool {
    let u = u32::from(c);
    !(c.is_whitespace()
        || c.is_control()
        || matches!(u, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE)
}

fn thresholds(raw: Option<RawThresholds>) -> Thresholds {
    let d = Thresholds::default();
    match raw {
        None => d,
        Some(t) => Thresholds {
            change: t.change.map_or(d.change, |p| p.percent()),
            completion: t.completion.map_or(d.completion, |p| p.percent()),
            execution_low: t.execution_low.map_or(d.execution_low, |p| p.percent()),
            score_gap: t.score_gap.unwrap_or(d.score_gap),
        },
    }
}

pub(crate) use unit::unit;

/// `<year>.yaml` → [`Record`] (without narratives). `year` is the year in the file name.
pub(crate) fn record(
    raw: RawRecord,
    unit: &UnitId,
    year: Year,
    locator: crate::error::Locator,
    pending: &[String],
) -> Result<Record, Vec<Diagnostic>> {
    let mut cx = Ctx::new(&locator);
    cx.pending = pending;
    match Year::new(raw.year.get()) {
        Err(e) => cx.error(
            "year",
            pick(
                format!("应为{}", crate::lang::spaced(&e)),
                format!("expected {e}"),
            ),
        ),
        Ok(y) if y != year => cx.error(
            "year",
            pick(
                format!("应为 {year}（与文件名中的年度一致），实际为 {y}"),
                format!("expected {year} (the year in the file name), found {y}"),
            ),
        ),
        Ok(_) => {}
    }
    let amount_unit = cx.one_of(
        "amount_unit",
        &raw.amount_unit,
        &[("万元", AmountUnit::WanYuan), ("元", AmountUnit::Yuan)],
    );
    let template = cx.one_of(
        "template",
        &raw.template,
        &[
            ("hubei", Template::Hubei),
            ("national", Template::National),
            ("sichuan", Template::Sichuan),
        ],
    );
    let self_evaluation = raw
        .self_evaluation
        .map(|s| scorecard::scorecard(&mut cx, "self_evaluation".to_owned(), s, false));
    let projects = raw
        .projects
        .into_iter()
        .enumerate()
        .map(|(i, s)| scorecard::scorecard(&mut cx, format!("projects[{i}]"), s, true))
        .collect();
    if let Some(s) = &raw.source {
        unit::source(&mut cx, s);
    }
    if let Some(e) = &raw.edition {
        tables::edition_name(&mut cx, "edition", e);
    }
    let final_accounts = raw.final_accounts.map(|f| final_accounts(&mut cx, f));
    let targets = raw.targets.map(|t| targets(&mut cx, t));
    let diags = std::mem::take(&mut cx.diags);
    let (Some(amount_unit), Some(template), true) = (amount_unit, template, diags.is_empty())
    else {
        return Err(diags);
    };
    Ok(Record {
        unit: unit.clone(),
        year,
        path: locator.path().to_owned(),
        amount_unit,
        template,
        edition: raw.edition,
        source: raw.source,
        contact: raw.contact,
        self_evaluation,
        projects,
        final_accounts,
        targets,
        report: raw.report,
        narratives: Vec::new(),
        printed: std::collections::BTreeMap::new(),
        pending: Vec::new(),
        locator,
    })
}

/// Checks a 科目/经济分类 code: 3, 5 or 7 ASCII digits.
fn check_code(cx: &mut Ctx<'_>, field: &str, code: Option<&str>) {
    if let Some(code) = code {
        let ok = matches!(code.len(), 3 | 5 | 7) && code.bytes().all(|b| b.is_ascii_digit());
        if !ok {
            cx.error(
                field,
                pick(
                    format!("应为 3、5 或 7 位数字的科目编码（类、款或项），实际为 `{code}`"),
                    format!("expected a code of 3, 5 or 7 digits (类, 款 or 项), found `{code}`"),
                ),
            );
        }
    }
}

fn final_accounts(cx: &mut Ctx<'_>, raw: RawFinalAccounts) -> FinalAccounts {
    if let Some(i) = &raw.incomplete {
        if i.at.trim().is_empty() {
            cx.error(
                "final_accounts.incomplete.at",
                pick(
                    "应写明原文在哪里中断，如 原文在“其他收入”处中断，实际为空",
                    "expected where the visible part stops, such as 原文在“其他收入”处中断, found an empty value",
                ),
            );
        }
        if let Some(b) = &i.block
            && !ACCOUNTS_BLOCKS.contains(&b.as_str())
        {
            // Eighteen blocks would not fit a message: the closest few, and where the list is.
            cx.error(
                "final_accounts.incomplete.block",
                pick(
                    format!(
                        "应为 final_accounts（部门决算）下某一部分的字段名，如 `income`、`lines` 或 `income_table`（完整列表见 docs/format.zh.md §2.11），实际为 `{}`",
                        shorten(b)
                    ),
                    format!(
                        "expected the key of a block under final_accounts, such as `income`, `lines` or `income_table` (the list: docs/format.md §2.11), found `{}`",
                        shorten(b)
                    ),
                ),
            );
        }
    }
    let lines = raw
        .lines
        .into_iter()
        .enumerate()
        .filter_map(|(i, l)| function_line(cx, &format!("final_accounts.lines[{i}]"), l))
        .collect();
    for (i, c) in raw.classes.iter().enumerate() {
        check_code(
            cx,
            &format!("final_accounts.classes[{i}].code"),
            c.code.as_deref(),
        );
    }
    if let Some(basic) = &raw.basic {
        for (i, item) in basic.items.iter().enumerate() {
            let p = format!("final_accounts.basic.items[{i}]");
            check_code(cx, &format!("{p}.code"), item.code.as_deref());
            cx.one_of(
                &format!("{p}.kind"),
                &item.kind,
                &[("personnel", ()), ("public", ())],
            );
        }
    }
    let line_tables = tables::line_tables(
        cx,
        [
            raw.income_table,
            raw.expenditure_table,
            raw.general_budget_table,
            raw.gov_fund_table,
            raw.state_capital_table,
        ],
    );
    if let Some(e) = &raw.expenditure {
        tables::class_names(cx, "final_accounts.expenditure.by_class", e.by_class.keys());
    }
    if let Some(f) = &raw.fiscal {
        tables::class_names(cx, "final_accounts.fiscal.by_class", f.by_class.keys());
    }
    FinalAccounts {
        title: raw.title,
        income: raw.income,
        expenditure: raw.expenditure,
        fiscal: raw.fiscal,
        lines,
        classes: raw.classes,
        general_budget: raw.general_budget,
        basic: raw.basic,
        three_public: raw.three_public,
        operating_costs: raw
            .operating_costs
            .filter(|o| required(cx, "final_accounts.operating_costs.actual", o.actual).is_some()),
        procurement: raw.procurement,
        assets: raw.assets.map(|mut a| {
            let kinds = std::mem::take(&mut a.vehicle_kinds);
            a.vehicle_kinds = kinds
                .into_iter()
                .enumerate()
                .filter(|(i, k)| {
                    let field = format!("final_accounts.assets.vehicle_kinds[{i}].count");
                    required(cx, &field, k.count).is_some()
                })
                .map(|(_, k)| k)
                .collect();
            a
        }),
        performance: raw.performance,
        prior_year: raw.prior_year,
        narrative: raw.narrative,
        incomplete: raw.incomplete,
        line_tables,
        pending_blocks: std::collections::BTreeSet::new(),
    }
}

/// The blocks of `final_accounts` a cut may fall in (`incomplete.block`).
pub(crate) const ACCOUNTS_BLOCKS: [&str; 18] = [
    "income",
    "expenditure",
    "fiscal",
    "lines",
    "classes",
    "general_budget",
    "basic",
    "three_public",
    "operating_costs",
    "procurement",
    "assets",
    "performance",
    "narrative",
    "income_table",
    "expenditure_table",
    "general_budget_table",
    "gov_fund_table",
    "state_capital_table",
];

/// A 功能分类 line; `None` for one whose 决算 is still `待填` (its block is then not summed).
fn function_line(cx: &mut Ctx<'_>, p: &str, raw: RawFunctionLine) -> Option<FunctionLine> {
    check_code(cx, &format!("{p}.code"), raw.code.as_deref());
    let actual = required(cx, &format!("{p}.actual"), raw.actual)?;
    let fund = match raw.fund.as_deref() {
        None => Fund::GeneralBudget,
        Some(f) => cx
            .one_of(
                &format!("{p}.fund"),
                f,
                &[
                    ("general_budget", Fund::GeneralBudget),
                    ("gov_fund", Fund::GovFund),
                    ("state_capital", Fund::StateCapital),
                ],
            )
            .unwrap_or(Fund::GeneralBudget),
    };
    Some(FunctionLine {
        code: raw.code,
        class: raw.class,
        section: raw.section,
        item: raw.item,
        fund,
        budget: raw.budget,
        actual,
        basic: raw.basic,
        project: raw.project,
        stated_completion: raw.stated_completion,
        full_year_budget: raw.full_year_budget,
        stated_full_year_completion: raw.stated_full_year_completion,
        purpose: raw.purpose,
        reason: raw.reason,
    })
}

/// A field the format requires: its value; `None` with an error when it is missing, or
/// without one when it is written `待填` (a draft's figure still to fill).
fn required<T>(cx: &mut Ctx<'_>, field: &str, value: Option<T>) -> Option<T> {
    if value.is_none() && !cx.is_pending(field) {
        let name = field.rsplit('.').next().unwrap_or(field);
        cx.error(field, super::yaml::missing_field(name));
    }
    value
}

fn targets(cx: &mut Ctx<'_>, raw: RawTargets) -> Targets {
    let goals = |cx: &mut Ctx<'_>, name: &str, list: Vec<crate::load::raw::RawGoal>| {
        list.into_iter()
            .enumerate()
            .map(|(i, g)| scorecard::goal(cx, &format!("targets.{name}[{i}]"), g))
            .collect()
    };
    let incomplete = raw
        .incomplete
        .inspect(|i| scorecard::incomplete(cx, "targets.incomplete", i));
    Targets {
        incomplete,
        title: raw.title,
        project: raw.project,
        project_funds: raw.project_funds,
        funds: raw.funds,
        functions: raw.functions,
        tasks: raw.tasks,
        long_term_goals: goals(cx, "long_term_goals", raw.long_term_goals),
        annual_goals: goals(cx, "annual_goals", raw.annual_goals),
    }
}
