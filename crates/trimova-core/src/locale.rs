//! Dates and counts as a reader of each language expects them, computed natively.
//!
//! The pre-rendered page and the app that hydrates it must print exactly the same text, so this
//! cannot be the browser's `Intl` (unknown when the page is built, and different per reader).
//! Times are shown as the newsroom wrote them: the wall-clock time of the article's own UTC
//! offset, which is also what a pre-rendered page can know. The strings follow CLDR's `long`
//! date + `short` time and `medium` date patterns, which the browser tests check against
//! Chromium's `Intl` for the same instant in UTC.

use crate::lang::Lang;

/// The wall-clock fields of an RFC 3339 timestamp, in its own offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WallClock {
    year: u32,
    month: usize,
    day: u32,
    hour: u32,
    minute: u32,
}

fn wall_clock(rfc3339: &str) -> Option<WallClock> {
    crate::timestamp::parse_rfc3339(rfc3339)?;
    let num = |from: usize, to: usize| rfc3339.get(from..to)?.parse::<u32>().ok();
    Some(WallClock {
        year: num(0, 4)?,
        month: num(5, 7)? as usize,
        day: num(8, 10)?,
        hour: num(11, 13)?,
        minute: num(14, 16)?,
    })
}

/// Month names in the genitive, as they follow a day number in Ukrainian and Russian.
const UK_MONTHS: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const UK_MONTHS_SHORT: [&str; 12] = [
    "січ.",
    "лют.",
    "бер.",
    "квіт.",
    "трав.",
    "черв.",
    "лип.",
    "серп.",
    "вер.",
    "жовт.",
    "лист.",
    "груд.",
];
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_MONTHS_SHORT: [&str; 12] = [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Publication time: long date and short time ("14 червня 2024 р. о 10:05",
/// "June 14, 2024 at 10:05 AM", "14 июня 2024 г. в 10:05"). Text that is not a valid timestamp is
/// returned as it is (validation has already warned about it).
pub fn datetime_long(lang: Lang, rfc3339: &str) -> String {
    let Some(t) = wall_clock(rfc3339) else {
        return rfc3339.to_string();
    };
    let m = t.month - 1;
    let time = clock(lang, &t);
    match lang {
        Lang::Uk => format!("{} {} {} р. о {time}", t.day, UK_MONTHS[m], t.year),
        Lang::Ru => format!("{} {} {} г. в {time}", t.day, RU_MONTHS[m], t.year),
        Lang::En => format!("{} {}, {} at {time}", EN_MONTHS[m], t.day, t.year),
    }
}

/// The time of day: 24-hour in Ukrainian and Russian, 12-hour in English. CLDR has a narrow
/// no-break space before AM/PM; browsers print a plain space (Chromium reverted the change for
/// compatibility), and so does this.
fn clock(lang: Lang, t: &WallClock) -> String {
    match lang {
        Lang::Uk | Lang::Ru => format!("{:02}:{:02}", t.hour, t.minute),
        Lang::En => {
            let (hour, half) = match t.hour {
                0 => (12, "AM"),
                1..=11 => (t.hour, "AM"),
                12 => (12, "PM"),
                _ => (t.hour - 12, "PM"),
            };
            format!("{hour}:{:02} {half}", t.minute)
        }
    }
}

/// A date alone, for lists ("14 черв. 2024 р.", "Jun 14, 2024", "14 июн. 2024 г.").
pub fn date_medium(lang: Lang, rfc3339: &str) -> String {
    let Some(t) = wall_clock(rfc3339) else {
        return rfc3339.to_string();
    };
    let m = t.month - 1;
    match lang {
        Lang::Uk => format!("{} {} {} р.", t.day, UK_MONTHS_SHORT[m], t.year),
        Lang::Ru => format!("{} {} {} г.", t.day, RU_MONTHS_SHORT[m], t.year),
        Lang::En => format!("{} {}, {}", &EN_MONTHS[m][..3], t.day, t.year),
    }
}

/// A day, for the date headings of a list ("14 червня 2024 р.", "June 14, 2024",
/// "14 июня 2024 г."). `date` is `YYYY-MM-DD` or a whole timestamp.
pub fn date_long(lang: Lang, date: &str) -> String {
    let day = date.get(..10).unwrap_or(date);
    let Some(t) = wall_clock(&format!("{day}T00:00:00Z")) else {
        return date.to_string();
    };
    let m = t.month - 1;
    match lang {
        Lang::Uk => format!("{} {} {} р.", t.day, UK_MONTHS[m], t.year),
        Lang::Ru => format!("{} {} {} г.", t.day, RU_MONTHS[m], t.year),
        Lang::En => format!("{} {}, {}", EN_MONTHS[m], t.day, t.year),
    }
}

/// The time of day alone ("10:05", "10:05 AM"), as the newsroom wrote it.
pub fn time_short(lang: Lang, rfc3339: &str) -> String {
    match wall_clock(rfc3339) {
        Some(t) => clock(lang, &t),
        None => rfc3339.to_string(),
    }
}

/// A month as a heading ("Червень 2024", "June 2024", "Июнь 2024").
pub fn month_year(lang: Lang, year: u16, month: u8) -> String {
    let m = (month.clamp(1, 12) - 1) as usize;
    let name = match lang {
        Lang::Uk => UK_MONTHS_NOMINATIVE[m],
        Lang::Ru => RU_MONTHS_NOMINATIVE[m],
        Lang::En => EN_MONTHS[m],
    };
    format!("{name} {year}")
}

const UK_MONTHS_NOMINATIVE: [&str; 12] = [
    "Січень",
    "Лютий",
    "Березень",
    "Квітень",
    "Травень",
    "Червень",
    "Липень",
    "Серпень",
    "Вересень",
    "Жовтень",
    "Листопад",
    "Грудень",
];

const RU_MONTHS_NOMINATIVE: [&str; 12] = [
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
];

/// A count with the language's digit grouping: "15 772" (no-break space) in Ukrainian and
/// Russian, "15,772" in English.
pub fn count(lang: Lang, n: u64) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Uk | Lang::Ru => '\u{a0}',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
