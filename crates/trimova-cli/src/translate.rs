//! `trimova translate`: machine editions made once, at publish time, and written into the article
//! files, so that readers' browsers never ask the service for them.
//!
//! Everything the browser's translation client decides comes from the same core (segments, markup
//! round trip, planning within the provider's limits, cache keys, source choice, retry policy); this
//! is the native driver: blocking HTTP, a few requests at a time, a cache on disk.

use crate::files::{expand, Kind};
use crate::progress::Progress;
use crate::write::{describe, write_whole, Durability};
use crate::Failure;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;
use trimova_core::article::{parse_article, TranslatedBy, Translation};
use trimova_core::config::{Config, TranslationConfig};
use trimova_core::provider::Limits;
use trimova_core::provider::{HttpRequest, HttpResponse, ProviderError};
use trimova_core::translate::cache::{cache_key, content_hash};
use trimova_core::translate::plan::{plan, Plan};
use trimova_core::translate::protected_terms;
use trimova_core::translate::retry::{next_step, Step};
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
/// they arrive: an interrupted run loses at most the requests in flight, and since nothing is
/// ever rewritten in place, a crash or a full disk can cut only the line being appended (which
/// the next run skips).
struct DiskCache {
    entries: HashMap<String, String>,
    file: Option<std::fs::File>,
    path: PathBuf,
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
            std::fs::create_dir_all(dir).map_err(|e| Failure::Input(describe(dir, &e)))?;
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(|e| Failure::Input(describe(&path, &e)))?;
            // After a line cut short (a kill, a full disk), start the next on a line of its own,
            // so that only the cut one is lost. Lines already there are never rewritten.
            if std::fs::read(&path).is_ok_and(|b| b.last().is_some_and(|c| *c != b'\n')) {
                let _ = writeln!(file);
            }
            Some(file)
        } else {
            None
        };
        Ok(DiskCache {
            entries,
            file,
            path,
        })
    }

    /// At the end of a run, the journal is rewritten whole (through a temporary file and a
    /// rename) with one line per translation, so it does not grow with reruns. If that cannot be
    /// written the journal stays as it is, which loses nothing.
    fn compact(&mut self) {
        if self.file.take().is_none() {
            return;
        }
        let mut keys: Vec<&String> = self.entries.keys().collect();
        keys.sort();
        let mut text = String::new();
        for key in keys {
            let line =
                serde_json::to_string(&(key, &self.entries[key])).expect("strings serialise");
            text.push_str(&line);
            text.push('\n');
        }
        if let Err(e) = write_whole(&self.path, text.as_bytes(), Durability::Now) {
            eprintln!("trimova translate: {e} (the cache is kept as it was)");
        }
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

/// Translates `texts` in one request, with the core's retry policy (the browser client's too).
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
        let request = config.translate_request(from, to, &texts);
        *sent.lock().expect("not poisoned") += 1;
        let error = match send(agent, &request).and_then(|r| kind.read_answer(&r, &texts)) {
            Ok(out) => return Ok(out),
            Err(e) => e,
        };
        match next_step(kind, &error, texts.len(), attempt, jitter()) {
            Step::Split => {
                let mut first = texts;
                let second = first.split_off(first.len() / 2);
                let mut out = translate_texts(agent, config, from, to, first, sent)?;
                out.extend(translate_texts(agent, config, from, to, second, sent)?);
                return Ok(out);
            }
            Step::Wait(ms) => std::thread::sleep(Duration::from_millis(ms)),
            Step::GiveUp => return Err(error),
        }
    }
}

/// A number in 0..1 that differs between calls, so workers do not retry in lockstep.
fn jitter() -> f64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    f64::from(nanos % 1000) / 1000.0
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

/// The segments of a job that no earlier run translated, and the requests that carry them.
struct Work {
    job: usize,
    todo: Vec<usize>,
    plan: Plan,
}

/// The run's inputs: the service, the languages to fill, the article files.
struct Setup {
    translator: TranslationConfig,
    targets: Vec<Lang>,
    files: Vec<PathBuf>,
    articles: Vec<Article>,
}

fn load(options: &Options) -> Result<Setup, Failure> {
    let at =
        |path: &Path, e: &dyn std::fmt::Display| Failure::Input(format!("{}: {e}", path.display()));
    let config_text =
        std::fs::read_to_string(&options.config).map_err(|e| at(&options.config, &e))?;
    let config = Config::parse(&config_text).map_err(|e| at(&options.config, &e))?;
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
    let files = expand(&options.paths, Kind::Articles).map_err(Failure::Input)?;
    if files.is_empty() {
        return Err(Failure::Usage("no article files found".into()));
    }
    let mut articles = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| at(file, &e))?;
        let id = file.file_stem().and_then(|s| s.to_str());
        articles.push(parse_article(&text, id).map_err(|e| at(file, &e))?);
    }
    Ok(Setup {
        translator,
        targets,
        files,
        articles,
    })
}

