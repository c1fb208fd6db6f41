//! Which files of `content/` that are not entries may be published, and SVG images that could
//! run a script.
//!
//! The published site shares its origin with the web editor (`/admin/`), which keeps the
//! animator's sign-in to the forge: a file that a browser runs as a document (HTML, XML, an SVG
//! holding a script) would run with that sign-in within reach. So media are published from an
//! allow-list of formats that a browser shows or downloads without running anything: the
//! images and attachments the content model accepts, and SVG images without script.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Kind, SvgHazard};

/// Image formats a browser shows, for `image` fields (SVG is left out there: an `<img>` shows
/// it, but most readers and exports do not).
pub(crate) const IMAGE_FORMATS: &[&str] = &["png", "jpg", "jpeg", "webp", "gif", "avif"];

/// Formats of attachments, with their names as shown.
pub(crate) const ATTACHMENT_FORMATS: &[(&str, &str)] = &[
    ("pdf", "PDF"),
    ("odt", "texte OpenDocument"),
    ("ods", "tableur OpenDocument"),
    ("odp", "présentation OpenDocument"),
    ("docx", "Word"),
    ("xlsx", "Excel"),
    ("pptx", "PowerPoint"),
    ("epub", "EPUB"),
    ("csv", "CSV"),
    ("txt", "texte"),
    ("zip", "archive ZIP"),
    ("png", "image PNG"),
    ("jpg", "image JPEG"),
    ("jpeg", "image JPEG"),
    ("mp3", "audio MP3"),
    ("mp4", "vidéo MP4"),
];

/// Other formats published as they are (linked from a text, not named by a field): older office
/// documents, drawings, calendars, sound, video and icons, which a browser shows or downloads.
pub(crate) const OTHER_FORMATS: &[&str] = &["doc", "xls", "ppt", "odg", "rtf", "ics", "ogg", "webm", "m4a", "ico"];

/// SVG: published once [`svg_danger`] finds nothing that can run.
pub(crate) const SVG: &str = "svg";

/// The largest SVG image read, in bytes: an image of a directory's page is far smaller, and a
/// larger one would take the memory of a check (and of the preview, on each request).
pub(crate) const MAX_SVG: u64 = 5_000_000;

/// The extension of a file name, in lower case (`""` when it has none).
pub(crate) fn extension(name: &str) -> String {
    let name = name.rsplit('/').next().unwrap_or(name);
    name.rsplit_once('.').filter(|(stem, _)| !stem.is_empty()).map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Whether a file with this extension (lower case) may be published.
pub(crate) fn published(extension: &str) -> bool {
    extension == SVG
        || IMAGE_FORMATS.contains(&extension)
        || OTHER_FORMATS.contains(&extension)
        || ATTACHMENT_FORMATS.iter().any(|(allowed, _)| *allowed == extension)
}

/// Why a media file at `path` (named `relative`) may not be published, or `None`; with the
/// refusal, the file's text when the refusal points inside it (an SVG image). Only SVG files
/// are read.
pub(crate) fn refusal(relative: &str, path: &Path) -> Option<(Refusal, String)> {
    if extension(relative) != SVG {
        return refusal_of(relative, &[]).map(|refusal| (refusal, String::new()));
    }
    // Unreadable now: the copy will say why. Too large, not read at all.
    let size = std::fs::metadata(path).ok()?.len();
    if size > MAX_SVG {
        return Some((Refusal::TooLarge { size }, String::new()));
    }
    let bytes = std::fs::read(path).ok()?;
    let refusal = refusal_of(relative, &bytes)?;
    let text = match refusal {
        Refusal::ActiveSvg { .. } => String::from_utf8_lossy(&bytes).into_owned(),
        Refusal::Format { .. } | Refusal::TooLarge { .. } => String::new(),
    };
    Some((refusal, text))
}

/// Why a media file named `relative`, holding `bytes`, may not be published, or `None`.
pub(crate) fn refusal_of(relative: &str, bytes: &[u8]) -> Option<Refusal> {
    let extension = extension(relative);
    if !published(&extension) {
        return Some(Refusal::Format { extension });
    }
    if extension != SVG {
        return None;
    }
    if bytes.len() as u64 > MAX_SVG {
        return Some(Refusal::TooLarge { size: bytes.len() as u64 });
    }
    svg_danger(bytes).map(|(reason, span)| Refusal::ActiveSvg { reason, span })
}

/// Why a file is not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Its format is not in the allow-list (`extension` is empty for a file without one).
    Format {
        /// The extension, in lower case.
        extension: String,
    },
    /// An SVG image that can run a script: what was found, in French, and where.
    ActiveSvg {
        /// What was found: an element `<script>`, an attribute `onload`…
        reason: SvgHazard,
        /// Byte range of the element or attribute in the file.
        span: Range<usize>,
    },
    /// An SVG image over [`MAX_SVG`] bytes: not read.
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
}

