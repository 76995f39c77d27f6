//! The one way the browser code makes a request: gloo-net, abortable through an `AbortController`
//! the caller owns (so leaving a view or cancelling a job stops it), optionally given up after a
//! time, and the answer read whole. Article files and list pages (`api`), the translation
//! services (`machine`) and the search index (`search`) all go through here.

use futures::future::{select, Either};
use gloo_net::http::{Method, RequestBuilder};
use gloo_timers::future::TimeoutFuture;
use trimova_core::provider::{HttpRequest, HttpResponse, ProviderError};
use web_sys::AbortController;

/// What came back, read whole.
pub struct Fetched {
    pub status: u16,
    pub status_text: String,
    pub content_type: Option<String>,
    pub retry_after: Option<String>,
    /// As it came: text for JSON and the services' answers, bytes for the search index's nodes.
    pub body: Vec<u8>,
}

impl Fetched {
    /// The body as text (anything that is not UTF-8 replaced, and then refused by whoever reads
    /// it as JSON).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Why nothing came back.
#[derive(Debug)]
pub enum FetchError {
    /// The request could not be made, was refused, or was aborted.
    Network(String),
    /// No answer within the time allowed (the request is aborted).
    Timeout,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network(e) => f.write_str(e),
            FetchError::Timeout => f.write_str("timed out"),
        }
    }
}

impl From<FetchError> for ProviderError {
    fn from(error: FetchError) -> ProviderError {
        match error {
            FetchError::Network(e) => ProviderError::Network(e),
            FetchError::Timeout => ProviderError::Timeout,
        }
    }
}

impl From<Fetched> for HttpResponse {
    fn from(fetched: Fetched) -> HttpResponse {
        HttpResponse {
            body: fetched.text(),
            status: fetched.status,
            retry_after: fetched.retry_after,
        }
    }
}

/// Sends `request`, aborted when `controller` is, and after `timeout_ms` when one is given.
pub async fn send(
    request: &HttpRequest,
    controller: Option<&AbortController>,
    timeout_ms: Option<u32>,
) -> Result<Fetched, FetchError> {
    let network = |e: gloo_net::Error| FetchError::Network(e.to_string());
    let method = if request.method == "GET" {
        Method::GET
    } else {
        Method::POST
    };
    let signal = controller.map(AbortController::signal);
    let mut builder = RequestBuilder::new(&request.url)
        .method(method)
        .abort_signal(signal.as_ref());
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let built = match &request.body {
        Some(body) => builder.body(body.clone()),
        None => builder.build(),
    }
    .map_err(network)?;
    let exchange = async move {
        let response = built.send().await.map_err(network)?;
        let header = |name: &str| response.headers().get(name);
        let (content_type, retry_after) = (header("content-type"), header("retry-after"));
        Ok(Fetched {
            status: response.status(),
            status_text: response.status_text(),
            content_type,
            retry_after,
            body: response.binary().await.map_err(network)?,
        })
    };
    let Some(timeout_ms) = timeout_ms else {
        return exchange.await;
    };
    match select(Box::pin(exchange), TimeoutFuture::new(timeout_ms)).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            if let Some(controller) = controller {
                controller.abort();
            }
            Err(FetchError::Timeout)
        }
    }
}
