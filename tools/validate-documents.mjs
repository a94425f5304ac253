#!/usr/bin/env node
// Reference verdicts of graphql-js for client operation documents.
//
//   node tools/validate-documents.mjs SCHEMA DOC...
//
// SCHEMA: SDL (.graphql/.graphqls/.gql) or introspection JSON (.json, either
// `{"__schema": …}` or `{"data": {"__schema": …}}`).
// DOC: .graphql/.gql files, or .js/.jsx/.ts/.tsx/.mjs/.cjs host files from which
// GraphQL is taken out of template literals tagged `gql`/`graphql` (also
// `gql(`…`)`), preceded by a `/* GraphQL */` comment, or whose text starts with
// `#graphql`. Everything outside those templates, and every `${…}` inside them,
// is blanked to spaces (newlines kept), so line/column numbers are those of the
// host file.
//
// All documents are validated TOGETHER (one combined document, graphql-js
// `specifiedRules`), so fragments defined in one file resolve in another.
// A file that does not parse gets its syntax error and takes no part in
// validation.
//
// Output (stdout), keys sorted, paths as given on the command line:
//   {"graphql": "16.15.0", "schema": SCHEMA,
//    "files": {DOC: [{"message", "line", "column"}, …], …}}
// An error whose nodes lie in several files is listed under each of those
// files, with the first of its locations in that file. Errors sorted by
// (line, column, message).
import { readFileSync } from 'node:fs';
import {
  Source,
  buildClientSchema,
  buildSchema,
  getLocation,
  parse,
  specifiedRules,
  validate,
  version,
  Kind,
} from 'graphql';

const [schemaPath, ...docPaths] = process.argv.slice(2);
if (!schemaPath || docPaths.length === 0) {
  console.error('usage: node validate-documents.mjs SCHEMA DOC...');
  process.exit(2);
}

function loadSchema(path) {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) {
    const json = JSON.parse(text);
    const intro = json.__schema ? json : json.data;
    return buildClientSchema(intro);
  }
  return buildSchema(text);
}

// Blank everything but the GraphQL template literals of a JS/TS file.
function extractFromHost(text) {
  const out = Array.from(text, (c) => (c === '\n' || c === '\r' ? c : ' '));
  let i = 0;
  const n = text.length;
  let lastComment = null; // text of the last block comment seen
  let lastCommentEnd = -1;

  function prevToken(pos) {
    // the identifier (or '(') just before pos, skipping whitespace
    let j = pos - 1;
    while (j >= 0 && /\s/.test(text[j])) j--;
    if (j >= 0 && text[j] === '(') {
      let k = j - 1;
      while (k >= 0 && /\s/.test(text[k])) k--;
      let e = k + 1;
      while (k >= 0 && /[\w$]/.test(text[k])) k--;
      return { ident: text.slice(k + 1, e), call: true, end: j };
    }
    let e = j + 1;
    while (j >= 0 && /[\w$]/.test(text[j])) j--;
    return { ident: text.slice(j + 1, e), call: false, end: e - 1 };
  }

  // scan a template literal starting after the opening backtick at `start`;
  // returns index after the closing backtick and the list of [from, to) spans
  // of literal text (outside ${}).
  function scanTemplate(start) {
    const spans = [];
    let j = start;
    let spanStart = j;
    while (j < n) {
      const c = text[j];
      if (c === '\\') { j += 2; continue; }
      if (c === '`') { spans.push([spanStart, j]); return { end: j + 1, spans }; }
      if (c === '$' && text[j + 1] === '{') {
        spans.push([spanStart, j]);
        j = scanCode(j + 2, '}');
        spanStart = j;
        continue;
      }
      j++;
    }
    spans.push([spanStart, n]);
    return { end: n, spans };
  }

  function scanString(j, q) {
    while (j < n) {
      if (text[j] === '\\') { j += 2; continue; }
      if (text[j] === q || text[j] === '\n') return j + 1;
      j++;
    }
    return n;
  }

  // scan code until `close` at depth 0 (or EOF); returns index after it
  function scanCode(j, close) {
    let depth = 0;
    while (j < n) {
      const c = text[j];
      if (c === '/' && text[j + 1] === '/') {
        while (j < n && text[j] !== '\n') j++;
        continue;
      }
      if (c === '/' && text[j + 1] === '*') {
        const e = text.indexOf('*/', j + 2);
        const end = e < 0 ? n : e + 2;
        lastComment = text.slice(j + 2, end - 2).trim();
        lastCommentEnd = end;
        j = end;
        continue;
      }
      if (c === '"' || c === "'") { j = scanString(j + 1, c); continue; }
      if (c === '`') {
        const before = prevToken(j);
        const { end, spans } = scanTemplate(j + 1);
        const literal = spans.map(([a, b]) => text.slice(a, b)).join('');
        const between = text.slice(lastCommentEnd, j);
        const magic = lastComment !== null && /^graphql$/i.test(lastComment) && /^\s*$/.test(between);
        const tagged = before.ident === 'gql' || before.ident === 'graphql';
        const hash = /^\s*#\s*graphql\b/.test(literal);
        if (tagged || magic || hash) {
          for (const [a, b] of spans) for (let k = a; k < b; k++) out[k] = text[k];
        }
        j = end;
        continue;
      }
      if (close && depth === 0 && c === close) return j + 1;
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth--;
      j++;
    }
    return n;
  }

  scanCode(0, null);
  return out.join('');
}

const HOST = /\.(m?js|cjs|jsx|ts|tsx|mts|cts)$/;

const schema = loadSchema(schemaPath);
const files = {};
const definitions = [];
for (const path of docPaths) {
  files[path] = [];
  const raw = readFileSync(path, 'utf8');
  const body = HOST.test(path) ? extractFromHost(raw) : raw;
  if (HOST.test(path) && body.trim() === '') {
    files[path].push({ message: 'no GraphQL template found', line: 1, column: 1 });
    continue;
  }
  try {
    const doc = parse(new Source(body, path));
    definitions.push(...doc.definitions);
  } catch (e) {
    const loc = e.locations?.[0] ?? { line: 1, column: 1 };
    files[path].push({ message: e.message, line: loc.line, column: loc.column });
  }
}

const combined = { kind: Kind.DOCUMENT, definitions };
const errors = validate(schema, combined, specifiedRules, { maxErrors: 100000 });
for (const err of errors) {
  const seen = new Set();
  for (const node of err.nodes ?? []) {
    const src = node.loc?.source;
    if (!src || seen.has(src.name)) continue;
    seen.add(src.name);
    const { line, column } = getLocation(src, node.loc.start);
    files[src.name].push({ message: err.message, line, column });
  }
  if (seen.size === 0) {
    (files['<no location>'] ??= []).push({ message: err.message, line: 0, column: 0 });
  }
}

const sorted = {};
for (const path of Object.keys(files).sort()) {
  sorted[path] = files[path].sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
process.stdout.write(
  JSON.stringify({ graphql: version, schema: schemaPath, files: sorted }, null, 2) + '\n',
);
