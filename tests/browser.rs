//! Component tests in headless Chromium (wasm-bindgen-test): real DOM, real `Intl`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use trimova::browser::AppRoot;
use trimova::components::article::ArticleView;
use trimova::components::switcher::{EditionKind, LanguageSwitcher, SwitcherEntry};
use trimova_core::article::parse_article;
use trimova_core::locale::{count, date_medium, datetime_long};
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

/// Mounts the edition `lang` of the article file `json` (id `id`) as the site serves it at `/`.
fn mount_article(json: &'static str, id: &'static str, lang: Lang) -> web_sys::HtmlElement {
    let article = Arc::new(parse_article(json, Some(id)).unwrap());
    mount(move || {
        // Every renderer (site, embed, machine module, pre-rendering) provides where it is served.
        provide_context(AppRoot {
            base: "/".into(),
            adopted_lang: None,
        });
        view! { <ArticleView article lang /> }
    })
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
    let root = mount_article(ARTICLE, "t-1", Lang::Uk);

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
        root.query_selector_all(".article-body a").unwrap().length(),
        1,
        "the javascript: link is text"
    );
    assert_eq!(texts(&root, ".byline .author"), ["Авторка"]);
    assert_eq!(texts(&root, ".tags li"), ["Тег"]);
    assert_eq!(
        attr(&root, ".tags a", "href").as_deref(),
        Some("/uk/tag/teh/"),
        "a tag leads to its page"
    );
}

/// A machine edition written by `trimova translate`, with words its service left in Ukrainian in
/// every kind of field.
const MACHINE_EDITION: &str = r#"{
  "format": "trimova.article/1", "id": "t-2", "published": "2024-06-14T10:05:00+03:00", "original": "uk",
  "editions": {
    "uk": { "title": "Снаряди", "body": [] },
    "ru": { "title": "Отправили миллион снарядів", "dateline": "Київ", "lead": "Пхеньян відвантажив контейнеры",
      "translation": { "from": "uk", "by": "machine", "provider": "apertium" },
      "untranslated": { "title": [[18, 26]], "dateline": [[0, 4]], "lead": [[0, 7], [8, 19]],
        "body[1].text": [[12, 20]], "body[2].attribution": [[0, 3]], "body[3].caption": [[8, 16]], "body[3].alt": [[0, 4]] },
      "body": [
        {"type": "paragraph", "text": [{"text": "Текст "}, {"text": "абзацу", "untranslated": true}]},
        {"type": "heading", "text": "Подробности сьогодні"},
        {"type": "quote", "text": "Цитата", "attribution": "Шін сказал"},
        {"type": "image", "src": "media/a.svg", "alt": "Опис", "caption": "Подпись світлини"}
      ] } } }"#;

#[wasm_bindgen_test]
fn a_machine_edition_marks_untranslated_words_in_every_field() {
    let root = mount_article(MACHINE_EDITION, "t-2", Lang::Ru);
    let marked = |selector: &str| texts(&root, &format!("{selector} .untranslated[lang=uk]"));
    assert_eq!(marked("article > header h1"), ["снарядів"]);
    assert_eq!(
        texts(&root, "article > header h1"),
        ["Отправили миллион снарядів"]
    );
    assert_eq!(marked(".dateline"), ["Київ"]);
    assert_eq!(marked(".lead"), ["Пхеньян", "відвантажив"]);
    assert_eq!(marked(".article-body > p"), ["абзацу"]);
    assert_eq!(marked(".article-body > h2"), ["сьогодні"]);
    assert_eq!(marked("figure.quote figcaption"), ["Шін"]);
    assert_eq!(marked("figure.image figcaption"), ["світлини"]);
    // The alt text is read aloud whole; the marks stay out of the attribute.
    assert_eq!(attr(&root, "img", "alt").as_deref(), Some("Опис"));
    assert_eq!(
        attr(&root, "h1 .untranslated", "title").as_deref(),
        Some("не переведено")
    );
    // The notice counts every word a reader sees marked.
    assert_eq!(
        texts(&root, ".mt-untranslated"),
        ["Слов, которых сервис не знал (подчёркнуты пунктиром): 8"]
    );
}

#[wasm_bindgen_test]
fn switcher_marks_current_and_missing_editions() {
    let entries = vec![
        SwitcherEntry {
            lang: Lang::Uk,
            href: "/uk/x".into(),
            edition: EditionKind::Human,
        },
        SwitcherEntry {
            lang: Lang::En,
            href: "/en/x".into(),
            edition: EditionKind::Human,
        },
        SwitcherEntry {
            lang: Lang::Ru,
            href: "/ru/x".into(),
            edition: EditionKind::Missing,
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
            assert_eq!(intl::plural_keyword(lang, n), native, "{lang} {n}");
        }
    }
}

/// `Intl` in the browser, for checking the native formatting against it.
mod intl {
    use js_sys::{Array, Date, Function, Intl, Object, Reflect};
    use trimova_core::Lang;
    use wasm_bindgen::{JsCast, JsValue};

    fn locales(lang: Lang) -> Array {
        Array::of1(&JsValue::from_str(lang.code()))
    }

