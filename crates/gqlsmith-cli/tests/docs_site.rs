//! The `markdown` target as a reader meets it: `gqlsmith generate --target markdown` (recovery
//! on, as users run it) for the Kraken page and GitHub's schema, built by the real mdBook
//! (any warning fails the test), then opened in a real headless chromium at 1280x900: nothing
//! in the content column is wider than the column, the sidebar has no blank or repeated entry,
//! and every in-page link has its target. Screenshots of a few pages are written to the test's output
//! dir (`target/tmp/docs-site/`) for a person to look at.
//!
//! Needs mdBook (`tools/.venv/bin/mdbook`, installed by `cargo xtask test` from
//! `tools/requirements.txt`) and Debian's `chromium` and `chromium-driver`.

mod browser;
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use browser::{output_dir, Browser, StaticServer};
use support::{gqlsmith, root};

/// mdBook warns about a search index larger than this (`search index is very large`).
const MDBOOK_SEARCH_INDEX_WARNING: u64 = 10_000_000;

fn mdbook() -> PathBuf {
    let mdbook = root().join("tools/.venv/bin/mdbook");
    assert!(
        mdbook.exists(),
        "`{}` is missing: install mdBook with `python3 -m venv tools/.venv && \
         tools/.venv/bin/pip install -r tools/requirements.txt` (cargo xtask test does)",
        mdbook.display()
    );
    mdbook
}

/// A book built from `input`: the generated Markdown (`<out>/markdown`) and mdBook's HTML
/// (`<out>/markdown/book`).
struct Book {
    html: PathBuf,
}

/// Generates the site of `input` with the CLI and builds it with mdBook; fails on any mdBook
/// warning and on a search index mdBook would warn about.
#[track_caller]
fn build_book(name: &str, input: &str) -> Book {
    let out = output_dir("docs-site").join(name);
    if out.exists() {
        std::fs::remove_dir_all(&out).expect("remove the previous book");
    }
    let run = gqlsmith(&[
        "generate",
        input,
        "--target",
        "markdown",
        "--out",
        out.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let source = out.join("markdown");
    let started = Instant::now();
    let output = Command::new(mdbook())
        .arg("build")
        .arg(&source)
        .env("NO_COLOR", "1")
        .output()
        .expect("mdbook runs");
    let elapsed = started.elapsed();
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "mdbook build failed:\n{log}");
    let warnings: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("WARN") || line.contains("ERROR"))
        .collect();
    assert_eq!(warnings, Vec::<&str>::new(), "mdBook warns on {input}");
    let html = source.join("book");
    let index_size = std::fs::read_dir(&html)
        .expect("the book is written")
        .filter_map(Result::ok)
        .find(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("searchindex")
        })
        .and_then(|entry| entry.metadata().ok())
        .map(|metadata| metadata.len())
        .expect("the book has a search index");
    eprintln!(
        "{input}: mdbook build {:.1} s, search index {index_size} bytes",
        elapsed.as_secs_f64()
    );
    assert!(
        index_size < MDBOOK_SEARCH_INDEX_WARNING,
        "{input}: search index of {index_size} bytes"
    );
    Book { html }
}

/// Every chapter page of a built book, relative to its root, sorted: the print page (the
/// whole book on one page) and the sidebar's no-script fallback are not chapters.
fn chapter_pages(html: &Path) -> Vec<(String, u64)> {
    fn walk(dir: &Path, root: &Path, pages: &mut Vec<(String, u64)>) {
        for entry in std::fs::read_dir(dir).expect("readable book").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, pages);
            } else if path.extension().is_some_and(|ext| ext == "html") {
                let relative = path
                    .strip_prefix(root)
                    .expect("under the root")
                    .to_string_lossy()
                    .replace('\\', "/");
                if relative != "print.html" && relative != "toc.html" {
                    let size = entry.metadata().map(|metadata| metadata.len()).unwrap_or(0);
                    pages.push((relative, size));
                }
            }
        }
    }
    let mut pages = Vec::new();
    walk(html, html, &mut pages);
    pages.sort();
    pages
}

