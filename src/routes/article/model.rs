//! What an article page shows, as pure functions of what is known (the article, the service and
//! its pairs, the language asked for), so that they are tested natively and the page only wires
//! them to signals.

use crate::api::LoadError;
use crate::components::missing_edition::MissingNote;
use crate::components::switcher::{EditionKind, SwitcherEntry};
use trimova_core::config::Config;
use trimova_core::i18n::messages;
use trimova_core::provider::ProviderError;
use trimova_core::route::article_path;
use trimova_core::translate::source::{choose_source, NoSource};
use trimova_core::{Article, Lang};

/// What is known of the machine translation service.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Service<'a> {
    /// The site's configuration has not arrived (and, while pre-rendering, never does).
    Unknown,
    /// No service is configured.
    Off,
    /// Configured, and asked which pairs it has.
    Asking,
    Failed(&'a ProviderError),
    Pairs(&'a [(Lang, Lang)]),
}

/// The editions of an article, by how a reader can get them.
#[derive(Clone, Debug, PartialEq)]
pub struct Readable {
    pub human: Vec<Lang>,
    /// Machine translations published in the article file.
    pub published: Vec<Lang>,
    /// Every machine edition a reader can get: the published ones and those the service can make;
    /// `None` until the service (if any) has said what it can translate.
    pub machine: Option<Vec<Lang>>,
    pub original: Lang,
}

pub fn readable(article: &Article, service: Service) -> Readable {
    let human: Vec<Lang> = article
        .human_editions()
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    let published: Vec<Lang> = article
        .languages()
        .into_iter()
        .filter(|l| !human.contains(l))
        .collect();
    let made = match service {
        Service::Unknown | Service::Asking => None,
        Service::Off | Service::Failed(_) => Some(Vec::new()),
        Service::Pairs(pairs) => Some(
            Lang::ALL
                .into_iter()
                .filter(|l| {
                    !article.editions.contains_key(l) && choose_source(article, *l, pairs).is_ok()
                })
                .collect(),
        ),
    };
    Readable {
        human,
        machine: made.map(|made| [published.clone(), made].concat()),
        published,
        original: article.original,
    }
}

/// What is known of the service, from the site's configuration (`None` until it arrives) and the
/// answer to the question which pairs it has (`None` while asking).
pub fn service_of<'a>(
    config: Option<&Config>,
    pairs: Option<&'a Result<Vec<(Lang, Lang)>, ProviderError>>,
) -> Service<'a> {
    match (config.map(Config::translator), pairs) {
        (None, _) => Service::Unknown,
        (Some(None), _) => Service::Off,
        (Some(Some(_)), None) => Service::Asking,
        (Some(Some(_)), Some(Err(e))) => Service::Failed(e),
        (Some(Some(_)), Some(Ok(pairs))) => Service::Pairs(pairs),
    }
}

/// What the main area shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    Loading,
    Edition(Lang),
    Machine {
        from: Lang,
        to: Lang,
    },
    Missing(Lang, Option<MissingNote>),
    /// The article could not be loaded; said in the language on screen.
    Failed(Lang, LoadError),
}

/// The edition `lang` of `article`, or how it can be made, or why it cannot.
pub fn shown(article: &Article, lang: Lang, service: Service) -> Shown {
    if article.editions.contains_key(&lang) {
        return Shown::Edition(lang);
    }
    let text = messages(lang);
    match service {
        Service::Unknown | Service::Asking => Shown::Loading,
        Service::Off => Shown::Missing(lang, None),
        Service::Failed(e) => Shown::Missing(
            lang,
            Some(MissingNote {
                text: text.translation_error(e).to_string(),
                detail: Some(e.to_string()),
                retry: true,
            }),
        ),
        Service::Pairs(pairs) => match choose_source(article, lang, pairs) {
            Ok(from) => Shown::Machine { from, to: lang },
            Err(NoSource::PairMissing { from }) => Shown::Missing(
                lang,
                Some(MissingNote {
                    text: text.cannot_translate_from(from),
                    detail: None,
                    retry: false,
                }),
            ),
        },
    }
}

