//! The command line's transport for the core's translation job: blocking HTTP (ureq), one thread
//! per request in flight (the job bounds how many), answers handed back to the job on the thread
//! that owns it. Every decision (batches, retries, pauses, cache writes) is the job's.

use std::sync::mpsc;
use std::time::Duration;
use trimova_core::provider::{HttpRequest, HttpResponse, ProviderError};
use trimova_core::translate::job::{Event, Store, TranslationJob};

/// Sends one request; the answer whatever its status (errors are the provider's to read).
pub fn send(agent: &ureq::Agent, request: &HttpRequest) -> Result<HttpResponse, ProviderError> {
    let mut call = agent.request(request.method, &request.url);
    for (name, value) in &request.headers {
        call = call.set(name, value);
    }
    let result = match &request.body {
        Some(body) => call.send_string(body),
        None => call.call(),
    };
    let response = match result {
        Ok(response) => response,
        Err(ureq::Error::Status(_, response)) => response,
        Err(ureq::Error::Transport(e)) => {
            let text = e.to_string();
            return Err(if text.contains("timed out") {
                ProviderError::Timeout
            } else {
                ProviderError::Network(text)
            });
        }
    };
    let status = response.status();
    let retry_after = response.header("retry-after").map(str::to_string);
    let body = response
        .into_string()
        .map_err(|e| ProviderError::Network(e.to_string()))?;
    Ok(HttpResponse {
        status,
        retry_after,
        body,
    })
}

/// Drives `job` to its end, calling `on_event` with everything its answers produce.
pub fn drive(
    agent: &ureq::Agent,
    job: &mut TranslationJob,
    store: &mut impl Store,
    mut on_event: impl FnMut(Event),
) {
    std::thread::scope(|scope| {
        let (answers, answered) = mpsc::channel();
        while !job.is_finished() {
            while let Some(exchange) = job.next_exchange() {
                let answers = answers.clone();
                scope.spawn(move || {
                    std::thread::sleep(Duration::from_millis(exchange.delay_ms));
                    // The receiver outlives every sender: it is dropped after the scope.
                    let _ = answers.send((exchange.id, send(agent, &exchange.request)));
                });
            }
            // An unfinished job that hands out nothing has requests in flight.
            let Ok((id, answer)) = answered.recv() else {
                break;
            };
            for event in job.receive(id, answer, jitter(), store) {
                on_event(event);
            }
        }
    });
}

/// A number in 0..1 that differs between calls, so clients do not retry in lockstep.
fn jitter() -> f64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    f64::from(nanos % 1000) / 1000.0
}
