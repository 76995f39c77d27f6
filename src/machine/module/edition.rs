//! A machine-translated edition: rendered as segments arrive, honestly labelled, with the original
//! one click away (per paragraph, side by side, or the whole edition).
//!
//! This view and the translation client behind it are compiled into their own wasm module
//! (`src/bin/machine.rs`), which the app loads only when a reader opens a machine edition (see
//! `machine`).

use crate::browser::AppRoot;
use crate::components::article::{ArticleFooter, ArticleHeader};
use crate::components::blocks::UntranslatedMark;
use crate::components::machine_notice::MachineNotice;
use crate::machine::module::block::MachineBlock;
use crate::machine::module::status::TranslationStatus;
use crate::machine::module::translation::{use_translation, RunningTranslation};
use crate::surface::Surface;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::config::TranslationConfig;
use trimova_core::i18n::page_title;
use trimova_core::route::article_path;
use trimova_core::translate::protected_terms;
use trimova_core::translate::segment::{apply, header_of, missing_fields, segments};
use trimova_core::{Article, Edition, Lang};

/// The edition `to` of `article`, machine-translated from its edition `from`.
#[component]
pub fn MachineEdition(
    article: Arc<Article>,
    /// The source edition (`article.editions[from]`).
    original: Edition,
    from: Lang,
    to: Lang,
    config: TranslationConfig,
) -> impl IntoView {
    let base = expect_context::<AppRoot>().base;
    let terms = Arc::new(protected_terms(&article, &config.glossary));
    let source = Arc::new(segments(&original, &terms));
    let provider = config.provider.display_name().to_string();
    let translation = use_translation(Arc::clone(&article), Arc::clone(&source), from, to, config);
    let RunningTranslation { translated, .. } = translation;
    let parallel = RwSignal::new(false);
    provide_context(UntranslatedMark { from, to });

    let edition = Memo::new({
        let (original, source, terms) = (original.clone(), Arc::clone(&source), Arc::clone(&terms));
        move |_| translated.with(|done| apply(&original, &source, done, &terms))
    });
    let missing = Memo::new({
        let source = Arc::clone(&source);
        move |_| translated.with(|done| missing_fields(&source, done))
    });
    let untranslated = Memo::new(move |_| edition.with(Edition::untranslated_words));
    let surface = Surface::current();
    Effect::new(move |_| {
        edition.with(|e| surface.show_edition(to, &page_title(&e.title), &e.description(), true))
    });

    let blocks = (0..original.body.len())
        .map(|i| {
            let source_block = original.body[i].clone();
            let shown = Memo::new(move |_| {
                edition.with(|e| {
                    e.body
                        .get(i)
                        .map(|b| (b.clone(), e.untranslated.of_block(i)))
                })
            });
            let waiting =
                Memo::new(move |_| missing.with(|m| m.iter().any(|s| s.block() == Some(i))));
            view! { <MachineBlock source=source_block shown waiting from to parallel /> }
        })
        .collect_view();
    // The header re-renders only when one of its own fields arrives, not with every paragraph.
    let header = Memo::new({
        let original = original.clone();
        move |_| edition.with(|e| missing.with(|m| header_of(e, &original, m)))
    });
    let header_article = Arc::clone(&article);
    view! {
        <article class="article machine" lang=to.code() data-machine-translated=from.code()>
            <MachineNotice lang=to from provider original=article_path(&base, from, &article.id) untranslated parallel>
                <TranslationStatus translation lang=to />
            </MachineNotice>
            {move || {
                let (edition, pending) = header.get();
                view! { <ArticleHeader article=Arc::clone(&header_article) edition lang=to pending=(from, pending) /> }
            }}
            <div class="article-body" class:parallel=move || parallel.get()>{blocks}</div>
            <ArticleFooter article=Arc::clone(&article) edition=original lang=to />
        </article>
    }
}
