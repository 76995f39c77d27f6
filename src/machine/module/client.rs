//! The browser's transport for the core's translation job: sends the requests it hands out with
//! gloo-net, with a timeout each and abortable on cancel, and hands translated segments to the view
//! as they come. Every decision (batches, retries, cache keys) is the job's.

use crate::browser::{store, stored};
use crate::fetch::send;
use futures::stream::{FuturesUnordered, StreamExt};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use trimova_core::article::Field;
use trimova_core::config::TranslationConfig;
use trimova_core::provider::{HttpRequest, HttpResponse, ProviderError};
use trimova_core::translate::cache::TranslationCache;
use trimova_core::translate::job::{Event, Exchange, Store, TranslationJob};
use trimova_core::translate::segment::Segment;
use trimova_core::{Article, Lang};
use web_sys::AbortController;

const CACHE_STORAGE_KEY: &str = "trimova.translations.v1";
/// About 3 MB of localStorage (UTF-16), well inside browsers' 5 MB per origin.
const CACHE_MAX_CHARS: usize = 1_500_000;

thread_local! {
    static CACHE: RefCell<Option<TranslationCache>> = const { RefCell::new(None) };
}

fn with_cache<T>(f: impl FnOnce(&mut TranslationCache) -> T) -> T {
    CACHE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let cache = cell.get_or_insert_with(|| {
            let saved = stored(CACHE_STORAGE_KEY);
            saved.map_or_else(
                || TranslationCache::new(CACHE_MAX_CHARS),
                |json| TranslationCache::from_json(&json, CACHE_MAX_CHARS),
            )
        });
        f(cache)
    })
}

fn persist_cache() {
    // A full or disabled storage only costs the next visit some requests.
    store(CACHE_STORAGE_KEY, &with_cache(|c| c.to_json()));
}

/// The requests of one translation job. Cancelling aborts those in flight and stops the job
/// before it touches the view again.
#[derive(Clone, Default)]
pub struct Cancel(Rc<RefCell<CancelState>>);

#[derive(Default)]
struct CancelState {
    cancelled: bool,
    in_flight: Vec<AbortController>,
}

impl Cancel {
    pub fn cancel(&self) {
        self.0.borrow_mut().cancelled = true;
        self.abort_in_flight();
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.borrow().cancelled
    }

    pub(crate) fn abort_in_flight(&self) {
        for controller in self.0.borrow_mut().in_flight.drain(..) {
            controller.abort();
        }
    }

    fn controller(&self) -> Option<AbortController> {
        let controller = AbortController::new().ok()?;
        self.0.borrow_mut().in_flight.push(controller.clone());
        Some(controller)
    }
}

fn cancelled() -> ProviderError {
    ProviderError::Network("cancelled".into())
}

/// Sends one request of the job, giving up after the timeout.
async fn send_unless_cancelled(
    request: &HttpRequest,
    cancel: &Cancel,
    timeout_ms: u32,
) -> Result<HttpResponse, ProviderError> {
    if cancel.is_cancelled() {
        return Err(cancelled());
    }
    let controller = cancel.controller().ok_or_else(cancelled)?;
    Ok(send(request, Some(&controller), Some(timeout_ms))
        .await?
        .into())
}

/// The translation cache of this browser, as the job's store.
struct BrowserStore;

impl Store for BrowserStore {
    fn get(&mut self, key: &str) -> Option<String> {
        with_cache(|c| c.get(key))
    }
    fn put(&mut self, key: String, translation: String) {
        with_cache(|c| c.insert(key, translation));
    }
}

/// Waits the pause the job asked for, then sends the exchange's request.
async fn carry(
    exchange: Exchange,
    cancel: Cancel,
    timeout_ms: u32,
) -> (u64, Result<HttpResponse, ProviderError>) {
    if exchange.delay_ms > 0 {
        TimeoutFuture::new(exchange.delay_ms.min(u64::from(u32::MAX)) as u32).await;
    }
    (
        exchange.id,
        send_unless_cancelled(&exchange.request, &cancel, timeout_ms).await,
    )
}

/// Translates `segments` of `article` from `from` to `to`, calling `on_segment(field, fragment)`
/// for each as it is ready: cached ones at once, the others as answers arrive. The core's
/// [`TranslationJob`] decides everything; this only carries its requests.
/// Returns when all are done, on the first error that retries did not cure, or when cancelled.
pub async fn translate_segments(
    article: Arc<Article>,
    segments: Arc<Vec<Segment>>,
    from: Lang,
    to: Lang,
    config: TranslationConfig,
    cancel: Cancel,
    mut on_segment: impl FnMut(Field, String),
) -> Result<(), ProviderError> {
    let timeout_ms = config.timeout_ms;
    let mut job = TranslationJob::new(config);
    let (_, cached) = job.add(&article.id, from, to, &segments, &mut BrowserStore);
    for (field, text) in cached {
        on_segment(field, text);
    }
    let mut in_flight = FuturesUnordered::new();
    let mut outcome = Ok(());
    while outcome.is_ok() && !cancel.is_cancelled() {
        while let Some(exchange) = job.next_exchange() {
            in_flight.push(carry(exchange, cancel.clone(), timeout_ms));
        }
        let Some((id, answer)) = in_flight.next().await else {
            break;
        };
        if cancel.is_cancelled() {
            break;
        }
        for event in job.receive(id, answer, js_sys::Math::random(), &mut BrowserStore) {
            match event {
                Event::Translated { field, text, .. } => on_segment(field, text),
                Event::Failed { error, .. } => outcome = Err(error),
            }
        }
    }
    job.cancel();
    drop(in_flight);
    // Whatever is still in flight is of no use now (an error ends the job; so does leaving).
    cancel.abort_in_flight();
    persist_cache();
    outcome
}
