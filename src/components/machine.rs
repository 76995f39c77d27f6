//! A machine-translated edition: rendered as segments arrive, honestly labelled, with the original
//! one click away (per paragraph, side by side, or the whole edition).
//!
//! This view and the translation client behind it are compiled into their own wasm module
//! (`src/bin/machine.rs`), which the app loads only when a reader opens a machine edition.

use crate::components::article::{ArticleFooter, ArticleHeader};
use crate::components::blocks::{BodyBlock, UntranslatedMark};
use crate::components::machine_notice::MachineNotice;
use crate::surface::{ErrorKind, Surface};
use crate::translation::{translate_segments, Cancel};
use leptos::prelude::request_animation_frame;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use trimova_core::config::TranslationConfig;
use trimova_core::i18n::messages;
use trimova_core::provider::ProviderError;
use trimova_core::publish::page_title;
use trimova_core::route::article_path;
use trimova_core::translate::protected_terms;
use trimova_core::translate::segment::{apply, segments, Slot};
use trimova_core::{Article, Block, Edition, Lang};

/// What the app hands the machine translation module (as JSON) to draw one machine edition.
#[derive(Serialize, Deserialize)]
pub struct MachineJob {
    pub article: Article,
    pub from: Lang,
    pub to: Lang,
    pub config: TranslationConfig,
    /// The site's base, for the link to the original.
    pub base: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Running { done: usize, total: usize },
    Done,
    Failed(ProviderError),
}

/// The edition `to` of `article`, machine-translated from its edition `from`.
#[component]
pub fn MachineEdition(
    article: Arc<Article>,
    /// The source edition (`article.editions[from]`).
    original: Edition,
    from: Lang,
    to: Lang,
    config: TranslationConfig,
    base: String,
) -> impl IntoView {
    let text = messages(to);
    let surface = Surface::current();
    let terms = Arc::new(protected_terms(&article, &config.glossary));
    let source = Arc::new(segments(&original, &terms));
    let total = source.len();

    let translated = RwSignal::new(HashMap::<Slot, String>::new());
    let status = RwSignal::new(if total == 0 {
        Status::Done
    } else {
        Status::Running { done: 0, total }
    });
    let attempt = RwSignal::new(0u32);
    let parallel = RwSignal::new(false);
    let cancel = StoredValue::new_local(Cancel::default());
    let arrived = StoredValue::new(Vec::<(Slot, String)>::new());
    // Shows the segments that arrived since the last frame, and counts what is shown.
    let flush = move || {
        let batch = arrived.try_update_value(std::mem::take).unwrap_or_default();
        if batch.is_empty() {
            return;
        }
        if let Some(done) = translated.try_update(|m| {
            m.extend(batch);
            m.len()
        }) {
            status.try_set(Status::Running { done, total });
        }
    };

    // (Re)start the job on mount and on every retry; a new job cancels the one before.
    Effect::new({
        let (article, source, config) = (Arc::clone(&article), Arc::clone(&source), config.clone());
        move |_| {
            attempt.track();
            cancel.with_value(Cancel::cancel);
            let job = Cancel::default();
            cancel.set_value(job.clone());
            status.set(Status::Running {
                done: translated.with_untracked(HashMap::len),
                total,
            });
            let (article, source, config) =
                (Arc::clone(&article), Arc::clone(&source), config.clone());
            surface.translation_started(from, to, total);
            spawn_local(async move {
                let result = translate_segments(
                    article,
                    source,
                    from,
                    to,
                    config,
                    job.clone(),
                    |slot, fragment| {
                        // Segments arriving within one frame are shown together: one render per
                        // frame, not one per answer.
                        let first = arrived.try_update_value(|a| {
                            a.push((slot, fragment));
                            a.len() == 1
                        });
                        if first == Some(true) {
                            request_animation_frame(flush);
                        }
                    },
                )
                .await;
                // A job cancelled by leaving (or by a retry) must not touch what is on screen.
                if !job.is_cancelled() {
                    flush();
                    if let Err(e) = &result {
                        surface.error(ErrorKind::Translation, &e.to_string());
                    }
                    surface.translation_ended(from, to, result.is_ok());
                    status.try_set(match result {
                        Ok(()) => Status::Done,
                        Err(e) => Status::Failed(e),
                    });
                }
            });
        }
    });
    on_cleanup(move || {
        cancel.with_value(Cancel::cancel);
        surface.leave_machine_edition();
    });

    let edition = Memo::new({
        let (original, source, terms) = (original.clone(), Arc::clone(&source), Arc::clone(&terms));
        move |_| translated.with(|done| apply(&original, &source, done, &terms))
    });
    // Slots not translated yet, per block (`None` for the header).
    let pending = Memo::new({
        let source = Arc::clone(&source);
        move |_| {
            translated.with(|done| {
                source
                    .iter()
                    .filter(|s| !done.contains_key(&s.slot))
                    .map(|s| s.slot)
                    .collect::<Vec<_>>()
            })
        }
    });

    Effect::new(move |_| {
        let e = edition.get();
        surface.show_edition(to, &page_title(&e.title), &e.description(), true);
    });

    let provider = config.provider.display_name();
    provide_context(UntranslatedMark { from, to });
    let untranslated = Memo::new(move |_| edition.with(Edition::untranslated_words));
    let original_href = article_path(&base, from, &article.id);
    let progress = move || match status.get() {
        Status::Running { done, total } => Some(view! {
            <p class="mt-progress" role="status">
                <span>{text.translating(done, total)}</span>
                <progress max=total value=done></progress>
            </p>
        }),
        _ => None,
    };
    let failure = move || match status.get() {
        Status::Failed(error) => Some(view! {
            <div class="mt-error" role="alert">
                <p><strong>{text.translation_error(&error)}</strong> " " {text.translation_failed}</p>
                <p><code class="notice-detail">{error.to_string()}</code></p>
                <button type="button" class="retry" on:click=move |_| attempt.update(|n| *n += 1)>{text.retry}</button>
            </div>
        }),
        _ => None,
    };

    let blocks = original
        .body
        .iter()
        .enumerate()
        .map(|(i, source_block)| {
            let source_block = source_block.clone();
            let shown = Memo::new(move |_| edition.with(|e| e.body.get(i).cloned()));
            let waiting =
                Memo::new(move |_| pending.with(|p| p.iter().any(|s| s.block() == Some(i))));
            view! { <MachineBlock source=source_block shown waiting from to parallel /> }
        })
        .collect_view();

    // The header re-renders only when one of its own fields arrives, not with every paragraph.
    let header = Memo::new({
        let original = original.clone();
        move |_| {
            let (title, dateline, lead) =
                edition.with(|e| (e.title.clone(), e.dateline.clone(), e.lead.clone()));
            let untranslated = pending.with(|p| {
                p.iter()
                    .copied()
                    .filter(|s| s.block().is_none())
                    .collect::<Vec<_>>()
            });
            (
                Edition {
                    title,
                    dateline,
                    lead,
                    ..original.clone()
                },
                untranslated,
            )
        }
    });
    let header_article = Arc::clone(&article);
    view! {
        <article class="article machine" lang=to.code() data-machine-translated=from.code()>
            <MachineNotice lang=to from provider=provider.to_string() original=original_href untranslated parallel>
                {progress}
                {failure}
            </MachineNotice>
            {move || {
                let (edition, untranslated) = header.get();
                view! { <ArticleHeader article=Arc::clone(&header_article) edition lang=to untranslated=(from, untranslated) /> }
            }}
            <div class="article-body" class:parallel=move || parallel.get()>{blocks}</div>
            <ArticleFooter article=Arc::clone(&article) edition=original.clone() lang=to />
        </article>
    }
}

