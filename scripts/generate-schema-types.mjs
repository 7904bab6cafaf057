#!/usr/bin/env node
// Generates TypeScript types (and an embedded copy of each schema) from schemas/*.schema.json.
// Schemas are the source of truth; `--check` fails when the committed output is stale (run by the tests and CI).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const targets = [
  { schema: 'schemas/notes.schema.json', out: 'packages/core/src/generated/notes-schema.ts', constName: 'notesSchema' },
  {
    schema: 'schemas/config.schema.json',
    out: 'packages/core/src/generated/config-schema.ts',
    constName: 'configSchema',
  },
  {
    schema: 'schemas/front-matter.schema.json',
    out: 'packages/core/src/generated/front-matter-schema.ts',
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

const check = process.argv.includes('--check');
let stale = 0;
for (const target of targets) {
  const text = await render(target);
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
