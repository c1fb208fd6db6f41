//! resin builds Rés'IN, the directory of *médiation numérique* places of the Métropole de Lyon,
//! from content files: `content/site.yaml`, `content/lieux/*.md`, `content/offres/*.md` and
//! `content/pages/*.md`.
//!
//! Data flows one way: [`load`] → [`validate`] → [`index`] → [`render`] and [`export`] →
//! [`write`]. The CLI (`main.rs`) is a thin layer over [`check`] and [`build`].

pub mod config;
pub mod diagnostic;
pub mod error;
pub mod hours;
pub mod index;
pub mod load;
pub mod markdown;
pub mod model;
pub mod source;
pub mod suggest;
pub mod vocab;

pub use diagnostic::{Diagnostic, Format, Kind, Severity};
pub use error::Error;
pub mod export;
pub mod phone;
pub mod write;
