import { describe, expect, it } from 'vitest';
import { fixSource } from '@notes/lint';
import { fixtureRules, loadFixtures, registry, runFixture } from './harness.js';

const fixtures = loadFixtures();

describe('rule fixtures', () => {
  for (const fixture of fixtures) {
    it(`${fixture.path} reports exactly the marked lines`, () => {
      const { messages, fixed, refixed } = runFixture(fixture);
      expect(messages.map((m) => m.line)).toEqual(fixture.expected);
      expect(messages.every((m) => m.ruleId === fixture.ruleId)).toBe(true);
      expect(messages.map(({ fix: _fix, ...m }) => m)).toMatchSnapshot('findings');
      expect(refixed.filter((m) => m.fixable)).toEqual([]);
      expect(fixed).toMatchSnapshot('fixed');
      // Fixing the fixed text changes nothing.
      expect(fixSource({ ...fixture.file, text: fixed }, { rules: fixtureRules(fixture) }).changed).toBe(false);
    });
  }
});

describe('rule registry', () => {
  it('has an ok and a not-ok fixture for every rule', () => {
    for (const rule of registry) {
      const own = fixtures.filter((f) => f.ruleId === rule.id);
      expect(
        own.some((f) => f.expected.length === 0),
        `${rule.id} ok fixture`,
      ).toBe(true);
      expect(
        own.some((f) => f.expected.length > 0),
        `${rule.id} not-ok fixture`,
      ).toBe(true);
    }
  });

  it('names every rule category/name with a one-line description', () => {
    for (const rule of registry) {
      expect(rule.id).toMatch(/^(encoding|heading|table|fields|text)\/[a-z0-9-]+$/);
      expect(rule.description).not.toContain('\n');
    }
  });
});
