//! Integration tests: build real content with the `resin` binary and assert on the output.

mod support;

mod admin;
mod build;
mod check;
mod closures;
mod copies;
mod data_inclusion;
mod directory;
mod docs;
mod embed;
mod format;
mod hostile;
mod hours_editor;
mod import;
mod incremental;
mod labels;
mod languages;
mod navigateur;
mod offer_kind;
mod orientation;
mod publishing;
mod reseau;
mod robustness;
mod safety;
mod scaffold;
mod schema;
mod serve;
mod structured;
mod verification;
