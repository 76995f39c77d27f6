use super::*;

/// A plain-text page written for the project, with everything the real one has: the header line's
/// trailing fields, the title twice, dateline and agency, the view counter, the lead, subheads, a
/// quote and its dash attribution, the author twice and an "also read" line after it.
const SAMPLE_PAGE: &str = include_str!("../../tests/data/plain-text-page-en.txt");

/// The real plain-text page the project was given, when it is beside the repository
/// (`shared/seeds/`; it is a news outlet's text, so it is not copied in). A clone alone does not
/// have it: that is said on the test output, which the test harness does not capture.
fn seed() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_09893ec7c448737d.txt"
    );
    let page = std::fs::read_to_string(path).ok();
    static SAID: std::sync::Once = std::sync::Once::new();
    if page.is_none() {
        SAID.call_once(|| {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "note: {path} is not beside the repository: the checks on the real plain-text page did not run"
            );
        });
    }
    page
}

/// What an English page of the format should become.
struct Expected<'a> {
    date: &'a str,
    source: &'a str,
    views: u64,
    title: &'a str,
    dateline: &'a str,
    lead: &'a str,
    author: &'a str,
    quote: &'a str,
    attribution: &'a str,
}

/// Imports `text` and checks every part of the page against `expected`: the header, the subheads
/// (Details, Recall), the one quote with its attribution, the author named once, and the article
/// `id` it merges into.
fn imports_as(text: &str, id: &str, expected: Expected) {
    let page = import_page(text, None).unwrap();
    assert_eq!(page.lang, Lang::En);
    assert_eq!(page.date, expected.date);
    assert_eq!(page.source.as_deref(), Some(expected.source));
    assert_eq!(page.views, Some(expected.views));
    let e = &page.edition;
    assert_eq!(e.title, expected.title);
    assert_eq!(e.dateline.as_deref(), Some(expected.dateline));
    assert!(e.lead.as_deref().unwrap().starts_with(expected.lead));
    assert_eq!(
        e.authors,
        [expected.author],
        "named once, 'also read' dropped"
    );
    let headings: Vec<&str> = e
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, ["Details", "Recall"]);
    let quotes: Vec<(String, Option<String>)> = e
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Quote { text, attribution } => Some((text.plain_text(), attribution.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0].0.starts_with(expected.quote));
    assert_eq!(quotes[0].1.as_deref(), Some(expected.attribution));
    assert!(!e
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text } if text.plain_text().contains("also:"))));
    let article = merge_pages(id, vec![page]).unwrap();
    assert_eq!(article.published, format!("{}T00:00:00Z", expected.date));
    assert_eq!(article.original, Lang::En);
    assert!(article.problems().is_empty());
}

#[test]
fn a_plain_text_page_becomes_an_article() {
    imports_as(
        SAMPLE_PAGE,
        "ferry-dnipro-2026-03",
        Expected {
            date: "2026-03-11",
            source: "PRS",
            views: 4318,
            title: "Ferry crossing on the Dnipro reopens after ice season - port authority",
            dateline: "Zaporizhzhia",
            lead: "The river ferry between the two banks resumed service",
            author: "Marta Kovalenko",
            quote: "We kept the old boat going",
            attribution: "Ilona Serdiuk said.",
        },
    );
}

#[test]
fn the_seed_page_becomes_an_article() {
    let Some(seed) = seed() else { return };
    imports_as(
        &seed,
        "kim-shells-2024-06",
        Expected {
            date: "2024-06-14",
            source: "UNN",
            views: 15772,
            title: "Kim Jong Un sends millions of artillery shells to Russia - Bloomberg",
            dateline: "Kyiv",
            lead: "North Korea has shipped containers",
            author: "Olga Rozgon",
            quote: "Putin is expected to seek closer security cooperation",
            attribution: "Shin Wonsik said.",
        },
    );
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
    for page in [Some(SAMPLE_PAGE.to_string()), seed()]
        .into_iter()
        .flatten()
    {
        let truncated: String = page.chars().take(60).collect();
        assert!(import_page(&truncated, None).is_err());
    }
    let e = import_page(" date 2024-06-14\nTitle\nno counter here\nmore\n", None).unwrap_err();
    assert_eq!(e.line, Some(3));
}

#[test]
fn editions_merge_and_ids_are_made_from_titles() {
    let en = import_page(SAMPLE_PAGE, None).unwrap();
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
