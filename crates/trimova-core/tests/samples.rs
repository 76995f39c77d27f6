//! The sample articles shipped in `public/articles` are valid, complete, and indexed.

use std::path::PathBuf;
use trimova_core::article::load_articles;
use trimova_core::{Block, Index, Lang};

fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/articles")
}

#[test]
fn every_sample_parses_without_warnings() {
    let articles = load_articles(&samples_dir()).expect("samples must be valid");
    assert!(
        articles.len() >= 4,
        "at least four samples, found {}",
        articles.len()
    );
    for a in &articles {
        assert!(a.warnings().is_empty(), "{}: {:?}", a.id, a.warnings());
    }
}

#[test]
fn samples_cover_the_edition_combinations_the_app_must_handle() {
    let articles = load_articles(&samples_dir()).unwrap();
    let has = |langs: &[Lang]| articles.iter().any(|a| a.languages() == langs);
    assert!(
        has(&[Lang::Uk, Lang::En]),
        "uk + en, ru missing (the seed story)"
    );
    assert!(has(&[Lang::Uk, Lang::En, Lang::Ru]), "all three editions");
    assert!(has(&[Lang::Ru]), "Russian only");
    let long = articles
        .iter()
        .flat_map(|a| a.editions.values())
        .find(|e| e.word_count() > 2000)
        .expect("one edition over 2,000 words");
    let kinds: Vec<&str> = long
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph { .. } => "paragraph",
            Block::Heading { .. } => "heading",
            Block::Quote { .. } => "quote",
            Block::List { ordered: true, .. } => "ordered list",
            Block::List { ordered: false, .. } => "list",
            Block::Image { .. } => "image",
            Block::Unsupported(_) => "unsupported",
        })
        .collect();
    for kind in [
        "paragraph",
        "heading",
        "quote",
        "ordered list",
        "list",
        "image",
    ] {
        assert!(kinds.contains(&kind), "long sample lacks a {kind}");
    }
    let runs: Vec<_> = long
        .body
        .iter()
        .flat_map(|b| b.inlines())
        .flat_map(|i| i.runs())
        .collect();
    assert!(
        runs.iter().any(|r| r.strong)
            && runs.iter().any(|r| r.em)
            && runs.iter().any(|r| r.safe_href().is_some())
    );
}

#[test]
fn committed_index_matches_the_articles() {
    let articles = load_articles(&samples_dir()).unwrap();
    let committed = std::fs::read_to_string(samples_dir().join("index.json"))
        .expect("articles/index.json exists");
    assert_eq!(
        Index::parse(&committed).unwrap(),
        Index::from_articles(&articles),
        "run `cargo run --bin trimova -- index` to regenerate articles/index.json"
    );
}