/// The pairs the service translates (asked where it can be asked).
fn fetch_pairs(
    agent: &ureq::Agent,
    translator: &TranslationConfig,
) -> Result<Vec<(Lang, Lang)>, Failure> {
    let kind = translator.provider;
    let fail = |e: ProviderError| Failure::Input(format!("{}: {e}", translator.base_url()));
    match translator.pairs_request() {
        Some(request) => kind.parse_pairs(Some(&send(agent, &request).map_err(fail)?)),
        None => kind.parse_pairs(None),
    }
    .map_err(fail)
}

/// The machine editions to make: missing ones, and those whose source changed since they were
/// made. Human editions are never touched.
fn plan_jobs(setup: &Setup, pairs: &[(Lang, Lang)], tally: &mut Tally) -> Vec<Job> {
    let kind = setup.translator.provider;
    let mut jobs = Vec::new();
    for (file, article) in setup.articles.iter().enumerate() {
        for &to in &setup.targets {
            let existing = article.editions.get(&to);
            let machine = existing.and_then(Edition::machine_translation);
            if existing.is_some() && machine.is_none() {
                continue;
            }
            let Ok(from) = choose_source(article, to, pairs) else {
                *tally.no_pair.entry(to).or_default() += 1;
                continue;
            };
            let hash = source_hash(&article.editions[&from]);
            let current = machine.is_some_and(|t| {
                t.from == from
                    && t.provider.as_deref() == Some(kind.code())
                    && t.extra.get(SOURCE_HASH).and_then(|v| v.as_str()) == Some(hash.as_str())
            });
            if current {
                tally.up_to_date += 1;
                continue;
            }
            let terms = protected_terms(article, &setup.translator.glossary);
            let segments = segments(&article.editions[&from], &terms);
            let keys = segments
                .iter()
                .map(|s| cache_key(&article.id, &s.html, from, to, kind.code()))
                .collect();
            jobs.push(Job {
                file,
                from,
                to,
                segments,
                keys,
                terms,
                hash,
            });
        }
    }
    jobs
}

/// What has to be sent: per job, the segments not in the cache, planned into requests.
fn pending(jobs: &[Job], cache: &DiskCache, limits: &Limits, tally: &mut Tally) -> Vec<Work> {
    let mut work = Vec::new();
    for (j, job) in jobs.iter().enumerate() {
        let todo: Vec<usize> = (0..job.segments.len())
            .filter(|s| cache.get(&job.keys[*s]).is_none())
            .collect();
        if todo.is_empty() {
            continue;
        }
        let texts: Vec<&str> = todo
            .iter()
            .map(|s| job.segments[*s].html.as_str())
            .collect();
        let plan = plan(&texts, limits);
        tally.segments += todo.len();
        tally.chars += texts.iter().map(|t| t.chars().count()).sum::<usize>();
        tally.requests += plan.batches.len();
        work.push(Work { job: j, todo, plan });
    }
    work
}

/// How sending went.
struct Outcome {
    sent: usize,
    failures: Vec<String>,
    failed_jobs: HashSet<usize>,
}

