//! Client operations through the CLI, as users run it: `check --documents` against graphql-js
//! on real corpora and on mutated operations, `diff --documents`, `coverage`, and a docs page
//! that cannot run operations.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod support;

use support::{gqlsmith, gqlsmith_in, root};

/// The corpora of `fixtures/operations/` and the schema each is written against.
const CORPORA: [(&str, &str); 5] = [
    ("githunt", "fixtures/operations/githunt/schema.json"),
    ("star-wars", "fixtures/operations/star-wars/schema.json"),
    ("github", "fixtures/schemas/github.valid.graphql"),
    (
        "shopify-storefront",
        "fixtures/schemas/shopify-storefront.graphql",
    ),
    ("saleor", "fixtures/schemas/saleor.graphql"),
];

fn node_tool(script: &str) -> Command {
    let mut command = Command::new("node");
    command
        .arg(root().join("tools").join(script))
        .current_dir(root());
    command
}

/// graphql-js's errors per file (`tools/validate-documents.mjs`, run now, on `files`).
fn graphql_js_all_errors(
    schema: &str,
    files: &[String],
    dir: &Path,
) -> BTreeMap<String, Vec<Value>> {
    let output = node_tool("validate-documents.mjs")
        .arg(schema)
        .args(files)
        .current_dir(dir)
        .output()
        .expect("node runs (tools/ is installed by `cargo xtask test`)");
    assert!(
        output.status.success(),
        "graphql-js failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let verdicts: Value = serde_json::from_slice(&output.stdout).expect("JSON verdicts");
    verdicts["files"]
        .as_object()
        .expect("files")
        .iter()
        .map(|(file, errors)| {
            (
                file.clone(),
                errors.as_array().expect("a list of errors").clone(),
            )
        })
        .collect()
}

/// [`graphql_js_all_errors`] less the one rule gqlsmith deliberately runs as a lint instead
/// (`unused-fragment`, a warning: across a project's files, a fragment kept for later is
/// not a broken document; graphql-codegen and graphql-inspector skip that rule too).
fn graphql_js_errors(schema: &str, files: &[String], dir: &Path) -> BTreeMap<String, Vec<Value>> {
    graphql_js_all_errors(schema, files, dir)
        .into_iter()
        .map(|(file, errors)| {
            let errors = errors
                .into_iter()
                .filter(|error| {
                    !error["message"]
                        .as_str()
                        .unwrap_or_default()
                        .ends_with("is never used.")
                })
                .collect();
            (file, errors)
        })
        .collect()
}

/// gqlsmith's document errors per file, from `check --documents --format json`.
fn gqlsmith_errors(schema: &str, pattern: &str, dir: &Path) -> BTreeMap<String, Vec<Value>> {
    let run = gqlsmith_in(
        dir,
        &["check", schema, "--documents", pattern, "--format", "json"],
    );
    assert!(
        run.code <= 1,
        "exit {}: {}{}",
        run.code,
        run.stderr,
        run.stdout
    );
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON report");
    let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for finding in report["findings"].as_array().expect("findings") {
        let code = finding["code"].as_str().unwrap_or_default();
        if finding["severity"] == "error" && code.starts_with("O1") {
            let file = finding["file"].as_str().unwrap_or_default().to_owned();
            by_file.entry(file).or_default().push(finding.clone());
        }
    }
    by_file
}

fn corpus_files(corpus: &str) -> Vec<String> {
    let pattern = format!("fixtures/operations/{corpus}/**/*");
    let base = root();
    let files = gqlsmith::find_documents(&[gqlsmith::DocumentPattern::new(pattern, &base)])
        .expect("the corpus has documents");
    files
        .iter()
        .map(|file| {
            Path::new(&*file.label)
                .strip_prefix(&base)
                .expect("below the root")
                .display()
                .to_string()
        })
        .collect()
}

#[test]
fn every_corpus_document_gets_graphql_js_verdict() {
    let mut compared = 0;
    let mut disagreements = Vec::new();
    for (corpus, schema) in CORPORA {
        let files = corpus_files(corpus);
        assert!(files.len() >= 10, "{corpus}: {} files", files.len());
        let all_theirs = graphql_js_all_errors(schema, &files, &root());
        let theirs = graphql_js_errors(schema, &files, &root());
        let ours = gqlsmith_errors(
            schema,
            &format!("fixtures/operations/{corpus}/**/*"),
            &root(),
        );
        for file in &files {
            compared += 1;
            let they_reject = theirs.get(file).is_some_and(|errors| !errors.is_empty());
            let we_reject = ours.contains_key(file);
            if they_reject != we_reject {
                disagreements.push(format!(
                    "{file}: graphql-js {}, gqlsmith {}\n  graphql-js: {:?}\n  gqlsmith: {:?}",
                    if they_reject { "rejects" } else { "accepts" },
                    if we_reject { "rejects" } else { "accepts" },
                    theirs.get(file),
                    ours.get(file).map(|errors| errors
                        .iter()
                        .map(|e| e["message"].clone())
                        .collect::<Vec<_>>()),
                ));
            }
        }
        // Files graphql-js rejects all sit in the corpus's `invalid/` folder, and every one
        // there is rejected: the corpora are what their README says.
        for file in &files {
            let rejected = all_theirs
                .get(file)
                .is_some_and(|errors| !errors.is_empty());
            assert_eq!(
                rejected,
                file.contains("/invalid/"),
                "{file}: graphql-js {:?}",
                all_theirs.get(file)
            );
        }
    }
    assert!(compared >= 150, "compared {compared} documents");
    assert!(
        disagreements.is_empty(),
        "{} of {compared} documents disagree:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// A way to break a valid operation, and the line it changes.
struct Mutation {
    kind: &'static str,
    file: String,
    text: String,
    line: u32,
}

/// Each kind of mutation applied once to the first document of `corpus` it fits.
fn mutations(corpus: &str, schema_path: &str) -> Vec<Mutation> {
    use gqlsmith::model::{Selection, TypeKind};
    let schema_input =
        gqlsmith::Input::read(&root().join(schema_path), None).expect("the schema reads");
    let project = gqlsmith::load(vec![schema_input], &gqlsmith::LoadOptions::default());
    let schema = &project.loaded.schema;
    let base = root();
    let files = gqlsmith::find_documents(&[gqlsmith::DocumentPattern::new(
        format!("fixtures/operations/{corpus}/**/*"),
        &base,
    )])
    .unwrap();
    let files: Vec<_> = files
        .into_iter()
        .filter(|file| !file.label.contains("/invalid/"))
        .collect();
    let read = gqlsmith::read_documents(schema, &files);
    let documents = &read.documents;
    let text_of = |label: &str| {
        files
            .iter()
            .find(|file| &*file.label == label)
            .map(|file| file.text.to_string())
            .unwrap()
    };
    let relative = |label: &str| {
        Path::new(label)
            .strip_prefix(&base)
            .unwrap()
            .display()
            .to_string()
    };
    // Inserts `insert` at (line, column) of `text` (1-based, columns in characters).
    let insert_at = |text: &str, line: u32, column: u32, insert: &str| -> String {
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let target = &mut lines[line as usize - 1];
        let byte = target
            .char_indices()
            .nth(column as usize - 1)
            .map_or(target.len(), |(at, _)| at);
        target.insert_str(byte, insert);
        lines.join("\n")
    };
    let replace_on_line = |text: &str, line: u32, from: &str, to: &str| -> Option<String> {
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let target = &mut lines[line as usize - 1];
        let at = target.find(from)?;
        target.replace_range(at..at + from.len(), to);
        Some(lines.join("\n"))
    };
    let mut found: Vec<Mutation> = Vec::new();
    let mut fields = Vec::new();
    for definition in documents.definitions() {
        let mut pending: Vec<&[Selection]> = vec![definition.selections()];
        while let Some(selections) = pending.pop() {
            for selection in selections {
                match selection {
                    Selection::Field(field) => {
                        fields.push(field);
                        pending.push(&field.selections);
                    }
                    Selection::InlineFragment(inline) => pending.push(&inline.selections),
                    Selection::FragmentSpread(_) => {}
                }
            }
        }
    }
    fields.sort_by_key(|field| {
        (
            field.location.file.clone(),
            field.location.line,
            field.location.column,
        )
    });
    // Unknown field: a selection no type has, next to a real one.
    if let Some(field) = fields
        .iter()
        .find(|field| !field.parent_type.is_empty() && field.name != "__typename")
    {
        let file = &*field.location.file;
        found.push(Mutation {
            kind: "unknown field",
            text: insert_at(
                &text_of(file),
                field.location.line,
                field.location.column,
                "zzzNoSuchField ",
            ),
            file: relative(file),
            line: field.location.line,
        });
    }
    // Fragment on a wrong type: a spread of a fragment on a type the selection can never be.
    let other_object = |not: &str| {
        schema
            .types
            .values()
            .find(|ty| {
                ty.kind == TypeKind::Object
                    && ty.name != not
                    && !ty.name.starts_with("__")
                    && Some(&ty.name) != schema.roots.query.as_ref()
                    && ty.fields.iter().any(|f| f.name != "id")
            })
            .map(|ty| ty.name.clone())
    };
    if let Some((field, other)) = fields.iter().find_map(|field| {
        let parent = schema.types.get(&field.parent_type)?;
        if parent.kind != TypeKind::Object || field.name == "__typename" {
            return None;
        }
        Some((field, other_object(&parent.name)?))
    }) {
        let file = &*field.location.file;
        let text = insert_at(
            &text_of(file),
            field.location.line,
            field.location.column,
            "...MutationWrongType ",
        );
        let text = if gqlsmith::operations::is_host_file(file) {
            format!("{text}\nconst MUTATION_WRONG_TYPE = gql`fragment MutationWrongType on {other} {{ __typename }}`;\n")
        } else {
            format!("{text}\nfragment MutationWrongType on {other} {{ __typename }}\n")
        };
        found.push(Mutation {
            kind: "fragment on a wrong type",
            text,
            file: relative(file),
            line: field.location.line,
        });
    }
    // Missing required argument: an argument the schema requires, removed where it is passed.
    'outer: for field in &fields {
        let Some(definition) = schema
            .types
            .get(&field.parent_type)
            .and_then(|ty| ty.field(&field.name))
        else {
            continue;
        };
        for argument in &field.arguments {
            let required = definition
                .argument(&argument.name)
                .is_some_and(|input| input.is_required());
            let file = &*field.location.file;
            let text = text_of(file);
            let written = format!("{}: {}", argument.name, argument.value);
            if required {
                // `(arg: $x)` goes with its parentheses: `()` does not parse.
                for with_comma in [
                    format!("({written})"),
                    format!("{written}, "),
                    format!(", {written}"),
                    written.clone(),
                ] {
                    if let Some(text) =
                        replace_on_line(&text, argument.location.line, &with_comma, "")
                    {
                        found.push(Mutation {
                            kind: "missing required argument",
                            text,
                            file: relative(file),
                            line: argument.location.line,
                        });
                        break 'outer;
                    }
                }
            }
        }
    }
    // Wrong variable type and undefined variable, on the first operation with a variable used
    // as a field argument.
    'outer: for operation in &documents.operations {
        for variable in &operation.variables {
            let file = &*variable.location.file;
            let text = text_of(file);
            let new_type = if variable.ty.base_name() == "Boolean" {
                "Float"
            } else {
                "Boolean"
            };
            let written_type = variable.ty.to_string();
            let Some(wrong) = replace_on_line(
                &text,
                variable.location.line,
                &format!("${}: {written_type}", variable.name),
                &format!("${}: {new_type}", variable.name),
            ) else {
                continue;
            };
            // The variable's first use as an argument value, in this operation.
            let usage = fields
                .iter()
                .flat_map(|field| field.arguments.iter())
                .find(|argument| {
                    argument.value == format!("${}", variable.name)
                        && argument.location.file == variable.location.file
                        && argument.location.line > variable.location.line
                        && (argument.location.line, argument.location.column)
                            <= (operation.end.line, operation.end.column)
                });
            let Some(usage) = usage else { continue };
            found.push(Mutation {
                kind: "wrong variable type",
                text: wrong,
                file: relative(file),
                line: variable.location.line,
            });
            if let Some(undefined) = replace_on_line(
                &text,
                usage.location.line,
                &format!("${}", variable.name),
                "$mutationUndefined",
            ) {
                found.push(Mutation {
                    kind: "undefined variable",
                    text: undefined,
                    file: relative(file),
                    line: usage.location.line,
                });
            }
            break 'outer;
        }
    }
    found
}

#[test]
fn mutated_operations_are_rejected_by_both_validators_at_the_changed_line() {
    let mut tried = Vec::new();
    for (corpus, schema) in CORPORA {
        let mutations = mutations(corpus, schema);
        for mutation in mutations {
            // The corpus without its invalid documents, the one file mutated.
            let scratch = tempfile::tempdir().unwrap();
            let files: Vec<String> = corpus_files(corpus)
                .into_iter()
                .filter(|file| !file.contains("/invalid/"))
                .collect();
            for file in &files {
                let target = scratch.path().join(file);
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                let text = if *file == mutation.file {
                    mutation.text.clone()
                } else {
                    std::fs::read_to_string(root().join(file)).unwrap()
                };
                std::fs::write(target, text).unwrap();
            }
            let schema_path = root().join(schema).display().to_string();
            let theirs = graphql_js_errors(&schema_path, &files, scratch.path());
            let ours = gqlsmith_errors(
                &schema_path,
                &format!("fixtures/operations/{corpus}/**/*"),
                scratch.path(),
            );
            let their_lines: Vec<u64> = theirs
                .get(&mutation.file)
                .map(|errors| errors.iter().filter_map(|e| e["line"].as_u64()).collect())
                .unwrap_or_default();
            // A finding's own line and its labels' lines (a variable's error is reported where
            // it is used, with a label at its declaration).
            let our_lines: Vec<u64> = ours
                .get(&mutation.file)
                .map(|errors| {
                    errors
                        .iter()
                        .flat_map(|e| {
                            let labels = e["labels"].as_array().cloned().unwrap_or_default();
                            std::iter::once(e["line"].as_u64())
                                .chain(labels.into_iter().map(|label| label["line"].as_u64()))
                        })
                        .flatten()
                        .collect()
                })
                .unwrap_or_default();
            assert!(
                !their_lines.is_empty(),
                "{corpus} {}: graphql-js accepts the mutated {}",
                mutation.kind,
                mutation.file
            );
            assert!(
                our_lines.contains(&u64::from(mutation.line)),
                "{corpus} {}: gqlsmith's errors in {} are at lines {our_lines:?}, not at the changed line {} (graphql-js: {their_lines:?})\n{:?}",
                mutation.kind,
                mutation.file,
                mutation.line,
                ours.get(&mutation.file)
            );
            // No other file changes its verdict.
            for file in &files {
                if *file != mutation.file {
                    assert!(
                        !ours.contains_key(file),
                        "{corpus} {}: {file} rejected too",
                        mutation.kind
                    );
                }
            }
            tried.push(format!("{corpus}: {}", mutation.kind));
        }
    }
    // Every kind of mutation found a place in at least two corpora.
    for kind in [
        "unknown field",
        "fragment on a wrong type",
        "missing required argument",
        "wrong variable type",
        "undefined variable",
    ] {
        let count = tried.iter().filter(|tried| tried.ends_with(kind)).count();
        assert!(count >= 2, "{kind}: tried in {count} corpora: {tried:?}");
    }
}

fn small(path: &str) -> String {
    format!("fixtures/operations-small/{path}")
}

#[test]
fn diff_lists_the_operations_a_change_touches_and_the_ones_it_breaks() {
    let run = gqlsmith(&[
        "diff",
        &small("old.graphql"),
        &small("new.graphql"),
        "--documents",
        &small("documents/*"),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let affected = |path: &str| -> Vec<String> {
        let change = report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|change| change["path"] == path)
            .unwrap_or_else(|| panic!("no change at {path}: {}", run.stdout));
        change["affected_operations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|operation| {
                format!(
                    "{} {}:{}",
                    operation["name"].as_str().unwrap(),
                    operation["file"].as_str().unwrap(),
                    operation["line"]
                )
            })
            .collect()
    };
    assert_eq!(
        affected("Book.isbn"),
        ["BookDetails fixtures/operations-small/documents/book.graphql:4"]
    );
    assert!(
        affected("Book.legacyCode").is_empty(),
        "no operation uses it"
    );
    assert_eq!(
        affected("Query.books.shelf"),
        ["Shelf fixtures/operations-small/documents/shelf.graphql:2"]
    );
    let broken: Vec<String> = report["broken_operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|operation| {
            format!(
                "{} line {}",
                operation["name"].as_str().unwrap(),
                operation["line"]
            )
        })
        .collect();
    assert_eq!(
        broken,
        ["BookDetails line 4", "Shelf line 2"],
        "{}",
        run.stdout
    );

    // The human report says the same.
    let human = gqlsmith(&[
        "diff",
        &small("old.graphql"),
        &small("new.graphql"),
        "--documents",
        &small("documents/*"),
    ]);
    assert!(
        human
            .stdout
            .contains("used by: BookDetails (fixtures/operations-small/documents/book.graphql:4)"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("broken operations (2)"),
        "{}",
        human.stdout
    );
}

#[test]
fn breaking_in_use_fails_only_when_an_operation_is_touched() {
    let diff = |documents: &str, fail_on: &str| {
        gqlsmith(&[
            "diff",
            &small("old.graphql"),
            &small("new.graphql"),
            "--documents",
            &small(documents),
            "--fail-on",
            fail_on,
        ])
        .code
    };
    // Uses Book.isbn, removed: fails.
    assert_eq!(diff("documents/book.graphql", "breaking-in-use"), 1);
    // AuthorNames uses nothing that changed in a breaking way: passes, though the schema
    // change is breaking for others (plain `breaking` fails).
    assert_eq!(diff("documents/authors.ts", "breaking-in-use"), 0);
    assert_eq!(diff("documents/authors.ts", "breaking"), 1);
    // Without documents, `breaking-in-use` cannot judge: a usage error.
    let run = gqlsmith(&[
        "diff",
        &small("old.graphql"),
        &small("new.graphql"),
        "--fail-on",
        "breaking-in-use",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--documents"), "{}", run.stderr);
}

#[test]
fn coverage_counts_match_the_hand_count() {
    let run = gqlsmith(&[
        "coverage",
        &small("old.graphql"),
        "--documents",
        &small("documents/*"),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["operations"], 3);
    assert_eq!(report["fields"]["total"], 10);
    assert_eq!(report["fields"]["used"], 7);
    let ty = |name: &str| {
        report["types"]
            .as_array()
            .unwrap()
            .iter()
            .find(|ty| ty["name"] == name)
            .unwrap()
            .clone()
    };
    let field_users = |type_name: &str, field: &str| -> Vec<String> {
        ty(type_name)["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == field)
            .unwrap()["uses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|use_| use_["operation"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        (
            ty("Query")["fields_used"].clone(),
            ty("Query")["fields_total"].clone()
        ),
        (2.into(), 3.into())
    );
    assert_eq!(
        (
            ty("Book")["fields_used"].clone(),
            ty("Book")["fields_total"].clone()
        ),
        (4.into(), 5.into())
    );
    assert_eq!(
        (
            ty("Author")["fields_used"].clone(),
            ty("Author")["fields_total"].clone()
        ),
        (1.into(), 2.into())
    );
    // In file order: authors.ts, book.graphql, shelf.graphql.
    assert_eq!(field_users("Query", "book"), ["AuthorNames", "BookDetails"]);
    assert_eq!(
        field_users("Book", "id"),
        ["BookDetails", "Shelf"],
        "through the fragment"
    );
    assert!(field_users("Book", "legacyCode").is_empty());
    assert_eq!(ty("Author")["percent"], 50.0);
    for format in ["human", "markdown"] {
        let run = gqlsmith(&[
            "coverage",
            &small("old.graphql"),
            "--documents",
            &small("documents/*"),
            "--format",
            format,
        ]);
        assert_eq!(run.code, 0);
        insta::assert_snapshot!(format!("coverage_{format}"), run.stdout);
    }
}

#[test]
fn validation_errors_are_findings_at_the_selection_in_every_format() {
    let scratch = tempfile::tempdir().unwrap();
    let schema = root().join(small("old.graphql")).display().to_string();
    std::fs::write(
        scratch.path().join("bad.graphql"),
        "query Bad {\n  book(id: \"1\") {\n    titel\n  }\n}\n",
    )
    .unwrap();
    let check = |format: &str| {
        gqlsmith_in(
            scratch.path(),
            &[
                "check",
                &schema,
                "--documents",
                "*.graphql",
                "--format",
                format,
            ],
        )
    };
    let human = check("human");
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(
        human
            .stdout
            .contains("error[O101]: type `Book` does not have a field `titel`"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("--> bad.graphql:3:5"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("3 |     titel"),
        "the snippet is the document's line: {}",
        human.stdout
    );
    let json: Value = serde_json::from_str(&check("json").stdout).unwrap();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| {
            finding["code"] == "O101" && finding["message"].as_str().unwrap().contains("titel")
        })
        .unwrap();
    assert_eq!(
        (
            finding["file"].as_str(),
            finding["line"].as_u64(),
            finding["column"].as_u64()
        ),
        (Some("bad.graphql"), Some(3), Some(5))
    );
    let sarif: Value = serde_json::from_str(&check("sarif").stdout).unwrap();
    let result = &sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| {
            result["ruleId"] == "O101"
                && result["message"]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("titel")
        })
        .expect("a SARIF result for the validation error")["locations"][0]["physicalLocation"];
    assert_eq!(result["artifactLocation"]["uri"], "bad.graphql");
    assert_eq!(result["region"]["startLine"], 3);
    let github = check("github").stdout;
    assert!(
        github.contains("::error file=bad.graphql,line=3,endLine=3,col=5,endColumn=9,"),
        "{github}"
    );
}

#[test]
fn a_docs_page_without_roots_says_how_to_validate_operations() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("q.graphql"),
        "query Q { account { id } }\n",
    )
    .unwrap();
    let run = gqlsmith_in(scratch.path(), &["check", "--documents", "q.graphql"]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("[O102]"), "{all}");
    assert!(all.contains("--reference"), "{all}");
}

#[test]
fn a_documents_pattern_that_matches_nothing_is_a_usage_error() {
    let run = gqlsmith(&[
        "check",
        &small("old.graphql"),
        "--documents",
        "no/such/dir/*.graphql",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("matches no"), "{}", run.stderr);
}

#[test]
fn documents_in_the_config_are_relative_to_it() {
    let scratch = tempfile::tempdir().unwrap();
    let project = scratch.path().join("project");
    std::fs::create_dir_all(project.join("src")).unwrap();
    std::fs::copy(
        root().join(small("old.graphql")),
        project.join("schema.graphql"),
    )
    .unwrap();
    std::fs::write(
        project.join("src/bad.graphql"),
        "query Bad { authors { nam } }\n",
    )
    .unwrap();
    std::fs::write(
        project.join("gqlsmith.toml"),
        "inputs = [\"schema.graphql\"]\ndocuments = [\"src/**/*.graphql\"]\n",
    )
    .unwrap();
    // Run from outside the project: paths resolve against the config file.
    let run = gqlsmith_in(
        scratch.path(),
        &[
            "check",
            "--config",
            "project/gqlsmith.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("project/src/bad.graphql"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("does not have a field `nam`"),
        "{}",
        run.stdout
    );
}

#[test]
fn duplicate_operation_names_across_files_are_one_error_with_both_places() {
    let scratch = tempfile::tempdir().unwrap();
    let schema = root().join(small("old.graphql")).display().to_string();
    std::fs::write(
        scratch.path().join("a.graphql"),
        "query Authors { authors { name } }\n",
    )
    .unwrap();
    std::fs::write(
        scratch.path().join("b.graphql"),
        "query Authors { authors { id } }\n",
    )
    .unwrap();
    let run = gqlsmith_in(
        scratch.path(),
        &[
            "check",
            &schema,
            "--documents",
            "*.graphql",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let duplicates: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["name"] == "duplicate-operation-name")
        .collect();
    assert_eq!(duplicates.len(), 1, "{}", run.stdout);
    assert_eq!(duplicates[0]["file"], "b.graphql");
    assert_eq!(duplicates[0]["labels"][0]["file"], "a.graphql");
}
