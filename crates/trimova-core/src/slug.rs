//! URL slugs for article ids and tag pages: Ukrainian and Russian letters transliterated (the
//! Ukrainian national system, simplified), everything else but Latin letters and digits a hyphen.

/// `text` as a lower-case, hyphenated slug of Latin letters and digits ("" if nothing is left).
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let piece: &str = match c {
            'a'..='z' | '0'..='9' => {
                slug.push(c);
                continue;
            }
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "h",
            'ґ' => "g",
            'д' => "d",
            'е' | 'э' => "e",
            'є' => "ie",
            'ё' => "io",
            'ж' => "zh",
            'з' => "z",
            'и' => "y",
            'ы' => "y",
            'і' => "i",
            'ї' => "i",
            'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ю' => "iu",
            'я' => "ia",
            'ь' | 'ъ' | '\'' | '’' => "",
            _ => "-",
        };
        slug.push_str(piece);
    }
    slug.split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn transliterates_and_hyphenates() {
        assert_eq!(slug("Зустріч у Києві!"), "zustrich-u-kyievi");
        assert_eq!(slug("  КНДР / Росія  "), "kndr-rosiia");
        assert_eq!(slug("Economy 2024"), "economy-2024");
        assert_eq!(slug("???"), "");
    }
}
