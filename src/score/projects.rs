//! A record's project tables taken together (S000 备注2–3): scores weighted by funds, and the
//! indicators that several projects share, combined before scoring.
//!
//! In: the record's project [`Scorecard`]s and their [`CardScore`]s (parallel). Out: a
//! [`ProjectAggregate`]. Funds are each project's execution budget (A). This is an
//! illustration of the rule, never a replacement for the 部门整体 table's own score.

use serde::Serialize;

use super::CardScore;
use super::aggregate::{Combined, Weighted, combine_actuals, combined_share, funds_weighted};
use super::text::normalize;
use crate::model::{Dec, Indicator, Money, Scorecard};

/// Project tables taken together.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectAggregate {
    /// Reported totals weighted by funds.
    pub reported: Option<Weighted>,
    /// Rule totals weighted by funds.
    pub rule: Option<Weighted>,
    /// Indicators found (by normalised name) in more than one project.
    pub shared: Vec<SharedIndicator>,
}

/// One indicator that several projects report, combined.
#[derive(Debug, Clone, Serialize)]
pub struct SharedIndicator {
    /// The indicator's name (as the first project prints it).
    pub name: String,
    /// The projects that report it, in record order.
    pub projects: Vec<String>,
    /// The common target text, when every project sets the same one.
    pub target: Option<String>,
    /// The actuals combined: summed, or weighted by funds for percentages.
    pub combined: Combined,
    /// The combined actual scored against the common target, as a share of the weight
    /// (percent units, 2 dp).
    pub share: Option<Dec>,
}

/// Aggregates the project tables; `None` without projects.
pub(crate) fn aggregate_projects(
    cards: &[Scorecard],
    scores: &[CardScore],
) -> Option<ProjectAggregate> {
    if cards.is_empty() {
        return None;
    }
    let funds = |c: &Scorecard| c.execution.as_ref().and_then(|e| e.budget);
    let reported: Vec<(Option<Dec>, Option<Money>)> =
        cards.iter().map(|c| (c.reported_total, funds(c))).collect();
    let rule: Vec<(Option<Dec>, Option<Money>)> = cards
        .iter()
        .zip(scores)
        .map(|(c, s)| (s.rule_total, funds(c)))
        .collect();
    Some(ProjectAggregate {
        reported: funds_weighted(&reported),
        rule: funds_weighted(&rule),
        shared: shared_indicators(cards),
    })
}

fn shared_indicators(cards: &[Scorecard]) -> Vec<SharedIndicator> {
    // (normalised name) → [(project index, indicator)], in first-seen order.
    let mut groups: Vec<(String, Vec<(usize, &Indicator)>)> = Vec::new();
    for (p, card) in cards.iter().enumerate() {
        for ind in card.goals.iter().flat_map(|g| g.indicators.iter()) {
            let key = normalize(&ind.name);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => {
                    if v.iter().all(|(q, _)| *q != p) {
                        v.push((p, ind));
                    }
                }
                None => groups.push((key, vec![(p, ind)])),
            }
        }
    }
    groups
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .filter_map(|(_, v)| {
            let items: Option<Vec<_>> = v
                .iter()
                .map(|(p, i)| {
                    let funds = cards[*p].execution.as_ref().and_then(|e| e.budget);
                    i.actual.as_ref().map(|a| (a, funds))
                })
                .collect();
            let first = v.first()?.1;
            let same_target = v.iter().all(|(_, i)| {
                i.target.as_ref().map(|t| normalize(&t.text))
                    == first.target.as_ref().map(|t| normalize(&t.text))
            });
            let target = first.target.as_ref().filter(|_| same_target);
            let combined = combine_actuals(&items?, target)?;
            let share = target.and_then(|t| combined_share(t, &combined, first.direction));
            Some(SharedIndicator {
                name: first.name.clone(),
                projects: v
                    .iter()
                    .map(|(p, _)| cards[*p].name.clone().unwrap_or_default())
                    .collect(),
                target: target.map(|t| t.text.clone()),
                combined,
                share,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Template;
    use crate::score::card::score_card;
    use crate::score::fixtures::{card, d, execution, goal, ind};

    fn project(name: &str, a: &str, total: &str, rows: Vec<Indicator>) -> Scorecard {
        let ex = execution(a, a, "100%", "20");
        card(
            "projects[0]",
            Some(name),
            Some(ex),
            vec![goal("年度绩效指标", Some("60"), rows)],
            Some(total),
        )
    }

    #[test]
    fn s003_projects_weighted_by_funds_and_the_shared_rate_combined() {
        let cards = vec![
            project("城市管理", "1194.23", "93.5", vec![]),
            project(
                "机构运转",
                "4000.95",
                "97.1",
                vec![ind("矛盾纠纷化解率", "0.5", "≥90%", "95.30%", "0.5")],
            ),
            project(
                "应急机动",
                "612.03",
                "95.5",
                vec![ind("矛盾纠纷化解率", "2", "≥90%", "95.30%", "2")],
            ),
        ];
        let scores: Vec<CardScore> = cards
            .iter()
            .map(|c| score_card(Template::Hubei, c))
            .collect();
        let agg = aggregate_projects(&cards, &scores).expect("aggregate");
        assert_eq!(agg.reported.map(|w| w.score), Some(d("96.19")));
        assert_eq!(agg.shared.len(), 1);
        let s = &agg.shared[0];
        assert_eq!(s.name, "矛盾纠纷化解率");
        assert_eq!(
            s.projects,
            vec!["机构运转".to_owned(), "应急机动".to_owned()]
        );
        assert_eq!(s.combined.value, d("95.30"));
        assert_eq!(s.share, Some(d("100")));
    }

    #[test]
    fn a_record_without_projects_has_no_aggregate() {
        assert!(aggregate_projects(&[], &[]).is_none());
    }
}
