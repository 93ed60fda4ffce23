//! A large synthetic search corpus made from a real one, for the scale test
//! (`search::scale`) and the search benchmark (`examples/search_index.rs`, `bench/search.sh`).
//!
//! In: the units and documents of a site. Out: each unit copied under `names` names, each copy
//! over ten spans of four years (the example's 2020–2023 become 1984–2023), its documents'
//! titles, first field and links following the new name. Pure; a year that would fall outside
//! the valid range is left out.

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
                    d.href = format!("units/{id}-{g}/{year}/index.html");
                    docs.push(d);
                }
            }
        }
    }
    (units, docs)
}
