//! The `markdown` target as a reader of the site meets it: every relative link and anchor of
//! every page resolves (parsed with pulldown-cmark, as mdBook parses them), SUMMARY.md lists
//! every page, descriptions that hold Markdown or HTML render as their own text without
//! breaking tables, the catalogues count what the input holds, and snapshots of the site for
//! the Kraken page and Shopify's storefront schema.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use gqlsmith_codegen::{generate, Config, GeneratedFile, Target, Templates};
use gqlsmith_model::Date;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use support::{fnv1a, read_fixture};

fn site(file: &str, config: &Config) -> BTreeMap<String, String> {
    let schema = read_fixture(file);
    match generate(
        &schema,
        Target::Markdown,
        config,
        &Templates::embedded(),
        file,
    ) {
        Ok(files) => files
            .into_iter()
            .map(|GeneratedFile { path, contents }| (path, contents))
            .collect(),
        Err(diagnostics) => panic!(
            "{:?}",
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
    }
}

fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES,
    )
}

/// The ids a page defines: `<a id="...">` in its HTML, and `{#id}` heading attributes.
fn ids_of(markdown: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for event in parser(markdown) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let mut rest = html.as_ref();
                while let Some(start) = rest.find("id=\"") {
                    rest = &rest[start + 4..];
                    if let Some(end) = rest.find('"') {
                        ids.push(rest[..end].to_owned());
                        rest = &rest[end..];
                    }
                }
            }
            Event::Start(Tag::Heading { id: Some(id), .. }) => ids.push(id.to_string()),
            _ => {}
        }
    }
    ids
}

/// `page`'s folder joined with `relative`, `..` resolved; `None` when it climbs out.
fn resolve(page: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in relative.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Walks every page of the site and returns the broken links (`page -> target: why`) and the
/// number of relative links checked.
fn broken_links(files: &BTreeMap<String, String>) -> (Vec<String>, usize) {
    let pages: BTreeMap<&str, Vec<String>> = files
        .iter()
        .filter(|(path, _)| path.ends_with(".md"))
        .map(|(path, text)| (path.as_str(), ids_of(text)))
        .collect();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (page, text) in files.iter().filter(|(path, _)| path.ends_with(".md")) {
        for event in parser(text) {
            let Event::Start(Tag::Link { dest_url, .. }) = event else {
                continue;
            };
            if dest_url.contains("://") || dest_url.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (path, fragment) = match dest_url.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (dest_url.as_ref(), None),
            };
            let target = if path.is_empty() {
                Some(page.clone())
            } else {
                resolve(page, path)
            };
            let Some(ids) = target.as_deref().and_then(|target| pages.get(target)) else {
                broken.push(format!("{page} -> {dest_url}: no such page"));
                continue;
            };
            if let Some(fragment) = fragment {
                if !ids.iter().any(|id| id == fragment) {
                    broken.push(format!("{page} -> {dest_url}: no such anchor"));
                }
            }
        }
    }
    (broken, checked)
}

#[track_caller]
fn check_links(file: &str, at_least: usize) {
    let files = site(file, &Config::default());
    let (broken, checked) = broken_links(&files);
    eprintln!(
        "{file}: {} files, {checked} relative links checked",
        files.len()
    );
    assert_eq!(
        broken,
        Vec::<String>::new(),
        "{} broken links in the site of {file}",
        broken.len()
    );
    assert!(
        checked >= at_least,
        "only {checked} links checked for {file}"
    );
}

#[test]
fn every_link_resolves_on_the_kraken_page() {
    check_links("kraken/objects.txt", 10_000);
}

#[test]
fn every_link_resolves_on_github() {
    check_links("schemas/github.valid.graphql", 15_000);
}

#[test]
fn every_link_resolves_on_the_escaping_fixture() {
    check_links("markdown/escaping.graphql", 20);
}

