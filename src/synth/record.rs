//! One synthetic unit and one synthetic record, as YAML and Markdown text.
//!
//! In: the PRNG, the unit, the year. Out: `_unit.yaml`, `<year>.yaml` and the narrative, as
//! strings. Amounts are whole hundredths of 万元, rates whole hundredths of a percent and scores
//! whole hundredths of a point (`i64`), rounded half up like `Dec::round`; no floating point.

use std::fmt::Write as _;

use super::Rng;
use super::words;

/// A unit: its id, its name parts and its place on the index.
pub(super) struct UnitInfo<'a> {
    pub(super) id: &'a str,
    pub(super) region: &'a str,
    pub(super) dept: &'a str,
    pub(super) sort: usize,
}

impl UnitInfo<'_> {
    fn name(&self) -> String {
        format!("{}{}", self.region, self.dept)
    }
}

/// The two files of one record.
pub(super) struct RecordFiles {
    pub(super) yaml: String,
    pub(super) narrative: String,
}

/// Indicators per record and function lines per record (the peer's table sizes).
const INDICATORS: usize = 30;
const LINES: usize = 10;
/// Weight of the 年度目标 part in the Hubei template (the other 20 are 预算执行).
const GOALS_WEIGHT: i64 = 80;

/// `_unit.yaml`.
pub(super) fn unit_yaml(unit: &UnitInfo<'_>) -> String {
    format!(
        "id: {}\nname: {}\nshort_name: {}\nparent: {}人民政府\nregion: {}\nkind: 行政单位\nsort: {}\n",
        unit.id,
        unit.name(),
        unit.name(),
        unit.region,
        unit.region,
        unit.sort
    )
}

/// `<year>.yaml` and its narrative.
pub(super) fn record_files(rng: &mut Rng, unit: &UnitInfo<'_>, year: u32) -> RecordFiles {
    let name = unit.name();
    let mut y = String::with_capacity(12 * 1024);
    let _ = writeln!(
        y,
        "# Synthetic record (examples/synth.rs): invented figures, a few slips kept on purpose."
    );
    let _ = writeln!(y, "year: {year}\namount_unit: 万元\ntemplate: hubei");
    let _ = writeln!(y, "source:\n  title: {name}{year}年度部门决算");
    let accounts = accounts(rng, &name, year);
    self_evaluation(rng, &mut y, &name, year, accounts.total);
    y.push_str(&accounts.yaml);
    RecordFiles {
        yaml: y,
        narrative: narrative(rng, &name, year),
    }
}

