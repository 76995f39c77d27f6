//! Everything the app says to a reader, in the reader's language.
//!
//! Messages are plain data per language so a missing translation is a compile error, not a blank.

use crate::lang::Lang;
use crate::plural::{plural_category, PluralCategory};

pub struct Messages {
    pub skip_to_content: &'static str,
    pub tagline: &'static str,
    pub switcher_label: &'static str,
    pub articles_heading: &'static str,
    pub all_articles: &'static str,
    /// The masthead's search box and the search page's heading.
    pub search: &'static str,
    /// The search page, read with scripts off.
    pub search_needs_javascript: &'static str,
    /// The search module could not be loaded.
    pub search_unavailable: &'static str,
    pub loading: &'static str,
    /// Said quietly while the device has no network: what was opened before still reads.
    pub offline: &'static str,
    /// A toggle on an article's page (pressed: saved).
    pub save_offline: &'static str,
    /// On a list entry whose article opens without a network; and, while offline, one that does not.
    pub available_offline: &'static str,
    pub needs_network: &'static str,
    pub by: &'static str,
    pub updated: &'static str,
    pub tags: &'static str,
    pub editions: &'static str,
    pub original_edition: &'static str,
    pub missing_edition_title: &'static str,
    pub missing_edition_body: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub page_not_found_title: &'static str,
    pub malformed_title: &'static str,
    pub malformed_body: &'static str,
    pub network_title: &'static str,
    pub network_body: &'static str,
    pub retry: &'static str,
    pub no_articles: &'static str,
    /// The links to the neighbouring pages of a list.
    pub newer: &'static str,
    pub older: &'static str,
    pub list_pages: &'static str,
    pub tag_heading: &'static str,
    page_number: &'static str,
    /// Word forms for "views" by plural category: one, few, many/other.
    views: [&'static str; 3],
    minutes_read: &'static str,
    /// How a language is named in running text: "in Ukrainian", "українською".
    in_language: [&'static str; 3],
    translated_from: &'static str,
    /// "from Ukrainian", in the form that follows "translation".
    from_language: [&'static str; 3],
    pub machine_translation: &'static str,
    pub machine_edition: &'static str,
    pub read_original: &'static str,
    pub show_original: &'static str,
    pub hide_original: &'static str,
    pub side_by_side: &'static str,
    pub not_yet_translated: &'static str,
    /// The title of a word the service left in the source language.
    pub not_translated: &'static str,
    untranslated_words: &'static str,
    translating: [&'static str; 2],
    cannot_translate_from: &'static str,
    pub translation_failed: &'static str,
    /// The machine translation module itself could not be loaded.
    pub translation_unavailable: &'static str,
    pub mt_pair_missing: &'static str,
    pub mt_forbidden: &'static str,
    pub mt_quota: &'static str,
    pub mt_busy: &'static str,
    pub mt_server: &'static str,
    pub mt_bad_answer: &'static str,
    pub mt_unreachable: &'static str,
    pub mt_timeout: &'static str,
    pub mt_too_large: &'static str,
}

const UK: Messages = Messages {
    skip_to_content: "Перейти до статті",
    tagline: "Новини трьома мовами",
    switcher_label: "Мова видання",
    articles_heading: "Статті",
    all_articles: "Усі статті",
    search: "Пошук",
    search_needs_javascript:
        "Пошук працює, коли увімкнено JavaScript. Статті можна знайти у списках:",
    search_unavailable: "Пошук зараз недоступний: не вдалося завантажити його код.",
    loading: "Завантаження…",
    offline: "Немає мережі. Відкриті раніше статті читаються й так.",
    save_offline: "Зберегти для читання без мережі",
    available_offline: "є без мережі",
    needs_network: "потрібна мережа",
    by: "Автор:",
    updated: "Оновлено",
    tags: "Теги",
    editions: "Версії",
    original_edition: "оригінал",
    missing_edition_title: "Цієї статті немає українською",
    missing_edition_body: "Її можна прочитати такими мовами:",
    not_found_title: "Статтю не знайдено",
    not_found_body: "Можливо, її прибрали або в адресі помилка.",
    page_not_found_title: "Сторінку не знайдено",
    malformed_title: "Не вдалося прочитати статтю",
    malformed_body:
        "Файл статті пошкоджений, тож показати її неможливо. Місце помилки для редакції:",
    network_title: "Немає зв’язку із сервером",
    network_body: "Статтю не вдалося завантажити. Перевірте з’єднання та спробуйте ще раз.",
    retry: "Спробувати ще раз",
    no_articles: "Статей поки немає.",
    newer: "Новіші",
    older: "Старіші",
    list_pages: "Сторінки списку",
    tag_heading: "Тег",
    page_number: "Сторінка",
    views: ["перегляд", "перегляди", "переглядів"],
    minutes_read: "хв читання",
    in_language: ["українською", "англійською", "російською"],
    translated_from: "Переклад з мови:",
    from_language: ["з української", "з англійської", "з російської"],
    machine_translation: "Машинний переклад",
    machine_edition: "машинний переклад",
    read_original: "Читати оригінал",
    show_original: "Показати оригінал",
    hide_original: "Сховати оригінал",
    side_by_side: "Поруч з оригіналом",
    not_yet_translated: "ще не перекладено",
    not_translated: "не перекладено",
    untranslated_words: "Слів, яких служба не знала (позначені пунктиром):",
    translating: ["Перекладаємо:", "з"],
    cannot_translate_from: "Служба перекладу не вміє перекладати",
    translation_failed: "Переклад не вдався. Нижче — текст оригіналу.",
    translation_unavailable: "Машинний переклад зараз недоступний.",
    mt_pair_missing: "Служба перекладу не підтримує цю пару мов.",
    mt_forbidden: "Служба перекладу відхилила запит (перевірте ключ доступу).",
    mt_quota: "Ліміт служби перекладу на цей період вичерпано.",
    mt_busy: "Служба перекладу зараз перевантажена.",
    mt_server: "У службі перекладу сталася помилка.",
    mt_bad_answer: "Служба перекладу надіслала відповідь, яку неможливо використати.",
    mt_unreachable: "Не вдалося зв’язатися зі службою перекладу.",
    mt_timeout: "Служба перекладу не відповіла вчасно.",
    mt_too_large: "Текст завеликий для служби перекладу.",
};

const EN: Messages = Messages {
    skip_to_content: "Skip to article",
    tagline: "News in three languages",
    switcher_label: "Edition language",
    articles_heading: "Articles",
    all_articles: "All articles",
    search: "Search",
    search_needs_javascript: "Search works with JavaScript turned on. Articles can be found in the lists:",
    search_unavailable: "Search is unavailable right now: its code could not be loaded.",
    loading: "Loading…",
    offline: "You are offline. Articles you opened before can still be read.",
    save_offline: "Save for reading offline",
    available_offline: "available offline",
    needs_network: "needs a network",
    by: "By",
    updated: "Updated",
    tags: "Tags",
    editions: "Editions",
    original_edition: "original",
    missing_edition_title: "This article is not available in English",
    missing_edition_body: "You can read it in:",
    not_found_title: "Article not found",
    not_found_body: "It may have been removed, or the address may be mistyped.",
    page_not_found_title: "Page not found",
    malformed_title: "This article could not be read",
    malformed_body: "The article file is malformed, so it cannot be shown. Where the problem is, for the newsroom:",
    network_title: "Could not reach the server",
    network_body: "The article did not load. Check your connection and try again.",
    retry: "Try again",
    no_articles: "No articles yet.",
    newer: "Newer",
    older: "Older",
    list_pages: "List pages",
    tag_heading: "Tag",
    page_number: "Page",
    views: ["view", "views", "views"],
    minutes_read: "min read",
    in_language: ["in Ukrainian", "in English", "in Russian"],
    translated_from: "Translated from",
    from_language: ["from Ukrainian", "from English", "from Russian"],
    machine_translation: "Machine translation",
    machine_edition: "machine translation",
    read_original: "Read the original",
    show_original: "Show original",
    hide_original: "Hide original",
    side_by_side: "Side by side",
    not_yet_translated: "not translated yet",
    not_translated: "not translated",
    untranslated_words: "Words the service did not know (dotted underline):",
    translating: ["Translating", "of"],
    cannot_translate_from: "This translation service cannot translate",
    translation_failed: "The translation did not work. The original text is shown below.",
    translation_unavailable: "Machine translation is not available right now.",
    mt_pair_missing: "The translation service does not support this language pair.",
    mt_forbidden: "The translation service refused the request (check the access key).",
    mt_quota: "The translation service's quota is used up for now.",
    mt_busy: "The translation service is busy right now.",
    mt_server: "The translation service had an error.",
    mt_bad_answer: "The translation service sent an answer that cannot be used.",
    mt_unreachable: "The translation service could not be reached.",
    mt_timeout: "The translation service did not answer in time.",
    mt_too_large: "The text is too large for the translation service.",
};

const RU: Messages = Messages {
    skip_to_content: "Перейти к статье",
    tagline: "Новости на трёх языках",
    switcher_label: "Язык издания",
    articles_heading: "Статьи",
    all_articles: "Все статьи",
    search: "Поиск",
    search_needs_javascript:
        "Поиск работает, когда включён JavaScript. Статьи можно найти в списках:",
    search_unavailable: "Поиск сейчас недоступен: не удалось загрузить его код.",
    loading: "Загрузка…",
    offline: "Нет сети. Открытые раньше статьи по-прежнему читаются.",
    save_offline: "Сохранить для чтения без сети",
    available_offline: "есть без сети",
    needs_network: "нужна сеть",
    by: "Автор:",
    updated: "Обновлено",
    tags: "Теги",
    editions: "Версии",
    original_edition: "оригинал",
    missing_edition_title: "Этой статьи нет на русском",
    missing_edition_body: "Её можно прочитать на этих языках:",
    not_found_title: "Статья не найдена",
    not_found_body: "Возможно, её удалили или в адресе ошибка.",
    page_not_found_title: "Страница не найдена",
    malformed_title: "Не удалось прочитать статью",
    malformed_body: "Файл статьи повреждён, поэтому показать её нельзя. Место ошибки для редакции:",
    network_title: "Нет связи с сервером",
    network_body: "Статью не удалось загрузить. Проверьте соединение и попробуйте ещё раз.",
    retry: "Попробовать снова",
    no_articles: "Статей пока нет.",
    newer: "Новее",
    older: "Старее",
    list_pages: "Страницы списка",
    tag_heading: "Тег",
    page_number: "Страница",
    views: ["просмотр", "просмотра", "просмотров"],
    minutes_read: "мин чтения",
    in_language: ["на украинском", "на английском", "на русском"],
    translated_from: "Перевод с языка:",
    from_language: ["с украинского", "с английского", "с русского"],
    machine_translation: "Машинный перевод",
    machine_edition: "машинный перевод",
    read_original: "Читать оригинал",
    show_original: "Показать оригинал",
    hide_original: "Скрыть оригинал",
    side_by_side: "Рядом с оригиналом",
    not_yet_translated: "ещё не переведено",
    not_translated: "не переведено",
    untranslated_words: "Слов, которых сервис не знал (подчёркнуты пунктиром):",
    translating: ["Переводим:", "из"],
    cannot_translate_from: "Сервис перевода не умеет переводить",
    translation_failed: "Перевести не удалось. Ниже — текст оригинала.",
    translation_unavailable: "Машинный перевод сейчас недоступен.",
    mt_pair_missing: "Сервис перевода не поддерживает эту пару языков.",
    mt_forbidden: "Сервис перевода отклонил запрос (проверьте ключ доступа).",
    mt_quota: "Лимит сервиса перевода на этот период исчерпан.",
    mt_busy: "Сервис перевода сейчас перегружен.",
    mt_server: "В сервисе перевода произошла ошибка.",
    mt_bad_answer: "Сервис перевода прислал ответ, который нельзя использовать.",
    mt_unreachable: "Не удалось связаться с сервисом перевода.",
    mt_timeout: "Сервис перевода не ответил вовремя.",
    mt_too_large: "Текст слишком велик для сервиса перевода.",
};

pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::Uk => &UK,
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}

fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Uk => 0,
        Lang::En => 1,
        Lang::Ru => 2,
    }
}

impl Messages {
    /// "Page 3" of a list (numbered from the oldest, as its URL is).
    pub fn page(&self, number: u32) -> String {
        format!("{} {number}", self.page_number)
    }