/// The language switcher's entries: every language, each saying what following it leads to
/// (before the article is known, every one is offered as a plain link).
pub fn switcher_entries(base: &str, id: &str, readable: Option<&Readable>) -> Vec<SwitcherEntry> {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let edition = match readable {
                None => EditionKind::Human,
                Some(r) if r.human.contains(&lang) => EditionKind::Human,
                Some(r) if r.published.contains(&lang) => EditionKind::PublishedMachine,
                Some(r) if r.machine.as_ref().is_some_and(|m| m.contains(&lang)) => {
                    EditionKind::MachineOnDemand
                }
                Some(_) => EditionKind::Missing,
            };
            SwitcherEntry {
                lang,
                href: article_path(base, lang, id),
                edition,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use trimova_core::article::parse_article;

    /// Ukrainian original, English translation by the newsroom, a published Russian machine one.
    fn article() -> Article {
        let edition = |title: &str, extra: &str| {
            format!(
                r#"{{"title": "{title}", "authors": ["А. Б."], "body": [{{"type": "paragraph", "text": "Текст."}}]{extra}}}"#
            )
        };
        let json = format!(
            r#"{{"format": "trimova.article/1", "id": "a", "published": "2024-06-14T10:05:00+03:00", "original": "uk",
                "editions": {{"uk": {}, "en": {}}}}}"#,
            edition("Заголовок", ""),
            edition("Title", r#", "translation": {"from": "uk", "by": "human"}"#),
        );
        parse_article(&json, None).unwrap()
    }

    #[test]
    fn what_a_reader_can_get_depends_on_the_service() {
        let a = article();
        let unknown = readable(&a, Service::Unknown);
        assert_eq!(unknown.human, [Lang::Uk, Lang::En]);
        assert_eq!(unknown.machine, None, "not known until the service says");
        assert_eq!(readable(&a, Service::Off).machine, Some(vec![]));
        let all = [(Lang::Uk, Lang::Ru), (Lang::En, Lang::Ru)];
        assert_eq!(
            readable(&a, Service::Pairs(&all)).machine,
            Some(vec![Lang::Ru])
        );
        assert_eq!(
            readable(&a, Service::Pairs(&[(Lang::Ru, Lang::Uk)])).machine,
            Some(vec![])
        );
    }

    #[test]
    fn a_missing_edition_is_translated_explained_or_waited_for() {
        let a = article();
        assert_eq!(
            shown(&a, Lang::En, Service::Unknown),
            Shown::Edition(Lang::En)
        );
        assert_eq!(shown(&a, Lang::Ru, Service::Asking), Shown::Loading);
        assert_eq!(
            shown(&a, Lang::Ru, Service::Off),
            Shown::Missing(Lang::Ru, None)
        );
        assert_eq!(
            shown(&a, Lang::Ru, Service::Pairs(&[(Lang::Uk, Lang::Ru)])),
            Shown::Machine {
                from: Lang::Uk,
                to: Lang::Ru
            }
        );
        let Shown::Missing(_, Some(note)) = shown(&a, Lang::Ru, Service::Pairs(&[])) else {
            panic!("no pair: explained");
        };
        assert!(!note.retry);
        assert!(
            note.text.starts_with("Сервис перевода не умеет переводить"),
            "{}",
            note.text
        );
        let down = ProviderError::Network("refused".into());
        let Shown::Missing(_, Some(note)) = shown(&a, Lang::Ru, Service::Failed(&down)) else {
            panic!("a service that cannot be asked: explained");
        };
        assert!(note.retry);
        assert_eq!(note.detail.as_deref(), Some("network error: refused"));
    }

    #[test]
    fn the_service_is_known_once_config_and_pairs_are() {
        let off = Config::default();
        let on = Config::parse(
            r#"{"translation": {"provider": "apertium", "endpoint": "http://127.0.0.1:2737"}}"#,
        )
        .unwrap();
        let pairs = Ok(vec![(Lang::Uk, Lang::Ru)]);
        assert_eq!(service_of(None, Some(&pairs)), Service::Unknown);
        assert_eq!(service_of(Some(&off), None), Service::Off);
        assert_eq!(service_of(Some(&on), None), Service::Asking);
        assert_eq!(
            service_of(Some(&on), Some(&pairs)),
            Service::Pairs(&[(Lang::Uk, Lang::Ru)])
        );
    }

    #[test]
    fn the_switcher_says_where_each_language_leads() {
        let a = article();
        let kinds = |r: Option<&Readable>| {
            switcher_entries("/", "a", r)
                .into_iter()
                .map(|e| e.edition)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(None), [EditionKind::Human; 3]);
        let r = readable(&a, Service::Pairs(&[(Lang::Uk, Lang::Ru)]));
        assert_eq!(
            kinds(Some(&r)),
            [
                EditionKind::Human,
                EditionKind::Human,
                EditionKind::MachineOnDemand
            ]
        );
        let r = readable(&a, Service::Off);
        assert_eq!(kinds(Some(&r))[2], EditionKind::Missing);
        assert_eq!(switcher_entries("/news/", "a", None)[1].href, "/news/en/a");
    }
}
