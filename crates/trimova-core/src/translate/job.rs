//! One translation job, without I/O: it says which HTTP requests to send (and after what pause),
//! takes their answers, and gives back translated segments. Keys, cache reads and writes, planning
//! within the provider's limits, the retry, split and give-up policy, the bound on requests in
//! flight and cancellation are all decided here, once, for the browser (gloo-net) and the command
//! line (ureq), which only carry requests and answers.

use crate::article::Field;
use crate::config::TranslationConfig;
use crate::lang::Lang;
use crate::provider::{HttpRequest, HttpResponse, ProviderError};
use crate::translate::cache::cache_key;
use crate::translate::plan::{plan, Plan};
use crate::translate::retry::{next_step, Step};
use crate::translate::segment::Segment;
use std::collections::{HashMap, VecDeque};

/// Where a job keeps the translations it has paid for (the browser's `localStorage` cache, the
/// command line's journal on disk).
pub trait Store {
    fn get(&mut self, key: &str) -> Option<String>;
    fn put(&mut self, key: String, translation: String);
}

impl Store for crate::translate::cache::TranslationCache {
    fn get(&mut self, key: &str) -> Option<String> {
        crate::translate::cache::TranslationCache::get(self, key)
    }
    fn put(&mut self, key: String, translation: String) {
        self.insert(key, translation);
    }
}

/// One edition being made, as the job numbers them (in the order they were added).
pub type EditionId = usize;

/// One request the transport is to send: wait `delay_ms`, send `request`, and hand the answer
/// (or why there was none) back to [`TranslationJob::receive`] with `id`.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    pub id: u64,
    pub request: HttpRequest,
    pub delay_ms: u64,
}

/// What an answer produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A segment is translated (its pieces joined) and stored.
    Translated {
        edition: EditionId,
        field: Field,
        text: String,
    },
    /// The edition cannot be finished: `error` is what retries did not cure, and `left`
    /// segments stay untranslated. Nothing more is sent for it.
    Failed {
        edition: EditionId,
        error: ProviderError,
        left: usize,
    },
}

/// What an edition still needs from the service, before anything is sent (for `--dry-run`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outstanding {
    pub segments: usize,
    pub chars: usize,
    pub requests: usize,
}

struct EditionWork {
    from: Lang,
    to: Lang,
    /// Per segment to translate: its cache key and its field.
    keys: Vec<String>,
    fields: Vec<Field>,
    plan: Plan,
    /// Per piece of the plan, its translation once in.
    pieces: Vec<Option<String>>,
    left: usize,
    failed: bool,
}

/// Pieces of one edition to send in one request, and how many times they were sent.
struct Batch {
    edition: EditionId,
    pieces: Vec<usize>,
    tries: u32,
    delay_ms: u64,
}

pub struct TranslationJob {
    config: TranslationConfig,
    editions: Vec<EditionWork>,
    queue: VecDeque<Batch>,
    in_flight: HashMap<u64, Batch>,
    next_id: u64,
    sent: usize,
    cancelled: bool,
}

impl TranslationJob {
    pub fn new(config: TranslationConfig) -> TranslationJob {
        TranslationJob {
            config,
            editions: Vec::new(),
            queue: VecDeque::new(),
            in_flight: HashMap::new(),
            next_id: 0,
            sent: 0,
            cancelled: false,
        }
    }

    /// Adds the edition `to` of article `article_id`, made from `segments` of its edition `from`.
    /// Returns the edition's id and the segments the store already holds, ready to show; the rest
    /// are planned into requests.
    pub fn add(
        &mut self,
        article_id: &str,
        from: Lang,
        to: Lang,
        segments: &[Segment],
        store: &mut impl Store,
    ) -> (EditionId, Vec<(Field, String)>) {
        let provider = self.config.provider.code();
        let mut hits = Vec::new();
        let (mut keys, mut fields, mut texts) = (Vec::new(), Vec::new(), Vec::new());
        for segment in segments {
            let key = cache_key(article_id, &segment.html, from, to, provider);
            match store.get(&key) {
                Some(hit) => hits.push((segment.field, hit)),
                None => {
                    keys.push(key);
                    fields.push(segment.field);
                    texts.push(segment.html.as_str());
                }
            }
        }
        let plan = plan(&texts, &self.config.provider.limits());
        let edition = self.editions.len();
        self.queue.extend(plan.batches.iter().map(|pieces| Batch {
            edition,
            pieces: pieces.clone(),
            tries: 0,
            delay_ms: 0,
        }));
        self.editions.push(EditionWork {
            from,
            to,
            left: keys.len(),
            pieces: vec![None; plan.pieces.len()],
            keys,
            fields,
            plan,
            failed: false,
        });
        (edition, hits)
    }