/// The 部门整体支出绩效自评表: execution, 3–5 goals over 30 indicators, the total.
fn self_evaluation(rng: &mut Rng, y: &mut String, name: &str, year: u32, spent: i64) {
    let _ = writeln!(y, "self_evaluation:");
    let _ = writeln!(y, "  title: {year}年度{name}部门整体支出绩效自评表");
    let _ = writeln!(y, "  filled_on: {}年3月31日", year + 1);
    // 预算执行: A is the adjusted budget, B what was spent (the 决算's 本年支出合计).
    let budget = if rng.chance(70) {
        spent
    } else {
        spent + spent * rng.range(1, 60) / 1000
    };
    let rate = div_round(spent * 10_000, budget.max(1));
    let exec_score = div_round(rate * 20, 100);
    let _ = writeln!(y, "  execution:");
    let _ = writeln!(y, "    budget: {}", amount(budget));
    let _ = writeln!(y, "    actual: {}", amount(spent));
    let _ = writeln!(y, "    rate: {}", pct(rate));
    let _ = writeln!(y, "    score: {}", score(exec_score));

    let goals = usize::try_from(rng.range(3, 5)).unwrap_or(3);
    let weights = weights(rng);
    let names = indicator_names(rng);
    let mut total = exec_score;
    let mut unmet = 0;
    let _ = writeln!(y, "  goals:");
    let per_goal = INDICATORS / goals;
    let mut start = 0;
    let titles = rng.sample(words::GOALS.len(), goals);
    for (g, title) in titles.into_iter().enumerate() {
        let end = if g + 1 == goals {
            INDICATORS
        } else {
            start + per_goal
        };
        let goal_weight: i64 = weights[start..end].iter().sum();
        let _ = writeln!(y, "    - name: 年度绩效目标{}", g + 1);
        let _ = writeln!(y, "      title: {}", words::GOALS[title]);
        let _ = writeln!(y, "      weight: {goal_weight}");
        let _ = writeln!(y, "      indicators:");
        for i in start..end {
            let row = indicator(rng, names[i], weights[i]);
            if row.short {
                unmet += 1;
            }
            // A slip: a full row printed half a point short (as 4.5 for 5 in the seeds).
            let printed = if !row.short && weights[i] > 1 && rng.chance(1) {
                row.score - 50
            } else {
                row.score
            };
            total += printed;
            y.push_str(&row.yaml);
            let _ = writeln!(y, "          score: {}", score(printed));
        }
        start = end;
    }
    // A slip: a total printed one point short.
    if rng.chance(5) {
        total -= 100;
    }
    let _ = writeln!(y, "  reported_total: {}", score(total));
    if unmet > 0 {
        let _ = writeln!(
            y,
            "  deviation_analysis: |\n    部分指标未达到年初目标值，主要原因是项目实施进度滞后、工作任务调整。"
        );
        let _ = writeln!(
            y,
            "  improvement: |\n    加强项目实施进度管理，科学合理设定绩效目标，强化绩效监控结果应用。"
        );
    }
}

/// 30 integer weights summing to 80: 2 each, then 20 single points spread at random.
fn weights(rng: &mut Rng) -> Vec<i64> {
    let mut w = vec![2_i64; INDICATORS];
    let base: i64 = w.iter().sum();
    for _ in base..GOALS_WEIGHT {
        let i = rng.index(INDICATORS);
        w[i] += 1;
    }
    w
}

/// The kind of each of the 30 rows, with a name unique within the record.
#[derive(Clone, Copy)]
enum Row {
    Rate(usize, usize),
    Count(usize, usize),
    Negative(usize, usize),
    Qualitative(usize),
    Satisfaction(usize),
}

/// 30 rows: mostly rates, some counts, two negatives, a few qualitative and 满意度 rows.
fn indicator_names(rng: &mut Rng) -> Vec<Row> {
    let mut rows = Vec::with_capacity(INDICATORS);
    let rates = rng.sample(words::SUBJECTS.len() * words::RATES.len(), 18);
    rows.extend(
        rates
            .into_iter()
            .map(|k| Row::Rate(k / words::RATES.len(), k % words::RATES.len())),
    );
    let counts = rng.sample(words::SUBJECTS.len() * words::COUNTS.len(), 4);
    rows.extend(
        counts
            .into_iter()
            .map(|k| Row::Count(k / words::COUNTS.len(), k % words::COUNTS.len())),
    );
    let negatives = rng.sample(words::SUBJECTS.len() * words::NEGATIVES.len(), 2);
    rows.extend(
        negatives
            .into_iter()
            .map(|k| Row::Negative(k / words::NEGATIVES.len(), k % words::NEGATIVES.len())),
    );
    rows.extend(
        rng.sample(words::QUALITATIVE.len(), 3)
            .into_iter()
            .map(Row::Qualitative),
    );
    rows.extend(
        rng.sample(words::SATISFIED.len(), 3)
            .into_iter()
            .map(Row::Satisfaction),
    );
    // Shuffle so that every goal gets a mix.
    let order = rng.sample(rows.len(), rows.len());
    order.into_iter().map(|i| rows[i]).collect()
}

/// One indicator row (without its printed score) and its rule score.
struct IndicatorRow {
    yaml: String,
    score: i64,
    short: bool,
}