#[test]
fn the_checker_finds_broken_links() {
    let mut files = BTreeMap::new();
    files.insert(
        "src/index.md".to_owned(),
        "[a](objects/a.md#field-x) [b](objects/b.md) [c](#here)\n".to_owned(),
    );
    files.insert(
        "src/objects/a.md".to_owned(),
        "<a id=\"field-y\"></a> [up](../index.md)\n".to_owned(),
    );
    let (broken, checked) = broken_links(&files);
    assert_eq!(
        broken,
        [
            "src/index.md -> objects/a.md#field-x: no such anchor",
            "src/index.md -> objects/b.md: no such page",
            "src/index.md -> #here: no such anchor",
        ]
    );
    assert_eq!(checked, 4);
}

#[test]
fn summary_lists_every_page() {
    for file in ["kraken/objects.txt", "schemas/github.valid.graphql"] {
        let files = site(file, &Config::default());
        let summary = &files["src/SUMMARY.md"];
        let listed: Vec<String> = parser(summary)
            .filter_map(|event| match event {
                Event::Start(Tag::Link { dest_url, .. }) => Some(format!("src/{dest_url}")),
                _ => None,
            })
            .collect();
        let pages: Vec<&String> = files
            .keys()
            .filter(|path| path.ends_with(".md") && *path != "src/SUMMARY.md")
            .collect();
        let mut listed_sorted = listed.clone();
        listed_sorted.sort();
        listed_sorted.dedup();
        assert_eq!(
            listed_sorted.len(),
            listed.len(),
            "{file}: SUMMARY.md lists a page twice"
        );
        assert_eq!(
            listed_sorted.iter().collect::<Vec<_>>(),
            pages,
            "{file}: SUMMARY.md and the pages differ"
        );
    }
}

/// The HTML of `page` as mdBook renders it (pulldown-cmark with mdBook's options).
fn html_of(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES
                | Options::ENABLE_FOOTNOTES
                | Options::ENABLE_STRIKETHROUGH
                | Options::ENABLE_TASKLISTS
                | Options::ENABLE_HEADING_ATTRIBUTES
                | Options::ENABLE_DEFINITION_LIST,
        ),
    );
    html
}

/// The Markdown of `page` under `## heading`, up to the next `## ` heading.
fn section<'page>(page: &'page str, heading: &str) -> &'page str {
    let start = page
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no `## {heading}` in:\n{page}"));
    let body = &page[start + heading.len() + 5..];
    &body[..body.find("\n## ").unwrap_or(body.len())]
}

/// Every tag and link target in `html` is one the site writes itself: no markup from a
/// description gets through, and links go to pages of the site, its anchors, or the web.
#[track_caller]
fn assert_safe_html(path: &str, html: &str) {
    const TAGS: &[&str] = &[
        "p",
        "a",
        "code",
        "em",
        "strong",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "pre",
        "br",
        "blockquote",
        "details",
        "summary",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
    ];
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("a closed tag");
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with("!-- generated by gqlsmith") {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            TAGS.contains(&name.as_str()),
            "{path}: tag <{tag}> in the HTML"
        );
        if let Some(href) = tag.strip_prefix("a href=\"") {
            let href = &href[..href.find('"').unwrap()];
            assert!(
                href.starts_with('#')
                    || href.starts_with("https://")
                    || href.starts_with("http://")
                    || (!href.contains(':') && href.split('#').next().unwrap().ends_with(".md")),
                "{path}: link to `{href}`"
            );
        }
        if name == "a" && !tag.starts_with("a href=") && !tag.starts_with('/') {
            assert!(
                tag.starts_with("a id=\"") && !tag[6..tag.len() - 1].contains(['"', ' ']),
                "{path}: <{tag}>"
            );
        }
    }
}

