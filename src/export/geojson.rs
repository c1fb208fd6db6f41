//! `lieux.geojson`: one Feature per place with coordinates, the standard's fields as properties.

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue};
use serde_json::Value;

use super::json::standard_object;
use crate::index::Site;

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
            properties.insert("url".into(), Value::String(format!("{base}lieux/{}/", place.slug)));
            Some(Feature {
                bbox: None,
                geometry: Some(Geometry::new(GeometryValue::new_point([lon, lat]))),
                id: Some(geojson::feature::Id::String(place.id.clone())),
                properties: Some(properties),
                foreign_members: None,
            })
        })
        .collect();
    let collection = FeatureCollection { bbox: None, features, foreign_members: None };
    let mut bytes = serde_json::to_vec(&collection).expect("plain data serialises");
    bytes.push(b'\n');
    bytes
}
