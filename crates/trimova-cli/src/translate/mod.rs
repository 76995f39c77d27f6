//! `trimova translate`: machine editions made once, at publish time, and written into the article
//! files, so that readers' browsers never ask the service for them.
//!
//! The core decides what to translate and how (segments, source choice, and the translation job the
//! browser runs too: planning, retries, cache keys); this module picks the editions to make, carries
//! the job's requests (`transport`), keeps its cache on disk (`journal`) and writes the files.

mod journal;
mod transport;

use crate::args::TranslateArgs;
use crate::failure::Failure;
use crate::files::{expand, Kind};
use crate::progress::Progress;
use crate::write::{write_whole, Durability};
use journal::Journal;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;
use trimova_core::article::{read_article_file, Field, TranslatedBy, Translation};
use trimova_core::config::{Config, TranslationConfig};
use trimova_core::provider::ProviderError;
use trimova_core::translate::cache::content_hash;
use trimova_core::translate::job::{Event, TranslationJob};
use trimova_core::translate::protected_terms;
use trimova_core::translate::segment::{apply, segments, Segment};
use trimova_core::translate::source::choose_source;
use trimova_core::{Article, Edition, Lang};

/// The key under which a machine edition records which source text it was made from.
pub const SOURCE_HASH: &str = "source_hash";

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

/// A fingerprint of the edition a machine translation is made from: when it changes, the
/// translation is made again (only the segments that changed are sent).
fn source_hash(edition: &Edition) -> String {
    let json = serde_json::to_string(edition).expect("an edition serialises");
    format!("{:016x}", content_hash(&json))
}

/// One machine edition to make.
struct Wanted {
    file: usize,
    from: Lang,
    to: Lang,
    segments: Vec<Segment>,
    terms: Vec<String>,
    hash: String,
}

/// The run's inputs: the service, the languages to fill, the article files.
struct Setup {
    translator: TranslationConfig,
    targets: Vec<Lang>,
    files: Vec<PathBuf>,
    articles: Vec<Article>,
}

fn load(args: &TranslateArgs) -> Result<Setup, Failure> {
    let at =
        |path: &Path, e: &dyn std::fmt::Display| Failure::Input(format!("{}: {e}", path.display()));
    let config_text = std::fs::read_to_string(&args.config).map_err(|e| at(&args.config, &e))?;
    let config = Config::parse(&config_text).map_err(|e| at(&args.config, &e))?;
    let Some(translator) = config.translator().cloned() else {
        return Err(Failure::Input(format!(
            "{}: names no translation service (\"translation\": {{\"provider\": ...}})",
            args.config.display()
        )));
    };
    let targets = args.to.clone().unwrap_or_else(|| config.languages.clone());
    let files = expand(&args.paths, Kind::Articles)?;
    if files.is_empty() {
        return Err(Failure::Usage("no article files found".into()));
    }
    let articles = files
        .iter()
        .map(|file| read_article_file(file))
        .collect::<Result<_, _>>()?;
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
        Some(request) => kind.parse_pairs(Some(&transport::send(agent, &request).map_err(fail)?)),
        None => kind.parse_pairs(None),
    }
    .map_err(fail)
}

/// The machine editions to make: missing ones, and those whose source changed since they were
/// made. Human editions are never touched.
fn wanted_editions(setup: &Setup, pairs: &[(Lang, Lang)], tally: &mut Tally) -> Vec<Wanted> {
    let kind = setup.translator.provider;
    let mut wanted = Vec::new();
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
            wanted.push(Wanted {
                file,
                from,
                to,
                segments,
                terms,
                hash,
            });
        }
    }
    wanted
}

