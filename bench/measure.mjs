// One whole-process run under /usr/bin/time, shared by the bench scripts: wall seconds, CPU seconds (user + sys),
// peak RSS in MB, the exit status and stderr. SOURCE_DATE_EPOCH is set so outputs are the same bytes every run.
import { spawnSync } from 'node:child_process';

/** Run `node ...args` in `cwd` and measure it. */
export function measure(args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '__cpu=%U %S __kb=%M', process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = /__cpu=([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const kb = /__kb=(\d+)/.exec(r.stderr ?? '');
  return {
    wall,
    cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
    mb: kb ? Number(kb[1]) / 1024 : null,
    status: r.status,
    stderr: r.stderr ?? '',
  };
}
