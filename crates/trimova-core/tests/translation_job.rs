//! The translation job driven through every fault the end-to-end proxy injects, without a network:
//! a fake APy answers in APy's wire format (form in, JSON out), and a fault replaces its answer.

use std::collections::HashMap;
use trimova_core::article::Field;
use trimova_core::config::TranslationConfig;
use trimova_core::provider::{HttpRequest, HttpResponse, ProviderError, ProviderKind};
use trimova_core::translate::cache::TranslationCache;
use trimova_core::translate::job::{Event, Exchange, TranslationJob};
use trimova_core::translate::retry::MAX_ATTEMPTS;
use trimova_core::translate::segment::Segment;
use trimova_core::Lang;

fn apertium() -> TranslationConfig {
    TranslationConfig {
        provider: ProviderKind::Apertium,
        endpoint: Some("http://127.0.0.1:2737".into()),
        api_key: None,
        glossary: vec![],
        timeout_ms: 20_000,
    }
}

fn paragraphs(n: usize) -> Vec<Segment> {
    (0..n)
        .map(|i| Segment {
            field: Field::Text(i),
            html: format!("Абзац {i}: і сонце, і вітер."),
            links: vec![],
        })
        .collect()
}

/// What the fake service makes of a text: every "і" becomes "и" (tags and markers untouched).
fn translated(text: &str) -> String {
    text.replace('і', "и")
}

fn form_field(body: &str, name: &str) -> String {
    let raw = body
        .split('&')
        .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
        .expect("field sent");
    let bytes = raw.replace('+', " ").into_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn query(request: &HttpRequest) -> String {
    form_field(request.body.as_deref().unwrap(), "q")
}

/// A server's answer to one request, as a test's fault makes it.
type Answer = dyn Fn(&HttpRequest) -> Result<HttpResponse, ProviderError>;

fn ok(body: String) -> Result<HttpResponse, ProviderError> {
    Ok(HttpResponse {
        status: 200,
        retry_after: None,
        body,
    })
}

/// APy's answer to a request.
fn apy(request: &HttpRequest) -> Result<HttpResponse, ProviderError> {
    let text = serde_json::json!({
        "responseData": { "translatedText": translated(&query(request)) },
        "responseDetails": null,
        "responseStatus": 200,
    });
    ok(text.to_string())
}

fn status(code: u16, headers: Option<&str>, body: &str) -> Result<HttpResponse, ProviderError> {
    Ok(HttpResponse {
        status: code,
        retry_after: headers.map(str::to_string),
        body: body.to_string(),
    })
}

/// A run: every exchange the job handed out (in order), what came of them, and the most that were
/// in flight at once.
struct Run {
    exchanges: Vec<Exchange>,
    events: Vec<Event>,
    most_in_flight: usize,
}

/// Drives `job` to its end, answering each exchange with `service` (given how many came before).
fn drive(
    job: &mut TranslationJob,
    store: &mut TranslationCache,
    mut service: impl FnMut(usize, &HttpRequest) -> Result<HttpResponse, ProviderError>,
) -> Run {
    let mut run = Run {
        exchanges: vec![],
        events: vec![],
        most_in_flight: 0,
    };
    while !job.is_finished() {
        let mut flying = vec![];
        while let Some(exchange) = job.next_exchange() {
            flying.push(exchange);
        }
        run.most_in_flight = run.most_in_flight.max(flying.len());
        assert!(
            !flying.is_empty(),
            "an unfinished job has something to send"
        );
        for exchange in flying {
            let answer = service(run.exchanges.len(), &exchange.request);
            run.events
                .extend(job.receive(exchange.id, answer, 0.5, store));
            run.exchanges.push(exchange);
        }
    }
    run
}

fn texts(events: &[Event]) -> HashMap<Field, String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Translated { field, text, .. } => Some((*field, text.clone())),
            Event::Failed { .. } => None,
        })
        .collect()
}

fn failures(events: &[Event]) -> Vec<(ProviderError, usize)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Failed { error, left, .. } => Some((error.clone(), *left)),
            Event::Translated { .. } => None,
        })
        .collect()
}

fn job_for(segments: &[Segment], store: &mut TranslationCache) -> TranslationJob {
    let mut job = TranslationJob::new(apertium());
    let (_, hits) = job.add("story", Lang::Uk, Lang::Ru, segments, store);
    assert!(hits.is_empty());
    job
}

