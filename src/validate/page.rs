//! A free page's front matter to a [`Page`].

use crate::diagnostic::Diagnostic;
use crate::load::RawEntry;
use crate::model::Page;
use crate::schema::reader::Fields;

/// Validates one page.
pub(crate) fn validate_page(entry: &RawEntry, text: &str) -> (Option<Page>, Vec<Diagnostic>) {
    let mut f = Fields::new(entry, text);
    let titre = f.required_text("titre");
    let resume = f.short_text("resume", 280);
    f.body();
    let diagnostics = f.finish(crate::schema::names(crate::load::EntryKind::Page));
    let page = titre.filter(|_| diagnostics.is_empty()).map(|titre| Page {
        slug: entry.slug.clone(),
        file: entry.file,
        titre,
        resume,
        corps: text[entry.body.clone()].trim().to_string(),
    });
    (page, diagnostics)
}
