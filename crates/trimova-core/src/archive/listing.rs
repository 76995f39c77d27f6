//! One page of a listing: where it lives, which page it is, and the entries it shows.

use super::{LIST_FILE, PAGE_SIZE};
use crate::article::{parse_json, FormatError};
use crate::Lang;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Which articles a listing shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Listing {
    /// Every article.
    Latest,
    /// Articles published in one month (by the date the newsroom wrote in `published`).
    Month { year: u16, month: u8 },
    /// Articles with one tag (tags that slug alike are one tag).
    Tag { slug: String },
}

/// A page of a listing: `None` is the newest (at the listing's own URL), `Some(k)` page `k`
/// counted from the oldest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListAt {
    pub listing: Listing,
    pub page: Option<u32>,
}

impl ListAt {
    /// Where page `number` of a listing, at `place` among its pages, lives.
    pub fn of(listing: Listing, number: u32, place: Place) -> ListAt {
        ListAt {
            listing,
            page: (place != Place::Newest).then_some(number),
        }
    }

    pub fn latest() -> ListAt {
        ListAt {
            listing: Listing::Latest,
            page: None,
        }
    }

    /// Matches the path segments after the language: ``, `page/3`, `2024/06`, `2024/06/page/2`,
    /// `tag/kndr`, `tag/kndr/page/2`.
    pub fn parse(segments: &[&str]) -> Option<ListAt> {
        let (listing, rest) = match segments {
            ["tag", slug, rest @ ..] if is_slug(slug) => (
                Listing::Tag {
                    slug: slug.to_string(),
                },
                rest,
            ),
            [year, month, rest @ ..] if digits(year, 4) && digits(month, 2) => {
                let year: u16 = year.parse().ok()?;
                let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
                (Listing::Month { year, month }, rest)
            }
            rest => (Listing::Latest, rest),
        };
        let page = match rest {
            [] => None,
            ["page", k] if !k.starts_with('0') => Some(k.parse().ok().filter(|k| *k >= 1)?),
            _ => return None,
        };
        Some(ListAt { listing, page })
    }

    /// The page's path under `base`: `/<lang>/…/`, always with a final slash.
    pub fn path(&self, base: &str, lang: Lang) -> String {
        let mut path = format!("{}/{}/", base.trim_end_matches('/'), lang.code());
        match &self.listing {
            Listing::Latest => {}
            Listing::Month { year, month } => path.push_str(&format!("{year:04}/{month:02}/")),
            Listing::Tag { slug } => path.push_str(&format!("tag/{slug}/")),
        }
        if let Some(k) = self.page {
            path.push_str(&format!("page/{k}/"));
        }
        path
    }

    /// Where the page's data is fetched from, relative to the site root (no leading slash).
    pub fn data_file(&self, lang: Lang) -> String {
        format!("{}{LIST_FILE}", &self.path("/", lang)[1..])
    }
}

fn digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// How many pages `n` entries fill (at least one, which may be empty).
pub fn page_count(n: usize) -> u32 {
    (n / PAGE_SIZE).max(1) as u32
}

/// The entries of page `k` of `n`, as positions counted from the oldest (0 is the oldest).
pub fn page_range(n: usize, k: u32) -> Range<usize> {
    let pages = page_count(n);
    let start = (k.clamp(1, pages) as usize - 1) * PAGE_SIZE;
    let end = if k >= pages { n } else { start + PAGE_SIZE };
    start.min(n)..end
}

/// An article as a list shows it to a reader of one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListEntry {
    pub id: String,
    /// RFC 3339, as in the article file.
    pub published: String,
    /// The language of `title` and `lead`: the reader's where the article has that edition, else
    /// the original's (the list marks it).
    pub lang: Lang,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The article's editions, in switcher order.
    pub editions: Vec<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Thumbnail>,
}

/// The first image of the edition a list entry shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thumbnail {
    pub src: String,
    pub alt: String,
}

/// One page of a listing in one language: what the page shows and what it links to. A
/// pre-rendered list page carries it, and the app fetches it (`list.json` beside the page) to
/// move to another page in place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    pub format: String,
    pub lang: Lang,
    pub listing: Listing,
    /// This page's number counted from the oldest.
    pub number: u32,
    /// Where the page stands among its listing's pages. Not the number of pages: that changes
    /// with every 30th article, and every page carrying it would be written again.
    pub place: Place,
    /// A tag listing's tag as the newsroom wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Newest first.
    pub entries: Vec<ListEntry>,
}

/// Where a list page stands among its listing's pages, as much as its own address and links
/// need to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// The newest page, at the listing's own URL (`/<lang>/`, `/<lang>/tag/<slug>/`).
    Newest,
    /// The page just older than the newest: its newer neighbour is at the listing's URL.
    NextToNewest,
    /// Any older page.
    Older,
}

impl Place {
    /// The place of page `number` of `pages`.
    pub fn of(number: u32, pages: u32) -> Place {
        if number >= pages {
            Place::Newest
        } else if number + 1 == pages {
            Place::NextToNewest
        } else {
            Place::Older
        }
    }
}

impl ListPage {
    pub fn at(&self) -> ListAt {
        ListAt::of(self.listing.clone(), self.number, self.place)
    }

    /// The page of newer entries (`rel="prev"`: lists read from the newest).
    pub fn newer(&self) -> Option<ListAt> {
        let listing = self.listing.clone();
        match self.place {
            Place::Newest => None,
            Place::NextToNewest => Some(ListAt {
                listing,
                page: None,
            }),
            Place::Older => Some(ListAt {
                listing,
                page: Some(self.number + 1),
            }),
        }
    }

    /// The page of older entries (`rel="next"`).
    pub fn older(&self) -> Option<ListAt> {
        (self.number > 1).then(|| ListAt {
            listing: self.listing.clone(),
            page: Some(self.number - 1),
        })
    }

    /// What the page is the list of, and which page of it when it is not the newest ("Статті",
    /// "Червень 2024 · Сторінка 3", "Тег: Економіка").
    pub fn heading(&self) -> String {
        let text = crate::i18n::messages(self.lang);
        let name = match &self.listing {
            Listing::Latest => text.articles_heading.to_string(),
            Listing::Month { year, month } => crate::format::month_year(self.lang, *year, *month),
            Listing::Tag { slug } => format!(
                "{}: {}",
                text.tag_heading,
                self.name.as_deref().unwrap_or(slug)
            ),
        };
        match self.at().page {
            None => name,
            Some(k) => format!("{name} · {}", text.page(k)),
        }
    }

    /// The entries grouped by the day they were published (as the newsroom dated them), in order.
    pub fn days(&self) -> Vec<(&str, &[ListEntry])> {
        let mut days: Vec<(&str, &[ListEntry])> = Vec::new();
        let mut start = 0;
        for i in 1..=self.entries.len() {
            let day = |i: usize| self.entries[i].published.get(..10).unwrap_or_default();
            if i == self.entries.len() || day(i) != day(start) {
                days.push((day(start), &self.entries[start..i]));
                start = i;
            }
        }
        days
    }

    pub fn to_file(&self) -> String {
        serde_json::to_string(self).expect("a list page always serialises")
    }

    pub fn parse(json: &str) -> Result<ListPage, FormatError> {
        let page: ListPage = parse_json(json)?;
        if page.format != super::FORMAT {
            return Err(FormatError {
                path: "format".into(),
                message: format!("must be \"{}\", found \"{}\"", super::FORMAT, page.format),
                line: None,
                column: None,
            });
        }
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
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
}
