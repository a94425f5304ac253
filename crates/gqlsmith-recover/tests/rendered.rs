//! Recovery scored on pages rendered from real SDL schemas (fixtures/schemas, provenance in
//! its README): the truth of every name the page drops is known.

use std::sync::Arc;

use gqlsmith_model::{Loaded, Schema};
use gqlsmith_recover::evaluation::{evaluate_rendered, render_page};
use gqlsmith_recover::RecoverOptions;

/// Reads `fixtures/schemas/<file>`.
fn truth(file: &str) -> Schema {
    let path = format!(
        "{}/../../fixtures/schemas/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    gqlsmith_sdl::read_sdl(&[(Arc::from(file), text.as_str())]).schema
}

/// `truth` rendered as a docs page and read back by the docs reader.
fn page(truth: &Schema, file: &str) -> Loaded {
    let page_text = render_page(truth);
    gqlsmith_docs::read(&page_text, Arc::from(format!("{file}.page.txt")))
}

/// Renders `fixtures/schemas/<file>` as a docs page, reads the page back and scores recovery;
/// returns the evaluation and the report's summary lines.
fn rendered(file: &str) -> String {
    let truth = truth(file);
    let (evaluation, report) =
        evaluate_rendered(&truth, &page(&truth, file), &RecoverOptions::default());
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

/// `schema` with its types in a shuffled order (Fisher-Yates driven by splitmix64 from
/// `seed`): an SDL file lists its types in any order, a docs page in ASCII order.
fn shuffled(schema: &Schema, seed: u64) -> Schema {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut types: Vec<_> = schema.types.clone().into_iter().collect();
    for index in (1..types.len()).rev() {
        let other = (next() % (index as u64 + 1)) as usize;
        types.swap(index, other);
    }
    let mut shuffled = schema.clone();
    shuffled.types = types.into_iter().collect();
    shuffled
}

/// The page's own schema as the reference, its types shuffled: every block the page lost is
/// an object type of the reference, so every one must come back, none wrong, whatever order
/// the reference file has.
#[track_caller]
fn check_own_reference(file: &str, seed: u64) {
    let truth = truth(file);
    let reference = shuffled(&truth, seed);
    assert_ne!(
        reference.types.keys().collect::<Vec<_>>(),
        truth.types.keys().collect::<Vec<_>>()
    );
    let options = RecoverOptions {
        overlay: None,
        reference: Some(reference),
    };
    let (evaluation, report) = evaluate_rendered(&truth, &page(&truth, file), &options);
    let (right, wrong) = evaluation
        .tiers
        .values()
        .fold((0, 0), |(r, w), tier| (r + tier.right, w + tier.wrong));
    assert!(evaluation.hidden > 100, "{}", evaluation.render());
    assert_eq!(
        (right, wrong, evaluation.abstained),
        (evaluation.hidden, 0, 0),
        "{file}, seed {seed}:\n{}",
        evaluation.render()
    );
    // The reference holds every name the page shows: nothing is capped as another API's.
    assert_eq!(report.missing_from_reference, Vec::<String>::new());
    assert_eq!(report.reference_only, Vec::<String>::new());
    assert_eq!(evaluation.tiers["high"].right, evaluation.hidden);
}

#[test]
fn every_hidden_name_the_reference_holds_comes_back_whatever_its_order() {
    for seed in [1, 2] {
        check_own_reference("saleor.graphql", seed);
        check_own_reference("artsy.graphql", seed);
    }
}

/// True when `text` has `name` as a whole word (not inside a longer name).
fn mentions(text: &str, name: &str) -> bool {
    let is_name_char = |c: char| c == '_' || c.is_ascii_alphanumeric();
    text.match_indices(name).any(|(at, _)| {
        !text[..at].ends_with(is_name_char) && !text[at + name.len()..].starts_with(is_name_char)
    })
}

/// A reference from another API of the same vendor: the page's schema with some of the types
/// the page never mentions renamed (`Name` -> `Name0`, which sorts right after `Name`, so into
/// the same gap) and some types the page shows missing.
#[test]
fn names_only_another_apis_reference_supplies_are_low() {
    let file = "artsy.graphql";
    let truth = truth(file);
    let page = page(&truth, file);
    let text = render_page(&truth);
    let roots = [&truth.roots.query, &truth.roots.mutation];
    let unmentioned: Vec<String> = truth
        .types
        .values()
        .filter(|ty| ty.kind == gqlsmith_model::TypeKind::Object && ty.description.is_none())
        .filter(|ty| {
            !roots
                .iter()
                .any(|root| root.as_deref() == Some(ty.name.as_str()))
        })
        .map(|ty| ty.name.clone())
        .filter(|name| !mentions(&text, name))
        .collect();
    let renamed: Vec<String> = unmentioned.iter().step_by(2).cloned().collect();
    assert!(renamed.len() > 20, "{unmentioned:?}");
    let mut foreign = truth.clone();
    for name in &renamed {
        assert!(foreign.rename_type(name, &format!("{name}0")));
    }
    let dropped: Vec<String> = foreign
        .types
        .values()
        .filter(|ty| ty.kind == gqlsmith_model::TypeKind::Enum && mentions(&text, &ty.name))
        .take(3)
        .map(|ty| ty.name.clone())
        .collect();
    for name in &dropped {
        foreign.types.shift_remove(name);
    }
    let options = RecoverOptions {
        overlay: None,
        reference: Some(shuffled(&foreign, 3)),
    };
    let (evaluation, report) = evaluate_rendered(&truth, &page, &options);

    let mut expected_missing = dropped.clone();
    expected_missing.sort();
    assert_eq!(report.missing_from_reference, expected_missing);
    // Every name of the other API is low, flagged, and listed; nothing wrong is surer.
    let foreign_names: Vec<String> = renamed.iter().map(|name| format!("{name}0")).collect();
    let given_foreign: Vec<&gqlsmith_recover::RecoveredName> = report
        .recovered
        .iter()
        .filter(|name| foreign_names.contains(&name.name))
        .collect();
    assert!(given_foreign.len() > 20, "{}", evaluation.render());
    for name in &given_foreign {
        assert_eq!(name.confidence, Some(gqlsmith_model::Confidence::Low));
        assert!(name.signals.iter().any(|signal| signal == "reference-only"));
        assert!(report.reference_only.contains(&name.name), "{}", name.name);
    }
    assert_eq!(
        (
            evaluation.tiers["high"].wrong,
            evaluation.tiers["medium"].wrong
        ),
        (0, 0),
        "{}",
        evaluation.render()
    );
    assert_eq!(
        evaluation.tiers["low"].wrong,
        given_foreign.len(),
        "{}",
        evaluation.render()
    );
    assert!(report.render().contains(&format!(
        "names only the reference supplies (the page never mentions them; low): {}",
        report.reference_only.len()
    )));
}
