//! `trimova translate`: machine editions made once, at publish time, and written into the article
//! files, so that readers' browsers never ask the service for them.
//!
//! Everything the browser's translation client decides comes from the same core (segments, markup
//! round trip, planning within the provider's limits, cache keys, source choice, retry policy); this
//! is the native driver: blocking HTTP, a few requests at a time, a cache on disk.

use crate::progress::Progress;
use crate::Failure;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;
use trimova_core::article::{parse_article, TranslatedBy, Translation};
use trimova_core::config::{Config, TranslationConfig};
use trimova_core::provider::{HttpRequest, HttpResponse, ProviderError};
use trimova_core::translate::cache::{cache_key, content_hash};
use trimova_core::translate::plan::{looks_truncated, plan};
use trimova_core::translate::protected_terms;
use trimova_core::translate::retry::backoff_ms;
use trimova_core::translate::segment::{apply, segments, Segment, Slot};
use trimova_core::translate::source::choose_source;
use trimova_core::{Article, Edition, Lang};

pub struct Options {
    pub config: PathBuf,
    pub to: Option<Vec<Lang>>,
    pub cache: PathBuf,
    pub dry_run: bool,
    pub paths: Vec<PathBuf>,
}

/// The key under which a machine edition records which source text it was made from.
pub const SOURCE_HASH: &str = "source_hash";

/// Translations already paid for, one JSON line per segment (`[key, translation]`), appended as
/// they arrive: an interrupted run loses at most the requests in flight.
struct DiskCache {
    entries: HashMap<String, String>,
    file: Option<std::fs::File>,
}

impl DiskCache {
    fn open(dir: &Path, writable: bool) -> Result<DiskCache, Failure> {
        let path = dir.join("translations.jsonl");
        let mut entries = HashMap::new();
        if let Ok(text) = std::fs::read_to_string(&path) {
            // A line cut short by an interruption is skipped, not fatal.
            for line in text.lines() {
                if let Ok((key, value)) = serde_json::from_str::<(String, String)>(line) {
                    entries.insert(key, value);
                }
            }
        }
        let file = if writable {
            std::fs::create_dir_all(dir)
                .map_err(|e| Failure::Input(format!("{}: {e}", dir.display())))?;
            Some(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .map_err(|e| Failure::Input(format!("{}: {e}", path.display())))?,
            )
        } else {
            None
        };
        Ok(DiskCache { entries, file })
    }

    fn get(&self, key: &str) -> Option<&String> {
        self.entries.get(key)
    }

    fn insert(&mut self, key: String, value: String) {
        if let Some(file) = &mut self.file {
            let line = serde_json::to_string(&(&key, &value)).expect("strings serialise");
            // A cache that cannot be written only costs a later run some requests.
            let _ = writeln!(file, "{line}");
        }
        self.entries.insert(key, value);
    }
}

/// What a run did (or, with `--dry-run`, would do).
#[derive(Default)]
struct Tally {
    editions: usize,
    up_to_date: usize,
    segments: usize,
    chars: usize,
    requests: usize,
    /// Editions that cannot be made: the service has no pair into their language.
    no_pair: std::collections::BTreeMap<Lang, usize>,
}

/// Sends one request; the answer whatever its status (errors are the provider's to read).
fn send(agent: &ureq::Agent, request: &HttpRequest) -> Result<HttpResponse, ProviderError> {
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

/// Translates `texts` in one request, retrying what is worth retrying and halving on 413, exactly
/// as the browser client does.
fn translate_texts(
    agent: &ureq::Agent,
    config: &TranslationConfig,
    from: Lang,
    to: Lang,
    texts: Vec<String>,
    sent: &Mutex<usize>,
) -> Result<Vec<String>, ProviderError> {
    let kind = config.provider;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let request = kind.translate_request(config, from, to, &texts);
        *sent.lock().expect("not poisoned") += 1;
        let result = send(agent, &request)
            .and_then(|r| kind.parse_translation(&r, texts.len()))
            .and_then(|out| {
                if texts.iter().zip(&out).any(|(s, t)| looks_truncated(s, t)) {
                    return Err(ProviderError::Truncated);
                }
                Ok(out
                    .iter()
                    .zip(&texts)
                    .map(|(t, s)| kind.clean_output(s, t))
                    .collect())
            });
        match result {
            Ok(out) => return Ok(out),
            Err(ProviderError::TooLarge) if texts.len() > 1 => {
                let mut first = texts;
                let second = first.split_off(first.len() / 2);
                let mut out = translate_texts(agent, config, from, to, first, sent)?;
                out.extend(translate_texts(agent, config, from, to, second, sent)?);
                return Ok(out);
            }
            Err(e) if e.is_transient() => {
                let jitter = f64::from(std::process::id() % 1000) / 1000.0;
                let Some(wait) = backoff_ms(attempt, e.retry_after(), jitter) else {
                    return Err(e);
                };
                std::thread::sleep(Duration::from_millis(wait));
            }
            Err(e) => return Err(e),
        }
    }
}

