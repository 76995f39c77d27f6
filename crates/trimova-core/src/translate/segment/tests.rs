use super::*;
use crate::article::parse_article;
use crate::Lang;

fn edition() -> Edition {
    let json = r#"{"format": "trimova.article/1", "id": "s", "published": "2024-06-14T10:05:00+03:00", "original": "uk",
      "editions": {"uk": {"title": "Заголовок UNN", "dateline": "Київ", "lead": "Лід", "authors": ["Ольга Розгон"],
        "body": [
          {"type": "paragraph", "text": [{"text": "Сказав "}, {"text": "Шін", "strong": true, "href": "https://x.example/"}]},
          {"type": "heading", "text": "Подробиці"},
          {"type": "quote", "text": "Цитата", "attribution": "Шін Вон Сік"},
          {"type": "list", "items": ["один", "два"]},
          {"type": "image", "src": "a.svg", "alt": "Опис", "caption": "Підпис", "credit": "Фото: Т."},
          {"type": "poll"}
        ]}}}"#;
    parse_article(json, None).unwrap().editions[&Lang::Uk].clone()
}

#[test]
fn a_header_shows_what_arrived_and_names_what_did_not() {
    let original = edition();
    let source = segments(&original, &[]);
    let done = HashMap::from([
        (Slot::Title, "Заголовок".to_string()),
        (Slot::Text(0), "x".into()),
    ]);
    let missing = missing_slots(&source, &done);
    assert!(!missing.contains(&Slot::Title) && !missing.contains(&Slot::Text(0)));
    assert_eq!(missing.len(), source.len() - 2);
    let shown = apply(&original, &source, &done, &[]);
    let (header, untranslated) = header_of(&shown, &original, &missing);
    assert_eq!(header.title, "Заголовок");
    assert_eq!(header.lead.as_deref(), Some("Лід"));
    assert_eq!(
        header.body, original.body,
        "the header carries no translated body"
    );
    assert_eq!(untranslated, [Slot::Dateline, Slot::Lead]);
}

#[test]
fn every_text_is_a_segment_in_reading_order() {
    let segs = segments(&edition(), &["UNN".into()]);
    let slots: Vec<Slot> = segs.iter().map(|s| s.slot).collect();
    assert_eq!(
        slots,
        [
            Slot::Title,
            Slot::Dateline,
            Slot::Lead,
            Slot::Text(0),
            Slot::Text(1),
            Slot::Text(2),
            Slot::Attribution(2),
            Slot::Item(3, 0),
            Slot::Item(3, 1),
            Slot::Alt(4),
            Slot::Caption(4),
        ]
    );
    assert_eq!(segs[0].html, "Заголовок <span data-k=\"0\"></span>");
    assert_eq!(segs[3].html, "Сказав <a href=\"0\"><b>Шін</b></a>");
    assert_eq!(segs[3].links, ["https://x.example/"]);
}

#[test]
fn translations_land_in_their_slots_and_the_rest_stays() {
    let ed = edition();
    let terms = vec!["UNN".to_string()];
    let segs = segments(&ed, &terms);
    let mut done = HashMap::new();
    done.insert(
        Slot::Title,
        "Заголовок <span data-k=\"0\"></span>".to_string(),
    );
    done.insert(
        Slot::Text(0),
        "Сказал <a href=\"0\"><b>Шин</b></a>".to_string(),
    );
    done.insert(Slot::Item(3, 1), "два!".to_string());
    done.insert(Slot::Caption(4), "Подпись".to_string());
    let out = apply(&ed, &segs, &done, &terms);
    assert_eq!(out.title, "Заголовок UNN");
    let Block::Paragraph { text } = &out.body[0] else {
        panic!()
    };
    let runs = text.runs();
    assert_eq!(runs[0].text, "Сказал ");
    assert_eq!(
        (
            runs[1].text.as_str(),
            runs[1].strong,
            runs[1].href.as_deref()
        ),
        ("Шин", true, Some("https://x.example/"))
    );
    assert_eq!(out.body[1], ed.body[1], "untranslated heading stays");
    let Block::List { items, .. } = &out.body[3] else {
        panic!()
    };
    assert_eq!(items[0].plain_text(), "один");
    assert_eq!(items[1].plain_text(), "два!");
    let Block::Image {
        caption, credit, ..
    } = &out.body[4]
    else {
        panic!()
    };
    assert_eq!(
        (caption.as_deref(), credit.as_deref()),
        (Some("Подпись"), Some("Фото: Т."))
    );
    assert_eq!(out.authors, ed.authors, "names are never translated");
}
