use crate::browser::{choose_lang, set_document_head, AppRoot};
use crate::components::masthead::Masthead;
use crate::components::notice::Notice;
use crate::components::switcher::{EditionKind, SwitcherEntry};
use leptos::prelude::*;
use trimova_core::i18n::{messages, page_title};
use trimova_core::route::list_path;
use trimova_core::Lang;

/// A path that is neither an article nor a list.
#[component]
pub fn PageNotFound(lang: Option<Lang>) -> impl IntoView {
    let site = expect_context::<AppRoot>();
    let lang = choose_lang(lang, &Lang::ALL, Lang::Uk);
    let text = messages(lang);
    set_document_head(lang, &page_title(text.page_not_found_title), "");
    let entries = Lang::ALL
        .into_iter()
        .map(|l| SwitcherEntry {
            lang: l,
            href: list_path(&site.base, l),
            edition: EditionKind::Human,
        })
        .collect::<Vec<_>>();
    view! {
        <Masthead lang entries />
        <main id="content">
            <Notice title=text.page_not_found_title body=text.not_found_body>
                <p><a href=list_path(&site.base, lang)>{text.all_articles}</a></p>
            </Notice>
        </main>
    }
}
