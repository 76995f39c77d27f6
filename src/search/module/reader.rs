//! The index's files as the search module reads them: a piece at a time, each node and summary
//! fetched once a page (the upper nodes serve every word of every query).

use crate::fetch::send;
use futures::future::join_all;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use trimova_core::provider::HttpRequest;
use trimova_core::search::index::{
    doc_path, month_path, node_path, Doc, Key, Meta, MonthPage, Node, META_PATH,
};
use trimova_core::search::params::SearchParams;
use trimova_core::search::query::{months_wanted, rank, Budget, Lookup, MonthPages, Query, Ranked};
use web_sys::AbortController;

/// How long one file may take.
const TIMEOUT_MS: u32 = 15_000;

/// Why a search could not be answered.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// No network (the browser says it is offline).
    Offline,
    /// A file could not be fetched.
    Failed(String),
    /// A file came, but is not what the index writes (cut, or from another version).
    Damaged(String),
}

/// The site's index, as far as this page has read it.
pub struct IndexReader {
    base: String,
    lookup: RefCell<Lookup>,
    articles: RefCell<Option<u32>>,
    docs: RefCell<HashMap<Key, Arc<Doc>>>,
}

impl IndexReader {
    pub fn new(base: String) -> IndexReader {
        IndexReader {
            base,
            lookup: RefCell::default(),
            articles: RefCell::default(),
            docs: RefCell::default(),
        }
    }

    /// The articles that match `query` (with the filters of `params`), ranked, reading common
    /// words' month pages within `budget`.
    pub async fn search(
        &self,
        query: &Query,
        params: &SearchParams,
        budget: Budget,
        controller: &AbortController,
    ) -> Result<Ranked, ReadError> {
        let articles = self.articles(controller).await?;
        let walked = match &params.tag {
            Some(tag) => query.with_tag(tag),
            None => query.clone(),
        };
        loop {
            let wanted = self.lookup.borrow().wanted(&walked);
            if wanted.is_empty() {
                break;
            }
            let fetched = join_all(wanted.iter().map(|prefix| self.node(prefix, controller))).await;
            for (prefix, node) in wanted.into_iter().zip(fetched) {
                self.lookup.borrow_mut().add(prefix, node?);
            }
        }
        // The nodes this query needs, as they are now (another query may add to the reader's
        // while this one waits for month pages).
        let lookup = self.lookup.borrow().clone();
        let found = lookup.found(&walked);
        if params.tag.is_some() && found.last().is_none_or(|f| f.is_empty()) {
            // A tag no article has: nothing can match.
            return Ok(Ranked {
                results: vec![],
                complete: true,
            });
        }
        let within = params.keys_within();
        let mut pages = MonthPages::new();
        loop {
            let wanted = months_wanted(
                &found,
                &pages,
                articles,
                params.order,
                within.as_ref(),
                budget,
            );
            if wanted.is_empty() {
                break;
            }
            let fetched = join_all(
                wanted
                    .iter()
                    .map(|(term, month)| self.month(term, *month, controller)),
            )
            .await;
            for (page, fetched) in wanted.into_iter().zip(fetched) {
                pages.insert(page, fetched?);
            }
        }
        Ok(rank(
            &found,
            &pages,
            articles,
            query.words.len(),
            params.order,
            within.as_ref(),
        ))
    }

    /// The summaries of `keys`, in that order.
    pub async fn docs(
        &self,
        keys: &[Key],
        controller: &AbortController,
    ) -> Result<Vec<Arc<Doc>>, ReadError> {
        let missing: Vec<Key> = keys
            .iter()
            .filter(|k| !self.docs.borrow().contains_key(k))
            .copied()
            .collect();
        let fetched = join_all(missing.iter().map(|k| self.doc(*k, controller))).await;
        for (key, doc) in missing.into_iter().zip(fetched) {
            self.docs.borrow_mut().insert(key, Arc::new(doc?));
        }
        let docs = self.docs.borrow();
        Ok(keys.iter().filter_map(|k| docs.get(k).cloned()).collect())
    }

    async fn articles(&self, controller: &AbortController) -> Result<u32, ReadError> {
        if let Some(n) = *self.articles.borrow() {
            return Ok(n);
        }
        let bytes = self.fetch(META_PATH, controller).await?;
        let meta: Meta = serde_json::from_slice(&bytes)
            .map_err(|e| ReadError::Damaged(format!("{META_PATH}: {e}")))?;
        *self.articles.borrow_mut() = Some(meta.articles);
        Ok(meta.articles)
    }

    async fn node(&self, prefix: &str, controller: &AbortController) -> Result<Node, ReadError> {
        let path = node_path(prefix);
        let bytes = self.fetch(&path, controller).await?;
        Node::decode(&bytes).map_err(|e| ReadError::Damaged(format!("{path}: {e}")))
    }

    async fn month(
        &self,
        term: &str,
        month: u32,
        controller: &AbortController,
    ) -> Result<MonthPage, ReadError> {
        let path = month_path(term, month);
        let bytes = self.fetch(&path, controller).await?;
        MonthPage::decode(&bytes).map_err(|e| ReadError::Damaged(format!("{path}: {e}")))
    }

    async fn doc(&self, key: Key, controller: &AbortController) -> Result<Doc, ReadError> {
        let path = doc_path(key);
        let bytes = self.fetch(&path, controller).await?;
        serde_json::from_slice(&bytes).map_err(|e| ReadError::Damaged(format!("{path}: {e}")))
    }

    async fn fetch(&self, path: &str, controller: &AbortController) -> Result<Vec<u8>, ReadError> {
        let url = format!("{}{path}", self.base);
        let offline = || web_sys::window().is_some_and(|w| !w.navigator().on_line());
        let response = send(&HttpRequest::get(url), Some(controller), Some(TIMEOUT_MS))
            .await
            .map_err(|e| {
                if offline() {
                    ReadError::Offline
                } else {
                    ReadError::Failed(format!("{path}: {e}"))
                }
            })?;
        let html = response
            .content_type
            .as_deref()
            .is_some_and(|t| t.starts_with("text/html"));
        match response.status {
            // A host that answers every path with a page (an app's fallback) has no such file.
            200..=299 if html => Err(ReadError::Damaged(format!("{path}: not found"))),
            200..=299 => Ok(response.body),
            404 | 410 => Err(ReadError::Damaged(format!("{path}: not found"))),
            status => Err(ReadError::Failed(format!(
                "{path}: HTTP {status} {}",
                response.status_text
            ))),
        }
    }
}
