//! The reader survives any input: truncated copies of the seed at every 1,000th byte, shuffled
//! seed lines, random bytes, and random pages built from the format's own pieces. Each input
//! must read without a panic, with every line accounted for and every diagnostic inside the
//! input. Case counts are bounded so this runs in seconds.

mod support;

use std::sync::Arc;

use proptest::prelude::*;

const SEED: &str = include_str!("../../../fixtures/kraken/objects.txt");

#[track_caller]
fn check(text: &str) {
    let (loaded, trace) = gqlsmith_docs::read_with_trace(text, Arc::from("fuzz.txt"));
    support::assert_every_line_accounted(text, &loaded, &trace);
    let line_count = text.lines().count().max(1);
    for diagnostic in &loaded.diagnostics {
        let location = diagnostic
            .location
            .as_ref()
            .expect("reader diagnostics have a location");
        assert!(
            location.line >= 1 && location.line as usize <= line_count,
            "{diagnostic}"
        );
        assert!(
            location.column >= 1 && diagnostic.length >= 1,
            "{diagnostic}"
        );
        assert!(diagnostic.help.is_some(), "{diagnostic}");
    }
    let _ = gqlsmith_docs::stats(&loaded);
}

/// Reads the seed cut at every 1,000th byte (moved back to a character boundary), taking
/// every other cut starting at `first`. Two tests share the cuts so the test harness runs them
/// on two threads: in a debug build this is the slowest test of the crate.
fn check_truncations(first: usize) {
    for cut in (first * 1_000..SEED.len()).step_by(2_000) {
        let mut end = cut;
        while !SEED.is_char_boundary(end) {
            end -= 1;
        }
        check(&SEED[..end]);
    }
}

#[test]
fn seed_truncated_at_even_thousands_of_bytes() {
    check_truncations(0);
}

#[test]
fn seed_truncated_at_odd_thousands_of_bytes() {
    check_truncations(1);
}

/// Pieces of lines the format is made of, and a few it is not.
const PIECES: &[&str] = &[
    "}",
    "}AccountType",
    "}Fields",
    "}Example",
    "}Two Words",
    "AccountType",
    "Fields",
    "Example",
    "{",
    "|",
    " |",
    "| Name | Description |",
    "|---|---|",
    "Arguments",
    "The possible errors that can be raised are:",
    "- KT-CT-1111: Unauthorized.",
    "- KT-CT-1111",
    "- ",
    "id(ID!) | |",
    "id(ID!) |",
    "users([AccountUserType!]!) | The users. Arguments",
    "bad([Foo) | x |",
    "node(Foo)",
    "x(",
    "(",
    ")",
    "text that ends with the",
    "Deprecated The 'x' field is deprecated.",
    "We recommend you use fullName instead of this field.",
    "use a or b instead Deprecated The 'y' field is deprecated. |",
    "\"id\": \"abc123\",",
    "\"edges\": Edge",
    "\"\": 1",
    "\"",
    "Objects",
    "’é",
    "\r",
    "",
    " ",
];

fn page_from_pieces() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            proptest::sample::select(PIECES),
            proptest::sample::select(PIECES),
            any::<bool>(),
        ),
        0..80,
    )
    .prop_map(|lines| {
        let mut page = String::new();
        for (first, second, glue) in lines {
            page.push_str(first);
            if glue {
                page.push_str(second);
            }
            page.push('\n');
        }
        page
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_pages_from_the_format_pieces(page in page_from_pieces()) {
        check(&page);
    }

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_strings(text in "\\PC{0,400}") {
        check(&text);
    }
}

fn shuffled_seed() -> impl Strategy<Value = Vec<&'static str>> {
    Just(SEED.lines().collect::<Vec<_>>()).prop_shuffle()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_seed_windows(start in 0_usize..14_000, lines in shuffled_seed()) {
        // 700 consecutive lines of the shuffled page: every kind of line next to every other.
        let window = lines.iter().skip(start).take(700).copied().collect::<Vec<_>>().join("\n");
        check(&window);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_whole_seed(lines in shuffled_seed()) {
        check(&lines.join("\n"));
    }
}