impl Refusal {
    /// The diagnostic for the file at `path` (from the site root).
    pub(crate) fn into_kind(self, path: String) -> Kind {
        match self {
            Refusal::Format { extension } => Kind::UnpublishedFormat { path, extension },
            Refusal::ActiveSvg { reason, .. } => Kind::ActiveSvg { path, reason },
            Refusal::TooLarge { size } => Kind::SvgTooLarge { path, size, max: MAX_SVG },
        }
    }

    /// Where in the file the refusal points (the whole file: `0..0`).
    pub(crate) fn span(&self) -> Range<usize> {
        match self {
            Refusal::Format { .. } | Refusal::TooLarge { .. } => 0..0,
            Refusal::ActiveSvg { span, .. } => span.clone(),
        }
    }
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Elements that run or embed a document, in any namespace.
const ACTIVE_ELEMENTS: &[&str] =
    &["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "frame", "frameset", "portal"];

/// Schemes a link of an SVG image may use.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel", "sms", "geo"];

/// Addresses that open a document that can run a script, refused in any attribute.
const ACTIVE_ADDRESSES: &[&str] = &[
    "javascript:",
    "vbscript:",
    "data:text/html",
    "data:text/xml",
    "data:text/javascript",
    "data:image/svg",
    "data:application/xhtml",
    "data:application/xml",
    "data:application/javascript",
    "data:application/ecmascript",
];

/// What in an SVG document could run a script when it is opened as a page, or `None` when
/// nothing can. Refused: text that is not well-formed XML, attribute defaults in a DTD,
/// processing instructions (`xml-stylesheet` can apply XSLT), a root that is not `<svg>`,
/// elements that run or embed documents (`script`, `foreignObject`, `iframe`…) or in the XHTML
/// namespace, event attributes (`onload`…), links (`href`, `xlink:href`) with a scheme other
/// than http(s), mailto, tel, sms, geo or a `data:image/…` that is not SVG, and any attribute
/// holding `javascript:`, `vbscript:` or a `data:` document (HTML, XML, SVG, script) once blanks
/// are taken out (as browsers do in URLs). Entities of a DTD are checked as expanded.
pub(crate) fn svg_danger(bytes: &[u8]) -> Option<(SvgHazard, Range<usize>)> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Some((SvgHazard::NotUtf8, e.valid_up_to()..e.valid_up_to())),
    };
    // A DTD is read (Illustrator writes one, with entities), its entities expanded by the
    // parser as a browser does, within its limits; attribute defaults (`<!ATTLIST svg onload
    // CDATA …>`) would add attributes this check does not see: refused.
    if let Some(at) = text.find("<!ATTLIST") {
        return Some((SvgHazard::AttributeDefaults, at..at + "<!ATTLIST".len()));
    }
    let options = roxmltree::ParsingOptions { allow_dtd: true, nodes_limit: 1_000_000, ..Default::default() };
    let document = match roxmltree::Document::parse_with_options(text, options) {
        Ok(document) => document,
        Err(e) => {
            // The parser gives a line and a column (in characters), both from 1.
            let (row, col) = (e.pos().row.max(1) as usize - 1, e.pos().col.max(1) as usize - 1);
            let line_start: usize = text.split('\n').take(row).map(|line| line.len() + 1).sum();
            let line = text.get(line_start.min(text.len())..).unwrap_or_default();
            let at = (line_start + line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)).min(text.len());
            return Some((SvgHazard::Malformed { error: e.to_string() }, at..at));
        }
    };
    let root = document.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return Some((SvgHazard::Root { name: root.tag_name().name().to_string() }, root.range()));
    }
    for node in document.descendants() {
        if node.is_pi() {
            return Some((SvgHazard::ProcessingInstruction, node.range()));
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        let start = node.range().start;
        // The opening tag: up to the first `>` (an attribute value may hold one, rarely).
        let tag = start..text[start..].find('>').map_or(node.range().end, |end| start + end + 1);
        if ACTIVE_ELEMENTS.contains(&name.to_ascii_lowercase().as_str()) {
            return Some((SvgHazard::Element { name: name.to_string() }, tag));
        }
        if node.tag_name().namespace() == Some(XHTML_NS) {
            return Some((SvgHazard::HtmlElement { name: name.to_string() }, tag));
        }
        for attribute in node.attributes() {
            if let Some(reason) = attribute_danger(attribute.name(), attribute.value()) {
                return Some((reason, attribute.range()));
            }
        }
    }
    None
}