/// Every wanted edition whose segments are all translated becomes a machine edition in its
/// article file (each changed file written once, whole).
fn write_editions(
    setup: &mut Setup,
    wanted: &[Wanted],
    translated: &[HashMap<Field, String>],
) -> Result<usize, Failure> {
    let kind = setup.translator.provider;
    let mut changed = HashSet::new();
    let mut written = 0;
    for (edition, translated) in wanted.iter().zip(translated) {
        if translated.len() < edition.segments.len() {
            continue;
        }
        let article = &mut setup.articles[edition.file];
        let mut made = apply(
            &article.editions[&edition.from],
            &edition.segments,
            translated,
            &edition.terms,
        );
        let mut extra = serde_json::Map::new();
        extra.insert(SOURCE_HASH.into(), edition.hash.clone().into());
        made.translation = Some(Translation {
            from: edition.from,
            by: TranslatedBy::Machine,
            provider: Some(kind.code().to_string()),
            extra,
        });
        article.editions.insert(edition.to, made);
        changed.insert(edition.file);
        written += 1;
    }
    for &i in &changed {
        let file = &setup.files[i];
        let json = setup.articles[i].to_file();
        write_whole(file, json.as_bytes(), Durability::Now)?;
    }
    Ok(written)
}

fn print_dry_run(setup: &Setup, wanted: &[Wanted], job: &TranslationJob, tally: &Tally) {
    for (id, edition) in wanted.iter().enumerate() {
        let todo = job.outstanding(id);
        if todo.segments == 0 {
            continue;
        }
        println!(
            "{}: {} -> {}: {} segments, {} characters",
            setup.files[edition.file].display(),
            edition.from,
            edition.to,
            todo.segments,
            todo.chars
        );
    }
    println!(
        "would send {} segments, {} characters, in {} requests to {} ({} editions to make, {} up to date)",
        tally.segments,
        tally.chars,
        tally.requests,
        setup.translator.base_url(),
        wanted.len(),
        tally.up_to_date
    );
}

pub fn run(args: TranslateArgs) -> Result<(), Failure> {
    let mut setup = load(&args)?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_millis(u64::from(
            setup.translator.timeout_ms,
        )))
        .build();
    let pairs = fetch_pairs(&agent, &setup.translator)?;
    let mut journal = Journal::open(&args.cache, !args.dry_run)?;
    let mut tally = Tally::default();
    let wanted = wanted_editions(&setup, &pairs, &mut tally);
    let mut job = TranslationJob::new(setup.translator.clone());
    let mut translated: Vec<HashMap<Field, String>> = Vec::with_capacity(wanted.len());
    for edition in &wanted {
        let id = setup.articles[edition.file].id.clone();
        let (added, cached) = job.add(
            &id,
            edition.from,
            edition.to,
            &edition.segments,
            &mut journal,
        );
        let todo = job.outstanding(added);
        tally.segments += todo.segments;
        tally.chars += todo.chars;
        tally.requests += todo.requests;
        translated.push(cached.into_iter().collect());
    }
    for (lang, n) in &tally.no_pair {
        eprintln!(
            "trimova translate: {n} editions into {lang} skipped: {} has no pair into {lang} from their editions",
            setup.translator.base_url()
        );
    }
    if args.dry_run {
        print_dry_run(&setup, &wanted, &job, &tally);
        return Ok(());
    }
    let progress = Progress::new(tally.segments as u64, "translating");
    let mut failures = 0;
    transport::drive(&agent, &mut job, &mut journal, |event| match event {
        Event::Translated {
            edition,
            field,
            text,
        } => {
            translated[edition].insert(field, text);
            progress.inc_by(1);
        }
        Event::Failed {
            edition,
            error,
            left,
        } => {
            let Wanted { file, from, to, .. } = &wanted[edition];
            let file = setup.files[*file].display();
            progress.println(&format!("{file}: {from} -> {to}: {error}"));
            progress.inc_by(left as u64);
            failures += 1;
        }
    });
    progress.finish();
    journal.compact();
    let written = write_editions(&mut setup, &wanted, &translated)?;
    eprintln!(
        "trimova translate: {written} machine editions written, {} up to date; {} requests sent ({} segments, {} characters)",
        tally.up_to_date, job.sent(), tally.segments, tally.chars
    );
    match failures {
        0 => Ok(()),
        n => Err(Failure::Quiet(format!(
            "{n} editions could not be translated; run again to resume (what was translated is kept in {})",
            args.cache.display()
        ))),
    }
}
