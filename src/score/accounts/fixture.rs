//! Test-only: builds model values from record-format YAML through the real loader, so the
//! 决算 figures and audits can be tested on small inputs.

use std::path::PathBuf;

use crate::model::{Corpus, FinalAccounts, Profile, Record, Site, Thresholds, Unit, UnitId};

/// Reads a record file under `tests/fixtures/sites/` (or any path from the crate root).
pub(crate) fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// A record from its YAML text, through the real loader (`load::parse_record`).
pub(crate) fn record(unit: &str, yaml: &str) -> Record {
    let year = yaml
        .lines()
        .find_map(|l| l.strip_prefix("year:"))
        .map_or("2023", str::trim);
    let path = format!("content/{unit}/{year}.yaml");
    crate::load::parse_record(&path, yaml.as_bytes())
        .unwrap_or_else(|d| panic!("a valid record:\n{d}"))
}

/// The accounts of a `final_accounts` block given alone (as flow or block YAML).
pub(crate) fn final_accounts(yaml: &str) -> FinalAccounts {
    let indented: String = yaml.lines().map(|l| format!("  {l}\n")).collect();
    let text =
        format!("year: 2023\namount_unit: 万元\ntemplate: hubei\nfinal_accounts:\n{indented}");
    record("fixture", &text)
        .final_accounts
        .expect("a final_accounts block")
}

/// A unit of `kind` holding `records`.
pub(crate) fn unit(id: &str, kind: Option<&str>, records: Vec<Record>) -> Unit {
    Unit {
        id: UnitId::parse(id).expect("unit id"),
        name: id.into(),
        short_name: id.into(),
        name_printed: true,
        parent: None,
        region: None,
        kind: kind.map(str::to_owned),
        sort: 0,
        aliases: Vec::new(),
        records,
    }
}

/// A corpus of `units`.
pub(crate) fn corpus(units: Vec<Unit>) -> Corpus {
    Corpus {
        site: Site {
            title: "测试".into(),
            subtitle: None,
            base_url: None,
            profile: Profile::Internal,
            theme: "default".into(),
            thresholds: Thresholds::default(),
            edition: "national".to_owned(),
        },
        units,
    }
}