/// What makes one attribute able to run a script, or `None`.
fn attribute_danger(name: &str, value: &str) -> Option<SvgHazard> {
    if name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
        return Some(SvgHazard::EventAttribute { name: name.to_string() });
    }
    // Browsers drop blanks and control characters from URLs: `java\tscript:` is `javascript:`.
    let squeezed: String =
        value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    for active in ACTIVE_ADDRESSES {
        if squeezed.contains(active) {
            return Some(SvgHazard::ActiveAddress { address: active, attribute: name.to_string() });
        }
    }
    if name == "href" {
        let scheme = squeezed
            .split_once(':')
            .map(|(scheme, _)| scheme)
            .filter(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')));
        // Images in any format but SVG (refused above).
        let raster = squeezed.starts_with("data:image/");
        if let Some(scheme) = scheme
            && !SAFE_SCHEMES.contains(&scheme)
            && !raster
        {
            return Some(SvgHazard::Scheme { scheme: scheme.to_string(), attribute: name.to_string() });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">"#;

    fn svg(inner: &str) -> Vec<u8> {
        format!("{OPEN}{inner}</svg>").into_bytes()
    }

    #[test]
    fn plain_drawings_pass() {
        for inner in [
            "",
            r#"<circle cx="5" cy="5" r="4" fill="url(#g)"/><linearGradient id="g"/>"#,
            r##"<use xlink:href="#g"/><a href="https://exemple.fr/"><text>Lien</text></a>"##,
            r#"<image href="data:image/png;base64,iVBORw0KGgo="/><style>circle { fill: red; }</style>"#,
            r#"<image href="data:image/avif;base64,AAAA"/><a href="sms:+33600000000"><text>SMS</text></a>"#,
            r#"<text style="font-family: x; src: url(data:application/font-woff2;base64,d09G)">Texte</text>"#,
            "<title>Logo de la médiathèque</title><desc>Un livre ouvert</desc>",
        ] {
            assert_eq!(svg_danger(&svg(inner)), None, "{inner}");
        }
        // Inkscape's own elements and attributes.
        let inkscape = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" inkscape:version="1.3"><sodipodi:namedview id="v"/><g inkscape:label="Calque 1"/></svg>"#;
        assert_eq!(svg_danger(inkscape.as_bytes()), None);
        // Illustrator's « Enregistrer sous » SVG 1.1: a DOCTYPE and entities.
        let illustrator = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
]>
<svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#;
        assert_eq!(svg_danger(illustrator.as_bytes()), None);
        assert_eq!(
            svg_danger(br#"<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg"/>"#),
            None
        );
    }

    #[test]
    fn what_can_run_is_refused() {
        for (inner, found) in [
            ("<script>alert(1)</script>", "`<script>`"),
            ("<SCRIPT>alert(1)</SCRIPT>", "`<SCRIPT>`"),
            (r#"<circle onload="alert(1)"/>"#, "`onload`"),
            (r#"<circle ONCLICK="alert(1)"/>"#, "`ONCLICK`"),
            (r#"<a href="javascript:alert(1)"><text>x</text></a>"#, "javascript:"),
            (r#"<a xlink:href="java&#9;script:alert(1)"/>"#, "javascript:"),
            (r#"<a href=" JaVaScRiPt:alert(1)"/>"#, "javascript:"),
            (r#"<animate attributeName="href" to="javascript:alert(1)"/>"#, "javascript:"),
            (r#"<set attributeName="href" values="&#106;avascript:alert(1)"/>"#, "javascript:"),
            (r#"<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>"#, "foreignObject"),
            (r#"<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>"#, "`<script>`"),
            (r#"<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x"/>"#, "HTML"),
            (r#"<iframe src="https://exemple.fr"/>"#, "iframe"),
            (r#"<image href="data:image/svg+xml;base64,PHN2Zz4="/>"#, "data:image/svg"),
            (r#"<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>"#, "data:text/html"),
            (r#"<a href="vbscript:msgbox"/>"#, "vbscript:"),
            (r#"<a href="file:///etc/passwd"/>"#, "`file:`"),
        ] {
            let (reason, span) = svg_danger(&svg(inner)).unwrap_or_else(|| panic!("{inner} passed"));
            assert!(span.start >= OPEN.len() && span.end > span.start, "{inner}: {span:?}");
            assert!(reason.to_string().contains(found), "{inner}: {reason}");
        }
        let pi = format!("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>{OPEN}</svg>");
        assert_eq!(svg_danger(pi.as_bytes()).unwrap().0, SvgHazard::ProcessingInstruction);
        // What entities hide is checked expanded; attribute defaults are refused.
        let entity = format!("<!DOCTYPE svg [<!ENTITY s \"<script>alert(1)</script>\">]>{OPEN}&s;</svg>");
        assert_eq!(svg_danger(entity.as_bytes()).unwrap().0, SvgHazard::Element { name: "script".into() });
        let attlist = format!("<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"alert(1)\">]>{OPEN}</svg>");
        assert_eq!(svg_danger(attlist.as_bytes()).unwrap().0, SvgHazard::AttributeDefaults);
        let laughs = format!(
            "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>{OPEN}<text>&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;</text></svg>"
        );
        assert!(svg_danger(laughs.as_bytes()).is_some(), "a billion laughs is refused, not expanded");
        let html = svg_danger(b"<html><script>alert(1)</script></html>").unwrap().0;
        assert_eq!(html, SvgHazard::Root { name: "html".into() });
        assert!(matches!(svg_danger(b"<svg><script>").unwrap().0, SvgHazard::Malformed { .. }));
        assert_eq!(svg_danger(b"\xff\xfe<svg/>").unwrap().0, SvgHazard::NotUtf8);
        // Where: the attribute itself, on its line.
        let text = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"4\" onload=\"alert(1)\"/>\n</svg>";
        let (_, span) = svg_danger(text.as_bytes()).unwrap();
        assert_eq!(&text[span], "onload=\"alert(1)\"");
    }

    #[test]
    fn the_allow_list() {
        for name in ["a.png", "b.JPG", "medias/c.pdf", "d.odp", "e.svg", "f.docx", "notes.txt"] {
            assert!(published(&extension(name)), "{name}");
        }
        for name in ["index.html", "a.htm", "b.xhtml", "c.xml", "d.js", "e.mjs", "f.css", "g.swf", "CNAME", ".htaccess"]
        {
            assert!(!published(&extension(name)), "{name}");
        }
        assert_eq!(extension("medias/archive.tar.GZ"), "gz");
        let large = vec![b' '; MAX_SVG as usize + 1];
        assert_eq!(refusal_of("plan.svg", &large), Some(Refusal::TooLarge { size: MAX_SVG + 1 }));
        assert_eq!(extension("medias.d/LICENSE"), "");
    }
}
