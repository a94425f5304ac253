//! Recovery scored on pages rendered from real SDL schemas (fixtures/schemas, provenance in
//! its README): the truth of every name the page drops is known.

use std::sync::Arc;

use gqlsmith_recover::evaluation::{evaluate_rendered, render_page};

/// Reads `fixtures/schemas/<file>`, renders it as a docs page, reads the page back and scores
/// recovery; returns the evaluation and the report's summary lines.
fn rendered(file: &str) -> String {
    let path = format!(
        "{}/../../fixtures/schemas/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let truth = gqlsmith_sdl::read_sdl(&[(Arc::from(file), text.as_str())]).schema;
    let page_text = render_page(&truth);
    let page = gqlsmith_docs::read(&page_text, Arc::from(format!("{file}.page.txt")));
    let (evaluation, report) = evaluate_rendered(&truth, &page);
    let rendered_report = report.render();
    let summary: Vec<&str> = rendered_report.lines().take(8).collect();
    format!("{}\n{}", summary.join("\n"), evaluation.render())
}

#[test]
fn saleor_rendered_as_a_docs_page() {
    let outcome = rendered("saleor.graphql");
    insta::assert_snapshot!(outcome);
}

#[test]
fn artsy_rendered_as_a_docs_page() {
    let outcome = rendered("artsy.graphql");
    insta::assert_snapshot!(outcome);
}
