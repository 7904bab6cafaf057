/**
 * A value made when it is first asked for. For module constants that cost when the module loads and that many runs
 * never use: V8 parses a regular expression when it is created, and one with Unicode property classes (`\p{L}`)
 * costs a few hundred microseconds of every `notes lint` that loads it, used or not.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
