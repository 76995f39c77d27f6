//! Body blocks and inline runs. Everything from the article file becomes text nodes; the only
//! URLs that reach the DOM are those `trimova_core::safety` allows.

use leptos::prelude::*;
use trimova_core::article::{Block, Inline, Run};
use trimova_core::safety::is_safe_image;
use trimova_core::Lang;

/// One run: its text, emphasised, strong and linked as marked.
fn run_view(run: Run) -> AnyView {
    let href = run.safe_href().map(str::to_string);
    let mut view = run.text.into_any();
    if run.em {
        view = view! { <em>{view}</em> }.into_any();
    }
    if run.strong {
        view = view! { <strong>{view}</strong> }.into_any();
    }
    if let Some(href) = href {
        view = view! { <a href=href rel="noopener noreferrer">{view}</a> }.into_any();
    }
    view
}

#[component]
pub fn InlineText(text: Inline) -> impl IntoView {
    text.runs().into_iter().map(run_view).collect_view()
}

/// One body block. `lang` is set on its element when its text is not in the article's language
/// (machine translation in progress, or an original shown beside a translation).
#[component]
pub fn BodyBlock(block: Block, #[prop(optional)] lang: Option<Lang>) -> impl IntoView {
    let lang = lang.map(Lang::code);
    match block {
        Block::Paragraph { text } => view! { <p lang=lang><InlineText text /></p> }.into_any(),
        Block::Heading { text } => view! { <h2 lang=lang>{text}</h2> }.into_any(),
        Block::Quote { text, attribution } => view! {
            <figure class="quote" lang=lang>
                <blockquote>
                    <p><InlineText text /></p>
                </blockquote>
                {attribution.map(|who| view! { <figcaption>{who}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|text| view! { <li><InlineText text /></li> })
                .collect_view();
            if ordered {
                view! { <ol lang=lang>{items}</ol> }.into_any()
            } else {
                view! { <ul lang=lang>{items}</ul> }.into_any()
            }
        }
        Block::Image {
            src,
            alt,
            caption,
            credit,
        } if is_safe_image(&src) => {
            let has_caption = caption.is_some() || credit.is_some();
            view! {
                <figure class="image" lang=lang>
                    <img src=src alt=alt loading="lazy" decoding="async" />
                    {has_caption
                        .then(|| {
                            view! {
                                <figcaption>
                                    {caption}
                                    {credit.map(|c| view! { <span class="credit">{c}</span> })}
                                </figcaption>
                            }
                        })}
                </figure>
            }
            .into_any()
        }
        // Unsafe images and unknown block types are reported once, when the article loads.
        Block::Image { .. } | Block::Unsupported(_) => ().into_any(),
    }
}
