/**
 * Checks front matter against `schemas/front-matter.schema.json` (or the schema named by `frontMatter.schema`
 * in notes.config.json) and the configured `frontMatter.required` fields. Files without front matter are only
 * checked when required fields are configured.
 *
 * Rationale: the deck name, exam and tags of every export come from the front matter; a typo there is
 * invisible until the deck is imported.
 *
 * Fix: add or correct the field named in the message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { defineRule, NotesError } from '@notes/core';
import { validateFrontMatter } from '@notes/core/validators';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const validators = new Map<string, Validate>();

/**
 * The validator of the front-matter schema: schemas/front-matter.schema.json compiled at build time, or a
 * project's own schema (`frontMatter.schema`), compiled by ajv, loaded only then, with the same options.
 */
function validator(schemaPath: string | null): Validate {
  if (!schemaPath) return validateFrontMatter;
  let v = validators.get(schemaPath);
  if (!v) {
    let schema: object;
    try {
      schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    } catch (error) {
      throw new NotesError(
        `cannot use front-matter schema ${schemaPath} (${(error as Error).message.split('\n')[0]}): fix "frontMatter.schema" in notes.config.json`,
      );
    }
    const Ajv2020 = (createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).default;
    v = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    validators.set(schemaPath, v);
  }
  return v;
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'required')
    return `missing field \`${(error.params as { missingProperty: string }).missingProperty}\``;
  const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return `\`${field || 'front matter'}\` that ${error.message ?? 'is invalid'}`;
}

export default defineRule({
  id: 'fields/front-matter',
  description: 'Front matter missing required fields or not matching the front-matter schema.',
  tags: ['schema', 'fields'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    const required = Array.isArray(ctx.options['required']) ? (ctx.options['required'] as unknown[]).map(String) : [];
    const schemaOption = typeof ctx.options['schema'] === 'string' ? ctx.options['schema'] : null;
    const schemaPath = schemaOption
      ? isAbsolute(schemaOption)
        ? schemaOption
        : resolve(ctx.configDir ?? process.cwd(), schemaOption)
      : null;
    const first = ctx.tree.children[0];
    const hasFrontMatter = first?.type === 'yaml';
    if (!hasFrontMatter) {
      if (required.length > 0) {
        ctx.report({
          place: { line: 1, column: 1 },
          message: `Unexpected file without front matter, expected front matter with ${required.map((r) => `\`${r}\``).join(', ')}`,
        });
      }
      return;
    }
    const info = ctx.document.frontMatterInfo;
    if (!info?.data) return; // broken YAML: fields/front-matter-syntax reports it
    const end = first.position?.end.line ?? 1;
    const problems: string[] = [];
    for (const field of required) {
      const value = info.data[field];
      if (value === undefined || value === null || value === '') problems.push(`missing field \`${field}\``);
    }
    // The title may come from the document's title heading: that is where the note model takes it from.
    const titleHeading = ctx.document.titleHeading;
    const data =
      info.data['title'] === undefined && titleHeading && !required.includes('title')
        ? { ...info.data, title: ctx.document.title }
        : info.data;
    const validate = validator(schemaPath);
    if (!validate(data)) for (const e of validate.errors ?? []) problems.push(describe(e));
    for (const problem of [...new Set(problems)]) {
      ctx.report({
        place: { line: 1, column: 1, endLine: end, endColumn: 4 },
        message: `Unexpected ${problem} in the front matter, expected front matter valid per ${schemaOption ?? 'schemas/front-matter.schema.json'}`,
      });
    }
  },
});
