use super::*;
use crate::article::parse_article;
use crate::lang::Lang;

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
        (Field::Title, "Заголовок".to_string()),
        (Field::Text(0), "x".into()),
    ]);
    let missing = missing_fields(&source, &done);
    assert!(!missing.contains(&Field::Title) && !missing.contains(&Field::Text(0)));
    assert_eq!(missing.len(), source.len() - 2);
    let shown = apply(&original, &source, &done, &[]);
    let (header, pending) = header_of(&shown, &original, &missing);
    assert_eq!(header.title, "Заголовок");
    assert_eq!(header.lead.as_deref(), Some("Лід"));
    assert_eq!(
        header.body, original.body,
        "the header carries no translated body"
    );
    assert_eq!(pending, [Field::Dateline, Field::Lead]);
}

#[test]
fn every_text_is_a_segment_in_reading_order() {
    let segs = segments(&edition(), &["UNN".into()]);
    let fields: Vec<Field> = segs.iter().map(|s| s.field).collect();
    assert_eq!(
        fields,
        [
            Field::Title,
            Field::Dateline,
            Field::Lead,
            Field::Text(0),
            Field::Text(1),
            Field::Text(2),
            Field::Attribution(2),
            Field::Item(3, 0),
            Field::Item(3, 1),
            Field::Alt(4),
            Field::Caption(4),
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
        Field::Title,
        "Заголовок <span data-k=\"0\"></span>".to_string(),
    );
    done.insert(
        Field::Text(0),
        "Сказал <a href=\"0\"><b>Шин</b></a>".to_string(),
    );
    done.insert(Field::Item(3, 1), "два!".to_string());
    done.insert(Field::Caption(4), "Подпись".to_string());
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

#[test]
fn words_left_untranslated_are_kept_in_every_field() {
    let ed = edition();
    let terms = vec!["UNN".to_string()];
    let segs = segments(&ed, &terms);
    // What Apertium's `*` marks become (`UNTRANSLATED`), in every kind of field.
    let done: HashMap<Field, String> = [
        (
            Field::Title,
            "<mark>Заголовок</mark> <span data-k=\"0\"></span>",
        ),
        (Field::Dateline, "<mark>Київ</mark>"),
        (Field::Lead, "Лид <mark>вміщатися</mark>"),
        (
            Field::Text(0),
            "Сказал <a href=\"0\"><b><mark>Шін</mark></b></a>",
        ),
        (Field::Text(1), "Подробности <mark>сьогодні</mark>"),
        (Field::Text(2), "Цитата"),
        (Field::Attribution(2), "<mark>Шін</mark> Вон Сик"),
        (Field::Item(3, 0), "один"),
        (Field::Item(3, 1), "два"),
        (Field::Alt(4), "<mark>Опис</mark>"),
        (Field::Caption(4), "Подпись <mark>світлини</mark>"),
    ]
    .into_iter()
    .map(|(field, html)| (field, html.to_string()))
    .collect();
    let out = apply(&ed, &segs, &done, &terms);
    // Plain-text fields stay clean text: no marker of the engine's reaches a <title> or a feed.
    assert_eq!(out.title, "Заголовок UNN");
    assert_eq!(out.lead.as_deref(), Some("Лид вміщатися"));
    let marked_words = |field: Field| -> Vec<String> {
        let text = out.plain_text_of(field).unwrap_or_default();
        out.untranslated
            .mark(field, text)
            .runs()
            .into_iter()
            .filter(|r| r.untranslated)
            .map(|r| r.text)
            .collect()
    };
    assert_eq!(marked_words(Field::Title), ["Заголовок"]);
    assert_eq!(marked_words(Field::Dateline), ["Київ"]);
    assert_eq!(marked_words(Field::Lead), ["вміщатися"]);
    assert_eq!(marked_words(Field::Text(1)), ["сьогодні"]);
    assert_eq!(marked_words(Field::Attribution(2)), ["Шін"]);
    assert_eq!(marked_words(Field::Caption(4)), ["світлини"]);
    assert_eq!(marked_words(Field::Alt(4)), ["Опис"]);
    assert_eq!(out.untranslated.of_block(2).attribution, [[0, 3]]);
    // Shown marked: the body run and the six shown fields; the alt text is read whole.
    assert_eq!(out.untranslated_words(), 7);
    // A translation that comes back clean (a retry, another service) leaves no stale mark.
    let clean: HashMap<Field, String> = done
        .iter()
        .map(|(f, html)| (*f, html.replace("<mark>", "").replace("</mark>", "")))
        .collect();
    let again = apply(&out, &segs, &clean, &terms);
    assert!(again.untranslated.is_empty(), "{:?}", again.untranslated);
    assert_eq!(again.untranslated_words(), 0);

    // The header carries its own fields' marks while the body is still on its way.
    let (header, _) = header_of(&out, &ed, &[]);
    assert_eq!(header.untranslated.get(Field::Lead), [[4, 13]]);
    assert!(header.untranslated.get(Field::Caption(4)).is_empty());
}
