//! The TypeScript client of the round trip: the typescript-operations output, type-checked by
//! tsc --strict with a typed driver, sends each operation with node's fetch to the same server.

use super::server::serve;

/// The driver: typed against the generated `operations.ts` (tsc checks every access), it
/// sends each operation's `TypedDocumentNode` with node's built-in `fetch`, and checks at run
/// time that each response has exactly the shape the document selects: every selected key,
/// no other, objects and lists where the selection says.
const DRIVER: &str = r#"
import { print, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import * as ops from './operations';

// The two parts of node's `process` the driver uses (no @types/node in tools/).
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

const url = process.env.GRAPHQL_URL as string;

async function send<D, V>(document: TypedDocumentNode<D, V>, variables: V): Promise<D> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document as DocumentNode), variables }),
  });
  const body = (await response.json()) as { data?: D; errors?: unknown[] };
  if (body.errors) throw new Error(`errors: ${JSON.stringify(body.errors)}`);
  checkShape(document as DocumentNode, body.data);
  return body.data as D;
}

/// The response keys a selection set picks (inline fragments and spreads merged), each with
/// every selection set under it (one key may be selected in several places).
function keys(document: DocumentNode, set: SelectionSetNode, out: Map<string, SelectionSetNode[]>) {
  for (const selection of set.selections) {
    if (selection.kind === 'Field') {
      const key = selection.alias?.value ?? selection.name.value;
      const sets = out.get(key) ?? [];
      if (selection.selectionSet) sets.push(selection.selectionSet);
      out.set(key, sets);
    } else if (selection.kind === 'InlineFragment') {
      keys(document, selection.selectionSet, out);
    } else {
      const fragment = document.definitions.find(
        (d) => d.kind === 'FragmentDefinition' && d.name.value === selection.name.value,
      );
      if (fragment && fragment.kind === 'FragmentDefinition') keys(document, fragment.selectionSet, out);
    }
  }
}

function checkValue(document: DocumentNode, value: unknown, sets: SelectionSetNode[], path: string) {
  if (value === null || sets.length === 0) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(document, item, sets, `${path}[${index}]`));
    return;
  }
  if (typeof value !== 'object') throw new Error(`${path}: an object was selected, got ${JSON.stringify(value)}`);
  const selected = new Map<string, SelectionSetNode[]>();
  for (const set of sets) keys(document, set, selected);
  const got = Object.keys(value as object).sort();
  const want = [...selected.keys()].sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`${path}: keys ${JSON.stringify(got)}, selected ${JSON.stringify(want)}`);
  }
  for (const [key, children] of selected) checkValue(document, (value as Record<string, unknown>)[key], children, `${path}.${key}`);
}

function checkShape(document: DocumentNode, data: unknown) {
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  if (!operation || operation.kind !== 'OperationDefinition') throw new Error('no operation');
  checkValue(document, data, [operation.selectionSet], operation.name?.value ?? 'data');
}

function expect(condition: boolean, what: string) {
  if (!condition) throw new Error(what);
}

async function main() {
  const feed: ops.FeedQuery = await send(ops.FeedDocument, { type: 'NEW', limit: 5 });
  expect((feed.feed?.length ?? 0) > 0, 'the feed has entries');
  const first = feed.feed?.[0];
  expect(typeof first?.repository.full_name === 'string', 'a repository name is a string');
  const user = await send(ops.CurrentUserForProfileDocument, {});
  expect(user.currentUser === null || typeof user.currentUser.login === 'string', 'currentUser');
  const name = first?.repository.full_name ?? '';
  const comment = await send(ops.CommentDocument, { repoFullName: name, limit: 10 });
  expect(comment.entry?.repository.full_name === name, 'the entry of the repository');
  const submitted = await send(ops.SubmitRepositoryDocument, { repoFullName: 'node/fetch' });
  expect(typeof submitted.submitRepository?.createdAt === 'number', 'submitRepository');
  const voted = await send(ops.VoteDocument, { repoFullName: 'node/fetch', type: 'UP' });
  expect(typeof voted.vote?.score === 'number', 'vote');
  const said = await send(ops.SubmitCommentDocument, { repoFullName: 'node/fetch', commentContent: 'typed' });
  expect(said.submitComment?.content === 'typed', 'submitComment');
  console.log('ok 6 operations');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
"#;

#[test]
fn typescript_operations_go_over_http_with_node_fetch() {
    let tools = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/node_modules");
    let scratch =
        std::env::temp_dir().join(format!("gqlsmith-ts-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    std::fs::copy(
        concat!(env!("OUT_DIR"), "/githunt_typescript/operations.ts"),
        scratch.join("operations.ts"),
    )
    .expect("build.rs wrote operations.ts");
    std::fs::write(scratch.join("driver.ts"), DRIVER).unwrap();
    let package = |name: &str| tools.join(name).display().to_string();
    let config = serde_json::json!({
        "compilerOptions": {
            "strict": true, "target": "es2022", "module": "commonjs", "moduleResolution": "node",
            "outDir": "out", "baseUrl": ".", "lib": ["es2022", "dom"], "types": [],
            "paths": {
                "graphql": [package("graphql")],
                "@graphql-typed-document-node/core": [package("@graphql-typed-document-node/core")]
            }
        },
        "files": ["driver.ts", "operations.ts"],
    });
    std::fs::write(scratch.join("tsconfig.json"), config.to_string()).unwrap();
    let tsc = std::process::Command::new(tools.join(".bin/tsc"))
        .args(["-p", "tsconfig.json", "--pretty", "false"])
        .current_dir(&scratch)
        .output()
        .expect("tsc runs (tools/ is installed by `cargo xtask test`)");
    assert!(
        tsc.status.success(),
        "tsc --strict rejects the driver or operations.ts:\n{}",
        String::from_utf8_lossy(&tsc.stdout)
    );
    let (address, stop, thread) = serve();
    let node = std::process::Command::new("node")
        .arg("out/driver.js")
        .current_dir(&scratch)
        .env("NODE_PATH", &tools)
        .env("GRAPHQL_URL", format!("http://{address}/graphql"))
        .output()
        .expect("node runs");
    let _ = stop.send(());
    thread.join().expect("the server stops");
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(
        node.status.success(),
        "the node client failed:\n{}{}",
        String::from_utf8_lossy(&node.stdout),
        String::from_utf8_lossy(&node.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&node.stdout).trim(),
        "ok 6 operations"
    );
}
