use super::*;
use crate::provider::ProviderKind;

fn response(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        retry_after: None,
        body: body.into(),
    }
}

#[test]
fn builds_the_documented_form_post() {
    let r = Apertium.translate_request(&TranslateCall {
        base: "http://127.0.0.1:2737",
        key: None,
        from: Lang::Uk,
        to: Lang::Ru,
        texts: &["Київ & <b>мир</b>".into()],
    });
    assert_eq!(r.method, "POST");
    assert_eq!(r.url, "http://127.0.0.1:2737/translate");
    assert_eq!(
        r.body.as_deref(),
        Some("langpair=ukr%7Crus&q=%D0%9A%D0%B8%D1%97%D0%B2+%26+%3Cb%3E%D0%BC%D0%B8%D1%80%3C%2Fb%3E&markUnknown=yes&format=html")
    );
    assert!(r.headers[0]
        .1
        .starts_with("application/x-www-form-urlencoded"));
}

#[test]
fn batches_travel_as_one_text_and_come_back_apart() {
    let texts = vec![
        "Перший <b>абзац</b>.".to_string(),
        "Другий.".into(),
        "Третій".into(),
    ];
    let request = Apertium.translate_request(&TranslateCall {
        base: "http://apy",
        key: None,
        from: Lang::Uk,
        to: Lang::Ru,
        texts: &texts,
    });
    let body = request.body.unwrap();
    assert!(
        body.contains(&form_encode(
            "абзац</b>.<hr data-trimova=\"1\">Другий.<hr data-trimova=\"2\">Третій"
        )),
        "{body}"
    );
    let answer = r#"{"responseData":{"translatedText":"Первый <b>абзац</b>.<hr data-trimova=\"1\">Второй.<hr data-trimova=\"2\">Третий"},"responseStatus":200}"#;
    assert_eq!(
        ProviderKind::Apertium.parse_translation(&response(200, answer), 3),
        Ok(vec![
            "Первый <b>абзац</b>.".to_string(),
            "Второй.".into(),
            "Третий".into()
        ])
    );
    // A marker lost (or out of order) is a wrong count, which the clients answer by sending
    // the texts apart.
    let lost = r#"{"responseData":{"translatedText":"Первый. Второй.<hr data-trimova=\"2\">Третий"},"responseStatus":200}"#;
    assert_eq!(
        ProviderKind::Apertium.parse_translation(&response(200, lost), 3),
        Err(ProviderError::WrongCount {
            expected: 3,
            got: 1
        })
    );
    assert_eq!(split_batch("один"), ["один"]);
    assert_eq!(join_batch(&["один".into()]), "один");
}

#[test]
fn reads_a_translation() {
    let ok = response(
        200,
        r#"{"responseData": {"translatedText": "Киев"}, "responseDetails": null, "responseStatus": 200}"#,
    );
    assert_eq!(
        Apertium.parse_translation(&ok),
        Ok(vec!["Киев".to_string()])
    );
}

#[test]
fn maps_documented_errors() {
    let pair = response(
        400,
        r#"{"status": "error", "code": 400, "message": "Bad Request", "explanation": "That pair is not installed"}"#,
    );
    assert_eq!(
        Apertium.parse_translation(&pair),
        Err(ProviderError::PairNotSupported)
    );
    let busy = HttpResponse {
        status: 503,
        retry_after: Some("2".into()),
        body: String::new(),
    };
    assert_eq!(
        Apertium.parse_translation(&busy),
        Err(ProviderError::Unavailable {
            retry_after: Some(2.0)
        })
    );
    let other = response(
        400,
        r#"{"status": "error", "code": 400, "message": "Bad Request", "explanation": "Missing q"}"#,
    );
    assert_eq!(
        Apertium.parse_translation(&other),
        Err(ProviderError::Rejected(
            400,
            "Bad Request: Missing q".into()
        ))
    );
    assert!(matches!(
        Apertium.parse_translation(&response(200, "<html>")),
        Err(ProviderError::Malformed(_))
    ));
    assert!(matches!(
        Apertium.parse_translation(&response(
            200,
            r#"{"responseData": null, "responseStatus": 200}"#
        )),
        Err(ProviderError::Malformed(_))
    ));
}

#[test]
fn generation_marks_are_removed_but_hashtags_kept() {
    assert_eq!(
        Apertium.clean_output("що", "#что Путин, #который"),
        "что Путин, который"
    );
    assert_eq!(Apertium.clean_output("тег #мир", "тег #мир"), "тег #мир");
    assert_eq!(Apertium.clean_output("a", "<b>#что</b>"), "<b>что</b>");
}

#[test]
fn unknown_words_are_marked_for_the_reader() {
    // As APy answered for a real batch (separators included).
    assert_eq!(
        Apertium.clean_output(
            "x",
            "*Пресслужба уведомила, #что <b>*Кременчука</b> не *впоралася.<hr data-trimova=\"1\">Улица @п'ять *м'ясо-молочна"
        ),
        "<mark>Пресслужба</mark> уведомила, что <b><mark>Кременчука</mark></b> не <mark>впоралася</mark>.\
         <hr data-trimova=\"1\">Улица <mark>п'ять</mark> <mark>м'ясо-молочна</mark>"
    );
    // Stars and at signs of the source's own, and ones that start no word, stay.
    assert_eq!(
        Apertium.clean_output("5 * 3 = *x", "5 * 3 = *x"),
        "5 * 3 = *x"
    );
    assert_eq!(Apertium.clean_output("@trimova", "@trimova"), "@trimova");
    assert_eq!(Apertium.clean_output("a", "a * b, a@b.c"), "a * b, a@b.c");
}

#[test]
fn lists_pairs_among_our_languages() {
    let r = response(
        200,
        r#"{"responseData": [{"sourceLanguage": "rus", "targetLanguage": "ukr"}, {"sourceLanguage": "ukr", "targetLanguage": "rus"},
                             {"sourceLanguage": "eng", "targetLanguage": "spa"}], "responseDetails": null, "responseStatus": 200}"#,
    );
    assert_eq!(
        Apertium.parse_pairs(&r),
        Ok(vec![(Lang::Ru, Lang::Uk), (Lang::Uk, Lang::Ru)])
    );
    assert_eq!(
        Apertium.pairs_request("http://h").unwrap().url,
        "http://h/listPairs"
    );
}
