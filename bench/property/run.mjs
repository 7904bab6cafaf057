// The property tests, long: node bench/property/run.mjs [runs=10000] [pdfRuns=300]
// Prints how many cases each property ran, how long it took and what it found.
import fc from 'fast-check';
import { anyMarkdown, damagedNotes } from './arbitraries.mjs';
import { throughEverything } from './pipeline.mjs';
import { cleanUnchanged, idempotent, keepsUndamaged, noFindingNoChange } from './properties.mjs';

const runs = Number(process.argv[2] ?? 10_000);
const pdfRuns = Number(process.argv[3] ?? 300);
const seed = Number(process.env['SEED'] ?? Date.now() % 2 ** 31);
const anyText = fc.oneof(
  anyMarkdown,
  damagedNotes.map((d) => d.damaged),
);

const checks = [
  ['fixSource is idempotent', damagedNotes, idempotent, runs],
  ['fixSource keeps undamaged lines and repairs each defect', damagedNotes, keepsUndamaged, runs],
  ['fixSource leaves clean notes byte for byte', damagedNotes, cleanUnchanged, runs],
  ['no fixable finding, no change (arbitrary text)', anyMarkdown, noFindingNoChange, runs],
  ['lint + repair + JSON/Markdown/Anki never throw', anyText, (t) => throughEverything(t), runs, true],
  ['PDF exporter never throws', anyText, (t) => throughEverything(t, ['pdf']), pdfRuns, true],
];

console.log(`seed ${seed} (SEED=${seed} to replay); CPU time, loaded 2-core machine`);
let failed = 0;
for (const [name, arb, check, numRuns, isAsync] of checks) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const property = isAsync ? fc.asyncProperty(arb, check) : fc.property(arb, check);
  const result = isAsync ? await fc.check(property, { numRuns, seed }) : fc.check(property, { numRuns, seed });
  const used = process.cpuUsage(cpu);
  const line = `${name}: ${result.numRuns} cases, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU, ${((performance.now() - started) / 1000).toFixed(1)} s wall`;
  if (result.failed) {
    failed++;
    console.log(
      `FAIL ${line}\n  counterexample: ${JSON.stringify(result.counterexample)?.slice(0, 2000)}\n  ${String(result.errorInstance ?? result.error).slice(0, 2000)}`,
    );
  } else console.log(`ok   ${line}`);
}
process.exitCode = failed ? 1 : 0;