#[test]
fn every_segment_arrives_once_within_the_limits_and_a_second_job_asks_nothing() {
    let segments = paragraphs(90);
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&segments, &mut store);
    let run = drive(&mut job, &mut store, |_, r| apy(r));
    let got = texts(&run.events);
    assert_eq!(got.len(), 90);
    assert_eq!(run.events.len(), 90, "each segment once");
    for s in &segments {
        assert_eq!(got[&s.field], translated(&s.html));
    }
    // 90 segments of ~30 characters: APy's 40 per request, 4 in flight.
    assert_eq!(run.exchanges.len(), 3);
    assert!(run.most_in_flight <= ProviderKind::Apertium.limits().concurrency);

    let mut again = TranslationJob::new(apertium());
    let (_, hits) = again.add("story", Lang::Uk, Lang::Ru, &segments, &mut store);
    assert_eq!(hits.len(), 90);
    assert!(again.is_finished());
    assert_eq!(again.next_exchange(), None);
}

#[test]
fn an_edited_paragraph_alone_is_sent_again() {
    let mut segments = paragraphs(5);
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&segments, &mut store);
    drive(&mut job, &mut store, |_, r| apy(r));
    segments[2].html = "Новий абзац і нова думка.".into();
    let mut job = TranslationJob::new(apertium());
    let (_, hits) = job.add("story", Lang::Uk, Lang::Ru, &segments, &mut store);
    assert_eq!(hits.len(), 4);
    let run = drive(&mut job, &mut store, |_, r| apy(r));
    assert_eq!(run.exchanges.len(), 1);
    assert_eq!(query(&run.exchanges[0].request), segments[2].html);
    assert_eq!(
        texts(&run.events)[&Field::Text(2)],
        "Новий абзац и нова думка."
    );
}

#[test]
fn faults_that_retrying_cannot_cure_end_the_edition_after_one_try() {
    let not_installed = r#"{"status":"error","code":400,"message":"Bad Request","explanation":"That pair is not installed"}"#;
    let cases: Vec<(&str, Result<HttpResponse, ProviderError>, ProviderError)> = vec![
        (
            "400 pair not installed",
            status(400, None, not_installed),
            ProviderError::PairNotSupported,
        ),
        (
            "403",
            status(
                403,
                None,
                r#"{"status":"error","code":403,"message":"Forbidden"}"#,
            ),
            ProviderError::Forbidden("Forbidden".into()),
        ),
        (
            "500",
            status(
                500,
                None,
                r#"{"status":"error","code":500,"message":"boom"}"#,
            ),
            ProviderError::Server(500, "boom".into()),
        ),
        (
            "CORS refused",
            Err(ProviderError::Network("Failed to fetch".into())),
            ProviderError::Network("Failed to fetch".into()),
        ),
    ];
    for (name, fault, expected) in cases {
        let mut store = TranslationCache::new(1_000_000);
        let mut job = job_for(&paragraphs(3), &mut store);
        let run = drive(&mut job, &mut store, |_, _| fault.clone());
        assert_eq!(run.exchanges.len(), 1, "{name}: sent once");
        assert_eq!(failures(&run.events), [(expected, 3)], "{name}");
        assert!(store.is_empty(), "{name}: nothing stored");
    }
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&paragraphs(3), &mut store);
    let run = drive(&mut job, &mut store, |_, _| ok("<html>oops</html>".into()));
    assert!(matches!(
        failures(&run.events)[..],
        [(ProviderError::Malformed(_), 3)]
    ));
}

#[test]
fn busy_slow_or_cut_answers_are_retried_with_pauses_then_given_up() {
    let long = vec![Segment {
        field: Field::Lead,
        html: "Довгий абзац і ще одне речення. ".repeat(10),
        links: vec![],
    }];
    let cut = |r: &HttpRequest| {
        let text: String = translated(&query(r)).chars().take(60).collect();
        ok(
            serde_json::json!({"responseData": {"translatedText": text}, "responseStatus": 200})
                .to_string(),
        )
    };
    let cases: Vec<(&str, Box<Answer>, ProviderError)> = vec![
        (
            "503 that never ends",
            Box::new(|_: &HttpRequest| status(503, Some("0"), "")),
            ProviderError::Unavailable {
                retry_after: Some(0.0),
            },
        ),
        (
            "timeout",
            Box::new(|_: &HttpRequest| Err(ProviderError::Timeout)),
            ProviderError::Timeout,
        ),
        ("cut-off answers", Box::new(cut), ProviderError::Truncated),
    ];
    for (name, fault, expected) in cases {
        let mut store = TranslationCache::new(1_000_000);
        let mut job = job_for(&long, &mut store);
        let run = drive(&mut job, &mut store, |_, r| fault(r));
        assert_eq!(run.exchanges.len(), MAX_ATTEMPTS as usize, "{name}");
        assert!(
            run.exchanges
                .windows(2)
                .all(|w| w[0].request == w[1].request),
            "{name}: the same request each time"
        );
        assert_eq!(run.exchanges[0].delay_ms, 0, "{name}");
        assert!(
            run.exchanges[1..]
                .iter()
                .all(|e| e.delay_ms > 0 || name.starts_with("503")),
            "{name}: a pause before each retry"
        );
        assert_eq!(failures(&run.events), [(expected, 1)], "{name}");
    }
}

