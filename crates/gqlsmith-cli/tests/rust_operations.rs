//! The `rust-operations` target through the CLI, as users run it: every file that
//! `gqlsmith generate --target rust-operations --documents ...` writes for the real operation
//! corpora is `rustfmt --edition 2021 --check` clean as written (no formatter runs at generate
//! time: the templates print rustfmt's layout), and so are names long enough to make rustfmt
//! break lines; a deprecated field an operation selects carries `#[deprecated]` in Rust and
//! `@deprecated` in TypeScript. The output compiles and runs in `tests/operations-roundtrip`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;

use support::{gqlsmith, gqlsmith_in};

/// Corpus, schema, and document globs (relative to `fixtures/operations/<corpus>`).
const CORPORA: [(&str, &str, &[&str]); 5] = [
    (
        "githunt",
        "fixtures/operations/githunt/schema.json",
        &["*.graphql"],
    ),
    (
        "star-wars",
        "fixtures/operations/star-wars/schema.json",
        &["*.graphql"],
    ),
    (
        "github",
        "fixtures/schemas/github.valid.graphql",
        &[
            "gitify/*.graphql",
            "refined-github/*.gql",
            "starter-dev-showcases/*.ts",
        ],
    ),
    (
        "shopify-storefront",
        "fixtures/schemas/shopify-storefront.graphql",
        &[
            "vercel-commerce/*.ts",
            "js-buy-sdk/*.graphql",
            "hydrogen-skeleton/**/*.tsx",
        ],
    ),
    (
        "saleor",
        "fixtures/schemas/saleor.graphql",
        &[
            "apps-search/**/*.graphql",
            "dashboard/**/*.ts",
            "saleor-sdk/*",
        ],
    ),
];

/// The `.rs` files under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    files.sort();
    files
}

