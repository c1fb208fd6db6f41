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
    /// resin's additions to Decap, `resin-*.js`, in the order of their names.
    scripts: Vec<String>,
    depot: Option<String>,
}

/// Renders `admin/index.html`. It is not a page of the site's layout: no metadata.
pub(crate) fn render(r: &Renderer) -> Result<String, Error> {
    let urls = &r.urls;
    let data = AdminPage {
        config: urls.path(&format!("{DIR}/config.yml")),
        decap: urls.path(&format!("{DIR}/decap-cms/decap-cms.js")),
        scripts: crate::render::theme::ADMIN
            .iter()
            .map(|(path, _)| *path)
            .filter(|path| path.starts_with("resin-") && path.ends_with(".js") && !path.contains('/'))
            .map(|path| urls.path(&format!("{DIR}/{path}")))
            .collect(),
        depot: r.site.config.edition_en_ligne.as_ref().and_then(|e| e.depot.clone()),
    };
    let mut context = Context::new();
    context.insert("site", &r.shared);
    context.insert("d", &data);
    r.theme.render("admin.html", &context)
}