    /// "15 772 перегляди": `formatted` is the count as the browser's `Intl.NumberFormat` wrote it;
    /// the word agrees with `count` by the language's CLDR rule.
    pub fn views(&self, lang: Lang, count: u64, formatted: &str) -> String {
        let word = match plural_category(lang, count) {
            PluralCategory::One => self.views[0],
            PluralCategory::Few => self.views[1],
            PluralCategory::Many | PluralCategory::Other => self.views[2],
        };
        format!("{formatted} {word}")
    }

    /// "4 хв читання" (an abbreviation, so no plural forms are needed).
    pub fn reading_time(&self, minutes: u64) -> String {
        format!("{minutes} {}", self.minutes_read)
    }

    /// "in Russian", "російською": the language named in running text.
    pub fn in_language(&self, lang: Lang) -> &'static str {
        self.in_language[lang_slot(lang)]
    }

    /// "Machine translation from Ukrainian (Apertium)".
    pub fn machine_notice(&self, from: Lang, provider: &str) -> String {
        format!(
            "{} {} ({provider})",
            self.machine_translation,
            self.from_language[lang_slot(from)]
        )
    }

    /// "Words the service did not know (dotted underline): 3".
    pub fn untranslated_words(&self, count: usize) -> String {
        format!("{} {count}", self.untranslated_words)
    }

