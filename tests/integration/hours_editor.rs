//! The preview's answer to the web editor's hours widget (`POST /__resin/horaires`): resin's
//! reading of a value, the problem `check` would report, the OSM value of a French sentence;
//! only for the preview's own pages.

use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::{Value, json};

use crate::serve::Server;
use crate::support::SiteTest;

/// A POST to the widget's address with `headers`; the status and the JSON answer.
fn ask(server: &Server, headers: &[String], body: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(&server.address).expect("connects");
    let mut request =
        format!("POST /__resin/horaires HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for line in headers {
        request += &format!("{line}\r\n");
    }
    write!(stream, "{request}\r\n{body}").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, json) = answer.split_once("\r\n\r\n").expect("a header");
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
    (status, serde_json::from_str(json).unwrap_or(Value::Null))
}

#[test]
fn the_hours_widget_gets_resin_s_reading_from_the_preview() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let own = |extra: &[&str]| {
        let mut headers = vec![format!("Host: {}", server.address), format!("Origin: http://{}", server.address)];
        headers.extend(extra.iter().map(|h| h.to_string()));
        headers
    };
    let json_body = own(&["Content-Type: application/json", "Sec-Fetch-Site: same-origin"]);
    let texte = |text: &str| json!({ "texte": text }).to_string();

    // A French sentence: not a value resin reads, but a proposal with its reading.
    let (status, got) = ask(&server, &json_body, &texte("du lundi au vendredi de 9h à 12h et de 14h à 17h"));
    assert_eq!(status, 200);
    assert_eq!(got["valide"], false);
    assert_eq!(got["proposition"]["valeur"], "Mo-Fr 09:00-12:00,14:00-17:00");
    assert_eq!(got["proposition"]["lecture"][0], "Lundi au vendredi : 9\u{a0}h – 12\u{a0}h et 14\u{a0}h – 17\u{a0}h");
    // An invalid OSM value: `check`'s problem, in French, without file, line or code.
    let (_, got) = ask(&server, &json_body, &texte("Mo-Fr 09:00-"));
    assert_eq!(got["probleme"], "horaires illisibles : l'expression s'arrête trop tôt");
    assert_eq!(got["proposition"], Value::Null);
    // A valid value: the reading of the place's page.
    let (_, got) = ask(&server, &json_body, &texte("Tu-Sa 10:00-18:00; PH off"));
    assert_eq!(got["valide"], true);
    assert_eq!(
        got["lecture"],
        json!([
            "Fermé le lundi",
            "Mardi au samedi : 10\u{a0}h – 18\u{a0}h",
            "Fermé le dimanche",
            "Fermé les jours fériés"
        ])
    );

    // Only the preview's own pages, with a JSON body, are answered.
    let form = own(&["Content-Type: text/plain"]);
    assert_eq!(ask(&server, &form, &texte("Mo 10:00-12:00")).0, 415);
    let elsewhere = vec![
        format!("Host: {}", server.address),
        "Origin: http://exemple.fr".to_string(),
        "Content-Type: application/json".to_string(),
    ];
    assert_eq!(ask(&server, &elsewhere, &texte("Mo 10:00-12:00")).0, 403);
    let cross = own(&["Content-Type: application/json", "Sec-Fetch-Site: cross-site"]);
    assert_eq!(ask(&server, &cross, &texte("Mo 10:00-12:00")).0, 403);
    let other_host = vec!["Host: exemple.fr".to_string(), "Content-Type: application/json".to_string()];
    assert_eq!(ask(&server, &other_host, &texte("Mo 10:00-12:00")).0, 403);
    let (status, got) = ask(&server, &json_body, "{\"text\": 1}");
    assert_eq!(status, 400);
    assert_eq!(got["error"], "requête illisible");

    // Without the web editor, or on a preview open to the network, there is no such address.
    let plain = SiteTest::new().file("content/lieux/a.md", crate::support::PLACE);
    let without = Server::start(plain.root(), &[]);
    let headers = vec![
        format!("Host: {}", without.address),
        format!("Origin: http://{}", without.address),
        "Content-Type: application/json".into(),
    ];
    assert_eq!(ask(&without, &headers, &texte("Mo 10:00-12:00")).0, 404);
    let open = Server::start(site.root(), &["--bind", "0.0.0.0"]);
    let headers = vec![
        format!("Host: {}", open.address),
        format!("Origin: http://{}", open.address),
        "Content-Type: application/json".into(),
    ];
    assert_eq!(ask(&open, &headers, &texte("Mo 10:00-12:00")).0, 404);
}
