//! A synthetic corpus for the benchmark (`cargo run --release --example synth -- N DIR`).
//!
//! In: a number of unit-years, a seed and a number of years. Out: the files of a content folder
//! (`_site.yaml`, `<unit>/_unit.yaml`, `<unit>/<year>.yaml`, `<unit>/<year>/01-shuoming.md`),
//! handed one at a time to a sink as (relative path, text); nothing is kept in memory.
//!
//! The units, years and table sizes are those of `shared/bench/gen_peer_sites.py` for the same N:
//! ceil(N / years) units `u00001…`, years from 2020, unit-years in unit-major order, 30
//! indicators and 10 function lines per record, a ~300-character narrative. The records are valid
//! and realistic: most indicators meet their targets, some fall short and are scored by the rule,
//! and a few figures are slips (a score, a total, a 完成率) so that `check` has findings.
//!
//! Never done here: reading content, calling the pipeline, or using floating point. The output
//! depends only on (N, seed, years): the PRNG is a SplitMix64 in this file.

mod record;
mod words;

use std::path::PathBuf;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Unit-years (records) to write.
    pub records: usize,
    /// Seed of the PRNG (the peer generator's default is 42).
    pub seed: u64,
    /// Years per unit, from 2020 (the peer generator's default is 5).
    pub years: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            records: 1000,
            seed: 42,
            years: 5,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Units (folders) written.
    pub units: usize,
    /// Records written.
    pub records: usize,
    /// Files written, all kinds.
    pub files: usize,
}

/// The first year of every unit.
const FIRST_YEAR: u32 = 2020;

/// Generates the corpus, handing each file to `sink` as (path relative to the content folder, text).
///
/// # Errors
/// The first error `sink` returns; generation stops there.
pub fn generate<E>(
    opts: Options,
    mut sink: impl FnMut(PathBuf, String) -> Result<(), E>,
) -> Result<Summary, E> {
    let years = opts.years.max(1);
    let per_unit = usize::try_from(years).unwrap_or(usize::MAX);
    let units = opts.records.div_ceil(per_unit);
    let mut rng = Rng::new(opts.seed);
    let mut summary = Summary {
        units: 0,
        records: 0,
        files: 0,
    };
    sink(PathBuf::from("_site.yaml"), site_yaml())?;
    summary.files += 1;
    // Unit names first, in one pass, as the peer generator does.
    let names: Vec<(&str, &str)> = (0..units)
        .map(|_| (rng.pick(&words::REGIONS), rng.pick(&words::DEPTS)))
        .collect();
    for (u, (region, dept)) in names.into_iter().enumerate() {
        let id = format!("u{:05}", u + 1);
        let unit = record::UnitInfo {
            id: &id,
            region,
            dept,
            sort: u + 1,
        };
        sink(
            PathBuf::from(&id).join("_unit.yaml"),
            record::unit_yaml(&unit),
        )?;
        summary.units += 1;
        summary.files += 1;
        for year in FIRST_YEAR..FIRST_YEAR + years {
            if summary.records >= opts.records {
                break;
            }
            let files = record::record_files(&mut rng, &unit, year);
            sink(PathBuf::from(&id).join(format!("{year}.yaml")), files.yaml)?;
            sink(
                PathBuf::from(&id)
                    .join(year.to_string())
                    .join("01-shuoming.md"),
                files.narrative,
            )?;
            summary.records += 1;
            summary.files += 2;
        }
    }
    Ok(summary)
}

/// `_site.yaml` of the synthetic site.
fn site_yaml() -> String {
    "# A synthetic site for the benchmark (examples/synth.rs); every figure is invented.\n\
     title: 部门决算与绩效自评公开（合成数据）\n\
     subtitle: 用于性能测试的合成数据，单位与数字均为虚构\n\
     profile: public\n\
     theme: default\n\
     locale: zh-CN\n"
        .to_owned()
}

/// SplitMix64: small, fast, and the same on every platform.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi` (`lo` when the range is empty).
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        let offset = self.next_u64() % span;
        lo.saturating_add_unsigned(offset)
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// An index below `len` (0 when `len` is 0).
    pub(crate) fn index(&mut self, len: usize) -> usize {
        let len64 = u64::try_from(len).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next_u64() % len64).unwrap_or(0)
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let i = self.index(items.len());
        items[i]
    }

    /// `k` distinct indices below `len`, in the order drawn (partial Fisher–Yates).
    pub(crate) fn sample(&mut self, len: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..len).collect();
        let k = k.min(len);
        for i in 0..k {
            let j = i + self.index(len - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_numbers_and_another_seed_others() {
        let a: Vec<u64> = (0..4).map(|_| Rng::new(7).next_u64()).collect();
        assert!(a.iter().all(|x| *x == a[0]));
        let mut r = Rng::new(7);
        let mut s = Rng::new(8);
        assert_ne!(r.next_u64(), s.next_u64());
    }

    #[test]
    fn ranges_stay_inside_their_bounds_and_samples_are_distinct() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            let x = r.range(-3, 5);
            assert!((-3..=5).contains(&x), "{x}");
        }
        let mut s = r.sample(17, 10);
        assert_eq!(s.len(), 10);
        s.sort_unstable();
        s.dedup();
        assert_eq!(s.len(), 10);
    }

    #[test]
    fn units_are_ceil_of_records_over_years_and_the_last_unit_may_be_partial() {
        let mut paths = Vec::new();
        let summary = generate(
            Options {
                records: 12,
                seed: 42,
                years: 5,
            },
            |p, _| {
                paths.push(p);
                Ok::<(), ()>(())
            },
        )
        .unwrap_or_else(|()| unreachable!());
        assert_eq!(summary.units, 3);
        assert_eq!(summary.records, 12);
        assert!(paths.contains(&PathBuf::from("u00003/2021.yaml")));
        assert!(!paths.contains(&PathBuf::from("u00003/2022.yaml")));
    }
}