fn indicator(rng: &mut Rng, row: Row, weight: i64) -> IndicatorRow {
    let full = weight * 100;
    let short = rng.chance(8);
    let (level1, level2, name, target, actual, score) = match row {
        Row::Rate(s, r) => {
            let t = rng.pick(&[85_i64, 90, 95, 98, 100]);
            let a = if short {
                t * 100 - rng.range(50, 1200)
            } else {
                (t * 100 + rng.range(0, 600)).min(10_000)
            };
            let cmp = if t == 100 { "" } else { "≥" };
            let sc = div_round(full * a, t * 100).min(full);
            let level2 = if rng.chance(50) {
                "质量指标"
            } else {
                "时效指标"
            };
            (
                "产出指标",
                level2,
                format!("{}{}", words::SUBJECTS[s], words::RATES[r]),
                format!("{cmp}{t}%"),
                pct(a),
                sc,
            )
        }
        Row::Count(s, c) => {
            let (what, unit) = words::COUNTS[c];
            let t = rng.range(4, 24);
            let a = if short {
                t - rng.range(1, t / 2)
            } else {
                t + rng.range(0, 6)
            };
            (
                "产出指标",
                "数量指标",
                format!("{}{what}", words::SUBJECTS[s]),
                format!("≥{t}{unit}"),
                format!("{a}{unit}"),
                div_round(full * a, t).min(full),
            )
        }
        Row::Negative(s, n) => {
            let t = rng.range(1, 5);
            let a = rng.range(0, t * 100);
            (
                "产出指标",
                "质量指标",
                format!("{}{}", words::SUBJECTS[s], words::NEGATIVES[n]),
                format!("≤{t}%"),
                pct(a),
                full,
            )
        }
        Row::Qualitative(q) => {
            let (aim, target, actual) = words::QUALITATIVE[q];
            (
                "效益指标",
                "社会效益指标",
                aim.to_owned(),
                target.to_owned(),
                actual.to_owned(),
                full,
            )
        }
        Row::Satisfaction(who) => {
            let t = rng.pick(&[85_i64, 90, 95]);
            let a = (t * 100 + rng.range(0, 800)).min(10_000);
            (
                "满意度指标",
                "服务对象满意度指标",
                format!("{}满意度", words::SATISFIED[who]),
                format!("≥{t}%"),
                pct(a),
                full,
            )
        }
    };
    let short = score < full;
    let mut yaml = String::with_capacity(200);
    let _ = writeln!(yaml, "        - level1: {level1}");
    let _ = writeln!(yaml, "          level2: {level2}");
    let _ = writeln!(yaml, "          name: {name}");
    let _ = writeln!(yaml, "          weight: {weight}");
    let _ = writeln!(yaml, "          target: {target}");
    let _ = writeln!(yaml, "          actual: {actual}");
    IndicatorRow { yaml, score, short }
}

/// The 决算 block and the 本年支出合计 it adds up to.
struct Accounts {
    yaml: String,
    total: i64,
}