/// Run in each page: what a reader would find wrong, one line per problem.
const PAGE_CHECKS: &str = r##"
const problems = [];
const main = document.querySelector('main');
if (!main) { return ['no <main> element']; }
if (main.scrollWidth > main.clientWidth) {
    problems.push(`main is ${main.scrollWidth}px wide in a ${main.clientWidth}px column`);
}
for (const element of main.querySelectorAll('table, .table-wrapper, pre')) {
    if (element.scrollWidth > element.clientWidth) {
        const text = element.textContent.trim().slice(0, 60);
        problems.push(`${element.tagName.toLowerCase()} is ${element.scrollWidth}px wide in ${element.clientWidth}px: ${text}`);
    }
}
const column = main.getBoundingClientRect();
let wide = 0;
for (const element of main.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > column.right + 1 && wide++ < 3) {
        problems.push(`<${element.tagName.toLowerCase()}> reaches ${Math.round(box.right)}px, the column ends at ${Math.round(column.right)}px: ${element.textContent.trim().slice(0, 60)}`);
    }
}
const sidebar = document.querySelector('#mdbook-sidebar');
if (!sidebar) { problems.push('no sidebar'); }
else {
    const seen = new Set();
    for (const link of sidebar.querySelectorAll('a')) {
        const label = link.textContent.trim();
        if (label === '') {
            problems.push(`blank sidebar entry -> ${link.getAttribute('href')}`);
        }
        const href = link.getAttribute('href');
        if (href && !link.classList.contains('chapter-fold-toggle')) {
            if (seen.has(href)) {
                problems.push(`sidebar lists ${href} twice`);
            }
            seen.add(href);
        }
    }
}
for (const link of main.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(link.getAttribute('href').slice(1));
    if (id !== '' && !document.getElementById(id)) {
        problems.push(`in-page link #${id} has no target`);
    }
}
return problems;
"##;

/// How many pages one browser opens before the next one takes over: a renderer that has
/// opened hundreds of large pages in a row slows down.
const PAGES_PER_BROWSER: usize = 150;

/// Opens each page in `pages` at 1280x900 and returns the problems found, as `page: problem`.
/// A page the browser cannot open or check is tried once more in a fresh browser; failing
/// twice, it is a problem too.
fn check_pages(server: &StaticServer, pages: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    let started = Instant::now();
    let mut browser: Option<Browser> = None;
    for (number, page) in pages.iter().enumerate() {
        if number % PAGES_PER_BROWSER == 0 {
            // The old browser ends before the new one starts.
            drop(browser.take());
        }
        if number % 100 == 99 {
            eprintln!(
                "{} pages in {:.1} s",
                number + 1,
                started.elapsed().as_secs_f64()
            );
        }
        let url = format!("{}{page}", server.base_url);
        let attempt = |browser: &Browser| -> Result<Value, String> {
            browser.open(&url)?;
            browser.run(PAGE_CHECKS)
        };
        let first = attempt(browser.get_or_insert_with(|| Browser::start(1280, 900)));
        let found = match first {
            Ok(found) => found,
            Err(error) => {
                eprintln!("{page}: {error}; trying again in a fresh browser");
                drop(browser.take());
                match attempt(browser.get_or_insert_with(|| Browser::start(1280, 900))) {
                    Ok(found) => found,
                    Err(error) => {
                        problems.push(format!("{page}: the browser failed twice: {error}"));
                        drop(browser.take());
                        continue;
                    }
                }
            }
        };
        for problem in found.as_array().into_iter().flatten() {
            problems.push(format!("{page}: {}", problem.as_str().unwrap_or_default()));
        }
    }
    problems
}

