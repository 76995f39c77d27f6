use super::*;
use crate::article::{parse_article, Article};
use crate::search::article_terms;
use crate::search::index::{article_keys, Doc, MonthPage, Posting};
use crate::search::update::build;
use crate::test_support::Folder;
use crate::Lang;
use std::collections::BTreeMap;

/// An archive of articles written for these tests, indexed as `trimova pages` indexes it.
struct Archive {
    folder: Folder,
    docs: HashMap<Key, Doc>,
    articles: u32,
}

fn article(id: &str, published: &str, tags: &[&str], editions: serde_json::Value) -> Article {
    let json = serde_json::json!({
        "format": "trimova.article/1", "id": id, "published": published,
        "original": "uk", "tags": tags, "editions": editions,
    });
    parse_article(&json.to_string(), Some(id)).unwrap()
}

fn edition(title: &str, lead: &str, body: &str) -> serde_json::Value {
    serde_json::json!({"title": title, "lead": lead, "body": [{"type": "paragraph", "text": body}]})
}

fn archive(articles: &[Article]) -> Archive {
    let dated: Vec<(i64, &str)> = articles
        .iter()
        .map(|a| (a.published_at(), a.id.as_str()))
        .collect();
    let keys = article_keys(&dated);
    let mut terms: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let mut docs = HashMap::new();
    for (a, key) in articles.iter().zip(keys) {
        let doc = Doc {
            key,
            summary: crate::ArticleSummary::of(a),
            tags: a.tags.clone(),
            machine: vec![],
        };
        for (term, impact) in article_terms(a) {
            terms.entry(term).or_default().push(Posting { key, impact });
        }
        docs.insert(key, doc);
    }

    let mut folder = Folder::default();
    build(&mut folder, terms).unwrap();
    Archive {
        folder,
        docs,
        articles: articles.len() as u32,
    }
}

impl Archive {
    /// Asks `typed` as the browser does (published files only, fetched as the lookup wants
    /// them, month pages within `budget`) and returns the ranking, how many nodes and pages it
    /// fetched, and how many of those were month pages.
    fn ranked(&self, typed: &str, order: Order, budget: Budget) -> (Ranked, usize, usize) {
        let query = Query::parse(typed).unwrap();
        let mut lookup = Lookup::default();
        let mut fetched = 0;
        loop {
            let wanted = lookup.wanted(&query);
            if wanted.is_empty() {
                break;
            }
            for prefix in wanted {
                let bytes = &self.folder.0[&crate::search::index::node_path(&prefix)];
                lookup.add(prefix, Node::decode(bytes).unwrap());
                fetched += 1;
            }
        }
        let found = lookup.found(&query);
        let mut pages = MonthPages::new();
        loop {
            let wanted = months_wanted(&found, &pages, self.articles, order, None, budget);
            if wanted.is_empty() {
                break;
            }
            for (term, month) in wanted {
                let bytes = &self.folder.0[&crate::search::index::month_path(&term, month)];
                pages.insert((term, month), MonthPage::decode(bytes).unwrap());
                fetched += 1;
            }
        }
        let scored = query.words.len();
        let ranked = rank(&found, &pages, self.articles, scored, order, None);
        (ranked, fetched, pages.len())
    }

    /// Asks `typed` as the browser does and returns the ids found, best first, and how many
    /// files it fetched.
    fn search(&self, typed: &str, order: Order) -> (Vec<String>, usize) {
        let (ranked, fetched, _) = self.ranked(typed, order, Budget::ASK);
        let ids = ranked
            .results
            .iter()
            .map(|r| self.docs[&r.item].summary.id.clone())
            .collect();
        (ids, fetched)
    }
}

