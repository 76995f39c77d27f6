//! `trimova pages` as publishing runs it: what an incremental run changes, that it ends where a
//! full build from scratch ends, and that a kill or a full disk never leaves a cut file.

use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use trimova_core::search::index::Node;

/// The app shell the builds start from (Trunk's index.html stands in for its 404.html).
const SHELL: &str = include_str!("../../../index.html");
/// "Now" for the news sitemap, two hours after the newest generated article.
const NOW: i64 = 1_764_676_800; // 2025-12-02T12:00:00Z

fn pages(dist: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trimova"))
        .arg("pages")
        .arg(dist)
        .args(extra)
        .env("SOURCE_DATE_EPOCH", NOW.to_string())
        .env("TRIMOVA_SITE_URL", "https://news.example.org")
        .output()
        .expect("the binary runs")
}

fn ok(out: Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trimova-pages-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::write(dir.join("404.html"), SHELL).unwrap();
    dir
}

/// Article `n`: one every three hours back from NOW, in one or three editions, with one of four
/// tags; `revision` changes its title.
fn article(n: u32, revision: u32) -> String {
    let at = NOW - 7200 - i64::from(n) * 3 * 3600;
    let (days, secs) = (at.div_euclid(86_400), at.rem_euclid(86_400));
    let (y, m, d) = civil(days);
    let published = format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z",
        secs / 3600,
        secs % 3600 / 60
    );
    let edition = |lang: &str, title: &str, translated: bool| {
        let translation = if translated {
            r#", "translation": {"from": "uk", "by": "human"}"#
        } else {
            ""
        };
        format!(
            r#""{lang}": {{"title": "{title} {n} r{revision}", "lead": "Lead {n}", "authors": ["Desk"], "body": [{{"type": "paragraph", "text": "Text of {n}."}}]{translation}}}"#
        )
    };
    let mut editions = vec![edition("uk", "Новина", false)];
    if n.is_multiple_of(2) {
        editions.push(edition("en", "Story", true));
        editions.push(edition("ru", "Новость", true));
    }
    format!(
        r#"{{"format": "trimova.article/1", "id": "a-{n:04}", "published": "{published}", "original": "uk", "tags": ["{}"], "editions": {{{}}}}}"#,
        ["Kyiv", "Energy", "Culture", "Транспорт"][n as usize % 4],
        editions.join(", ")
    )
}

/// Days since 1970-01-01 as a civil date (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn put(dist: &Path, n: u32, revision: u32) {
    let path = dist.join("articles").join(format!("a-{n:04}.json"));
    std::fs::write(path, article(n, revision)).unwrap();
}

/// Every file of the site but the manifest and the lock, with its bytes.
fn snapshot(dist: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                // The manifest and the lock are the run's own.
                if !name.starts_with(".trimova") {
                    out.insert(name, std::fs::read(&path).unwrap());
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dist, dist, &mut out);
    out
}

fn changed(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut names: Vec<String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .chain(before.keys().filter(|k| !after.contains_key(*k)).cloned())
        .collect();
    names.sort();
    names
}

