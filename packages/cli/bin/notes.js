#!/usr/bin/env node
// The `notes` binary: a thin shell around main(); all behaviour lives in src/ (run from its esbuild bundle, which
// src/start.ts compiles with the code cache made at build time). It is CommonJS (bin/package.json), and so is the
// loader it requires (dist/start.cjs, src/start.ts built by scripts/bundle.mjs): an ES module entry would start
// Node's ES module loader, about 5 ms of every run that `notes lint` does not need. A dist/ built before there was
// a dist/start.cjs is started through dist/start.js, as it was then.
function loader() {
  try {
    return Promise.resolve(require('../dist/start.cjs'));
  } catch (error) {
    if (error?.code !== 'MODULE_NOT_FOUND' || error.requireStack?.[0] !== __filename) throw error;
    return import('../dist/start.js');
  }
}

loader()
  .then(({ start }) =>
    start().main({
      argv: process.argv.slice(2),
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    }),
  )
  .then((code) => {
    process.exitCode = code;
  });
