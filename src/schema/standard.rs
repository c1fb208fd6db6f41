//! The national standard's columns, from its TableSchema (`data/standard/schema.json`): the
//! columns of the exports, the columns `resin import` reads, and the list `/donnees/` shows.
//! The fields of a place ([`super::LIEU`]) are these columns but `presentation_detail` (the
//! entry's body), then resin's own; a test checks that both agree.

use std::sync::LazyLock;

use serde::Deserialize;

/// One column of the national standard, from its TableSchema (`data/standard/schema.json`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct SchemaField {
    /// Column name.
    pub name: String,
    /// French title.
    #[serde(default)]
    pub title: String,
    /// French description.
    #[serde(default)]
    pub description: String,
    /// Constraints (required, pattern…).
    #[serde(default)]
    pub constraints: serde_json::Value,
}

impl SchemaField {
    /// True when the standard requires the column.
    pub(crate) fn required(&self) -> bool {
        self.constraints.get("required").and_then(serde_json::Value::as_bool).unwrap_or(false)
    }
}

#[derive(Deserialize)]
struct Schema {
    fields: Vec<SchemaField>,
}

static FIELDS: LazyLock<Vec<SchemaField>> = LazyLock::new(|| {
    let schema: Schema = serde_json::from_str(include_str!("../../data/standard/schema.json"))
        .expect("data/standard/schema.json is the standard's TableSchema");
    schema.fields
});

/// The standard's columns, in its order.
pub(crate) fn schema_fields() -> &'static [SchemaField] {
    &FIELDS
}
