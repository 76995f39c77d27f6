//! Component tests in headless Chromium (wasm-bindgen-test): real DOM, real `Intl`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use trimova::browser::{format_count, intl_plural_keyword};
use trimova::components::article::ArticleView;
use trimova::components::switcher::{LanguageSwitcher, SwitcherEntry};
use trimova_core::article::parse_article;
use trimova_core::plural::plural_category;
use trimova_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn attr(root: &web_sys::HtmlElement, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

const ARTICLE: &str = r#"{
  "format": "trimova.article/1", "id": "t-1", "published": "2024-06-14T10:05:00+03:00",
  "views": 22, "original": "uk", "source": "UNN", "tags": ["Тег"],
  "editions": { "uk": { "title": "Заголовок", "dateline": "Київ", "lead": "Лід", "authors": ["Авторка"],
    "body": [
      {"type": "paragraph", "text": [{"text": "Сильний", "strong": true}, {"text": " і "}, {"text": "посилання", "href": "https://example.org/", "em": true}, {"text": " і ", "href": "javascript:alert(1)"}]},
      {"type": "heading", "text": "Подробиці"},
      {"type": "quote", "text": "Цитата", "attribution": "Хтось"},
      {"type": "list", "ordered": true, "items": ["один", "два"]},
      {"type": "image", "src": "media/a.svg", "alt": "Опис", "caption": "Підпис", "credit": "Фото: Т."},
      {"type": "image", "src": "javascript:alert(1)", "alt": "ні"},
      {"type": "survey", "q": "?"}
    ] } } }"#;

#[wasm_bindgen_test]
fn article_renders_semantic_html() {
    let article = Arc::new(parse_article(ARTICLE, Some("t-1")).unwrap());
    let root = mount(move || view! { <ArticleView article lang=Lang::Uk /> });

    assert_eq!(attr(&root, "article", "lang").as_deref(), Some("uk"));
    assert_eq!(texts(&root, "article > header h1"), ["Заголовок"]);
    assert_eq!(
        attr(&root, "time", "datetime").as_deref(),
        Some("2024-06-14T10:05:00+03:00")
    );
    assert_eq!(texts(&root, ".views"), ["22 перегляди"]);
    assert_eq!(texts(&root, ".kicker"), ["Київ · UNN"]);
    assert_eq!(texts(&root, ".article-body > h2"), ["Подробиці"]);
    assert_eq!(texts(&root, "figure.quote > blockquote"), ["Цитата"]);
    assert_eq!(texts(&root, "figure.quote > figcaption"), ["Хтось"]);
    assert_eq!(texts(&root, "ol > li"), ["один", "два"]);
    assert_eq!(texts(&root, "figure.image figcaption"), ["ПідписФото: Т."]);
    assert_eq!(
        root.query_selector_all("img").unwrap().length(),
        1,
        "the javascript: image is dropped"
    );
    assert_eq!(texts(&root, "p strong"), ["Сильний"]);
    assert_eq!(
        texts(&root, "a[href='https://example.org/'] > em"),
        ["посилання"]
    );
    assert_eq!(
        root.query_selector_all("a").unwrap().length(),
        1,
        "the javascript: link is text"
    );
    assert_eq!(texts(&root, ".byline .author"), ["Авторка"]);
    assert_eq!(texts(&root, ".tags li"), ["Тег"]);
}

#[wasm_bindgen_test]
fn switcher_marks_current_and_missing_editions() {
    let entries = vec![
        SwitcherEntry {
            lang: Lang::Uk,
            href: "/uk/x".into(),
            available: true,
            machine: false,
        },
        SwitcherEntry {
            lang: Lang::En,
            href: "/en/x".into(),
            available: true,
            machine: false,
        },
        SwitcherEntry {
            lang: Lang::Ru,
            href: "/ru/x".into(),
            available: false,
            machine: false,
        },
    ];
    let root = mount(move || view! { <LanguageSwitcher current=Lang::En entries /> });
    assert_eq!(texts(&root, "nav a"), ["Українська", "English", "Русский"]);
    assert_eq!(
        attr(&root, "nav", "aria-label").as_deref(),
        Some("Edition language")
    );
    assert_eq!(
        attr(&root, "a[aria-current=page]", "hreflang").as_deref(),
        Some("en")
    );
    assert_eq!(attr(&root, "a.missing", "lang").as_deref(), Some("ru"));
    assert_eq!(
        root.query_selector_all("a[aria-current]").unwrap().length(),
        1
    );
}

#[wasm_bindgen_test]
fn native_plural_rule_agrees_with_the_browsers_intl() {
    for lang in Lang::ALL {
        for n in (0..=250).chain([1001, 1011, 15772, 100_000, 1_000_001]) {
            let native = plural_category(lang, n).keyword();
            assert_eq!(
                intl_plural_keyword(lang, n).as_deref(),
                Some(native),
                "{lang} {n}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn counts_are_grouped_the_languages_way() {
    // Intl groups Ukrainian and Russian with a no-break space, English with a comma.
    assert_eq!(format_count(Lang::Uk, 15772), "15\u{a0}772");
    assert_eq!(format_count(Lang::Ru, 15772), "15\u{a0}772");
    assert_eq!(format_count(Lang::En, 15772), "15,772");
    assert_eq!(format_count(Lang::Uk, 4105), "4\u{a0}105");
    assert_eq!(format_count(Lang::En, 1), "1");
}
