//! The `self_evaluation` and `projects` blocks of the record `import` writes, fields in the
//! order of the format (§6, §7), each with a comment naming its sheet.

use super::{Form, Funds, Goal, Scorecard};
use crate::import::write::quote;
use crate::import::{Found, Table};
use crate::model::Dec;

/// Writes the 部门整体 table, then each project's, in the order read.
pub(crate) fn write(out: &mut String, found: &[Found]) {
    let forms = |form: Form| {
        found.iter().filter_map(move |f| match &f.table {
            Table::Form(s) if s.form == form => Some((f.source.as_str(), s)),
            _ => None,
        })
    };
    for (source, s) in forms(Form::Department) {
        out.push_str(&format!("self_evaluation: # {source}\n"));
        card(out, "  ", s);
    }
    let mut projects = forms(Form::Project).peekable();
    if projects.peek().is_some() {
        out.push_str("projects:\n");
    }
    for (source, s) in projects {
        out.push_str(&format!("  # {source}\n"));
        let mut lines = String::new();
        card(&mut lines, "    ", s);
        // The first field opens the list entry.
        out.push_str(&format!("  - {}", lines.trim_start()));
    }
}

fn card(out: &mut String, i: &str, s: &Scorecard) {
    let text = |out: &mut String, key: &str, v: &Option<String>| {
        if let Some(v) = v {
            out.push_str(&format!("{i}{key}: {}\n", quote(v)));
        }
    };
    let figure = |out: &mut String, key: &str, v: Option<Dec>| {
        if let Some(v) = v {
            out.push_str(&format!("{i}{key}: {v}\n"));
        }
    };
    text(out, "name", &s.name);
    text(out, "title", &s.title);
    text(out, "department", &s.department);
    text(out, "implementer", &s.implementer);
    text(out, "filled_on", &s.filled_on);
    figure(
        out,
        "basic_expenditure",
        s.basic_expenditure.map(|d| d.round_fixed(2)),
    );
    figure(
        out,
        "project_expenditure",
        s.project_expenditure.map(|d| d.round_fixed(2)),
    );
    if let Some((total, parts)) = &s.execution {
        out.push_str(&format!("{i}execution:\n"));
        for (k, v) in cells(total) {
            out.push_str(&format!("{i}  {k}: {v}\n"));
        }
        if !parts.is_empty() {
            out.push_str(&format!("{i}  parts:\n"));
            for p in parts {
                let mut fields = vec![format!("name: {}", quote(p.name.as_deref().unwrap_or("")))];
                fields.extend(cells(p).into_iter().map(|(k, v)| format!("{k}: {v}")));
                out.push_str(&format!("{i}    - {{{}}}\n", fields.join(", ")));
            }
        }
    }
    if let Some((target, actual)) = &s.overall_goal {
        out.push_str(&format!(
            "{i}overall_goal:\n{i}  target: {}\n",
            quote(target)
        ));
        if let Some(a) = actual {
            out.push_str(&format!("{i}  actual: {}\n", quote(a)));
        }
    }
    if !s.goals.is_empty() {
        out.push_str(&format!("{i}goals:\n"));
        for g in &s.goals {
            goal(out, i, g);
        }
    }
    figure(out, "reported_total", s.reported_total);
    figure(out, "total_weight", s.total_weight);
    text(out, "deviation_analysis", &s.deviation_analysis);
    text(out, "improvement", &s.improvement);
}

/// A funds row's cells as printed, in the format's order (amounts with two places).
fn cells(f: &Funds) -> Vec<(&'static str, String)> {
    let amount = |v: Option<Dec>| v.map(|d| d.round_fixed(2).to_string());
    [
        ("initial_budget", amount(f.initial_budget)),
        ("budget", amount(f.budget)),
        ("actual", amount(f.actual)),
        ("weight", f.weight.map(|d| d.to_string())),
        // A percentage, checked when read: plain, as the format types it.
        ("rate", f.rate.clone()),
        ("score", f.score.map(|d| d.to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}

fn goal(out: &mut String, i: &str, g: &Goal) {
    out.push_str(&format!("{i}  - name: {}\n", quote(&g.name)));
    let j = format!("{i}    ");
    if let Some(t) = &g.title {
        out.push_str(&format!("{j}title: {}\n", quote(t)));
    }
    if let Some(w) = g.weight {
        out.push_str(&format!("{j}weight: {w}\n"));
    }
    if !g.subtotals.is_empty() {
        out.push_str(&format!("{j}subtotals:\n"));
        for (l1, l2, w) in &g.subtotals {
            let l2 = l2
                .as_deref()
                .map(|l| format!(", level2: {}", quote(l)))
                .unwrap_or_default();
            out.push_str(&format!(
                "{j}  - {{level1: {}{l2}, weight: {w}}}\n",
                quote(l1)
            ));
        }
    }
    if g.indicators.is_empty() {
        return;
    }
    out.push_str(&format!("{j}indicators:\n"));
    for n in &g.indicators {
        let mut first = true;
        let mut field = |key: &str, v: String| {
            let lead = if first { "- " } else { "  " };
            first = false;
            out.push_str(&format!("{j}  {lead}{key}: {v}\n"));
        };
        if let Some(l) = &n.level1 {
            field("level1", quote(l));
        }
        if let Some(l) = &n.level2 {
            field("level2", quote(l));
        }
        field("name", quote(&n.name));
        if let Some(w) = n.weight {
            field("weight", w.to_string());
        }
        if let Some(t) = &n.target {
            field("target", quote(t));
        }
        for (key, v) in [
            ("nature", &n.nature),
            ("value", &n.value),
            ("unit", &n.unit),
        ] {
            if let Some(v) = v {
                field(key, quote(v));
            }
        }
        if let Some(a) = &n.actual {
            field("actual", quote(a));
        }
        if let Some(s) = n.score {
            field("score", s.to_string());
        }
        if let Some(d) = &n.deviation {
            field("deviation", quote(d));
        }
        if let Some(d) = &n.note {
            field("note", quote(d));
        }
    }
}