#[test]
fn a_retry_after_is_honoured_and_a_retry_that_works_reports_nothing() {
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&paragraphs(2), &mut store);
    let run = drive(&mut job, &mut store, |n, r| match n {
        0 => status(
            429,
            Some("1"),
            r#"{"status":"error","code":429,"message":"Too Many Requests"}"#,
        ),
        1 | 2 => status(503, Some("0"), ""),
        _ => apy(r),
    });
    assert_eq!(run.exchanges.len(), 4);
    assert!((1000..1300).contains(&run.exchanges[1].delay_ms));
    assert_eq!(run.exchanges[1].request, run.exchanges[0].request);
    assert!(failures(&run.events).is_empty());
    assert_eq!(texts(&run.events).len(), 2);
}

#[test]
fn a_batch_whose_separators_are_lost_is_sent_again_apart_and_nothing_runs_together() {
    let segments = paragraphs(4);
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&segments, &mut store);
    let run = drive(&mut job, &mut store, |n, r| {
        if n > 0 {
            return apy(r);
        }
        // A proxy that rewrites HTML: the markers are gone, the texts run together.
        let joined = translated(&query(r))
            .split("<hr data-trimova=\"")
            .map(|part| part.split_once("\">").map_or(part, |(_, rest)| rest))
            .collect::<Vec<_>>()
            .join(" ");
        ok(
            serde_json::json!({"responseData": {"translatedText": joined}, "responseStatus": 200})
                .to_string(),
        )
    });
    // One batch of four, then halves of two.
    assert_eq!(run.exchanges.len(), 3);
    assert!(failures(&run.events).is_empty());
    let got = texts(&run.events);
    for s in &segments {
        assert_eq!(got[&s.field], translated(&s.html), "each text on its own");
    }
}

#[test]
fn too_large_is_split_down_to_one_text_and_then_given_up() {
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&paragraphs(2), &mut store);
    let run = drive(&mut job, &mut store, |_, _| status(413, None, ""));
    // [0, 1], then [0] and [1] together: the first to fail for good ends the edition, and the
    // other's answer is dropped (reported once).
    assert_eq!(run.exchanges.len(), 3);
    assert_eq!(failures(&run.events), [(ProviderError::TooLarge, 2)]);
}

#[test]
fn one_edition_failing_leaves_the_others_of_the_job_going() {
    let mut store = TranslationCache::new(1_000_000);
    let mut job = TranslationJob::new(apertium());
    let (ru, _) = job.add("one", Lang::Uk, Lang::Ru, &paragraphs(2), &mut store);
    let (en, _) = job.add("two", Lang::Uk, Lang::En, &paragraphs(2), &mut store);
    let run = drive(&mut job, &mut store, |_, r| {
        if form_field(r.body.as_deref().unwrap(), "langpair") == "ukr|rus" {
            status(
                400,
                None,
                r#"{"status":"error","code":400,"explanation":"That pair is not installed"}"#,
            )
        } else {
            apy(r)
        }
    });
    let failed: Vec<_> = run
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Failed { edition, .. } => Some(*edition),
            _ => None,
        })
        .collect();
    assert_eq!(failed, [ru]);
    assert!(run
        .events
        .iter()
        .filter(|e| matches!(e, Event::Translated { .. }))
        .all(|e| matches!(e, Event::Translated { edition, .. } if *edition == en)));
    assert_eq!(texts(&run.events).len(), 2);
}

#[test]
fn a_long_paragraph_goes_in_pieces_and_comes_back_whole() {
    let long = "Перше речення і друге речення. ".repeat(200);
    let segments = vec![Segment {
        field: Field::Text(0),
        html: long.trim().to_string(),
        links: vec![],
    }];
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&segments, &mut store);
    assert!(job.outstanding(0).requests >= 2);
    let run = drive(&mut job, &mut store, |_, r| apy(r));
    assert!(run.exchanges.len() >= 2);
    assert_eq!(
        run.events.len(),
        1,
        "reported once, when its last piece is in"
    );
    assert_eq!(texts(&run.events)[&Field::Text(0)], translated(long.trim()));
}

#[test]
fn a_cancelled_job_sends_nothing_more_and_drops_late_answers() {
    let mut store = TranslationCache::new(1_000_000);
    let mut job = job_for(&paragraphs(200), &mut store);
    let first = job.next_exchange().unwrap();
    job.cancel();
    assert_eq!(job.next_exchange(), None);
    assert!(job.is_finished());
    assert!(job
        .receive(first.id, apy(&first.request), 0.5, &mut store)
        .is_empty());
    assert!(store.is_empty());
}
