//! A free page of the content (`content/pages/<slug>.md`, at `/<slug>/`): a title and a
//! Markdown body.

use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::Error;
use crate::markdown;
use crate::render::Renderer;
use crate::render::deps::Keys;

#[derive(Serialize)]
struct FreePage {
    titre: String,
    corps_html: String,
}

/// Renders the free page at `i`, in the folder `dir`.
pub(crate) fn render(r: &Renderer, i: usize, dir: &str) -> Result<String, Error> {
    let page = &r.site.entries.pages[i];
    let description = page.resume.clone().unwrap_or_else(|| markdown::plain_text(&page.corps, 160));
    let data = FreePage { titre: page.titre.clone(), corps_html: markdown::render_markdown(&page.corps) };
    let meta = r.meta(&page.titre, &description, dir, r.crumbs(&[]));
    r.page("page.html", &meta, &data)
}

/// The key of the free page at `i`: its own file only.
pub(crate) fn key(keys: &Keys, i: usize) -> u64 {
    let mut h = keys.hasher();
    (6u8, keys.entry(keys.site.entries.pages[i].file)).hash(&mut h);
    h.finish()
}