    /// "Translating 12 of 30".
    pub fn translating(&self, done: usize, total: usize) -> String {
        format!(
            "{} {done} {} {total}",
            self.translating[0], self.translating[1]
        )
    }

    /// "This translation service cannot translate from English."
    pub fn cannot_translate_from(&self, from: Lang) -> String {
        format!(
            "{} {}.",
            self.cannot_translate_from,
            self.from_language[lang_slot(from)]
        )
    }

    /// The reader-facing explanation of a failed translation.
    pub fn translation_error(&self, error: &crate::provider::ProviderError) -> &'static str {
        use crate::provider::ProviderError as E;
        match error {
            E::PairNotSupported => self.mt_pair_missing,
            E::Forbidden(_) => self.mt_forbidden,
            E::QuotaExceeded(_) => self.mt_quota,
            E::RateLimited { .. } | E::Unavailable { .. } => self.mt_busy,
            E::Rejected(..) | E::Server(..) => self.mt_server,
            E::Malformed(_) | E::WrongCount { .. } | E::Truncated => self.mt_bad_answer,
            E::Network(_) => self.mt_unreachable,
            E::Timeout => self.mt_timeout,
            E::TooLarge => self.mt_too_large,
        }
    }

    /// "Translated from Ukrainian" style note for a human translation.
    pub fn translated_from(&self, from: Lang) -> String {
        format!("{} {}", self.translated_from, from.native_name())
    }
}

