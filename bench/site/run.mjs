// The study site at scale, measured in the browser: a generated set of N questions (default 5,000) exported with
// `notes export --site`, opened from file:// in Debian's headless Chromium, then searched. Usage:
//   node bench/site/run.mjs [questions=5000] [runs=5]
// Load: navigation start to the app's `notes:ready` mark (data parsed, home page with every question drawn),
// and to the `load` event. Index: building the MiniSearch index (done when the browser is idle after load).
// Search: typing a query to results drawn and laid out (input event → forced layout), medians over the runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../../packages/site/scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const questions = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 5);
const PER_FILE = 100;
const PER_TOPIC = 20;

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];
const SERVICES = [
  'Kinesis',
  'SQS',
  'SNS',
  'Lambda',
  'DynamoDB',
  'Aurora',
  'RDS',
  'S3',
  'CloudFront',
  'EKS',
  'ECS',
  'Glue',
  'EMR',
  'Athena',
  'Redshift',
  'KMS',
  'IAM',
  'VPC',
  'Route 53',
  'CloudTrail',
];
const WORDS =
  'latency throughput replication failover encryption partition shard consumer producer queue stream snapshot backup region zone endpoint policy role subnet gateway cache durability consistency retention ordering batch window trigger schedule'.split(
    ' ',
  );
const sentence = () =>
  `${pick(SERVICES)} ${Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(WORDS)).join(' ')}.`;

function file(f) {
  const lines = [`# Study set ${f}`, ''];
  for (let t = 0; t < PER_FILE / PER_TOPIC; t++) {
    lines.push(`## Topic ${f}.${t}: ${pick(SERVICES)} and ${pick(SERVICES)}`, '');
    for (let q = 0; q < PER_TOPIC; q++) {
      const n = f * PER_FILE + t * PER_TOPIC + q;
      lines.push(`### How does ${pick(SERVICES)} handle ${pick(WORDS)} in case ${n}?`, '');
      lines.push(`${sentence()} ${sentence()}`, '', `- **${pick(WORDS)}**: ${sentence()}`, `- ${sentence()}`, '');
      if (n % 5 === 0) {
        lines.push('| Feature | ' + `${pick(SERVICES)} | ${pick(SERVICES)} |`, '| --- | --- | --- |');
        for (let r = 0; r < 3; r++) lines.push(`| ${pick(WORDS)} ${r} | ${pick(WORDS)} | ${pick(WORDS)} |`);
        lines.push('');
      }
      if (n % 7 === 0) lines.push(`> 💡 ${sentence()}`, '');
    }
  }
  return lines.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'notes-site-bench-'));
try {
  const notesDir = join(dir, 'notes');
  mkdirSync(notesDir);
  for (let f = 0; f < Math.ceil(questions / PER_FILE); f++) writeFileSync(join(notesDir, `set-${f}.md`), file(f));
  const started = process.cpuUsage();
  const t0 = performance.now();
  const result = spawnSync(
    process.execPath,
    [join(root, 'packages/cli/bin/notes.js'), 'export', '--site', notesDir, '--out', join(dir, 'out')],
    {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  const cpu = process.cpuUsage(started);
  const child = spawnSync('du', ['-sk', join(dir, 'out/site')], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(
    `${questions} questions: notes export --site ${((performance.now() - t0) / 1000).toFixed(1)} s wall, site ${(Number(child) / 1024).toFixed(1)} MB`,
  );

  const browser = await launch();
  const url = pathToFileURL(join(dir, 'out/site/index.html')).href;
  const loads = [];
  const indexes = [];
  const searches = new Map();
  const queries = ['Kinesis', 'failover', 'kine', 'shard consumer', 'Route 53 latency', 'case 4321'];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // CPU seconds of the page's main thread: on a loaded machine, wall time mostly measures the other processes.
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('notes:ready').length > 0);
    const loadCpu = await threadTime();
    const load = await page.evaluate(() => ({
      data: performance.getEntriesByType('resource').find((r) => r.name.endsWith('data/notes.js'))?.responseEnd ?? 0,
      start: performance.getEntriesByName('notes:start')[0].startTime,
      parsed: performance.getEntriesByName('notes:data')[0].startTime,
      ready: performance.getEntriesByName('notes:ready')[0].startTime,
      load: performance.getEntriesByType('navigation')[0].loadEventEnd,
      questions: document.querySelectorAll('ol.questions a').length,
    }));
    if (load.questions !== questions) throw new Error(`home lists ${load.questions} questions, expected ${questions}`);
    loads.push({ ...load, cpu: loadCpu });
    await page.waitForFunction(() => performance.getEntriesByName('notes:index').length > 0);
    indexes.push(await page.evaluate(() => performance.getEntriesByName('notes:index')[0].duration));
    await page.evaluate(() => (location.hash = '#/search'));
    await page.waitForSelector('ol.results', { state: 'attached' });
    for (const q of queries) {
      const before = await threadTime();
      const r = await page.evaluate((query) => {
        const input = document.getElementById('q');
        const t = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input'));
        void document.body.offsetHeight;
        const ms = performance.now() - t;
        const measures = performance.getEntriesByName('notes:search');
        const index = measures[measures.length - 1].duration;
        return { ms, index, status: document.querySelector('p.status')?.textContent ?? '' };
      }, q);
      r.cpu = (await threadTime()) - before;
      if (!searches.has(q)) searches.set(q, { ms: [], index: [], cpu: [], status: r.status });
      searches.get(q).cpu.push(r.cpu);
      searches.get(q).ms.push(r.ms);
      searches.get(q).index.push(r.index);
    }
    if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);
    await context.close();
  }
  await browser.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `load (navigation → app ready, ${runs} runs): median ${median(loads.map((l) => l.ready)).toFixed(0)} ms, max ${Math.max(...loads.map((l) => l.ready)).toFixed(0)} ms; load event median ${median(loads.map((l) => l.load)).toFixed(0)} ms`,
  );
  const m = (k) => median(loads.map((l) => l[k])).toFixed(0);
  console.log(
    `  main-thread CPU of the page up to app ready (navigation included): median ${m('cpu')} ms, max ${Math.max(...loads.map((l) => l.cpu)).toFixed(0)} ms`,
  );
  console.log(
    `  medians: data script fetched ${m('data')} ms, app started ${m('start')} ms, data ready ${m('parsed')} ms, home drawn ${m('ready')} ms`,
  );
  console.log(
    `search index build (a slice of 250 notes at a time, the page stays responsive): median ${median(indexes).toFixed(0)} ms (after first paint, when idle)`,
  );
  for (const [q, s] of searches)
    console.log(
      `search ${JSON.stringify(q)}: typed → drawn median ${median(s.ms).toFixed(1)} ms (max ${Math.max(...s.ms).toFixed(1)}), index lookup median ${median(s.index).toFixed(1)} ms, main-thread CPU median ${median(s.cpu).toFixed(1)} ms (max ${Math.max(...s.cpu).toFixed(1)}) — ${s.status}`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
