#!/usr/bin/env node
// The `notes` binary: a thin shell around main(); all behaviour lives in src/ (run from its esbuild bundle, which
// src/start.ts compiles with the code cache made at build time). It is CommonJS (bin/package.json), and so is the
// loader it requires (dist/start.cjs, src/start.ts built by scripts/bundle.mjs): an ES module entry would start
// Node's ES module loader, about 5 ms of every run that `notes lint` does not need.
const { start } = require('../dist/start.cjs');

start()
  .main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  })
  .then((code) => {
    process.exitCode = code;
  });