/// Sends every request of `work`, a few at a time (the provider's own limit), writing each
/// segment to the cache as soon as its last piece is in. A job whose request fails for good stops
/// there; the others go on.
fn send_all(
    agent: &ureq::Agent,
    setup: &Setup,
    jobs: &[Job],
    work: &[Work],
    cache: &mut DiskCache,
    progress: &Progress,
) -> Outcome {
    let translator = &setup.translator;
    let batches: Vec<(usize, usize)> = work
        .iter()
        .enumerate()
        .flat_map(|(w, item)| (0..item.plan.batches.len()).map(move |b| (w, b)))
        .collect();
    let next = Mutex::new(0usize);
    let take = || {
        let mut n = next.lock().expect("not poisoned");
        *n += 1;
        batches.get(*n - 1).copied()
    };
    let sent = Mutex::new(0usize);
    let cache = Mutex::new(cache);
    let pieces: Vec<Mutex<Vec<Option<String>>>> = work
        .iter()
        .map(|w| Mutex::new(vec![None; w.plan.pieces.len()]))
        .collect();
    let failures = Mutex::new(Vec::new());
    let failed_jobs = Mutex::new(HashSet::new());
    std::thread::scope(|scope| {
        for _ in 0..translator.provider.limits().concurrency.max(1) {
            scope.spawn(|| {
                while let Some((w, b)) = take() {
                    let Work { job: j, todo, plan } = &work[w];
                    let job = &jobs[*j];
                    if !failed_jobs.lock().expect("not poisoned").contains(j) {
                        let texts = plan.batches[b]
                            .iter()
                            .map(|i| plan.pieces[*i].html.clone())
                            .collect();
                        match translate_texts(agent, translator, job.from, job.to, texts, &sent) {
                            Ok(out) => {
                                let mut done = pieces[w].lock().expect("not poisoned");
                                for (i, text) in plan.batches[b].iter().zip(out) {
                                    done[*i] = Some(text);
                                    let local = plan.pieces[*i].segment;
                                    if let Some(joined) = plan.segment_text(local, &done) {
                                        let key = job.keys[todo[local]].clone();
                                        cache.lock().expect("not poisoned").insert(key, joined);
                                    }
                                }
                            }
                            Err(e) => {
                                failed_jobs.lock().expect("not poisoned").insert(*j);
                                let file = setup.files[job.file].display();
                                let message = format!("{file}: {} -> {}: {e}", job.from, job.to);
                                progress.println(&message);
                                failures.lock().expect("not poisoned").push(message);
                            }
                        }
                    }
                    progress.inc();
                }
            });
        }
    });
    Outcome {
        sent: sent.into_inner().expect("not poisoned"),
        failures: failures.into_inner().expect("not poisoned"),
        failed_jobs: failed_jobs.into_inner().expect("not poisoned"),
    }
}

/// Every job whose segments are all in the cache becomes a machine edition in its article file.
fn write_editions(
    setup: &mut Setup,
    jobs: &[Job],
    skip: &HashSet<usize>,
    cache: &DiskCache,
) -> Result<usize, Failure> {
    let kind = setup.translator.provider;
    let mut changed = HashSet::new();
    let mut written = 0;
    for (j, job) in jobs.iter().enumerate() {
        if skip.contains(&j) {
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
        let article = &mut setup.articles[job.file];
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
        written += 1;
    }
    for &i in &changed {
        let file = &setup.files[i];
        let json = setup.articles[i].to_file();
        write_whole(file, json.as_bytes(), Durability::Now).map_err(Failure::Input)?;
    }
    Ok(written)
}

fn print_dry_run(setup: &Setup, jobs: &[Job], work: &[Work], tally: &Tally) {
    for w in work {
        let job = &jobs[w.job];
        let chars: usize = w
            .todo
            .iter()
            .map(|s| job.segments[*s].html.chars().count())
            .sum();
        println!(
            "{}: {} -> {}: {} segments, {chars} characters",
            setup.files[job.file].display(),
            job.from,
            job.to,
            w.todo.len()
        );
    }
    println!(
        "would send {} segments, {} characters, in {} requests to {} ({} editions to make, {} up to date)",
        tally.segments,
        tally.chars,
        tally.requests,
        setup.translator.base_url(),
        jobs.len(),
        tally.up_to_date
    );
}

pub fn run(options: Options) -> Result<(), Failure> {
    let mut setup = load(&options)?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_millis(u64::from(
            setup.translator.timeout_ms,
        )))
        .build();
    let pairs = fetch_pairs(&agent, &setup.translator)?;
    let mut cache = DiskCache::open(&options.cache, !options.dry_run)?;
    let mut tally = Tally::default();
    let jobs = plan_jobs(&setup, &pairs, &mut tally);
    let work = pending(
        &jobs,
        &cache,
        &setup.translator.provider.limits(),
        &mut tally,
    );
    for (lang, n) in &tally.no_pair {
        eprintln!(
            "trimova translate: {n} editions into {lang} skipped: {} has no pair into {lang} from their editions",
            setup.translator.base_url()
        );
    }
    if options.dry_run {
        print_dry_run(&setup, &jobs, &work, &tally);
        return Ok(());
    }
    let progress = Progress::new(tally.requests as u64, "translating");
    let outcome = send_all(&agent, &setup, &jobs, &work, &mut cache, &progress);
    progress.finish();
    cache.compact();
    let written = write_editions(&mut setup, &jobs, &outcome.failed_jobs, &cache)?;
    eprintln!(
        "trimova translate: {written} machine editions written, {} up to date; {} requests sent ({} segments, {} characters)",
        tally.up_to_date, outcome.sent, tally.segments, tally.chars
    );
    match outcome.failures.len() {
        0 => Ok(()),
        n => Err(Failure::Quiet(format!(
            "{n} editions could not be translated; run again to resume (what was translated is kept in {})",
            options.cache.display()
        ))),
    }
}
