#!/usr/bin/env node
// The `notes` binary: a thin shell around main(); all behaviour lives in src/ (run from its esbuild bundle, which
// src/start.ts compiles with the code cache made at build time).
import { start } from '../dist/start.js';

process.exitCode = await start().main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
