use super::*;
use crate::search::index::{node_path, Node, KEPT};
use crate::test_support::Folder;
use proptest::prelude::*;

/// A site folder in memory.
/// Words that share beginnings, so that a few dozen articles split nodes two and three deep.
const WORDS: [&str; 24] = [
    "по",
    "пол",
    "поле",
    "полк",
    "політ",
    "порт",
    "пошта",
    "парк",
    "парламент",
    "ліс",
    "луг",
    "львів",
    "fort",
    "fortress",
    "forum",
    "park",
    "parliament",
    "#війна",
    "#львів",
    "київ",
    "кит",
    "3",
    "2024",
    "тиск",
];

/// The whole index written from scratch, from every article's terms.
fn full_build(articles: &BTreeMap<u32, Indexed>) -> Folder {
    let mut terms: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    for a in articles.values() {
        for (term, impact) in &a.terms {
            terms.entry(term.clone()).or_default().push(Posting {
                key: a.key,
                impact: *impact,
            });
        }
    }
    let mut folder = Folder::default();
    build(&mut folder, terms).unwrap();
    folder
}

fn indexed(key: u32, words: &[(usize, u8)]) -> Indexed {
    let mut terms: Vec<(String, u8)> = words
        .iter()
        .map(|&(w, impact)| {
            // Past the list, the same words with a number: a dictionary big enough to split.
            let word = WORDS[w % WORDS.len()];
            let term = match w / WORDS.len() {
                0 => word.to_string(),
                n => format!("{word}{n}"),
            };
            (term, impact.max(1))
        })
        .collect();
    terms.sort();
    terms.dedup_by(|a, b| a.0 == b.0);
    Indexed { key, terms }
}

#[derive(Clone, Debug)]
enum Step {
    /// Publishes (or edits, if the key is taken) an article.
    Publish(u32, Vec<(usize, u8)>),
    /// Removes the article with the n-th key in the archive, if any.
    Remove(usize),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    // Keys 20 days apart: a term's postings spread over two years of month pages.
    let publish = (
        (0u32..40).prop_map(|k| k * 20 * 86_400),
        // A few words most articles have (paged terms, their best postings coming and going),
        // and many rare ones (a dictionary that splits nodes).
        prop::collection::vec((prop_oneof![0usize..4, 0usize..240], 1u8..=255), 1..16),
    )
        .prop_map(|(k, w)| Step::Publish(k, w));
    let remove = (0usize..40).prop_map(Step::Remove);
    prop::collection::vec(prop_oneof![3 => publish, 1 => remove], 1..80)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any sequence of additions, edits and removals, each applied as an update, ends with the
    /// files a full build of the same archive writes, byte for byte.
    #[test]
    fn updates_end_with_the_full_build(steps in steps()) {
        let mut archive: BTreeMap<u32, Indexed> = BTreeMap::new();
        let mut folder = full_build(&archive);
        for step in steps {
            let mut changes = Changes::new();
            match step {
                Step::Publish(key, words) => {
                    let after = indexed(key, &words);
                    diff(archive.get(&key), Some(&after), &mut changes);
                    archive.insert(key, after);
                }
                Step::Remove(n) => {
                    if let Some(&key) = archive.keys().nth(n % archive.len().max(1)) {
                        let before = archive.remove(&key);
                        diff(before.as_ref(), None, &mut changes);
                    }
                }
            }
            update(&mut folder, changes).unwrap();
        }
        let expected = full_build(&archive);
        prop_assert_eq!(folder.0.keys().collect::<Vec<_>>(), expected.0.keys().collect::<Vec<_>>());
        prop_assert!(folder == expected);
    }
}

#[test]
fn a_growing_dictionary_splits_and_a_shrinking_one_folds_back() {
    let mut folder = full_build(&BTreeMap::new());
    assert_eq!(folder.0.len(), 1, "an empty index is its root");
    let mut archive = BTreeMap::new();
    for key in 0..40 {
        // Every article brings words of its own, so the dictionary grows with the archive.
        let mut terms: Vec<(String, u8)> = WORDS
            .iter()
            .flat_map(|w| [w.to_string(), format!("{w}{key}")])
            .map(|t| (t, (key + 1) as u8))
            .collect();
        terms.sort();
        let after = Indexed { key, terms };
        let mut changes = Changes::new();
        diff(None, Some(&after), &mut changes);
        archive.insert(key, after);
        update(&mut folder, changes).unwrap();
    }
    let root = Node::decode(&folder.0[&node_path("")]).unwrap();
    assert!(matches!(root, Node::Split { .. }), "{root:?}");
    let published = Node::decode(&folder.0[&node_path("по")]).unwrap();
    let leaves_hold_at_most_the_kept = folder
        .0
        .iter()
        .filter(|(p, _)| p.starts_with("search/t/"))
        .all(|(_, bytes)| match Node::decode(bytes).unwrap() {
            Node::Leaf(entries) => entries.iter().all(|e| e.postings.len() <= KEPT),
            Node::Split { .. } => true,
        });
    assert!(leaves_hold_at_most_the_kept, "{published:?}");
    for key in 0..40 {
        let mut changes = Changes::new();
        diff(archive.get(&key), None, &mut changes);
        update(&mut folder, changes).unwrap();
    }
    assert_eq!(
        folder,
        full_build(&BTreeMap::new()),
        "all gone: the empty root again"
    );
}

#[test]
fn an_unchanged_article_changes_nothing_and_a_damaged_node_is_named() {
    let a = indexed(7, &[(0, 9), (13, 4)]);
    let mut changes = Changes::new();
    diff(Some(&a), Some(&a), &mut changes);
    assert!(changes.is_empty());
    let mut folder = Folder::default();
    folder.write(&node_path(""), &[0xff, 0xff, 0xff]).unwrap();
    diff(None, Some(&a), &mut changes);
    let error = update(&mut folder, changes).unwrap_err();
    assert!(
        error.contains("search/t/x.bin") && error.contains("damaged"),
        "{error}"
    );
}
