//! `lieux.csv`: the national standard's CSV (its columns and order, `|` between list values, UTF-8).

use super::{by_id, schema_fields, standard_record};
use crate::model::Lieu;

/// Every place as one CSV row, with the standard's header.
pub fn lieux_csv(lieux: &[std::sync::Arc<Lieu>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(schema_fields().iter().map(|f| f.name.as_str())).expect("writing to memory cannot fail");
    for lieu in by_id(lieux) {
        let row: Vec<String> = standard_record(lieu).into_iter().map(|(_, cell)| cell.as_csv()).collect();
        writer.write_record(&row).expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}
