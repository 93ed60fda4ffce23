//! Qualitative bands (达成 / 部分达成 / 未达成) and the national grade (优良中差), per template
//! (`domain.md` §1.1, §1.4).
//!
//! In: a score and its weight, or a total. Out: the band or grade it falls in. Never decides
//! which band an indicator *should* be in: that comes from its status.

use serde::Serialize;

use crate::model::{Dec, Template};

/// The band a qualitative score falls in, as a share of its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 达成预期指标: ≥ 80%.
    Met,
    /// 部分达成: Hubei ≥ 50% and < 80%; national ≥ 60% and < 80%.
    Partial,
    /// 未达成: below the partial band.
    Unmet,
}

impl Band {
    /// The band's Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Band::Met => "达成",
            Band::Partial => "部分达成",
            Band::Unmet => "未达成",
        }
    }
}

/// The lower bounds (in percent) of the 达成 and 部分达成 bands.
pub(crate) fn band_floors(template: Template) -> (Dec, Dec) {
    match template {
        Template::Hubei => (Dec::from_int(80), Dec::from_int(50)),
        // The Sichuan forms print the national bands (domain.md §1.1, 中江县水利局 2022).
        Template::National | Template::Sichuan => (Dec::from_int(80), Dec::from_int(60)),
    }
}

/// The band of `score` out of `weight`; `None` when the weight is not positive.
pub(crate) fn band_of(template: Template, score: Dec, weight: Dec) -> Option<Band> {
    if weight <= Dec::ZERO {
        return None;
    }
    let share = score.checked_mul(Dec::HUNDRED)?.checked_div(weight)?;
    let (met, partial) = band_floors(template);
    Some(if share >= met {
        Band::Met
    } else if share >= partial {
        Band::Partial
    } else {
        Band::Unmet
    })
}

/// The band rule in words, for explanations and findings.
pub(crate) fn band_rule(template: Template) -> &'static str {
    match template {
        Template::Hubei => {
            "定性指标：达成 100%–80%(≥80%)，部分达成 80%–50%(≥50%，<80%)，未达成 50%–0%(<50%)"
        }
        Template::National | Template::Sichuan => {
            "定性指标：达成 100%–80%(含80%)，部分达成 80%–60%(含60%)，未达成 60%–0%"
        }
    }
}

/// 财预〔2020〕10号 grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 优: ≥ 90.
    Excellent,
    /// 良: 80 – < 90.
    Good,
    /// 中: 60 – < 80.
    Fair,
    /// 差: < 60.
    Poor,
}

impl Grade {
    /// 优, 良, 中 or 差.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }
}

/// The grade of a total, for the national template only (the Hubei form has none; the
/// Sichuan form prints none either, so none is derived for it).
pub(crate) fn grade_of(template: Template, total: Dec) -> Option<Grade> {
    if template != Template::National {
        return None;
    }
    Some(if total >= Dec::from_int(90) {
        Grade::Excellent
    } else if total >= Dec::from_int(80) {
        Grade::Good
    } else if total >= Dec::from_int(60) {
        Grade::Fair
    } else {
        Grade::Poor
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("decimal")
    }

    #[test]
    fn hubei_bands_are_80_and_50() {
        let w = d("3");
        assert_eq!(band_of(Template::Hubei, d("2.5"), w), Some(Band::Met)); // 83.3%
        assert_eq!(band_of(Template::Hubei, d("2.4"), w), Some(Band::Met)); // exactly 80%
        assert_eq!(band_of(Template::Hubei, d("1.5"), w), Some(Band::Partial)); // exactly 50%
        assert_eq!(band_of(Template::Hubei, d("1"), w), Some(Band::Unmet)); // 33.3%
    }

    #[test]
    fn national_bands_are_80_and_60() {
        let w = d("10");
        assert_eq!(band_of(Template::National, d("8"), w), Some(Band::Met));
        assert_eq!(band_of(Template::National, d("6"), w), Some(Band::Partial));
        assert_eq!(band_of(Template::National, d("5.9"), w), Some(Band::Unmet));
        assert_eq!(band_of(Template::Hubei, d("5.9"), w), Some(Band::Partial));
    }

    #[test]
    fn a_zero_weight_has_no_band() {
        assert_eq!(band_of(Template::Hubei, d("0"), d("0")), None);
    }

    #[test]
    fn national_grades_follow_the_four_steps() {
        let g = |s| grade_of(Template::National, d(s));
        assert_eq!(g("90"), Some(Grade::Excellent));
        assert_eq!(g("89.99"), Some(Grade::Good));
        assert_eq!(g("80"), Some(Grade::Good));
        assert_eq!(g("79.9"), Some(Grade::Fair));
        assert_eq!(g("60"), Some(Grade::Fair));
        assert_eq!(g("59.99"), Some(Grade::Poor));
        assert_eq!(grade_of(Template::Hubei, d("95")), None);
    }
}
