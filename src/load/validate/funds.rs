//! The funds block (预算执行情况): raw → model (issue 16).
//!
//! In: a `RawExecution` and its field path. Out: an [`Execution`] holding every printed cell
//! as a figure or a mark, with the total row's figures (A, B, rate, score) taken from its
//! cells for the rules. Checks what a person would: a weight (分值/权重) has no sign, and a
//! 其中 row has its printed name. Never turns a mark into a figure.

use super::Ctx;
use super::scorecard::unsigned_weight;
use crate::lang::pick;
use crate::load::raw::{RawExecution, RawExecutionPart, RawFundsPart};
use crate::model::cell::figure;
use crate::model::{Execution, ExecutionPart, FundsRow};

/// The funds block at `path` (`projects[0].execution`).
pub(crate) fn execution(cx: &mut Ctx<'_>, path: &str, raw: RawExecution) -> Execution {
    unsigned_weight(cx, &format!("{path}.weight"), figure(raw.weight.as_ref()));
    let parts = raw
        .parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| part(cx, &format!("{path}.parts[{i}]"), p))
        .collect();
    let total = FundsRow {
        name: None,
        initial_budget: raw.initial_budget,
        budget: raw.budget,
        actual: raw.actual,
        weight: raw.weight,
        rate: raw.rate,
        score: raw.score,
        reason: raw.reason,
    };
    let split = |p: RawExecutionPart| ExecutionPart {
        budget: p.budget,
        actual: p.actual,
        rate: p.rate,
    };
    Execution {
        budget: figure(total.budget.as_ref()),
        actual: figure(total.actual.as_ref()),
        rate: figure(total.rate.as_ref()),
        score: figure(total.score.as_ref()),
        received: raw.received,
        basic: raw.basic.map(split),
        project: raw.project.map(split),
        total,
        parts,
    }
}

fn part(cx: &mut Ctx<'_>, path: &str, raw: RawFundsPart) -> FundsRow {
    if raw.name.trim().is_empty() {
        cx.error(
            &format!("{path}.name"),
            pick(
                "应照原文填写本行名称，如 其中：当年财政拨款，实际为空",
                "expected the row's name as printed, such as 其中：当年财政拨款, found an empty name",
            ),
        );
    }
    unsigned_weight(cx, &format!("{path}.weight"), figure(raw.weight.as_ref()));
    FundsRow {
        name: Some(raw.name),
        initial_budget: raw.initial_budget,
        budget: raw.budget,
        actual: raw.actual,
        weight: raw.weight,
        rate: raw.rate,
        score: raw.score,
        reason: raw.reason,
    }
}