#[track_caller]
fn assert_no_problems(input: &str, checked: usize, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{input}: {} problems on {checked} pages, the first ones:\n{}",
        problems.len(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Screenshots of `pages` (`(page, file name)`), at the top of each page.
fn screenshots(browser: &Browser, server: &StaticServer, pages: &[(&str, &str)], dir: &Path) {
    for (page, file) in pages {
        let url = format!("{}{page}", server.base_url);
        browser.open(&url).unwrap_or_else(|error| panic!("{error}"));
        // Web fonts may still be swapping in just after the load event.
        std::thread::sleep(std::time::Duration::from_millis(500));
        browser.screenshot(&dir.join(file));
    }
}

#[test]
fn the_kraken_book_builds_with_mdbook_and_reads_in_a_browser() {
    let input = "fixtures/kraken/objects.txt";
    let book = build_book("kraken", input);
    let pages: Vec<String> = chapter_pages(&book.html)
        .into_iter()
        .map(|(page, _)| page)
        .collect();
    assert!(pages.len() > 1000, "only {} pages", pages.len());
    let server = StaticServer::start(&book.html);
    let started = Instant::now();
    let problems = check_pages(&server, &pages);
    eprintln!(
        "{input}: {} pages checked in chromium in {:.1} s",
        pages.len(),
        started.elapsed().as_secs_f64()
    );
    let shots = output_dir("docs-site");
    let browser = Browser::start(1280, 900);
    screenshots(
        &browser,
        &server,
        &[
            ("objects/account-type.html", "kraken-account-type.png"),
            (
                "objects/account-type.html#field-balance",
                "kraken-account-type-fields.png",
            ),
            ("catalogue/error-codes.html", "kraken-error-codes.png"),
            ("catalogue/deprecations.html", "kraken-deprecations.png"),
            (
                "unions/account-event.html",
                "kraken-union-account-event.png",
            ),
            ("catalogue/provenance.html", "kraken-provenance.png"),
        ],
        &shots,
    );
    // The issue's second width: a wide screen leaves mdBook's content column as it is, so the
    // same pages are shot at 1920 px to be looked at, not measured again.
    drop(browser);
    let wide = Browser::start(1920, 1080);
    screenshots(
        &wide,
        &server,
        &[
            ("objects/account-type.html", "kraken-account-type-1920.png"),
            ("catalogue/error-codes.html", "kraken-error-codes-1920.png"),
        ],
        &shots,
    );
    eprintln!("screenshots in {}", shots.display());
    assert_no_problems(input, pages.len(), &problems);
}

/// How many GitHub pages the browser opens: the largest ones, then an even spread of the rest.
const GITHUB_SAMPLE: usize = 200;

#[test]
fn the_github_book_builds_with_mdbook_and_reads_in_a_browser() {
    let input = "fixtures/schemas/github.valid.graphql";
    let book = build_book("github", input);
    let mut pages = chapter_pages(&book.html);
    assert!(pages.len() > 1500, "only {} pages", pages.len());
    // Largest first (ties by path, so the sample is the same every run).
    pages.sort_by(|(a_page, a_size), (b_page, b_size)| {
        b_size.cmp(a_size).then_with(|| a_page.cmp(b_page))
    });
    let largest = 20;
    let step = (pages.len() - largest) / (GITHUB_SAMPLE - largest);
    let sample: Vec<String> = pages
        .iter()
        .take(largest)
        .chain(
            pages
                .iter()
                .skip(largest)
                .step_by(step)
                .take(GITHUB_SAMPLE - largest),
        )
        .map(|(page, _)| page.clone())
        .collect();
    assert_eq!(sample.len(), GITHUB_SAMPLE);
    let server = StaticServer::start(&book.html);
    let started = Instant::now();
    let problems = check_pages(&server, &sample);
    eprintln!(
        "{input}: {} pages checked in chromium in {:.1} s (largest: {})",
        sample.len(),
        started.elapsed().as_secs_f64(),
        sample[0]
    );
    let shots = output_dir("docs-site");
    let browser = Browser::start(1280, 900);
    screenshots(
        &browser,
        &server,
        &[
            ("objects/repository.html", "github-repository.png"),
            (
                "unions/search-result-item.html",
                "github-union-search-result-item.png",
            ),
            ("catalogue/deprecations.html", "github-deprecations.png"),
        ],
        &shots,
    );
    assert_no_problems(input, sample.len(), &problems);
}
