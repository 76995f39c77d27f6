use super::*;

fn entry(term: &str, keys: &[(Key, u8)]) -> Entry {
    Entry {
        term: term.into(),
        articles: keys.len() as u32,
        postings: keys
            .iter()
            .map(|&(key, impact)| Posting { key, impact })
            .collect(),
        months: Vec::new(),
    }
}

#[test]
fn a_node_reads_back_as_written() {
    let node = Node::Leaf(vec![
        entry("фортец", &[(1_700_000_300, 200), (1_700_000_100, 3)]),
        entry("fortress", &[(1_700_000_300, 90)]),
    ]);
    assert_eq!(Node::decode(&node.encode()).unwrap(), node);
    let split = Node::Split {
        size: 9000,
        own: Some(entry("по", &[(5, 1)])),
        children: vec![('в', 4000), ('л', 5000)],
    };
    assert_eq!(Node::decode(&split.encode()).unwrap(), split);
}

#[test]
fn postings_are_written_as_steps_and_a_damaged_order_is_refused() {
    let node = Node::Leaf(vec![entry(
        "a",
        &[(1_000_000, 1), (999_999, 2), (999_990, 3)],
    )]);
    let bytes = node.encode();
    // The second and third keys cost a byte or three each, not four.
    assert!(bytes.len() < 16, "{} bytes", bytes.len());
    // A step of zero (the same key twice) cannot be read.
    let bad = postcard::to_allocvec(&(0u8, 1u32, ("a", 1u32, vec![(9u32, 1u8), (0, 1)]))).unwrap();
    assert!(Node::decode(&bad).is_err());
}

#[test]
fn a_common_term_keeps_its_best_postings_newest_first_and_every_one_in_its_month_pages() {
    // Twenty articles, two a month from January 2024 on.
    let january_2024 = 1_704_067_200;
    let postings: Vec<Posting> = (0..20)
        .map(|k| Posting {
            key: january_2024 + (k / 2) * 31 * 86_400 + k,
            impact: (k % 7) as u8 + 1,
        })
        .collect();
    let (entry, pages) = Entry::from_all("рада".into(), postings.clone());
    assert_eq!(entry.articles, 20);
    assert!(entry.is_paged() && !entry.is_complete());
    assert_eq!(entry.postings.len(), KEPT);
    let mut impacts: Vec<u8> = entry.postings.iter().map(|p| p.impact).collect();
    impacts.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(impacts, [7, 7, 6, 6, 6, 5], "the best kept");
    // Of the three with impact 5, the newest (k = 18).
    assert!(entry.postings.iter().any(|p| p.key == postings[18].key));
    assert!(entry.postings.windows(2).all(|w| w[0].key > w[1].key));
    assert_eq!(entry.months, pages.keys().copied().collect::<Vec<_>>());
    assert_eq!(pages.len(), 10, "{:?}", entry.months);
    let mut paged: Vec<Posting> = pages.values().flat_map(|p| p.postings.clone()).collect();
    paged.sort_by_key(|p| p.key);
    assert_eq!(paged, postings, "every posting in a page");
    assert!(pages
        .values()
        .all(|p| p.postings.windows(2).all(|w| w[0].key > w[1].key)));
    assert_eq!(
        month_path("рада", entry.months[0]),
        "search/m/d180d0b0d0b4d0b0/2024-01.bin"
    );
    let (rare, pages) = Entry::from_all("віче".into(), postings[..3].to_vec());
    assert!(rare.is_complete() && rare.months.is_empty() && pages.is_empty());
}

#[test]
fn a_dictionary_too_big_for_one_node_splits_by_letter_and_no_node_is_over_the_limit() {
    let mut entries: Vec<Entry> = ["поля", "полк", "пол", "порт", "пошта", "парк", "ліс", "луг"]
        .iter()
        .flat_map(|w| (0..12).map(move |i| format!("{w}{i:02}")))
        .chain(std::iter::once("пол".to_string()))
        .map(|t| entry(&t, &[(3, 9), (2, 8), (1, 7)]))
        .collect();
    entries.sort_by(|a, b| a.term.cmp(&b.term));
    let total: u32 = entries.iter().map(Entry::size).sum();
    let mut nodes = Vec::new();
    assert_eq!(layout("", entries.clone(), &mut nodes), total);
    let prefixes: Vec<&str> = nodes.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(*prefixes.last().unwrap(), "", "the root comes last");
    assert!(
        prefixes.contains(&"л") && prefixes.contains(&"по"),
        "{prefixes:?}"
    );
    let mut found = Vec::new();
    for (prefix, node) in &nodes {
        match node {
            Node::Leaf(leaf) => {
                assert!(node.size() as usize <= NODE_LIMIT, "{prefix}");
                assert!(leaf.iter().all(|e| e.term.starts_with(prefix.as_str())));
                found.extend(leaf.iter().map(|e| e.term.clone()));
            }
            Node::Split { own, children, .. } => {
                assert!(node.size() as usize > NODE_LIMIT, "{prefix}");
                found.extend(own.iter().map(|e| e.term.clone()));
                for (c, _) in children {
                    let child = format!("{prefix}{c}");
                    assert!(prefixes.contains(&child.as_str()), "{child}");
                }
            }
        }
    }
    found.sort();
    let all: Vec<String> = entries.iter().map(|e| e.term.clone()).collect();
    assert_eq!(found, all, "every term in exactly one node");
    assert_eq!(node_name(""), "x.bin");
    assert_eq!(node_name("по"), "xd0bfd0be.bin");
}

#[test]
fn keys_follow_publication_and_two_articles_of_one_second_get_two_keys() {
    let articles = [
        (1_700_000_000, "b"),
        (1_700_000_000, "a"),
        (1_600_000_000, "old"),
        (1_700_000_001, "c"),
        (-5, "before-1970"),
    ];
    let keys = article_keys(&articles);
    assert_eq!(
        keys,
        [
            1_700_000_001,
            1_700_000_000,
            1_600_000_000,
            1_700_000_002,
            0
        ]
    );
    // Removing one article moves only the keys of its run of seconds.
    let keys = article_keys(&articles[1..]);
    assert_eq!(keys, [1_700_000_000, 1_600_000_000, 1_700_000_001, 0]);
}

#[test]
fn nodes_filled_from_entries_cut_short_say_so_rather_than_panic() {
    let entries: Vec<Entry> = ["ліс", "луг", "поле"]
        .iter()
        .map(|t| entry(t, &[(3, 9)]))
        .collect();
    let sizes: Vec<(&str, u32)> = entries
        .iter()
        .map(|e| (e.term.as_str(), e.size()))
        .collect();
    let mut planned = Vec::new();
    plan("", &sizes, &mut planned);
    let mut filling = Filling::new(entries[..2].iter().cloned().map(Ok::<Entry, String>));
    let failed = planned
        .into_iter()
        .map(|p| filling.fill(p))
        .find_map(Result::err);
    assert!(failed.is_some_and(|e| e.contains("end before")));
}