/// The same articles built from scratch in a folder of their own.
fn full_build_of(dist: &Path, name: &str) -> BTreeMap<String, Vec<u8>> {
    let fresh = scratch(name);
    for entry in std::fs::read_dir(dist.join("articles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            fresh.join("articles").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    ok(pages(&fresh, &[]));
    let files = snapshot(&fresh);
    std::fs::remove_dir_all(fresh).unwrap();
    files
}

#[test]
fn publishing_one_article_changes_only_the_pages_it_appears_on() {
    let dist = scratch("one");
    // 40 articles: the newest page holds them all, so one more splits nothing.
    for n in 1..=40 {
        put(&dist, n, 0);
    }
    assert!(ok(pages(&dist, &[])).contains("full build"));
    let before = snapshot(&dist);
    assert!(before.contains_key("uk/a-0002/index.html"));
    assert!(!before.contains_key("en/a-0001/index.html"), "uk only");

    // The newest article, with three editions and the tag "Kyiv"; published 2 h before now.
    put(&dist, 0, 0);
    let summary = ok(pages(&dist, &[]));
    assert!(summary.contains("changes only"), "{summary}");
    let after = snapshot(&dist);
    let mut expected: Vec<String> = vec![
        "articles/a-0000.json".into(),
        "index.html".into(),
        "sitemap.xml".into(),
        "sitemaps/articles-1.xml".into(),
        "sitemaps/lists-newest.xml".into(),
        "sitemaps/news-1.xml".into(),
    ];
    // The search index: its one node (a small archive), the article's summary and the count.
    expected.extend([
        "search/t/x.bin".into(),
        format!("search/d/{:08x}.json", NOW - 7200),
        "search/meta.json".into(),
    ]);
    for lang in ["uk", "en", "ru"] {
        expected.push(format!("{lang}/a-0000/index.html"));
        expected.push(format!("{lang}/feed.xml"));
        for list in ["", "2025/12/", "tag/kyiv/"] {
            expected.push(format!("{lang}/{list}index.html"));
            expected.push(format!("{lang}/{list}list.json"));
        }
    }
    expected.sort();
    assert_eq!(changed(&before, &after), expected);
    assert_eq!(after, full_build_of(&dist, "one-full"));

    // Removing it takes its pages away and puts everything back as it was.
    std::fs::remove_file(dist.join("articles/a-0000.json")).unwrap();
    let summary = ok(pages(&dist, &[]));
    assert!(summary.contains("removed"), "{summary}");
    assert_eq!(snapshot(&dist), before);
    std::fs::remove_dir_all(dist).unwrap();
}

#[test]
fn told_what_changed_a_run_looks_at_those_files_alone_and_ends_where_a_full_build_ends() {
    let dist = scratch("told");
    for n in 1..=12 {
        put(&dist, n, 0);
    }
    // Files this old have a time the run trusts (newer ones are looked at on every run).
    std::thread::sleep(std::time::Duration::from_millis(2100));
    ok(pages(&dist, &[]));
    // What a publishing hook did: one article edited, one added, one removed.
    put(&dist, 3, 1);
    put(&dist, 20, 0);
    std::fs::remove_file(dist.join("articles/a-0005.json")).unwrap();
    // And an edit it does not tell of.
    put(&dist, 7, 1);
    let articles = dist.join("articles");
    let given = |n: u32| articles.join(format!("a-{n:04}.json"));
    let mut told = Vec::new();
    for n in [3, 20, 5] {
        told.push("--changed".to_string());
        told.push(given(n).display().to_string());
    }
    let told: Vec<&str> = told.iter().map(String::as_str).collect();
    let summary = ok(pages(&dist, &told));
    assert!(summary.contains("changes only"), "{summary}");
    let site = snapshot(&dist);
    let page =
        |n: u32| String::from_utf8_lossy(&site[&format!("uk/a-{n:04}/index.html")]).into_owned();
    assert!(page(3).contains("Новина 3 r1"));
    assert!(page(20).contains("Новина 20 r0"));
    assert!(!site.contains_key("uk/a-0005/index.html"));
    // The change it was not told of waits for a run that looks at every file.
    assert!(page(7).contains("Новина 7 r0"));
    let summary = ok(pages(&dist, &[]));
    assert!(summary.contains("rendered 1 edition pages"), "{summary}");
    assert_eq!(snapshot(&dist), full_build_of(&dist, "told-full"));

    // Only the site's own article files can be named.
    let elsewhere = std::env::temp_dir().join("a-0001.json");
    let out = pages(&dist, &["--changed", &elsewhere.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an article file of"));
    let out = pages(
        &dist,
        &[
            "--changed",
            &articles.join("index.json").display().to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(dist).unwrap();
}

#[test]
fn the_article_that_opens_a_new_list_page_rewrites_three_pages_of_the_listing_not_all() {
    let dist = scratch("split");
    // 119 articles: pages 1 and 2 of 30, the newest (page 3) of 59; one more makes four pages.
    for n in 1..=119 {
        put(&dist, n, 0);
    }
    ok(pages(&dist, &[]));
    let before = snapshot(&dist);
    put(&dist, 0, 0);
    ok(pages(&dist, &[]));
    let after = snapshot(&dist);
    let latest: Vec<String> = changed(&before, &after)
        .into_iter()
        .filter(|f| f.starts_with("uk/") && (f.starts_with("uk/page/") || !f[3..].contains('/')))
        .collect();
    assert_eq!(
        latest,
        [
            "uk/feed.xml",
            "uk/index.html",
            "uk/list.json",
            "uk/page/2/index.html",
            "uk/page/2/list.json",
            "uk/page/3/index.html",
            "uk/page/3/list.json",
        ],
        "page 1 is as it was; page 2 only links to page 3 instead of the newest"
    );
    assert!(String::from_utf8_lossy(&after["uk/page/2/index.html"]).contains("/uk/page/3/"));
    assert_eq!(after, full_build_of(&dist, "split-full"));
    std::fs::remove_dir_all(dist).unwrap();
}

#[test]
fn a_new_shell_or_full_renders_everything_and_a_rerun_renders_nothing() {
    let dist = scratch("shell");
    for n in 1..=5 {
        put(&dist, n, 0);
    }
    ok(pages(&dist, &[]));
    let rerun = ok(pages(&dist, &[]));
    assert!(
        rerun.contains("rendered 0 edition pages, 0 list pages, 0 sitemaps and feeds"),
        "{rerun}"
    );
    assert!(ok(pages(&dist, &["--full"])).contains("full build"));
    std::fs::write(
        dist.join("404.html"),
        SHELL.replace("</head>", "<meta name=x content=y></head>"),
    )
    .unwrap();
    assert!(ok(pages(&dist, &[])).contains("full build"));
    std::fs::remove_dir_all(dist).unwrap();
}

#[derive(Clone, Debug)]
enum Edit {
    Add(u32),
    Revise(u32),
    Remove(u32),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0u32..90).prop_map(Edit::Add),
        (0u32..90).prop_map(Edit::Revise),
        (0u32..90).prop_map(Edit::Remove),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever a newsroom adds, edits and removes, in whatever order, the site ends as a full
    /// build of the same articles would have it, byte for byte.
    #[test]
    fn incremental_runs_end_where_a_full_build_does(edits in prop::collection::vec(prop::collection::vec(edit(), 1..6), 1..4)) {
        let dist = scratch("prop");
        for n in 20..85 {
            put(&dist, n, 0);
        }
        ok(pages(&dist, &[]));
        let mut revision = 1;
        for run in &edits {
            for edit in run {
                match *edit {
                    Edit::Add(n) => put(&dist, n, 0),
                    Edit::Revise(n) => {
                        revision += 1;
                        put(&dist, n, revision)
                    }
                    Edit::Remove(n) => {
                        let _ = std::fs::remove_file(dist.join(format!("articles/a-{n:04}.json")));
                    }
                }
            }
            ok(pages(&dist, &[]));
        }
        prop_assert_eq!(snapshot(&dist), full_build_of(&dist, "prop-full"));
        std::fs::remove_dir_all(dist).unwrap();
    }
}

/// Articles published in the same second share a second of keys: one that comes or goes moves
/// the others' keys, and their search summaries and postings move with them.
#[test]
fn articles_of_one_second_keep_a_search_index_like_a_full_builds() {
    let dist = scratch("same-second");
    let same_second = |n: u32| {
        let text = article(n, 0);
        let at = text.find("\"published\": \"").unwrap() + 14;
        format!("{}2025-11-30T10:00:00Z{}", &text[..at], &text[at + 20..])
    };
    for n in 1..=4 {
        let path = dist.join("articles").join(format!("a-{n:04}.json"));
        std::fs::write(path, same_second(n)).unwrap();
    }
    ok(pages(&dist, &[]));
    let docs = |dist: &Path| {
        std::fs::read_dir(dist.join("search/d"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(docs(&dist).len(), 4, "four keys in one run of seconds");
    // The first of the second goes: the three after it each move one key back.
    std::fs::remove_file(dist.join("articles/a-0001.json")).unwrap();
    ok(pages(&dist, &[]));
    assert_eq!(docs(&dist).len(), 3);
    assert_eq!(snapshot(&dist), full_build_of(&dist, "same-second-full"));
    // And it comes back.
    std::fs::write(dist.join("articles/a-0001.json"), same_second(1)).unwrap();
    ok(pages(&dist, &[]));
    assert_eq!(snapshot(&dist), full_build_of(&dist, "same-second-full-2"));
    std::fs::remove_dir_all(dist).unwrap();
}

/// What the index held of a changed article is read from its pages; with them gone, the run says
/// which article and what to do, and `--full` puts everything right.
#[test]
fn an_edited_article_whose_pages_are_gone_asks_for_a_full_build() {
    let dist = scratch("page-gone");
    for n in 1..=3 {
        put(&dist, n, 0);
    }
    ok(pages(&dist, &[]));
    // Article 3 has one edition, whose page is gone.
    std::fs::remove_dir_all(dist.join("uk/a-0003")).unwrap();
    put(&dist, 3, 1);
    let out = pages(&dist, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("articles/a-0003.json")
            && stderr.contains("uk/a-0003/index.html")
            && stderr.contains("trimova pages --full"),
        "{stderr}"
    );
    assert!(ok(pages(&dist, &["--full"])).contains("full build"));
    assert_eq!(snapshot(&dist), full_build_of(&dist, "page-gone-full"));
    std::fs::remove_dir_all(dist).unwrap();
}

/// A small tmpfs of our own (CI runs as root); `None`, with a note, where mounting is not allowed.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(name: &str, kib: u32) -> Option<Tmpfs> {
        let dir = std::env::temp_dir().join(format!("trimova-full-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(&dir)
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("skipped: mounting a tmpfs needs root (CI runs as root)");
            return None;
        }
        Some(Tmpfs(dir))
    }

    /// Fills what is left of the disk; returns the filler, to remove for space again.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let path = self.0.join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![b'x'; 4096];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
        path
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every published file is whole: pages end as pages do, data and sitemaps parse.
/// Named as the command line names a file it is writing (`.<name>.<pid>.<n>.tmp`).
fn is_temporary(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.starts_with('.') && name.ends_with(".tmp")
}

fn assert_whole(files: &BTreeMap<String, Vec<u8>>) {
    for (name, bytes) in files {
        if name.ends_with(".bin") {
            Node::decode(bytes).unwrap_or_else(|e| panic!("{name} is cut: {e}"));
            continue;
        }
        let text = String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{name} is cut"));
        if name.ends_with(".html") {
            assert!(text.ends_with("</html>\n"), "{name} is cut");
        } else if name.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&text)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        } else if name.ends_with(".xml") {
            assert!(
                text.trim_end().ends_with('>') && text.ends_with('\n'),
                "{name} is cut"
            );
        }
    }
}

#[test]
fn a_full_disk_stops_pages_with_every_file_whole_and_the_next_run_finishes() {
    let Some(disk) = Tmpfs::mount("pages", 2048) else {
        return;
    };
    let dist = disk.0.join("site");
    std::fs::create_dir_all(dist.join("articles")).unwrap();
    std::fs::write(dist.join("404.html"), SHELL).unwrap();
    for n in 1..=20 {
        put(&dist, n, 0);
    }
    ok(pages(&dist, &[]));
    let manifest = std::fs::read(dist.join(".trimova-pages")).unwrap();
    for n in [0, 3, 8] {
        put(&dist, n, 7);
    }
    let articles: Vec<(String, Vec<u8>)> = snapshot(&dist)
        .into_iter()
        .filter(|(k, _)| k.starts_with("articles/"))
        .collect();
    let filler = disk.fill();
    let out = pages(&dist, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(
        stderr.contains(dist.to_str().unwrap()),
        "names the file: {stderr}"
    );
    let after = snapshot(&dist);
    assert_whole(&after);
    for (name, bytes) in &articles {
        assert_eq!(&after[name], bytes, "the editor's {name} is untouched");
    }
    assert_eq!(
        std::fs::read(dist.join(".trimova-pages")).unwrap(),
        manifest,
        "the manifest still says what is published"
    );

    std::fs::remove_file(filler).unwrap();
    ok(pages(&dist, &[]));
    assert_eq!(snapshot(&dist), full_build_of(&dist, "disk-full"));
}

#[test]
fn a_full_disk_leaves_index_and_import_outputs_as_they_were() {
    let Some(disk) = Tmpfs::mount("index", 512) else {
        return;
    };
    let dir = disk.0.join("articles");
    std::fs::create_dir_all(&dir).unwrap();
    for n in 1..=3 {
        std::fs::write(dir.join(format!("a-{n:04}.json")), article(n, 0)).unwrap();
    }
    let index = dir.join("index.json");
    std::fs::write(
        &index,
        "{\"format\": \"trimova.index/1\", \"articles\": []}\n",
    )
    .unwrap();
    let imported = disk.0.join("imported.json");
    std::fs::write(&imported, article(9, 0)).unwrap();
    let page = disk.0.join("page.txt");
    std::fs::write(
        &page,
        " date 2026-03-02 ukenru\nA bridge reopens\nA bridge reopens\nDnipro  •  TRB\n • 1 204 views\nThe old bridge carries trams again.\nThe repairs took two winters.\nIvana Petrenko\n",
    )
    .unwrap();
    let before = (
        std::fs::read(&index).unwrap(),
        std::fs::read(&imported).unwrap(),
    );
    let _filler = disk.fill();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_trimova"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["index", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("index.json: the disk is full"), "{stderr}");
    let out = run(&[
        "import",
        page.to_str().unwrap(),
        "-o",
        imported.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("imported.json: the disk is full"),
        "{stderr}"
    );
    assert_eq!(
        (
            std::fs::read(&index).unwrap(),
            std::fs::read(&imported).unwrap()
        ),
        before
    );
}

#[test]
fn a_run_killed_at_any_moment_leaves_whole_files_and_the_next_run_finishes() {
    let dist = scratch("kill");
    for n in 0..150 {
        put(&dist, n, 0);
    }
    let started = std::time::Instant::now();
    ok(pages(&dist, &["--full"]));
    let full = started.elapsed();
    // Kill full rebuilds at moments spread over the time one takes.
    for (k, fraction) in [0.1, 0.35, 0.6, 0.85].into_iter().enumerate() {
        put(&dist, k as u32, k as u32 + 1);
        let mut child = Command::new(env!("CARGO_BIN_EXE_trimova"))
            .arg("pages")
            .arg(&dist)
            .arg("--full")
            .env("SOURCE_DATE_EPOCH", NOW.to_string())
            .env("TRIMOVA_SITE_URL", "https://news.example.org")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(fraction));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // What a killed run leaves beside the pages are its temporary files (which the next
        // run removes: the comparison with a full build below sees every file).
        let mut left = snapshot(&dist);
        left.retain(|name, _| !is_temporary(name));
        assert_whole(&left);
        ok(pages(&dist, &[]));
        assert_eq!(snapshot(&dist), full_build_of(&dist, "kill-full"));
        assert!(
            !dist.join(".trimova-running").exists(),
            "the run says it has finished"
        );
    }
    std::fs::remove_dir_all(dist).unwrap();
}
