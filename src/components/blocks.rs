//! Body blocks and inline runs. Everything from the article file becomes text nodes; the only
//! URLs that reach the DOM are those `trimova_core::safety` allows.

use leptos::either::{Either, EitherOf5};
use leptos::prelude::*;
use trimova_core::article::{marked, Block, BlockMarks, Inline, Run};
use trimova_core::i18n::messages;
use trimova_core::safety::is_safe_image;
use trimova_core::Lang;

/// What a machine edition tells the runs it renders about words its service left untranslated:
/// their language, and the title that says so in the reader's.
#[derive(Clone, Copy)]
pub struct UntranslatedMark {
    pub from: Lang,
    pub to: Lang,
}

/// One run: its text, emphasised and strong as marked; a word the service did not know
/// underlined with a dotted line, in its own language, titled "not translated".
fn run_view(run: Run) -> impl IntoView {
    let text = if run.untranslated {
        let mark = use_context::<UntranslatedMark>();
        let lang = mark.map(|m| m.from.code());
        let title = mark.map(|m| messages(m.to).not_translated);
        Either::Left(view! { <span class="untranslated" lang=lang title=title>{run.text}</span> })
    } else {
        Either::Right(run.text)
    };
    let em = if run.em {
        Either::Left(view! { <em>{text}</em> })
    } else {
        Either::Right(text)
    };
    if run.strong {
        Either::Left(view! { <strong>{em}</strong> })
    } else {
        Either::Right(em)
    }
}

/// Runs, those in a row with the same safe target inside one link (a linked phrase whose words
/// are marked differently is still one link).
#[component]
pub fn InlineText(text: Inline) -> impl IntoView {
    let runs = text.runs();
    let mut links: Vec<(Option<String>, Vec<Run>)> = Vec::new();
    for run in runs {
        let href = run.safe_href().map(str::to_string);
        match links.last_mut() {
            Some((last, group)) if *last == href => group.push(run),
            _ => links.push((href, vec![run])),
        }
    }
    links
        .into_iter()
        .map(|(href, group)| {
            let runs = group.into_iter().map(run_view).collect_view();
            match href {
                Some(href) => {
                    Either::Left(view! { <a href=href rel="noopener noreferrer">{runs}</a> })
                }
                None => Either::Right(runs),
            }
        })
        .collect_view()
}

/// One body block. `lang` is set on its element when its text is not in the article's language
/// (machine translation in progress, or an original shown beside a translation); `marks` are a
/// machine translation's words left untranslated in its plain-text fields.
#[component]
pub fn BodyBlock(
    block: Block,
    #[prop(optional)] lang: Option<Lang>,
    #[prop(optional)] marks: BlockMarks,
) -> impl IntoView {
    let lang = lang.map(Lang::code);
    match block {
        Block::Paragraph { text } => EitherOf5::A(view! { <p lang=lang><InlineText text /></p> }),
        Block::Heading { text } => {
            let text = marked(&text, &marks.text);
            EitherOf5::B(view! { <h2 lang=lang><InlineText text /></h2> })
        }
        Block::Quote { text, attribution } => EitherOf5::C(view! {
            <figure class="quote" lang=lang>
                <blockquote>
                    <p><InlineText text /></p>
                </blockquote>
                {attribution
                    .map(|who| marked(&who, &marks.attribution))
                    .map(|text| view! { <figcaption><InlineText text /></figcaption> })}
            </figure>
        }),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|text| view! { <li><InlineText text /></li> })
                .collect_view();
            EitherOf5::D(if ordered {
                Either::Left(view! { <ol lang=lang>{items}</ol> })
            } else {
                Either::Right(view! { <ul lang=lang>{items}</ul> })
            })
        }
        Block::Image {
            src,
            alt,
            caption,
            credit,
        } if is_safe_image(&src) => {
            let has_caption = caption.is_some() || credit.is_some();
            let caption = caption.map(|c| marked(&c, &marks.caption));
            EitherOf5::E(Some(view! {
                <figure class="image" lang=lang>
                    <img src=src alt=alt loading="lazy" decoding="async" />
                    {has_caption
                        .then(|| {
                            view! {
                                <figcaption>
                                    {caption.map(|text| view! { <InlineText text /> })}
                                    {credit.map(|c| view! { <span class="credit">{c}</span> })}
                                </figcaption>
                            }
                        })}
                </figure>
            }))
        }
        // Unsafe images and unknown block types are reported once, when the article loads.
        Block::Image { .. } | Block::Unsupported(_) => EitherOf5::E(None),
    }
}
