//! The translation client: sends what `trimova_core::provider` builds, a bounded number at a time,
//! with timeouts, retries and cancellation, and hands translated segments to the view as they come.
//! Every decision (segments, batches, retry delays, cache keys, source) is made in the core.

use futures::future::{select, Either, LocalBoxFuture};
use futures::{FutureExt, StreamExt};
use gloo_net::http::{Method, RequestBuilder};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use trimova_core::config::TranslationConfig;
use trimova_core::provider::{HttpRequest, HttpResponse, ProviderError};
use trimova_core::translate::cache::{cache_key, TranslationCache};
use trimova_core::translate::plan::plan;
use trimova_core::translate::retry::{next_step, Step};
use trimova_core::translate::segment::{Segment, Slot};
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

/// Translates `texts` in one request, with the core's retry policy (the command line's too).
fn translate_texts<'a>(
    config: &'a TranslationConfig,
    from: Lang,
    to: Lang,
    texts: Vec<String>,
    cancel: &'a Cancel,
) -> LocalBoxFuture<'a, Result<Vec<String>, ProviderError>> {
    async move {
        let kind = config.provider;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let request = config.translate_request(from, to, &texts);
            let error = match send(&request, cancel, config.timeout_ms)
                .await
                .and_then(|r| kind.read_answer(&r, &texts))
            {
                Ok(out) => return Ok(out),
                Err(e) => e,
            };
            match next_step(kind, &error, texts.len(), attempt, js_sys::Math::random()) {
                Step::Split => {
                    let mut first = texts;
                    let second = first.split_off(first.len() / 2);
                    let mut out = translate_texts(config, from, to, first, cancel).await?;
                    out.extend(translate_texts(config, from, to, second, cancel).await?);
                    return Ok(out);
                }
                Step::Wait(ms) if !cancel.is_cancelled() => TimeoutFuture::new(ms as u32).await,
                _ => return Err(error),
            }
        }
    }
    .boxed_local()
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

/// Translates `segments` of `article` from `from` to `to`, calling `on_segment(slot, fragment)`
/// for each as it is ready: cached ones at once, the others as answers arrive.
/// Returns when all are done, on the first error that retries did not cure, or when cancelled.
pub async fn translate_segments(
    article: Arc<Article>,
    segments: Arc<Vec<Segment>>,
    from: Lang,
    to: Lang,
    config: TranslationConfig,
    cancel: Cancel,
    mut on_segment: impl FnMut(Slot, String),
) -> Result<(), ProviderError> {
    let kind = config.provider;
    let keys: Vec<String> = segments
        .iter()
        .map(|s| cache_key(&article.id, &s.html, from, to, kind.code()))
        .collect();
    let mut todo = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        match with_cache(|c| c.get(&keys[i])) {
            Some(hit) => {
                on_segment(segment.slot, hit);
            }
            None => todo.push(i),
        }
    }
    if todo.is_empty() {
        return Ok(());
    }

    let texts: Vec<&str> = todo.iter().map(|i| segments[*i].html.as_str()).collect();
    let plan = plan(&texts, &kind.limits());
    let mut piece_text: Vec<Option<String>> = vec![None; plan.pieces.len()];
    let requests = plan.batches.iter().map(|batch| {
        let texts: Vec<String> = batch.iter().map(|p| plan.pieces[*p].html.clone()).collect();
        let (config, cancel) = (&config, &cancel);
        async move {
            (
                batch,
                translate_texts(config, from, to, texts, cancel).await,
            )
        }
    });
    let mut answers = futures::stream::iter(requests).buffer_unordered(kind.limits().concurrency);
    let mut outcome = Ok(());
    while let Some((batch, result)) = answers.next().await {
        if cancel.is_cancelled() {
            break;
        }
        let translated = match result {
            Ok(t) => t,
            Err(e) => {
                outcome = Err(e);
                break;
            }
        };
        for (p, text) in batch.iter().zip(translated) {
            piece_text[*p] = Some(text);
            let local = plan.pieces[*p].segment;
            // A segment split in pieces is complete when its last piece is in.
            let Some(joined) = plan.segment_text(local, &piece_text) else {
                continue;
            };
            let index = todo[local];
            with_cache(|c| c.insert(keys[index].clone(), joined.clone()));
            on_segment(segments[index].slot, joined);
        }
    }
    drop(answers);
    // Whatever is still in flight is of no use now (an error ends the job; so does leaving).
    cancel.abort_in_flight();
    persist_cache();
    outcome
}
