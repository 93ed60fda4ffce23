//! A large synthetic search corpus made from a real one, for the scale test
//! (`search::scale`) and the search benchmark (`examples/search_index.rs`, `bench/search.sh`).
//!
//! In: the units and documents of a site. Out: each unit copied under `names` names, each copy
//! over ten spans of four years (the example's 2020–2023 become 1984–2023), its documents'
//! titles, first field and links following the new name (every page of a record is copied,
//! an absent one too, so the numbering stays [`super::PAGES_PER_RECORD`] per record). Pure; a
//! year that would fall outside the valid range is left out (with all of its record's pages).

use super::Doc;
use crate::model::Year;

/// `(units, documents)` of the copies; unit indices in the documents point into the new units.
#[doc(hidden)]
pub fn synthetic_copies(
    base: &[(String, String)],
    example: &[Doc],
    names: usize,
) -> (Vec<(String, String)>, Vec<Doc>) {
    let mut units = Vec::new();
    let mut docs = Vec::new();
    for g in 0..names {
        for (u, (id, name)) in base.iter().enumerate() {
            let new_name = format!("{name}（第{g}组）");
            units.push((format!("{id}-{g}"), new_name.clone()));
            for shift in (0..10).map(|s| 4 * s - 36) {
                for d in example.iter().filter(|d| d.unit == u) {
                    let Ok(year) = Year::new(i64::from(d.year.get()) + shift) else {
                        continue;
                    };
                    let mut d = d.clone();
                    d.unit = units.len() - 1;
                    d.year = year;
                    d.title = d.title.replace(name.as_str(), &new_name);
                    if let Some(f) = d.fields.first_mut() {
                        f.text = f.text.replace(name.as_str(), &new_name);
                    }
                    // The unit-year page or the 决算 page; an absent page stays absent.
                    if let Some(file) = d.href.rsplit('/').next().filter(|f| !f.is_empty()) {
                        d.href = format!("units/{id}-{g}/{year}/{file}");
                    }
                    docs.push(d);
                }
            }
        }
    }
    (units, docs)
}
