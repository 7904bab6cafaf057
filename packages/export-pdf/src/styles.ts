// pdfmake's style look-ups (`StyleContextStack`) without their allocations: the same answers, found the same way.

/** A named style of pdfmake's style dictionary, which may extend others. */
type NamedStyle = Record<string, unknown> & { extends?: string | string[] };
/** A style override on pdfmake's stack: a style's name, or an object whose own properties override. */
type Override = string | Record<string, unknown>;

/** pdfmake's `StyleContextStack` as seen from here. */
export interface StyleStack {
  styleDictionary: Record<string, NamedStyle | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: Override[];
  /** What the stack gave for each property since it last changed (see `stackChanged`). */
  notesCache?: Map<string, unknown>;
}

/**
 * Forget what `stack` gave: it is called by pdfmake's `push` and `pop`, the only ways its overrides change. (The
 * overrides are the content's nodes, which pdfmake does not restyle while they are on a stack; it only gives an
 * SVG node the font the stack gives it, which changes no answer.)
 */
export function stackChanged(stack: StyleStack): void {
  stack.notesCache?.clear();
}

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/**
 * The value of `property` in the named style `name`, else in the styles it extends (the last first), as
 * pdfmake's `getStylePropertyFromStyle` finds it; `visited` is made only when a style extends another.
 */
function fromStyle(
  dictionary: StyleStack['styleDictionary'],
  name: string,
  property: string,
  visited?: Set<string>,
): unknown {
  if (visited?.has(name)) return undefined;
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromStyle(dictionary, parents[i]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** The value of one override on the stack: a named style's, or the object's own. */
function fromOverride(stack: StyleStack, item: Override, property: string): unknown {
  return isString(item) ? fromStyle(stack.styleDictionary, item, property) : item[property];
}

/** `StyleContextStack#getProperty`: the overrides from the top of the stack down, then the default style. */
export function stackProperty(stack: StyleStack, property: string): unknown {
  const cache = (stack.notesCache ??= new Map());
  const cached = cache.get(property);
  if (cached !== undefined || cache.has(property)) return cached;
  const value = walk(stack, property);
  cache.set(property, value);
  return value;
}

function walk(stack: StyleStack, property: string): unknown {
  const overrides = stack.styleOverrides;
  for (let i = overrides.length - 1; i >= 0; i--) {
    const value = fromOverride(stack, overrides[i]!, property);
    if (isValue(value)) return value;
  }
  return stack.defaultStyle && stack.defaultStyle[property];
}

/**
 * `StyleContextStack.getStyleProperty`: the item's own value, else what the stack gives with the item pushed on
 * it (`autopush`: its styles, then itself, unless it is a string or a section), else `defaultValue`. pdfmake
 * pushes and pops the item and makes two closures and a Set for each look-up, 20 of them for each piece of text.
 */
export function styleProperty(
  item: Record<string, unknown>,
  stack: StyleStack | null | undefined,
  property: string,
  defaultValue: unknown,
): unknown {
  if (isValue(item[property])) return item[property];
  if (!stack) return defaultValue;
  let value: unknown;
  // The item itself was looked at above; then its styles, the last first.
  if (!isString(item) && typeof item.section === 'undefined' && item.style) {
    const style = item.style as Override | Override[];
    if (Array.isArray(style)) {
      for (let i = style.length - 1; i >= 0 && !isValue(value); i--) value = fromOverride(stack, style[i]!, property);
    } else value = fromOverride(stack, style, property);
  }
  if (!isValue(value)) value = stackProperty(stack, property);
  return isValue(value) ? value : defaultValue;
}

/**
 * Patch pdfmake's `StyleContextStack` (its prototype): `getProperty` and the static `getStyleProperty` as above,
 * `push` and `pop` forgetting what the stack gave.
 */
export function installStyleLookups(prototype: Record<string, unknown>): void {
  const push = prototype.push as (this: StyleStack, ...args: unknown[]) => void;
  const pop = prototype.pop as (this: StyleStack, ...args: unknown[]) => void;
  prototype.push = function (this: StyleStack, ...args: unknown[]) {
    stackChanged(this);
    push.apply(this, args);
  };
  prototype.pop = function (this: StyleStack, ...args: unknown[]) {
    stackChanged(this);
    pop.apply(this, args);
  };
  prototype.getProperty = function (this: StyleStack, property: string) {
    return stackProperty(this, property);
  };
  (prototype.constructor as unknown as Record<string, unknown>).getStyleProperty = styleProperty;
}
