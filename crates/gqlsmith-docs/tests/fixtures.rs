//! One snapshot per quirk fixture in `fixtures/docs/`: the whole model and every diagnostic,
//! as a user of `gqlsmith convert` would see them, and the proof that every line of each
//! fixture is accounted for.

mod support;

use std::sync::Arc;

#[test]
fn read() {
    insta::glob!("../../../fixtures/docs", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let (loaded, trace) = gqlsmith_docs::read_with_trace(&text, Arc::from(name.as_ref()));
        support::assert_every_line_accounted(&text, &loaded, &trace);
        insta::assert_snapshot!(support::render_full(&loaded));
    });
}
