//! A light stemmer for Ukrainian: no registry carries a Snowball algorithm for it (frostem,
//! rust-stemmers, waken_snowball, tantivy-stemmers and Snowball 3.1's own Python build have
//! Russian and none for Ukrainian), so this strips inflectional endings the way Snowball's Russian
//! stemmer does, with Ukrainian's endings: within the word after its first vowel, the longest
//! ending of a reflexive verb, then of an adjective, a verb or a noun, then a final soft sign.
//! Light on purpose: a search wants "фортеця" and "фортеці" to meet, not a dictionary's lemma.

/// The vowels that open the region endings may be taken from.
const VOWELS: &[char] = &['а', 'е', 'є', 'и', 'і', 'ї', 'о', 'у', 'ю', 'я'];

/// Reflexive verb endings (`дивитися`, `дивлюсь`).
const REFLEXIVE: &[&str] = &["ся", "сь"];

/// Adjective and participle endings, every case, number and gender (`стародавньої`,
/// `стародавніми`, `новий`).
const ADJECTIVE: &[&str] = &[
    "ього", "ьому", "ого", "ому", "ими", "іми", "ий", "ій", "ім", "им", "их", "іх", "ої", "ою",
    "ею", "ая", "яя", "ее", "ие", "іє", "а", "я", "е", "є", "у", "ю", "і",
];

/// Verb endings: infinitive, present and future, past, imperative (`відкривати`, `відкривають`,
/// `відкривала`).
const VERB: &[&str] = &[
    "увати",
    "ювати",
    "ували",
    "ювали",
    "увала",
    "ювала",
    "ував",
    "ював",
    "аємо",
    "аєте",
    "ають",
    "яють",
    "ують",
    "юють",
    "аєш",
    "ати",
    "яти",
    "іти",
    "ити",
    "оти",
    "ете",
    "ємо",
    "емо",
    "имо",
    "ите",
    "ють",
    "ять",
    "ать",
    "уть",
    "ить",
    "ало",
    "ала",
    "али",
    "ила",
    "или",
    "ило",
    "іла",
    "іли",
    "іло",
    "ав",
    "ив",
    "ів",
    "ає",
    "ує",
    "ює",
    "ть",
    "ти",
    "ла",
    "ли",
    "ло",
    "в",
];

/// Noun endings, every case and number (`фортеця`, `фортецею`, `містами`, `вулицях`).
const NOUN: &[&str] = &[
    "ами", "ями", "ові", "еві", "єві", "ом", "ем", "єм", "ою", "ею", "єю", "ах", "ях", "ів", "їв",
    "ей", "а", "я", "о", "е", "є", "у", "ю", "и", "і", "ї", "ь", "й",
];

/// The stem of a folded Ukrainian word.
pub fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    // Endings come from after the first vowel, and leave at least one letter after it.
    let Some(first_vowel) = chars.iter().position(|c| VOWELS.contains(c)) else {
        return word.to_string();
    };
    let region = first_vowel + 1;
    let mut end = chars.len();
    let strip = |end: &mut usize, endings: &[&str]| -> bool {
        let tail: String = chars[..*end].iter().collect();
        let longest = endings
            .iter()
            .filter(|e| tail.ends_with(*e))
            .map(|e| e.chars().count())
            .filter(|n| *end > region + n)
            .max();
        match longest {
            Some(n) => {
                *end -= n;
                true
            }
            None => false,
        }
    };
    strip(&mut end, REFLEXIVE);
    // An adjective's ending, else a verb's, else a noun's: the longest of the three, so that
    // `стародавньої` loses `ьої`, not only `ї`.
    let before = end;
    let mut best = before;
    for endings in [ADJECTIVE, VERB, NOUN] {
        let mut candidate = before;
        if strip(&mut candidate, endings) {
            best = best.min(candidate);
        }
    }
    end = best;
    // A soft sign left at the end belongs to the ending (`стародавнь-ої`, `стародавн-я`).
    if end > region + 1 && chars[end - 1] == 'ь' {
        end -= 1;
    }
    chars[..end].iter().collect()
}