/// `<title>` of a page showing `heading`: the heading, then the site's name.
pub fn page_title(heading: &str) -> String {
    format!("{heading} — Trimova")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_counts_agree_in_number() {
        assert_eq!(
            messages(Lang::Uk).views(Lang::Uk, 15772, "15 772"),
            "15 772 перегляди"
        );
        assert_eq!(messages(Lang::Uk).views(Lang::Uk, 1, "1"), "1 перегляд");
        assert_eq!(messages(Lang::Uk).views(Lang::Uk, 5, "5"), "5 переглядів");
        assert_eq!(messages(Lang::Ru).views(Lang::Ru, 21, "21"), "21 просмотр");
        assert_eq!(messages(Lang::Ru).views(Lang::Ru, 3, "3"), "3 просмотра");
        assert_eq!(
            messages(Lang::Ru).views(Lang::Ru, 11, "11"),
            "11 просмотров"
        );
        assert_eq!(
            messages(Lang::En).views(Lang::En, 15772, "15,772"),
            "15,772 views"
        );
        assert_eq!(messages(Lang::En).views(Lang::En, 1, "1"), "1 view");
    }

    #[test]
    fn every_language_has_its_own_wording() {
        for a in Lang::ALL {
            for b in Lang::ALL {
                if a != b {
                    assert_ne!(
                        messages(a).missing_edition_title,
                        messages(b).missing_edition_title
                    );
                    assert_ne!(
                        messages(a).in_language(Lang::Uk),
                        messages(b).in_language(Lang::Uk)
                    );
                }
            }
        }
        assert_eq!(messages(Lang::En).in_language(Lang::Ru), "in Russian");
    }

    #[test]
    fn machine_translation_wording() {
        assert_eq!(
            messages(Lang::En).machine_notice(Lang::Uk, "Apertium"),
            "Machine translation from Ukrainian (Apertium)"
        );
        assert_eq!(
            messages(Lang::Ru).machine_notice(Lang::Uk, "Apertium"),
            "Машинный перевод с украинского (Apertium)"
        );
        assert_eq!(
            messages(Lang::Uk).translating(12, 30),
            "Перекладаємо: 12 з 30"
        );
        assert_eq!(
            messages(Lang::En).translating(12, 30),
            "Translating 12 of 30"
        );
        assert_eq!(
            messages(Lang::Ru).cannot_translate_from(Lang::En),
            "Сервис перевода не умеет переводить с английского."
        );
    }
}
