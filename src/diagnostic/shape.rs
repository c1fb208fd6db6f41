//! What a value is and what a field takes, as "wrong type" problems name them
//! ([`super::Kind::WrongType`]: « `zoom` doit être un nombre entier, pas du texte »).

use std::fmt;

use serde_yaml::Value;

/// The shape of a value: what was written, or what a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Nothing (`~`, or the key alone).
    Empty,
    /// `true` or `false`.
    Boolean,
    /// Any number.
    Number,
    /// Text.
    Text,
    /// A list.
    List,
    /// A mapping.
    Fields,
    /// A YAML tagged value (`!tag …`).
    Tagged,
    /// A whole number, zero or more.
    WholeNumber,
    /// A number with a fraction, or below zero.
    FractionOrNegative,
    /// A whole number a map's zoom takes.
    Zoom,
    /// A number past a map's zoom.
    LargerNumber,
    /// A date.
    Date,
    /// A date written `AAAA-MM-JJ`.
    IsoDate,
    /// A time written `HH:MM`.
    Time,
    /// `true` or `false`, as a person answers.
    YesNo,
    /// One of the values a `choix` field declares.
    DeclaredValue,
    /// A web address.
    Url,
    /// Any value (a territorial field of an unknown type).
    AnyValue,
    /// The list of an offer's sessions.
    Sessions,
    /// One session.
    Session,
    /// The list of an entry's attachments.
    Attachments,
    /// One attachment.
    Attachment,
}

impl Shape {
    /// The shape of a YAML value as written.
    pub fn of(value: &Value) -> Shape {
        match value {
            Value::Null => Shape::Empty,
            Value::Bool(_) => Shape::Boolean,
            Value::Number(_) => Shape::Number,
            Value::String(_) => Shape::Text,
            Value::Sequence(_) => Shape::List,
            Value::Mapping(_) => Shape::Fields,
            Value::Tagged(_) => Shape::Tagged,
        }
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shape::Empty => "une valeur vide",
            Shape::Boolean => "un booléen (oui/non)",
            Shape::Number => "un nombre",
            Shape::Text => "du texte",
            Shape::List => "une liste",
            Shape::Fields => "une liste de champs",
            Shape::Tagged => "une valeur étiquetée",
            Shape::WholeNumber => "un nombre entier",
            Shape::FractionOrNegative => "un nombre à virgule ou négatif",
            Shape::Zoom => "un nombre entier de 0 à 255",
            Shape::LargerNumber => "un nombre plus grand",
            Shape::Date => "une date",
            Shape::IsoDate => "une date AAAA-MM-JJ",
            Shape::Time => "une heure HH:MM",
            Shape::YesNo => "oui ou non (`true` ou `false`)",
            Shape::DeclaredValue => "une des valeurs déclarées",
            Shape::Url => "une adresse web https://…",
            Shape::AnyValue => "une valeur",
            Shape::Sessions => "une liste de séances",
            Shape::Session => "une séance `{ date, debut, fin }`",
            Shape::Attachments => "une liste de fichiers",
            Shape::Attachment => "une liste de champs `{ fichier: …, titre: … }`",
        })
    }
}