fn newsroom() -> Vec<Article> {
    let filler =
        "Міська рада зібралася на засідання у вівторок і ухвалила бюджет на наступний рік.";
    let mut all = vec![
        article(
            "fortress-in-title",
            "2026-10-01T10:00:00+03:00",
            &["Культура"],
            serde_json::json!({
                "uk": edition("Стародавня фортеця відкрилася для відвідувачів", "Реставрація тривала шість років.", filler),
                "en": edition("An ancient fortress opens to visitors", "The restoration took six years.", "The city council met on Tuesday."),
            }),
        ),
        article(
            "fortress-in-body",
            "2026-11-01T10:00:00+03:00",
            &["Місто"],
            serde_json::json!({
                "uk": edition("Бюджет міста на наступний рік", "Депутати проголосували.", "Серед витрат є ремонт стародавньої фортеці та мосту."),
            }),
        ),
        article(
            "russian-only",
            "2026-09-01T10:00:00+03:00",
            &[],
            serde_json::json!({
                "ru": edition("Трамвайное депо стало библиотекой", "Во Львове открыли читальный зал.", "Новая библиотека работает ежедневно."),
            }),
        ),
        article(
            "apostrophe",
            "2026-08-01T10:00:00+03:00",
            &[],
            serde_json::json!({
                "uk": edition("Ціни на м’ясо зросли", "Ринок відреагував.", "Продавці кажуть про подорожчання."),
            }),
        ),
    ];
    // Enough other articles that the dictionary splits into nodes (the tests' limit is small).
    for i in 0..30 {
        all.push(article(
            &format!("filler-{i:02}"),
            &format!("2025-{:02}-{:02}T10:00:00+02:00", i % 12 + 1, i % 28 + 1),
            &["Місто"],
            serde_json::json!({"uk": edition(&format!("Новина номер {i} про парк і поле"), "Коротко.", &format!("{filler} Слово{i} поле{i} парк{i}."))}),
        ));
    }
    all
}

#[test]
fn an_inflected_word_finds_the_article_and_the_headline_counts_above_the_body() {
    let archive = archive(&newsroom());
    let (ids, fetched) = archive.search("стародавня фортеця ", Order::Relevance);
    assert_eq!(ids, ["fortress-in-title", "fortress-in-body"]);
    assert!(fetched > 1, "the dictionary was split, and walked");
    // Newest first: the body's match is the newer article.
    let (ids, _) = archive.search("стародавня фортеця ", Order::Newest);
    assert_eq!(ids, ["fortress-in-body", "fortress-in-title"]);
}

#[test]
fn an_article_is_found_through_its_other_edition_and_in_russian() {
    let archive = archive(&newsroom());
    assert_eq!(
        archive.search("fortresses ", Order::Relevance).0,
        ["fortress-in-title"]
    );
    assert_eq!(
        archive.search("библиотеки ", Order::Relevance).0,
        ["russian-only"]
    );
    assert_eq!(
        archive.search("трамвайного депо ", Order::Relevance).0,
        ["russian-only"]
    );
}

#[test]
fn the_last_word_is_a_prefix_while_typed_and_every_word_must_match() {
    let archive = archive(&newsroom());
    assert_eq!(archive.search("стародав", Order::Relevance).0.len(), 2);
    assert!(
        archive.search("стародав ", Order::Relevance).0.is_empty(),
        "a finished word is a word"
    );
    assert_eq!(
        archive.search("фортеця бібліотека", Order::Relevance).0,
        Vec::<String>::new()
    );
}

#[test]
fn a_word_found_whole_comes_before_longer_words_it_begins() {
    // A longer name is in one headline, the name itself only in another's body: the name wins.
    let articles = [
        article(
            "longer",
            "2026-11-02T10:00:00Z",
            &[],
            serde_json::json!({"uk": edition("Рада Мирончука схвалила бюджет", "Лід.", "Текст.")}),
        ),
        article(
            "itself",
            "2026-11-01T10:00:00Z",
            &[],
            serde_json::json!({"uk": edition("Рада схвалила бюджет", "Лід.", "Про це сказав Мирон.")}),
        ),
    ];
    let archive = archive(&articles);
    let (found, _) = archive.search("Мирон", Order::Relevance);
    assert_eq!(found, ["itself", "longer"]);
}

#[test]
fn every_word_in_a_headline_comes_before_a_word_repeated_in_a_body() {
    // Both headlines have the rare name; only the older one has the common word too. The newer
    // one repeats the common word in a short body, which BM25 saturates to about what one
    // occurrence in a headline weighs: the headline decides.
    let articles = [
        article(
            "roads",
            "2026-10-02T10:00:00Z",
            &[],
            serde_json::json!({"en": edition("Rotarlen roads reopen", "Crews finished.", "Work ended.")}),
        ),
        article(
            "council",
            "2026-11-02T10:00:00Z",
            &[],
            serde_json::json!({"en": edition(
                "Rotarlen council meets",
                "The road plan.",
                "A road, a road, another road and the road to the road.",
            )}),
        ),
    ];
    let archive = archive(&articles);
    assert_eq!(
        archive.search("Rotarlen roads", Order::Relevance).0,
        ["roads", "council"]
    );
    // One word, in both headlines: the usual order (the newer of near-equals first).
    assert_eq!(
        archive.search("Rotarlen", Order::Relevance).0,
        ["council", "roads"]
    );
}

