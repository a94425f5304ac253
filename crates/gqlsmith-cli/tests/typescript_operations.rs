//! The `typescript-operations` target against graphql-codegen's, judged by the type checker:
//! for the real operation corpora, `gqlsmith generate --target typescript-operations` (as
//! users run it) and graphql-codegen's `typescript-operations` plugin (pinned in `tools/`)
//! both write their types; `tsc --strict` then checks that every operation, variables and
//! fragment type of ours and theirs are assignable both ways. Our output also type-checks on
//! its own under `--strict`, `TypedDocumentNode` constants included.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

mod support;

use support::{gqlsmith, root};

/// Corpus, schema, and the documents both tools read (graphql-codegen's loader skips
/// Hydrogen's untagged `#graphql` templates, so the `.tsx` hosts are left to ours alone).
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
        &["vercel-commerce/*.ts", "js-buy-sdk/*.graphql"],
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

fn tools() -> PathBuf {
    root().join("tools")
}

fn tsc(dir: &Path, files: &[&str]) -> String {
    let config = serde_json::json!({
        "compilerOptions": {
            "strict": true,
            "noEmit": true,
            "target": "es2020",
            "module": "esnext",
            "moduleResolution": "node",
            "baseUrl": ".",
            "paths": {
                "@graphql-typed-document-node/core": [tools().join("node_modules/@graphql-typed-document-node/core").display().to_string()]
            }
        },
        "files": files,
    });
    std::fs::write(dir.join("tsconfig.json"), config.to_string()).unwrap();
    let output = Command::new(tools().join("node_modules/.bin/tsc"))
        .args(["-p", "tsconfig.json", "--pretty", "false"])
        .current_dir(dir)
        .output()
        .expect("tsc runs (tools/ is installed by `cargo xtask test`)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The names `export type NAME` declares in a generated file.
fn exported_types(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("export type "))
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn our_types_and_graphql_codegen_s_are_assignable_both_ways() {
    let mut report = Vec::new();
    let (mut compared, mut equivalent) = (0, 0);
    let mut differences = Vec::new();
    for (corpus, schema, patterns) in CORPORA {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        // Ours, through the CLI.
        let mut args = vec![
            "generate".to_owned(),
            root().join(schema).display().to_string(),
            "--target".to_owned(),
            "typescript-operations".to_owned(),
            "--out".to_owned(),
            dir.join("ours").display().to_string(),
        ];
        for pattern in patterns {
            args.push("--documents".to_owned());
            args.push(format!("fixtures/operations/{corpus}/{pattern}"));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = gqlsmith(&args);
        assert_eq!(run.code, 0, "{corpus}: {}", run.stderr);
        let ours_path = dir.join("ours/typescript-operations/operations.ts");
        let ours = std::fs::read_to_string(&ours_path).expect("operations.ts written");
        // Theirs: graphql-codegen, run from tools/ (it finds its plugins there).
        let documents: Vec<String> = patterns
            .iter()
            .map(|pattern| {
                root()
                    .join(format!("fixtures/operations/{corpus}/{pattern}"))
                    .display()
                    .to_string()
            })
            .collect();
        let codegen_config = serde_json::json!({
            "schema": root().join(schema).display().to_string(),
            "documents": documents,
            "generates": { dir.join("theirs.ts").display().to_string(): { "plugins": ["typescript-operations"] } },
        });
        let config_path = dir.join("codegen.json");
        std::fs::write(&config_path, codegen_config.to_string()).unwrap();
        let output = Command::new(tools().join("node_modules/.bin/graphql-codegen"))
            .args(["--config", &config_path.display().to_string()])
            .current_dir(tools())
            .output()
            .expect("graphql-codegen runs");
        assert!(
            output.status.success(),
            "{corpus}: graphql-codegen failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let theirs = std::fs::read_to_string(dir.join("theirs.ts")).unwrap();
        std::fs::copy(&ours_path, dir.join("ours.ts")).unwrap();
        // Ours alone, strict.
        let alone = tsc(dir, &["ours.ts"]);
        assert!(
            alone.is_empty(),
            "{corpus}: our operations.ts does not type-check:\n{alone}"
        );
        // Both ways, one pair of assignments per type both files declare.
        let ours_types = exported_types(&ours);
        let theirs_types = exported_types(&theirs);
        let common: Vec<&String> = ours_types.intersection(&theirs_types).collect();
        let mut check = String::from(
            "import type * as Ours from './ours';\nimport type * as Theirs from './theirs';\n",
        );
        let mut lines = Vec::new();
        for name in &common {
            check.push_str(&format!("declare const ours_{name}: Ours.{name};\nexport const to_theirs_{name}: Theirs.{name} = ours_{name};\n"));
            lines.push((check.lines().count(), name.to_string(), "ours -> theirs"));
            check.push_str(&format!("declare const theirs_{name}: Theirs.{name};\nexport const to_ours_{name}: Ours.{name} = theirs_{name};\n"));
            lines.push((check.lines().count(), name.to_string(), "theirs -> ours"));
        }
        std::fs::write(dir.join("check.ts"), &check).unwrap();
        let errors = tsc(dir, &["check.ts"]);
        let mut failed: BTreeSet<String> = BTreeSet::new();
        for error in errors.lines().filter(|line| line.starts_with("check.ts(")) {
            let line: usize = error["check.ts(".len()..]
                .split(',')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            if let Some((_, name, direction)) = lines.iter().find(|(at, _, _)| *at == line) {
                failed.insert(name.clone());
                differences.push(format!("{corpus}: {name} ({direction}): {error}"));
            }
        }
        compared += common.len();
        equivalent += common.len() - failed.len();
        let only_theirs: Vec<&String> = theirs_types.difference(&ours_types).collect();
        report.push(format!(
            "{corpus}: {} of {} types equivalent; only in codegen's: {only_theirs:?}",
            common.len() - failed.len(),
            common.len()
        ));
        // Every operation type codegen writes, we write too (the enums and inputs it declares
        // may be named alike or not needed).
        let missing: Vec<&&String> = only_theirs
            .iter()
            .filter(|name| {
                name.ends_with("Query")
                    || name.ends_with("Mutation")
                    || name.ends_with("Subscription")
                    || name.ends_with("Variables")
                    || name.ends_with("Fragment")
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{corpus}: codegen declares {missing:?}, we do not"
        );
    }
    eprintln!("{}", report.join("\n"));
    assert!(compared >= 250, "compared {compared} types");
    assert!(
        differences.is_empty(),
        "{equivalent} of {compared} types equivalent; differences:\n{}",
        differences.join("\n")
    );
}

/// The whole `operations.ts` of two corpora, as `gqlsmith generate` writes it (the snapshot
/// names the input relative to the repository, as a user running from there sees it).
#[test]
fn snapshots_of_two_corpora() {
    for (corpus, schema) in [
        ("githunt", "fixtures/operations/githunt/schema.json"),
        ("star-wars", "fixtures/operations/star-wars/schema.json"),
    ] {
        let scratch = tempfile::tempdir().unwrap();
        let out = scratch.path().display().to_string();
        let documents = format!("fixtures/operations/{corpus}/*.graphql");
        let run = gqlsmith(&[
            "generate",
            schema,
            "--documents",
            &documents,
            "--target",
            "typescript-operations",
            "--out",
            &out,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text =
            std::fs::read_to_string(scratch.path().join("typescript-operations/operations.ts"))
                .unwrap();
        insta::assert_snapshot!(format!("operations_ts_{corpus}"), text);
    }
}

#[test]
fn options_change_the_shape_as_codegen_s_do() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("gqlsmith.toml"),
        "[generate.typescript-operations]\nenums_as_types = false\navoid_optionals = true\nskip_typename = false\nimmutable_types = true\ntyped_document_node = false\n",
    )
    .unwrap();
    let schema = root()
        .join("fixtures/operations/star-wars/schema.json")
        .display()
        .to_string();
    let documents = root()
        .join("fixtures/operations/star-wars/*.graphql")
        .display()
        .to_string();
    let run = support::gqlsmith_in(
        scratch.path(),
        &[
            "generate",
            &schema,
            "--documents",
            &documents,
            "--target",
            "typescript-operations",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(
        scratch
            .path()
            .join("out/typescript-operations/operations.ts"),
    )
    .unwrap();
    assert!(
        text.contains("export enum Episode {"),
        "enums_as_types = false"
    );
    assert!(
        text.contains("readonly episode: Episode | null;"),
        "avoid_optionals: {text}"
    );
    assert!(
        text.contains("__typename?: 'Human'"),
        "skip_typename = false"
    );
    assert!(text.contains("readonly name: string"), "immutable_types");
    assert!(text.contains("ReadonlyArray<"), "immutable_types");
    assert!(
        !text.contains("DocumentNode"),
        "typed_document_node = false"
    );
    std::fs::copy(
        scratch
            .path()
            .join("out/typescript-operations/operations.ts"),
        scratch.path().join("ours.ts"),
    )
    .unwrap();
    let errors = tsc(scratch.path(), &["ours.ts"]);
    assert!(errors.is_empty(), "{errors}");
}
