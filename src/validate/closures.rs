//! `fermetures`, the dated closures and exceptional hours of a place or an offer: each item a
//! `{ du, au, motif, horaires }` read with its own reader (unknown keys suggested, dates and
//! hours located like the entry's own), then checked together: the last day not before the
//! first, no two closures sharing a day, and a warning for a closure already over.

use std::ops::Range;

use chrono::NaiveDate;

use super::place::opening_hours;
use crate::diagnostic::{ClosureKind, Kind};
use crate::model::Closure;
use crate::schema::reader::Fields;

/// A closure read, with the spans of its two dates.
struct Read {
    closure: Closure,
    du: Range<usize>,
    au: Range<usize>,
}

/// Reads `fermetures` (absent: none). The closures with a problem are left out (their entry
/// has an error, and is left out too); the rest come sorted by first day.
pub(crate) fn read(f: &mut Fields<'_>, today: NaiveDate) -> Vec<Closure> {
    let items = f.records("fermetures", crate::schema::closure_names(), |item| {
        let du = item.required_date("du");
        let au = item.required_date("au");
        let motif = item.text("motif");
        let given = item.raw("horaires").is_some();
        let horaires = opening_hours(item, "horaires");
        let spans = (item.value_span("du"), item.value_span("au"));
        match (du, au) {
            (Some(du), Some(au)) if given == horaires.is_some() => {
                Some(Read { closure: Closure { du, au, motif, horaires }, du: spans.0, au: spans.1 })
            }
            _ => None,
        }
    });
    let mut read: Vec<Read> = Vec::new();
    for item in items.into_iter().flatten() {
        let Closure { du, au, .. } = item.closure;
        if au < du {
            f.report_span(Kind::Closure(ClosureKind::Reversed { du, au }), item.au);
            continue;
        }
        if au < today {
            f.report_span(Kind::Closure(ClosureKind::Past { au }), item.au.clone());
        }
        read.push(item);
    }
    // Sorted by first day, a closure overlaps another when it starts on or before the last day
    // of one before it: each is reported once, at the later one's first day.
    read.sort_by_key(|r| (r.closure.du, r.closure.au));
    let mut overlapping = vec![false; read.len()];
    for (i, later) in read.iter().enumerate() {
        if let Some(earlier) = read[..i].iter().find(|e| later.closure.du <= e.closure.au) {
            let other = (earlier.closure.du, earlier.closure.au);
            f.report_span(Kind::Closure(ClosureKind::Overlap { du: later.closure.du, other }), later.du.clone());
            overlapping[i] = true;
        }
    }
    read.into_iter().zip(overlapping).filter(|(_, bad)| !bad).map(|(r, _)| r.closure).collect()
}
