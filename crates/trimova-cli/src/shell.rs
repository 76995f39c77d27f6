//! The app shell Trunk builds (`404.html`: head with hashed assets, an empty body), turned into a
//! complete page: language, title, description, metadata, the data the page was rendered from,
//! and the rendered body.

use crate::failure::Failure;
use trimova_core::html::escape;
use trimova_core::Lang;

pub struct Shell {
    html: String,
    /// The shell without its preload tags, and the spans of it that each page fills with its
    /// own parts, in order (computed once: a build makes 100,000 pages).
    text: String,
    slots: Vec<(usize, usize, Slot)>,
}

#[derive(Clone, Copy)]
enum Slot {
    Lang,
    Title,
    Description,
    /// Just before `</head>` (an empty span).
    Head,
    Body,
}

/// One page to write.
pub struct Page<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub description: &'a str,
    /// Tags added to `<head>`: canonical, alternates, Open Graph, JSON-LD.
    pub head: &'a str,
    /// The `<script type="application/json">` holding the data the body was rendered from.
    pub data: &'a str,
    /// The rendered `<body>` content.
    pub body: &'a str,
}

impl Shell {
    pub fn new(html: String) -> Result<Shell, Failure> {
        for needle in ["<html lang=\"", "<title>", "</head>", "<body", "</body>"] {
            if !html.contains(needle) {
                return Err(format!("the app shell has no {needle}").into());
            }
        }
        // On a page that already reads, nothing may compete with the stylesheet for the network:
        // the wasm and config.json are asked for by the app once it runs, not preloaded, and the
        // app itself once the page has painted (the shell's inline script, src/paint-first.js).
        let text = remove_tags(&html, "<link rel=\"preload\"");
        let text = remove_tags(&text, "<link rel=\"modulepreload\" href=");
        let span = |start: &str, end: &str| {
            between(&text, start, end).ok_or_else(|| format!("the app shell has no {start}…{end}"))
        };
        let (lang, lang_end) = span("<html lang=\"", "\"")?;
        let (title, title_end) = span("<title>", "</title>")?;
        let head = text.find("</head>").ok_or("the app shell has no </head>")?;
        let open = text.find("<body").ok_or("the app shell has no <body>")?;
        let open_end = open + text[open..].find('>').ok_or("<body is not closed")? + 1;
        let close = text
            .rfind("</body>")
            .ok_or("the app shell has no </body>")?;
        let mut slots = vec![
            (lang, lang_end, Slot::Lang),
            (title, title_end, Slot::Title),
            (head, head, Slot::Head),
            (open_end, close, Slot::Body),
        ];
        if let Some((from, to)) = between(&text, "<meta name=\"description\" content=\"", "\"") {
            slots.push((from, to, Slot::Description));
        }
        slots.sort_by_key(|(from, _, _)| *from);
        if slots.windows(2).any(|w| w[0].1 > w[1].0) {
            return Err("the app shell's head and body overlap".into());
        }
        Ok(Shell { html, text, slots })
    }

    /// The path the site is served under, from `<base href>` (Trunk writes its `public_url`).
    pub fn base(&self) -> String {
        between(&self.html, "<base href=\"", "\"")
            .map(|(from, to)| self.html[from..to].to_string())
            .unwrap_or_else(|| "/".into())
    }

    pub fn page(&self, page: &Page) -> Result<String, Failure> {
        let mut html =
            String::with_capacity(self.text.len() + page.body.len() + page.data.len() + 4096);
        let mut at = 0;
        for &(from, to, slot) in &self.slots {
            html.push_str(&self.text[at..from]);
            match slot {
                Slot::Lang => html.push_str(page.lang.code()),
                Slot::Title => html.push_str(&escape(page.title)),
                Slot::Description => html.push_str(&escape(page.description)),
                Slot::Head => {
                    html.push_str(page.head);
                    html.push_str("\n    ");
                    html.push_str(page.data);
                    html.push_str("\n  ");
                }
                Slot::Body => html.push_str(page.body),
            }
            at = to;
        }
        html.push_str(&self.text[at..]);
        Ok(html)
    }
}

