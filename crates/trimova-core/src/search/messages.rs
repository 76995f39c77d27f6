//! What the search page says, in each language. Apart from `i18n::Messages` (which every page's
//! code carries): only the search module uses these, and only it carries them. The masthead's
//! form uses `i18n::Messages::search`.

use crate::lang::Lang;
use crate::plural::{plural_category, PluralCategory};

pub struct SearchMessages {
    /// The box's label on the results page.
    pub query_label: &'static str,
    pub submit: &'static str,
    /// Forms of "result" by plural category: one, few, many/other.
    results: [&'static str; 3],
    /// "more than" before a count that is not all of them.
    more_than: &'static str,
    pub more: &'static str,
    pub nothing_found: &'static str,
    pub no_words: &'static str,
    pub cut: &'static str,
    pub searching: &'static str,
    pub failed: &'static str,
    pub offline: &'static str,
    pub damaged: &'static str,
    pub order: &'static str,
    pub by_relevance: &'static str,
    pub newest_first: &'static str,
    pub tag: &'static str,
    pub month: &'static str,
    pub any: &'static str,
    pub apply: &'static str,
    /// A result shown in another language than the reader's: "in the original, Ukrainian".
    pub original_marked: &'static str,
    /// A result found through a machine edition.
    pub machine_marked: &'static str,
}

const UK: SearchMessages = SearchMessages {
    query_label: "Що шукати",
    submit: "Шукати",
    results: ["результат", "результати", "результатів"],
    more_than: "понад",
    more: "Більше результатів",
    nothing_found: "Нічого не знайдено за запитом",
    no_words: "Напишіть слово чи кілька слів, щоб шукати.",
    cut: "Запит задовгий: шукаємо за його першими словами.",
    searching: "Шукаємо…",
    failed: "Пошук не вдався: сервер не відповів.",
    offline: "Для пошуку потрібна мережа. Збережені статті читаються й так.",
    damaged: "Файл пошукового покажчика пошкоджений. Спробуйте ще раз трохи згодом.",
    order: "Порядок",
    by_relevance: "за відповідністю",
    newest_first: "спершу новіші",
    tag: "Тег",
    month: "Місяць",
    any: "будь-який",
    apply: "Застосувати",
    original_marked: "мовою оригіналу",
    machine_marked: "знайдено в машинному перекладі",
};

const EN: SearchMessages = SearchMessages {
    query_label: "Search for",
    submit: "Search",
    results: ["result", "results", "results"],
    more_than: "more than",
    more: "More results",
    nothing_found: "Nothing found for",
    no_words: "Type a word or a few words to search for.",
    cut: "The query is long: searching for its first words.",
    searching: "Searching…",
    failed: "The search failed: the server did not answer.",
    offline: "Searching needs a network. Saved articles can still be read.",
    damaged: "A file of the search index is damaged. Try again a little later.",
    order: "Order",
    by_relevance: "best match",
    newest_first: "newest first",
    tag: "Tag",
    month: "Month",
    any: "any",
    apply: "Apply",
    original_marked: "in the original language",
    machine_marked: "found in a machine translation",
};

const RU: SearchMessages = SearchMessages {
    query_label: "Что искать",
    submit: "Искать",
    results: ["результат", "результата", "результатов"],
    more_than: "более",
    more: "Больше результатов",
    nothing_found: "Ничего не найдено по запросу",
    no_words: "Напишите слово или несколько слов, чтобы искать.",
    cut: "Запрос слишком длинный: ищем по его первым словам.",
    searching: "Ищем…",
    failed: "Поиск не удался: сервер не ответил.",
    offline: "Для поиска нужна сеть. Сохранённые статьи читаются и так.",
    damaged: "Файл поискового указателя повреждён. Попробуйте ещё раз чуть позже.",
    order: "Порядок",
    by_relevance: "по соответствию",
    newest_first: "сначала новые",
    tag: "Тег",
    month: "Месяц",
    any: "любой",
    apply: "Применить",
    original_marked: "на языке оригинала",
    machine_marked: "найдено в машинном переводе",
};

pub fn search_messages(lang: Lang) -> &'static SearchMessages {
    match lang {
        Lang::Uk => &UK,
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}

impl SearchMessages {
    /// "12 результатів", "more than 200 results": `formatted` is the count as the page writes
    /// numbers; `all` says whether it is every match or only those the index gave.
    pub fn count(&self, lang: Lang, count: u64, formatted: &str, all: bool) -> String {
        let word = match plural_category(lang, count) {
            PluralCategory::One => self.results[0],
            PluralCategory::Few => self.results[1],
            PluralCategory::Many | PluralCategory::Other => self.results[2],
        };
        if all {
            format!("{formatted} {word}")
        } else {
            format!("{} {formatted} {word}", self.more_than)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_number() {
        let uk = search_messages(Lang::Uk);
        assert_eq!(uk.count(Lang::Uk, 1, "1", true), "1 результат");
        assert_eq!(uk.count(Lang::Uk, 3, "3", true), "3 результати");
        assert_eq!(uk.count(Lang::Uk, 11, "11", true), "11 результатів");
        assert_eq!(uk.count(Lang::Uk, 21, "21", false), "понад 21 результат");
        let en = search_messages(Lang::En);
        assert_eq!(en.count(Lang::En, 1, "1", true), "1 result");
        assert_eq!(
            en.count(Lang::En, 200, "200", false),
            "more than 200 results"
        );
        let ru = search_messages(Lang::Ru);
        assert_eq!(ru.count(Lang::Ru, 2, "2", true), "2 результата");
    }
}
