use super::*;
use crate::article::unmarked;

fn run(text: &str) -> Run {
    Run {
        text: text.into(),
        ..Run::default()
    }
}

#[test]
fn marks_and_links_round_trip() {
    let runs = vec![
        run("Сказав "),
        Run {
            text: "Шін".into(),
            strong: true,
            ..Run::default()
        },
        run(" для "),
        Run {
            text: "Bloomberg".into(),
            em: true,
            href: Some("https://bloomberg.com/".into()),
            ..Run::default()
        },
        run(" & <інші>"),
    ];
    let terms = vec!["Bloomberg".to_string()];
    let mut links = vec![];
    let html = runs_to_html(&runs, &terms, &mut links);
    assert_eq!(
        html,
        "Сказав <b>Шін</b> для <a href=\"0\"><i><span data-k=\"0\"></span></i></a> &amp; &lt;інші&gt;"
    );
    assert_eq!(links, ["https://bloomberg.com/"]);
    assert_eq!(html_to_runs(&html, &links, &terms), runs);
}

#[test]
fn unsafe_links_are_not_sent() {
    let mut links = vec![];
    let runs = vec![Run {
        text: "x".into(),
        href: Some("javascript:alert(1)".into()),
        ..Run::default()
    }];
    assert_eq!(runs_to_html(&runs, &[], &mut links), "x");
    assert!(links.is_empty());
}

#[test]
fn protects_whole_words_only() {
    let terms = vec!["UNN".to_string(), "Ольга Розгон".to_string()];
    assert_eq!(
        protect("UNN, UNNX і Ольга Розгон.", &terms),
        "<span data-k=\"0\"></span>, UNNX і <span data-k=\"1\"></span>."
    );
    assert_eq!(protect("aUNN", &terms), "aUNN");
}

#[test]
fn answers_are_untrusted() {
    let links = vec!["https://ok.example/".to_string()];
    let runs = html_to_runs(
        "<script>x</script><img src=x onerror=y><a href=\"7\">no</a> <a href='0'>yes</a> &#1050;&#x438;&nbsp;&bogus; 1 < 2",
        &links,
        &[],
    );
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, "xno yes Ки\u{a0}&bogus; 1 < 2");
    assert_eq!(runs.iter().filter(|r| r.href.is_some()).count(), 1);
    assert_eq!(runs.iter().find(|r| r.href.is_some()).unwrap().text, "yes");
}

#[test]
fn words_left_untranslated_stay_marked() {
    let runs = html_to_runs("Улица <b><mark>Соборна</mark> закрыта</b>", &[], &[]);
    assert_eq!(
        runs,
        [
            run("Улица "),
            Run {
                text: "Соборна".into(),
                strong: true,
                untranslated: true,
                ..Run::default()
            },
            Run {
                text: " закрыта".into(),
                strong: true,
                ..Run::default()
            },
        ]
    );
    assert_eq!(
        unmarked(&html_to_runs("вулиця <mark>Соборна</mark>", &[], &[])),
        ("вулиця Соборна".to_string(), vec![[7, 14]])
    );
}

#[test]
fn plain_fields_lose_tags_but_keep_terms() {
    assert_eq!(
        unmarked(&html_to_runs(
            "Пише <b><span data-k=\"0\"></span></b> &amp; інші",
            &[],
            &["UNN".into()]
        )),
        ("Пише UNN & інші".to_string(), vec![])
    );
}
