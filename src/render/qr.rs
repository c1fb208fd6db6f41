//! QR codes as inline SVG, drawn at build time: a printed sheet or a screen leads a phone to
//! the page without typing its address.

use std::fmt::Write as _;

use fast_qr::{ECL, QRBuilder};

/// Modules of white margin around the code (the standard's quiet zone).
const QUIET_ZONE: usize = 4;

/// The QR code of `text` as an SVG element sized by CSS (one unit per module), hidden from
/// screen readers: the page says in words what it leads to. `None` if the text is too long.
pub(crate) fn svg(text: &str) -> Option<String> {
    let dark = modules(text)?;
    let width = dark.len();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in dark.iter().enumerate() {
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            // One rectangle per run of dark modules in a row.
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            let run = x - start;
            write!(path, "M{} {}h{run}v1h-{run}z", start + QUIET_ZONE, y + QUIET_ZONE).expect("writing to a String");
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" aria-hidden=\"true\" \
         focusable=\"false\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path d=\"{path}\"/></svg>"
    ))
}

/// The modules of the QR code of `text`, row by row (true: dark). fast_qr, since the
/// `qrcode` crate took 0.6 ms a code to choose its mask: 6 s for 10 000 place pages.
fn modules(text: &str) -> Option<Vec<Vec<bool>>> {
    // Level M: a printed code still reads when slightly damaged or badly lit.
    let code = QRBuilder::new(text.as_bytes()).ecl(ECL::M).build().ok()?;
    let width = code.size;
    Some((0..width).map(|y| (0..width).map(|x| code.data[y * width + x].value()).collect()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://resin.exemple.fr/lieux/mediatheque-du-bachut/";

    #[test]
    fn draws_every_dark_module_once_inside_the_quiet_zone() {
        let svg = svg(URL).unwrap();
        let modules = modules(URL).unwrap();
        let dark = modules.iter().flatten().filter(|d| **d).count();
        let path = svg.split("d=\"").nth(1).unwrap().split('"').next().unwrap();
        let drawn: usize = path
            .split('M')
            .skip(1)
            .map(|rect| rect.split('h').nth(1).unwrap().split('v').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(drawn, dark);
        let size = modules.len() + 2 * QUIET_ZONE;
        assert!(svg.contains(&format!("viewBox=\"0 0 {size} {size}\"")), "{svg}");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-hidden=\"true\""));
    }

    /// A QR decoder reads the drawn code back: the address, exactly.
    #[test]
    fn decodes_to_the_address() {
        for url in
            [URL, "https://resin.exemple.fr/lieux/centre-social-et-culturel-des-etats-unis-lyon-8e-arrondissement/"]
        {
            let modules = modules(url).unwrap();
            let scale = 4;
            let size = (modules.len() + 2 * QUIET_ZONE) * scale;
            let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
                let (mx, my) = ((x / scale).wrapping_sub(QUIET_ZONE), (y / scale).wrapping_sub(QUIET_ZONE));
                let dark = modules.get(my).and_then(|row| row.get(mx)).copied().unwrap_or(false);
                if dark { 0 } else { 255 }
            });
            let grids = image.detect_grids();
            assert_eq!(grids.len(), 1);
            let (_, content) = grids[0].decode().unwrap();
            assert_eq!(content, url);
        }
    }

    #[test]
    fn is_the_same_every_time() {
        assert_eq!(svg(URL), svg(URL));
        assert_ne!(svg(URL), svg("https://resin.exemple.fr/lieux/autre/"));
    }

    #[test]
    fn refuses_a_text_too_long_for_a_code() {
        assert_eq!(svg(&"x".repeat(5000)), None);
    }
}
