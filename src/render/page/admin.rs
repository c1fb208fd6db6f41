//! The web editor's page, `admin/index.html`: where its configuration and scripts are, and
//! the repository. Its configuration is [`crate::render::files::admin`].

use serde::Serialize;
use tera::Context;

use crate::Error;
use crate::render::Renderer;
use crate::render::files::admin::DIR;

/// The web editor's page: where its configuration and scripts are, and the repository.
#[derive(Serialize)]
struct AdminPage {
    config: String,
    decap: String,
    script: String,
    depot: Option<String>,
}

/// Renders `admin/index.html`. It is not a page of the site's layout: no metadata.
pub(crate) fn render(r: &Renderer) -> Result<String, Error> {
    let urls = &r.urls;
    let data = AdminPage {
        config: urls.path(&format!("{DIR}/config.yml")),
        decap: urls.path(&format!("{DIR}/decap-cms/decap-cms.js")),
        script: urls.path(&format!("{DIR}/resin-cms.js")),
        depot: r.site.config.edition_en_ligne.as_ref().and_then(|e| e.depot.clone()),
    };
    let mut context = Context::new();
    context.insert("site", &r.shared);
    context.insert("d", &data);
    r.theme.render("admin.html", &context)
}