    /// What `edition` needs from the service, as planned.
    pub fn outstanding(&self, edition: EditionId) -> Outstanding {
        let work = &self.editions[edition];
        Outstanding {
            segments: work.left,
            chars: work
                .plan
                .pieces
                .iter()
                .map(|p| p.html.chars().count())
                .sum(),
            requests: work.plan.batches.len(),
        }
    }

    /// The next request to send, if the provider's bound on requests in flight allows one.
    pub fn next_exchange(&mut self) -> Option<Exchange> {
        if self.cancelled || self.in_flight.len() >= self.config.provider.limits().concurrency {
            return None;
        }
        let mut batch = self.queue.pop_front()?;
        batch.tries += 1;
        let work = &self.editions[batch.edition];
        let texts = self.texts(&batch);
        let request = self.config.translate_request(work.from, work.to, &texts);
        let (id, delay_ms) = (self.next_id, batch.delay_ms);
        self.next_id += 1;
        self.sent += 1;
        self.in_flight.insert(id, batch);
        Some(Exchange {
            id,
            request,
            delay_ms,
        })
    }

    fn texts(&self, batch: &Batch) -> Vec<String> {
        let plan = &self.editions[batch.edition].plan;
        batch
            .pieces
            .iter()
            .map(|p| plan.pieces[*p].html.clone())
            .collect()
    }

    /// Takes the answer to exchange `id` (or the transport's reason for having none). `jitter`, in
    /// 0..1, spreads the retries of many clients apart.
    pub fn receive(
        &mut self,
        id: u64,
        answer: Result<HttpResponse, ProviderError>,
        jitter: f64,
        store: &mut impl Store,
    ) -> Vec<Event> {
        let Some(batch) = self.in_flight.remove(&id) else {
            return Vec::new();
        };
        if self.cancelled || self.editions[batch.edition].failed {
            return Vec::new();
        }
        let kind = self.config.provider;
        let texts = self.texts(&batch);
        let error = match answer.and_then(|r| kind.read_answer(&r, &texts)) {
            Ok(translations) => return self.take(batch, translations, store),
            Err(error) => error,
        };
        match next_step(kind, &error, texts.len(), batch.tries, jitter) {
            Step::Split => {
                let mut first = batch.pieces;
                let second = first.split_off(first.len() / 2);
                for pieces in [second, first] {
                    self.queue.push_front(Batch {
                        edition: batch.edition,
                        pieces,
                        tries: 0,
                        delay_ms: 0,
                    });
                }
                Vec::new()
            }
            Step::Wait(delay_ms) => {
                self.queue.push_front(Batch { delay_ms, ..batch });
                Vec::new()
            }
            Step::GiveUp => {
                let work = &mut self.editions[batch.edition];
                work.failed = true;
                self.queue.retain(|b| b.edition != batch.edition);
                vec![Event::Failed {
                    edition: batch.edition,
                    error,
                    left: work.left,
                }]
            }
        }
    }

    /// Records the translations of a batch's pieces; a segment is done (stored and reported)
    /// when its last piece is in.
    fn take(
        &mut self,
        batch: Batch,
        translations: Vec<String>,
        store: &mut impl Store,
    ) -> Vec<Event> {
        let work = &mut self.editions[batch.edition];
        let mut events = Vec::new();
        for (piece, text) in batch.pieces.iter().zip(translations) {
            work.pieces[*piece] = Some(text);
            let segment = work.plan.pieces[*piece].segment;
            let Some(joined) = work.plan.segment_text(segment, &work.pieces) else {
                continue;
            };
            store.put(work.keys[segment].clone(), joined.clone());
            work.left -= 1;
            events.push(Event::Translated {
                edition: batch.edition,
                field: work.fields[segment],
                text: joined,
            });
        }
        events
    }

    /// Stops the job: nothing more is sent, and answers still coming are dropped. (The transport
    /// aborts what it has in flight.)
    pub fn cancel(&mut self) {
        self.cancelled = true;
        self.queue.clear();
        self.in_flight.clear();
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled
    }

    /// Nothing left to send and nothing in flight.
    pub fn is_finished(&self) -> bool {
        self.queue.is_empty() && self.in_flight.is_empty()
    }

    /// Requests handed out so far, retries included.
    pub fn sent(&self) -> usize {
        self.sent
    }
}