/// JSON in a `<script type="application/json">` element; `<` is escaped so that no text in it can
/// end the element (the JSON means the same). `file` is the site's file it is a copy of (relative
/// to the site's base), which the service worker keeps for reading offline (src/sw.js).
pub fn data_script(id: &str, file: &str, data_id: Option<&str>, json: &str) -> String {
    let data_id = data_id
        .map(|d| format!(" data-id=\"{}\"", escape(d)))
        .unwrap_or_default();
    format!(
        "<script type=\"application/json\" id=\"{id}\" data-file=\"{}\"{data_id}>{}</script>",
        escape(file),
        json.trim().replace('<', "\\u003c")
    )
}

/// The JSON a page's data script `id` carries (as [`data_script`] wrote it: `<` escaped inside
/// JSON strings, where the escape reads back as the same text).
pub fn read_data_script<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let tag = html.find(&format!(" id=\"{id}\""))?;
    let from = tag + html[tag..].find('>')? + 1;
    let to = from + html[from..].find("</script>")?;
    Some(&html[from..to])
}

fn between(text: &str, start: &str, end: &str) -> Option<(usize, usize)> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some((from, to))
}

/// Removes every tag starting with `start` (to its `>`), with the line's leading indentation.
fn remove_tags(text: &str, start: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(start) {
        let Some(len) = rest[at..].find('>') else {
            break;
        };
        out.push_str(rest[..at].trim_end_matches([' ', '\t']));
        rest = &rest[at + len + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"uk\">\n  <head>\n    <meta name=\"description\" content=\"x\" />\n    <title>Trimova</title>\n    <base href=\"/news/\" />\n    <link rel=\"modulepreload\" href=\"/news/app.js\" crossorigin=\"anonymous\">\n    <link rel=\"preload\" href=\"/news/app.wasm\" as=\"fetch\" type=\"application/wasm\">\n    <link rel=\"stylesheet\" href=\"/news/main.css\">\n  </head>\n  <body>\n    <noscript>needs JS</noscript>\n  </body>\n</html>\n";

    #[test]
    fn a_page_is_the_shell_with_its_language_head_data_and_body() {
        let shell = Shell::new(SHELL.into()).unwrap();
        assert_eq!(shell.base(), "/news/");
        let html = shell
            .page(&Page {
                lang: Lang::En,
                title: "A & B — Trimova",
                description: "Say \"hi\"",
                head: "<link rel=\"canonical\" href=\"https://x/\" />",
                data: &data_script(
                    "trimova-article-data",
                    "articles/a-1.json",
                    Some("a-1"),
                    "{\"t\":\"</script>\"}",
                ),
                body: "<main>text</main>",
            })
            .unwrap();
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains("<title>A &amp; B — Trimova</title>"));
        assert!(html.contains("content=\"Say &quot;hi&quot;\""));
        assert!(html.contains("<body><main>text</main></body>"), "{html}");
        assert!(
            !html.contains("noscript"),
            "the apology goes where content is"
        );
        assert!(!html.contains("preload"), "{html}");
        assert!(html.contains("main.css"));
        assert!(
            html.contains(r#"{"t":"\u003c/script>"}</script>"#),
            "{html}"
        );
        assert!(html.contains("<link rel=\"canonical\""));
        // What the search index reads back of an article from its page: the same JSON value.
        let carried = read_data_script(&html, "trimova-article-data").unwrap();
        let value: serde_json::Value = serde_json::from_str(carried).unwrap();
        assert_eq!(value["t"], "</script>");
        assert_eq!(read_data_script(&html, "trimova-list-data"), None);
    }

    #[test]
    fn a_shell_that_is_not_one_is_refused() {
        assert!(Shell::new("<p>hello</p>".into()).is_err());
    }
}
