//! The browser's transport for the core's translation job: sends the requests it hands out with
//! gloo-net, with a timeout each and abortable on cancel, and hands translated segments to the view
//! as they come. Every decision (batches, retries, cache keys) is the job's.

use futures::future::{select, Either};
use futures::stream::{FuturesUnordered, StreamExt};
use gloo_net::http::{Method, RequestBuilder};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::collections::HashMap;
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
const PAIRS_STORAGE_KEY: &str = "trimova.pairs.v1";
/// About 3 MB of localStorage (UTF-16), well inside browsers' 5 MB per origin.
const CACHE_MAX_CHARS: usize = 1_500_000;
const PAIRS_MAX_AGE_MS: f64 = 24.0 * 3600.0 * 1000.0;

thread_local! {
    static CACHE: RefCell<Option<TranslationCache>> = const { RefCell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn with_cache<T>(f: impl FnOnce(&mut TranslationCache) -> T) -> T {
    CACHE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let cache = cell.get_or_insert_with(|| {
            let saved = storage().and_then(|s| s.get_item(CACHE_STORAGE_KEY).ok().flatten());
            saved.map_or_else(
                || TranslationCache::new(CACHE_MAX_CHARS),
                |json| TranslationCache::from_json(&json, CACHE_MAX_CHARS),
            )
        });
        f(cache)
    })
}

fn persist_cache() {
    let json = with_cache(|c| c.to_json());
    if let Some(storage) = storage() {
        // A full or disabled storage only costs the next visit some requests.
        let _ = storage.set_item(CACHE_STORAGE_KEY, &json);
    }
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

    fn abort_in_flight(&self) {
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

/// Sends one request, giving up after the timeout.
async fn send(
    request: &HttpRequest,
    cancel: &Cancel,
    timeout_ms: u32,
) -> Result<HttpResponse, ProviderError> {
    if cancel.is_cancelled() {
        return Err(cancelled());
    }
    let controller = cancel.controller().ok_or_else(cancelled)?;
    let method = if request.method == "GET" {
        Method::GET
    } else {
        Method::POST
    };
    let mut builder = RequestBuilder::new(&request.url)
        .method(method)
        .abort_signal(Some(&controller.signal()));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let built = match &request.body {
        Some(body) => builder.body(body.clone()),
        None => builder.build(),
    }
    .map_err(|e| ProviderError::Network(e.to_string()))?;
    let exchange = async move {
        let response = built
            .send()
            .await
            .map_err(|e| ProviderError::Network(e.to_string()))?;
        let retry_after = response.headers().get("retry-after");
        let body = response
            .text()
            .await
            .map_err(|e| ProviderError::Network(e.to_string()))?;
        Ok(HttpResponse {
            status: response.status(),
            retry_after,
            body,
        })
    };
    match select(Box::pin(exchange), TimeoutFuture::new(timeout_ms)).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            controller.abort();
            Err(ProviderError::Timeout)
        }
    }
}

/// Pairs per service (`provider|endpoint`), with when they were asked (ms since the epoch).
type SavedPairs = HashMap<String, (f64, Vec<(Lang, Lang)>)>;

/// The pairs the configured service translates, asked once and remembered for a day.
pub async fn pairs(config: &TranslationConfig) -> Result<Vec<(Lang, Lang)>, ProviderError> {
    let key = format!("{}|{}", config.provider.code(), config.base_url());
    let now = js_sys::Date::now();
    let saved: Option<SavedPairs> = storage()
        .and_then(|s| s.get_item(PAIRS_STORAGE_KEY).ok().flatten())
        .and_then(|j| serde_json::from_str(&j).ok());
    let mut saved = saved.unwrap_or_default();
    if let Some((at, pairs)) = saved.get(&key) {
        if now - at < PAIRS_MAX_AGE_MS {
            return Ok(pairs.clone());
        }
    }
    let response = match config.pairs_request() {
        Some(request) => Some(send(&request, &Cancel::default(), config.timeout_ms).await?),
        None => None,
    };
    let pairs = config.provider.parse_pairs(response.as_ref())?;
    saved.insert(key, (now, pairs.clone()));
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(&saved)) {
        let _ = storage.set_item(PAIRS_STORAGE_KEY, &json);
    }
    Ok(pairs)
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
        send(&exchange.request, &cancel, timeout_ms).await,
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
