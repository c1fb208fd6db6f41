//! The opening-hours widget of the web editor (`resin-horaires.js`) asks the preview, at
//! [`HOURS_PATH`], what resin makes of an `horaires` value as the animator types it: whether
//! `check` accepts it, its French reading (the words of the place's page), the problem `check`
//! would report, and, for hours written the French way, the OSM value
//! [`crate::spoken_hours::propose`] reads in them. The rules stay in resin: the widget re-types
//! none of them.
//!
//! Only when `site.yaml` turns the web editor on, on a preview bound to this computer, and with
//! the guards of the web editor's local API ([`super::decap`]): a JSON body, from the preview's
//! own address (`Host`, `Origin`, `Sec-Fetch-Site`). It reads nothing and writes nothing. On the
//! published site there is no resin server: the widget says that the text is checked at
//! publication.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Shared, decap};
use crate::diagnostic::{EditorRefusal, Kind};
use crate::hours;

/// Where the widget asks: beside Decap's local API, whose address the widget reads in the
/// preview's `config.yml` (the site's own files never name the preview's addresses).
pub(crate) const HOURS_PATH: &str = "/__resin/horaires";

/// An `horaires` value fits in a few lines; more is not read.
const MAX_BODY: usize = 16 * 1024;

/// What the widget sends: the text of the field, or a French sentence pasted.
#[derive(Deserialize)]
struct Question {
    texte: String,
}

/// `POST /__resin/horaires` `{ texte }` → `{ valide, lecture, probleme, proposition }`.
pub(crate) async fn answer(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Body) -> Response {
    if let Err(refusal) = decap::admit_headers(&shared, &headers) {
        return decap::refuse(refusal);
    }
    let question = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => serde_json::from_slice::<Question>(&bytes).ok(),
        Err(_) => None,
    };
    let Some(question) = question else {
        return decap::refuse(EditorRefusal::UnreadableRequest);
    };
    // The week read is the one of today, as a build of today would show it.
    let today = crate::today().unwrap_or_else(|_| chrono::Utc::now().date_naive());
    axum::Json(reading(&question.texte, today)).into_response()
}

/// What resin makes of `text` as an `horaires` value, on the week of `today`.
fn reading(text: &str, today: NaiveDate) -> Value {
    let text = text.trim();
    if text.is_empty() {
        return json!({ "valide": true, "lecture": [], "probleme": null, "proposition": null });
    }
    match hours::parse(text) {
        Ok(_) => json!({ "valide": true, "lecture": lines(text, today), "probleme": null, "proposition": null }),
        Err(error) => {
            let proposal = crate::spoken_hours::propose(text);
            let proposition = proposal.as_ref().map(|value| json!({ "valeur": value, "lecture": lines(value, today) }));
            // The words of `check`'s message, without its file, line and code.
            let problem = Kind::Hours { problem: error.problem, proposal }.to_string();
            json!({ "valide": false, "lecture": null, "probleme": problem, "proposition": proposition })
        }
    }
}

/// The reading of a valid value as the place's page gives it: the week's lines, then what
/// happens on public holidays.
fn lines(value: &str, today: NaiveDate) -> Vec<String> {
    let Some(week) = hours::week(value, today) else { return Vec::new() };
    week.summary.into_iter().chain(week.holidays).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn the_widget_finds_the_address_beside_decap_s_local_api() {
        let folder = |path: &'static str| path.rsplit_once('/').map(|(folder, _)| folder);
        assert_eq!(folder(HOURS_PATH), folder(super::super::decap::API_PATH));
        assert!(HOURS_PATH.ends_with("/horaires"), "resin-horaires.js asks for `horaires` beside `decap`");
    }

    #[test]
    fn a_valid_value_gets_the_reading_of_the_page() {
        let got = reading("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off", today());
        assert_eq!(got["valide"], true);
        assert_eq!(
            got["lecture"],
            json!([
                "Lundi au vendredi : 9\u{a0}h – 12\u{a0}h et 14\u{a0}h – 17\u{a0}h",
                "Samedi : 9\u{a0}h – 12\u{a0}h",
                "Fermé le dimanche",
                "Fermé les jours fériés",
            ])
        );
        assert_eq!(got["probleme"], Value::Null);
        assert_eq!(reading("  ", today())["lecture"], json!([]), "an empty field is fine: no hours given");
    }

    #[test]
    fn a_french_sentence_gets_the_osm_value_and_its_reading() {
        let got = reading("du lundi au vendredi de 9h à 12h et de 14h à 17h, fermé les jours fériés", today());
        assert_eq!(got["valide"], false);
        assert_eq!(got["proposition"]["valeur"], "Mo-Fr 09:00-12:00,14:00-17:00; PH off");
        assert_eq!(
            got["proposition"]["lecture"][0],
            "Lundi au vendredi : 9\u{a0}h – 12\u{a0}h et 14\u{a0}h – 17\u{a0}h"
        );
        let problem = got["probleme"].as_str().unwrap();
        assert!(problem.starts_with("horaires illisibles : les jours s'écrivent en abrégé anglais"), "{problem}");
    }

    #[test]
    fn an_invalid_value_gets_the_problem_of_check_in_french() {
        let got = reading("Mo-Fr 09:00-12:00 @@", today());
        assert_eq!(got["valide"], false);
        assert_eq!(got["probleme"], "horaires illisibles : syntaxe inattendue à partir de « @@ »");
        assert_eq!(got["proposition"], Value::Null, "nothing is proposed for what is not French hours");
        assert_eq!(got["lecture"], Value::Null);
    }
}