#[test]
fn descriptions_render_as_safe_markdown() {
    let files = site("markdown/escaping.graphql", &Config::default());
    for (path, page) in files.iter().filter(|(path, _)| path.ends_with(".md")) {
        assert_safe_html(path, &html_of(page));
    }
    let query = &files["src/operations/query.md"];
    let fields = html_of(section(query, "Fields"));
    for expected in [
        // Inline code, emphasis and web links render.
        "Backticks: <code>code</code>, <code>double</code>, and a lone ` one",
        "<em>stars</em> and <strong>strong</strong> and <em>under</em> and <strong>dunder</strong> snake_case_name",
        "<a href=\"https://example.com\">https://example.com</a>",
        // HTML, relative links and images stay text.
        "&lt;script&gt;alert('x')&lt;/script&gt; and &lt;!-- a comment --&gt; and &lt;img src=x onerror=y&gt;",
        "[a relative link](../nowhere.md) and ![an image](x.png)",
        // A heading in a description would become a sidebar entry: it is bold text.
        "<strong>not a heading</strong>",
        "Pipes | inside | a cell",
        // Deprecation reasons are descriptions too.
        "<strong>Deprecated</strong>, removal on 2024-07-01: Use <code>pipes</code> | or <em>nothing</em>.",
    ] {
        assert!(fields.contains(expected), "`{expected}` not in:\n{fields}");
    }
    // Arguments sit in their field's entry, with defaults as code.
    assert!(
        fields.contains("<a id=\"argument-search-query\"></a><code>query</code>: String! = <code>\"a|b\"</code>"),
        "{fields}"
    );
    assert!(fields.contains("The &lt;query&gt; | text"), "{fields}");
    let values = html_of(section(&files["src/enums/state-kind.md"], "Values"));
    assert!(values.contains("&lt;i&gt;open&lt;/i&gt;"), "{values}");
    assert!(
        values.contains(
            "<strong>Deprecated</strong>, removal on 2023-01-01: Removal on 2023-01-01 UTC."
        ),
        "{values}"
    );
    let intro = html_of(&query[..query.find("\n## ").unwrap()]);
    assert!(
        intro.contains("Entry points. | not a column | &lt;b&gt;not bold&lt;/b&gt;"),
        "{intro}"
    );
}

/// The top-level entries (`- ` items) of a page's Markdown under `# title` or `## heading`.
fn entries(page: &str) -> Vec<&str> {
    page.lines().filter(|line| line.starts_with("- ")).collect()
}

#[test]
fn catalogues_count_what_the_input_holds() {
    let kraken = site("kraken/objects.txt", &Config::default());
    let codes = &kraken["src/catalogue/error-codes.md"];
    assert_eq!(
        entries(codes).len(),
        551,
        "the Kraken page lists 551 distinct error codes"
    );
    assert!(codes.contains("551 distinct codes, listed 1678 times"));
    assert!(
        codes.contains("<details><summary>Raised by "),
        "long lists of types are folded"
    );
    assert_eq!(entries(&kraken["src/catalogue/deprecations.md"]).len(), 322);
    assert_eq!(
        entries(&kraken["src/catalogue/connections.md"]).len(),
        86,
        "the page names 34 connection types, and recovery names the 52 the page lost"
    );
    assert!(
        kraken.contains_key("src/catalogue/provenance.md"),
        "a docs page gets a provenance page"
    );

    let github = site("schemas/github.valid.graphql", &Config::default());
    assert!(
        !github.contains_key("src/catalogue/error-codes.md"),
        "GitHub's schema lists no error codes"
    );
    assert!(
        !github.contains_key("src/catalogue/provenance.md"),
        "SDL needs no provenance page"
    );
    assert!(
        github.contains_key("src/operations/query.md")
            && github.contains_key("src/operations/mutation.md")
    );
}

#[test]
fn the_deprecation_schedule_is_sorted_and_marks_overdue_against_today() {
    let without_today = site("markdown/escaping.graphql", &Config::default());
    let page = &without_today["src/catalogue/deprecations.md"];
    assert_eq!(
        entries(page),
        [
            "- **2023-01-01** [State\\_Kind.CLOSED](../enums/state-kind.md#value-CLOSED) (enum value)",
            "- **2024-07-01** [Query.old](../operations/query.md#field-old) (field)",
        ]
    );
    assert!(page.contains("  Use `pipes` \\| or *nothing*."), "{page}");
    let mut config = Config::default();
    config.markdown.today = Date::parse("2024-01-01");
    let with_today = site("markdown/escaping.graphql", &config);
    let page = &with_today["src/catalogue/deprecations.md"];
    assert_eq!(
        entries(page),
        [
            "- **2023-01-01** (**overdue**) [State\\_Kind.CLOSED](../enums/state-kind.md#value-CLOSED) (enum value)",
            "- **2024-07-01** [Query.old](../operations/query.md#field-old) (field)",
        ]
    );
    assert!(page.contains("Checked against 2024-01-01: 1 overdue."));
}