/// Runs `rustfmt --edition 2021 --check` on `files`; rustfmt's diff when it would change any.
fn rustfmt_check(files: &[PathBuf]) -> Result<(), String> {
    let output = Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .args(files)
        .output()
        .expect("rustfmt runs (rustup component add rustfmt)");
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

#[test]
fn rustfmt_accepts_every_file_generate_writes_for_the_corpora() {
    for (corpus, schema, globs) in CORPORA {
        let scratch = tempfile::tempdir().unwrap();
        let out = scratch.path().display().to_string();
        let mut args = vec![
            "generate".to_owned(),
            schema.to_owned(),
            "--target".to_owned(),
            "rust-operations".to_owned(),
            "--out".to_owned(),
            out,
        ];
        for glob in globs {
            args.push("--documents".to_owned());
            args.push(format!("fixtures/operations/{corpus}/{glob}"));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = gqlsmith(&args);
        assert_eq!(run.code, 0, "{corpus}: {}", run.stderr);
        let files = rust_files(&scratch.path().join("rust-operations"));
        // mod.rs, types.rs and one file per operation: every corpus has more than five.
        assert!(files.len() > 7, "{corpus}: only {} files", files.len());
        if let Err(diff) = rustfmt_check(&files) {
            panic!("{corpus}: rustfmt --check would change the output:\n{diff}");
        }
    }
}

/// Names long enough that rustfmt breaks nearly every construct the target prints: long
/// type, field, enum, fragment and operation names, a long deprecation reason, configured
/// derives that overflow one line, a union narrowed by `__typename`, a fragment spread under
/// `@include` and one unconditional, custom scalars mapped to generic Rust types.
const LONG_SCHEMA: &str = r#"
scalar LongCustomScalarForTheTestOfLineBreaking
type Query {
  anExtraordinarilyLongFieldNameThatNeverEndsAndKeepsGoingOnAndOnForever(
    anEquallyLongArgumentNameThatIsAlsoFarTooLongForOneLine: AnExtraordinarilyLongInputTypeNameForTesting
  ): [AnExtraordinarilyLongUnionTypeNameThatKeepsGoingOnAndOnForever!]
  short: AnExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever
}
type AnExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever {
  id: ID!
  anotherExtraordinarilyLongFieldNameOnTheObjectThatKeepsGoingOnAndOn: [[LongCustomScalarForTheTestOfLineBreaking]]
  old: String @deprecated(reason: "This field is deprecated and will be removed soon: read the other field, which holds the same value.")
  status: AnExtraordinarilyLongEnumTypeNameThatKeepsGoingOnAndOnAndOnForever
}
type AnotherExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever {
  id: ID!
}
union AnExtraordinarilyLongUnionTypeNameThatKeepsGoingOnAndOnForever =
  AnExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever
  | AnotherExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever
enum AnExtraordinarilyLongEnumTypeNameThatKeepsGoingOnAndOnAndOnForever {
  AN_EXTRAORDINARILY_LONG_ENUM_VALUE_NAME_THAT_KEEPS_GOING_ON_AND_ON_AND_ON_AND_ON_FOREVER
  OLD_VALUE @deprecated(reason: "This value is deprecated and will be removed soon: use the other value, which means the same.")
}
input AnExtraordinarilyLongInputTypeNameForTesting {
  anExtraordinarilyLongInputFieldNameThatKeepsGoingOnAndOnAndOnForever: [[AnExtraordinarilyLongEnumTypeNameThatKeepsGoingOnAndOnAndOnForever!]!]
}
"#;

const LONG_DOCUMENT: &str = r#"
query AnExtraordinarilyLongOperationNameThatKeepsGoingOnAndOnAndOnAndOnForever(
  $anEquallyLongArgumentNameThatIsAlsoFarTooLongForOneLine: AnExtraordinarilyLongInputTypeNameForTesting
  $includeTheFragmentWithTheExtraordinarilyLongName: Boolean!
) {
  anExtraordinarilyLongFieldNameThatNeverEndsAndKeepsGoingOnAndOnForever(
    anEquallyLongArgumentNameThatIsAlsoFarTooLongForOneLine: $anEquallyLongArgumentNameThatIsAlsoFarTooLongForOneLine
  ) {
    ... on AnExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever {
      anotherExtraordinarilyLongFieldNameOnTheObjectThatKeepsGoingOnAndOn
      old
    }
    ... on AnotherExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever { id }
  }
  short {
    anotherExtraordinarilyLongFieldNameOnTheObjectThatKeepsGoingOnAndOn
    ...AnExtraordinarilyLongFragmentNameThatKeepsGoingOnAndOnAndOnAndOnForever @include(if: $includeTheFragmentWithTheExtraordinarilyLongName)
    ...TheOtherExtraordinarilyLongFragmentNameThatKeepsGoingOnAndOnAndOnForever
  }
}

fragment AnExtraordinarilyLongFragmentNameThatKeepsGoingOnAndOnAndOnAndOnForever on AnExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever {
  id
  status
}

fragment TheOtherExtraordinarilyLongFragmentNameThatKeepsGoingOnAndOnAndOnForever on AnExtraordinarilyLongObjectTypeNameThatKeepsGoingOnAndOnAndOnForever {
  old
}
"#;

const LONG_CONFIG: &str = r#"
[generate.scalars.LongCustomScalarForTheTestOfLineBreaking]
rust = "std::collections::BTreeMap<String, std::collections::BTreeMap<String, Vec<serde_json::Value>>>"

[generate.rust-operations]
derives = ["Hash", "serde::Serialize", "some_crate_with_a_long_name::SomeDeriveWithALongName"]
"#;

/// Runs `generate --target <target>` on the long-names schema and document in a scratch dir;
/// returns the dir and the target's out dir.
fn generate_long(target: &str) -> (tempfile::TempDir, PathBuf) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::write(dir.join("schema.graphql"), LONG_SCHEMA).unwrap();
    std::fs::write(dir.join("operations.graphql"), LONG_DOCUMENT).unwrap();
    std::fs::write(dir.join("gqlsmith.toml"), LONG_CONFIG).unwrap();
    let run = gqlsmith_in(
        dir,
        &[
            "generate",
            "schema.graphql",
            "--documents",
            "operations.graphql",
            "--target",
            target,
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out").join(target);
    (scratch, out)
}

#[test]
fn rustfmt_accepts_long_names_that_make_it_break_lines() {
    let (_scratch, out) = generate_long("rust-operations");
    let files = rust_files(&out);
    if let Err(diff) = rustfmt_check(&files) {
        panic!("rustfmt --check would change the output:\n{diff}");
    }
    // The output does break lines (else this test would check nothing new).
    let all: String = files
        .iter()
        .map(|file| std::fs::read_to_string(file).unwrap())
        .collect();
    for broken in [
        "#[derive(\n",
        "#[deprecated(\n        note = ",
        "_on_and_on: Option<\n        Vec<\n            Option<\n",
        "            return super::part(&raw)\n                .map(Self::",
        "            return super::part(&raw).map(\n                Self::",
        "impl<'de> serde::Deserialize<'de>\n    for ",
        "pub const QUERY: &str = r#\"query ",
    ] {
        assert!(all.contains(broken), "no `{broken}` in:\n{all}");
    }
}

#[test]
fn selected_deprecated_fields_are_marked_in_rust_and_typescript() {
    let (_scratch, out) = generate_long("rust-operations");
    let operation = std::fs::read_to_string(
        out.join("an_extraordinarily_long_operation_name_that_keeps_going_on_and_on_and_on_and_on_forever.rs"),
    )
    .unwrap();
    assert!(
        operation.contains("    #[deprecated(\n        note = \"This field is deprecated and will be removed soon: read the other field, which holds the same value.\"\n    )]\n    pub old: Option<String>,"),
        "{operation}"
    );
    let types = std::fs::read_to_string(out.join("types.rs")).unwrap();
    assert!(
        types.contains("    #[deprecated(\n        note = \"This value is deprecated and will be removed soon: use the other value, which means the same.\"\n    )]\n    #[serde(rename = \"OLD_VALUE\")]\n    OldValue,"),
        "{types}"
    );
    // A field not deprecated carries no attribute.
    assert_eq!(operation.matches("#[deprecated(").count(), 1, "{operation}");

    let (_scratch, out) = generate_long("typescript-operations");
    let typescript = std::fs::read_to_string(out.join("operations.ts")).unwrap();
    let note = "/** @deprecated This field is deprecated and will be removed soon: read the other field, which holds the same value. */";
    // In the operation (twice: `old` is selected directly and through a fragment) and in the
    // fragment's type; always on `old`, the one deprecated field.
    assert_eq!(
        typescript
            .matches(&format!("{note} old: string | null"))
            .count(),
        3,
        "{typescript}"
    );
    assert_eq!(typescript.matches(note).count(), 3, "{typescript}");
}
