//! The details some kinds of problem carry for their help: the likely postcodes of a commune,
//! and what a territorial field takes and what was written instead.

use std::fmt;

use super::Shape;

/// The commune of a malformed postcode and the postcodes of it likely meant (`likely_postcodes`
/// of the value rules), for the help of [`Kind::PostalCode`] and [`Kind::CodeAsNumber`].
#[derive(Clone, Debug, PartialEq)]
pub struct LikelyPostcodes {
    /// The commune, as the territory's list names it.
    pub commune: String,
    /// Its postcodes likely meant: one, or all of them.
    pub codes: Vec<String>,
}

/// A value of a territorial field that its declaration does not take: [`Kind::ExtensionValue`].
#[derive(Clone, Debug, PartialEq)]
pub struct ExtensionMismatch {
    /// The field.
    pub field: String,
    /// Its label in `site.yaml`.
    pub label: String,
    /// What it takes (`ExtensionType::expected`: « une date AAAA-MM-JJ »).
    pub expected: Shape,
    /// Its declared type, which says how to write a value.
    pub declared: Declared,
    /// What was written.
    pub found: Found,
}

/// The type of a territorial field as declared in `site.yaml` (`type:`, and `valeurs:` of a
/// `choix`), for the help of [`Kind::ExtensionValue`].
#[derive(Clone, Debug, PartialEq)]
pub enum Declared {
    /// `booleen`.
    Boolean,
    /// `texte`.
    Text,
    /// `choix`, with its values.
    Choice(Vec<String>),
    /// `url`.
    Url,
    /// `date`.
    Date,
}

/// A value as a problem quotes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// Text (or a number read as text): « … ».
    Text(String),
    /// Text close to one of the values of a `choix`.
    Close {
        /// The text.
        value: String,
        /// The closest value.
        suggestion: String,
    },
    /// A YAML `true` or `false`.
    Bool(bool),
    /// A value of another type (« une liste »).
    Type(Shape),
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Text(value) => write!(f, "« {value} »"),
            Found::Close { value, suggestion } => write!(f, "« {value} » (vouliez-vous dire « {suggestion} » ?)"),
            Found::Bool(b) => write!(f, "`{b}`"),
            Found::Type(name) => write!(f, "{name}"),
        }
    }
}
