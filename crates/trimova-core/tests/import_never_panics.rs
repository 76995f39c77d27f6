//! Whatever text the importer is given, it answers with an article or an error naming the line,
//! never a panic.

use proptest::prelude::*;
use trimova_core::import::{import_page, merge_pages, suggest_id};
use trimova_core::Lang;

/// Lines that look like parts of a page, and the oddities archives hold.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" date 2024-06-14 ukenru".to_string()),
        Just(" date 2024-06".to_string()),
        Just("Kyiv  •  UNN".to_string()),
        Just("\u{a0}•\u{a0}15772\u{a0}views".to_string()),
        Just(" • 3 перегляди".to_string()),
        Just("Details".to_string()),
        Just("Нагадаємо".to_string()),
        Just("- Shin Wonsik said.".to_string()),
        Just("— ".to_string()),
        Just("Olga Rozgon".to_string()),
        Just("\u{feff}\u{ad}\u{200b}\r".to_string()),
        Just(String::new()),
        "[a-zA-Zа-яА-ЯіїєґыэъёІЇЄҐ .,•-]{0,80}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = import_page(&text, None);
    }

    #[test]
    fn page_like_text_never_panics_and_what_it_makes_is_valid(lines in prop::collection::vec(page_line(), 0..40), lang in prop::option::of(prop_oneof![Just(Lang::Uk), Just(Lang::En), Just(Lang::Ru)])) {
        let text = lines.join("\n");
        if let Ok(page) = import_page(&text, lang) {
            prop_assert!(!page.edition.title.trim().is_empty());
            let id = suggest_id(&page.edition.title, &page.date);
            let article = merge_pages(&id, vec![page]);
            prop_assert!(article.is_ok(), "{:?}", article);
            prop_assert!(article.unwrap().validate().is_ok());
        }
    }
}