    fn options(pairs: &[(&str, &str)]) -> Object {
        let options = Object::new();
        for (key, value) in pairs {
            Reflect::set(&options, &(*key).into(), &(*value).into()).unwrap();
        }
        options
    }

    fn call(formatter: Function, value: &JsValue) -> String {
        formatter
            .call1(&JsValue::UNDEFINED, value)
            .unwrap()
            .as_string()
            .unwrap()
    }

    pub fn plural_keyword(lang: Lang, n: u64) -> String {
        let rules = Intl::PluralRules::new(&locales(lang), &Object::new());
        rules.select(n as f64).as_string().unwrap()
    }

    pub fn count(lang: Lang, n: u64) -> String {
        let formatter = Intl::NumberFormat::new(&locales(lang), &Object::new());
        call(formatter.format(), &JsValue::from_f64(n as f64))
    }

    /// A UTC instant formatted in UTC, so the wall clock is the one written in the timestamp.
    pub fn date(lang: Lang, rfc3339: &str, style: &[(&str, &str)]) -> String {
        let mut pairs = style.to_vec();
        pairs.push(("timeZone", "UTC"));
        let formatter = Intl::DateTimeFormat::new(&locales(lang), &options(&pairs));
        let date = Date::new(&JsValue::from_str(rfc3339));
        call(formatter.format(), date.unchecked_ref())
    }
}

#[wasm_bindgen_test]
fn native_counts_agree_with_the_browsers_intl() {
    for lang in Lang::ALL {
        for n in [
            0,
            1,
            7,
            999,
            1000,
            4105,
            15772,
            100_000,
            1_234_567,
            9_007_199_254_740_991,
        ] {
            assert_eq!(count(lang, n), intl::count(lang, n), "{lang} {n}");
        }
    }
}

#[wasm_bindgen_test]
fn native_dates_agree_with_the_browsers_intl() {
    let long = [("dateStyle", "long"), ("timeStyle", "short")];
    let medium = [("dateStyle", "medium")];
    for lang in Lang::ALL {
        for month in 1..=12 {
            for (day, hour, minute) in [(1, 0, 5), (9, 11, 59), (28, 12, 0), (30, 23, 45)] {
                if month == 2 && day > 28 {
                    continue;
                }
                let t = format!("2024-{month:02}-{day:02}T{hour:02}:{minute:02}:00Z");
                assert_eq!(
                    datetime_long(lang, &t),
                    intl::date(lang, &t, &long),
                    "{lang} {t}"
                );
                assert_eq!(
                    date_medium(lang, &t),
                    intl::date(lang, &t, &medium),
                    "{lang} {t}"
                );
            }
        }
    }
}

/// A fresh container holding `html`, as a pre-rendered page would.
fn prerendered(html: &str) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.set_inner_html(html);
    document.body().unwrap().append_child(&container).unwrap();
    container
}

/// Lets the microtasks queued so far run (the reactive system's effects), not the timers.
async fn microtasks() {
    let done = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    let button: web_sys::HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
}

#[wasm_bindgen_test]
async fn a_part_hydrated_later_keeps_its_nodes_and_comes_alive_in_the_next_task() {
    use trimova::hydrate_later::hydrate_later;
    let root = prerendered("<p><button>0</button></p>");
    let before = root.query_selector("button").unwrap().unwrap();
    let count = RwSignal::new(0);
    leptos::mount::hydrate_from(root.clone(), move || {
        view! { <p>{hydrate_later("the test's part", move || view! {
            <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
        })}</p> }
    })
    .forget();
    // Its turn has not come: the page's button, not yet listening.
    click(&root, "button");
    microtasks().await;
    assert_eq!(count.get_untracked(), 0);
    trimova::browser::next_task().await;
    click(&root, "button");
    microtasks().await;
    assert_eq!(count.get_untracked(), 1);
    assert_eq!(texts(&root, "button"), ["1"]);
    let after = root.query_selector("button").unwrap().unwrap();
    assert!(
        before.is_same_node(Some(&after)),
        "the pre-rendered node is kept"
    );
}

#[wasm_bindgen_test]
async fn a_part_changed_before_its_turn_is_drawn_afresh_once() {
    use trimova::hydrate_later::hydrate_later;
    let root = prerendered("<div><p>a</p></div>");
    let label = RwSignal::new("a".to_string());
    leptos::mount::hydrate_from(root.clone(), move || {
        view! { <div>{move || {
            // A signal of this run of the closure, as a view's own state is.
            let text = RwSignal::new(label.get());
            hydrate_later("the test's part", move || view! { <p>{move || text.get()}</p> })
        }}</div> }
    })
    .forget();
    label.set("b".into());
    microtasks().await;
    assert_eq!(texts(&root, "p"), ["b"]);
    trimova::browser::next_task().await;
    assert_eq!(
        texts(&root, "p"),
        ["b"],
        "the old part is not hydrated over the new one"
    );
    label.set("c".into());
    microtasks().await;
    assert_eq!(texts(&root, "p"), ["c"]);
}
