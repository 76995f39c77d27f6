//! The app shell Trunk builds (`404.html`: head with hashed assets, an empty body), turned into a
//! complete page: language, title, description, metadata, the data the page was rendered from,
//! and the rendered body.

use trimova_core::translate::markup::escape;
use trimova_core::Lang;

pub struct Shell {
    html: String,
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
    pub fn new(html: String) -> Result<Shell, String> {
        for needle in ["<html lang=\"", "<title>", "</head>", "<body", "</body>"] {
            if !html.contains(needle) {
                return Err(format!("the app shell has no {needle}"));
            }
        }
        Ok(Shell { html })
    }

    /// The path the site is served under, from `<base href>` (Trunk writes its `public_url`).
    pub fn base(&self) -> String {
        between(&self.html, "<base href=\"", "\"")
            .map(|(from, to)| self.html[from..to].to_string())
            .unwrap_or_else(|| "/".into())
    }

    pub fn page(&self, page: &Page) -> Result<String, String> {
        let mut html = replace(&self.html, "<html lang=\"", "\"", page.lang.code())?;
        html = replace(&html, "<title>", "</title>", &escape(page.title))?;
        if html.contains("<meta name=\"description\" content=\"") {
            html = replace(
                &html,
                "<meta name=\"description\" content=\"",
                "\"",
                &escape(page.description),
            )?;
        }
        // On a page that already reads, nothing may compete with the stylesheet for the network:
        // the wasm and config.json are asked for by the script once it runs, not preloaded.
        html = remove_tags(&html, "<link rel=\"preload\"");
        html = remove_tags(&html, "<link rel=\"modulepreload\"");
        let head = format!("{}\n    {}\n  </head>", page.head, page.data);
        html = html.replacen("</head>", &head, 1);
        let open = html.find("<body").ok_or("the app shell has no <body>")?;
        let open_end = open + html[open..].find('>').ok_or("<body is not closed")? + 1;
        let close = html
            .rfind("</body>")
            .ok_or("the app shell has no </body>")?;
        Ok(format!(
            "{}{}{}",
            &html[..open_end],
            page.body,
            &html[close..]
        ))
    }
}

/// JSON in a `<script type="application/json">` element; `<` is escaped so that no text in it can
/// end the element (the JSON means the same).
pub fn data_script(id: &str, data_id: Option<&str>, json: &str) -> String {
    let data_id = data_id
        .map(|d| format!(" data-id=\"{}\"", escape(d)))
        .unwrap_or_default();
    format!(
        "<script type=\"application/json\" id=\"{id}\"{data_id}>{}</script>",
        json.trim().replace('<', "\\u003c")
    )
}

fn between(text: &str, start: &str, end: &str) -> Option<(usize, usize)> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some((from, to))
}

fn replace(text: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let (from, to) =
        between(text, start, end).ok_or_else(|| format!("the app shell has no {start}…{end}"))?;
    Ok(format!("{}{with}{}", &text[..from], &text[to..]))
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
                data: &data_script("trimova-article", Some("a-1"), "{\"t\":\"</script>\"}"),
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
    }

    #[test]
    fn a_shell_that_is_not_one_is_refused() {
        assert!(Shell::new("<p>hello</p>".into()).is_err());
    }
}
