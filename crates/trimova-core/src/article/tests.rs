use super::*;
use serde_json::json;

#[test]
fn every_problem_is_listed_with_its_path() {
    let mut a = sample();
    a["editions"]["uk"]["title"] = json!(7);
    a["editions"]["uk"]["body"] = json!([
        {"type": "paragraph", "text": "fine"},
        {"type": "paragraph"},
        {"type": "quote", "text": [{"strong": true}]},
    ]);
    a["published"] = json!(20240614);
    let problems = article_problems(&a.to_string(), None);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "published",
            "editions.uk.title",
            "editions.uk.body[1]",
            "editions.uk.body[2]",
        ],
        "{problems:?}"
    );

    let mut b = sample();
    b["id"] = json!("Bad Id");
    b["published"] = json!("yesterday");
    let paths: Vec<String> = article_problems(&b.to_string(), Some("x"))
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, ["id", "published", "id"]);
    assert!(article_problems(&sample().to_string(), None).is_empty());
    assert_eq!(article_problems("{", None).len(), 1);
}

fn sample() -> Value {
    json!({
        "format": "trimova.article/1", "id": "test-1", "published": "2024-06-14T10:05:00+03:00",
        "updated": null, "source": "UNN", "views": 15772, "original": "uk", "tags": ["A"],
        "editions": {
            "uk": { "title": "Заголовок", "dateline": "Київ", "lead": "Лід.", "authors": ["Автор"],
                    "body": [
                        {"type": "paragraph", "text": "Перший абзац."},
                        {"type": "heading", "text": "Подробиці"},
                        {"type": "quote", "text": [{"text": "Цитата", "em": true}], "attribution": "Хтось"},
                        {"type": "list", "items": ["а", [{"text": "б", "strong": true, "href": "https://example.org"}]]},
                        {"type": "image", "src": "media/a.svg", "alt": "Мапа", "caption": "Підпис"}
                    ] },
            "en": { "title": "Title", "body": [], "translation": {"from": "uk", "by": "human"} }
        }
    })
}

fn parse(v: &Value) -> Result<Article, FormatError> {
    parse_article(&v.to_string(), None)
}

#[test]
fn parses_every_block_type_and_inline_form() {
    let a = parse(&sample()).unwrap();
    assert_eq!(a.views, Some(15772));
    assert_eq!(a.languages(), vec![Lang::Uk, Lang::En]);
    let uk = &a.editions[&Lang::Uk];
    assert_eq!(uk.body.len(), 5);
    assert!(matches!(&uk.body[2], Block::Quote { attribution: Some(who), .. } if who == "Хтось"));
    match &uk.body[3] {
        Block::List { ordered, items } => {
            assert!(!ordered);
            assert_eq!(items[1].runs()[0].safe_href(), Some("https://example.org"));
            assert!(items[1].runs()[0].strong);
        }
        other => panic!("expected a list, got {other:?}"),
    }
    assert_eq!(
        a.editions[&Lang::En].translation.as_ref().unwrap().by,
        TranslatedBy::Human
    );
    assert!(a.warnings().is_empty(), "{:?}", a.warnings());
}

#[test]
fn unknown_fields_are_kept_and_round_trip() {
    let mut v = sample();
    v["x_cms_revision"] = json!(42);
    v["editions"]["uk"]["x_seo"] = json!({"slug": "s"});
    let a = parse(&v).unwrap();
    assert_eq!(a.extra["x_cms_revision"], json!(42));
    let back: Value = serde_json::to_value(&a).unwrap();
    assert_eq!(back["editions"]["uk"]["x_seo"]["slug"], "s");
    assert_eq!(back["x_cms_revision"], 42);
}

#[test]
fn unknown_block_types_are_skipped_with_a_warning_not_an_error() {
    let mut v = sample();
    v["editions"]["uk"]["body"]
        .as_array_mut()
        .unwrap()
        .push(json!({"type": "poll", "question": "?"}));
    let a = parse(&v).unwrap();
    let last = a.editions[&Lang::Uk].body.last().unwrap();
    assert!(matches!(last, Block::Unsupported(raw) if raw["question"] == "?"));
    assert_eq!(
        a.warnings(),
        vec!["editions.uk.body[5]: unknown block type \"poll\" skipped".to_string()]
    );
    assert_eq!(
        serde_json::to_value(&a).unwrap()["editions"]["uk"]["body"][5]["type"],
        "poll"
    );
}