/// `final_accounts`: 10 function lines whose totals agree with 收入/支出/财政拨款, with an
/// occasional misprinted 完成年初预算%.
fn accounts(rng: &mut Rng, name: &str, year: u32) -> Accounts {
    let mut picked = rng.sample(words::LINES.len(), LINES);
    picked.sort_unstable();
    let mut y = String::with_capacity(4 * 1024);
    let mut lines = String::with_capacity(3 * 1024);
    let (mut budget_sum, mut actual_sum) = (0_i64, 0_i64);
    for i in picked {
        let (code, class, section, item) = words::LINES[i];
        let budget = rng.range(1_000, 150_000);
        let actual = budget * rng.range(850, 1100) / 1000;
        budget_sum += budget;
        actual_sum += actual;
        let mut completion = div_round(actual * 10_000, budget);
        if rng.chance(2) {
            completion += 100;
        }
        let _ = writeln!(lines, "    - code: \"{code}\"");
        let _ = writeln!(lines, "      class: {class}");
        let _ = writeln!(lines, "      section: {section}");
        let _ = writeln!(lines, "      item: {item}");
        let _ = writeln!(lines, "      budget: {}", amount(budget));
        let _ = writeln!(lines, "      actual: {}", amount(actual));
        let _ = writeln!(lines, "      stated_completion: {}", pct(completion));
        if actual * 10 > budget * 11 || actual * 10 < budget * 9 {
            let _ = writeln!(
                lines,
                "      reason: 支出决算数与年初预算数差异较大的{}",
                rng.pick(&words::REASONS)
            );
        }
    }
    let basic = actual_sum * rng.range(300, 650) / 1000;
    let project = actual_sum - basic;
    let personnel = basic * rng.range(600, 850) / 1000;
    let public = basic - personnel;
    let total = amount(actual_sum);
    let _ = writeln!(y, "final_accounts:");
    let _ = writeln!(y, "  title: {name}{year}年度部门决算");
    let _ = writeln!(
        y,
        "  income:\n    general_budget: {total}\n    total: {total}\n    grand_total: {total}"
    );
    let _ = writeln!(
        y,
        "  expenditure:\n    basic: {}\n    project: {}\n    total: {total}\n    grand_total: {total}",
        amount(basic),
        amount(project)
    );
    let _ = writeln!(y, "  fiscal:\n    grand_total: {total}");
    let _ = writeln!(y, "  lines:");
    y.push_str(&lines);
    let _ = writeln!(
        y,
        "  general_budget:\n    budget: {}\n    actual: {total}\n    stated_completion: {}",
        amount(budget_sum),
        pct(div_round(actual_sum * 10_000, budget_sum.max(1)))
    );
    let _ = writeln!(
        y,
        "  basic:\n    total: {}\n    personnel: {}\n    public: {}",
        amount(basic),
        amount(personnel),
        amount(public)
    );
    Accounts {
        yaml: y,
        total: actual_sum,
    }
}

/// The 情况说明: a title and a ~300-character paragraph drawn from the phrases.
fn narrative(rng: &mut Rng, name: &str, year: u32) -> String {
    let mut text = format!("# {name}{year}年度部门决算情况说明\n\n");
    let mut chars = 0;
    while chars < 300 {
        let phrase = rng.pick(&words::PHRASES);
        text.push_str(phrase);
        text.push_str(rng.pick(&words::PUNCT));
        chars += phrase.chars().count() + 1;
    }
    text.pop();
    text.push_str("。\n");
    text
}

/// `num / den` rounded half up, for non-negative `num` and positive `den`.
fn div_round(num: i64, den: i64) -> i64 {
    (2 * num + den) / (2 * den)
}

/// Hundredths as `1234.56`.
fn amount(hundredths: i64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Hundredths of a percent as `98.90%`, or `100%` for a whole one hundred.
fn pct(hundredths: i64) -> String {
    if hundredths == 10_000 {
        "100%".to_owned()
    } else {
        format!("{}%", amount(hundredths))
    }
}

/// Hundredths of a point as `4.99`, or `5` for a whole number.
fn score(hundredths: i64) -> String {
    if hundredths % 100 == 0 {
        (hundredths / 100).to_string()
    } else {
        amount(hundredths)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_up_and_figures_print_with_two_decimals() {
        assert_eq!(div_round(19_978, 10), 1998);
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(amount(1_109_259), "11092.59");
        assert_eq!(amount(5), "0.05");
        assert_eq!(pct(9890), "98.90%");
        assert_eq!(pct(10_000), "100%");
        assert_eq!(score(499), "4.99");
        assert_eq!(score(500), "5");
    }

    #[test]
    fn weights_are_thirty_and_sum_to_eighty() {
        let w = weights(&mut Rng::new(3));
        assert_eq!(w.len(), INDICATORS);
        assert_eq!(w.iter().sum::<i64>(), GOALS_WEIGHT);
    }
}
