//! One page of a listing: where it lives, which page it is, and the entries it shows.

use super::{LIST_FILE, PAGE_SIZE};
use crate::article::{parse_json, FormatError};
use crate::lang::Lang;
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
            Listing::Month { year, month } => crate::locale::month_year(self.lang, *year, *month),
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
mod tests;
