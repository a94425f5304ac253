//! Generates, through the facade `gqlsmith generate` uses, into OUT_DIR: the rust-server stubs
//! for githunt's schema, and the rust-operations code for the documents of githunt, star-wars,
//! the small `graphql/zoo` corpus (a union, a deprecated field, custom scalars, a recursive
//! input, a fragment under `@include`) and the github, shopify-storefront and saleor corpora, and the typescript-operations
//! code for githunt (`githunt_typescript/operations.ts`). Writes `modules.rs`, which
//! declares one module per out dir, and `operations-dirs.txt`, the rust-operations out dirs.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use gqlsmith::codegen::{generate_with_documents, Config, GeneratedFile, Target, Templates};
use gqlsmith::{find_documents, load, read_documents, DocumentPattern, Input, LoadOptions};

/// (module, schema, document globs, target)
const GENERATED: &[(&str, &str, &[&str], Target)] = &[
    (
        "githunt_server",
        "../../fixtures/operations/githunt/schema.json",
        &[],
        Target::RustServer,
    ),
    (
        "githunt",
        "../../fixtures/operations/githunt/schema.json",
        &["../../fixtures/operations/githunt/*.graphql"],
        Target::RustOperations,
    ),
    // For node's fetch: the same operations as TypeScript (compiled by tsc in the test).
    (
        "githunt_typescript",
        "../../fixtures/operations/githunt/schema.json",
        &["../../fixtures/operations/githunt/*.graphql"],
        Target::TypescriptOperations,
    ),
    (
        "star_wars",
        "../../fixtures/operations/star-wars/schema.json",
        &["../../fixtures/operations/star-wars/*.graphql"],
        Target::RustOperations,
    ),
    (
        "zoo",
        "graphql/zoo/schema.graphql",
        &["graphql/zoo/operations/*.graphql"],
        Target::RustOperations,
    ),
    // The larger real corpora, compiled only: GraphQL in .graphql, .gql, .ts and .tsx files.
    (
        "github",
        "../../fixtures/schemas/github.valid.graphql",
        &[
            "../../fixtures/operations/github/gitify/*.graphql",
            "../../fixtures/operations/github/refined-github/*.gql",
            "../../fixtures/operations/github/starter-dev-showcases/*.ts",
        ],
        Target::RustOperations,
    ),
    (
        "shopify",
        "../../fixtures/schemas/shopify-storefront.graphql",
        &[
            "../../fixtures/operations/shopify-storefront/vercel-commerce/*.ts",
            "../../fixtures/operations/shopify-storefront/js-buy-sdk/*.graphql",
            "../../fixtures/operations/shopify-storefront/hydrogen-skeleton/**/*.tsx",
        ],
        Target::RustOperations,
    ),
    (
        "saleor",
        "../../fixtures/schemas/saleor.graphql",
        &[
            "../../fixtures/operations/saleor/apps-search/**/*.graphql",
            "../../fixtures/operations/saleor/dashboard/**/*.ts",
            "../../fixtures/operations/saleor/saleor-sdk/*",
        ],
        Target::RustOperations,
    ),
];

fn main() {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=graphql");
    println!("cargo::rerun-if-changed=../../fixtures/operations");
    println!("cargo::rerun-if-changed=../../templates");
    let config = config();
    let mut modules = String::from("// Written by build.rs: one module per generated out dir.\n");
    for (module, schema_path, globs, target) in GENERATED {
        let input = Input::read(Path::new(schema_path), None)
            .unwrap_or_else(|error| panic!("{schema_path}: {error}"));
        let project = load(vec![input], &LoadOptions::default());
        let (schema, _warnings) = project
            .loaded
            .clone()
            .into_valid()
            .unwrap_or_else(|loaded| {
                panic!(
                    "{schema_path} has errors: {:?}",
                    messages(&loaded.diagnostics)
                )
            });
        let documents = (!globs.is_empty()).then(|| {
            let patterns: Vec<DocumentPattern> = globs
                .iter()
                .map(|glob| DocumentPattern::new(*glob, ""))
                .collect();
            let files =
                find_documents(&patterns).unwrap_or_else(|error| panic!("{globs:?}: {error}"));
            let read = read_documents(&schema, &files);
            let errors: Vec<_> = read
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect();
            assert!(errors.is_empty(), "{globs:?}: {:?}", messages(&errors));
            read.documents
        });
        let files = generate_with_documents(
            &schema,
            documents.as_ref(),
            *target,
            &config,
            &Templates::embedded(),
            schema_path,
        )
        .unwrap_or_else(|diagnostics| {
            panic!("{target} for {schema_path}: {:?}", messages(&diagnostics))
        });
        let dir = out_dir.join(module);
        write_files(&dir, &files);
        if *target == Target::TypescriptOperations {
            continue;
        }
        writeln!(
            modules,
            "#[path = {:?}]\npub mod {module};",
            dir.join("mod.rs").display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    std::fs::write(out_dir.join("modules.rs"), modules).expect("OUT_DIR is writable");
    let operations_dirs: Vec<&str> = GENERATED
        .iter()
        .filter(|(_, _, _, target)| *target == Target::RustOperations)
        .map(|(module, ..)| *module)
        .collect();
    std::fs::write(
        out_dir.join("operations-dirs.txt"),
        operations_dirs.join("\n"),
    )
    .expect("OUT_DIR is writable");
}

/// The `[generate]` table, as `[generate.scalars.DateTime] rust = "String"` in a user's
/// gqlsmith.toml would give it: the zoo's `DateTime` is read as a string, its `Json` is left
/// to the default, `serde_json::Value`.
fn config() -> Config {
    let mut config = Config::default();
    config.scalars.insert(
        "DateTime".to_owned(),
        gqlsmith::codegen::ScalarMapping {
            rust: Some("String".to_owned()),
            ..Default::default()
        },
    );
    config
}

fn messages(diagnostics: &[gqlsmith::model::Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

fn write_files(dir: &Path, files: &[GeneratedFile]) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("the old out dir can be removed");
    }
    for file in files {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().expect("a generated path has a parent"))
            .expect("OUT_DIR is writable");
        std::fs::write(&path, &file.contents).expect("OUT_DIR is writable");
    }
}
