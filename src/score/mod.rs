//! Stage 2: scores every scorecard by the published rules (`domain.md` §1). Pure, no IO.
//!
//! In: a validated [`Corpus`]. Out: [`CorpusScores`], one [`RecordScore`] per record in corpus
//! order, holding gongkai's rule figures beside (never instead of) the reported ones.

pub(crate) mod accounts;

use serde::Serialize;

use crate::model::{Corpus, UnitId, Year};

/// Scores of every record, in corpus order (units, then years).
#[derive(Debug, Default, Serialize)]
pub struct CorpusScores {
    /// One per record.
    pub records: Vec<RecordScore>,
}

/// Rule figures of one record.
#[derive(Debug, Serialize)]
pub struct RecordScore {
    /// The unit.
    pub unit: UnitId,
    /// The year.
    pub year: Year,
}

/// Scores every record.
pub fn score_corpus(corpus: &Corpus) -> CorpusScores {
    CorpusScores {
        records: corpus
            .units
            .iter()
            .flat_map(|u| u.records.iter())
            .map(|r| RecordScore {
                unit: r.unit.clone(),
                year: r.year,
            })
            .collect(),
    }
}
