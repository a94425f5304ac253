use std::sync::Arc;
fn main() {
    let text = std::fs::read_to_string("fixtures/kraken/objects.txt").unwrap();
    let mut loaded = gqlsmith_docs::read(&text, Arc::from("fixtures/kraken/objects.txt"));
    gqlsmith_recover::recover(&mut loaded, &gqlsmith_recover::RecoverOptions::default());
    let mut config = gqlsmith_checks::Config::default();
    config.profiles.push(gqlsmith_checks::Profile::Kraken);
    let findings = gqlsmith_checks::check(&loaded.schema, &config, gqlsmith_model::Date::parse("2026-11-29").unwrap());
    let mut counts = std::collections::BTreeMap::new();
    for f in &findings { *counts.entry(f.name.clone()).or_insert(0) += 1; }
    println!("{counts:#?}");
    let want = std::env::args().nth(1);
    for f in &findings { if want.as_deref() == Some(f.name.as_str()) { println!("{f}"); } }
}
