//! The `trimova` binary as a newsroom runs it: output, files written, exit status.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn trimova(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trimova"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trimova-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const EN_PAGE: &str = " date 2026-03-02 ukenru\nA bridge reopens\nA bridge reopens\nDnipro  •  TRB\n • 1 204 views\nThe old bridge carries trams again.\nThe repairs took two winters.\nDetails\nCrews replaced every bearing.\nWe are proud of the work\n- the foreman said.\nIvana Petrenko\nIvana Petrenko\n";
const UK_PAGE: &str = " date 2026-03-02 ukenru\nМіст знову відкрито\nДніпро  •  TRB\n • 1 204 перегляди\nСтарим мостом знову їздять трамваї.\nРемонт тривав дві зими.\nІвана Петренко\n";

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn one_page_prints_its_article() {
    let dir = scratch("one");
    let page = write(&dir, "page.txt", EN_PAGE);
    let out = trimova(&["import", &page]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let article = trimova_core::article::parse_article(&text(&out.stdout), None).unwrap();
    assert_eq!(article.id, "a-bridge-reopens-2026-03");
    assert_eq!(article.source.as_deref(), Some("TRB"));
    assert_eq!(article.views, Some(1204));
    assert_eq!(
        article.editions[&trimova_core::Lang::En].authors,
        ["Ivana Petrenko"]
    );
}

#[test]
fn pages_given_one_id_are_the_editions_of_one_article() {
    let dir = scratch("merge");
    let en = write(&dir, "en.txt", EN_PAGE);
    let uk = write(&dir, "uk.txt", UK_PAGE);
    let target = dir.join("out.json");
    let out = trimova(&[
        "import",
        "--id",
        "bridge-2026-03",
        "-o",
        target.to_str().unwrap(),
        &uk,
        &en,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let article = trimova_core::article::parse_article(
        &std::fs::read_to_string(&target).unwrap(),
        Some("bridge-2026-03"),
    )
    .unwrap();
    assert_eq!(article.original, trimova_core::Lang::Uk);
    assert_eq!(
        article.languages(),
        [trimova_core::Lang::Uk, trimova_core::Lang::En]
    );
}

#[test]
fn a_folder_of_pages_becomes_a_folder_of_articles_and_bad_pages_are_named() {
    let dir = scratch("folder");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    write(&pages, "1.txt", EN_PAGE);
    write(&pages, "2.txt", UK_PAGE);
    write(&pages, "3.txt", "not a page at all\n");
    let out_dir = dir.join("articles");
    let out = trimova(&[
        "import",
        "-o",
        &format!("{}/", out_dir.display()),
        pages.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("3.txt: line 1:"),
        "{}",
        text(&out.stderr)
    );
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "a-bridge-reopens-2026-03.json",
            "mist-znovu-vidkryto-2026-03.json"
        ]
    );
    let out = trimova(&["validate", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn exit_status_tells_input_problems_from_usage_errors() {
    let dir = scratch("status");
    let garbage = write(&dir, "garbage.txt", "\u{0}\u{1}binary?\n");
    let out = trimova(&["import", &garbage]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("garbage.txt: line 1"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(trimova(&["import"]).status.code(), Some(2));
    assert_eq!(
        trimova(&["import", "--lang", "de", &garbage]).status.code(),
        Some(2)
    );
    assert_eq!(trimova(&["frobnicate"]).status.code(), Some(2));
    let a = write(&dir, "a.txt", EN_PAGE);
    let b = write(&dir, "b.txt", EN_PAGE);
    assert_eq!(
        trimova(&["import", &a, &b]).status.code(),
        Some(2),
        "several articles need -o"
    );
    assert!(trimova(&["--help"]).status.success());
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let dir = scratch("validate");
    let bad = r#"{"format": "trimova.article/1", "id": "bad", "published": "soon", "original": "uk",
      "editions": {"uk": {"title": "", "body": [{"type": "paragraph"}, {"type": "heading", "text": 3}]}}}"#;
    let file = write(&dir, "bad.json", bad);
    let out = trimova(&["validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].ends_with("bad.json: editions.uk.body[0]: missing field `text`"),
        "{lines:?}"
    );
    assert!(lines[1].contains("editions.uk.body[1]"), "{lines:?}");
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/articles");
    assert!(trimova(&["validate", samples]).status.success());
}
