#!/usr/bin/env node
// Records what the official AsyncAPI parser (@asyncapi/parser, pinned in
// package-lock.json) says about every document of the parser-agreement corpus:
// valid or not, and its errors (for reference; the Rust test compares verdicts).
//
//   node verdicts.js          rewrite asyncapi-codegen/tests/parser_agreement/verdicts.json
//   node verdicts.js --check  exit 1 when the recorded verdicts are not current
//
// Each document is parsed from its own path (`source`), so relative `$ref`s to other
// files resolve from the document's directory, as the generator resolves them.

'use strict';

const fs = require('fs');
const path = require('path');
const { Worker, isMainThread, parentPort } = require('worker_threads');
const { Parser } = require('@asyncapi/parser');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'asyncapi-codegen', 'tests', 'parser_agreement', 'verdicts.json');

// The parser never returns on some documents (a `$ref` cycle between schemas): each
// document gets this long, in a worker that is replaced when it runs out.
const TIMEOUT_MS = 10000;

// The corpus: every document directly in these folders (relative to the repository root).
const FOLDERS = [
  'asyncapi-codegen/tests/fixtures',
  'asyncapi-codegen/tests/broken',
  'asyncapi-codegen/tests/parser_agreement/examples',
  'asyncapi-codegen/tests/parser_agreement/documents',
  'asyncapi-codegen/tests/parser_agreement/mutants',
];
const FILES = ['spec/kinesis-data-streams.asyncapi.yaml'];
const EXTENSIONS = ['.yaml', '.yml', '.json'];

function corpus() {
  const files = [...FILES];
  for (const folder of FOLDERS) {
    const dir = path.join(ROOT, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isFile() && EXTENSIONS.includes(path.extname(name))) {
        files.push(`${folder}/${name}`);
      }
    }
  }
  return files.sort();
}

// An RFC 6901 pointer for a Spectral path.
function pointer(segments) {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

// Messages name files by absolute path (a missing `$ref` target, a stack trace): the
// checkout's root is written `<repository>`, so that the record is the same anywhere.
function portable(message) {
  return String(message).split(ROOT).join('<repository>');
}

async function verdict(parser, file) {
  const full = path.join(ROOT, file);
  const text = fs.readFileSync(full, 'utf8');
  const { document, diagnostics } = await parser.parse(text, { source: full });
  const errors = diagnostics
    .filter((d) => d.severity === 0)
    .map((d) => {
      const error = { rule: String(d.code), path: pointer(d.path || []), message: portable(d.message) };
      if (d.source && path.resolve(d.source) !== full) {
        error.source = path.relative(path.dirname(full), d.source);
      }
      return error;
    });
  return { valid: document !== undefined, errors };
}

// Parses documents in a worker thread: `parse(file)` resolves to its verdict, or to
// `{valid: null}` when the parser has not finished within TIMEOUT_MS.
class Pool {
  constructor() {
    this.worker = null;
  }

  start() {
    this.worker = new Worker(__filename);
    this.worker.unref();
  }

  parse(file) {
    if (!this.worker) this.start();
    return new Promise((resolve, reject) => {
      const worker = this.worker;
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        worker.terminate();
        this.worker = null;
        resolve({ valid: null, errors: [], note: `the parser did not finish within ${TIMEOUT_MS / 1000} s` });
      }, TIMEOUT_MS);
      worker.once('message', (result) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        resolve(result);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.postMessage(file);
    });
  }

  stop() {
    if (this.worker) this.worker.terminate();
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const lock = require('./package-lock.json');
  const version = lock.packages['node_modules/@asyncapi/parser'].version;
  const documents = {};
  const pool = new Pool();
  for (const file of corpus()) {
    if (process.env.VERBOSE) console.error(file);
    documents[file] = await pool.parse(file);
  }
  pool.stop();
  const recorded = { parser: `@asyncapi/parser ${version}`, documents };
  const text = JSON.stringify(recorded, null, 2) + '\n';
  if (!check) {
    fs.writeFileSync(OUT, text);
    const valid = Object.values(documents).filter((d) => d.valid).length;
    console.log(`${Object.keys(documents).length} documents: ${valid} valid, written to ${path.relative(ROOT, OUT)}`);
    return;
  }
  const old = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, 'utf8')) : { documents: {} };
  const stale = [];
  for (const file of new Set([...Object.keys(old.documents), ...Object.keys(documents)])) {
    const before = JSON.stringify(old.documents[file]);
    const now = JSON.stringify(documents[file]);
    if (before !== now) stale.push(`${file}:\n  recorded: ${before}\n  now:      ${now}`);
  }
  if (old.parser !== recorded.parser) stale.push(`parser: recorded ${old.parser}, now ${recorded.parser}`);
  if (stale.length) {
    console.error(`recorded verdicts are not current (run: node tools/parser-verdicts/verdicts.js):\n${stale.join('\n')}`);
    process.exit(1);
  }
  console.log(`${Object.keys(documents).length} recorded verdicts are current`);
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
} else {
  const parser = new Parser();
  parentPort.on('message', (file) => {
    verdict(parser, file).then(
      (result) => parentPort.postMessage(result),
      (error) => parentPort.postMessage({ valid: false, errors: [{ rule: 'exception', path: '', message: portable(error) }] }),
    );
  });
}
