//! `lieux.csv`: the national standard's CSV (its columns and order, `|` between list values, UTF-8).

use super::{by_id, extension_cells, extension_column, schema_fields, standard_record};
use crate::index::Site;
use crate::model::Place;

/// Every place as one CSV row, with the standard's header.
pub(crate) fn places_csv(places: &[std::sync::Arc<Place>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(schema_fields().iter().map(|f| f.name.as_str())).expect("writing to memory cannot fail");
    for place in by_id(places) {
        let row: Vec<String> = standard_record(place).into_iter().map(|(_, cell)| cell.as_csv()).collect();
        writer.write_record(&row).expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}

/// `lieux-territoire.csv`: the standard's columns, then the territorial fields.
pub(super) fn territory_csv(site: &Site) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut header: Vec<String> = schema_fields().iter().map(|f| f.name.clone()).collect();
    header.extend(site.config.extensions.lieux.iter().map(|e| extension_column(&e.nom)));
    writer.write_record(&header).expect("writing to memory cannot fail");
    for place in by_id(&site.entries.places) {
        let mut row: Vec<String> = standard_record(place).into_iter().map(|(_, cell)| cell.as_csv()).collect();
        row.extend(extension_cells(site, place).into_iter().map(|(_, cell)| cell.as_csv()));
        writer.write_record(&row).expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}
