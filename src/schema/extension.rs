//! Territorial fields: the fields of places and offers that a site declares in `site.yaml`
//! beside the standard's. Their types belong to the content model; `config` reads the
//! declarations, `validate` checks the values, `render` and `export` show them.

use crate::diagnostic::Shape;
use serde::{Deserialize, Serialize};

/// Territorial fields of places and offers, declared in `site.yaml`: validated like the
/// standard's, shown on pages, offered as filters where marked, exported outside the
/// standard's columns.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Extensions {
    /// Extra fields of places.
    #[serde(default)]
    pub lieux: Vec<Extension>,
    /// Extra fields of offers.
    #[serde(default)]
    pub offres: Vec<Extension>,
}

/// One territorial field.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// Field name in the front matter (`pass_numerique`).
    pub nom: String,
    /// French label shown on pages and filters ("Accepte le Pass numérique").
    pub libelle: String,
    /// Kind of value.
    #[serde(rename = "type")]
    pub kind: ExtensionType,
    /// The allowed values of a `choix`.
    #[serde(default)]
    pub valeurs: Vec<String>,
    /// True to offer it as a filter of the directory (`booleen` and `choix` only).
    #[serde(default)]
    pub filtre: bool,
    /// A sentence explaining it, shown beside its value on pages.
    #[serde(default)]
    pub aide: Option<String>,
}

/// The kinds of territorial fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExtensionType {
    /// Yes or no.
    #[serde(rename = "booleen")]
    Boolean,
    /// Free text.
    #[serde(rename = "texte")]
    Text,
    /// One value of `valeurs`.
    #[serde(rename = "choix")]
    Choice,
    /// An http(s) address.
    Url,
    /// A date.
    Date,
    /// A type resin does not know: reported in `site.yaml`; values of the field are not
    /// checked (so that one typo does not also fail every entry that uses the field).
    #[serde(other)]
    Unknown,
}

impl ExtensionType {
    /// What a value of this kind is.
    pub fn expected(self) -> Shape {
        match self {
            ExtensionType::Boolean => Shape::YesNo,
            ExtensionType::Text => Shape::Text,
            ExtensionType::Choice => Shape::DeclaredValue,
            ExtensionType::Url => Shape::Url,
            ExtensionType::Date => Shape::IsoDate,
            ExtensionType::Unknown => Shape::AnyValue,
        }
    }
}

impl Extension {
    /// URL part of its filter page, `/criteres/<slug>/`.
    pub fn slug(&self) -> String {
        slug::slugify(&self.nom)
    }

    /// URL part of the filter page of a `choix` value, `/criteres/<slug>/<value>/`.
    pub fn value_slug(&self, value: &str) -> String {
        format!("{}/{}", self.slug(), slug::slugify(value))
    }
}
