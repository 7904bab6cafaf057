import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pdfmakeAdapter } from '../src/adapter.js';
import { stackChanged, stackProperty, styleProperty, type StyleStack } from '../src/styles.js';

const require = createRequire(import.meta.url);
const path = require.resolve('pdfmake/js/StyleContextStack.js');

interface PdfmakeStack extends StyleStack {
  push(item: unknown): void;
  pop(howMany?: number): void;
  getProperty(property: string): unknown;
}
interface StackClass {
  new (dictionary: unknown, defaultStyle?: unknown): PdfmakeStack;
  getStyleProperty(item: unknown, stack: unknown, property: string, defaultValue: unknown): unknown;
}

/** pdfmake's StyleContextStack as shipped: a fresh copy of the module, whatever the adapter patched. */
function pristine(): StackClass {
  const module = { exports: {} as { default?: StackClass } };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- pdfmake's own CommonJS source, unpatched
  new Function('exports', 'require', 'module', readFileSync(path, 'utf8'))(module.exports, createRequire(path), module);
  return module.exports.default!;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROPERTIES = ['font', 'fontSize', 'bold', 'color', 'margin', 'alignment'];
const NAMES = ['a', 'b', 'c', 'd', 'missing'];

describe('style look-ups', () => {
  it('give what pdfmake gives, for named styles that extend others (cycles too), overrides and defaults', () => {
    const Stack = pristine();
    const next = random(14);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const values = [undefined, null, 0, false, '', 'x', 7, true];
    const style = (): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const p of PROPERTIES) if (next() < 0.3) out[p] = pick(values);
      return out;
    };
    const styleRef = (): unknown =>
      next() < 0.5 ? pick(NAMES) : next() < 0.5 ? [pick(NAMES), pick(NAMES)] : next() < 0.5 ? style() : undefined;
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      const dictionary: Record<string, unknown> = {};
      for (const name of NAMES.slice(0, 4)) {
        const s = style();
        if (next() < 0.4) s.extends = next() < 0.5 ? pick(NAMES) : [pick(NAMES), pick(NAMES)];
        dictionary[name] = s;
      }
      const theirs = new Stack(dictionary, next() < 0.8 ? style() : undefined);
      const ours = new Stack(dictionary, theirs.defaultStyle) as PdfmakeStack;
      for (let depth = Math.floor(next() * 5); depth > 0; depth--) {
        const item = next() < 0.3 ? pick(NAMES) : { ...style(), style: styleRef() };
        theirs.push(item);
        ours.styleOverrides.push(item as Record<string, unknown>);
      }
      for (let probe = 0; probe < 6; probe++) {
        const item: Record<string, unknown> =
          next() < 0.1 ? { section: true, ...style() } : { ...style(), style: styleRef() };
        for (const property of PROPERTIES) {
          const fallback = pick(values);
          expect(styleProperty(item, ours, property, fallback)).toEqual(
            Stack.getStyleProperty(item, theirs, property, fallback),
          );
          expect(stackProperty(ours, property)).toEqual(theirs.getProperty(property));
          compared += 2;
        }
        expect(styleProperty(item, null, 'font', 'z')).toEqual(Stack.getStyleProperty(item, null, 'font', 'z'));
      }
    }
    expect(compared).toBe(400 * 6 * PROPERTIES.length * 2);
  });

  it("answer anew once pdfmake's stack is pushed or popped", () => {
    pdfmakeAdapter.sources(); // installs the patch
    const Stack = (require('pdfmake/js/StyleContextStack.js') as { default: StackClass }).default;
    const stack = new Stack({ big: { fontSize: 20 } }, { fontSize: 8 });
    expect(stack.getProperty('fontSize')).toBe(8);
    stack.push('big');
    expect(stack.getProperty('fontSize')).toBe(20);
    stack.push({ fontSize: 11 });
    expect(stack.getProperty('fontSize')).toBe(11);
    expect(Stack.getStyleProperty({ style: 'big' }, stack, 'fontSize', 1)).toBe(20);
    stack.pop(2);
    expect(stack.getProperty('fontSize')).toBe(8);
    // The cache is the stack's: a change made behind pdfmake's back is seen once the stack changes.
    stack.styleOverrides.push({ fontSize: 5 });
    expect(stackProperty(stack, 'fontSize')).toBe(8);
    stackChanged(stack);
    expect(stackProperty(stack, 'fontSize')).toBe(5);
  });
});