/// The article files in `paths` (folders: their `.json` files but `index.json`).
fn article_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| Failure::Input(format!("{}: {e}", path.display())))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter(|p| p.file_name().is_some_and(|n| n != "index.json"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// A fingerprint of the edition a machine translation is made from: when it changes, the
/// translation is made again (only the segments that changed are sent).
fn source_hash(edition: &Edition) -> String {
    let json = serde_json::to_string(edition).expect("an edition serialises");
    format!("{:016x}", content_hash(&json))
}

/// One machine edition to make.
struct Job {
    file: usize,
    from: Lang,
    to: Lang,
    segments: Vec<Segment>,
    keys: Vec<String>,
    terms: Vec<String>,
    hash: String,
}

pub fn run(options: Options) -> Result<(), Failure> {
    let config_text = std::fs::read_to_string(&options.config)
        .map_err(|e| Failure::Input(format!("{}: {e}", options.config.display())))?;
    let config = Config::parse(&config_text)
        .map_err(|e| Failure::Input(format!("{}: {e}", options.config.display())))?;
    let Some(translator) = config.translator().cloned() else {
        return Err(Failure::Input(format!(
            "{}: names no translation service (\"translation\": {{\"provider\": ...}})",
            options.config.display()
        )));
    };
    let targets = options
        .to
        .clone()
        .unwrap_or_else(|| config.languages.clone());
    let files = article_files(&options.paths)?;
    if files.is_empty() {
        return Err(Failure::Usage("no article files found".into()));
    }
    let mut articles = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
        let id = file.file_stem().and_then(|s| s.to_str());
        let article = parse_article(&text, id)
            .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
        articles.push(article);
    }

    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_millis(u64::from(translator.timeout_ms)))
        .build();
    let kind = translator.provider;
    let pairs = match kind.pairs_request(&translator) {
        Some(request) => {
            let response = send(&agent, &request)
                .map_err(|e| Failure::Input(format!("{}: {e}", translator.base_url())))?;
            kind.parse_pairs(Some(&response))
        }
        None => kind.parse_pairs(None),
    }
    .map_err(|e| Failure::Input(format!("{}: {e}", translator.base_url())))?;

    let mut cache = DiskCache::open(&options.cache, !options.dry_run)?;
    let mut tally = Tally::default();
    let mut jobs = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        for &to in &targets {
            let existing = article.editions.get(&to);
            let machine = existing
                .and_then(|e| e.translation.as_ref())
                .filter(|t| t.by == TranslatedBy::Machine);
            if existing.is_some() && machine.is_none() {
                continue; // a human edition
            }
            let Ok(from) = choose_source(article, to, &pairs) else {
                eprintln!(
                    "{}: no {kind:?} pair into {to}; skipped",
                    files[i].display()
                );
                continue;
            };
            let source = &article.editions[&from];
            let hash = source_hash(source);
            let current = machine.is_some_and(|t| {
                t.from == from
                    && t.provider.as_deref() == Some(kind.code())
                    && t.extra.get(SOURCE_HASH).and_then(|v| v.as_str()) == Some(hash.as_str())
            });
            if current {
                tally.up_to_date += 1;
                continue;
            }
            let terms = protected_terms(article, &translator.glossary);
            let segments = segments(source, &terms);
            let keys = segments
                .iter()
                .map(|s| cache_key(&article.id, &s.html, from, to, kind.code()))
                .collect();
            jobs.push(Job {
                file: i,
                from,
                to,
                segments,
                keys,
                terms,
                hash,
            });
        }
    }

    // What has to be sent: the segments no earlier run translated.
    let mut work: Vec<(usize, Vec<usize>)> = Vec::new();
    for (j, job) in jobs.iter().enumerate() {
        let todo: Vec<usize> = (0..job.segments.len())
            .filter(|s| cache.get(&job.keys[*s]).is_none())
            .collect();
        tally.segments += todo.len();
        tally.chars += todo
            .iter()
            .map(|s| job.segments[*s].html.chars().count())
            .sum::<usize>();
        if !todo.is_empty() {
            let texts: Vec<&str> = todo
                .iter()
                .map(|s| job.segments[*s].html.as_str())
                .collect();
            tally.requests += plan(&texts, &kind.limits()).batches.len();
            work.push((j, todo));
        }
    }
    for (lang, n) in &tally.no_pair {
        eprintln!(
            "trimova translate: {n} editions into {lang} skipped: {} has no pair into {lang} from their editions",
            translator.base_url()
        );
    }
    if options.dry_run {
        for (j, todo) in &work {
            let job = &jobs[*j];
            println!(
                "{}: {} -> {}: {} segments, {} characters",
                files[job.file].display(),
                job.from,
                job.to,
                todo.len(),
                todo.iter()
                    .map(|s| job.segments[*s].html.chars().count())
                    .sum::<usize>()
            );
        }
        println!(
            "would send {} segments, {} characters, in {} requests to {} ({} editions to make, {} up to date)",
            tally.segments,
            tally.chars,
            tally.requests,
            translator.base_url(),
            jobs.len(),
            tally.up_to_date
        );
        return Ok(());
    }

    // The requests of every job, a few at a time (the provider's own limit), each batch's answers
    // written to the cache as soon as they arrive.
    let progress = Progress::new(tally.requests as u64, "translating");
    let sent = Mutex::new(0usize);
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let cache_cell = Mutex::new(&mut cache);
    let mut batches = Vec::new();
    let plans: Vec<_> = work
        .iter()
        .map(|(j, todo)| {
            let job = &jobs[*j];
            let texts: Vec<&str> = todo
                .iter()
                .map(|s| job.segments[*s].html.as_str())
                .collect();
            plan(&texts, &kind.limits())
        })
        .collect();
    for (w, p) in plans.iter().enumerate() {
        for b in 0..p.batches.len() {
            batches.push((w, b));
        }
    }
    let next = Mutex::new(0usize);
    let pieces: Vec<Mutex<Vec<Option<String>>>> = plans
        .iter()
        .map(|p| Mutex::new(vec![None; p.pieces.len()]))
        .collect();
    let failed_jobs: Mutex<HashSet<usize>> = Mutex::new(HashSet::new());
    std::thread::scope(|scope| {
        for _ in 0..kind.limits().concurrency.max(1) {
            scope.spawn(|| loop {
                let Some(&(w, b)) = ({
                    let mut n = next.lock().expect("not poisoned");
                    *n += 1;
                    batches.get(*n - 1)
                }) else {
                    break;
                };
                let (j, todo) = &work[w];
                let job = &jobs[*j];
                if failed_jobs.lock().expect("not poisoned").contains(j) {
                    progress.inc();
                    continue;
                }
                let p = &plans[w];
                let texts: Vec<String> = p.batches[b]
                    .iter()
                    .map(|i| p.pieces[*i].html.clone())
                    .collect();
                match translate_texts(&agent, &translator, job.from, job.to, texts, &sent) {
                    Ok(out) => {
                        let mut done = pieces[w].lock().expect("not poisoned");
                        for (i, text) in p.batches[b].iter().zip(out) {
                            done[*i] = Some(text);
                            let local = p.pieces[*i].segment;
                            if let Some(joined) = p.segment_text(local, &done) {
                                let key = job.keys[todo[local]].clone();
                                cache_cell.lock().expect("not poisoned").insert(key, joined);
                            }
                        }
                    }
                    Err(e) => {
                        failed_jobs.lock().expect("not poisoned").insert(*j);
                        let message = format!(
                            "{}: {} -> {}: {e}",
                            files[job.file].display(),
                            job.from,
                            job.to
                        );
                        progress.println(&message);
                        failures.lock().expect("not poisoned").push(message);
                    }
                }
                progress.inc();
            });
        }
    });
    progress.finish();
    drop(cache_cell);
    let sent = *sent.lock().expect("not poisoned");
    let failures = failures.into_inner().expect("not poisoned");
    let failed_jobs = failed_jobs.into_inner().expect("not poisoned");

    // Every job whose segments are all in the cache now becomes a machine edition in its file.
    let mut changed: HashSet<usize> = HashSet::new();
    for (j, job) in jobs.iter().enumerate() {
        if failed_jobs.contains(&j) {
            continue;
        }
        let translated: Option<HashMap<Slot, String>> = job
            .segments
            .iter()
            .zip(&job.keys)
            .map(|(s, k)| cache.get(k).map(|t| (s.slot, t.clone())))
            .collect();
        let Some(translated) = translated else {
            continue;
        };
        let article: &mut Article = &mut articles[job.file];
        let mut edition = apply(
            &article.editions[&job.from],
            &job.segments,
            &translated,
            &job.terms,
        );
        let mut extra = serde_json::Map::new();
        extra.insert(SOURCE_HASH.into(), job.hash.clone().into());
        edition.translation = Some(Translation {
            from: job.from,
            by: TranslatedBy::Machine,
            provider: Some(kind.code().to_string()),
            extra,
        });
        article.editions.insert(job.to, edition);
        changed.insert(job.file);
        tally.editions += 1;
    }
    for i in changed {
        let json =
            serde_json::to_string_pretty(&articles[i]).expect("an article serialises") + "\n";
        std::fs::write(&files[i], json)
            .map_err(|e| Failure::Input(format!("{}: {e}", files[i].display())))?;
    }
    eprintln!(
        "trimova translate: {} machine editions written, {} up to date; {} requests sent ({} segments, {} characters)",
        tally.editions, tally.up_to_date, sent, tally.segments, tally.chars
    );
    match failures.len() {
        0 => Ok(()),
        n => Err(Failure::Quiet(format!(
            "{n} editions could not be translated; run again to resume (what was translated is kept in {})",
            options.cache.display()
        ))),
    }
}
