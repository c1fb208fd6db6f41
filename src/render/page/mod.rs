//! One module per kind of HTML page. Each owns what its template reads (the `Serialize` view
//! data), its metadata in French (title, description, breadcrumb) and, where the page can be
//! kept between two builds of `resin serve`, its dependency key: the function that hashes the
//! entries the page shows sits beside the code that shows them ([`super::deps`]).
//!
//! A page module has a `render` function called by `Renderer`'s dispatch; the folder
//! of each page is decided by the plan in [`super`].

pub(crate) mod admin;
pub(crate) mod data;
pub(crate) mod embed;
pub(crate) mod free;
pub(crate) mod home;
pub(crate) mod map;
pub(crate) mod network;
pub(crate) mod not_found;
pub(crate) mod offer;
pub(crate) mod offers;
pub(crate) mod orient;
pub(crate) mod place;
pub(crate) mod places;
pub(crate) mod terms;
