//! `lieux.geojson`: one Feature per place with coordinates, the standard's fields as properties
//! in the standard's order.

use serde::Serialize;
use serde_json::Value;

use super::json::{Record, standard_object};
use crate::index::Site;

/// A FeatureCollection of points, written in GeoJSON's usual key order (`type` first).
#[derive(Serialize)]
struct Collection<'a> {
    r#type: &'static str,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    r#type: &'static str,
    geometry: Point,
    id: &'a str,
    properties: Record,
}

#[derive(Serialize)]
struct Point {
    r#type: &'static str,
    coordinates: [f64; 2],
}

/// Places with coordinates as a GeoJSON FeatureCollection (WGS 84, `[longitude, latitude]`).
pub(crate) fn places_geojson(site: &Site) -> Vec<u8> {
    let base = site.config.base_url();
    let features = super::by_id(&site.entries.places)
        .into_iter()
        .filter_map(|place| {
            let (lat, lon) = (place.latitude?, place.longitude?);
            let mut properties = standard_object(place);
            properties.remove("latitude");
            properties.remove("longitude");
            properties.insert("url", Value::String(format!("{base}lieux/{}/", place.slug)));
            let geometry = Point { r#type: "Point", coordinates: [lon, lat] };
            Some(Feature { r#type: "Feature", geometry, id: &place.id, properties })
        })
        .collect();
    let collection = Collection { r#type: "FeatureCollection", features };
    let mut bytes = serde_json::to_vec(&collection).expect("plain data serialises");
    bytes.push(b'\n');
    bytes
}