#[test]
fn the_apostrophes_are_one() {
    let archive = archive(&newsroom());
    for typed in ["м'ясо ", "м’ясо ", "мʼясо ", "мясо "] {
        assert_eq!(
            archive.search(typed, Order::Relevance).0,
            ["apostrophe"],
            "{typed}"
        );
    }
}

#[test]
fn a_query_of_any_length_is_bounded_and_one_without_words_is_refused() {
    let long = "фортеця ".repeat(1250);
    let q = Query::parse(&long).unwrap();
    assert!(q.cut && q.words.len() <= MAX_WORDS);
    assert_eq!(Query::parse("?!… — «»"), Err(Refusal::NoWords));
    assert_eq!(Query::parse("\u{0}\u{7}\u{1b}"), Err(Refusal::NoWords));
    let q = Query::parse("форт\u{0}еця").unwrap();
    assert_eq!(
        q.words.len(),
        2,
        "a control character separates, never reaches a lookup"
    );
}

#[test]
fn highlights_mark_the_inflected_words_and_the_prefix() {
    let q = Query::parse("стародавня форт").unwrap();
    let text = "Ремонт стародавньої фортеці та мосту";
    let marks = highlights(text, Lang::Uk, &q);
    let words: Vec<String> = marks
        .iter()
        .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
        .collect();
    assert_eq!(words, ["стародавньої", "фортеці"]);
}

#[test]
fn a_rare_word_and_a_common_one_find_their_article_through_the_month_pages() {
    let archive = archive(&newsroom());
    // "парк" is in every filler's headline: more than its best postings are published (the
    // tests keep a few), so the article is found through the month page of its month.
    let (ids, fetched) = archive.search("слово7 парк ", Order::Relevance);
    assert_eq!(ids, ["filler-07"]);
    assert!(fetched > 2, "{fetched}");
    for i in [0, 11, 23] {
        let (ids, _) = archive.search(&format!("парк слово{i} "), Order::Relevance);
        assert_eq!(ids, [format!("filler-{i:02}")]);
    }
}

#[test]
fn a_name_paired_with_a_word_in_many_articles_is_decided_in_one_ask() {
    // "ринок" is in the headline of two articles a month for twenty months (the tests keep six
    // postings in a node, so the rest are in month pages of two postings each); "Зоряна" is in
    // one article of each of six months, far apart. One ask reads the small pages of all their
    // months, not the first few, and finds all six.
    let mut all = Vec::new();
    for month in 0..20 {
        for n in 0..2 {
            let (y, m) = (2024 + month / 12, month % 12 + 1);
            let name = if n == 0 && month % 3 == 0 && month < 18 {
                " Зоряна"
            } else {
                ""
            };
            all.push(article(
                &format!("market-{month:02}-{n}"),
                &format!("{y}-{m:02}-1{n}T10:00:00Z"),
                &[],
                serde_json::json!({"uk": edition(&format!("Ринок відкрився{name}"), "Лід.", "Текст.")}),
            ));
        }
    }
    let archive = archive(&all);
    let (ranked, _, pages) = archive.ranked("Зоряна ринок", Order::Relevance, Budget::ASK);
    assert_eq!(ranked.results.len(), 6, "{pages} month pages read");
    assert!(ranked.complete);
    assert!(pages >= 4, "{pages}");
    // A few pages whatever their size: not all of them.
    let few = Budget {
        pages: 2,
        postings: Budget::ASK.postings,
    };
    let (ranked, _, _) = archive.ranked("Зоряна ринок", Order::Relevance, few);
    assert!(!ranked.complete && ranked.results.len() < 6);
}

#[test]
fn two_common_words_give_their_best_and_say_when_that_is_not_all() {
    let archive = archive(&newsroom());
    let (ranked, _, _) = archive.ranked("парк поле ", Order::Relevance, Budget::NONE);
    assert!(!ranked.complete, "from the best postings alone, not all");
    assert!(!ranked.results.is_empty());
    let (ranked, _, pages) = archive.ranked("парк поле ", Order::Newest, Budget::ASK);
    assert!(pages > 0 && pages <= Budget::ASK.pages, "{pages}");
    assert!(ranked.results.len() >= 6, "{}", ranked.results.len());
    // Newest first: the newest fillers (December 2025) lead.
    let newest = &archive.docs[&ranked.results[0].item].summary.published;
    assert!(newest.starts_with("2025-12"), "{newest}");
}
