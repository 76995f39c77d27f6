use crate::browser::AppRoot;
use crate::components::save_offline::OfflineMark;
use leptos::either::Either;
use leptos::prelude::*;
use trimova_core::archive::{ListAt, ListEntry, Listing};
use trimova_core::i18n::messages;
use trimova_core::locale::{date_long, time_short};
use trimova_core::route::{article_file, article_path};
use trimova_core::safety::is_safe_image;
use trimova_core::Lang;

/// One day of a list: its date (a link to the month's archive) and its articles, newest first.
#[component]
pub fn ListDay(lang: Lang, day: String, entries: Vec<ListEntry>) -> impl IntoView {
    let base = expect_context::<AppRoot>().base;
    let month = day.get(..4).zip(day.get(5..7)).and_then(|(y, m)| {
        Some(ListAt {
            listing: Listing::Month {
                year: y.parse().ok()?,
                month: m.parse().ok()?,
            },
            page: None,
        })
    });
    let heading_id = format!("day-{day}");
    let label = date_long(lang, &day);
    let heading = match month {
        Some(at) => Either::Left(view! {
            <a href=at.path(&base, lang)><time datetime=day.clone()>{label}</time></a>
            <OfflineMark file=at.data_file(lang) lang />
        }),
        None => Either::Right(label),
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="list-day" aria-labelledby=labelled_by>
            <h2 class="list-day-heading" id=heading_id>{heading}</h2>
            <ol class="article-list">
                {entries
                    .into_iter()
                    .map(|entry| view! { <ListItem entry lang base=base.clone() /> })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// One article in a list: time, title (the original's, marked, where the reader's language has no
/// edition), lead, editions and a thumbnail.
#[component]
fn ListItem(entry: ListEntry, lang: Lang, base: String) -> impl IntoView {
    let text = messages(lang);
    let href = article_path(&base, entry.lang, &entry.id);
    let marker = (entry.lang != lang).then(|| format!("({})", text.in_language(entry.lang)));
    let editions = entry
        .editions
        .iter()
        .map(|l| view! { <li><abbr lang=l.code() title=l.native_name()>{l.code()}</abbr></li> })
        .collect_view();
    // The title says what the picture shows; the thumbnail itself is decoration.
    let thumbnail = entry
        .image
        .filter(|i| is_safe_image(&i.src))
        .map(|i| view! { <img class="thumbnail" src=i.src alt="" loading="lazy" width="120" height="80" /> });
    let entry_lang = entry.lang.code();
    view! {
        <li class="article-item">
            {thumbnail}
            <div class="item-text">
                <h3>
                    <a href=href hreflang=entry_lang lang=entry_lang>{entry.title}</a>
                </h3>
                <div class="item-meta">
                    <time datetime=entry.published.clone()>{time_short(lang, &entry.published)}</time>
                    {marker.map(|m| view! { <span class="original-marker">{m}</span> })}
                    <ul class="edition-badges" aria-label=text.editions>{editions}</ul>
                    <OfflineMark file=article_file(&entry.id) lang kept_said=true />
                </div>
                {entry.lead.map(|l| view! { <p class="item-lead" lang=entry_lang>{l}</p> })}
            </div>
        </li>
    }
}
