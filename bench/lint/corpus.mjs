// A deterministic synthetic corpus of study notes: same seed, same bytes. Shapes follow the real notes
// (topics, questions, lists, comparison tables, callouts, code) with a few defects sprinkled in.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'queue topic message broker consumer producer stream shard partition replica region zone endpoint latency ' +
  'throughput encryption key policy role permission bucket object lifecycle snapshot backup restore failover ' +
  'cluster instance container function trigger event rule schedule metric alarm dashboard log trace audit ' +
  'network subnet gateway route table firewall certificate domain cache edge origin distribution database ' +
  'index query transaction consistency durability availability scaling capacity cost budget tag account'
).split(' ');
const SERVICES =
  'SQS SNS Kinesis Lambda S3 EC2 RDS Aurora DynamoDB CloudFront Route53 KMS IAM VPC EKS ECS Glue EMR Athena Redshift'.split(
    ' ',
  );

export function makeFile(rand, index, targetBytes) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sentence = (n) => {
    const words = Array.from({ length: n }, () => (rand() < 0.15 ? pick(SERVICES) : pick(WORDS)));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  const out = [`# ${pick(SERVICES)} study notes ${index}`, ''];
  let topic = 0;
  while (out.join('\n').length < targetBytes) {
    topic++;
    out.push(`## ${topic}. ${pick(SERVICES)} and ${pick(SERVICES)}`, '');
    const questions = 2 + Math.floor(rand() * 4);
    for (let q = 0; q < questions; q++) {
      // About one question in 40 lost the space after its hashes.
      out.push(`${rand() < 0.025 ? '###' : '### '}When should you use ${pick(SERVICES)} for ${pick(WORDS)}?`, '');
      out.push(
        Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(8 + Math.floor(rand() * 14))).join(' '),
        '',
      );
      for (let i = 0, n = 2 + Math.floor(rand() * 5); i < n; i++)
        out.push(`- **${pick(SERVICES)}**: ${sentence(6 + Math.floor(rand() * 10))}`);
      out.push('');
      if (rand() < 0.5) {
        const cols = 3 + Math.floor(rand() * 2);
        out.push(`| Feature | ${Array.from({ length: cols - 1 }, () => pick(SERVICES)).join(' | ')} |`);
        out.push(`|${' --- |'.repeat(rand() < 0.03 ? cols - 1 : cols)}`);
        for (let r = 0, rows = 3 + Math.floor(rand() * 6); r < rows; r++) {
          out.push(
            `| ${pick(WORDS)} | ${Array.from({ length: cols - 1 }, () => sentence(3 + Math.floor(rand() * 4))).join(' | ')} |`,
          );
        }
        out.push('');
      }
      if (rand() < 0.3) out.push(`> **Note**: ${sentence(10)}`, '');
      if (rand() < 0.1)
        out.push(
          '```bash',
          `aws ${pick(SERVICES).toLowerCase()} describe-${pick(WORDS)} --region eu-west-1`,
          '```',
          '',
        );
    }
  }
  return `${out.join('\n')}\n`;
}

/** Write `count` files of about `bytes` each under `dir` (emptied first); returns the total size. */
export function writeCorpus(dir, { count = 520, bytes = 24_000, seed = 20261127 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const rand = prng(seed);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `part-${String(Math.floor(i / 50)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    // Sizes vary from a third to twice the target, as real notes do.
    const text = makeFile(rand, i, Math.floor(bytes * (0.33 + rand() * 1.67)));
    writeFileSync(join(sub, `notes-${String(i).padStart(4, '0')}.md`), text);
    total += Buffer.byteLength(text);
  }
  return total;
}
