//! The search page's address: what was asked, in which order, with which filters. Read and
//! written here, so the form, a shared link and the module agree.

use super::index::Key;
use super::query::Order;

/// `?q=…&order=newest&tag=<slug>&month=YYYY-MM`, as the search form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchParams {
    pub q: String,
    pub order: Order,
    /// A tag's slug, as in the tag lists' addresses.
    pub tag: Option<String>,
    /// A month, `YYYY-MM`.
    pub month: Option<(u16, u8)>,
}

/// Characters of an address's query that are read at all.
const MAX_QUERY: usize = 4096;

impl SearchParams {
    /// Reads `location.search` (with or without its `?`). Anything it does not know is ignored;
    /// a filter it cannot read is no filter.
    pub fn parse(search: &str) -> SearchParams {
        let search = search.strip_prefix('?').unwrap_or(search);
        let search = match search.char_indices().nth(MAX_QUERY) {
            Some((i, _)) => &search[..i],
            None => search,
        };
        let mut params = SearchParams::default();
        for (name, value) in form_urlencoded::parse(search.as_bytes()) {
            match &*name {
                "q" => params.q = value.into_owned(),
                "order" if value == "newest" => params.order = Order::Newest,
                "tag" => {
                    let slug = crate::slug::slug(&value);
                    params.tag = (!slug.is_empty()).then_some(slug);
                }
                "month" => params.month = parse_month(&value),
                _ => {}
            }
        }
        params
    }

    /// The address's query for these parameters (empty ones left out).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        out.append_pair("q", &self.q);
        if self.order == Order::Newest {
            out.append_pair("order", "newest");
        }
        if let Some(tag) = &self.tag {
            out.append_pair("tag", tag);
        }
        if let Some((y, m)) = self.month {
            out.append_pair("month", &format!("{y:04}-{m:02}"));
        }
        format!("?{}", out.finish())
    }

    /// The keys of the articles published in the month filtered on (in UTC), if any.
    pub fn keys_within(&self) -> Option<std::ops::Range<Key>> {
        let (y, m) = self.month?;
        let start = month_start(y, m)?;
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        let end = month_start(ny, nm)?;
        Some(start..end)
    }
}

fn parse_month(text: &str) -> Option<(u16, u8)> {
    let (y, m) = text.split_once('-')?;
    let (y, m): (u16, u8) = (y.parse().ok()?, m.parse().ok()?);
    ((1970..=2105).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

fn month_start(y: u16, m: u8) -> Option<Key> {
    let seconds = crate::timestamp::parse_rfc3339(&format!("{y:04}-{m:02}-01T00:00:00Z"))?;
    Key::try_from(seconds).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_reads_back_as_written() {
        let params = SearchParams {
            q: "стародавня фортеця & co".into(),
            order: Order::Newest,
            tag: Some("kyiv".into()),
            month: Some((2026, 11)),
        };
        let query = params.to_query();
        assert!(query.starts_with("?q=%D1%81"), "{query}");
        assert_eq!(SearchParams::parse(&query), params);
    }

    #[test]
    fn a_form_submission_and_a_damaged_address_are_read_as_far_as_they_make_sense() {
        let p = SearchParams::parse(
            "q=m%27yaso+lviv&order=whatever&tag=%D0%9A%D0%B8%D1%97%D0%B2&month=2026-13&x=1",
        );
        assert_eq!(p.q, "m'yaso lviv");
        assert_eq!(p.order, Order::Relevance);
        assert_eq!(p.tag.as_deref(), Some(crate::slug::slug("Київ").as_str()));
        assert_eq!(p.month, None);
        assert_eq!(SearchParams::parse(""), SearchParams::default());
        let long = format!("q={}", "a".repeat(100_000));
        assert_eq!(SearchParams::parse(&long).q.len(), MAX_QUERY - 2);
    }

    #[test]
    fn a_month_is_the_keys_of_its_seconds() {
        let p = SearchParams::parse("q=x&month=2026-12");
        let range = p.keys_within().unwrap();
        assert_eq!(range.start, 1_796_083_200); // 2026-12-01T00:00:00Z
        assert_eq!(range.end, 1_798_761_600); // 2027-01-01T00:00:00Z
    }
}
