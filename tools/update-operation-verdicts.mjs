#!/usr/bin/env node
// (Re)writes fixtures/operations/<corpus>/graphql-js-verdicts.json by running
// validate-documents.mjs on every document of each corpus (all of a corpus's
// documents together, `invalid/` included), from inside the corpus folder so
// the paths in the JSON are relative to it.
//
//   node tools/update-operation-verdicts.mjs           # rewrite all
//   node tools/update-operation-verdicts.mjs --check   # exit 1 if any differs
//   node tools/update-operation-verdicts.mjs github    # only these corpora
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = dirname(fileURLToPath(import.meta.url));
const root = join(tools, '..', 'fixtures', 'operations');

// corpus -> schema, relative to the corpus folder
const SCHEMAS = {
  githunt: 'schema.json',
  'star-wars': 'schema.json',
  github: '../../schemas/github.valid.graphql',
  'shopify-storefront': '../../schemas/shopify-storefront.graphql',
  saleor: '../../schemas/saleor.graphql',
};
const DOC = /\.(graphql|gql|js|jsx|ts|tsx|mjs|cjs|mts|cts)$/;

function walk(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, base));
    else if (DOC.test(name)) out.push(relative(base, p));
  }
  return out.sort();
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((a) => !a.startsWith('--'));
let stale = 0;
for (const [corpus, schema] of Object.entries(SCHEMAS)) {
  if (only.length && !only.includes(corpus)) continue;
  const dir = join(root, corpus);
  const docs = walk(dir);
  const json = execFileSync(process.execPath, [join(tools, 'validate-documents.mjs'), schema, ...docs], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const target = join(dir, 'graphql-js-verdicts.json');
  const parsed = JSON.parse(json);
  const bad = Object.values(parsed.files).filter((e) => e.length).length;
  if (check) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === json;
    if (!same) stale++;
    console.log(`${same ? 'ok   ' : 'STALE'} ${corpus}: ${docs.length} documents, ${bad} with errors`);
  } else {
    writeFileSync(target, json);
    console.log(`wrote ${relative(process.cwd(), target)}: ${docs.length} documents, ${bad} with errors`);
  }
}
process.exit(stale ? 1 : 0);