#[test]
fn malformed_fields_are_named_by_path() {
    type Mutation = fn(&mut Value);
    let cases: Vec<(Mutation, &str)> = vec![
        (
            |v| v["editions"]["uk"]["body"][0] = json!({"type": "paragraph"}),
            "editions.uk.body[0]",
        ),
        (
            |v| v["editions"]["uk"]["body"][2]["text"] = json!(5),
            "editions.uk.body[2]",
        ),
        (|v| v["views"] = json!("many"), "views"),
        (|v| v["original"] = json!("de"), "original"),
        (
            |v| v["editions"]["de"] = json!({"title": "x", "body": []}),
            "editions.de",
        ),
        (|v| v["format"] = json!("trimova.article/2"), "format"),
        (|v| v["published"] = json!("14.06.2024"), "published"),
        (
            |v| v["editions"]["en"]["title"] = json!("  "),
            "editions.en.title",
        ),
        (|v| v["id"] = json!("Bad Id"), "id"),
        (
            |v| v["editions"]["en"]["translation"]["from"] = json!("en"),
            "editions.en.translation.from",
        ),
        (
            |v| {
                v.as_object_mut().unwrap().remove("editions");
            },
            "",
        ),
    ];
    for (mutate, path) in cases {
        let mut v = sample();
        mutate(&mut v);
        let err = parse(&v).unwrap_err();
        assert_eq!(err.path, path, "{err}");
        assert!(!err.message.is_empty());
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let err = parse_article(
        "{\n  \"format\": \"trimova.article/1\",\n  \"id\": \n}",
        None,
    )
    .unwrap_err();
    assert_eq!(err.line, Some(4));
    assert!(err.to_string().contains("line 4"), "{err}");
    let err = parse_article("{} trailing", None).unwrap_err();
    assert!(err.line.is_some(), "{err}");
}

#[test]
fn a_file_served_under_another_id_is_rejected() {
    let err = parse_article(&sample().to_string(), Some("other")).unwrap_err();
    assert_eq!(err.path, "id");
}

#[test]
fn unsafe_urls_are_neutralised_and_reported() {
    let mut v = sample();
    v["editions"]["uk"]["body"][3]["items"][1][0]["href"] = json!("javascript:alert(1)");
    v["editions"]["uk"]["body"][4]["src"] = json!("data:image/svg+xml,<svg onload=alert(1)>");
    let a = parse(&v).unwrap();
    let Block::List { items, .. } = &a.editions[&Lang::Uk].body[3] else {
        panic!()
    };
    assert_eq!(items[1].runs()[0].safe_href(), None);
    let w = a.warnings();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].starts_with("editions.uk.body[3]") && w[1].starts_with("editions.uk.body[4].src"),
        "{w:?}"
    );
}

#[test]
fn reading_time_and_description() {
    let a = parse(&sample()).unwrap();
    let uk = &a.editions[&Lang::Uk];
    assert_eq!(uk.reading_minutes(), 1);
    assert_eq!(uk.description(), "Лід.");
    let long = Edition {
        title: "t".into(),
        dateline: None,
        lead: None,
        authors: vec![],
        body: vec![Block::Paragraph {
            text: Inline::Plain("word ".repeat(401)),
        }],
        translation: None,
        untranslated: Untranslated::default(),
        extra: Map::new(),
    };
    assert_eq!(long.word_count(), 402);
    assert_eq!(long.reading_minutes(), 3);
    let d = long.description();
    assert!(d.ends_with('…') && d.chars().count() <= 161, "{d}");
}

#[test]
fn field_paths_read_back_as_written() {
    for field in [
        Field::Title,
        Field::Dateline,
        Field::Lead,
        Field::Text(0),
        Field::Attribution(12),
        Field::Item(3, 10),
        Field::Caption(7),
        Field::Alt(7),
    ] {
        assert_eq!(field.to_string().parse::<Field>(), Ok(field));
    }
    assert_eq!(Field::Item(3, 10).to_string(), "body[3].items[10]");
    for bad in [
        "",
        "Title",
        "body",
        "body[].text",
        "body[01].text",
        "body[-1].text",
        "body[2]",
        "body[2].src",
        "body[2].items[x]",
        "body[2].items[1",
        "lead ",
    ] {
        assert!(bad.parse::<Field>().is_err(), "{bad:?}");
    }
}

