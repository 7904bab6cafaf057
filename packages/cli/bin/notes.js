#!/usr/bin/env node
// The `notes` binary: a thin shell around main(); all behaviour lives in src/ (run from its esbuild bundle).
import { main } from '../dist/bundle/notes.js';

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
