//! Which list pages an archive has, and which articles each shows: derived from a small row per
//! article, so the command line can plan every page of a large archive without reading it.

use super::listing::{page_count, page_range, ListAt, Listing, Place};
use std::collections::{BTreeMap, HashMap};

/// What planning needs to know of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub id: &'a str,
    /// `published` as the file has it; its date decides the month.
    pub published: &'a str,
    /// Seconds since the epoch, for ordering.
    pub at: i64,
    pub tags: &'a [String],
}

/// One page to render in every language.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedPage {
    pub listing: Listing,
    pub number: u32,
    pub place: Place,
    /// A tag's name as first written.
    pub name: Option<String>,
    /// Positions in the rows given to `plan`, newest first.
    pub rows: Vec<usize>,
}

impl PlannedPage {
    /// Where the page lives.
    pub fn at(&self) -> ListAt {
        ListAt::of(self.listing.clone(), self.number, self.place)
    }
}

/// Every list page of the archive. `rows` must be newest first (ties broken by id), as
/// `newest_first` sorts them.
pub fn plan(rows: &[Row]) -> Vec<PlannedPage> {
    let mut months: BTreeMap<(u16, u8), Vec<usize>> = BTreeMap::new();
    // An archive has a few hundred tags on 100,000 articles: each spelling is slugged once, and
    // the rows go straight to their tag's list, found by the spelling.
    let mut tag_of: HashMap<&str, Option<usize>> = HashMap::new();
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    let mut tags: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if let Some(month) = month_of(row.published) {
            months.entry(month).or_default().push(i);
        }
        for tag in row.tags {
            let slot = *tag_of.entry(tag.as_str()).or_insert_with(|| {
                let slug = crate::slug::slug(tag);
                (!slug.is_empty()).then(|| {
                    *by_slug.entry(slug).or_insert_with(|| {
                        tags.push((tag.as_str(), Vec::new()));
                        tags.len() - 1
                    })
                })
            });
            let Some(slot) = slot else { continue };
            let listed = &mut tags[slot].1;
            // One article tagged twice alike is listed once.
            if listed.last() != Some(&i) {
                listed.push(i);
            }
        }
    }
    let mut listings: BTreeMap<Listing, (Option<String>, Vec<usize>)> = BTreeMap::new();
    listings.insert(Listing::Latest, (None, (0..rows.len()).collect()));
    for ((year, month), rows) in months {
        listings.insert(Listing::Month { year, month }, (None, rows));
    }
    for (slug, slot) in by_slug {
        let (name, rows) = std::mem::take(&mut tags[slot]);
        listings.insert(Listing::Tag { slug }, (Some(name.to_string()), rows));
    }
    let mut pages = Vec::new();
    for (listing, (name, newest_first)) in listings {
        let n = newest_first.len();
        let count = page_count(n);
        for number in 1..=count {
            // Positions from the oldest, turned back into rows newest first.
            let range = page_range(n, number);
            let rows = range
                .rev()
                .map(|from_oldest| newest_first[n - 1 - from_oldest]);
            pages.push(PlannedPage {
                listing: listing.clone(),
                number,
                place: Place::of(number, count),
                name: name.clone(),
                rows: rows.collect(),
            });
        }
    }
    pages
}

/// Sorts rows newest first, ties broken by id (so the order, and every page, is stable).
pub fn newest_first(rows: &mut [Row]) {
    rows.sort_by(by_newest);
}

/// The order of `newest_first`, for sorting rows together with what goes with them.
pub fn by_newest(a: &Row, b: &Row) -> std::cmp::Ordering {
    b.at.cmp(&a.at).then_with(|| a.id.cmp(b.id))
}

fn month_of(published: &str) -> Option<(u16, u8)> {
    let year = published.get(..4)?.parse().ok()?;
    let month = published.get(5..7)?.parse().ok()?;
    Some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::PAGE_SIZE;

    /// Ids and dates of `n` articles spread over a year.
    fn articles(n: usize) -> (Vec<String>, Vec<String>) {
        let ids = (0..n).map(|i| format!("a-{i:05}")).collect();
        let published = (0..n)
            .map(|i| format!("2024-{:02}-01T10:00:00Z", 1 + i * 12 / n.max(1)))
            .collect();
        (ids, published)
    }

    #[test]
    fn every_article_is_on_one_latest_page_and_one_month_page_newest_first() {
        let n = PAGE_SIZE * 7 + 3;
        let (ids, published) = articles(n);
        let tags = vec!["Економіка".to_string(), "економіка".to_string()];
        let mut list: Vec<Row> = (0..n)
            .map(|i| Row {
                id: &ids[i],
                published: &published[i],
                at: i as i64,
                tags: if i % 2 == 0 { &tags } else { &[] },
            })
            .collect();
        newest_first(&mut list);
        let pages = plan(&list);
        let on = |pred: &dyn Fn(&Listing) -> bool| {
            let mut seen: Vec<usize> = pages
                .iter()
                .filter(|p| pred(&p.listing))
                .flat_map(|p| p.rows.clone())
                .collect();
            seen.sort();
            seen
        };
        assert_eq!(on(&|l| *l == Listing::Latest), (0..n).collect::<Vec<_>>());
        assert_eq!(
            on(&|l| matches!(l, Listing::Month { .. })),
            (0..n).collect::<Vec<_>>()
        );
        let tagged: Vec<usize> = (0..n).filter(|i| list[*i].at % 2 == 0).collect();
        assert_eq!(on(&|l| matches!(l, Listing::Tag { .. })), tagged);
        let tag = pages
            .iter()
            .find(|p| matches!(p.listing, Listing::Tag { .. }))
            .unwrap();
        assert_eq!(tag.name.as_deref(), Some("Економіка"));
        let newest = pages
            .iter()
            .find(|p| p.listing == Listing::Latest && p.place == Place::Newest)
            .unwrap();
        assert_eq!(newest.rows[0], 0, "the newest page starts with the newest");
        assert!(newest.rows.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(newest.rows.len(), PAGE_SIZE + 3);
    }

    #[test]
    fn an_empty_archive_has_one_empty_latest_page() {
        let pages = plan(&[]);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].listing, Listing::Latest);
        assert!(pages[0].rows.is_empty());
    }
}
