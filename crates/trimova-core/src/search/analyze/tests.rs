use super::*;

/// Every form in `forms` has one stem in `lang`.
fn one_stem(lang: Lang, forms: &[&str]) {
    let stems: Vec<String> = forms.iter().map(|w| stem(&fold(w), lang)).collect();
    assert!(
        stems.iter().all(|s| *s == stems[0]),
        "{lang:?}: {:?}",
        forms.iter().zip(&stems).collect::<Vec<_>>()
    );
}

#[test]
fn ukrainian_inflections_meet() {
    one_stem(
        Lang::Uk,
        &[
            "стародавня",
            "стародавньої",
            "стародавню",
            "стародавній",
            "стародавніми",
        ],
    );
    one_stem(Lang::Uk, &["фортеця", "фортеці", "фортецю", "фортецями"]);
    one_stem(
        Lang::Uk,
        &["місто", "міста", "містом", "місті", "містами", "містах"],
    );
    one_stem(Lang::Uk, &["школа", "школи", "школою", "школі", "школах"]);
    one_stem(
        Lang::Uk,
        &["бібліотека", "бібліотеки", "бібліотекою", "бібліотеках"],
    );
    one_stem(
        Lang::Uk,
        &[
            "відкривати",
            "відкривають",
            "відкриває",
            "відкривала",
            "відкривали",
        ],
    );
    one_stem(
        Lang::Uk,
        &["працювати", "працюють", "працював", "працювала"],
    );
    one_stem(Lang::Uk, &["снаряди", "снарядів", "снарядами"]);
    one_stem(
        Lang::Uk,
        &["Україна", "України", "Україні", "Україну", "Україною"],
    );
    one_stem(Lang::Uk, &["мільйони", "мільйонів", "мільйонами"]);
    one_stem(Lang::Uk, &["контейнери", "контейнерів", "контейнерах"]);
    // Short words keep what makes them words.
    assert_eq!(stem("мир", Lang::Uk), "мир");
}

#[test]
fn russian_and_english_are_snowball() {
    one_stem(Lang::Ru, &["крепость", "крепости", "крепостью"]);
    one_stem(Lang::Ru, &["древняя", "древней", "древнюю"]);
    one_stem(Lang::En, &["library", "libraries"]);
    one_stem(Lang::En, &["repairs", "repaired", "repairing"]);
    assert_eq!(stem("fruitlessly", Lang::En), "fruitless");
}

#[test]
fn words_are_segmented_and_folded() {
    // Apostrophes of every kind, ё, case and punctuation.
    assert_eq!(fold("М'ЯСО"), "мясо");
    assert_eq!(fold("м’ясо"), fold("мʼясо"));
    assert_eq!(fold("Ёлка"), "елка");
    assert_eq!(
        terms("«Стародавня фортеця» — відкрита!", Lang::Uk),
        terms("стародавньої фортеці відкрита", Lang::Uk)
    );
    assert_eq!(terms("м’ясо, м'ясо і мʼясо", Lang::Uk).len(), 4);
    assert_eq!(terms("2024 року: 5 мільйонів", Lang::Uk)[0], "2024");
    assert!(terms("— … !!! ?", Lang::Uk).is_empty());
}

#[test]
fn a_query_is_stemmed_in_every_language_its_letters_allow() {
    let q = query_terms("Стародавня фортеця", 8);
    assert_eq!(q.len(), 2);
    assert!(q[0].stems.contains(&stem("стародавньої", Lang::Uk)));
    assert!(q[1].prefix, "the last word is still being typed");
    assert!(!q[0].prefix);
    assert!(!query_terms("фортеця ", 8)[0].prefix);
    // Latin letters are English, Cyrillic Ukrainian and Russian.
    assert_eq!(
        query_terms("libraries", 8)[0].stems,
        [stem("library", Lang::En)]
    );
    let ru = &query_terms("крепости", 8)[0];
    assert!(ru.stems.contains(&stem("крепость", Lang::Ru)));
    // A long or hostile query is read only so far, and punctuation alone is nothing.
    let long = "слово ".repeat(10_000);
    assert_eq!(query_terms(&long, 8).len(), 8);
    assert!(query_terms("\u{0}\u{7}!!!???", 8).is_empty());
}

#[test]
fn every_character_folds_as_unicode_lower_cases_it() {
    // The fold's shortcuts for ASCII and Cyrillic against Unicode's tables, for every character.
    let by_the_tables = |c: char| -> String {
        Some(c)
            .filter(|c| !APOSTROPHES.contains(c))
            .into_iter()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ё' { 'е' } else { c })
            .collect()
    };
    let mut buffer = String::new();
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        fold_into(c.encode_utf8(&mut [0; 4]), &mut buffer);
        assert_eq!(buffer, by_the_tables(c), "{c:?} (U+{:04X})", c as u32);
    }
    assert_eq!(fold("ЇЖАК"), "їжак");
    assert_eq!(fold("М’ЯСО"), "мясо");
}

#[test]
fn words_are_the_pieces_unicode_words_keeps_for_every_character() {
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let text = c.encode_utf8(&mut [0; 4]).to_owned();
        assert_eq!(
            unicode_words(&text).next().is_some(),
            text.unicode_words().next().is_some(),
            "{c:?} (U+{:04X})",
            c as u32
        );
    }
    let text = "Київ, 12 травня — «М’ясо» і don't ҂ stop.";
    assert!(unicode_words(text).eq(text.unicode_words()));
}
