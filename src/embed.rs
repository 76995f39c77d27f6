//! `<trimova-article>`: one article viewer mounted inside an element of somebody else's page.
//!
//! The custom element itself is JavaScript (`src/embed.js`, written to `dist/embed.js` by the
//! build): it owns the element's life (shadow root, stylesheet, attributes) and calls `mount`
//! for each element. Everything drawn inside comes from the same components as the site's pages,
//! under a `Surface::Embed` that keeps them out of the host's URL, title and `<html lang>`.

use crate::api;
use crate::browser::AppRoot;
use crate::reading::Reading;
use crate::routes::article::ArticlePage;
use crate::surface::{Embedding, Surface};
use leptos::prelude::*;
use trimova_core::Lang;

/// What an element asks for, read from its attributes.
pub struct EmbedOptions {
    /// `article`: an id, whose file lies under `base`.
    pub article: Option<String>,
    /// `src`: the URL of an article file, anywhere (used when `article` is absent).
    pub src: Option<String>,
    /// `lang`: the edition to show; the reader's own language when absent.
    pub lang: Option<Lang>,
    /// The absolute URL of the folder `embed.js` came from: article files, edition pages.
    pub base: String,
    /// The URL of the `config.json` that says which translation service to use.
    pub config: String,
    /// Whether the reading settings are offered (`reader-controls="off"`: the host's look stands,
    /// and the reader's remembered settings are not applied either).
    pub reader_controls: bool,
}

/// A mounted viewer: dropping it unmounts the view and cleans up its reactive owner, which aborts
/// its requests and cancels a translation in flight.
pub struct EmbeddedViewer {
    embedding: Embedding,
    _view: Box<dyn std::any::Any>,
}

impl EmbeddedViewer {
    /// The host set `lang`. The element's own reflection of the edition comes back here too; an
    /// equal value, or one that names no edition language, changes nothing.
    pub fn set_lang(&self, code: Option<String>) {
        let lang = code.as_deref().and_then(Lang::from_code);
        if lang.is_some() && self.embedding.lang.get_untracked() != lang {
            self.embedding.lang.set(lang);
        }
    }
}

/// Mounts a viewer into `root` (a node in `host`'s shadow root).
pub fn mount(
    host: web_sys::HtmlElement,
    root: web_sys::HtmlElement,
    options: EmbedOptions,
) -> EmbeddedViewer {
    // Made inside the view's owner, so that its signals go with the view.
    let made = std::rc::Rc::new(std::cell::Cell::new(None));
    let reading_root: Option<web_sys::Element> =
        options.reader_controls.then(|| root.clone().into());
    let view = leptos::mount::mount_to(root, {
        let made = std::rc::Rc::clone(&made);
        move || {
            let embedding = Embedding::new(host, options.lang);
            made.set(Some(embedding));
            provide_context(AppRoot {
                base: options.base,
                adopted_lang: None,
            });
            provide_context(Surface::Embed(embedding));
            if let Some(root) = reading_root {
                provide_context(Reading::new(Some(root)));
            }
            let config = options.config;
            provide_context(LocalResource::new(move || api::config(config.clone())));
            let url_lang = Signal::from(embedding.lang);
            let id = options.article.unwrap_or_default();
            let src = if id.is_empty() { options.src } else { None };
            view! { <ArticlePage id src url_lang /> }
        }
    });
    EmbeddedViewer {
        embedding: made
            .take()
            .expect("mount_to runs the view function at once"),
        _view: Box::new(view),
    }
}
