//! CLDR plural categories for the three edition languages (integers only: counts of views, minutes).
//!
//! The browser's `Intl.PluralRules` gives the same answer; this copy exists so that the choice is
//! testable natively and so that strings can be picked without a round trip through JavaScript.

use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The CLDR keyword, as `Intl.PluralRules.prototype.select` returns it.
    pub fn keyword(self) -> &'static str {
        match self {
            PluralCategory::One => "one",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// CLDR cardinal rule for an integer `n` in `lang`.
pub fn plural_category(lang: Lang, n: u64) -> PluralCategory {
    match lang {
        Lang::En => {
            if n == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Other
            }
        }
        // Ukrainian and Russian share the East Slavic rule.
        Lang::Uk | Lang::Ru => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                PluralCategory::One
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                PluralCategory::Few
            } else {
                PluralCategory::Many
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralCategory::*;

    #[test]
    fn east_slavic_rule() {
        let cases = [
            (0, Many),
            (1, One),
            (2, Few),
            (4, Few),
            (5, Many),
            (11, Many),
            (12, Many),
            (14, Many),
            (21, One),
            (22, Few),
            (111, Many),
            (15772, Few),
            (1001, One),
        ];
        for (n, want) in cases {
            assert_eq!(plural_category(Lang::Uk, n), want, "uk {n}");
            assert_eq!(plural_category(Lang::Ru, n), want, "ru {n}");
        }
    }

    #[test]
    fn english_rule() {
        assert_eq!(plural_category(Lang::En, 1), One);
        for n in [0, 2, 11, 21, 15772] {
            assert_eq!(plural_category(Lang::En, n), Other, "en {n}");
        }
    }
}
