//! QR codes as inline SVG, drawn at build time: a printed sheet or a screen leads a phone to
//! the page without typing its address.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white margin around the code (the standard's quiet zone).
const QUIET_ZONE: usize = 4;

/// The QR code of `text` as an SVG element sized by CSS (one unit per module), hidden from
/// screen readers: the page says in words what it leads to. `None` if the text is too long.
pub fn svg(text: &str) -> Option<String> {
    // Level M: a printed code still reads when slightly damaged or badly lit.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            // One rectangle per run of dark modules in a row.
            let start = x;
            while x < width && row[x] == Color::Dark {
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

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://resin.exemple.fr/lieux/mediatheque-du-bachut/";

    #[test]
    fn draws_every_dark_module_once_inside_the_quiet_zone() {
        let svg = svg(URL).unwrap();
        let code = QrCode::with_error_correction_level(URL.as_bytes(), EcLevel::M).unwrap();
        let dark = code.to_colors().iter().filter(|c| **c == Color::Dark).count();
        let path = svg.split("d=\"").nth(1).unwrap().split('"').next().unwrap();
        let drawn: usize = path
            .split('M')
            .skip(1)
            .map(|rect| rect.split('h').nth(1).unwrap().split('v').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(drawn, dark);
        let size = code.width() + 2 * QUIET_ZONE;
        assert!(svg.contains(&format!("viewBox=\"0 0 {size} {size}\"")), "{svg}");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-hidden=\"true\""));
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
