#!/usr/bin/env node
// Generates TypeScript types (and an embedded copy of each schema) from schemas/*.schema.json.
// Schemas are the source of truth; `--check` fails when the committed output is stale (run by the tests and CI).
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import Ajv2020Module from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';

const Ajv2020 = Ajv2020Module.default;
const standaloneCode = standaloneModule.default;

const root = fileURLToPath(new URL('..', import.meta.url));
const targets = [
  { schema: 'schemas/notes.schema.json', out: 'packages/core/generated/notes-schema.ts', constName: 'notesSchema' },
  {
    schema: 'schemas/config.schema.json',
    out: 'packages/core/generated/config-schema.ts',
    constName: 'configSchema',
  },
  {
    schema: 'schemas/front-matter.schema.json',
    out: 'packages/core/generated/front-matter-schema.ts',
    constName: 'frontMatterSchema',
  },
];

export async function render(target) {
  const schema = JSON.parse(await readFile(root + target.schema, 'utf8'));
  const types = await compile(structuredClone(schema), schema.title, {
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  return [
    `// Generated from ${target.schema} by scripts/generate-schema-types.mjs. Do not edit: edit the schema and run \`npm run generate\`.`,
    '',
    types.trim(),
    '',
    `/** The JSON Schema ${schema.$id}, embedded so the published package validates without reading files. */`,
    `export const ${target.constName} = ${JSON.stringify(schema, null, 2)} as const;`,
    '',
  ].join('\n');
}

// ajv's standalone code for each schema, compiled here instead of at every start of `notes` (SPEC §7, issue 14).
// The options are the ones each validator used when it was compiled at run time: the errors are the same.
const validators = [
  {
    schema: 'schemas/config.schema.json',
    out: 'packages/core/generated/validate-config.ts',
    options: { allErrors: true, strict: false },
    type: 'NotesConfig',
    from: './config-schema.js',
  },
  {
    schema: 'schemas/notes.schema.json',
    out: 'packages/core/generated/validate-dataset.ts',
    options: { allErrors: false, strict: true },
    type: 'NotesDataset',
    from: './notes-schema.js',
  },
  {
    schema: 'schemas/front-matter.schema.json',
    out: 'packages/core/generated/validate-front-matter.ts',
    options: { allErrors: true, strict: false },
    type: 'NotesFrontMatter',
    from: './front-matter-schema.js',
  },
];

const require = createRequire(import.meta.url);
const ajvVersion = require('ajv/package.json').version;

/** The source of one of ajv's runtime helpers: a single function that uses nothing outside itself. */
function helperSource(path) {
  const helper = require(path).default;
  const text = typeof helper === 'function' ? helper.toString() : '';
  if (!/^function \w+\(/.test(text) || /\brequire\(/.test(text))
    throw new Error(`ajv's ${path} is not one plain function`);
  return text;
}

export async function renderValidator(target) {
  const schema = JSON.parse(await readFile(root + target.schema, 'utf8'));
  const ajv = new Ajv2020({ ...target.options, code: { source: true, esm: true, lines: true } });
  const source = standaloneCode(ajv, ajv.compile(schema));
  const name = /export const validate = (\w+);/.exec(source)?.[1];
  if (!name) throw new Error(`no validate function in the standalone code of ${target.schema}`);
  // ajv's runtime helpers (ucs2length…) are CommonJS modules that the generated code requires. Each is one small
  // function: its source is written into the generated code, so `notes lint` does not start Node's module loader
  // for it (about 3 ms), and the code runs the same under Node, the CLI's bundle and vitest.
  const helpers = [];
  const code = source
    .replace(/^"use strict";/, '')
    .replace(/export const validate = \w+;\s*export default \w+;/, '')
    .replace(/require\("(ajv\/dist\/runtime\/[\w/]+)"\)\.default/g, (_, path) => {
      let k = helpers.indexOf(path);
      if (k === -1) k = helpers.push(path) - 1;
      return `ajvRuntime${k}`;
    });
  if (code.includes('require(')) throw new Error(`a require() left in the standalone code of ${target.schema}`);
  return [
    `// Generated from ${target.schema} by scripts/generate-schema-types.mjs (ajv standalone code, options ${JSON.stringify(target.options)}).`,
    '// Do not edit: edit the schema and run `npm run generate`.',
    '// @ts-nocheck',
    '/* eslint-disable */',
    `import type { ErrorObject } from 'ajv';`,
    `import type { ${target.type} } from '${target.from}';`,
    '',
    ...helpers.map(
      (path, k) => `// ${path}.js (ajv ${ajvVersion}, MIT)\nconst ajvRuntime${k} = ${helperSource(path)};`,
    ),
    '',
    code.trim(),
    '',
    `/** Validates a value against ${target.schema}; on failure its \`errors\` are ajv's. */`,
    `export const validate = ${name} as unknown as ((data: unknown) => data is ${target.type}) & { errors?: ErrorObject[] | null };`,
    '',
  ].join('\n');
}

const check = process.argv.includes('--check');
let stale = 0;
for (const target of [...targets, ...validators]) {
  const text = 'options' in target ? await renderValidator(target) : await render(target);
  if (check) {
    const current = await readFile(root + target.out, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${target.out} is stale: run npm run generate`);
      stale++;
    }
  } else {
    await writeFile(root + target.out, text);
    console.log(`wrote ${target.out}`);
  }
}
process.exitCode = stale ? 1 : 0;
