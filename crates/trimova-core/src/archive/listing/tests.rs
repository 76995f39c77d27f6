use super::*;

#[test]
fn paths_parse_back() {
    let cases = [
        (Listing::Latest, None, "/uk/"),
        (Listing::Latest, Some(3), "/uk/page/3/"),
        // A page number of two digits is not a month.
        (Listing::Latest, Some(99), "/uk/page/99/"),
        (Listing::Latest, Some(2024), "/uk/page/2024/"),
        (
            Listing::Month {
                year: 2024,
                month: 6,
            },
            None,
            "/uk/2024/06/",
        ),
        (
            Listing::Tag {
                slug: "kndr".into(),
            },
            Some(2),
            "/uk/tag/kndr/page/2/",
        ),
    ];
    for (listing, page, path) in cases {
        let at = ListAt { listing, page };
        assert_eq!(at.path("/", Lang::Uk), path);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).skip(1).collect();
        assert_eq!(ListAt::parse(&segments), Some(at.clone()), "{path}");
        assert_eq!(at.data_file(Lang::Uk), format!("{}list.json", &path[1..]));
    }
    for bad in [
        &["page", "0"][..],
        &["page", "01"],
        &["page", "x"],
        &["2024", "13"],
        &["tag", "Bad"],
        &["tag"],
        &["page", "2", "x"],
    ] {
        assert_eq!(ListAt::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn pages_count_from_the_oldest_and_the_newest_takes_the_rest() {
    assert_eq!(page_count(0), 1);
    assert_eq!(page_range(0, 1), 0..0);
    assert_eq!(page_count(PAGE_SIZE * 2 - 1), 1);
    assert_eq!(page_range(PAGE_SIZE * 2 - 1, 1), 0..PAGE_SIZE * 2 - 1);
    let n = PAGE_SIZE * 5 + 7;
    assert_eq!(page_count(n), 5);
    assert_eq!(page_range(n, 1), 0..PAGE_SIZE);
    assert_eq!(page_range(n, 5), PAGE_SIZE * 4..n);
    // Every entry is on exactly one page, whatever the count.
    for n in 0..PAGE_SIZE * 4 {
        let covered: Vec<usize> = (1..=page_count(n)).flat_map(|k| page_range(n, k)).collect();
        assert_eq!(covered, (0..n).collect::<Vec<_>>());
    }
}

#[test]
fn an_added_entry_leaves_every_older_page_as_it_was() {
    for n in 0..PAGE_SIZE * 4 {
        let (before, after) = (page_count(n), page_count(n + 1));
        for k in 1..before.min(after) {
            assert_eq!(page_range(n, k), page_range(n + 1, k));
        }
    }
}

#[test]
fn neighbours_read_from_the_newest() {
    let page = |number, pages| ListPage {
        format: crate::archive::FORMAT.into(),
        lang: Lang::En,
        listing: Listing::Latest,
        number,
        place: Place::of(number, pages),
        name: None,
        entries: vec![],
    };
    let top = page(4, 4);
    assert_eq!(top.at().page, None);
    assert_eq!(top.newer(), None);
    assert_eq!(top.older().unwrap().page, Some(3));
    assert_eq!(page(3, 4).newer().unwrap().page, None);
    assert_eq!(page(2, 4).newer().unwrap().page, Some(3));
    assert_eq!(page(1, 4).older(), None);
}
