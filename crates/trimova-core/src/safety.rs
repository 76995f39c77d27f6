//! Which URLs from untrusted article data may become live links or image sources.
//!
//! Article text and (later) machine translations come from outside the app. Text is always rendered
//! as text nodes; URLs are the remaining way in, so they are allow-listed by scheme here.

/// Links may point to http(s) pages or open a mail client; nothing else (no `javascript:`, `data:`).
pub fn is_safe_link(href: &str) -> bool {
    matches!(scheme(href), Some(s) if s == "http" || s == "https" || s == "mailto")
}

/// Images may be http(s) or relative to the site; never `data:`, `javascript:` or other schemes.
pub fn is_safe_image(src: &str) -> bool {
    let src = src.trim();
    if src.is_empty() || src.starts_with("//") {
        // Protocol-relative URLs inherit whatever scheme the host page has; refuse the ambiguity.
        return false;
    }
    match scheme(src) {
        Some(s) => s == "http" || s == "https",
        None => !src.contains(':') || src.find(':') > src.find(['/', '?', '#']),
    }
}

/// The lower-cased scheme of an absolute URL, ignoring leading whitespace and control characters
/// that browsers also ignore (so ` java\tscript:` is still seen as `javascript`).
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let valid = candidate
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| candidate.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_allow_only_http_https_and_mailto() {
        for ok in [
            "https://unn.ua/x",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG",
            "mailto:desk@example.org",
        ] {
            assert!(is_safe_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "/relative/path",
            "",
            "ftp://example.org",
        ] {
            assert!(!is_safe_link(bad), "{bad:?}");
        }
    }

    #[test]
    fn images_allow_http_https_and_relative() {
        for ok in [
            "https://cdn.example.org/a.jpg",
            "media/map.svg",
            "/media/map.svg",
            "../a.png",
            "a.png?v=1:2",
        ] {
            assert!(is_safe_image(ok), "{ok}");
        }
        for bad in [
            "data:image/svg+xml,<svg>",
            "javascript:alert(1)",
            "//evil.example/a.png",
            "",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_image(bad), "{bad:?}");
        }
    }
}
