//! Inline text as the HTML that translation services keep marks in, and back.
//!
//! Marks travel as `<b>`, `<i>` and `<a href="N">` (N indexes the edition's own link list, so URLs
//! are never sent, translated or trusted from the answer). Protected terms (glossary, names) travel
//! as empty `<span data-k="N"></span>` elements, which services pass through untouched, and come
//! back as the original term. The answer is untrusted: only these shapes are understood, any other
//! tag is dropped, and what comes out is runs of text.

use crate::article::Run;
use crate::html::{escape, unescape};

/// Escapes `text`, replacing whole-word occurrences of `terms` with placeholders.
pub fn protect(text: &str, terms: &[String]) -> String {
    let mut out = String::new();
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for (i, term) in terms.iter().enumerate() {
            if term.is_empty() || !rest.starts_with(term.as_str()) {
                continue;
            }
            let before_ok = !preceded_by_word_char(text, rest);
            let after_ok = !rest[term.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if before_ok && after_ok {
                out.push_str(&format!("<span data-k=\"{i}\"></span>"));
                rest = &rest[term.len()..];
                continue 'scan;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push_str(&escape(&c.to_string()));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether the character just before `rest` in `text` is part of a word.
fn preceded_by_word_char(text: &str, rest: &str) -> bool {
    let consumed = text.len() - rest.len();
    text[..consumed]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Runs as an HTML fragment; link targets are appended to `links` and referenced by index.
pub fn runs_to_html(runs: &[Run], terms: &[String], links: &mut Vec<String>) -> String {
    let mut out = String::new();
    for run in runs {
        let mut piece = protect(&run.text, terms);
        if run.em {
            piece = format!("<i>{piece}</i>");
        }
        if run.strong {
            piece = format!("<b>{piece}</b>");
        }
        if let Some(href) = run.safe_href() {
            links.push(href.to_string());
            piece = format!("<a href=\"{}\">{piece}</a>", links.len() - 1);
        }
        out.push_str(&piece);
    }
    out
}

/// Parses a translated fragment back into runs. `links` and `terms` are those the fragment was
/// made with; unknown tags, unknown link numbers and unknown placeholders are dropped.
pub fn html_to_runs(html: &str, links: &[String], terms: &[String]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // Open elements of each kind: (strong, em, untranslated).
    let mut depth = [0u32; 3];
    let mut href: Option<String> = None;
    let mut rest = html;
    let mut push = |text: String, depth: &[u32; 3], href: &Option<String>| {
        if text.is_empty() {
            return;
        }
        let [strong, em, untranslated] = depth.map(|d| d > 0);
        match runs.last_mut() {
            Some(last)
                if last.strong == strong
                    && last.em == em
                    && last.untranslated == untranslated
                    && last.href == *href =>
            {
                last.text.push_str(&text)
            }
            _ => runs.push(Run {
                text,
                strong,
                em,
                href: href.clone(),
                untranslated,
            }),
        }
    };
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            push(unescape(rest), &depth, &href);
            break;
        };
        push(unescape(&rest[..open]), &depth, &href);
        rest = &rest[open..];
        let Some(close) = rest.find('>') else {
            // A stray '<' is text.
            push(unescape(rest), &depth, &href);
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        match (name.to_ascii_lowercase().as_str(), closing) {
            ("b" | "strong", false) => depth[0] += 1,
            ("b" | "strong", true) => depth[0] = depth[0].saturating_sub(1),
            ("i" | "em", false) => depth[1] += 1,
            ("i" | "em", true) => depth[1] = depth[1].saturating_sub(1),
            // How a provider's own mark for a word it did not know reaches us
            // (`provider::UNTRANSLATED`).
            ("mark", false) => depth[2] += 1,
            ("mark", true) => depth[2] = depth[2].saturating_sub(1),
            ("a", false) => {
                href = attribute(tag, "href")
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| links.get(n).cloned())
            }
            ("a", true) => href = None,
            ("span", false) => {
                if let Some(term) = attribute(tag, "data-k")
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| terms.get(n))
                {
                    push(term.clone(), &depth, &href);
                }
            }
            _ => {}
        }
    }
    runs
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let quote = value.chars().next()?;
    if quote == '"' || quote == '\'' {
        value[1..].split(quote).next().map(String::from)
    } else {
        value
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .map(String::from)
    }
}

#[cfg(test)]
mod tests;