#[test]
fn marked_and_unmarked_are_inverse() {
    let inline = marked("Путін відвантажив снаряди", &[[0, 5], [6, 17]]);
    let Inline::Runs(runs) = &inline else {
        panic!("{inline:?}")
    };
    let shown: Vec<(&str, bool)> = runs
        .iter()
        .map(|r| (r.text.as_str(), r.untranslated))
        .collect();
    assert_eq!(
        shown,
        [
            ("Путін", true),
            (" ", false),
            ("відвантажив", true),
            (" снаряди", false)
        ]
    );
    assert_eq!(
        unmarked(runs),
        (
            "Путін відвантажив снаряди".to_string(),
            vec![[0, 5], [6, 17]]
        )
    );
    // Nothing marked is one plain string; stretches a hand-edited file got wrong are skipped.
    assert_eq!(marked("текст", &[]), Inline::Plain("текст".into()));
    assert_eq!(
        marked("текст", &[[3, 2], [0, 99], [2, 2]]),
        Inline::Plain("текст".into())
    );
    assert_eq!(marked("текст", &[[3, 5], [0, 1]]).plain_text(), "текст");
}

fn machine_edition(untranslated: Value) -> Value {
    let mut a = sample();
    let mut ru = a["editions"]["uk"].clone();
    ru["translation"] = json!({"from": "uk", "by": "machine", "provider": "apertium"});
    ru["title"] = json!("КНДР передала России миллион снарядів");
    ru["lead"] = json!("Ким відвантажив и Путін принял");
    ru["untranslated"] = untranslated;
    a["editions"]["ru"] = ru;
    a
}

#[test]
fn a_machine_edition_keeps_its_untranslated_stretches_in_every_field() {
    let file = machine_edition(json!({"title": [[29, 37]], "lead": [[4, 15], [18, 23]]}));
    let a = parse(&file).unwrap();
    let ru = &a.editions[&Lang::Ru];
    // The field itself is clean text, for <title>, lists and feeds; the marks are beside it.
    assert_eq!(ru.title, "КНДР передала России миллион снарядів");
    assert_eq!(
        ru.untranslated
            .mark(Field::Title, &ru.title)
            .runs()
            .iter()
            .filter(|r| r.untranslated)
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>(),
        ["снарядів"]
    );
    // The count covers the header as well as the body's marked runs.
    assert_eq!(ru.untranslated_words(), 3);
    // Written back exactly as read.
    let again = parse_article(&a.to_file(), None).unwrap();
    assert_eq!(again, a);
    let written: Value = serde_json::from_str(&a.to_file()).unwrap();
    assert_eq!(
        written["editions"]["ru"]["untranslated"],
        json!({"title": [[29, 37]], "lead": [[4, 15], [18, 23]]})
    );
    // A human edition writes no `untranslated` at all.
    assert!(!serde_json::to_string(&a.editions[&Lang::Uk])
        .unwrap()
        .contains("untranslated"));
}

#[test]
fn a_wrong_untranslated_stretch_names_its_field() {
    let problems = |marks: Value| -> Vec<String> {
        article_problems(&machine_edition(marks).to_string(), None)
            .into_iter()
            .map(|p| p.to_string())
            .collect()
    };
    assert_eq!(
        problems(json!({"title": [[30, 99]], "body[0].text": [[0, 1]]})),
        [
            "editions.ru.untranslated.title[0]: must be [start, end] characters in order within the 37 of the text",
            "editions.ru.untranslated.body[0].text: names no plain-text field of this edition (inline text marks its runs)",
        ]
    );
    assert_eq!(
        problems(json!({"lead": [[0, 1, 2]]})),
        ["editions.ru.untranslated: \"lead\" must hold [start, end] pairs of character offsets"]
    );
    let unreadable = problems(json!({"headline": [[0, 1]]}));
    assert_eq!(unreadable.len(), 1);
    assert!(
        unreadable[0].starts_with("editions.ru.untranslated: \"headline\" is not a text field"),
        "{unreadable:?}"
    );
}
