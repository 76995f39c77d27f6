use super::*;
use crate::article::parse_article;

fn article(json: &str) -> Article {
    parse_article(json, None).unwrap()
}

const TWO_EDITIONS: &str = r#"{
  "format": "trimova.article/1", "id": "a-1", "published": "2024-06-14T10:05:00+03:00",
  "original": "uk", "tags": ["Тег"],
  "editions": {
    "uk": { "title": "Заголовок <b>", "lead": "Лід", "authors": ["Авторка"],
            "body": [{"type": "image", "src": "media/a.svg", "alt": "Опис"}] },
    "en": { "title": "Headline", "translation": {"from": "uk", "by": "human"}, "body": [] },
    "ru": { "title": "Машинный", "translation": {"from": "uk", "by": "machine", "provider": "apertium"}, "body": [] }
  } }"#;

fn site() -> Site {
    Site::new("https://news.example.org/", "/news/", "Trimova").unwrap()
}

#[test]
fn site_urls_keep_only_the_origin_and_add_the_base() {
    let s = Site::new("https://news.example.org/ignored/path", "news", "N").unwrap();
    assert_eq!(s.origin, "https://news.example.org");
    assert_eq!(s.base, "/news/");
    assert_eq!(
        s.edition_url(Lang::En, "x"),
        "https://news.example.org/news/en/x"
    );
    assert_eq!(
        Site::new("http://h:8080", "/", "N")
            .unwrap()
            .list_url(Lang::Uk),
        "http://h:8080/uk/"
    );
    assert!(Site::new("news.example.org", "/", "N").is_err());
    assert!(Site::new("https://", "/", "N").is_err());
}

#[test]
fn machine_editions_are_left_out_of_everything() {
    let a = article(TWO_EDITIONS);
    let langs: Vec<Lang> = a.human_editions().into_iter().map(|(l, _)| l).collect();
    assert_eq!(langs, [Lang::Uk, Lang::En]);
    assert!(edition_head(&site(), &a, Lang::Ru).is_none());
    let head = edition_head(&site(), &a, Lang::Uk).unwrap();
    assert!(!head.contains("/ru/a-1"), "{head}");
}

#[test]
fn head_has_canonical_alternates_open_graph_and_escaped_text() {
    let a = article(TWO_EDITIONS);
    let head = edition_head(&site(), &a, Lang::En).unwrap();
    for expected in [
        r#"<link rel="canonical" href="https://news.example.org/news/en/a-1" />"#,
        r#"<link rel="alternate" hreflang="uk" href="https://news.example.org/news/uk/a-1" />"#,
        r#"<link rel="alternate" hreflang="x-default" href="https://news.example.org/news/uk/a-1" />"#,
        r#"<meta property="og:locale" content="en_US" />"#,
        r#"<meta property="og:locale:alternate" content="uk_UA" />"#,
        r#"<meta property="article:published_time" content="2024-06-14T10:05:00+03:00" />"#,
    ] {
        assert!(head.contains(expected), "{expected} not in {head}");
    }
    let uk = edition_head(&site(), &a, Lang::Uk).unwrap();
    assert!(uk.contains(r#"content="Заголовок &lt;b&gt;""#));
    assert!(uk.contains(
        r#"<meta property="og:image" content="https://news.example.org/news/media/a.svg" />"#
    ));
    assert!(!uk.contains("<b>"));
}

#[test]
fn json_ld_links_translations_both_ways() {
    let a = article(TWO_EDITIONS);
    let uk = news_article(&site(), &a, Lang::Uk).unwrap();
    assert_eq!(uk["@type"], "NewsArticle");
    assert_eq!(uk["inLanguage"], "uk");
    assert_eq!(uk["author"][0]["name"], "Авторка");
    assert_eq!(
        uk["workTranslation"][0]["@id"],
        "https://news.example.org/news/en/a-1"
    );
    assert_eq!(uk["workTranslation"].as_array().unwrap().len(), 1);
    let en = news_article(&site(), &a, Lang::En).unwrap();
    assert_eq!(
        en["translationOfWork"]["@id"],
        "https://news.example.org/news/uk/a-1"
    );
    assert_eq!(en["dateModified"], "2024-06-14T10:05:00+03:00");
    let text = script_json(&uk);
    assert!(!text.contains('<'));
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), uk);
}