#[test]
fn no_heading_is_blank_and_provenance_uses_final_names() {
    let kraken = site("kraken/objects.txt", &Config::default());
    for (path, page) in &kraken {
        for line in page.lines().filter(|line| line.starts_with('#')) {
            let text = line.trim_start_matches('#').trim();
            assert!(
                !text.is_empty() && !text.starts_with('<'),
                "{path}: heading `{line}` has no text of its own for the sidebar"
            );
        }
    }
    // The block at line 1361 was recovered as AffiliateOrganisationType; recovery's evidence
    // for SalesChannelChoices names it by its placeholder.
    let provenance = &kraken["src/catalogue/provenance.md"];
    assert!(!provenance.contains("Unnamed_L1361") && !provenance.contains("Unnamed\\_L1361"));
    assert!(
        provenance
            .contains("`AffiliateOrganisationType.salesChannel` shows the quoted value `REFERRAL`"),
        "{provenance}"
    );
    assert!(kraken["book.toml"].contains("title = \"API reference: objects.txt\""));
    let mut config = Config::default();
    config.markdown.title = Some("Kraken API".to_owned());
    let titled = site("kraken/objects.txt", &config);
    assert!(titled["book.toml"].contains("title = \"Kraken API\""));
}

/// Files a reader would look at first, snapshotted whole; every other file is in the digest.
const REPRESENTATIVE: &[&str] = &[
    "book.toml",
    "src/index.md",
    "src/catalogue/connections.md",
    // Kraken: a placeholder-named type with a page example, a payload with error codes and a
    // deprecated field, a connection, an undefined name shown as a scalar.
    "src/objects/api-call-type.md",
    "src/objects/accept-goods-quote.md",
    "src/objects/api-brownout-connection.md",
    "src/objects/api-brownout-edge.md",
    "src/objects/blackhole-email-account-type.md",
    "src/scalars/non-empty-string.md",
    // Kraken: a union known only from an example (one note for the type and its kind).
    "src/unions/error-type-union.md",
    // Shopify: a root type, an interface, a union, an enum, an input, a custom scalar.
    "src/operations/query-root.md",
    "src/interfaces/node.md",
    "src/unions/metafield-reference.md",
    "src/enums/country-code.md",
    "src/inputs/cart-input.md",
    "src/scalars/date-time.md",
];

fn snapshot_text(files: &BTreeMap<String, String>) -> String {
    let mut text = format!(
        "## {} files; digest: path, bytes, lines, fnv1a-64\n",
        files.len()
    );
    for (path, contents) in files {
        writeln!(
            text,
            "{path} {} {} {:016x}",
            contents.len(),
            contents.lines().count(),
            fnv1a(contents.as_bytes())
        )
        .unwrap();
    }
    for path in REPRESENTATIVE {
        if let Some(contents) = files.get(*path) {
            writeln!(text, "\n## {path}\n{contents}").unwrap();
        }
    }
    text
}

#[test]
fn snapshots_of_the_site() {
    for file in ["kraken/objects.txt", "schemas/shopify-storefront.graphql"] {
        let files = site(file, &Config::default());
        insta::assert_snapshot!(
            format!("markdown_site@{}", file.replace('/', "__")),
            snapshot_text(&files)
        );
    }
}

#[test]
fn generating_twice_gives_identical_bytes() {
    for file in ["kraken/objects.txt", "schemas/github.valid.graphql"] {
        assert!(
            site(file, &Config::default()) == site(file, &Config::default()),
            "{file}"
        );
    }
}

fn with_mermaid() -> Config {
    let mut config = Config::default();
    config.markdown.mermaid = true;
    config
}

