use super::*;
use crate::article::parse_article;
use crate::lang::Lang;
use crate::search::analyze::stem;

fn article(id: &str, editions: serde_json::Value) -> Article {
    let json = serde_json::json!({
        "format": "trimova.article/1", "id": id, "published": "2026-11-01T10:00:00+02:00",
        "original": "uk", "editions": editions,
    });
    parse_article(&json.to_string(), Some(id)).unwrap()
}

fn edition(title: &str, lead: &str, body: &str) -> serde_json::Value {
    serde_json::json!({"title": title, "lead": lead, "body": [{"type": "paragraph", "text": body}]})
}

/// Scores `term` (a folded word, stemmed in `lang`) in each of `articles`, as one archive.
fn scores(articles: &[Article], word: &str, lang: Lang) -> Vec<f32> {
    let all: Vec<ArticleTerms> = articles.iter().map(ArticleTerms::of).collect();
    let term = stem(word, lang);
    // Each article's impact for the term, as the index computes it.
    let impacts: Vec<u8> = all
        .iter()
        .map(|a| {
            crate::search::index::article_postings(a.clone())
                .into_iter()
                .find(|(t, _)| *t == term)
                .map_or(0, |(_, i)| i)
        })
        .collect();
    let with = impacts.iter().filter(|i| **i > 0).count() as u32;
    impacts
        .iter()
        .map(|i| score(*i, with, all.len() as u32))
        .collect()
}

#[test]
fn the_headline_counts_above_the_lead_above_the_body() {
    let filler = "рада школа парк вулиця";
    let articles = [
        article(
            "in-body",
            serde_json::json!({"uk": edition("Міська рада", filler, "Стародавня фортеця відкрита")}),
        ),
        article(
            "in-lead",
            serde_json::json!({"uk": edition("Міська рада", "Стародавня фортеця відкрита", filler)}),
        ),
        article(
            "in-headline",
            serde_json::json!({"uk": edition("Стародавня фортеця відкрита", "Міська рада", filler)}),
        ),
        article(
            "elsewhere",
            serde_json::json!({"uk": edition("Міська рада", filler, filler)}),
        ),
    ];
    let s = scores(&articles, "фортеці", Lang::Uk);
    assert!(s[2] > s[1] && s[1] > s[0] && s[0] > 0.0, "{s:?}");
    assert_eq!(s[3], 0.0);
}

#[test]
fn an_article_is_found_through_any_of_its_editions() {
    let articles = [
        article(
            "fortress",
            serde_json::json!({
                "uk": edition("Стародавня фортеця відкрита", "", ""),
                "en": edition("An ancient fortress reopens", "", ""),
            }),
        ),
        article(
            "tram",
            serde_json::json!({"uk": edition("Трамвай їде", "", "")}),
        ),
    ];
    assert!(scores(&articles, "fortresses", Lang::En)[0] > 0.0);
    assert!(scores(&articles, "стародавньої", Lang::Uk)[0] > 0.0);
    assert_eq!(scores(&articles, "fortresses", Lang::En)[1], 0.0);
}

#[test]
fn a_rarer_word_counts_more() {
    let articles = [
        article(
            "a",
            serde_json::json!({"uk": edition("Рада і бібліотека", "", "")}),
        ),
        article(
            "b",
            serde_json::json!({"uk": edition("Рада і парк", "", "")}),
        ),
        article(
            "c",
            serde_json::json!({"uk": edition("Рада і школа", "", "")}),
        ),
    ];
    assert!(scores(&articles, "бібліотека", Lang::Uk)[0] > scores(&articles, "рада", Lang::Uk)[0]);
}

#[test]
fn the_newer_wins_a_near_tie_and_only_a_near_tie() {
    let mut results = vec![
        Scored {
            item: "old, a little better",
            score: 5.02,
            headline_words: 1,
            published_at: 100,
        },
        Scored {
            item: "new",
            score: 5.0,
            headline_words: 1,
            published_at: 200,
        },
        Scored {
            item: "old, much better",
            score: 9.0,
            headline_words: 1,
            published_at: 50,
        },
    ];
    by_relevance(&mut results);
    let order: Vec<&str> = results.iter().map(|r| r.item).collect();
    assert_eq!(order, ["old, much better", "new", "old, a little better"]);
    by_newest(&mut results);
    assert_eq!(results[0].item, "new");
}

#[test]
fn an_impact_is_zero_only_for_a_missing_term_and_grows_with_occurrences() {
    assert_eq!(impact([0, 0, 0], [10, 30, 400]), 0);
    let once = impact([0, 0, 1], [10, 30, 4000]);
    assert!(once >= 1, "even one occurrence in a long body counts");
    assert!(impact([0, 0, 3], [10, 30, 400]) > impact([0, 0, 1], [10, 30, 400]));
    assert!(impact([1, 0, 0], [10, 30, 400]) > impact([0, 0, 1], [10, 30, 400]));
    assert!(impact([50, 50, 50], [50, 50, 50]) > impact([1, 1, 1], [50, 50, 50]));
}

#[test]
fn an_impact_says_whether_the_headline_has_the_term() {
    assert!(in_headline(impact([1, 0, 0], [10, 30, 400])));
    assert!(in_headline(impact([1, 2, 9], [10, 30, 400])));
    assert!(!in_headline(impact([0, 5, 50], [10, 30, 400])));
    // The headline's bit does not count in the score: the weight alone does.
    let articles = 1000;
    assert!(
        score(impact([0, 0, 9], [10, 30, 60]), 10, articles)
            > score(impact([1, 0, 0], [40, 30, 60]), 10, articles)
    );
}
