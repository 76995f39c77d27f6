use super::*;

/// The real archive page the project was given (`shared/seeds/` beside the repository; it is
/// a news outlet's text, so it is read from there rather than copied in).
fn seed() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_09893ec7c448737d.txt"
    );
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (the seed page lives in shared/seeds/)"))
}

#[test]
fn the_seed_page_becomes_an_article() {
    let page = import_page(&seed(), None).unwrap();
    assert_eq!(page.lang, Lang::En);
    assert_eq!(page.date, "2024-06-14");
    assert_eq!(page.source.as_deref(), Some("UNN"));
    assert_eq!(page.views, Some(15772));
    let e = &page.edition;
    assert_eq!(
        e.title,
        "Kim Jong Un sends millions of artillery shells to Russia - Bloomberg"
    );
    assert_eq!(e.dateline.as_deref(), Some("Kyiv"));
    assert!(e
        .lead
        .as_deref()
        .unwrap()
        .starts_with("North Korea has shipped containers"));
    assert_eq!(e.authors, ["Olga Rozgon"]);
    let headings: Vec<&str> = e
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, ["Details", "Recall"]);
    let quotes: Vec<_> = e
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Quote { text, attribution } => Some((text.plain_text(), attribution.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0]
        .0
        .starts_with("Putin is expected to seek closer security cooperation"));
    assert_eq!(quotes[0].1.as_deref(), Some("Shin Wonsik said."));
    let article = merge_pages("kim-shells-2024-06", vec![page]).unwrap();
    assert_eq!(article.published, "2024-06-14T00:00:00Z");
    assert_eq!(article.original, Lang::En);
}

fn ukrainian() -> String {
    "\u{feff} date 2024-06 ukenru 41.2 44.5\r\n\
     Зустріч у Ки\u{ad}єві\r\n\r\nЗустріч у Києві\r\n\
     Київ\u{a0} • \u{a0}УНН\r\n\
     \u{a0}•\u{a0}1\u{a0}204\u{a0}переглядів\r\n\
     Лід про зустріч і її підсумки.\r\n\
     Подробиці\r\n\
     Перший абзац тексту з\u{200b}ї подробицями.\r\n\
     Цитата учасника зустрічі\r\n\
     – сказала вона.\r\n\
     Нагадаємо\r\n\
     Ще один абзац.\r\n\
     Ольга Розгон\r\nОльга Розгон\r\n\
     Читайте також: інша новина\r\n"
        .to_string()
}

#[test]
fn oddities_and_ukrainian_forms() {
    let page = import_page(&ukrainian(), None).unwrap();
    assert_eq!(page.lang, Lang::Uk);
    assert_eq!(page.date, "2024-06-01");
    assert_eq!(page.views, Some(1204));
    assert_eq!(page.source.as_deref(), Some("УНН"));
    assert_eq!(page.edition.title, "Зустріч у Києві");
    assert_eq!(page.edition.authors, ["Ольга Розгон"]);
    let texts: Vec<String> = page.edition.body.iter().map(|b| format!("{b:?}")).collect();
    assert!(
        texts.iter().all(|t| !t.contains("Читайте також")),
        "also-read dropped"
    );
    assert!(texts
        .iter()
        .any(|t| t.contains("Перший абзац тексту зї подробицями")));
    assert!(matches!(
        &page.edition.body[2],
        Block::Quote { attribution: Some(a), .. } if a == "сказала вона."
    ));
}

#[test]
fn russian_forms_and_language() {
    let text = " date 2024-06-14\nВстреча\n • 21 просмотр\nЛид о встрече, это ещё не всё.\nПодробности\nТекст.\n";
    let page = import_page(text, None).unwrap();
    assert_eq!(page.lang, Lang::Ru);
    assert_eq!(page.views, Some(21));
    assert!(page.edition.authors.is_empty());
    assert!(matches!(&page.edition.body[0], Block::Heading { text } if text == "Подробности"));
    assert_eq!(import_page(text, Some(Lang::Uk)).unwrap().lang, Lang::Uk);
}

#[test]
fn what_is_not_the_format_is_refused_with_its_line() {
    let e = import_page("Hello world\nthis is prose\n", None).unwrap_err();
    assert_eq!(e.line, Some(1));
    assert!(import_page("", None).unwrap_err().message.contains("empty"));
    assert!(import_page(" date 2024-13-01\nT\n • 1 view\nx\n", None).is_err());
    let truncated: String = seed().chars().take(60).collect();
    assert!(import_page(&truncated, None).is_err());
    let e = import_page(" date 2024-06-14\nTitle\nno counter here\nmore\n", None).unwrap_err();
    assert_eq!(e.line, Some(3));
}

#[test]
fn editions_merge_and_ids_are_made_from_titles() {
    let en = import_page(&seed(), None).unwrap();
    let uk = import_page(&ukrainian(), None).unwrap();
    let article = merge_pages("shells-2024-06", vec![en.clone(), uk]).unwrap();
    assert_eq!(article.languages(), [Lang::Uk, Lang::En]);
    assert_eq!(article.original, Lang::En);
    assert!(merge_pages("shells", vec![en.clone(), en.clone()]).is_err());
    assert!(merge_pages("Not An Id", vec![en]).is_err());
    assert_eq!(
        suggest_id("Зустріч у Києві!", "2024-06-01"),
        "zustrich-u-kyievi-2024-06"
    );
    assert_eq!(suggest_id("???", "2024-06-01"), "article-2024-06");
}