/// One block of a machine translation: the translation (or, until it arrives, the original,
/// marked), and the original on demand or side by side.
#[component]
fn MachineBlock(
    source: Block,
    shown: Memo<Option<Block>>,
    waiting: Memo<bool>,
    from: Lang,
    to: Lang,
    parallel: RwSignal<bool>,
) -> impl IntoView {
    let text = messages(to);
    let open = RwSignal::new(false);
    let has_text = !source.inlines().is_empty() || matches!(source, Block::Heading { .. });
    let original = {
        let source = source.clone();
        move || {
            (parallel.get() || open.get()).then(|| {
                view! { <div class="mt-original"><BodyBlock block=source.clone() lang=from /></div> }
            })
        }
    };
    view! {
        <div class="mt-block" class:pending=move || waiting.get()>
            {original}
            <div class="mt-shown">
                {move || {
                    let lang = if waiting.get() { from } else { to };
                    shown.get().map(|block| view! { <BodyBlock block lang /> })
                }}
                {move || waiting.get().then(|| view! { <span class="mt-pending-label">{text.not_yet_translated}</span> })}
            </div>
            {move || {
                (has_text && !waiting.get() && !parallel.get())
                    .then(|| {
                        view! {
                            <button type="button" class="mt-toggle" aria-expanded=move || open.get().to_string()
                                on:click=move |_| open.update(|o| *o = !*o)>
                                {move || if open.get() { text.hide_original } else { text.show_original }}
                            </button>
                        }
                    })
            }}
        </div>
    }
}