/// The Mermaid blocks of a page, as parsed by a Markdown parser.
fn mermaid_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in parser(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(language)))
                if language.as_ref() == "mermaid" =>
            {
                current = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(block) = current.as_mut() {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// A diagram's node labels by id, and its arrows as (from, to) ids. Panics on a line that is
/// neither a node, an arrow, the header nor the class definition.
fn diagram_graph(diagram: &str) -> (BTreeMap<String, String>, Vec<(String, String)>) {
    let mut nodes = BTreeMap::new();
    let mut arrows = Vec::new();
    for line in diagram.lines().map(str::trim) {
        if line == "graph LR" || line.starts_with("classDef ") {
            continue;
        }
        if let Some((id, rest)) = line.split_once("[\"") {
            let label = rest
                .trim_end_matches(":::focus")
                .strip_suffix("\"]")
                .unwrap_or_else(|| panic!("node line `{line}`"));
            nodes.insert(id.to_owned(), label.to_owned());
            continue;
        }
        let words: Vec<&str> = line.split(' ').collect();
        let (Some(from), Some(to)) = (words.first(), words.last()) else {
            panic!("line `{line}`");
        };
        assert!(
            ["-->", "-.->", "-.-"]
                .iter()
                .any(|arrow| words.get(1).is_some_and(|word| word.starts_with(arrow))),
            "arrow line `{line}`"
        );
        arrows.push(((*from).to_owned(), (*to).to_owned()));
    }
    (nodes, arrows)
}

#[test]
fn diagrams_draw_each_type_with_its_neighbours() {
    for file in ["schemas/shopify-storefront.graphql", "kraken/objects.txt"] {
        let files = site(file, &with_mermaid());
        assert!(files["book.toml"].contains("[preprocessor.mermaid]"));
        let (broken, _) = broken_links(&files);
        assert_eq!(broken, Vec::<String>::new(), "{file}");
        let mut diagrams = 0;
        for (path, page) in &files {
            let blocks = mermaid_blocks(page);
            if blocks.is_empty() {
                continue;
            }
            assert_eq!(blocks.len(), 1, "{path}");
            assert!(page.contains("## Neighbours"), "{path}");
            let (nodes, arrows) = diagram_graph(&blocks[0]);
            let mut drawn = BTreeSet::new();
            for label in nodes.values().filter(|label| !label.starts_with('…')) {
                assert!(drawn.insert(label), "{path}: `{label}` is drawn twice");
            }
            for (from, to) in &arrows {
                assert!(
                    nodes.contains_key(from) && nodes.contains_key(to),
                    "{path}: arrow {from} -> {to} joins an undeclared node"
                );
                assert!(
                    from == "t0" || to == "t0",
                    "{path}: every arrow touches the type"
                );
            }
            diagrams += 1;
        }
        assert!(diagrams > 300, "{file}: only {diagrams} diagrams");
    }

    // A small type, checked against the schema by hand: Shopify's CartCost has five money
    // fields (one arrow to MoneyV2) and is used by `Cart.cost` only.
    let files = site("schemas/shopify-storefront.graphql", &with_mermaid());
    let blocks = mermaid_blocks(&files["src/objects/cart-cost.md"]);
    let (nodes, arrows) = diagram_graph(&blocks[0]);
    let labels: Vec<&str> = nodes.values().map(String::as_str).collect();
    assert_eq!(labels, ["CartCost", "Cart", "MoneyV2"]);
    assert_eq!(arrows.len(), 2);
}

#[test]
fn diagrams_are_off_by_default() {
    let files = site("schemas/shopify-storefront.graphql", &Config::default());
    assert!(!files["book.toml"].contains("mermaid"));
    assert!(files.values().all(|page| mermaid_blocks(page).is_empty()));
}

#[test]
fn snapshots_of_pages_with_diagrams() {
    let mut text = String::new();
    for (file, pages) in [
        (
            "schemas/shopify-storefront.graphql",
            &[
                "book.toml",
                "src/objects/cart-cost.md",
                "src/interfaces/node.md",
            ][..],
        ),
        (
            "kraken/objects.txt",
            &[
                "src/objects/api-brownout-connection.md",
                "src/objects/api-call-type.md",
            ][..],
        ),
    ] {
        let files = site(file, &with_mermaid());
        for page in pages {
            writeln!(text, "## {file}: {page}\n{}", files[*page]).unwrap();
        }
    }
    insta::assert_snapshot!("markdown_mermaid", text);
}
