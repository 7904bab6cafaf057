import { createRequire } from 'node:module';

/** HarfBuzz's subsetter, `subset-font`'s export. */
export type SubsetFont = (typeof import('subset-font'))['default'];

interface LoadedModule {
  id: string;
  children: LoadedModule[];
}

/**
 * Run `work` with HarfBuzz's subsetter (`subset-font`), loaded for it and let go after, its WebAssembly compiled by
 * V8's baseline compiler (Liftoff) only. Instancing the 120 slices of the Korean font, V8's optimizing compiler
 * took about 45 MB of the process's memory (on its threads, kept by the allocator to the end) and more time than
 * it saved; and the modules' WebAssembly memories (HarfBuzz's grew to 65 MB, the WOFF2 coder's two take 16 MB
 * each) lived as long as the modules stayed loaded, which was to the end of the process. The modules it loaded
 * (itself and what it required for the first time) leave the require cache when `work` is done, so the next
 * collection frees those memories; a later sheet loads it again. The fonts it makes are the same bytes.
 */
export async function withSubsetter<T>(work: (subset: SubsetFont) => Promise<T>): Promise<T> {
  // A require of its own: the modules are also the children of the module that first requires them.
  const require = createRequire(import.meta.url);
  const cache = require.cache as Record<string, LoadedModule | undefined>;
  const loaded = new Set(Object.keys(cache));
  // V8's flags are the process's: set for this work only, and left alone when the command line set it.
  const v8 = process.getBuiltinModule('node:v8');
  const baseline = !process.execArgv.includes('--liftoff-only');
  if (baseline) v8.setFlagsFromString('--liftoff-only');
  try {
    return await work(require('subset-font') as SubsetFont);
  } finally {
    if (baseline) v8.setFlagsFromString('--no-liftoff-only');
    const root = cache[require.resolve('subset-font')];
    // Only modules the subsetter brought in, and nothing another caller loaded meanwhile.
    const drop = (module: LoadedModule | undefined): void => {
      if (!module || loaded.has(module.id) || cache[module.id] !== module) return;
      delete cache[module.id];
      for (const child of module.children) drop(child);
    };
    drop(root);
  }
}
