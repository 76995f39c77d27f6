//! The translation of one machine edition as the view sees it: a hook that runs the job (the
//! core's `TranslationJob`, carried by `client`), collects segments as they arrive (one render
//! per frame), restarts on retry, and cancels when the view goes.

use crate::machine::module::client::{translate_segments, Cancel};
use crate::surface::{ErrorKind, Surface};
use leptos::prelude::request_animation_frame;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;
use trimova_core::article::Field;
use trimova_core::config::TranslationConfig;
use trimova_core::provider::ProviderError;
use trimova_core::translate::segment::Segment;
use trimova_core::{Article, Lang};

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Running { done: usize, total: usize },
    Done,
    Failed(ProviderError),
}

/// A running translation: segments translated so far, how it goes, and a way to try again.
#[derive(Clone, Copy)]
pub struct RunningTranslation {
    pub translated: RwSignal<HashMap<Field, String>>,
    pub status: RwSignal<Status>,
    attempt: RwSignal<u32>,
}

impl RunningTranslation {
    /// Runs the job again for what is still missing (a new job cancels the one before).
    pub fn retry(&self) {
        self.attempt.update(|n| *n += 1);
    }
}

/// Translates `source` (segments of `article`'s edition `from`) into `to`, from the view's mount
/// until it goes.
pub fn use_translation(
    article: Arc<Article>,
    source: Arc<Vec<Segment>>,
    from: Lang,
    to: Lang,
    config: TranslationConfig,
) -> RunningTranslation {
    let surface = Surface::current();
    let total = source.len();
    let translated = RwSignal::new(HashMap::<Field, String>::new());
    let status = RwSignal::new(if total == 0 {
        Status::Done
    } else {
        Status::Running { done: 0, total }
    });
    let attempt = RwSignal::new(0u32);
    let cancel = StoredValue::new_local(Cancel::default());
    let arrived = StoredValue::new(Vec::<(Field, String)>::new());
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

    Effect::new(move |_| {
        attempt.track();
        cancel.with_value(Cancel::cancel);
        let job = Cancel::default();
        cancel.set_value(job.clone());
        status.set(Status::Running {
            done: translated.with_untracked(HashMap::len),
            total,
        });
        let (article, source, config) = (Arc::clone(&article), Arc::clone(&source), config.clone());
        surface.translation_started(from, to, total);
        spawn_local(async move {
            let result = translate_segments(
                article,
                source,
                from,
                to,
                config,
                job.clone(),
                |field, text| {
                    // Segments arriving within one frame are shown together: one render per
                    // frame, not one per answer.
                    let first = arrived.try_update_value(|a| {
                        a.push((field, text));
                        a.len() == 1
                    });
                    if first == Some(true) {
                        request_animation_frame(flush);
                    }
                },
            )
            .await;
            // A job cancelled by leaving (or by a retry) must not touch what is on screen.
            if job.is_cancelled() {
                return;
            }
            flush();
            if let Err(e) = &result {
                surface.error(ErrorKind::Translation, &e.to_string());
            }
            surface.translation_ended(from, to, result.is_ok());
            status.try_set(match result {
                Ok(()) => Status::Done,
                Err(e) => Status::Failed(e),
            });
        });
    });
    on_cleanup(move || {
        cancel.with_value(Cancel::cancel);
        surface.leave_machine_edition();
    });
    RunningTranslation {
        translated,
        status,
        attempt,
    }
}
