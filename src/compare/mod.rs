//! Year-over-year and cross-unit comparison (issue 6). Pure: no IO, no rendering.
//!
//! In: validated [`Record`](crate::model::Record)s, their [`RecordScore`](crate::score::RecordScore)s
//! and the site's [`Thresholds`](crate::model::Thresholds). Out: serializable rows for pages and
//! downloads:
//!
//! - [`figures`]: every comparable figure of a record beside its prior-year value, with
//!   变动额, 变动率 (`None`, printed "—", when the prior is 0 or missing) and 增加/减少 words;
//! - [`indicators`]: indicators matched across two years (by `id`, else by normalised name
//!   within the same 一级指标), with what appeared, disappeared, was renamed, re-weighted or
//!   had its target changed;
//! - [`tables`]: every table (部门整体 and each project) paired with last year's, projects by
//!   normalised name; a project of only one year is one new or discontinued entry;
//! - [`flags`]: the figures of one record an internal reviewer should look at.
//!
//! Never corrects a stated figure and never divides by zero: a change from nothing has an
//! amount but no rate.

pub(crate) mod figures;
pub(crate) mod flags;
pub(crate) mod indicators;
pub(crate) mod tables;

pub(crate) use figures::{
    FigureKind, FigureRow, MEASURES, compare_figures, has_prior, key_figures, key_figures_in,
    prior_record,
};
pub(crate) use flags::{RecordFlag, record_flags};
pub(crate) use indicators::{IndicatorPair, MatchStatus, TargetChange};
pub(crate) use tables::{TableGroup, TableStatus, match_tables};

#[cfg(test)]
pub(crate) mod fixture {
    //! The `compare` fixture site, loaded and scored, for the unit tests.
    use std::path::Path;

    use crate::model::{Corpus, Record};
    use crate::score::{CorpusScores, score_corpus};

    pub(crate) fn corpus() -> (Corpus, CorpusScores) {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/compare/content");
        let corpus = crate::load::load(&dir).expect("the compare fixture loads");
        let scores = score_corpus(&corpus);
        (corpus, scores)
    }

    pub(crate) fn record<'a>(corpus: &'a Corpus, unit: &str, year: u16) -> &'a Record {
        corpus
            .units
            .iter()
            .find(|u| u.id.as_str() == unit)
            .and_then(|u| u.records.iter().find(|r| r.year.get() == year))
            .expect("fixture record")
    }
}
